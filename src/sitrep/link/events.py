"""Events counted once: one record for every report of the same real-world event.

Two reports (an article's events) are of the same event when they have the same CAMEO root,
the same source and target codes (a state's ISO code, an organization's own code), the same
negation, dates that overlap (or, when either is undated, publication dates within
WINDOW_DAYS of each other), compatible places (same country; two different towns do not
match) and weapons that do not exclude each other. An event with no coded party never merges.

The merged record keeps every Event field: the coding of its most specific CAMEO code, the
most precise date and place any report gives, every figure and claim, and adds its mentions,
outlets and independent claimants. A claimant is one identity, counted once across articles:
a person by name, anyone else by code, sector and canonical name; claims in near-duplicate
copies add no claimant, and a copy repeating its original's figure adds no figure.
Docs: docs/linking.md
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import get_args

from sitrep.link.model import Claimant, Figure, Mention, MergedEvent
from sitrep.link.words import words
from sitrep.model import (
    EXACT_PLACES,
    Actor,
    Analysis,
    Claim,
    Event,
    EventDate,
    Location,
    PlacePrecision,
    Precision,
    Quantity,
)

WINDOW_DAYS = 7  # undated reports merge only when published at most this many days apart
_DATE_RANK = {precision: rank for rank, precision in enumerate(get_args(Precision))}
_PLACE_RANK = {precision: rank for rank, precision in enumerate(get_args(PlacePrecision))}
_CODING = ("cameo", "cameo_name", "goldstein", "quad_class", "plover", "acled")
_GROWING = ("mentions", "publishers", "claims", "claimants", "figures", "quantities", "weapons")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Report:
    """One article's event, as it arrives for merging."""

    analysis: Analysis
    event: Event
    copy_of: str | None = None

    @property
    def article(self) -> str:
        return self.analysis.hash

    @property
    def published(self) -> str | None:
        return self.analysis.article.published


def party_keys(event: Event) -> tuple[str, str]:
    """The sorted source and target codes joined by ';' (both the union for reciprocal events)."""
    sources = sorted({p.code or p.country for p in event.source} - {None})
    targets = sorted({p.code or p.country for p in event.target} - {None})
    if event.reciprocal:
        sources = targets = sorted(set(sources) | set(targets))
    return ";".join(sources), ";".join(targets)


def merged_id(article_id: str, event_id: str) -> str:
    """A merged event's id: 'm' and a hash of its first mention (stable across runs)."""
    return "m" + hashlib.sha256(f"{article_id}:{event_id}".encode()).hexdigest()[:15]


def day_span(when: EventDate | None) -> tuple[str, str] | None:
    """First and last day a date may be, or None when it gives neither."""
    if when is None or not (when.start or when.end):
        return None
    return when.start or when.end, when.end or when.start


def record_days(record: MergedEvent) -> tuple[str | None, str | None]:
    """The days the record covers for filtering: its own date, else its first report."""
    return day_span(record.date) or (record.first_reported, record.first_reported)


def _days_apart(day: str, first: str, last: str) -> int:
    at, low, high = (date.fromisoformat(d) for d in (day, first, last))
    return max((low - at).days, (at - high).days, 0)


def distance(record: MergedEvent, report: Report) -> int:
    """Days between the report's publication and the record's reports (0 when unknown)."""
    if report.published is None or record.first_reported is None or record.last_reported is None:
        return 0
    return _days_apart(report.published, record.first_reported, record.last_reported)


def _dates_fit(record: MergedEvent, report: Report) -> bool:
    ours, theirs = day_span(record.date), day_span(report.event.date)
    if ours and theirs:
        return ours[0] <= theirs[1] and theirs[0] <= ours[1]
    return distance(record, report) <= WINDOW_DAYS


