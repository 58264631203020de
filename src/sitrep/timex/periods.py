"""Calendar periods with their TIMEX3 value, first and last day and precision.

A time expression resolves to one of these: a day, an ISO week (or its weekend), a month,
a quarter, a meteorological season (northern hemisphere), a year, a decade or a century.
Stepping a period by whole units is what "last week", "next June" and "three months ago"
need, so it lives here, apart from the rules that decide which period a phrase means.
Docs: docs/time.md
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

SEASONS: tuple[str, ...] = ("SP", "SU", "FA", "WI")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A stretch of calendar time named by a TIMEX3 value."""

    value: str
    first: date
    last: date
    precision: str


def day(d: date) -> Period:
    """The single day `d`."""
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    """The ISO week (Monday to Sunday) containing `d`."""
    year, number, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return Period(f"{year}-W{number:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """The Saturday and Sunday of the ISO week containing `d`."""
    whole = week(d)
    return Period(f"{whole.value}-WE", whole.last - timedelta(days=1), whole.last, "week")


def month(year: int, number: int) -> Period:
    """One calendar month."""
    last = calendar.monthrange(year, number)[1]
    return Period(f"{year:04d}-{number:02d}", date(year, number, 1), date(year, number, last), "month")


def quarter(year: int, number: int) -> Period:
    """One calendar quarter (Q1 = January to March)."""
    first = month(year, 3 * number - 2)
    last = month(year, 3 * number)
    return Period(f"{year:04d}-Q{number}", first.first, last.last, "quarter")


def season(year: int, code: str) -> Period:
    """A meteorological season; winter `year` runs from December `year` to February."""
    start = month(year, _SEASON_START[code])
    end_year, end_month = _add_months(year, _SEASON_START[code], 2)
    return Period(f"{year:04d}-{code}", start.first, month(end_year, end_month).last, "quarter")


def year(number: int) -> Period:
    """One calendar year."""
    return Period(f"{number:04d}", date(number, 1, 1), date(number, 12, 31), "year")


def decade(first_year: int) -> Period:
    """The decade starting at `first_year` (a multiple of ten): "199" for the 1990s."""
    start = first_year - first_year % 10
    return Period(f"{start // 10:03d}", date(start, 1, 1), date(start + 9, 12, 31), "decade")


def century(ordinal: int) -> Period:
    """The `ordinal`-th century as TIMEX3 writes it: the 20th century is "19", 1900-1999."""
    start = (ordinal - 1) * 100
    return Period(f"{ordinal - 1:02d}", date(max(start, 1), 1, 1), date(start + 99, 12, 31), "unknown")


def containing(d: date, unit: str) -> Period:
    """The period of `unit` (day, week, weekend, month, quarter, year, decade) that holds `d`."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year // 100 + 1)
    raise ValueError(f"no calendar period for unit {unit!r}")


def season_of(d: date) -> Period:
    """The season containing `d`."""
    if d.month == 12:
        return season(d.year, "WI")
    if d.month <= 2:
        return season(d.year - 1, "WI")
    return season(d.year, SEASONS[(d.month - 3) // 3])


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` whole units, clamping the day of month (Mar 31 - 1 month = Feb 29)."""
    if unit == "day":
        return d + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        raise ValueError(f"cannot shift a date by unit {unit!r}")
    new_year, new_month = _add_months(d.year, d.month, amount * months)
    return date(new_year, new_month, min(d.day, calendar.monthrange(new_year, new_month)[1]))


def _add_months(year_: int, month_: int, months: int) -> tuple[int, int]:
    index = year_ * 12 + month_ - 1 + months
    return index // 12, index % 12 + 1
