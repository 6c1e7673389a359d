"""Facts a fan wiki keeps — who plays whom, who is married to, directed, airs on what — each with its sentence.

Every pattern reads the cleaned text around entity mentions (names,
epithets and resolved pronouns), so "his boss, Capt. Nora Vance" relates Vance
to whoever "his" is. Facts that follow from others are derived at the end:
an actor who plays a character of a show is a cast member of that show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Fact, Value
from ..lexicon import CHARACTER_TITLES
from .context import Context
from .coref import Epithet, main_show
from .time import TimeExpr

PEOPLE = ("person", "character")
MAX_NAME_LENGTH = 80  # longer than any name: bounds the mentions searched around an offset
# An optional rank or title before a character's name: "his boss, Capt. Nora Vance".
_TITLE = r"(?:(?:" + "|".join(sorted(CHARACTER_TITLES, key=len, reverse=True)) + r")\.?\s+)?"
PLAYS_AFTER = re.compile(r",?\s*(?:who\s+)?(?:also\s+)?(?:plays|played|portrays|portrayed|will play|has played|"
                         r"is playing|stars as|starred as|starring as|returns as|returned as|is cast as|was cast as|"
                         r"joined [\w\s]{0,30}? as|joins [\w\s]{0,30}? as)\s+(?:the\s+)?" + _TITLE + "$", re.I)
PLAYED_BY = re.compile(r"^\s*,?\s*\(?(?:who is |who was )?(?:played|portrayed) by\s+$")
ROLE_OF = re.compile(r"(?P<owner>\b(?:his|her|their)|['’]s)\s+(?:former\s+|onscreen\s+|on-screen\s+)?"
                     r"(?:character|role|alter ego|(?:[\w-]+\s+)?(?:run|time|stint|tenure|turn|years|days) as|"
                     r"portrayal of)\s*,?\s*(?:as\s+)?" + _TITLE + "$", re.I)
NAME_AS = re.compile(r"\s+as\s+" + _TITLE + "$", re.I)  # "stars Lucia Ferreira as Dr. Amara Lang"
AS_ROLE = re.compile(r"\b(?:wrapping up|wrapped up|returning|returned|returns|return|cast|joined|joins|back)\s+as\s+"
                     + _TITLE + "$", re.I)
FAMILY = ("brother", "sister", "father", "mother", "son", "daughter", "cousin", "uncle", "aunt", "niece", "nephew",
          "grandfather", "grandmother", "grandson", "granddaughter", "stepfather", "stepmother", "stepson",
          "stepdaughter", "half-brother", "half-sister", "twin", "dad", "mom", "sibling", "brother-in-law",
          "sister-in-law", "father-in-law", "mother-in-law")
RELATION_NOUNS = {
    **{w: ("spouse_of", None) for w in ("wife", "husband", "spouse")},
    **{w: ("romantic_partner_of", None) for w in ("girlfriend", "boyfriend", "fiancé", "fiancée", "fiance",
                                                   "fiancee", "love interest", "lover", "ex-wife", "ex-husband")},
    "partner": ("partner_of", None),
    **{w: ("superior_of", "inverse") for w in ("boss", "supervisor", "commander", "commanding officer", "sergeant",
                                              "lieutenant", "captain", "chief", "superior")},
    **{w: ("relative_of", w) for w in FAMILY},
}
_REL_WORDS = "|".join(sorted((re.escape(w) for w in RELATION_NOUNS), key=len, reverse=True))
_OCCUPATION = r"(?:(?:actor|actress|director|producer|writer|singer|musician|comedian|chef|model|artist|" \
              r"businessman|businesswoman|entrepreneur|screenwriter|showrunner|author|athlete)\s+)?"
RELATION_BEFORE = re.compile(rf"(?P<owner>\b(?:his|her|their)|['’]s)\s+(?:(?P<screen>on-?screen|real-life|former|"
                             rf"late|new|older|younger|little|big|twin|longtime)\s+)*(?P<noun>{_REL_WORDS})\s*,?\s*"
                             + _OCCUPATION + _TITLE + "$", re.I)
RELATION_AFTER = re.compile(rf"(?:\s*\([^)]{{1,60}}\))?,\s+(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]*['’]s\s+(?:on-?screen\s+)?"
                            rf"(?P<noun>{_REL_WORDS})\b")
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
CREATED_BY = re.compile(r"\b(?:created|co-created|developed)\s+by\s+$|\b(?:creator|co-creator|showrunner and creator)"
                        r"\s*,?\s*$", re.I)
CAST_WORDS = re.compile(r"\b(?:co-?stars?|castmates?|cast\s*mates?|cast members?|ex-castmates?|former co-?stars?)\b",
                        re.I)
MEMBER = re.compile(r"\bmember\s+of\s+(?:the\s+)?$", re.I)
NATIVE_OF = re.compile(r"\b(?:a native of|native of|hails from|born in|grew up in|raised in|hometown of)\s+$", re.I)
DIRECTED_BY = re.compile(r"\bdirected\s+by\s+$", re.I)
DIRECTED = re.compile(r"^\s+(?:the\s+)?(?:(?:season|series)\s+\w+\s+)?(?:episode\s+)?(?:titled\s+)?[“\"‘]?$", re.I)


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
        return _as_type(ctx, mention.key if mention else None, types) or _subject_key(ctx, owner_start, types)
    return _mention_ending(ctx, owner_start, types, window=3)


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


def plays(ctx: Context, facts: Facts, pairs: list[tuple[str, str, int]]) -> None:
    for actor, character, offset in pairs:
        facts.add(actor, "plays", character, offset)
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "character" or m.kind == "pronoun":
            continue
        before = ctx.text[max(0, m.start - 80):m.start]
        after = ctx.text[m.end:m.end + 40]
        actor = None
        if PLAYS_AFTER.search(before):
            actor = _mention_ending(ctx, m.start - len(PLAYS_AFTER.search(before).group(0)), ("person",), 60)
        if actor is None and (role := ROLE_OF.search(before)):
            owner_start = m.start - len(before) + role.start("owner")
            actor = _owner(ctx, owner_start, role.group("owner"), ("person",))
        if actor is None and (named := NAME_AS.search(before)):
            actor = _mention_ending(ctx, m.start - len(named.group(0)), ("person",), 2)
        if actor is None and AS_ROLE.search(before):
            actor = _subject_key(ctx, m.start, ("person",))
        if actor is None and (by := PLAYED_BY.match(after)):
            actor = _mention_starting(ctx, m.end + by.end(), ("person",), 5)
        if actor is not None:
            facts.add(actor, "plays", m.key, m.start)


def shows_of_characters(ctx: Context, facts: Facts) -> None:
    """A character belongs to the show named beside it, else to the show the article is about."""
    show = main_show(ctx)
    for entity in ctx.entities:
        if entity.type != "character" or not entity.mentions:
            continue
        target, where = show, entity.mentions[0].start
        for span in entity.mentions:
            sent = ctx.sentence_of(span.start)
            near = [m.key for m in ctx.mentions_in(sent.start_char, sent.end_char) if ctx.type_of(m.key) == "show"]
            if near:
                target, where = near[0], span.start
                break
        facts.add(entity.key, "character_in", target, where)


def relations_between_people(ctx: Context, facts: Facts) -> None:
    """'his wife X', 'her boss, X', 'X's brother Y', 'married X': only between people of one kind."""
    for m in ctx.mentions:
        kind = ctx.type_of(m.key)
        if kind not in PEOPLE or m.kind == "pronoun":
            continue
        before = ctx.text[max(0, m.start - 80):m.start]
        rel = RELATION_BEFORE.search(before)
        if rel:
            owner = _owner(ctx, m.start - len(before) + rel.start("owner"), rel.group("owner"), (kind,))
            predicate, how = RELATION_NOUNS[rel.group("noun").lower()]
            if owner is None or "screen" in (rel.group("screen") or "").lower():
                pass  # an on-screen wife is a role, not a spouse
            elif predicate == "superior_of":
                facts.add(m.key, predicate, owner, m.start)
            elif predicate == "relative_of":
                facts.add(owner, predicate, m.key, m.start, relation=how)
            else:
                facts.add(owner, predicate, m.key, m.start)
        after = ctx.text[m.end:m.end + 60]
        appositive = RELATION_AFTER.match(after)  # "Dr. Amara Lang, Theo's wife"
        if appositive:
            owner = _mention_ending(ctx, m.end + appositive.start("noun") - 3, (kind,), 4)
            predicate, how = RELATION_NOUNS[appositive.group("noun").lower()]
            if owner is not None and predicate == "superior_of":
                facts.add(m.key, predicate, owner, m.start)
            elif owner is not None:
                facts.add(owner, predicate, m.key, m.start, **({"relation": how} if how else {}))
        married = MARRIED.search(before)
        if married:
            spouse = _subject_of_clause(ctx, m.start - len(before) + married.start(), (kind,))
            facts.add(spouse, "spouse_of", m.key, m.start)
            if re.search(r"\bpartner\b", married.group(0), re.I):
                facts.add(spouse, "partner_of", m.key, m.start)


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


