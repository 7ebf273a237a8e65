"""The investigator's pages and their JSON twins: overview, allegations, one allegation, one
report, one entity, sources.

Each page and its twin under ``/api`` call the same function for their data, so what a page
shows and what a script downloads cannot disagree (datasette's habit). Victims' names are masked
here, before anything reaches a template or a JSON body, and every page says that they were.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from clew.link.outlets import outlet_entries
from clew.model import Allegation, Article, Claim, Entity, Source
from clew.serve import highlight, queries
from clew.serve.queries import SORTS, AllegationFilter, Masker
from clew.serve.templating import (
    act_label,
    actor_preposition,
    grade_class,
    grade_meaning,
    kind_label,
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


def _masked(sources: Iterable[Source], hide: Masker) -> list[dict[str, str]]:
    return [
        {"name": hide(s.name), "kind": s.kind, "kind_label": kind_label(s.kind).lower()}
        for s in sources
    ]


def allegation_row(a: Allegation, hide: Masker, known: dict[str, Entity]) -> dict[str, Any]:
    """One allegation as a list shows it: who alleges what, how often, how independently."""
    return {
        "id": a.id,
        "act": a.act,
        "act_label": act_label(a.act),
        "perpetrators": [
            {"id": e, "name": hide(known[e].name)} for e in a.perpetrator_ids if e in known
        ]
        or [{"id": None, "name": hide(p)} for p in a.perpetrators],
        "places": [
            {"id": e, "name": known[e].name, "country": known[e].country}
            for e in a.place_ids
            if e in known
        ],
        "victims": [hide(v) for v in a.victims],
        "root_sources": _masked(a.root_sources, hide),
        "reports": a.reports,
        "independent_lines": a.independent_lines,
        "echoes": a.echoes,
        "denials": a.denials,
        "grade": a.grade,
        "grade_meaning": grade_meaning(a.grade),
        "grade_class": grade_class(a.grade),
        "first_reported": a.first_reported,
        "last_reported": a.last_reported,
    }


def allegation_rows(store: Store, found: list[Allegation], hide: Masker) -> list[dict[str, Any]]:
    known = queries.entities_by_id(
        store, sorted({e for a in found for e in [*a.perpetrator_ids, *a.place_ids]})
    )
    return [allegation_row(a, hide, known) for a in found]


def statement(row: dict[str, Any]) -> str:
    """The allegation in plain words, built from its parts (no generated prose)."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    who = ", ".join(p["name"] for p in row["perpetrators"]) or "unnamed actors"
    text = (
        f"{plural(row['reports'], 'report')}, in "
        f"{plural(row['independent_lines'], 'independent line')} of evidence, "
        f"{'alleges' if row['reports'] == 1 else 'allege'} {row['act_label'].lower()} "
        f"{actor_preposition(row['act'])} {who}"
    )
    if row["victims"]:
        text += f"; victims: {', '.join(row['victims'][:3])}"
    if row["places"]:
        shown = [p["name"] for p in row["places"][:4]]
        more = len(row["places"]) - len(shown)
        text += f"; in {', '.join(shown)}" + (f" and {more} more places" if more > 0 else "")
    return text + "."


# --- data behind each page (shared by the page and its twin) --------------------------------


def overview_data(store: Store) -> dict[str, Any]:
    data = queries.overview(store)
    hide = queries.masker(store)
    data["newest"] = allegation_rows(store, data["newest"], hide)
    for source in data["root_sources"]:
        source["name"] = hide(source["name"])
    for accused in data["accused"]:
        accused["masked"] = hide(accused["name"]) != accused["name"]
        accused["name"] = hide(accused["name"])
    for act in data["by_act"]:
        act["label"] = act_label(act["act"])
    for grade in data["by_grade"]:
        grade["meaning"] = grade_meaning(grade["grade"])
    return data


def list_data(store: Store, f: AllegationFilter, limit: int, offset: int) -> dict[str, Any]:
    total, found = queries.list_allegations(store, f, limit=limit, offset=offset)
    hide = queries.masker(store)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "filters": f.params(),
        "items": allegation_rows(store, found, hide),
    }


def _claim_json(claim: Claim, article: Article | None, hide: Masker) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "sentence": hide(claim.text),
        "modality": claim.modality,
        "sources": _masked(claim.sources, hide),
        "outlet": article.outlet if article else None,
        "title": hide(article.title or "") if article else None,
        "published": article.published if article else None,
    }


def allegation_data(store: Store, allegation_id: str) -> dict[str, Any]:
    record = graph.get_allegation(store, allegation_id)
    if record is None:
        raise HTTPException(404, f"no allegation {allegation_id!r}; list them at /allegations")
    hide = queries.masker(store)
    a = record.allegation
    row = allegation_rows(store, [a], hide)[0]
    in_line = {art: line.id for line in record.lines for art in line.article_ids}
    repeats = {
        (x.source_article, in_line.get(x.source_article)): x
        for x in record.links
        if in_line.get(x.source_article) == in_line.get(x.target_article)
    }
    lines = []
    for line in record.lines:
        line_claims = [record.claims[c] for c in line.claim_ids if c in record.claims]
        reports = []
        for art_id in line.article_ids:
            art = record.articles.get(art_id)
            link = repeats.get((art_id, line.id))
            target = record.articles.get(link.target_article) if link else None
            reports.append(
                {
                    "article_id": art_id,
                    "outlet": art.outlet if art else None,
                    "title": hide(art.title or "") if art else None,
                    "published": art.published if art else None,
                    "echo_of": {
                        "article_id": link.target_article,
                        "outlet": target.outlet if target else None,
                        "kind": link.kind,
                    }
                    if link
                    else None,
                    "denied": any(
                        c.modality == "denied" for c in line_claims if c.article_id == art_id
                    ),
                }
            )
        lines.append(
            {
                "id": line.id,
                "root_source": _masked([line.root_source], hide)[0] if line.root_source else None,
                "reliability": line.reliability,
                "reason": hide(line.reason),
                "denial": bool(line_claims) and all(c.modality == "denied" for c in line_claims),
                "reports": reports,
            }
        )
    return {
        **row,
        "statement": statement(row),
        "rationale": [hide(r) for r in a.rationale],
        "related": a.related_ids,
        "lines": lines,
        "claims": [
            _claim_json(c, record.articles.get(c.article_id), hide) for c in record.claims.values()
        ],
        "_record": record,
        "_hide": hide,
    }


