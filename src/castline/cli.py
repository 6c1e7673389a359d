"""The castline command line: thin wrappers that open the store, call the library, print."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from .errors import CastlineError, StoreError
from .export import FORMATS, ExportError, check, export_to
from .extract.typer import TYPES
from .kb import Store, cards, queries
from .kb.conflicts import find_conflicts
from .pipeline import IngestReport
from .pipeline import ingest as run_ingest
from .pipeline import reextract as run_reextract
from .settings import Settings

app = typer.Typer(help="castline: a sourced knowledge base of television, built from entertainment news.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or SQLAlchemy URL "
                                              "(default: $CASTLINE_DB, else ./castline.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines instead of a table.")]


MAX_ROWS = 2**31 - 1
MIN_TOKEN = 12  # an edit token shorter than this is guessable  # a row count every database's integer holds

# Terminal control characters but tab and newline: an article's title or name must not move the cursor, recolour
# the terminal or set its window title.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: object, style: str = "") -> Text:
    """Words from articles or users as the terminal gets them: never read as rich markup, without control codes."""
    return Text(CONTROL.sub("", str(value)), style=style)


def error(message: str) -> None:
    errors.print(Text("error: ", style="red") + shown(message), soft_wrap=True)


class PlainTable(Table):
    """A table whose text cells print as they are (`shown`)."""

    def add_row(self, *cells: Any, **options: Any) -> None:
        super().add_row(*(shown(cell) if isinstance(cell, str) else cell for cell in cells), **options)


def existing_db(db: str | None) -> str:
    """The knowledge base's location, which must exist (exit 2 when a file path names nothing)."""
    location = Settings().with_overrides(db=db).db
    if "://" not in location and not Path(location).expanduser().is_file():
        error(f"no knowledge base at {location}; run castline ingest first (or give --db)")
        raise typer.Exit(2)
    return location


def open_store(db: str | None, readonly: bool = True, create: bool = False) -> Store:
    """The knowledge base a command reads (or, with readonly=False, changes). Only `ingest` creates one (`create`):
    for every other command a mistyped --db is an error, not a new empty file."""
    location = Settings().with_overrides(db=db).db if create else existing_db(db)
    try:
        return Store(location, readonly=readonly)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc


def emit(data: Any, as_json: bool, table: Table | None = None) -> None:
    if as_json or table is None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console.print(table)


def heading(title: str) -> None:
    console.print(Text(title, style="bold underline"))


def indented(line: Text, indent: int) -> None:
    """`line` wrapped to the terminal's width less `indent`, every piece indented (no padding to the right)."""
    for piece in line.wrap(console, max(20, console.width - indent), overflow="fold"):
        piece.rstrip()
        console.print(Text(" " * indent) + piece, no_wrap=True, overflow="ignore")


def entry(first: Text, *lines: Text | str, detail: str | None = None) -> None:
    """One item of a list: its first line, then indented lines wrapped at the terminal's width, then a dim detail
    (a path or URL) cut with an ellipsis rather than folded over many lines."""
    indented(first, 0)
    for line in lines:
        indented(line if isinstance(line, Text) else shown(line), 4)
    if detail:
        line = shown(detail, "dim")
        line.truncate(max(20, console.width - 4), overflow="ellipsis")
        console.print(Text("    ") + line, no_wrap=True, overflow="ignore")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def more(shown_rows: int, total: int, noun: str) -> None:
    """The total under a list cut by --limit."""
    if total > shown_rows:
        console.print(shown(f"{shown_rows:,} of {total:,} {noun}; --limit to see more", "dim"))
    else:
        console.print(shown(f"{total:,} {noun}", "dim"))


