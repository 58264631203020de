"""The article view's text: sentences cut into fragments, each tagged with what covers it.

The page is built from these fragments by a Jinja2 template with autoescape on, so every piece
of article text reaches the browser escaped; nothing here produces HTML. Overlapping spans (an
actor inside a quote) give a fragment several kinds.
Docs: docs/dashboard.md
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitrep.model import Analysis

KINDS = ("quote", "place", "time", "quantity", "actor", "trigger")
"""Every kind of mark, in the order the legend lists them."""


@dataclass(frozen=True)
class Mark:
    """A coded stretch of the text: what it is, where, and its label and event (for triggers)."""

    kind: str
    start: int
    end: int
    label: str = ""
    event: str | None = None


def _actor_label(code: str | None, sector: str | None, name: str | None) -> str:
    head = "/".join(part for part in (code, sector) if part) or "?"
    return f"{head} {name}" if name else head


def marks(analysis: Analysis) -> list[Mark]:
    """Every span the article view highlights: quotes, places, times, figures, actors, triggers."""
    found = [Mark("quote", q.start, q.end, q.speaker_text or "") for q in analysis.quotes]
    found += [Mark("place", p.start, p.end, p.name) for p in analysis.places]
    found += [Mark("time", t.start, t.end, t.value or "") for t in analysis.times
              if t.start is not None and t.end is not None]
    found += [Mark("quantity", q.start, q.end, q.kind or "") for q in analysis.quantities
              if q.start is not None and q.end is not None]
    found += [Mark("actor", a.start, a.end, _actor_label(a.code, a.sector, a.name)) for a in analysis.actors]
    for e in analysis.events:
        label = f"{e.cameo} {e.cameo_name or ''}".strip()
        found.append(Mark("trigger", e.trigger.start, e.trigger.end, label, e.id))
        found += [Mark("trigger", m.start, m.end, label, e.id) for m in e.also]
    return [m for m in found if 0 <= m.start < m.end <= len(analysis.text)]


def fragments(text: str, start: int, end: int, spans: list[Mark]) -> list[dict[str, Any]]:
    """`text[start:end]` cut at every mark boundary; each piece lists the kinds covering it."""
    inside = [m for m in spans if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        kinds = [kind for kind in KINDS if any(m.kind == kind for m in covering)]
        trigger = next((m for m in covering if m.kind == "trigger"), None)
        pieces.append({"text": text[left:right], "kinds": kinds,
                       "label": "; ".join(m.label for m in covering if m.label),
                       "event": trigger.event if trigger else None})
    return pieces


def blocks(analysis: Analysis) -> list[dict[str, Any]]:
    """The whole text as sentence blocks (`sentence` = index) and the gaps between them (None)."""
    text, spans = analysis.text, marks(analysis)
    out, position = [], 0
    for index, (start, end) in sorted(enumerate(analysis.sentences), key=lambda item: item[1]):
        if start > position:
            out.append({"sentence": None, "fragments": fragments(text, position, start, spans)})
        out.append({"sentence": index, "fragments": fragments(text, start, end, spans)})
        position = max(position, end)
    if position < len(text):
        out.append({"sentence": None, "fragments": fragments(text, position, len(text), spans)})
    return out
