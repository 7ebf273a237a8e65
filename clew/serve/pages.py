"""The investigator's pages and their JSON twins: overview, allegations, one allegation, one
report, one entity, sources.

Each page and its twin under ``/api`` call the same function of :mod:`clew.serve.views` for
their data, so what a page shows and what a script downloads cannot disagree (datasette's
habit); this module adds only what a page needs beyond it: filters, paging, sorting, charts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from clew.serve import highlight, queries, records, views
from clew.serve.queries import SORTS, AllegationFilter
from clew.serve.templating import (
    render,
)
from clew.store import Store, graph

EXPORT_FORMATS = ("ftm", "graphml", "gexf", "geojson", "csv", "parquet", "dossier")
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CHART_WIDTH, CHART_HEIGHT = 560, 132


def _blank(value: str | None) -> str | None:
    """A form submits empty fields as empty strings; an empty filter is no filter."""
    return value.strip() if value and value.strip() else None


def allegation_filter(
    act: Annotated[str | None, Query(description="Only this act.")] = None,
    actor: Annotated[str | None, Query(description="Perpetrator name contains this.")] = None,
    place: Annotated[str | None, Query(description="Place name contains this.")] = None,
    country: Annotated[
        str | None, Query(description="Only places in this country (ISO 3166 code, e.g. MK).")
    ] = None,
    grade: Annotated[
        str | None, Query(description='A grade ("C3"), or its letter or digit.')
    ] = None,
    modality: Annotated[
        str | None, Query(description="Only allegations with a claim of this modality.")
    ] = None,
    since: Annotated[
        str | None, Query(description="Last reported on or after this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, Query(description="First reported on or before this date (YYYY[-MM[-DD]]).")
    ] = None,
    q: Annotated[str | None, Query(description="Words in the evidence, actors or places.")] = None,
    sort: Annotated[
        str,
        Query(
            description=f"One of {', '.join(SORTS)}; a leading '-' sorts descending.",
            pattern=rf"^-?({'|'.join(SORTS)})$",
        ),
    ] = queries.DEFAULT_SORT,
) -> AllegationFilter:
    """The allegation filters shared by the page and its twin, validated once."""
    for name, value in (("since", since), ("until", until)):
        if _blank(value) and not re.match(DATE, value or ""):
            raise HTTPException(400, f"{name} must be a date such as 2025, 2025-03 or 2025-03-14")
    return AllegationFilter(
        act=_blank(act),
        actor=_blank(actor),
        place=_blank(place),
        country=_blank(country),
        grade=_blank(grade),
        modality=_blank(modality),
        since=_blank(since),
        until=_blank(until),
        q=_blank(q),
        sort=sort,
    )


Filter = Annotated[AllegationFilter, Depends(allegation_filter)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


def _timeline(months: list[dict[str, Any]]) -> dict[str, Any]:
    """Bar positions for the overview's reports-per-month chart, computed here, drawn as SVG."""
    if not months:
        return {"bars": [], "width": CHART_WIDTH, "height": CHART_HEIGHT}
    top = max(m["reports"] for m in months)
    step = CHART_WIDTH / len(months)
    plot = CHART_HEIGHT - 32  # room for month and year below the bars
    bars = []
    for i, m in enumerate(months):
        h = max(2.0, plot * m["reports"] / top)
        bars.append(
            m
            | {
                "x": round(i * step + step * 0.15, 1),
                "y": round(plot - h, 1),
                "w": round(step * 0.7, 1),
                "h": round(h, 1),
                "label_x": round(i * step + step / 2, 1),
                "label": calendar.month_abbr[int(m["month"][5:7])],
                "year": m["month"][:4] if i == 0 or m["month"].endswith("-01") else None,
            }
        )
    return {"bars": bars, "width": CHART_WIDTH, "height": CHART_HEIGHT}


