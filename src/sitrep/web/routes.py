"""The dashboard's pages: server-rendered HTML, each with a JSON twin and a `Link` to it.

`dashboard_router(store_factory)` gives an APIRouter to include in any FastAPI app;
`mount_static(app)` serves the page scripts and styles under /web/static. A page's JSON twin
is the same path with `.json` (`/index.json` for `/`) or `?format=json`; both forms carry the
same data context the template formats.
Docs: docs/dashboard.md
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.web import boundaries, views

STATIC_DIR = Path(__file__).parent / "static"
JSON_SUFFIX = ".json"

_env = Environment(loader=PackageLoader("sitrep.web", "templates"), autoescape=True,
                   trim_blocks=True, lstrip_blocks=True)


def mount_static(app: FastAPI) -> None:
    """Serve the dashboard's own scripts and styles at /web/static (nothing from a CDN)."""
    app.mount("/web/static", StaticFiles(directory=STATIC_DIR), name="web-static")


def _query(request: Request) -> str:
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "format"]
    return f"?{urlencode(kept)}" if kept else ""


def _split(name: str) -> tuple[str, bool]:
    """A path parameter without its `.json` suffix, and whether it had one."""
    if name.endswith(JSON_SUFFIX):
        return name[: -len(JSON_SUFFIX)], True
    return name, False


def _respond(request: Request, template: str, context: dict[str, Any], html_path: str, json_path: str,
             as_json: bool, status: int = 200) -> Response:
    """The context as HTML or JSON, with a Link header naming the other form."""
    as_json = as_json or request.query_params.get("format") == "json"
    query = _query(request)
    if as_json:
        link = f'<{html_path}{query}>; rel="alternate"; type="text/html"'
        return JSONResponse(context, status_code=status, headers={"Link": link})
    json_url = f"{json_path}{query}"
    html = _env.get_template(template).render(**context, json_url=json_url)
    link = f'<{json_url}>; rel="alternate"; type="application/json"'
    return HTMLResponse(html, status_code=status, headers={"Link": link})


def _problem(request: Request, path: str, as_json: bool, status: int, message: str,
             json_path: str | None = None, code: str | None = None) -> Response:
    """An error page (or its JSON twin) with the shape the API's errors have."""
    context = {"ok": False, "code": code, "error": message, "http": status}
    return _respond(request, "error.html", context, path, json_path or path + JSON_SUFFIX, as_json, status)


def dashboard_router(store_factory: Callable[..., Any]) -> APIRouter:
    """The dashboard's routes, reading from the Store that `store_factory` gives.

    `store_factory` is used as a FastAPI dependency: a function returning an open Store (the
    app keeps it open), or a generator yielding one per request (closed after the request).
    """
    router = APIRouter(tags=["dashboard"])
    store_dependency = Depends(store_factory)

    def dashboard(request: Request, as_json: bool, store: Store, filters: views.Filters,
                  by: str | None) -> Response:
        try:
            rows = store.events(**filters.store_args())
            context = views.dashboard(rows, filters, by)
        except (SitrepError, ValueError) as exc:
            return _problem(request, "/", as_json, getattr(exc, "http_code", 400), str(exc), "/index.json",
                            getattr(exc, "code", None))
        return _respond(request, "dashboard.html", context, "/", "/index.json", as_json)

    def _filters(actor: str | None = None, pair: str | None = None, cameo: str | None = None,
                 since: str | None = None, until: str | None = None) -> views.Filters:
        return views.Filters(actor=(actor or "").strip().upper() or None, pair=pair or None,
                             cameo=(cameo or "").strip() or None, since=since or None, until=until or None)

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request, store: Store = store_dependency, filters: views.Filters = Depends(_filters),
              by: str | None = None) -> Response:
        """The dashboard: timeline, map, actor network, escalation for a pair, event table."""
        return dashboard(request, False, store, filters, by if by in ("day", "week") else None)

    @router.get("/index.json")
    def index_json(request: Request, store: Store = store_dependency, filters: views.Filters = Depends(_filters),
                   by: str | None = None) -> Response:
        """The dashboard's data (JSON twin of `/`)."""
        return dashboard(request, True, store, filters, by if by in ("day", "week") else None)

    @router.get("/events/{article_id}/{event_id}", response_class=HTMLResponse)
    def event_page(request: Request, article_id: str, event_id: str, store: Store = store_dependency) -> Response:
        """One event: its coding, participants and sentence, linked to the article."""
        event_id, as_json = _split(event_id)
        path = f"/events/{article_id}/{event_id}"
        try:
            context = views.event_page(store.get(article_id), event_id)
        except SitrepError as exc:
            return _problem(request, path, as_json, exc.http_code, str(exc), code=exc.code)
        if context is None:
            return _problem(request, path, as_json, 404, f"article {article_id!r} has no event {event_id!r}")
        return _respond(request, "event.html", context, path, path + JSON_SUFFIX, as_json)

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, store: Store = store_dependency) -> Response:
        """One article with its coded spans highlighted; `#s{n}` lands on sentence n."""
        article_id, as_json = _split(article_id)
        path = f"/articles/{article_id}"
        try:
            context = views.article_page(store.get(article_id))
        except SitrepError as exc:
            return _problem(request, path, as_json, exc.http_code, str(exc), code=exc.code)
        return _respond(request, "article.html", context, path, path + JSON_SUFFIX, as_json)

    @router.get("/web/boundaries.json")
    def boundaries_json() -> Response:
        """Simplified country outlines (lon/lat rings) for the map."""
        return JSONResponse(boundaries.world(), headers={"Cache-Control": "public, max-age=86400"})

    return router
