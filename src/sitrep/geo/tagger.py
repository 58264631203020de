"""The places component: finds toponyms, resolves them, keeps the literal ones.

Candidates are spaCy's GPE/LOC/FAC entities, phrase matches of the gazetteer's region and site names
(so "Northeast Asia", "Donbas" or "the Zaporizhzhia nuclear plant" count even when NER misses them), upper-case datelines
("BEIRUT (AP) —"), adjectives of nationality that modify a place noun ("the Syrian border",
"Russian territory": the country) and, only where a firm place rule fires, ORG/PERSON
entities or bare proper nouns that are gazetteer names ("to Kiev" tagged PERSON). Each is resolved against the
gazetteer (`resolve.py`) and written to `doc.spans["sitrep_places"]` only when `rules.py`
reads it as a literal place. The factory `sitrep_places` is registered in
`sitrep.nlp.factories`.
Docs: docs/geo.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import sitrep.nlp.extensions  # noqa: F401  (declares span._.sitrep_place)
from sitrep.geo import rules
from sitrep.geo.entry import Entry
from sitrep.geo.gazetteer import AREAS, DIVISIONS, Gazetteer, Match, is_major
from sitrep.geo.resolve import Toponym, place_near, resolve_all
from sitrep.geo.sources import Cue, load_cues, read_rows
from sitrep.nlp.extensions import ACTORS, PLACES, TIMES
from sitrep.nlp.sentences import sentence_numbers

_RULE_FILE = "cues.jsonl"
# Upper-case names this short are codes ("WA", "OAS", "CHU"), not the towns that share them.
_CODE_LETTERS = 3
# Candidate sources that are not NER labels.
PHRASE_MATCH = "PHRASE"
DATELINE = "DATELINE"
PROPER_NOUN = "PROPN"
DEMONYM = "DEMONYM"
# The place noun that turns "the Syrian capital" into the capital city rather than the country.
CAPITAL_NOUN = "capital"
# "The city" stands for a town named in its own sentence or this many sentences before it
# (a short paragraph of war news: the toll, a denial, a statement, then "east of the city").
_ANAPHOR_SENTENCES = 3


class PlaceTagger:
    """spaCy component writing literal toponyms to `doc.spans["sitrep_places"]`.

    Args:
        nlp: The pipeline (its vocabulary builds the phrase patterns of regions and named sites).
        name: The component's name in the pipeline.
        cues: A cues JSONL file replacing the packaged `data/cues.jsonl`.
        gazetteer: The gazetteer to resolve against; the shared `Gazetteer.load()` when None.

    Docs: docs/geo.md
    """

    def __init__(self, nlp: Language, name: str = "sitrep_places", *, cues: Path | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self.name = name
        self.gazetteer = gazetteer or Gazetteer.load()
        self._set_cues(load_cues(cues))
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for surface, entry in self.gazetteer.phrases():
            self.matcher.add(entry.id, [nlp.make_doc(surface.removeprefix("the "))])

    def _set_cues(self, rows: list[Cue]) -> None:
        self.cue_rows = rows
        self.cues = rules.Cues.from_rows(rows)

    def __call__(self, doc: Doc) -> Doc:
        toponyms = self.toponyms(doc)
        actors = ActorIndex.of(doc)
        read = [(t, reason) for t in toponyms if (reason := self.reason(t, actors))]
        place_near(toponyms, [t for t, _ in read])
        places = [self._place(t, reason) for t, reason in read]
        doc.spans[PLACES] = sorted(places + list(self._anaphors(doc, places)), key=lambda span: span.start)
        return doc

    def _anaphors(self, doc: Doc, places: list[Span]) -> Iterator[Span]:
        """"The city" used as a place stands for the last town named just before it: in "Russia
        hit Kharkiv. Missiles struck the east of the city", the city is Kharkiv; "there" for
        the last place of any kind."""
        nouns, adverbs = self.cues.of("anaphor_noun"), self.cues.of("anaphor_adverb")
        found = [(token, nouns.get(token.lower_) or adverbs[token.lower_]) for token in doc
                 if token.lower_ in nouns or token.lower_ in adverbs]
        if not found or not doc.has_annotation("DEP"):
            return
        sentence = sentence_numbers(doc)
        taken = {i for span in places for i in range(span.start, span.end)}
        for token, cue in found:
            first = self._anaphor_start(token, token.lower_ in adverbs)
            if first is None or token.i in taken:
                continue
            before = [span for span in places if span.end <= first.i and 0 <= sentence[token.i] - sentence[span.start] <= _ANAPHOR_SENTENCES]
            antecedent = next((span for span in reversed(before) if span.label_ in self.cues.refers_to[cue]), None)
            if antecedent is not None:
                place = Span(doc, first.i, token.i + 1, label=antecedent.label_)
                place._.sitrep_place = {**antecedent._.sitrep_place, "reason": cue}
                yield place

    def _anaphor_start(self, token: Token, adverb: bool) -> Token | None:
        """Where an anaphor used as a place starts: "there" modifying a verb ("arrested eight
        people there"; not "there were protests"), or the "the" of a bare place noun in a place slot."""
        if adverb:
            return token if token.dep_ == "advmod" else None
        the = _bare_definite(token)
        return the if the is not None and rules.read_use(token.doc[token.i : token.i + 1], self.cues)[0] else None

    def toponyms(self, doc: Doc) -> list[Toponym]:
        """Every candidate toponym of the document, resolved (places and actors alike)."""
        toponyms = [self.toponym(span, label, strong) for span, label, strong in self._candidates(doc)]
        resolve_all(toponyms)
        return toponyms

    def toponym(self, span: Span, label: str, strong: bool) -> Toponym:
        """A candidate with what the gazetteer offers for it, before resolution."""
        matches = self.demonym_matches(span) if label == DEMONYM else self.matches(span)
        capital = self._capital_named(span, matches)
        if capital is not None:
            matches = [Match(capital, True)]
        inner = [] if matches or label == DEMONYM else self._inner_matches(span)
        return Toponym(span, label, strong, matches, inner=inner)

    def _capital_named(self, span: Span, matches: list[Match]) -> Entry | None:
        """The capital city meant by a country modifying the noun "capital": "the Syrian
        capital", "the U.S. capital", "Ukraine's capital". In "Tbilisi, the capital of Georgia"
        the country is named as the country."""
        if not matches or matches[0].entry.feature != "country" or not span.doc.has_annotation("DEP"):
            return None
        if rules.governor(span.root).dep_ == "pobj":
            return None
        if rules.read_use(span, self.cues)[1] != self.cues.get("place_noun", CAPITAL_NOUN):
            return None
        return self.gazetteer.capital(matches[0].entry.country)

    def _inner_matches(self, span: Span) -> list[Match]:
        """For a place the gazetteer lacks, the matches for the place it is part of: the rest
        of a name opening with a compass word ("South Venezuela", "Western US"), or the longest
        start of a named site's name ("Kabul" of "Kabul International Airport")."""
        if len(span) < 2:
            return []
        if span[0].lower_ in self.cues.of("part_prefix"):
            return self.matches(span[1:])
        if span[-1].lower_ not in self.cues.of("place_noun"):
            return []
        for end in range(span.end - 1, span.start, -1):
            found = self.matches(span.doc[span.start : end])
            if found:
                return found
        return []

    def reason(self, toponym: Toponym, actors: ActorIndex) -> str | None:
        """Why the toponym is a literal place (a rule id), or None for actors and the undecided.
        `actors` is the `ActorIndex` of the toponym's document, built once for all its toponyms."""
        entry, span = toponym.entry, toponym.span
        if toponym.label == DEMONYM:
            return _place_noun_reading(span, self.cues)
        if entry is not None and entry.feature in AREAS:
            return rules.REGION
        if entry is not None and rules.is_dateline(span, self.cues):
            return rules.DATELINE
        if toponym.paired:
            return rules.APPOSITION
        if actors.named_actor(span, entry) or _language(span, entry):
            return None  # "Trump attacked Machado", "countries in NATO", "a statement in English"
        use, cue = rules.read_use(span, self.cues)
        town = any(cue in self.cues.of(kind).values() for kind in ("town_verb", "town_phrase"))
        held = entry or toponym.within  # a place named in its sentence: "hit the Al-Amal Hospital in Khan Younis"
        if use is False or (town and (held is None or held.feature == "country")):
            return None  # "attacked Ukraine" is one state against another, "attacked Odesa" a place
        if use is None:  # nothing in the parse decides: trust a resolved NER place
            return rules.DEFAULT if toponym.strong and entry is not None else None
        if toponym.strong and entry is not None:
            return cue
        if town and entry is not None and actors.read_as_town(span):
            return cue  # "Russian forces attacked Sumy", NER saying Sumy is a person
        return cue if self._firm(toponym, cue) else None

    def _firm(self, toponym: Toponym, cue: str) -> bool:
        """Unresolved or weakly labelled toponyms need a firm cue ("in", "near", "the city of"),
        unless they resolve to a country or a major city ("to Kiev", which NER calls a person).
        A site held by a place needs the firm cue whatever NER called it ("studying at the
        Guildhall School of Music in London")."""
        entry = toponym.entry
        if entry is None and toponym.within is None:
            return toponym.strong and cue in self.cues.firm and _looks_like_a_name(toponym.span)
        prominent = entry is not None and (entry.feature == "country" or is_major(entry))
        return prominent or cue in self.cues.firm or cue.startswith(("place.noun.", "place.verb."))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the component's rules (its cue words) as JSONL, like spaCy's span ruler."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = (row.model_dump_json(exclude_defaults=True) + "\n" for row in self.cue_rows)
        (path / _RULE_FILE).write_text("".join(lines), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PlaceTagger:
        """Read back the rules written by `to_disk`."""
        self._set_cues(read_rows(Path(path) / _RULE_FILE, Cue))
        return self

    def _place(self, toponym: Toponym, reason: str) -> Span:
        entry, span = toponym.entry, toponym.span
        holder = toponym.located
        if entry is None and holder is not None:
            place = Span(span.doc, span.start, span.end, label="place")
            place._.sitrep_place = describe_site(span.text, holder, toponym.within is not None, reason)
            return place
        place = Span(span.doc, span.start, span.end, label=entry.feature if entry else "place")
        place._.sitrep_place = describe(span.text, toponym.label, entry, reason)
        return place

    def matches(self, span: Span) -> list[Match]:
        """Gazetteer matches for the span: its name, else its preferred name without a trailing
        "region", "oblast"... (a division first: "Idlib province"); short capitals ("WA", "OAS") are codes, never city names."""
        found = self.gazetteer.matches(span.text)
        if not found and len(span) > 1 and span[-1].lower_ in self.cues.of("name_suffix"):
            found = [m for m in self.gazetteer.matches(span[:-1].text) if m.preferred]
            found = [m for m in found if m.entry.feature in DIVISIONS] or found
        if span.text.isupper() and sum(ch.isalpha() for ch in span.text) <= _CODE_LETTERS:
            found = [m for m in found if m.entry.feature != "city"]
        return found

    def demonym_matches(self, span: Span) -> list[Match]:
        """The country or region an adjective names, as the one match ("Turkish" -> Turkey,
        "Balkan" -> the Balkans)."""
        named = self.gazetteer.demonym(span.text)
        return [Match(named, True)] if named else []

    def _extend(self, span: Span) -> Span:
        """Take in proper nouns NER left out when the longer name is a place: "Boa" + "Vista",
        and a division's suffix."""
        doc, start = span.doc, span.start
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and not doc[start - 1].ent_type_:
            start -= 1
        if start != span.start and self.gazetteer.matches(doc[start : span.end].text):
            span = doc[start : span.end]
        return self._with_division_suffix(span)

    def _with_division_suffix(self, span: Span) -> Span:
        """Take in a following "province", "region"... when the name is a division's: "Idlib province"."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].lower_ not in self.cues.of("name_suffix"):
            return span
        longer = doc[span.start : span.end + 1]
        return longer if any(m.entry.feature in DIVISIONS for m in self.matches(longer)) else span

    # -- candidates ----------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[tuple[Span, str, bool]]:
        """(span, source, strong) for each toponym candidate, overlaps resolved longest first."""
        found: dict[tuple[int, int], tuple[str, bool]] = {}
        for ent in doc.ents:
            strong = ent.label_ in self.cues.of("ner_label")
            if strong or ent.label_ in self.cues.of("weak_label"):
                for span in _split_pair(_trim(ent)):
                    span = self._extend(span)
                    found[(span.start, span.end)] = (ent.label_, strong)
        for span in self._phrase_matches(doc):
            found[(span.start, span.end)] = (PHRASE_MATCH, True)
        for span in _datelines(doc, self.cues):
            found.setdefault((span.start, span.end), (DATELINE, True))
        for span in _bare_proper_nouns(doc, self.cues, set(self.cues.of("ner_label")) | set(self.cues.of("weak_label"))):
            found.setdefault((span.start, span.end), (PROPER_NOUN, False))
        for span in _suffixed_names(doc, self.cues):  # "the Pacific region" is no town called Pacific
            if any(m.entry.feature in DIVISIONS for m in self.matches(span)):
                found.setdefault((span.start, span.end), (PROPER_NOUN, False))
        for ent in doc.ents:
            if ent.label_ in self.cues.of("demonym_label") and self.gazetteer.demonym(ent.text):
                found.setdefault((ent.start, ent.end), (DEMONYM, False))
        spans = filter_spans([doc[s:e] for s, e in found if _capitalized(doc[s:e])])
        return [(span, *found[(span.start, span.end)]) for span in spans]

    def _phrase_matches(self, doc: Doc) -> list[Span]:
        """Capitalized names of regions and named sites not inside a longer non-place entity
        ("Gulf Cooperation Council")."""
        places = self.cues.of("ner_label")
        other = [e for e in doc.ents if e.label_ not in places]
        spans = []
        for _, start, end in self.matcher(doc):
            inside = any(e.start <= start and end <= e.end and (e.start, e.end) != (start, end) for e in other)
            if doc[start].text[:1].isupper() and not inside:
                spans.append(doc[start:end])
        return spans


@dataclass(frozen=True)
class ActorIndex:
    """What the actors component and NER say of a document's names, indexed once per
    document for the rules that keep people and bodies from becoming towns."""

    readings: dict[tuple[int, int], list[dict]]  # actor readings by exact bounds
    person_starts: dict[int, int]  # end of a person mention -> its earliest start
    full_names: dict[str, list[tuple[int, int]]]  # family name -> bounds of PERSON names of 2+ words

    @classmethod
    def of(cls, doc: Doc) -> ActorIndex:
        readings: dict[tuple[int, int], list[dict]] = {}
        person_starts: dict[int, int] = {}
        for actor in doc.spans.get(ACTORS, []):
            reading = actor._.sitrep_actor
            readings.setdefault((actor.start, actor.end), []).append(reading)
            if reading["kind"] == "person":
                person_starts[actor.end] = min(actor.start, person_starts.get(actor.end, actor.start))
        full_names: dict[str, list[tuple[int, int]]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                full_names.setdefault(ent[-1].text, []).append((ent.start, ent.end))
        return cls(readings, person_starts, full_names)

    def named_actor(self, span: Span, entry: Entry | None) -> bool:
        """Whether the span names a person or a body rather than its namesake town.

        People: one of the knowledge base ("Obama"), one with a title ("Mr. Obama"), one the
        document names in full ("Alicia Machado ... attacked Machado"). Bodies: an
        organization of the knowledge base ("countries in NATO", not Nato, Philippines) or one
        named by a single sector word ("Republicans in Congress", not Congress, Arizona).
        Bodies named for a site keep their place reading: "visited the White House"."""
        if self._family_name(span) or self.person_starts.get(span.end, span.start) < span.start:
            return True
        town = entry is not None and entry.feature != "point"
        for reading in self.readings.get((span.start, span.end), []):
            known = not reading["evidence"].startswith("actor.")
            if reading["kind"] == "person" and known:
                return True
            sector_word = len(span) == 1 and reading["sector"] is not None
            if reading["kind"] == "organization" and (known or sector_word) and town:
                return True
        return False

    def read_as_town(self, span: Span) -> bool:
        """Whether the actors component, which weighs the signs of a person, took the span for
        a town (see `ActorTagger`: a PERSON entity with no title, not a known person)."""
        return any(reading["kind"] == "place" for reading in self.readings.get((span.start, span.end), []))

    def _family_name(self, span: Span) -> bool:
        """A one-word name that ends a person's full name elsewhere in the document
        ("Hillary Clinton ... the Clinton camp")."""
        if len(span) != 1:
            return False
        return any(not start <= span.start < end for start, end in self.full_names.get(span.text, []))


def _language(span: Span, entry: Entry | None) -> bool:
    """A major language ("a statement in English and in Arabic"), unless the name is also a
    country's or a province's ("Somali", a region of Ethiopia)."""
    return span.text.lower() in _language_names() and (entry is None or entry.feature not in ("country", "admin1"))


@cache
def _language_names() -> frozenset[str]:
    """Names of the languages with a two-letter ISO 639-1 code, from pycountry."""
    return frozenset(language.name.lower() for language in pycountry.languages if hasattr(language, "alpha_2"))


def describe(text: str, label: str, entry: Entry | None, reason: str) -> dict:
    """The plain-data value of `span._.sitrep_place` (the keys of the contract's Place).

    An unresolved toponym keeps its text as name and no coordinates; its feature is "city"
    for a GPE (mostly towns below the gazetteer's population floor), else "point".
    """
    if entry is None:
        feature = "city" if label in ("GPE", DATELINE, PROPER_NOUN) else "point"
        return {"geonameid": None, "name": text, "lat": None, "lon": None, "country": None,
                "feature": feature, "reason": reason}
    return {"geonameid": entry.geonameid, "name": entry.name, "lat": entry.lat, "lon": entry.lon,
            "country": entry.country, "feature": entry.feature, "reason": reason}


def describe_site(text: str, holder: Entry, inside: bool, reason: str) -> dict:
    """A place the gazetteer lacks, with its own name and no GeoNames id. A site held by a
    place ("the Colony Theatre in Los Angeles") takes that place's coordinates and feature; a
    place only near others takes the nearest one's coordinates with the precision of a
    first-level division (or of the country, when only a country is named)."""
    if inside:
        feature, how = holder.feature, "in"
    else:
        feature, how = ("admin1" if holder.feature in ("city", "admin2") else holder.feature), "near"
    return {"geonameid": None, "name": text, "lat": holder.lat, "lon": holder.lon, "country": holder.country,
            "feature": feature, "reason": f"{reason}; {how} {holder.name}"}


def _place_noun_reading(span: Span, cues: rules.Cues) -> str | None:
    """An adjective of nationality names a place only as a modifier of a place noun: "the
    Syrian border" and "Russian territory" are places, "Syrian forces" and "a Russian" are not."""
    use, cue = rules.read_use(span, cues)
    return cue if use and cue.startswith("place.noun.") else None


def _bare_definite(noun: Token) -> Token | None:
    """The "the" of "the city" or "the eastern city", when nothing names the place ("the city of
    Kharkiv", "the Kharkiv region" and "the Ukrainian capital" name it themselves)."""
    the = next((child for child in noun.lefts if child.dep_ == "det" and child.lower_ == "the"), None)
    named = any(child.pos_ in ("PROPN", "NUM") or child.ent_type_ or child.lower_ in ("of", "'s") for child in noun.children)
    return the if the is not None and not named and noun.pos_ == "NOUN" else None


def _capitalized(span: Span) -> bool:
    """Place names carry a capital somewhere ("al-Bab" too); "no room at the inn" and "keep
    it at bay" are no toponyms, whatever NER says."""
    return any(ch.isupper() for ch in span.text)


def _looks_like_a_name(span: Span) -> bool:
    """Unresolved names must look like place names: no digits, not all capitals ("GT3", "BOV")."""
    text = span.text
    return not any(ch.isdigit() for ch in text) and not text.isupper()


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and edge punctuation or possessive marks."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return doc[start:end] if end > start else None


def _split_pair(span: Span | None) -> Iterator[Span]:
    """NER sometimes takes "Thruxton, Hampshire" as one entity: give back its two halves."""
    if span is None:
        return
    commas = [t.i for t in span if t.text == ","]
    if len(commas) == 1 and span.start < commas[0] < span.end - 1:
        yield span.doc[span.start : commas[0]]
        yield span.doc[commas[0] + 1 : span.end]
    else:
        yield span


def _datelines(doc: Doc, cues: rules.Cues) -> Iterator[Span]:
    """Upper-case words opening a paragraph before a dateline mark: "KYIV, Ukraine (Reuters) —"."""
    for token in doc:
        if token.is_upper and token.is_alpha and len(token) > 1 and rules.opens_paragraph(doc[token.i : token.i + 1]):
            end = token.i + 1
            while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            span = doc[token.i : end]
            if rules.follows_dateline_mark(span, cues):
                yield span


def _suffixed_names(doc: Doc, cues: rules.Cues) -> Iterator[Span]:
    """Proper nouns NER missed before a division word: "the Donetsk region", "Idlib province"."""
    for token in doc:
        if token.lower_ in cues.of("name_suffix"):
            names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and not t.ent_type_]
            if names and names[-1].i == token.i - 1:
                yield doc[names[0].i : token.i + 1]


def _bare_proper_nouns(doc: Doc, cues: rules.Cues, labels: set[str]) -> Iterator[Span]:
    """Proper nouns governed by a locative preposition or territorial verb that NER missed or
    mislabelled ("near Kursk" taken for a product, "Douma is surrounded", "captured Avdiivka");
    never a time ("attacked a market on Thursday" is no Thursday Island)."""
    timed = {i for span in doc.spans.get(TIMES, []) for i in range(span.start, span.end)}
    for token in doc:
        if token.pos_ == "PROPN" and token.ent_type_ not in labels and token.i not in timed and _locative_slot(token, cues):
            left = min((t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), default=token.i)
            yield doc[left : token.i + 1]


def _locative_slot(token: Token, cues: rules.Cues) -> bool:
    if token.dep_ == "pobj":
        prep = token.head
        return cues.get("locative_prep", prep.lower_) is not None or rules.phrase_cue(prep, cues, "town_phrase") is not None
    return token.dep_ in ("dobj", "nsubjpass") and cues.get("locative_verb", token.head.lemma_.lower()) is not None
