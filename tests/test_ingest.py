"""Inputs of every accepted kind, and each kind of bad input failing alone with a clear reason."""

from __future__ import annotations

import json

import pytest

from castline.errors import InputError
from castline.ingest import build_document, raw_articles
from castline.ingest.clean import clean_text
from castline.ingest.document import split_header
from castline.ingest.metadata import dateline, find_datelines, outlet_from_url, parse_published, url_date
from castline.settings import Settings

from .conftest import SAMPLES

SETTINGS = Settings()
ENGLISH = ("Mara Quinn has played the captain of the firehouse on the drama for seven seasons, and she "
           "told the magazine that she will always be proud of the work that the cast and the crew did "
           "together on the show. She said that it was the best job of her life and that she would miss it.")


def articles(*inputs, settings=SETTINGS):
    return list(raw_articles([str(i) for i in inputs], settings))


def errors_of(items):
    return [i for i in items if isinstance(i, InputError)]


def test_header_block_sets_metadata():
    meta, body = split_header("Title: A Story\nPUBLISHED: 2024-03-14\noutlet: TVLine\n\nBody here.")
    assert meta == {"title": "A Story", "published": "2024-03-14", "outlet": "TVLine"}
    assert body == "Body here."


@pytest.mark.parametrize("text", [
    "Note: this is not a header\n\nBody.",        # unknown key
    "Title: Only a header\nBody right after.",    # no blank line ends it
])
def test_header_block_needs_known_keys_and_a_blank_line(text):
    assert split_header(text) == ({}, text)


@pytest.mark.parametrize("value, expected", [
    ("2024-03-14", "2024-03-14"), ("2024-03", "2024-03"), ("2023", "2023"),
    ("Fri, 12 Jan 2024 15:00:00 GMT", "2024-01-12"), ("March 2024", "2024-03"),
    ("2024-05-17T10:00:00Z", "2024-05-17"), ("soon", None), ("", None),
])
def test_published_keeps_its_precision(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("url, outlet", [
    ("https://www.tvline.com/news/x", "TVLine"), ("https://variety.com/2024/tv/x", "Variety"),
    ("https://www.usmagazine.com/a/", "Us Weekly"), ("https://example.org/x", None), (None, None),
])
def test_outlet_from_domain(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url, expected", [
    ("https://www.example.com/2021/10/20/mara-quinn-leaves-harbor-city-fire/", ("2021-10-20", "2021/10/20")),
    ("https://news.example.com/blog/2013/03/11/finale-recap/98765/?rel=123", ("2013-03-11", "2013/03/11")),
    ("https://www.example.com/why-mara-quinn-left-harbor-city-fire-2021-10", ("2021-10", "2021-10")),
    ("https://example.com/soaps/news/2012/0823-quinn.php", ("2012-08-23", "2012/0823")),
    ("https://example.com/tv/2022/05/harbor-city-fire-renewed", ("2022-05", "2022/05")),
    ("https://example.com/2019/harbor-city-fire-review", ("2019", "2019")),
    ("https://example.com/tv/20230329/harbor-city-fire-finale", ("2023-03-29", "20230329")),
    ("https://example.com/2012/1345-quinn.php", ("2012", "2012")),  # no month 13: only the year folder
    ("https://example.com/tv/harbor-city-fire-season-2-cast-1.6069054", None),
    ("https://example.com/article-13574841/Quinn.html", None),
    (None, None),
])
def test_url_date(url, expected):
    assert url_date(url) == expected


@pytest.mark.parametrize("line, expected", [
    ("Tuesday Jun 06 2023", ("2023-06-06", "published")),
    ("08:30 3 June 2021", ("2021-06-03", "published")),
    ("Mar 9, 2019, 11:05 PM EST", ("2019-03-09", "published")),
    ("Published on March 29, 2023", ("2023-03-29", "published")),
    ("Updated: March 30, 2023 at 4:05 p.m. ET", ("2023-03-30", "updated")),
    ("By Mara Quinn | Published March 3, 2023 | 5 min read", ("2023-03-03", "published")),
    ("By Mara Quinn Published Mar 7, 2023 Updated Mar 8, 2023", ("2023-03-07", "published")),
    ("Posted on March 7, 2023 by Tomas Reyes", ("2023-03-07", "published")),
    ("By Tomas Reyes, March 7, 2023", ("2023-03-07", "published")),
    ("Originally published March 7, 2023", ("2023-03-07", "published")),
    ("Mar. 7, 2023 / 10:30 AM", ("2023-03-07", "published")),
    ("2023-04-02", ("2023-04-02", "published")),
    ("Share this article", None),
    ("By Mara Quinn", None),
    ("Season 2 premieres March 3, 2023", None),
    ("The show aired on March 3, 2023.", None),
    ("Monday, March 21", None),  # no year: a date in the text, not the page's
])
def test_dateline(line, expected):
    assert dateline(line) == expected


def test_datelines_are_found_near_the_top_with_offsets():
    text = "Harbor City Fire ends\n\nUpdated: May 2, 2024\n\nPublished May 1, 2024\n\nMara Quinn said goodbye."
    found = find_datelines(text)
    assert [(d.value, d.role, text[d.start:d.end]) for d in found] == [
        ("2024-05-02", "updated", "Updated: May 2, 2024"), ("2024-05-01", "published", "Published May 1, 2024")]


