"""Facts a fan wiki keeps — who plays whom, who is married to, directed, airs on what — each with its sentence.

Every pattern reads the cleaned text around entity mentions (names,
epithets and resolved pronouns), so "his boss, Capt. Nora Vance" relates Vance
to whoever "his" is. Facts that follow from others are derived at the end:
an actor who plays a character of a show is a cast member of that show.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from ..document import Fact, Value
from ..lexicon import CHARACTER_TITLES, FAMILY_NOUNS, PERSON_EPITHET_NOUNS
from .context import Context, Mention, inside
from .coref import Epithet, main_show
from .relpatterns import MAIN, SUBJECT, match_patterns, slot_after, slot_before
from .time import TimeExpr

# Marks that open a quotation, straight and curly.
OPENING_QUOTES = ('"', "“", "‘")

PEOPLE = ("person", "character")
# Names before epithets before pronouns, where several mentions fill one side of a pattern.
MENTION_RANK = {"name": 0, "alias": 0, "epithet": 1, "pronoun": 2}
MAX_NAME_LENGTH = 80  # longer than any name: bounds the mentions searched around an offset
# An optional rank or title before a character's name: "his boss, Capt. Nora Vance".
_TITLE = r"(?:(?:" + "|".join(sorted(CHARACTER_TITLES, key=len, reverse=True)) + r")\.?\s+)?"
# Family nouns for a person's children: the children of one spouse are the other's too.
CHILD_NOUNS = frozenset({"son", "daughter", "child", "children", "kids", "sons", "daughters", "stepson",
                         "stepdaughter"})
RELATION_NOUNS = {
    **{w: ("spouse_of", None) for w in ("wife", "husband", "spouse")},
    **{w: ("romantic_partner_of", None) for w in ("girlfriend", "boyfriend", "fiancé", "fiancée", "fiance",
                                                   "fiancee", "love interest", "lover", "ex-girlfriend",
                                                   "ex-boyfriend", "affair with", "romance with", "fling with",
                                                   "engagement to")},
    **{w: ("spouse_of", None) for w in ("ex-wife", "ex-husband", "widow", "widower")},
    "partner": ("partner_of", None),
    **{w: ("superior_of", "inverse") for w in ("boss", "supervisor", "commander", "commanding officer", "sergeant",
                                              "lieutenant", "captain", "chief", "superior")},
    **{w: ("relative_of", w) for w in FAMILY_NOUNS},
}
_REL_WORDS = "|".join(sorted((re.escape(w) for w in RELATION_NOUNS), key=len, reverse=True))
_OCCUPATION = r"(?:(?:actor|actress|director|producer|writer|singer|musician|comedian|chef|model|artist|" \
              r"businessman|businesswoman|entrepreneur|screenwriter|showrunner|author|athlete)\s+)?"
RELATION_BEFORE = re.compile(rf"(?P<owner>\b(?:his|her|their|with|and)|['’]s)\s+(?:(?P<screen>on-?screen|real-life|"
                             rf"former|"
                             rf"late|new|older|younger|little|big|twin|longtime|two|three|four|five|six|adult|beloved)\s+)*"
                             rf"(?P<noun>{_REL_WORDS})(?:\s+of\s+\w+\s+years)?\s*(?:,|--|—|–|:)?\s*"
                             + _OCCUPATION + _TITLE + "$", re.I)
RELATION_AFTER = re.compile(rf"(?:\s*\([^)]{{1,60}}\))?,\s+(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]*['’]s\s+(?:on-?screen\s+)?"
                            rf"(?P<noun>{_REL_WORDS})\b")
# "Meghan Reyes, daughter of the late Tom Reyes": the noun, then "of".
RELATION_OF = re.compile(rf"\b(?P<noun>{_REL_WORDS})\s+of\s+(?:the\s+)?(?:late\s+)?"
                         rf"(?:(?:[A-Z][\w'’-]*\s+){{1,3}}(?:star|actor|actress|alum|host|creator)\s+)?$")
LIST_AFTER = re.compile(r"^(?:\s*\([^()]{1,60}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$")
MARRIED = re.compile(r"\b(?:married|marries|marrying|wed|weds)\s+(?:to\s+)?(?:(?:his|her)\s+(?:partner|girlfriend|"
                     r"boyfriend|fiancée?|love)\s*,?\s*)?$", re.I)
SEASONS = re.compile(r"\bafter\s+(?P<n>\d+|\w+)\s+seasons\b|\b(?P<m>\d+|\w+)-season\s+(?:run|stint|tenure)\b", re.I)
NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty").split())}
SEASON_EPISODE = re.compile(r"\bseason\s+(?P<season>\d+),?\s+episode\s+(?P<number>\d+)|\bS(?P<s2>\d+)\s*E(?P<e2>\d+)\b",
                            re.I)
AIRED = re.compile(r"\b(?:which\s+)?(?:aired|airs|premiered|premieres|debuted|will air|is set to air|airing)\b", re.I)
SLOT = re.compile(r"\s+(?P<slot>(?:(?:Mondays|Tuesdays|"
                  r"Wednesdays|Thursdays|Fridays|Saturdays|Sundays|weeknights|nightly)\s+)?(?:at\s+)?\d{1,2}(?::\d\d)?"
                  r"(?:\s*(?:p\.?m\.?|a\.?m\.?)(?:\s*(?:ET|PT|CT|EST|PST|ET/PT|EDT|PDT)(?:/\d+c)?)?|/\d{1,2}(?::\d\d)?c))")
CAST_WORDS = re.compile(r"\b(?:co-?stars?|castmates?|cast\s*mates?|cast members?|ex-castmates?|former co-?stars?)\b",
                        re.I)
# "Northern Line creator Mara Quinn", "the Dry Creek alum": a show named as someone's credit, not as the story's.
CREDIT_AFTER = re.compile(rf"[”\"’']?\s+(?:{'|'.join(sorted(PERSON_EPITHET_NOUNS))})s?\b", re.I)
NATIVE_OF = re.compile(r"\b(?:a native of|native of|hails from|born in|grew up in|raised in|hometown of)\s+$", re.I)


class Facts:
    """Collects facts, one per (subject, predicate, object), keeping the first evidence."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.items: dict[tuple, Fact] = {}

    def add(self, subject: str | None, predicate: str, obj: str | Value | None, offset: int,
            **qualifiers: object) -> None:
        if subject is None or obj is None or subject == obj:
            return
        key = (subject, predicate, obj)
        if key in self.items:
            self.items[key].qualifiers.update({k: v for k, v in qualifiers.items()
                                               if v is not None and k not in self.items[key].qualifiers})
            return
        self.items[key] = Fact(subject, predicate, obj, self.ctx.sentence_span(offset),
                               {k: v for k, v in qualifiers.items() if v is not None})

    def having(self, predicate: str) -> list[Fact]:
        return [f for f in self.items.values() if f.predicate == predicate]


