"""One flat row per merged event: the columns CSV, Parquet and GeoJSON properties share."""

from __future__ import annotations

from typing import Any

COLUMNS = (
    "id", "date", "date_start", "date_end", "date_precision", "cameo", "cameo_name", "goldstein", "quad_class",
    "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "source_codes", "target_codes",
    "source_sectors", "target_sectors", "trigger", "modality", "negated", "hedged", "location", "geonameid",
    "country", "lat", "lon", "geo_precision", "n_articles", "n_publishers", "n_claimants", "publishers",
    "first_reported", "last_reported", "fatalities", "confidence", "evidence",
)


_WHOLE_TOLL_UNITS = (None, "people")


def codes(parties: list[dict[str, Any]], key: str = "code") -> str:
    """Distinct codes (or sectors) of an event's parties, joined by ';'."""
    return ";".join(dict.fromkeys(p[key] for p in parties if p.get(key)))


def fatalities(event: dict[str, Any]) -> int | None:
    """The lowest death toll any report gives (conservative, like the Event summary), read from
    figures of people as a whole when there are any: "20 people, nine of them children" is 20."""
    dead = [f for f in event.get("figures") or event.get("quantities") or []
            if f.get("kind") == "dead" and f.get("value") is not None]
    whole = [f for f in dead if f.get("unit") in _WHOLE_TOLL_UNITS] or dead
    return int(min(f["value"] for f in whole)) if whole else None


def flat(event: dict[str, Any]) -> dict[str, Any]:
    """The flat row of one merged-event record."""
    date, loc = event.get("date") or {}, event.get("location") or {}
    plover, acled = event.get("plover") or {}, event.get("acled") or {}
    source, target = event.get("source", []), event.get("target", [])
    return {
        "id": event["id"], "date": event.get("day_first"), "date_start": date.get("start"),
        "date_end": date.get("end"), "date_precision": date.get("precision"), "cameo": event["cameo"],
        "cameo_name": event.get("cameo_name"), "goldstein": event["goldstein"], "quad_class": event["quad_class"],
        "plover_type": plover.get("type"), "plover_mode": plover.get("mode"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "source_codes": codes(source), "target_codes": codes(target), "source_sectors": codes(source, "sector"),
        "target_sectors": codes(target, "sector"), "trigger": event["trigger"]["text"],
        "modality": event.get("modality"), "negated": event.get("negated", False), "hedged": event.get("hedged", False),
        "location": loc.get("name"), "geonameid": loc.get("geonameid"), "country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geo_precision": loc.get("precision"),
        "n_articles": event.get("n_articles", 1), "n_publishers": event.get("n_publishers", 0),
        "n_claimants": event.get("n_claimants", 0), "publishers": ";".join(event.get("publishers", [])),
        "first_reported": event.get("first_reported"), "last_reported": event.get("last_reported"),
        "fatalities": fatalities(event), "confidence": event.get("confidence"), "evidence": event.get("evidence"),
    }
