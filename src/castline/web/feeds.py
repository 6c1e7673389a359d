"""`/feeds/changes.atom`: what is new in the knowledge base as an Atom feed any feed reader can alert on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def changes_atom(found: dict[str, Any], base: str, self_url: str) -> bytes:
    """The facts, quotes and conflicts of `kb.changes.changes` as Atom entries, each linking to its page."""
    feed = FeedGenerator()
    feed.id(f"{base}/feeds/changes.atom")
    feed.title("castline: what is new")
    feed.subtitle(f"Facts, quotes and conflicts new since {found['since']} UTC")
    feed.link(href=self_url, rel="self")
    feed.link(href=f"{base}/", rel="alternate")
    feed.author({"name": "castline"})
    newest = [_when(found["since"])]
    for fact in found["facts"]:
        obj = fact["object"].get("name", fact["object"].get("value"))
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/facts/{fact['id']}")
        entry.title(f"Fact: {fact['subject']['name']} {fact['predicate'].replace('_', ' ')} {obj}")
        entry.link(href=f"{base}/entity/{fact['subject']['id']}")
        entry.content("\n".join(f"{s['title']}: {s['text']}" for s in fact["sources"]), type="text")
        entry.updated(_when(fact["first_seen"]))
        newest.append(_when(fact["first_seen"]))
    for quote in found["quotes"]:
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/quotes/{quote['id']}")
        who = quote["speaker"] or "Someone"
        entry.title(f"Quote: {who}" + (f" to {quote['outlet']}" if quote["outlet"] else ""))
        entry.link(href=f"{base}/article/{quote['document']}")
        entry.content(quote["text"], type="text")
        entry.updated(_when(quote["first_seen"]))
        newest.append(_when(quote["first_seen"]))
    for conflict in found["conflicts"]:
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/conflicts/{conflict['kind']}/{conflict['subject']['id']}/{conflict['detail']}")
        entry.title(f"Conflict: {conflict['summary']}")
        entry.link(href=f"{base}/conflicts")
        entry.content(conflict["note"] or conflict["label"], type="text")
        entry.updated(_when(conflict["first_seen"]))
        newest.append(_when(conflict["first_seen"]))
    feed.updated(max(newest))
    return feed.atom_str(pretty=True)
