"""Data contexts for the dashboard pages: the same dict feeds the template and the JSON twin.

Each function takes what the store returned and shapes it for display (buckets, a network, a
pair's weekly series); templates only format these values and the page's JavaScript only draws
them.
Docs: docs/dashboard.md
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sitrep.model import Analysis
from sitrep.web.markup import KINDS, blocks

WEEKLY_AFTER_DAYS = 62
"""The timeline switches from daily to weekly bars when the events span more days than this."""


@dataclass(frozen=True)
class Filters:
    """What the reader asked the event table for; empty form fields count as not given."""

    actor: str | None = None
    pair: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None

    def pair_codes(self) -> tuple[str, str] | None:
        """The two actor codes of `pair` ("RUS-UKR" or "RUS,UKR"), upper-cased; None without a pair."""
        if not self.pair:
            return None
        parts = [part.strip().upper() for part in self.pair.replace(",", "-").split("-") if part.strip()]
        if len(parts) != 2:
            raise ValueError(f"pair {self.pair!r}: give two actor codes such as RUS-UKR")
        return parts[0], parts[1]

    def store_args(self) -> dict[str, str | None]:
        """The filters the store applies itself (the pair is applied here)."""
        return {"actor": self.actor, "cameo": self.cameo, "since": self.since, "until": self.until}


def event_day(row: dict[str, Any]) -> str | None:
    """The day an event row is counted on: the first day of its date, else its article's date."""
    return row.get("date_start") or row.get("published")


def week_start(day: str) -> str:
    """The Monday of the ISO week holding `day` (YYYY-MM-DD)."""
    value = date.fromisoformat(day)
    return (value - timedelta(days=value.weekday())).isoformat()


def in_pair(row: dict[str, Any], pair: tuple[str, str]) -> bool:
    """True when both codes of the pair take part in the event (either way round)."""
    codes = set(row["source_codes"]) | set(row["target_codes"])
    return pair[0] in codes and pair[1] in codes


