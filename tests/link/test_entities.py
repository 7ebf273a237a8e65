"""Names resolve to entities: aliases, short forms within a report, spellings, places, outlets."""

from __future__ import annotations

from clew.link import link_corpus
from clew.link.aliases import alias_table
from clew.link.outlets import OutletEntry, OutletResolver
from clew.link.places import gazetteer
from clew.model import Article, Claim, Mention, Source
from tests.link.fiction import article, claim


def _names(texts: list[tuple[str, list[str]]], act: str = "organ_sale") -> list[list[str]]:
    """Link one claim per report and return each claim's perpetrator entity ids."""
    articles: list[Article] = []
    claims: list[Claim] = []
    for i, (text, perps) in enumerate(texts):
        a = article(text, f"Outlet {i}", f"2024-01-{i + 1:02d}")
        articles.append(a)
        claims.append(claim(a, text, act=act, perpetrators=perps))
    graph = link_corpus(articles, claims)
    return [graph.roles[c.id].perpetrators for c in claims]


def test_aliases_of_one_group_are_one_entity_and_one_allegation() -> None:
    texts = [(f"{n} sold organs.", [n]) for n in ("ISIS", "Daesh", "Islamic State", "ISIL", "IS")]
    ids = _names(texts)
    assert len({i for found in ids for i in found}) == 1


def test_an_acronym_alias_matches_only_in_capitals() -> None:
    table = alias_table()
    assert table.lookup("IS") is not None and table.lookup("is") is None
    assert table.lookup("PRC", "place") is not None and table.lookup("prc") is None
    assert table.lookup("the Islamic State") is not None


def test_a_surname_means_the_full_name_given_in_the_same_report() -> None:
    text = "Dr. Kiril Manev ran the clinic. Manev sold kidneys."
    a = article(text, "The Meridian Ledger", "2025-02-11")
    claims = [
        claim(
            a,
            "Dr. Kiril Manev ran the clinic.",
            act="organ_removal",
            perpetrators=["Dr. Kiril Manev"],
        ),
        claim(a, "Manev sold kidneys.", perpetrators=["Manev"]),
    ]
    graph = link_corpus([a], claims)
    assert graph.roles[claims[0].id].perpetrators == graph.roles[claims[1].id].perpetrators
    (manev,) = [e for e in graph.entities.values() if e.type == "person"]
    assert manev.name == "Kiril Manev" and "Manev" in manev.aliases


def test_a_lone_surname_elsewhere_joins_the_one_person_of_that_name() -> None:
    ids = _names(
        [("Kiril Manev sold kidneys.", ["Kiril Manev"]), ("Manev sold kidneys.", ["Manev"])]
    )
    assert ids[0] == ids[1]


def test_the_short_form_of_a_group_means_the_group_named_in_the_same_report() -> None:
    text = "The Vardar Brotherhood runs the route. The Brotherhood sold kidneys."
    a = article(text, "Nova Tribuna", "2025-03-03")
    claims = [
        claim(a, "The Vardar Brotherhood runs the route.", act="trafficking_in_persons"),
        claim(a, "The Brotherhood sold kidneys.", perpetrators=["the Brotherhood"]),
    ]
    graph = link_corpus([a], claims)
    assert graph.roles[claims[0].id].perpetrators == graph.roles[claims[1].id].perpetrators


def test_spellings_join_within_a_type_but_not_across_types() -> None:
    ids = _names(
        [
            ("Halit Boranoğlu arranged it.", ["Halit Boranoğlu"]),
            ("Halit Boranoglu arranged it.", ["Halit Boranoglu"]),
            ("Medisan Lux Clinic sold it.", ["Medisan Lux Clinic"]),
            ("Medisan Lux Clinik sold it.", ["Medisan Lux Clinik"]),
        ]
    )
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    a = article("Jordan Kovac and Jordan Kovac Ltd", "Ledger", "2024-01-01")
    mentions = [Mention(a.id, "Jordan Kovac", "person", 0, 12),
                Mention(a.id, "Jordan Kovac", "group", 17, 29)]  # fmt: skip
    graph = link_corpus([a], [], mentions)
    assert len({m.entity_id for m in graph.mentions}) == 2


def test_demonyms_tie_groups_and_officials_to_countries() -> None:
    text = "Turkish organ traffickers bought the kidneys, Serbian police said."
    a = article(text, "Balkan Wire Service", "2025-01-09")
    c = claim(
        a, text, perpetrators=["Turkish organ traffickers"],
        sources=[Source("Serbian police", "official")], locations=[],
    )  # fmt: skip
    graph = link_corpus([a], [c])
    (perp,) = graph.roles[c.id].perpetrators
    assert graph.entities[perp].country == "TR"
    assert gazetteer().country_of_demonym("Serbian") == "RS"
    assert (
        _names(
            [
                ("Turkish traffickers sold it.", ["Turkish traffickers"]),
                ("Turkish organ traffickers sold it.", ["Turkish organ traffickers"]),
            ]
        )[0]
        != []
    )


def test_places_are_geocoded_with_the_report_choosing_among_namesakes() -> None:
    g = gazetteer()
    presevo = g.resolve("Presevo")
    assert presevo is not None and presevo.country == "RS" and presevo.latitude
    assert g.resolve("Paris") is not None and g.resolve("Paris").country == "FR"  # type: ignore[union-attr]
    assert g.resolve("Paris", {"US"}).country == "US"  # type: ignore[union-attr]
    assert g.resolve("Vranje, Serbia").name == "Vranje"  # type: ignore[union-attr]
    assert g.resolve("the Greek border").key == "country:GR"  # type: ignore[union-attr]
    assert g.resolve("Macedonia").key == "country:MK"  # type: ignore[union-attr]
    text = "A clinic in Paris, Texas, took kidneys from migrants brought from the United States."
    a = article(text, "Ledger", "2024-05-01")
    c = claim(a, text, locations=["Paris"])
    graph = link_corpus([a], [c])
    (place,) = graph.roles[c.id].places
    assert graph.entities[place].country == "US"


