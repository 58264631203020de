"""RSS and Atom feeds: items to fetch and ingest, parsed by feedparser from bytes we fetched.

feedparser is only ever handed bytes (wrapped in a stream: given a string it would try it as
a URL or a file name), so every request goes through our guarded client. A feed that breaks
XML rules in small ways (feedparser's `bozo` flag) still yields the entries its lenient
parser recovered; only a document with no entries and either a parse error or no feed
version is refused. Dates keep the publisher's own calendar day: "Tue, 05 Mar 2024 23:30
-0500" is 2024-03-05, not the UTC day feedparser would give.

Docs: docs/feeds.md
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

import feedparser

from sitrep.errors import InputError
from sitrep.intake.http import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    FEED_TYPES,
    HTML_TYPES,
    Fetcher,
    Response,
    charset,
    fetch,
    media_type,
)

_LOG = logging.getLogger(__name__)

FEED_FETCH_TYPES: tuple[str, ...] = FEED_TYPES + HTML_TYPES
"""Media types a feed URL may answer with: some servers label feeds text/html."""

XML_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                       "text/xml"})
FEED_ONLY_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
SNIFF_BYTES = 2048
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")

_DATE_KEYS = (("published", "published_parsed"), ("updated", "updated_parsed"), ("created", "created_parsed"))


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: its stable id (guid, else link) and what the feed says of it."""

    id: str
    link: str | None
    title: str | None = None
    published: str | None = None
    summary: str | None = None
    content: str | None = None


@dataclass(frozen=True)
class FeedResult:
    """A fetched feed: its items, and the validators for the next conditional GET."""

    url: str
    items: list[FeedItem] = field(default_factory=list)
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    dropped: int = 0
    """Entries without any id or link: they cannot be fetched nor remembered."""


def _local_day(raw: str) -> str | None:
    """The calendar day of an RFC 822 or ISO 8601 timestamp, in the writer's own time zone."""
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse(raw.strip()).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return None


def entry_day(entry: dict) -> str | None:
    """An entry's publication day (YYYY-MM-DD): published, else updated, else created."""
    for raw_key, parsed_key in _DATE_KEYS:
        raw = entry.get(raw_key)
        if isinstance(raw, str) and (day := _local_day(raw)):
            return day
        parsed = entry.get(parsed_key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _text(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _content(entry: dict) -> str | None:
    """The entry's full content (Atom content, RSS content:encoded), when it carries one."""
    for part in entry.get("content") or []:
        if value := _text(part.get("value")):
            return value
    return None


def feed_item(entry: dict) -> FeedItem | None:
    """One feedparser entry as a FeedItem; None when it has neither id nor link."""
    link = _text(entry.get("link"))
    item_id = _text(entry.get("id")) or link
    if item_id is None:
        return None
    return FeedItem(id=item_id, link=link, title=_text(entry.get("title")), published=entry_day(entry),
                    summary=_text(entry.get("summary")), content=_content(entry))


def _xml_content_type(content_type: str | None) -> str:
    """The type feedparser is told: the server's when it is XML, else generic XML (with its charset).

    The caller has sniffed the bytes as a feed already; a missing or text/html label would
    only make feedparser flag the feed and drop its XML parser.
    """
    if media_type(content_type) in XML_TYPES:
        return str(content_type)
    codec = charset(content_type)
    return f"application/xml; charset={codec}" if codec else "application/xml"


def parse_feed(data: bytes, *, url: str, content_type: str | None = None) -> FeedResult:
    """Parse feed bytes (never fetching anything) into items; relative links resolve against `url`.

    Raises:
        InputError: E121 when the bytes hold no entries and are not a well-formed feed.

    Docs: docs/feeds.md
    """
    headers = {"content-location": url, "content-type": _xml_content_type(content_type)}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        raise InputError("E121", url=url, reason=str(problem) if problem else "no RSS or Atom root element")
    if parsed.bozo:
        _LOG.info("%s: feed is not well-formed (%s); using the %d entries recovered",
                  url, parsed.get("bozo_exception"), len(parsed.entries))
    items = [feed_item(entry) for entry in parsed.entries]
    kept = [item for item in items if item is not None]
    return FeedResult(url=url, items=kept, title=_text(parsed.feed.get("title")), dropped=len(items) - len(kept))


def looks_like_feed(content: bytes, content_type: str | None) -> bool:
    """True for a feed: an RSS, Atom or RDF root near the start, or a feed-only media type.

    The content is looked at first because servers label feeds text/html or generic XML.
    """
    return bool(_FEED_ROOT.search(content[:SNIFF_BYTES])) or media_type(content_type) in FEED_ONLY_TYPES


def feed_from_response(response: Response) -> FeedResult:
    """A FeedResult from a fetched response, carrying its validators (empty when not modified)."""
    if response.not_modified:
        return FeedResult(url=response.url, etag=response.etag, last_modified=response.last_modified,
                          not_modified=True)
    result = parse_feed(response.content, url=response.url, content_type=response.content_type)
    return FeedResult(url=result.url, items=result.items, title=result.title, etag=response.etag,
                      last_modified=response.last_modified, dropped=result.dropped)


def read_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    fetcher: Fetcher = fetch,
) -> FeedResult:
    """Fetch an RSS or Atom feed (conditionally, given the last validators) and list its items.

    Args:
        url: The feed's URL.
        etag: ETag from the last read: the server may answer 304 Not Modified.
        last_modified: Last-Modified from the last read, likewise.
        timeout: Seconds, as for `sitrep.intake.http.fetch`.
        max_bytes: Largest feed accepted.
        allow_private: Allow loopback and private addresses.
        fetcher: The fetch function (tests and the watcher may pass their own).

    Returns:
        The items (none when `not_modified`) and the validators to pass next time.

    Raises:
        InputError: any of `fetch`'s errors, or E121 for a document that is not a feed.

    Docs: docs/feeds.md
    """
    response = fetcher(url, timeout=timeout, max_bytes=max_bytes, allowed_types=FEED_FETCH_TYPES, etag=etag,
                       last_modified=last_modified, allow_private=allow_private)
    return feed_from_response(response)
