"""Who said what, to which outlet, and when: direct and reported speech with attribution.

Quotation marks are paired per paragraph with recovery (apostrophes are not
marks, a quote may run over paragraphs that each reopen it, unbalanced marks
close at the paragraph end). A span is attributed from its frame — the text
of its sentence outside the marks: a reporting verb and its subject, an
outlet cue, a date. Quotes without a cue continue the previous speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..document import Quote, Span
from ..lexicon import INDIRECT_VERBS, REPORTING_VERBS
from .context import Context
from .entities import looks_like_title
from .time import TimeExpr

OPENERS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
# Quoted phrases this short inside a sentence are scare quotes or titles, not quotations.
MAX_PHRASE_WORDS = 4
# Reporting verbs that carry on an interview already under way ("he added", "she concluded").
CONTINUING_VERBS = {"say", "add", "explain", "continue", "conclude", "note", "chuckle", "laugh", "joke", "share",
                    "muse", "reflect", "go"}
BACK_REFERENCE = re.compile(r"\b(?:told|to|with)\s+the\s+(?:outlet|publication|magazine|site|paper|newspaper|"
                            r"podcast|network|program|programme)\b", re.I)
# "in a statement" gives no outlet; "in a statement to Deadline" does.
STATEMENT = re.compile(r"\b(?:in|via|through)\s+a\s+(?:joint\s+)?(?:statement|press release)\b"
                       r"(?!\s+(?:to|with|given to)\b)", re.I)
OUTLET_TYPES = ("outlet",)
# Subjects that never name a speaker ("That said, …", "it is said").
NOT_SPEAKERS = {"i", "we", "they", "you", "it", "that", "this", "which", "what", "who", "there"}
SPEAKER_TYPES = ("person", "character")


@dataclass
class QuotedSpan:
    open_at: int  # the opening mark
    start: int  # first character inside
    end: int  # after the last character inside
    close_at: int | None  # the closing mark, None when the text never closes it
    text: str  # the words, with marks that reopen continued paragraphs removed


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return not (before.isalnum() or before in ".,;!?%") or before in "([{—–-/"


def _is_closing(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def find_quoted(text: str) -> list[QuotedSpan]:
    """Top-level quoted spans: nested marks belong to the outer quote; odd marks recover."""
    spans: list[QuotedSpan] = []
    carry: QuotedSpan | None = None  # a quote left open at the end of the previous paragraph
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        p_start, p_end = para.span()
        i, opened, closer = p_start, None, None
        if carry is not None:
            if text[p_start] in OPENERS and OPENERS[text[p_start]] != "’":
                opened, closer = carry, OPENERS[text[p_start]]
                i = p_start + 1
            else:
                spans.append(carry)
            carry = None
        while i < p_end:
            ch = text[i]
            if opened is None:
                if ch in OPENERS and _is_opening(text, i) and (ch != "‘" or _closes_single(text, i, p_end)):
                    opened = QuotedSpan(i, i + 1, i + 1, None, "")
                    closer = OPENERS[ch]
            elif ch == closer and (closer != '"' or _is_closing(text, i)) and (closer != "’" or _is_closing(text, i)):
                if not (closer == '"' and i == opened.start):
                    _finish(text, opened, i)
                    opened.close_at = i
                    spans.append(opened)
                    opened = None
            elif ch == "”" and closer == '"':
                _finish(text, opened, i)
                opened.close_at = i
                spans.append(opened)
                opened = None
            i += 1
        if opened is not None:
            _finish(text, opened, p_end)
            carry = opened
    if carry is not None:
        spans.append(carry)
    return [s for s in spans if s.text.strip()]


def _closes_single(text: str, i: int, p_end: int) -> bool:
    """A ‘ opens a quote only when a closing ’ (not an apostrophe) follows in the paragraph."""
    return any(text[j] == "’" and _is_closing(text, j) for j in range(i + 2, p_end))


def _finish(text: str, span: QuotedSpan, end: int) -> None:
    """Extend a span to `end`, joining continued paragraphs without their reopening marks."""
    if span.text:
        reopened = text.find("\n", span.end)
        piece = text[reopened:end].strip().lstrip("“\"‘«")
        span.text = f"{span.text} {piece}".strip()
    else:
        span.text = text[span.start:end]
    span.end = end


def is_phrase(text: str, span: QuotedSpan) -> bool:
    """A title or a scare-quoted phrase embedded in a sentence rather than quoted speech."""
    inner = span.text.strip()
    if looks_like_title(inner.rstrip(",")) and len(inner.split()) <= 8 and \
            not re.search(r"(?<![A-Z])[.!?]\W*$", inner):
        return True
    before = text[max(0, span.open_at - 2):span.open_at]
    embedded = bool(re.search(r"\w\s*$", before))
    return embedded and len(inner.split()) <= MAX_PHRASE_WORDS and not re.search(r"[.!?]\W*$", inner)


def _frames(ctx: Context, span: QuotedSpan, quotes: list[QuotedSpan]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The text before the opening mark and after the closing mark, within the sentence and between quotes."""
    text = ctx.text
    para_start, para_end = ctx.paragraph_of(span.open_at)
    prev_close = max((q.close_at + 1 for q in quotes if q.close_at is not None and q.close_at < span.open_at),
                     default=para_start)
    before_start = max(para_start, prev_close)
    sentence_break = max(text.rfind(". ", before_start, span.open_at), text.rfind("? ", before_start, span.open_at),
                         text.rfind("! ", before_start, span.open_at))
    if sentence_break >= 0:
        before_start = sentence_break + 2
    after_start = (span.close_at + 1) if span.close_at is not None else span.end
    next_open = min((q.open_at for q in quotes if q.open_at > after_start), default=para_end)
    after_end = min(para_end, next_open)
    stop = re.search(r"[.!?](?=\s+[A-Z“\"‘]|\s*$)", text[after_start:after_end])
    if stop and stop.start() > 0:
        after_end = after_start + stop.end()
    return (before_start, span.open_at), (after_start, after_end)


