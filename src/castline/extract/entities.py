"""Named entities with their type, aliases and every mention, typed from the article's own cues.

spaCy's small model finds names but often mistypes them in TV coverage
(a surname as a place, a character as an organisation), so its labels are
only one weak vote. Candidates come from the model, from quoted titles and
from the general outlet/network lists; names are grouped (full name,
surname, first name); each group is typed by cues the article gives:
"Name (Actor)", "his character Name", "Det. Name", "the Name episode",
"on Name", "Name, 38,".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..document import Entity
from ..ingest.clean import is_headline_like
from ..kb.names import name_key, strip_title
from ..lexicon import CHARACTER_TITLES, HONORIFICS, NETWORKS, ORGANIZATIONS, OUTLETS, SOCIAL_NETWORKS
from .context import Context, Mention

# However often the model labels a name, its labels weigh at most this much against the article's cues.
NER_VOTE_CAP = 2
NER_LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "organization",
              "WORK_OF_ART": "work", "FAC": "place"}
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"))
SMALL = {"of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "as", "with", "de", "van", "von",
         "da", "del", "la", "le", "du", "di", "&"}
# Single words that name an outlet or network only when a cue says so ("told People").
AMBIGUOUS_WORDS = {"People", "Time", "Today", "Extra", "Max", "X", "History", "Discovery", "Metro",
                   "Insider", "Mirror", "Glamour", "Elle", "Deadline", "Threads", "Sky", "Fox", "OWN",
                   "ET", "EW", "AP", "Parade", "Decider", "Looper", "Collider", "Vulture", "Independent",
                   "The View", "Today show", "IG", "SAG", "E!", "GMA", "Amazon", "Apple TV", "Hallmark",
                   "TIME", "Cameo", "Twitch", "Bustle", "Extra TV", "The Sun", "Guardian", "CW"}
LEXICON_CUE_BEFORE = re.compile(
    r"(?:told|to|with|via|on|in|per|according to|from|for|speaking to|spoke to|speaking with)\s+(?:the\s+)?$")
LEXICON_CUE_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:reported|magazine|interview|podcast|story|series|show|said)\b")
ORG_SUFFIXES = {"studios", "studio", "productions", "entertainment", "pictures", "inc", "llc", "agency",
                "guild", "union", "association", "academy", "foundation", "university", "television",
                "media", "group", "network", "records", "films", "company", "corp", "corporation", "ltd"}
_ROLE_CUES = (r"\bcharacter|\brole(?: of)?|\bplays|\bplayed|\bplaying|\bportrays|\bportrayed|\bportraying"
              r"|\bstars as|\bstarred as|\bstarring as|\bcast as|\breturn(?:s|ed|ing)? as|\b(?:run|time|stint|turn|"
              r"tenure|years|days) as|\bwrapping up as|\bwrapped up as")
_TITLE_WORDS = "|".join(sorted(CHARACTER_TITLES, key=len, reverse=True))
CHARACTER_CUE_BEFORE = re.compile(rf"(?:{_ROLE_CUES})\s*,?\s*(?:(?:{_TITLE_WORDS})\.?\s+)?$", re.I)
# "stars Lucia Ferreira as Dr. Amara Lang": a name, "as", the role.
NAME_AS_BEFORE = re.compile(rf"\b(?:stars|starring|co-stars|co-starring|casts?|featuring|features|opposite|and)\s+"
                            rf"(?:[A-Z][\w'’-]+\s+){{1,3}}as\s+(?:(?i:{_TITLE_WORDS})\.?\s+)?$")
# A name right after these is a role being talked about, not someone taking part in the story.
ROLE_BEFORE = re.compile(rf"(?:{_ROLE_CUES}|\bas)\s+(?:[A-Z][a-z]*\.?\s+)?$")
PERSON_CUE_BEFORE = re.compile(
    r"\b(?:co-?stars?|castmates?|cast members?|actor|actress|star|creator|showrunner|director|producer|"
    r"writer|executive producer|host|alum|on-?screen (?:wife|husband|partner|love|mom|dad))\s*,?\s*$", re.I)
SHOW_CUE_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:fans|set|star(?!\s+(?:as|in)\b)|stars\s+(?=[A-Z])|co-?stars?|cast|castmates?|season|seasons|"
    r"episode|episodes|airs|"
    r"aired|premiere|premiered|finale|writers|showrunners?|series|revival|reboot|spinoff|spin-off|"
    r"universe|franchise|family|(?:is|was|will be|has been)\s+(?:back|renewed|cancell?ed|picked up)|"
    r"(?:returns|will return|is returning) for)\b", re.I)
# A show cue's vote by the model's own label for the name: it often takes titles for people, and
# places are left, joined and cheered for ("Chicago fans") too.
SHOW_CUE_WEIGHT = {"person": 1.5, "place": 1.5}
# "on X" is a weak cue: people are on Instagram and on Monday, shows are on too.
ON_BEFORE = re.compile(r"\b(?:appear(?:s|ed|ing)?|star(?:s|red|ring)?|role|guest|work(?:s|ed|ing)?|cast|"
                       r"character|scene|set|fans|time|run|tenure|stint|seasons?)\s+on\s+(?:the\s+)?$", re.I)
SHOW_CUE_BEFORE = re.compile(r"(?:\bseason \d+ of|\b(?:episode|finale|premiere|season|set|cast|star|stars|alum|"
                             r"creator|showrunner|writers|fans|revival|reboot|spinoff) of|\bjoined|\bleft|\bleaving|"
                             r"\bexit from|\brenewed|\bcancell?ed|\bpicked up)\s+(?:the\s+)?$", re.I)
EPISODE_CUE = re.compile(r"\bepisodes?\b[^.“\"]{0,50}?\b(?:titled|called|named|dubbed)\s*[“\"‘]?$"
                         r"|\bepisodes?\s*[“\"‘]?$|\bepisode \d+['’]s\s*[“\"‘]?$", re.I)
AIRING = re.compile(r"\b(?:aired|airs|airing|hit screens|premiered|premieres|debuted|broadcast)\b", re.I)
FRANCHISE_AFTER = re.compile(r"^\W{0,3}\s*(?:universe|franchise|shows|verse|series of shows)\b", re.I)
WORK_AFTER = re.compile(r"^\W{0,3}\s*(?:video|film|movie|book|song|album|podcast|documentary|special|play|"
                        r"musical|compilation|clip|trailer|reel)\b", re.I)
TITLE_PREFIX = re.compile(
    r"\b(?P<title>(?i:" + "|".join(sorted(CHARACTER_TITLES | {"director"}, key=len, reverse=True)) +
    r")\.?)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
# Cues that the capitalized name after them is a publication or programme ("in an interview with X").
_NAME = r"(?P<name>[A-Z][\w'’!.&-]*(?:\s+(?:[A-Z][\w'’!.&-]*|of|the|and|&|on|in)){0,6})"
OUTLET_CUE = re.compile(
    r"(?i:\b(?:in|during|for)\s+(?:an?|his|her|their)\s+(?:\w+\s+){0,2}?(?:interview|conversation|chat|sit-down|"
    r"Q&A|appearance)\s+(?:with|on)|\bspeaking\s+(?:to|with)|\bspoke\s+(?:to|with)|\btalking\s+(?:to|with)|"
    r"\btalked\s+(?:to|with)|\bsat\s+down\s+with|\bchatted\s+with|\bappear(?:ed|ing|s)?\s+on|\bguest\s+on|"
    r"\bvia)\s+(?:the\s+)?" + _NAME)
OUTLET_AFTER = re.compile(r"(?P<name>[A-Z][\w'’!.&-]*(?:\s+[A-Z][\w'’!.&-]*){0,4})\s+(?:first\s+)?reported\b")
AGE_AFTER = re.compile(r"^,\s*\d{1,3},")
PERSON_CUE_AFTER = re.compile(r"^(?:(?:'s|’s)\s+(?:character|role|portrayal|performance|co-?stars?|castmates?)"
                              r"|,?\s+(?:who\s+)?(?:plays|played|portrays|portrayed|stars as|starred as|starring as"
                              r"|will play|has played|is playing))\b")


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    origin: str  # lexicon, quoted, ner, title
    type_hint: str | None = None
    canonical: str | None = None  # lexicon name
    votes: Counter = field(default_factory=Counter)


@dataclass
class Group:
    name: str
    candidates: list[Candidate] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    ner_votes: Counter = field(default_factory=Counter)  # the model's labels: weak, capped
    fixed_type: str | None = None

    def tally(self) -> Counter:
        return self.votes + Counter({k: min(v, NER_VOTE_CAP) for k, v in self.ner_votes.items()})


def _lexicon_patterns() -> list[tuple[str, str, str]]:
    """(surface form, canonical name, type) for every outlet, network and organisation name."""
    forms: list[tuple[str, str, str]] = []
    for name, (aliases, _) in OUTLETS.items():
        forms += [(n, name, "outlet") for n in (name, *aliases)]
    for name, aliases in SOCIAL_NETWORKS.items():
        forms += [(n, name, "outlet") for n in (name, *aliases)]
    for name, aliases in NETWORKS.items():
        forms += [(n, name, "network") for n in (name, *aliases)]
    for name, aliases in ORGANIZATIONS.items():
        forms += [(n, name, "organization") for n in (name, *aliases)]
    forms += [(f.upper(), canonical, kind) for f, canonical, kind in forms if len(f) > 4]  # "TVLINE |" in Q&As
    seen: dict[str, tuple[str, str, str]] = {}
    for form in forms:
        seen.setdefault(form[0], form)
    return sorted(seen.values(), key=lambda f: -len(f[0]))


LEXICON_FORMS = _lexicon_patterns()
LEXICON_INDEX = {form: (canonical, kind) for form, canonical, kind in LEXICON_FORMS}
LEXICON_RE = re.compile(r"(?<![\w&+!])(" + "|".join(re.escape(f) for f, _, _ in LEXICON_FORMS) + r")(?![\w&+]|!\w)")


def lexicon_candidates(text: str) -> list[Candidate]:
    found = []
    for match in LEXICON_RE.finditer(text):
        form = match.group(1)
        canonical, kind = LEXICON_INDEX[form]
        if form in AMBIGUOUS_WORDS or canonical in AMBIGUOUS_WORDS:
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 30]
            if not (LEXICON_CUE_BEFORE.search(before) or LEXICON_CUE_AFTER.match(after)):
                continue
        if kind == "outlet" and canonical in NETWORKS and re.match(r"\s*(?:'s|’s)?\s*(?:drama|series|show|"
                                                                  r"comedy|sitcom)", text[match.end():]):
            kind = "network"
        found.append(Candidate(match.start(), match.end(), form, "lexicon", kind, canonical))
    return found


def looks_like_title(inner: str) -> bool:
    words = inner.split()
    if not 1 <= len(words) <= 8 or not inner[:1].isupper() and not inner[:1].isdigit():
        return False
    if re.search(r"[!?;]|[.,]\s", inner) or inner.endswith(("!", "?")):
        return False
    content = [w for w in words if w.lower() not in SMALL]
    return bool(content) and sum(w[:1].isupper() or w[:1].isdigit() for w in content) / len(content) >= 0.75


def quoted_candidates(text: str) -> list[Candidate]:
    """Short Title Case phrases in quotation marks: show, episode and work titles."""
    found = []
    for opening, closing in QUOTE_PAIRS:
        pattern = re.compile(rf"(?<![\w]){re.escape(opening)}([^{re.escape(closing)}\n]{{1,80}}?){re.escape(closing)}"
                             r"(?![^\W_])")
        for match in pattern.finditer(text):
            inner = match.group(1)
            stripped = inner.rstrip(",. ")
            if stripped.endswith("P.D") or re.search(r"\b[A-Z]\.[A-Z]$", stripped):
                stripped += "."
            if not looks_like_title(stripped):
                continue
            start = match.start(1)
            found.append(Candidate(start, start + len(stripped), stripped, "quoted"))
    return found


def cue_candidates(text: str) -> list[Candidate]:
    """Names that cues mark as outlets: 'in an interview with X', 'speaking to X', 'via X', 'X reported'."""
    found = []
    for pattern in (OUTLET_CUE, OUTLET_AFTER):
        for match in pattern.finditer(text):
            name = re.sub(r"(?:\s+(?:of|the|and|&|on|in))+$", "", match.group("name")).rstrip(".'’")
            if name.lower() in ("the", "a") or name.split()[0].lower() in SMALL:
                continue
            start = match.start("name")
            cand = Candidate(start, start + len(name), name, "cue")
            cand.votes["outlet"] = 4
            found.append(cand)
    return found


def clean_ner_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim 'the', possessives and stray punctuation from a model entity span."""
    span = text[start:end]
    match = re.match(r"(?i)the\s+", span)
    if match:
        start += match.end()
    span = text[start:end]
    possessive = re.search(r"['’]s?$", span)
    if possessive:
        end -= len(possessive.group())
    while end > start and text[end - 1] in ",;:!?)(\"“”‘’-— ":
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"\b[A-Z]\.[A-Z]?\.?$|\b[A-Z]\.$", text[start:end]):
        end -= 1
    span = text[start:end]
    if len(span) < 2 or not span[:1].isupper() or not re.search(r"[A-Za-z]", span):
        return None
    words = span.split()
    if any(not (w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL or not w[:1].isalpha()) for w in words):
        return None
    if strip_title(span).lower().rstrip(".") in CHARACTER_TITLES | HONORIFICS:
        return None
    return start, end


