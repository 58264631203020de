"""Terminal renderings: events tables and an article with its coded spans marked.

Only presentation lives here; commands hand in plain data from the store or an Analysis.
Docs: docs/cli.md
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from sitrep.model import Analysis

_STYLES = {"actor": "bold cyan", "trigger": "bold red", "time": "green", "place": "magenta",
           "quantity": "yellow", "quote": "italic"}


def parties_text(parts: list[dict]) -> str:
    """Participants as "CODE/SECTOR, ..." ("?" for an uncoded actor, "—" for none)."""
    return ", ".join(f"{p.get('code') or '?'}{'/' + p['sector'] if p.get('sector') else ''}" for p in parts) or "—"


def _claims(event: dict) -> str:
    return "; ".join(_claim_text(c) for c in event.get("claims", []))


def _claim_text(claim: dict) -> str:
    """ "Zelensky (claim)", or "Trump (claim, via The Times)" for a claim told second-hand."""
    via = f", via {claim['via_text']}" if claim.get("via_text") else ""
    return f"{claim.get('claimant_text') or '?'} ({claim['stance']}{via})"


def amount_text(figure: dict) -> str:
    """A figure as people read it: "~10,000 troops", or its words when it has no value."""
    if figure.get("value") is None:
        return figure["text"]
    return f"{'~' if figure.get('approx') else ''}{figure['value']:,.0f} {figure.get('unit') or ''}".strip()


def _figures(event: dict) -> str:
    return ", ".join(amount_text(q) for q in event.get("quantities", []))


def events_table(rows: Iterable[dict], title: str | None = None) -> Table:
    """One row per event: date, dyad, CAMEO, trigger, figures, claimants."""
    table = Table(title=title, show_lines=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("source", overflow="fold")
    table.add_column("cameo", max_width=34, overflow="ellipsis", no_wrap=True)
    for column in ("target", "trigger", "figures", "claimed by"):
        table.add_column(column, overflow="fold")
    table.add_column("event", no_wrap=True)
    for row in rows:
        event = row["event"]
        date = (event.get("date") or {}).get("value") or (f"({row['published']})" if row.get("published") else "")
        cameo = f"{event['cameo']} {event.get('cameo_name') or ''}".strip()
        table.add_row(date, parties_text(event["source"]), cameo, parties_text(event["target"]), event["trigger"]["text"],
                      _figures(event), _claims(event), f"{row['article_id'][:8]}:{event['id']}")
    return table


def analysis_rows(analysis: Analysis) -> list[dict]:
    """The rows `events_table` shows, for an Analysis that is not stored."""
    return [{"event": e.model_dump(mode="json"), "article_id": analysis.hash, "published": analysis.article.published}
            for e in analysis.events]


def marked_text(analysis: Analysis) -> Text:
    """The article text with actors, triggers, times, places and figures styled."""
    text = Text(analysis.text)
    spans = [*(("quote", q.start, q.end) for q in analysis.quotes),
             *(("place", p.start, p.end) for p in analysis.places),
             *(("time", t.start, t.end) for t in analysis.times if t.start is not None),
             *(("quantity", q.start, q.end) for q in analysis.quantities if q.start is not None),
             *(("actor", a.start, a.end) for a in analysis.actors),
             *(("trigger", e.trigger.start, e.trigger.end) for e in analysis.events),
             *(("trigger", m.start, m.end) for e in analysis.events for m in e.also)]
    for kind, start, end in spans:
        text.stylize(_STYLES[kind], start, end)
    return text


def legend() -> Text:
    legend = Text("legend: ")
    for kind, style in _STYLES.items():
        legend.append(kind, style=style)
        legend.append("  ")
    return legend
