"""clew_modality on fictional sentences: hedges, rumours, denials and attribution."""

from __future__ import annotations

from collections.abc import Callable

from clew.extract import Extraction

Run = Callable[..., Extraction]


def modality(ex: Extraction) -> str:
    assert ex.claims, "expected a claim"
    return ex.claims[0].modality


def test_allegedly_wins_over_attribution(run: Run) -> None:
    ex = run("The Coral Post reported that the Tin Hand gang allegedly sold kidneys of migrants.")
    assert modality(ex) == "alleged"


def test_rumour(run: Run) -> None:
    assert modality(run("Rumours say the Pale Fox cartel kidnapped children in Oaxaca.")) == (
        "rumored"
    )


def test_it_is_believed(run: Run) -> None:
    ex = run("It is believed that the Ochre Band harvested kidneys from prisoners.")
    assert modality(ex) == "rumored"


def test_denial(run: Run) -> None:
    ex = run("The Quartz Clinic denied that it had removed kidneys from any patients.")
    assert modality(ex) == "denied"


def test_a_negated_deed_in_the_speaker_s_words_is_a_denial(run: Run) -> None:
    ex = run('"I have never taken a kidney from anyone," Dr Ivo Brandt said.')
    assert modality(ex) == "denied"


def test_a_negation_inside_a_description_denies_nothing(run: Run) -> None:
    ex = run("Brokers of the Slate Ring sold the kidneys of migrants who could not pay.")
    assert modality(ex) != "denied"


def test_attribution_only_is_reported(run: Run) -> None:
    ex = run("Police said the Slate Ring gang sold kidneys to foreign buyers.")
    assert modality(ex) == "reported"


def test_arrest_is_not_hedged_by_its_charges(run: Run) -> None:
    ex = run("Police arrested Ivo Brandt on suspicion of selling kidneys.")
    arrest = next(c for c in ex.claims if c.act == "arrest")
    assert arrest.modality == "reported" or arrest.modality == "asserted"