def ner_candidates(ctx: Context) -> list[Candidate]:
    found = []
    for ent in ctx.doc.ents:
        kind = NER_LABELS.get(ent.label_)
        if kind is None or (len(ent) == 1 and (ent[0].tag_.startswith("VB") or ent[0].is_stop)):
            continue  # "Directing" at the head of a subheading is no name
        bounds = clean_ner_span(ctx.text, ent.start_char, ent.end_char)
        if bounds is None:
            continue
        start, end = bounds
        found.append(Candidate(start, end, ctx.text[start:end], "ner", kind))
    return found


def _is_propn(token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper() and token.text.isalpha()


# What may join proper nouns inside one name ("Law & Order"); "and", "of" and "'s" join two names too often.
NAME_GLUE = {"&"}


def propn_candidates(ctx: Context) -> list[Candidate]:
    """Runs of two or more proper nouns the model left unlabelled ("Tomas Reyes", "Law & Order")."""
    found = []
    tokens = list(ctx.doc)
    i = 0
    while i < len(tokens):
        if not _is_propn(tokens[i]):
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(tokens) and not tokens[j].is_sent_start:
            if _is_propn(tokens[j]):
                end = j
            elif tokens[j].text not in NAME_GLUE or (j + 1 < len(tokens) and not _is_propn(tokens[j + 1])):
                break
            j += 1
        if end > i:
            start, stop = tokens[i].idx, tokens[end].idx + len(tokens[end].text)
            found.append(Candidate(start, stop, ctx.text[start:stop], "propn"))
        i = end + 1
    return found


def title_candidates(text: str) -> list[Candidate]:
    """'Capt. Nora Vance', 'Director Tomas': the name, with the titled form kept as an alias."""
    found = []
    for match in TITLE_PREFIX.finditer(text):
        if not match.group("title")[0].isupper():
            continue
        title = match.group("title").lower().rstrip(".")
        # real people are called Dr. or Judge too: such titles only lean towards a character
        weak = title in ("doctor", "dr", "prof", "professor", "judge", "coach")
        hint = "character" if title in CHARACTER_TITLES and not weak else None
        votes = Counter({"_alias:" + match.group(0): 1})
        if weak:
            votes["character"] = 3
        found.append(Candidate(match.start("name"), match.end("name"), match.group("name"), "title", hint,
                               votes=votes))
    return found


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Subheadings in the body: Title Case lines without a full stop, where the model sees names everywhere."""
    return [m.span() for m in re.finditer(r"[^\n]+", text) if is_headline_like(m.group())]


def without_headline_only_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A name inside a subheading makes an entity only if each of its words is capitalized in the body too."""
    spans = headline_spans(text)
    if not spans:
        return candidates
    body = list(text)
    for start, end in spans:
        body[start:end] = " " * (end - start)
    body_words = set(re.findall(r"[A-Z][\w'’.-]*", "".join(body)))
    return [c for c in candidates if c.origin == "lexicon" or not any(s <= c.start < e for s, e in spans)
            or all(word in body_words for word in strip_title(c.text).split())]


def non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Lexicon names first, then quoted titles, titled names, then the model's spans; longer wins."""
    rank = {"lexicon": 0, "quoted": 1, "title": 2, "cue": 3, "ner": 4, "propn": 5}
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (rank[c.origin], -(c.end - c.start), c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def group_candidates(candidates: list[Candidate]) -> list[Group]:
    """Full names head groups; surnames, first names and shorter forms join the group they belong to."""
    groups: dict[str, Group] = {}
    order: list[Group] = []

    def group_for(key: str, name: str) -> Group:
        if key not in groups:
            groups[key] = Group(name)
            order.append(groups[key])
        return groups[key]

    person_like = [c for c in candidates if c.origin in ("ner", "title", "cue", "propn")]
    heads = {name_key(strip_title(c.text)): strip_title(c.text) for c in person_like
             if len(strip_title(c.text).split()) > 1}
    for cand in candidates:
        if cand.origin == "lexicon":
            group_for("lex:" + cand.canonical, cand.canonical).candidates.append(cand)
            continue
        name = strip_title(cand.text)
        key = name_key(name)
        if cand.origin in ("ner", "title", "cue", "propn"):
            tokens = name.split()
            owners = [k for k, full in heads.items() if k != key and _is_part_of(tokens, full.split())]
            if owners:
                key = _nearest_owner(owners, cand, groups, heads)
                name = heads[key]
        group_for(key, name).candidates.append(cand)
    return order


def _is_part_of(tokens: list[str], full: list[str]) -> bool:
    if len(tokens) >= len(full):
        return False
    n = len(tokens)
    return full[:n] == tokens or full[-n:] == tokens


def _nearest_owner(owners: list[str], cand: Candidate, groups: dict[str, Group], heads: dict[str, str]) -> str:
    """Among full names a short name could belong to, the one named most recently before it."""
    def last_before(key: str) -> int:
        group = groups.get(key)
        starts = [c.start for c in group.candidates if c.start < cand.start] if group else []
        return max(starts, default=-1)
    return max(owners, key=last_before)


NETWORK_POSSESSIVE = re.compile(r"(?:" + "|".join(re.escape(n) for n in sorted(NETWORKS, key=len, reverse=True))
                                + r")['’]s\s+(?:[\w-]+\s+){0,3}?(?:(?:drama|series|comedy|procedural|sitcom|show|"
                                r"thriller|dramedy|soap|hit|reboot|revival|spinoff|spin-off)\s+)?$")
# "the film Northern Line", "the Netflix series Saint Brigid"
KIND_BEFORE = re.compile(r"\b(?:(?P<work>film|movie|novel|book|album|song|play|musical|documentary|miniseries|"
                         r"video)|(?P<show>series|show|sitcom|drama|procedural|soap|spinoff|spin-off))\s+$", re.I)


def vote_types(ctx: Context, group: Group) -> None:
    text = ctx.text
    for cand in group.candidates:
        if cand.origin == "lexicon":
            group.fixed_type = group.fixed_type or cand.type_hint
            continue
        before = text[max(0, cand.start - 60):cand.start]
        after = text[cand.end:cand.end + 60]
        if cand.origin == "quoted":
            _vote_title(ctx, group, cand, before, after)
            continue
        group.votes.update({k: v for k, v in cand.votes.items() if not k.startswith("_")})
        if cand.type_hint and cand.origin == "ner":
            group.ner_votes[cand.type_hint] += 1
        elif cand.type_hint:
            group.votes[cand.type_hint] += 4
        if CHARACTER_CUE_BEFORE.search(before):
            group.votes["character"] += 4
        if AGE_AFTER.match(after) or PERSON_CUE_AFTER.match(after) or PERSON_CUE_BEFORE.search(before):
            group.votes["person"] += 3
        if cand.origin in ("ner", "propn"):
            cues = bool(SHOW_CUE_AFTER.match(after)) + bool(SHOW_CUE_BEFORE.search(before) or ON_BEFORE.search(before))
            if cues:
                group.votes["show"] += cues * SHOW_CUE_WEIGHT.get(cand.type_hint, 3)
        if NETWORK_POSSESSIVE.search(before):  # "NBC's Harbor City Fire"
            group.votes["show"] += 3
        kind_before = KIND_BEFORE.search(before)
        if kind_before and cand.type_hint != "person" or kind_before and kind_before.group("work"):
            group.votes["work" if kind_before.group("work") else "show"] += 3
        if NAME_AS_BEFORE.search(before):
            group.votes["character"] += 4


def _vote_title(ctx: Context, group: Group, cand: Candidate, before: str, after: str) -> None:
    sentence = ctx.sentence_of(cand.start)
    if FRANCHISE_AFTER.match(after):
        group.votes["franchise"] += 4
    elif WORK_AFTER.match(after):
        group.votes["work"] += 4
    elif EPISODE_CUE.search(before[-70:]) or re.search(r"\b(?:episodes?|finale|premiere)\b", before[-25:], re.I) \
            or re.match(r"^\W{0,3}\s*episode\b", after, re.I):
        group.votes["episode"] += 4
    elif SHOW_CUE_AFTER.match(after.lstrip("”\"’ ")) or SHOW_CUE_BEFORE.search(before.rstrip("“\"‘ ")):
        group.votes["show"] += 3
    elif AIRING.search(sentence.text) and re.search(r"\bepisode", ctx.text, re.I):
        group.votes["episode"] += 2
    else:
        group.votes["title"] += 1


def vote_parentheticals(ctx: Context, groups: list[Group]) -> list[tuple[Group, Group, int]]:
    """'Nora Vance (Mara Quinn)': a character and the actor who plays them."""
    by_start = {c.start: (g, c) for g in groups for c in g.candidates}
    pairs = []
    for group in groups:
        for cand in group.candidates:
            match = re.match(r"\s*\(", ctx.text[cand.end:cand.end + 3])
            if not match or cand.origin == "lexicon":
                continue
            inner = by_start.get(cand.end + match.end())
            if inner is None or inner[0] is group or inner[1].origin == "lexicon":
                continue
            if ctx.text[inner[1].end:inner[1].end + 1] != ")":
                continue
            group.votes["character"] += 5
            inner[0].votes["person"] += 5
            pairs.append((inner[0], group, cand.start))
    return pairs


def decide_type(ctx: Context, group: Group, show_exists: bool) -> str | None:
    if group.fixed_type:
        return group.fixed_type
    votes = group.tally()
    if not votes:
        return None
    kind, _ = votes.most_common(1)[0]
    if kind == "title":
        titles = [c for c in group.candidates if c.origin == "quoted"]
        return "work" if show_exists or len(titles) < 2 else "show"
    if kind in ("person", "character") and len(group.name.split()) == 1 and not group.votes \
            and len(group.candidates) < 2:
        return None  # one bare word the model calls a name, and nothing in the article to back it
    if kind == "organization":
        if votes.get("person") or votes.get("character"):
            return "person" if votes["person"] >= votes["character"] else "character"
        last = group.name.split()[-1].lower().rstrip(".")
        acronym = re.fullmatch(r"[A-Z][A-Z0-9&-]+", group.name)
        return "organization" if last in ORG_SUFFIXES or acronym else None
    return kind


def add_unlabelled_occurrences(text: str, groups: list[Group], candidates: list[Candidate]) -> None:
    """Every further occurrence of a multi-word name the model labelled somewhere, so that its cues vote too."""
    taken = [(c.start, c.end) for c in candidates]
    for group in groups:
        if len(group.name.split()) < 2 or all(c.origin in ("lexicon", "quoted") for c in group.candidates):
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(group.name)}(?![\w])", text):
            if not any(match.start() < e and s < match.end() for s, e in taken):
                group.candidates.append(Candidate(match.start(), match.end(), group.name, "propn"))
                taken.append(match.span())
        group.candidates.sort(key=lambda c: c.start)


def find_entities(ctx: Context) -> list[tuple[str, str, int]]:
    """Fill ctx.entities and ctx.mentions; returns (actor, character, offset) seen as "Character (Actor)"."""
    text = ctx.text
    candidates = non_overlapping(lexicon_candidates(text) + quoted_candidates(text) + title_candidates(text)
                                 + cue_candidates(text) + ner_candidates(ctx) + propn_candidates(ctx))
    groups = group_candidates(without_headline_only_names(text, candidates))
    add_unlabelled_occurrences(text, groups, candidates)
    for group in groups:
        vote_types(ctx, group)
    pairs = vote_parentheticals(ctx, groups)
    show_exists = any(g.tally().get("show", 0) >= 3 for g in groups)
    key_of: dict[int, str] = {}
    for group in groups:
        kind = decide_type(ctx, group, show_exists)
        if kind is None:
            continue
        key = f"L{len(ctx.entities) + 1}"
        aliases = sorted({c.text for c in group.candidates} - {group.name}
                         | {v[7:] for c in group.candidates for v in c.votes if v.startswith("_alias:")})
        certain = bool(group.fixed_type or group.votes[kind] or kind in ("work", "episode", "franchise"))
        ctx.entities.append(Entity(key=key, name=group.name, type=kind, aliases=aliases, certain=certain))
        key_of[id(group)] = key
        ctx.add_mentions([Mention(key, c.start, c.end) for c in group.candidates])
    propagate_mentions(ctx)
    return [(key_of[id(actor)], key_of[id(character)], offset) for actor, character, offset in pairs
            if id(actor) in key_of and id(character) in key_of]


def propagate_mentions(ctx: Context) -> None:
    """Find every further occurrence of each entity's names (and of people's first and last names)."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for entity in ctx.entities:
        forms = {entity.name, *entity.aliases}
        words = entity.name.split()
        if entity.type in ("person", "character") and len(words) > 1:
            forms |= {words[0], words[-1]}
        for form in forms:
            if form[:1].isupper():
                owners[form].add(entity.key)
    taken = [(m.start, m.end) for m in ctx.mentions]
    new: list[Mention] = []
    for form, keys in sorted(owners.items(), key=lambda kv: -len(kv[0])):
        if len(keys) != 1 or len(form) < 2:
            continue
        key = next(iter(keys))
        for match in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", ctx.text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            new.append(Mention(key, match.start(), match.end()))
            entity = ctx.entity(key)
            if form != entity.name and form not in entity.aliases:
                entity.aliases.append(form)
    ctx.add_mentions(new)
