"""The network, routes and timeline JSON twins, and their pages, in-process over a small graph.

The graph is hand-built fiction, so every node, flow and monthly count can be named exactly:
one group and one person, four places (a town with coordinates, a country without, a region
with no position at all, a port city), and four allegations, one of them undated.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clew.link.graph import Graph
from clew.model import Allegation, Article, Claim, Entity
from clew.serve import create_app, viz
from clew.serve.viz_queries import VizFilter, months_between
from clew.store import Store, workspace_url
from clew.store.graph import save_graph

GROUP = Entity("e" * 24, "Korvath Ring", "group", "gang")
PERSON = Entity("f" * 24, "Teodor Vask", "person")
TOWN = Entity("1" * 24, "Skopje", "place", country="MK", latitude=41.99, longitude=21.43)
COUNTRY = Entity("2" * 24, "Eritrea", "place", aliases=["the State of Eritrea"], country="ER")
REGION = Entity("3" * 24, "Velmora Valley", "place")
PORT = Entity("4" * 24, "Hamburg", "place", country="DE", latitude=53.55, longitude=9.99)
SALE, ARREST, ABDUCTION, UNDATED = ("a" * 24, "b" * 24, "c" * 24, "d" * 24)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store.open(workspace_url(tmp_path))
    # Fiction: invented reports for tests.
    first = Article(text="The Korvath Ring sold kidneys.", published="2025-03-10")
    second = Article(text="Police arrested Teodor Vask in Hamburg.", published="2025-06-01")
    for article in (first, second):
        store.add_article(article)
    sold = Claim(first.id, "organ_sale", "sold kidneys", 0, 12, origin="Eritrea")
    sold.destination = "Skopje"
    arrested = Claim(second.id, "arrest", "arrested", 0, 8)
    # The origin as another report wrote it: matched to the place by its alias.
    taken = Claim(
        second.id, "abduction", "taken", 9, 14, origin="the state of eritrea", destination="Skopje"
    )
    removed = Claim(second.id, "organ_removal", "removed", 15, 22)
    store.save_extraction(first.id, [sold], [], "test")
    store.save_extraction(second.id, [arrested, taken, removed], [], "test")
    graph = Graph(
        entities={e.id: e for e in (GROUP, PERSON, TOWN, COUNTRY, REGION, PORT)},
        allegations=[
            Allegation(
                SALE,
                "organ_sale",
                claim_ids=[sold.id],
                perpetrators=["Korvath Ring"],
                perpetrator_ids=[GROUP.id],
                places=["Skopje"],
                place_ids=[TOWN.id],
                grade="B2",
                reliability="B",
                credibility=2,
                first_reported="2025-03-10",
                reports=2,
            ),
            Allegation(
                ARREST,
                "arrest",
                claim_ids=[arrested.id],
                perpetrators=["Teodor Vask"],
                perpetrator_ids=[PERSON.id],
                places=["Hamburg"],
                place_ids=[PORT.id],
                grade="F6",
                reliability="F",
                credibility=6,
                first_reported="2025-06-01",
            ),
            Allegation(
                ABDUCTION,
                "abduction",
                claim_ids=[taken.id],
                perpetrators=["Korvath Ring"],
                perpetrator_ids=[GROUP.id],
                places=["Velmora Valley"],
                place_ids=[REGION.id],
                grade="C3",
                reliability="C",
                credibility=3,
                first_reported="2025-03-20",
            ),
            Allegation(UNDATED, "organ_removal", claim_ids=[removed.id]),
        ],
    )
    save_graph(store, graph)
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.close()


def test_network_joins_actors_to_allegations_to_places(client: TestClient) -> None:
    body = client.get("/api/network").json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert body["allegations"] == 4
    assert {n["type"] for n in nodes.values()} == {"group", "person", "place", "allegation"}
    assert nodes[GROUP.id]["allegations"] == 2
    assert nodes[GROUP.id]["href"] == f"/entities/{GROUP.id}"
    assert nodes[SALE]["href"] == f"/allegations/{SALE}"
    assert nodes[SALE]["label"] == "Organ sale" and nodes[SALE]["grade"] == "B2"
    assert {(e["source"], e["target"], e["role"]) for e in body["edges"]} == {
        (GROUP.id, SALE, "perpetrator"),
        (GROUP.id, ABDUCTION, "perpetrator"),
        (PERSON.id, ARREST, "perpetrator"),
        (SALE, TOWN.id, "place"),
        (ARREST, PORT.id, "place"),
        (ABDUCTION, REGION.id, "place"),
    }
    assert COUNTRY.id not in nodes  # named only as an origin, never as an allegation's place


def test_network_filter_by_act_and_grade(client: TestClient) -> None:
    arrests = client.get("/api/network", params={"act": "arrest"}).json()
    assert {n["id"] for n in arrests["nodes"]} == {ARREST, PERSON.id, PORT.id}
    assert arrests["filter"] == {"act": "arrest"}
    graded = client.get("/api/network", params={"grade": "C"}).json()
    assert {n["id"] for n in graded["nodes"] if n["type"] == "allegation"} == {ABDUCTION}


def test_routes_match_origins_by_name_and_alias(client: TestClient) -> None:
    body = client.get("/api/routes").json()
    assert body["flows"] == [
        {
            "origin": COUNTRY.id,
            "destination": TOWN.id,
            "origin_name": "Eritrea",
            "destination_name": "Skopje",
            "count": 2,
            "allegations": sorted([SALE, ABDUCTION]),
        }
    ]
    places = {p["name"]: p for p in body["places"]}
    assert places["Skopje"]["position"] == "point"
    assert (places["Skopje"]["latitude"], places["Skopje"]["longitude"]) == (41.99, 21.43)
    assert places["Eritrea"]["position"] == "country"
    assert places["Eritrea"]["iso_numeric"] == 232
    assert places["Velmora Valley"]["position"] is None
    assert places["Skopje"]["count"] == 2
    assert body["allegations"][SALE]["href"] == f"/allegations/{SALE}"
    assert "victims" not in body["allegations"][SALE]


def test_routes_filter_narrows_flows(client: TestClient) -> None:
    body = client.get("/api/routes", params={"grade": "B2"}).json()
    assert [(f["count"], f["allegations"]) for f in body["flows"]] == [(1, [SALE])]


def test_timeline_counts_by_month_and_act(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["months"] == ["2025-03", "2025-04", "2025-05", "2025-06"]
    assert body["counts"] == [
        {"month": "2025-03", "act": "abduction", "count": 1},
        {"month": "2025-03", "act": "organ_sale", "count": 1},
        {"month": "2025-06", "act": "arrest", "count": 1},
    ]
    assert [a["id"] for a in body["allegations"]] == [SALE, ABDUCTION, ARREST]
    assert body["undated"] == 1
    assert [a["id"] for a in body["acts"]] == ["organ_sale", "abduction", "arrest"]


@pytest.mark.parametrize(
    ("params", "kept"),
    [
        ({"date_from": "2025-04"}, [ARREST]),
        ({"date_to": "2025-03"}, [SALE, ABDUCTION]),
        ({"date_from": "2025-03-15", "date_to": "2025-06-01"}, [ABDUCTION, ARREST]),
        ({"date_from": "2026"}, []),
    ],
)
def test_timeline_date_range(client: TestClient, params: dict[str, str], kept: list[str]) -> None:
    body = client.get("/api/timeline", params=params).json()
    assert [a["id"] for a in body["allegations"]] == kept
    assert body["undated"] == 0  # a date bound drops the undated


def test_bad_date_is_the_one_error_shape(client: TestClient) -> None:
    response = client.get("/api/timeline", params={"date_from": "March"})
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["status"] == 400 and "date_from" in body["error"]


def test_blank_form_fields_mean_no_bound(client: TestClient) -> None:
    body = client.get("/api/timeline?act=&grade=&date_from=&date_to=").json()
    assert body["filter"] == {} and body["undated"] == 1


def test_openapi_documents_the_twins(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/network", "/api/routes", "/api/timeline"):
        operation = paths[path]["get"]
        assert operation["summary"] and operation["description"]
        assert {p["name"] for p in operation["parameters"]} == {
            "act",
            "grade",
            "date_from",
            "date_to",
        }
    assert "/network" not in paths


@pytest.mark.parametrize(
    ("path", "script", "table_text"),
    [
        ("/network", "/static/viz/network.js", "Korvath Ring"),
        ("/routes", "/static/viz/routes.js", "Velmora Valley"),
        ("/timeline", "/static/viz/timeline.js", "Teodor Vask"),
    ],
)
def test_pages_carry_their_data_as_tables(
    client: TestClient, path: str, script: str, table_text: str
) -> None:
    html = client.get(path).text
    assert table_text in html
    assert f'id="{path[1:]}-data"' in html
    if not (viz.VENDOR / "d3.min.js").is_file():
        pytest.skip("the vendor folder is not built here (make vendor)")
    assert "make vendor" not in html
    assert f'src="{script}"' in html


def test_page_without_vendor_says_how_to_build_it(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(viz, "VENDOR", tmp_path / "never-built")
    html = client.get("/routes").text
    assert "make vendor" in html
    assert "/static/vendor/" not in html and "/static/viz/routes.js" not in html
    assert "Velmora Valley" in html  # the tables still carry the data


def test_static_serves_our_scripts(client: TestClient) -> None:
    for name in ("network.js", "routes.js", "timeline.js", "viz.css"):
        assert client.get(f"/static/viz/{name}").status_code == 200


def test_filter_dates_compare_as_far_as_the_bound_goes() -> None:
    march = VizFilter(date_from="2025-03", date_to="2025-03")
    assert march.keeps_date("2025-03-31") and not march.keeps_date("2025-04-01")
    assert not march.keeps_date(None)
    assert VizFilter().keeps_date(None)
    assert VizFilter(act="arrest", date_to="2025").params() == {"act": "arrest", "date_to": "2025"}


def test_months_between_crosses_a_year() -> None:
    assert months_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
