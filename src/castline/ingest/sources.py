"""Inputs (files, folders, URLs, feeds, JSONL) to a stream of raw articles, one error per bad input.

Whatever an input holds, it costs only itself: any failure reading it becomes one InputError naming it.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
# Code points JSON can spell ("\\ud800") but no text can hold: lone UTF-16 surrogates.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
log = logging.getLogger(__name__)


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


def label(path: Path | str) -> str:
    """A path as a source name that any database and terminal take: bytes that are not UTF-8 are escaped."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Input:
    """One file or URL to read: `source` names it (a file by its resolved path, so that every way of writing
    the path is the same article), `path` is where to read it."""

    source: str
    path: Path | None = None


def expand(inputs: list[str]) -> Iterator[Input | InputError]:
    """Folders become the regular article files inside them, sorted; each file comes once however it is named;
    missing paths and links leading out of a folder become errors."""
    seen: set[Path] = set()
    for item in inputs:
        if is_url(item):
            yield Input(item)
            continue
        path = Path(item)
        try:
            if path.is_dir():
                found: list[Input | InputError] = list(_folder_files(path))
            elif path.exists():
                found = [_regular_file(path, path.resolve())]
            else:
                found = [InputError(label(item), "no such file, folder or URL")]
        except OSError as exc:  # a loop of links, a folder that cannot be listed
            found = [InputError(label(item), f"cannot read: {exc.strerror or exc}")]
        for one in found:
            if isinstance(one, Input):
                if one.path in seen:
                    continue
                seen.add(one.path)  # type: ignore[arg-type]
            yield one


def _regular_file(path: Path, resolved: Path) -> Input | InputError:
    if not stat.S_ISREG(resolved.stat().st_mode):
        return InputError(label(path), "not a regular file")
    return Input(label(resolved), resolved)


