"""The dashboard in a real browser (Debian's chromium driven by Playwright) on the demo articles.

The examples are ingested with the real pipeline into a temporary store, served by uvicorn on
127.0.0.1, and walked through as a reader would: dashboard, a country pair, an event, its
sentence in the article. Screenshots land in test-artifacts/ (gitignored).
"""

from __future__ import annotations

import csv
import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.batch.local import run
from sitrep.intake.core import iter_inputs
from sitrep.model import Analysis, Article
from sitrep.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE_TEXT = ("<script>alert(1)</script> Russian forces shelled Kharkiv on Monday, "
                "officials said. <img src=x onerror=alert(2)> <b>Bold</b> claims followed.")
HIGHLIGHT = "rgb(255, 242, 168)"  # .sentence:target background in style.css

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; run .ci/browser-setup.sh"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="the playwright package is missing; pip install playwright==1.65.2"),
]


def _example_inputs() -> Iterator[tuple[str, Article | Exception]]:
    with (EXAMPLES / "dates.tsv").open(encoding="utf-8") as handle:
        dated = [row for row in csv.reader(handle, delimiter="\t") if row and row[0] != "file"]
    for name, day in dated:
        yield from iter_inputs([str(EXAMPLES / name)], published=day)
    undated = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".html", ".jsonl"))
    yield from iter_inputs([str(p) for p in undated])


def _analyses(nlp, items) -> list[Analysis]:
    results = [result.outcome for result in run(nlp, items)]
    failures = [outcome for outcome in results if not isinstance(outcome, Analysis)]
    assert not failures, failures
    return results


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_store(nlp, tmp_path_factory) -> Iterator[Store]:
    hostile = Article(id="hostile", title="<b>Inert</b> headline", publisher="Test Wire", published="2025-04-21",
                      text=HOSTILE_TEXT)
    with Store.open(tmp_path_factory.mktemp("web") / "demo.db") as store:
        for analysis in _analyses(nlp, [*_example_inputs(), ("hostile", hostile)]):
            store.add(analysis)
        yield store


@pytest.fixture(scope="module")
def server(demo_store) -> Iterator[str]:
    import uvicorn
    from fastapi import FastAPI

    from sitrep.web import dashboard_router, mount_static

    app = FastAPI()
    app.include_router(dashboard_router(lambda: demo_store))
    mount_static(app)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _busiest_pair(page, server: str) -> str:
    data = page.request.get(f"{server}/index.json").json()
    assert data["pairs"], "the demo data should have at least one dyad"
    return data["pairs"][0]


def test_dashboard_draws_charts_from_the_json_twin(page, server):
    page.goto(f"{server}/")
    page.wait_for_selector("body[data-drawn=yes]")
    assert page.locator("#map path.country").count() > 100
    assert page.locator("#map circle.dot").count() >= 1
    assert page.locator("#timeline rect").count() >= 1
    assert page.locator("#network circle.node").count() >= 2
    assert page.locator("#events tbody tr").count() >= 10
    _shot(page, "dashboard.png")


def test_dashboard_pair_filter_to_event_to_highlighted_sentence(page, server):
    pair = _busiest_pair(page, server)
    first, second = pair.split("-")
    page.goto(f"{server}/")
    page.fill("input[name=pair]", pair)
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("body[data-drawn=yes]")
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1
    for text in rows.all_inner_texts():
        assert first in text and second in text
    assert page.locator("#escalation rect").count() >= 1
    _shot(page, "dashboard-pair.png")

    page.locator("a.event-link").first.click()
    page.wait_for_selector("#to-sentence")
    _shot(page, "event.png")
    page.click("#to-sentence")
    page.wait_for_url("**/articles/*#s*")
    anchor = page.evaluate("location.hash").lstrip("#")
    target = page.locator(f"#{anchor}")
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert target.evaluate("node => getComputedStyle(node).backgroundColor") == HIGHLIGHT
    assert target.is_visible()
    _shot(page, "article-sentence.png")


def test_article_markup_is_rendered_inert(page, server, demo_store):
    article_id = next(a["id"] for a in demo_store.articles() if a["input_id"] == "hostile")
    page.goto(f"{server}/articles/{article_id}")
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert page.locator("h1.article-title").inner_text() == "<b>Inert</b> headline"
    assert page.locator("#article-text script, #article-text img, #article-text b, h1 b").count() == 0
    assert page.evaluate("document.scripts.length") == 0
    page.goto(f"{server}/?actor=RUS")
    page.wait_for_selector("body[data-drawn=yes]")
    sources = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert sources == ["/web/static/dashboard.js"]
    assert page.dialogs == []
    _shot(page, "article-inert.png")
