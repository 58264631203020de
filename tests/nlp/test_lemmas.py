"""Past forms the small model tags as present still get their verb's lemma."""

from __future__ import annotations

import pytest

from sitrep.nlp.lemmas import past_forms

pytestmark = pytest.mark.slow


def test_past_forms_come_from_the_models_exception_table(nlp) -> None:
    forms = past_forms(nlp)
    assert forms["retook"] == "retake"
    assert forms["overran"] == "overrun"


@pytest.mark.parametrize("form", ["found", "saw", "taking"])
def test_past_forms_leave_out_words_that_are_verbs_or_gerunds(nlp, form: str) -> None:
    assert form not in past_forms(nlp)


@pytest.mark.parametrize(("text", "form", "lemma"), [
    ("Ukrainian forces retook Kupiansk.", "retook", "retake"),
    ("They outfought the rebels.", "outfought", "outfight"),
    ("They found the bodies.", "found", "find"),
])
def test_pipeline_lemmas_past_forms(nlp, text: str, form: str, lemma: str) -> None:
    [token] = [t for t in nlp(text) if t.text == form]
    assert token.lemma_ == lemma


def test_past_lemmas_run_right_after_the_models_lemmatizer(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("sitrep_past_lemmas") == names.index("lemmatizer") + 1
