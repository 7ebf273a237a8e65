"""The link stage's data files load, and their checks catch duplicates and dangling references."""

from __future__ import annotations

from pathlib import Path

import pytest

from clew.errors import SchemaError
from clew.grade.admiralty import ADMIRALTY_FILE, load_rules, parse_rules
from clew.link.aliases import ALIASES_FILE, parse_aliases
from clew.link.names import name_key
from clew.link.outlets import OUTLETS_FILE, outlet_entries, parse_outlets
from clew.link.places import DEMONYMS_FILE, gazetteer, parse_demonyms, parse_regions
from clew.schema import act_types, load_yaml

HERE = Path("test.yaml")


def test_shipped_files_load() -> None:
    assert parse_aliases(load_yaml(ALIASES_FILE), ALIASES_FILE)
    assert gazetteer().demonyms["turkish"] == "TR"
    assert {r.id for r in gazetteer().regions} >= {"europe", "balkans", "horn_of_africa"}
    assert outlet_entries() == ()  # shipped empty on purpose: see the file's comments
    assert load_rules().kind_reliability["court"] == "A"
    assert load_yaml(OUTLETS_FILE) == []
    assert load_yaml(ADMIRALTY_FILE)["credibility"]["conviction"] == 1


def test_no_alias_names_two_entities() -> None:
    owners: dict[tuple[str, str], str] = {}
    for entry in parse_aliases(load_yaml(ALIASES_FILE), ALIASES_FILE):
        for name in (entry.label, *entry.aliases):
            key = (entry.type, name if name.isupper() else name_key(name))
            assert owners.setdefault(key, entry.id) == entry.id, f"{name} in two entries"


def test_alias_places_point_at_known_countries() -> None:
    countries = gazetteer().countries
    for entry in parse_aliases(load_yaml(ALIASES_FILE), ALIASES_FILE):
        if entry.type == "place":
            assert entry.country in countries, entry.id


@pytest.mark.parametrize(
    "data",
    [
        [{"id": "x", "label": "X", "type": "group"}, {"id": "x", "label": "Y", "type": "group"}],
        [{"id": "x", "label": "X", "type": "spaceship"}],
        [{"id": "x", "label": "X", "type": "group", "subtype": "choir"}],
        {"not": "a list"},
    ],
)
def test_bad_alias_files_fail_with_their_path(data: object) -> None:
    with pytest.raises(SchemaError, match=r"test\.yaml"):
        parse_aliases(data, HERE)


def test_bad_demonym_files_fail() -> None:
    with pytest.raises(SchemaError, match="duplicate"):
        parse_demonyms([{"id": "RS", "demonyms": []}, {"id": "RS", "demonyms": []}], HERE, ["RS"])
    with pytest.raises(SchemaError, match="given to"):
        parse_demonyms([{"id": "RS", "demonyms": ["Serb"]}, {"id": "HR", "demonyms": ["Serb"]}],
                       HERE, ["RS", "HR"])  # fmt: skip
    with pytest.raises(SchemaError, match="ISO"):
        parse_demonyms([{"id": "QQ", "demonyms": ["Qq"]}], HERE, ["RS"])
    parse_demonyms(load_yaml(DEMONYMS_FILE), DEMONYMS_FILE, gazetteer().countries)


REGION = {"id": "balkans", "label": "Balkans", "latitude": 43, "longitude": 21}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ([REGION, {**REGION, "label": "Balkan Peninsula"}], "duplicate id"),
        ([REGION, {**REGION, "id": "peninsula", "names": ["the Balkans"]}], "already given to"),
        ([{**REGION, "names": ["Serbia"]}], "already names country RS"),
        ([{**REGION, "countries": ["QQ"]}], "ISO"),
        ([{**REGION, "countries": [False]}], "quote"),
        ([{**REGION, "latitude": 143}], "-90..90"),
        ([{**REGION, "id": "The Balkans"}], "lower_snake"),
        ([{"id": "balkans", "label": "Balkans"}], "latitude"),
        ({"not": "a list"}, "expected a list"),
    ],
)
def test_bad_region_files_fail_with_their_path(data: object, error: str) -> None:
    with pytest.raises(SchemaError, match=error) as caught:
        parse_regions(data, HERE, ["RS"], {"serbia": "RS"})
    assert str(caught.value).startswith("test.yaml: ")


def test_bad_outlet_files_fail() -> None:
    one = {"id": "a", "label": "The Ledger", "reliability": "B", "domains": ["ledger.example"]}
    two = {"id": "b", "label": "Other", "reliability": "C", "aliases": ["Ledger"]}
    with pytest.raises(SchemaError, match="given to"):
        parse_outlets([one, two], HERE)
    with pytest.raises(SchemaError, match="A-F"):
        parse_outlets([{**one, "reliability": "Z"}], HERE)
    assert parse_outlets(None, HERE) == []


def test_bad_admiralty_rules_fail() -> None:
    data = load_yaml(ADMIRALTY_FILE)
    data["credibility"]["official_action_acts"] = ["teleportation"]
    with pytest.raises(SchemaError, match="unknown act"):
        parse_rules(data, HERE)
    with pytest.raises(SchemaError, match=r"test\.yaml"):
        parse_rules({"reliability": {}}, HERE)


def test_what_an_act_entails_is_an_act() -> None:
    acts = act_types()
    for act, term in acts.items():
        for entailed in term.extra.get("entails", []):
            assert entailed in acts and entailed != act