def _places_fit(ours: Location | None, theirs: Location | None) -> bool:
    """Two exact places fit when they are one town, by id, name or point (a site the
    gazetteer lacks has the point of the town that holds it)."""
    if ours is None or theirs is None:
        return True
    if ours.country and theirs.country and ours.country != theirs.country:
        return False
    if ours.precision in EXACT_PLACES and theirs.precision in EXACT_PLACES:
        same_point = ours.lat is not None and (ours.lat, ours.lon) == (theirs.lat, theirs.lon)
        return (ours.geonameid or ours.name) == (theirs.geonameid or theirs.name) or same_point
    return True


def compatible(record: MergedEvent, report: Report) -> bool:
    """True when the report can be of the record's event (root, parties and negation already match)."""
    theirs = report.event
    if record.weapons and theirs.weapons and not set(record.weapons) & set(theirs.weapons):
        return False
    return _dates_fit(record, report) and _places_fit(record.location, theirs.location)


def _written(text: str) -> str:
    """A claimant as written, without a leading article ('the Pentagon' -> 'Pentagon')."""
    first, _, rest = _SPACES.sub(" ", text.strip()).partition(" ")
    return rest if rest and first.casefold() in words("claimant_prefix") else " ".join((first, rest)).strip()


def _identity(actor: Actor | None, claim: Claim | None = None) -> Claimant | None:
    """The claimant behind an actor (or a claim without a resolved actor), keyed for counting."""
    if actor is not None:
        text, name, code, sector = actor.text, actor.name, actor.code, actor.sector
        if actor.kind == "person":
            return Claimant(key=f"person|{(name or _written(text)).casefold()}", name=_written(text),
                            code=code, sector=sector)
    elif claim is not None and claim.claimant_text:
        text, name, code, sector = claim.claimant_text, None, claim.code, claim.sector
    else:
        return None
    key = f"{code or ''}|{sector or ''}|{(name or _written(text)).casefold()}"
    return Claimant(key=key, name=_written(text), code=code, sector=sector)


def _actors(analysis: Analysis) -> dict[str, Actor]:
    return {actor.id: actor for actor in analysis.actors}


def _qualify(article: str, actor_id: str | None) -> str | None:
    return f"{article}:{actor_id}" if actor_id else None


def claimants(report: Report) -> list[Claimant]:
    """Who vouches for the report: its claims' claimants, then who gives its figures."""
    actors = _actors(report.analysis)
    found = [_identity(actors.get(c.claimant) if c.claimant else None, c) for c in report.event.claims]
    found += [_identity(actors.get(q.claimant)) for q in report.event.quantities if q.claimant]
    unique: dict[str, Claimant] = {}
    for claimant in found:
        if claimant is not None and claimant.key not in unique:
            unique[claimant.key] = claimant.model_copy(update={"articles": [report.article]})
    return list(unique.values())


def _figure(report: Report, quantity: Quantity) -> Figure:
    claimant = _identity(_actors(report.analysis).get(quantity.claimant)) if quantity.claimant else None
    return Figure(kind=quantity.kind, value=quantity.value, unit=quantity.unit, approx=quantity.approx,
                  low=quantity.low, high=quantity.high, text=quantity.text,
                  claimant=claimant.name if claimant else None, claimant_code=claimant.code if claimant else None,
                  article=report.article, publisher=report.analysis.article.publisher)


def _same_figure(a: Figure, b: Figure) -> bool:
    fields = ("kind", "value", "unit", "approx", "low", "high", "claimant", "claimant_code")
    return all(getattr(a, name) == getattr(b, name) for name in fields)


def summary(quantities: list[Quantity]) -> list[Quantity]:
    """Per kind and unit, the lowest figure given: the conservative reading when reports disagree."""
    best: dict[tuple, Quantity] = {}
    for quantity in quantities:
        value = quantity.value if quantity.value is not None else quantity.low
        if value is None:
            continue
        key = (quantity.kind, quantity.unit)
        current = best.get(key)
        if current is None or value < (current.value if current.value is not None else current.low):
            best[key] = quantity
    return list(best.values())


