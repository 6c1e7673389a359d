"""The read-only web UI and JSON API over a knowledge base (FastAPI + Jinja2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware

from ..export import export_kb
from ..extract.typer import TYPES
from ..kb import Store, cards, queries, search
from ..kb.changes import changes
from ..kb.conflicts import find_conflicts
from . import charts
from .edit import add_edit_routes
from .feeds import changes_atom
from .highlight import Layer, segments

HERE = FilePath(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
PAGE_SIZE = 50
MAX_PAGE = 500
QUOTES_PER_PAGE = 50  # an article's quotes listed on its page at once
# What a request may ask for: ids and offsets that every database's integer holds (PostgreSQL's is 32 bits), words
# no longer than a long name and without NUL (that no database column holds). Anything else is a 422, not a 500.
MAX_ID = 2**31 - 1
MAX_WORDS = 1000
NO_NUL = r"^[^\x00]*$"


class SecurityHeaders(BaseHTTPMiddleware):
    """Every response forbids inline script and outside resources: article text can never run."""

    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Rows to skip.")]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Words = Annotated[str | None, Query(max_length=MAX_WORDS, pattern=NO_NUL)]
FormWords = Annotated[str, Query(max_length=MAX_WORDS, pattern=NO_NUL)]
PageNo = Annotated[int, Query(ge=1, le=MAX_ID, description=f"Page of the list, {PAGE_SIZE} a page.")]
QuotePage = Annotated[int, Query(ge=1, le=MAX_ID, description="Page of the article's quotes, "
                                                                  f"{QUOTES_PER_PAGE} a page.")]


def web_link(url: str | None) -> str | None:
    """A URL fit to link to: http(s) only, so that an article's `javascript:` or `data:` address is never a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url
    return None


def headline(row: dict[str, Any]) -> str:
    """The title an article row (with `title` and `source`) is shown by."""
    return queries.article_title(row.get("title"), row.get("source") or "")


