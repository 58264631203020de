"""The watcher against a real server on 127.0.0.1: feeds, pages, bad sources, restarts."""

from __future__ import annotations

import pytest
import spacy
import typer
from typer.testing import CliRunner

from sitrep.errors import InputError
from sitrep.model import Analysis
from sitrep.nlp.extensions import register_extensions
from sitrep.store import Store
from sitrep.testing.httpserver import Reply, Seen, serve
from sitrep.watch import SourceReport, Watcher, page_key, parse_interval, watch_command

STORE_API = ("seen", "mark_seen", "source_state", "set_source_state")
needs_store_api = pytest.mark.skipif(
    not all(hasattr(Store, name) for name in STORE_API),
    reason="sitrep.store.Store lacks seen/mark_seen/source_state/set_source_state (being added in store/db.py)",
)

STORY = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{lead} Officials in the river province said on Monday that the crossing would stay open.</p>
<p>Aid agencies said trucks carrying flour and medicine had reached two villages by evening.</p>
</article></body></html>"""


def _story(title: str, lead: str = "") -> Reply:
    return Reply(body=STORY.format(title=title, lead=lead).encode(), headers={"Content-Type": "text/html"})


def _rss(*items: str) -> bytes:
    return ("<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>River Wire</title>{''.join(items)}</channel></rss>").encode()


def _item(guid: str, link: str, content: str = "") -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>Story {guid}</title><guid isPermaLink='false'>{guid}</guid><link>{link}</link>"
            f"<pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>{encoded}</item>")


FEED = _rss(_item("wire-1", "/story/1"), _item("wire-2", "/story/2"))
FALLBACK_TEXT = "<p>Flood waters receded from the lower town on Sunday, the mayor said, and schools reopened.</p>"
PARTLY_BROKEN = _rss(_item("wire-3", "/story/missing", FALLBACK_TEXT), _item("wire-4", "/story/missing-too"))
RSS_HEADERS = {"Content-Type": "application/rss+xml"}


def _etag_feed(seen: Seen) -> Reply:
    if seen.headers.get("if-none-match") == '"w1"':
        return Reply(status=304, headers={"ETag": '"w1"'})
    return Reply(body=FEED, headers={**RSS_HEADERS, "ETag": '"w1"'})


class MemoryStore:
    """The store interface the watcher uses, in memory."""

    def __init__(self) -> None:
        self.analyses: dict[str, Analysis] = {}
        self.keys: dict[str, str] = {}
        self.states: dict[str, dict] = {}

    def add(self, analysis: Analysis) -> bool:
        fresh = analysis.hash not in self.analyses
        self.analyses.setdefault(analysis.hash, analysis)
        return fresh

    def seen(self, key: str) -> bool:
        return key in self.keys

    def mark_seen(self, key: str, source: str) -> None:
        self.keys[key] = source

    def source_state(self, source: str) -> dict | None:
        return self.states.get(source)

    def set_source_state(self, source: str, etag: str | None, last_modified: str | None) -> None:
        self.states[source] = {"etag": etag, "last_modified": last_modified}


@pytest.fixture(scope="module")
def blank_nlp():
    """A tokenizer and sentence splitter only: enough to build Analyses fast."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def page_text():
    return {"lead": "Talks began."}


@pytest.fixture
def server(page_text):
    routes = {
        "/feed.xml": _etag_feed,
        "/plain-feed.xml": Reply(body=FEED, headers=RSS_HEADERS),
        "/partly-broken.xml": Reply(body=PARTLY_BROKEN, headers=RSS_HEADERS),
        "/malformed.xml": Reply(body=b"<rss><channel><<<", headers=RSS_HEADERS),
        "/slow.xml": Reply(delay=3.0, body=FEED, headers=RSS_HEADERS),
        "/story/1": _story("Crossing stays open"),
        "/story/2": _story("Aid reaches villages"),
        "/page.html": lambda seen: _story("Live: river crossing", page_text["lead"]),
    }
    with serve(routes) as running:
        yield running


def _watcher(sources, store, nlp, **options) -> Watcher:
    return Watcher(sources, store, nlp=nlp, allow_private=options.pop("allow_private", True), timeout=0.5, **options)


def test_watcher_ingests_feed_items_then_asks_conditionally(server, blank_nlp):
    store, feed = MemoryStore(), server.url("/feed.xml")
    watcher = _watcher([feed], store, blank_nlp)
    [first] = watcher.poll_once().sources
    assert (first.kind, first.new, first.stored, first.seen, first.error) == ("feed", 2, 2, 0, None)
    assert set(store.keys) == {"wire-1", "wire-2"}
    assert store.states[feed]["etag"] == '"w1"'
    titles = {analysis.article.title for analysis in store.analyses.values()}
    assert titles == {"Crossing stays open", "Aid reaches villages"}
    assert {analysis.article.published for analysis in store.analyses.values()} == {"2024-03-04"}
    [second] = watcher.poll_once().sources
    assert second.not_modified and second.new == 0
    assert server.seen[-1].headers["if-none-match"] == '"w1"'


def test_watcher_remembers_what_it_saw_across_restarts(server, blank_nlp):
    store, feed = MemoryStore(), server.url("/plain-feed.xml")
    _watcher([feed], store, blank_nlp).poll_once()
    [again] = _watcher([feed], store, blank_nlp).poll_once().sources
    assert (again.new, again.seen) == (0, 2)
    assert [seen.path for seen in server.seen].count("/story/1") == 1


