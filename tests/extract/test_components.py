"""clew_entities, clew_coref, clew_quantities and dates, each on fictional sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from clew.extract import Extraction
from clew.extract.components.quantities import parse_number
from clew.extract.dates import resolve_date

Run = Callable[..., Extraction]


def test_entities_find_organs_and_groups(nlp: Language) -> None:
    doc = nlp("The Silver Crane cartel sold kidneys and a liver through a clinic in Lagos.")
    spans = {(s.text, s.label_, s.id_) for s in doc.spans["clew"]}
    assert ("kidneys", "ORGAN", "kidney") in spans
    assert ("liver", "ORGAN", "liver") in spans
    assert ("cartel", "GROUP_HEAD", "cartel") in spans
    assert ("clinic", "GROUP_HEAD", "clinic") in spans


def test_an_acronym_matches_only_in_capitals(nlp: Language) -> None:
    doc = nlp("A nurse who saw it told WHO investigators that the UN knew.")
    names = {(s.text, s.id_) for s in doc.spans["clew"] if s.label_ == "GROUP_NAME"}
    assert names == {("WHO", "un_body"), ("UN", "un_body")}


def test_coref_the_group_is_the_last_named_group(run: Run) -> None:
    ex = run(
        "Fighters of the Northern Ash Front took over the town. Witnesses said the group "
        "later harvested kidneys from prisoners."
    )
    claim = next(c for c in ex.claims if c.act == "organ_removal")
    assert claim.perpetrators and "Ash Front" in claim.perpetrators[0]


def test_coref_the_syndicate_is_its_fuller_mention(run: Run) -> None:
    ex = run(
        "Detectives exposed an international kidney syndicate in Durban. The syndicate "
        "recruited poor villagers who were flown to Durban."
    )
    claim = next(c for c in ex.claims if c.act == "trafficking_in_persons")
    assert claim.perpetrators == ["international kidney syndicate"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The Blue Moth gang was holding as many as 30 children for sale to organ buyers.", 30),
        ("The Blue Moth gang kidnapped six people in Goma to sell their kidneys.", 6),
        ("The Blue Moth gang removed a kidney from a boy in Kampala.", 1),
    ],
)
def test_victim_counts(run: Run, text: str, count: int) -> None:
    ex = run(text)
    assert ex.claims and ex.claims[0].victim_count == count


def test_ages_and_money(run: Run) -> None:
    ex = run(
        "The Rust Crow ring sold boys in the 11-14 years age group for $10,000 each to "
        "organ traffickers."
    )
    claim = ex.claims[0]
    assert claim.victim_ages == "11-14"
    assert claim.money == "10000 USD"


def test_money_per_year(run: Run) -> None:
    ex = run(
        "An inquiry by the Marlow Institute concluded that the organ trade run by the Gilt "
        "Hand cartel was worth a billion dollars a year."
    )
    assert any(c.money == "1000000000 USD/year" for c in ex.claims)


@pytest.mark.parametrize(
    ("words", "value"),
    [(["30"], 30), (["1,200"], 1200), (["six"], 6), (["10", "million"], 10_000_000), ([], None)],
)
def test_parse_number(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("2014", None, "2014"),
        ("December 2014", None, "2014-12"),
        ("Wednesday", "2003-12-08", "2003-12-03"),
        ("last year", "2016-10-30", "2015"),
        ("", None, None),
        ("no date here at all", "2016-10-30", None),
    ],
)
def test_resolve_date(text: str, published: str | None, iso: str | None) -> None:
    assert resolve_date(text, published) == iso


def test_claim_date_resolved_against_publication(run: Run) -> None:
    ex = run("Police arrested Rafe Doran in Durban on Wednesday over a kidney ring.", "2003-12-08")
    assert ex.claims[0].date == "2003-12-03"
