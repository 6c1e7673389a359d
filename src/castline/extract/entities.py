"""Named entities, one type decision per name over the whole article.

Candidates (candidates.py) become name clusters: every form of one name in
the article ("Capt. Nora Vance", "Vance", "Nora"), with its repeats found
again in the text. Each cluster collects every cue the article gives for it
— cue patterns around each mention (cues.py), the language model's labels,
its grammatical role, its shape, its place in the article and in "X (Y)"
and "X's Y" pairs — and the fitted type model (typer.py) turns them into a
probability per type. A short form joins the full name it is part of unless
its own cues make it something else ("Daphne Harrow" and the show
"Harrow"). Pairs then settle what the cues leave open: in "Nora Vance (Mara
Quinn)" the first is a character and the second a person.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..document import Entity
from ..kb.names import name_key
from ..lexicon import (
    CAREER_LEMMAS,
    CHARACTER_TITLES,
    FAMILY_NOUNS,
    HONORIFICS,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    POSSESSIVE_MARKS,
    REPORTING_VERBS,
    SHOW_NOUNS,
    STORY_LEMMAS,
    given_names,
)
from .candidates import LEXICON_INDEX, Candidate, find_candidates, looks_like_title
from .context import Context, Mention, inside
from .cues import CueIndex, index_cues
from .relpatterns import RelationPattern, match_patterns, sides, slot_after, slot_before
from .typer import TypeModel, load_model

__all__ = ["find_entities", "looks_like_title", "name_clusters", "ROLE_BEFORE"]

PEOPLE = ("person", "character")
THINGS = ("show", "episode", "network", "outlet", "organization", "work", "franchise", "place")
TITLES = ("show", "episode", "work", "franchise")
# A short form whose own cues give it another kind of type with at least this probability stays apart
# from the full name it is part of ("Harrow" the show beside "Daphne Harrow").
SEPARATE_SHORT_FORM = 0.5
# A bracket pair whose own names lean this much one way is read that way, whatever the article's other pairs
# do (lean: the two names' probabilities of being what the reading makes them, minus the other reading's).
CLEAR_LEAN = 0.5
# "Character (Actor)" is the usual way round: 18 of the 23 bracket pairs of the dev and seed articles. Each pair
# leans that way by this much before the names' own cues count.
BRACKET_CONVENTION = 0.5
# Nouns after "the <title>" that make the title a credit of the person described ("the Riverbend alum").
CREDIT_EPITHETS = {"alum", "alumna", "alumnus", "alums", "actress", "actor", "star", "veteran", "creator",
                   "showrunner", "vet", "favorite", "regular", "correspondent", "co-creator", "co-star", "costar"}
OPENING_QUOTES = {"“", '"', "‘", "'"}
# A type this probable is not overturned by a relation with another name.
SURE = 0.8
# A cluster typed with at least this probability counts as certain when articles are merged.
CERTAIN = 0.7
_TITLE_WORDS = "|".join(sorted(CHARACTER_TITLES, key=len, reverse=True))
# A name right after these is a role being talked about, not someone taking part in the story.
ROLE_BEFORE = re.compile(r"(?:\bcharacter|\brole(?: of)?|\bplays|\bplayed|\bplaying|\bportrays|\bportrayed|"
                         r"\bportraying|\bas)\s+(?:[A-Z][a-z]*\.?\s+)?$")
NER_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE")
GLUE_WORDS = {"of", "the", "and", "in", "on", "with", "to", "for", "at", "a", "an"}


@dataclass
class Cluster:
    """Every mention of one name in one article, and what the article says about its type."""

    key: str
    mentions: list[Candidate] = field(default_factory=list)
    lexicon: tuple[str, str] | None = None
    features: dict[str, float] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)  # the words behind a cue feature

    @property
    def name(self) -> str:
        """The fullest form, the most frequent among equals (the first written on a tie)."""
        if self.lexicon:
            return self.lexicon[0]
        forms = Counter(m.name for m in self.mentions)
        return max(forms, key=lambda f: (len(_words(f)), f[:4] == "The ", forms[f], -self._first(f)))

    def _first(self, form: str) -> int:
        return min(m.start for m in self.mentions if m.name == form)

    @property
    def words(self) -> list[str]:
        return _words(self.name)

    @property
    def kind(self) -> str:
        if self.lexicon:
            return self.lexicon[1]
        return max(self.scores, key=self.scores.__getitem__) if self.scores else "none"


def _words(name: str) -> list[str]:
    words = name.split()
    return words[1:] if len(words) > 1 and words[0] == "The" else words


@dataclass
class Structure:
    """Pairs of names the text sets side by side: 'X (Y)' and "X's Y"."""

    parentheses: list[tuple[Candidate, Candidate]] = field(default_factory=list)  # (outer, inner)
    possessives: list[tuple[Candidate, Candidate]] = field(default_factory=list)  # (owner, owned)
    patterns: list[tuple[RelationPattern, Candidate, Candidate]] = field(default_factory=list)  # (pattern, left,
    # right): the relation patterns between two names
    lists: list[tuple[Candidate, Candidate]] = field(default_factory=list)  # neighbours in a list of names


def split_possessives(doc: Doc, candidates: list[Candidate]) -> tuple[list[Candidate], list[tuple]]:
    """"X's Y" is one title ("Harbor's Edge") unless X or Y is named on its own elsewhere in the article,
    both are full names, Y is a person's full name, or Y is a title of its own ("The ...")."""
    text = doc.text
    # a name written alone elsewhere, and not as "X's" itself (a title shortened: "on Harbor's")
    plain = [c for c in candidates if c.possessive is None and not re.match(r"['’]", text[c.end:c.end + 1])]
    keys = {name_key(c.name) for c in plain}
    surnames = {_words(c.name)[-1] for c in plain if len(_words(c.name)) > 1}
    out, pairs = [], []
    for cand in candidates:
        if cand.possessive is None:
            out.append(cand)
            continue
        owner_text = text[cand.start:cand.possessive]
        tail = re.match(r"['’]s?\s*", text[cand.possessive:cand.end])
        rest_start = cand.possessive + (tail.end() if tail else 0)
        rest_text = text[rest_start:cand.end]
        person = doc.char_span(rest_start, cand.end, alignment_mode="expand")
        person_named = person is not None and len(person) > 1 and all(t.ent_type_ == "PERSON" for t in person)
        split = (name_key(owner_text) in keys or owner_text.split()[-1] in surnames or name_key(rest_text) in keys
                 or rest_text.startswith("The ") or len(owner_text.split()) > 1 and len(rest_text.split()) > 1
                 or person_named)
        if not split or not rest_text:
            out.append(Candidate(cand.start, cand.end, cand.text, cand.origin, headline=cand.headline))
            continue
        owner = Candidate(cand.start, cand.possessive, owner_text, "run", headline=cand.headline)
        owned = Candidate(rest_start, cand.end, rest_text, "run", headline=cand.headline)
        out += [owner, owned]
        pairs.append((owner, owned))
    return out, pairs


