"""Scraped plain text to article text: page chrome removed by general line rules, title found.

The rules look at a line's shape (photo credits, embeds, promo and sign-up
lines), its position (chrome above the headline, tag lists after an end
marker), what the page repeats (a caption that copies a paragraph) and the
article's own outlet name. Each rule has an id (CHROME_RULES and the named
context rules below); every removed line is kept with the id of the rule that
removed it, so the user can see what was dropped and why. A dateline ("Sunday
Apr 02 2023", "Published on March 29, 2023") is neither title nor chrome: it
stays in the text, where the publication date is read from it.

Every pattern runs in linear time: lines longer than MAX_CHROME_CHARS are
article text (no rule looks at them), and no pattern nests quantifiers that
can match the same characters two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import (
    AIRING_FORMS,
    BOILERPLATE_LINES,
    BOILERPLATE_PREFIXES,
    CAREER_LEMMAS,
    CREDIT_NAME_SUFFIXES,
    JOIN_LEAVE_WORDS,
    NETWORKS,
    ORGANIZATIONS,
    OUTLETS,
    PHOTO_AGENCIES,
    PHOTO_CREDIT_WORDS,
    REPORTING_VERBS,
    SOCIAL_NETWORKS,
    STORY_LEMMAS,
)
from .metadata import dateline

SMALL_WORDS = frozenset(
    [
        "a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "but", "at", "by", "with",
        "from", "as", "vs", "via", "his", "her", "its", "their", "our", "your", "my", "up", "off",
        "is", "are", "was", "be", "into", "over", "after", "before", "about", "than", "that", "this"
    ])
# Page chrome is short; a longer line is article text, and no rule (nor its regex) ever looks at it.
MAX_CHROME_CHARS = 600
# "<headline> - 193": image-gallery counters repeat the headline with a number.
CAPTION_COUNTER = re.compile(r"\s[-–—|]\s*\d{1,4}\s*$")
# The agency after a photographer's slash: "Jane Doe/NBC", "Jane Doe, John Roe. Lori Allen/NBC".
CREDIT_AGENCY = re.compile(r"\s*[A-Z][\w&!+.'’-]*(?:\s+[A-Z][\w&!+.'’-]*)*\s*")
CREDIT_PERSON_WORD = re.compile(r"[A-Z][\w.'’-]*")
END_MARKERS = ("in this article", "tags", "topics", "filed under", "more from", "related topics",
               "trending now", "more stories", "you might also like", "recommended stories")
# Lines above the headline shorter than this are taken for navigation or sign-in chrome.
PRE_TITLE_CHROME_WORDS = 8
# Title lines are short; longer first lines are article text.
MAX_TITLE_WORDS = 30
# Labels a headline may carry at the top of a page ("WATCH: <headline>"): there they open the title, not chrome.
TITLE_LABELS = ("watch:", "video:", "listen:", "exclusive:", "photos:", "breaking:")
# A line that repeats an earlier one word for word (a caption copying the lead) is chrome from this length on.
MIN_REPEAT_WORDS = 4
# Trailing marks a line's key drops ("Headline ---", "Tags:").
TRAILING_MARKS = "-–—_=*•|>:."

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PLATFORM = r"(?:Instagram|Facebook|Twitter|X|TikTok|YouTube|Threads|Bluesky|Snapchat)"
# What joins a credit word to the credited name, which is capitalised: "Photo: Jo Lee", "Image via CBS".
_CREDIT_JOIN = r"(?:\s*:\s*|\s+(?:by|via|courtesy(?:\s+of)?)\s*:?\s*)[A-Z@]"
_CREDIT_HEAD = (r"(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|IMAGE|[Pp]icture|[Vv]ideo|GIF|[Ss]creenshot|[Ss]till|"
                r"[Ff]ootage)s?")


@dataclass(frozen=True)
class LineRule:
    """A named line shape that is page chrome; `kind` groups rules for the user (caption, embed, promo, signup)."""

    id: str
    kind: str
    pattern: re.Pattern[str]  # matched against the whole stripped line


def _rule(rule_id: str, kind: str, pattern: str, flags: int = 0) -> LineRule:
    return LineRule(rule_id, kind, re.compile(pattern, flags))


# Line shapes that are chrome wherever they stand, each matched against a whole line. Every repetition that can
# meet another is bounded, and lines over MAX_CHROME_CHARS never reach them, so a line costs bounded work.
CHROME_RULES: tuple[LineRule, ...] = (
    # "Image via CBS", "Photo : Studio", "Photos by Jane Doe/Getty" (no sentence ends in a credit).
    _rule("credit-label", "caption", _CREDIT_HEAD + r"(?:\s+(?:credit|source))?" + _CREDIT_JOIN + r"[^.!?()]{0,60}"),
    # "Courtesy of Netflix", "(Courtesy Jane Doe)".
    _rule("credit-courtesy", "caption", r"\(?\s*courtesy(?:\s+of)?\s*:?\s+[^\s.!?][^.!?]{0,60}\)?", re.I),
    # A caption that ends in its credit: "Jane Doe in The Show. (Photo: NBC)", "… | Photo by Jo Lee/Netflix".
    _rule("credit-tail", "caption", r".{0,400}?(?:[.|•;–—]\s*|\(\s*|\s-\s)" + _CREDIT_HEAD + r"(?:\s+credit)?"
          + _CREDIT_JOIN + r"[^.!?()]{0,60}\)?"),
    # "Instagram/@janedoe", "@janedoe / Instagram": a photo taken from a social account.
    _rule("credit-social", "caption", r"\(?\s*(?:" + _PLATFORM + r"\s*[/|:]\s*@[\w.]{1,40}|@[\w.]{1,40}\s*[/|]\s*"
          + _PLATFORM + r")\s*\)?", re.I),
    # "Photo 3 of 12", "1/20": a gallery's counter.
    _rule("gallery-counter", "caption", r"(?:(?:photo|image|slide|picture)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}", re.I),
    # "Pictured: …", "(L-R) Jane Doe, John Roe …": caption openers.
    _rule("caption-label", "caption", r"(?:pictured\s*:|\(\s*(?:l|left)\s*(?:-|to)\s*(?:r|right)\s*\)|"
          r"(?:l|left)\s*(?:-|to)\s*(?:r|right)\s*:).{1,400}", re.I),
    # "View this post on Instagram", "Watch on YouTube", "See more posts on TikTok".
    _rule("embed-view-on", "embed", r"(?:view|see|watch|open)(?:\s+(?:this|more|the|full|all))?(?:\s+(?:post|posts|"
          r"photo|photos|video|videos|reel|profile|tweet|thread))?\s+(?:on|in)\s+" + _PLATFORM + r"\.?", re.I),
    # "A post shared by Jane Doe (@janedoe) on Mar 3, 2023 at 10:02am PST".
    _rule("embed-shared-by", "embed", r"an?\s+(?:post|photo|video|reel)\s+shared\s+by\s+(?:[^()@]{0,80}\(?@[\w.]{1,40}"
          r"\)?(?:\s+on\s+.{3,60})?|[^.!?]{1,80}\s+on\s+" + _MONTH + r"\s+\d{1,2},?\s+\d{4}.{0,30})", re.I),
    # A tweet embed's sign-off: "… — Jane Doe (@janedoe) March 3, 2023".
    _rule("embed-tweet", "embed", r".{0,500}?[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:" + _MONTH
          + r"\s+\d{1,2},\s+\d{4})?"),
    # An embedded post's counters: "12,408 likes", "3.1K views".
    _rule("embed-counter", "embed", r"[\d,.]{1,12}\s*[KkMm]?\s+(?:likes|views|comments|retweets|reposts|replies)"),
    # Embedded media links ("… pic.twitter.com/abc123") and a bare link on a line of its own.
    _rule("embed-link", "embed", r"(?:.{0,500}?\s)?(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)(?:\s.{0,100})?|"
          r"(?:https?://|www\.)\S{1,300}"),
    # "[via: Outlet]", "(Source: Outlet)", "h/t Outlet".
    _rule("source-via", "promo", r"[\[(]\s*(?:via|source|h/t|hat tip|from)\s*:?\s*[^\[\]()]{1,80}[\])]|"
          r"(?:via|h/t|hat tip)\s*:?\s+(?-i:[A-Z@])[^.!?]{0,60}", re.I),
    # "From Some Outlet": a syndicated story's source, a name alone after "From".
    _rule("source-from", "promo", r"From\s+(?:the\s+)?[A-Z0-9][\w.!&+'’-]*(?:\s+(?:[A-Z0-9&][\w.!&+'’-]*|of)){0,4}"),
    # "Follow Ledger Weekly on Instagram, Facebook and YouTube.": a promo for the outlet's accounts.
    _rule("follow-on", "promo", r"(?:follow|like)\s+[^.!?]{1,60}?\s+on\s+" + _PLATFORM
          + r"(?:(?:,|\s+and|\s+or)\s+" + _PLATFORM + r"){0,6}[.!]?", re.I),
    # "Read more TV stories", "See all our coverage here.", "Get the latest news".
    _rule("read-more", "promo", r"(?:read|see|find|get|discover|check out|browse|explore)\s+(?:more|all|the latest|"
          r"our|other|every)\b[^.!?]{0,80}\b(?:stories|news|coverage|articles|reviews|interviews|features|updates|"
          r"recaps|here|podcasts?|videos)\b[^.!?]{0,60}[.!]?", re.I),
    # "RELATED: …", "Related Articles", "[Related: …]".
    _rule("related", "promo", r"\[?\s*related(?:\s+(?:stories|story|articles?|links?|videos?|content|coverage|reading|"
          r"posts?|news))?\s*(?:(?::|\||—|–|-)\s*.{0,300})?", re.I),
    # "How to Watch", "How to stream The Show season 2" (a heading, not a sentence).
    _rule("how-to-watch", "promo", r"how\s+to\s+(?:watch|stream)\b[^.!]{0,100}", re.I),
    # "Watch the full episode on NBC", "Watch the trailer for The Show on Netflix."
    _rule("watch-on", "promo", r"(?:WATCH|Watch)\s+[^.!?]{1,100}?\s+(?:on|via|at)\s+[A-Z][^.!?]{0,60}[.!]?"),
    # "3 min read", "Reading time: 4 minutes".
    _rule("read-time", "promo", r"\d{1,3}\s*-?\s*(?:min|mins|minutes?)\.?\s+(?:read|watch|listen)(?:ing)?"
          r"(?:\s+time)?|(?:estimated\s+)?reading\s+time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)\.?", re.I),
    # "Create a free profile to get unlimited access …", "Create an account".
    _rule("signup-profile", "signup", r"(?:create|make|set up|build)\s+(?:a|an|your)\s+(?:free\s+)?(?:\w+\s+)?"
          r"(?:profile|account)\b.{0,300}", re.I),
    # "Sign Up For Free to View", "Register for free to continue reading", "Already have an account? Log in".
    _rule("signup-wall", "signup", r"(?:sign\s*up|register|subscribe|log\s*in|sign\s*in|join)(?:\s+(?:for\s+free|now|"
          r"today|free|here))?(?:\s+to\s+(?:continue|view|read|keep|watch|unlock|access|see|comment|save)\b.{0,200})?|"
          r"(?:already\s+have\s+an\s+account|not\s+a\s+(?:member|subscriber)|already\s+a\s+(?:member|subscriber))\??"
          r".{0,80}|unlock\s+(?:this|unlimited|full|all|exclusive)\b.{0,200}", re.I),
    # "TV Insider Exclusive", "EXCLUSIVE", "Soaps.com Exclusive": a label, not a sentence.
    _rule("exclusive-label", "signup", r"(?:[A-Z0-9][\w.!&+'’-]*\s+){0,3}(?:Exclusive|EXCLUSIVE)!?"),
)

# Known names a lone credit line gives: outlets, networks, studios and social networks.
_KNOWN_NAMES = frozenset(
    n.lower() for names in (
        [n for name, (aliases, _) in OUTLETS.items() for n in (name, *aliases)],
        [n for name, aliases in NETWORKS.items() for n in (name, *aliases)],
        [n for name, aliases in ORGANIZATIONS.items() for n in (name, *aliases)],
        [n for name, aliases in SOCIAL_NETWORKS.items() for n in (name, *aliases)],
    ) for n in names)
# A company-name line: up to five capitalised words ("Marvel Studios", "Blue Harbor Pictures").
COMPANY_LINE = re.compile(r"(?:The\s+)?[A-Z0-9][\w.!&+'’-]*(?:\s+(?:[A-Z0-9&][\w.!&+'’-]*|of|and)){0,4}")
# Names in a caption: "Jane Doe", "Jane Doe, John Roe and Pat Lee" (two or three capitalised words each).
_CAPTION_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}"
CAPTION_IN_SHOW = re.compile(_CAPTION_NAME + r"(?:\s*(?:,|and|&)\s*" + _CAPTION_NAME + r"){0,8}"
                             r"(?:\s+as\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s+in\s+(?P<show>.{1,120})")
# Words a caption's show may hold besides capitalised ones: "Season 2", "(2023)", "Part One".
CAPTION_SHOW_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "to", "for", "at", "with", "season",
                                "episode", "part", "vs", "vs."})


@dataclass
class Cleaned:
    text: str
    title: str | None
    removed: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the id of the rule that removed each line of `removed`


def strip_trailing(line: str, marks: str = TRAILING_MARKS) -> str:
    """The line without trailing whitespace and marks, in one pass from the end (a regex anchored at the end
    retries from every position, quadratic on a long run of them)."""
    end = len(line)
    while end and (line[end - 1].isspace() or line[end - 1] in marks):
        end -= 1
    return line[:end]


def phrase_key(line: str) -> str:
    """Lowercase, curly quotes straightened, trailing dashes and punctuation dropped."""
    line = line.replace("’", "'").replace("‘", "'").strip().lower()
    return strip_trailing(line).strip()


def word_count(line: str) -> int:
    return len(re.findall(r"\w+", line))


def ends_sentence(line: str, marks: str = ".;") -> bool:
    return line.rstrip().endswith(tuple(marks))


def is_headline_like(line: str) -> bool:
    """Title Case, short, not a sentence: how headlines look in scraped text."""
    if len(line) > MAX_CHROME_CHARS:
        return False
    words = line.split()
    if not 4 <= len(words) <= MAX_TITLE_WORDS or ends_sentence(line):
        return False
    content = [w.strip("‘’'\"“”()[]") for w in words]
    content = [w for w in content if w and w[0].isalpha() and w.lower() not in SMALL_WORDS]
    if not content:
        return False
    return sum(w[0].isupper() for w in content) / len(content) >= 0.75


def chrome_rule(line: str, title: str | None = None, outlet: str | None = None,
                skip_kinds: frozenset[str] = frozenset()) -> str | None:
    """The id of the rule that makes one line page chrome (phrase, prefix, credit, embed, promo, sign-up shape,
    headline repetition, the outlet's own name), or None for article text; rules of `skip_kinds` are not tried."""
    if len(line) > MAX_CHROME_CHARS:
        return None
    line = line.strip()
    key = phrase_key(line)
    if not re.search(r"\w", key):
        return None
    if key in BOILERPLATE_LINES:
        return "chrome-phrase"
    if key.startswith(BOILERPLATE_PREFIXES):
        return "chrome-prefix"
    for rule in CHROME_RULES:
        if rule.kind not in skip_kinds and rule.pattern.fullmatch(line):
            return rule.id
    if is_photo_credit(line):
        return "credit-agency"
    if outlet and _names_outlet(line, outlet):
        return "own-outlet"
    if is_company_line(line):
        return "credit-company"
    if is_caption_in_show(line):
        return "caption-in-show"
    if CAPTION_COUNTER.search(line):
        if title:
            title_key = phrase_key(title)
            if key != title_key and key.startswith(title_key):
                return "caption-counter"
        if is_headline_like(CAPTION_COUNTER.sub("", line)):
            return "caption-counter"
    return None


def is_boilerplate(line: str, title: str | None = None, outlet: str | None = None) -> bool:
    """Whether one line is page chrome by any rule of chrome_rule."""
    return chrome_rule(line, title, outlet) is not None


def _names_outlet(line: str, outlet: str) -> bool:
    """The article's own outlet as a line: "Digital Spy", "From Digital Spy", "© Digital Spy 2024"."""
    name = outlet.lower().removeprefix("the ")
    key = re.sub(r"\b(?:from|via|by|the|copyright|staff|exclusive)\b|[©®™]|\b(?:19|20)\d\d\b", " ", phrase_key(line))
    return " ".join(key.split()) == name


def is_company_line(line: str) -> bool:
    """A lone credit under a photo: a known outlet, network or studio, or a name ending in a company word
    ("Blue Harbor Studios"), optionally after "From"; a line of plain article text is never just that."""
    name = line.strip().removeprefix("From ").strip()
    if ends_sentence(name, ".!?:;,") or not COMPANY_LINE.fullmatch(name):
        return False
    lowered = name.lower()
    if lowered in _KNOWN_NAMES or lowered.removeprefix("the ") in _KNOWN_NAMES:
        return True
    return len(name.split()) >= 2 and lowered.rsplit(None, 1)[-1] in CREDIT_NAME_SUFFIXES


def is_caption_in_show(line: str) -> bool:
    """A caption naming people in a show: "Jane Doe and John Roe in The Show Season 2" — names, "in", and a
    title of capitalised words; no verb, no sentence end."""
    if ends_sentence(line, ".;!?:,") or word_count(line) > 24:
        return False
    match = CAPTION_IN_SHOW.fullmatch(line.strip())
    if not match:
        return False
    names = line[:match.start("show")].split()
    if any(_is_verb_form(word) for word in names):
        return False  # a Title Case headline ("Mara Quinn Returns in Harbor City Fire"), not a caption
    words = [w.strip("‘’'\"“”()[],") for w in match.group("show").split()]
    words = [w for w in words if w]
    return bool(words) and words[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in CAPTION_SHOW_WORDS for w in words)


_VERB_LEMMAS = REPORTING_VERBS | CAREER_LEMMAS | STORY_LEMMAS


def _is_verb_form(word: str) -> bool:
    """An inflected verb of the news ("Returns", "Joins", "Says", "Stars"); bare lemmas are left alone, being
    surnames as often ("Hunt", "Chase")."""
    word = word.lower().strip(",")
    if word in JOIN_LEAVE_WORDS or word in AIRING_FORMS:
        return True
    return any(word.endswith(suffix) and word.removesuffix(suffix) in _VERB_LEMMAS for suffix in ("s", "es", "ed", "d"))


def is_photo_credit(line: str) -> bool:
    """A photographer and an agency ("Jane Doe/NBC") or a line ending in an agency's name ("… | Getty Images")."""
    stripped = line.strip()
    if len(stripped) > MAX_CHROME_CHARS:
        return False
    if stripped.startswith("(") and stripped.endswith(")"):
        stripped = stripped[1:-1].strip()
    if word_count(stripped) > 16 or ends_sentence(stripped, ".!?\"”"):
        return False
    if _slash_credit(stripped) and "//" not in stripped:
        return True
    if any(agency in stripped.lower() for agency in PHOTO_AGENCIES):
        return True  # "Jo Lee/NBCU Photo Bank via Getty Images", "Jo Lee/Getty Images for Netflix"
    tail = re.split(r"[.|,:;(]\s*|\s[-–—]\s", stripped)[-1].strip(" )").lower()
    tail = re.sub(r"^(photo|image|credit|photograph)s?( by)?\s+", "", tail)
    return tail in PHOTO_CREDIT_WORDS and tail != phrase_key(stripped)


def _slash_credit(line: str) -> bool:
    """Capitalised words, a slash, capitalised words to the end: each part checked once, so linear."""
    person, slash, agency = line.rpartition("/")
    words = person.split()
    return bool(slash and words and CREDIT_PERSON_WORD.fullmatch(words[-1]) and CREDIT_AGENCY.fullmatch(agency))


def _title_candidate(line: str) -> str:
    """The line without a headline label ("WATCH: <headline>")."""
    lowered = line.lower()
    label = next((label for label in TITLE_LABELS if lowered.startswith(label)), None)
    return line[len(label):].strip() if label else line


def find_title(lines: list[str]) -> int | None:
    """Index of the headline: the first headline-like line near the top of the page."""
    for index, line in enumerate(lines[:15]):
        if not line.strip() or len(line) > MAX_CHROME_CHARS or dateline(line):
            continue
        candidate = _title_candidate(line)
        if is_headline_like(candidate) and not is_boilerplate(candidate):
            return index
        if is_boilerplate(line):
            continue
        if word_count(line) >= PRE_TITLE_CHROME_WORDS:
            return None
    return None


def clean_text(raw: str, title: str | None = None, outlet: str | None = None) -> Cleaned:
    """Remove page chrome from scraped text; the title line leaves the body, unrecorded."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cleaned = Cleaned(text="", title=title)
    kept: list[str] = []
    title_index = None
    if title:
        title_key = phrase_key(title)
        title_index = next((i for i, line in enumerate(lines[:15]) if phrase_key(line) == title_key), None)
    else:
        title_index = find_title(lines)
        if title_index is not None:
            title = cleaned.title = lines[title_index].strip()
    title_key = phrase_key(title) if title else None
    counts: dict[str, int] = {}
    for line in lines:
        key = phrase_key(line)
        counts[key] = counts.get(key, 0) + 1
    seen: set[str] = set()
    ended = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index == title_index:
            continue
        if not stripped:
            kept.append("")
            continue
        if not ended and dateline(stripped):
            kept.append(stripped)
            continue
        key = phrase_key(stripped)
        rule = chrome_rule(stripped, title, outlet)
        if rule is None and title_key and key == title_key:
            rule = "title-repeat"
        elif rule is None and word_count(stripped) >= MIN_REPEAT_WORDS and (
                key in seen or (counts[key] > 1 and is_headline_like(stripped))):
            rule = "repeated-line"
        elif rule is None and title_index is not None and index < title_index \
                and word_count(stripped) < PRE_TITLE_CHROME_WORDS:
            rule = "before-title"
        elif rule is None and ended and word_count(stripped) < PRE_TITLE_CHROME_WORDS:
            rule = "after-end-marker"
        if key in END_MARKERS:
            ended = True
            rule = rule or "end-marker"
        seen.add(key)
        if rule:
            if re.search(r"\w", stripped):
                cleaned.removed.append(stripped)
                cleaned.rules.append(rule)
            continue
        kept.append(stripped)
    cleaned.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned
