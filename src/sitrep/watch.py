"""Watching feeds and pages: poll each source, analyze what is new, store it, remember it.

A source is a feed (RSS/Atom) or a single page; which one is decided from what the URL
answers, on every poll. Each poll asks conditionally (the ETag / Last-Modified kept from the
last successful poll), so an unchanged source costs one 304. A feed's new items are fetched
page by page (their feed content stands in when the page fails); a watched page is new when
its extracted text changed. What was seen is kept in the database (`store.seen` /
`store.mark_seen`), so a restarted watcher does not ingest twice, and a source's validators
are saved only when every new item was ingested, so a failed item is retried next poll.
One bad source never stops the others: its error goes into that poll's report.

Docs: docs/feeds.md
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Protocol

import typer
from rich.console import Console
from spacy.language import Language

from sitrep.batch.local import run as analyze_batch
from sitrep.errors import InputError, SitrepError
from sitrep.intake.core import read_article
from sitrep.intake.feed import FeedItem, looks_like_feed, parse_feed
from sitrep.intake.http import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DEFAULT_TYPES, Fetcher, Response, fetch
from sitrep.intake.url import article_from_response, read_url
from sitrep.model import Analysis, Article

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}
_INTERVAL = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smh])\s*", re.IGNORECASE)
PAGE_DIGEST_CHARS = 16
"""Length of the text digest that tells a changed page from an unchanged one."""


class WatchStore(Protocol):
    """What the watcher needs of a store (`sitrep.store.Store` provides it)."""

    def add(self, analysis: Analysis) -> bool: ...
    def seen(self, key: str) -> bool: ...
    def mark_seen(self, key: str, source: str) -> None: ...
    def source_state(self, source: str) -> dict | None: ...
    def set_source_state(self, source: str, etag: str | None, last_modified: str | None) -> None: ...


@dataclass
class SourceReport:
    """One source in one poll: what was new, what was already seen, what failed."""

    source: str
    kind: str | None = None
    """"feed" or "page"; None when the source could not be read."""
    new: int = 0
    """Items analyzed and remembered in this poll."""
    stored: int = 0
    """Of the new items, those the store did not hold yet (a copy found under another URL is not)."""
    seen: int = 0
    failed: list[str] = field(default_factory=list)
    """One error message per item that could not be ingested (retried next poll)."""
    not_modified: bool = False
    error: str | None = None
    """Why the source itself failed (fetch, not a feed, store...)."""

    def line(self) -> str:
        """The one-line summary the `watch` command prints."""
        if self.error:
            return f"{self.source}: error: {self.error}"
        if self.not_modified:
            return f"{self.source}: not modified"
        text = f"{self.source}: {self.kind}, {self.new} new ({self.stored} stored), {self.seen} seen"
        if self.failed:
            more = f" (and {len(self.failed) - 1} more)" if len(self.failed) > 1 else ""
            text += f", {len(self.failed)} failed: {self.failed[0]}{more}"
        return text


@dataclass
class PollReport:
    """One poll over every source."""

    number: int
    started: datetime
    sources: list[SourceReport]

    @property
    def new(self) -> int:
        return sum(report.new for report in self.sources)

    @property
    def ok(self) -> bool:
        """True when no source and no item failed."""
        return not any(report.error or report.failed for report in self.sources)


@dataclass(frozen=True)
class _Pending:
    """A new item: its seen-key and how to get its Article."""

    key: str
    read: Callable[[], Article]


def parse_interval(value: str) -> float:
    """`"90s"`, `"15m"`, `"1.5h"` → seconds.

    Raises:
        InputError: E124 for anything else, zero included.
    """
    found = _INTERVAL.fullmatch(value)
    seconds = float(found.group(1)) * UNIT_SECONDS[found.group(2).lower()] if found else 0.0
    if seconds <= 0:
        raise InputError("E124", value=value)
    return seconds


def page_key(url: str, text: str) -> str:
    """The seen-key of a watched page's current text: changed text is a new item."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:PAGE_DIGEST_CHARS]
    return f"{url}#text-{digest}"


