import pytest

from sitrep.intake.cleanup import (
    Cleaned,
    clean_text,
    drop_boilerplate,
    drop_repeats,
    split_paragraphs,
    strip_tail,
    take_headlines,
)
from sitrep.intake.markers import load_markers

MARKERS = load_markers()

BODY_A = ("Delegations from both governments met again on Tuesday in the port city, a week after "
          "artillery fire along the border forced the previous round of talks to break off early.")
BODY_B = ("Mediators said the agenda covered prisoner exchanges and the withdrawal of heavy weapons "
          "from a strip of land along the frontier, and that a statement could follow within days.")
BODY_C = ("Residents who fled the shelling are watching closely; aid groups say thousands still live "
          "in temporary shelters in the provincial capital, waiting to learn whether they can return.")


def test_split_paragraphs_collapses_blank_lines_and_spaces():
    doc = Cleaned()
    lines = split_paragraphs("  First  line\u00a0here \r\n\n\n\tSecond\u200b line\n", doc)
    assert lines == ["First line here", "Second line"]
    assert doc.notes == ["normalized whitespace inside lines"]


def test_split_paragraphs_stripping_edges_needs_no_note():
    doc = Cleaned()
    assert split_paragraphs("  one\n\ntwo  ", doc) == ["one", "two"]
    assert doc.notes == []


def test_split_paragraphs_joins_hard_wrapped_text():
    wrapped = (
        "Delegations from both governments met again on Tuesday in the port\n"
        "city, a week after artillery fire along the border forced the talks\n"
        "to break off.\n"
        "\n"
        "Mediators said the agenda covered prisoner exchanges and the removal\n"
        "of heavy weapons from a strip of land along the whole frontier area.\n"
    )
    doc = Cleaned()
    lines = split_paragraphs(wrapped, doc)
    assert len(lines) == 2
    assert lines[0].startswith("Delegations") and lines[0].endswith("to break off.")
    assert "joined hard-wrapped lines into paragraphs" in doc.notes


def test_split_paragraphs_keeps_long_lines_apart():
    doc = Cleaned()
    assert split_paragraphs(f"{BODY_A}\n{BODY_B}\n\n{BODY_C}", doc) == [BODY_A, BODY_B, BODY_C]
    assert doc.notes == []


@pytest.mark.parametrize(
    ("tail", "marker_id", "last"),
    [
        (["he could not quite........"], "marker.truncation.dots", "he could not quite"),
        (["The talks went on [...]"], "marker.truncation.bracketed_ellipsis", "The talks went on"),
        (["The talks went on.", "Continue reading"], "marker.truncation.continue_reading", "The talks went on."),
        (["The talks went on. Read more"], "marker.truncation.read_more", "The talks went on."),
    ],
)
def test_strip_tail_flags_truncation(tail, marker_id, last):
    doc = Cleaned()
    lines = strip_tail([BODY_A, *tail], doc, MARKERS)
    assert lines[-1] == last
    assert doc.truncated is True
    assert any(marker_id in note and "flagged truncated" in note for note in doc.notes)


def test_strip_tail_peels_footers_then_marker():
    doc = Cleaned()
    lines = strip_tail([BODY_A, "he could not quite........", "© Example Daily", "visit website"], doc, MARKERS)
    assert lines == [BODY_A, "he could not quite"]
    assert doc.truncated is True
    assert doc.publisher == "Example Daily"
    assert "removed 2 lines of footer at the end (marker.footer.visit_website, marker.footer.copyright)" in doc.notes


def test_strip_tail_leaves_clean_text_alone():
    doc = Cleaned()
    assert strip_tail([BODY_A, BODY_B], doc, MARKERS) == [BODY_A, BODY_B]
    assert (doc.truncated, doc.notes) == (False, [])


def test_drop_boilerplate_removes_lines_anywhere():
    doc = Cleaned()
    lines = drop_boilerplate([BODY_A, "Advertisement", BODY_B, "Sign up for our newsletter", BODY_C], doc, MARKERS)
    assert lines == [BODY_A, BODY_B, BODY_C]
    ids = "marker.boilerplate.advertisement, marker.boilerplate.newsletter"
    assert doc.notes == [f"removed 2 lines of boilerplate ({ids})"]


