"""First-person words in a direct quote stand for its speaker (`sitrep_first_person`)."""

from __future__ import annotations

import pytest

from sitrep.nlp.extensions import ACTORS

pytestmark = pytest.mark.slow


def mention(doc, word: str) -> dict | None:
    return next((span._.sitrep_actor for span in doc.spans[ACTORS] if span.text == word), None)


def test_we_in_a_quote_is_the_body_the_speaker_talks_for(annotate) -> None:
    doc = annotate('"We will answer any attack on our ships," said Iranian Foreign Minister Abbas Araqchi.')
    we = mention(doc, "We")
    assert (we["code"], we["sector"], we["kind"]) == ("IRN", "GOV", "group")
    assert we["evidence"].startswith("actor.first_person.plural+")
    assert mention(doc, "our")["code"] == "IRN"


def test_i_in_a_quote_is_the_speaker(annotate) -> None:
    doc = annotate('"I ordered the strike myself," the Israeli defence minister told reporters.')
    assert mention(doc, "I")["code"] == "ISR"
    assert mention(doc, "I")["evidence"].startswith("actor.first_person.singular+")


@pytest.mark.parametrize("text", [
    '"We will not retreat," a banner read.',
    "We spoke to residents who fled the shelling.",
])
def test_first_person_words_without_a_quoted_speaker_stay_untagged(annotate, text) -> None:
    assert mention(annotate(text), "We") is None


def test_an_event_told_in_the_first_person_has_the_speakers_state_as_source(annotate) -> None:
    doc = annotate('"We call on Pyongyang to stop its missile launches," a South Korean foreign ministry spokesman said.')
    (event,) = doc._.sitrep_events
    assert {p["code"] for p in event["source"]} == {"KOR"} and {p["code"] for p in event["target"]} == {"PRK"}
