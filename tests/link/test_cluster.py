"""How claims become allegations: denials answer one allegation and never merge two
(fiction: every name below is invented)."""

from __future__ import annotations

from clew.link import link_corpus
from clew.model import Allegation, Source
from tests.link.fiction import article, claim


def _acts(allegations: list[Allegation]) -> dict[str, list[Allegation]]:
    found: dict[str, list[Allegation]] = {}
    for allegation in allegations:
        found.setdefault(allegation.act, []).append(allegation)
    return found


def test_a_denial_naming_two_actors_does_not_merge_their_allegations() -> None:
    one = article("The Ash Wolves sold kidneys in Skopje.", "Outlet A", "2025-01-02")
    two = article("The Iron Owls sold kidneys in Skopje.", "Outlet B", "2025-01-03")
    denial = article("The Ash Wolves and the Iron Owls sold no kidneys.", "Outlet C", "2025-01-04")
    claims = [
        claim(one, one.text, perpetrators=["the Ash Wolves"]),
        claim(two, two.text, perpetrators=["the Iron Owls"]),
        claim(
            denial,
            denial.text,
            perpetrators=["the Ash Wolves", "the Iron Owls"],
            modality="denied",
            sources=[Source("Tomo Brkic", "person")],
        ),
    ]
    graph = link_corpus([one, two, denial], claims)
    sales = _acts(graph.allegations)["organ_sale"]
    assert len(sales) == 2
    assert sorted(a.denials for a in sales) == [0, 1]


def test_a_denial_of_the_removal_answers_the_allegation_of_the_sale() -> None:
    sale = article("The Quartz Clinic sold kidneys to foreigners.", "Outlet A", "2025-01-02")
    denial = article(
        "The Quartz Clinic denied that any organ removal took place.", "Outlet B", "2025-01-05"
    )
    claims = [
        claim(sale, sale.text, perpetrators=["The Quartz Clinic"]),
        claim(
            denial,
            denial.text,
            act="organ_removal",
            perpetrators=["The Quartz Clinic"],
            modality="denied",
        ),
    ]
    graph = link_corpus([sale, denial], claims)
    (allegation,) = graph.allegations
    assert allegation.act == "organ_sale" and allegation.denials == 1


def test_an_allegation_is_named_for_what_is_alleged_even_when_the_denial_came_first() -> None:
    denial = article("The Ash Wolves deny selling kidneys.", "Outlet A", "2025-01-02")
    sale = article("The Ash Wolves sold kidneys in Skopje.", "Outlet B", "2025-01-03")
    claims = [
        claim(denial, denial.text, perpetrators=["the Ash Wolves"], modality="denied"),
        claim(sale, sale.text, perpetrators=["the Ash Wolves"]),
    ]
    graph = link_corpus([denial, sale], claims)
    (allegation,) = graph.allegations
    assert allegation.claim_ids[0] == claims[1].id and allegation.denials == 1
    alone = link_corpus([denial], claims[:1])
    assert [a.denials for a in alone.allegations] == [1]


def test_a_claim_naming_no_one_belongs_to_its_report_s_one_story_of_that_act() -> None:
    text = "The Ash Wolves sold kidneys in Skopje. Eleven of them were sold for cash."
    one = article(text, "Outlet A", "2025-01-02")
    claims = [
        claim(one, "The Ash Wolves sold kidneys in Skopje.", perpetrators=["the Ash Wolves"]),
        claim(one, "Eleven of them were sold for cash.", perpetrators=[], locations=[]),
    ]
    assert len(link_corpus([one], claims).allegations) == 1
    two_gangs = article(f"{text} The Iron Owls sold kidneys in Skopje.", "Outlet B", "2025-01-03")
    claims = [
        claim(two_gangs, "The Ash Wolves sold kidneys in Skopje.", perpetrators=["the Ash Wolves"]),
        claim(two_gangs, "Eleven of them were sold for cash.", perpetrators=[], locations=[]),
        claim(two_gangs, "The Iron Owls sold kidneys in Skopje.", perpetrators=["the Iron Owls"]),
    ]
    assert len(link_corpus([two_gangs], claims).allegations) == 3  # whose story: unknown
