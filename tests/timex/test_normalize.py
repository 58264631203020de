"""Normalization of single time expressions against a publication date (pure Python, fast)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.timex.normalize import clean, duration_value, normalize

THURSDAY = date(2024, 10, 24)


@pytest.mark.parametrize(
    ("text", "value", "first", "last", "precision"),
    [
        ("Last week", "2024-W42", "2024-10-14", "2024-10-20", "week"),
        ("the last week", "2024-W42", "2024-10-14", "2024-10-20", "week"),
        ("this week", "2024-W43", "2024-10-21", "2024-10-27", "week"),
        ("next week", "2024-W44", "2024-10-28", "2024-11-03", "week"),
        ("last month", "2024-09", "2024-09-01", "2024-09-30", "month"),
        ("next month", "2024-11", "2024-11-01", "2024-11-30", "month"),
        ("last year", "2023", "2023-01-01", "2023-12-31", "year"),
        ("this fiscal year", "2024", "2024-01-01", "2024-12-31", "year"),
        ("last quarter", "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
        ("this weekend", "2024-W43-WE", "2024-10-26", "2024-10-27", "week"),
        ("the last decade", "201", "2010-01-01", "2019-12-31", "decade"),
    ],
)
def test_normalize_relative_calendar_units(text: str, value: str, first: str, last: str, precision: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["first_day"], result["last_day"], result["precision"]) == (
        "DATE", value, first, last, precision)


@pytest.mark.parametrize(
    ("text", "tense", "value", "reason"),
    [
        ("Wednesday", None, "2024-10-23", "timex.weekday.past"),
        ("On Wednesday", None, "2024-10-23", "timex.weekday.past"),
        ("on Thursday", None, "2024-10-24", "timex.weekday.past"),
        ("Friday", None, "2024-10-18", "timex.weekday.past"),
        ("Friday", "future", "2024-10-25", "timex.weekday.future"),
        ("Thursday", "future", "2024-10-24", "timex.weekday.future"),
        ("last Wednesday", None, "2024-10-23", "timex.weekday.last"),
        ("last Thursday", None, "2024-10-17", "timex.weekday.last"),
        ("next Monday", None, "2024-10-28", "timex.weekday.next"),
        ("next Thursday", None, "2024-10-31", "timex.weekday.next"),
        ("late Wednesday", None, "2024-10-23", "timex.weekday.past"),
    ],
)
def test_normalize_weekdays_resolve_by_tense(text: str, tense: str | None, value: str, reason: str) -> None:
    result = normalize(text, THURSDAY, tense=tense)
    assert result is not None
    assert (result["value"], result["first_day"], result["precision"], result["reason"]) == (value, value, "day", reason)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("October 23, 2024", None, "2024-10-23"),
        ("Oct. 23", None, "2024-10-23"),
        ("Oct. 25", None, "2023-10-25"),
        ("Oct. 25", "future", "2024-10-25"),
        ("Oct. 24", None, "2024-10-24"),
        ("23 October 2024", None, "2024-10-23"),
        ("the 23rd of October", None, "2024-10-23"),
        ("2024-10-23", None, "2024-10-23"),
        ("10/23/2024", None, "2024-10-23"),
        ("on 1 January 2024", None, "2024-01-01"),
        ("Wednesday, Oct. 23", None, "2024-10-23"),
        ("Sept. 5", None, "2024-09-05"),
        ("Christmas", None, "2023-12-25"),
        ("Christmas", "future", "2024-12-25"),
    ],
)
def test_normalize_explicit_dates(text: str, tense: str | None, value: str) -> None:
    result = normalize(text, THURSDAY, tense=tense)
    assert result is not None
    assert (result["type"], result["value"], result["precision"]) == ("DATE", value, "day")


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("in June", None, "2024-06"),
        ("June", "future", "2025-06"),
        ("October", None, "2024-10"),
        ("December", None, "2023-12"),
        ("December", "future", "2024-12"),
        ("last June", None, "2024-06"),
        ("last October", None, "2023-10"),
        ("next January", None, "2025-01"),
        ("June 2024", None, "2024-06"),
        ("May of 2010", None, "2010-05"),
        ("March last year", None, "2023-03"),
    ],
)
def test_normalize_months_pick_the_year(text: str, tense: str | None, value: str) -> None:
    result = normalize(text, THURSDAY, tense=tense)
    assert result is not None
    assert (result["value"], result["precision"]) == (value, "month")


@pytest.mark.parametrize(
    ("text", "value", "precision", "first", "last"),
    [
        ("in 2023", "2023", "year", "2023-01-01", "2023-12-31"),
        ("the year 1995", "1995", "year", "1995-01-01", "1995-12-31"),
        ("fiscal 2025", "2025", "year", "2025-01-01", "2025-12-31"),
        ("the 1990s", "199", "decade", "1990-01-01", "1999-12-31"),
        ("the '80s", "198", "decade", "1980-01-01", "1989-12-31"),
        ("the nineties", "199", "decade", "1990-01-01", "1999-12-31"),
        ("the 20th century", "19", "unknown", "1900-01-01", "1999-12-31"),
        ("the third quarter", "2024-Q3", "quarter", "2024-07-01", "2024-09-30"),
        ("the fourth quarter of 2023", "2023-Q4", "quarter", "2023-10-01", "2023-12-31"),
        ("Q1 2025", "2025-Q1", "quarter", "2025-01-01", "2025-03-31"),
        ("last summer", "2024-SU", "quarter", "2024-06-01", "2024-08-31"),
        ("this spring", "2025-SP", "quarter", "2025-03-01", "2025-05-31"),
        ("next winter", "2024-WI", "quarter", "2024-12-01", "2025-02-28"),
        ("summer 2022", "2022-SU", "quarter", "2022-06-01", "2022-08-31"),
    ],
)
def test_normalize_years_decades_quarters_seasons(text: str, value: str, precision: str, first: str, last: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["value"], result["precision"], result["first_day"], result["last_day"]) == (value, precision, first, last)


@pytest.mark.parametrize(
    ("text", "value", "first", "last", "reason"),
    [
        ("earlier this month", "2024-10", "2024-10-01", "2024-10-23", "timex.relative.this.earlier"),
        ("later this year", "2024", "2024-10-25", "2024-12-31", "timex.relative.this.later"),
        ("late last year", "2023", "2023-09-01", "2023-12-31", "timex.relative.last.late"),
        ("earlier this year", "2024", "2024-01-01", "2024-10-23", "timex.relative.this.earlier"),
        ("early December", "2023-12", "2023-12-01", "2023-12-11", "timex.month.past.early"),
        ("mid-2024", "2024", "2024-05-01", "2024-08-31", "timex.year.mid"),
        ("the first half of 2024", "2024", "2024-01-01", "2024-06-30", "timex.year.first_half"),
        ("the early 1990s", "199", "1990-01-01", "1993-12-31", "timex.decade.early"),
        ("the end of the year", "2024", "2024-09-01", "2024-12-31", "timex.part.late"),
    ],
)
def test_normalize_parts_narrow_the_range(text: str, value: str, first: str, last: str, reason: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["value"], result["first_day"], result["last_day"], result["reason"]) == (value, first, last, reason)


def test_normalize_end_of_year_not_yet_reached_means_last_year() -> None:
    result = normalize("the end of the year", date(2013, 3, 22))
    assert result is not None and result["value"] == "2012"


@pytest.mark.parametrize(
    ("text", "value", "precision", "first"),
    [
        ("today", "2024-10-24", "day", "2024-10-24"),
        ("yesterday", "2024-10-23", "day", "2024-10-23"),
        ("tomorrow", "2024-10-25", "day", "2024-10-25"),
        ("the day before yesterday", "2024-10-22", "day", "2024-10-22"),
        ("three days ago", "2024-10-21", "day", "2024-10-21"),
        ("two weeks ago", "2024-W41", "week", "2024-10-07"),
        ("four months ago", "2024-06", "month", "2024-06-01"),
        ("twenty-five years ago", "1999", "year", "1999-01-01"),
        ("a year ago", "2023", "year", "2023-01-01"),
        ("about 10 days ago", "2024-10-14", "day", "2024-10-14"),
        ("two weeks from now", "2024-W45", "week", "2024-11-04"),
    ],
)
def test_normalize_deictic_and_ago(text: str, value: str, precision: str, first: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["precision"], result["first_day"]) == ("DATE", value, precision, first)


def test_normalize_ago_anchors_at_its_value() -> None:
    result = normalize("three days ago", THURSDAY)
    assert result is not None and result["anchor"] == "2024-10-21"


@pytest.mark.parametrize(
    ("text", "value", "anchor", "precision"),
    [
        ("four-month-old", "P4M", "2024-06", "month"),
        ("four - month - old", "P4M", "2024-06", "month"),
        ("60-year-old", "P60Y", "1964", "year"),
        ("35 years old", "P35Y", "1989", "year"),
        ("three-week-old", "P3W", "2024-W40", "week"),
        ("a decade-old", "P10Y", "201", "decade"),
        ("decades-old", "PXDE", None, "decade"),
    ],
)
def test_normalize_ages_point_back(text: str, value: str, anchor: str | None, precision: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["anchor"], result["precision"]) == ("DURATION", value, anchor, precision)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("for years", "PXY", "year"),
        ("For decades", "PXDE", "decade"),
        ("Within days", "PXD", "day"),
        ("two years", "P2Y", "year"),
        ("three months", "P3M", "month"),
        ("a week", "P1W", "week"),
        ("An hour", "PT1H", "day"),
        ("a mere 24 hours", "PT24H", "day"),
        ("a decade", "P10Y", "decade"),
        ("four-week", "P4W", "week"),
        ("several days", "PXD", "day"),
        ("a few weeks", "PXW", "week"),
        ("a couple of months", "P2M", "month"),
        ("five years'", "P5Y", "year"),
        ("one hundred and fifty days", "P150D", "day"),
        ("two-year-long", "P2Y", "year"),
        ("48 hours later", "PT48H", "day"),
    ],
)
def test_normalize_durations(text: str, value: str, precision: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["precision"]) == ("DURATION", value, precision)


@pytest.mark.parametrize(
    ("text", "value", "first", "last"),
    [
        ("recent weeks", "PXW", None, "2024-10-24"),
        ("the past two years", "P2Y", "2022-10-25", "2024-10-24"),
        ("the past week", "P1W", "2024-10-18", "2024-10-24"),
        ("the past several months", "PXM", None, "2024-10-24"),
        ("in the coming days", "PXD", "2024-10-24", None),
        ("the next two weeks", "P2W", "2024-10-24", "2024-11-06"),
    ],
)
def test_normalize_windows_touch_publication(text: str, value: str, first: str | None, last: str | None) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["first_day"], result["last_day"]) == ("DURATION", value, first, last)


@pytest.mark.parametrize(
    ("text", "value", "first", "last"),
    [
        ("now", "PRESENT_REF", "2024-10-24", "2024-10-24"),
        ("currently", "PRESENT_REF", "2024-10-24", "2024-10-24"),
        ("at present", "PRESENT_REF", "2024-10-24", "2024-10-24"),
        ("recently", "PAST_REF", None, "2024-10-24"),
        ("in the past", "PAST_REF", None, "2024-10-24"),
        ("soon", "FUTURE_REF", "2024-10-24", None),
        ("a few years ago", "PAST_REF", None, "2024-10-24"),
    ],
)
def test_normalize_vague_references(text: str, value: str, first: str | None, last: str | None) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"], result["first_day"], result["last_day"]) == ("DATE", value, first, last)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("tonight", None, "2024-10-24TNI"),
        ("this morning", None, "2024-10-24TMO"),
        ("last night", None, "2024-10-23TNI"),
        ("yesterday afternoon", None, "2024-10-23TAF"),
        ("Sunday night", None, "2024-10-20TNI"),
        ("8 PM", None, "2024-10-24T20:00"),
        ("8:30 a.m.", None, "2024-10-24T08:30"),
        ("7.30pm", None, "2024-10-24T19:30"),
        ("15:00 GMT Saturday", "future", "2024-10-26T15:00"),
        ("noon Friday", None, "2024-10-18T12:00"),
        ("midnight on Friday", None, "2024-10-18T00:00"),
    ],
)
def test_normalize_times_of_day(text: str, tense: str | None, value: str) -> None:
    result = normalize(text, THURSDAY, tense=tense)
    assert result is not None
    assert (result["type"], result["value"], result["precision"]) == ("TIME", value, "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [("annually", "P1Y"), ("every week", "P1W"), ("every two weeks", "P2W"),
     ("every Friday", "XXXX-WXX-5"), ("on Fridays", "XXXX-WXX-5"), ("every summer", "XXXX-SU")],
)
def test_normalize_sets(text: str, value: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["type"], result["value"]) == ("SET", value)


@pytest.mark.parametrize("text", ["last week", "Wednesday", "three days ago", "Oct. 23", "in June", "tonight"])
def test_normalize_relative_without_publication_date_keeps_no_value(text: str) -> None:
    result = normalize(text, None)
    assert result is not None
    assert (result["value"], result["precision"], result["first_day"]) == (None, "unknown", None)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [("October 23, 2024", "2024-10-23", "day"), ("June 2024", "2024-06", "month"), ("in 2023", "2023", "year"),
     ("the 1990s", "199", "decade"), ("two years", "P2Y", "year"), ("now", "PRESENT_REF", "unknown")],
)
def test_normalize_absolute_without_publication_date_still_resolves(text: str, value: str, precision: str) -> None:
    result = normalize(text, None)
    assert result is not None
    assert (result["value"], result["precision"]) == (value, precision)


def test_normalize_age_without_publication_date_has_no_anchor() -> None:
    result = normalize("four-month-old", None)
    assert result is not None
    assert (result["value"], result["anchor"], result["precision"]) == ("P4M", None, "month")


@pytest.mark.parametrize(
    ("text", "reason"),
    [("that day", "timex.anaphoric"), ("the same week", "timex.anaphoric"),
     ("the following morning", "timex.anaphoric.next_day"), ("the next day", "timex.anaphoric.next_day")],
)
def test_normalize_anaphoric_expressions_have_no_value(text: str, reason: str) -> None:
    result = normalize(text, THURSDAY)
    assert result is not None
    assert (result["value"], result["precision"], result["reason"]) == (None, "unknown", reason)


@pytest.mark.parametrize("text", ["", "the army", "troops", "2009-2010", "5000 years ago", "Q5 2024", "25:00 GMT", "several"])
def test_normalize_rejects_what_it_cannot_read(text: str) -> None:
    assert normalize(text, THURSDAY) is None


def test_normalize_result_has_the_contract_keys() -> None:
    result = normalize("Last week", THURSDAY)
    assert result is not None
    assert set(result) == {"type", "value", "first_day", "last_day", "precision", "anchor", "reason"}


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [("On Wednesday", "wednesday"), ("for more than a week", "a week"), ("over the past week", "the past week"),
     ("Oct. 23, 2024", "oct 23 2024"), ("This year's", "this year"), ("at 8 p.m.", "8 pm"),
     ("four - month - old", "four-month-old"), ("about 10,000 years", "10000 years")],
)
def test_clean_drops_what_does_not_change_the_value(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [(4, "month", "P4M"), (2, "decade", "P20Y"), ("X", "year", "PXY"), ("X", "decade", "PXDE"),
     (24, "hour", "PT24H"), ("X", "hour", "PTXH"), (1.5, "year", "P1.5Y"), (2, "quarter", "P6M")],
)
def test_duration_value_formats_timex3(amount: float | str, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value
