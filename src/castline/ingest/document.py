"""A raw article to a Document: header or page metadata, cleaned text, outlet, language check."""

from __future__ import annotations

import logging
import re

from ..document import NOT_ENGLISH, Document
from ..errors import InputError
from .clean import chrome_rule, clean_text, phrase_key
from .html import extract_html
from .metadata import MIN_ENGLISH_SHARE, english_share, outlet_from_url, parse_published
from .sources import META_KEYS, RawArticle

# Rule kinds the HTML path leaves to trafilatura: an embedded post it keeps is one the page quotes in its body.
HTML_KEPT_KINDS = frozenset({"embed"})
# Fewer words than this is no article (an empty page, a stray fragment of markup).
MIN_WORDS = 5
log = logging.getLogger(__name__)
# The value is stripped in Python: a lazy `(.*?)\s*$` retries the tail at every length, quadratic on long lines.
HEADER_LINE = re.compile(r"\s*([A-Za-z]+)\s*:(.*)")


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
        meta[match.group(1).lower()] = match.group(2).strip()
    return {}, text


def outlet_of(meta: dict[str, str]) -> str | None:
    """The outlet the metadata names, or the one behind its URL."""
    return meta.get("outlet") or outlet_from_url(meta.get("url")) or None


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
        rules = [chrome_rule(p, meta.get("title"), outlet_of(meta), skip_kinds=HTML_KEPT_KINDS) for p in paragraphs]
        removed = [p for p, rule in zip(paragraphs, rules, strict=True) if rule]
        removed_rules = [rule for rule in rules if rule]
        text = "\n\n".join(p for p, rule in zip(paragraphs, rules, strict=True) if not rule)
        title = meta.get("title") or None
    else:
        header, body = split_header(raw.body)
        meta = header | {k: v for k, v in meta.items() if v}
        cleaned = clean_text(body, meta.get("title") or None, outlet_of(meta))
        text, title, removed, removed_rules = cleaned.text, cleaned.title, cleaned.removed, cleaned.rules
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
    return Document(source=raw.source, text=text, content_hash=raw.content_hash, title=title, url=url,
                    outlet=outlet_of(meta), author=meta.get("author") or None, published=published, removed=removed,
                    removed_rules=removed_rules,
                    warnings=warnings)
