"""The guarded HTTP client against a real server on 127.0.0.1 (and pure checks of its guard)."""

from __future__ import annotations

import time

import pytest

from sitrep.errors import InputError
from sitrep.intake import http
from sitrep.intake.http import address_kind, charset, decode_body, fetch, media_type
from sitrep.testing.httpserver import Reply, Seen, serve

PAGE = b"<html><head><title>Dam talks</title></head><body><p>Engineers met on Monday.</p></body></html>"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _conditional(seen: Seen) -> Reply:
    """An ETag-aware page: 304 when the client already has version 7."""
    if seen.headers.get("if-none-match") == '"v7"':
        return Reply(status=304, headers={"ETag": '"v7"'})
    return Reply(body=PAGE, headers={**HTML, "ETag": '"v7"', "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"})


ROUTES = {
    "/page": Reply(body=PAGE, headers=HTML),
    "/moved": Reply(status=301, headers={"Location": "/page"}),
    "/hop1": Reply(status=302, headers={"Location": "/hop2"}),
    "/hop2": Reply(status=302, headers={"Location": "/hop3"}),
    "/hop3": Reply(status=302, headers={"Location": "/page"}),
    "/loop-a": Reply(status=302, headers={"Location": "/loop-b"}),
    "/loop-b": Reply(status=302, headers={"Location": "/loop-a"}),
    "/nowhere": Reply(status=302),
    "/slow": Reply(delay=5.0, body=PAGE, headers=HTML),
    "/trickle": Reply(body=b"<p>", repeat=40, pause=0.1, headers=HTML),
    "/huge": Reply(body=b"<p>filler</p>" * 5000, repeat=40, headers=HTML),
    "/huge-unsized": Reply(body=b"<p>filler</p>" * 5000, repeat=40, length=False, headers=HTML),
    "/image": Reply(body=b"GIF89a", headers={"Content-Type": "image/gif"}),
    "/gone": Reply(status=410, body=b"gone"),
    "/broken": Reply(status=500, body=b"oops"),
    "/cached": _conditional,
}


@pytest.fixture(scope="module")
def server():
    with serve(ROUTES) as running:
        yield running


def test_fetch_returns_body_type_and_validators(server):
    response = fetch(server.url("/cached"), allow_private=True)
    assert (response.status, response.content, response.media_type) == (200, PAGE, "text/html")
    assert (response.etag, response.last_modified) == ('"v7"', "Tue, 05 Mar 2024 10:00:00 GMT")
    assert response.url == server.url("/cached") and not response.not_modified


@pytest.mark.parametrize("path", ["/moved", "/hop1"])
def test_fetch_follows_redirects_to_the_final_url(server, path):
    response = fetch(server.url(path), allow_private=True)
    assert response.url == server.url("/page")
    assert response.content == PAGE


@pytest.mark.parametrize(
    ("path", "options", "code", "words"),
    [
        ("/slow", {"timeout": 0.3}, "E114", "read timeout"),
        ("/huge", {"max_bytes": 100_000}, "E115", "100000 bytes"),
        ("/huge-unsized", {"max_bytes": 100_000}, "E115", "100000 bytes"),
        ("/loop-a", {}, "E117", "redirect loop"),
        ("/hop1", {"max_redirects": 2}, "E116", "more than 2 redirects"),
        ("/nowhere", {}, "E119", "without a Location"),
        ("/image", {}, "E118", "'image/gif'"),
        ("/gone", {}, "E119", "HTTP 410"),
        ("/broken", {}, "E119", "HTTP 500"),
        ("/page", {"allowed_types": ("application/rss+xml",)}, "E118", "'text/html'"),
    ],
)
def test_fetch_failures_are_coded_and_name_the_url(server, path, options, code, words):
    with pytest.raises(InputError) as caught:
        fetch(server.url(path), allow_private=True, **options)
    assert caught.value.code == code
    assert server.url(path) in str(caught.value)
    assert words in str(caught.value)


