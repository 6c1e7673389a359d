"""A synthetic corpus of realistic entertainment articles about invented franchises, for benchmarks.

Every name is built from syllables, so no real person or show appears. The
articles carry what real ones do: cast and characters, exits, episodes with
air dates and directors, quotes to named outlets, page junk; and they come in
the three input formats (plain text with and without a header, HTML, JSONL).
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .lexicon import NETWORKS, OUTLETS

SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "va", "sel", "tin", "bro", "quin", "mar", "lee", "zan", "por", "ell",
             "den", "ra", "vik", "sol", "tha", "gar", "ny", "cor", "bel", "fen", "ast", "wyn", "har", "ol", "ric"]
PLACES = ["Harbor", "Ridge", "Lake", "North", "Cedar", "Iron", "Silver", "Stone", "River", "Maple"]
SHOW_KINDS = [("Fire", "firefighter", "Capt."), ("Med", "doctor", "Dr."), ("PD", "detective", "Det."),
              ("Law", "prosecutor", "ADA"), ("Rescue", "paramedic", "Lt.")]
WORDS = ["Smoke", "Signals", "Cold", "Water", "Last", "Alarm", "Second", "Opinion", "Glass", "House", "Night",
         "Shift", "Open", "Wounds", "Burn", "Pattern", "Lost", "Causes", "Dead", "Air", "Blind", "Spot"]
SAID = ["told", "said to", "explained to", "revealed to"]
JUNK_TOP = ["Sign in", "Already have an account?", "Skip to main content"]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


@dataclass
class Article:
    source: str
    title: str
    published: date
    outlet: str
    paragraphs: list[str]
    pictured: str  # who the photo credit line names


def articles(count: int, seed: int = 7) -> Iterator[Article]:
    """`count` articles, a few dozen per invented franchise, generated lazily."""
    rng = random.Random(seed)
    outlets = [o for o in OUTLETS if " " in o or o in ("Variety", "Deadline", "TVLine", "People")]
    networks = list(NETWORKS)[:20]
    made = 0
    while made < count:
        franchise = f"{rng.choice(PLACES)} {rng.choice(['City', 'Bay', 'Falls', 'County'])}"
        network = rng.choice(networks)
        shows = []
        for suffix, job, title in rng.sample(SHOW_KINDS, 2):
            cast = [(_name(rng), _name(rng), rng.randint(25, 60)) for _ in range(4)]
            shows.append((f"{franchise} {suffix}", job, title, cast, rng.randint(2, 12)))
        for _ in range(min(40, count - made)):
            made += 1
            yield _article(rng, made, franchise, network, shows, outlets)


def _article(rng: random.Random, n: int, franchise: str, network: str, shows: list, outlets: list[str]) -> Article:
    show, job, title, cast, seasons = rng.choice(shows)
    actor, character, age = rng.choice(cast)
    partner_actor, partner, _ = rng.choice([c for c in cast if c[0] != actor])
    published = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1200))
    aired = published - timedelta(days=rng.randint(3, 60))
    outlet, other_outlet = rng.sample(outlets, 2)
    episode = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
    surname = actor.split()[1]
    kind = rng.choice(["exit", "episode", "directing", "interview"])
    paragraphs = [
        f"{actor} plays {title} {character} on {show}, the {network} drama that is part of the "
        f"“{franchise}” universe. {surname}, {age}, {rng.choice(SAID)} {outlet} that the role changed everything.",
        f"“Playing a {job} for {seasons} seasons taught me patience,” {surname} said. “I still learn something "
        f"every single day on that set.”",
    ]
    if kind == "exit":
        paragraphs.append(f"{surname} announced in {published.strftime('%B %Y')} that {actor.split()[0]} was "
                          f"leaving {show} after {seasons} seasons. At the time, fans were stunned.")
    elif kind == "episode":
        paragraphs.append(f"In season {seasons}, episode {rng.randint(1, 22)}, “{episode},” which aired on "
                          f"{aired.strftime('%B')} {aired.day}, {character} finally confronted his partner, "
                          f"{partner} ({partner_actor}).")
    elif kind == "directing":
        paragraphs.append(f"{actor} directed the episode “{episode},” which aired on "
                          f"{aired.strftime('%B')} {aired.day}. {partner_actor} told {other_outlet} that "
                          f"{surname} was calm and prepared behind the camera.")
    else:
        paragraphs.append(f"Speaking to {other_outlet}, {partner_actor} said of the cast, “We are a family, and "
                          f"families fight, but we always show up for each other.”")
    paragraphs += [
        f"{show} airs on {network} {rng.choice(['Mondays', 'Tuesdays', 'Thursdays'])} at "
        f"{rng.randint(8, 10)} p.m. ET.",
        f"The {franchise} franchise has been a ratings anchor for {network}, and the cast regularly crosses over "
        f"between the shows. Writers have promised more surprises before the season ends, with several guest "
        f"stars already announced and a two-part event planned for the spring.",
    ]
    headline = f"{actor} on {show}: {rng.choice(['What Comes Next', 'The Big Exit', 'Behind the Camera', 'A Family'])}"
    return Article(f"synthetic-{n:06d}", headline, published, outlet, paragraphs, actor)


def _scraped(article: Article, rng: random.Random) -> str:
    lines = [rng.choice(JUNK_TOP), "", article.title, "", f"{article.title} - {rng.randint(1, 300)}",
             f"{article.pictured}.{_name(rng)}/{rng.choice(['NBC', 'CBS', 'Getty Images'])}", ""]
    for index, paragraph in enumerate(article.paragraphs):
        lines += [paragraph, ""]
        if index == 1:
            lines += [f"Related: Every {article.title.split(':')[0]} Moment, Ranked", ""]
    return "\n".join(lines + ["Share this article", "In this article"])


def _html(article: Article) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(article.title)}</title>"
            f"<meta property='og:site_name' content='{html.escape(article.outlet)}'>"
            f"<meta property='article:published_time' content='{article.published.isoformat()}'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/tv'>TV</a></nav><article><h1>{html.escape(article.title)}</h1>"
            f"{body}</article><footer>Copyright {article.published.year}</footer></body></html>")


def write_corpus(out: Path, count: int, seed: int = 7, jsonl_batch: int = 500) -> int:
    """Write `count` articles under `out` in rotating formats; returns the number of files written."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    files, batch, batch_no = 0, None, 0
    for index, article in enumerate(articles(count, seed)):
        form = index % 5
        if form in (0, 1):
            text = (f"Title: {article.title}\nPublished: {article.published.isoformat()}\nOutlet: {article.outlet}\n\n"
                    + "\n\n".join(article.paragraphs) + "\n")
            (out / f"{article.source}.txt").write_text(text, encoding="utf-8")
        elif form == 2:
            (out / f"{article.source}.txt").write_text(_scraped(article, rng), encoding="utf-8")
        elif form == 3:
            (out / f"{article.source}.html").write_text(_html(article), encoding="utf-8")
        else:
            if batch is None or batch_no >= jsonl_batch:
                if batch is not None:
                    batch.close()
                batch, batch_no = open(out / f"batch-{index:06d}.jsonl", "w", encoding="utf-8"), 0  # noqa: SIM115
                files += 1
            batch.write(json.dumps({"url": f"https://example.org/{article.source}", "title": article.title,
                                    "published": article.published.isoformat(), "outlet": article.outlet,
                                    "text": "\n\n".join(article.paragraphs)}) + "\n")
            batch_no += 1
            continue
        files += 1
    if batch is not None:
        batch.close()
    return files
