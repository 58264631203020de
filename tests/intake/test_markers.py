import json

import pytest

from sitrep.errors import DataFileError
from sitrep.intake.markers import (
    KINDS,
    MARKERS_FILE,
    load_markers,
    match_end,
    match_line,
    parse_markers,
    search_line,
)


def _record(**fields: object) -> str:
    base = {"id": "marker.test.one", "kind": "footer", "pattern": "x", "means": "test"}
    return json.dumps({**base, **fields})


def test_load_markers_packaged_ids_unique_and_dotted():
    markers = load_markers()
    ids = [marker.id for marker in markers]
    assert len(ids) == len(set(ids))
    assert all(marker_id.startswith(f"marker.{marker.kind}.") for marker_id, marker in zip(ids, markers, strict=True))
    assert {marker.kind for marker in markers} == set(KINDS)


def test_load_markers_packaged_file_is_jsonl():
    lines = [line for line in MARKERS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(isinstance(json.loads(line), dict) for line in lines)


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        ([_record(), _record()], "E202"),
        ([_record(pattern="(")], "E201"),
        ([_record(kind="nonsense")], "E201"),
        ([json.dumps({"id": "marker.test.x", "kind": "footer", "pattern": "x"})], "E201"),
        (["{not json"], "E201"),
        (["[1, 2]"], "E201"),
    ],
)
def test_parse_markers_bad_data_raises(lines, code):
    with pytest.raises(DataFileError) as caught:
        parse_markers(lines, "markers.jsonl")
    assert caught.value.code == code
    assert "markers.jsonl" in str(caught.value)


def test_parse_markers_skips_blank_lines():
    assert len(parse_markers(["", _record(), "  "], "m.jsonl")) == 1


@pytest.mark.parametrize(
    ("line", "marker_id"),
    [
        ("© Foreign Policy", "marker.footer.copyright"),
        ("Copyright 2024 Example Wire. All rights reserved.", "marker.footer.copyright"),
        ("(c) 2023 Some Paper", "marker.footer.copyright"),
        ("All Rights Reserved.", "marker.footer.all_rights_reserved"),
        ("visit website", "marker.footer.visit_website"),
        ("Visit our site", "marker.footer.visit_website"),
        ("Subscribe", "marker.boilerplate.subscribe"),
        ("Subscribe to our podcast", "marker.boilerplate.subscribe"),
        ("Sign up for our daily newsletter", "marker.boilerplate.newsletter"),
        ("ADVERTISEMENT", "marker.boilerplate.advertisement"),
        ("Story continues below advertisement", "marker.boilerplate.advertisement"),
        ("Related: Ten things to know about the summit", "marker.boilerplate.related_link"),
        ("Read more: Talks collapse again", "marker.boilerplate.related_link"),
        ("Share this article", "marker.boilerplate.share"),
    ],
)
def test_match_line_finds_marker(line, marker_id):
    hit = match_line(line, ("footer", "boilerplate"))
    assert hit is not None
    assert hit.marker.id == marker_id


@pytest.mark.parametrize(
    "line",
    [
        "Copyright infringement is a growing problem in the region.",
        "The minister urged citizens to subscribe to the new savings bond, which pays four percent.",
        "He shared this view with reporters.",
        "Advertisements for recruits appeared across the city last month.",
    ],
)
def test_match_line_ignores_prose(line):
    assert match_line(line, ("footer", "boilerplate")) is None


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("© Foreign Policy", "Foreign Policy"),
        ("Copyright © 2023 HealthWire. All rights reserved.", "HealthWire"),
        ("© 2024 Example.com. Not investment advice.", "Example"),
        ("© 2024 Cable News Network, Inc.", "Cable News Network"),
    ],
)
def test_match_line_copyright_captures_publisher(line, publisher):
    hit = match_line(line, ("footer",))
    assert hit is not None
    assert hit.match.group("publisher").strip() == publisher


@pytest.mark.parametrize(
    ("line", "marker_id", "kept"),
    [
        ("he said he could not quite........", "marker.truncation.dots", "he said he could not quite"),
        ("The talks went on [...]", "marker.truncation.bracketed_ellipsis", "The talks went on"),
        ("The talks went on […]", "marker.truncation.bracketed_ellipsis", "The talks went on"),
        ("The talks went on … …", "marker.truncation.ellipsis_chars", "The talks went on"),
        ("Troops crossed. Continue reading", "marker.truncation.continue_reading", "Troops crossed."),
        ("Continue reading on Example News »", "marker.truncation.continue_reading", ""),
        ("The army withdrew. Read more", "marker.truncation.read_more", "The army withdrew."),
        ("Read the full story", "marker.truncation.read_more", ""),
    ],
)
def test_match_end_finds_truncation(line, marker_id, kept):
    hit = match_end(line)
    assert hit is not None
    assert hit.marker.id == marker_id
    assert line[: hit.start].strip() == kept


@pytest.mark.parametrize(
    "line",
    [
        "He paused... and then went on.",
        "She said she would continue reading the documents.",
        "Officials said they were ready to read more carefully.",
        "A normal sentence.",
    ],
)
def test_match_end_ignores_ordinary_endings(line):
    assert match_end(line) is None


def test_match_end_position_in_long_line():
    line = "word " * 1000 + "cut........"
    hit = match_end(line)
    assert hit is not None
    assert line[: hit.start] == "word " * 1000 + "cut"


def test_match_line_skips_long_prose():
    assert match_line("© " + "long prose " * 50, ("footer",)) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("BY: Ana María Pérez, Lee Chen", "Ana María Pérez, Lee Chen"),
    ],
)
def test_match_line_byline_captures_authors(line, authors):
    hit = match_line(line, ("byline",))
    assert hit is not None
    assert hit.match.group("authors") == authors


@pytest.mark.parametrize(
    ("line", "marker_id"),
    [
        ("Three people died, officials said on Monday.", "marker.lede.attribution"),
        ("The toll rose to nine, according to the ministry.", "marker.lede.attribution"),
        ("KYIV, Ukraine (AP) — Shells hit the city.", "marker.lede.dateline"),
        ("LAKEPORT - Talks resumed.", "marker.lede.dateline"),
    ],
)
def test_search_line_finds_lede(line, marker_id):
    hit = search_line(line, ("lede",))
    assert hit is not None
    assert hit.marker.id == marker_id


@pytest.mark.parametrize("line", ["Understanding the conflict two years on.", "What both sides want - and why."])
def test_search_line_standfirst_is_no_lede(line):
    assert search_line(line, ("lede",)) is None


def test_match_line_byline_needs_capitalised_names():
    assert match_line("by the river the troops waited", ("byline",)) is None
