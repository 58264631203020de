"""Which of the places called "Paris" does the document mean?

Regions and named sites win over anything else of the same name, and a country over cities of its name
("Lebanon", not Lebanon, Pennsylvania). A "City, Country" or "City, State" pair narrows the
choice to the named country or division, falling back to the division itself when the city
is too small for the gazetteer ("Severn, Md."). Otherwise each candidate is scored: the
logarithm of its population, plus support from the rest of the document (its first-level
division or its country named elsewhere), plus prominence (a country, a national capital),
plus the kind of place it is coordinated with, minus a little for a name that is only an
alternate one.
Docs: docs/geo.md
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from sitrep.geo.entry import Entry, normalize
from sitrep.geo.gazetteer import AREAS, PHRASES, Match, named_for_a_town
from sitrep.geo.rules import governor
from sitrep.geo.sources import distance_km

# Scores are in decades of population: +1 weighs like a ten times larger place.
COUNTRY_SUPPORT = 1.0     # the place's country is named elsewhere in the document
DIVISION_SUPPORT = 2.0    # and its first-level division (state, nation) is named elsewhere too
CAPITAL_BONUS = 1.5       # national capitals: "Paris" is Paris, France, even in a Texan paper
COUNTRY_BONUS = 2.0       # countries over divisions of the same name ("Georgia")
ALTERNATE_PENALTY = 0.5   # reached by an alternate name only ("Odessa" for Odesa)
SIBLING_SUPPORT = 1.5     # the kind of place its coordinated neighbours are ("California or Washington")
# First-level divisions have no population in our sources; score them like a place of this
# size. Second-level ones carry the people of their towns.
DIVISION_POPULATION = 3_000_000
# A town lies in a second-level division when in its first-level one and this close to its centre.
COUNTY_RADIUS_KM = 80.0

Context = Counter[tuple[str, str | None]]


@dataclass
class Toponym:
    """A candidate mention, what the gazetteer offers for it, and what was chosen."""

    span: Span
    label: str
    strong: bool
    matches: list[Match]
    entry: Entry | None = None
    qualifier: Entry | None = None
    paired: bool = False


def resolve_all(toponyms: list[Toponym]) -> None:
    """Choose an entry for every toponym of one document, pairs first, then by context.

    The context of a toponym is what the document's other names point to (a name never
    supports itself), taken from their first matches so that the order of mentions does not
    matter.
    """
    for first, second in zip(toponyms, toponyms[1:]):
        outer = pair_qualifier(first, second)
        if outer is not None:
            first.qualifier, first.paired, second.paired = outer, True, True
            second.entry = outer
    names = [normalize(t.span.text) for t in toponyms]
    by_name: dict[str, Context] = {}
    for name, toponym in zip(names, toponyms):
        by_name.setdefault(name, Counter()).update(pointers(toponym))
    everything: Context = sum(by_name.values(), Counter())
    for toponym, name, siblings in zip(toponyms, names, sibling_kinds(toponyms)):
        if toponym.entry is None and (toponym.matches or toponym.qualifier):
            toponym.entry = choose(toponym.matches, everything - by_name[name], toponym.qualifier, siblings)


def sibling_kinds(toponyms: list[Toponym]) -> list[set[str]]:
    """For each toponym, the features its coordinated neighbours most likely have.

    In "states such as California or Washington" the state Washington is meant, in
    "stops in Washington, New York and Boston" the city.
    """
    groups: dict[int, list[int]] = {}
    for index, toponym in enumerate(toponyms):
        groups.setdefault(governor(toponym.span.root).i, []).append(index)
    kinds: list[set[str]] = [set() for _ in toponyms]
    for members in groups.values():
        for index in members:
            kinds[index] = {toponyms[o].matches[0].entry.feature for o in members if o != index and toponyms[o].matches}
    return kinds


def choose(matches: list[Match], context: Context, qualifier: Entry | None = None,
           siblings: set[str] | frozenset[str] = frozenset()) -> Entry:
    """The entry a reader of this document means (see the module docstring)."""
    if qualifier is not None:
        inside = [m for m in matches if within(m.entry, qualifier)]
        if not inside:
            return qualifier
        matches = inside
    if matches[0].entry.feature in PHRASES:
        return matches[0].entry
    if any(m.entry.feature == "country" for m in matches):
        matches = [m for m in matches if m.entry.feature in ("country", "admin1")]
    shadowed = named_for_a_town(matches)
    matches = [m for m in matches if m not in shadowed]
    order = {id(m): i for i, m in enumerate(matches)}
    return max(matches, key=lambda m: (score(m, context, siblings), -order[id(m)])).entry


def score(match: Match, context: Context, siblings: set[str] | frozenset[str] = frozenset()) -> float:
    """Population decades plus document support and prominence."""
    entry = match.entry
    population = DIVISION_POPULATION if entry.feature == "admin1" else entry.population
    value = math.log10(max(population, 1))
    if entry.country and context[(entry.country, None)]:
        value += COUNTRY_SUPPORT
    if entry.country and entry.admin1 and context[(entry.country, entry.admin1)]:
        value += DIVISION_SUPPORT
    if entry.capital_of:
        value += CAPITAL_BONUS
    if entry.feature == "country":
        value += COUNTRY_BONUS
    if not match.preferred:
        value -= ALTERNATE_PENALTY
    if entry.feature in siblings:
        value += SIBLING_SUPPORT
    return value


def pointers(toponym: Toponym) -> Context:
    """The country and (country, division) a toponym points to by its pair or first match."""
    seen: Context = Counter()
    top = toponym.entry or (toponym.matches[0].entry if toponym.matches else None)
    if top is not None and top.country:
        seen[(top.country, None)] += 1
        if top.admin1:
            seen[(top.country, top.admin1)] += 1
    return seen


def within(entry: Entry, outer: Entry) -> bool:
    """True when the entry lies in the outer country or first-level division."""
    if outer.feature == "admin1":
        return entry.country == outer.country and entry.admin1 == outer.admin1
    if outer.feature == "admin2":
        return (entry.country == outer.country and entry.admin1 == outer.admin1 and entry.id != outer.id
                and distance_km(entry.lat, entry.lon, outer.lat, outer.lon) <= COUNTY_RADIUS_KM)
    return entry.country == outer.country and entry.id != outer.id


def pair_qualifier(first: Toponym, second: Toponym) -> Entry | None:
    """For "Kharkiv, Ukraine" or "Severn, Md.": the country or division the second half names."""
    doc = first.span.doc
    if second.span.start != first.span.end + 1 or doc[first.span.end].text != ",":
        return None
    if first.matches and first.matches[0].entry.feature in ("country", "admin1") + AREAS:
        return None  # "France, Germany", "Texas, California": a list, not a town and its state
    outers = [m.entry for m in second.matches if m.entry.feature in ("country", "admin1", "admin2")]
    if not first.matches:
        return outers[0] if outers and first.strong and _ends_phrase(second) else None
    found = next((o for o in outers if any(within(m.entry, o) for m in first.matches)), None)
    if found is None and first.strong and outers and second.matches[0].entry.feature == "admin1":
        return second.matches[0].entry  # a town too small for the gazetteer: "Allendale, N.J."
    return found


def _ends_phrase(toponym: Toponym) -> bool:
    """True when punctuation or the text's end follows: "Severn, Md.," but not "Freeland, U.S. Trade"."""
    doc, end = toponym.span.doc, toponym.span.end
    return end >= len(doc) or doc[end].is_punct or doc[end].is_space
