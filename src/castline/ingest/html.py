"""HTML pages to article text and metadata, through trafilatura and htmldate."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from htmldate import find_date

from ..errors import InputError


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
    if result is None or not (result.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    try:
        date = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is best effort; a page without a date is still an article
        date = None
    return Extracted(text=result.text, title=result.title, author=result.author, sitename=result.sitename,
                     date=date or result.date, url=url or result.url)
