"""WARC crawls (Common Crawl's CC-NEWS layout) through warcio: one Article per HTML response.

CC-NEWS files are WARC/1.0, gzip-compressed record by record, with `response` records that
hold the HTTP status line and headers before the page. We read every successful (2xx)
`response` record whose HTTP Content-Type is HTML and name it by its `WARC-Target-URI`;
requests, metadata, redirects and non-HTML payloads are not articles and are passed over.
A record whose page cannot be read yields its error in place and the walk goes on; a record
cut short (a partial download) gives an Article flagged truncated. A file that is not a WARC,
or whose compression breaks off, yields one error for the file and ends the walk. The crawl
date (`WARC-Date`) is not taken as the publication date: crawlers fetch pages days later.

Docs: docs/feeds.md
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.recordloader import ArcWarcRecord

from sitrep.errors import InputError
from sitrep.intake.core import DEFAULT_MAX_BYTES, GZIP_MAGIC, read_article
from sitrep.intake.http import HTML_TYPES, decode_body, media_type
from sitrep.model import Article

WARC_MAGIC = b"WARC/"
TAIL_BYTES = 64
_T = TypeVar("_T")
_BROKEN_PAYLOAD = (ChunkedDataException, zlib.error, EOFError, OSError, ValueError)


def _check_head(path: Path) -> None:
    """Refuse a file that does not open with a WARC record (plain or gzip-compressed)."""
    with path.open("rb") as stream:
        head = stream.read(len(WARC_MAGIC))
    if head.startswith(GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as stream:
                head = stream.read(len(WARC_MAGIC))
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError("E122", name=str(path), reason=f"broken gzip data: {exc}") from None
    if head != WARC_MAGIC:
        raise InputError("E122", name=str(path), reason="it does not start with a WARC record")


def _is_html_response(record: ArcWarcRecord) -> bool:
    """A successful HTTP response carrying an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2") and media_type(record.http_headers.get_header("Content-Type")) in HTML_TYPES


def _missing(record: ArcWarcRecord) -> int:
    """Bytes the record's Content-Length promised but the file lacks (once the record is read)."""
    return getattr(record.raw_stream, "limit", 0)


def _record_article(record: ArcWarcRecord, uri: str, max_bytes: int) -> Article:
    """Read one record's page (at most `max_bytes` + 1 bytes) into an Article named by its URI."""
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except _BROKEN_PAYLOAD as exc:
        raise InputError("E123", name=uri, reason=str(exc) or type(exc).__name__) from None
    body = decode_body(payload, record.http_headers.get_header("Content-Type"))
    missing = _missing(record) if len(payload) <= max_bytes else 0  # an oversized page was left unread
    try:
        article = read_article(body, name=uri, fmt="html", url=uri, max_bytes=max_bytes)
    except InputError:
        if not missing:
            raise
        raise InputError("E123", name=uri, reason=f"the record is cut short, {missing} bytes missing") from None
    if not missing:
        return article
    note = f"warc: the record is cut short ({missing} bytes missing)"
    return article.model_copy(update={"truncated": True, "cleanup": [*article.cleanup, note]})


def _guarded(step: Callable[[], _T], path: Path) -> _T:
    """Run one step of warcio's reader; E122 when the archive breaks off."""
    try:
        return step()
    except Exception as exc:  # noqa: BLE001 - warcio fails on broken archives in many ways (even AttributeError)
        raise InputError("E122", name=str(path), reason=f"{type(exc).__name__}: {exc}") from None


def _check_tail(stream: BinaryIO, end: int, path: Path) -> None:
    """After the last record only blank lines may follow; anything else is a record cut off.

    warcio stops quietly at a gzip member cut short, which would lose its record unseen.
    """
    stream.seek(end)
    tail = stream.read(TAIL_BYTES)
    if tail.strip(b"\r\n"):
        raise InputError("E122", name=str(path), reason=f"it breaks off inside a record after byte {end}")


def _uri(record: ArcWarcRecord, path: Path) -> str:
    """The record's WARC-Target-URI (its record id within the file when it has none)."""
    headers = record.rec_headers
    return headers.get_header("WARC-Target-URI") or f"{path}#{headers.get_header('WARC-Record-ID')}"


def _records(path: Path, max_bytes: int) -> Iterator[tuple[str, Article | InputError]]:
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        records = iter(archive)
        end = 0
        while (record := _guarded(lambda: next(records, None), path)) is not None:
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():  # every record has one
                raise InputError("E122", name=str(path), reason=f"it breaks off inside a record after byte {end}")
            article = _is_html_response(record)
            if article:
                uri = _uri(record, path)
                try:
                    yield uri, _record_article(record, uri, max_bytes)
                except InputError as error:
                    yield uri, error
            end = _guarded(lambda: archive.get_record_offset() + archive.get_record_length(), path)
            if not article and _missing(record):
                raise InputError("E122", name=str(path), reason=f"it breaks off inside a record at byte {end}")
        _check_tail(stream, end, path)


def iter_warc(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[str, Article | InputError]]:
    """Walk a WARC file (plain or gzip per record) and yield its HTML responses as Articles.

    Args:
        path: The .warc or .warc.gz file.
        max_bytes: Largest page accepted; a bigger one yields E104 in its place.

    Yields:
        (WARC-Target-URI, Article or InputError) per HTML response, in file order; an
        unreadable file yields (path, InputError) once: E107 cannot open, E122 not a WARC
        or broken off. Items read before a break are kept.

    Docs: docs/feeds.md
    """
    path = Path(path)
    try:
        _check_head(path)
        yield from _records(path, max_bytes)
    except InputError as error:
        yield str(path), error
    except OSError as exc:
        yield str(path), InputError("E107", name=str(path), reason=(exc.strerror or str(exc)).lower())
