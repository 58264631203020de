"""Format detection and dispatch: inputs in, `Article`s out.

`read_article` turns one document (plain text or HTML) into an Article. `iter_inputs` walks
files, directories and standard input, splits JSONL files into records, and yields every bad
input as an `InputError` in its place so a batch never stops on one file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import MESSAGES, InputError
from sitrep.intake.cleanup import SUBTITLE_MAX_CHARS, Cleaned, clean_text
from sitrep.intake.html import HtmlPage, extract_html
from sitrep.intake.text import decode_bytes, looks_binary, repair_mojibake
from sitrep.model import Article

_LOG = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("text", "html", "jsonl")
DOCUMENT_FORMATS: tuple[str, ...] = ("text", "html")

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest single document (or JSONL line) read; bigger inputs fail fast with E104."""

MAX_UNBROKEN_LINE = 100_000
"""A plain-text line this long without a sentence break is not article text (E110)."""

HTML_SNIFF_CHARS = 4096
TEASER_PREFIX_CHARS = 60
"""A description whose first characters open the body is a teaser, not a subtitle."""
STDIN = "-"
STDIN_NAME = "<stdin>"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
GZIP_MAGIC = b"\x1f\x8b"

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h1|header)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
_SENTENCE_BREAK = re.compile(r"[.!?。][\s\"”’)]")


def check_format(fmt: str | None, known: tuple[str, ...] = FORMATS) -> str | None:
    """Return `fmt` when it is one of `known` (or None); raise E101 otherwise."""
    if fmt is not None and fmt not in known:
        raise InputError("E101", fmt=fmt, known=", ".join(known))
    return fmt


