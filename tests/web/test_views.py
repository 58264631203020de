"""Shaping store rows into the dashboard's timeline, network, map points and escalation series."""

from __future__ import annotations

import pytest

from sitrep.web import views


def _row(day, source, target, goldstein=-5.0, place=None):
    lat, lon = (50.0, 36.2) if place else (None, None)
    return {"date_start": day, "published": "2025-01-01", "source_codes": source, "target_codes": target,
            "goldstein": goldstein, "location": place, "lat": lat, "lon": lon}


ROWS = [_row("2025-01-06", ["RUS"], ["UKR"], -10.0, "Kharkiv"), _row("2025-01-08", ["UKR"], ["RUS"], -4.0, "Kharkiv"),
        _row("2025-01-22", ["UKR"], ["USA"], 3.0), _row(None, ["RUS"], ["RUS"], 1.0)]


@pytest.mark.parametrize(("pair", "expected"), [(None, None), ("", None), ("rus-ukr", ("RUS", "UKR")),
                                                ("RUS, UKR", ("RUS", "UKR"))])
def test_filters_pair_codes(pair, expected):
    assert views.Filters(pair=pair).pair_codes() == expected


@pytest.mark.parametrize("pair", ["RUS", "RUS-UKR-USA"])
def test_filters_pair_codes_refuses_other_than_two(pair):
    with pytest.raises(ValueError, match="two actor codes"):
        views.Filters(pair=pair).pair_codes()


@pytest.mark.parametrize(("by", "expected"), [
    ("week", [("2024-12-30", 1), ("2025-01-06", 2), ("2025-01-13", 0), ("2025-01-20", 1)]),
    (None, [("2025-01-01", 1), ("2025-01-02", 0), ("2025-01-03", 0), ("2025-01-04", 0), ("2025-01-05", 0),
            ("2025-01-06", 1), ("2025-01-07", 0), ("2025-01-08", 1)]),
])
def test_timeline_bins_every_period(by, expected):
    rows = ROWS if by == "week" else ROWS[:2] + ROWS[3:]
    found = views.timeline(rows, by)
    assert [(b["start"], b["count"]) for b in found["bins"]] == expected
    assert found["by"] == (by or "day")


def test_timeline_goes_weekly_over_long_spans():
    rows = [_row("2024-01-01", ["A"], ["B"]), _row("2025-01-01", ["A"], ["B"])]
    assert views.timeline(rows)["by"] == "week"


def test_network_weights_directed_dyads_and_skips_self_loops():
    found = views.network(ROWS)
    assert found["edges"] == [{"source": "RUS", "target": "UKR", "count": 1},
                              {"source": "UKR", "target": "RUS", "count": 1},
                              {"source": "UKR", "target": "USA", "count": 1}]
    assert found["nodes"] == [{"code": "RUS", "count": 2}, {"code": "UKR", "count": 3}, {"code": "USA", "count": 1}]


def test_places_count_events_per_point():
    assert views.places(ROWS) == [{"name": "Kharkiv", "lat": 50.0, "lon": 36.2, "count": 2}]


def test_escalation_sums_pair_weekly_both_ways():
    series = views.escalation(ROWS, ("UKR", "RUS"))["series"]
    assert series == [{"week": "2025-01-06", "goldstein": -14.0, "count": 2}]


@pytest.mark.parametrize(("url", "expected"), [("https://x.org/a", "https://x.org/a"), ("HTTP://x.org", "HTTP://x.org"),
                                               ("javascript:alert(1)", None), ("data:text/html,x", None), (None, None)])
def test_web_url_links_only_http(url, expected):
    assert views.web_url(url) == expected