def test_fetch_deadline_stops_a_trickling_server(server):
    began = time.monotonic()
    with pytest.raises(InputError) as caught:
        fetch(server.url("/trickle"), timeout=0.3, allow_private=True)
    assert caught.value.code == "E114" and "the whole fetch" in str(caught.value)
    assert time.monotonic() - began < 2.0


def test_fetch_conditional_get_gives_not_modified(server):
    response = fetch(server.url("/cached"), etag='"v7"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT",
                     allow_private=True)
    assert response.not_modified and response.status == 304 and response.content == b""
    assert (response.etag, response.last_modified) == ('"v7"', "Tue, 05 Mar 2024 10:00:00 GMT")
    sent = server.seen[-1].headers
    assert sent["if-none-match"] == '"v7"'
    assert sent["if-modified-since"] == "Tue, 05 Mar 2024 10:00:00 GMT"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_fetch_refuses_loopback_unless_allowed(server, host):
    port = server.base.rsplit(":", 1)[1]
    before = len(server.seen)
    with pytest.raises(InputError) as caught:
        fetch(f"http://{host}:{port}/page")
    assert caught.value.code == "E113"
    assert "loopback" in str(caught.value) and f"{host}:{port}/page" in str(caught.value)
    assert len(server.seen) == before  # refused before connecting


def test_fetch_pins_the_checked_address_and_checks_every_hop(monkeypatch):
    """A 'public' name (faked to resolve to 127.0.0.1) redirecting to a name with a loopback address."""
    names = {"news.test": ["127.0.0.1"], "intranet.test": ["127.0.0.1", "::1"]}
    monkeypatch.setattr(http, "_resolve", lambda host, port: names[host])
    monkeypatch.setattr(http, "address_kind", lambda address: "loopback" if address == "::1" else None)
    with serve({"/jump": Reply(status=302, headers={"Location": "http://intranet.test/page"})}) as local:
        port = local.base.rsplit(":", 1)[1]
        with pytest.raises(InputError) as caught:
            fetch(f"http://news.test:{port}/jump")
    assert caught.value.code == "E113" and "http://intranet.test/page" in str(caught.value)
    assert [seen.path for seen in local.seen] == ["/jump"]
    assert local.seen[0].headers["host"] == f"news.test:{port}"


@pytest.mark.parametrize("url", ["ftp://files.example/a.html", "file:///etc/passwd", "http:///nohost", "news"])
def test_fetch_refuses_urls_that_are_not_http(url):
    with pytest.raises(InputError) as caught:
        fetch(url)
    assert caught.value.code == "E111"


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"), ("10.0.0.5", "private"), ("172.16.3.4", "private"),
        ("192.168.1.1", "private"), ("fd12:3456::1", "private"), ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"), ("93.184.216.34", None), ("2606:4700:4700::1111", None),
    ],
)
def test_address_kind_names_every_refused_range(address, kind):
    assert address_kind(address) == kind


@pytest.mark.parametrize(
    ("header", "kind", "codec"),
    [
        ("text/html; charset=ISO-8859-1", "text/html", "iso8859-1"),
        ('Text/HTML; Charset="utf-8"', "text/html", "utf-8"),
        ("application/rss+xml", "application/rss+xml", None),
        ("text/html; charset=no-such-codec", "text/html", None),
        (None, None, None),
    ],
)
def test_media_type_and_charset_read_the_header(header, kind, codec):
    assert media_type(header) == kind
    assert charset(header) == codec


@pytest.mark.parametrize(
    ("content", "header", "expected"),
    [
        ("Café".encode("latin-1"), "text/html; charset=iso-8859-1", "Café"),
        ("Café".encode(), "text/html; charset=utf-8", "Café"),
        ("Café".encode("latin-1"), "text/html; charset=utf-8", "Café".encode("latin-1")),  # header lies: bytes
        (b"plain", "text/html", b"plain"),
    ],
)
def test_decode_body_trusts_the_header_only_when_it_decodes(content, header, expected):
    assert decode_body(content, header) == expected
