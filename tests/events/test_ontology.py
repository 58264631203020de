import csv
import shutil
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.events import ontology
from sitrep.events.ontology import (
    acled,
    all_codes,
    cameo,
    is_cameo,
    load_ontology,
    parent,
    parse_acled,
    parse_cameo,
    parse_plover,
    plover,
)

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "events" / "cameo_eventtypes.csv"

# CAMEO codes PLOVER drops without an equivalent (docs/ontology.md, "PLOVER choices").
NO_PLOVER = {"01", "010", "011", "012", "013", "014", "015", "017"}

# Codes whose Goldstein differs from the reference codebook table on purpose (docs/ontology.md):
# the reference gives "NA" for these later additions; we give each its parent's value.
DELIBERATE_GOLDSTEIN = {"155": -7.2, "176": -7.0, "1834": -10.0, "1951": -10.0, "1952": -10.0}

CAMEO_HEADER = "code\tname\tgoldstein\tquad_class\n"
PLOVER_HEADER = "code\ttype\tmode\tcontext\n"
ACLED_HEADER = "code\tcondition\tevent_type\tsub_event_type\n"
SMALL_CAMEO = CAMEO_HEADER + "".join(
    f"{code}\t{name}\t-10.0\t4\n" for code, name in [("19", "Fight"), ("190", "Use force"), ("195", "Aerial"),
                                                    ("1951", "Guided")])


@pytest.mark.parametrize("code", all_codes())
def test_cameo_every_code_is_complete(code):
    entry = cameo(code)
    assert entry.name.strip()
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.root == code[:2]
    assert entry.quad_class == ontology.quad_class_of(code[:2])


@pytest.mark.parametrize("code", all_codes())
def test_plover_every_code_maps_unless_documented(code):
    assert (plover(code) is None) == (code in NO_PLOVER)


def test_all_codes_cover_codebook_with_parents_first():
    codes = all_codes()
    assert len(codes) == 317
    assert [code for code in codes if len(code) == 2] == [f"{n:02d}" for n in range(1, 21)]
    seen: set[str] = set()
    for code in codes:
        assert parent(code) is None or parent(code) in seen
        seen.add(code)


@pytest.mark.parametrize(("code", "goldstein"), [
    ("190", -10.0), ("072", 8.3), ("0234", 3.4), ("057", 8.0), ("0874", 10.0), ("042", 1.9),
    ("043", 2.8), ("111", -2.0), ("173", -5.0), ("183", -10.0), ("012", -0.4), ("013", 0.4),
])
def test_cameo_goldstein_spot_checks(code, goldstein):
    assert cameo(code).goldstein == goldstein


@pytest.mark.parametrize(("code", "name", "quad"), [
    ("012", "Make pessimistic comment", 1), ("0234", "Appeal for military protection or peacekeeping", 1),
    ("09", "Investigate", 2), ("1823", "Kill by physical assault", 4), ("141", "Demonstrate or rally", 3),
])
def test_cameo_names_and_quads(code, name, quad):
    assert (cameo(code).name, cameo(code).quad_class) == (name, quad)


@pytest.mark.parametrize("code", ["10", "010", "0211"])
def test_is_cameo_true_for_known_codes(code):
    assert is_cameo(code)


@pytest.mark.parametrize("code", ["999", "0999", "1", "", "19x", "10 "])
def test_cameo_unknown_code_raises_keyerror(code):
    assert not is_cameo(code)
    with pytest.raises(KeyError):
        cameo(code)
    with pytest.raises(KeyError):
        plover(code)


@pytest.mark.parametrize(("code", "expected"), [("0211", "021"), ("021", "02"), ("02", None), ("1952", "195")])
def test_parent_walks_one_level_up(code, expected):
    assert parent(code) == expected


@pytest.mark.parametrize("code", ["99", "0999"])
def test_parent_unknown_code_raises_keyerror(code):
    with pytest.raises(KeyError):
        parent(code)


