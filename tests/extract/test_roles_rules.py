"""Rules for roles and claim precision, on fictional sentences (real places only)."""

from __future__ import annotations

from collections.abc import Callable

from clew.extract import Extraction
from clew.model import Claim

Run = Callable[..., Extraction]


def acts(ex: Extraction) -> dict[str, Claim]:
    return {c.act: c for c in ex.claims}


def test_alias_gives_one_canonical_group_name(run: Run) -> None:
    ex = run("Daesh harvested the kidneys of captives in Raqqa last spring.")
    claim = acts(ex)["organ_removal"]
    assert claim.perpetrators == ["Islamic State (ISIS)"]


def test_counts_are_not_doers(run: Run) -> None:
    ex = run("Dozens of farmers sold their kidneys to brokers in Pokhara in 2019.")
    for claim in ex.claims:
        assert not any("ozens" in p for p in claim.perpetrators)


def test_demonym_adjective_gives_country(run: Run) -> None:
    ex = run("Brazilian police arrested the surgeon Tomas Vell for selling kidneys.")
    assert "Brazil" in acts(ex)["arrest"].locations


def test_range_counts_lower_bound(run: Run) -> None:
    ex = run(
        "Some 40 to 60 migrants were trafficked to Cairo for their kidneys by the Sand Owl gang."
    )
    assert acts(ex)["trafficking_in_persons"].victim_count == 40


def test_number_as_subject_is_the_count(run: Run) -> None:
    ex = run("All four were kidnapped by the Silver Jackal gang in Lagos.")
    assert acts(ex)["abduction"].victim_count == 4


def test_coordinated_victims_are_summed(run: Run) -> None:
    ex = run("The Ash Fox ring abducted a boy and three girls near Lagos.")
    assert acts(ex)["abduction"].victim_count == 4


def test_generic_statement_is_not_a_claim(run: Run) -> None:
    assert run("Organ trafficking is rare and poorly understood.").claims == []


def test_nominal_act_qualifying_a_verb_adds_no_claim(run: Run) -> None:
    ex = run(
        "The Dune Owl gang kidnapped migrants in Agadez for the purposes of organ trafficking."
    )
    assert set(acts(ex)) == {"abduction"}


def test_appositive_name_stands_for_described_suspect(run: Run) -> None:
    ex = run("The Austrian surgeon, Ilse Varga, was arrested in Durban on Tuesday.")
    assert acts(ex)["arrest"].perpetrators == ["Ilse Varga"]
