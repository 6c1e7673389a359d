"""Charts drawn on the server as plain numbers for SVG templates: a show's cast over time, quotes by outlet over
time, and a character's relations laid out by networkx.

Each chart is a dict the templates (chart.html, entity.html) turn into an SVG with role="img", a label, a title and
a description, and (chart.html) its figures again as a table. Nothing here is HTML: names stay text, and the
templates escape them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx

# Drawing units of the viewBox; the stylesheet scales the SVG to the width of the page.
WIDTH = 480
LABEL_WIDTH = 130  # the names to the left of the rows
ROW_HEIGHT = 22
TOP = 26  # room for the axis labels
LABEL_CHARS = 18  # a name longer than this is cut (the full name is the label's <title>)
MAX_OUTLETS = 10  # outlets drawn in rows of their own; the rest share one row
# Events that start or end a stretch in the cast (event types in lexicon.EVENT_TRIGGERS).
STARTS = ("joined_show", "return")
ENDS = ("exit", "exit_announced", "written_off")


def short(name: str, chars: int = LABEL_CHARS) -> str:
    return name if len(name) <= chars else name[:chars - 1].rstrip() + "…"


def when(date: str | None) -> float | None:
    """A date of the knowledge base (YYYY, YYYY-MM or YYYY-MM-DD) as a year with its fraction."""
    if not date or not date[:4].isdigit():
        return None
    parts = date.split("-")
    try:
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
    except ValueError:
        return None
    return int(parts[0]) + (month - 1) / 12 + (day - 1) / 366


def _axis(low: float, high: float, height: int) -> tuple[Any, list[dict[str, Any]]]:
    """The x of a year between `low` and `high`, and grid lines with year labels."""
    low, high = math.floor(low), max(math.floor(high) + 1, math.floor(low) + 1)
    span = WIDTH - LABEL_WIDTH - 16

    def x(year: float) -> float:
        return round(LABEL_WIDTH + (year - low) / (high - low) * span, 1)

    step = max(1, math.ceil((high - low) / 8))
    grid = [{"x1": x(y), "y1": TOP - 6, "x2": x(y), "y2": height, "label": str(y), "lx": x(y), "ly": TOP - 10}
            for y in range(low, high + 1, step)]
    return x, grid


def cast_timeline(card: dict[str, Any]) -> dict[str, Any] | None:
    """Who was in a show's cast when: a bar per actor from when they joined (the fact's `start`, else a joining or
    return event) to when they left (`end`, else an exit event), open to the latest date when no end is known; each
    joining, exit and return event a mark on the bar. None when the show has no cast."""
    cast = card.get("view", {}).get("cast") or []
    if not cast:
        return None
    events = [e for e in card.get("timeline", []) if e["type"] in STARTS + ENDS and when(e["date"]) is not None]
    rows = []
    for index, member in enumerate(cast):
        actor = member["actor"]
        q = member["fact"]["qualifiers"]
        own = [e for e in events if actor["name"] in e["participants"]]
        starts = [when(e["date"]) for e in own if e["type"] in STARTS]
        ends = [when(e["date"]) for e in own if e["type"] in ENDS]
        start = when(str(q["start"])) if q.get("start") else min(starts, default=None)
        end = when(str(q["end"])) if q.get("end") else max(ends, default=None)
        rows.append({"actor": actor, "characters": [c["name"] for c in member["characters"]], "start": start,
                     "end": end, "events": own, "index": index})
    dated = [v for r in rows for v in (r["start"], r["end"]) if v is not None] + [when(e["date"]) for e in events]
    height = TOP + ROW_HEIGHT * len(rows) + 6
    chart: dict[str, Any] = {"id": "cast-timeline", "label": "Cast timeline", "width": WIDTH, "height": height,
                             "rows": [], "bars": [], "marks": [], "grid": []}
    x = None
    if dated:
        x, chart["grid"] = _axis(min(dated), max(dated), height)
        latest = max(dated)
    for row in rows:
        y = TOP + ROW_HEIGHT * row["index"]
        label = row["actor"]["name"] + (f" as {', '.join(row['characters'])}" if row["characters"] else "")
        chart["rows"].append({"y": y, "h": ROW_HEIGHT - 6, "short": short(row["actor"]["name"]), "label": label})
        if x is None:
            continue
        begin = row["start"] if row["start"] is not None else row["end"]
        if begin is not None:
            finish = row["end"] if row["end"] is not None else latest
            chart["bars"].append({"x": x(begin), "y": y + 2, "w": max(4, round(x(finish) - x(begin), 1)),
                                  "h": ROW_HEIGHT - 10, "kind": "open" if row["end"] is None else "closed",
                                  "title": f"{label}: {_year(row['start'])} to {_year(row['end'], 'now')}"})
        for event in row["events"]:
            kind = "start" if event["type"] in STARTS else "end"
            chart["marks"].append({"x": x(when(event["date"])), "y": y + ROW_HEIGHT / 2 - 3, "r": 5, "kind": kind,
                                   "title": f"{event['date']}: {event['summary']}"})
    known = sum(1 for r in rows if r["start"] is not None or r["end"] is not None)
    chart["description"] = (f"{len(rows)} cast members of {card['name']}; {known} with dates, drawn as bars from "
                            "joining to leaving, open to the right when no exit is known. Dots mark joining, return "
                            "and exit events.")
    chart["caption"] = "Cast over time: bars from joining to leaving (a lighter bar has no known end); " \
                       "filled dots are joining or return events, hollow dots exits."
    chart["table"] = {"head": ["Actor", "Character", "From", "Until", "Events"],
                      "rows": [[r["actor"]["name"], ", ".join(r["characters"]) or "—", _year(r["start"]),
                                _year(r["end"], "—"),
                                "; ".join(f"{e['date']} {e['type'].replace('_', ' ')}" for e in r["events"]) or "—"]
                               for r in rows]}
    return chart


def _year(value: float | None, unknown: str = "unknown") -> str:
    return unknown if value is None else str(math.floor(value))


def quotes_by_outlet(counts: list[tuple[str, str, int]]) -> dict[str, Any] | None:
    """Quotes by outlet over time: a row per outlet (the busiest ones; the rest share a row), a dot per month the
    outlet carried quotes, its area growing with their number. `counts` are (outlet, YYYY-MM, quotes)."""
    if not counts:
        return None
    totals: defaultdict[str, int] = defaultdict(int)
    for name, _, n in counts:
        totals[name] += n
    busiest = sorted(totals, key=lambda name: (-totals[name], name))
    kept = busiest[:MAX_OUTLETS] if len(busiest) <= MAX_OUTLETS + 1 else busiest[:MAX_OUTLETS]
    other = f"{len(busiest) - len(kept)} other outlets" if len(busiest) > len(kept) else None
    cells: defaultdict[tuple[str, str], int] = defaultdict(int)
    for name, month, n in counts:
        cells[(name if name in kept else other, month)] += n
    outlets = kept + ([other] if other else [])
    height = TOP + ROW_HEIGHT * len(outlets) + 6
    months = [when(m) for _, m, _ in counts]
    x, grid = _axis(min(months), max(months) + 1 / 12, height)
    most = max(cells.values())
    chart: dict[str, Any] = {"id": "quotes-by-outlet", "label": "Quotes by outlet over time", "width": WIDTH,
                             "height": height, "grid": grid, "bars": [], "rows": [], "marks": []}
    for index, name in enumerate(outlets):
        y = TOP + ROW_HEIGHT * index
        chart["rows"].append({"y": y, "h": ROW_HEIGHT - 6, "short": short(name), "label": name})
        for (outlet, month), n in sorted(cells.items()):
            if outlet == name:
                chart["marks"].append({"x": x(when(month) + 1 / 24), "y": y + ROW_HEIGHT / 2 - 3, "kind": "quotes",
                                       "r": round(2.5 + 6 * math.sqrt(n / most), 1),
                                       "title": f"{name}, {month}: {n} quote{'' if n == 1 else 's'}"})
    chart["description"] = (f"{sum(totals.values())} dated quotes from {len(totals)} outlets, by month, "
                            f"from {min(m for _, m, _ in counts)} to {max(m for _, m, _ in counts)}; "
                            "a larger dot is more quotes.")
    chart["caption"] = "Quotes by outlet and month (all the quotes the filters keep, not only this page)."
    chart["table"] = {"head": ["Outlet", "Month", "Quotes"],
                      "rows": [[name, month, n] for (name, month), n in sorted(cells.items(),
                                                                               key=lambda c: (c[0][1], c[0][0]))]}
    return chart


def tie_label(fact: dict[str, Any], other_id: int) -> str:
    """What a relation fact says the other is to the character: spouse, partner, boss …"""
    label = fact["predicate"].replace("_of", "").replace("_", " ")
    if fact["predicate"] == "superior_of":
        label = "boss" if fact["subject"]["id"] == other_id else "reports"
    if fact["predicate"] == "relative_of" and fact["qualifiers"].get("relation"):
        label = str(fact["qualifiers"]["relation"])
    return label


GRAPH_WIDTH, GRAPH_HEIGHT, NODE_RADIUS, MARGIN = 520, 380, 9, 70
SEED = 7  # any fixed seed: the layout must not change between requests


def relation_graph(card: dict[str, Any]) -> dict[str, Any] | None:
    """A character's relations as a graph: one node per character (however many relations tie two), one edge per
    pair labelled with every relation between them, laid out by networkx (a spring layout from a fixed seed, so the
    same ties draw the same) and fitted
    to the drawing with the names below their nodes."""
    ties = card.get("view", {}).get("ties") or []
    if not ties:
        return None
    graph = nx.Graph()
    graph.add_node(card["id"], name=card["name"])
    for fact in ties:
        ends = [fact["subject"], fact["object"]]
        if not all("id" in e for e in ends) or ends[0]["id"] == ends[1]["id"]:
            continue
        for end in ends:
            graph.add_node(end["id"], name=end["name"])
        a, b = ends[0]["id"], ends[1]["id"]
        other = b if a == card["id"] else a
        labels = graph.edges[a, b]["labels"] if graph.has_edge(a, b) else []
        label = tie_label(fact, other)
        if label not in labels:
            labels.append(label)
        graph.add_edge(a, b, labels=labels)
    if graph.number_of_nodes() < 2:
        return None
    if graph.number_of_nodes() == 2:
        layout = {n: (i * 2 - 1.0, 0.0) for i, n in enumerate(sorted(graph, key=lambda n: n != card["id"]))}
    else:
        layout = nx.spring_layout(graph, seed=SEED)
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]

    def fit(value: float, low: float, high: float, size: int) -> float:
        return round(MARGIN + (value - low) / ((high - low) or 1) * (size - 2 * MARGIN), 1) if high > low \
            else size / 2

    place = {n: (fit(p[0], min(xs), max(xs), GRAPH_WIDTH), fit(p[1], min(ys), max(ys), GRAPH_HEIGHT))
             for n, p in layout.items()}
    nodes = [{"id": n, "name": graph.nodes[n]["name"], "short": short(graph.nodes[n]["name"], 22),
              "x": place[n][0], "y": place[n][1], "ly": place[n][1] + NODE_RADIUS + 14, "centre": n == card["id"]}
             for n in sorted(graph)]
    edges = [{"x1": place[a][0], "y1": place[a][1], "x2": place[b][0], "y2": place[b][1],
              "lx": round((place[a][0] + place[b][0]) / 2, 1), "ly": round((place[a][1] + place[b][1]) / 2 - 4, 1),
              "label": ", ".join(data["labels"])} for a, b, data in sorted(graph.edges(data=True))]
    people = ", ".join(f"{graph.nodes[b if a == card['id'] else a]['name']} "
                       f"({', '.join(d['labels'])})" for a, b, d in sorted(graph.edges(data=True))
                       if card["id"] in (a, b))
    return {"width": GRAPH_WIDTH, "height": GRAPH_HEIGHT, "radius": NODE_RADIUS, "nodes": nodes, "edges": edges,
            "description": f"{card['name']} and {graph.number_of_nodes() - 1} related characters: {people}."}
