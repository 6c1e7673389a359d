"""Editing through the web UI (`castline serve --edit`): the review decisions of kb/review.py as forms.

Only an editor who logged in with the server's token (CASTLINE_EDIT_TOKEN) sees the forms; each session has a
CSRF token every form posts back, and every POST checks both. Without --edit none of these routes exist.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..kb import Store
from ..kb.review import ReviewError, decide_fact, merge, review_log, set_type, split

COOKIE = "castline_editor"
MAX_FORM = 4096  # bytes: a note, an alias, a token
MAX_SESSIONS = 1000


class Editors:
    """Logged-in editors: session id → (name, CSRF token), kept in memory (a restart logs everyone out)."""

    def __init__(self, token: str):
        self.token = token
        self.sessions: dict[str, tuple[str, str]] = {}

    def login(self, token: str, name: str) -> str | None:
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            return None
        if len(self.sessions) >= MAX_SESSIONS:
            self.sessions.pop(next(iter(self.sessions)))
        session = secrets.token_urlsafe(32)
        self.sessions[session] = (name or "editor", secrets.token_urlsafe(32))
        return session

    def of(self, request: Request) -> dict[str, str] | None:
        """The editor behind a request, with the CSRF token their forms carry; None when not logged in."""
        found = self.sessions.get(request.cookies.get(COOKIE, ""))
        return {"name": found[0], "csrf": found[1]} if found else None


async def form_of(request: Request) -> dict[str, str]:
    """A url-encoded form, bounded in size (no multipart: nothing here uploads files)."""
    body = await request.body()
    if len(body) > MAX_FORM:
        raise HTTPException(413, "form too large")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, "not a form") from exc
    return {k: v[0].replace("\x00", "") for k, v in fields.items()}


def _back(target: str) -> str:
    """Where to go after a decision: a page of this site only (never an outside address)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/review"


def add_edit_routes(app: FastAPI, db: str, token: str, page: Callable[..., HTMLResponse]) -> Editors:
    editors = Editors(token)
    store = Store(db)

    async def checked(request: Request) -> tuple[dict[str, str], dict[str, str]]:
        editor = editors.of(request)
        if editor is None:
            raise HTTPException(403, "log in to edit")
        form = await form_of(request)
        if not hmac.compare_digest(form.get("csrf", "").encode(), editor["csrf"].encode()):
            raise HTTPException(403, "stale or missing form token; reload the page")
        return editor, form

    def decided(form: dict[str, str], decide: Callable[[], Any]) -> Response:
        try:
            decide()
        except ReviewError as exc:
            raise HTTPException(400, str(exc)) from exc
        return RedirectResponse(_back(form.get("next", "")), status_code=303)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request):
        return page(request, "login.html", failed=False)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request):
        form = await form_of(request)
        session = editors.login(form.get("token", ""), form.get("name", "").strip()[:100])
        if session is None:
            response = page(request, "login.html", failed=True)
            response.status_code = 403
            return response
        response = RedirectResponse("/review", status_code=303)
        response.set_cookie(COOKIE, session, httponly=True, samesite="strict", path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request):
        await checked(request)
        editors.sessions.pop(request.cookies.get(COOKIE, ""), None)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page(request: Request):
        with store.reads() as session:
            return page(request, "review.html", log=review_log(session))

    @app.post("/review/fact/{fact_id}", include_in_schema=False)
    async def review_fact(request: Request, fact_id: int):
        editor, form = await checked(request)
        kind = form.get("action", "")
        if kind not in ("confirm", "reject"):
            raise HTTPException(400, "action must be confirm or reject")
        return decided(form, lambda: decide_fact(store, fact_id, kind, editor["name"], form.get("note")))

    @app.post("/review/entity/{entity_id}", include_in_schema=False)
    async def review_entity(request: Request, entity_id: int):
        editor, form = await checked(request)
        action, by, note = form.get("action", ""), editor["name"], form.get("note")
        if action == "merge":
            if not form.get("into", "").strip().isdigit():
                raise HTTPException(400, "give the id of the entity it is")
            into = int(form["into"])
            return decided(form | {"next": f"/entity/{into}"}, lambda: merge(store, entity_id, into, by, note))
        if action == "split":
            return decided(form, lambda: split(store, entity_id, form.get("alias", ""), by, note))
        if action == "type":
            return decided(form, lambda: set_type(store, entity_id, form.get("type", ""), by, note))
        raise HTTPException(400, "action must be merge, split or type")

    return editors