def _mention_ending(ctx: Context, end: int, types: tuple[str, ...], window: int = 40) -> str | None:
    """The entity of a mention that ends just before `end` (the nearest one)."""
    best = None
    for m in ctx.mentions_in(max(0, end - window - MAX_NAME_LENGTH), end):
        if end - window <= m.end <= end and ctx.type_of(m.key) in types and (best is None or m.end > best.end):
            best = m
    return best.key if best else None


def _mention_starting(ctx: Context, start: int, types: tuple[str, ...], window: int = 40) -> str | None:
    best = None
    for m in ctx.mentions_in(start, start + window + MAX_NAME_LENGTH):
        if m.start <= start + window and ctx.type_of(m.key) in types and (best is None or m.start < best.start):
            best = m
    return best.key if best else None


def _as_type(ctx: Context, key: str | None, types: tuple[str, ...]) -> str | None:
    """The entity itself if of `types`; for a person where a character is wanted, the character they play."""
    kind = ctx.type_of(key)
    if kind in types:
        return key
    if kind == "person" and "character" in types:
        return ctx.played.get(key)
    return None


def _owner(ctx: Context, owner_start: int, owner_text: str, types: tuple[str, ...]) -> str | None:
    """Whose: 'his'/'her' (a resolved pronoun) or the name before "'s"."""
    if owner_text.lower() in ("his", "her", "their"):
        mention = ctx.mention_at(owner_start, owner_start + len(owner_text))
        key = mention.key if mention else None
        if ctx.type_of(key) in PEOPLE and set(types) <= set(PEOPLE):  # whose the pronoun says, even where the
            return _as_type(ctx, key, types) or key                    # relative's own type is in doubt
        return _subject_key(ctx, owner_start, types)
    return _as_type(ctx, _mention_ending(ctx, owner_start, PEOPLE, window=3), types)


