"""Literal or metonymic use, read from hand-built parses (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.geo import rules
from sitrep.geo.sources import load_cues

CUES = rules.Cues.from_rows(load_cues())
VOCAB = spacy.blank("en").vocab


def parse(tokens: list[tuple[str, int, str]], lemmas: dict[str, str] | None = None, person: tuple[int, int] | None = None) -> Doc:
    """A Doc from (word, head index, dependency) triples; lemmas default to the lower-case word."""
    words = [w for w, _, _ in tokens]
    lemmas = lemmas or {}
    doc = Doc(VOCAB, words=words, heads=[h for _, h, _ in tokens], deps=[d for _, _, d in tokens],
              lemmas=[lemmas.get(w, w.lower()) for w in words])
    if person:
        doc.ents = [doc.char_span(doc[person[0]].idx, doc[person[1] - 1].idx + len(doc[person[1] - 1]), label="PERSON")]
    return doc


CASES = [
    # "Troops moved to Russia."
    ([("Troops", 1, "nsubj"), ("moved", 1, "ROOT"), ("to", 1, "prep"), ("Russia", 2, "pobj")], 3, None,
     (True, "place.prep.to")),
    # "Moscow said so."
    ([("Moscow", 1, "nsubj"), ("said", 1, "ROOT"), ("so", 1, "advmod")], 0, None, (False, "actor.dep.nsubj")),
    # "a comedown for Moscow"
    ([("a", 1, "det"), ("comedown", 1, "ROOT"), ("for", 1, "prep"), ("Moscow", 2, "pobj")], 3, None,
     (False, "actor.prep.for")),
    # "Russia 's war"
    ([("Russia", 2, "poss"), ("'s", 0, "case"), ("war", 2, "ROOT")], 0, None, (False, "actor.dep.poss")),
    # "Ukraine 's east"
    ([("Ukraine", 2, "poss"), ("'s", 0, "case"), ("east", 2, "ROOT")], 0, None, (True, "place.noun.east")),
    # "the city of Kharkiv"
    ([("the", 1, "det"), ("city", 1, "ROOT"), ("of", 1, "prep"), ("Kharkiv", 2, "pobj")], 3, None,
     (True, "place.noun.city")),
    # "fighting in France and Germany": Germany shares France's preposition
    ([("fighting", 0, "ROOT"), ("in", 0, "prep"), ("France", 1, "pobj"), ("and", 2, "cc"), ("Germany", 2, "conj")], 4,
     None, (True, "place.prep.in")),
    # "relations between Russia and China"
    ([("relations", 0, "ROOT"), ("between", 0, "prep"), ("Russia", 1, "pobj"), ("and", 2, "cc"), ("China", 2, "conj")],
     2, {"relations": "relation"}, (False, "actor.head.relation")),
    # "according to Kyiv"
    ([("according", 0, "ROOT"), ("to", 0, "prep"), ("Kyiv", 1, "pobj")], 2, {"according": "accord"},
     (False, "actor.prep.according_to")),
    # "Troops invaded Ukraine"
    ([("Troops", 1, "nsubj"), ("invaded", 1, "ROOT"), ("Ukraine", 1, "dobj")], 2, {"invaded": "invade"},
     (True, "place.verb.invade")),
    # "Troops fought Ukraine": an object of an ordinary verb is an actor
    ([("Troops", 1, "nsubj"), ("fought", 1, "ROOT"), ("Ukraine", 1, "dobj")], 2, {"fought": "fight"},
     (False, "actor.dep.dobj")),
    # "Kherson was shelled": the passive subject of a territorial verb is its object
    ([("Kherson", 2, "nsubjpass"), ("was", 2, "auxpass"), ("shelled", 2, "ROOT")], 0, {"shelled": "shell"},
     (True, "place.verb.shell")),
    # "Moscow was criticized": of any other verb it stays an actor
    ([("Moscow", 2, "nsubjpass"), ("was", 2, "auxpass"), ("criticized", 2, "ROOT")], 0, {"criticized": "criticize"},
     (False, "actor.dep.nsubjpass")),
    # "Drones attacked Odesa": the object of an attack by force is a place (the tagger keeps countries actors)
    ([("Drones", 1, "nsubj"), ("attacked", 1, "ROOT"), ("Odesa", 1, "dobj")], 2, {"attacked": "attack"},
     (True, "place.town_verb.attack")),
    # "He attacked Odesa over the deal": an attack in words takes an actor
    ([("He", 1, "nsubj"), ("attacked", 1, "ROOT"), ("Odesa", 1, "dobj"), ("over", 1, "prep"), ("the", 5, "det"),
      ("deal", 3, "pobj")], 2, {"attacked": "attack"}, (False, "actor.dep.dobj")),
    # "a strike on Odesa": the object of a nominal attack is a place (the tagger keeps countries actors)
    ([("a", 1, "det"), ("strike", 1, "ROOT"), ("on", 1, "prep"), ("Odesa", 2, "pobj")], 3, None,
     (True, "place.town_phrase.strike_on")),
    # "the siege of Mariupol"
    ([("the", 1, "det"), ("siege", 1, "ROOT"), ("of", 1, "prep"), ("Mariupol", 2, "pobj")], 3, None,
     (True, "place.town_phrase.siege_of")),
    # "an attack on Kyiv over the deal": an attack in words takes an actor
    ([("an", 1, "det"), ("attack", 1, "ROOT"), ("on", 1, "prep"), ("Kyiv", 2, "pobj"), ("over", 1, "prep"),
      ("the", 6, "det"), ("deal", 4, "pobj")], 3, None, (False, "actor.prep.on")),
    # "US forces"
    ([("US", 1, "compound"), ("forces", 1, "ROOT")], 0, None, (False, "actor.dep.compound")),
    # "the Kharkiv region"
    ([("the", 2, "det"), ("Kharkiv", 2, "compound"), ("region", 2, "ROOT")], 1, None, (True, "place.noun.region")),
    # "Kharkiv is a city"
    ([("Kharkiv", 1, "nsubj"), ("is", 1, "ROOT"), ("a", 3, "det"), ("city", 1, "attr")], 0, {"is": "be"},
     (True, "place.noun.city")),
    # "Dubai was hot": weather and streets are a place's states
    ([("Dubai", 1, "nsubj"), ("was", 1, "ROOT"), ("hot", 1, "acomp")], 0, {"was": "be"}, (True, "place.state.hot")),
    # "Moscow was angry": a mood is an actor's
    ([("Moscow", 1, "nsubj"), ("was", 1, "ROOT"), ("angry", 1, "acomp")], 0, {"was": "be"}, (False, "actor.dep.nsubj")),
    # "He left for Washington"
    ([("He", 1, "nsubj"), ("left", 1, "ROOT"), ("for", 1, "prep"), ("Washington", 2, "pobj")], 3, {"left": "leave"},
     (True, "place.prep.leave_for")),
    # "Ukraine" alone: nothing decides
    ([("Ukraine", 0, "ROOT")], 0, None, (None, "")),
]


@pytest.mark.parametrize(("tokens", "index", "lemmas", "expected"), CASES)
def test_read_use_from_the_parse(tokens, index: int, lemmas, expected) -> None:
    doc = parse(tokens, lemmas)
    assert rules.read_use(doc[index : index + 1], CUES) == expected


def test_read_use_person_of_place_is_origin() -> None:
    # "Jane Doe , of Leeds"
    doc = parse([("Jane", 1, "compound"), ("Doe", 1, "ROOT"), (",", 1, "punct"), ("of", 1, "prep"), ("Leeds", 3, "pobj")],
                person=(0, 2))
    assert rules.read_use(doc[4:5], CUES) == (True, rules.ORIGIN)


ACTED_ON = [
    # "Russia hit Kharkiv"
    ([("Russia", 1, "nsubj"), ("hit", 1, "ROOT"), ("Kharkiv", 1, "dobj")], 2, True),
    # "a strike on Odesa"
    ([("a", 1, "det"), ("strike", 1, "ROOT"), ("on", 1, "prep"), ("Odesa", 2, "pobj")], 3, True),
    # "drones attacked Odesa"
    ([("drones", 1, "nsubj"), ("attacked", 1, "ROOT"), ("Odesa", 1, "dobj")], 2, True),
    # "she attacked Kyiv over the deal": an attack in words
    ([("she", 1, "nsubj"), ("attacked", 1, "ROOT"), ("Kyiv", 1, "dobj"), ("over", 1, "prep"), ("the", 5, "det"),
      ("deal", 3, "pobj")], 2, False),
    # "Russia blamed Kyiv": no force
    ([("Russia", 1, "nsubj"), ("blamed", 1, "ROOT"), ("Kyiv", 1, "dobj")], 2, False),
    # "talks in Geneva": a place, but nothing is done to it
    ([("talks", 0, "ROOT"), ("in", 0, "prep"), ("Geneva", 1, "pobj")], 2, False),
]


@pytest.mark.parametrize(("tokens", "index", "expected"), ACTED_ON)
def test_acted_on_is_the_slot_of_a_place_struck_or_taken(tokens, index: int, expected: bool) -> None:
    doc = parse(tokens, {"attacked": "attack", "blamed": "blame"})
    assert rules.acted_on(doc[index], CUES) is expected


def test_governor_climbs_conjunctions_and_appositions() -> None:
    # "in the capital , Kyiv , and Lviv"
    doc = parse([("in", 0, "ROOT"), ("the", 2, "det"), ("capital", 0, "pobj"), (",", 2, "punct"), ("Kyiv", 2, "appos"),
                 (",", 4, "punct"), ("and", 4, "cc"), ("Lviv", 4, "conj")])
    assert rules.governor(doc[7]).i == 2


@pytest.mark.parametrize(("words", "dateline"), [(["KYIV", "(", "Reuters", ")"], True), (["Kyiv", "(", "Reuters", ")"], False),
                                                 (["KYIV", "officials", "said"], False)])
def test_is_dateline_needs_capitals_and_a_mark(words: list[str], dateline: bool) -> None:
    doc = Doc(VOCAB, words=words)
    assert rules.is_dateline(doc[0:1], CUES) is dateline


@pytest.mark.parametrize(
    ("text", "first_after"),
    [
        ("KYIV , Ukraine ( Wire ) - Russian missiles struck", "Russian"),
        ("GAZA CITY , Oct 22 - Israeli jets struck", "Israeli"),
        ("KYIV officials said - nothing", "KYIV"),
        ("Kyiv - Russian missiles struck", "Kyiv"),
    ],
)
def test_dateline_end_is_the_first_word_after_the_dateline_dash(text: str, first_after: str) -> None:
    doc = Doc(VOCAB, words=text.split())
    assert doc[rules.dateline_end(doc, 0)].text == first_after