def report_data(store: Store, article_id: str) -> dict[str, Any]:
    record = queries.get_report(store, article_id)
    if record is None:
        raise HTTPException(404, f"no report {article_id!r}; list them at /api/articles")
    hide = queries.masker(store)
    art = record.article
    chains = []
    for c in record.claims:
        chain = [art.outlet or "this report", *[hide(s.name) for s in c.sources]]
        if chain not in chains:
            chains.append(chain)
    return {
        "id": art.id,
        "title": hide(art.title or ""),
        "outlet": art.outlet,
        "byline": hide(art.byline or "") or None,
        "published": art.published,
        "url": art.url,
        "locations": art.locations,
        "chains": chains,
        "claims": [_claim_json(c, art, hide) | {"act": c.act} for c in record.claims],
        "allegations": allegation_rows(store, record.allegations, hide),
        "echoes": [
            {
                "article_id": a.id,
                "outlet": a.outlet,
                "title": hide(a.title or ""),
                "published": a.published,
                "kind": x.kind,
                "score": x.score,
            }
            for x, a in record.echoes
        ],
        "echoed_by": [
            {
                "article_id": a.id,
                "outlet": a.outlet,
                "title": hide(a.title or ""),
                "published": a.published,
                "kind": x.kind,
                "score": x.score,
            }
            for x, a in record.echoed_by
        ],
        "_record": record,
        "_hide": hide,
    }


def entity_data(store: Store, entity_id: str) -> dict[str, Any]:
    record = queries.get_entity(store, entity_id)
    if record is None:
        raise HTTPException(404, f"no entity {entity_id!r}; find one from /allegations")
    hide = queries.masker(store)
    e = record.entity
    return {
        "id": e.id,
        "name": hide(e.name),
        "masked": hide(e.name) != e.name,
        "type": e.type,
        "subtype": e.subtype,
        "country": e.country,
        "aliases": sorted({hide(x) for x in e.aliases} - {hide(e.name)}),
        "as_perpetrator": allegation_rows(store, record.as_perpetrator, hide),
        "as_victim": allegation_rows(store, record.as_victim, hide),
        "as_place": allegation_rows(store, record.as_place, hide),
        "co_accused": [
            {"id": other.id, "name": hide(other.name), "allegations": n}
            for other, n in record.co_accused
        ],
        "outlets": [{"outlet": o, "reports": n} for o, n in record.outlets],
        "root_sources": [
            {"name": hide(s.name), "kind": s.kind, "allegations": n} for s, n in record.root_sources
        ],
    }


def sources_data(store: Store) -> dict[str, Any]:
    hide = queries.masker(store)
    table = {e.label: e for e in outlet_entries()}
    reports = queries.reports_by_outlet(store)
    outlets = []
    for row in queries.outlet_rows(store):
        entry = table.get(row["outlet"] or "")
        outlets.append(
            row
            | {
                "reliability": entry.reliability if entry else None,
                "note": entry.note if entry else None,
                "newest": [
                    r | {"title": hide(r["title"] or "")} for r in reports.get(row["outlet"], [])
                ],
            }
        )
    roots = [r | {"name": hide(r["name"])} for r in queries.root_source_rows(store)]
    return {"outlets": outlets, "root_sources": roots}


def _public(data: dict[str, Any]) -> dict[str, Any]:
    """A page's data without the records only templates use (keys starting with "_")."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


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
        data = overview_data(store)
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
        return overview_data(store)

    @router.get("/allegations", response_class=HTMLResponse, include_in_schema=False)
    def allegations_page(
        request: Request, f: Filter, limit: Limit = 50, offset: Offset = 0
    ) -> HTMLResponse:
        data = list_data(store, f, limit, offset)
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
        data = allegation_data(store, allegation_id)
        record = data["_record"]
        related = queries.allegations_by_id(store, data["related"])
        found = queries.mentions_of(store, sorted(record.articles))
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
                "related_rows": allegation_rows(store, related, data["_hide"]),
            },
        )

    @router.get("/reports/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, article_id: str) -> HTMLResponse:
        data = report_data(store, article_id)
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
        return _public(report_data(store, article_id))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        data = entity_data(store, entity_id)
        return render(request, "entity.html", data | {"downloads": _downloads("entity", entity_id)})

    @router.get("/api/entities/{entity_id}", summary="One entity and the allegations it is in")
    def entity_json(entity_id: str) -> dict[str, Any]:
        return entity_data(store, entity_id)

    @router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request) -> HTMLResponse:
        return render(request, "sources.html", sources_data(store))

    @router.get("/api/sources", summary="Outlets and root sources, with what rests on each")
    def sources_json() -> dict[str, Any]:
        return sources_data(store)

    return router