def _subject_key(ctx: Context, offset: int, types: tuple[str, ...]) -> str | None:
    """The first entity of `types` the sentence names before `offset` (its subject, usually), else after it."""
    sent = ctx.sentence_of(offset)
    for m in ctx.mentions_in(sent.start_char, offset) + ctx.mentions_in(offset, sent.end_char):
        if ctx.type_of(m.key) in types:
            return m.key
    return None


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _token_index(ctx: Context) -> tuple[dict[int, list[Mention]], dict[int, list[Mention]]]:
    """Mentions by the token they end at (exclusive) and the token they start at."""
    ends: defaultdict[int, list[Mention]] = defaultdict(list)
    starts: defaultdict[int, list[Mention]] = defaultdict(list)
    for m in ctx.mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            ends[span.end].append(m)
            starts[span.start].append(m)
    return ends, starts


def _best(mentions: list[Mention], ctx: Context, types: tuple[str, ...], pronouns: bool) -> Mention | None:
    ranked = [m for m in mentions if ctx.type_of(m.key) in types
              and (pronouns or m.kind != "pronoun" or ctx.type_of(m.key) not in PEOPLE)]  # "joined the series"
    return min(ranked, key=lambda m: (MENTION_RANK.get(m.kind, 3), -(m.end - m.start)), default=None)


def _left(ctx: Context, ends: dict, token: int, types: tuple[str, ...]) -> Mention | None:
    return slot_before(ctx.doc, token, ends, lambda ms: _best(ms, ctx, types, pronouns=True))


def _right(ctx: Context, starts: dict, token: int, types: tuple[str, ...]) -> tuple[Mention | None, int]:
    return slot_after(ctx.doc, token, starts, lambda ms: _best(ms, ctx, types, pronouns=False),
                      lambda m: ctx.doc.char_span(m.start, m.end, alignment_mode="expand").end)


