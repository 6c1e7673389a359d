"""The same words in several articles: quotes grouped across documents, and what a group lends its members.

Two quotes are the same words when their word sets match (F1) or when the shorter
one is contained in the longer one (an article quoting part of another); the
comparison ignores case, punctuation, curly or straight marks, ellipses and the
brackets of editorial insertions. A group holds at most one speaker: a quote
whose article names nobody joins the group of the words it repeats, but two
speakers never share one (a surname alone and the full name it is part of are
one speaker: articles may name the same person either way). Pairs are joined best
first and ties by the quotes' keys, so the groups are the same whatever order the
articles came in.

A group's first known source is its earliest dated member (the quote's own date,
else its article's) among those that name an outlet, else among those that name
a speaker. Members that lack a speaker, an outlet or a date take them from the
group, with the document they came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

# Word-set F1 at or above which two quotes are the same words.
SAME_WORDS = 0.6
# Share of the shorter quote's words found in the longer one at or above which it quotes part of it.
CONTAINED = 0.8
# Fewer distinct words than this and a quote must match another exactly (short phrases recur by chance).
MIN_CONTAINED_WORDS = 6
# A word this common across the quotes compared is no clue to which quotes are the same (it only slows the search).
MAX_POSTING = 200


@dataclass(frozen=True)
class QuoteItem:
    """A stored quote as the grouping sees it. `key` identifies it independently of the order of ingest."""

    key: tuple
    text: str
    document: int
    speaker: int | None = None
    outlet: int | None = None
    date: str | None = None
    published: str | None = None  # of its article
    speaker_name: str | None = None


def same_speaker(a: QuoteItem, b: QuoteItem) -> bool:
    """Whether two quotes may be by one speaker: either names nobody, the same entity, or names of which one is
    part of the other ('Quinn' and 'Mara Quinn')."""
    if a.speaker is None or b.speaker is None or a.speaker == b.speaker:
        return True
    if not a.speaker_name or not b.speaker_name:
        return False
    x, y = a.speaker_name.lower().split(), b.speaker_name.lower().split()
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) < len(long) and all(w in long for w in short)


@dataclass
class Lent:
    """What a group lends one member, and from which document."""

    speaker: int | None = None
    outlet: int | None = None
    date: str | None = None
    source: int | None = None  # the document the lent values come from


@dataclass
class Group:
    members: list[tuple]  # keys, in key order
    source: tuple  # the key of the first known source
    lent: dict[tuple, Lent] = field(default_factory=dict)  # for members that lack something


def words(text: str) -> list[str]:
    """The words of a quote, as compared: lower case, straight apostrophes, no marks, ellipses or brackets."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", text)


def similarity(a: set[str], b: set[str]) -> float:
    """How much two word sets are the same words: their F1, or the containment of the smaller in the larger."""
    common = len(a & b)
    if not common:
        return 0.0
    f1 = 2 * common / (len(a) + len(b))
    small = min(len(a), len(b))
    contained = common / small if small >= MIN_CONTAINED_WORDS else 0.0
    return max(f1, contained if contained >= CONTAINED else 0.0)


def _same(a: set[str], b: set[str]) -> float:
    """The similarity when it makes two quotes the same words, else 0 (short quotes must match exactly)."""
    if min(len(a), len(b)) < MIN_CONTAINED_WORDS:
        return 1.0 if a == b else 0.0
    score = similarity(a, b)
    return score if score >= SAME_WORDS else 0.0


def _pairs(items: list[QuoteItem], sets: list[set[str]]) -> list[tuple[float, int, int]]:
    """Candidate pairs from different documents that share a word, scored, best first (ties by position)."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for index, word_set in enumerate(sets):
        for word in word_set:
            postings[word].append(index)
    candidates: set[tuple[int, int]] = set()
    for indices in postings.values():
        if len(indices) <= MAX_POSTING:
            candidates.update(combinations(indices, 2))
    scored = []
    for i, j in candidates:
        if items[i].document == items[j].document or not same_speaker(items[i], items[j]):
            continue
        score = _same(sets[i], sets[j])
        if score:
            scored.append((score, i, j))
    return sorted(scored, key=lambda s: (-s[0], s[1], s[2]))


def group_quotes(quotes: list[QuoteItem]) -> list[Group]:
    """The groups of the same words among the quotes, each with its first known source and what it lends."""
    items = sorted(quotes, key=lambda q: q.key)
    sets = [set(words(q.text)) for q in items]
    parent = list(range(len(items)))
    spoken = [[q] if q.speaker is not None else [] for q in items]  # per root: its members that name a speaker

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in _pairs(items, sets):
        a, b = root(i), root(j)
        if a == b or not all(same_speaker(x, y) for x in spoken[a] for y in spoken[b]):
            continue
        low, high = min(a, b), max(a, b)
        parent[high] = low
        spoken[low] += spoken[high]
    members: defaultdict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        members[root(index)].append(index)
    return [_group([items[i] for i in indices]) for _, indices in sorted(members.items())]


def _when(item: QuoteItem) -> tuple[int, str, tuple]:
    """Earliest first: the quote's own date, else its article's; undated last; ties by key."""
    when = item.date or item.published
    return (0 if when else 1, when or "", item.key)


def _group(items: list[QuoteItem]) -> Group:
    by_time = sorted(items, key=_when)
    source = next((q for q in by_time if q.outlet is not None), None) or \
        next((q for q in by_time if q.speaker is not None), by_time[0])
    spoken = source if source.speaker is not None else next((q for q in by_time if q.speaker is not None), None)
    group = Group([q.key for q in items], source.key)
    for item in items:
        lent = Lent()
        if item.speaker is None and spoken is not None:
            lent.speaker, lent.source = spoken.speaker, spoken.document
        if item is not source and item.outlet is None and source.outlet is not None:
            lent.outlet, lent.source = source.outlet, source.document
        if item is not source and item.date is None and source.date is not None and \
                item.outlet in (None, source.outlet):
            lent.date, lent.source = source.date, source.document
        if lent.source is not None:
            group.lent[item.key] = lent
    return group
