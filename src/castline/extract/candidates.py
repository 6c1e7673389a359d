"""Name candidates: every span of a parsed article that may name an entity, and where it came from.

Recall comes first here; the type model decides later which candidates are
names at all. Candidates come from the general outlet/network/organisation
lists (a PhraseMatcher), from Title Case phrases in quotation marks, and from
runs of capitalized tokens. spaCy's small model often mislabels names in TV
coverage, so its entity labels are kept as evidence on each candidate rather
than used to find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..ingest.clean import is_headline_like
from ..kb.names import strip_title
from ..lexicon import (
    AMBIGUOUS_NAMES,
    CALENDAR_WORDS,
    CHARACTER_TITLES,
    GENERIC_ABBREVIATIONS,
    HONORIFICS,
    NETWORKS,
    NOT_NAME_WORDS,
    ORGANIZATIONS,
    OUTLETS,
    POSSESSIVE_MARKS,
    SOCIAL_NETWORKS,
)

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"))
# Lower-case words that may sit inside a title ("House of the Harbor") or a name ("Anna van Doorn").
GLUE = {"of", "the", "and", "&", "in", "on", "with", "to", "for", "at", "a", "an", "de", "van", "von", "da",
        "del", "la", "le", "du", "di", "der", "den", "vs", "vs.", "+"}
# Last words of talk-show titles that go on with their hosts' names ("Real Time with …", "Live with …").
PROGRAMME_WORDS = frozenset({"night", "live", "show", "tonight", "today", "time", "week", "morning", "mornings",
                             "evening", "weekly", "daily", "hour", "nightly"})
POSSESSIVE = POSSESSIVE_MARKS | {"'", "’"}
NICKNAME_MARKS = {'"', "“", "”", "'", "‘", "’"}
# Model labels that never span a title.
MODEL_NOT_TITLES = {"", "PERSON", "DATE", "CARDINAL", "ORDINAL", "TIME", "MONEY", "QUANTITY", "PERCENT"}
# A name this long is a run-on of several names (a list of cast members, a subheading).
MAX_NAME_TOKENS = 9
# Job titles that separate a run in two: what comes before is an employer, what follows a person.
RUN_BREAKERS = {"President", "Chairman", "Chairwoman", "Chair", "CEO", "COO", "Veteran", "Vice", "Executive",
                "Producer", "Showrunner", "Creator", "Star", "Actor", "Actress", "Host", "Anchor", "Editor",
                "Founder", "Co-founder", "Writer", "Author", "Alum", "Stars", "Co-star", "Costar"}
LEXICON_CUE_BEFORE = re.compile(r"(?:told|tells|to|with|via|on|in|per|according to|from|for|speaking to|"
                                r"spoke to|speaking with)\s+(?:the\s+)?$", re.I)
LEXICON_CUE_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:[a-z]+\s+)?(?:reported|magazine|interview|podcast|story|series|"
                               r"show|said|"
                               r"drama|comedy|original|streamer|network)\b")
NETWORK_KIND_AFTER = re.compile(r"\s*(?:'s|’s)?\s*(?:drama|series|show|comedy|sitcom|original|streamer)\b")


@dataclass
class Candidate:
    """A span that may name an entity; `text` is the span as written."""

    start: int  # character offsets into the document text
    end: int
    text: str
    origin: str  # lexicon, quoted, run
    lexicon: tuple[str, str] | None = None  # (canonical name, type) from the general lists
    possessive: int | None = None  # inside a run "X's Y": the character offset where "'s" starts
    headline: bool = False  # inside a Title Case subheading line

    @property
    def name(self) -> str:
        """The name without a leading rank or honorific ('Det. Sam Ruiz' -> 'Sam Ruiz')."""
        return strip_title(self.text)

    @property
    def title(self) -> str | None:
        """The rank or honorific the span opens with, if any."""
        first = self.text.split()[0].lower().rstrip(".")
        return first if len(self.text.split()) > 1 and first in CHARACTER_TITLES | HONORIFICS else None


def lexicon_forms() -> list[tuple[str, str, str]]:
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
    return list(seen.values())


LEXICON_INDEX = {form: (canonical, kind) for form, canonical, kind in lexicon_forms()}


@lru_cache(maxsize=4)
def _phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for form in LEXICON_INDEX:
        matcher.add(form, [tokenizer(form)])
    return matcher


def lexicon_candidates(doc: Doc) -> list[Candidate]:
    """Known outlets, networks and organisations; a word that is also common English needs a cue."""
    text = doc.text
    found = []
    for match_id, start, end in _phrase_matcher(doc.vocab)(doc):
        span = doc[start:end]
        form = doc.vocab.strings[match_id]
        canonical, kind = LEXICON_INDEX[form]
        if text[span.end_char:span.end_char + 1].isalnum() or text[span.end_char:span.end_char + 1] in "+":
            continue  # a prefix of a longer word ("Fox" in "Foxes" is tokenized apart only rarely)
        if form in AMBIGUOUS_NAMES:
            before = text[max(0, span.start_char - 40):span.start_char]
            after = text[span.end_char:span.end_char + 30]
            if not (LEXICON_CUE_BEFORE.search(before) or LEXICON_CUE_AFTER.match(after)):
                continue
        if kind == "outlet" and canonical in NETWORKS and NETWORK_KIND_AFTER.match(text[span.end_char:]):
            kind, canonical = "network", canonical
        found.append(Candidate(span.start_char, span.end_char, span.text, "lexicon", (canonical, kind)))
    return _longest_first(found)


def looks_like_title(inner: str) -> bool:
    """Short, mostly capitalized words and no sentence punctuation: how titles look inside quotes."""
    words = inner.split()
    if not 1 <= len(words) <= 8 or not inner[:1].isupper() and not inner[:1].isdigit():
        return False
    if re.search(r"[!;]|[.,]\s", inner) or inner.endswith("!"):
        return False
    if inner.endswith("?") and len(words) < 3:
        return False
    content = [w for w in words if w.lower() not in GLUE]
    return bool(content) and sum(w[:1].isupper() or w[:1].isdigit() for w in content) / len(content) >= 0.75


def quoted_candidates(text: str) -> list[Candidate]:
    """Short Title Case phrases in quotation marks: show, episode and work titles."""
    found = []
    for opening, closing in QUOTE_PAIRS:
        inner = rf"(?:[^{re.escape(closing)}\n]|{re.escape(closing)}(?=\w))" if closing == "’" else \
            rf"[^{re.escape(closing)}\n]"
        pattern = re.compile(rf"(?<![\w]){re.escape(opening)}({inner}{{1,80}}?){re.escape(closing)}(?![^\W_])")
        for match in pattern.finditer(text):
            inner = match.group(1)
            stripped = inner.rstrip(",. ")
            if re.search(r"\b[A-Z]\.[A-Z]$", stripped):  # an abbreviation keeps its last full stop
                stripped += "."
            if not looks_like_title(stripped):
                continue
            start = match.start(1)
            found.append(Candidate(start, start + len(stripped), stripped, "quoted"))
    return found


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper():
        return False
    if text.lower() in NOT_NAME_WORDS:
        # a weekday or month opens a name only when another name word follows ("Friday Night Frights")
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.lower_ not in CALENDAR_WORDS or after is None or not token.whitespace_ or \
                not re.fullmatch(r"[A-Z][a-z]+", after.text) or after.lower_ in NOT_NAME_WORDS:
            return False
    return bool(re.fullmatch(r"[A-Z][\w'’.+!-]*", text)) and any(c.isalpha() for c in text)


def _sentence_initial(token: Token) -> bool:
    """First word of its sentence or line (after any opening marks), where capitals prove nothing."""
    i = token.i
    while i > token.sent.start and (token.doc[i - 1].is_punct or token.doc[i - 1].is_space):
        if "\n" in token.doc[i - 1].text or token.doc[i - 1].text in ":|":
            return True
        i -= 1
    if i == token.sent.start:
        return True
    previous = token.doc[i - 1]
    return "\n" in previous.whitespace_ or previous.text in (":", "|")


def _crosses_person(doc: Doc, start: int, glue: int) -> bool:
    """Whether the model's person name ends right before the glue word (so 'X of Y' is two names)."""
    token = doc[glue - 1]
    return token.ent_type_ == "PERSON" and token.ent_iob_ != "" and (
        glue - start >= 2 and doc[glue].ent_type_ != "PERSON")


