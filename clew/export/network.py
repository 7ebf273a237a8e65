"""The actor -> allegation -> place network for Gephi and other graph tools (GraphML, GEXF).

Allegations are nodes of their own, not edges between an actor and a place: an allegation joins
several actors and places at once, carries a grade and counts, and Gephi can size and colour
nodes by those attributes. Attributes are scalars only (neither format holds a list); an absent
value is left out rather than written as an empty string, so numbers stay numbers in Gephi.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from clew.export.select import Selection
from clew.export.words import act_label, title


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != ""}


def build(selection: Selection) -> nx.DiGraph:
    """The network as a networkx graph: node ids are ``allegation:ID`` and ``entity:ID``."""
    graph = nx.DiGraph(
        name=f"clew evidence graph ({selection.filters.describe()}; "
        f"victims' names {selection.privacy})",
        generator="clew",
        scope=selection.filters.describe(),
        victims=selection.privacy,
    )
    perpetrated: Counter[str] = Counter()
    located: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    for a in selection.allegations:
        for e in a.perpetrator_ids:
            perpetrated[e] += 1
            reported[e] += a.reports
        for e in a.place_ids:
            located[e] += 1
            reported[e] += a.reports
    for entity in selection.entities.values():
        graph.add_node(
            f"entity:{entity.id}",
            **_clean(
                {
                    "label": entity.name,
                    "kind": "place" if entity.type == "place" else "actor",
                    "entity_type": entity.type,
                    "subtype": entity.subtype,
                    "country": entity.country,
                    "latitude": entity.latitude,
                    "longitude": entity.longitude,
                    "allegations_as_perpetrator": perpetrated[entity.id],
                    "allegations_as_place": located[entity.id],
                    "reports": reported[entity.id],
                }
            ),
        )
    for a in selection.allegations:
        node = f"allegation:{a.id}"
        graph.add_node(
            node,
            **_clean(
                {
                    "label": title(a),
                    "kind": "allegation",
                    "act": act_label(a.act),
                    "grade": a.grade,
                    "reliability": a.reliability,
                    "credibility": a.credibility,
                    "reports": a.reports,
                    "independent_lines": a.independent_lines,
                    "echoes": a.echoes,
                    "denials": a.denials,
                    "claims": len(a.claim_ids),
                    "first_reported": a.first_reported,
                    "last_reported": a.last_reported,
                    "victims": selection.privacy,
                }
            ),
        )
        for e in a.perpetrator_ids:
            if f"entity:{e}" in graph:
                graph.add_edge(f"entity:{e}", node, role="perpetrator", weight=a.reports)
        for e in a.place_ids:
            if f"entity:{e}" in graph:
                graph.add_edge(node, f"entity:{e}", role="place", weight=a.reports)
    for route in selection.routes:
        graph.add_edge(
            f"entity:{route.origin}",
            f"entity:{route.destination}",
            role="route",
            weight=len(route.claim_ids),
            allegations=len(route.allegation_ids),
        )
    return graph


def write_graphml(selection: Selection, target: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(build(selection), target, named_key_ids=True)
    return [target]


def write_gexf(selection: Selection, target: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(build(selection), target)
    return [target]
