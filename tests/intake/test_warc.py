"""WARC files in the CC-NEWS layout, written in each test with warcio's WARCWriter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.intake.warc import iter_warc

STORY = ("<html><head><title>{title}</title></head><body><article>"
         "<p>Officials in the coastal province said the ferry service resumed on Thursday after storms.</p>"
         "<p>Harbour workers cleared debris overnight, and the first crossing left at dawn with {extra}.</p>"
         "</article></body></html>")


def _page(title: str, extra: str = "forty passengers") -> bytes:
    return STORY.format(title=title, extra=extra).encode("utf-8")


def _response(writer: WARCWriter, uri: str, payload: bytes, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))


def _crawl(path: Path, *, gzip: bool = True) -> Path:
    """A small crawl: two stories plus the records a crawler also writes and we pass over."""
    _write_crawl(path, gzip=gzip)
    return path


def _write_crawl(path: Path, *, gzip: bool) -> int:
    """Write the crawl; returns the offset where its last record starts."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip, warc_version="WARC/1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sitrep tests"}))
        request = StatusAndHeaders("GET /ferry HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example/ferry", "request",
                                                      payload=io.BytesIO(b""), http_headers=request))
        _response(writer, "https://news.example/ferry", _page("Ferry service resumes"))
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        _response(writer, "https://news.example/old", b"", status="301 Moved Permanently")
        _response(writer, "https://news.example/empty", b"<html><body></body></html>")
        last = out.tell()
        _response(writer, "https://news.example/caf%C3%A9", _page("Café reopens").decode().encode("latin-1"),
                  content_type="text/html; charset=iso-8859-1")
    return last


@pytest.mark.parametrize("gzip", [True, False])
def test_iter_warc_yields_html_responses_by_target_uri(tmp_path, gzip):
    items = list(iter_warc(_crawl(tmp_path / ("c.warc.gz" if gzip else "c.warc"), gzip=gzip)))
    assert [name for name, _ in items] == ["https://news.example/ferry", "https://news.example/empty",
                                          "https://news.example/caf%C3%A9"]
    ferry, empty, cafe = (item for _, item in items)
    assert (ferry.title, ferry.url, ferry.published, ferry.truncated) == (
        "Ferry service resumes", "https://news.example/ferry", None, False)
    assert "first crossing left at dawn" in ferry.text
    assert empty.code == "E108" and "https://news.example/empty" in str(empty)
    assert cafe.title == "Café reopens"  # decoded by the HTTP header's charset


def test_iter_warc_page_over_the_limit_fails_in_place(tmp_path):
    items = list(iter_warc(_crawl(tmp_path / "c.warc.gz"), max_bytes=100))
    assert [item.code for _, item in items] == ["E104", "E108", "E104"]


def test_iter_warc_cut_off_plain_record_is_flagged_truncated(tmp_path):
    path = tmp_path / "one.warc"
    with path.open("wb") as out:
        _response(WARCWriter(out, gzip=False), "https://news.example/long", _page("Long read", "x " * 400))
    path.write_bytes(path.read_bytes()[:-600])
    [(name, article)] = list(iter_warc(path))
    assert name == "https://news.example/long"
    assert article.truncated and any("cut short" in note for note in article.cleanup)


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("into_last_record", [15, 60, 200])
def test_iter_warc_file_broken_off_keeps_what_was_read(tmp_path, gzip, into_last_record):
    path = tmp_path / "c.warc"
    last = _write_crawl(path, gzip=gzip)
    path.write_bytes(path.read_bytes()[: last + into_last_record])
    items = list(iter_warc(path))
    assert [name for name, _ in items[:2]] == ["https://news.example/ferry", "https://news.example/empty"]
    name, error = items[-1]
    assert len(items) == 3 and error.code in ("E122", "E123")
    assert name in (str(path), "https://news.example/caf%C3%A9")


@pytest.mark.parametrize(
    "content",
    [b"this is a plain text file\n" * 5, b"\x1f\x8b\x08\x00garbage", b"<html><body>a page</body></html>"],
)
def test_iter_warc_refuses_a_file_that_is_not_a_warc(tmp_path, content):
    path = tmp_path / "x.warc.gz"
    path.write_bytes(content)
    [(name, error)] = list(iter_warc(path))
    assert name == str(path) and error.code == "E122" and str(path) in str(error)


def test_iter_warc_missing_file_gives_e107(tmp_path):
    [(name, error)] = list(iter_warc(tmp_path / "absent.warc.gz"))
    assert error.code == "E107" and "absent.warc.gz" in name
