"""clew_claims on fictional sentences: acts, passives, coordination, roles."""

from __future__ import annotations

from collections.abc import Callable

from clew.extract import Extraction
from clew.model import Claim

Run = Callable[..., Extraction]


def claims_by_act(extraction: Extraction) -> dict[str, Claim]:
    return {c.act: c for c in extraction.claims}


def test_active_sale_of_people_is_trafficking(run: Run) -> None:
    ex = run("The Red Vipers gang sold twelve migrants to organ brokers in Tripoli.")
    acts = claims_by_act(ex)
    assert "trafficking_in_persons" in acts
    claim = acts["trafficking_in_persons"]
    assert any("Red Vipers" in p for p in claim.perpetrators)
    assert claim.victim_count == 12
    assert "Tripoli" in claim.locations


def test_passive_harvesting_with_agent(run: Run) -> None:
    ex = run("Kidneys were harvested from the prisoners by the Black Lantern militia.")
    claim = claims_by_act(ex)["organ_removal"]
    assert claim.organs == ["kidney"]
    assert claim.perpetrators == ["Black Lantern militia"] or any(
        "Black Lantern" in p for p in claim.perpetrators
    )


def test_coordination_gives_two_claims(run: Run) -> None:
    ex = run("The Grey Hand cartel kidnapped children and killed them for their kidneys.")
    acts = claims_by_act(ex)
    assert {"abduction", "killing"} <= set(acts)


def test_arrest_perpetrator_is_the_suspect(run: Run) -> None:
    ex = run("Police in Nairobi arrested Tomas Vell on Monday over a kidney racket.")
    claim = claims_by_act(ex)["arrest"]
    assert "Tomas Vell" in claim.perpetrators
    assert "Nairobi" in claim.locations


def test_selling_oil_is_other_trade(run: Run) -> None:
    ex = run("The Sable Front militia was selling oil and drugs to fund its organ trade.")
    assert "other_illicit_trade" in claims_by_act(ex)


def test_background_sentence_without_act_gives_nothing(run: Run) -> None:
    assert run("The weather in Lisbon was mild that spring.").claims == []


def test_evidence_offsets_point_into_the_text(run: Run) -> None:
    text = "Dateline\n\nThe Iron Owls ring removed kidneys from villagers in Dhaka."
    ex = run(text)
    claim = claims_by_act(ex)["organ_removal"]
    assert text[claim.start : claim.end] == claim.text
    assert claim.text.startswith("The Iron Owls")


def test_a_law_about_an_act_is_not_a_claim(run: Run) -> None:
    ex = run("Freedonia outlawed the sale of human organs in 2012.")
    assert ex.claims == []


def test_a_present_tense_generalisation_is_not_a_claim(run: Run) -> None:
    ex = run("Organ trafficking in Freedonia requires surgeons, brokers and corrupt officials.")
    assert ex.claims == []


def test_a_name_the_model_leaves_unlabelled_makes_a_sentence_concrete(run: Run) -> None:
    ex = run(
        "The Quartz Bell Clinic has categorically denied that any organ removal took place on "
        "its premises."
    )
    assert [(c.act, c.modality) for c in ex.claims] == [("organ_removal", "denied")]


def test_the_city_an_institution_is_named_after_is_a_location(run: Run) -> None:
    ex = run(
        "Detectives from Durban's Serious Crimes Unit arrested two brokers of the kidney trade."
    )
    arrest = claims_by_act(ex)["arrest"]
    assert "Durban" in arrest.locations
