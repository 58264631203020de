"""A line is a paragraph: no sentence runs across a line break, nor across a dateline's dash."""

from __future__ import annotations

import pytest

from sitrep.nlp.pipeline import load_model

pytestmark = pytest.mark.slow

APPEAL = ('The foreign ministry urged "all parties to exercise restraint."\n\n'
          "Oil prices rose by about 2% after the attack.")


def test_pipeline_starts_a_sentence_after_a_line_break(nlp) -> None:
    doc = nlp(APPEAL)
    assert [s.text.strip() for s in doc.sents] == [APPEAL.split("\n\n")[0], APPEAL.split("\n\n")[1]]


def test_a_figure_of_the_next_paragraph_stays_off_the_appeal(nlp) -> None:
    [appeal] = [e for e in nlp(APPEAL)._.sitrep_events if e["trigger_text"] == "urged"]
    assert appeal["quantities"] == []


def test_headline_dateline_and_report_are_three_sentences(nlp) -> None:
    doc = nlp("Houthi missiles hit tanker in Red Sea\nADEN, Yemen - Houthi rebels fired two missiles at a tanker.")
    assert [s.text.strip() for s in doc.sents] == [
        "Houthi missiles hit tanker in Red Sea", "ADEN, Yemen -", "Houthi rebels fired two missiles at a tanker."]


def test_the_report_after_a_dateline_keeps_its_adjective_of_nationality(nlp) -> None:
    """Parsed with its dateline, "Azerbaijani" hung off the town and the troops had no country."""
    doc = nlp("BAKU, Azerbaijan - Azerbaijani troops shelled villages along the border overnight, "
              "the Armenian Defence Ministry said on Wednesday.")
    [shelling] = doc._.sitrep_events
    assert [actor["code"] for actor in shelling["source"]] == ["AZE"]
    assert [claim["claimant_text"] for claim in shelling["claims"]] == ["the Armenian Defence Ministry"]


def test_a_lower_case_word_after_a_dateline_starts_no_sentence(nlp) -> None:
    doc = nlp("TBILISI, Georgia - Georgian riot police used water cannon on protesters, the ministry said.")
    assert [s.text.strip() for s in doc.sents] == [
        "TBILISI, Georgia -", "Georgian riot police used water cannon on protesters, the ministry said."]


def test_the_bare_model_alone_runs_the_paragraphs_together() -> None:
    """Why the component exists: without it the small model joins the two paragraphs."""
    assert len(list(load_model()(APPEAL).sents)) == 1
