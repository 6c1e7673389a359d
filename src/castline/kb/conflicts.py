"""Where sources disagree: one character with two actors at once, ages that cannot all hold, two networks
for one show, two values of one detail of a fact.

Facts are kept whatever their sources say; a conflict lists the competing values side by side, each with
the sentences that state it. What can be explained is not a conflict, or is reported with its
explanation: a recast the text tells and the dates separate, ages that differ because time passed, dates
that differ only in precision ("2023" and "2023-05"). Two sides that come from one sentence never make a
conflict: a sentence that names both tells a change, not a disagreement.

Every conflict is a dict with `kind` (see KINDS), `label`, `summary`, `subject`, `predicate`, `detail`,
optional `object` and `show`, a `note` that explains it, optional `pairs` (which values cannot both
hold, as indexes), and `values`: each with `value`, optional `entity`, `as_of`, `born`, `dates` and
`tenure`, and `sources` (article and sentence offsets). docs/kb-format.md describes each kind.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..lexicon import NETWORK_MOVE_PHRASES, NETWORKS, PREDECESSOR_PHRASES, RECAST_PHRASES, STREAMERS
from .names import name_key
from .schema import AliasRow, DocEntityRow, DocumentRow, EntityRow, EvidenceRow, FactRow

# Kinds of conflict, most serious first, with what the pages call them.
KINDS: dict[str, str] = {
    "two_actors": "One character, two actors at the same time",
    "ages": "Ages that cannot all hold",
    "networks": "One show, several networks",
    "details": "Two values of one detail",
    "possible_recast": "One character, two actors: possibly a recast",
}
# Fact details that one fact can only have one value of.
SINGLE_QUALIFIERS = ("seasons", "air_date", "season", "number", "start", "end", "slot")
# Details that count something that grows: a later source may well give more.
GROWING_QUALIFIERS = frozenset({"seasons"})
# Details that are dates, equal when one is a less precise form of the other.
DATE_QUALIFIERS = frozenset({"air_date", "start", "end"})
# Two articles this close in date speak of the same time: two that name different actors for one role
# (and neither tells a recast), or different networks for one show, are not dated apart. Half a year, about
# one season's run: a recast or a move is news, told in words RECAST_PHRASES / NETWORK_MOVE_PHRASES list,
# so an untold change between two articles this close is unlikely. Not fitted: the dev articles hold no
# character with two actors and no show with two networks.
SAME_TIME = timedelta(days=183)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    words = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


RECAST = _phrases(RECAST_PHRASES)
PREDECESSOR = _phrases(PREDECESSOR_PHRASES)
PASSIVE = re.compile(r"\s+by\b", re.I)
NETWORK_MOVE = _phrases(NETWORK_MOVE_PHRASES)
STREAMER_KEYS = frozenset(name_key(n) for name in STREAMERS for n in (name, *NETWORKS.get(name, ())))


# ---- dates at a precision ------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A date as the text gives it ('2023', '2023-05', '2023-05-04'): the days it may be, first to last."""

    first: date
    last: date
    seen: bool = field(default=False, compare=False)  # an article's date, not a date the text states
    text: str = field(default="", compare=False)  # as written ('2023-05'), for notes

    def __str__(self) -> str:
        return self.text or (self.first.isoformat() if self.first == self.last else
                             f"{self.first.isoformat()} to {self.last.isoformat()}")

    def meets(self, other: Period, slack: timedelta = timedelta(0)) -> bool:
        return self.first - slack <= other.last and other.first - slack <= self.last


