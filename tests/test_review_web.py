"""Review through the web UI (`serve --edit`) on a real server: token login, CSRF, read-only otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from castline.cli import app as cli
from castline.export import export_kb
from castline.kb import Store
from castline.pipeline import ingest
from castline.settings import Settings
from castline.web import create_app

from .test_review import write
from .test_web import CHROMIUM, serving

TOKEN = "correct horse battery staple"


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review-web")
    store = Store(str(folder / "kb.db"))
    ingest(write(folder), store, Settings())
    store.close()
    return str(folder / "kb.db")


def fact_of(db: str, subject: str, predicate: str) -> dict:
    kb = export_kb(Store(db, readonly=True), include_rejected=True)
    names = {e["id"]: e["name"] for e in kb["entities"]}
    return next(f for f in kb["facts"] if names[f["subject"]] == subject and f["predicate"] == predicate)


def entity_of(db: str, name: str) -> int:
    kb = export_kb(Store(db, readonly=True))
    return int(next(e["id"] for e in kb["entities"] if e["name"] == name)[1:])


def test_without_edit_nothing_can_be_posted(kb):
    with serving(create_app(kb)) as url:
        page = httpx.get(f"{url}/entity/{entity_of(kb, 'Dana Morrow')}")
        assert page.status_code == 200 and "csrf" not in page.text and "Log in to edit" not in page.text
        assert httpx.get(f"{url}/login").status_code == 404
        assert httpx.post(f"{url}/login", data={"token": TOKEN}).status_code in (404, 405)
        assert httpx.post(f"{url}/review/fact/1", data={"action": "reject"}).status_code in (404, 405)


def test_edits_need_the_token_and_the_form_token(kb, tmp_path):
    db = str(tmp_path / "kb.db")
    Path(db).write_bytes(Path(kb).read_bytes())
    fact = fact_of(db, "Dana Morrow", "cast_member_of")
    number = int(fact["id"][1:])
    dana = entity_of(db, "Dana Morrow")
    with serving(create_app(db, edit_token=TOKEN)) as url, httpx.Client(base_url=url) as browser:
        anonymous = browser.get(f"/entity/{dana}")
        assert "Log in to edit" in anonymous.text and 'name="csrf"' not in anonymous.text
        assert browser.post(f"/review/fact/{number}", data={"action": "reject"}).status_code == 403
        assert browser.post("/login", data={"token": "a guess", "name": "mallory"}).status_code == 403
        assert "castline_editor" not in browser.cookies

        assert browser.post("/login", data={"token": TOKEN, "name": "Jo"}).status_code == 303
        page = browser.get(f"/entity/{dana}").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        forged = browser.post(f"/review/fact/{number}", data={"action": "reject", "csrf": "forged"})
        assert forged.status_code == 403
        assert fact_of(db, "Dana Morrow", "cast_member_of")["status"] == "unreviewed"

        done = browser.post(f"/review/fact/{number}", data={"action": "reject", "csrf": csrf, "note": "not cast",
                                                            "next": "https://elsewhere.example/"})
        assert done.status_code == 303 and done.headers["location"] == "/review"  # never off the site
        assert fact_of(db, "Dana Morrow", "cast_member_of")["status"] == "rejected"
        log = browser.get("/review").text
        assert "Jo" in log and "not cast" in log and "Dana Morrow cast_member_of Copper Creek" in log
        typed = browser.post(f"/review/entity/{entity_of(db, 'Ivy Pell')}",
                             data={"action": "type", "type": "person", "csrf": csrf})
        assert typed.status_code == 303
        assert browser.post(f"/review/entity/{dana}", data={"action": "type", "type": "hero",
                                                           "csrf": csrf}).status_code == 400
        assert browser.post("/logout", data={"csrf": csrf}).status_code == 303
        assert browser.post(f"/review/fact/{number}", data={"action": "confirm", "csrf": csrf}).status_code == 403


def test_serve_edit_needs_a_token(kb, monkeypatch):
    monkeypatch.delenv("CASTLINE_EDIT_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", kb, "--edit"])
    assert result.exit_code == 2 and "CASTLINE_EDIT_TOKEN" in result.output


def test_an_editor_rejects_a_fact_in_the_browser(kb, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (make test installs Debian's chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    db = str(tmp_path / "kb.db")
    Path(db).write_bytes(Path(kb).read_bytes())
    number = int(fact_of(db, "Copper Creek", "airs_on")["id"][1:])
    with serving(create_app(db, edit_token=TOKEN)) as url, playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = chromium.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{url}/login")
        page.fill("input[name=name]", "Sam")
        page.fill("input[name=token]", TOKEN)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url("**/review")
        assert "Editing as Sam" in page.inner_text("main")
        page.goto(f"{url}/entity/{entity_of(db, 'Copper Creek')}")
        form = page.locator(f"form[action='/review/fact/{number}']")
        form.locator("input[name=note]").fill("wrong network")
        form.locator("button[value=reject]").click()
        page.wait_for_url(f"**/entity/{entity_of(db, 'Copper Creek')}")
        row = page.locator("tr.fact", has=page.locator(f"form[action='/review/fact/{number}']"))
        assert "rejected" in row.inner_text()
        assert row.evaluate("r => getComputedStyle(r.cells[0]).textDecorationLine") == "line-through"
        assert not errors
        chromium.close()
    assert fact_of(db, "Copper Creek", "airs_on")["status"] == "rejected"
