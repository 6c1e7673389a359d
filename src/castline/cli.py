"""The castline command line: thin wrappers that open the store, call the library, print."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
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

from .errors import CastlineError
from .export import FORMATS, ExportError, check, export_to
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


MAX_ROWS = 2**31 - 1  # a row count every database's integer holds

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


def open_store(db: str | None) -> Store:
    try:
        return Store(Settings().with_overrides(db=db).db)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc


def emit(data: Any, as_json: bool, table: Table | None = None) -> None:
    if as_json or table is None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        console.print(table)


def _table(title: str, *columns: str) -> Table:
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
) -> None:
    """Read articles into the knowledge base.

    Example: castline ingest samples/ https://example.com/feed.xml --db kb.db
    """
    settings = Settings().with_overrides(db=db, allow_private=allow_private)
    _run_with_progress(settings, "ingesting",
                       lambda store, tick: run_ingest(inputs, store, settings, jobs=jobs, on_progress=tick))


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
                       run: Callable[[Store, Callable[[str], None]], IngestReport]) -> None:
    """Open the store, run an ingest-like job under a progress bar, print what failed, one summary line and
    whether stored articles await re-extraction; exit 1 when anything failed."""
    store = open_store(settings.db)
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
        export_to(store, format, output, qids)
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
    store = open_store(db)
    with store.reads() as session:
        rows = queries.list_entities(session, type, limit=limit)
    table = _table("Entities", "id", "name", "type", "documents", "mentions")
    for row in rows:
        table.add_row(str(row["id"]), row["name"], row["type"], str(row["documents"]), str(row["mentions"]))
    emit(rows, as_json, table)


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
        console.print(shown("also: " + ", ".join(card["aliases"])))
    _print_why(card["why"])
    _print_view(card)
    table = _table("Facts", "subject", "predicate", "object", "qualifiers", "sources")
    for fact in card["facts"]:
        obj = fact["object"].get("name", fact["object"].get("value"))
        table.add_row(fact["subject"]["name"], fact["predicate"], str(obj),
                      ", ".join(f"{k}={v}" for k, v in fact["qualifiers"].items()),
                      "; ".join(sorted({s["source"] for s in fact["sources"]})))
    console.print(table)
    _print_quotes(card["quotes"], "Quotes")
    _print_timeline(card["timeline"])
    docs = _table("Articles", "id", "source", "mentions")
    for doc in card["documents"]:
        docs.add_row(str(doc["id"]), doc["source"], str(doc["mentions"]))
    console.print(docs)


def _print_why(why: dict[str, Any]) -> None:
    """The type votes of the entity's articles and the reasons they gave for its type."""
    if why["votes"]:
        votes = ", ".join(f"{v['type']} {v['votes']:.2f}" for v in why["votes"])
        console.print(shown(f"type votes of {why['articles']} article{'' if why['articles'] == 1 else 's'}: {votes}"))
    table = _table(f"Why {why['type']}", "reason", "articles")
    for reason in why["reasons"]:
        table.add_row(reason["text"], str(reason["articles"]))
    console.print(table)


def _print_view(card: dict[str, Any]) -> None:
    """What the card's type adds: a show's cast and episodes, a character's actors and ties."""
    view = card["view"]
    if card["type"] == "show":
        cast = _table("Cast", "actor", "character", "tenure")
        for row in view["cast"]:
            q = row["fact"]["qualifiers"]
            tenure = " ".join(filter(None, [f"{q['seasons']} seasons" if q.get("seasons") else "",
                                            f"since {q['start']}" if q.get("start") else "",
                                            f"until {q['end']}" if q.get("end") else ""]))
            cast.add_row(row["actor"]["name"], ", ".join(c["name"] for c in row["characters"]) or "—", tenure)
        console.print(cast)
        episodes = _table("Episodes", "season", "number", "title", "aired", "directed by")
        for e in view["episodes"]:
            episodes.add_row(str(e.get("season") or ""), str(e.get("number") or ""), e["episode"]["name"],
                             e.get("air_date") or "", ", ".join(d["name"] for d in e["directors"]))
        console.print(episodes)
        for f in view["networks"]:
            slot = f["qualifiers"].get("slot")
            console.print(shown(f"airs on {f['object']['name']}" + (f", {slot}" if slot else "")))
    elif card["type"] == "character":
        actors = ", ".join(f["subject"]["name"] for f in view["played_by"])
        console.print(shown(f"played by {actors or 'unknown'}"))
        for f in view["ties"]:
            console.print(shown(f"{f['subject']['name']} {f['predicate'].replace('_', ' ')} {f['object']['name']}"))


