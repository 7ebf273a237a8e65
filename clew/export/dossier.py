"""A briefing for an editor: one allegation, or every allegation about one entity, as HTML and
PDF, with every quoted sentence cited in full.

The HTML comes from a Jinja2 template (``templates/dossier.html.j2``) with autoescaping, since
report text is untrusted; WeasyPrint turns the same HTML into the PDF, so the two never differ.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2

from clew import __version__
from clew.export.figures import (
    MapPoint,
    MapRoute,
    TimelineRow,
    map_svg,
    parse_date,
    timeline_svg,
)
from clew.export.geo import locate
from clew.export.select import ExportError, Selection
from clew.export.words import (
    act_label,
    chain_words,
    grade_words,
    modality_label,
    source_words,
    statement,
    title,
)
from clew.model import Allegation

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("clew.export", "templates"),
    autoescape=jinja2.select_autoescape(["html", "j2"]),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _citation(selection: Selection, article_id: str) -> dict[str, Any]:
    article = selection.articles.get(article_id)
    if article is None:
        return {"id": article_id, "outlet": None, "published": None, "title": None, "url": None}
    return {
        "id": article.id,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "url": article.url,
    }


def _allegation_context(selection: Selection, a: Allegation) -> dict[str, Any]:
    claims = {c.id: c for c in selection.claims_of(a)}
    lines = []
    for number, line in enumerate(selection.lines.get(a.id, []), start=1):
        reports = []
        for article_id in line.article_ids:
            quotes = [
                {
                    "sentence": claims[c].text,
                    "modality": modality_label(claims[c].modality),
                    "denied": claims[c].modality == "denied",
                    "chain": chain_words(claims[c].sources),
                }
                for c in line.claim_ids
                if c in claims and claims[c].article_id == article_id
            ]
            reports.append({"citation": _citation(selection, article_id), "quotes": quotes})
        lines.append(
            {
                "number": number,
                "root": source_words(line.root_source),
                "reliability": line.reliability,
                "reason": line.reason,
                "reports": reports,
            }
        )
    return {
        "id": a.id,
        "title": title(a),
        "act": act_label(a.act),
        "statement": statement(a),
        "grade": a.grade or "none",
        "grade_words": grade_words(a.grade),
        "rationale": a.rationale,
        "reports": a.reports,
        "independent_lines": a.independent_lines,
        "echoes": a.echoes,
        "denials": a.denials,
        "first_reported": a.first_reported,
        "last_reported": a.last_reported,
        "perpetrators": a.perpetrators,
        "victims": a.victims,
        "places": a.places,
        "lines": lines,
        "denied_by": [
            {
                "sentence": c.text,
                "chain": chain_words(c.sources),
                "citation": _citation(selection, c.article_id),
            }
            for c in claims.values()
            if c.modality == "denied"
        ],
    }


def _map(selection: Selection, allegations: list[Allegation]) -> str | None:
    weight: dict[str, int] = {}
    for a in allegations:
        for e in a.place_ids:
            weight[e] = weight.get(e, 0) + 1
    points = []
    located = {}
    for entity_id, count in weight.items():
        entity = selection.entities.get(entity_id)
        point = locate(entity) if entity else None
        if entity is None or point is None:
            continue
        located[entity_id] = (point.latitude, point.longitude)
        points.append(
            MapPoint(
                entity.name,
                point.latitude,
                point.longitude,
                count,
                point.precision != "place",
            )
        )
    wanted = {a.id for a in allegations}
    routes = [
        MapRoute(located[r.origin], located[r.destination], len(r.claim_ids))
        for r in selection.routes
        if r.origin in located and r.destination in located and wanted & set(r.allegation_ids)
    ]
    return map_svg(points, routes)


def _timeline_rows(selection: Selection, allegations: list[Allegation]) -> list[TimelineRow]:
    """One row per line of evidence for one allegation; one row per allegation for several."""
    rows = []
    for a in allegations:
        denied = {c.article_id for c in selection.claims_of(a) if c.modality == "denied"}
        groups = [(a, line.article_ids, source_words(line.root_source))
                  for line in selection.lines.get(a.id, [])]  # fmt: skip
        if len(allegations) > 1:
            groups = [(a, a.article_ids, title(a))]
        for _, article_ids, label in groups:
            row = TimelineRow(label)
            dated = sorted(
                (d, article_id)
                for article_id in article_ids
                if article_id in selection.articles
                and (d := parse_date(selection.articles[article_id].published))
            )
            for i, (d, article_id) in enumerate(dated):
                kind = "denial" if article_id in denied else "report" if i == 0 else "echo"
                row.reports.append((d, kind))
            rows.append(row)
    return rows


def context(selection: Selection) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
    if not selection.allegations:
        raise ExportError(
            f"no allegation matches {selection.filters.describe()}; "
            "a dossier needs --allegation ID or --entity ID (see `clew allegations`)"
        )
    subject = selection.subject
    if subject is not None:
        heading = subject.name
        kind = "place" if subject.type == "place" else "actor"
        lead = (
            f"{len(selection.allegations)} allegation"
            f"{'s' if len(selection.allegations) != 1 else ''} in the reports "
            f"{'concern' if len(selection.allegations) != 1 else 'concerns'} this {kind}."
        )
    else:
        first = selection.allegations[0]
        heading = title(first)
        lead = statement(first)
    return {
        "heading": heading,
        "lead": lead,
        "subject": subject,
        "scope": selection.filters.describe(),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "privacy_note": selection.privacy_note,
        "masked": selection.masked,
        "allegations": [_allegation_context(selection, a) for a in selection.allegations],
        "map_svg": _map(selection, selection.allegations),
        "timeline_svg": timeline_svg(_timeline_rows(selection, selection.allegations)),
        "timeline_by": "allegation" if len(selection.allegations) > 1 else "line of evidence",
        "bibliography": [
            _citation(selection, article_id)
            for article_id in sorted(
                selection.articles,
                key=lambda i: (
                    selection.articles[i].published or "",
                    selection.articles[i].outlet or "",
                ),
            )
        ],
    }


def render_html(selection: Selection) -> str:
    return _env.get_template("dossier.html.j2").render(**context(selection))


def write(selection: Selection, target: Path) -> list[Path]:
    """``target``'s name with .html and .pdf: the page and its print."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment

    html = render_html(selection)
    target.parent.mkdir(parents=True, exist_ok=True)
    stem = target.with_suffix("") if target.suffix in {".html", ".pdf"} else target
    page = stem.with_name(stem.name + ".html")
    pdf = stem.with_name(stem.name + ".pdf")
    page.write_text(html, encoding="utf-8")
    HTML(string=html, base_url=str(page.parent)).write_pdf(pdf)
    return [page, pdf]
