"""The web server over a workspace: the JSON API here, the pages in ``pages`` and ``viz``.

Every list has the same shape, ``{"total", "limit", "offset", "items"}``, and every error the
same body, ``{"ok": false, "error", "status"}``, so clients handle them in one place. The
interactive docs are off: FastAPI's bundled Swagger page loads its assets from a CDN, and clew
makes no request the user did not ask for. The OpenAPI schema stays at ``/openapi.json``.
Victims' names are masked in every body, as on the pages (``clew.privacy``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from clew import __version__
from clew.export.routes import export_router
from clew.model import Article
from clew.serve import pages, viz
from clew.serve.queries import masker
from clew.serve.templating import STATIC, render
from clew.store import Store

EXCERPT_CHARS = 280


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _error_for(request: Request, status: int, message: str) -> Response:
    """The error as a page for a browser on a page's address, else the one JSON error shape."""
    path = request.url.path
    wants_page = "text/html" in request.headers.get("accept", "")
    if wants_page and not path.startswith(("/api", "/openapi", "/static")):
        return render(request, "error.html", {"status": status, "message": message}, status)
    return _error(status, message)


def _article_summary(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    text = data.pop("text")
    data["excerpt"] = text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rstrip() + "…"
    data["chars"] = len(text)
    return data


def create_app(store: Store) -> FastAPI:
    app = FastAPI(
        title="clew",
        version=__version__,
        description="Allegations in reports on organ trafficking, with their evidence and sources.",
        docs_url=None,
        redoc_url=None,
    )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_for(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        return _error_for(request, 400, f"invalid request ({problems})")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(viz.create_router(store))
    app.include_router(pages.create_router(store))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/api", summary="What this server offers")
    def index() -> dict[str, Any]:
        return {
            "clew": __version__,
            "endpoints": {
                "articles": "/api/articles",
                "article": "/api/articles/{id}",
                "allegations": "/api/allegations",
                "allegation": "/api/allegations/{id}",
                "overview": "/api/overview",
                "report": "/api/reports/{id}",
                "entity": "/api/entities/{id}",
                "sources": "/api/sources",
                "search": "/api/search?q=TEXT",
                "status": "/api/status",
                "schema": "/openapi.json",
            },
        }

    @app.get("/api/articles", summary="Articles, newest first, one page at a time")
    def list_articles(
        limit: int = Query(50, ge=1, le=1000, description="Items per page."),
        offset: int = Query(0, ge=0, description="Items to skip."),
        outlet: str | None = Query(None, description="Only articles of this outlet."),
    ) -> dict[str, Any]:
        total, items = store.list_articles(limit=limit, offset=offset, outlet=outlet)
        hide = masker(store)
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "items": hide.json([_article_summary(a) for a in items]),
        }

    @app.get("/api/articles/{article_id}", summary="One article with its text and claims")
    def get_article(article_id: str) -> dict[str, Any]:
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}; list them at /api/articles")
        data = article.to_dict()
        data["claims"] = [c.to_dict() for c in store.claims_for_article(article_id)]
        return masker(store).json(data)  # type: ignore[no-any-return]

    @app.get("/api/search", summary="Full-text search over articles and claims")
    def search(
        q: str = Query(..., min_length=1, description="Words to find; quote a phrase."),
        limit: int = Query(20, ge=1, le=200),
    ) -> dict[str, Any]:
        return {"query": q, **masker(store).json(store.search(q, limit))}

    @app.get("/api/status", summary="Rows per table and articles per outlet")
    def status() -> dict[str, Any]:
        return {
            "tables": store.counts(),
            "outlets": [
                {"outlet": o, "articles": n, "claims": c} for o, n, c in store.outlet_counts()
            ],
        }

    @app.get("/api/allegations/{allegation_id}", summary="One allegation and its evidence tree")
    def get_allegation(allegation_id: str) -> dict[str, Any]:
        from clew.store import graph

        record = graph.get_allegation(store, allegation_id)
        if record is None:
            raise HTTPException(
                404, f"no allegation {allegation_id!r}; list them at /api/allegations"
            )
        return masker(store).json(graph.record_json(record))  # type: ignore[no-any-return]

    app.include_router(export_router(store))
    return app
