"""What each page shows, as plain data: the same dicts feed a template and a JSON twin.

Victims' names are masked here, before anything reaches a template or a JSON body, so no page
or twin can forget to. Lists of allegations become rows in one place (:func:`allegation_rows`),
so the overview, the list, a report's and an entity's tables say the same things the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import HTTPException

from clew.link.outlets import outlet_entries
from clew.model import Allegation, Article, ArticleLink, Claim, Entity, Source
from clew.serve import queries, records
from clew.serve.queries import AllegationFilter, Masker
from clew.serve.templating import (
    act_label,
    actor_preposition,
    grade_class,
    grade_meaning,
    kind_label,
)
from clew.store import Store, graph


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


def _link_json(link: ArticleLink, article: Article, hide: Masker) -> dict[str, Any]:
    """The other end of a citation or copy, as a report page lists it."""
    return {
        "article_id": article.id,
        "outlet": article.outlet,
        "title": hide(article.title or ""),
        "published": article.published,
        "kind": link.kind,
        "score": link.score,
    }


def report_data(store: Store, article_id: str) -> dict[str, Any]:
    record = records.get_report(store, article_id)
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
        "echoes": [_link_json(x, a, hide) for x, a in record.echoes],
        "echoed_by": [_link_json(x, a, hide) for x, a in record.echoed_by],
        "_record": record,
        "_hide": hide,
    }


def entity_data(store: Store, entity_id: str) -> dict[str, Any]:
    record = records.get_entity(store, entity_id)
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
    reports = records.reports_by_outlet(store)
    outlets = []
    for row in records.outlet_rows(store):
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
    roots = [r | {"name": hide(r["name"])} for r in records.root_source_rows(store)]
    return {"outlets": outlets, "root_sources": roots}


def public(data: dict[str, Any]) -> dict[str, Any]:
    """A page's data without the records only templates use (keys starting with "_")."""
    return {k: v for k, v in data.items() if not k.startswith("_")}
