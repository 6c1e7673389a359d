"""Hostile input: each kind fails alone with a one-line reason (or is read despite its flaw), never reads or
fetches what it points at, and never costs another input. The last test mixes every kind with good articles
and runs the real command line on them."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from castline.document import Entity
from castline.errors import InputError
from castline.ingest import RawArticle, build_document, raw_articles
from castline.kb.resolve import nodes
from castline.pipeline import ingest, process
from castline.settings import Settings

from .conftest import ROOT, local_server

SETTINGS = Settings()
# Invented people, shows and outlet names only.
MORE = "Production on the new season of Lantern Row begins in the spring, the network said."
STORY = ("Odessa Brightwater has joined the cast of Lantern Row as a ferry captain, the network said on Monday. "
         "Brightwater told the paper that she had watched the drama since its first season and that she could "
         "not wait to start filming with the rest of the cast when production begins in the spring.")
FEED_ITEM = "<item><title>{title}</title><link>https://news.invalid/{n}</link>{body}</item>"


def articles(*inputs, settings=SETTINGS):
    return list(raw_articles([str(i) for i in inputs], settings))


def errors_of(items):
    return [i for i in items if isinstance(i, InputError)]


def feed(*items: str, title: str = "Quayside Wire") -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{"".join(items)}</channel></rss>'


class Counter(BaseHTTPRequestHandler):
    """Answers every GET with a feed, and counts them: a hostile input must never get here."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        Counter.hits.append(self.path)
        body = feed(FEED_ITEM.format(title="Leaked", n=1, body=f"<description>{STORY}</description>")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def loopback():
    with local_server(Counter) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


# 1. feedparser is never handed something it could fetch or open.

def test_a_feed_file_holding_a_loopback_url_fetches_nothing(tmp_path, loopback):
    Counter.hits.clear()
    (tmp_path / "a.xml").write_text(loopback + "/x.xml")
    [error] = articles(tmp_path / "a.xml")
    assert "not a readable feed" in error.reason
    assert Counter.hits == []


@pytest.mark.parametrize("pointer", ["{path}", "file://{path}"])
def test_a_feed_file_holding_a_local_path_reads_nothing(tmp_path, pointer):
    secret = tmp_path / "secret.rss"
    secret.write_text(feed(FEED_ITEM.format(title="Private", n=1, body=f"<description>{STORY}</description>")))
    (tmp_path / "a.xml").write_text(pointer.format(path=secret))
    [error] = articles(tmp_path / "a.xml")
    assert "not a readable feed" in error.reason


# 4. Inputs that used to end the run.

def test_jsonl_nested_a_hundred_thousand_levels_fails_its_line_only(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    deep_field = json.dumps({"text": STORY})[:-1] + ', "title": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = json.dumps({"text": STORY, "url": "https://news.invalid/good"})
    (tmp_path / "deep.jsonl").write_text("\n".join([deep, deep_field, good]) + "\n")
    items = articles(tmp_path / "deep.jsonl")
    assert [i.source for i in items if not isinstance(i, InputError)] == ["https://news.invalid/good"]
    assert [e.reason for e in errors_of(items)] == ["not valid JSON (nested too deeply)"] * 2


def test_a_lone_surrogate_in_jsonl_becomes_a_replacement_character(tmp_path):
    (tmp_path / "s.jsonl").write_text('{"title": "Odd \\ud800 title", "text": "' + STORY + ' \\udfff"}\n')
    [raw] = articles(tmp_path / "s.jsonl")
    assert raw.meta["title"] == "Odd \ufffd title" and raw.body.endswith("\ufffd")
    assert build_document(raw).title == "Odd \ufffd title"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path):
    Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt")).write_bytes(STORY.encode())
    [raw] = articles(tmp_path)
    assert raw.source.endswith("caf\\xe9.txt")
    raw.source.encode("utf-8")  # storable and printable


def test_a_library_surprise_on_one_input_fails_that_input_only(tmp_path, monkeypatch):
    import castline.ingest.sources as sources

    def broken(*args, **kwargs):
        raise KeyError("something deep inside")

    monkeypatch.setattr(sources.feedparser, "parse", broken)
    (tmp_path / "a.rss").write_text(feed())
    (tmp_path / "b.txt").write_text(STORY)
    error, raw = articles(tmp_path / "a.rss", tmp_path / "b.txt")
    assert error.reason == "unreadable (KeyError: 'something deep inside')"
    assert raw.body == STORY


def test_a_reason_is_one_line():
    error = InputError("x.txt", "first line\nsecond line\r\n" + "y" * 1000)
    assert "\n" not in error.reason and error.reason.startswith("first line second line y")
    assert len(error.reason) <= 300


# 6. A text longer than the parser takes fails alone, under its own name.

def test_an_article_over_the_parse_limit_fails_alone_and_named(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2000)
    long = RawArticle("long.txt", " ".join([STORY] * 10), False)
    first, second = RawArticle("first.txt", STORY, False), RawArticle("second.txt", STORY, False)
    done, failed, also = process([first, long, second], SETTINGS.spacy_model)
    assert isinstance(failed, InputError) and failed.source == "long.txt"
    assert failed.reason == f"the article is too long to parse ({len(long.body):,} characters; the limit is 2,000)"
    assert [done[0].source, also[0].source] == ["first.txt", "second.txt"]
    assert done[1].entities and also[1].entities


def test_when_the_batch_parse_fails_each_article_is_parsed_alone(nlp, monkeypatch):
    def failing_pipe(texts, **kwargs):
        raise ValueError("the batch failed")

    monkeypatch.setattr(nlp, "pipe", failing_pipe)
    results = process([RawArticle("a.txt", STORY, False), RawArticle("b.txt", STORY, False)], SETTINGS.spacy_model)
    assert [r[0].source for r in results] == ["a.txt", "b.txt"]


def test_a_long_article_is_parsed_in_parts_into_the_same_extraction(nlp, monkeypatch):
    """Parts bound the parser's memory; cut after paragraph breaks, they change nothing that is extracted."""
    import castline.pipeline as pipeline

    paragraphs = [f"In week {n}, Brightwater told the paper, “The ferry crew is a family to me.” " + STORY
                  for n in range(8)]
    text = "\n\n".join(paragraphs) + "\n\n\n" + STORY
    whole = process([RawArticle("w.txt", text, False)], SETTINGS.spacy_model)[0][1]
    monkeypatch.setattr(pipeline, "PARSE_PART_CHARS", 900)
    parted = pipeline._parse_one(nlp, text)
    assert parted.text == text and len(text) > 3 * 900
    in_parts = process([RawArticle("w.txt", text, False)], SETTINGS.spacy_model)[0][1]
    assert [(q.text, q.speaker) for q in in_parts.quotes] == [(q.text, q.speaker) for q in whole.quotes]
    assert len([q for q in whole.quotes if q.kind == "direct"]) == 8
    assert [(e.name, e.type) for e in in_parts.entities] == [(e.name, e.type) for e in whole.entities]


# 7. A publication date that cannot be is dropped with a warning; the article stays.

@pytest.mark.parametrize("value, published", [
    ("2023-13-45", None), ("0000-00-00", None), ("2023-02-30", None), ("2023-00-00", "2023"),
    ("2023-05-00", "2023-05"), ("2024-02-29", "2024-02-29"), ("whenever", None),
])
def test_a_bad_published_header_keeps_the_article(value, published):
    doc = build_document(RawArticle("d.txt", f"Title: Ferry news\nPublished: {value}\n\n{STORY}", False))
    assert doc.published == published and doc.text.startswith("Odessa Brightwater")
    assert any("is not a date" in w for w in doc.warnings) is (published is None)


# 8. Encodings and record shapes that are text after all.

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_read(tmp_path, encoding):
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(encoding, b"")
    (tmp_path / "a.txt").write_bytes(bom + ("“Crewé” " + STORY).encode(encoding))
    [raw] = articles(tmp_path / "a.txt")
    assert raw.body == "“Crewé” " + STORY


def test_one_stray_byte_leaves_a_utf8_file_utf8(tmp_path):
    text = "Brightwater’s “Lantern Row” — season two — is filming in Zürich. " + STORY
    (tmp_path / "a.txt").write_bytes(text.encode() + b" \x92 " + "More — soon.".encode())
    [raw] = articles(tmp_path / "a.txt")
    assert raw.body.startswith("Brightwater’s “Lantern Row” — season two — is filming in Zürich.")
    assert raw.body.endswith(" \ufffd More — soon.")


def test_a_line_separator_inside_a_jsonl_record_is_text(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": STORY + "\u2028" + STORY}, ensure_ascii=False) + "\r\n",
                                      encoding="utf-8")
    [raw] = articles(tmp_path / "a.jsonl")
    assert raw.body == STORY + "\u2028" + STORY


@pytest.mark.parametrize("record, reason", [
    ({"text": ["a", "b"]}, "'text' must be a string, not an array"),
    ({"text": 42}, "'text' must be a string, not int"),
    ({"html": {"p": "x"}}, "'html' must be a string, not an object"),
    ({"text": STORY, "title": True}, "'title' must be a string, not a boolean"),
    ({"text": "   "}, "the article text is blank"),
])
def test_a_jsonl_field_of_the_wrong_type_is_named(tmp_path, record, reason):
    (tmp_path / "a.jsonl").write_text(json.dumps(record))
    [error] = articles(tmp_path / "a.jsonl")
    assert error.reason == reason


def test_a_year_given_as_a_number_is_kept(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": STORY, "published": 2023}))
    [raw] = articles(tmp_path / "a.jsonl")
    assert raw.meta["published"] == "2023"


@pytest.mark.parametrize("content", [
    f"<content:encoded><![CDATA[<p>{STORY}</p>]]></content:encoded>",
    f"<content:encoded>{STORY}</content:encoded>",
])
def test_feed_entries_with_one_paragraph_or_plain_text_are_articles(tmp_path, content):
    rss = feed(FEED_ITEM.format(title="Ferry captain", n=1, body=content)).replace(
        "<rss ", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ')
    (tmp_path / "a.rss").write_text(rss)
    [raw] = articles(tmp_path / "a.rss")
    assert build_document(raw).text == STORY


def test_atom_plain_text_content_is_text(tmp_path):
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quayside Wire</title>'
            f'<entry><title>Ferry captain</title><content type="text">{STORY}\n\n{MORE}</content></entry></feed>')
    (tmp_path / "a.atom").write_text(atom)
    [raw] = articles(tmp_path / "a.atom")
    assert not raw.is_html and build_document(raw).text == f"{STORY}\n\n{MORE}"


# 9 and 16. Folders hold their own regular files; a file is one article however it is named.

def test_a_folder_reads_only_its_own_regular_files(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text(STORY)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(STORY)
    (folder / "out.txt").symlink_to(outside / "private.txt")
    (folder / "away").symlink_to(outside, target_is_directory=True)
    (folder / "again.txt").symlink_to(folder / "sub" / "a.txt")
    (folder / "gone.txt").symlink_to(folder / "nothing.txt")
    os.mkfifo(folder / "pipe.txt")
    items = articles(folder)
    assert [i.source for i in items if not isinstance(i, InputError)] == [str((folder / "sub" / "a.txt").resolve())]
    assert sorted((Path(e.source).name, e.reason) for e in errors_of(items)) == [
        ("away", "a link leading out of the folder; not followed"), ("gone.txt", "a link to a missing file"),
        ("out.txt", "a link leading out of the folder; not followed"), ("pipe.txt", "not a regular file")]


def test_the_same_file_by_relative_and_absolute_path_is_one_article(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    monkeypatch.chdir(tmp_path)
    [raw] = articles("a.txt", tmp_path / "a.txt", "./a.txt", tmp_path)
    assert raw.source == str((tmp_path / "a.txt").resolve())


def test_a_copy_of_a_stored_file_is_not_a_second_article(tmp_path, sqlite_store, caplog):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(_good(1))
    (tmp_path / "other.txt").write_text(_good(2))
    first = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], sqlite_store, SETTINGS)
    assert (first.ingested, first.unchanged) == (1, 1)
    later = ingest([str(tmp_path / "c.txt"), str(tmp_path / "other.txt")], sqlite_store, SETTINGS)
    assert (later.ingested, later.unchanged) == (1, 1)
    assert f"c.txt: the same content as {(tmp_path / 'a.txt').resolve()}; not stored twice" in caplog.text


@pytest.mark.parametrize("a, b", [("The Quayside Wire", "Quayside Wire"), ("The Ledger", "Ledger"),
                                  ("THE LEDGER", "Ledger")])
def test_an_outlet_with_and_without_the_is_one_node(a, b):
    assert nodes(Entity("1", a, "outlet"))[0] == nodes(Entity("2", b, "outlet"))[0]


# The whole: every kind of bad input mixed with good articles, through the real command line.

def _good(n: int, published: str | None = None) -> str:
    names = ["Odessa Brightwater", "Tobiah Kestrel", "Marisol Venn", "Caspian Dorne", "Ilse Marrow", "Quill Ashby"]
    shows = ["Lantern Row", "Saltmarsh", "The Gilded Quay", "Ferrymen", "North Pier", "Tidewater Lane"]
    name, show = names[n % len(names)], shows[n % len(shows)]
    published = published or f"2024-0{n % 9 + 1}-1{n % 9}"
    return (f"Title: {name} joins {show}\nPublished: {published}\nOutlet: Quayside Wire\n\n"
            f"{name} has joined the cast of {show} as a harbor pilot, the network said on Monday. {name.split()[1]} "
            f"told the paper that the drama was a dream job and that filming would begin in the spring.")


def test_hostile_inputs_mixed_with_good_articles(tmp_path, loopback):
    corpus = tmp_path / "corpus"
    (corpus / "nested").mkdir(parents=True)
    outside = tmp_path / "private.txt"
    outside.write_text(_good(99))
    good = {}
    for n in range(6):
        good[f"good{n}.txt"] = _good(n)
        (corpus / f"good{n}.txt").write_text(good[f"good{n}.txt"])
    # flawed but readable: stored
    (corpus / "utf16.txt").write_bytes(_good(6).encode("utf-16"))
    (corpus / "utf32.txt").write_bytes(_good(7).encode("utf-32"))
    (corpus / "stray.txt").write_bytes(_good(8).replace("said", "“said”").encode() + b"\xff")
    (corpus / "baddate.txt").write_text(_good(9, "2023-13-45"))
    (corpus / "zerodate.txt").write_text(_good(10, "2023-00-00"))
    (corpus / "mixed.jsonl").write_text(
        "\n".join([json.dumps({"text": _good(11).split("\n\n")[1] + "\u2028more", "url": "https://news.invalid/11"},
                              ensure_ascii=False),
                   '{"text": "' + _good(12).split("\n\n")[1] + ' \\ud800", "url": "https://news.invalid/12"}',
                   "[" * 100_000 + "]" * 100_000,
                   json.dumps({"text": ["not", "text"]})]), encoding="utf-8")
    Path(os.fsdecode(os.fsencode(corpus) + b"/\xe9t\xe9.txt")).write_bytes(_good(13).encode())
    (corpus / "nested" / "deep.txt").write_text(_good(14))
    # lines that backtracking patterns took minutes over: stored, in bounded time
    (corpus / "spaces.txt").write_text("Title: " + " " * 150_000 + "Harbor\n\n" + _good(15).split("\n\n", 1)[1])
    (corpus / "dots.txt").write_text(_good(16) + "\n\n" + "." * 50_000 + "\n\n" + "- " * 20_000)
    # bad: each fails alone
    (corpus / "ssrf.xml").write_text(loopback + "/x.xml")
    (corpus / "localread.rss").write_text(str(outside))
    (corpus / "leak.txt").symlink_to(outside)
    (corpus / "long.txt").write_text("Title: Long\n\n" + "\n\n".join(f"In week {n}, {STORY}" for n in range(1000)))
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "empty.html").write_text("   ")
    Counter.hits.clear()
    db = tmp_path / "kb.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "castline.cli", "ingest", str(corpus), str(corpus / "good0.txt"),
                           "--db", str(db)], capture_output=True, text=True, env=env, timeout=600)
    assert Counter.hits == []
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed ")]
    reasons = {Path(line[len("failed "):].rsplit(": ", 1)[0].split(":")[0]).name: line.rsplit(": ", 1)[1]
               for line in failed}
    assert set(reasons) == {"ssrf.xml", "localread.rss", "leak.txt", "long.txt", "binary.txt", "empty.html",
                            "mixed.jsonl"}, done.stderr
    assert reasons["long.txt"].startswith("the article is too long to parse")
    assert len(failed) == 8  # mixed.jsonl fails on two lines
    assert done.stdout.strip().splitlines()[-1] == "ingested 17, unchanged 0, updated 0, failed 8"
    assert done.returncode == 1
    exported = subprocess.run([sys.executable, "-m", "castline.cli", "sources", "--db", str(db), "--json"],
                              capture_output=True, text=True, env=env, timeout=120)
    sources = {Path(s["source"]).name: s for s in json.loads(exported.stdout)}
    assert {f"good{n}.txt" for n in range(6)} | {"utf16.txt", "utf32.txt", "stray.txt", "baddate.txt",
                                                 "zerodate.txt", "\\xe9t\\xe9.txt", "deep.txt", "11", "12",
                                                 "spaces.txt", "dots.txt"} \
        == set(sources)
    assert sources["zerodate.txt"]["published"] == "2023"