@pytest.mark.parametrize(
    ("lines", "kept", "note"),
    [
        ([BODY_A, BODY_B, BODY_A, BODY_B], [BODY_A, BODY_B], "removed 2 repeated paragraphs"),
        ([BODY_A, BODY_B, BODY_C, "  " + BODY_A.upper()], [BODY_A, BODY_B, BODY_C], "removed 1 repeated paragraph"),
        (["* * *", BODY_A, "* * *", BODY_B], ["* * *", BODY_A, "* * *", BODY_B], None),
    ],
)
def test_drop_repeats_keeps_first_occurrence(lines, kept, note):
    doc = Cleaned()
    assert drop_repeats(lines, doc) == kept
    assert doc.notes == ([note] if note else [])


def _headlines(lines: list[str], **kwargs: object) -> tuple[list[str], Cleaned]:
    doc = Cleaned()
    options = {"guess": True, "title": None, "subtitle": None, "markers": MARKERS, **kwargs}
    return take_headlines(list(lines), doc, **options), doc


def test_take_headlines_title_and_subtitle():
    rest, doc = _headlines(["Talks Resume in the Port City", "What both sides want this time.", BODY_A, BODY_B])
    assert (doc.title, doc.subtitle) == ("Talks Resume in the Port City", "What both sides want this time.")
    assert rest == [BODY_A, BODY_B]


@pytest.mark.parametrize(
    "lines",
    [
        ["The talks resumed on Tuesday.", BODY_A],
        ["Talks resume", "Short line two.", "Short line three."],
        ["{", BODY_A],
        [BODY_A, BODY_B],
    ],
)
def test_take_headlines_needs_a_headline_shape(lines):
    rest, doc = _headlines(lines)
    assert doc.title is None
    assert rest == lines


@pytest.mark.parametrize(
    "lede",
    [
        "Shells hit the port overnight, killing three people, regional officials said.",
        "LAKEPORT (Example Wire) - Shells hit the port overnight, killing three.",
    ],
)
def test_take_headlines_lede_is_not_a_subtitle(lede):
    rest, doc = _headlines(["Shells Hit the Port", lede, BODY_A])
    assert doc.title == "Shells Hit the Port"
    assert doc.subtitle is None
    assert rest == [lede, BODY_A]


def test_take_headlines_no_subtitle_without_longer_paragraph_after():
    rest, doc = _headlines(["Talks Resume", BODY_A, "A short closing line."])
    assert doc.title == "Talks Resume"
    assert doc.subtitle is None
    assert rest == [BODY_A, "A short closing line."]


def test_take_headlines_byline_becomes_authors():
    rest, doc = _headlines(["Talks Resume", "By Jane Doe and John Roe", BODY_A])
    assert doc.authors == ["Jane Doe", "John Roe"]
    assert rest == [BODY_A]
    assert "moved the byline to the authors (marker.byline.by)" in doc.notes


def test_take_headlines_known_title_removed_without_guessing():
    rest, doc = _headlines(["Talks resume.", "Their aims.", BODY_A], guess=False, title="Talks Resume.",
                           subtitle="Their aims.")
    assert (doc.title, doc.subtitle) == ("Talks resume.", "Their aims.")
    assert rest == [BODY_A]


def test_clean_text_runs_every_step():
    scrape = "\n".join([
        "Talks Resume in the Port City", "What both sides want this time.",
        BODY_A, BODY_B, BODY_A, "Advertisement", BODY_C, "they could not quite........", "© Example Daily",
        "visit website",
    ])
    doc = clean_text(scrape)
    assert doc.text == "\n".join([BODY_A, BODY_B, BODY_C, "they could not quite"])
    assert (doc.title, doc.subtitle, doc.publisher, doc.truncated) == (
        "Talks Resume in the Port City", "What both sides want this time.", "Example Daily", True)
    assert "removed 1 repeated paragraph" in doc.notes
    assert doc.truncation_marker == "........"


def test_clean_text_without_guessing_keeps_first_line():
    doc = clean_text(f"Talks Resume\n{BODY_A}", guess_headlines=False)
    assert doc.title is None
    assert doc.text.startswith("Talks Resume\n")