def dyads(row: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (source, target) pair of distinct codes of an event row."""
    return [(s, t) for s in row["source_codes"] for t in row["target_codes"] if s != t]


def timeline(rows: list[dict[str, Any]], by: str | None = None) -> dict[str, Any]:
    """Event counts and Goldstein sums per day or week; `by` None picks by the span of days."""
    days = sorted(day for day in map(event_day, rows) if day)
    if by is None:
        span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days if days else 0
        by = "week" if span > WEEKLY_AFTER_DAYS else "day"
    counts: Counter[str] = Counter()
    scores: Counter[str] = Counter()
    for row in rows:
        day = event_day(row)
        if day:
            key = week_start(day) if by == "week" else day
            counts[key] += 1
            scores[key] += row["goldstein"]
    return {"by": by, "bins": [{"start": key, "count": counts[key], "goldstein": round(scores[key], 2)}
                               for key in _every(sorted(counts), 7 if by == "week" else 1)]}


def _every(keys: list[str], step: int) -> list[str]:
    """Every day (or week, step 7) from the first key to the last, so empty ones show as gaps."""
    if not keys:
        return []
    day, last, out = date.fromisoformat(keys[0]), date.fromisoformat(keys[-1]), []
    while day <= last:
        out.append(day.isoformat())
        day += timedelta(days=step)
    return out


def network(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Actor codes as nodes and source→target dyads as edges, weighted by number of events."""
    edges = Counter(pair for row in rows for pair in dyads(row))
    nodes: Counter[str] = Counter()
    for (source, target), count in edges.items():
        nodes[source] += count
        nodes[target] += count
    return {"nodes": [{"code": code, "count": n} for code, n in sorted(nodes.items())],
            "edges": [{"source": s, "target": t, "count": n} for (s, t), n in sorted(edges.items())]}


def places(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One map point per located place, with how many events happened there."""
    counts = Counter((row["location"], row["lat"], row["lon"]) for row in rows
                     if row["lat"] is not None and row["lon"] is not None)
    return [{"name": name, "lat": lat, "lon": lon, "count": n}
            for (name, lat, lon), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0] or ""))]


def escalation(rows: list[dict[str, Any]], pair: tuple[str, str]) -> dict[str, Any]:
    """Weekly Goldstein sums of a pair's events, every week from the first to the last (empty ones 0)."""
    sums: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for row in rows:
        day = event_day(row)
        if day and in_pair(row, pair):
            sums[week_start(day)] += row["goldstein"]
            counts[week_start(day)] += 1
    series = [{"week": key, "goldstein": round(sums[key], 2), "count": counts[key]}
              for key in _every(sorted(counts), 7)]
    return {"pair": list(pair), "series": series}


def table_row(row: dict[str, Any]) -> dict[str, Any]:
    """The event table's columns for one store row, with the links the page needs."""
    return {
        "article_id": row["article_id"], "event_id": row["event_id"], "day": event_day(row),
        "date": row["date"], "cameo": row["cameo"], "cameo_name": row["cameo_name"],
        "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "source": row["source_codes"], "target": row["target_codes"], "trigger": row["trigger"],
        "location": row["location"], "lat": row["lat"], "lon": row["lon"], "publisher": row["publisher"],
        "sentence": row["sentence"], "sentence_text": row["sentence_text"],
        "href": f"/events/{row['article_id']}/{row['event_id']}",
    }


def top_pairs(rows: list[dict[str, Any]], limit: int = 20) -> list[str]:
    """The most frequent dyads as "A-B" (codes sorted), for the pair picker."""
    counts = Counter("-".join(sorted(pair)) for row in rows for pair in dyads(row))
    return [pair for pair, _ in counts.most_common(limit)]


def dashboard(rows: list[dict[str, Any]], filters: Filters, by: str | None = None) -> dict[str, Any]:
    """Everything the dashboard shows for the store's rows (already filtered by actor, CAMEO, dates)."""
    pair = filters.pair_codes()
    shown = [row for row in rows if pair is None or in_pair(row, pair)]
    return {
        "filters": asdict(filters),
        "n_events": len(shown),
        "events": [table_row(row) for row in shown],
        "timeline": timeline(shown, by),
        "places": places(shown),
        "network": network(shown),
        "escalation": escalation(shown, pair) if pair else None,
        "pairs": top_pairs(rows),
        "actors": sorted({code for row in rows for code in (*row["source_codes"], *row["target_codes"])}),
    }


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s); anything else (javascript:, data:) is never made a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _participants(analysis: Analysis, role: list[Any]) -> list[dict[str, Any]]:
    actors = {a.id: a for a in analysis.actors}
    return [{"actor": p.actor, "code": p.code, "sector": p.sector,
             "text": actors[p.actor].text if p.actor in actors else None,
             "name": actors[p.actor].name if p.actor in actors else None} for p in role]


def _sentence(analysis: Analysis, index: int) -> str | None:
    if 0 <= index < len(analysis.sentences):
        start, end = analysis.sentences[index]
        return analysis.text[start:end]
    return None


def _article_meta(analysis: Analysis) -> dict[str, Any]:
    return {"id": analysis.hash, **analysis.article.model_dump(mode="json")}


def event_page(analysis: Analysis, event_id: str) -> dict[str, Any] | None:
    """The event page's data: the Event, its sentence, its participants and its article; None if absent."""
    event = next((e for e in analysis.events if e.id == event_id), None)
    if event is None:
        return None
    return {
        "article": _article_meta(analysis),
        "event": event.model_dump(mode="json"),
        "sentence": {"index": event.sentence, "text": _sentence(analysis, event.sentence)},
        "source": _participants(analysis, event.source),
        "target": _participants(analysis, event.target),
        "href": f"/articles/{analysis.hash}#s{event.sentence}",
    }


def article_page(analysis: Analysis) -> dict[str, Any]:
    """The article view's data: the Analysis, its text as marked fragments, and its events' anchors."""
    return {
        "article": _article_meta(analysis),
        "source_href": web_url(analysis.article.url),
        "kinds": list(KINDS),
        "blocks": blocks(analysis),
        "events": [{"id": e.id, "sentence": e.sentence, "cameo": e.cameo, "cameo_name": e.cameo_name,
                    "trigger": e.trigger.text, "anchor": f"#s{e.sentence}",
                    "href": f"/events/{analysis.hash}/{e.id}"} for e in analysis.events],
        "analysis": analysis.model_dump(mode="json"),
    }
