"""Echoes are not corroboration: repeats, relays and copies collapse into one line of evidence."""

from __future__ import annotations

from clew.link import link_corpus
from clew.model import Allegation
from tests.link.fiction import court_and_denial, echo_corpus


def _the_sale(allegations: list[Allegation]) -> Allegation:
    (sale,) = [a for a in allegations if a.act == "organ_sale"]
    return sale


def test_an_echoed_anonymous_claim_is_one_line_however_many_outlets_repeat_it() -> None:
    for echoes in (0, 3, 40):
        articles, claims = echo_corpus(echoes)
        graph = link_corpus(articles, claims)
        sale = _the_sale(graph.allegations)
        assert sale.reports == echoes + 3
        assert sale.independent_lines == 1, graph.lines[sale.id]
        assert sale.echoes == echoes + 2
        assert [s.kind for s in sale.root_sources] == ["anonymous"]


def test_a_copy_without_attribution_is_found_and_is_an_echo() -> None:
    articles, claims = echo_corpus(0)
    graph = link_corpus(articles, claims)
    copy = next(a for a in articles if a.url and "viraldesk" in a.url)
    original = next(a for a in articles if a.outlet == "Nova Tribuna")
    copies = [link for link in graph.links if link.kind == "copied_text"]
    assert [(link.source_article, link.target_article) for link in copies] == [
        (copy.id, original.id)
    ]
    (line,) = graph.lines[_the_sale(graph.allegations).id]
    assert copy.id in line.article_ids and original.id in line.article_ids
    assert "copied" in line.reason


def test_a_relay_is_linked_to_the_report_it_cites() -> None:
    articles, claims = echo_corpus(0)
    graph = link_corpus(articles, claims)
    relay = next(a for a in articles if a.outlet == "Balkan Wire Service")
    original = next(a for a in articles if a.outlet == "Nova Tribuna")
    citations = [link for link in graph.links if link.kind == "citation"]
    assert [(link.source_article, link.target_article) for link in citations] == [
        (relay.id, original.id)
    ]


def test_a_citation_needs_the_cited_report_to_come_first() -> None:
    articles, claims = echo_corpus(0)
    for a in articles:
        if a.outlet == "Nova Tribuna":
            a.published = "2025-04-01"  # after the relay: the relay cannot rest on it
    graph = link_corpus(articles, claims)
    assert not [link for link in graph.links if link.kind == "citation"]


def test_independent_sources_are_separate_lines_and_denials_are_counted_apart() -> None:
    articles, claims = echo_corpus(2)
    more, more_claims = court_and_denial()
    graph = link_corpus([*articles, *more], [*claims, *more_claims])
    sale = _the_sale(graph.allegations)
    assert sale.denials == 1
    assert sale.independent_lines == 1  # the denial is no line of evidence for it
    (trial,) = [a for a in graph.allegations if a.act == "prosecution"]
    assert trial.id in sale.related_ids
    assert trial.perpetrators == ["Ilija Dervenski", "Vardar Brotherhood"]