@pytest.mark.parametrize(("code", "expected"), [
    ("195", {"type": "ASSAULT", "mode": "aerial", "context": ["military"]}),
    ("1952", {"type": "ASSAULT", "mode": "drone", "context": ["military"]}),
    ("173", {"type": "COERCE", "mode": "arrest", "context": ["legal"]}),
    ("0871", {"type": "RETREAT", "mode": "ceasefire", "context": ["military"]}),
    ("0211", {"type": "REQUEST", "mode": "assist", "context": ["economic"]}),
    ("072", {"type": "AID", "mode": None, "context": ["military"]}),
    ("0356", {"type": "AGREE", "mode": None, "context": ["military"]}),
    ("112", {"type": "ACCUSE", "mode": "allege", "context": []}),
    ("2041", {"type": "ASSAULT", "mode": "unconventional", "context": ["cbrn"]}),
])
def test_plover_spot_checks(code, expected):
    assert plover(code) == expected


def test_plover_returns_a_fresh_context_list():
    plover("195")["context"].append("changed")
    assert plover("195")["context"] == ["military"]


def test_plover_child_without_row_inherits_parent(monkeypatch):
    codes = parse_cameo(SMALL_CAMEO, "cameo.tsv")
    rows = "19\tASSAULT\t\tmilitary\n195\tASSAULT\taerial\tmilitary\n"
    views = parse_plover(PLOVER_HEADER + rows, "plover.tsv", codes)
    table = ontology.Ontology(cameo=codes, plover=views, acled={})
    monkeypatch.setattr(ontology, "load_ontology", lambda: table)
    assert plover("1951") == {"type": "ASSAULT", "mode": "aerial", "context": ["military"]}
    assert plover("190") == {"type": "ASSAULT", "mode": None, "context": ["military"]}


