"""Normalize one time expression against the publication date, TIMEX3-style.

The expression is cleaned (lower case, no dots or commas, leading prepositions and hedges
such as "on", "for", "about" dropped), then the packaged rules (`data/rules.jsonl`) are tried
in file order; the first whose regex matches the whole expression and whose handler accepts
it decides the value. Handlers are small functions keyed by name below; the words they know
come from `data/lexicon.tsv`. Absolute dates ("October 23, 2024", "10/23/2024") are read by
dateparser; a missing year is chosen here, from the publication date and the tense.
Docs: docs/time.md
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sitrep.timex import periods
from sitrep.timex.lexicon import Lexicon, Rule, load_lexicon, load_rules, parse_number
from sitrep.timex.periods import Period

_UNIT_PRECISION = {
    "second": "day", "minute": "day", "hour": "day", "day": "day", "week": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "unknown",
}
_DURATION_CODE = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
_MULTIPLE = {"quarter": (3, "M"), "decade": (10, "Y"), "century": (100, "Y")}
_VAGUE_CODE = {"quarter": "M", "decade": "DE", "century": "CE"}
_PART_FRACTIONS = {"early": (0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1),
                   "first_half": (0, 1 / 2), "second_half": (1 / 2, 1)}
_SUBUNIT = {"year": "month", "quarter": "month", "decade": "year", "unknown": "year"}
_BARE_UNIT = re.compile(r"(?:the )?(?P<unit>week|month|year|decade)")
_YEAR_IN_TEXT = re.compile(r"\b(?:1[0-9]|20)[0-9]{2}\b|/[0-9]{2}$")


@dataclass(frozen=True)
class _Res:
    """What a handler found; `reason` set means a delegated rule decided it."""

    type: str = "DATE"
    value: str | None = None
    first: date | None = None
    last: date | None = None
    precision: str = "unknown"
    anchor: str | None = None
    suffix: str | None = None
    reason: str | None = None


class _NoAnchor(Exception):
    """The expression is relative and there is no publication date to resolve it against."""


@dataclass(frozen=True)
class _Ctx:
    published: date | None
    future: bool
    lexicon: Lexicon

    @property
    def today(self) -> date:
        if self.published is None:
            raise _NoAnchor
        return self.published


def normalize(text: str, published: date | None, *, tense: str | None = None) -> dict | None:
    """Normalize one time expression against the publication date.

    Args:
        text: The expression as written ("Last week", "On Wednesday", "four-month-old").
        published: The publication date; without it relative expressions keep value None.
        tense: "future" when the governing verb points ahead ("will meet on Monday"): bare
            weekdays, months and dates then resolve forward instead of backward.

    Returns:
        A dict with type, value, first_day, last_day, precision, anchor and reason (the id of
        the rule that fired), or None when the text is not a time expression we know.

    Docs: docs/time.md
    """
    ctx = _Ctx(published, tense == "future", load_lexicon())
    cleaned = clean(text, ctx.lexicon)
    if not cleaned:
        return None
    found = _resolve(cleaned, ctx)
    if found is None:
        return None
    res, reason = found
    return {
        "type": res.type,
        "value": res.value,
        "first_day": res.first.isoformat() if res.first else None,
        "last_day": res.last.isoformat() if res.last else None,
        "precision": res.precision,
        "anchor": res.anchor,
        "reason": reason,
    }


def clean(text: str, lexicon: Lexicon | None = None) -> str:
    """Lower-case the expression and drop what does not change its value.

    Dots (except inside numbers), commas, a trailing possessive, and leading prepositions and
    hedges ("on", "for", "about", "more than") go; hyphens lose their surrounding spaces.
    """
    lexicon = lexicon or load_lexicon()
    s = text.lower().translate(str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"}))
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", "", s).replace(",", " ")
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"'s?$", "", s)
    return lexicon.leading.sub("", s)


def _resolve(cleaned: str, ctx: _Ctx) -> tuple[_Res, str] | None:
    """Try the rules in order; return the first handler's result with its reason."""
    for rule in load_rules():
        match = rule.regex.fullmatch(cleaned)
        if match is None:
            continue
        try:
            res = _HANDLERS[rule.handler](match, rule, ctx)
        except _NoAnchor:
            res = _Res(type=str(rule.params.get("type", "DATE")))
        except (ValueError, OverflowError):  # a date outside the calendar ("5000 years ago")
            res = None
        if res is not None:
            reason = res.reason or rule.id
            return res, f"{reason}.{res.suffix}" if res.suffix else reason
    return None