def pagination(request: Request, total: int, number: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Where a page of a list stands: the total, this page of how many, and the addresses of its neighbours (the
    request's own query with another `page`)."""
    pages = max(1, -(-total // size))

    def url(n: int) -> str:
        query = {k: v for k, v in request.query_params.items() if k != "page"} | {"page": n}
        return f"{request.url.path}?{urlencode(query)}"

    return {"total": total, "page": number, "pages": pages, "first": min(total, (number - 1) * size + 1),
            "last": min(total, number * size), "previous": url(number - 1) if number > 1 else None,
            "next": url(number + 1) if number < pages else None}


def create_app(db: str, edit_token: str | None = None) -> FastAPI:
    """The app over the knowledge base at `db`, opened read-only; with `edit_token`, editors who log in with it
    may also review (web/edit.py)."""
    store = Store(db, readonly=True)
    app = FastAPI(title="castline", version="1", docs_url=None, redoc_url=None,
                  description="A sourced knowledge base of television, built from entertainment news. "
                              "Every fact and quote links back to the sentence it came from.")
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["web_link"] = web_link
    templates.env.filters["headline"] = headline

    editors = None

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context |= {"editing": editors is not None, "editor": editors.of(request) if editors else None}
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def for_browser(request: Request) -> bool:
        """Pages answer errors with a page; the API (and a client that asks for JSON) with JSON."""
        return not request.url.path.startswith(("/api/", "/openapi")) \
            and "application/json" not in request.headers.get("accept", "")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if not for_browser(request):
            return await http_exception_handler(request, exc)
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                    message="No such page." if exc.detail == "Not Found" else str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        if not for_browser(request):
            return await request_validation_exception_handler(request, exc)
        problems = ["{}: {}".format(".".join(str(p) for p in e["loc"][1:]) or "request", e["msg"])
                    for e in exc.errors()]
        return page(request, "error.html", status_code=422, status=422,
                    message="This address asks for something the page cannot show: " + "; ".join(problems))

    if edit_token:
        editors = add_edit_routes(app, db, edit_token, page)

    def card_or_404(session, entity_id: int) -> dict[str, Any]:
        card = cards.card(session, entity_id)
        if card is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return card

    # ---- API -----------------------------------------------------------------------------------

    @app.get("/api/entities", tags=["entities"], summary="List entities, most mentioned first")
    def api_entities(type: Words = None, limit: Limit = PAGE_SIZE, offset: Offset = 0):
        with store.reads() as session:
            return {"items": queries.list_entities(session, type, limit, offset), "total": queries.entity_count(
                session, type), "limit": limit, "offset": offset}

    @app.get("/api/entities/{entity_id}", tags=["entities"],
             summary="An entity card: aliases, facts with sources, quotes, timeline, articles, why it has its type")
    def api_entity(entity_id: Id):
        with store.reads() as session:
            return JSONResponse(card_or_404(session, entity_id))

    @app.get("/api/timeline/{entity_id}", tags=["entities"], summary="An entity's timeline across articles")
    def api_timeline(entity_id: Id):
        with store.reads() as session:
            card_or_404(session, entity_id)
            return {"items": queries.timeline(session, entity_id)}

    @app.get("/api/quotes", tags=["quotes"], summary="Quotes, filtered by speaker, outlet, show, words, dates")
    def api_quotes(speaker: Words = None, outlet: Words = None,
                   show: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None, q: Words = None,
                   since: Words = None, until: Words = None, limit: Limit = PAGE_SIZE, offset: Offset = 0):
        with store.reads() as session:
            filters = {"show_id": show, "text": q, "since": since, "until": until}
            items = queries.quotes(session, speaker, outlet, limit=limit, offset=offset, **filters)
            total = queries.quote_count(session, speaker, outlet, **filters)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/documents", tags=["articles"], summary="Articles, newest first")
    def api_documents(limit: Limit = PAGE_SIZE, offset: Offset = 0):
        with store.reads() as session:
            return {"items": queries.sources(session, limit, offset), "total": queries.counts(session)["articles"],
                    "limit": limit, "offset": offset}

    @app.get("/api/documents/{document_id}", tags=["articles"],
             summary="An article: cleaned text, removed lines, and every extracted span")
    def api_document(document_id: Id, quotes_page: QuotePage = 1):
        with store.reads() as session:
            doc = queries.document(session, document_id, quotes_page, QUOTES_PER_PAGE)
        if doc is None:
            raise HTTPException(404, f"no article {document_id}")
        return doc

    @app.get("/api/conflicts", tags=["facts"], summary="Facts where sources disagree")
    def api_conflicts():
        with store.reads() as session:
            found = find_conflicts(session)
        return {"items": found, "total": len(found)}

    @app.get("/api/search", tags=["search"],
             summary="Entities (by name or alias), articles (by title) and quotes (by their words) like the words, "
                     "best match first; a typo still finds them")
    def api_search(q: Annotated[str, Query(min_length=1, max_length=MAX_WORDS, pattern=NO_NUL)],
                   limit: Limit = PAGE_SIZE, offset: Offset = 0):
        with store.reads() as session:
            return search.search(session, q, limit, offset)

    @app.get("/api/export", tags=["export"], summary="The whole knowledge base as castline-kb/1 JSON")
    def api_export():
        body = json.dumps(export_kb(store), ensure_ascii=False)
        return Response(body, media_type="application/json",
                        headers={"Content-Disposition": 'attachment; filename="castline-kb.json"'})

    # ---- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        with store.reads() as session:
            return page(request, "home.html", counts=queries.counts(session),
                        articles=queries.sources(session, 10), people=queries.list_entities(session, "person", 12),
                        shows=queries.list_entities(session, "show", 12))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: FormWords = "", page_no: Annotated[PageNo, Query(alias="page")] = 1):
        with store.reads() as session:
            results = search.search(session, q, PAGE_SIZE, (page_no - 1) * PAGE_SIZE) if q.strip() else None
        pages = {kind: pagination(request, results[kind + "_total"], page_no) | {"capped": results[kind + "_capped"]}
                 for kind in search.KINDS} if results else {}
        return page(request, "search.html", q=q, results=results, pages=pages, page_no=page_no)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, type: FormWords = "", page_no: Annotated[PageNo, Query(alias="page")] = 1):
        with store.reads() as session:
            rows = queries.list_entities(session, type or None, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
            total = queries.entity_count(session, type or None)
        return page(request, "entities.html", rows=rows, type=type, types=TYPES,
                    pager=pagination(request, total, page_no))

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: Id):
        with store.reads() as session:
            card = card_or_404(session, entity_id)
            drawn = charts.cast_timeline(card) if card["type"] == "show" else None
        graph = charts.relation_graph(card) if card["type"] == "character" else None
        return page(request, "entity.html", card=card, view=card["view"], cast_chart=drawn, graph=graph,
                    types=TYPES)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: FormWords = "", outlet: FormWords = "", show: FormWords = "",
                    since: FormWords = "", until: FormWords = "", q: FormWords = "",
                    page_no: Annotated[PageNo, Query(alias="page")] = 1):
        with store.reads() as session:
            show_ids = [e.id for e in queries.find_entities(session, show)] if show else []
            filters = {"show_id": show_ids[0] if show_ids else None, "text": q or None, "since": since or None,
                       "until": until or None}
            rows = queries.quotes(session, speaker or None, outlet or None, limit=PAGE_SIZE,
                                  offset=(page_no - 1) * PAGE_SIZE, **filters)
            total = queries.quote_count(session, speaker or None, outlet or None, **filters)
            chart = charts.quotes_by_outlet(queries.quote_outlets(session, speaker or None, outlet or None,
                                                                  **filters))
            shows = queries.list_entities(session, "show", 100)
        return page(request, "quotes.html", rows=rows, shows=shows, pager=pagination(request, total, page_no),
                    chart=chart,
                    filters={"speaker": speaker, "outlet": outlet, "show": show, "since": since, "until": until,
                             "q": q})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, page_no: Annotated[PageNo, Query(alias="page")] = 1):
        with store.reads() as session:
            return page(request, "articles.html", articles=queries.sources(session, PAGE_SIZE,
                                                                           (page_no - 1) * PAGE_SIZE),
                        pager=pagination(request, queries.counts(session)["articles"], page_no))

    @app.get("/article/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, document_id: Id, quotes_page: QuotePage = 1):
        with store.reads() as session:
            doc = queries.document(session, document_id, quotes_page, QUOTES_PER_PAGE)
        if doc is None:
            raise HTTPException(404, f"no article {document_id}")
        layers = [Layer(m["start"], m["end"], "mention", f"{m['entity']['name']} ({m['entity']['type']})",
                        m["entity"]["id"]) for m in doc["mentions"]]
        layers += [Layer(q["start"], q["end"], "quote", f"quote: {q['speaker'] or 'unknown speaker'}")
                   for q in doc["quote_spans"]]
        layers += [Layer(f["start"], f["end"], "fact", f["predicate"]) for f in doc["facts"]]
        layers += [Layer(e["start"], e["end"], "event", e["type"]) for e in doc["events"]]
        layers += [Layer(start, end, "date", f"date: {value}") for start, end, value in doc["dates"]["spans"] if value]
        layers += [Layer(c["start"], c["end"], "date", f"publication date {c['rule']}: {c['value']} ({c['used']})")
                   for c in doc["dates"]["clues"] if c.get("start") is not None]
        return page(request, "article.html", doc=doc, segments=segments(doc["text"], layers),
                    pages=-(-doc["quote_count"] // QUOTES_PER_PAGE), quotes_page=quotes_page)

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request, page_no: Annotated[PageNo, Query(alias="page")] = 1):
        with store.reads() as session:
            found = find_conflicts(session)
        return page(request, "conflicts.html", conflicts=found[(page_no - 1) * PAGE_SIZE:page_no * PAGE_SIZE],
                    pager=pagination(request, len(found), page_no))

    @app.get("/feeds/changes.atom", tags=["feeds"], summary="What is new (facts, quotes, conflicts) as Atom",
             response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    def changes_feed(request: Request, since: Annotated[str | None, Query(
            max_length=40, description="ISO date or date-time (UTC); default: seven days ago")] = None):
        try:
            moment = datetime.fromisoformat(since) if since else datetime.now(UTC) - timedelta(days=7)
        except ValueError:
            raise HTTPException(422, f"since: {since!r} is not an ISO date") from None
        moment = moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
        with store.reads() as session:
            found = changes(session, moment, PAGE_SIZE)
        base = str(request.base_url).rstrip("/")
        return Response(changes_atom(found, base, str(request.url)), media_type="application/atom+xml")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "docs.html", spec=app.openapi())

    return app
