"""Linking is a deterministic function of the whole corpus: order, batches and re-runs do not
change it, so linking after new reports arrive equals linking everything from scratch."""

from __future__ import annotations

import random
from dataclasses import asdict

from clew.grade import grade_graph
from clew.link import Graph, link_corpus
from clew.model import Article, Claim
from tests.link.fiction import court_and_denial, echo_corpus


def _corpus() -> tuple[list[Article], list[Claim]]:
    a, c = echo_corpus(6)
    b, d = court_and_denial()
    return [*a, *b], [*c, *d]


def _snapshot(graph: Graph) -> object:
    return (
        [asdict(a) for a in graph.allegations],
        {k: [asdict(line) for line in v] for k, v in graph.lines.items()},
        [asdict(e) for e in graph.entities.values()],
        graph.links,
    )


def test_input_order_does_not_matter() -> None:
    articles, claims = _corpus()
    first = _snapshot(grade_graph(link_corpus(articles, claims)))
    rng = random.Random(7)
    for _ in range(3):
        rng.shuffle(articles)
        rng.shuffle(claims)
        assert _snapshot(grade_graph(link_corpus(articles, claims))) == first


def test_relinking_after_new_reports_equals_linking_from_scratch() -> None:
    articles, claims = _corpus()
    early = [a for a in articles if (a.published or "") < "2025-03-08"]
    early_ids = {a.id for a in early}
    before = link_corpus(early, [c for c in claims if c.article_id in early_ids])
    after = grade_graph(link_corpus(articles, claims))  # the new reports arrive, link again
    scratch = grade_graph(link_corpus(list(reversed(articles)), list(reversed(claims))))
    assert _snapshot(after) == _snapshot(scratch)
    # An allegation keeps its id when later reports join it: the id comes from its first claim.
    assert {a.id for a in before.allegations} <= {a.id for a in after.allegations}