def _nested(text: str, ctx: _Ctx) -> _Res | None:
    """Resolve a part of the expression (the day in "8 pm Saturday"), keeping its reason."""
    found = _resolve(text, ctx)
    if found is None:
        return None
    res, reason = found
    return replace(res, reason=reason, suffix=None)


def _of(period: Period, type_: str = "DATE", suffix: str | None = None, anchor: str | None = None) -> _Res:
    return _Res(type_, period.value, period.first, period.last, period.precision, anchor, suffix)


def _unit(m: re.Match[str], ctx: _Ctx) -> str:
    return ctx.lexicon.value("unit", m["unit"]) or m["unit"]


def _count(m: re.Match[str], ctx: _Ctx) -> float | str | None:
    """The number in the `num` group; 1 for a bare singular unit, "X" for a bare plural."""
    if m["num"]:
        return parse_number(m["num"], ctx.lexicon)
    return "X" if m["unit"].endswith("s") else 1.0


def duration_value(amount: float | str, unit: str) -> str:
    """A TIMEX3 duration: (4, "month") → "P4M", (2, "decade") → "P20Y", ("X", "year") → "PXY"."""
    if amount == "X":
        code = _VAGUE_CODE.get(unit) or _DURATION_CODE[unit]
        return f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}"
    number = float(amount)
    if unit in _MULTIPLE:
        factor, code = _MULTIPLE[unit]
        number, unit_code = number * factor, code
    else:
        unit_code = _DURATION_CODE[unit]
    text = str(int(number)) if number == int(number) else f"{number:g}"
    return f"PT{text}{unit_code[1:]}" if unit_code.startswith("T") else f"P{text}{unit_code}"


def _pick(candidates: list[Period], ctx: _Ctx, direction: str) -> tuple[Period, str | None]:
    """Choose among occurrences of a recurring period (every June, every summer).

    "tense" takes the latest that has begun by publication, or the earliest not yet over when
    the tense is future; "before"/"after" the nearest wholly before/after publication;
    "nearest" the one closest to it.
    """
    today = ctx.today
    if direction == "before":
        return max((p for p in candidates if p.last < today), key=lambda p: p.first), None
    if direction == "after":
        return min((p for p in candidates if p.first > today), key=lambda p: p.first), None
    if direction == "nearest":
        return min(candidates, key=lambda p: _distance(p, today)), None
    if ctx.future:
        return min((p for p in candidates if p.last >= today), key=lambda p: p.first), "future"
    return max((p for p in candidates if p.first <= today), key=lambda p: p.first), "past"


def _distance(period: Period, d: date) -> int:
    if period.first <= d <= period.last:
        return 0
    return min(abs((period.first - d).days), abs((period.last - d).days))


def _around(ctx: _Ctx, build: Callable[[int], Period]) -> list[Period]:
    year = ctx.today.year
    return [build(y) for y in range(year - 2, year + 3)]


# --- handlers: (match, rule, ctx) -> _Res | None -------------------------------------------


