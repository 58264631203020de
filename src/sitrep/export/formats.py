"""Text exporters: GDELT 2.0-style events TSV, ACLED-style CSV, PLOVER JSONL, GeoJSON and plain CSV.

Each takes merged-event records and writes to a binary stream or a file path. Which columns
each format fills, and how, is listed in docs/exports.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pycountry

from sitrep.errors import SitrepError
from sitrep.export.rows import COLUMNS, codes, fatalities, flat

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR) + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO) + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO) + ("DATEADDED", "SOURCEURL")
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "iso", "country", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
# GDELT has no county type: a second-level division is an area like a state (5), not a point.
_GDELT_GEO_TYPE = {"country": 1, "region": 1, "admin1": 5, "admin2": 5, "city": 4, "point": 4}
_ACLED_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
_ACLED_TIME_PRECISION = {"day": 1, "week": 2}  # anything coarser is 3


@contextmanager
def text_out(out: BinaryIO | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream over a binary stream (left open) or a file path (closed after)."""
    if isinstance(out, Path):
        try:
            handle = out.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise SitrepError("E531", path=out, reason=exc.strerror) from exc
        with handle:
            yield handle
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
    finally:
        wrapper.detach()


def _country_name(alpha3: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return found.name if found else alpha3


def _day(event: dict[str, Any]) -> str | None:
    return (event.get("date") or {}).get("start") or event.get("day_first")


def _actor(parties: list[dict[str, Any]]) -> list[Any]:
    first = parties[0] if parties else {}
    code = first.get("code") or ""
    sector = first.get("sector") or ""
    return [code + sector, _country_name(code) if len(code) == 3 else code, code if len(code) == 3 else "",
            "", "", "", "", sector, "", ""]


def _geo(loc: dict[str, Any]) -> list[Any]:
    if not loc:
        return [""] * len(_GEO)
    return [_GDELT_GEO_TYPE.get(loc.get("precision"), ""), loc.get("name"), loc.get("country"), "", "",
            loc.get("lat"), loc.get("lon"), loc.get("geonameid")]


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 event columns of one merged event ('' where sitrep has no data)."""
    day = _day(event)
    parsed = date.fromisoformat(day) if day else None
    mentions = event.get("mentions", [])
    loc = event.get("location") or {}
    reported = (event.get("first_reported") or "").replace("-", "")
    return [
        event["id"], parsed.strftime("%Y%m%d") if parsed else "", parsed.strftime("%Y%m") if parsed else "",
        parsed.year if parsed else "", f"{parsed.year + parsed.timetuple().tm_yday / 365:.4f}" if parsed else "",
        *_actor(event.get("source", [])), *_actor(event.get("target", [])),
        int(any(m.get("sentence") == 0 for m in mentions) or event.get("sentence") == 0),
        event["cameo"], event["cameo"][:3], event["cameo"][:2], event["quad_class"], event["goldstein"],
        len(mentions) or 1, event.get("n_publishers", 0), event.get("n_articles", 1), "",
        *_geo({}), *_geo({}), *_geo(loc),
        f"{reported}000000" if reported else "", "",
    ]


def acled_row(event: dict[str, Any]) -> list[Any]:
    """The ACLED-style columns of one merged event that has an ACLED view."""
    day, acled, loc = _day(event), event["acled"], event.get("location") or {}
    precision = (event.get("date") or {}).get("precision")
    notes = event.get("cameo_name") or event["trigger"]["text"]
    return [
        event["id"], day or "", day[:4] if day else "", _ACLED_TIME_PRECISION.get(precision, 3),
        acled["event_type"], acled["sub_event_type"], codes(event.get("source", [])), codes(event.get("target", [])),
        loc.get("country") or "", _country_name(loc.get("country")) or "", loc.get("name") or "",
        loc.get("lat", ""), loc.get("lon", ""), _ACLED_GEO_PRECISION.get(loc.get("precision"), "") if loc else "",
        ";".join(event.get("publishers", [])), notes, fatalities(event) or 0,
    ]


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER-style JSON record of one merged event that has a PLOVER view."""
    source, target, loc = event.get("source", []), event.get("target", []), event.get("location") or {}
    return {
        "id": event["id"], "event_date": _day(event), "event_type": event["plover"]["type"],
        "event_mode": event["plover"].get("mode"), "contexts": event["plover"].get("context", []),
        "actor": codes(source) or None, "actor_sector": codes(source, "sector") or None,
        "recipient": codes(target) or None, "recipient_sector": codes(target, "sector") or None,
        "event_text": event["trigger"]["text"], "cameo": event["cameo"], "goldstein": event["goldstein"],
        "place_name": loc.get("name"), "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "publishers": event.get("publishers", []), "first_reported": event.get("first_reported"),
        "n_articles": event.get("n_articles", 1),
    }


def geojson_feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """A Point feature for an event with valid coordinates, else None."""
    loc = event.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Feature", "id": event["id"], "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": flat(event)}


class GdeltExporter:
    """GDELT 2.0 event table: 61 tab-separated columns, no header (like GDELT's own files)."""

    suffix = ".tsv"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        with text_out(out) as stream:
            writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
            return _count(writer.writerow(gdelt_row(event)) for event in events)


class AcledCsvExporter:
    """ACLED-style CSV with header, for events that have an ACLED view."""

    suffix = ".csv"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        with text_out(out) as stream:
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(ACLED_COLUMNS)
            return _count(writer.writerow(acled_row(event)) for event in events if event.get("acled"))


class PloverExporter:
    """PLOVER JSONL: one record per event that has a PLOVER view."""

    suffix = ".jsonl"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        with text_out(out) as stream:
            return _count(stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
                          for event in events if event.get("plover"))


class GeoJsonExporter:
    """A GeoJSON FeatureCollection of the events that have coordinates, streamed feature by feature."""

    suffix = ".geojson"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        written = 0
        with text_out(out) as stream:
            stream.write('{"type": "FeatureCollection", "features": [')
            for feature in filter(None, map(geojson_feature, events)):
                stream.write(("," if written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
                written += 1
            stream.write("\n]}\n")
        return written


class CsvExporter:
    """Plain CSV of the flat rows (docs/exports.md lists the columns), with header."""

    suffix = ".csv"

    def write(self, events: Iterable[dict[str, Any]], out: BinaryIO | Path) -> int:
        with text_out(out) as stream:
            writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            return _count(writer.writerow(flat(event)) for event in events)


def _count(done: Iterable[Any]) -> int:
    return sum(1 for _ in done)