def test_outlets_resolve_by_table_name_and_domain() -> None:
    table = [OutletEntry("ledger", "The Ledger", ("Daily Ledger", "The Ledge"),
                         ("ledger.example",), "B", "Fictional paper of record.")]  # fmt: skip
    resolver = OutletResolver(table)
    keys = {
        resolver.resolve("The Ledge").key,  # type: ignore[union-attr]
        resolver.resolve("Daily Ledger").key,  # type: ignore[union-attr]
        resolver.resolve(url="https://www.ledger.example/a/b").key,  # type: ignore[union-attr]
    }
    assert keys == {"table:ledger"}
    assert resolver.resolve("the ledger").reliability == "B"  # type: ignore[union-attr]
    resolver.learn([Article(text="x", url="https://newspulse24.example/story")])
    unlisted = resolver.resolve("NewsPulse24")
    assert unlisted is not None and unlisted.reliability is None
    assert unlisted.key == resolver.resolve(url="https://newspulse24.example/other").key  # type: ignore[union-attr]


def test_descriptions_around_a_name_are_not_part_of_it() -> None:
    ids = _names(
        [
            ("The feared Ash Wolves gang sold kidneys.", ["feared Ash Wolves gang"]),
            ("The Ash Wolves sold kidneys.", ["the Ash Wolves"]),
            ("Two men sold kidneys.", ["Two men"]),
            ("Balkan surgeons sold kidneys.", ["Balkan surgeons"]),
        ]
    )
    assert ids[0] == ids[1] and ids[0]
    assert ids[2] == [] and ids[3] == []


def test_a_name_the_corpus_shows_to_be_a_person_is_one_whatever_the_model_said() -> None:
    text = "Police held Tomo Brkic, 51, a trader. Tomo Brkic denied it. Brkic sold kidneys."
    a = article(text, "The Harbour Ledger", "2025-02-11")
    mentions = [
        Mention(a.id, "Tomo Brkic", "group", 12, 22),
        Mention(a.id, "Tomo Brkic", "group", 38, 48),
        Mention(a.id, "Brkic", "group", 60, 65),
    ]
    graph = link_corpus([a], [claim(a, "Brkic sold kidneys.", perpetrators=["Brkic"])], mentions)
    (person,) = [e for e in graph.entities.values() if e.type != "place"]
    assert person.type == "person" and person.name == "Tomo Brkic"


def test_surnames_institutions_and_outlets_are_not_places() -> None:
    text = (
        "Vesna Lazic was held in Skopje, the Harbour Ledger said. Lazic was a nurse at "
        "the Osterby Observatory on Migration."
    )
    a = article(text, "Harbour Ledger", "2025-02-11", "https://harbourledger.example/a")
    mentions = [
        Mention(a.id, "Vesna Lazic", "person", 0, 11),
        Mention(a.id, "Skopje", "place", 24, 30),
        Mention(a.id, "Lazic", "place", 57, 62),
        Mention(a.id, "the Osterby Observatory on Migration", "place", 78, 114),
    ]
    graph = link_corpus([a], [], mentions)
    types = {m.text: graph.entities[m.entity_id or ""].type for m in graph.mentions}
    assert types == {"Vesna Lazic": "person", "Skopje": "place", "Lazic": "person",
                     "the Osterby Observatory on Migration": "group"}  # fmt: skip


def test_a_bare_nationality_is_its_country_and_a_town_tagged_as_a_group_is_a_town() -> None:
    text = "Turkish brokers met Serbian police in Vranje."
    a = article(text, "Harbour Ledger", "2025-02-11")
    mentions = [
        Mention(a.id, "Turkish", "group", 0, 7),
        Mention(a.id, "Vranje", "group", 38, 44),
    ]
    graph = link_corpus([a], [], mentions)
    found = {m.text: graph.entities[m.entity_id or ""] for m in graph.mentions}
    assert (found["Turkish"].type, found["Turkish"].country) == ("place", "TR")
    assert (found["Vranje"].type, found["Vranje"].country) == ("place", "RS")


def test_sources_resolve_to_the_corpus_outlets_and_people() -> None:
    relay = "Serbian daily Harbour Ledger reported it, citing Prosecutor Ana Kovac."
    a = article("The Ash Wolves sold kidneys.", "Harbour Ledger", "2025-02-10")
    b = article(f"The Ash Wolves sold kidneys. {relay}", "Wire", "2025-02-11")
    mentions = [Mention(b.id, "Ana Kovac", "person", b.text.index("Ana"), len(b.text) - 1)]
    c = claim(
        b,
        "The Ash Wolves sold kidneys.",
        sources=[
            Source("Serbian daily Harbour Ledger", "outlet"),
            Source("Prosecutor Ana Kovac", "official"),
            Source("who", "person"),
        ],
    )
    graph = link_corpus([a, b], [c], mentions)
    outlet, person, pronoun = graph.roles[c.id].sources
    assert outlet is not None and graph.entities[outlet].name == "Harbour Ledger"
    assert person is not None and graph.entities[person].type == "person"
    assert graph.entities[person].name == "Ana Kovac"
    assert pronoun is None


def test_the_last_word_of_an_outlet_name_is_that_outlet() -> None:
    resolver = OutletResolver()
    resolver.learn([article("x", "The Harbour Ledger", "2025-01-01", "https://hl.example/a")])
    found = resolver.known("Ledger")
    assert found is not None and found.name == "The Harbour Ledger"
    assert resolver.known("Ash Wolves") is None