def _tokens(ctx: Context, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _is_reporting(token: Token) -> bool:
    if token.lemma_.lower() not in REPORTING_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    # "pointed out" reports; "pointed at" does not
    return token.lemma_.lower() != "point" or any(c.dep_ == "prt" for c in token.children)


def speaker_of(ctx: Context, verb: Token) -> str | None:
    """The entity behind a reporting verb's subject: a name, an epithet or a pronoun."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("conj", "xcomp", "advcl") and not subjects:
        return speaker_of(ctx, verb.head) if verb.head is not verb else None
    if subjects and subjects[0].dep_ == "nsubjpass":
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return _entity_of(ctx, agents[0]) if agents else None
    if subjects:
        return _entity_of(ctx, subjects[0])
    return None


def _entity_of(ctx: Context, token: Token) -> str | None:
    if token.lower_ in NOT_SPEAKERS:
        return None
    for candidate in (token, *(c for c in token.children if c.dep_ in ("compound", "flat", "appos"))):
        mention = ctx.mention_at(candidate.idx, candidate.idx + len(candidate.text))
        if mention is not None and ctx.type_of(mention.key) in SPEAKER_TYPES:
            return mention.key
        if mention is not None and ctx.type_of(mention.key) in OUTLET_TYPES:
            return None
    return None


def outlet_in(ctx: Context, start: int, end: int, skip: list[tuple[int, int]]) -> tuple[str | None, bool]:
    """The outlet named in [start, end) outside quoted text, or for 'the outlet' the last one named before.

    The flag tells a back-reference, whose quote continues an interview already reported.
    """
    for mention in ctx.mentions_in(start, end):
        if ctx.type_of(mention.key) in OUTLET_TYPES and not any(s <= mention.start < e for s, e in skip):
            return mention.key, False
    if BACK_REFERENCE.search(ctx.text[start:end]):
        earlier = [m for m in ctx.mentions if m.start < start and ctx.type_of(m.key) in OUTLET_TYPES]
        if earlier:
            return earlier[-1].key, True
    return None, False


def time_in(times: list[TimeExpr], start: int, end: int, skip: list[tuple[int, int]]) -> TimeExpr | None:
    """The first resolved date expression in [start, end) outside quoted text."""
    for expr in times:
        if start <= expr.start < end and expr.value and not expr.modifier and \
                not any(s <= expr.start < e for s, e in skip):
            return expr
    return None


def date_in(times: list[TimeExpr], start: int, end: int, skip: list[tuple[int, int]]) -> str | None:
    expr = time_in(times, start, end, skip)
    return expr.value if expr else None


@dataclass
class Attribution:
    speaker: str | None = None
    outlet: str | None = None
    date: str | None = None
    cue: str | None = None
    statement: bool = False
    back_reference: bool = False  # "he told the outlet"
    anaphoric_date: bool = False  # "at the time": the date of what was just told, not a new occasion


def attribute(ctx: Context, frames: list[tuple[int, int]], verb: Token | None, times: list[TimeExpr],
              skip: list[tuple[int, int]]) -> Attribution:
    found = Attribution(cue=verb.text.lower() if verb is not None else None)
    if verb is not None:
        found.speaker = speaker_of(ctx, verb)
    for start, end in frames:
        if found.outlet is None:
            found.outlet, found.back_reference = outlet_in(ctx, start, end, skip)
        if found.date is None:
            expr = time_in(times, start, end, skip)
            if expr is not None:
                found.date, found.anaphoric_date = expr.value, expr.kind == "anaphoric"
        found.statement = found.statement or bool(STATEMENT.search(ctx.text[start:end]))
    if found.statement:
        found.outlet = None
    return found


def _verb_near(ctx: Context, before: tuple[int, int], after: tuple[int, int]) -> Token | None:
    """The reporting verb of a quote: first just after it, else last in its lead-in."""
    after_tokens = [t for t in _tokens(ctx, *after) if not t.is_punct][:8]
    for token in after_tokens:
        if _is_reporting(token):
            return token
    according = re.search(r"according to\s*$", ctx.text[before[0]:before[1]].strip(" ,"))
    if according:
        return None
    for token in reversed(_tokens(ctx, *before)):
        if _is_reporting(token):
            return token
    return None


def direct_quotes(ctx: Context, times: list[TimeExpr], spans: list[QuotedSpan]) -> list[tuple[Quote, Attribution]]:
    out: list[tuple[Quote, Attribution]] = []
    skip = [(s.start, s.end) for s in spans]
    for span in spans:
        before, after = _frames(ctx, span, spans)
        verb = _verb_near(ctx, before, after)
        found = attribute(ctx, [before, after], verb, times, skip)
        if verb is None:
            found.speaker = found.speaker or _according_to(ctx, before, after) or _dash_speaker(ctx, after)
        text = span.text.strip()
        quote = Quote(Span(span.start, span.end), text, "direct", found.speaker, found.outlet, found.date, found.cue)
        out.append((quote, found))
    return out


def _according_to(ctx: Context, before: tuple[int, int], after: tuple[int, int]) -> str | None:
    for start, end in (after, before):
        match = re.search(r"according to\s+", ctx.text[start:end])
        if match:
            mention = next(iter(ctx.mentions_in(start + match.end(), end)), None)
            if mention and ctx.type_of(mention.key) in SPEAKER_TYPES:
                return mention.key
    return None


def _dash_speaker(ctx: Context, after: tuple[int, int]) -> str | None:
    """'“…” — Mara Quinn': a dash and a name right after the quote."""
    match = re.match(r"\s*[—–-]{1,2}\s*", ctx.text[after[0]:after[1]])
    if not match:
        return None
    mention = next(iter(ctx.mentions_in(after[0] + match.end(), after[1])), None)
    return mention.key if mention and ctx.type_of(mention.key) in SPEAKER_TYPES else None


TRAILING_ATTRIBUTION = re.compile(
    r"(?:,?\s+(?:in an?|during an?|in (?:his|her|their) )\s*(?:\w+\s+){0,3}?(?:interview|conversation|chat|"
    r"appearance|episode|statement|post|video)\b.*|,?\s+(?:to|with|via)\s+[A-Z][\w' ]+$|\s+[—–]\s.*|[,.;:]+)$")


def _clause_text(ctx: Context, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    while start < end and text[start] in " ,;:—–":
        start += 1
    trimmed = TRAILING_ATTRIBUTION.sub("", text[start:end])
    trimmed = TRAILING_ATTRIBUTION.sub("", trimmed)
    return start, start + len(trimmed.rstrip())


def indirect_quotes(ctx: Context, times: list[TimeExpr], direct: list[QuotedSpan]) -> list[tuple[Quote, Attribution]]:
    """Reported speech: a reporting verb's complement clause, or the clause a parenthetical verb reports."""
    out: list[tuple[Quote, Attribution]] = []
    quoted = [(q.open_at, (q.close_at or q.end) + 1) for q in direct]
    for token in ctx.doc:
        if token.lemma_.lower() not in INDIRECT_VERBS or not _is_reporting(token):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NOT_SPEAKERS - {"they", "we", "i"}
               for c in token.children):
            continue  # "That said, …"
        if any(s <= token.idx < e for s, e in quoted):
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        participle = token.tag_ == "VBG" and token.dep_ in ("advcl", "xcomp") and \
            not any(c.dep_ == "ccomp" for c in token.children)
        if infinitive or participle:
            continue  # "to explain why …", "speaking to …": no speech reported ("telling X that …" is)
        bounds = _reported_clause(token)
        if bounds is None:
            continue
        start, end = _clause_text(ctx, *bounds)
        if end - start < 8 or any(s < end and start < e for s, e in quoted):
            continue
        sent = token.sent
        frame = [(sent.start_char, start), (end, sent.end_char)]
        found = attribute(ctx, frame, token, times, quoted)
        quote = Quote(Span(start, end), ctx.text[start:end], "indirect", found.speaker, found.outlet, found.date,
                      found.cue)
        out.append((quote, found))
    return out