def person_parts(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """First and last names of two- or three-word names, and of those the model takes for people or that carry
    a rank: where they stand alone in the text ("Reyes pointed out …"), they are found as further mentions."""
    parts = set()
    for cand in candidates:
        words = cand.name.split()
        span = _span(doc, cand)
        if len(words) < 2 or cand.lexicon or span is None:
            continue
        person_like = cand.origin == "run" and len(words) <= 3 and all(w.isalpha() for w in words)
        if cand.title or person_like or any(t.ent_type_ == "PERSON" for t in span):
            parts |= {w for w in (words[0], words[-1]) if len(w) > 1 and w[0].isupper() and w.isalpha()}
    return parts


def add_repeats(text: str, candidates: list[Candidate], parts: set[str] = frozenset()) -> list[Candidate]:
    """Every further occurrence, as written, of each name the candidates hold (the lists' names aside)."""
    taken = sorted((c.start, c.end) for c in candidates)
    forms = {c.text for c in candidates if c.origin != "lexicon" and len(c.text) > 1} | parts
    repeats: list[Candidate] = []
    for form in sorted(forms, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w&-]){re.escape(form)}(?![\w&]|-\w)", text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append(match.span())
            repeats.append(Candidate(match.start(), match.end(), form, "repeat"))
    return sorted(candidates + repeats, key=lambda c: c.start)


