"""The jsonld export: the knowledge base as schema.org JSON-LD, every node based on the articles that state it."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import IO, Any

from .view import KbView

CONTEXT = "https://schema.org"
# schema.org has no fictional character type: a character is a Person marked as Wikidata's "fictional character".
FICTIONAL_CHARACTER = "http://www.wikidata.org/entity/Q95074"
SCHEMA_TYPES = {"show": "TVSeries", "episode": "TVEpisode", "person": "Person", "character": "Person",
                "network": "Organization", "outlet": "Organization", "organization": "Organization",
                "work": "CreativeWork", "franchise": "CreativeWorkSeries", "place": "Place"}
# Facts that are a plain schema.org property of their subject (subject → property → object).
PROPERTIES = {"spouse_of": "spouse", "relative_of": "relatedTo", "part_of": "isPartOf", "created_by": "creator",
              "member_of": "memberOf", "from": "homeLocation", "airs_on": "publisher"}
# schema.org has no age of a person: castline's own term, an absolute IRI JSON-LD keeps as it is
AGE = "urn:castline:age"
BASE = "urn:castline:"


def _ref(entity_id: str) -> dict[str, str]:
    return {"@id": BASE + entity_id}


def kb_jsonld(kb: dict[str, Any]) -> dict[str, Any]:
    """One JSON-LD document: an @graph of entities, performance roles and quotations."""
    view = KbView(kb)
    nodes: dict[str, dict[str, Any]] = {}
    for e in kb["entities"]:
        node = {"@id": BASE + e["id"], "@type": SCHEMA_TYPES.get(e["type"], "Thing"), "name": e["name"]}
        if e["aliases"]:
            node["alternateName"] = e["aliases"]
        if e["type"] == "character":
            node["additionalType"] = FICTIONAL_CHARACTER
        urls = sorted({view.url(m["doc"]) for m in e["mentions"]})
        if urls:
            node["isBasedOn"] = urls
        nodes[e["id"]] = node
    roles: list[dict[str, Any]] = []
    played: set[tuple[str, str]] = set()
    extra: defaultdict[str, defaultdict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for f in kb["facts"]:
        urls = sorted({view.url(ev["doc"]) for ev in f["evidence"]})
        subject, obj, show = f["subject"], f["object"], f["qualifiers"].get("show")
        if f["predicate"] == "plays" and isinstance(obj, str):
            role = {"@type": "PerformanceRole", "actor": _ref(subject), "characterName": view.name(obj),
                    "isBasedOn": urls}
            if show in nodes:
                extra[show]["actor"].append(role)
                played.add((subject, show))
            else:
                roles.append(role)
        elif f["predicate"] == "episode_of" and isinstance(obj, str):
            extra[subject]["partOfSeries"].append(_ref(obj))
            if "number" in f["qualifiers"]:
                extra[subject]["episodeNumber"].append(f["qualifiers"]["number"])
        elif f["predicate"] == "directed" and isinstance(obj, str):
            extra[obj]["director"].append(_ref(subject))
        elif f["predicate"] in PROPERTIES and isinstance(obj, str):
            extra[subject][PROPERTIES[f["predicate"]]].append(_ref(obj))
        elif f["predicate"] == "known_for" and obj in nodes:  # a credit: the person contributed to the work
            extra[obj]["contributor"].append(_ref(subject))
        elif f["predicate"] == "age" and not isinstance(obj, str):
            age = {"@type": "QuantitativeValue", "value": obj["value"], "unitText": "years"}
            if f["qualifiers"].get("as_of"):
                age["description"] = f"as of {f['qualifiers']['as_of']}"
            extra[subject][AGE].append(age)
    for f in kb["facts"]:  # a cast member with no character named: a role without characterName
        if f["predicate"] == "cast_member_of" and f["object"] in nodes and (f["subject"], f["object"]) not in played:
            extra[f["object"]]["actor"].append({"@type": "PerformanceRole", "actor": _ref(f["subject"]),
                                                "isBasedOn": sorted({view.url(ev["doc"]) for ev in f["evidence"]})})
    for entity_id, properties in extra.items():
        for key, values in properties.items():
            nodes[entity_id][key] = values if len(values) > 1 else values[0]
    quotes = [_quotation(view, q) for q in kb["quotes"]]
    return {"@context": CONTEXT, "@graph": [*nodes.values(), *roles, *quotes]}


def _quotation(view: KbView, quote: dict[str, Any]) -> dict[str, Any]:
    """A quote: a character's line is spokenByCharacter, anyone else's words have them as creator."""
    node: dict[str, Any] = {"@type": "Quotation", "text": quote["text"], "isBasedOn": view.url(quote["doc"])}
    speaker = quote["speaker"]
    if speaker in view.entities:
        node["spokenByCharacter" if view.type(speaker) == "character" else "creator"] = _ref(speaker)
    if quote["outlet"] in view.entities:
        node["publisher"] = _ref(quote["outlet"])
    if quote["date"]:
        node["dateCreated"] = quote["date"]
    return node


def write_jsonld(kb: dict[str, Any], out: IO[str]) -> None:
    json.dump(kb_jsonld(kb), out, ensure_ascii=False, indent=1)
    out.write("\n")