def _print_quotes(rows: list[dict[str, Any]], title: str) -> None:
    table = _table(title, "speaker", "outlet", "date", "kind", "text", "sources")
    for q in rows:
        table.add_row(q["speaker"] or "—", q["outlet"] or "—", q["date"] or "—", q["kind"], q["text"],
                      "; ".join(Path(a["source"]).name for a in q["appearances"]))
    console.print(table)


def _print_timeline(rows: list[dict[str, Any]]) -> None:
    table = _table("Timeline", "date", "event", "summary", "sources")
    for row in rows:
        table.add_row(row["date"] or "?", row["type"], row["summary"],
                      "; ".join(sorted({Path(s["source"]).name for s in row["sources"]})))
    console.print(table)


@app.command("quotes")
def quotes_command(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes by this speaker.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only quotes given to this outlet.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_ROWS, help="At most this many rows.")] = 500,
    as_json: JsonOption = False,
) -> None:
    """Who said what, to which outlet, when, and where it appeared.

    Example: castline quotes --speaker "Mara Quinn" --outlet Variety
    """
    store = open_store(db)
    with store.reads() as session:
        rows = queries.quotes(session, speaker=speaker, outlet=outlet, limit=limit)
    if as_json:
        emit(rows, True)
    else:
        _print_quotes(rows, "Quotes")


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
    else:
        _print_timeline(rows)


@app.command("conflicts")
def conflicts_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Where sources disagree, side by side: one character with two actors at once, ages that cannot all
    hold, several networks for one show, two season counts or air dates.

    Example: castline conflicts --json
    """
    store = open_store(db)
    with store.reads() as session:
        rows = find_conflicts(session)
    table = _table("Conflicts", "kind", "about", "value", "sources", "note")
    for row in rows:
        for n, value in enumerate(row["values"]):
            shown = str(value["value"]) + (f" (as of {value['as_of']})" if value.get("as_of") else "")
            sources = "; ".join(f"{s['outlet'] or Path(s['source']).name}"
                                f"{' ' + s['published'] if s['published'] else ''}: {s['text']}"
                                for s in value["sources"])
            table.add_row(row["label"] if n == 0 else "", row["summary"] if n == 0 else "", shown, sources,
                          row["note"] if n == 0 else "")
    emit(rows, as_json, table)


@app.command("sources")
def sources_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The articles in the knowledge base.

    Example: castline sources --json
    """
    store = open_store(db)
    with store.reads() as session:
        rows = queries.sources(session)
    table = _table("Articles", "id", "published", "outlet", "title", "entities", "quotes", "junk lines")
    for row in rows:
        published = (row["published"] or "?") + (" (inferred)" if row["published_inferred"] else "")
        table.add_row(str(row["id"]), published, row["outlet"] or "—", row["title"] or row["source"],
                      str(row["entities"]), str(row["quotes"]), str(row["removed"]))
    emit(rows, as_json, table)


@app.command()
def bench(
    corpus: Annotated[list[str], typer.Argument(help="Files, folders or URLs to measure on.")],
    repeat: Annotated[int, typer.Option(min=1, help="Ingest the corpus this many times over.")] = 1,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes, for spaCy and castline alike.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Throughput and memory against the bare spaCy model on the same texts, time per stage, re-ingest cost.

    Example: castline bench ../shared/corpus/seeds --repeat 20 --jobs 2
    """
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
) -> None:
    """Serve the web UI and JSON API (read-only) over a knowledge base.

    Example: castline serve --db demo.db --port 8000
    """
    import uvicorn

    from .web import create_app

    try:
        web_app = create_app(Settings().with_overrides(db=db).db)
    except CastlineError as exc:
        error(str(exc))
        raise typer.Exit(1) from exc
    console.print(shown(f"castline is serving http://{host}:{port}/ (API documented at http://{host}:{port}/docs)"))
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