def _table(title: str | None, *columns: str) -> Table:
    table = PlainTable(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl, feeds), folders or URLs.")],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="Allow fetching private and loopback addresses.")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Parse and extract on the workers of this "
                                                  "Dask scheduler (tcp://HOST:8786); needs castline[dask].")] = None,
    dask_workers: Annotated[int | None, typer.Option("--dask-workers", min=1, help="Parse and extract on a local "
                                                     "Dask cluster of N worker processes.")] = None,
) -> None:
    """Read articles into the knowledge base.

    Example: castline ingest samples/ https://example.com/feed.xml --db kb.db
    """
    settings = Settings().with_overrides(db=db, allow_private=allow_private)
    if scheduler or dask_workers:
        from .scale import ingest_on_cluster, require_dask

        if scheduler and dask_workers:
            error("give --scheduler or --dask-workers, not both")
            raise typer.Exit(2)
        try:
            require_dask()
        except CastlineError as exc:
            error(str(exc))
            raise typer.Exit(2) from exc
        _run_with_progress(settings, "ingesting", create=True,
                           run=lambda store, tick: ingest_on_cluster(inputs, store, settings, scheduler, dask_workers,
                                                                     on_progress=tick))
        return
    _run_with_progress(settings, "ingesting", create=True,
                       run=lambda store, tick: run_ingest(inputs, store, settings, jobs=jobs, on_progress=tick))


@app.command()
def reextract(
    db: DbOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Every article, not only those an older castline "
                                                           "extracted.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
) -> None:
    """Extract the stored articles again from their stored text and metadata: run it after upgrading castline
    (only articles an older castline extracted are redone, unless --all).

    Example: castline reextract --db kb.db --jobs 2
    """
    settings = Settings().with_overrides(db=db)
    _run_with_progress(settings, "re-extracting",
                       lambda store, tick: run_reextract(store, settings, everything=everything, jobs=jobs,
                                                         on_progress=tick))


