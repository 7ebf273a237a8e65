"""clew_attribution on fictional reports: nested, relayed, anonymous, continued, quoted."""

from __future__ import annotations

from collections.abc import Callable

from clew.extract import Extraction

Run = Callable[..., Extraction]


def chain(ex: Extraction, n: int = 0) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in ex.claims[n].sources]


def test_nested_report_with_anonymous_source(run: Run) -> None:
    ex = run(
        "The Harbor Times reported that a source in Basra, who spoke on condition of "
        "anonymity, revealed that the Ash Wolves militia sold kidneys from captives."
    )
    kinds = [k for _, k in chain(ex)]
    assert kinds == ["outlet", "anonymous"]
    assert chain(ex)[0][0] == "The Harbor Times"


def test_according_to_official(run: Run) -> None:
    ex = run("According to the interior ministry, the gang removed kidneys from migrants.")
    assert chain(ex) == [("the interior ministry", "official")]
    assert ex.claims[0].modality == "reported"


def test_relayed_report_whose_source_was_a_person(run: Run) -> None:
    ex = run(
        "The Evening Courier relayed a report by the Delta Wire news website, whose source "
        "was a surgeon named Marta Quell. The surgeon claimed that the militia harvested "
        "kidneys from prisoners in Mosul."
    )
    last = ex.claims[-1]
    assert [s.kind for s in last.sources][-1] == "person"
    assert last.sources[-1].name == "Marta Quell"
    assert last.modality == "alleged"


def test_continuation_takes_the_earlier_chain(run: Run) -> None:
    ex = run(
        "The Morning Ledger reported that an unnamed source revealed the Jade Circle gang "
        "sold kidneys. The source further revealed that the gang kidnapped ten children."
    )
    abduction = next(c for c in ex.claims if c.act == "abduction")
    assert [s.kind for s in abduction.sources] == ["outlet", "anonymous"]


def test_quote_spanning_sentences_takes_its_speaker(run: Run) -> None:
    ex = run(
        "“The Copper Vipers kidnapped six boys. They sold their kidneys in Cairo,” said "
        "Inspector Dana Holt."
    )
    abduction = next(c for c in ex.claims if c.act == "abduction")
    assert abduction.sources and abduction.sources[-1].name == "Dana Holt"
    assert abduction.sources[-1].kind == "official"


def test_document_as_source(run: Run) -> None:
    ex = run("A leaked document revealed that the Ember Guard militia sold organs of captives.")
    assert chain(ex)[-1][1] == "document"


def test_own_voice_has_no_sources(run: Run) -> None:
    ex = run("The Onyx Ring gang removed kidneys from migrants in Aswan.")
    assert ex.claims and ex.claims[0].sources == []
    assert ex.claims[0].modality == "asserted"


def test_relayed_story_rests_on_the_outlet_named_in_its_lead(run: Run) -> None:
    ex = run(
        "Three surgeons will appear in court in Mombasa on charges of selling kidneys, "
        "the Coastline Herald reported.\n\n"
        "The surgeons removed kidneys from at least nine fishermen in 2024."
    )
    removal = next(c for c in ex.claims if c.act == "organ_removal")
    assert [(s.name, s.kind) for s in removal.sources] == [("the Coastline Herald", "outlet")]
    assert removal.modality == "reported"


def test_a_source_named_later_is_not_spread_over_the_report(run: Run) -> None:
    ex = run(
        "The surgeons removed kidneys from at least nine fishermen in Mombasa.\n\n"
        "Later that year, the Coastline Herald reported that a broker sold kidneys to patients."
    )
    removal = next(c for c in ex.claims if c.act == "organ_removal")
    assert removal.sources == []
    assert removal.modality == "asserted"


def test_who_said_is_said_by_the_man_the_clause_describes(run: Run) -> None:
    ex = run(
        "The court heard a 24-year-old man from Eritrea who said the Ash Wolves gang "
        "removed his kidney in Skopje."
    )
    names = [name for c in ex.claims for name, _ in chain(ex, ex.claims.index(c))]
    assert names and "who" not in [n.lower() for n in names]
    assert any("man from Eritrea" in n for n in names)
