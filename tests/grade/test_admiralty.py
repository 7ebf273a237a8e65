"""Admiralty grades: the rules of admiralty.yaml, each one visible in the rationale."""

from __future__ import annotations

from clew.grade import grade_graph
from clew.link import link_corpus
from clew.link.outlets import OutletEntry
from clew.model import Allegation, Source
from tests.link.fiction import article, claim, court_and_denial, echo_corpus


def _sale(allegations: list[Allegation]) -> Allegation:
    return next(a for a in allegations if a.act == "organ_sale")


def test_one_echoed_anonymous_line_cannot_be_judged() -> None:
    articles, claims = echo_corpus(20)
    sale = _sale(grade_graph(link_corpus(articles, claims)).allegations)
    assert sale.grade == "F6"
    assert any("anonymous source" in s for s in sale.rationale)
    assert any("1 independent line" in s for s in sale.rationale)


def test_a_court_conviction_confirms() -> None:
    articles, claims = echo_corpus(2)
    more, more_claims = court_and_denial()
    graph = grade_graph(link_corpus([*articles, *more], [*claims, *more_claims]))
    sale = _sale(graph.allegations)
    assert sale.credibility == 1
    assert any("conviction" in s for s in sale.rationale)
    trial = next(a for a in graph.allegations if a.act == "prosecution")
    assert trial.grade == "A1"


def _independent(n: int, deny: bool = False) -> list[Allegation]:
    articles, claims = [], []
    kinds = [  # distinct words: near-identical sentences would rightly count as copied text
        ("Dr. Ana Voskova", "person", "A surgeon says the Vardar Brotherhood sold kidneys."),
        ("Safe Passage Watch", "ngo", "Aid workers documented sales of organs by the gang."),
        ("Vranje police", "official", "Police tied the Brotherhood to a trade in kidneys."),
    ]
    for i, (name, kind, text) in enumerate(kinds[:n]):
        a = article(text, f"Outlet {i}", f"2025-02-0{i + 1}")
        articles.append(a)
        claims.append(claim(a, text, sources=[Source(name, kind)]))
    if deny:
        text = "The Vardar Brotherhood denied selling any kidneys."
        a = article(text, "Outlet 9", "2025-02-09")
        articles.append(a)
        claims.append(
            claim(a, text, modality="denied", sources=[Source("Luka Veljanoski", "person")])
        )
    return grade_graph(link_corpus(articles, claims)).allegations


def test_independent_lines_raise_credibility_and_a_denial_lowers_it() -> None:
    one, two, three = (_sale(_independent(n)) for n in (1, 2, 3))
    assert (one.independent_lines, two.independent_lines, three.independent_lines) == (1, 2, 3)
    assert one.grade == "C4" and two.grade == "B3" and three.grade == "B2"
    denied = _sale(_independent(3, deny=True))
    assert denied.denials == 1 and denied.credibility == 3
    assert any("denied by Luka Veljanoski" in s for s in denied.rationale)


def test_hedging_lowers_credibility() -> None:
    text = "Rumours say the Vardar Brotherhood sold kidneys in Skopje, Dr. Ana Voskova said."
    a = article(text, "Outlet", "2025-02-01")
    c = claim(a, text, modality="rumored", sources=[Source("Dr. Ana Voskova", "person")])
    sale = _sale(grade_graph(link_corpus([a], [c])).allegations)
    assert sale.grade == "C5"
    assert any("hedges" in s for s in sale.rationale)


def test_the_outlet_table_grades_an_outlets_own_voice() -> None:
    text = "The Vardar Brotherhood sold kidneys in Skopje."
    a = article(text, "The Ledger", "2025-02-01", url="https://ledger.example/x")
    c = claim(a, text, modality="asserted")
    table = [OutletEntry("ledger", "The Ledger", (), ("ledger.example",), "B", "Fictional.")]
    graph = grade_graph(link_corpus([a], [c], outlets=table))
    sale = _sale(graph.allegations)
    assert sale.reliability == "B"
    assert any("graded B in the outlet table" in s for s in sale.rationale)
    unlisted = _sale(grade_graph(link_corpus([a], [c], outlets=[])).allegations)
    assert unlisted.grade == "F6"