def _ref(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    return _reference(str(rule.params["value"]), ctx.published)


def _reference(value: str, published: date | None) -> _Res:
    """PRESENT_REF is the publication day; PAST_REF ends and FUTURE_REF starts there."""
    if published is None:
        return _Res(value=value)
    if value == "PRESENT_REF":
        return _Res(value=value, first=published, last=published, precision="day")
    if value == "PAST_REF":
        return _Res(value=value, last=published)
    return _Res(value=value, first=published)


def _deictic(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    offset = int(ctx.lexicon.value("deictic", m["deictic"]) or 0)
    return _of(periods.day(ctx.today + timedelta(days=offset)))


def _daypart(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    code = ctx.lexicon.value("daypart", m["part"])
    ref = m.groupdict().get("ref")
    if ref in (None, "this", "today"):
        day = ctx.today
    elif ref == "last":
        day = ctx.today - timedelta(days=1)
    else:
        inner = _nested(ref, ctx)
        if inner is None or (inner.value is not None and inner.precision != "day"):
            return None
        if inner.first is None:
            return _Res("TIME")
        day = inner.first
    return _Res("TIME", f"{day.isoformat()}T{code}", day, day, "day")


def _weekday(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    target = int(ctx.lexicon.value("weekday", m["weekday"]) or 1)
    today = ctx.today
    back = (today.isoweekday() - target) % 7
    ahead = (target - today.isoweekday()) % 7
    direction = rule.params["direction"]
    if direction == "before":
        return _of(periods.day(today - timedelta(days=back or 7)))
    if direction == "after":
        return _of(periods.day(today + timedelta(days=ahead or 7)))
    if ctx.future:
        return _of(periods.day(today + timedelta(days=ahead)), suffix="future")
    return _of(periods.day(today - timedelta(days=back)), suffix="past")


def _strip_prefix(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    return _nested(m["rest"], ctx)


def _absolute(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """An explicit date read by dateparser; without a year, the one nearest publication."""
    text = m.string
    has_year = bool(m.groupdict().get("year")) or bool(_YEAR_IN_TEXT.search(text))
    data = _date_parser(ctx.published, ctx.future).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found, period = data.date_obj.date(), data.period or "day"
    if has_year:
        return _of(_period_of(found, period))
    if period == "year":
        return None
    if period == "month":
        candidates = _around(ctx, lambda y: periods.month(y, found.month))
    else:
        candidates = [periods.day(d) for d in _same_day_each_year(found, ctx)]
    chosen, suffix = _pick(candidates, ctx, "tense")
    return _of(chosen, suffix=suffix)


def _same_day_each_year(found: date, ctx: _Ctx) -> list[date]:
    result = []
    for y in range(ctx.today.year - 2, ctx.today.year + 3):
        try:
            result.append(found.replace(year=y))
        except ValueError:
            continue
    return result


def _period_of(found: date, period: str) -> Period:
    if period == "year":
        return periods.year(found.year)
    if period == "month":
        return periods.month(found.year, found.month)
    if period == "week":
        return periods.week(found)
    return periods.day(found)


@lru_cache(maxsize=64)
def _date_parser(published: date | None, future: bool) -> Any:
    from dateparser.date import DateDataParser

    base = datetime.combine(published, datetime.min.time()) if published else datetime.now()
    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RELATIVE_BASE": base,
        "DATE_ORDER": "MDY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _month(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    number = int(ctx.lexicon.value("month", m["month"]) or 1)
    direction = str(rule.params["direction"])
    if direction == "nearest":
        return _of(periods.month(ctx.today.year, number))
    chosen, suffix = _pick(_around(ctx, lambda y: periods.month(y, number)), ctx, direction)
    return _of(chosen, suffix=suffix)


def _month_rel_year(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    number = int(ctx.lexicon.value("month", m["month"]) or 1)
    offset = int(ctx.lexicon.value("rel", m["rel"]) or 0)
    return _of(periods.month(ctx.today.year + offset, number))


def _holiday(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    month_day = ctx.lexicon.value("holiday", m["holiday"]) or "01-01"
    month, day = (int(x) for x in month_day.split("-"))
    if m["year"]:
        return _of(periods.day(date(int(m["year"]), month, day)))
    chosen, suffix = _pick(_around(ctx, lambda y: periods.day(date(y, month, day))), ctx, "tense")
    return _of(chosen, suffix=suffix)


def _ago(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"three days ago" → the day; "four months ago" → the month: the unit sets the precision."""
    amount = _count(m, ctx)
    if amount is None:
        return None
    sign = int(rule.params.get("sign", -1))
    if amount == "X":
        return _reference("PAST_REF" if sign < 0 else "FUTURE_REF", ctx.published)
    unit, steps = _whole_steps(float(amount), _unit(m, ctx))
    if unit in ("second", "minute", "hour"):
        return _of(periods.day(ctx.today))
    period = periods.containing(periods.shift(ctx.today, sign * steps, unit), unit)
    return _of(period, anchor=period.value)


def _whole_steps(amount: float, unit: str) -> tuple[str, int]:
    """Turn "1.5 years" into 18 months so calendar steps stay whole."""
    if amount == int(amount):
        return unit, int(amount)
    smaller = {"year": ("month", 12), "decade": ("year", 10), "month": ("day", 30), "week": ("day", 7)}
    if unit in smaller:
        finer, factor = smaller[unit]
        return finer, round(amount * factor)
    return unit, round(amount)


def _age(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"four-month-old" → P4M anchored at the month four months before publication."""
    amount = _count(m, ctx)
    if amount is None:
        return None
    unit = _unit(m, ctx)
    value = duration_value(amount, unit)
    precision = _UNIT_PRECISION[unit]
    if amount == "X" or ctx.published is None:
        return _Res("DURATION", value, precision=precision)
    step_unit, steps = _whole_steps(float(amount), unit)
    if step_unit in ("second", "minute", "hour"):
        return _Res("DURATION", value, precision=precision)
    origin = periods.containing(periods.shift(ctx.published, -steps, step_unit), step_unit)
    return _Res("DURATION", value, origin.first, ctx.published, precision, anchor=origin.value)


def _relative(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    offset = int(ctx.lexicon.value("rel", m["rel"]) or 0)
    unit = m["unit"]
    period = periods.containing(periods.shift(ctx.today, offset, unit), unit)
    return _of(period, suffix={-1: "last", 0: "this", 1: "next"}[offset])


def _window(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"the past two years" → P2Y ending at publication; "the coming weeks" → PXW from it."""
    amount = _count(m, ctx)
    if amount is None:
        return None
    unit = _unit(m, ctx)
    res = _Res("DURATION", duration_value(amount, unit), precision=_UNIT_PRECISION[unit])
    rel = m["rel"]
    if rel in ("first", "final", "following") or ctx.published is None:
        return res
    today = ctx.published
    if rel in ("next", "coming"):
        end = _window_edge(today, amount, unit, 1)
        return replace(res, first=today, last=end - timedelta(days=1) if end else None, suffix="next")
    start = _window_edge(today, amount, unit, -1)
    return replace(res, first=start + timedelta(days=1) if start else None, last=today, suffix="past")


def _window_edge(today: date, amount: float | str, unit: str, sign: int) -> date | None:
    """The far edge of a window of `amount` units from `today`; None when vague or sub-day."""
    if amount == "X":
        return None
    step_unit, steps = _whole_steps(float(amount), unit)
    if step_unit in ("second", "minute", "hour"):
        return None
    return periods.shift(today, sign * steps, step_unit)


def _part(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"early December", "late last year", "earlier this month": a part of a period."""
    key = ctx.lexicon.value("part", m["part"]) or "early"
    bare = _BARE_UNIT.fullmatch(m["rest"])
    if bare:
        return _part_of_bare_unit(bare["unit"], key, ctx)
    inner = _nested(m["rest"], ctx)
    if inner is None or inner.type not in ("DATE", "TIME"):
        return None
    if inner.first is None or inner.last is None:
        return replace(inner, suffix=key)
    first, last = _narrow(inner.first, inner.last, key, ctx.published, inner.precision)
    return replace(inner, first=first, last=last, suffix=key)


def _part_of_bare_unit(unit: str, key: str, ctx: _Ctx) -> _Res:
    """"the end of the year": this year's end, or last year's when that end has not come yet."""
    period = periods.containing(ctx.today, unit)
    first, last = _narrow(period.first, period.last, key, ctx.today, period.precision)
    if not ctx.future and first > ctx.today:
        period = periods.containing(periods.shift(ctx.today, -1, unit), unit)
    elif ctx.future and last < ctx.today:
        period = periods.containing(periods.shift(ctx.today, 1, unit), unit)
    first, last = _narrow(period.first, period.last, key, ctx.today, period.precision)
    return replace(_of(period, suffix=key), first=first, last=last)


def _narrow(first: date, last: date, key: str, today: date | None, precision: str) -> tuple[date, date]:
    """The part of [first, last] that `key` names, in whole months of a year, years of a
    decade or days of a month; "earlier"/"later" split at publication when it falls inside."""
    if key in ("earlier", "later"):
        if today is None or not first <= today <= last:
            return _narrow(first, last, "early" if key == "earlier" else "late", None, precision)
        if key == "earlier":
            return first, max(first, today - timedelta(days=1))
        return min(last, today + timedelta(days=1)), last
    pieces = _pieces(first, last, _SUBUNIT.get(precision, "day"))
    low, high = _PART_FRACTIONS[key]
    start = min(math.floor(len(pieces) * low), len(pieces) - 1)
    end = max(math.ceil(len(pieces) * high) - 1, start)
    return pieces[start][0], pieces[end][1]


def _pieces(first: date, last: date, unit: str) -> list[tuple[date, date]]:
    """[first, last] cut into consecutive periods of `unit`."""
    pieces, cursor = [], first
    while cursor <= last:
        piece = periods.containing(cursor, unit)
        pieces.append((max(piece.first, first), min(piece.last, last)))
        cursor = piece.last + timedelta(days=1)
    return pieces


def _year(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    number = int(m["year"]) if m.groupdict().get("year") else 2000 + int(m["short"])
    return _of(periods.year(number))


def _decade(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    groups = m.groupdict()
    if groups.get("decade"):
        return _of(periods.decade(int(groups["decade"])))
    if groups.get("word"):
        return _of(periods.decade(1900 + int(ctx.lexicon.value("decade_word", groups["word"]) or 0)))
    short = int(groups["short"])
    this_year = ctx.published.year if ctx.published else 1999
    return _of(periods.decade(2000 + short if 2000 + short <= this_year else 1900 + short))


def _century(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    word = m["ord"]
    number = ctx.lexicon.value("ordinal", word) or re.sub(r"\D", "", word)
    return _of(periods.century(int(number))) if number and 0 < int(number) <= 21 else None


def _season(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    code = ctx.lexicon.value("season", m["season"]) or "SU"
    if m.groupdict().get("year"):
        return _of(periods.season(int(m["year"]), code))
    chosen, suffix = _pick(_around(ctx, lambda y: periods.season(y, code)), ctx, str(rule.params["direction"]))
    return _of(chosen, suffix=suffix)


def _quarter(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    word = m["ord"]
    number = int(ctx.lexicon.value("ordinal", word) or re.sub(r"\D", "", word))
    groups = m.groupdict()
    if groups.get("year"):
        return _of(periods.quarter(int(groups["year"]), number))
    if groups.get("rel"):
        offset = int(ctx.lexicon.value("rel", groups["rel"]) or 0)
        return _of(periods.quarter(ctx.today.year + offset, number))
    chosen, suffix = _pick(_around(ctx, lambda y: periods.quarter(y, number)), ctx, "tense")
    return _of(chosen, suffix=suffix)


def _clock(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"8 pm", "15:00 GMT Saturday": a clock time on a day (publication day by default)."""
    if not (m["minute"] or m["ampm"] or m["tz"]):
        return None
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["ampm"] == "pm" and hour < 12:
        hour += 12
    elif m["ampm"] == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    if m["rest"]:
        inner = _nested(m["rest"], ctx)
        if inner is None or inner.precision != "day":
            return None
        day = inner.first
    else:
        day = ctx.today
    if day is None:
        return _Res("TIME")
    return _Res("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", day, day, "day")


def _set_adverb(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    unit = ctx.lexicon.value("set_adverb", m["word"]) or "day"
    return _Res("SET", duration_value(1, unit), precision=_UNIT_PRECISION[unit])


def _set_weekday(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    word = m["weekday"] or m["plural"]
    return _Res("SET", f"XXXX-WXX-{ctx.lexicon.value('weekday', word)}", precision="day")


def _set_unit(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    amount = parse_number(m["num"], ctx.lexicon) if m["num"] else 1.0
    if amount is None:
        return None
    unit = _unit(m, ctx)
    return _Res("SET", duration_value(amount, unit), precision=_UNIT_PRECISION[unit])


def _set_season(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    return _Res("SET", f"XXXX-{ctx.lexicon.value('season', m['season'])}", precision="quarter")


def _duration(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res | None:
    """"two years", "a week", "four-week", "for decades" (vague: PXDE)."""
    if not m["num"] and not m["unit"].endswith("s") and not m.groupdict().get("long"):
        return None
    amount = _count(m, ctx)
    if amount is None:
        return None
    unit = _unit(m, ctx)
    return _Res("DURATION", duration_value(amount, unit), precision=_UNIT_PRECISION[unit])


def _anaphoric(m: re.Match[str], rule: Rule, ctx: _Ctx) -> _Res:
    """"that day", "the same week": a time the text refers back to; no value from the date."""
    return _Res("TIME" if ctx.lexicon.value("daypart", m["unit"]) else "DATE")


_HANDLERS: dict[str, Callable[[re.Match[str], Rule, _Ctx], _Res | None]] = {
    "ref": _ref, "deictic": _deictic, "daypart": _daypart, "weekday": _weekday,
    "strip_prefix": _strip_prefix, "absolute": _absolute, "month": _month,
    "month_rel_year": _month_rel_year, "holiday": _holiday, "ago": _ago, "age": _age,
    "relative": _relative, "window": _window, "part": _part, "year": _year, "decade": _decade,
    "century": _century, "season": _season, "quarter": _quarter, "clock": _clock,
    "set_adverb": _set_adverb, "set_weekday": _set_weekday, "set_unit": _set_unit,
    "set_season": _set_season, "duration": _duration, "anaphoric": _anaphoric,
}
