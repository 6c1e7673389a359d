"""Inputs (files, folders, URLs, feeds, JSONL) to a stream of raw articles, one error per bad input."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import feedparser

from ..errors import InputError
from ..settings import Settings
from .decode import decode
from .fetch import fetch

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES
META_KEYS = ("url", "title", "published", "outlet", "author")


@dataclass
class RawArticle:
    """An article as found, before cleaning: `body` is text or HTML, `meta` what came beside it."""

    source: str
    body: str
    is_html: bool
    meta: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            key = json.dumps([self.body, self.is_html, sorted(self.meta.items())], ensure_ascii=False)
            self.content_hash = hashlib.sha256(key.encode()).hexdigest()


def is_url(value: str) -> bool:
    return bool(re.match(r"(?i)^https?://", value))


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) \
        or head.startswith(("<rss", "<feed"))


def expand(inputs: list[str]) -> Iterator[str | InputError]:
    """Folders become the article files under them, sorted; missing paths become errors."""
    for item in inputs:
        if is_url(item):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield str(child)
        elif path.is_file():
            yield str(path)
        else:
            yield InputError(item, "no such file, folder or URL")


def read_file(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise InputError(str(path), f"larger than the size cap ({size} > {settings.max_bytes} bytes)")
    return path.read_bytes()


def raw_articles(inputs: list[str], settings: Settings) -> Iterator[RawArticle | InputError]:
    """Every article the inputs hold, in order; a bad input yields its InputError and the rest go on."""
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from _articles_of(item, settings)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(item, f"cannot read: {exc.strerror or exc}")


def _articles_of(item: str, settings: Settings) -> Iterator[RawArticle | InputError]:
    if is_url(item):
        fetched = fetch(item, settings)
        text = decode(fetched.content, item, fetched.charset)
        kind = fetched.content_type
        if "xml" in kind or "rss" in kind or "atom" in kind or looks_like_feed(text):
            yield from feed_articles(text, item, settings)
        elif "html" in kind or text.lstrip()[:1] == "<":
            yield RawArticle(item, text, True, {"url": fetched.url})
        else:
            yield RawArticle(item, text, False, {"url": fetched.url})
        return
    path = Path(item)
    suffix = path.suffix.lower()
    text = decode(read_file(path, settings), item)
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_articles(text, item)
    elif suffix in FEED_SUFFIXES or looks_like_feed(text):
        yield from feed_articles(text, item, settings)
    elif suffix in HTML_SUFFIXES:
        yield RawArticle(item, text, True)
    else:
        yield RawArticle(item, text, False)


def jsonl_articles(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """One article per line: url, title, published, outlet, author, and text or html."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSONL line must be an object")
            continue
        meta = {k: str(record[k]) for k in META_KEYS if record.get(k)}
        body, is_html = record.get("text"), False
        if not body and record.get("html"):
            body, is_html = record["html"], True
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "no 'text' or 'html' field")
            continue
        yield RawArticle(meta.get("url") or where, body, is_html, meta)


def feed_articles(text: str, source: str, settings: Settings) -> Iterator[RawArticle | InputError]:
    """Entries of an RSS/Atom feed: their full content when the feed carries it, else the linked page."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "args", ["no entries"])[0]
        raise InputError(source, f"not a readable feed ({reason})")
    for index, entry in enumerate(parsed.entries, 1):
        where = entry.get("link") or f"{source}#{index}"
        meta = {"url": entry.get("link", ""), "title": entry.get("title", ""),
                "published": entry.get("published") or entry.get("updated") or "",
                "author": entry.get("author", ""), "outlet": parsed.feed.get("title", "")}
        meta = {k: v for k, v in meta.items() if v}
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        try:
            if contents:
                yield RawArticle(where, max(contents, key=len), True, meta)
            elif entry.get("link"):
                fetched = fetch(entry["link"], settings)
                page = decode(fetched.content, entry["link"], fetched.charset)
                yield RawArticle(where, page, "html" in fetched.content_type or page.lstrip()[:1] == "<",
                                 meta | {"url": fetched.url})
            elif entry.get("summary"):
                yield RawArticle(where, entry["summary"], True, meta)
            else:
                yield InputError(where, "feed entry has no content and no link")
        except InputError as exc:
            yield exc