def parentheses(text: str, candidates: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """'Nora Vance (Mara Quinn)', 'Nora [Mara Quinn]': a name, then another alone in brackets right after it."""
    by_start = {c.start: c for c in candidates}
    pairs = []
    for cand in candidates:
        bracket = re.match(r"\s*([(\[])", text[cand.end:cand.end + 3])
        if not bracket:
            continue
        inner = by_start.get(cand.end + bracket.end())
        closing = ")" if bracket.group(1) == "(" else "]"
        if inner is not None and text[inner.end:inner.end + 1] == closing and inner.lexicon is None:
            pairs.append((cand, inner))
    return pairs


def pattern_pairs(doc: Doc, candidates: list[Candidate]) -> list[tuple[RelationPattern, Candidate, Candidate]]:
    """The relation patterns (relpatterns.py) that join two candidates: 'X plays Y', 'Y, created by X' …"""
    ending: defaultdict[int, list[Candidate]] = defaultdict(list)
    starting: defaultdict[int, list[Candidate]] = defaultdict(list)
    end_of: dict[int, int] = {}
    for cand in candidates:
        span = _span(doc, cand)
        if span is not None and len(span):
            ending[span.end].append(cand)
            starting[span.start].append(cand)
            end_of[id(cand)] = span.end

    def first(found: list[Candidate]) -> Candidate | None:
        return found[0] if found else None

    pairs = []
    for pattern, start, end in match_patterns(doc):
        if sides(pattern) is None or not any(t.is_alpha or t.lower_ in POSSESSIVE_MARKS for t in doc[start:end]):
            continue  # words, not a bare comma or bracket, tie two names
        left = slot_before(doc, start, ending, first)
        right, _ = slot_after(doc, end, starting, first, lambda c: end_of[id(c)])
        if left is None or right is None or left is right:
            continue
        if pattern.then and not re.match(pattern.then, doc.text[right.end:right.end + 40]):
            continue
        pairs.append((pattern, left, right))
    return pairs


def _span(doc: Doc, cand: Candidate) -> SpacySpan | None:
    return doc.char_span(cand.start, cand.end, alignment_mode="expand")


def _after_network(doc: Doc, start: int, networks: set[int]) -> bool:
    """Whether a network is named just before, with only a possessive and kind words between
    ("NBC's X", "the Fox medical drama X", "the HBO series X")."""
    i = start - 1
    while i >= 0 and start - i <= 5:
        if i in networks:
            return True
        token = doc[i]
        if not (token.lower_ in POSSESSIVE_MARKS | {"the"} or token.lower_ in SHOW_NOUNS or token.pos_ == "ADJ"):
            return False
        i -= 1
    return False


def mention_features(ctx: Context, cand: Candidate, cues: CueIndex, networks: set[int],
                     examples: dict[str, str]) -> Counter:
    """What one mention's surroundings say: cue ids, the model's label, its role in the sentence. The words
    that matched each cue go into `examples` (the first time), to show why a name got its type."""
    found: Counter = Counter()
    span = _span(ctx.doc, cand)
    if span is None or not len(span):
        return found
    if _after_network(ctx.doc, span.start, networks):
        found["context/after-network"] += 1
    quoted = span.start and ctx.doc[span.start - 1].text in OPENING_QUOTES and span.end + 1 < len(ctx.doc) and \
        ctx.doc[span.end].is_quote
    after = span.end + 1 if quoted else span.end  # "the Riverbend alum", "former “Riverbend” correspondent"
    if span.start and (quoted or ctx.doc[span.start - 1].lower_ == "the") and after < len(ctx.doc) and \
            ctx.doc[after].lower_ in CREDIT_EPITHETS:
        found["context/credit-epithet"] += 1  # a title the person is known for
    for cue, words in cues.around(ctx.doc, span.start, span.end).items():
        found[f"cue/{cue}"] += 1
        examples.setdefault(f"cue/{cue}", words)
    labels = Counter(t.ent_type_ for t in span if t.ent_type_)
    label = labels.most_common(1)[0][0] if labels else "none"
    found[f"ner/{label if label in NER_LABELS else 'other'}"] += 1
    if all(t.tag_ in ("NNP", "NNPS") for t in span if t.is_alpha and not t.is_lower):
        found["position/proper-noun"] += 1
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and verb.pos_ == "VERB":
        lemma = verb.lemma_.lower()
        if lemma in CAREER_LEMMAS:
            found["verb/career"] += 1
        if lemma in STORY_LEMMAS:
            found["verb/story"] += 1
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        reporting = verb.lemma_.lower() in REPORTING_VERBS or any(
            c.dep_ in ("xcomp", "conj") and c.lemma_.lower() in REPORTING_VERBS for c in verb.children)
        found["dep/reporting-subject" if reporting else "dep/subject"] += 1
    elif root.dep_ in ("pobj", "dobj", "compound", "poss", "appos", "conj", "attr"):
        found[f"dep/{root.dep_}"] += 1
    if cand.origin == "quoted":
        found["quoted/title"] += 1
    elif inside(ctx.quote_ranges, cand.start):
        found["position/in-quote"] += 1
    if cand.headline:
        found["position/headline"] += 1
    first = span[0]
    if first.is_sent_start or first.i > 0 and "\n" in ctx.doc[first.i - 1].whitespace_:
        found["position/sentence-start"] += 1
    if cand.title in CHARACTER_TITLES:
        found["shape/character-title"] += 1
    elif cand.title in HONORIFICS:
        found["shape/honorific"] += 1
    if cand.text.startswith("The ") and not first.is_sent_start:
        found["shape/the"] += 1
    return found


# Mention counts are squashed: a second occurrence of a cue says less than the first.
def _squash(count: float) -> float:
    return math.sqrt(min(count, 4))


def cluster_features(ctx: Context, cluster: Cluster, per_mention: dict[int, Counter],
                     structure: Structure) -> dict[str, float]:
    """The cluster's feature vector: cue and role counts, label shares, shape, place in the article."""
    counts: Counter = Counter()
    for m in cluster.mentions:
        counts.update(per_mention.get(m.start, Counter()))
    starts = {m.start for m in cluster.mentions}
    for outer, inner in structure.parentheses:
        counts["paren/pair"] += outer.start in starts or inner.start in starts
    for owner, owned in structure.possessives:
        counts["possessive/owner"] += owner.start in starts
        counts["possessive/owned"] += owned.start in starts
    for pattern, left, right in structure.patterns:
        counts[f"slot/{pattern.id}/left"] += left.start in starts
        counts[f"slot/{pattern.id}/right"] += right.start in starts
    n = len(cluster.mentions)
    features: dict[str, float] = {"bias": 1.0, "mentions": math.log1p(n)}
    for name, count in counts.items():
        if name.startswith(("ner/", "position/")):
            features[name] = count / n
        elif count:
            features[name] = _squash(count)
    if cluster.lexicon:
        features[f"lexicon/{cluster.lexicon[1]}"] = 1.0
    features.update(shape_features(cluster.name))
    if len(cluster.words) == 1:
        word = cluster.words[0]
        if word.lower() in STOP_WORDS or re.search(rf"(?<![\w.!?] )(?<!^)\b{re.escape(word.lower())}\b", ctx.text):
            features["shape/common-word"] = 1.0
        features["shape/one-word-person"] = features.get("ner/PERSON", 0.0)
    title = (ctx.document.title or "").lower()
    if title and cluster.name.lower() in title:
        features["doc/in-title"] = 1.0
    slug = re.sub(r"[^a-z0-9]+", "-", (ctx.document.url or "").lower())
    name_slug = re.sub(r"[^a-z0-9]+", "-", cluster.name.lower()).strip("-")
    if name_slug and f"-{name_slug}-" in f"-{slug}-":
        features["doc/in-url"] = 1.0
    return features


def shape_features(name: str) -> dict[str, float]:
    words = _words(name)
    given = [w for w in words if w.lower().rstrip(".") not in HONORIFICS | CHARACTER_TITLES]
    letters = re.sub(r"[^A-Za-z]", "", name)
    shape = {
        "shape/one-word": len(words) == 1,
        "shape/two-words": len(words) == 2,
        "shape/long": len(words) >= 3,
        "shape/glue": any(w in GLUE_WORDS for w in words[1:]),
        "shape/all-caps": len(letters) >= 2 and letters.isupper(),
        "shape/digit": any(c.isdigit() for c in name),
        "shape/org-suffix": words[-1].lower().rstrip(".") in ORG_SUFFIXES,
        "shape/place-suffix": words[-1].lower() in PLACE_SUFFIXES,
        "shape/possessive-inside": bool(re.search(r"\w['’]s?\s", name)),
        "shape/initials": bool(re.search(r"\b[A-Z]\.[A-Z]?\.?", name)),
        "shape/hyphen": "-" in name,
        "shape/symbol": bool(re.search(r"[+&!:]", name)),
        # a known first name opens a person's or a character's name, and alone it is mostly a character's
        "shape/given-name": len(given) > 1 and given[0] in given_names(),
        "shape/given-name-alone": len(given) == 1 and given[0] in given_names(),
    }
    return {k: 1.0 for k, v in shape.items() if v}


def _initials(words: list[str]) -> set[str]:
    """Acronyms a name may go by: first letters of its content words, with and without a leading article."""
    content = "".join(w[0] for w in words if w.lower() not in GLUE_WORDS and w[:1].isalpha()).upper()
    return {content, words[0][0].upper() + content} if words and words[0].lower() in ("the", "a") else {content}


def _plain(words: list[str]) -> list[str]:
    return [re.sub(r"['’]s?$", "", w).lower() for w in words]


def _owners(short: Cluster, clusters: list[Cluster]) -> list[Cluster]:
    """Longer names a short form may stand for: sharing its first or last words, or spelled by its initials
    ("HCF", "H&CF"); but "The Harbor" is a title of its own, not a part of "Return to the Harbor"."""
    words = _plain(short.words)
    n = len(words)
    titled = any(m.text.startswith("The ") for m in short.mentions)  # "The X" is a title of its own
    acronym = re.sub(r"[^A-Za-z]", "", short.name)
    found = []
    for other in clusters:
        if other is short or other.lexicon or not other.mentions or len(other.words) <= n:
            continue
        full = _plain(other.words)
        if (full[:n] == words or full[-n:] == words) and not (other.kind in THINGS and titled):
            found.append(other)  # a first name, a surname, a title cut short ("Harbor" for "Harbor Lights")
        elif n == 1 and acronym.isupper() and 2 <= len(acronym) <= 6 and acronym in _initials(other.name.split()):
            found.append(other)
    return found


# "the daughter of the late X", "wife of X": a relative named to say whose relative the subject is.
KIN_OF = re.compile(rf"\b(?:{'|'.join(FAMILY_NOUNS)}|wife|husband|widow|widower)\s+of\s+(?:the\s+)?(?:late\s+)?$",
                    re.I)


def introduced_as_kin(text: str, cluster: Cluster) -> bool:
    return all(KIN_OF.search(text[max(0, m.start - 40):m.start]) for m in cluster.mentions)


def attach_short_forms(clusters: list[Cluster], text: str) -> list[Cluster]:
    """Fold surnames, first names and initials into the full names they belong to, each mention to the
    full name written nearest before it (after it when none is before). A relative named only as such
    ("the son of X") takes no short form another full name could take: "Mara Quinn, the daughter of the late
    Sen. Ray Quinn, … Quinn said" is the daughter speaking."""
    for short in sorted(clusters, key=lambda c: -len(c.words)):
        if short.lexicon or not short.mentions:
            continue
        owners = _owners(short, clusters)
        owners = [o for o in owners if not introduced_as_kin(text, o)] or owners
        if not owners:
            continue
        short_kind = short.kind
        people_owners = all(o.kind in PEOPLE for o in owners)
        if short_kind in TITLES and short.scores.get(short_kind, 0) >= SEPARATE_SHORT_FORM and \
                all(o.kind != short_kind for o in owners) and (len(short.mentions) > 1 or not people_owners):
            continue  # "Harrow" the show beside "Daphne Harrow", the "Harbor" franchise beside "Harbor Med"
        for mention in short.mentions:
            before = [(m.start, o) for o in owners for m in o.mentions if m.start < mention.start]
            after = [(-m.start, o) for o in owners for m in o.mentions if m.start > mention.start]
            owner = max(before, key=lambda p: p[0])[1] if before else max(after, key=lambda p: p[0])[1]
            owner.mentions.append(mention)
        short.mentions = []
    kept = [c for c in clusters if c.mentions]
    for cluster in kept:
        cluster.mentions.sort(key=lambda m: m.start)
    return kept


NICKNAME = re.compile(r"\s+[\"“”'‘’](\w[\w.-]*)[\"“”'‘’]\s+")


def name_keys(cand: Candidate) -> list[str]:
    """The keys a candidate may be found by: its name, and for 'Eleanor "Nell" Harper' both given names."""
    if cand.lexicon:
        return ["lex:" + cand.lexicon[0]]
    nickname = NICKNAME.search(cand.name)
    if not nickname:
        return [name_key(cand.name)]
    first, last = cand.name[:nickname.start()], cand.name[nickname.end():]
    return [name_key(cand.name), name_key(f"{nickname.group(1)} {last}"), name_key(f"{first} {last}")]


def _group(candidates: list[Candidate]) -> list[Cluster]:
    """Candidates that share a key are one cluster."""
    clusters: dict[str, Cluster] = {}
    for cand in candidates:
        keys = [k for k in name_keys(cand) if k]
        if not keys or not re.search(r"[^\W\d_]", cand.name):
            continue
        found = list({id(clusters[k]): clusters[k] for k in keys if k in clusters}.values())
        cluster = found[0] if found else Cluster(keys[0], lexicon=cand.lexicon)
        for other in found[1:]:
            cluster.mentions += other.mentions
            for key, value in list(clusters.items()):
                if value is other:
                    clusters[key] = cluster
        cluster.mentions.append(cand)
        for key in keys:
            clusters[key] = cluster
    for cluster in list(clusters.values()):  # "Deadline" without a cue is still the outlet the article cited
        known = LEXICON_INDEX.get(cluster.name) if not cluster.lexicon else None
        listed = clusters.get("lex:" + known[0]) if known else None
        if listed is not None and listed is not cluster:
            listed.mentions += cluster.mentions
            for key, value in list(clusters.items()):
                if value is cluster:
                    clusters[key] = listed
    return list({id(c): c for c in clusters.values()}.values())


def name_clusters(ctx: Context, model: TypeModel | None = None) -> tuple[list[Cluster], Structure]:
    """The article's name clusters with their features and type scores, and the pairs between names."""
    model = model or load_model()
    text = ctx.text
    candidates, possessives = split_possessives(ctx.doc, find_candidates(ctx.doc))
    candidates = add_repeats(text, candidates, person_parts(ctx.doc, candidates))
    structure = Structure(parentheses(text, candidates), possessives, pattern_pairs(ctx.doc, candidates),
                          list_pairs(text, candidates))
    cues = index_cues(ctx.doc)
    networks = {t.i for c in candidates if c.lexicon and c.lexicon[1] == "network" for t in _span(ctx.doc, c) or ()}
    examples: dict[str, str] = {}
    per_mention = {c.start: mention_features(ctx, c, cues, networks, examples) for c in candidates}
    clusters = _group(candidates)
    _score(ctx, clusters, per_mention, structure, model)
    clusters = attach_short_forms(clusters, text)
    _score(ctx, clusters, per_mention, structure, model)
    _score(ctx, clusters, per_mention, structure, model, neighbour_features(clusters, structure))
    for cluster in clusters:
        cluster.examples = {f: examples[f] for f in cluster.features if f in examples}
    return clusters, structure


def _score(ctx: Context, clusters: list[Cluster], per_mention: dict[int, Counter], structure: Structure,
           model: TypeModel, extra: dict[int, dict[str, float]] | None = None) -> None:
    for cluster in clusters:
        cluster.features = cluster_features(ctx, cluster, per_mention, structure) | (extra or {}).get(id(cluster), {})
        cluster.scores = model.scores(cluster.features)


def neighbour_features(clusters: list[Cluster], structure: Structure) -> dict[int, dict[str, float]]:
    """What the names around a name say of it: an owner's type of what it owns ("NBC's X", "Mara Quinn's X"),
    and the types of the names listed with it ("X, Y and Z" are mostly of one kind)."""
    owner_of = {m.start: c for c in clusters for m in c.mentions}
    extra: defaultdict[int, Counter] = defaultdict(Counter)
    for owner, owned in structure.possessives:
        left, right = owner_of.get(owner.start), owner_of.get(owned.start)
        if left is None or right is None or left is right:
            continue
        feature = {"person": "possessive/owned-by-person", "network": "possessive/owned-by-network",
                   "show": "possessive/owned-by-show"}.get(left.kind)
        if feature:
            extra[id(right)][feature] += 1.0
    for first, second in structure.lists:
        a, b = owner_of.get(first.start), owner_of.get(second.start)
        if a is None or b is None or a is b:
            continue
        for one, other in ((a, b), (b, a)):
            extra[id(one)].update({f"list/{t}": p for t, p in other.scores.items() if t != "none" and p >= 0.05})
    return {k: {f: min(v, 2.0) for f, v in c.items()} for k, c in extra.items()}


LIST_GLUE = re.compile(r"^(?:\s*\([^()]{1,60}\))?\s*(?P<glue>,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+|as well as\s+)$")


def list_pairs(text: str, candidates: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """Names next to each other in a list: "X, Y and Z", "X (Role), Y and Z", "X as well as Y". Two names
    joined by a comma alone are no list ("As Nora Vance, Mara Quinn …")."""
    ordered = [c for c in sorted(candidates, key=lambda c: c.start)  # "X (Role), Y and Z": the roles aside
               if not (text[c.start - 1:c.start] == "(" and text[c.end:c.end + 1] == ")")]
    chains: list[list[tuple[Candidate, Candidate, str]]] = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        glue = LIST_GLUE.match(text[a.end:b.start]) if b.start - a.end <= 80 else None
        if glue is None:
            continue
        closed = chains and any(g.strip(" ,") for _, _, g in chains[-1]) and not glue.group("glue").strip(" ,")
        if chains and chains[-1][-1][1] is a and not closed:  # "X, Y and Z, W said": the list ended at Z
            chains[-1].append((a, b, glue.group("glue")))
        else:
            chains.append([(a, b, glue.group("glue"))])
    return [(a, b) for chain in chains if any(glue.strip(" ,") for _, _, glue in chain) for a, b, _ in chain]


def _constrain(kinds: dict[int, str], cluster: Cluster, other: Cluster, allowed: tuple[str, ...],
               other_allowed: tuple[str, ...], settled: set[int]) -> None:
    """A name in a relation with a name sure of its type takes a type the relation allows ("X airs on NBC":
    X is a show; "created by Gil Hartman": a title), unless its own cues are sure of another."""
    sure = other.lexicon is not None or id(other) in settled or other.scores.get(kinds[id(other)], 0) >= SURE
    current = kinds[id(cluster)]
    if not sure or kinds[id(other)] not in other_allowed or current in allowed or cluster.lexicon or \
            id(cluster) in settled or cluster.scores.get(current, 0) >= SURE:
        return
    kinds[id(cluster)] = max(allowed, key=lambda t: cluster.scores.get(t, 0))


def decide(clusters: list[Cluster], structure: Structure) -> tuple[dict[int, str], list[tuple[Cluster, Cluster, int]]]:
    """Each cluster's type (absent: no entity), with the pairs that fix a person and the character they play.

    A pair of names is only ever a person and a character when both could be people; which is which
    comes from the words between them ("plays", "played by", "'s"), or for brackets, which can be written
    either way round, from the two names' own scores.
    """
    kinds = {id(c): c.kind for c in clusters}
    owner_of = {m.start: c for c in clusters for m in c.mentions}
    plays: list[tuple[Cluster, Cluster, int]] = []

    def people(*found: Cluster | None) -> bool:
        return all(c is not None and kinds[id(c)] in (*PEOPLE, "none") for c in found) and found[0] is not found[1]

    settled: set[int] = set()

    def fix(actor: Cluster, character: Cluster, offset: int) -> None:
        if id(actor) in settled and kinds[id(actor)] != "person" or \
                id(character) in settled and kinds[id(character)] != "character":
            return  # a pair never undoes what a surer pair settled
        kinds[id(actor)], kinds[id(character)] = "person", "character"
        settled.update((id(actor), id(character)))
        plays.append((actor, character, offset))

    links = [(p, owner_of.get(left.start), owner_of.get(right.start), min(left.start, right.start))
             for p, left, right in structure.patterns]
    pairs = [(a, c, offset) if p.subject == "left" else (c, a, offset)
             for p, a, c, offset in links if p.predicate == "plays"]
    for actor, character, offset in pairs:
        if people(actor, character) and len(actor.words) > 1:
            fix(actor, character, offset)
    brackets = [(owner_of.get(o.start), owner_of.get(i.start), o.start) for o, i in structure.parentheses]
    brackets = [(a, b, offset) for a, b, offset in brackets if people(a, b)]
    # an article writes all its brackets one way round: "Character (Actor)" or "Actor (Character)"
    fixed = {id(c): k for a, c, _ in plays for c, k in ((a, "person"), (c, "character"))}

    def leaning(cluster: Cluster, towards: str) -> float:
        """How much a name leans to `towards` (person or character); decisive once a link has fixed it."""
        if id(cluster) in fixed:
            return 5.0 if fixed[id(cluster)] == towards else -5.0
        return cluster.scores.get(towards, 0) - cluster.scores.get(
            "character" if towards == "person" else "person", 0)

    lean = sum(BRACKET_CONVENTION + leaning(a, "character") + leaning(b, "person") for a, b, _ in brackets)
    # "Actor (who plays Character)" in the same article shows which way round its brackets go
    lean += sum(5.0 if pattern.subject == "right" else -5.0
                for pattern, _, _ in structure.patterns if pattern.id.startswith("plays/bracket"))
    told = any(pattern.id.startswith("plays/bracket") for pattern, _, _ in structure.patterns)
    # the kinds of the names listed with each name, leaving out names in brackets of their own, whose kind is
    # what is being decided ("like Nora Vance (Mara Quinn) and Eli Brandt (Tomas Reyes)")
    paired = {id(c) for a, b, _ in brackets for c in (a, b)}
    mates: defaultdict[int, set[str]] = defaultdict(set)
    for a, b in structure.lists:
        left, right = owner_of.get(a.start), owner_of.get(b.start)
        if left is not None and right is not None and left is not right:
            for one, other in ((left, right), (right, left)):
                if id(other) not in paired:
                    mates[id(one)].add(kinds[id(other)])
    for first, second, offset in brackets:
        own = leaning(first, "character") + leaning(second, "person")
        # a pair with clear cues of its own goes its own way, unless the article spells its brackets out
        written = own if abs(own) >= CLEAR_LEAN and not told else lean
        if mates[id(first)] in ({"person"}, {"character"}):  # "co-stars A, B (C) and D": B is one of the actors
            written = 1.0 if mates[id(first)] == {"character"} else -1.0
        actor, character = (second, first) if written >= 0 else (first, second)
        if len(actor.words) > 1:
            fix(actor, character, offset)
    for owner, owned in structure.possessives:  # "Mara Quinn's Nora Vance" or "Northern Line's Mara Quinn"
        first, second = owner_of.get(owner.start), owner_of.get(owned.start)
        if first is None or second is None or first is second or first.lexicon or \
                kinds[id(first)] not in (*PEOPLE, *TITLES, "none") or kinds[id(second)] not in (*PEOPLE, "none") or \
                id(first) in settled or id(second) in settled:
            continue
        as_role = first.scores.get("person", 0) + second.scores.get("character", 0)
        title = max(TITLES, key=lambda t: first.scores.get(t, 0))
        as_credit = sum(first.scores.get(t, 0) for t in TITLES) + second.scores.get("person", 0)
        if as_credit > as_role:
            kinds[id(first)], kinds[id(second)] = title, "person"
            settled.update((id(first), id(second)))
        elif len(first.words) > 1:
            fix(first, second, owner.start)
    for pattern, left, right, _ in links:
        if pattern.predicate != "plays" and left is not None and right is not None and left is not right:
            _constrain(kinds, left, right, *sides(pattern), settled)
            _constrain(kinds, right, left, *reversed(sides(pattern)), settled)
    return {k: v for k, v in kinds.items() if v != "none"}, plays


def _reason(feature: str, cluster: Cluster) -> str:
    """A reason for a type as the feature and, for a cue, the words in the text: 'cue/show/season-of: season 8 of'."""
    words = cluster.examples.get(feature)
    return f"{feature}: {words}" if words else feature


def find_entities(ctx: Context) -> list[tuple[str, str, int]]:
    """Fill ctx.entities and ctx.mentions; returns (actor, character, offset) pairs the names' layout gives."""
    model = load_model()
    clusters, structure = name_clusters(ctx, model)
    kinds, plays = decide(clusters, structure)
    key_of: dict[int, str] = {}
    for cluster in clusters:
        kind = kinds.get(id(cluster))
        if kind is None:
            continue
        key = f"L{len(ctx.entities) + 1}"
        aliases = sorted({m.text for m in cluster.mentions} - {cluster.name})
        probability = cluster.scores.get(kind, 0.0)
        ctx.entities.append(Entity(key=key, name=cluster.name, type=kind, aliases=aliases,
                                   certain=bool(cluster.lexicon) or probability >= CERTAIN,
                                   scores={k: round(v, 4) for k, v in cluster.scores.items() if v >= 0.001},
                                   reasons=[_reason(f, cluster) for f in model.reasons(cluster.features, kind)]))
        key_of[id(cluster)] = key
        ctx.add_mentions([Mention(key, m.start, m.end) for m in cluster.mentions])
    return [(key_of[id(a)], key_of[id(c)], offset) for a, c, offset in plays if id(a) in key_of and id(c) in key_of]