def test_watcher_one_bad_source_never_stops_the_others(server, blank_nlp):
    sources = [server.url(path) for path in ("/malformed.xml", "/slow.xml", "/nothing-here", "/plain-feed.xml")]
    store, reports, sleeps = MemoryStore(), [], []
    polls = _watcher(sources, store, blank_nlp).run(60, max_polls=2, sleep=sleeps.append, on_report=reports.append)
    assert polls == 2 and len(sleeps) == 1 and 0 < sleeps[0] <= 60
    first, second = reports
    malformed, slow, missing, good = first.sources
    assert malformed.error.startswith("[E121]") and sources[0] in malformed.error
    assert slow.error.startswith("[E114]") and sources[1] in slow.error
    assert missing.error.startswith("[E119]") and sources[2] in missing.error
    assert (good.error, good.new) == (None, 2)
    assert [report.error is not None for report in second.sources] == [True, True, True, False]
    assert second.sources[3].seen == 2 and not first.ok


def test_watcher_refuses_loopback_unless_allowed(server, blank_nlp):
    [report] = _watcher([server.url("/feed.xml")], MemoryStore(), blank_nlp, allow_private=False).poll_once().sources
    assert report.error.startswith("[E113]")
    assert server.seen == []


def test_watcher_falls_back_to_feed_content_and_retries_failed_items(server, blank_nlp):
    store, feed = MemoryStore(), server.url("/partly-broken.xml")
    watcher = _watcher([feed], store, blank_nlp)
    [first] = watcher.poll_once().sources
    assert (first.new, len(first.failed)) == (1, 1)
    assert "[E119]" in first.failed[0] and server.url("/story/missing-too") in first.failed[0]
    [analysis] = store.analyses.values()
    assert "schools reopened" in analysis.text
    assert analysis.article.cleanup[0].startswith("feed: text from the feed item (the page failed: [E119]")
    assert feed not in store.states  # validators kept back so the failed item is asked for again
    [second] = watcher.poll_once().sources
    assert (second.new, second.seen, len(second.failed)) == (0, 1, 1)


def test_watcher_page_is_new_when_its_text_changes(server, blank_nlp, page_text):
    store, page = MemoryStore(), server.url("/page.html")
    watcher = _watcher([page], store, blank_nlp)
    counts = []
    for lead in ("Talks began.", "Talks began.", "Talks ended without a deal."):
        page_text["lead"] = lead
        [report] = watcher.poll_once().sources
        counts.append((report.kind, report.new, report.seen))
    assert counts == [("page", 1, 0), ("page", 0, 1), ("page", 1, 0)]
    assert len(store.analyses) == 2


@pytest.mark.parametrize(("value", "seconds"), [("90s", 90), ("15m", 900), ("2h", 7200), ("1.5h", 5400),
                                                (" 10M ", 600)])
def test_parse_interval_reads_units(value, seconds):
    assert parse_interval(value) == seconds


@pytest.mark.parametrize("value", ["15", "0m", "m", "15 minutes", "-5m", "1d", ""])
def test_parse_interval_refuses_anything_else(value):
    with pytest.raises(InputError) as caught:
        parse_interval(value)
    assert caught.value.code == "E124"


def test_run_refuses_a_zero_interval(blank_nlp):
    with pytest.raises(InputError):
        Watcher([], MemoryStore(), nlp=blank_nlp).run(0, max_polls=1)


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (SourceReport("u", error="[E119] u: the server answered HTTP 404"), "u: error: [E119] u: the server answered HTTP 404"),
        (SourceReport("u", not_modified=True), "u: not modified"),
        (SourceReport("u", kind="feed", new=2, stored=1, seen=5), "u: feed, 2 new (1 stored), 5 seen"),
        (SourceReport("u", kind="feed", new=1, stored=1, failed=["[E119] a", "[E114] b"]),
         "u: feed, 1 new (1 stored), 0 seen, 2 failed: [E119] a (and 1 more)"),
    ],
)
def test_source_report_line(report, line):
    assert report.line() == line


def test_page_key_changes_with_the_text():
    assert page_key("https://a.example/live", "one") != page_key("https://a.example/live", "two")
    assert page_key("https://a.example/live", "one").startswith("https://a.example/live#text-")


@needs_store_api
def test_watcher_with_the_real_store_remembers_across_restarts(server, blank_nlp, tmp_path):
    db, feed = tmp_path / "watch.db", server.url("/feed.xml")
    with Store.open(db) as store:
        [first] = _watcher([feed], store, blank_nlp).poll_once().sources
        assert (first.new, first.stored) == (2, 2)
    with Store.open(db) as store:
        assert store.seen("wire-1") and store.source_state(feed)["etag"] == '"w1"'
        [again] = _watcher([feed], store, blank_nlp).poll_once().sources
        assert again.not_modified


@pytest.mark.slow
@needs_store_api
def test_watch_command_polls_and_prints_one_line_per_source(server, nlp, tmp_path):
    app = typer.Typer()
    app.command("watch")(watch_command)
    app.command("noop")(lambda: None)  # with two commands typer keeps `watch` as a subcommand
    result = CliRunner().invoke(app, ["watch", server.url("/plain-feed.xml"), server.url("/malformed.xml"),
                                      "--every", "1s", "--max-polls", "2", "--allow-private",
                                      "--db", str(tmp_path / "w.db")])
    lines = [line for line in result.output.splitlines() if line.startswith("[poll")]
    assert len(lines) == 4
    assert "feed, 2 new (2 stored), 0 seen" in lines[0] and "[E121]" in lines[1]
    assert "feed, 0 new (0 stored), 2 seen" in lines[2]
    assert result.exit_code == 1