def _qualified_event(report: Report) -> dict:
    """The report's event as a dict, its actor ids qualified with its article."""
    article, data = report.article, report.event.model_dump()
    for role in ("source", "target"):
        for party in data[role]:
            party["actor"] = _qualify(article, party["actor"])
    for claim in data["claims"]:
        claim["claimant"] = _qualify(article, claim["claimant"])
    for quantity in data["quantities"]:
        quantity["claimant"] = _qualify(article, quantity["claimant"])
    return data


def start(report: Report) -> MergedEvent:
    """A new merged event from its first report."""
    data = _qualified_event(report)
    data.update(id=merged_id(report.article, report.event.id), quantities=[], claims=[], summary=[])
    return fold(MergedEvent.model_validate(data), report, first=True)


def fold(record: MergedEvent, report: Report, *, first: bool = False) -> MergedEvent:
    """The record with one more report folded in (a new object; the record is left as it was)."""
    merged = record.model_copy(update={name: list(getattr(record, name)) for name in _GROWING})
    _add_mention(merged, report)
    if not first:
        _refine(merged, report)
    _add_figures(merged, report)
    if report.copy_of is None:
        merged.claims.extend(Claim.model_validate(c) for c in _qualified_event(report)["claims"])
        _add_claimants(merged, claimants(report))
    merged.summary = summary(merged.quantities)
    merged.weapons = list(dict.fromkeys([*merged.weapons, *report.event.weapons]))
    return merged


def _add_mention(merged: MergedEvent, report: Report) -> None:
    meta, event = report.analysis.article, report.event
    merged.mentions.append(Mention(article=report.article, event=event.id, sentence=event.sentence,
                                   trigger=event.trigger.text, publisher=meta.publisher,
                                   published=meta.published, copy_of=report.copy_of))
    merged.n_articles = len({m.article for m in merged.mentions})
    if meta.publisher and meta.publisher not in merged.publishers:
        merged.publishers.append(meta.publisher)
    merged.n_publishers = len(merged.publishers)
    days = [m.published for m in merged.mentions if m.published]
    merged.first_reported, merged.last_reported = (min(days), max(days)) if days else (None, None)


def _refine(merged: MergedEvent, report: Report) -> None:
    """Take the report's coding, date or place where they are more specific than the record's."""
    event = report.event
    if len(event.cameo) > len(merged.cameo) and event.cameo.startswith(merged.cameo[:2]):
        for name in _CODING:
            setattr(merged, name, getattr(event, name))
    if event.date and day_span(event.date) and (
            merged.date is None or _DATE_RANK[event.date.precision] < _DATE_RANK[merged.date.precision]):
        merged.date = event.date
    if event.location and (merged.location is None or
                           _PLACE_RANK[event.location.precision] < _PLACE_RANK[merged.location.precision]):
        merged.location = event.location
    if merged.modality != "asserted" and event.modality == "asserted":
        merged.modality = "asserted"
    merged.hedged = merged.hedged or event.hedged
    merged.confidence = max(merged.confidence, event.confidence)


def _add_figures(merged: MergedEvent, report: Report) -> None:
    data = _qualified_event(report)
    for quantity, qualified in zip(report.event.quantities, data["quantities"]):
        figure = _figure(report, quantity)
        if report.copy_of and any(f.article == report.copy_of and _same_figure(f, figure) for f in merged.figures):
            continue
        merged.figures.append(figure)
        merged.quantities.append(Quantity.model_validate(qualified))


def _add_claimants(merged: MergedEvent, found: list[Claimant]) -> None:
    position = {claimant.key: k for k, claimant in enumerate(merged.claimants)}
    for claimant in found:
        if claimant.key not in position:
            position[claimant.key] = len(merged.claimants)
            merged.claimants.append(claimant)
            continue
        known = merged.claimants[position[claimant.key]]
        articles = [*known.articles, *(a for a in claimant.articles if a not in known.articles)]
        merged.claimants[position[claimant.key]] = known.model_copy(update={"articles": articles})
    merged.n_claimants = len(merged.claimants)
