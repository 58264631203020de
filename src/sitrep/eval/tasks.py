"""The benchmark tasks `sitrep eval` knows: where their gold data lives and how to score it.

Docs: docs/accuracy.md
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language


@dataclass(frozen=True)
class Task:
    name: str
    paths: tuple[str, ...]
    score: Callable[[Language, list[Path]], dict]
    summary: tuple[str, ...]


def _events(nlp: Language, paths: list[Path]) -> dict:
    from sitrep.eval.events import evaluate_cameo_examples, evaluate_plover_gsr

    return {"plover_gsr": evaluate_plover_gsr(paths[0], nlp), "cameo_examples": evaluate_cameo_examples(paths[1], nlp)}


def _quotes(nlp: Language, paths: list[Path]) -> dict:
    from sitrep.attribution.evaluate import evaluate_polnear

    return evaluate_polnear(paths[0], nlp)


def _time(nlp: Language, paths: list[Path]) -> dict:
    from sitrep.timex.evaluate import evaluate_tempeval

    return evaluate_tempeval(paths[0], nlp)


def _geo(nlp: Language, paths: list[Path]) -> dict:
    from sitrep.geo.evaluate import evaluate_gwn

    return evaluate_gwn(paths[0], nlp)


def _extract(nlp: Language, paths: list[Path]) -> dict:
    from sitrep.eval.extract import evaluate_extract

    return evaluate_extract(paths[0])


TASKS = {
    "events": Task("events", ("events/PLOVER_GSR_CAMEO.json", "events/cameo_eventtypes.csv"), _events,
                   ("plover_gsr.type_accuracy", "plover_gsr.source.f1", "plover_gsr.target.f1",
                    "plover_gsr.sector_accuracy", "plover_gsr.events_per_sentence",
                    "cameo_examples.root_accuracy", "cameo_examples.three_digit_accuracy")),
    "quotes": Task("quotes", ("quotes/polnear-dev",), _quotes, ()),
    "time": Task("time", ("time/te3-dev",), _time, ("value.f1", "relaxed_span.f1", "strict_span.f1", "type_accuracy")),
    "geo": Task("geo", ("geo/GWN.xml",), _geo, ()),
    "extract": Task("extract", ("extract",), _extract, ("body.f1", "title_exact", "date_exact", "author_match")),
}


def flatten(result: dict, prefix: str = "") -> dict[str, object]:
    """Nested scores as dotted keys, numbers only: {"plover_gsr.source.f1": 0.85, ...}."""
    flat: dict[str, object] = {}
    for key, value in result.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = value
    return flat