def _spans_glue(doc: Doc, glue: int) -> bool:
    """Whether one of the model's non-person entities runs across the glue word."""
    if glue + 1 >= len(doc):
        return False
    token, after = doc[glue], doc[glue + 1]
    return token.ent_type_ not in MODEL_NOT_TITLES and token.ent_iob_ == "I" and after.ent_iob_ == "I"


def _joins(doc: Doc, start: int, glue: int, glued: bool) -> bool:
    """Whether the glue word at `glue` sits inside one name: the model spans it, it is 'of' or '&', 'and the'
    in a title that opens with 'The' ("The Bright and the Bold"), or an article after glue already taken."""
    word, after = doc[glue].lower_, doc[glue + 1].lower_
    if word == "and" and after == "the" and doc[start].lower_ == "the":
        return True
    if _crosses_person(doc, start, glue) or word in ("a", "an") and doc[glue - 1].lower_ not in GLUE:
        return False  # "earned Mara Quinn a Best Actress award": an article after a name opens another phrase
    if _spans_glue(doc, glue) or word in ("&", "+", "of", "de", "van", "von", "da", "del", "du", "di", "der"):
        return True
    if word == "with" and doc[glue - 1].lower_ in PROGRAMME_WORDS:
        return True  # "Late Night with Mara Quinn": a talk show named after its host
    if word == "and" and any(t.lower_ == "with" for t in doc[start:glue]) and \
            doc[start:glue][-1].lower_ not in PROGRAMME_WORDS:
        return True  # "Live with Jo and Dev"
    return glued and word in ("the", "a") and doc[glue - 1].lower_ in GLUE


