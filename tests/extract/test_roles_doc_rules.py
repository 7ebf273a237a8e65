"""Document-level role rules, on fictional sentences (invented people and groups, real places)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Span

from clew.extract import Extraction
from clew.extract.components.claims import _is_place, _main_actor
from clew.model import Claim

Run = Callable[..., Extraction]


def test_state_subject_of_act_verb_is_perpetrator(run: Run) -> None:
    ex = run("Ruritania's neighbour Moldova executed prisoners and harvested their kidneys.")
    removal = [c for c in ex.claims if c.act == "organ_removal"]
    assert removal and "Moldova" in removal[0].perpetrators


def test_place_after_preposition_is_not_perpetrator(run: Run) -> None:
    ex = run("The Grey Heron gang harvested kidneys from migrants in Cairo.")
    for claim in ex.claims:
        assert "Cairo" not in claim.perpetrators


def test_subjectless_sentence_takes_main_actor_of_report() -> None:
    claims = [
        {"act": "abduction", "perpetrators": ["Grey Heron gang"]},
        {"act": "organ_sale", "perpetrators": ["Grey Heron gang"]},
        {"act": "abduction", "perpetrators": ["Salt Fox crew"]},
        {"act": "arrest", "perpetrators": ["Ade Okafor"]},
        {"act": "organ_removal", "perpetrators": ["Salt Fox crew"], "_carried": True},
    ]
    _main_actor(claims)
    assert claims[-1]["perpetrators"] == ["Grey Heron gang"]
    assert all("_carried" not in c for c in claims)


def test_main_actor_prefers_a_group_to_a_named_person() -> None:
    claims = [
        {"act": "organ_sale", "perpetrators": ["Ade Okafor"]},
        {"act": "organ_removal", "perpetrators": ["Ade Okafor"]},
        {"act": "organ_sale", "perpetrators": ["Grey Heron gang"]},
        {"act": "organ_removal", "perpetrators": [], "_carried": True},
    ]
    _main_actor(claims, {"Ade Okafor"})
    assert claims[-1]["perpetrators"] == ["Grey Heron gang"]


def test_places_carry_only_to_the_next_sentence(run: Run) -> None:
    text = (
        "Brokers sold kidneys of farmers in Kathmandu in 2018.\n\n"
        "The weather was mild that year.\n\n"
        "The region's mayor praised the harvest festival.\n\n"
        "Later, brokers sold more kidneys of farmers to clinics."
    )
    ex = run(text)
    sales = [c for c in ex.claims if c.act == "organ_sale"]
    assert sales and "Kathmandu" not in sales[-1].locations


def test_surname_of_a_person_is_not_a_place(nlp: Language) -> None:
    doc = nlp.make_doc("Ade Okafor met brokers in Lagos. Okafor sold kidneys.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "GPE"), Span(doc, 7, 8, "GPE")]
    assert _is_place(doc.ents[1], doc)
    assert not _is_place(doc.ents[2], doc)


def test_lower_case_word_is_not_a_place(run: Run) -> None:
    ex = run("The Grey Heron gang ran a trans-Atlantic scheme selling kidneys of migrants.")
    for claim in ex.claims:
        assert all(p[:1].isupper() for p in claim.locations)


def test_vague_suspects_take_the_people_named_after_them(run: Run) -> None:
    ex = run("Police in Pune arrested nine people including two surgeons and a broker.")
    perps = acts_of(ex, "arrest")[0].perpetrators
    assert not any("people" in p for p in perps)
    assert any("surgeons" in p for p in perps)


def test_identified_as_names_the_suspects(run: Run) -> None:
    ex = run("The two men, identified as Tomas Vell and Ilse Varga, were arrested in Pune.")
    perps = acts_of(ex, "arrest")[0].perpetrators
    assert "Tomas Vell" in perps and "men" not in perps


def test_patient_transplant_abroad_is_tourism_not_removal(run: Run) -> None:
    ex = run("Wealthy patients flew to Cairo to undergo the transplant at a private clinic.")
    found = {c.act for c in ex.claims}
    assert "transplant_tourism" in found and "organ_removal" not in found


def acts_of(ex: Extraction, act: str) -> list[Claim]:
    found = [c for c in ex.claims if c.act == act]
    assert found, [c.act for c in ex.claims]
    return found


def test_definite_singular_victim_counts_one(run: Run) -> None:
    ex = run("Brokers in Kathmandu bought the kidney of the donor for $900.")
    claim = ex.claims[0]
    assert claim.victim_count == 1, [(c.act, c.victim_count) for c in ex.claims]


def test_surname_source_takes_full_name_and_title_of_first_mention(run: Run) -> None:
    text = (
        "Brokers paid donors little, Deputy Commissioner of Police Arjun Kapadia said.\n\n"
        "Kapadia said the gang sold kidneys to patients in Delhi."
    )
    ex = run(text)
    sale = acts_of(ex, "organ_sale")[-1]
    assert sale.sources and sale.sources[-1].name == "Arjun Kapadia"
    assert sale.sources[-1].kind == "official"


def test_sentence_continuing_a_cited_account_is_reported(run: Run) -> None:
    # the account is cited after the lead, so it does not carry over the whole report
    text = (
        "Farmers in northern Nigeria have long feared the Grey Heron gang.\n\n"
        "Police in Lagos said brokers sold the kidneys of nine migrants. "
        "The gang also kidnapped children in Abuja.\n\n"
        "The Grey Heron gang kidnapped farmers in Kano."
    )
    ex = run(text)
    kidnaps = acts_of(ex, "abduction")
    assert kidnaps[0].modality == "reported"
    assert kidnaps[-1].modality == "asserted"


def test_members_of_a_group_act_for_the_group(run: Run) -> None:
    ex = run("Members of the Grey Heron gang sold the kidneys of migrants in Cairo.")
    sale = acts_of(ex, "organ_sale")[0]
    assert any("Grey Heron" in p for p in sale.perpetrators), sale.perpetrators


def test_nationality_word_gives_no_place_beside_a_named_place(run: Run) -> None:
    ex = run("A Swiss surgeon removed the kidneys of migrants in Pristina.")
    removal = acts_of(ex, "organ_removal")[0]
    assert "Pristina" in removal.locations and "Switzerland" not in removal.locations


def test_donor_selling_own_organ_is_not_perpetrator(run: Run) -> None:
    ex = run("Under crushing debts, the farmer Ram Thapa sold one of his kidneys in Kathmandu.")
    sale = acts_of(ex, "organ_sale")[0]
    assert not any("Thapa" in p for p in sale.perpetrators)


def test_watchdog_organisation_is_not_what_they_stands_for(nlp: Language) -> None:
    doc = nlp(
        "The Heron Brotherhood operated in Kano. The Forum for Migrant Rights documented "
        "the trade. They sold kidneys of migrants."
    )
    doc.ents = [Span(doc, 1, 3, "ORG"), Span(doc, 8, 12, "ORG")]
    assert doc[8:12].text == "Forum for Migrant Rights"
    doc = nlp.get_pipe("clew_coref")(doc)
    assert "Heron Brotherhood" in doc._.clew_coref.values()
    assert not any("Forum" in name for name in doc._.clew_coref.values())


def test_trial_without_suspect_takes_the_last_suspect(run: Run) -> None:
    text = (
        "Police in Lagos arrested the broker Tomas Vell for selling kidneys of migrants.\n\n"
        "In March a Lagos court handed down a nine-year sentence."
    )
    ex = run(text)
    trial = acts_of(ex, "prosecution")[-1]
    assert any("Vell" in p for p in trial.perpetrators), trial.perpetrators


def test_kidnapped_for_organs_is_also_trafficking(run: Run) -> None:
    ex = run(
        "The Grey Heron gang kidnapped children in Kano and removed their kidneys in rented flats."
    )
    found = {c.act for c in ex.claims}
    assert {"abduction", "organ_removal", "trafficking_in_persons"} <= found, found


def test_alias_after_or_is_not_a_new_group(nlp: Language) -> None:
    doc = nlp(
        "A suspected member of the Grey Herons, or Garzas Grises, gang was arrested. "
        "The group sold kidneys."
    )
    doc.ents = [Span(doc, 4, 7, "ORG"), Span(doc, 9, 11, "ORG")]
    doc = nlp.get_pipe("clew_coref")(doc)
    assert doc._.clew_coref.get(17) == "the Grey Herons"


def test_number_that_is_the_acts_subject_is_the_victim_count(run: Run) -> None:
    ex = run(
        "Only about 3,000 people live in the village near Pokhara, yet at least 97 of them "
        "have sold their kidneys to brokers."
    )
    assert acts_of(ex, "organ_sale")[0].victim_count == 97


def test_rescued_victims_name_the_group_that_held_them(run: Run) -> None:
    text = (
        "The Grey Heron gang kidnapped migrants near Tripoli and sold their kidneys.\n\n"
        "Police rescued twelve migrants from a farmhouse in Misrata."
    )
    ex = run(text)
    rescue = acts_of(ex, "rescue")[0]
    assert any("Grey Heron" in p for p in rescue.perpetrators), rescue.perpetrators


def test_bare_count_of_people_names_no_suspect(run: Run) -> None:
    ex = run("So far, 14 people have been arrested in Lagos and Accra over the kidney trade.")
    arrest = acts_of(ex, "arrest")[0]
    assert not any("people" in p for p in arrest.perpetrators), arrest.perpetrators
