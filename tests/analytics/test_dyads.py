"""Dyad series, escalation index and alerts on synthetic rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.analytics.dyads import Row, find_alerts, period_of, series
from sitrep.errors import SitrepError


def _weeks(weekly_conflicts: list[int], pair: tuple[str, str] = ("RUS", "UKR")) -> list[Row]:
    start = date(2024, 1, 1)
    return [Row(day=(start + timedelta(weeks=w)).isoformat(), sources=(pair[n % 2],), targets=(pair[1 - n % 2],),
                quad_class=4, goldstein=-10.0)
            for w, count in enumerate(weekly_conflicts) for n in range(count)]


def test_alerts_jump_raises_alert() -> None:
    found = find_alerts(_weeks([2, 1, 2, 1, 2, 1, 2, 1, 9]), threshold=2.0)
    assert [(a.pair, a.period) for a in found] == [(("RUS", "UKR"), "2024-02-26")]
    assert found[0].z > 2.0


@pytest.mark.parametrize("counts", [[1, 1, 1, 1, 1, 1, 1, 1], [2, 1, 2, 1, 2, 1, 2, 1], [0, 0, 0, 0, 0, 0, 0, 1]])
def test_alerts_steady_series_raises_none(counts: list[int]) -> None:
    assert find_alerts(_weeks(counts), threshold=2.0) == []


def test_series_fills_quiet_weeks_and_sums_goldstein() -> None:
    points = series(_weeks([2, 0, 0, 1]), "UKR", "RUS", "week")
    assert [p.n_events for p in points] == [2, 0, 0, 1]
    assert points[0].goldstein_sum == -20.0 and points[0].goldstein_mean == -10.0
    assert points[0].quad_counts[4] == 2 and points[1].goldstein_mean is None


def test_series_ignores_other_pairs() -> None:
    assert series(_weeks([3], pair=("ISR", "IRN")), "RUS", "UKR") == []


@pytest.mark.parametrize(("day", "interval", "period"), [
    ("2024-10-23", "week", "2024-10-21"), ("2024-10-21", "week", "2024-10-21"), ("2024-10-23", "day", "2024-10-23"),
])
def test_period_of_labels_days(day: str, interval: str, period: str) -> None:
    assert period_of(day, interval) == period


def test_period_of_unknown_interval_raises() -> None:
    with pytest.raises(SitrepError, match="E520"):
        period_of("2024-10-23", "month")
