"""The Doc and Span extension attributes sitrep's components read and write.

Values are plain data (str, int, float, bool, list, dict) so Docs survive `Doc.to_bytes`
and `nlp.pipe(n_process=...)`. Span groups hold the spans; `span._.sitrep_*` hold the facts.

| span group / attribute        | written by          | holds                                     |
|-------------------------------|---------------------|-------------------------------------------|
| `doc._.sitrep_published`      | the caller          | publication date, "YYYY-MM-DD" or None    |
| `doc.spans["sitrep_actors"]`  | sitrep_actors       | actor mentions, `span._.sitrep_actor`     |
| `doc.spans["sitrep_times"]`   | sitrep_times        | time expressions, `span._.sitrep_time`    |
| `doc.spans["sitrep_places"]`  | sitrep_places       | literal toponyms, `span._.sitrep_place`   |
| `doc.spans["sitrep_quantities"]` | sitrep_quantities | figures, `span._.sitrep_quantity`        |
| `doc.spans["sitrep_quotes"]`  | sitrep_quotes       | quote contents, `span._.sitrep_quote`     |
| `doc._.sitrep_claims`         | sitrep_quotes       | reporting cues with claimant, stance      |
| `doc._.sitrep_events`         | sitrep_events       | coded events                              |
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

ACTORS = "sitrep_actors"
TIMES = "sitrep_times"
PLACES = "sitrep_places"
QUANTITIES = "sitrep_quantities"
QUOTES = "sitrep_quotes"

_DOC_ATTRS = ("sitrep_published", "sitrep_claims", "sitrep_events")
_SPAN_ATTRS = ("sitrep_actor", "sitrep_time", "sitrep_place", "sitrep_quantity", "sitrep_quote")


def actor_key(span: Span) -> str:
    """How events and claims name an actor mention: its character range, which the Analysis
    serializer maps to the actor's id."""
    return f"{span.start_char}:{span.end_char}"


def register_extensions() -> None:
    """Declare every sitrep extension once; safe to call again."""
    for name in _DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
