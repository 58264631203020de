"""Whether two mentions in one article can be one happening: here, their places."""

from __future__ import annotations

import pytest

from sitrep.events.merge import places_meet

KHAN_YOUNIS = {"name": "Khān Yūnis", "lat": 31.34, "lon": 34.31, "precision": "city"}
HOSPITAL = {"name": "Al-Amal Hospital", "lat": 31.34, "lon": 34.31, "precision": "city"}
RAFAH = {"name": "Rafah", "lat": 31.30, "lon": 34.25, "precision": "city"}
# A village placed near Khan Younis has its point, but only claims the province.
VILLAGE = {"name": "Qizan an-Najjar", "lat": 31.34, "lon": 34.31, "precision": "admin1"}


@pytest.mark.parametrize(
    ("first", "second", "meet"),
    [
        (KHAN_YOUNIS, None, True),
        (KHAN_YOUNIS, dict(KHAN_YOUNIS), True),
        (HOSPITAL, KHAN_YOUNIS, True),
        (HOSPITAL, RAFAH, False),
        (VILLAGE, KHAN_YOUNIS, False),
    ],
)
def test_places_meet_by_name_or_by_a_towns_point(first: dict, second: dict | None, meet: bool) -> None:
    assert places_meet(first, second) is meet