def _folder_files(root: Path) -> Iterator[Input | InputError]:
    """Article files under a folder. A link is followed only when it leads to a file inside the folder (then it
    is that file); links to folders are not followed; a link leading out is reported, never read."""
    top = root.resolve()
    found: list[Input | InputError] = []

    def unreadable(exc: OSError) -> None:
        found.append(InputError(label(exc.filename or root), f"cannot read: {exc.strerror or exc}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        links = [Path(folder, name) for name in dirs if Path(folder, name).is_symlink()]
        for path in [*links, *(Path(folder, n) for n in files if Path(n).suffix.lower() in ARTICLE_SUFFIXES)]:
            resolved = path.resolve()
            if not resolved.is_relative_to(top):
                found.append(InputError(label(path), "a link leading out of the folder; not followed"))
            elif path not in links:
                found.append(_regular_file(path, resolved) if resolved.exists()
                             else InputError(label(path), "a link to a missing file"))
    yield from sorted(found, key=lambda f: f.source)


def read_file(path: Path, source: str, settings: Settings) -> bytes:
    """The file's bytes, refused above the size cap (counted while reading, as the file may grow)."""
    with path.open("rb") as handle:
        data = handle.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputError(source, f"larger than the size cap ({settings.max_bytes} bytes)")
    return data


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
            yield InputError(item.source, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # a library's surprise on one input must not end the run
            log.debug("reading %s failed", item.source, exc_info=True)
            yield InputError(item.source, f"unreadable ({exc.__class__.__name__}: {exc})")


def _articles_of(item: Input, settings: Settings) -> Iterator[RawArticle | InputError]:
    if item.path is None:
        fetched = fetch(item.source, settings)
        text = decode(fetched.content, item.source, fetched.charset)
        kind = fetched.content_type
        if "xml" in kind or "rss" in kind or "atom" in kind or looks_like_feed(text):
            yield from feed_articles(fetched.content, item.source, settings, fetched.charset)
        elif "html" in kind or text.lstrip()[:1] == "<":
            yield RawArticle(item.source, text, True, {"url": fetched.url})
        else:
            yield RawArticle(item.source, text, False, {"url": fetched.url})
        return
    suffix = item.path.suffix.lower()
    data = read_file(item.path, item.source, settings)
    text = decode(data, item.source)
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_articles(text, item.source)
    elif suffix in FEED_SUFFIXES or looks_like_feed(text):
        yield from feed_articles(data, item.source, settings)
    elif suffix in HTML_SUFFIXES:
        yield RawArticle(item.source, text, True)
    else:
        yield RawArticle(item.source, text, False)


def jsonl_articles(text: str, source: str) -> Iterator[RawArticle | InputError]:
    """One article per line (lines end at \\n only: U+2028 inside a record is text): url, title, published,
    outlet, author, and text or html."""
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield _jsonl_article(line, where)
        except InputError as exc:
            yield exc


def _jsonl_article(line: str, where: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError(where, "not valid JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise InputError(where, "a JSONL line must be an object")
    meta = {k: _field(record, k, where) for k in META_KEYS if record.get(k) not in (None, "")}
    if record.get("text") not in (None, ""):
        body, is_html = _field(record, "text", where), False
    elif record.get("html") not in (None, ""):
        body, is_html = _field(record, "html", where), True
    else:
        raise InputError(where, "no 'text' or 'html' field")
    if not body.strip():
        raise InputError(where, "the article text is blank")
    return RawArticle(meta.get("url") or where, body, is_html, meta)


def _field(record: dict[str, Any], key: str, where: str) -> str:
    """A field's text, lone surrogates made U+FFFD; a metadata number (a year) is taken as written, any other
    type is refused, naming the field and the type."""
    value = record[key]
    if not isinstance(value, str) and (key not in META_KEYS or isinstance(value, bool)
                                       or not isinstance(value, (int, float))):
        raise InputError(where, f"'{key}' must be a string, not {_json_type(value)}")
    return LONE_SURROGATE.sub("\ufffd", str(value))


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean"}.get(type(value), type(value).__name__)


def feed_articles(data: bytes, source: str, settings: Settings, charset: str | None = None,
                  known: Callable[[str], bool] | None = None) -> Iterator[RawArticle | InputError]:
    """Entries of an RSS/Atom feed: their full content when the feed carries it, else the linked page.

    feedparser gets the feed's bytes as a stream: given a string (or bytes) it would fetch a URL or open a path.
    Entries whose source `known` says is stored already are skipped before their page is fetched.
    """
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "args", ["no entries"])[0]
        raise InputError(source, f"not a readable feed ({reason})")
    for index, entry in enumerate(parsed.entries, 1):
        where = entry.get("link") or f"{source}#{index}"
        if known is not None and known(where):
            continue
        meta = {"url": entry.get("link", ""), "title": entry.get("title", ""),
                "published": entry.get("published") or entry.get("updated") or "",
                "author": entry.get("author", ""), "outlet": parsed.feed.get("title", "")}
        meta = {k: v for k, v in meta.items() if v}
        contents = [c for c in entry.get("content", []) if c.get("value", "").strip()]
        try:
            if contents:
                content = max(contents, key=lambda c: len(c["value"]))
                yield RawArticle(where, content["value"], _is_markup(content), meta)
            elif entry.get("link"):
                fetched = fetch(entry["link"], settings)
                page = decode(fetched.content, entry["link"], fetched.charset)
                yield RawArticle(where, page, "html" in fetched.content_type or page.lstrip()[:1] == "<",
                                 meta | {"url": fetched.url})
            elif entry.get("summary", "").strip():
                yield RawArticle(where, entry["summary"], _is_markup(entry.get("summary_detail", {})), meta)
            else:
                yield InputError(where, "feed entry has no content and no link")
        except InputError as exc:
            yield exc


def _is_markup(detail: dict[str, Any]) -> bool:
    """Feed content is HTML unless the feed says it is plain text."""
    return detail.get("type", "text/html") != "text/plain"