def networks(ctx: Context, facts: Facts, epithets: list[Epithet]) -> None:
    """'X airs on CBS Thursdays at 9 p.m. ET', 'the CBS drama', 'X streams on Peacock'."""
    show = main_show(ctx)
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "network":
            continue
        before = ctx.text[max(0, m.start - 80):m.start]
        airs = re.search(r"\b(?:airs|aired|air|streams|streaming|streamed|premieres|premiered|broadcast|is available|"
                         r"returns|debuts)\s+(?P<between>(?:[\w/:.]+\s+){0,5}?)on\s+$", before, re.I)
        if not airs:
            continue
        target = _mention_ending(ctx, m.start - len(airs.group(0)), ("show",), 40) or show
        slot = SLOT.match(ctx.text[m.end:m.end + 80]) or SLOT.match(" " + airs.group("between"))
        facts.add(target, "airs_on", m.key, m.start, slot=slot.group("slot").strip() if slot else None)
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


CREDIT_BEFORE = re.compile(r"\b(?:starred|starring|stars|appeared|appearing|was seen|was cast|had roles?|played a role)"
                           r"\s+in\s+(?:the\s+)?(?:\d{4}\s+)?(?:film|movie|series|show|sitcom|drama|miniseries|"
                           r"play|musical|Netflix series|HBO series)?\s*[“\"‘]?$|\b(?:best |also )?known for\s+"
                           r"(?:(?:his|her|their) (?:role|roles|work) (?:in|on)\s+)?(?:the\s+)?[“\"‘]?$", re.I)