def run_candidates(doc: Doc) -> list[Candidate]:
    """Runs of capitalized tokens, joined across hyphens, '&', inner glue words and possessives where
    the run reads as one title ("House of the Harbor", "Harbor's Edge")."""
    found: list[Candidate] = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _is_name_token(token) or (_sentence_initial(token) and token.tag_ not in ("NNP", "NNPS")
                                          and token.text != "The"):
            i += 1
            continue
        start = i
        end = i + 1  # exclusive
        possessive: int | None = None
        glued = False
        j = i + 1
        while j < len(tokens) and (not tokens[j].is_sent_start or tokens[j].text == "[") and \
                end - start < MAX_NAME_TOKENS:  # the parser may open a sentence at "["
            current, previous = tokens[j], tokens[j - 1]
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if current.text in RUN_BREAKERS or previous.text in RUN_BREAKERS and j - start == 1:
                break  # "Chairman Jo Beck", "Studio President Jo Beck": a job title, then a name
            number = current.text.isdigit() and len(current.text) <= 2 and previous.whitespace_ and end == j
            if _is_name_token(current) or number:  # "Engine 51"
                end = j + 1
                j += 1
                continue
            if current.text in NICKNAME_MARKS and j + 3 < len(tokens) and _is_name_token(tokens[j + 1]) and \
                    tokens[j + 2].text in NICKNAME_MARKS and _is_name_token(tokens[j + 3]):
                j += 3  # Jarrod "Toad" Rebecchi: a nickname in quotation marks inside the name
                continue
            if current.text == "[" and j + 2 < len(tokens) and _is_name_token(tokens[j + 1]) and \
                    tokens[j + 2].text == "]":
                end = j + 3  # "Jo [Lee]": a quote's editorial brackets complete the name
                j += 3
                continue
            if current.text == "-" and not previous.whitespace_ and not current.whitespace_ and nxt is not None \
                    and _is_name_token(nxt):
                j += 1
                continue
            if current.text in POSSESSIVE and possessive is None and nxt is not None and _is_name_token(nxt) \
                    and not nxt.is_sent_start:
                possessive = current.idx
                j += 1
                continue
            name_follows = nxt is not None and not nxt.is_sent_start and (
                _is_name_token(nxt) or nxt.lower_ in ("the", "a") and j + 2 < len(tokens)
                and _is_name_token(tokens[j + 2]))
            if current.lower_ in GLUE and name_follows and _joins(doc, start, j, glued):
                glued = True
                j += 1
                continue
            break
        # a run never ends on glue; 'The' alone or a possessive tail is no name
        while end > start + 1 and tokens[end - 1].lower_ in GLUE:
            end -= 1
        span = doc[start:end]
        if len(span) == 1 and (span.text in RUN_BREAKERS or span.text in GENERIC_ABBREVIATIONS
                               or span.text.lower() in STOP_WORDS):
            i += 1  # a job title, "TV", or "It" opening a quoted sentence: no name
            continue
        if possessive is not None and possessive >= span.end_char:
            possessive = None
        if tokens[start].text == "The" and _sentence_initial(tokens[start]):
            span = doc[start + 1:end]  # a capital 'The' opening a sentence proves nothing
        end_char = span.end_char - _sentence_period(span) if len(span) else span.end_char
        if len(span) and span.text != "The":
            found.append(Candidate(span.start_char, end_char, re.sub(r"\[(\w[^\]]*)\]", r"\1",
                                                                    doc.text[span.start_char:end_char]), "run",
                                   possessive=possessive))
        i = max(end, i + 1)
    return found


