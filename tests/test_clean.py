import os
import subprocess
import sys
from pathlib import Path

import pytest

from castline.ingest.clean import CHROME_RULES, chrome_rule, clean_text, is_boilerplate, is_headline_like

SRC = str(Path(__file__).resolve().parents[1] / "src")

PAGE = """Already a subscriber?
Sign in

Harbor City Fire Star Mara Quinn Opens Up About Her Exit and What Comes Next

Harbor City Fire Star Mara Quinn Opens Up About Her Exit and What Comes Next - 41
Mara Quinn.Kim Oduya/CBS

Mara Quinn has said goodbye to the firehouse after seven seasons on the drama.

Related: The Best Harbor City Crossovers of All Time

What she will miss most

"The crew, every single one of them," Quinn said.

Mara Quinn, Tomas Reyes. Kim Oduya/CBS

Share this article
In this article----
Mara Quinn
Harbor City Fire
"""


def test_clean_removes_chrome_and_keeps_content():
    cleaned = clean_text(PAGE)
    assert cleaned.title == "Harbor City Fire Star Mara Quinn Opens Up About Her Exit and What Comes Next"
    assert cleaned.removed == [
        "Already a subscriber?",
        "Sign in",
        "Harbor City Fire Star Mara Quinn Opens Up About Her Exit and What Comes Next - 41",
        "Mara Quinn.Kim Oduya/CBS",
        "Related: The Best Harbor City Crossovers of All Time",
        "Mara Quinn, Tomas Reyes. Kim Oduya/CBS",
        "Share this article",
        "In this article----",
        "Mara Quinn",
        "Harbor City Fire",
    ]
    assert cleaned.text == ("Mara Quinn has said goodbye to the firehouse after seven seasons on the drama.\n\n"
                            "What she will miss most\n\n\"The crew, every single one of them,\" Quinn said.")


def test_clean_without_title_keeps_first_paragraph():
    cleaned = clean_text("The drama returns tonight with a new cast member who plays the fire chief.\n")
    assert cleaned.title is None
    assert cleaned.text.startswith("The drama returns")
    assert cleaned.removed == []


def test_clean_uses_known_title():
    cleaned = clean_text("Log in\nA Known Title Of The Story\n\nBody text of the story goes here.",
                         title="A Known Title of the Story")
    assert cleaned.text == "Body text of the story goes here."
    assert cleaned.removed == ["Log in"]


@pytest.mark.parametrize("line, junk", [
    ("Related: Ten Shows Like Harbor City Fire", True),
    ("READ MORE: The Cast of Harbor City Med", True),
    ("Jane Doe/Netflix", True),
    ("Jane Doe, John Roe. Pat Lee/HBO", True),
    ("Photo: Getty Images", True),
    ("Jo Lee/NBC Photo Bank via Getty Images", True),
    ("Show caption", True),
    ("Advertisement", True),
    ("Sign up for our newsletter", True),
    ("Some Headline About A Show Ends Here - 12", True),
    ("What she will miss most", False),
    ("... but we'll have to wait to see more from him", False),
    ("She moved to Los Angeles/Hollywood at 19 and never looked back.", False),
    ("The show airs on CBS.", False),
])
def test_boilerplate_lines(line, junk):
    assert is_boilerplate(line) is junk


@pytest.mark.parametrize("line, headline", [
    ("Mara Quinn Opens Up About Leaving Harbor City Fire", True),
    ("What Mara Quinn Has Been Up To Since Her Exit", True),
    ("Mara Quinn said goodbye to the show on Tuesday.", False),
    ("Sign in", False),
])
def test_headline_shape(line, headline):
    assert is_headline_like(line) is headline


