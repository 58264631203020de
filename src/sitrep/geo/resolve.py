"""Which of the places called "Paris" does the document mean?

Regions and named sites win over anything else of the same name, and a country over cities of its name
("Lebanon", not Lebanon, Pennsylvania). A "City, Country" or "City, State" pair narrows the
choice to the named country or division, falling back to the division itself when the city
is too small for the gazetteer ("Severn, Md."). Otherwise each candidate is scored: the
logarithm of its population, plus support from the rest of the document (its country named
elsewhere; its first-level division named, or else another town in it), plus prominence (a
country, a national capital), plus the kind of place it is coordinated with, minus a little
for a name that is only an alternate one.

A named site the gazetteer does not hold (a hospital, a theatre, a street) takes the place that
holds it: "the Colony Theatre in Los Angeles", "Derry's Altnagelvin Hospital", "Kabul
International Airport". Its coordinates are that place's, and so is its precision. A place
still unlocated is placed near the nearest place the document reads as a place, at the
precision of a province (`place_near`).
Docs: docs/geo.md
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from sitrep.geo.entry import Entry, normalize
from sitrep.geo.gazetteer import AREAS, DIVISIONS, PHRASES, Match, is_major, named_for_a_town
from sitrep.geo.rules import dateline_part, governor
from sitrep.geo.sources import distance_km

# Scores are in decades of population: +1 weighs like a ten times larger place.
COUNTRY_SUPPORT = 1.0     # the place's country is named elsewhere in the document
DIVISION_SUPPORT = 2.0    # and its first-level division (state, nation) is named too
# Or, for a town, only another town of that division is named: "stops in New York and Boston"
# is little sign of Boston, New York, though "Boston ... New York State" would be. A division is
# supported by its towns in full: Atlanta makes Georgia the state.
NEIGHBOUR_SUPPORT = 1.0
CAPITAL_BONUS = 1.5       # national capitals: "Paris" is Paris, France, even in a Texan paper
COUNTRY_BONUS = 2.0       # countries over divisions of the same name ("Georgia")
ALTERNATE_PENALTY = 0.5   # reached by an alternate name only ("Odessa" for Odesa)
SIBLING_SUPPORT = 1.5     # the kind of place its coordinated neighbours are ("California or Washington")
# First-level divisions have no population in our sources; score them like a place of this
# size. Second-level ones carry the people of their towns.
DIVISION_POPULATION = 3_000_000
# A town lies in a second-level division when in its first-level one and this close to its centre.
COUNTY_RADIUS_KM = 80.0

# Keys: (country, None), (country, division) and (country, division, NAMED).
Context = Counter[tuple[str, ...]]
NAMED = "named"


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
    # For a site the gazetteer lacks: matches for the start of its name ("Kabul" of "Kabul
    # International Airport"), and the place chosen to hold it.
    inner: list[Match] = field(default_factory=list)
    within: Entry | None = None
    # For a place neither the gazetteer nor its own sentence locates: the nearest place the
    # document names, as an event coder places an unknown village by the nearest known town.
    near: Entry | None = None

    @property
    def located(self) -> Entry | None:
        """The entry that gives the toponym its coordinates: its own, its container's, or the
        nearest named place's."""
        return self.entry or self.within or self.near


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
    for toponym in toponyms:
        if toponym.entry is None:
            toponym.within = container(toponym, toponyms) or named_inside(toponym, toponyms, everything)


def container(site: Toponym, toponyms: list[Toponym]) -> Entry | None:
    """The resolved place written as holding the site: right after it with "in" ("the Colony
    Theatre in Los Angeles", "al-Shifa hospital in Gaza City"), as its possessor ("Derry's
    Altnagelvin Hospital"), or in an apposition describing it ("Rubaya, a mining town in North
    Kivu")."""
    span = site.span
    for other in toponyms:
        if other.entry is not None and (_follows_in(span, other.span) or _possessor(other.span, span)
                                        or _described_in(span, other.span)):
            return other.entry
    return None


def named_inside(site: Toponym, toponyms: list[Toponym], context: Context) -> Entry | None:
    """The place that starts the site's name, when it is a country, a state or a major city,
    or a place the document names on its own: "Kabul International Airport", but not Rogers,
    Arkansas for "the Rogers Centre"."""
    if not site.inner:
        return None
    entry = choose(site.inner, context)
    named = any(other.entry is not None and other.entry.id == entry.id for other in toponyms)
    return entry if named or is_major(entry) or entry.feature in ("country", "admin1") else None


def place_near(toponyms: list[Toponym], places: list[Toponym]) -> None:
    """Give each toponym nothing else locates the place read as a place closest before it,
    else after it, among those of the province such places name most (a town or division
    rather than a country when there is one).

    `places` are the toponyms read as places, not as actors ("Beijing said"). An anchor must
    lie in the country the document names most, places and actors alike, so that "near
    Scarborough Shoal" is not placed by "a tribunal in The Hague"; regions ("Europe") and
    datelines (where the report was filed, often far from what it tells) are none.
    """
    anchors = _focus(_anchors(toponyms, places))
    if not anchors:
        return
    starts = [t.span.start for t in anchors]
    for toponym in toponyms:
        if toponym.located is None:
            before = bisect_right(starts, toponym.span.start) - 1
            toponym.near = anchors[before if before >= 0 else 0].entry


def _anchors(toponyms: list[Toponym], places: list[Toponym]) -> list[Toponym]:
    countries = Counter(t.entry.country for t in toponyms if t.entry is not None and t.entry.country)
    top = max(countries.values(), default=0)
    return sorted((p for p in places if p.entry is not None and p.entry.feature not in AREAS
                   and countries[p.entry.country] == top and not dateline_part(p.span)),
                  key=lambda t: t.span.start)


def _focus(anchors: list[Toponym]) -> list[Toponym]:
    """The anchors (resolved, by `_anchors`) in the province named most (the first named of equals)."""
    local = [t for t in anchors if t.entry.feature != "country"] or anchors
    areas = Counter(_area(t) for t in local)
    if not areas:
        return []
    focus = max(areas, key=lambda area: areas[area])
    return [t for t in local if _area(t) == focus]


def _area(anchor: Toponym) -> tuple[str | None, str | None]:
    return anchor.entry.country, anchor.entry.admin1


def _follows_in(site: Span, place: Span) -> bool:
    doc, end = site.doc, site.end
    if end >= len(doc) or doc[end].lower_ != "in":
        return False
    return place.start == end + 1 or (place.start == end + 2 and doc[end + 1].lower_ == "the")


def _described_in(site: Span, place: Span) -> bool:
    root = place.root
    if root.dep_ != "pobj" or root.head.lower_ != "in":
        return False
    noun = root.head.head
    return noun.dep_ == "appos" and site.start <= noun.head.i < site.end


def _possessor(place: Span, site: Span) -> bool:
    root = place.root
    return root.dep_ == "poss" and site.start <= root.head.i < site.end


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
        named = entry.feature == "admin1" or context[(entry.country, entry.admin1, NAMED)]
        value += DIVISION_SUPPORT if named else NEIGHBOUR_SUPPORT
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
    """The country and (country, division) a toponym points to by its pair or first match, and
    whether it names the division itself (a state, a county)."""
    seen: Context = Counter()
    top = toponym.entry or (toponym.matches[0].entry if toponym.matches else None)
    if top is not None and top.country:
        seen[(top.country, None)] += 1
        if top.admin1:
            seen[(top.country, top.admin1)] += 1
            if top.feature in DIVISIONS:
                seen[(top.country, top.admin1, NAMED)] += 1
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
