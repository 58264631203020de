"""Our HTTP client: one guarded GET with limits, for pages and feeds.

Fetching what a feed or a user names means fetching what a stranger chose, so every request
is bounded and checked: connect/read timeouts plus a deadline for the whole fetch, a size cap
enforced while the body streams, redirects followed by hand (each hop counted and checked),
an allow-list of content types, and an SSRF guard: the host is resolved here, every address
it resolves to must be public (not loopback, private, unique-local, link-local, multicast,
unspecified or reserved), and the connection goes to the address that was checked, so a
second DNS answer cannot swap it. Conditional GET (ETag / Last-Modified) lets a watcher ask
"anything new?" cheaply. Proxies from the environment are not used: they would hide the
address the guard checks. Every failure is an `InputError` whose message names the URL.

Docs: docs/feeds.md
"""

from __future__ import annotations

import codecs
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from sitrep import __version__
from sitrep.errors import InputError

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_REDIRECTS = 5
DEADLINE_FACTOR = 3.0
"""The whole fetch (all hops and the body) must end within this many times `timeout`, so a
server trickling one byte at a time cannot hold a watcher forever."""

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
FEED_TYPES: tuple[str, ...] = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                               "application/xml", "text/xml", "text/plain")
"""Feeds are often served as generic XML, and now and then as plain text."""
DEFAULT_TYPES: tuple[str, ...] = HTML_TYPES + FEED_TYPES

SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = f"sitrep/{__version__} (news event coder)"

