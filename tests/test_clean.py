import pytest

from castline.ingest.clean import clean_text, is_boilerplate, is_headline_like

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