def _reported_clause(verb: Token) -> tuple[int, int] | None:
    """Character bounds of what a reporting verb reports, or None."""
    complements = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if complements:
        clause = complements[0]
        words = list(clause.subtree)
        first = words[0]
        if first.lower_ == "what":
            return None
        if first.dep_ == "mark" and first.lower_ in ("that", "whether", "if"):
            words = words[1:]
        if not words:
            return None
        return words[0].idx, words[-1].idx + len(words[-1].text)
    reported = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                and not any(t.dep_ == "cc" and verb.i < t.i < c.i for t in verb.children)]
    if reported and verb.nbor(1).dep_ != "ccomp":  # 'he joked to Us Weekly, being in control … came with …'
        words = [t for t in reported[0].subtree]
        return words[0].idx, words[-1].idx + len(words[-1].text)
    if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i > verb.i:
        reporting_end = max(t.i for t in verb.subtree if not t.is_punct)
        if reporting_end + 1 >= len(verb.doc) or verb.doc[reporting_end + 1].text != ",":
            return None  # a parenthetical report is set off by a comma: 'as he told X, …'

        head_words = [t for t in verb.head.subtree if t.i > reporting_end]
        if len(head_words) < 3:
            return None
        return head_words[0].idx, head_words[-1].idx + len(head_words[-1].text)
    return None


