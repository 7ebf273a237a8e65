"""GeoJSON: places as points and routes as lines, valid by the geojson package."""

from __future__ import annotations

import json
from pathlib import Path

import geojson

from clew.export import Selection, geo


def test_places_and_routes_are_valid_geojson(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "map.geojson"
    geo.write(everything, path)
    data = geojson.loads(path.read_text())
    assert data.is_valid, data.errors()
    assert data["clew"]["victims"] == "masked"
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds.count("place") >= 5
    for feature in data["features"]:
        assert feature.is_valid
        lon, lat = (
            feature["geometry"]["coordinates"]
            if feature["properties"]["kind"] == "place"
            else feature["geometry"]["coordinates"][0]
        )
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_a_city_is_drawn_where_it_is_and_counts_its_allegations(
    everything: Selection, tmp_path: Path
) -> None:
    path = tmp_path / "map.geojson"
    geo.write(everything, path)
    features = {f["properties"]["name"]: f for f in json.loads(path.read_text())["features"]
                if f["properties"]["kind"] == "place"}  # fmt: skip
    skopje = features["Skopje"]
    lon, lat = skopje["geometry"]["coordinates"]
    assert abs(lat - 42.0) < 0.1 and abs(lon - 21.43) < 0.1
    assert skopje["properties"]["precision"] == "place"
    place_id = next(e.id for e in everything.entities.values() if e.name == "Skopje")
    expected = sum(place_id in a.place_ids for a in everything.allegations)
    assert skopje["properties"]["allegations"] == expected > 0
    assert features["North Macedonia"]["properties"]["precision"] == "country capital"


def test_routes_join_origin_and_destination(everything: Selection, tmp_path: Path) -> None:
    assert everything.routes, "the demo corpus describes at least one route"
    path = tmp_path / "map.geojson"
    geo.write(everything, path)
    routes = [f for f in json.loads(path.read_text())["features"]
              if f["properties"]["kind"] == "route"]  # fmt: skip
    assert routes
    for route in routes:
        assert route["geometry"]["type"] == "LineString"
        assert route["properties"]["claims"] >= 1 and route["properties"]["grades"]
