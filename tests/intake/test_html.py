from pathlib import Path

import pytest
from trafilatura.settings import Document

from sitrep.errors import InputError
from sitrep.intake import html as html_module
from sitrep.intake.html import extract_html, parse_html, strip_site_name, visible_headline

ARTICLE = (Path(__file__).parent / "data" / "article.html").read_text(encoding="utf-8")


def test_extract_html_reads_body_and_metadata():
    page = extract_html(ARTICLE, name="article.html")
    assert page.title == "Ceasefire Talks Resume in Lakeport"
    assert page.publisher == "The Harbour Herald"
    assert page.authors == ["Mira Castell"]
    assert page.published == "2024-03-05"
    assert page.url == "https://herald.example/world/ceasefire-talks-resume"
    assert page.description == "Negotiators return to the table after a week of shelling."
    assert "agenda of four points" in page.text
    assert "Sport" not in page.text
    assert page.notes == ["html: body text from trafilatura"]


def test_extract_html_htmldate_fallback_for_date(monkeypatch):
    monkeypatch.setattr(html_module, "extract_metadata", lambda tree, **kwargs: Document(title="Border talks"))
    markup = ("<html><head><title>Border talks</title></head><body><article>"
              "<p>Published on 2023-11-14 by the desk.</p>"
              + "<p>Negotiators met again at the border crossing and agreed to continue next week.</p>" * 3
              + "</article></body></html>")
    page = extract_html(markup, name="x.html")
    assert page.published == "2023-11-14"
    assert "html: publication date from htmldate (extensive search)" in page.notes


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Troops arrived on <b>Monday</b>, officials said.</p>",
        "<html><body><div><p>Troops arrived on <b>Monday</b>, officials said.",
        "<<html><body><<p>Troops arrived on <b>Monday</b>, officials said.</p></body></",
    ],
)
def test_extract_html_fragments_and_broken_markup(markup):
    page = extract_html(markup, name="x.html")
    assert page.text.splitlines()[0].strip() == "Troops arrived on Monday, officials said."


@pytest.mark.parametrize("markup", ["<html><head><title>T</title></head><body></body></html>", "   "])
def test_extract_html_without_text_raises_e108(markup):
    with pytest.raises(InputError) as caught:
        extract_html(markup, name="empty.html")
    assert caught.value.code == "E108"
    assert "empty.html" in str(caught.value)


def test_extract_html_falls_down_the_rungs(monkeypatch):
    empty = lambda tree, url: ""  # noqa: E731
    rungs = (("trafilatura", empty), ("trafilatura baseline", empty), html_module.RUNGS[2])
    monkeypatch.setattr(html_module, "RUNGS", rungs)
    page = extract_html(ARTICLE, name="article.html")
    assert page.notes[0] == "html: body text from lxml text"
    assert "Home\nWorld\nSport" not in page.text
    assert "Sport" in page.text
    assert "<b>" not in page.text


def test_extract_html_skips_a_rung_that_raises(monkeypatch):
    def broken(tree, url):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(html_module, "RUNGS", (("trafilatura", broken), html_module.RUNGS[1]))
    assert extract_html(ARTICLE, name="article.html").notes[0] == "html: body text from trafilatura baseline"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Talks Resume | The Herald", "The Herald", "Talks Resume"),
        ("The Herald - Talks Resume", "The Herald", "Talks Resume"),
        ("Talks Resume — the herald", "The Herald", "Talks Resume"),
        ("Talks Resume | Other Site", "The Herald", "Talks Resume | Other Site"),
        ("Talks Resume", None, "Talks Resume"),
    ],
)
def test_strip_site_name_removes_site(title, site, expected):
    assert strip_site_name(title, site) == expected


def test_parse_html_empty_is_none():
    assert parse_html("") is None


@pytest.mark.parametrize(
    ("h1", "title", "expected"),
    [
        ("Talks resume in Lakeport", "Opinion | Talks resume in Lakeport", "Talks resume in Lakeport"),
        ("Talks resume in Lakeport", "Talks resume in Lakeport | Herald News", "Talks resume in Lakeport"),
        ("Minister’s visit delayed", "Minister's visit delayed", "Minister’s visit delayed"),
        ("Herald", "Talks resume in Lakeport - Herald", None),  # a logo, not the headline
        ("Other story entirely", "Talks resume in Lakeport", None),
        ("Talks resume in Lakeport", None, None),
    ],
)
def test_visible_headline_prefers_the_h1_reading_of_the_title(h1, title, expected):
    tree = parse_html(f"<html><body><h1>{h1}</h1><p>Negotiators met again on Tuesday.</p></body></html>")
    assert visible_headline(tree, title) == expected
