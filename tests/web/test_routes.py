"""The dashboard's routes through FastAPI's TestClient on a hand-built store."""

from __future__ import annotations

import pytest

from .conftest import HOSTILE

WAR, BAD = "a" * 16, "b" * 16


@pytest.mark.parametrize(("html_path", "json_path"), [
    ("/", "/index.json"),
    ("/?pair=RUS-UKR&cameo=19", "/index.json?pair=RUS-UKR&cameo=19"),
    (f"/events/{WAR}/e1", f"/events/{WAR}/e1.json"),
    (f"/articles/{WAR}", f"/articles/{WAR}.json"),
])
def test_page_links_its_json_twin(client, html_path, json_path):
    page = client.get(html_path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["link"] == f'<{json_path}>; rel="alternate"; type="application/json"'
    assert f'href="{json_path.replace("&", "&amp;")}"' in page.text
    twin = client.get(json_path)
    assert twin.headers["content-type"] == "application/json"
    assert twin.headers["link"] == f'<{html_path}>; rel="alternate"; type="text/html"'


@pytest.mark.parametrize("path", ["/", f"/events/{WAR}/e2", f"/articles/{WAR}"])
def test_page_format_json_equals_suffix_twin(client, path):
    suffixed = "/index.json" if path == "/" else path + ".json"
    assert client.get(path, params={"format": "json"}).json() == client.get(suffixed).json()


@pytest.mark.parametrize(("query", "expected"), [
    ({}, {("a" * 16, "e1"), ("a" * 16, "e2"), ("b" * 16, "e1")}),
    ({"pair": "UKR-RUS"}, {("a" * 16, "e1"), ("b" * 16, "e1")}),
    ({"pair": "usa,ukr"}, {("a" * 16, "e2")}),
    ({"actor": "USA"}, {("a" * 16, "e2")}),
    ({"cameo": "19"}, {("a" * 16, "e1"), ("b" * 16, "e1")}),
    ({"since": "2025-04-19"}, {("b" * 16, "e1")}),
    ({"actor": "", "pair": "", "cameo": ""}, {("a" * 16, "e1"), ("a" * 16, "e2"), ("b" * 16, "e1")}),
])
def test_dashboard_filters_events(client, query, expected):
    data = client.get("/index.json", params=query).json()
    assert {(e["article_id"], e["event_id"]) for e in data["events"]} == expected
    assert data["n_events"] == len(expected)


def test_dashboard_pair_gives_escalation_series(client):
    data = client.get("/index.json", params={"pair": "RUS-UKR"}).json()
    assert data["escalation"] == {"pair": ["RUS", "UKR"],
                                  "series": [{"week": "2025-04-14", "goldstein": -20.0, "count": 2}]}
    assert client.get("/index.json").json()["escalation"] is None


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/index.json?since=2025-13", 400, "E404"),
    ("/index.json?pair=RUS", 400, None),
    ("/articles/zzzzzzzz.json", 404, "E401"),
    (f"/events/{WAR}/e9.json", 404, None),
])
def test_bad_request_gives_error_shape(client, path, status, code):
    answer = client.get(path)
    assert answer.status_code == status
    body = answer.json()
    assert body["ok"] is False and body["http"] == status and body["code"] == code and body["error"]


def test_error_page_is_html_with_status(client):
    page = client.get("/articles/zzzzzzzz")
    assert page.status_code == 404
    assert "E401" in page.text


def test_event_page_links_to_its_sentence(client):
    page = client.get(f"/events/{WAR}/e2")
    assert f'href="/articles/{WAR}#s1"' in page.text
    assert "Ukraine appealed to the United States for help." in page.text


def test_article_page_anchors_each_sentence_and_marks_spans(client):
    page = client.get(f"/articles/{WAR}").text
    assert '<span class="sentence" id="s0">' in page and '<span class="sentence" id="s1">' in page
    assert f'<a class="trigger-link" href="/events/{WAR}/e1"><mark class="trigger" title="195">shelled</mark></a>' in page
    assert '<mark class="actor" title="RUS Russia">Russia</mark>' in page


@pytest.mark.parametrize("path", [f"/articles/{BAD}", f"/events/{BAD}/e1", "/"])
def test_article_markup_is_escaped(client, path):
    page = client.get(path).text
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<i>Pub</i>" not in page
    assert "javascript:" not in page


def test_article_text_survives_escaping(client):
    page = client.get(f"/articles/{BAD}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert client.get(f"/articles/{BAD}.json").json()["analysis"]["text"] == HOSTILE


def test_boundaries_serve_country_rings(client):
    answer = client.get("/web/boundaries.json")
    countries = {c["code"]: c for c in answer.json()["countries"]}
    assert len(countries) > 150
    assert "max-age" in answer.headers["cache-control"]
    lon, lat = countries["UKR"]["rings"][0][0]
    assert 22 < lon < 41 and 44 < lat < 53


@pytest.mark.parametrize("name", ["dashboard.js", "style.css"])
def test_static_files_are_served(client, name):
    assert client.get(f"/web/static/{name}").status_code == 200