def _run_with_progress(settings: Settings, label: str,
                       run: Callable[[Store, Callable[[str], None]], IngestReport], create: bool = False) -> None:
    """Open the store (creating it if `create`), run an ingest-like job under a progress bar, print what failed, one
    summary line and whether stored articles await re-extraction; exit 1 when anything failed."""
    store = open_store(settings.db, readonly=False, create=create)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    try:
        with Progress(*columns, console=errors, transient=True) as progress:
            task = progress.add_task(label, total=None)
            report = run(store, lambda source: progress.update(task, advance=1, description=Path(source).name[:40]))
        with store.reads() as session:
            outdated = len(queries.outdated(session))
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc
    finally:
        store.close()
    for source, reason in report.failed:
        errors.print(Text("failed ", style="red") + shown(f"{source}: {reason}"), soft_wrap=True)
    console.print(shown(report.summary()))
    if outdated:
        errors.print(f"{outdated} stored article{'s were' if outdated > 1 else ' was'} extracted by an older castline "
                     "(or failed to be extracted again): run castline reextract")
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help=f"Export format: {', '.join(FORMATS)}.")] = "kb-json",
    output: Annotated[str, typer.Option("-o", "--output", help="File (a folder for csv) to write; - for stdout "
                                        "(kb-json, jsonld only).")] = "-",
    qids: Annotated[str | None, typer.Option("--qids", help="wikidata only: a CSV of name,Q-id; rows whose items "
                                             "are all known are also written as QuickStatements to PATH.qs.")] = None,
    include_rejected: Annotated[bool, typer.Option("--include-rejected", help="Keep the facts an editor rejected "
                                                   "(marked status: rejected).")] = False,
) -> None:
    """Export the knowledge base.

    Example: castline export --db kb.db --format csv -o kb-tables
    """
    try:
        check(format, output, qids)
    except ExportError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    store = open_store(db)
    try:
        export_to(store, format, output, qids, include_rejected)
    except OSError as exc:
        error(f"cannot write {exc.filename or output}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    finally:
        store.close()


@app.command()
def entities(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="Only this entity type.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="At most this many rows.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """List entities, most mentioned first.

    Example: castline entities --type person
    """
    if type is not None and type not in TYPES:
        error(f"unknown entity type {type!r}; the types are {', '.join(TYPES)}")
        raise typer.Exit(2)
    store = open_store(db)
    with store.reads() as session:
        rows = queries.list_entities(session, type, limit=limit)
        total = queries.entity_count(session, type)
    if as_json:
        emit(rows, True)
        return
    table = _table(None, "id", "name", "type", "articles", "mentions")
    for row in rows:
        table.add_row(str(row["id"]), row["name"], row["type"], str(row["documents"]), str(row["mentions"]))
    console.print(table)
    more(len(rows), total, "entities")


def _one_entity(session, name: str) -> int:
    found = queries.find_entities(session, name)
    if not found:
        error(f"no entity called {name!r}")
        raise typer.Exit(1)
    return found[0].id


@app.command()
def show(name: Annotated[str, typer.Argument(help="Entity name or alias.")], db: DbOption = None,
         as_json: JsonOption = False) -> None:
    """Show an entity card: type, aliases, facts with sources, quotes, timeline.

    Example: castline show "Mara Quinn"
    """
    store = open_store(db)
    with store.reads() as session:
        card = cards.card(session, _one_entity(session, name))
    if as_json:
        emit(card, True)
        return
    console.print(shown(card["name"], style="bold") + shown(f" ({card['type']})"))
    if card["aliases"]:
        console.print(shown("also called " + ", ".join(card["aliases"])))
    _print_why(card["why"])
    _print_view(card)
    if card["facts"]:
        heading("Facts")
        for fact in card["facts"]:
            _print_fact(fact)
    if card["quotes"]:
        heading("Quotes")
        _print_quotes(card["quotes"])
    if card["timeline"]:
        heading("Timeline")
        _print_timeline(card["timeline"])
    if card["documents"]:
        heading("Articles")
        for doc in card["documents"]:
            entry(shown(queries.article_title(doc["title"], doc["source"])),
                  detail=f"{plural(doc['mentions'], 'mention')} · {doc['source']}")


def _print_why(why: dict[str, Any]) -> None:
    """The type votes of the entity's articles and the reasons they gave for its type."""
    if why["votes"]:
        votes = ", ".join(f"{v['type']} {v['votes']:.2f}" for v in why["votes"])
        console.print(shown(f"type votes of {why['articles']} article{'' if why['articles'] == 1 else 's'}: {votes}"))
    if why["reasons"]:
        heading(f"Why {why['type']}")
        for reason in why["reasons"]:
            entry(shown(f"• {reason['text']}") + shown(f" ({reason['articles']} article"
                                                       f"{'' if reason['articles'] == 1 else 's'})", "dim"))


def qualifier_text(qualifiers: dict[str, Any]) -> str:
    """A fact's details as words: "seasons 7, since 2019-05-02, show Harbor Lights" (names, not records)."""
    parts = []
    for key, value in qualifiers.items():
        if isinstance(value, dict):
            value = value.get("name") or value.get("value")
        elif isinstance(value, list):
            value = ", ".join(str(v.get("name", v) if isinstance(v, dict) else v) for v in value)
        if value not in (None, ""):
            parts.append(f"{key.replace('_', ' ')} {value}")
    return ", ".join(parts)


def _sources_line(sources: list[dict[str, Any]], total: int | None = None) -> str:
    titles = list(dict.fromkeys(s.get("title") or queries.article_title(None, s["source"]) for s in sources))
    extra = (total or len(sources)) - len(sources)
    return "from " + "; ".join(titles) + (f" and {extra} more" if extra > 0 else "")


def _print_fact(fact: dict[str, Any]) -> None:
    obj = fact["object"].get("name", fact["object"].get("value"))
    details = qualifier_text(fact["qualifiers"])
    first = shown(f"• {fact['subject']['name']} ") + shown(fact["predicate"].replace("_", " "), "italic") + \
        shown(f" {obj}") + shown(f" ({details})" if details else "", "dim")
    lines = [shown(_sources_line(fact["sources"], fact.get("sources_total")), "dim")] if fact["sources"] else []
    entry(first, *lines)


def _print_view(card: dict[str, Any]) -> None:
    """What the card's type adds: a show's cast and episodes, a character's actors and ties."""
    view = card["view"]
    if card["type"] == "show":
        for f in view["networks"]:
            slot = f["qualifiers"].get("slot")
            console.print(shown(f"airs on {f['object']['name']}" + (f", {slot}" if slot else "")))
        if view["cast"]:
            heading("Cast")
        for row in view["cast"]:
            q = row["fact"]["qualifiers"]
            tenure = ", ".join(filter(None, [f"{q['seasons']} seasons" if q.get("seasons") else "",
                                             f"since {q['start']}" if q.get("start") else "",
                                             f"until {q['end']}" if q.get("end") else ""]))
            roles = ", ".join(c["name"] for c in row["characters"])
            entry(shown(f"• {row['actor']['name']}") + shown(f" as {roles}" if roles else "")
                  + shown(f" ({tenure})" if tenure else "", "dim"))
        if view["episodes"]:
            heading("Episodes")
        for e in view["episodes"]:
            number = "".join(filter(None, [f"S{e['season']}" if e.get("season") else "",
                                           f"E{e['number']}" if e.get("number") else ""]))
            directors = ", ".join(d["name"] for d in e["directors"])
            entry(shown(f"• {number + ' ' if number else ''}{e['episode']['name']}"),
                  *filter(None, [f"aired {e['air_date']}" if e.get("air_date") else "",
                                 f"directed by {directors}" if directors else ""]))
    elif card["type"] == "character":
        actors = ", ".join(f["subject"]["name"] for f in view["played_by"])
        console.print(shown(f"played by {actors or 'unknown'}"))
        for f in view["ties"]:
            console.print(shown(f"{f['subject']['name']} {f['predicate'].replace('_', ' ')} {f['object']['name']}"))


def _print_quotes(rows: list[dict[str, Any]]) -> None:
    """Each quote as speaker — outlet, date; then its words wrapped to the terminal; then where it appeared."""
    for q in rows:
        speaker = q["speaker"] or (f"{q['lent_speaker']} (by its repeats)" if q.get("lent_speaker") else "unknown")
        outlet = q["outlet"] or q.get("lent_outlet")
        date = q["date"] or q.get("lent_date")
        first = shown(speaker, "bold") + shown(f" — {outlet}" if outlet else "") + shown(f", {date}" if date else "") \
            + shown(f" ({q['kind']})" if q["kind"] != "direct" else "", "dim")
        words = f"“{q['text']}”" if q["kind"] == "direct" else q["text"]
        where = [a.get("title") or queries.article_title(None, a["source"]) for a in q["appearances"]] \
            or [queries.article_title(q.get("title"), q["source"])]
        entry(first, shown(words), shown("in " + "; ".join(dict.fromkeys(where)), "dim"))


def _print_timeline(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        entry(shown(row["date"] or "undated", "bold") + shown(f"  {row['type'].replace('_', ' ')}"),
              shown(row["summary"]), shown(_sources_line(row["sources"]), "dim"))


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only quotes given to this outlet.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="At most this many quotes.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Who said what, to which outlet, when, and where it appeared.

    Example: castline quotes --speaker "Mara Quinn" --outlet Variety
    """
    store = open_store(db)
    with store.reads() as session:
        rows = queries.quotes(session, speaker=speaker, outlet=outlet, limit=limit)
        total = queries.quote_count(session, speaker=speaker, outlet=outlet)
    if as_json:
        emit(rows, True)
        return
    _print_quotes(rows)
    more(len(rows), total, "quotes")


@app.command("timeline")
def timeline_command(name: Annotated[str, typer.Argument(help="Person, character or show.")],
                     db: DbOption = None, as_json: JsonOption = False) -> None:
    """A timeline across all articles, in date order, each row with its sources.

    Example: castline timeline "Harbor Lights"
    """
    store = open_store(db)
    with store.reads() as session:
        rows = queries.timeline(session, _one_entity(session, name))
    if as_json:
        emit(rows, True)
    elif rows:
        _print_timeline(rows)
    else:
        console.print(shown(f"no dated events for {name}", "dim"))


@app.command("conflicts")
def conflicts_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Where sources disagree, side by side: one character with two actors at once, ages that cannot all
    hold, several networks for one show, two season counts or air dates.

    Example: castline conflicts --json
    """
    store = open_store(db)
    with store.reads() as session:
        rows = find_conflicts(session)
    if as_json:
        emit(rows, True)
        return
    for row in rows:
        entry(shown(f"{row['label']}: ", "bold") + shown(row["summary"]), *([shown(row["note"], "dim")]
                                                                            if row["note"] else []))
        for value in row["values"]:
            said = str(value["value"]) + (f" (as of {value['as_of']})" if value.get("as_of") else "")
            indented(shown(f"• {said}"), 4)
            for source in value["sources"]:
                who = ", ".join(filter(None, [source["outlet"], source["published"]]))
                indented(shown(f"{who + ': ' if who else ''}{source['text']}", "dim"), 6)
    console.print(shown(f"{len(rows)} conflict{'' if len(rows) == 1 else 's'}", "dim"))


@app.command("sources")
def sources_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="At most this many articles.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """The articles in the knowledge base, newest first.

    Example: castline sources --json
    """
    store = open_store(db)
    with store.reads() as session:
        rows = queries.sources(session, limit)
        total = queries.counts(session)["articles"]
    if as_json:
        emit(rows, True)
        return
    for row in rows:
        published = (row["published"] or "date unknown") + (" (inferred)" if row["published_inferred"] else "")
        counts = f"{plural(row['entities'], 'entity', 'entities')}, {plural(row['quotes'], 'quote')}" + \
            (f", {row['removed']} lines removed" if row["removed"] else "")
        entry(shown(f"{row['id']:>4}  ", "dim") + shown(row["headline"], "bold"),
              shown(" · ".join(filter(None, [row["outlet"], published, counts]))), detail=row["source"])
    more(len(rows), total, "articles")


@app.command()
def bench(
    corpus: Annotated[list[str], typer.Argument(help="Files, folders or URLs to measure on.")],
    repeat: Annotated[int, typer.Option(min=1, help="Ingest the corpus this many times over.")] = 1,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes, for spaCy and castline alike.")] = 1,
    as_json: JsonOption = False,
    scale: Annotated[bool, typer.Option("--scale", help="The scale figures instead (JSON): a local Dask cluster of "
                                        "--jobs workers against --jobs, merge cost per article at 1k, 10k and 100k "
                                        "articles, the entity page's p95 (docs/performance.md).")] = False,
    postgres: Annotated[str | None, typer.Option("--postgres", help="With --scale, measure the merge on this "
                                                 "PostgreSQL URL too (an empty schema).")] = None,
    workdir: Annotated[Path | None, typer.Option("--workdir", help="With --scale, where the knowledge bases go "
                                                 "(a few GB at 100k articles).")] = None,
) -> None:
    """Throughput and memory against the bare spaCy model on the same texts, time per stage, re-ingest cost.

    Example: castline bench ../shared/corpus/seeds --repeat 20 --jobs 2
    """
    if scale:
        import tempfile

        from .scalebench import run as run_scale

        with tempfile.TemporaryDirectory(dir=workdir) as tmp:
            emit(run_scale(corpus, tmp, workers=max(jobs, 2), postgres=postgres), True)
        return
    from .bench import run

    figures = run(corpus, repeat=repeat, jobs=jobs)
    if as_json:
        emit(figures, True)
        return
    castline, bare = figures["castline"], figures["bare_spacy"]
    table = _table(f"castline bench: {figures['documents']} articles, {figures['jobs']} job(s)", "measure", "value")
    table.add_row("bare spaCy (nlp.pipe)", f"{bare['docs_per_second']:.1f} docs/s ({bare['seconds']:.1f} s)")
    table.add_row("castline ingest", f"{castline['docs_per_second']:.1f} docs/s ({castline['seconds']:.1f} s)")
    table.add_row("ratio to bare spaCy", f"{castline['ratio_to_bare_spacy']:.2f}")
    for stage, seconds in castline["stages"].items():
        table.add_row(f"  stage {stage}", f"{seconds:.2f} s (summed over processes)")
    table.add_row("re-ingest unchanged", f"{figures['reingest']['seconds']:.2f} s "
                                         f"({figures['reingest']['share_of_first']:.1%} of the first ingest)")
    rss = figures["peak_rss_mb"]
    table.add_row("peak RSS", f"main {rss['main']:.0f} MB, largest worker {rss['largest_worker']:.0f} MB")
    table.add_row("entity page (median)", f"{figures['entity_page_ms']:.1f} ms")
    console.print(table)


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write the corpus into.")],
    articles: Annotated[int, typer.Option("--articles", "-n", min=1, help="How many articles.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed writes the same corpus.")] = 7,
) -> None:
    """Write a synthetic corpus of invented-franchise articles (txt, scraped txt, HTML, JSONL) for benchmarks.

    Example: castline synth /tmp/corpus-10k --articles 10000
    """
    from .synth import write_corpus

    files = write_corpus(out, articles, seed)
    console.print(shown(f"wrote {articles} articles in {files} files under {out}"))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    edit: Annotated[bool, typer.Option("--edit", help="Let editors who log in with $CASTLINE_EDIT_TOKEN review "
                                       "facts and entities in the UI.")] = False,
) -> None:
    """Serve the web UI and JSON API (read-only, unless --edit) over a knowledge base.

    Example: CASTLINE_EDIT_TOKEN=... castline serve --db demo.db --port 8000 --edit
    """
    import uvicorn

    from .web import create_app

    token = os.environ.get("CASTLINE_EDIT_TOKEN", "").strip() if edit else None
    if edit and len(token or "") < MIN_TOKEN:
        error(f"--edit needs a token of at least {MIN_TOKEN} characters in CASTLINE_EDIT_TOKEN")
        raise typer.Exit(2)
    try:
        web_app = create_app(existing_db(db), edit_token=token)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc
    console.print(shown(f"castline is serving http://{host}:{port}/ (API documented at http://{host}:{port}/docs)"))
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed or page URLs (or files) to poll.")],
    db: DbOption = None,
    every: Annotated[float, typer.Option("--every", min=1, help="Seconds between rounds.")] = 900,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="Allow fetching private and loopback addresses.")] = False,
) -> None:
    """Poll feeds and pages with conditional GET and ingest only new entries, until Ctrl-C or SIGTERM.

    Example: castline watch https://example.com/tv/feed.xml --every 600 --db kb.db
    """
    import signal
    import threading

    from .watch import watch as run_watch

    settings = Settings().with_overrides(db=db, allow_private=allow_private)
    store = open_store(settings.db, readonly=False, create=True)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())

    def said(report) -> None:
        for source, reason in report.down + report.ingest.failed:
            errors.print(Text("failed ", style="red") + shown(f"{source}: {reason}"), soft_wrap=True)
        console.print(shown(f"{datetime.now().strftime('%H:%M:%S')} {report.summary()}"))

    try:
        rounds = run_watch(sources, store, settings, every, once=once, jobs=jobs, stop=stop, on_round=said)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc
    finally:
        store.close()
    console.print(shown(f"stopped after {plural(rounds, 'round')}"))


def parse_since(value: str) -> datetime:
    """A date or a date and time (ISO 8601, UTC unless it says otherwise) as naive UTC, as the store keeps it."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (2026-11-01 or 2026-11-01T08:00)") from None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


@app.command("changes")
def changes_command(
    since: Annotated[str, typer.Option("--since", help="A date (or date and time, UTC): list what is new since.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="At most this many of each kind.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """What is new since a date: facts first stated, quotes, conflicts that arose, each with its article.

    Example: castline changes --since 2026-11-01 --json
    """
    from .kb.changes import changes

    moment = parse_since(since)
    store = open_store(db)
    with store.reads() as session:
        found = changes(session, moment, limit)
    if as_json:
        emit(found, True)
        return
    if found["facts"]:
        heading("New facts")
        for fact in found["facts"]:
            _print_fact(fact)
    if found["quotes"]:
        heading("New quotes")
        _print_quotes(found["quotes"])
    if found["conflicts"]:
        heading("New or growing conflicts")
        for conflict in found["conflicts"]:
            entry(shown(f"{conflict['label']}: ", "bold") + shown(conflict["summary"]))
    console.print(shown(f"since {found['since']}: {plural(len(found['facts']), 'fact')}, "
                        f"{plural(len(found['quotes']), 'quote')}, {plural(len(found['conflicts']), 'conflict')}",
                        "dim"))


cast_app = typer.Typer(help="Editors' cast lists: names castline takes as known.", no_args_is_help=True)
app.add_typer(cast_app, name="cast")


@cast_app.command("import")
def cast_import(
    file: Annotated[Path, typer.Argument(help="CSV with a header: show, actor, character, network, start, end.")],
    db: DbOption = None,
) -> None:
    """Store an editor's cast list: its facts (sourced to the file), its names' types, and the actor-character
    pairs every article stored afterwards is read with. Importing the same file again replaces it.

    Example: castline cast import cast.csv --db kb.db
    """
    from .kb.castlist import CastListError, import_cast_list

    settings = Settings().with_overrides(db=db)
    store = open_store(settings.db, readonly=False, create=True)
    try:
        report = import_cast_list(store, file)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(2 if isinstance(exc, CastListError) else 1) from None
    finally:
        store.close()
    for reason in report.errors:
        errors.print(Text("skipped ", style="red") + shown(reason), soft_wrap=True)
    console.print(shown(f"imported {plural(report.rows, 'row')} of {file}, skipped {len(report.errors)}"))
    if report.marked:
        errors.print(f"{plural(report.marked, 'stored article')} name{'s' if report.marked == 1 else ''} people "
                     "on the list: run castline reextract to read them with it")
    raise typer.Exit(1 if report.errors else 0)


review_app = typer.Typer(help="Review the knowledge base: confirm or reject facts, merge and split entities, set "
                                "types. Decisions are kept with who made them and when, and outlive re-ingest.",
                           no_args_is_help=True)
app.add_typer(review_app, name="review")
ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: the login name).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, for the log.")]
STATUS_STYLES = {"confirmed": "green", "rejected": "red", "unreviewed": "dim"}


def _deciding(db: str | None, decide: Callable[[Store], dict[str, Any]]) -> None:
    from .kb.review import ReviewError

    store = open_store(db, readonly=False)
    try:
        decision = decide(store)
    except (ReviewError, StoreError) as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    finally:
        store.close()
    console.print(shown(f"decision {decision['id']}: {decision['kind']} {decision['what']}"
                        + (f" → entity {decision['new_entity']}" if decision.get("new_entity") else "")
                        + f" (by {decision['by']})"))


@review_app.command("list")
def review_list_command(
    db: DbOption = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only facts about this entity.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="unreviewed, confirmed or rejected.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Facts with their ids, confidence, sources and review status.

    Example: castline review list --entity "Mara Quinn" --status unreviewed
    """
    from .kb.review import STATUSES, ReviewError, review_list

    if status is not None and status not in STATUSES:
        error(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        raise typer.Exit(2)
    store = open_store(db)
    try:
        with store.reads() as session:
            rows = review_list(session, entity, status)
    except ReviewError as exc:
        error(str(exc))
        raise typer.Exit(1) from None
    if as_json:
        emit(rows, True)
        return
    for fact in rows:
        obj = fact["object"].get("name", fact["object"].get("value"))
        details = qualifier_text(fact["qualifiers"])
        first = shown(f"{fact['id']:>5}  ", "dim") + shown(fact["status"], STATUS_STYLES[fact["status"]]) + \
            shown(f"  {fact['subject']['name']} {fact['predicate'].replace('_', ' ')} {obj}") + \
            shown(f" ({details})" if details else "", "dim")
        lines = [shown(f"confidence {fact['confidence']:.2f}; " + _sources_line(fact["sources"], fact["sources_total"]),
                       "dim")]
        if fact.get("decision"):
            d = fact["decision"]
            lines.append(shown(f"{d['kind']} by {d['by']} on {d['at'][:10]}" + (f": {d['note']}" if d["note"] else "")))
        for ev in fact.get("contested", []):
            lines.append(shown(f"contested by {queries.article_title(None, ev['source'])}: {ev['text']}", "yellow"))
        entry(first, *lines)
    console.print(shown(plural(len(rows), "fact"), "dim"))


@review_app.command("confirm")
def review_confirm(fact_id: Annotated[int, typer.Argument(help="Fact id (castline review list).")],
                   db: DbOption = None, by: ByOption = None, note: NoteOption = None) -> None:
    """Confirm a fact.

    Example: castline review confirm 42 --note "checked against the network's press release"
    """
    from .kb.review import decide_fact

    _deciding(db, lambda store: decide_fact(store, fact_id, "confirm", by, note))


@review_app.command("reject")
def review_reject(fact_id: Annotated[int, typer.Argument(help="Fact id (castline review list).")],
                  db: DbOption = None, by: ByOption = None, note: NoteOption = None) -> None:
    """Reject a fact: it leaves exports, and stays rejected when another article states it again (contested).

    Example: castline review reject 42 --note "a different actor of the same name"
    """
    from .kb.review import decide_fact

    _deciding(db, lambda store: decide_fact(store, fact_id, "reject", by, note))


@review_app.command("merge")
def review_merge(entity_id: Annotated[int, typer.Argument(help="The entity to fold in.")],
                 into_id: Annotated[int, typer.Argument(help="The entity it is.")],
                 db: DbOption = None, by: ByOption = None, note: NoteOption = None) -> None:
    """Merge one entity into another, now and whenever their articles are read again.

    Example: castline review merge 17 4
    """
    from .kb.review import merge

    _deciding(db, lambda store: merge(store, entity_id, into_id, by, note))


@review_app.command("split")
def review_split(entity_id: Annotated[int, typer.Argument(help="The entity to split.")],
                 alias: Annotated[str, typer.Option("--alias", help="The name whose articles' mentions leave it.")],
                 db: DbOption = None, by: ByOption = None, note: NoteOption = None) -> None:
    """Split an entity: the mentions of the articles that call it ALIAS become an entity of their own.

    Example: castline review split 4 --alias "Jo Marsh"
    """
    from .kb.review import split

    _deciding(db, lambda store: split(store, entity_id, alias, by, note))


@review_app.command("type")
def review_type(entity_id: Annotated[int, typer.Argument(help="The entity.")],
                kind: Annotated[str, typer.Argument(metavar="TYPE", help=f"One of {', '.join(TYPES)}.")],
                db: DbOption = None, by: ByOption = None, note: NoteOption = None) -> None:
    """Set an entity's type, whatever its articles vote.

    Example: castline review type 12 character
    """
    from .kb.review import set_type

    if kind not in TYPES:
        error(f"unknown entity type {kind!r}; the types are {', '.join(TYPES)}")
        raise typer.Exit(2)
    _deciding(db, lambda store: set_type(store, entity_id, kind, by, note))


@review_app.command("log")
def review_log_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Every editorial decision, oldest first: who, when, what, why.

    Example: castline review log --json
    """
    from .kb.review import review_log

    store = open_store(db)
    with store.reads() as session:
        rows = review_log(session)
    if as_json:
        emit(rows, True)
        return
    for d in rows:
        entry(shown(f"{d['at'][:16].replace('T', ' ')}  {d['by']}  ", "dim") + shown(f"{d['kind']} ", "bold")
              + shown(d["what"]), *([shown(d["note"])] if d["note"] else []))
    console.print(shown(plural(len(rows), "decision"), "dim"))


if __name__ == "__main__":
    app()