# Abbreviations that end a name with their period ("Tom Reyes Jr.", "Harbor Films Inc.").
NAME_ABBREVIATIONS = frozenset({"jr.", "sr.", "inc.", "co.", "ltd.", "bros.", "corp.", "st.", "esq."})


def _sentence_period(span: Span) -> int:
    """1 when the name's last word carries the sentence's full stop: spaCy keeps the period of words that are
    also abbreviations ("… and Joan Van Ark." reads as Arkansas)."""
    last = span[-1]
    after = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    ends_sentence = after is None or after.is_sent_start or "\n" in last.whitespace_ + after.text
    if len(span) > 1 and ends_sentence and re.fullmatch(r"[A-Z][a-z]+\.", last.text) and \
            last.lower_ not in NAME_ABBREVIATIONS:
        return 1
    return 0


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(cand.start < c.end and c.start < cand.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _minus(run: Candidate, taken: list[tuple[int, int]], doc: Doc) -> list[Candidate]:
    """The parts of a run outside spans already taken (a known network inside a longer run, say)."""
    pieces = [(run.start, run.end)]
    for s, e in taken:
        next_pieces = []
        for a, b in pieces:
            if e <= a or s >= b:
                next_pieces.append((a, b))
                continue
            if a < s:
                next_pieces.append((a, s))
            if e < b:
                next_pieces.append((e, b))
        pieces = next_pieces
    out = []
    for a, b in pieces:
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            continue
        tokens = [t for t in span if _is_name_token(t)]
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        piece = doc[first.i:last.i + 1]
        possessive = run.possessive if run.possessive is not None and piece.start_char < run.possessive < \
            piece.end_char else None
        out.append(Candidate(piece.start_char, piece.end_char, piece.text, "run", possessive=possessive))
    return out


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Subheadings in the body: Title Case lines without a full stop, where every word is capitalized."""
    return [m.span() for m in re.finditer(r"[^\n]+", text) if is_headline_like(m.group())]


# "The Northern Line actress", "the In Harbor alum": a title someone is described by, whatever its first word.
CREDIT_EPITHET = re.compile(r"\b[Tt]he\s+(?P<title>[A-Z0-9][\w'’.&:+!-]*(?:\s+(?:[A-Z0-9][\w'’.&:+!-]*|of|the|and|a|"
                            r"an|in|on|to|as|for|&)){0,6}?)\s+(?:actor|actress|alum|alumna|alumnus|star|veteran|creator|"
                            r"showrunner)\b")


def credit_candidates(text: str) -> list[Candidate]:
    """Titles named in an epithet ("The In Harbor actor"), which runs miss when they open with a small word."""
    found = []
    for match in CREDIT_EPITHET.finditer(text):
        title = match.group("title")
        if title.split()[-1][:1].isupper() and len(title.split()) > 1 and title.split()[0].lower() in STOP_WORDS:
            found.append(Candidate(match.start("title"), match.end("title"), title, "quoted"))
    return found


def find_candidates(doc: Doc) -> list[Candidate]:
    """Non-overlapping candidates in text order: lexicon names, then quoted titles, then runs."""
    text = doc.text
    credits = credit_candidates(text)
    chosen = [c for c in lexicon_candidates(doc) if not any(t.start <= c.start and c.end <= t.end for t in credits)]
    taken = [(c.start, c.end) for c in chosen]
    runs = run_candidates(doc)
    for cand in credits + quoted_candidates(text):
        nickname = any(r.start < cand.start and cand.end < r.end for r in runs)
        if not nickname and not any(cand.start < e and s < cand.end for s, e in taken):
            chosen.append(cand)
            taken.append((cand.start, cand.end))
    for cand in runs:
        if any(cand.start < e and s < cand.end for s, e in taken):
            chosen += _minus(cand, [(s, e) for s, e in taken if cand.start < e and s < cand.end], doc)
        else:
            chosen.append(cand)
    headlines = headline_spans(text)
    for cand in chosen:
        cand.headline = any(s <= cand.start < e for s, e in headlines)
    return sorted(chosen, key=lambda c: c.start)
