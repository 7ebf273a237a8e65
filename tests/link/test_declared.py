"""Aliases a report declares in its own words (fiction: every name below is invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clew.errors import SchemaError
from clew.link import link_corpus
from clew.link.declared import declared_aliases, parse_alias_cues
from clew.model import Article, Claim, Mention
from tests.link.fiction import article, claim


def _mentions(a: Article, *names: tuple[str, str]) -> list[Mention]:
    found, start = [], 0
    for text, label in names:
        start = a.text.index(text, start)
        found.append(Mention(a.id, text, label, start, start + len(text)))
        start += len(text)
    return found


def _pairs(a: Article, mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(d.name, d.alias) for d in declared_aliases([a], mentions)}


def test_also_called_declares_an_alias() -> None:
    a = article("Reports say the Ash Wolves, also called Jasen Vukovi, sold kidneys.", "X", "2025")
    mentions = _mentions(a, ("the Ash Wolves", "group"), ("Jasen Vukovi", "person"))
    assert _pairs(a, mentions) == {("the Ash Wolves", "Jasen Vukovi")}


def test_a_name_given_after_a_naming_verb_and_its_apposition_are_one() -> None:
    a = article(
        "The men called themselves Jasen Vukovi, the Ash Wolves. They took our passports.",
        "X",
        "2025",
    )
    mentions = _mentions(a, ("Jasen Vukovi", "person"), ("the Ash Wolves", "group"))
    assert _pairs(a, mentions) == {("Jasen Vukovi", "the Ash Wolves")}


def test_a_list_of_names_declares_nothing() -> None:
    a = article("Police named Tomo Brkic, the Ash Wolves and Lina Ferr.", "X", "2025")
    mentions = _mentions(
        a, ("Tomo Brkic", "person"), ("the Ash Wolves", "group"), ("Lina Ferr", "person")
    )
    assert _pairs(a, mentions) == set()


def test_an_acronym_in_parentheses_must_spell_the_name() -> None:
    a = article("The Ash Wolves Front (AWF) and the Harbour Board (XY) met.", "X", "2025")
    mentions = _mentions(
        a,
        ("The Ash Wolves Front", "group"),
        ("AWF", "group"),
        ("the Harbour Board", "group"),
        ("XY", "group"),
    )
    assert _pairs(a, mentions) == {("The Ash Wolves Front", "AWF")}


def test_a_quoted_nickname_inside_a_name_is_an_alias() -> None:
    a = article("Police arrested Tomo \u201cThe Fox\u201d Brkic at dawn.", "X", "2025")
    assert ("Tomo Brkic", "The Fox") in _pairs(a, [])


def test_one_declaration_joins_the_names_across_the_corpus() -> None:
    first = article("Jasen Vukovi gang members sold kidneys in Skopje.", "Outlet A", "2025-01-02")
    second = article(
        "The Ash Wolves, also called Jasen Vukovi, are feared.", "Outlet B", "2025-01-03"
    )
    third = article("The Ash Wolves sold kidneys in Skopje.", "Outlet C", "2025-01-04")
    claims: list[Claim] = [
        claim(first, first.text, perpetrators=["Jasen Vukovi gang members"]),
        claim(third, third.text, perpetrators=["The Ash Wolves"]),
    ]
    mentions = [
        *_mentions(first, ("Jasen Vukovi", "person")),
        *_mentions(second, ("The Ash Wolves", "group"), ("Jasen Vukovi", "person")),
        *_mentions(third, ("The Ash Wolves", "group")),
    ]
    graph = link_corpus([first, second, third], claims, mentions)
    (perp,) = {p for c in claims for p in graph.roles[c.id].perpetrators}
    entity = graph.entities[perp]
    assert entity.type == "group" and entity.name == "Ash Wolves"
    assert "Jasen Vukovi" in entity.aliases
    assert len(graph.allegations) == 1


def test_a_broken_cue_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "alias_cues.yaml"
    with pytest.raises(SchemaError, match=r"alias_cues\.yaml"):
        parse_alias_cues({"between": [", also called"]}, path)
