"""The FastAPI application: versioned JSON resources under /api/v1, one error shape, bearer auth.

Reads are open unless the app is built with `read_open=False`; writes (storing an analysis)
need `Authorization: Bearer <token>`. Every error, including validation errors, unknown
routes and unexpected failures, answers `{"ok": false, "code", "error", "http"}`.
Docs: docs/api.md
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.metadata import version
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import __version__
from sitrep.analytics.dyads import DEFAULT_WINDOW, dyad_series
from sitrep.api import queries
from sitrep.api.errors import ApiError, error_body
from sitrep.api.limits import BodyLimit
from sitrep.api.search import search
from sitrep.errors import SitrepError
from sitrep.intake.core import read_article
from sitrep.intake.url import read_url
from sitrep.model import SCHEMA_VERSION, Analysis, Article
from sitrep.store import Store
from sitrep.web import dashboard_router, mount_static

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_BODY_BYTES = 5 * 1024 * 1024
SETTINGS = (
    ("read_open", "Reads need no token when true; when false every /api/v1 read needs the bearer token too."),
    ("writes_enabled", "True when the server has a token (SITREP_API_TOKEN), so write requests can be made."),
    ("max_body_bytes", "Largest request body accepted; larger bodies answer 413 (E504)."),
    ("max_limit", "Largest page size (`limit`) accepted by list endpoints."),
)

Analyzer = Callable[[Article], Analysis]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
Code = Annotated[str, Query(pattern=r"^[A-Za-z0-9]{2,8}$", description="An actor code (RUS, NATO...).")]


class AnalyzeRequest(BaseModel):
    """One document to analyze: plain text or HTML, or only a URL to fetch, with what the caller
    knows about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page.")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD.")
    title: str | None = Field(None, description="Headline.")
    url: str | None = Field(None, description="Where the article came from.")
    publisher: str | None = Field(None, description="Outlet name.")
    store: bool = Field(False, description="Also store the Analysis (a write: needs the bearer token).")

    @model_validator(mode="after")
    def _one_body(self) -> AnalyzeRequest:
        if self.text is not None and self.html is not None:
            raise ValueError("give one of 'text' or 'html', not both")
        if self.text is None and self.html is None and not self.url:
            raise ValueError("give 'text', 'html', or a 'url' to fetch")
        return self


