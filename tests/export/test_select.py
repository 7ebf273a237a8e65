"""Choosing what to export: the filters of `clew allegations`, one allegation or entity, and
victims' names masked everywhere unless asked otherwise."""

from __future__ import annotations

import re

import pytest

from clew.export import Filters, Selection, select
from clew.export.select import UnknownSubject
from clew.model import Allegation
from clew.privacy import MASK
from clew.store import Store
from clew.store.graph import list_allegations


def _texts(selection: Selection) -> list[str]:
    texts = [c.text for c in selection.claims.values()]
    texts += [a.text for a in selection.articles.values()]
    texts += [r for a in selection.allegations for r in a.rationale]
    texts += [v for c in selection.claims.values() for v in c.victims]
    texts += [e.name for e in selection.entities.values()]
    return texts


def test_whole_workspace_holds_every_allegation_and_its_claims(
    store: Store, everything: Selection
) -> None:
    total, _ = list_allegations(store, limit=1)
    assert len(everything.allegations) == total
    claim_ids = {c for a in everything.allegations for c in a.claim_ids}
    assert claim_ids == set(everything.claims)
    assert {c.article_id for c in everything.claims.values()} == set(everything.articles)
    assert set(everything.lines) <= {a.id for a in everything.allegations}


def test_one_allegation_by_id_prefix(store: Store, top: Allegation) -> None:
    picked = select(store, Filters(allegation=top.id[:10]))
    assert [a.id for a in picked.allegations] == [top.id]
    assert set(picked.claims) == set(top.claim_ids)
    assert all(e in picked.entities for e in top.perpetrator_ids + top.place_ids)


def test_filters_match_clew_allegations(store: Store, top: Allegation) -> None:
    by_act = select(store, Filters(act=top.act))
    assert by_act.allegations and all(a.act == top.act for a in by_act.allegations)
    assert top.grade
    by_grade = select(store, Filters(grade=top.grade[0]))
    assert all(a.reliability == top.grade[0] for a in by_grade.allegations)


def test_entity_selects_the_allegations_that_name_it(store: Store, top: Allegation) -> None:
    entity = top.perpetrator_ids[0]
    picked = select(store, Filters(entity=entity))
    assert picked.subject is not None and picked.subject.id == entity
    assert top.id in {a.id for a in picked.allegations}
    assert all(entity in a.perpetrator_ids + a.place_ids for a in picked.allegations)


def test_unknown_allegation_or_entity_says_where_to_look(store: Store) -> None:
    with pytest.raises(UnknownSubject, match="clew allegations"):
        select(store, Filters(allegation="nosuchid"))
    with pytest.raises(UnknownSubject, match="entity"):
        select(store, Filters(entity="No Such Group Anywhere"))


def test_victims_names_are_masked_by_default(everything: Selection, victims: set[str]) -> None:
    assert everything.masked and everything.privacy == "masked"
    texts = _texts(everything)
    for name in victims:
        whole_word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        assert not any(whole_word.search(text) for text in texts), name
    assert any(MASK in text for text in texts)


def test_unmasking_is_explicit(store: Store, victims: set[str]) -> None:
    unmasked = select(store, Filters(), unmask_victims=True)
    assert not unmasked.masked and "NOT masked" in unmasked.privacy_note
    texts = _texts(unmasked)
    assert any(name in text for name in victims for text in texts)