POSTING_CUES = ("caption", "post", "wrote", "write", "share", "comment", "tweet")


def _lead_post(ctx: Context, quote: Quote, times: list[TimeExpr]) -> tuple[str | None, str | None]:
    """For a posted quote ('she captioned a photo'), the social network and date of the post the sentence
    before it tells ('she announced the news on Instagram on Tuesday')."""
    if not quote.cue or not quote.cue.startswith(POSTING_CUES) or quote.speaker is None:
        return None, None
    current = ctx.sentence_of(quote.span.start)
    if current.start == 0:
        return None, None
    previous = ctx.doc[current.start - 1].sent
    mentions = ctx.mentions_in(previous.start_char, previous.end_char)
    platform = next((m.key for m in mentions if m.key in ctx.social), None)
    if platform is None or not any(m.key == quote.speaker for m in mentions):
        return None, None
    return platform, date_in(times, previous.start_char, previous.end_char, [])


def _paragraph_lead_date(ctx: Context, quote: Quote, speaker: str | None, times: list[TimeExpr]) -> str | None:
    """A date in the paragraph's opening sentence about the same speaker, for the quote that follows it."""
    para_start, _ = ctx.paragraph_of(quote.span.start)
    lead_end = quote.span.start
    if speaker is None or not any(m.key == speaker for m in ctx.mentions_in(para_start, lead_end)):
        return None
    return date_in(times, para_start, lead_end, [])


# "TVLINE | What was your first reaction?" or "Q: …" opens a question; "PATEL | I screamed." answers one.
QA_LINE = re.compile(r"^(?P<who>[A-Z][\w!.'’& ]{0,30}?)\s*(?:\||:)\s+(?P<words>\S.*)$")


