"""Regions in the gazetteer: continents and regions are places of their own, and never stand in
for a country when a report's countries choose between towns of the same name. Real place
names only, no fiction needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from clew.errors import SchemaError
from clew.link.places import gazetteer, parse_regions
from clew.schema import load_yaml


def test_a_continent_in_the_text_does_not_send_vienna_to_virginia() -> None:
    g = gazetteer()
    text = "It drew wealthy patients from western Europe and North America to the Vienna clinic."
    assert g.countries_in(text) == set()
    vienna = g.resolve("Vienna", g.countries_in(text))
    assert vienna is not None and vienna.country == "AT"
    assert g.countries_in("Latin American and Central American migrants") == set()
    assert g.countries_in("South Americans, and Americans") == {"US"}


def test_regions_come_before_towns_of_the_same_name() -> None:
    g = gazetteer()
    africa = g.resolve("Africa")
    assert africa is not None and africa.key == "region:africa" and africa.kind == "region"
    assert africa.country is None and africa.latitude is not None and africa.longitude is not None
    horn = g.resolve("the Horn of Africa")
    assert horn is not None and horn.key == "region:horn_of_africa"
    assert g.resolve("Middle East").key == "region:middle_east"  # type: ignore[union-attr]
    assert g.resolve("the Balkans").key == "region:balkans"  # type: ignore[union-attr]


def test_qualifiers_are_stripped_only_when_the_whole_name_is_unknown() -> None:
    g = gazetteer()
    assert g.resolve("southern Serbia").key == "country:RS"  # type: ignore[union-attr]
    assert g.resolve("North America").key == "region:north_america"  # type: ignore[union-attr]
    assert g.resolve("South America").key == "region:south_america"  # type: ignore[union-attr]
    assert g.resolve("Western Balkans").key == "region:western_balkans"  # type: ignore[union-attr]
    assert g.resolve("central Sahel").key == "region:sahel"  # type: ignore[union-attr]


def test_a_region_in_one_country_is_tied_to_it() -> None:
    g = gazetteer()
    bavaria = g.resolve("Bavaria")
    assert bavaria is not None and bavaria.kind == "region" and bavaria.country == "DE"
    assert g.countries_in("Bavarian police raided a flat in Bavaria") == {"DE"}
    assert g.resolve("Kashmir").country is None  # type: ignore[union-attr]


def test_the_report_still_chooses_among_namesake_towns() -> None:
    g = gazetteer()
    assert g.resolve("Paris").country == "FR"  # type: ignore[union-attr]
    assert g.resolve("Paris", {"US"}).country == "US"  # type: ignore[union-attr]
    texas = "A clinic in Paris, Texas, took kidneys from migrants brought from Central America."
    assert g.countries_in(texas) == set()
    brought = texas.replace("Central America", "Central America into the United States")
    assert g.resolve("Paris", g.countries_in(brought)).country == "US"  # type: ignore[union-attr]


def test_a_broken_regions_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "regions.yaml"
    path.write_text(
        "- {id: balkans, label: Balkans, latitude: 43, longitude: 21, countries: [QQ]}\n"
    )
    with pytest.raises(SchemaError, match=r"regions\.yaml: region 'balkans'.*'QQ'"):
        parse_regions(load_yaml(path), path, ["RS"], {})


def test_a_bare_nationality_or_regional_adjective_is_its_country_or_region() -> None:
    places = gazetteer()
    turkish, balkan = places.of_people("Turkish"), places.of_people("Balkan")
    assert turkish is not None and turkish.country == "TR"
    assert balkan is not None and (balkan.kind, balkan.name) == ("region", "Balkans")
    assert places.of_people("Brotherhood") is None