def test_a_dateline_is_neither_title_nor_chrome():
    cleaned = clean_text("Sign in\n\nTuesday Jun 06 2023\n\nMara Quinn Leaves Harbor City Fire After Seven Seasons\n\n"
                         "Mara Quinn is leaving the firehouse drama after seven seasons, the network said on Monday.")
    assert cleaned.title == "Mara Quinn Leaves Harbor City Fire After Seven Seasons"
    assert cleaned.text.startswith("Tuesday Jun 06 2023\n\nMara Quinn is leaving")
    assert cleaned.removed == ["Sign in"]


def test_samples_folder_yields_every_article():
    items = articles(SAMPLES)
    assert not errors_of(items)
    docs = [build_document(i) for i in items]
    by_title = {d.title: d for d in docs}
    assert len(docs) == 7
    exit_story = by_title["Mara Quinn Is Leaving Harbor City Fire After Seven Seasons"]
    assert (exit_story.outlet, exit_story.published, exit_story.author) == ("TVLine", "2024-03-14", "Dana Whitfield")
    html = by_title["Priya Anand on Joining Harbor City Med"]
    assert (html.outlet, html.published) == ("Screen Rant", "2024-01-09")
    assert "Ten shows to watch" not in html.text and "Sign in" not in html.text
    recap = next(d for d in docs if d.source.startswith("https://www.usmagazine.com"))
    assert recap.outlet == "Us Weekly" and recap.published == "2024-05-17"
    feed_entry = next(d for d in docs if "jonah-pike" in d.source)
    assert feed_entry.outlet == "TV Insider" and feed_entry.published == "2024-01-12"
    directing = next(d for d in docs if d.source.endswith("reyes-directing.txt"))
    assert "Share this article" in directing.removed and "Tomas Reyes.Kim Oduya/CBS" in directing.removed


def test_unchanged_content_has_the_same_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    first, second = articles(path)[0], articles(path)[0]
    assert first.content_hash == second.content_hash
    path.write_text(ENGLISH + " More.")
    assert articles(path)[0].content_hash != first.content_hash


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    [error] = errors_of(articles(tmp_path / "empty.txt"))
    assert error.source.endswith("empty.txt") and error.reason == "empty input"


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 4)
    [error] = errors_of(articles(tmp_path / "photo.txt"))
    assert "binary" in error.reason


def test_non_utf8_text_is_decoded(tmp_path):
    text = "Zoë Marchetti, the café owner on the drama, said she loved the role of Renée. " + ENGLISH
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    [raw] = articles(tmp_path / "latin1.txt")
    assert "Zoë Marchetti" in raw.body and "Renée" in raw.body


def test_file_over_size_cap(tmp_path):
    (tmp_path / "big.txt").write_text(ENGLISH * 20)
    [error] = errors_of(articles(tmp_path / "big.txt", settings=Settings(max_bytes=1000)))
    assert "size cap" in error.reason


def test_malformed_html_without_text(tmp_path):
    (tmp_path / "broken.html").write_text("<html><body><div><<<>>></div><script>x()</script>")
    [raw] = articles(tmp_path / "broken.html")
    with pytest.raises(InputError, match="no article text"):
        build_document(raw)


def test_malformed_html_with_text_is_read(tmp_path):
    (tmp_path / "unclosed.html").write_text(f"<html><body><article><p>{ENGLISH}<p>Second <b>paragraph")
    doc = build_document(articles(tmp_path / "unclosed.html")[0])
    assert doc.text.startswith("Mara Quinn has played the captain")


def test_missing_path():
    [error] = errors_of(articles("/no/such/file.txt"))
    assert error.reason == "no such file, folder or URL"


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    good = json.dumps({"title": "A", "text": ENGLISH, "url": "https://variety.com/a"})
    (tmp_path / "batch.jsonl").write_text(f"{good}\n{{not json\n[1, 2]\n{json.dumps({'title': 'no body'})}\n")
    items = articles(tmp_path / "batch.jsonl")
    assert [i.source for i in items if not isinstance(i, InputError)] == ["https://variety.com/a"]
    assert [(e.source.rsplit(":", 1)[1], e.reason.split(" (")[0]) for e in errors_of(items)] == [
        ("2", "not valid JSON"), ("3", "a JSONL line must be an object"), ("4", "no 'text' or 'html' field")]


def test_feed_with_a_broken_entry(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Some Site</title>
    <item><title>Good</title><link>https://example.com/good</link><description>{ENGLISH}</description></item>
    <item><title>Nothing here</title></item></channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    items = articles(tmp_path / "feed.xml", settings=Settings(fetch_timeout=2))
    errors = errors_of(items)
    assert len(errors) == 2
    assert any("feed entry has no content and no link" in e.reason for e in errors)
    # the good entry's link is fetched, and example.com is unreachable here or refused
    assert any(e.source == "https://example.com/good" for e in errors)


def test_unreadable_feed(tmp_path):
    (tmp_path / "feed.rss").write_text("this is no feed at all")
    [error] = errors_of(articles(tmp_path / "feed.rss"))
    assert "not a readable feed" in error.reason


def test_non_english_is_stored_with_a_warning():
    text = ("El actor confirmó que dejará la serie después de diez temporadas y que el equipo fue como una "
            "familia para él durante todos estos años en la ciudad, según dijo en una entrevista con la "
            "revista, donde también habló de su próximo proyecto y de lo que espera del final de la serie.")
    from castline.ingest import RawArticle
    doc = build_document(RawArticle("es.txt", text, False))
    assert not doc.is_english and doc.warnings[0].startswith("not English")