@pytest.mark.parametrize(("code", "kwargs", "expected"), [
    ("195", {}, ("Explosions/Remote violence", "Air/drone strike")),
    ("1951", {}, ("Explosions/Remote violence", "Air/drone strike")),
    ("195", {"target_sector": "CVL"}, ("Explosions/Remote violence", "Air/drone strike")),
    ("190", {}, ("Battles", "Armed clash")),
    ("19", {}, ("Battles", "Armed clash")),
    ("190", {"weapon": "air"}, ("Explosions/Remote violence", "Air/drone strike")),
    ("190", {"weapon": "artillery"}, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("190", {"target_sector": "CVL"}, ("Violence against civilians", "Attack")),
    ("193", {"target_sector": "CVL"}, ("Violence against civilians", "Attack")),
    ("193", {"weapon": "air"}, ("Battles", "Armed clash")),
    ("194", {}, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("183", {}, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("1831", {}, ("Explosions/Remote violence", "Suicide bomb")),
    ("183", {"weapon": "suicide"}, ("Explosions/Remote violence", "Suicide bomb")),
    ("186", {}, ("Violence against civilians", "Attack")),
    ("180", {"weapon": "grenade"}, ("Explosions/Remote violence", "Grenade")),
    ("181", {}, ("Violence against civilians", "Abduction/forced disappearance")),
    ("1821", {}, ("Violence against civilians", "Sexual violence")),
    ("141", {}, ("Protests", "Peaceful protest")),
    ("1413", {}, ("Protests", "Peaceful protest")),
    ("145", {}, ("Riots", "Violent demonstration")),
    ("145", {"target_sector": "CVL"}, ("Riots", "Mob violence")),
    ("175", {"weapon": "firearms"}, ("Protests", "Excessive force against protesters")),
    ("173", {}, ("Strategic developments", "Arrests")),
    ("057", {}, ("Strategic developments", "Agreement")),
    ("0874", {}, ("Strategic developments", "Non-violent transfer of territory")),
    ("192", {"source_sector": "REB"}, ("Battles", "Non-state actor overtakes territory")),
    ("2041", {}, ("Explosions/Remote violence", "Chemical weapon")),
])
def test_acled_maps_code_and_conditions(code, kwargs, expected):
    assert acled(code, **kwargs) == {"event_type": expected[0], "sub_event_type": expected[1]}


@pytest.mark.parametrize("code", ["010", "046", "111", "184", "201", "2042"])
def test_acled_none_for_codes_acled_does_not_record(code):
    assert acled(code) is None


def test_acled_unknown_weapon_raises():
    with pytest.raises(ValueError, match="tank"):
        acled("190", weapon="tank")


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("code\tname\tgoldstein\n19\tFight\t-10\n", 1, "header"),
    (CAMEO_HEADER + "19\tFight\t-10.0\n", 2, "fields"),
    (CAMEO_HEADER + "19\tFight\t-10.0\t3\n", 2, "quad_class"),
    (CAMEO_HEADER + "19\tFight\t-12\t4\n", 2, "outside"),
    (CAMEO_HEADER + "19\tFight\tmuch\t4\n", 2, "number"),
    (CAMEO_HEADER + "19\t\t-10.0\t4\n", 2, "no name"),
    (CAMEO_HEADER + "21\tNope\t0\t4\n", 2, "root"),
    (CAMEO_HEADER + "19\tFight\t-10.0\t4\n\n1951\tGuided\t-10.0\t4\n", 4, "parent"),
    (CAMEO_HEADER + "19\tFight\t-10.0\t4\n19\tFight\t-10.0\t4\n", 3, "duplicate"),
])
def test_parse_cameo_rejects_malformed_rows(text, line, reason):
    with pytest.raises(DataFileError, match=reason) as caught:
        parse_cameo(text, "cameo.tsv")
    assert caught.value.code == "E201"
    assert caught.value.fields["line"] == line


@pytest.mark.parametrize(("row", "reason"), [
    ("195\tFIGHT\t\t", "unknown PLOVER type"),
    ("195\tASSAULT\tvisit\t", "no mode"),
    ("195\tASSAULT\taerial\tmilitary,warfare", "context"),
    ("195\t\taerial\t", "without type"),
    ("199\tASSAULT\t\t", "not a CAMEO code"),
])
def test_parse_plover_rejects_malformed_rows(row, reason):
    with pytest.raises(DataFileError, match=reason):
        parse_plover(PLOVER_HEADER + row + "\n", "plover.tsv", parse_cameo(SMALL_CAMEO, "cameo.tsv"))


@pytest.mark.parametrize(("rows", "reason"), [
    ("195\tweapon=tank\tBattles\tArmed clash", "condition"),
    ("195\ttarget=civilians\tBattles\tArmed clash", "condition"),
    ("195\tcolour=CVL\tBattles\tArmed clash", "condition"),
    ("195\t\tBattles\tAir/drone strike", "not an ACLED"),
    ("195\t\t\tArmed clash", "without event_type"),
    ("195\t\tBattles\tArmed clash\n195\t\tBattles\tArmed clash", "duplicate"),
])
def test_parse_acled_rejects_malformed_rows(rows, reason):
    with pytest.raises(DataFileError, match=reason):
        parse_acled(ACLED_HEADER + rows + "\n", "acled.tsv", parse_cameo(SMALL_CAMEO, "cameo.tsv"))


def test_load_ontology_names_file_and_line_of_bad_row(tmp_path):
    for name in ("cameo.tsv", "plover.tsv", "acled.tsv"):
        shutil.copy(ontology.DATA_DIR / name, tmp_path / name)
    with (tmp_path / "acled.tsv").open("a", encoding="utf-8") as out:
        out.write("190\tweapon=sling\tBattles\tArmed clash\n")
    lines = len((tmp_path / "acled.tsv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError, match=rf"acled\.tsv:{lines}: condition"):
        load_ontology(str(tmp_path))


def test_load_ontology_is_cached():
    assert load_ontology() is load_ontology()


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data not present")
def test_cameo_agrees_with_reference_codebook():
    with REFERENCE.open(encoding="utf-8") as handle:
        reference = {row["code"]: row["goldstein"] for row in csv.DictReader(handle)}
    assert set(reference) == set(all_codes())
    for code, goldstein in reference.items():
        expected = DELIBERATE_GOLDSTEIN[code] if goldstein == "NA" else float(goldstein)
        assert cameo(code).goldstein == expected, code
