"""Acceptance: five outlets report one deployment; the store counts it once (real pipeline)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.batch.local import run
from sitrep.intake.core import read_article
from sitrep.store import Store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "stories" / "articles.jsonl"
DEPLOYMENT = ["wire-pyongyang-troops", "lakeside-pyongyang-troops", "ledger-pyongyang-soldiers",
              "courier-north-korea-12000", "review-nato-north-korea"]


@pytest.fixture(scope="module")
def ids(nlp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    """The corpus analyzed and ingested in order; yields the store and input id -> article id."""
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(r["id"], read_article(r["text"], name=r["id"], published=r["published"], publisher=r["publisher"],
                                    title=r["title"], fmt="text")) for r in records]
    store = Store.open(tmp_path_factory.mktemp("stories") / "stories.db")
    hashes = {}
    for name, _, outcome in run(nlp, items):
        assert not isinstance(outcome, Exception), outcome
        assert store.ingest(outcome).stored
        hashes[name] = outcome.hash
    yield store, hashes
    store.close()


def _deployment(store: Store) -> dict:
    records = [r for r in store.merged_events(actor="PRK", cameo="07")
               if [p["code"] for p in r["source"]] == ["PRK"] and [p["code"] for p in r["target"]] == ["RUS"]]
    assert len(records) == 1
    return records[0]


def test_acceptance_deployment_is_one_event_from_five_articles(ids) -> None:
    store, hashes = ids
    record = _deployment(store)
    assert (record["n_articles"], record["n_publishers"]) == (5, 5)
    assert [m["article"] for m in record["mentions"]] == [hashes[name] for name in DEPLOYMENT]
    assert record["first_reported"] == "2024-10-23" and record["last_reported"] == "2024-10-25"


def test_acceptance_four_distinct_texts_one_near_duplicate(ids) -> None:
    store, hashes = ids
    group = store.duplicates(hashes["lakeside-pyongyang-troops"])
    assert [(g["article_id"], g["publisher"]) for g in group] == [
        (hashes["wire-pyongyang-troops"], "Harbor Wire"), (hashes["lakeside-pyongyang-troops"], "Lakeside Post")]
    copies = [m["copy_of"] for m in _deployment(store)["mentions"]]
    assert copies == [None, hashes["wire-pyongyang-troops"], None, None, None]
    assert store.counts()["duplicates"] == 1


def test_acceptance_claimants_counted_once_each(ids) -> None:
    store, hashes = ids
    record = _deployment(store)
    claimants = {c["name"]: c["articles"] for c in record["claimants"]}
    assert claimants == {
        "Pentagon": [hashes["wire-pyongyang-troops"], hashes["ledger-pyongyang-soldiers"]],
        "South Korea's National Intelligence Service": [hashes["wire-pyongyang-troops"]],
        "Ukraine's military intelligence": [hashes["courier-north-korea-12000"]],
        "NATO": [hashes["review-nato-north-korea"]],
    }
    assert record["n_claimants"] == 4


def test_acceptance_both_troop_figures_with_their_sources(ids) -> None:
    store, _ = ids
    figures = {(f["value"], f["claimant"], f["publisher"]) for f in _deployment(store)["figures"]}
    assert figures == {(10000, "Pentagon", "Harbor Wire"), (10000, "Pentagon", "Capital Ledger"),
                       (12000, "Ukraine's military intelligence", "Eastern Courier")}


def test_acceptance_three_stories(ids) -> None:
    store, hashes = ids
    listing = {s["label"]: [a["article_id"] for a in s["articles"]] for s in store.stories()}
    assert listing["PRK → RUS: Provide military aid"] == [hashes[name] for name in DEPLOYMENT]
    assert sorted(map(len, listing.values())) == [1, 2, 5]
    kharkiv = [hashes["courier-kharkiv-shelling"], hashes["gazette-kharkiv-shelling"]]
    assert kharkiv in listing.values()