def credits(ctx: Context, facts: Facts) -> None:
    """'She starred in the film X', 'best known for X': a person known for a work other than this show."""
    show = main_show(ctx)
    for m in ctx.mentions:
        if ctx.type_of(m.key) not in ("work", "show") or m.key == show:
            continue
        if CREDIT_BEFORE.search(ctx.text[max(0, m.start - 70):m.start]):
            facts.add(_subject_key(ctx, m.start, ("person",)), "known_for", m.key, m.start)


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


JOIN_LEAVE = re.compile(r"\b(?:joined|joins|joining|join|left|leaves|leaving|leave|exited|exits|exiting|departed|"
                        r"departs|departing|quit|quits|returned to|returns to|rejoined|rejoins)\s+"
                        r"(?:the\s+cast\s+of\s+)?(?:the\s+)?$", re.I)


def joined_or_left(ctx: Context, facts: Facts) -> None:
    """'Petrov joined Saint Brigid in season 1', 'she is leaving the show': the subject is (was) cast."""
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "show":
            continue
        match = JOIN_LEAVE.search(ctx.text[max(0, m.start - 40):m.start])
        if match:
            facts.add(_subject_key(ctx, m.start, ("person",)), "cast_member_of", m.key, m.start)


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
    """'X directed Y', 'Y, directed by X', and a directorial debut on the only episode the article names."""
    episodes_ = [e.key for e in ctx.entities if e.type == "episode" and e.mentions]
    for m in ctx.mentions:
        if ctx.type_of(m.key) not in ("episode", "show"):
            continue
        before = ctx.text[max(0, m.start - 60):m.start]
        after = ctx.text[m.end:m.end + 40]
        director = None
        verb = re.search(r"\bdirected" + DIRECTED.pattern[1:], before, re.I)
        if verb:
            director = _mention_ending(ctx, m.start - len(verb.group(0)), ("person",), 20)
        if director is None and (by := re.match(r"^[,”\"’\s]*(?:which was\s+|was\s+)?directed by\s+", after)):
            director = _mention_starting(ctx, m.end + by.end(), ("person",), 3)
        if director is None and re.search(r"directorial debut\s+(?:with|on)\s+(?:[\w,]+\s+){0,6}?[“\"‘]?$", before):
            director = _subject_key(ctx, m.start, ("person",))
        if director is not None:
            facts.add(director, "directed", m.key, m.start)
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


def creators(ctx: Context, facts: Facts) -> None:
    show = main_show(ctx)
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "person" or m.kind == "pronoun":
            continue
        if CREATED_BY.search(ctx.text[max(0, m.start - 40):m.start]):
            sent = ctx.sentence_of(m.start)
            target = next((x.key for x in ctx.mentions_in(sent.start_char, sent.end_char)
                           if ctx.type_of(x.key) in ("show", "franchise")), show)
            facts.add(target, "created_by", m.key, m.start)


def memberships(ctx: Context, facts: Facts) -> None:
    """'a proud SAG-AFTRA member' or 'member of the WGA': the person the sentence is about."""
    for m in ctx.mentions:
        if ctx.type_of(m.key) != "organization":
            continue
        after = ctx.text[m.end:m.end + 12]
        before = ctx.text[max(0, m.start - 20):m.start]
        if re.match(r"\s+members?\b", after) or MEMBER.search(before):
            sent = ctx.sentence_of(m.start)
            people = [x.key for x in ctx.mentions_in(sent.start_char, sent.end_char) if ctx.type_of(x.key) == "person"]
            if people:
                facts.add(people[0], "member_of", m.key, m.start)


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
    plays(ctx, facts, pairs)
    ctx.played = {f.subject: f.object for f in facts.having("plays")}
    shows_of_characters(ctx, facts)
    relations_between_people(ctx, facts)
    episodes(ctx, facts, times)
    networks(ctx, facts, epithets)
    epithet_facts(ctx, facts, epithets, published)
    ages(ctx, facts, published)
    hometowns(ctx, facts)
    cast(ctx, facts)
    joined_or_left(ctx, facts)
    directing(ctx, facts)
    franchises(ctx, facts)
    creators(ctx, facts)
    memberships(ctx, facts)
    credits(ctx, facts)
    for fact in list(derived(facts)):
        existing = facts.items.get((fact.subject, fact.predicate, fact.object))
        if existing is None:
            facts.items[(fact.subject, fact.predicate, fact.object)] = fact
    tenure(ctx, facts)
    return list(facts.items.values())
