"""The REST API: auth, paging, filters, limits, bad input (422, never 500), search, meta."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store import Store

from .conftest import TOKEN, fake_analyzer

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _all(client: TestClient, url: str, limit: int) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get(url, params={"limit": limit} | ({"cursor": cursor} if cursor else {})).json()
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_analyze_store_without_token_is_401(write_client: TestClient, headers: dict) -> None:
    response = write_client.post("/api/v1/analyze", json={"text": "Troops crossed.", "store": True}, headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "E502"


def test_analyze_store_with_token_stores(write_client: TestClient) -> None:
    response = write_client.post("/api/v1/analyze", json={"text": "Troops crossed the border.", "store": True},
                                 headers=AUTH)
    assert response.status_code == 201
    assert write_client.get(response.headers["location"]).json()["text"] == "Troops crossed the border."


def test_analyze_without_store_needs_no_token(write_client: TestClient) -> None:
    response = write_client.post("/api/v1/analyze", json={"text": "Troops crossed the border."})
    assert response.status_code == 200 and response.json()["text"] == "Troops crossed the border."


def test_writes_disabled_without_server_token(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "x.db"), analyzer=fake_analyzer))
    response = client.post("/api/v1/analyze", json={"text": "x", "store": True}, headers=AUTH)
    assert response.status_code == 401 and response.json()["code"] == "E503"


@pytest.mark.parametrize("url", ["/api/v1/events", "/api/v1/articles", "/api/v1/actors"])
def test_closed_reads_need_token(db_path: Path, url: str) -> None:
    client = TestClient(create_app(str(db_path), token=TOKEN, read_open=False))
    assert client.get(url).status_code == 401
    assert client.get(url, headers=AUTH).status_code == 200


@pytest.mark.parametrize(("url", "limit"), [("/api/v1/events", 7), ("/api/v1/events", 1000), ("/api/v1/articles", 6)])
def test_cursor_walks_every_item_once(client: TestClient, db_path: Path, url: str, limit: int) -> None:
    ids = [item["id"] for item in _all(client, url, limit)]
    with Store.open(db_path) as store:
        expected = store.counts()["merged_events" if "events" in url else "articles"]
    assert len(ids) == len(set(ids)) == expected


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "RUS"}, lambda e: "RUS" in {p["code"] for p in e["source"] + e["target"]}),
    ({"pair": "UKR,RUS"}, lambda e: {p["code"] for p in e["source"] + e["target"]} == {"RUS", "UKR"}),
    ({"cameo": "19"}, lambda e: e["cameo"].startswith("19")),
    ({"plover": "ASSAULT"}, lambda e: e["plover"]["type"] == "ASSAULT"),
    ({"acled": "Battles"}, lambda e: e["acled"]["event_type"] == "Battles"),
    ({"since": "2024-03", "until": "2024-03"}, lambda e: e["day_last"] >= "2024-03-01" and e["day_first"] <= "2024-03-31"),
    ({"bbox": "30,45,40,55"}, lambda e: e["location"]["name"] in {"Kharkiv", "Kyiv"}),
    ({"min_sources": 2}, lambda e: e["n_publishers"] >= 2),
])
def test_event_filters_keep_only_matches(client: TestClient, params: dict, check) -> None:
    items = client.get("/api/v1/events", params=params | {"limit": 1000}).json()["items"]
    assert items and all(check(event) for event in items)


@pytest.mark.parametrize(("params", "code"), [
    ({"since": "2024-02-30"}, "E501"), ({"until": "yesterday"}, "E501"), ({"bbox": "1,2,3"}, "E507"),
    ({"bbox": "10,0,5,1"}, "E507"), ({"bbox": "a,b,c,d"}, "E507"), ({"limit": 10**9}, "E501"),
    ({"limit": 0}, "E501"), ({"cursor": "!!notacursor"}, "E506"), ({"pair": "RUS"}, "E508"),
    ({"min_sources": "many"}, "E501"), ({"cameo": "1x"}, "E501"),
])
def test_bad_event_queries_are_422_with_message(client: TestClient, params: dict, code: str) -> None:
    response = client.get("/api/v1/events", params=params)
    body = response.json()
    assert response.status_code == 422
    assert body == {"ok": False, "code": code, "error": body["error"], "http": 422} and code in body["error"]


@pytest.mark.parametrize(("method", "url", "kwargs", "status", "code"), [
    ("get", "/api/v1/events/m-missing", {}, 404, "E505"),
    ("get", "/api/v1/articles/ffffffffffffffff", {}, 404, "E401"),
    ("get", "/api/v1/nowhere", {}, 404, "E511"),
    ("post", "/api/v1/analyze", {"json": {"text": "a", "html": "b"}}, 422, "E501"),
    ("post", "/api/v1/analyze", {"json": {"text": "a", "published": "24/10/2024"}}, 422, "E501"),
    ("post", "/api/v1/analyze", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "E501"),
    ("post", "/api/v1/analyze", {"content": b"x" * (5 * 1024 * 1024 + 1)}, 413, "E504"),
    ("get", "/api/v1/dyads/RUS/UKR/series?interval=month", {}, 422, "E501"),
])
def test_errors_have_one_shape(client: TestClient, method: str, url: str, kwargs: dict, status: int, code: str) -> None:
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code == status
    assert response.json() == {"ok": False, "code": code, "error": response.json()["error"], "http": status}


def test_event_detail_has_mentions_with_sentences(client: TestClient) -> None:
    first = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/api/v1/events/{first['id']}").json()
    assert detail["mentions"] and all(m["sentence_text"].startswith("Article ") for m in detail["mentions"])
    assert detail["claimants"]


@pytest.mark.parametrize(("q", "word"), [("Israel", "israel"), ("bombed AND Iran", "bombed")])
def test_search_finds_articles(client: TestClient, q: str, word: str) -> None:
    items = client.get("/api/v1/search", params={"q": q}).json()["items"]
    assert items and all(word in item["snippet"].lower() for item in items)


def test_search_bad_syntax_is_422(client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"q": '"open'}).json()["code"] == "E510"


def test_series_counts_pair_events_both_ways(client: TestClient) -> None:
    points = client.get("/api/v1/dyads/RUS/UKR/series", params={"interval": "week"}).json()["items"]
    listed = client.get("/api/v1/events", params={"pair": "RUS,UKR", "limit": 1000}).json()["items"]
    assert sum(p["n_events"] for p in points) == sum(not e["negated"] for e in listed)


def test_meta_and_openapi(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["schema_version"] == 1 and meta["gazetteer_index_key"] and meta["versions"]["sitrep"]
    assert "/api/v1/events" in client.get("/openapi.json").json()["paths"]


@pytest.mark.slow
def test_analyze_runs_pipeline_on_example(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "examples" / "kharkiv_strikes.txt").read_text(encoding="utf-8")
    client = TestClient(create_app(str(tmp_path / "x.db"), token=TOKEN))
    response = client.post("/api/v1/analyze", json={"text": text, "published": "2024-11-02", "store": True},
                           headers=AUTH)
    assert response.status_code == 201 and response.json()["events"]
    assert client.get("/api/v1/events").json()["items"]


def test_analyze_a_url_refuses_private_addresses(write_client: TestClient) -> None:
    response = write_client.post("/api/v1/analyze", json={"url": "http://127.0.0.1:9/article"})
    assert response.status_code == 422
    body = response.json()
    assert body["ok"] is False and body["code"] == "E113" and "127.0.0.1" in body["error"]


def test_analyze_a_url_that_is_not_http_is_a_clear_error(write_client: TestClient) -> None:
    response = write_client.post("/api/v1/analyze", json={"url": "file:///etc/passwd"})
    assert response.status_code == 422 and response.json()["code"] == "E111"