def _listed(ctx: Context, starts: dict, after: int, types: tuple[str, ...]) -> list[Mention]:
    """Further names in a list that goes on after token `after`: ', Y', 'and Y', ', and Y', 'as well as Y',
    '(Role), Y'."""
    found = []
    doc = ctx.doc
    i = after
    while i < len(doc):
        if doc[i].text == "(":
            close = next((j for j in range(i, min(i + 12, len(doc))) if doc[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if doc[i].text not in (",", "and", "&", "as"):
            break
        if doc[i].lower_ == "as" and not (i + 2 < len(doc) and doc[i + 1].lower_ == "well" and doc[i + 2].lower_
                                           == "as"):
            break
        i += 3 if doc[i].lower_ == "as" else 1
        if i < len(doc) and doc[i].lower_ in ("and", "as"):
            i += 3 if doc[i].lower_ == "as" else 1
        mention, end = _right(ctx, starts, i, types)
        if mention is None:
            break
        found.append(mention)
        i = end
    return found


def _listed_before(ctx: Context, ends: dict, first: Mention, types: tuple[str, ...]) -> list[Mention]:
    """Names listed before the one a pattern found on its left: 'X, Y and Z joined …' gives X and Y for Z. The
    list must close with 'and' ('Nora Vance, Mara Quinn joined …' is no list)."""
    found: list[Mention] = []
    doc = ctx.doc
    i = ctx.doc.char_span(first.start, first.end, alignment_mode="expand").start
    closing = True
    while i > 0:
        glue = doc[i - 1].lower_
        if glue not in (",", "and", "&") or (closing and glue == ","):
            break
        i -= 1
        if glue in ("and", "&") and i > 0 and doc[i - 1].text == ",":
            i -= 1
        mention = _best(ends.get(i, []), ctx, types, pronouns=False)
        if mention is None:
            break
        found.append(mention)
        i = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand").start
        closing = False
    return found


def pattern_facts(ctx: Context, facts: Facts) -> None:
    """Every relation pattern (relpatterns.py) whose two sides are mentions of the right types."""
    ends, starts = _token_index(ctx)
    show = main_show(ctx)
    for pattern, start, end in match_patterns(ctx.doc):
        if any(inside(ctx.quote_ranges, t.idx) for t in ctx.doc[start:end]):
            continue
        focus = _show_in_focus(ctx, ctx.doc[start].idx) or show
        if pattern.left == MAIN:
            left_keys = [focus] if focus else []
        elif pattern.left == SUBJECT:
            subject = _subject_key(ctx, ctx.doc[start].idx, ("person",))
            left_keys = [subject] if subject else []
        else:
            left = _left(ctx, ends, start, pattern.left)
            left_keys = [left.key, *(m.key for m in _listed_before(ctx, ends, left, pattern.left))] if left else []
        if pattern.right == MAIN:
            right_keys = [focus] if focus else []
        else:
            right, after = _right(ctx, starts, end, pattern.right)
            if right is not None and pattern.then and not re.match(pattern.then, ctx.text[right.end:right.end + 40]):
                right = None
            right_keys = [right.key, *(m.key for m in _listed(ctx, starts, after, pattern.right))] if right else []
        offset = ctx.doc[start].idx
        for left_key in left_keys:
            for right_key in right_keys:
                subject, obj = (left_key, right_key) if pattern.subject == "left" else (right_key, left_key)
                facts.add(subject, pattern.predicate, obj, offset, slot=_slot(ctx, obj if pattern.subject == "left"
                                                                                else subject, offset)
                          if pattern.predicate == "airs_on" else None)


def _slot(ctx: Context, network: str, offset: int) -> str | None:
    """The weekly slot written right after the network's name in the sentence ('on CBS Thursdays at 9')."""
    sent = ctx.sentence_of(offset)
    for m in ctx.mentions_in(sent.start_char, sent.end_char):
        if m.key == network:
            slot = SLOT.match(ctx.text[m.end:m.end + 80]) or SLOT.match(" " + ctx.text[sent.start_char:m.start][-40:])
            if slot:
                return slot.group("slot").strip()
    return None


def shows_of_characters(ctx: Context, facts: Facts) -> None:
    """Each character's show: one the text puts it in, else its actor's only show, else the only show of a
    sentence that names it, else the show named just before it, else the show the article is about."""
    show = main_show(ctx)
    placed = {f.subject for f in facts.having("character_in")}
    casts: defaultdict[str, set[str]] = defaultdict(set)
    for fact in facts.having("cast_member_of"):
        casts[fact.subject].add(fact.object)
    actor_of = {f.object: f.subject for f in facts.having("plays")}
    for entity in ctx.entities:
        if entity.type != "character" or not entity.mentions or entity.key in placed:
            continue
        elsewhere = _work_after(ctx, entity.mentions[0])
        if elsewhere is not None:  # "as Dev Roy in the Northern Line films": a film role, in no show
            if entity.key in actor_of:
                facts.add(actor_of[entity.key], "known_for", elsewhere.key, elsewhere.start)
            continue
        target, where = show, entity.mentions[0].start
        actor_shows = casts.get(actor_of.get(entity.key, ""), set())
        if len(actor_shows) == 1:
            target = next(iter(actor_shows))
        else:
            for span in entity.mentions:
                sent = ctx.sentence_of(span.start)
                near = {m.key for m in ctx.mentions_in(sent.start_char, sent.end_char) if ctx.type_of(m.key) == "show"}
                if len(near) == 1:
                    target, where = next(iter(near)), span.start
                    break
            else:
                target = _show_before(ctx, entity.mentions[0].start) or show
        facts.add(entity.key, "character_in", target, where)


def _work_after(ctx: Context, mention: Mention) -> Mention | None:
    """The film or franchise a character is named in: 'Dev Roy in the Northern Line films'."""
    after = re.match(r"\s+(?:in|from)\s+(?:the\s+)?", ctx.text[mention.end:mention.end + 12])
    if after is None:
        return None
    at = mention.end + after.end()
    title = ctx.mention_at(at, at + 1)
    return title if title is not None and ctx.type_of(title.key) in ("work", "franchise") else None


def _show_in_focus(ctx: Context, offset: int) -> str | None:
    """The show a sentence's 'the series' or 'joins the cast' is about: the one its paragraph last named before the
    sentence (a roundup moves from show to show), if any."""
    start, _ = ctx.paragraph_of(offset)
    return _last_show_named(ctx, start, ctx.sentence_of(offset).start_char)


def _show_before(ctx: Context, offset: int) -> str | None:
    """The show named last before `offset`, in its paragraph or the one before it (a casting roundup names
    a show, then its new characters). A paragraph that opens with a quote goes on with what someone says, not
    with the last paragraph's show: it looks in itself only."""
    start, _ = ctx.paragraph_of(offset)
    if start > 2 and not ctx.text.startswith(OPENING_QUOTES, start):
        start, _ = ctx.paragraph_of(start - 3)
    return _last_show_named(ctx, start, offset)


def _last_show_named(ctx: Context, start: int, end: int) -> str | None:
    """The show named last in [start, end) by its name, not as someone's credit."""
    named = [m.key for m in ctx.mentions_in(start, end) if ctx.type_of(m.key) == "show" and m.kind == "name"
             and not CREDIT_AFTER.match(ctx.text[m.end:m.end + 20])]
    return named[-1] if named else None


def networks_of_the_show(ctx: Context, facts: Facts) -> None:
    """A network named in a sentence about the article's show, and tied to no other show, carries it."""
    show = main_show(ctx)
    if show is None:
        return
    taken = {f.object for f in facts.having("airs_on") if f.subject != show}
    for sent in ctx.doc.sents:
        mentions = [m for m in ctx.mentions_in(sent.start_char, sent.end_char) if not inside(ctx.quote_ranges, m.start)]
        if not any(m.key == show for m in mentions):
            continue
        for m in mentions:
            if ctx.type_of(m.key) == "network" and m.key not in taken:
                facts.add(show, "airs_on", m.key, m.start)


def resolve_credits(ctx: Context, facts: Facts) -> None:
    """A credit on a show the article covers (its main show, a show of its characters, one someone joins or
    leaves) is cast membership; any other credit is what the person is known for."""
    covered = {main_show(ctx)} | {f.object for f in facts.having("character_in")} | \
        {f.object for f in facts.having("cast_member_of")}
    for fact in facts.having("credit"):
        del facts.items[(fact.subject, fact.predicate, fact.object)]
        covered_show = ctx.type_of(fact.object) == "show" and fact.object in covered
        facts.add(fact.subject, "cast_member_of" if covered_show else "known_for", fact.object, fact.evidence.start)


BEHIND_THE_CAMERA = re.compile(r"\b(?:creator|co-creator|showrunner|co-showrunner|producer|writer|director|"
                               r"executive|president|chairman|chairwoman|chief|boss|head|author|novelist|"
                               r"journalist|reporter|critic|spokesperson|spokesman|spokeswoman)s?\b", re.I)


def lead_actor(ctx: Context, facts: Facts) -> None:
    """The person an article is about is in the cast of the show it is about, unless the article puts them
    behind the camera ("creator Gil Hartman", "the showrunner") or gives them a show already."""
    show = main_show(ctx)
    people = Counter(m.key for m in ctx.mentions if ctx.type_of(m.key) == "person" and m.kind != "pronoun")
    if show is None or not people:
        return
    person, count = people.most_common(1)[0]
    if count < 3 or [n for _, n in people.most_common(2)][1:] == [count]:
        return  # no one person the article is about
    if any(f.subject == person and f.predicate in ("cast_member_of", "directed", "member_of") for f in
           facts.items.values()) or any(f.object == person and f.predicate == "created_by" for f in
                                        facts.items.values()):
        return
    for m in ctx.mentions:
        if m.key == person and BEHIND_THE_CAMERA.search(ctx.text[max(0, m.start - 40):m.end + 40]):
            return
    first = next(m for m in ctx.mentions if m.key == person)
    facts.add(person, "cast_member_of", show, first.start)


def works_of_the_subject(ctx: Context, facts: Facts) -> None:
    """Films and other works named in a sentence about one person only are what that person is known for."""
    show = main_show(ctx)
    for sent in ctx.doc.sents:
        mentions = ctx.mentions_in(sent.start_char, sent.end_char)
        people = {m.key for m in mentions if ctx.type_of(m.key) == "person"}
        if len(people) != 1 or any(inside(ctx.quote_ranges, m.start) for m in mentions):
            continue
        person = next(iter(people))
        for m in mentions:
            if ctx.type_of(m.key) == "work" and m.key != show and m.kind == "name":
                facts.add(person, "known_for", m.key, m.start)


def relations_between_people(ctx: Context, facts: Facts) -> None:
    """'his wife X', 'with husband X', 'her boss, X', 'X's brother Y', 'daughter of X', 'married X', and the
    rest of a list ('children X, Y and Z'): only between people of one kind."""
    for m in ctx.mentions:
        kind = ctx.type_of(m.key)
        if kind not in PEOPLE or m.kind == "pronoun":
            continue
        before = ctx.text[max(0, m.start - 80):m.start]
        rel = RELATION_BEFORE.search(before)
        if rel and "screen" not in (rel.group("screen") or "").lower():  # an on-screen wife is a role
            owner_at = m.start - len(before) + rel.start("owner")
            word = rel.group("owner").lower()
            owner = _subject_key(ctx, owner_at, (kind,)) if word in ("with", "and") else \
                _owner(ctx, owner_at, rel.group("owner"), (kind,))
            for member in [m, *_followers(ctx, m, kind)]:
                _relate(facts, owner, rel.group("noun").lower(), member.key, member.start)
        of = RELATION_OF.search(before)
        if of:  # the person this phrase describes: the first one the sentence names ("X, the son of Y")
            sent = ctx.sentence_of(m.start)
            earlier = [x.key for x in ctx.mentions_in(sent.start_char, m.start - len(before) + of.start())
                       if ctx.type_of(x.key) == kind and x.key != m.key]
            if earlier:
                _relate(facts, earlier[0], of.group("noun").lower(), m.key, m.start, inverse=True)
        after = ctx.text[m.end:m.end + 60]
        appositive = RELATION_AFTER.match(after)  # "Dr. Amara Lang, Theo's wife"
        if appositive:
            owner = _mention_ending(ctx, m.end + appositive.start("noun") - 3, (kind,), 4)
            _relate(facts, owner, appositive.group("noun").lower(), m.key, m.start)
        married = MARRIED.search(before)
        if married:
            spouse = _subject_of_clause(ctx, m.start - len(before) + married.start(), (kind,))
            facts.add(spouse, "spouse_of", m.key, m.start)
            if re.search(r"\bpartner\b", married.group(0), re.I):
                facts.add(spouse, "partner_of", m.key, m.start)
    for child in facts.having("relative_of"):  # a child of one spouse is the other's child too
        if child.qualifiers.get("relation") not in CHILD_NOUNS:
            continue
        for marriage in facts.having("spouse_of"):
            if child.subject in (marriage.subject, marriage.object):
                other = marriage.object if child.subject == marriage.subject else marriage.subject
                facts.add(other, "relative_of", child.object, child.evidence.start,
                          relation=child.qualifiers["relation"])


def _relate(facts: Facts, owner: str | None, noun: str, person: str, offset: int, inverse: bool = False) -> None:
    """The fact a relation noun states between its owner and a person ("his wife X": owner's spouse X).
    `inverse`: the person is the owner's relation the other way round ("X, daughter of Y": Y's parent X)."""
    predicate, how = RELATION_NOUNS[noun]
    if owner is None:
        return
    if predicate == "superior_of":
        facts.add(owner if inverse else person, predicate, person if inverse else owner, offset)
    elif predicate == "relative_of":
        facts.add(owner, predicate, person, offset, relation=how)
    else:
        facts.add(owner, predicate, person, offset)


def _followers(ctx: Context, first: Mention, kind: str) -> list[Mention]:
    """The names listed right after a name: ', Y', ' and Y', ', Y and Z'."""
    found: list[Mention] = []
    end = first.end
    for m in ctx.mentions_in(first.end, min(len(ctx.text), first.end + 200)):
        if m.kind == "pronoun" or m.start < end:
            continue
        if ctx.type_of(m.key) != kind or not LIST_AFTER.match(ctx.text[end:m.start]):
            break
        found.append(m)
        end = m.end
    return found


def _subject_of_clause(ctx: Context, offset: int, types: tuple[str, ...]) -> str | None:
    """Who does the verb at `offset`: its subject mention, or 'his character' as the character he plays."""
    token = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is None:
        return None
    verb = token[0]
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ == "character":
            owner = next((c for c in child.children if c.dep_ == "poss"), None)
            if owner is not None:
                mention = ctx.mention_at(owner.idx, owner.idx + len(owner.text))
                return _as_type(ctx, mention.key if mention else None, ("character",))
        mention = ctx.mention_at(child.idx, child.idx + len(child.text))
        return _as_type(ctx, mention.key if mention else None, types)
    return _subject_key(ctx, offset, types)


def episodes(ctx: Context, facts: Facts, times: list[TimeExpr]) -> None:
    """Each episode's show, season and number, and air date, from the sentence that names it."""
    show = main_show(ctx)
    for entity in ctx.entities:
        if entity.type != "episode" or not entity.mentions:
            continue
        first = entity.mentions[0]
        qualifiers: dict[str, object] = {}
        target = show
        for span in entity.mentions:
            sent = ctx.sentence_of(span.start)
            near = [m.key for m in ctx.mentions_in(sent.start_char, sent.end_char) if ctx.type_of(m.key) == "show"]
            target = near[0] if near else target
            numbers = SEASON_EPISODE.search(ctx.text[sent.start_char:span.start][-60:])
            if numbers:
                qualifiers["season"] = int(numbers.group("season") or numbers.group("s2"))
                qualifiers["number"] = int(numbers.group("number") or numbers.group("e2"))
            tail = ctx.text[span.end:sent.end_char]
            aired = AIRED.search(tail)
            if aired:
                date = next((t.value for t in times if span.end + aired.end() <= t.start <= span.end + aired.end() + 12
                             and t.value), None)
                qualifiers.setdefault("air_date", date)
        facts.add(entity.key, "episode_of", target, first.start, **qualifiers)


def network_epithets(ctx: Context, facts: Facts, epithets: list[Epithet]) -> None:
    """'the CBS drama' names the show's network."""
    for epithet in epithets:
        if epithet.credit and ctx.type_of(epithet.credit) == "network" and ctx.type_of(epithet.mention.key) == "show":
            facts.add(epithet.mention.key, "airs_on", epithet.credit, epithet.mention.start)


def epithet_facts(ctx: Context, facts: Facts, epithets: list[Epithet], published: str | None) -> None:
    """'the Riverbend actor' (known for), 'the Ohio native' (from), 'the 41-year-old actress' (age)."""
    for epithet in epithets:
        person = epithet.mention.key
        if ctx.type_of(person) != "person":
            continue
        if epithet.age is not None:
            facts.add(person, "age", Value(epithet.age), epithet.mention.start, as_of=published)
        credit_type = ctx.type_of(epithet.credit)
        if credit_type == "place":
            facts.add(person, "from", epithet.credit, epithet.mention.start)
        elif epithet.credit == main_show(ctx) and epithet.noun in ("alum", "alumna", "alumnus", "star", "actor",
                                                                 "actress"):
            facts.add(person, "cast_member_of", epithet.credit, epithet.mention.start)
        elif credit_type in ("work", "show"):
            facts.add(person, "known_for", epithet.credit, epithet.mention.start)


def ages(ctx: Context, facts: Facts, published: str | None) -> None:
    """'Reyes, 38, told …': an age as of the article's date."""
    for match in re.finditer(r",\s*(\d{1,2}),", ctx.text):
        person = _mention_ending(ctx, match.start(), ("person",), 1)
        if person is not None:
            facts.add(person, "age", Value(int(match.group(1))), match.start(), as_of=published)


def hometowns(ctx: Context, facts: Facts) -> None:
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "place":
            continue
        if NATIVE_OF.search(ctx.text[max(0, m.start - 30):m.start]):
            facts.add(_subject_key(ctx, m.start, ("person",)), "from", m.key, m.start)


def cast(ctx: Context, facts: Facts) -> None:
    """Cast members: 'the show's co-star X', 'his castmate'; seasons and start from 'after 10 seasons'."""
    show = main_show(ctx)
    if show is None:
        return
    for sent in ctx.doc.sents:
        text = sent.text
        if not CAST_WORDS.search(text) or all(ctx.text[t.idx] in "“\"" for t in sent[:1]):
            continue
        for m in ctx.mentions_in(sent.start_char, sent.end_char):
            if ctx.type_of(m.key) == "person" and m.kind != "pronoun":
                facts.add(m.key, "cast_member_of", show, m.start)
        for m in ctx.mentions_in(sent.start_char, sent.end_char):
            if ctx.type_of(m.key) == "person" and m.kind == "pronoun" and re.match(
                    r"\s+and\s+(?:his|her|their)\s+(?:former\s+)?co-?stars", ctx.text[m.end:m.end + 30]):
                facts.add(m.key, "cast_member_of", show, m.start)


def tenure(ctx: Context, facts: Facts) -> None:
    """Seasons and start year of a cast member's run, where the text states them."""
    for fact in facts.having("cast_member_of"):
        person = fact.subject
        for m in ctx.mentions:
            if m.key != person:
                continue
            sent = ctx.sentence_of(m.start)
            seasons = SEASONS.search(sent.text)
            if seasons:
                fact.qualifiers.setdefault("seasons", _number(seasons.group("n") or seasons.group("m")))
            since = re.search(r"\bsince\s+(?:its|the show's|the series['’])\s+((?:19|20)\d\d)\s+premiere", sent.text)
            if since:
                fact.qualifiers.setdefault("start", since.group(1))


def directing(ctx: Context, facts: Facts) -> None:
    """A directorial debut on a title, and on the only episode the article names ("X directed Y" and
    "Y, directed by X" are relation patterns)."""
    episodes_ = [e.key for e in ctx.entities if e.type == "episode" and e.mentions]
    for m in ctx.mentions:
        if ctx.type_of(m.key) not in ("episode", "show"):
            continue
        if re.search(r"directorial debut\s+(?:with|on)\s+(?:[\w,]+\s+){0,6}?[“\"‘]?$",
                     ctx.text[max(0, m.start - 60):m.start]):
            facts.add(_subject_key(ctx, m.start, ("person",)), "directed", m.key, m.start)
    if len(episodes_) == 1:  # "The episode was directed by X": the one episode the article names
        for match in re.finditer(r"\b(?:the|this|that)\s+episode\s+(?:was\s+)?directed\s+by\s+", ctx.text, re.I):
            director = _mention_starting(ctx, match.end(), ("person",), 3)
            facts.add(director, "directed", episodes_[0], match.start())
    debut = re.compile(r"\bdirectorial debut\b", re.I)
    if len(episodes_) == 1 and not any(f.object == episodes_[0] for f in facts.having("directed")):
        for sent in ctx.doc.sents:
            if debut.search(sent.text) and re.search(r"\bepisode\b", sent.text, re.I):
                director = next((m.key for m in ctx.mentions_in(sent.start_char, sent.end_char)
                                 if ctx.type_of(m.key) == "person"), None)
                if director is not None:
                    facts.add(director, "directed", episodes_[0], sent.start_char)
                    break


def franchises(ctx: Context, facts: Facts) -> None:
    """A show is part of a franchise the text puts it in, or whose name it shares."""
    shows = [e for e in ctx.entities if e.type == "show" and e.mentions]
    for franchise in (e for e in ctx.entities if e.type == "franchise" and e.mentions):
        words = {w.lower() for w in re.findall(r"\w+", franchise.name) if len(w) > 2}
        for show in shows:
            shared = words & {w.lower() for w in re.findall(r"\w+", show.name)}
            if shared:
                facts.add(show.key, "part_of", franchise.key, franchise.mentions[0].start)


def derived(facts: Facts) -> Iterator[Fact]:
    """A person who plays a character of a show is a cast member of that show."""
    show_of = {f.subject: f for f in facts.having("character_in")}
    for fact in facts.having("plays"):
        in_show = show_of.get(fact.object)
        if in_show is not None:
            fact.qualifiers.setdefault("show", in_show.object)
            yield Fact(fact.subject, "cast_member_of", in_show.object, fact.evidence)


def find_facts(ctx: Context, pairs: list[tuple[str, str, int]], epithets: list[Epithet], times: list[TimeExpr],
               published: str | None) -> list[Fact]:
    facts = Facts(ctx)
    for actor, character, offset in pairs:
        facts.add(actor, "plays", character, offset)
    pattern_facts(ctx, facts)
    roles = Counter(f.subject for f in facts.having("plays"))  # an actor of two roles here stands for neither
    ctx.played = {f.subject: f.object for f in facts.having("plays") if roles[f.subject] == 1}
    relations_between_people(ctx, facts)
    episodes(ctx, facts, times)
    network_epithets(ctx, facts, epithets)
    networks_of_the_show(ctx, facts)
    epithet_facts(ctx, facts, epithets, published)
    ages(ctx, facts, published)
    hometowns(ctx, facts)
    directing(ctx, facts)
    franchises(ctx, facts)
    shows_of_characters(ctx, facts)
    resolve_credits(ctx, facts)
    cast(ctx, facts)
    lead_actor(ctx, facts)
    works_of_the_subject(ctx, facts)
    for fact in list(derived(facts)):
        if (fact.subject, fact.predicate, fact.object) not in facts.items:
            facts.items[(fact.subject, fact.predicate, fact.object)] = fact
    tenure(ctx, facts)
    return list(facts.items.values())
