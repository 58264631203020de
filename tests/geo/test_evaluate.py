"""The GeoWebNews scorer, on a tiny file in the same format (our own sentence)."""

from __future__ import annotations

import pytest
import spacy

from sitrep.geo.evaluate import evaluate_gwn, read_gwn

TEXT = "Drought spread across the Sahel and Timbuktu while Moscow said nothing."


def toponym(name: str, kind: str, lat: float | None = None, lon: float | None = None, geonameid: int | None = None) -> str:
    start = TEXT.index(name)
    coords = f"<latitude>{lat}</latitude><longitude>{lon}</longitude>" if lat is not None else ""
    gid = f"<geonamesID>{geonameid}</geonamesID>" if geonameid else ""
    return (f"<toponym><extractedName>{name}</extractedName><type>{kind}</type><start>{start}</start>"
            f"<end>{start + len(name)}</end>{coords}{gid}</toponym>")


@pytest.fixture()
def gwn(tmp_path):
    toponyms = [toponym("Sahel", "Literal", 14.5, 4.0), toponym("Timbuktu", "Literal", 16.77, -3.0, 2449067),
                toponym("Moscow", "Metonymic", 55.75, 37.62), toponym("Drought", "Non_Toponym")]
    path = tmp_path / "tiny.xml"
    path.write_text(f"<articles><article><text>{TEXT}</text><toponyms>{''.join(toponyms)}</toponyms></article></articles>",
                    encoding="utf-8")
    return path


def test_read_gwn_keeps_toponym_types_only(gwn) -> None:
    [(text, golds)] = read_gwn(gwn)
    assert text == TEXT
    assert [(g.kind, TEXT[g.start:g.end]) for g in golds] == [("Literal", "Sahel"), ("Literal", "Timbuktu"),
                                                              ("Metonymic", "Moscow")]


def test_evaluate_gwn_scores_accuracy_recall_and_metonymy(gwn) -> None:
    # A blank pipeline has no NER: only the region phrase matcher finds "Sahel".
    scores = evaluate_gwn(gwn, spacy.blank("en"))
    assert (scores["accuracy_161km"], scores["recall_literal"], scores["precision_literal"]) == (0.5, 0.5, 1.0)
    assert scores["metonymic_as_place"] == 0.0
    assert scores["by_type"] == {"Literal": 0.5, "Metonymic": 0.0}


def test_evaluate_gwn_geocodes_the_gold_toponyms_apart_from_recognition(gwn) -> None:
    # Without NER the component misses Timbuktu; handed the gold span, the resolver places it.
    geocoding = evaluate_gwn(gwn, spacy.blank("en"))["geocoding"]
    assert geocoding["counts"] == {"covered": 2, "covered_within": 2, "literal_coords": 2, "near": 0, "within": 2,
                                   "geonames_covered": 1, "geonames_covered_within": 1, "geonames_literal_coords": 1,
                                   "geonames_near": 0, "geonames_within": 1}
    assert (geocoding["accuracy_161km"], geocoding["coverage"]) == (1.0, 1.0)


def test_evaluate_gwn_scores_toponyms_with_a_geonames_id_apart(gwn) -> None:
    # Only Timbuktu carries a GeoNames id, and the blank pipeline does not find it.
    scores = evaluate_gwn(gwn, spacy.blank("en"))
    assert (scores["counts"]["geonames_coords"], scores["accuracy_161km_geonames"]) == (1, 0.0)
    assert scores["geocoding"]["accuracy_161km_geonames"] == 1.0


def test_evaluate_gwn_geocodes_an_adjective_of_nationality_as_its_country(tmp_path) -> None:
    # Gold marks "Malian" in "the Malian border" as a literal modifier; a town called like
    # an adjective ("English", Indiana) must not take its place.
    text = "Troops massed on the Malian border."
    start = text.index("Malian")
    path = tmp_path / "adjective.xml"
    path.write_text(f"<articles><article><text>{text}</text><toponyms><toponym><type>Literal_Modifier</type>"
                    f"<start>{start}</start><end>{start + 6}</end><latitude>17.0</latitude><longitude>-4.0</longitude>"
                    "<geonamesID>2453866</geonamesID></toponym></toponyms></article></articles>", encoding="utf-8")
    geocoding = evaluate_gwn(path, spacy.blank("en"))["geocoding"]
    assert (geocoding["coverage"], geocoding["accuracy_161km"]) == (1.0, 1.0)


def test_evaluate_gwn_counts_toponyms_placed_by_the_nearest_named_place_apart(tmp_path) -> None:
    # "Tin Zaoukar" is in no gazetteer; the resolver places it by Timbuktu, named before it,
    # which counts toward accuracy but not toward coverage.
    text = "Herders left Timbuktu for Tin Zaoukar."
    spans = [("Timbuktu", 16.77, -3.0), ("Tin Zaoukar", 16.9, -2.6)]
    toponyms = "".join(f"<toponym><type>Literal</type><start>{text.index(n)}</start><end>{text.index(n) + len(n)}</end>"
                       f"<latitude>{lat}</latitude><longitude>{lon}</longitude></toponym>" for n, lat, lon in spans)
    path = tmp_path / "near.xml"
    path.write_text(f"<articles><article><text>{text}</text><toponyms>{toponyms}</toponyms></article></articles>",
                    encoding="utf-8")
    geocoding = evaluate_gwn(path, spacy.blank("en"))["geocoding"]
    assert (geocoding["accuracy_161km"], geocoding["coverage"], geocoding["placed_near"]) == (1.0, 0.5, 0.5)
    assert geocoding["accuracy_161km_covered"] == 1.0