# An invented scraped article with every kind of chrome: captions and credits, embeds, source and promo lines,
# sign-up walls. Its sentences that name Instagram, Twitter or a network are article text and stay.
SCRAPED = """Screen Ledger Exclusive
4 min read

Mara Quinn Says Goodbye to Harbor City Fire

Mara Quinn is leaving Harbor City Fire after seven seasons, the CBS drama's producers confirmed on Monday.

Image via CBS
Dana Whitfield and Oren Castellano in Harbor City Fire
(Theo Marchetti/CBS)

"It was the best job of my life," Quinn said. She shared the news on Instagram, where she thanked the crew.

View this post on Instagram
A post shared by Lucia Fernwood (@luciafernwood) on Mar 3, 2024 at 10:02am PST

Fans reacted on Twitter within minutes, and the network said the finale airs in May.

So long, Captain Vance. You will be missed. pic.twitter.com/abc123XYZ
— Bram Okafor (@bramokafor) March 4, 2024

Mara Quinn is leaving Harbor City Fire after seven seasons, the CBS drama's producers confirmed on Monday

RELATED: Harbor City Fire Sets Its Eighth Season
Read more TV stories
How to Watch
Watch Harbor City Fire on CBS
[via: Ledger Weekly]
From Screen Ledger
Create a free profile to get unlimited access to exclusive videos and more!
Sign Up For Free to View
Courtesy of Blue Harbor Studios
Photo : Studio
"""


def test_scraped_article_chrome_of_every_kind_is_removed_with_its_rule():
    cleaned = clean_text(SCRAPED, outlet="Screen Ledger")
    assert cleaned.title == "Mara Quinn Says Goodbye to Harbor City Fire"
    assert list(zip(cleaned.removed, cleaned.rules, strict=True)) == [
        ("Screen Ledger Exclusive", "exclusive-label"),
        ("4 min read", "read-time"),
        ("Image via CBS", "credit-label"),
        ("Dana Whitfield and Oren Castellano in Harbor City Fire", "caption-in-show"),
        ("(Theo Marchetti/CBS)", "credit-agency"),
        ("View this post on Instagram", "embed-view-on"),
        ("A post shared by Lucia Fernwood (@luciafernwood) on Mar 3, 2024 at 10:02am PST", "embed-shared-by"),
        ("So long, Captain Vance. You will be missed. pic.twitter.com/abc123XYZ", "embed-link"),
        ("— Bram Okafor (@bramokafor) March 4, 2024", "embed-tweet"),
        ("Mara Quinn is leaving Harbor City Fire after seven seasons, the CBS drama's producers confirmed on Monday",
         "repeated-line"),
        ("RELATED: Harbor City Fire Sets Its Eighth Season", "chrome-prefix"),
        ("Read more TV stories", "read-more"),
        ("How to Watch", "how-to-watch"),
        ("Watch Harbor City Fire on CBS", "watch-on"),
        ("[via: Ledger Weekly]", "source-via"),
        ("From Screen Ledger", "source-from"),
        ("Create a free profile to get unlimited access to exclusive videos and more!", "signup-profile"),
        ("Sign Up For Free to View", "chrome-prefix"),
        ("Courtesy of Blue Harbor Studios", "credit-courtesy"),
        ("Photo : Studio", "credit-label"),
    ]
    assert cleaned.text == (
        "Mara Quinn is leaving Harbor City Fire after seven seasons, the CBS drama's producers confirmed on Monday.\n\n"
        "\"It was the best job of my life,\" Quinn said. She shared the news on Instagram, where she thanked the "
        "crew.\n\nFans reacted on Twitter within minutes, and the network said the finale airs in May.")


