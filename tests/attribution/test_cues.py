from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.attribution.cues import DEFAULT_RELATIONS, NOUN_RELATIONS, Cue, dump_cues, load_cues, parse_cues
from sitrep.errors import DataFileError


def test_load_cues_packaged_ids_are_unique_and_dotted() -> None:
    cues = load_cues()
    ids = [cue.id for cue in cues]
    assert len(ids) == len(set(ids))
    assert all(cue_id.startswith("cue.") for cue_id in ids)


@pytest.mark.parametrize(
    ("lemma", "stance"),
    [("say", "claim"), ("tell", "claim"), ("confirm", "confirm"), ("acknowledge", "confirm"),
     ("deny", "deny"), ("reject", "deny"), ("dispute", "dispute"), ("doubt", "dispute"), ("warn", "claim")],
)
def test_load_cues_packaged_stances(lemma: str, stance: str) -> None:
    verbs = {cue.lemma: cue for cue in load_cues() if cue.lemma and cue.pos == "VERB"}
    assert verbs[lemma].stance == stance


def test_load_cues_packaged_has_according_to_phrase() -> None:
    phrases = {cue.phrase: cue for cue in load_cues() if cue.phrase}
    assert phrases["according to"].words == ["according", "to"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "cue.x", "stance": "claim", "speech": true}', "exactly one"),
        ('{"id": "cue.x", "lemma": "say", "phrase": "say so", "stance": "claim", "speech": true}', "exactly one"),
        ('{"id": "cue.x", "lemma": "say", "stance": "maybe", "speech": true}', "stance"),
        ('{"id": "say", "lemma": "say", "stance": "claim", "speech": true}', "id"),
        ('{"id": "cue.x", "lemma": "say", "stance": "claim", "speech": true, "colour": 1}', "colour"),
        ("not json", "not JSON"),
    ],
)
def test_parse_cues_rejects_malformed_lines_with_file_and_line(line: str, reason: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_cues(["", line], "my.jsonl")
    assert caught.value.code == "E201"
    assert "my.jsonl:2" in str(caught.value) and reason in str(caught.value)


def test_parse_cues_rejects_repeated_ids() -> None:
    line = '{"id": "cue.say", "lemma": "say", "stance": "claim", "speech": true}'
    with pytest.raises(DataFileError) as caught:
        parse_cues([line, line], "my.jsonl")
    assert caught.value.code == "E202"


@pytest.mark.parametrize(
    ("fields", "relations"),
    [
        ({"lemma": "say"}, DEFAULT_RELATIONS),
        ({"lemma": "claim", "pos": "NOUN"}, NOUN_RELATIONS),
        ({"lemma": "call", "content": ["prep"]}, ("prep",)),
    ],
)
def test_cue_relations_default_by_part_of_speech(fields: dict, relations: tuple) -> None:
    cue = Cue.model_validate({"id": "cue.t", "stance": "claim", "speech": True, **fields})
    assert cue.relations == relations


def test_dump_cues_round_trips(tmp_path: Path) -> None:
    cues = load_cues()
    path = tmp_path / "cues.jsonl"
    path.write_text(dump_cues(cues), encoding="utf8")
    assert load_cues(path) == cues
    assert all(json.loads(line)["id"] for line in path.read_text().splitlines())
