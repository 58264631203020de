"""Calendar periods: values, bounds and stepping."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.timex import periods


@pytest.mark.parametrize(
    ("period", "value", "first", "last"),
    [
        (periods.week(date(2024, 10, 17)), "2024-W42", date(2024, 10, 14), date(2024, 10, 20)),
        (periods.week(date(2021, 1, 2)), "2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
        (periods.weekend(date(2024, 10, 24)), "2024-W43-WE", date(2024, 10, 26), date(2024, 10, 27)),
        (periods.month(2024, 2), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (periods.quarter(2024, 3), "2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        (periods.season(2023, "WI"), "2023-WI", date(2023, 12, 1), date(2024, 2, 29)),
        (periods.decade(1994), "199", date(1990, 1, 1), date(1999, 12, 31)),
        (periods.century(21), "20", date(2000, 1, 1), date(2099, 12, 31)),
    ],
)
def test_period_value_and_bounds(period: periods.Period, value: str, first: date, last: date) -> None:
    assert (period.value, period.first, period.last) == (value, first, last)


@pytest.mark.parametrize(
    ("day", "amount", "unit", "expected"),
    [
        (date(2024, 3, 31), -1, "month", date(2024, 2, 29)),
        (date(2024, 10, 24), -4, "month", date(2024, 6, 24)),
        (date(2024, 10, 24), -2, "week", date(2024, 10, 10)),
        (date(2024, 10, 24), 1, "quarter", date(2025, 1, 24)),
        (date(2024, 2, 29), -1, "year", date(2023, 2, 28)),
        (date(2024, 10, 24), -3, "decade", date(1994, 10, 24)),
    ],
)
def test_shift_moves_by_whole_units(day: date, amount: int, unit: str, expected: date) -> None:
    assert periods.shift(day, amount, unit) == expected


@pytest.mark.parametrize(
    ("day", "value"),
    [(date(2024, 1, 15), "2023-WI"), (date(2024, 3, 1), "2024-SP"), (date(2024, 8, 31), "2024-SU"),
     (date(2024, 10, 24), "2024-FA"), (date(2024, 12, 1), "2024-WI")],
)
def test_season_of_uses_meteorological_seasons(day: date, value: str) -> None:
    assert periods.season_of(day).value == value


def test_containing_rejects_unknown_units() -> None:
    with pytest.raises(ValueError):
        periods.containing(date(2024, 1, 1), "fortnight")
