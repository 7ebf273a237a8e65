"""The network, routes and timeline pages, each with its JSON twin under /api.

A page embeds the same JSON its twin returns and our scripts in ``static/viz`` draw it with the
libraries in ``static/vendor`` (built from package-lock.json by ``make vendor``). Each page also
renders its data as plain tables on the server, so it reads without scripts, by keyboard and by
screen reader, and still works when the vendor folder was never built: the page then says how to
build it instead of loading scripts that are not there.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from clew.serve import viz_queries
from clew.serve.templating import STATIC, render
from clew.serve.viz_queries import VizFilter
from clew.store import Store

VENDOR = STATIC / "vendor"
GRADE_CHOICES = [
    ("Source reliability", [(g, f"{g}: any credibility") for g in "ABCDEF"]),
    ("Information credibility", [(str(n), f"{n}: any reliability") for n in range(1, 7)]),
]
# An empty field is allowed: a filter form submits the date fields a user left blank.
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


def viz_filter(
    act: str | None = Query(None, description="Only this act (an id of act_types.yaml)."),
    grade: str | None = Query(None, description='A grade ("C3"), or its letter or digit alone.'),
    date_from: str | None = Query(
        None,
        pattern=DATE_PATTERN,
        description="First reported on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    date_to: str | None = Query(
        None,
        pattern=DATE_PATTERN,
        description="First reported on or before this date; a partial date keeps its whole month "
        "or year.",
    ),
) -> VizFilter:
    return VizFilter(
        act=act or None, grade=grade or None, date_from=date_from or None, date_to=date_to or None
    )


Filter = Annotated[VizFilter, Depends(viz_filter)]


def missing_vendor(files: list[str]) -> list[str]:
    """The library files a page needs that were never built into the package."""
    return [name for name in files if not (VENDOR / name).is_file()]


def create_router(store: Store) -> APIRouter:
    router = APIRouter()

    def page(
        request: Request, name: str, where: VizFilter, data: dict[str, Any], libraries: list[str]
    ) -> HTMLResponse:
        query = urlencode(where.params())
        return render(
            request,
            name,
            {
                "data": data,
                "where": where,
                "acts": viz_queries.acts_present(store),
                "grades": GRADE_CHOICES,
                "libraries": libraries,
                "missing": missing_vendor(libraries),
                "cap": viz_queries.MAX_ALLEGATIONS,
                "query": f"?{query}" if query else "",
            },
        )

    @router.get(
        "/api/network",
        summary="The network: actors, allegations and places as nodes and edges",
        description="Nodes are actors (`person`, `group`), places (`place`) and allegations "
        "(`allegation`); an edge joins an actor to an allegation it is accused in "
        '(`"role": "perpetrator"`) and an allegation to a place it happened '
        '(`"role": "place"`). Each node has the `href` of its page.',
    )
    def network_json(where: Filter) -> dict[str, Any]:
        return viz_queries.network(store, where)

    @router.get(
        "/api/routes",
        summary="The routes map: places with coordinates, and origin to destination flows",
        description="Places carry `latitude`/`longitude` when geocoded to a point "
        '(`"position": "point"`); a country carries its ISO 3166-1 numeric code and '
        '`"position": "country"`. Flows join a claim\'s origin to its destination, with the '
        "allegations that assert them; `allegations` holds a summary of each one.",
    )
    def routes_json(where: Filter) -> dict[str, Any]:
        return viz_queries.routes(store, where)

    @router.get(
        "/api/timeline",
        summary="The timeline: allegations counted by month of first report and act",
        description="`counts` holds one row per month and act; `months` lists every month of "
        "the range, quiet ones included; `allegations` lists the dated allegations in order; "
        "`undated` counts those without a month.",
    )
    def timeline_json(where: Filter) -> dict[str, Any]:
        return viz_queries.timeline(store, where)

    @router.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, where: Filter) -> HTMLResponse:
        data = viz_queries.network(store, where)
        return page(request, "network.html", where, data, ["cytoscape.min.js"])

    @router.get("/routes", response_class=HTMLResponse, include_in_schema=False)
    def routes_page(request: Request, where: Filter) -> HTMLResponse:
        data = viz_queries.routes(store, where)
        libraries = ["d3.min.js", "topojson-client.min.js", "countries-50m.json"]
        return page(request, "routes.html", where, data, libraries)

    @router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, where: Filter) -> HTMLResponse:
        data = viz_queries.timeline(store, where)
        return page(request, "timeline.html", where, data, ["d3.min.js"])

    return router
