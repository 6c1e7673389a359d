"""What editors' cast lists (kb/castlist.py) tell the extraction of every article stored after them."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..document import DocExtraction, Document, Entity, Fact, Span
from .names import name_key
from .schema import CastRow

LIST_OUTLET = "editor's cast list"  # the outlet of a cast list's own article
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@dataclass(frozen=True)
class KnownCast:
    """What the cast lists say, by name key: each name's type, each actor's characters."""

    types: dict[str, str]
    roles: dict[str, frozenset[str]]

    def __bool__(self) -> bool:
        return bool(self.types)


def known_cast(session: Session) -> KnownCast:
    types: dict[str, str] = {}
    roles: defaultdict[str, set[str]] = defaultdict(set)
    for show, actor, character, network in session.execute(
            select(CastRow.show, CastRow.actor, CastRow.character, CastRow.network)):
        for name, kind in ((show, "show"), (actor, "person"), (character, "character"), (network, "network")):
            if name:
                types[name_key(name)] = kind
        if actor and character:
            roles[name_key(actor)].add(name_key(character))
    return KnownCast(types, {k: frozenset(v) for k, v in roles.items()})


def _sentence(text: str, at: int) -> Span:
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end = next((m.end() for m in SENTENCE_END.finditer(text, at)), len(text))
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


def apply_known(document: Document, extraction: DocExtraction, known: KnownCast) -> DocExtraction:
    """The article's extraction with the cast lists' types on their names and their actors' roles as `plays`."""
    if not known or document.outlet == LIST_OUTLET:
        return extraction
    entities = []
    keys_of: dict[str, list[Entity]] = defaultdict(list)
    for entity in extraction.entities:
        names = {name_key(n) for n in (entity.name, *entity.aliases)}
        kind = next((known.types[k] for k in sorted(names) if k in known.types), None)
        if kind and kind != entity.type:
            entity = replace(entity, type=kind, certain=True, scores={}, reasons=["editor/cast-list"])
        entities.append(entity)
        for key in names:
            keys_of[key].append(entity)
    stated = {(f.subject, f.object) for f in extraction.facts if f.predicate == "plays"}
    facts = list(extraction.facts)
    for actor_key, characters in known.roles.items():
        for actor in keys_of.get(actor_key, ()):
            for character_key in sorted(characters):
                for character in keys_of.get(character_key, ()):
                    if (actor.key, character.key) in stated or not character.mentions:
                        continue
                    stated.add((actor.key, character.key))
                    facts.append(Fact(actor.key, "plays", character.key, _sentence(document.text,
                                                                                   character.mentions[0].start)))
    return replace(extraction, entities=entities, facts=facts)
