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
