"""The packaged word lists, rules and patterns load, and number phrases parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.timex.lexicon import DATA_DIR, load_lexicon, load_rules, parse_number


@pytest.mark.parametrize(
    ("phrase", "number"),
    [("four", 4), ("twenty-five", 25), ("twenty five", 25), ("a", 1), ("an", 1), ("a dozen", 12),
     ("a couple of", 2), ("one hundred and fifty", 150), ("two thousand", 2000), ("a hundred", 100),
     ("10,000", 10000), ("1.5", 1.5), ("a few", "X"), ("several", "X"), ("dozens of", "X")],
)
def test_parse_number_reads_number_phrases(phrase: str, number: float | str) -> None:
    assert parse_number(phrase) == number


@pytest.mark.parametrize("phrase", ["troops", "the", "one troop", ""])
def test_parse_number_rejects_non_numbers(phrase: str) -> None:
    assert parse_number(phrase) is None


def test_rule_ids_are_unique_and_dotted() -> None:
    ids = [rule.id for rule in load_rules()]
    assert len(ids) == len(set(ids))
    assert all(rule_id.startswith("timex.") for rule_id in ids)


def test_pattern_ids_are_unique_and_dotted() -> None:
    lines = (DATA_DIR / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines if line.strip()]
    assert len(ids) == len(set(ids))
    assert all(pattern_id.startswith("timex.") for pattern_id in ids)


@pytest.mark.parametrize(("cls", "word", "value"), [("month", "sept", "9"), ("weekday", "thursday", "4"),
                                                    ("season", "fall", "FA"), ("unit", "yrs", "year")])
def test_lexicon_maps_words_to_values(cls: str, word: str, value: str) -> None:
    assert load_lexicon().value(cls, word) == value


@pytest.mark.parametrize(
    ("line", "code"),
    [('{"id": "timex.x", "regex": "a"}', "E201"),
     ('{"id": "timex.x", "regex": "{nosuchclass}", "handler": "ref"}', "E201"),
     ('{"id": "timex.x", "regex": "(", "handler": "ref"}', "E201"),
     ('not json', "E201")],
)
def test_load_rules_reports_malformed_lines(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rules(path)
    assert info.value.code == code


def test_load_rules_reports_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "rules.jsonl"
    rule = '{"id": "timex.x", "regex": "now", "handler": "ref", "value": "PRESENT_REF"}\n'
    path.write_text(rule * 2, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rules(path)
    assert info.value.code == "E202"