def period(value: object) -> Period | None:
    """The days an ISO date at any precision may be; None for anything else."""
    match = _ISO.match(str(value).strip()) if value is not None else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    text = match.group(0)
    try:
        if month is None:
            return Period(date(year, 1, 1), date(year, 12, 31), text=text)
        if day is None:
            following = date(year + month // 12, month % 12 + 1, 1)
            return Period(date(year, month, 1), following - timedelta(days=1), text=text)
        return Period(date(year, month, day), date(year, month, day), text=text)
    except ValueError:
        return None


def _years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 29 February becomes the 28th in a common year."""
    year = day.year - years
    if day.month == 2 and day.day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return date(year, 2, 28)
    return date(year, day.month, day.day)


def birth_range(age: int, as_of: Period) -> Period | None:
    """The birth dates that make someone `age` on some day of `as_of`.

    Aged n on day d means born after d minus n+1 years and at the latest d minus n years (a 29 February
    birthday counts from the 28th in common years); over a period of days, from its first day's earliest
    birth to its last day's latest.
    """
    if not 0 <= age < 150:
        return None
    return Period(_years_before(as_of.first, age + 1) + timedelta(days=1), _years_before(as_of.last, age))


def compatible(detail: str, a: object, b: object) -> bool:
    """Whether two values of one detail can both be right: equal, or one date a less precise form of the
    other, or one wording of a slot inside the other."""
    if a == b:
        return True
    x, y = str(a).strip().lower(), str(b).strip().lower()
    if detail in DATE_QUALIFIERS or (_ISO.match(x) and _ISO.match(y)):
        return x.startswith(y) or y.startswith(x)
    if isinstance(a, str) and isinstance(b, str):
        return x in y or y in x
    return x == y


# ---- what the knowledge base says ----------------------------------------------------------------


@dataclass
class Snapshot:
    """The facts and evidence conflicts are read from, loaded once."""

    documents: dict[int, dict[str, Any]]
    entities: dict[int, tuple[str, str]]  # id -> (name, type)
    facts: list[FactRow]
    evidence: defaultdict[int, list[EvidenceRow]]
    owners: dict[int, int] = field(default_factory=dict)  # doc entity id -> entity id
    aliases: defaultdict[int, set[str]] = field(default_factory=lambda: defaultdict(set))

    def entity(self, entity_id: int | None) -> dict[str, Any] | None:
        if entity_id is None or entity_id not in self.entities:
            return None
        name, kind = self.entities[entity_id]
        return {"id": entity_id, "name": name, "type": kind}

    def source(self, row: EvidenceRow) -> dict[str, Any]:
        return {**self.documents[row.document_id], "start": row.start, "end": row.end, "text": row.text}

    def published(self, row: EvidenceRow) -> Period | None:
        """The date of the row's article, as an article's date (two such meet within SAME_TIME)."""
        found = period(self.documents[row.document_id]["published"])
        return replace(found, seen=True) if found else None

    def of(self, predicate: str) -> list[FactRow]:
        return [f for f in self.facts if f.predicate == predicate]


def load(session: Session) -> Snapshot:
    documents = {i: {"document": i, "source": s, "title": t, "outlet": o, "published": p, "published_inferred": n}
                 for i, s, t, o, p, n in session.execute(select(
                     DocumentRow.id, DocumentRow.source, DocumentRow.title, DocumentRow.outlet, DocumentRow.published,
                     DocumentRow.published_inferred))}
    entities = {i: (n, t) for i, n, t in session.execute(select(EntityRow.id, EntityRow.name, EntityRow.type))}
    evidence: defaultdict[int, list[EvidenceRow]] = defaultdict(list)
    for row in session.scalars(select(EvidenceRow).where(EvidenceRow.fact_id.is_not(None))
                               .order_by(EvidenceRow.document_id, EvidenceRow.start)):
        evidence[row.fact_id].append(row)
    facts = list(session.scalars(select(FactRow).order_by(FactRow.id)))
    snapshot = Snapshot(documents, entities, facts, evidence)
    shows = {(ev.qualifiers or {}).get("show") for f in snapshot.of("plays") for ev in evidence[f.id]} - {None}
    if shows:
        snapshot.owners = dict(session.execute(select(DocEntityRow.id, DocEntityRow.entity_id)
                                               .where(DocEntityRow.id.in_(shows))).all())
    characters = {f.object_id for f in snapshot.of("plays")}
    if characters:
        for entity_id, alias in session.execute(select(AliasRow.entity_id, AliasRow.alias)
                                                .where(AliasRow.entity_id.in_(characters))):
            snapshot.aliases[entity_id].add(alias)
    return snapshot


def _sentence(row: EvidenceRow | dict[str, Any]) -> tuple[int, int, int]:
    if isinstance(row, dict):
        return row["document"], row["start"], row["end"]
    return row.document_id, row.start, row.end


def apart(a: Iterable[EvidenceRow | dict[str, Any]], b: Iterable[EvidenceRow | dict[str, Any]]) -> bool:
    """Whether two sides rest on more than one sentence: some sentence of one is not the other's only one."""
    return any(x != y for x in map(_sentence, a) for y in map(_sentence, b))


def _span(periods: Iterable[Period]) -> list[str] | None:
    """The first and the last of some dates as the sources write them, for the pages."""
    found = list(periods)
    if not found:
        return None
    return [str(min(found)), str(max(found, key=lambda p: p.last))]


def _when(periods: Iterable[Period]) -> str:
    """Dates as the sources write them: one, or the first to the last."""
    found = sorted(set(periods))
    if not found:
        return "undated"
    first, last = found[0], max(found, key=lambda p: p.last)
    return str(first) if first == last else f"{first} to {last}"


# ---- one character, two actors -------------------------------------------------------------------


@dataclass
class Role:
    """What the sources say of one actor in one role: when, whether a recast is told, and where."""

    actor: int
    rows: list[EvidenceRow]
    shows: set[int]
    seen: list[Period]  # the dates of the articles that say the actor plays the role
    start: Period | None = None
    end: Period | None = None
    tenure_rows: list[EvidenceRow] = field(default_factory=list)
    # per sentence of the actor's that tells a recast: whether it tells them taking the role ("new") or
    # having had it first ("old"), and its article's date
    cues: list[tuple[str, Period | None]] = field(default_factory=list)

    @property
    def told(self) -> bool:
        return bool(self.cues)

    @property
    def side(self) -> int:
        """+1 when the actor's sentences tell them taking the role, -1 having had it, 0 neither or both."""
        sides = {side for side, _ in self.cues}
        return 0 if len(sides) != 1 else (1 if sides == {"new"} else -1)

    def earliest(self) -> date | None:
        found = [p.first for p in self.seen] + ([self.start.first] if self.start else [])
        return min(found) if found else None

    def intervals(self, handed_over: date | None = None) -> list[Period]:
        """When the sources place the actor in the role: each article's date and a stated tenure (open ones
        up to the latest article), save dates after the tenure's stated end and, for the actor a told recast
        replaced, dates from the hand-over on (those articles look back)."""
        seen = [p for p in self.seen if not (self.end and p.first > self.end.last)
                and not (handed_over is not None and p.last >= handed_over)]
        if not (self.start or self.end):
            return seen
        first = self.start.first if self.start else min([p.first for p in seen] + [self.end.first])
        last = self.end.last if self.end else max([p.last for p in seen] + [self.start.last])
        said = f"{self.start or first.isoformat()} to {self.end or last.isoformat()}"
        return [Period(first, max(first, last), text=said), *seen]


def recast_side(text: str, character_names: Iterable[str]) -> str | None:
    """Whether a sentence tells a recast of the actor it is about: 'new' (they take the role), 'old' (they
    had it: 'originated the role', 'was replaced by'), or None."""
    for pattern, side in ((RECAST, "new"), (PREDECESSOR, "old")):
        match = pattern.search(text)
        if match:
            passive = PASSIVE.match(text, match.end())
            return side if not passive else ("old" if side == "new" else "new")
    if any(re.search(r"\bthe\s+new\s+" + re.escape(name) + r"\b", text, re.I) for name in character_names):
        return "new"
    return None


def _roles(snap: Snapshot, character: int, facts: list[FactRow]) -> list[Role]:
    names = {snap.entities[character][0], *snap.aliases.get(character, ())}
    names |= {w for n in list(names) for w in n.split() if len(w) > 2 and w[:1].isupper()}
    roles = []
    for fact in facts:
        rows = snap.evidence[fact.id]
        shows = {snap.owners.get((ev.qualifiers or {}).get("show")) for ev in rows} - {None}
        role = Role(fact.subject_id, rows, shows, [p for p in map(snap.published, rows) if p])
        for ev in rows:
            side = recast_side(ev.text, names)
            if side:
                role.cues.append((side, snap.published(ev)))
        roles.append(role)
    return roles


def _tenures(snap: Snapshot, roles: list[Role]) -> None:
    """Stated starts and ends of each actor's run, from the role and from the actor's cast membership of the
    role's show."""
    cast = {(f.subject_id, f.object_id): f for f in snap.of("cast_member_of")}
    for role in roles:
        rows = list(role.rows)
        for show in role.shows:
            if (role.actor, show) in cast:
                rows += snap.evidence[cast[(role.actor, show)].id]
        for ev in rows:
            qualifiers = ev.qualifiers or {}
            start, end = period(qualifiers.get("start")), period(qualifiers.get("end"))
            if start:
                role.start = start if role.start is None else min(role.start, start)
            if end:
                role.end = end if role.end is None else max(role.end, end, key=lambda p: p.last)
            if (start or end) and ev not in role.rows:
                role.tenure_rows.append(ev)


def _judge(snap: Snapshot, a: Role, b: Role) -> tuple[str, str] | None:
    """(kind, note) for two actors of one role, or None when a told recast the dates separate."""
    name = {r.actor: snap.entities[r.actor][0] for r in (a, b)}
    if a.told or b.told:
        newcomer = _newcomer(a, b)
        dated = [] if newcomer is None else [p for side, p in newcomer.cues if p and side == "new"] + \
            ([newcomer.start] if newcomer.start else [])
        if newcomer is None or not dated:
            teller = a if a.told else b
            return "possible_recast", (f"A sentence about {name[teller.actor]} tells that the role changed hands, "
                                       "but nothing dates the change.")
        old = b if newcomer is a else a
        handed_over = min(p.first for p in dated)
        overlap = _overlap(old.intervals(handed_over), newcomer.intervals())
        if overlap is None:
            return None
        return "two_actors", (f"A source tells that {name[newcomer.actor]} took over the role (from "
                              f"{handed_over.isoformat()}), yet sources place {name[old.actor]} in it "
                              f"{_when([overlap[0]])} and {name[newcomer.actor]} {_when([overlap[1]])}.")
    when = {r.actor: r.intervals() for r in (a, b)}
    if not when[a.actor] or not when[b.actor]:
        return "possible_recast", ("Nothing dates "
                                   + (" or ".join(name[r.actor] for r in (a, b) if not when[r.actor]))
                                   + " in the role, and no source tells a recast.")
    overlap = _overlap(when[a.actor], when[b.actor], SAME_TIME)
    if overlap:
        return "two_actors", (f"Sources place {name[a.actor]} in the role {_when([overlap[0]])} and "
                              f"{name[b.actor]} {_when([overlap[1]])}, and none tells a recast.")
    return "possible_recast", (f"The sources date {name[a.actor]} {_when(when[a.actor])} and {name[b.actor]} "
                               f"{_when(when[b.actor])}: never both at once, though none tells a recast.")


def _overlap(a: list[Period], b: list[Period], slack: timedelta = timedelta(0)) -> tuple[Period, Period] | None:
    """The first two periods that meet; two articles' dates meet within `slack` of each other."""
    return next(((x, y) for x in a for y in b if x.meets(y, slack if x.seen and y.seen else timedelta(0))), None)


def _newcomer(a: Role, b: Role) -> Role | None:
    """Who a told recast brought in: the one the sentences tell taking the role, else the one the sources
    date later."""
    if a.side != b.side:
        return a if a.side > b.side else b
    first_a, first_b = a.earliest(), b.earliest()
    if first_a is None or first_b is None or first_a == first_b:
        return None
    return a if first_a > first_b else b


def actor_conflicts(snap: Snapshot) -> list[dict[str, Any]]:
    """One character played by two people: at once, or possibly a recast when the dates cannot tell."""
    by_character: defaultdict[int, list[FactRow]] = defaultdict(list)
    for fact in snap.of("plays"):
        if fact.object_id is not None and snap.entities[fact.subject_id][1] != "character":
            by_character[fact.object_id].append(fact)
    out = []
    for character, facts in by_character.items():
        if len({f.subject_id for f in facts}) < 2:
            continue
        roles = _roles(snap, character, facts)
        _tenures(snap, roles)
        for a, b in combinations(roles, 2):
            if (a.shows and b.shows and not a.shows & b.shows) or not apart(a.rows, b.rows):
                continue  # a namesake in another show, or one sentence naming both
            judged = _judge(snap, a, b)
            if judged is None:
                continue
            kind, note = judged
            show = next(iter(sorted(a.shows & b.shows or a.shows | b.shows)), None)
            subject = snap.entity(character)
            out.append({
                "kind": kind, "subject": subject, "predicate": "plays", "detail": "actor",
                "show": snap.entity(show), "note": note,
                "summary": f"{subject['name']} is played by {snap.entities[a.actor][0]} and "
                           f"{snap.entities[b.actor][0]}",
                "values": [_role_value(snap, r) for r in (a, b)]})
    return out


def _role_value(snap: Snapshot, role: Role) -> dict[str, Any]:
    tenure = {k: v for k, v in (("start", role.start), ("end", role.end)) if v}
    value = {"value": snap.entities[role.actor][0], "entity": snap.entity(role.actor),
             "dates": _span(role.seen), "sources": [snap.source(r) for r in role.rows + role.tenure_rows]}
    if tenure:
        value["tenure"] = {k: (p.first.isoformat() if k == "start" else p.last.isoformat()) for k, p in tenure.items()}
    return value


# ---- ages ----------------------------------------------------------------------------------------


def age_conflicts(snap: Snapshot) -> list[dict[str, Any]]:
    """A person's ages that no one birth date can make true, with each pair that cannot both hold.

    Each age as of a date bounds the birth date to an interval; intervals on a line have no common point
    exactly when two of them miss each other, so the pairs are the whole disagreement.
    """
    claims: defaultdict[int, dict[tuple[int, str], dict[str, Any]]] = defaultdict(dict)
    for fact in snap.of("age"):
        age = json.loads(fact.object_value) if fact.object_value else None
        if not isinstance(age, int):
            continue
        for ev in snap.evidence[fact.id]:
            doc = snap.documents[ev.document_id]
            as_of = (ev.qualifiers or {}).get("as_of") or (None if doc["published_inferred"] else doc["published"])
            when = period(as_of)
            born = birth_range(age, when) if when else None
            if born is None:
                continue
            claim = claims[fact.subject_id].setdefault((age, str(as_of)), {
                "value": age, "as_of": str(as_of), "born": [born.first.isoformat(), born.last.isoformat()],
                "range": born, "sources": []})
            claim["sources"].append(snap.source(ev))
    out = []
    for person, found in claims.items():
        values = sorted(found.values(), key=lambda c: (c["range"].first, c["value"]))
        pairs = [(i, j) for i, j in combinations(range(len(values)), 2)
                 if not values[i]["range"].meets(values[j]["range"])
                 and apart(values[i]["sources"], values[j]["sources"])]
        if not pairs:
            continue
        involved = sorted({i for pair in pairs for i in pair})
        index = {old: new for new, old in enumerate(involved)}
        subject = snap.entity(person)
        said = [f"{values[i]['value']} as of {values[i]['as_of']}" for i in range(len(values))]
        note = ("Born " + "; ".join(f"{values[i]['born'][0]} to {values[i]['born'][1]} by {said[i]}"
                                    for i in involved)
                + ". Cannot both hold: " + "; ".join(f"{said[i]} and {said[j]}" for i, j in pairs) + ".")
        out.append({
            "kind": "ages", "subject": subject, "predicate": "age", "detail": "value",
            "note": note,
            "summary": f"{subject['name']}'s ages " + ", ".join(f"{values[i]['value']} ({values[i]['as_of']})"
                                                                for i in involved) + " cannot all hold",
            "pairs": [[index[i], index[j]] for i, j in pairs],
            "values": [{k: v for k, v in values[i].items() if k != "range"} for i in involved]})
    return out


# ---- networks ------------------------------------------------------------------------------------


def network_conflicts(snap: Snapshot) -> list[dict[str, Any]]:
    """A show with more than one network, with what may explain it: a move an article tells, a streamer
    beside a broadcaster, networks the sources date apart."""
    by_show: defaultdict[int, list[FactRow]] = defaultdict(list)
    for fact in snap.of("airs_on"):
        if fact.object_id is not None and snap.entities[fact.object_id][1] == "network":
            by_show[fact.subject_id].append(fact)
    out = []
    for show, facts in by_show.items():
        if len(facts) < 2 or not any(apart(snap.evidence[a.id], snap.evidence[b.id])
                                     for a, b in combinations(facts, 2)):
            continue
        names = [snap.entities[f.object_id][0] for f in facts]
        notes = []
        moves = [ev for f in facts for ev in snap.evidence[f.id] if NETWORK_MOVE.search(ev.text)]
        if moves:
            first = moves[0]
            teller = snap.documents[first.document_id]["outlet"] or "an article"
            notes.append(f"Moved: {teller} tells it (“{first.text.strip()}”).")
        streaming = [n for n in names if name_key(n) in STREAMER_KEYS]
        if streaming and len(streaming) < len(names):
            notes.append(f"{', '.join(streaming)} streams: a show often streams on one service while it airs on "
                         "another.")
        dated = [[p for p in map(snap.published, snap.evidence[f.id]) if p] for f in facts]
        if all(dated) and not any(_overlap(a, b, SAME_TIME) for a, b in combinations(dated, 2)):
            notes.append("The sources date them apart: "
                         + "; ".join(f"{n} {_when(ps)}" for n, ps in zip(names, dated, strict=True)) + ".")
        if not notes:
            notes.append("Shows move between networks, and channels in different countries carry one show at once; "
                         "no source here says which.")
        subject = snap.entity(show)
        out.append({
            "kind": "networks", "subject": subject, "predicate": "airs_on", "detail": "network",
            "note": " ".join(notes), "moved": bool(moves),
            "summary": f"{subject['name']} airs on " + " and ".join(names),
            "values": [{"value": n, "entity": snap.entity(f.object_id), "dates": _span(ps),
                        "sources": [snap.source(ev) for ev in snap.evidence[f.id]]}
                       for n, f, ps in zip(names, facts, dated, strict=True)]})
    return out


# ---- details of one fact -------------------------------------------------------------------------


def detail_conflicts(snap: Snapshot) -> list[dict[str, Any]]:
    """Two values of one detail of a fact (two season counts, two air dates), unless they differ only in
    precision."""
    out = []
    for fact in snap.facts:
        by_detail: defaultdict[str, dict[str, list[EvidenceRow]]] = defaultdict(dict)
        for ev in snap.evidence[fact.id]:
            for key, value in (ev.qualifiers or {}).items():
                if key in SINGLE_QUALIFIERS and value is not None:
                    by_detail[key].setdefault(json.dumps(value), []).append(ev)
        for detail in sorted(by_detail):
            values = [(json.loads(v), rows) for v, rows in by_detail[detail].items()]
            pairs = [(i, j) for i, j in combinations(range(len(values)), 2)
                     if not compatible(detail, values[i][0], values[j][0]) and apart(values[i][1], values[j][1])]
            if not pairs:
                continue
            involved = sorted({i for pair in pairs for i in pair})
            index = {old: new for new, old in enumerate(involved)}
            chosen = [values[i] for i in involved]
            subject, obj = snap.entity(fact.subject_id), snap.entity(fact.object_id)
            out.append({
                "kind": "details", "subject": subject, "predicate": fact.predicate, "detail": detail,
                "object": obj, "note": _detail_note(snap, detail, chosen),
                "summary": f"{subject['name']} {fact.predicate.replace('_', ' ')}"
                           + (f" {obj['name']}" if obj else "") + f": {detail.replace('_', ' ')} "
                           + " or ".join(str(v) for v, _ in chosen),
                "pairs": [[index[i], index[j]] for i, j in pairs],
                "values": [{"value": v, "dates": _span(p for p in map(snap.published, rows) if p),
                            "sources": [snap.source(ev) for ev in rows]} for v, rows in chosen]})
    return out


def _detail_note(snap: Snapshot, detail: str, values: list[tuple[Any, list[EvidenceRow]]]) -> str:
    if detail in GROWING_QUALIFIERS and all(isinstance(v, int) for v, _ in values):
        dated = [(max((p.last for p in map(snap.published, rows) if p), default=None), v) for v, rows in values]
        if all(d for d, _ in dated) and [v for _, v in sorted(dated)] == sorted(v for _, v in dated):
            return "The count grows with the sources' dates: the later articles may simply be more recent."
    return "The sources give different values."


def find_conflicts(session: Session) -> list[dict[str, Any]]:
    """Every disagreement in the knowledge base, most serious kind first, with the competing values and
    their sources."""
    snap = load(session)
    found = actor_conflicts(snap) + age_conflicts(snap) + network_conflicts(snap) + detail_conflicts(snap)
    order = list(KINDS)
    for conflict in found:
        conflict["label"] = KINDS[conflict["kind"]]
    return sorted(found, key=lambda c: (order.index(c["kind"]), c["subject"]["name"].lower(), c["detail"]))
