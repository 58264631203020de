"""One page by URL: fetched from a real server on 127.0.0.1, then read by the HTML path."""

from __future__ import annotations

import pytest

from sitrep.errors import InputError
from sitrep.intake.http import Response
from sitrep.intake.url import article_from_response, read_url
from sitrep.testing.httpserver import Reply, serve

ARTICLE = """<html><head><title>Bridge reopens after repairs | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Ines Brandt">
<meta property="article:published_time" content="2024-02-11T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Bridge reopens after repairs</h1>
<p>The river bridge at Kestrel Ford reopened on Saturday after three months of repairs, the regional
transport office said.</p>
<p>Engineers replaced two spans damaged by floods in November, and trucks carrying food to the
upper valley crossed within the hour.</p>
<p>Café owners on both banks said trade had halved while the crossing was closed.</p>
</article><footer>© Valley Courier</footer></body></html>"""


@pytest.fixture(scope="module")
def server():
    routes = {
        "/bridge": Reply(body=ARTICLE.encode("latin-1"), headers={"Content-Type": "text/html; charset=iso-8859-1"}),
        "/old-bridge": Reply(status=301, headers={"Location": "/bridge"}),
        "/feed": Reply(body=b"<rss version='2.0'></rss>", headers={"Content-Type": "application/rss+xml"}),
        "/blank": Reply(body=b"<html><body></body></html>", headers={"Content-Type": "text/html"}),
    }
    with serve(routes) as running:
        yield running


def test_read_url_extracts_the_article_at_the_final_url(server):
    article = read_url(server.url("/old-bridge"), allow_private=True)
    assert article.id == article.url == server.url("/bridge")
    assert article.title == "Bridge reopens after repairs"
    assert article.publisher == "Valley Courier"
    assert article.published == "2024-02-11"
    assert "Café owners" in article.text  # the header's charset decoded the page
    assert "Sport" not in article.text and article.format == "html"


def test_read_url_values_from_elsewhere_win(server):
    article = read_url(server.url("/bridge"), published="2024-02-10", title="Kestrel Ford bridge open",
                       publisher="Feed Name", allow_private=True)
    assert (article.published, article.title, article.publisher) == ("2024-02-10", "Kestrel Ford bridge open",
                                                                     "Feed Name")


@pytest.mark.parametrize(("path", "code"), [("/feed", "E118"), ("/blank", "E108"), ("/none", "E119")])
def test_read_url_errors_name_the_url(server, path, code):
    with pytest.raises(InputError) as caught:
        read_url(server.url(path), allow_private=True)
    assert caught.value.code == code
    assert server.url(path) in str(caught.value)


def test_read_url_refuses_loopback_without_allow_private(server):
    with pytest.raises(InputError) as caught:
        read_url(server.url("/bridge"))
    assert caught.value.code == "E113"


def test_article_from_response_reads_bytes_without_a_charset():
    response = Response(url="https://courier.example/b", status=200, content=ARTICLE.encode("utf-8"),
                        content_type="text/html", etag=None, last_modified=None)
    article = article_from_response(response)
    assert article.url == "https://courier.example/b" and "Café owners" in article.text
