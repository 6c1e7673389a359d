"""Who 'he', 'she', 'the 41-year-old actress' and 'the CBS drama' are: genders, epithets, pronouns.

Genders are learned from the document itself (the pronouns that follow a
name). An epithet ("The Riverbend actor", "the captain") goes to the most
recent compatible entity; what it says (a credit, an age, a hometown) is kept
for the relation extractor.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..kb.names import name_key
from ..lexicon import (
    CHARACTER_TITLES,
    NETWORKS,
    PERSON_EPITHET_NOUNS,
    SHOW_EPITHET_ADJECTIVES,
    SHOW_EPITHET_NOUNS,
    WORK_NOUNS,
)
from .context import Context, Mention, inside
from .entities import ROLE_BEFORE

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
FEMALE_NOUNS = {"actress", "alumna", "mom", "mother", "wife", "girlfriend", "daughter", "sister", "queen",
                "hostess", "waitress", "heroine", "woman", "lady"}
# "actor" is said of women too.
MALE_NOUNS = {"alumnus", "dad", "father", "husband", "boyfriend", "son", "brother", "king", "man",
              "guy"}
_DESC = r"(?P<desc>(?:(?:\d+-year-old|[\"“‘]?[A-Z0-9][\w.'’&:+!-]*[\"”’]?|of|the|and|a|an|in|on|to|as|for|&)\s+){0,7}?)"
EPITHET = re.compile(
    r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:former|longtime|beloved|fellow|real-life|award-winning|"
    r"Emmy-winning|Emmy-nominated|Oscar-winning|Golden Globe-winning|veteran|young|onetime|ex)\s+)?" + _DESC +
    r"(?P<noun>" + "|".join(sorted(PERSON_EPITHET_NOUNS | CHARACTER_TITLES | {"alumna", "alumnus"},
                                    key=len, reverse=True))
    + r"|(?<=-year-old ))\b(?!['’]s\s+(?:character|role)|\s+of\b)")  # "the 42-year-old told …" has no noun
SHOW_EPITHET = re.compile(r"\b(?P<det>[Tt]he)\s+(?:(?P<network>" + "|".join(
    re.escape(n) for n in sorted(NETWORKS, key=len, reverse=True)) + r")(?:['’]s)?\s+)?(?P<adj>(?:(?i:" + "|".join(
    re.escape(a) for a in sorted(SHOW_EPITHET_ADJECTIVES, key=len, reverse=True)) + r")\s+){0,2})(?P<noun>" + "|".join(
    SHOW_EPITHET_NOUNS) + r")\b(?!\s+(?:of|about|that|which|who|starring|from|with|" + "|".join(WORK_NOUNS) + r")\b|-"
    r"|,?\s+[“\"‘']?[A-Z])")  # "the NBC series Dry Creek", "her new NBC series, Dry Creek": a title follows


@dataclass
class Epithet:
    """A descriptive phrase for an entity, and what it tells about that entity."""

    mention: Mention
    noun: str
    age: int | None = None
    credit: str | None = None  # entity key of the work, show or place in the phrase


def learn_genders(ctx: Context) -> None:
    """Each person's and character's gender, voted by the pronouns that follow their name.

    A sentence's first name gets the votes of the subject pronouns after it
    (up to the next name) and of possessive pronouns right after it ("Quinn,
    for her part"); pronouns inside quotation marks talk about others.
    """
    votes: dict[str, Counter] = {}
    people = {e.key for e in ctx.entities if e.type in ("person", "character")}
    for sent in ctx.doc.sents:
        names = [m for m in ctx.mentions_in(sent.start_char, sent.end_char)
                 if m.key in people and not inside(ctx.quote_ranges, m.start)]
        if not names:
            continue
        first, following = names[0], [m for m in names[1:] if m.key != names[0].key]
        stop = following[0].start if following else sent.end_char
        for token in sent:
            word = token.lower_
            if not first.end <= token.idx < stop or inside(ctx.quote_ranges, token.idx):
                continue
            if word not in MALE and word not in FEMALE:
                continue
            near = len(ctx.text[first.end:token.idx].split()) <= 4
            if token.dep_ in ("nsubj", "nsubjpass") or near:
                votes.setdefault(first.key, Counter())["m" if word in MALE else "f"] += 1
    for key, counter in votes.items():
        (gender, n), *rest = counter.most_common()
        if not rest or n > rest[0][1]:
            ctx.gender[key] = gender


def gender_of(word: str) -> str | None:
    word = word.lower()
    if word in MALE or word in MALE_NOUNS:
        return "m"
    if word in FEMALE or word in FEMALE_NOUNS:
        return "f"
    return None


def _is_subject(ctx: Context, mention: Mention) -> bool:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)


def antecedent(ctx: Context, offset: int, gender: str | None, types: tuple[str, ...] = ("person", "character"),
               max_sentences: int = 6, epithet: bool = False) -> str | None:
    """The entity a pronoun or epithet at `offset` refers to.

    Sentences are searched backwards from the current one; in each, subjects
    come before other mentions (most recent first). The gender must agree and
    mentions inside quotation marks are passed over. An epithet names someone
    other than its own sentence's subject, so there the latest mention wins.
    """
    sent = ctx.sentence_of(offset)
    sentences = [sent]
    counted = 1
    while counted < max_sentences and sentences[-1].start > 0:
        sentences.append(ctx.doc[sentences[-1].start - 1].sent)
        counted += not _all_quoted(ctx, sentences[-1])
    for index, current in enumerate(sentences):
        end = offset if index == 0 else current.end_char
        candidates = [m for m in ctx.mentions_in(current.start_char, end)
                      if ctx.type_of(m.key) in types and not inside(ctx.quote_ranges, m.start)
                      and not (gender and ctx.gender.get(m.key, gender) != gender)
                      and not ROLE_BEFORE.search(ctx.text[max(0, m.start - 40):m.start])]
        subjects = [] if epithet and index == 0 else [m for m in candidates if _is_subject(ctx, m)]
        ordered = subjects + [m for m in reversed(candidates) if m not in subjects]
        if ordered:
            return ordered[0].key
    return None


def _all_quoted(ctx: Context, sent) -> bool:
    return all(inside(ctx.quote_ranges, t.idx) or t.is_punct for t in sent)


def resolve_pronouns(ctx: Context) -> None:
    """Record he/she/his/her outside quotes as mentions of their antecedents, in text order."""
    for token in ctx.doc:
        word = token.lower_
        if (word in MALE or word in FEMALE) and not inside(ctx.quote_ranges, token.idx):
            key = antecedent(ctx, token.idx, gender_of(word))
            if key is not None:
                ctx.add_mentions([Mention(key, token.idx, token.idx + len(token.text), "pronoun")])


def main_show(ctx: Context) -> str | None:
    """The show the article is about: the most mentioned one."""
    counts = Counter(m.key for m in ctx.mentions if ctx.type_of(m.key) == "show")
    return counts.most_common(1)[0][0] if counts else None


def find_epithets(ctx: Context) -> list[Epithet]:
    """Link descriptive phrases to their entities, as mentions and (when distinctive) aliases."""
    found: list[Epithet] = []
    for match in EPITHET.finditer(ctx.text):
        phrase = match.group(0).rstrip()
        start, end = match.start(), match.start() + len(phrase)
        if inside(ctx.quote_ranges, start):
            continue
        noun, desc = match.group("noun").lower(), match.group("desc").strip()
        character_noun = noun in CHARACTER_TITLES
        types = ("character",) if character_noun else ("person",)
        key = antecedent(ctx, start, gender_of(noun), types, epithet=True)
        if key is None:
            continue
        epithet = Epithet(Mention(key, start, end, "epithet"), noun)
        age = re.match(r"(\d+)-year-old", desc)
        if age:
            epithet.age = int(age.group(1))
        elif desc:
            epithet.credit = _credit(ctx, desc)
            if epithet.credit is None:
                continue
        if desc or character_noun:  # "the actress" alone is too generic to be an alias
            ctx.entity(key).aliases.append(phrase)
        ctx.add_mentions([epithet.mention])
        found.append(epithet)
    for match in SHOW_EPITHET.finditer(ctx.text):
        show = main_show(ctx)
        if show is None or inside(ctx.quote_ranges, match.start()):
            continue
        mention = Mention(show, match.start(), match.end(), "epithet" if match.group("network") else "pronoun")
        if match.group("network"):
            ctx.entity(show).aliases.append(match.group(0))
            epithet = Epithet(mention, match.group("noun"))
            epithet.credit = _entity_named(ctx, match.group("network"))
            found.append(epithet)
        ctx.add_mentions([mention])
    return found


def _entity_named(ctx: Context, name: str) -> str | None:
    key = name_key(name)
    for entity in ctx.entities:
        if name_key(entity.name) == key or any(name_key(a) == key for a in entity.aliases):
            return entity.key
    return None


def _credit(ctx: Context, desc: str) -> str | None:
    """The entity a descriptor names ('Riverbend' in "the Riverbend alum"), if the entity stage found it."""
    desc = desc.strip("\"“”‘’")
    if not desc[:1].isupper() and not desc[:1].isdigit():
        return None
    return _entity_named(ctx, desc)
