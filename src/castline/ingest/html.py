"""HTML pages to article text and metadata, through trafilatura and htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import ParserError

from ..errors import InputError

# Markup that is a whole page (its text is for trafilatura alone to find) rather than a fragment of an article.
WHOLE_PAGE = re.compile(r"<(?:html|body|head)\b", re.I)
BLOCKS = ("p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article")


@dataclass
class Extracted:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None
    url: str | None


def extract_html(html: str, source: str, url: str | None = None) -> Extracted:
    """Main text and metadata of a page; a page with no article text is an error naming it."""
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, deduplicate=False)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise InputError(source, f"unreadable HTML ({exc.__class__.__name__})") from exc
    text = result.text if result is not None and (result.text or "").strip() else None
    if text is None and not WHOLE_PAGE.search(html):
        text = fragment_text(html)
    if not text:
        raise InputError(source, "no article text found in the HTML")
    try:
        date = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort; a page without a date is still an article
        date = None
    if result is None:
        return Extracted(text=text, title=None, author=None, sitename=None, date=date, url=url)
    return Extracted(text=text, title=result.title, author=result.author, sitename=result.sitename,
                     date=date or result.date, url=url or result.url)


def fragment_text(html: str) -> str:
    """The text of a bit of markup that is all article (a feed entry's content: one paragraph, or plain text),
    where trafilatura, made to find an article inside a page, finds nothing: a line per block."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for junk in root.xpath("//script|//style|//noscript"):
        junk.drop_tree()
    for block in root.iter(*BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
