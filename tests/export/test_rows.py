"""Flat rows: the death toll an export reports for an event."""

from __future__ import annotations

import pytest

from sitrep.export.rows import fatalities


def dead(value: float | None, unit: str | None = "people") -> dict:
    return {"kind": "dead", "value": value, "unit": unit}


@pytest.mark.parametrize(
    ("figures", "toll"),
    [
        ([dead(20), dead(9, "children")], 20),
        ([dead(15), dead(12, None)], 12),
        ([dead(12, "soldiers")], 12),
        ([dead(None), {"kind": "injured", "value": 40, "unit": "people"}], None),
        ([], None),
    ],
)
def test_fatalities_is_the_lowest_toll_of_people_as_a_whole(figures, toll) -> None:
    assert fatalities({"figures": figures}) == toll
