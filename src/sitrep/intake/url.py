"""One web page by URL: fetched with our guarded client, then read like any HTML file.

The Article is named by the final URL (after redirects), which is also its `url`, so the
store's content hash ties it to where it was really found.

Docs: docs/feeds.md
"""

from __future__ import annotations

from sitrep.intake.core import read_article
from sitrep.intake.http import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, HTML_TYPES, Fetcher, Response, decode_body, fetch
from sitrep.model import Article


def article_from_response(
    response: Response, *, published: str | None = None, title: str | None = None, publisher: str | None = None
) -> Article:
    """Read a fetched HTML page into an Article (the header's charset wins when it decodes the body).

    Raises:
        InputError: as `sitrep.intake.core.read_article` for HTML.
    """
    body = decode_body(response.content, response.content_type)
    # The fetch already held the body to its own limit; intake's must not cut it again.
    return read_article(body, name=response.url, fmt="html", url=response.url, published=published, title=title,
                        publisher=publisher, max_bytes=max(len(response.content), 1))


def read_url(
    url: str,
    *,
    published: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    fetcher: Fetcher = fetch,
) -> Article:
    """Fetch one page and extract its article.

    Args:
        url: The page's URL.
        published: Publication date (YYYY-MM-DD) known from elsewhere (a feed); wins over the page's.
        title: Headline known from elsewhere; wins over the page's.
        publisher: Outlet name known from elsewhere; wins over the page's.
        timeout: Seconds, as for `sitrep.intake.http.fetch`.
        max_bytes: Largest page accepted.
        allow_private: Allow loopback and private addresses.
        fetcher: The fetch function (tests and the watcher may pass their own).

    Returns:
        The Article, named and located by the final URL.

    Raises:
        InputError: any of `fetch`'s errors, or `read_article`'s (E108 no text, E109 bad date...).

    Docs: docs/feeds.md
    """
    response = fetcher(url, timeout=timeout, max_bytes=max_bytes, allowed_types=HTML_TYPES,
                       allow_private=allow_private)
    return article_from_response(response, published=published, title=title, publisher=publisher)
