"""A raw article to a Document: header or page metadata, cleaned text, outlet, language check."""

from __future__ import annotations

import logging
import re

from ..document import NOT_ENGLISH, Document
from ..errors import InputError
from .clean import clean_text, is_boilerplate, phrase_key
from .html import extract_html
from .metadata import MIN_ENGLISH_SHARE, english_share, outlet_from_url, parse_published
from .sources import META_KEYS, RawArticle

# Fewer words than this is no article (an empty page, a stray fragment of markup).
MIN_WORDS = 5
log = logging.getLogger(__name__)
HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A leading block of `Key: value` lines (URL, Title, Published, Outlet, Author) ended by a blank line."""
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            return (meta, "\n".join(lines[index + 1:])) if meta else ({}, text)
        match = HEADER_LINE.match(line)
        if not match or match.group(1).lower() not in META_KEYS:
            return {}, text
        meta[match.group(1).lower()] = match.group(2)
    return {}, text


def build_document(raw: RawArticle) -> Document:
    """Clean one raw article into a Document; raises InputError naming the source when it cannot."""
    meta = dict(raw.meta)
    warnings: list[str] = []
    if raw.is_html:
        page = extract_html(raw.body, raw.source, meta.get("url"))
        meta.setdefault("title", page.title or "")
        meta.setdefault("author", page.author or "")
        meta.setdefault("outlet", page.sitename or "")
        meta.setdefault("published", page.date or "")
        if page.url:
            meta.setdefault("url", page.url)
        paragraphs = [p.strip() for p in page.text.split("\n") if p.strip()]
        if paragraphs and meta["title"] and phrase_key(paragraphs[0]) == phrase_key(meta["title"]):
            paragraphs = paragraphs[1:]  # the headline is the title, not body text
        removed = [p for p in paragraphs if is_boilerplate(p, meta.get("title"))]
        text = "\n\n".join(p for p in paragraphs if p not in removed)
        title = meta.get("title") or None
    else:
        header, body = split_header(raw.body)
        meta = header | {k: v for k, v in meta.items() if v}
        cleaned = clean_text(body, meta.get("title") or None)
        text, title, removed = cleaned.text, cleaned.title, cleaned.removed
    if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_WORDS:
        raise InputError(raw.source, "no article text left after cleaning")
    published = parse_published(meta.get("published"))
    if published is None and (meta.get("published") or "").strip():
        warnings.append(f"the publication date {meta['published'].strip()[:40]!r} is not a date; left unknown")
        log.warning("%s: %s", raw.source, warnings[-1])
    share = english_share(text)
    if share is not None and share < MIN_ENGLISH_SHARE:
        warnings.append(f"{NOT_ENGLISH}: English function words are {share:.0%} of the text; "
                        "stored without extraction")
    url = meta.get("url") or None
    outlet = meta.get("outlet") or outlet_from_url(url) or None
    return Document(source=raw.source, text=text, content_hash=raw.content_hash, title=title, url=url,
                    outlet=outlet, author=meta.get("author") or None, published=published, removed=removed,
                    warnings=warnings)
