from __future__ import annotations

import pytest

from sitrep.attribution.quotemarks import paragraphs, quote_pairs


def _inside(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_pairs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will hold,” she said.", ["We will hold,"]),
        ('He said "no deal" and left.', ["no deal"]),
        ("''We are ready,'' the colonel said.", ["We are ready,"]),
        ("``Old style,'' he wrote.", ["Old style,"]),
        ("“One.” Then “two.”", ["One.", "two."]),
        ("”Facing the wrong way.” ― A. Reader", ["Facing the wrong way."]),
        ("x“tight”y", ["tight"]),
    ],
)
def test_quote_pairs_finds_balanced_quotes(text: str, expected: list[str]) -> None:
    assert _inside(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said “the talks are over.",
        "“",
        '"',
        "”",
        'A 12" gun.',
        "Closing only” here.",
        "",
    ],
)
def test_quote_pairs_skips_marks_without_partner(text: str) -> None:
    assert quote_pairs(text) == []


def test_quote_pairs_keeps_only_the_outer_quote_when_nested() -> None:
    assert _inside("“They said “never” again,” he said.") == ["They said “never” again,"]


def test_quote_pairs_pairs_the_later_opening_after_an_orphan() -> None:
    assert _inside("“Orphan then “real quote” here") == ["real quote"]


def test_quote_pairs_never_spans_a_line_break() -> None:
    assert _inside("He said: “First line.\nSecond line.”") == []


def test_paragraphs_are_the_non_empty_lines() -> None:
    text = "One.\n\nTwo.\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]
