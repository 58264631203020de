"""A real HTTP server on 127.0.0.1 for tests of fetching, feeds and the watcher.

Tests describe each path's answer as a `Reply` (or a function of the request giving one):
a status, headers and body, optionally a delay before answering (a slow server), a body sent
many times over (a huge response, never held in memory) or with pauses between its parts (a
trickling server). The server listens only on 127.0.0.1 on a free port, runs in a daemon
thread, records the requests it saw, cuts every pause short when stopped, and stops itself
after `lifetime` seconds even if a test forgets to.

    with serve({"/feed.xml": Reply(body=RSS, headers={"Content-Type": "application/rss+xml"})}) as server:
        fetch(server.url("/feed.xml"), allow_private=True)

Docs: docs/feeds.md
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"
DEFAULT_LIFETIME = 60.0
"""Seconds after which a server stops itself."""


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Reply:
    """How the server answers one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    repeat: int = 1
    pause: float = 0.0
    length: bool = True
    """Send Content-Length; without it the body ends when the connection closes."""


Route = Reply | Callable[[Seen], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, routes: Mapping[str, Route]) -> None:
        super().__init__((HOST, 0), _Handler)
        self.routes = dict(routes)
        self.seen: list[Seen] = []
        self.stopping = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        seen = Seen(path=self.path, headers={key.lower(): value for key, value in self.headers.items()})
        self.server.seen.append(seen)
        route = self.server.routes.get(self.path.split("?", 1)[0], Reply(status=404, body=b"not here"))
        reply = route(seen) if callable(route) else route
        try:
            self._answer(reply)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout or size limit under test)

    def _answer(self, reply: Reply) -> None:
        if reply.delay and self.server.stopping.wait(reply.delay):
            return
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.length:
            self.send_header("Content-Length", str(len(reply.body) * reply.repeat))
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(reply.repeat):
            self.wfile.write(reply.body)
            if reply.pause and self.server.stopping.wait(reply.pause):
                return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        """Keep test output quiet."""


@dataclass
class TestServer:
    """A running server: its base URL and the requests it saw."""

    __test__ = False  # not a pytest test class
    base: str
    seen: list[Seen]

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: Mapping[str, Route], *, lifetime: float = DEFAULT_LIFETIME) -> Iterator[TestServer]:
    """Run a server for `routes` (path → Reply) on 127.0.0.1 for the duration of the block."""
    server = _Server(routes)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    timer = threading.Timer(lifetime, server.stopping.set)
    timer.daemon = True
    watchdog = threading.Thread(target=_stop_when_told, args=(server,), daemon=True)
    thread.start()
    timer.start()
    watchdog.start()
    try:
        yield TestServer(base=f"http://{HOST}:{server.server_address[1]}", seen=server.seen)
    finally:
        timer.cancel()
        server.stopping.set()
        watchdog.join()
        thread.join()


def _stop_when_told(server: _Server) -> None:
    """Shut the server down once it is told to stop (end of the block, or its lifetime)."""
    server.stopping.wait()
    server.shutdown()
    server.server_close()
