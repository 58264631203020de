"""Measure the places component on GeoWebNews (Gritta et al. 2019, "A Pragmatic Guide to
Geoparsing Evaluation"): 200 news articles with every toponym's span, its reading (literal,
metonymic, demonym...) and its GeoNames coordinates.

Literal readings follow the paper's split: Literal, Mixed, Literal_Modifier,
Embedded_Literal and Coercion are places; Metonymic, Demonym, Non_Literal_Modifier,
Embedded_Non_Lit, Homonym and Language are associative uses.

Two measures, as in the geoparsing literature: end to end (the toponyms the component finds
and keeps as places) and geocoding alone (the resolver given the gold toponym spans, so that
recognition misses do not count against it).

Run: `python -m sitrep.geo.evaluate PATH/GWN.xml`
Docs: docs/geo.md
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.geo.resolve import Toponym, place_near, resolve_all
from sitrep.geo.rules import ANAPHOR
from sitrep.geo.sources import distance_km
from sitrep.geo.tagger import DEMONYM, ActorIndex, PlaceTagger
from sitrep.nlp.extensions import PLACES
from sitrep.nlp.pipeline import load_pipeline

LITERAL = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion"})
ASSOCIATIVE = frozenset({"Metonymic", "Demonym", "Non_Literal_Modifier", "Embedded_Non_Lit", "Homonym", "Language"})
# The customary tolerance of toponym resolution: 100 miles.
TOLERANCE_KM = 161.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    kind: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None
    reason: str


def read_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    """The articles of a GeoWebNews XML file: text and gold toponyms (non-toponym types dropped)."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = [_gold(t) for t in article.iter("toponym")]
        articles.append((text, [g for g in golds if g.kind in LITERAL | ASSOCIATIVE]))
    return articles


def _gold(node: ET.Element) -> Gold:
    lat, lon, geonameid = node.findtext("latitude"), node.findtext("longitude"), node.findtext("geonamesID")
    return Gold(
        int(node.findtext("start") or 0), int(node.findtext("end") or 0), node.findtext("type") or "",
        float(lat) if lat else None, float(lon) if lon else None, int(geonameid) if geonameid else None,
    )


def predicted_places(doc: Doc) -> list[Predicted]:
    """The toponyms the component wrote, as character spans with coordinates ("the city"
    standing for a town named before it is a place but no toponym, so it is not scored)."""
    return [
        Predicted(s.start_char, s.end_char, s._.sitrep_place["lat"], s._.sitrep_place["lon"], s._.sitrep_place["reason"])
        for s in doc.spans.get(PLACES, []) if not s._.sitrep_place["reason"].startswith(ANAPHOR)
    ]


def evaluate_gwn(path: Path, nlp: Language) -> dict:
    """Score the places component on GeoWebNews.

    Args:
        path: The GWN.xml file.
        nlp: A pipeline; when it has no `sitrep_places` component one is run after it.

    Returns:
        Counts and figures: `accuracy_161km` (gold literal toponyms with coordinates that a
        predicted place overlaps within 161 km, over all of them), `accuracy_161km_resolved`
        (the same over those we found and resolved), `accuracy_161km_geonames` (over those with
        a GeoNames id, leaving out streets and buildings with map coordinates only),
        `recall_literal`, `metonymic_as_place`
        (share of gold metonymic toponyms we report as places), `associative_as_place`,
        `precision_literal` (predicted places overlapping a gold literal toponym), the median
        error in km, per gold type how often we report a place, and under `geocoding` the
        resolver's figures when it is handed the gold toponyms (`accuracy_161km` over gold
        literal toponyms with coordinates, `coverage`: share the gazetteer has a name for; both
        again over those with a GeoNames id).

    Docs: docs/geo.md
    """
    articles = read_gwn(path)
    in_pipeline = "sitrep_places" in nlp.pipe_names
    tagger = nlp.get_pipe("sitrep_places") if in_pipeline else PlaceTagger(nlp)
    tally: Counter[str] = Counter()
    geocoding: Counter[str] = Counter()
    errors: list[float] = []
    by_type: dict[str, Counter[str]] = {}
    for doc, (_, golds) in zip(nlp.pipe(text for text, _ in articles), articles):
        predicted = predicted_places(doc if in_pipeline else tagger(doc))
        _score(golds, predicted, tally, errors, by_type)
        _geocode_gold(doc, golds, tagger, geocoding)
    return {**_summary(tally, errors, by_type), "geocoding": _geocoding_summary(geocoding)}


