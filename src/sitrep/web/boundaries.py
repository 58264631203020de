"""Country outlines for the dashboard map, simplified from the GeoJSON countryinfo ships.

The map needs shapes a reader recognises, not survey accuracy: coordinates are rounded to
`PRECISION` decimal places, repeated points dropped and rings too small to see left out, which
keeps the whole world to a few hundred kilobytes served once and cached by the browser.
Docs: docs/dashboard.md
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pycountry
from countryinfo import CountryInfo

PRECISION = 1
"""Decimal places kept in each coordinate (0.1 degree is about 11 km)."""
MIN_RING = 4
"""Fewest distinct points a simplified ring needs to be drawn (a closed triangle)."""

Ring = list[list[float]]


def simplify_ring(ring: list[list[float]], precision: int = PRECISION) -> Ring | None:
    """The ring with rounded coordinates and no consecutive repeats; None when too small to draw."""
    out: Ring = []
    for lon, lat, *_ in ring:
        point = [round(lon, precision), round(lat, precision)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= MIN_RING else None


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def outline(geojson: dict[str, Any], precision: int = PRECISION) -> list[Ring]:
    """The outer rings of every polygon in a FeatureCollection, simplified (holes are left out)."""
    rings = []
    for feature in geojson.get("features", []):
        for polygon in _polygons(feature.get("geometry") or {"type": None}):
            ring = simplify_ring(polygon[0], precision) if polygon else None
            if ring is not None:
                rings.append(ring)
    return rings


def _country_geojson(alpha3: str) -> dict[str, Any] | None:
    try:
        return CountryInfo(alpha3).geo_json() or None
    except (LookupError, ValueError):  # countryinfo has no entry, or no shape, for this code
        return None


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """Every country countryinfo has a shape for: `{"countries": [{"code", "name", "rings"}]}`.

    Rings are lists of `[lon, lat]`; the map projects them itself (equirectangular).
    """
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        geojson = _country_geojson(country.alpha_3)
        rings = outline(geojson) if geojson else []
        if rings:
            countries.append({"code": country.alpha_3, "name": country.name, "rings": rings})
    return {"precision": PRECISION, "countries": countries}