class Watcher:
    """Polls feeds and pages and ingests what is new into a store.

    Args:
        sources: Feed or page URLs.
        store: Where analyses go and what was seen is kept.
        nlp: The sitrep pipeline; loaded on first use when None.
        allow_private: Fetch from loopback and private addresses too.
        fetcher: The fetch function (default `sitrep.intake.http.fetch`).
        timeout: Seconds per request, as for `fetch`.
        max_bytes: Largest feed or page accepted.

    Docs: docs/feeds.md
    """

    def __init__(self, sources: Iterable[str], store: WatchStore, *, nlp: Language | None = None,
                 allow_private: bool = False, fetcher: Fetcher = fetch, timeout: float = DEFAULT_TIMEOUT,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.sources = list(dict.fromkeys(sources))
        self.store = store
        self.allow_private = allow_private
        self.fetcher = fetcher
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.polls = 0
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from sitrep.nlp.pipeline import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def poll_once(self) -> PollReport:
        """Poll every source once; a failing source is reported, never raised."""
        self.polls += 1
        started = datetime.now().astimezone()
        return PollReport(self.polls, started, [self._poll_source(source) for source in self.sources])

    def run(self, every: float | str, *, max_polls: int | None = None, sleep: Callable[[float], object] = time.sleep,
            on_report: Callable[[PollReport], object] | None = None) -> int:
        """Poll every `every` (seconds, or "15m") until `max_polls` polls (forever when None).

        Returns:
            The number of polls made.
        """
        seconds = parse_interval(every) if isinstance(every, str) else float(every)
        if seconds <= 0:
            raise InputError("E124", value=str(every))
        done = 0
        while max_polls is None or done < max_polls:
            began = time.monotonic()
            report = self.poll_once()
            done += 1
            if on_report is not None:
                on_report(report)
            if max_polls is not None and done >= max_polls:
                break
            sleep(max(0.0, seconds - (time.monotonic() - began)))
        return done

    def _poll_source(self, source: str) -> SourceReport:
        report = SourceReport(source)
        try:
            self._poll(source, report)
        except SitrepError as exc:
            report.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one broken source (or parser bug) must not stop the watch
            report.error = f"{type(exc).__name__}: {exc}"
        return report

    def _fetch(self, url: str, **kwargs: object) -> Response:
        return self.fetcher(url, timeout=self.timeout, max_bytes=self.max_bytes, allow_private=self.allow_private,
                            **kwargs)

    def _poll(self, source: str, report: SourceReport) -> None:
        state = self.store.source_state(source) or {}
        response = self._fetch(source, allowed_types=DEFAULT_TYPES, etag=state.get("etag"),
                               last_modified=state.get("last_modified"))
        if response.not_modified:
            report.not_modified = True
            return
        if looks_like_feed(response.content, response.content_type):
            report.kind = "feed"
            items = parse_feed(response.content, url=response.url, content_type=response.content_type).items
            pending = [_Pending(item.id, self._item_reader(item)) for item in items]
        else:
            report.kind = "page"
            article = article_from_response(response)
            pending = [_Pending(page_key(response.url, article.text), lambda: article)]
        self._ingest(self._unseen(pending, report), source, report)
        if not report.failed:
            self.store.set_source_state(source, response.etag, response.last_modified)

    def _unseen(self, pending: list[_Pending], report: SourceReport) -> list[_Pending]:
        """Drop items seen in an earlier poll (or twice in this one), counting them."""
        fresh: dict[str, _Pending] = {}
        for item in pending:
            if item.key in fresh or self.store.seen(item.key):
                report.seen += 1
            else:
                fresh[item.key] = item
        return list(fresh.values())

    def _item_reader(self, item: FeedItem) -> Callable[[], Article]:
        return lambda: self._item_article(item)

    def _item_article(self, item: FeedItem) -> Article:
        """The item's page; its feed content when the page fails (or when it has no link)."""
        own_text = item.content if item.link else item.content or item.summary
        if item.link:
            try:
                return read_url(item.link, published=item.published, timeout=self.timeout, max_bytes=self.max_bytes,
                                allow_private=self.allow_private, fetcher=self.fetcher)
            except InputError as error:
                if own_text is None:
                    raise
                note = f"feed: text from the feed item (the page failed: {error})"
        else:
            note = "feed: text from the feed item (it has no link)"
        if own_text is None:
            raise InputError("E125", name=item.id)
        article = read_article(own_text, name=item.link or item.id, fmt="html", url=item.link,
                               published=item.published, title=item.title)
        return article.model_copy(update={"cleanup": [note, *article.cleanup]})

    def _articles(self, pending: list[_Pending]) -> Iterator[tuple[str, Article | Exception]]:
        for item in pending:
            try:
                yield item.key, item.read()
            except SitrepError as error:
                yield item.key, error

    def _ingest(self, pending: list[_Pending], source: str, report: SourceReport) -> None:
        """Analyze the new items in one batch; store and remember each that succeeds."""
        if not pending:
            return
        for key, _, outcome in analyze_batch(self.nlp, self._articles(pending)):
            if isinstance(outcome, Exception):
                report.failed.append(str(outcome))
                continue
            try:
                report.stored += self.store.add(outcome)
            except SitrepError as exc:
                report.failed.append(str(exc))
                continue
            self.store.mark_seen(key, source)
            report.new += 1


_STDERR = Console(stderr=True)


def _print(report: PollReport) -> None:
    stamp = report.started.strftime("%Y-%m-%d %H:%M:%S")
    for source in report.sources:
        _STDERR.out(f"[poll {report.number} {stamp}] {source.line()}", highlight=False,
                    style=None if not (source.error or source.failed) else "red")


def watch_command(
    sources: Annotated[list[str], typer.Argument(help="Feed (RSS/Atom) or page URLs to watch.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: a number with s, m or h (90s, 15m, 2h).")]
    = "15m",
    db: Annotated[str | None, typer.Option("--db", envvar="SITREP_DB",
                                           help="Database path or URL (default: ./sitrep.db).")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private",
                                                help="Also fetch from loopback and private addresses.")] = False,
    max_polls: Annotated[int | None, typer.Option("--max-polls", min=1,
                                                  help="Stop after this many polls (default: never).")] = None,
) -> None:
    """Poll feeds and pages, analyzing and storing new articles; one line per source per poll."""
    from sitrep.store import Store

    try:
        seconds = parse_interval(every)
    except InputError as exc:
        _STDERR.out(f"error: {exc}", style="red", highlight=False)
        raise typer.Exit(2) from exc
    failed_polls = 0

    def report(poll: PollReport) -> None:
        nonlocal failed_polls
        failed_polls += not poll.ok
        _print(poll)

    path = db or os.environ.get("SITREP_DB") or "sitrep.db"
    try:
        with Store.open(path) as store:
            Watcher(sources, store, allow_private=allow_private).run(seconds, max_polls=max_polls, on_report=report)
    except KeyboardInterrupt:
        _STDERR.out("stopped", highlight=False)
    except SitrepError as exc:
        _STDERR.out(f"error: {exc}", style="red", highlight=False)
        raise typer.Exit(2) from exc
    raise typer.Exit(1 if failed_polls else 0)
