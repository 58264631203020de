"""Simplified country outlines for the map."""

from __future__ import annotations

import pytest

from sitrep.web.boundaries import outline, simplify_ring, world


@pytest.mark.parametrize(("ring", "expected"), [
    ([[0.01, 0.02], [0.04, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]], [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]),
    ([[0.0, 0.0], [0.01, 0.01], [0.02, 0.0], [0.0, 0.0]], None),
])
def test_simplify_ring_rounds_and_drops_repeats(ring, expected):
    assert simplify_ring(ring) == expected


def test_outline_keeps_outer_rings_of_multipolygons():
    square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    hole = [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 0.5]]
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [[square, hole], [square]]}},
                            {"geometry": {"type": "Point", "coordinates": [1, 1]}}]}
    assert outline(geojson) == [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] * 2


def test_world_has_valid_lon_lat_rings():
    countries = world()["countries"]
    assert {"FRA", "UKR", "SDN"} <= {c["code"] for c in countries}
    for country in countries:
        for ring in country["rings"]:
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
