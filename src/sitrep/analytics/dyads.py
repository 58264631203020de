"""Per country pair and period: counts by quad class, Goldstein sum/mean, and an escalation index.

The escalation index of a period is the z-score of the pair's conflict weight (the summed
|Goldstein| of its verbal and material conflict events, quad classes 3 and 4) against the
mean and standard deviation of the same weight over the pair's previous `window` periods.
Periods without events count as zero, so a quiet stretch is part of the baseline. An alert is
a period whose index reaches the threshold. Docs: docs/analytics.md
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import select

from sitrep.errors import SitrepError
from sitrep.store import Store, schema

Interval = Literal["day", "week"]
CONFLICT_QUADS = (3, 4)
DEFAULT_WINDOW = 8  # trailing periods in the baseline
DEFAULT_MIN_HISTORY = 4  # periods of baseline needed before an index is given
DEFAULT_THRESHOLD = 2.0
STD_FLOOR = 1.0  # keeps a flat baseline from turning any change into an infinite z-score


@dataclass(frozen=True)
class Row:
    """What analytics needs of one merged event."""

    day: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    quad_class: int
    goldstein: float


@dataclass
class Point:
    """One period of a dyad's series."""

    period: str
    n_events: int = 0
    quad_counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 5), 0))
    goldstein_sum: float = 0.0
    conflict_weight: float = 0.0
    escalation: float | None = None

    @property
    def goldstein_mean(self) -> float | None:
        """Mean Goldstein score of the period's events (None when there are none)."""
        return self.goldstein_sum / self.n_events if self.n_events else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (quad class keys as strings)."""
        return {"period": self.period, "n_events": self.n_events,
                "quad_counts": {str(k): v for k, v in self.quad_counts.items()},
                "goldstein_sum": round(self.goldstein_sum, 3),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3),
                "conflict_weight": round(self.conflict_weight, 3),
                "escalation": None if self.escalation is None else round(self.escalation, 3)}


@dataclass(frozen=True)
class Alert:
    """A period in which a pair's conflict weight jumped against its own baseline."""

    pair: tuple[str, str]
    period: str
    value: float
    baseline_mean: float
    baseline_std: float
    z: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"pair": list(self.pair), "period": self.period, "value": round(self.value, 3),
                "baseline_mean": round(self.baseline_mean, 3), "baseline_std": round(self.baseline_std, 3),
                "z": round(self.z, 3)}


def period_of(day: str, interval: Interval) -> str:
    """The period label of a day: the day itself, or the Monday that starts its ISO week."""
    if interval == "day":
        return day
    if interval == "week":
        start = date.fromisoformat(day)
        return (start - timedelta(days=start.weekday())).isoformat()
    raise SitrepError("E520", value=interval)


def _periods(first: str, last: str, interval: Interval) -> Iterator[str]:
    step = timedelta(days=1 if interval == "day" else 7)
    current, end = date.fromisoformat(first), date.fromisoformat(last)
    while current <= end:
        yield current.isoformat()
        current += step


def _involves(row: Row, a: str, b: str) -> bool:
    return (a in row.sources and b in row.targets) or (b in row.sources and a in row.targets)


def series(rows: Iterable[Row], a: str, b: str, interval: Interval = "week",
           window: int = DEFAULT_WINDOW, min_history: int = DEFAULT_MIN_HISTORY) -> list[Point]:
    """The pair's series, either direction, one point per period from its first to its last event."""
    points: dict[str, Point] = {}
    for row in rows:
        if not _involves(row, a, b):
            continue
        key = period_of(row.day, interval)
        point = points.setdefault(key, Point(period=key))
        point.n_events += 1
        point.quad_counts[row.quad_class] += 1
        point.goldstein_sum += row.goldstein
        if row.quad_class in CONFLICT_QUADS:
            point.conflict_weight += abs(row.goldstein)
    if not points:
        return []
    filled = [points.get(p) or Point(period=p) for p in _periods(min(points), max(points), interval)]
    return escalation(filled, window=window, min_history=min_history)


def escalation(points: list[Point], window: int = DEFAULT_WINDOW,
               min_history: int = DEFAULT_MIN_HISTORY) -> list[Point]:
    """Set each point's escalation index: z-score of its conflict weight against the trailing window."""
    if window < 2:
        raise SitrepError("E521", name="window", value=window, reason="use 2 or more periods")
    if not 1 <= min_history <= window:
        raise SitrepError("E521", name="min_history", value=min_history, reason=f"use 1 to window ({window})")
    for i, point in enumerate(points):
        mean, std = _baseline(points[max(0, i - window):i])
        point.escalation = None if i < min_history else (point.conflict_weight - mean) / std
    return points


def _baseline(history: list[Point]) -> tuple[float, float]:
    values = [p.conflict_weight for p in history]
    if not values:
        return 0.0, STD_FLOOR
    return statistics.fmean(values), max(statistics.pstdev(values), STD_FLOOR)


def find_alerts(rows: Iterable[Row], threshold: float = DEFAULT_THRESHOLD, interval: Interval = "week",
                window: int = DEFAULT_WINDOW, min_history: int = DEFAULT_MIN_HISTORY) -> list[Alert]:
    """Alerts for every country pair in the rows, strongest first."""
    rows = list(rows)
    found = []
    for a, b in sorted(_pairs(rows)):
        points = series(rows, a, b, interval, window, min_history)
        for i, point in enumerate(points):
            if point.escalation is not None and point.escalation >= threshold:
                mean, std = _baseline(points[max(0, i - window):i])
                found.append(Alert(pair=(a, b), period=point.period, value=point.conflict_weight,
                                   baseline_mean=mean, baseline_std=std, z=point.escalation))
    return sorted(found, key=lambda alert: (-alert.z, alert.pair, alert.period))


def _pairs(rows: list[Row]) -> set[tuple[str, str]]:
    pairs = set()
    for row in rows:
        for s in row.sources:
            for t in row.targets:
                if s != t:
                    pairs.add((min(s, t), max(s, t)))
    return pairs


def store_rows(store: Store) -> list[Row]:
    """Every merged event with a day and at least one source and target, as analytics rows."""
    me = schema.merged_events
    query = select(me.c.day_first, me.c.source_key, me.c.target_key, me.c.record).where(
        me.c.day_first.is_not(None), me.c.source_key != "", me.c.target_key != "", me.c.negated.is_(False))
    with store.engine.connect() as conn:
        return [Row(day=r.day_first, sources=tuple(r.source_key.split(";")), targets=tuple(r.target_key.split(";")),
                    quad_class=r.record["quad_class"], goldstein=r.record["goldstein"])
                for r in conn.execute(query)]


def dyad_series(store: Store, a: str, b: str, interval: Interval = "week",
                window: int = DEFAULT_WINDOW) -> list[Point]:
    """The stored series of the pair (a, b), either direction. Docs: docs/analytics.md"""
    period_of("2000-01-03", interval)  # rejects an unknown interval before reading the store
    return series(store_rows(store), a, b, interval, window)


def alerts(store: Store, threshold: float = DEFAULT_THRESHOLD, interval: Interval = "week",
           window: int = DEFAULT_WINDOW) -> list[Alert]:
    """Alerts over every stored country pair. Docs: docs/analytics.md"""
    period_of("2000-01-03", interval)
    return find_alerts(store_rows(store), threshold, interval, window)

