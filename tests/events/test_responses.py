"""An answer with no target of its own answers the act told just before, aimed at its source."""

from __future__ import annotations

import pytest


def coded(doc) -> dict[str, dict]:
    return {event["trigger_text"]: event for event in doc._.sitrep_events}


@pytest.mark.parametrize(
    ("text", "answer", "target"),
    [
        ("Azerbaijan accused Armenia of shelling its positions. Yerevan rejected the accusation.", "rejected", "AZE"),
        ("Qatar proposed a truce to Hamas on Monday. The group welcomed the proposal on Tuesday.", "welcomed", "QAT"),
    ],
)
def test_an_answer_to_a_definite_act_targets_its_author(annotate, text, answer, target) -> None:
    event = coded(annotate(text))[answer]
    assert [p["code"] for p in event["target"]] == [target]
    assert event["target"][0]["evidence"].startswith("answers.")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # a strike is no act in words to answer
        ("Israel struck Iranian air defences on Saturday. Iran denied the report.", "denied"),
        # the act before was not aimed at the one answering
        ("Azerbaijan accused Armenia of shelling its positions. Turkey rejected the accusation.", "rejected"),
        # too far back
        ("Azerbaijan accused Armenia of shelling. The talks stalled. Both sides met in Geneva. "
         "The envoys left. Yerevan rejected the accusation.", "rejected"),
    ],
)
def test_no_act_to_answer_leaves_the_answer_without_target(annotate, text, answer) -> None:
    assert coded(annotate(text))[answer]["target"] == []
