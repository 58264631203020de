"""Loading and checking the quantity tables (no spaCy model)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.quantities.rules import DATA_DIR, TABLES, QuantityRules, Unit, load_table, packaged_rules


def _write(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _copy_tables(tmp_path: Path) -> Path:
    target = tmp_path / "tables"
    shutil.copytree(DATA_DIR, target)
    return target


def test_packaged_rules_ids_are_unique_and_namespaced() -> None:
    rules = packaged_rules()
    ids = [r.id for name in TABLES for r in getattr(rules, name)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("quantity.") for i in ids)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_packaged_rules_every_table_has_records(name: str) -> None:
    assert getattr(packaged_rules(), name)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ("{not json", "Expecting property name"),
        ({"id": "quantity.unit.x", "lemmas": ["x"], "colour": "red"}, "colour"),
        ({"id": "quantity.unit.x"}, "lemmas"),
        ({"lemmas": ["x"]}, "id"),
    ],
)
def test_load_table_reports_file_and_line(tmp_path: Path, record: dict | str, reason: str) -> None:
    path = _write(tmp_path / "units.jsonl", [{"id": "quantity.unit.ok", "lemmas": ["ok"]}, "", record])
    with pytest.raises(DataFileError) as caught:
        load_table(path, Unit)
    assert caught.value.code == "E201"
    assert "units.jsonl:3:" in str(caught.value)
    assert reason in str(caught.value)


def test_load_table_rejects_a_repeated_id(tmp_path: Path) -> None:
    path = _write(tmp_path / "units.jsonl", [{"id": "quantity.unit.a", "lemmas": ["a"]},
                                             {"id": "quantity.unit.a", "lemmas": ["b"]}])
    with pytest.raises(DataFileError) as caught:
        load_table(path, Unit)
    assert caught.value.code == "E202"


def test_load_table_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_table(tmp_path / "absent.jsonl", Unit)
    assert caught.value.code == "E201"


def test_rules_reject_a_lemma_under_two_units(tmp_path: Path) -> None:
    units = _write(tmp_path / "units.jsonl", [{"id": "quantity.unit.a", "lemmas": ["tank"], "kind": "weapons"},
                                              {"id": "quantity.unit.b", "lemmas": ["tank"], "kind": "size"}])
    with pytest.raises(DataFileError) as caught:
        QuantityRules.from_dir(DATA_DIR, units=units)
    assert caught.value.code == "E261"
    assert "quantity.unit.a" in str(caught.value) and "quantity.unit.b" in str(caught.value)


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("predicates", {"id": "quantity.kind.x", "kind": "x", "lemmas": ["die"], "transitive": ["kill"]}),
        ("exclusions", {"id": "quantity.exclude.x"}),
        ("exclusions", {"id": "quantity.exclude.x", "regex": "(", "year_min": 1}),
        ("exclusions", {"id": "quantity.exclude.x", "regex": "("}),
        ("modifiers", {"id": "quantity.mod.x", "phrase": "about", "position": "inside"}),
        ("numbers", {"id": "quantity.number.x", "word": "x", "value": 1, "role": "digit"}),
    ],
)
def test_records_are_validated(tmp_path: Path, table: str, record: dict) -> None:
    with pytest.raises(DataFileError) as caught:
        load_table(_write(tmp_path / f"{table}.jsonl", [record]), TABLES[table])
    assert caught.value.code == "E201"


def test_rules_round_trip_through_a_directory(tmp_path: Path) -> None:
    rules = packaged_rules()
    rules.to_dir(tmp_path / "saved")
    again = QuantityRules.from_dir(tmp_path / "saved")
    assert {name: getattr(again, name) for name in TABLES} == {name: getattr(rules, name) for name in TABLES}


def test_rules_units_file_replaces_the_packaged_table(tmp_path: Path) -> None:
    units = _write(tmp_path / "mine.jsonl", [{"id": "quantity.unit.mine", "lemmas": ["goat"], "kind": "herd"}])
    rules = QuantityRules.from_dir(_copy_tables(tmp_path), units=units)
    assert set(rules.unit_by_lemma) == {"goat"}


@pytest.mark.parametrize(("value", "rule"), [(2024, "quantity.exclude.year"), (1799, None), (10_000, None)])
def test_is_year_uses_the_year_range(value: float, rule: str | None) -> None:
    assert packaged_rules().is_year(value) == rule