def qa_quotes(ctx: Context) -> list[tuple[Quote, Attribution]]:
    """Answers in a Q&A interview: each answer paragraph is a direct quote of the interviewee, to the asker."""
    out: list[tuple[Quote, Attribution]] = []
    outlet: str | None = None
    interviewee = _main_person(ctx)
    asking = False
    lines = list(re.finditer(r"[^\n]+", ctx.text))
    questions = [i for i, para in enumerate(lines) if _asker(ctx, para) is not None]
    for index, para in enumerate(lines):
        line, start = para.group(), para.start()
        label = QA_LINE.match(line)
        who = label.group("who").strip() if label else ""
        if index in questions:
            outlet = _asker(ctx, para) or outlet
            asking = True
            continue
        if not asking:
            continue
        # after the last question, only the paragraph right after it is its answer; prose resumes then
        asking = any(q > index for q in questions)
        speaker = interviewee
        words_at = start
        if label and who not in ("A", "Answer"):
            speaker = _person_called(ctx, who)  # "PATEL | I screamed."
            if speaker is None:
                asking = False
                continue
        if label:
            words_at = start + label.start("words")
        if not re.search(r"[.!?…]\W*$", line):  # prose resumes, or a subheading
            asking = False
            continue
        quote = Quote(Span(words_at, para.end()), ctx.text[words_at:para.end()], "direct", speaker, outlet,
                      None, "answered")
        out.append((quote, Attribution(speaker=speaker, outlet=outlet, cue="answered")))
    return out


def _asker(ctx: Context, para: re.Match[str]) -> str | None:
    """For a question line ('TVLINE | …', 'Q: …'), the outlet asking it ('' when unnamed); else None."""
    label = QA_LINE.match(para.group())
    if not label:
        return None
    who = label.group("who").strip()
    if who in ("Q", "Question"):
        return ""
    mention = ctx.mention_at(para.start(), para.start() + len(who))
    return mention.key if mention and ctx.type_of(mention.key) == "outlet" else None


def _person_called(ctx: Context, label: str) -> str | None:
    """The person a Q&A label names, in any case: 'PATEL', 'Mira Patel'."""
    label = label.lower()
    for entity in ctx.entities:
        names = [entity.name, *entity.aliases, entity.name.split()[-1]]
        if entity.type == "person" and any(n.lower() == label for n in names):
            return entity.key
    return None


def _main_person(ctx: Context) -> str | None:
    """The person the article names most often (the interviewee of a Q&A)."""
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if ctx.type_of(m.key) == "person":
            counts[m.key] = counts.get(m.key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def find_quotes(ctx: Context, times: list[TimeExpr]) -> list[Quote]:
    """All quotes of the document in text order, attributed; cue-less quotes continue the previous speaker."""
    spans = [s for s in find_quoted(ctx.text) if not is_phrase(ctx.text, s)]
    found = direct_quotes(ctx, times, spans) + indirect_quotes(ctx, times, spans)
    taken = [(q.span.start, q.span.end) for q, _ in found]
    found += [(q, how) for q, how in qa_quotes(ctx)
              if not any(s < q.span.end and q.span.start < e for s, e in taken)]
    found.sort(key=lambda qa: qa[0].span.start)
    previous: tuple[Quote, Attribution] | None = None
    for quote, how in found:
        if previous is not None:
            _continue_from(ctx, quote, how, *previous)
        if quote.date is None and quote.kind == "direct":
            quote.date = _paragraph_lead_date(ctx, quote, quote.speaker, times)
        if quote.outlet is None and not how.statement:
            platform, posted = _lead_post(ctx, quote, times)
            quote.outlet, quote.date = platform, quote.date or (posted if platform else None)
        previous = (quote, how)
    return [q for q, _ in found]


def _continue_from(ctx: Context, quote: Quote, how: Attribution, before: Quote, before_how: Attribution) -> None:
    """Floating quotes take the previous speaker; quotes of one interview keep its outlet and date."""
    same_paragraph = ctx.paragraph_of(quote.span.start) == ctx.paragraph_of(before.span.start)
    next_paragraph = not same_paragraph and _paragraphs_apart(ctx, before.span.start, quote.span.start) == 1
    if quote.speaker is None and how.cue is None and quote.kind == "direct" and (same_paragraph or next_paragraph):
        quote.speaker = before.speaker
        quote.outlet, quote.date = before.outlet, before.date
        how.statement = before_how.statement
        return
    if how.back_reference and quote.date is None and quote.outlet == before.outlet:
        quote.date = before.date
    if quote.speaker is None or quote.speaker != before.speaker:
        return
    if quote.outlet or (quote.date and not how.anaphoric_date) or how.statement:
        return
    verb = (how.cue or "").lower()
    continuing = any(verb.startswith(v[:4]) for v in CONTINUING_VERBS)
    if same_paragraph or (next_paragraph and continuing):
        quote.outlet, quote.date = before.outlet, quote.date or before.date


def _paragraphs_apart(ctx: Context, a: int, b: int) -> int:
    return ctx.text.count("\n\n", a, b)