def _geocode_gold(doc: Doc, golds: list[Gold], tagger: PlaceTagger, tally: Counter[str]) -> None:
    """Resolve the gold toponyms of one document together, as the tagger resolves its own."""
    spans = [(gold, doc.char_span(gold.start, gold.end, alignment_mode="expand")) for gold in golds]
    given = sorted(((g, _given(s, tagger)) for g, s in spans if s is not None), key=lambda pair: pair[1].span.start)
    toponyms = [toponym for _, toponym in given]
    resolve_all(toponyms)
    actors = ActorIndex.of(doc)
    place_near(toponyms, [t for t in toponyms if tagger.reason(t, actors)])
    for gold, toponym in given:
        if gold.kind not in LITERAL or gold.lat is None or gold.lon is None:
            continue
        entry = toponym.located
        within = entry is not None and distance_km(gold.lat, gold.lon, entry.lat, entry.lon) <= TOLERANCE_KM
        for prefix in ("", "geonames_") if gold.geonameid else ("",):
            tally[f"{prefix}literal_coords"] += 1
            tally[f"{prefix}covered"] += bool(toponym.matches)
            tally[f"{prefix}within"] += within
            tally[f"{prefix}covered_within"] += within and bool(toponym.matches)
            tally[f"{prefix}near"] += toponym.near is not None


def _given(span: Span, tagger: PlaceTagger) -> Toponym:
    """A gold toponym as the tagger would have offered it: an adjective of nationality
    ("the Turkish border") names its country, anything else is looked up by name."""
    label, strong = (DEMONYM, False) if tagger.demonym_matches(span) else ("GPE", True)
    return tagger.toponym(span, label, strong)


def _geocoding_summary(tally: Counter[str]) -> dict:
    return {
        "accuracy_161km": _ratio(tally["within"], tally["literal_coords"]),
        "accuracy_161km_covered": _ratio(tally["covered_within"], tally["covered"]),
        "placed_near": _ratio(tally["near"], tally["literal_coords"]),
        "coverage": _ratio(tally["covered"], tally["literal_coords"]),
        "accuracy_161km_geonames": _ratio(tally["geonames_within"], tally["geonames_literal_coords"]),
        "coverage_geonames": _ratio(tally["geonames_covered"], tally["geonames_literal_coords"]),
        "counts": dict(sorted(tally.items())),
    }


def _score(golds: list[Gold], predicted: list[Predicted], tally: Counter[str], errors: list[float],
           by_type: dict[str, Counter[str]]) -> None:
    for gold in golds:
        hits = [p for p in predicted if p.start < gold.end and gold.start < p.end]
        counts = by_type.setdefault(gold.kind, Counter())
        counts["gold"] += 1
        counts["as_place"] += bool(hits)
        if gold.kind in LITERAL:
            _score_literal(gold, hits, tally, errors)
        else:
            tally["associative"] += 1
            tally["associative_as_place"] += bool(hits)
            tally["metonymic"] += gold.kind == "Metonymic"
            tally["metonymic_as_place"] += gold.kind == "Metonymic" and bool(hits)
    tally["predicted"] += len(predicted)
    tally["predicted_on_literal"] += sum(
        any(p.start < g.end and g.start < p.end for g in golds if g.kind in LITERAL) for p in predicted
    )


def _score_literal(gold: Gold, hits: list[Predicted], tally: Counter[str], errors: list[float]) -> None:
    tally["literal"] += 1
    tally["literal_found"] += bool(hits)
    if gold.lat is None or gold.lon is None:
        return
    tally["literal_coords"] += 1
    tally["geonames_coords"] += gold.geonameid is not None
    located = [p for p in hits if p.lat is not None and p.lon is not None]
    if not located:
        return
    error = min(distance_km(gold.lat, gold.lon, p.lat, p.lon) for p in located)  # type: ignore[arg-type]
    errors.append(error)
    tally["literal_resolved"] += 1
    tally["literal_within"] += error <= TOLERANCE_KM
    tally["geonames_within"] += error <= TOLERANCE_KM and gold.geonameid is not None


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def _summary(tally: Counter[str], errors: list[float], by_type: dict[str, Counter[str]]) -> dict:
    return {
        "accuracy_161km": _ratio(tally["literal_within"], tally["literal_coords"]),
        "accuracy_161km_resolved": _ratio(tally["literal_within"], tally["literal_resolved"]),
        "accuracy_161km_geonames": _ratio(tally["geonames_within"], tally["geonames_coords"]),
        "recall_literal": _ratio(tally["literal_found"], tally["literal"]),
        "precision_literal": _ratio(tally["predicted_on_literal"], tally["predicted"]),
        "metonymic_as_place": _ratio(tally["metonymic_as_place"], tally["metonymic"]),
        "associative_as_place": _ratio(tally["associative_as_place"], tally["associative"]),
        "median_error_km": round(median(errors), 1) if errors else None,
        "counts": dict(sorted(tally.items())),
        "by_type": {kind: _ratio(c["as_place"], c["gold"]) for kind, c in sorted(by_type.items())},
    }


def main(argv: list[str]) -> None:
    """Print the GeoWebNews figures as JSON for the file given on the command line."""
    print(json.dumps(evaluate_gwn(Path(argv[0]), load_pipeline()), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
