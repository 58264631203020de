"""Feeds: RSS and Atom read from a real server on 127.0.0.1, and feedparser entries mapped to items."""

from __future__ import annotations

import time

import pytest

from sitrep.errors import InputError
from sitrep.intake.feed import entry_day, feed_item, looks_like_feed, parse_feed, read_feed
from sitrep.testing.httpserver import Reply, Seen, serve

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Herald: World</title>
  <link>https://herald.example/</link>
  <item>
    <title>Ceasefire talks resume in Lakeport</title>
    <link>/world/ceasefire-talks</link>
    <guid isPermaLink="false">herald-2024-0305-17</guid>
    <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
    <description>Negotiators return after a week of shelling.</description>
    <content:encoded><![CDATA[<p>Negotiators returned to Lakeport on Tuesday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Aid convoy reaches the valley</title>
    <link>https://herald.example/world/aid-convoy</link>
    <pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
  </item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Border Monitor</title>
  <id>urn:uuid:border-monitor</id>
  <updated>2024-03-06T09:00:00+02:00</updated>
  <entry>
    <title>Patrols double along the river</title>
    <id>urn:uuid:patrols-double</id>
    <link href="https://monitor.example/patrols"/>
    <updated>2024-03-06T01:15:00+02:00</updated>
    <summary>Both sides added patrols overnight.</summary>
  </entry>
</feed>"""

# An unescaped ampersand: not well-formed XML, but feedparser's lenient parser recovers the entry.
SLOPPY = b"""<rss version="2.0"><channel><title>Wire & Co</title>
<item><title>Shelling & evacuations</title><link>https://wire.example/1</link></item>
</channel></rss>"""

MALFORMED = b"<rss version='2.0'><channel><<<title>broken</title"
HTML_PAGE = b"<html><head><title>Not a feed</title></head><body><p>Hello.</p></body></html>"
FEED_HEADERS = {"Content-Type": "application/rss+xml"}


def _conditional_feed(seen: Seen) -> Reply:
    if seen.headers.get("if-none-match") == '"feed-3"':
        return Reply(status=304, headers={"ETag": '"feed-3"'})
    return Reply(body=RSS, headers={**FEED_HEADERS, "ETag": '"feed-3"', "Last-Modified": "Wed, 06 Mar 2024 05:00:00 GMT"})


def _external_entity(base: str) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "{base}/secret">]>'
            '<rss version="2.0"><channel><title>&ext;</title><item><title>One</title>'
            '<link>https://wire.example/one</link></item></channel></rss>').encode()


@pytest.fixture(scope="module")
def server():
    routes = {
        "/rss.xml": _conditional_feed,
        "/atom.xml": Reply(body=ATOM, headers={"Content-Type": "application/atom+xml"}),
        "/sloppy.xml": Reply(body=SLOPPY, headers=FEED_HEADERS),
        "/malformed.xml": Reply(body=MALFORMED, headers=FEED_HEADERS),
        "/page.html": Reply(body=HTML_PAGE, headers={"Content-Type": "text/html"}),
        "/picture": Reply(body=b"GIF89a", headers={"Content-Type": "image/gif"}),
        "/secret": Reply(body=b"should never be fetched", headers={"Content-Type": "text/plain"}),
    }
    with serve(routes) as running:
        running.routes = routes
        yield running


def test_read_feed_rss_items_with_resolved_links_and_local_days(server):
    result = read_feed(server.url("/rss.xml"), allow_private=True)
    assert result.title == "Harbour Herald: World"
    first, second = result.items
    assert first.id == "herald-2024-0305-17"
    assert first.link == server.url("/world/ceasefire-talks")
    assert first.published == "2024-03-05"  # the publisher's day, not UTC's 03-06
    assert first.summary == "Negotiators return after a week of shelling."
    assert first.content == "<p>Negotiators returned to Lakeport on Tuesday.</p>"
    assert second.id == second.link == "https://herald.example/world/aid-convoy"
    assert (second.published, second.content) == ("2024-03-04", None)
    assert (result.etag, result.last_modified) == ('"feed-3"', "Wed, 06 Mar 2024 05:00:00 GMT")


def test_read_feed_atom_entry(server):
    result = read_feed(server.url("/atom.xml"), allow_private=True)
    [item] = result.items
    assert (item.id, item.link, item.title) == ("urn:uuid:patrols-double", "https://monitor.example/patrols",
                                                 "Patrols double along the river")
    assert item.published == "2024-03-06"
    assert item.summary == "Both sides added patrols overnight."


def test_read_feed_conditional_get_gives_no_items(server):
    result = read_feed(server.url("/rss.xml"), etag='"feed-3"', allow_private=True)
    assert result.not_modified and result.items == []
    assert result.etag == '"feed-3"'


def test_read_feed_keeps_entries_of_a_sloppy_feed(server):
    result = read_feed(server.url("/sloppy.xml"), allow_private=True)
    assert [item.title for item in result.items] == ["Shelling & evacuations"]


@pytest.mark.parametrize(("path", "code"), [("/malformed.xml", "E121"), ("/page.html", "E121"),
                                            ("/picture", "E118"), ("/missing.xml", "E119")])
def test_read_feed_errors_name_the_url(server, path, code):
    with pytest.raises(InputError) as caught:
        read_feed(server.url(path), allow_private=True)
    assert caught.value.code == code
    assert server.url(path) in str(caught.value)


def test_read_feed_refuses_loopback_without_allow_private(server):
    with pytest.raises(InputError) as caught:
        read_feed(server.url("/rss.xml"))
    assert caught.value.code == "E113"


def test_parse_feed_never_fetches_external_entities(server):
    result = parse_feed(_external_entity(server.base), url="https://wire.example/feed")
    assert [item.link for item in result.items] == ["https://wire.example/one"]
    assert all(seen.path != "/secret" for seen in server.seen)


def test_parse_feed_counts_entries_without_id_or_link():
    data = b"<rss version='2.0'><channel><item><title>No way to find me</title></item></channel></rss>"
    result = parse_feed(data, url="https://wire.example/feed")
    assert (result.items, result.dropped) == ([], 1)


def test_parse_feed_accepts_an_empty_wellformed_feed():
    result = parse_feed(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", url="https://q.example/")
    assert (result.items, result.title) == ([], "Quiet")


@pytest.mark.parametrize(
    ("entry", "day"),
    [
        ({"published": "Tue, 05 Mar 2024 23:30:00 -0500"}, "2024-03-05"),
        ({"published": "2024-03-06T01:15:00+02:00"}, "2024-03-06"),
        ({"updated": "2023-12-31T23:59:59Z"}, "2023-12-31"),
        ({"published": "sometime soon", "published_parsed": time.strptime("2024-01-02", "%Y-%m-%d")}, "2024-01-02"),
        ({"published": "sometime soon"}, None),
        ({}, None),
    ],
)
def test_entry_day_keeps_the_writers_calendar_day(entry, day):
    assert entry_day(entry) == day


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"id": "g1", "link": "https://a.example/1", "title": " T "}, ("g1", "https://a.example/1", "T")),
        ({"link": "https://a.example/2"}, ("https://a.example/2", "https://a.example/2", None)),
        ({"id": "  ", "link": "https://a.example/3"}, ("https://a.example/3", "https://a.example/3", None)),
    ],
)
def test_feed_item_id_falls_back_to_the_link(entry, expected):
    item = feed_item(entry)
    assert (item.id, item.link, item.title) == expected


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        (RSS, "text/html", True),
        (ATOM, None, True),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'></rdf:RDF>", "application/xml", True),
        (b"garbage", "application/rss+xml", True),
        (HTML_PAGE, "text/html", False),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'></html>", "application/xml", False),
    ],
)
def test_looks_like_feed_sniffs_before_trusting_the_label(content, content_type, expected):
    assert looks_like_feed(content, content_type) is expected
