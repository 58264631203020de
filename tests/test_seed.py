"""Acceptance: the seed article through the CLI meets every item of its expected file.

The expected file lives in ../shared (never copied here); the test is skipped without it.
Each item of the file becomes one test case, checked by a generic rule for its section.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
EXPECTED = SEED / "000_6334a452dea9d0c2.expected.json"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not EXPECTED.exists(), reason="../shared is absent")]


def _expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}


def _items(section: str) -> list:
    return _expected().get(section, [])


@pytest.fixture(scope="module")
def analysis() -> dict:
    spec = _expected()["input"]
    result = CliRunner().invoke(app, ["analyze", str(SEED / spec["file"]), "--published", spec["published"],
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _codes(event: dict, role: str) -> set[str]:
    return {p["code"] for p in event[role] if p.get("code")}


def _cameo_fits(event: dict, accepted: list[str]) -> bool:
    return event["cameo"] in accepted or event["cameo"][:3] in accepted


def _matches_key(event: dict, spec: dict) -> bool:
    if "actors_all" in spec:
        parties = _codes(event, "source") | _codes(event, "target")
        return set(spec["actors_all"]) <= parties and _cameo_fits(event, spec["cameo_any"])
    return (spec["source_code"] in _codes(event, "source") and spec["target_code"] in _codes(event, "target")
            and _cameo_fits(event, spec["cameo_any"]))


def _has_figures(event: dict, spec: dict) -> bool:
    return all(any(q["value"] == w["value"] and q["approx"] == w["approx"] and q["unit"] in w["unit_any"]
                   for q in event["quantities"]) for w in spec.get("quantities_required", []))


def _has_weapon(event: dict, spec: dict) -> bool:
    return "weapon_any" not in spec or bool(set(event["weapons"]) & set(spec["weapon_any"]))


def _event_for(analysis: dict, spec: dict) -> dict:
    """The one event the spec describes: its dyad and code, told apart by its figures or weapons."""
    found = [e for e in analysis["events"] if _matches_key(e, spec) and _has_figures(e, spec) and _has_weapon(e, spec)]
    assert len(found) == 1, f"{spec['key']}: expected exactly one event, got {len(found)}: {[e['trigger'] for e in found]}"
    return found[0]


def _actor(analysis: dict, actor_id: str | None) -> dict:
    return next((a for a in analysis["actors"] if a["id"] == actor_id), {})


def test_article_metadata(analysis: dict) -> None:
    spec = _expected()["article"]
    meta = analysis["article"]
    for field in ("title", "subtitle", "publisher", "truncated"):
        assert meta[field] == spec[field], field
    removed = f"removed {spec['repeated_paragraphs_removed']} repeated paragraph"
    assert any(note.startswith(removed) for note in meta["cleanup"]), meta["cleanup"]
    for fragment in spec["text_must_not_contain"]:
        assert fragment not in analysis["text"]


@pytest.mark.parametrize("spec", _items("events_required"), ids=lambda s: s["key"])
def test_required_event(analysis: dict, spec: dict) -> None:
    event = _event_for(analysis, spec)
    assert event["plover"]["type"] in spec["plover_type_any"]
    if "source_sector_any" in spec:
        assert {p["sector"] for p in event["source"]} & set(spec["source_sector_any"])
    if "claimants_required_any_two_of" in spec:
        claimed = {c["code"] for c in event["claims"]} & set(spec["claimants_required_any_two_of"])
        assert len(claimed) >= 2, event["claims"]
    if "date_between" in spec:
        low, high = spec["date_between"]
        assert event["date"] and low <= event["date"]["start"] and event["date"]["end"] <= high, event["date"]


@pytest.mark.parametrize("spec", _items("claims_required"), ids=lambda s: s["claimant_text_contains"])
def test_required_claim(analysis: dict, spec: dict) -> None:
    key = next(e for e in _items("events_required") if e["key"] == spec["about"])
    event = _event_for(analysis, key)
    claims = [c for c in event["claims"] if spec["claimant_text_contains"] in (c["claimant_text"] or "")]
    assert claims, event["claims"]
    claim = claims[0]
    assert claim["code"] == spec["claimant_code"]
    assert claim["sector"] in spec["claimant_sector_any"]
    assert claim["stance"] in spec["stance_any"]
    if "date" in spec:
        assert claim["date"] and claim["date"]["value"] == spec["date"], claim["date"]


@pytest.mark.parametrize("spec", _items("quotes_required"), ids=lambda s: s["speaker_text_contains"])
def test_required_quote(analysis: dict, spec: dict) -> None:
    quotes = [q for q in analysis["quotes"] if spec["quote_contains"] in q["text"]]
    assert quotes, analysis["quotes"]
    quote = quotes[0]
    speaker = _actor(analysis, quote["speaker"])
    assert spec["speaker_text_contains"] in speaker.get("text", ""), quote
    assert spec["speaker_affiliation_contains"] in (speaker.get("affiliation") or ""), speaker
    assert quote["cue"] == spec["cue"] and quote["kind"] == spec["kind"]


@pytest.mark.parametrize("spec", _items("times_required"), ids=lambda s: s.get("text") or s["text_any"][0])
def test_required_time(analysis: dict, spec: dict) -> None:
    texts = [spec["text"]] if "text" in spec else spec["text_any"]
    times = [t for t in analysis["times"] if t["text"] in texts]
    assert times, [t["text"] for t in analysis["times"]]
    time = times[0]
    values = [spec["value"]] if "value" in spec else spec["value_any"]
    assert time["value"] in values, time
    assert time["first_day"] == spec.get("start", time["first_day"])
    assert time["last_day"] == spec.get("end", time["last_day"])
    assert time["precision"] == spec.get("precision", time["precision"])


@pytest.mark.parametrize("spec", _items("actors_required"), ids=lambda s: s["text_any"][0])
def test_required_actor(analysis: dict, spec: dict) -> None:
    actors = [a for a in analysis["actors"] if a["text"] in spec["text_any"]]
    assert actors, spec
    for actor in actors:
        assert actor["code"] == spec.get("code", actor["code"]), actor
        sectors = [spec["sector"]] if "sector" in spec else spec.get("sector_any", [actor["sector"]])
        assert actor["sector"] in sectors, actor


@pytest.mark.parametrize("spec", _items("places_required"), ids=lambda s: s["text"])
def test_required_place(analysis: dict, spec: dict) -> None:
    places = [p for p in analysis["places"] if p["text"] == spec["text"]]
    assert places, [p["text"] for p in analysis["places"]]
    place = places[0]
    features = [spec["feature"]] if "feature" in spec else spec["feature_any"]
    assert place["feature"] in features
    assert place["country"] == spec.get("country", place["country"] if "feature_any" not in spec else None)


def test_capitals_are_actors_not_places(analysis: dict) -> None:
    capitals = {"Moscow", "Pyongyang"}
    assert not capitals & {p["text"] for p in analysis["places"]}
    for event in analysis["events"]:
        assert (event.get("location") or {}).get("name") not in capitals


def test_no_title_word_taken_for_an_organization(analysis: dict) -> None:
    assert not [a for a in analysis["actors"] if a["kind"] == "organization" and a["text"] == "Defense"]