def normalize_date(value: object, *, name: str) -> str | None:
    """Accept YYYY-MM-DD (optionally followed by a time) and return the day; E109 otherwise."""
    if value is None:
        return None
    found = _ISO_DAY.fullmatch(value.strip()) if isinstance(value, str) else None
    if found:
        try:
            return dt.date.fromisoformat(found.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError("E109", name=name, value=value)


def _suffix(name: str) -> str:
    """The format-telling suffix of a name, looking through a trailing .gz."""
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def detect_format(text: str, name: str) -> str:
    """Tell HTML from plain text by the start of the content, then by the file suffix."""
    head = text[:HTML_SNIFF_CHARS]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return "html"
    return "html" if _suffix(name) in HTML_SUFFIXES and "<" in head else "text"


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError("E104", name=name, size=size, limit=max_bytes)


def _check_unbroken(text: str, name: str) -> None:
    """Reject plain text holding an endless line without sentences (a blob, not an article)."""
    if len(text) <= MAX_UNBROKEN_LINE:
        return
    for line in text.split("\n"):
        if len(line) > MAX_UNBROKEN_LINE and not _SENTENCE_BREAK.search(line):
            raise InputError("E110", name=name, size=len(line))


def _standfirst(description: str | None, body: str) -> str | None:
    """A page description serves as subtitle unless it is long or merely opens the body."""
    if not description or len(description) > SUBTITLE_MAX_CHARS:
        return None
    return None if body.startswith(description[:TEASER_PREFIX_CHARS]) else description


def _from_html(text: str, name: str, url: str | None, title: str | None) -> tuple[Cleaned, HtmlPage]:
    page = extract_html(text, name=name, url=url)
    body, notes = repair_mojibake(page.text)
    subtitle = _standfirst(page.description, body)
    cleaned = clean_text(body, guess_headlines=False, title=title or page.title, subtitle=subtitle)
    cleaned.notes[:0] = page.notes + notes
    cleaned.title = page.title
    cleaned.subtitle = subtitle
    cleaned.authors = page.authors
    return cleaned, page


def _from_text(text: str, title: str | None) -> Cleaned:
    repaired, notes = repair_mojibake(text)
    cleaned = clean_text(repaired, guess_headlines=True, title=title)
    cleaned.notes[:0] = notes
    return cleaned


def read_article(
    data: bytes | str,
    *,
    name: str,
    published: str | None = None,
    fmt: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Turn one document (plain text or HTML) into a clean Article.

    Values the caller gives (published, url, publisher, title) win over what intake finds.

    Args:
        data: The document's bytes (any encoding) or text.
        name: The input's name: used as the Article id and in error messages.
        published: Publication date, YYYY-MM-DD.
        fmt: "text" or "html"; detected from the content and name when None.
        url: Where the document came from.
        publisher: The outlet's name.
        title: The headline.
        max_bytes: Largest document accepted.

    Returns:
        The Article, with `cleanup` listing every repair made.

    Raises:
        InputError: E101 unknown format, E102 empty, E103 binary, E104 too large, E108 no text in
            the HTML, E109 bad date, E110 one endless line.

    Docs: docs/intake.md
    """
    check_format(fmt, DOCUMENT_FORMATS)
    _check_size(len(data), name, max_bytes)
    day = normalize_date(published, name=name)
    text, notes = decode_bytes(data, name=name) if isinstance(data, bytes) else (data, [])
    if looks_binary(text):
        raise InputError("E103", name=name)
    fmt = fmt or detect_format(text, name)
    page = HtmlPage(text="")
    if fmt == "html":
        cleaned, page = _from_html(text, name, url, title)
    else:
        _check_unbroken(text, name)
        cleaned = _from_text(text, title)
    if not cleaned.text.strip():
        raise InputError("E102", name=name)
    if cleaned.truncation_marker:
        _LOG.warning("[W101] %s", MESSAGES["W101"].format(name=name, marker=cleaned.truncation_marker))
    return Article(
        id=name, title=title or cleaned.title, subtitle=cleaned.subtitle,
        publisher=publisher or page.publisher or cleaned.publisher, url=url or page.url,
        published=day or page.published, authors=cleaned.authors, truncated=cleaned.truncated,
        cleanup=notes + cleaned.notes, format=fmt, text=cleaned.text,
    )


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _record_article(
    record: dict[str, object], *, source: str, number: int, published: str | None, max_bytes: int
) -> Article:
    """One JSONL record to an Article; `text` wins over `html` when both are given."""
    name = f"{source}:{number}"
    text, html = record.get("text"), record.get("html")
    content, fmt = (text, "text") if isinstance(text, str) else (html, "html")
    if not isinstance(content, str):
        raise InputError("E106", name=source, line=number)
    day = record.get("published") if record.get("published") is not None else published
    article = read_article(content, name=name, fmt=fmt, published=day, url=_optional_str(record, "url"),
                           publisher=_optional_str(record, "publisher"), title=_optional_str(record, "title"),
                           max_bytes=max_bytes)
    record_id = record.get("id")
    return article.model_copy(update={"id": name if record_id is None else str(record_id), "format": "jsonl"})


def _parse_line(raw: bytes | str, *, source: str, number: int) -> dict[str, object]:
    """Decode and parse one JSONL line; E105 for anything but a JSON object."""
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8") if isinstance(raw, bytes) else raw
        record = json.loads(line)
    except UnicodeDecodeError:
        raise InputError("E105", name=source, line=number, reason="not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InputError("E105", name=source, line=number, reason=exc.msg) from None
    if not isinstance(record, dict):
        raise InputError("E105", name=source, line=number, reason=f"got a {type(record).__name__}")
    return record


def iter_jsonl(
    stream: Iterable[bytes | str],
    *,
    name: str,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[str, Article | InputError]]:
    """Read JSONL records `{"id", "text" | "html", "published"?, "title"?, "url"?, "publisher"?}`.

    Blank lines are skipped; a bad line yields its error (naming `name:LINE`) and reading goes
    on. Each Article keeps the record's `id` (or `name:LINE` when it has none).

    Args:
        stream: Lines as bytes or str (an open file, standard input, a list).
        name: The stream's name, for item names and errors.
        published: Date for records that give none.
        max_bytes: Largest line accepted.

    Yields:
        (`name:LINE`, Article or InputError) per non-blank line, in order.

    Docs: docs/intake.md
    """
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        item = f"{name}:{number}"
        try:
            _check_size(len(raw), item, max_bytes)
            record = _parse_line(raw, source=name, number=number)
            yield item, _record_article(record, source=name, number=number, published=published,
                                        max_bytes=max_bytes)
        except InputError as error:
            yield item, error


def _looks_jsonl(first_line: bytes) -> bool:
    """A first line that is a JSON object with a text or html field marks a JSONL stream."""
    if not first_line.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(first_line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _open_stream(stream: BinaryIO) -> BinaryIO:
    """Look through gzip compression when the stream starts with its magic number."""
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(2)[:2] == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def _leading_lines(stream: BinaryIO, limit: int) -> list[bytes]:
    """Read blank lines and the first non-blank one (each read bounded by `limit`)."""
    lines: list[bytes] = []
    while line := stream.readline(limit):
        lines.append(line)
        if line.strip():
            break
    return lines


def _iter_stream(
    stream: BinaryIO, *, name: str, fmt: str | None, published: str | None, max_bytes: int
) -> Iterator[tuple[str, Article | InputError]]:
    """One open binary stream: JSONL records or a single document."""
    stream = _open_stream(stream)
    head = _leading_lines(stream, max_bytes + 1)
    if fmt == "jsonl" or (fmt is None and (_suffix(name) in JSONL_SUFFIXES or (head and _looks_jsonl(head[-1])))):
        if head and not head[-1].endswith(b"\n"):
            head[-1] += stream.readline()  # a first line longer than the read limit stays whole
        yield from iter_jsonl(itertools.chain(head, stream), name=name, published=published, max_bytes=max_bytes)
        return
    start = b"".join(head)
    data = start + stream.read(max_bytes + 1 - len(start)) if len(start) <= max_bytes else start
    try:
        if len(data) > max_bytes:
            raise InputError("E104", name=name, size=f"more than {max_bytes}", limit=max_bytes)
        yield name, read_article(data, name=name, fmt=fmt, published=published, max_bytes=max_bytes)
    except InputError as error:
        yield name, error


def _expand(path: str) -> Iterator[str]:
    """A path, or every visible file under a directory, recursively and sorted."""
    if not os.path.isdir(path):
        yield path
        return
    found: list[str] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [folder for folder in dirs if not folder.startswith(".")]
        found.extend(os.path.join(root, file) for file in files if not file.startswith("."))
    yield from sorted(found)


def _iter_file(
    path: str, *, fmt: str | None, published: str | None, max_bytes: int
) -> Iterator[tuple[str, Article | InputError]]:
    try:
        size = os.stat(path).st_size
        streamed = fmt == "jsonl" or _suffix(path) in JSONL_SUFFIXES or path.lower().endswith(".gz")
        if not streamed:
            _check_size(size, path, max_bytes)
        with open(path, "rb") as stream:
            yield from _iter_stream(stream, name=path, fmt=fmt, published=published, max_bytes=max_bytes)
    except InputError as error:
        yield path, error
    except (OSError, EOFError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield path, InputError("E107", name=path, reason=reason.lower())


def iter_inputs(
    paths: list[str],
    *,
    published: str | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[str, Article | InputError]]:
    """Read files, directories and standard input (`-`) into Articles, one item per document.

    Directories are walked recursively in sorted order, skipping hidden files and folders.
    JSONL inputs (by suffix, `fmt="jsonl"` or content) give one item per line named
    `file:LINE`. Bad inputs are yielded as InputError in place; the walk goes on.

    Args:
        paths: Files, directories, or `-` for standard input.
        published: Publication date for inputs that give none.
        fmt: "text", "html" or "jsonl"; detected per input when None.
        max_bytes: Largest document (or JSONL line) accepted.

    Yields:
        (name, Article or InputError) in input order.

    Raises:
        InputError: E101 for an unknown `fmt`, E109 for a bad `published` (before any input).

    Docs: docs/intake.md
    """
    check_format(fmt)
    normalize_date(published, name="--published")
    for path in paths:
        if path == STDIN:
            yield from _iter_stream(sys.stdin.buffer, name=STDIN_NAME, fmt=fmt, published=published,
                                    max_bytes=max_bytes)
            continue
        for file in _expand(path):
            yield from _iter_file(file, fmt=fmt, published=published, max_bytes=max_bytes)