def _pages(total: int, limit: int, offset: int, params: dict[str, str]) -> dict[str, Any]:
    def link(at: int) -> str:
        return "/allegations?" + urlencode(params | {"limit": str(limit), "offset": str(at)})

    return {
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "previous": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def _sort_links(f: AllegationFilter, limit: int) -> dict[str, dict[str, str]]:
    """For each sortable column, the link that sorts by it (flipping the order if it already
    does) and the aria-sort value a screen reader announces."""
    current = f.sort.lstrip("-")
    descending = f.sort.startswith("-")
    links = {}
    for key in SORTS:
        flip = "" if (key == current and descending) else "-"
        params = replace(f, sort=f"{flip}{key}").params() | {"limit": str(limit)}
        state = "none"
        if key == current:
            state = "descending" if descending else "ascending"
        links[key] = {"href": "/allegations?" + urlencode(params), "aria": state}
    return links


def _downloads(key: str, value: str) -> list[dict[str, str]]:
    return [
        {"format": fmt, "href": f"/api/export/{fmt}?" + urlencode({key: value})}
        for fmt in EXPORT_FORMATS
    ]


def create_router(store: Store) -> APIRouter:
    router = APIRouter()

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> HTMLResponse:
        data = views.overview_data(store)
        grades = {g["grade"]: g["allegations"] for g in data["by_grade"] if g["grade"]}
        rows: dict[str, int] = {}
        for grade, n in grades.items():
            rows[grade[0]] = rows.get(grade[0], 0) + n
        return render(
            request,
            "overview.html",
            data | {"chart": _timeline(data["months"]), "grades": grades, "grade_rows": rows},
        )

    @router.get("/api/overview", summary="The corpus at a glance (the overview page's data)")
    def overview_json() -> dict[str, Any]:
        return views.overview_data(store)

    @router.get("/allegations", response_class=HTMLResponse, include_in_schema=False)
    def allegations_page(
        request: Request, f: Filter, limit: Limit = 50, offset: Offset = 0
    ) -> HTMLResponse:
        data = views.list_data(store, f, limit, offset)
        return render(
            request,
            "allegations.html",
            data
            | {
                "f": f,
                "choices": queries.choices(store),
                "modalities": ["asserted", "reported", "alleged", "rumored", "denied"],
                "pages": _pages(data["total"], limit, offset, f.params()),
                "sorts": _sort_links(f, limit),
                "default_sort": queries.DEFAULT_SORT,
                "api": "/api/allegations?"
                + urlencode(f.params() | {"limit": str(limit), "offset": str(offset)}),
            },
        )

    @router.get("/api/allegations", summary="Allegations, most reports first, one page at a time")
    def allegations_json(f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        total, found = queries.list_allegations(store, f, limit=limit, offset=offset)
        claims = graph.claims_of(store, [a.id for a in found])
        items = [graph.allegation_json(a, claims.get(a.id, [])) for a in found]
        hide = queries.masker(store)
        return {"total": total, "limit": limit, "offset": offset, "items": hide.json(items)}

    @router.get(
        "/allegations/{allegation_id}", response_class=HTMLResponse, include_in_schema=False
    )
    def allegation_page(request: Request, allegation_id: str) -> HTMLResponse:
        data = views.allegation_data(store, allegation_id)
        record = data["_record"]
        related = queries.allegations_by_id(store, data["related"])
        found = records.mentions_of(store, sorted(record.articles))
        # Oldest report first, so the sentences read as the story spread.
        evidence = [
            c | {"pieces": highlight.sentence(record.claims[c["id"]], found, data["_hide"])}
            for c in sorted(
                data["claims"], key=lambda c: (c["published"] or "9999", c["outlet"] or "")
            )
        ]
        return render(
            request,
            "allegation.html",
            data
            | {
                "evidence": evidence,
                "downloads": _downloads("allegation", allegation_id),
                "related_rows": views.allegation_rows(store, related, data["_hide"]),
            },
        )

    @router.get("/reports/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, article_id: str) -> HTMLResponse:
        data = views.report_data(store, article_id)
        record = data["_record"]
        pieces = highlight.article(
            record.article.text, record.claims, record.mentions, data["_hide"]
        )
        sentences: dict[str, list[dict[str, Any]]] = {}
        for claim in data["claims"]:
            sentences.setdefault(claim["sentence"], []).append(claim)
        grouped = [
            {
                "claims": same,
                "chains": [
                    c["sources"]
                    for i, c in enumerate(same)
                    if c["sources"] not in [d["sources"] for d in same[:i]]
                ],
            }
            for same in sentences.values()
        ]
        return render(request, "report.html", data | {"pieces": pieces, "sentences": grouped})

    @router.get("/api/reports/{article_id}", summary="One report: claims, allegations, echoes")
    def report_json(article_id: str) -> dict[str, Any]:
        return views.public(views.report_data(store, article_id))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        data = views.entity_data(store, entity_id)
        return render(request, "entity.html", data | {"downloads": _downloads("entity", entity_id)})

    @router.get("/api/entities/{entity_id}", summary="One entity and the allegations it is in")
    def entity_json(entity_id: str) -> dict[str, Any]:
        return views.entity_data(store, entity_id)

    @router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request) -> HTMLResponse:
        return render(request, "sources.html", views.sources_data(store))

    @router.get("/api/sources", summary="Outlets and root sources, with what rests on each")
    def sources_json() -> dict[str, Any]:
        return views.sources_data(store)

    return router