def create_app(db: str, *, token: str | None = None, read_open: bool = True,
               analyzer: Analyzer | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the API over the store at `db` (path or URL).

    Args:
        db: database path or SQLAlchemy URL; opened (and migrated) now.
        token: the bearer token writes need (SITREP_API_TOKEN); None disables writes.
        read_open: when False, reads need the token too.
        analyzer: Article → Analysis; `sitrep.analyze` (the spaCy pipeline) when None.
        max_body_bytes: request bodies over this answer 413.

    Docs: docs/api.md
    """
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan,
                  description="Coded political events from news: merged events, articles, search, dyads.")
    app.state.store = store
    app.state.settings = {"read_open": read_open, "writes_enabled": token is not None,
                          "max_body_bytes": max_body_bytes, "max_limit": MAX_LIMIT}
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    _add_error_handlers(app)
    reader, writer = _auth(token, read_open)
    _add_meta(app)
    _add_events(app, store, reader)
    _add_articles(app, store, reader)
    _add_analytics(app, store, reader)
    _add_analyze(app, store, reader, writer, analyzer or _default_analyzer)
    app.include_router(dashboard_router(lambda: store), dependencies=[Depends(reader)])
    mount_static(app)
    return app


def _default_analyzer(article: Article) -> Analysis:
    from sitrep.analyze import analyze  # loads spaCy; only when the first document arrives

    return analyze(article)


def _auth(token: str | None, read_open: bool) -> tuple[Callable[[Request], None], Callable[[Request], None]]:
    """FastAPI dependencies that let readers and writers through or raise 401."""

    def writer(request: Request) -> None:
        if token is None:
            raise ApiError("E503", http=401)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError("E502", http=401)

    def reader(request: Request) -> None:
        if not read_open:
            writer(request)

    return reader, writer


def _error(code: str, message: str, http: int) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if http == 401 else None
    return JSONResponse(error_body(code, message, http), status_code=http, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(SitrepError)
    async def sitrep_error(_request: Request, exc: SitrepError) -> JSONResponse:
        return _error(exc.code, str(exc), exc.http_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        reason = "; ".join(_describe(error) for error in exc.errors())
        return _error("E501", str(ApiError("E501", reason=reason)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error("E511", str(ApiError("E511", path=request.url.path)), 404)
        return _error("E501", str(ApiError("E501", reason=str(exc.detail))), exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error in the API")
        return _error("E512", str(ApiError("E512", kind=type(exc).__name__)), 500)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid"))


def _add_meta(app: FastAPI) -> None:
    @app.get("/api/meta", tags=["meta"])
    def meta() -> dict[str, Any]:
        """Versions, schema version, store revision, gazetteer index key and settings."""
        from sitrep.geo.gazetteer import index_key

        packages = ("fastapi", "pydantic", "sqlalchemy", "spacy", "pyarrow")
        settings = app.state.settings
        return {"ok": True, "versions": {"sitrep": __version__} | {p: version(p) for p in packages},
                "schema_version": SCHEMA_VERSION, "store_revision": app.state.store.revision(),
                "gazetteer_index_key": index_key(),
                "settings": [{"name": name, "value": settings[name], "description": text} for name, text in SETTINGS]}


def _add_events(app: FastAPI, store: Store, reader: Callable[[Request], None]) -> None:
    @app.get(f"{API_PREFIX}/events", tags=["events"], dependencies=[Depends(reader)])
    def events(
        actor: Code | None = None,
        pair: Annotated[str | None, Query(description="Two actor codes, A,B: events between them either way.")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix.")] = None,
        plover: Annotated[str | None, Query(description="PLOVER event type (ASSAULT, AID...).")] = None,
        acled: Annotated[str | None, Query(description="ACLED event type (Battles...).")] = None,
        since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
        until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
        bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat.")] = None,
        min_sources: Annotated[int | None, Query(ge=1, description="At least this many publishers.")] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="The `next` value of the previous page.")] = None,
    ) -> dict[str, Any]:
        """Merged events (each real-world event once), filtered, ordered by day, cursor-paged."""
        filters = queries.EventFilters(
            actor=actor.upper() if actor else None, pair=queries.parse_pair(pair), cameo=cameo,
            plover=plover, acled=acled, since=queries.check_day(since, "since"),
            until=queries.check_day(until, "until"), bbox=queries.parse_bbox(bbox), min_sources=min_sources)
        return queries.list_events(store, filters, limit, cursor)

    @app.get(f"{API_PREFIX}/events/{{event_id}}", tags=["events"], dependencies=[Depends(reader)])
    def event(event_id: str) -> dict[str, Any]:
        """One merged event with its mentions (and their sentences), claimants and figures."""
        return queries.get_event(store, event_id)


def _add_articles(app: FastAPI, store: Store, reader: Callable[[Request], None]) -> None:
    @app.get(f"{API_PREFIX}/articles", tags=["articles"], dependencies=[Depends(reader)])
    def articles(limit: Limit = DEFAULT_LIMIT, cursor: str | None = None) -> dict[str, Any]:
        """Stored articles (metadata and event count), ordered by id, cursor-paged."""
        return queries.list_articles(store, limit, cursor)

    @app.get(f"{API_PREFIX}/articles/{{article_id}}", tags=["articles"], dependencies=[Depends(reader)])
    def article(article_id: str) -> dict[str, Any]:
        """The stored Analysis of one article (full id or a unique prefix of 6+ characters)."""
        return store.get(article_id).model_dump(mode="json")

    @app.get(f"{API_PREFIX}/search", tags=["articles"], dependencies=[Depends(reader)])
    def search_articles(q: Annotated[str, Query(min_length=1, max_length=500, description="FTS5 query.")],
                        limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
        """Full-text search over article titles and texts (SQLite FTS5 syntax)."""
        return {"items": search(store, q, limit), "next": None}


def _add_analytics(app: FastAPI, store: Store, reader: Callable[[Request], None]) -> None:
    @app.get(f"{API_PREFIX}/actors", tags=["analytics"], dependencies=[Depends(reader)])
    def actors(limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
        """Actor codes by number of event participations."""
        return {"items": queries.list_actors(store, limit), "next": None}

    @app.get(f"{API_PREFIX}/dyads/{{a}}/{{b}}/series", tags=["analytics"], dependencies=[Depends(reader)])
    def series(a: str, b: str, interval: Literal["day", "week"] = "week",
               window: Annotated[int, Query(ge=2, le=104)] = DEFAULT_WINDOW) -> dict[str, Any]:
        """Counts by quad class, Goldstein sum and mean, and the escalation index of a country pair."""
        pair = queries.parse_pair(f"{a},{b}")
        points = dyad_series(store, pair[0], pair[1], interval, window)
        return {"pair": list(pair), "interval": interval, "window": window,
                "items": [point.as_dict() for point in points]}


def _request_article(body: AnalyzeRequest) -> Article:
    """The document a request names: its text or HTML, else the page at its URL, fetched with
    the guarded client (public addresses only)."""
    if body.text is None and body.html is None and body.url:
        return read_url(body.url, published=body.published, publisher=body.publisher, title=body.title)
    fmt = "html" if body.html is not None else "text"
    return read_article(body.html if body.html is not None else body.text or "", name="request",
                        published=body.published, fmt=fmt, url=body.url, publisher=body.publisher, title=body.title)


def _add_analyze(app: FastAPI, store: Store, reader: Callable[[Request], None],
                 writer: Callable[[Request], None], analyzer: Analyzer) -> None:
    @app.post(f"{API_PREFIX}/analyze", tags=["analyze"], dependencies=[Depends(reader)])
    def analyze(body: AnalyzeRequest, request: Request) -> JSONResponse:
        """Analyze one document; with `store: true` (needs the token) also store it."""
        if body.store:
            writer(request)
        article = _request_article(body)
        analysis = analyzer(article)
        if not body.store:
            return JSONResponse(analysis.model_dump(mode="json"))
        stored = store.add(analysis)
        return JSONResponse(analysis.model_dump(mode="json"), status_code=201 if stored else 200,
                            headers={"Location": f"{API_PREFIX}/articles/{analysis.hash}"})