# (attribute of an ip_address, the kind named in E113), most telling first.
_REFUSED_KINDS: tuple[tuple[str, str], ...] = (
    ("is_loopback", "loopback"),
    ("is_unspecified", "unspecified"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)


@dataclass(frozen=True)
class Response:
    """What one fetch gave: the final URL (after redirects), status, body and cache validators."""

    url: str
    status: int
    content: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False

    @property
    def media_type(self) -> str | None:
        """The content type without parameters, lower-cased (`text/html`)."""
        return media_type(self.content_type)

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type header names, when Python knows the codec."""
        return charset(self.content_type)


Fetcher = Callable[..., Response]
"""Anything called like `fetch` (tests and the watcher pass their own)."""


def media_type(content_type: str | None) -> str | None:
    """`text/html; charset=utf-8` → `text/html`; None when there is no header."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def charset(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, when Python knows the codec."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
    return None


def decode_body(content: bytes, content_type: str | None) -> bytes | str:
    """The body as text when the HTTP header names a charset that decodes it, else the bytes.

    Intake's own detection (byte order marks, UTF-8, charset detection) handles the bytes;
    the header only wins when it is consistent with them.
    """
    codec = charset(content_type)
    if codec is None:
        return content
    try:
        return content.decode(codec)
    except UnicodeDecodeError:
        return content


def address_kind(address: str) -> str | None:
    """Why an IP address may not be fetched from (`loopback`, `private`...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attribute, kind in _REFUSED_KINDS:
        if getattr(ip, attribute):
            return kind
    return None if ip.is_global else "non-global"


def _resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (IP literals resolve to themselves)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _vetted_address(url: str, host: str, port: int, allow_private: bool) -> str:
    """Resolve the host and refuse it if any of its addresses is not public; the first address."""
    try:
        addresses = _resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise InputError("E112", url=url, host=host, reason=str(exc) or type(exc).__name__) from None
    if not addresses:
        raise InputError("E112", url=url, host=host, reason="no address")
    if not allow_private:
        for address in addresses:
            if kind := address_kind(address):
                raise InputError("E113", url=url, host=host, address=address, kind=kind)
    return addresses[0]


def _target(url: str) -> httpx.URL:
    """Parse and check a URL: http(s) with a host."""
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InputError("E111", url=url, reason=str(exc)) from None
    if target.scheme not in SCHEMES:
        raise InputError("E111", url=url, reason=f"scheme {target.scheme or 'missing'!r}")
    if not target.host:
        raise InputError("E111", url=url, reason="no host")
    return target


def _pinned_request(client: httpx.Client, target: httpx.URL, headers: dict[str, str],
                    allow_private: bool) -> httpx.Request:
    """A GET to the checked address, with the original host in Host and TLS server name."""
    host = target.raw_host.decode("ascii")
    port = target.port or (443 if target.scheme == "https" else 80)
    address = _vetted_address(str(target), host, port, allow_private)
    return client.build_request("GET", target.copy_with(host=address),
                                headers={**headers, "Host": target.netloc.decode("ascii")},
                                extensions={"sni_hostname": host})


def _request_headers(allowed_types: tuple[str, ...], etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join((*allowed_types, "*/*;q=0.1"))}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _check_type(url: str, content_type: str | None, allowed_types: tuple[str, ...]) -> None:
    """A missing Content-Type passes (intake sniffs); a named one must be allowed."""
    kind = media_type(content_type)
    if kind is not None and kind not in allowed_types:
        raise InputError("E118", url=url, ctype=kind, allowed=", ".join(allowed_types))


def _read_body(response: httpx.Response, url: str, max_bytes: int, deadline: float, seconds: float) -> bytes:
    """Stream the (decoded) body, stopping as soon as it passes `max_bytes` or the deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError("E115", url=url, limit=max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError("E115", url=url, limit=max_bytes)
        if time.monotonic() > deadline:
            raise InputError("E114", url=url, reason="the whole fetch", seconds=seconds)
        chunks.append(chunk)
    return b"".join(chunks)


def _redirect_target(response: httpx.Response, url: str, target: httpx.URL) -> httpx.URL:
    location = response.headers.get("Location")
    if not location:
        raise InputError("E119", url=url, status=response.status_code, detail=" (a redirect without a Location)")
    try:
        return target.join(location)
    except httpx.InvalidURL as exc:
        raise InputError("E111", url=location, reason=str(exc)) from None


def _result(response: httpx.Response, url: str, content: bytes, etag: str | None,
            last_modified: str | None) -> Response:
    headers = response.headers
    return Response(url=url, status=response.status_code, content=content,
                    content_type=headers.get("Content-Type"), etag=headers.get("ETag") or etag,
                    last_modified=headers.get("Last-Modified") or last_modified,
                    not_modified=response.status_code == 304)


def _failure(exc: httpx.HTTPError, url: str, timeout: float) -> InputError:
    """The coded error for a transport failure."""
    if isinstance(exc, httpx.TimeoutException):
        name = type(exc).__name__
        phase = name.removesuffix("Timeout").lower() if name.endswith("Timeout") else "request"
        return InputError("E114", url=url, reason=f"{phase} timeout", seconds=timeout)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return InputError("E111", url=url, reason=str(exc))
    return InputError("E120", url=url, reason=str(exc) or type(exc).__name__)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    allowed_types: tuple[str, ...] = DEFAULT_TYPES,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_private: bool = False,
) -> Response:
    """GET one URL within limits, following redirects by hand and guarding every hop.

    Args:
        url: An http:// or https:// URL.
        timeout: Seconds allowed to connect and between bytes read; the whole fetch has
            `DEADLINE_FACTOR` times as long.
        max_bytes: Largest body accepted (after content decoding).
        max_redirects: Most redirects followed.
        allowed_types: Media types accepted (a response without Content-Type passes).
        etag: ETag of the copy we have: sent as If-None-Match.
        last_modified: Last-Modified of the copy we have: sent as If-Modified-Since.
        allow_private: Fetch from loopback, private and other non-public addresses too.

    Returns:
        The Response; `not_modified` is True (and `content` empty) on HTTP 304.

    Raises:
        InputError: E111 not an http(s) URL, E112 host not resolved, E113 non-public address,
            E114 timeout, E115 body too large, E116 too many redirects, E117 redirect loop,
            E118 content type not allowed, E119 HTTP error status, E120 connection failed.

    Docs: docs/feeds.md
    """
    deadline = time.monotonic() + timeout * DEADLINE_FACTOR
    headers = _request_headers(allowed_types, etag, last_modified)
    target, visited = _target(url), [url]
    while True:
        current = str(target)
        if time.monotonic() > deadline:
            raise InputError("E114", url=current, reason="the whole fetch", seconds=timeout * DEADLINE_FACTOR)
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            try:
                response = client.send(_pinned_request(client, target, headers, allow_private), stream=True)
                try:
                    if response.status_code not in REDIRECT_STATUSES:
                        return _finish(response, current, allowed_types, max_bytes, deadline,
                                       timeout * DEADLINE_FACTOR, etag, last_modified)
                    target = _next_hop(_redirect_target(response, current, target), visited, max_redirects)
                finally:
                    response.close()
            except httpx.HTTPError as exc:
                raise _failure(exc, current, timeout) from None


def _next_hop(target: httpx.URL, visited: list[str], max_redirects: int) -> httpx.URL:
    """Check the next redirect hop (its scheme, loops, the cap) before following it."""
    hop = str(_target(str(target)))
    if hop in visited:
        raise InputError("E117", url=visited[0], target=hop)
    if len(visited) > max_redirects:
        raise InputError("E116", url=visited[0], limit=max_redirects, target=hop)
    visited.append(hop)
    return target


def _finish(response: httpx.Response, url: str, allowed_types: tuple[str, ...], max_bytes: int,
            deadline: float, seconds: float, etag: str | None, last_modified: str | None) -> Response:
    """Turn the final hop's answer into a Response (or its coded error)."""
    status = response.status_code
    if status == 304:
        return _result(response, url, b"", etag, last_modified)
    if not 200 <= status < 300:
        phrase = response.reason_phrase
        raise InputError("E119", url=url, status=status, detail=f" ({phrase})" if phrase else "")
    _check_type(url, response.headers.get("Content-Type"), allowed_types)
    return _result(response, url, _read_body(response, url, max_bytes, deadline, seconds), None, None)