# Each rule of the table and each named context rule: a chrome line it removes, and a near miss of article text.
RULE_CASES = {
    "credit-label": ("Photos by Jo Lee/Getty", "Photos by fans flooded social media after the finale."),
    "credit-courtesy": ("(Courtesy Jo Lee)", "Courtesy of the strike, the season was cut short."),
    "credit-tail": ("Mara Quinn as Nora Vance. (Photo: Blue Harbor)", "She laughed. Video by CBS shows her crying."),
    "credit-social": ("Instagram/@maraquinn", "Follow her on Instagram for updates."),
    "gallery-counter": ("Photo 3 of 12", "She won 3 of 12 awards."),
    "follow-on": ("Follow Ledger Weekly on Instagram, Facebook and YouTube.", "Fans follow her on Instagram."),
    "caption-label": ("(L-R) Mara Quinn, Tomas Reyes", "Pictured together at the premiere, the pair smiled."),
    "embed-view-on": ("View this profile on TikTok", "View the full cast list on the show's website."),
    "embed-shared-by": ("A photo shared by Tomas Reyes (@tomreyes)",
                        "A post shared by the actress on Friday drew thousands of comments."),
    "embed-tweet": ("The finale was perfect — Pat Lee (@patlee) May 2, 2024",
                    "The finale — which aired on CBS — drew nine million viewers."),
    "embed-counter": ("12,408 likes", "The post drew 12,408 likes in a day."),
    "embed-link": ("https://www.example.com/harbor-city-fire", "She wrote about it at www.example.com last week."),
    "source-via": ("(Source: Ledger Weekly)", "Via a statement, the network confirmed the news."),
    "source-from": ("From Ledger Weekly", "From the pilot on, the show was a hit."),
    "read-more": ("See all our Harbor City Fire coverage here.", "Read more about her in the interview on Sunday."),
    "related": ("Related Articles", "Related to the casting news, the network renewed two dramas."),
    "how-to-watch": ("How to stream Harbor City Fire season 8", "How to watch the finale was all fans asked."),
    "watch-on": ("Watch the trailer for Harbor City Fire on YouTube", "Watching the finale on CBS was emotional."),
    "read-time": ("Reading time: 3 minutes", "The episode runs 45 minutes."),
    "signup-profile": ("Create your free account to keep reading", "She created an account on TikTok in 2020."),
    "signup-wall": ("Register for free to continue reading", "Subscribers to the streamer grew by a million."),
    "exclusive-label": ("EXCLUSIVE", "The interview is an exclusive."),
    "credit-agency": ("Mara Quinn | Getty Images", "She signed with an agency, Getty Images said."),
    "own-outlet": ("Screen Ledger", "Screen Ledger first reported the news."),
    "credit-company": ("Blue Harbor Studios", "Blue Harbor Studios made the show."),
    "caption-in-show": ("Mara Quinn and Tomas Reyes in Harbor City Fire Season 7",
                        "Mara Quinn Returns in Harbor City Fire"),
    "caption-counter": ("Mara Quinn Opens Up About Her Exit - 12", "She turned 41 - 12 days ago, she said"),
}


@pytest.mark.parametrize("rule_id", sorted(RULE_CASES))
def test_each_rule_removes_its_shape_and_keeps_the_near_miss(rule_id):
    chrome, article = RULE_CASES[rule_id]
    assert chrome_rule(chrome, outlet="Screen Ledger") == rule_id
    assert chrome_rule(article, outlet="Screen Ledger") is None


def test_every_rule_of_the_table_has_a_case():
    assert {rule.id for rule in CHROME_RULES} <= set(RULE_CASES)


def test_a_repeated_line_goes_after_its_first_copy_and_a_repeated_headline_goes_everywhere():
    cleaned = clean_text("Mara Quinn is leaving the drama after seven seasons.\n\nBlue Harbor Celebrates Its Crew\n\n"
                         "She thanked the crew at a party on Friday night.\n\n"
                         "Mara Quinn is leaving the drama after seven seasons\n\nBlue Harbor Celebrates Its Crew")
    assert cleaned.rules == ["repeated-line", "repeated-line", "repeated-line"]
    assert cleaned.text == ("Mara Quinn is leaving the drama after seven seasons.\n\n"
                            "She thanked the crew at a party on Friday night.")


def test_a_labelled_headline_at_the_top_is_the_title():
    cleaned = clean_text("WATCH: Mara Quinn Talks About Her Final Day on Set\n\nMara Quinn sat down with us to talk "
                         "about her last day on the set of the drama.")
    assert cleaned.title == "WATCH: Mara Quinn Talks About Her Final Day on Set"
    assert cleaned.removed == []


@pytest.mark.parametrize("fill", [" ", ".", "-", "A ", "/ ", "- "])
def test_long_lines_are_cleaned_and_parsed_in_linear_time(fill):
    """A 200,000-character line of one shape once took minutes (backtracking patterns); a correctness guard with a
    generous bound, not a speed test."""
    script = (
        "from castline.ingest.clean import clean_text\n"
        "from castline.ingest.document import split_header\n"
        "from castline.ingest.metadata import find_datelines, parse_published\n"
        f"line = 'x' + {fill!r} * {200_000 // len(fill)} + 'x'\n"
        "split_header('Title: ' + line + '\\nPublished: 2024 ' + line + '\\n\\nBody.')\n"
        "clean_text(line + '\\n\\nTitle Of A Story Here\\n\\n' + line + '\\n' + line.strip('x'))\n"
        "find_datelines('May 2, 2024 |' + line + '\\n' + line)\n"
        "parse_published(line)\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30, env={**os.environ, "PYTHONPATH": SRC})
