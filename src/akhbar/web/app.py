"""The FastAPI application: pages for people, a JSON API under ``/api/``, shipped assets only.

:func:`create_app` takes the path of an Akhbar database. Each request opens its own store on
that file with ``PRAGMA query_only``: SQLite's WAL lets it read while an ingest writes, and it
never takes the writer's lock. Every response carries a Content-Security-Policy that allows only
the app's own scripts, styles and images (no inline script, nothing from another origin).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from .vendor import plotly_css, plotly_js_path
from ..store import BadQuery, Store, StoreError

__all__ = ["create_app", "open_store", "CSP", "STATIC_DIR"]

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"

# Plotly draws with SVG and sets element styles through the CSSOM (allowed by style-src 'self');
# its own CSS rules come from /static/vendor/plotly.css (see vendor.py), so no inline style and
# no inline script is needed anywhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app

    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def open_store(request: Request) -> Iterator[Store]:
    """A FastAPI dependency: a read-only store for one request, closed after it."""
    store = Store(request.app.state.db_path)
    try:
        store.conn.execute("PRAGMA query_only = ON")
        yield store
    finally:
        store.close()


def create_app(db_path: str | os.PathLike) -> FastAPI:
    """The web UI and JSON API over the database at ``db_path`` (created and migrated if
    needed, once, here; requests only read it)."""
    from . import api, pages

    db_path = str(db_path)
    Store(db_path).close()  # apply migrations once, before any reader
    app = FastAPI(
        title="Akhbar",
        version=__version__,
        description="Events, stories, articles, entities, quotes and flags found by Akhbar in a news corpus. "
        "The objects are those of the command line's `--json` output.",
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN: not offered offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = db_path
    app.add_middleware(SecurityHeaders)

    @app.get("/static/vendor/plotly.css", include_in_schema=False)
    def plotly_stylesheet() -> Response:
        return Response(plotly_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=604800"})

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        path = plotly_js_path()
        headers = {"Cache-Control": "public, max-age=604800"}
        if path is not None:
            return FileResponse(path, media_type="text/javascript", headers=headers)
        from plotly.offline import get_plotlyjs

        return Response(get_plotlyjs(), media_type="text/javascript", headers=headers)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _install_error_handlers(app: FastAPI) -> None:
    from .pages import error_page

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in exc.errors()
        )
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return error_page(request, 422, problems)

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return error_page(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # e.g. an ambiguous id prefix: the request can be fixed by the person who made it
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return error_page(request, 400, str(exc))
