"""The evidence graph in the database: replace-all writes, filters, and the evidence tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clew.grade import grade_graph
from clew.link import link_corpus
from clew.model import Mention
from clew.store import Store, workspace_url
from clew.store.graph import (
    find_allegation_id,
    get_allegation,
    list_allegations,
    load_corpus,
    save_graph,
)
from tests.link.fiction import court_and_denial, echo_corpus


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(workspace_url(tmp_path))
    articles, claims = echo_corpus(3)
    more, more_claims = court_and_denial()
    by_article: dict[str, list] = {}
    for c in [*claims, *more_claims]:
        by_article.setdefault(c.article_id, []).append(c)
    for a in [*articles, *more]:
        s.add_article(a)
        spans = [Mention(a.id, "Skopje", "place", a.text.find("Skopje"), a.text.find("Skopje") + 6)]
        s.save_extraction(a.id, by_article.get(a.id, []), spans if "Skopje" in a.text else [], "t")
    yield s
    s.close()


def _link(store: Store) -> None:
    save_graph(store, grade_graph(link_corpus(*load_corpus(store))))


def test_saving_twice_replaces_and_reads_back(store: Store) -> None:
    _link(store)
    first = list_allegations(store)
    _link(store)
    assert list_allegations(store) == first
    total, items = first
    assert total == 2
    sale = next(a for a in items if a.act == "organ_sale")
    assert sale.reports == 7 and sale.independent_lines == 1 and sale.grade == "F1"
    assert sale.perpetrator_ids and sale.rationale


def test_filters_by_act_actor_place_and_grade(store: Store) -> None:
    _link(store)
    assert list_allegations(store, act="prosecution")[0] == 1
    assert list_allegations(store, actor="dervenski")[0] == 1
    assert list_allegations(store, actor="brotherhood")[0] == 2
    assert list_allegations(store, place="skopje")[0] == 2
    assert list_allegations(store, grade="A1")[0] == 1
    assert list_allegations(store, grade="F")[0] == 1
    assert list_allegations(store, actor="nobody")[0] == 0


def test_the_evidence_tree_of_one_allegation(store: Store) -> None:
    _link(store)
    sale = next(a for a in list_allegations(store)[1] if a.act == "organ_sale")
    assert find_allegation_id(store, sale.id[:8]) == sale.id
    record = get_allegation(store, sale.id)
    assert record is not None
    supporting = {c.id for c in record.claims.values() if c.modality != "denied"}
    assert len(record.lines) == 1 and set(record.lines[0].claim_ids) == supporting
    assert {link.kind for link in record.links} == {"citation", "copied_text"}
    assert set(record.articles) == set(sale.article_ids)
    _, _, spans = load_corpus(store)
    assert all(m.entity_id for m in spans)  # mentions now point at their entities
