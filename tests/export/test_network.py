"""GraphML and GEXF: the actor-allegation-place network, read back by networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from clew.export import Selection, network


def test_graphml_reads_back_with_grades_and_counts(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    network.write_graphml(everything, path)
    graph = nx.read_graphml(path)
    assert graph.graph["victims"] == "masked"
    allegations = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "allegation"}
    assert len(allegations) == len(everything.allegations)
    for a in everything.allegations:
        data = allegations[f"allegation:{a.id}"]
        assert data["reports"] == a.reports and data["grade"] == a.grade
        assert data["independent_lines"] == a.independent_lines
        for e in a.perpetrator_ids:
            assert graph.edges[f"entity:{e}", f"allegation:{a.id}"]["role"] == "perpetrator"
        for e in a.place_ids:
            assert graph.has_edge(f"allegation:{a.id}", f"entity:{e}")


def test_gexf_reads_back_the_same_network(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    network.write_gexf(everything, path)
    graph = nx.read_gexf(path)
    built = network.build(everything)
    assert graph.number_of_nodes() == built.number_of_nodes()
    assert graph.number_of_edges() == built.number_of_edges()
    assert "victims' names masked" in graph.graph["name"]
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {e.name for e in everything.entities.values()} <= labels
