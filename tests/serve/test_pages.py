"""The pages and their JSON twins in-process, over the demo workspace (fiction)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clew.privacy import MASK
from clew.serve import create_app
from clew.serve.queries import masked_names
from clew.store import Store, workspace_url

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(demo_workspace: Path) -> Iterator[Store]:
    opened = Store.open(workspace_url(demo_workspace))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def html(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def ids(page: str) -> list[str]:
    return re.findall(r'href="/allegations/([0-9a-f]{24})"', page)


def vardar(client: TestClient) -> dict[str, object]:
    found = client.get("/api/allegations", params={"actor": "Vardar", "limit": 1}).json()
    item: dict[str, object] = found["items"][0]
    return item


def test_endpoint_index_moved_to_api(client: TestClient) -> None:
    endpoints = client.get("/api").json()["endpoints"]
    assert endpoints["allegations"] == "/api/allegations"
    assert endpoints["overview"] == "/api/overview" and endpoints["sources"] == "/api/sources"
    assert (
        client.get("/", headers={"accept": "application/json"})
        .headers["content-type"]
        .startswith("text/html")
    )


def test_every_twin_is_in_the_openapi_schema_and_pages_are_not(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for twin in ("overview", "allegations", "reports/{article_id}", "entities/{entity_id}"):
        assert f"/api/{twin}" in paths
    assert "/api/sources" in paths and "/allegations" not in paths
    parameters = {p["name"] for p in paths["/api/allegations"]["get"]["parameters"]}
    assert {"act", "actor", "country", "modality", "since", "until", "q", "sort"} <= parameters


def test_overview_shows_corpus_at_a_glance(client: TestClient) -> None:
    page = html(client, "/")
    data = client.get("/api/overview").json()
    assert data["reports"] == 34
    assert f"{data['allegations']} allegations" in page
    assert 'href="/allegations?actor=Vardar%20Brotherhood"' in page
    assert "<svg" in page and "Reports by month" in page
    assert sum(a["allegations"] for a in data["by_act"]) == data["allegations"]
    assert data["newest"] and data["root_sources"] and data["months"]


@pytest.mark.parametrize(
    "params",
    [
        {"act": "organ_sale"},
        {"actor": "Vardar Brotherhood"},
        {"place": "Skopje"},
        {"country": "MK"},
        {"grade": "F"},
        {"modality": "denied"},
        {"since": "2025-09", "until": "2025-10-31"},
        {"q": "kidney"},
        {"sort": "grade", "limit": "5", "offset": "2"},
    ],
)
def test_allegations_page_and_its_twin_list_the_same(
    client: TestClient, params: dict[str, str]
) -> None:
    page = html(client, "/allegations?" + "&".join(f"{k}={v}" for k, v in params.items()))
    twin = client.get("/api/allegations", params=params).json()
    assert twin["total"] > 0
    assert ids(page) == [item["id"] for item in twin["items"]]
    assert f"of {twin['total']} allegations" in page


def test_filters_narrow_the_list(client: TestClient) -> None:
    everything = client.get("/api/allegations", params={"limit": 1000}).json()
    organ_sale = client.get("/api/allegations", params={"act": "organ_sale"}).json()
    assert 0 < organ_sale["total"] < everything["total"]
    assert {i["act"] for i in organ_sale["items"]} == {"organ_sale"}
    denied = client.get("/api/allegations", params={"modality": "denied"}).json()
    assert all(any(c["modality"] == "denied" for c in i["claims"]) for i in denied["items"])
    recent = client.get("/api/allegations", params={"since": "2025-09-01"}).json()
    assert all(i["last_reported"] >= "2025-09-01" for i in recent["items"])
    words = client.get("/api/allegations", params={"q": "Medisan", "limit": 1000}).json()
    assert all(
        any("medisan" in c["sentence"].lower() for c in i["claims"])
        or "medisan" in " ".join(i["places"] + i["perpetrators"]).lower()
        for i in words["items"]
    )


def test_sorting_by_grade_puts_the_strongest_first(client: TestClient) -> None:
    items = client.get("/api/allegations", params={"sort": "grade", "limit": 1000}).json()["items"]
    grades = [i["grade"] for i in items if i["grade"]]
    assert grades == sorted(grades)
    newest = client.get("/api/allegations", params={"sort": "-last"}).json()["items"]
    dates = [i["last_reported"] for i in newest if i["last_reported"]]
    assert dates == sorted(dates, reverse=True)


def test_paging_links_keep_the_filters(client: TestClient) -> None:
    page = html(client, "/allegations?act=prosecution&limit=5")
    assert 'href="/allegations?act=prosecution&amp;limit=5&amp;offset=5"' in page
    assert 'rel="prev"' not in page


def test_a_bad_filter_is_an_html_error_on_the_page_and_json_on_the_twin(
    client: TestClient,
) -> None:
    page = html(client, "/allegations?since=last+week", status=400)
    assert "Since must be a date such as 2025" in page
    body = client.get("/api/allegations", params={"sort": "nonsense"}).json()
    assert body["ok"] is False and body["status"] == 400
    assert "Not found" in html(client, "/allegations/nope", status=404)
    assert client.get("/api/entities/nope").json()["status"] == 404


def test_allegation_page_shows_statement_grade_diagram_and_evidence(client: TestClient) -> None:
    item = vardar(client)
    page = html(client, f"/allegations/{item['id']}")
    record = client.get(f"/api/allegations/{item['id']}").json()
    assert "Vardar Brotherhood" in page and "Why this grade" in page
    assert f">{record['grade']}<" in page
    for reason in record["rationale"]:
        if MASK not in reason:
            assert reason.replace("“", "").split(":")[0].replace("\u201d", "") in page.replace(
                "“", ""
            )
    assert page.count('class="line') == len(record["lines"])
    assert page.count('<li id="claim-') == len(record["claims"])
    assert re.search(r'<mark class="m-actor"><a href="/entities/[0-9a-f]+">', page)
    assert 'class="m-place"' in page and 'class="m-organ"' in page
    for fmt in ("ftm", "graphml", "gexf", "geojson", "csv", "parquet", "dossier"):
        assert f'href="/api/export/{fmt}?allegation={item["id"]}"' in page


def test_echoes_are_marked_in_the_diagram(client: TestClient) -> None:
    item = vardar(client)
    record = client.get(f"/api/allegations/{item['id']}").json()
    if record["links"]:
        assert "repeats " in html(client, f"/allegations/{item['id']}")


def test_denials_are_marked_in_the_diagram(client: TestClient) -> None:
    denied = client.get("/api/allegations", params={"modality": "denied"}).json()["items"][0]
    page = html(client, f"/allegations/{denied['id']}")
    assert 'class="line denial"' in page and "deny it" in page
    denying = [c for c in denied["claims"] if c["modality"] == "denied"]
    assert f'href="/reports/{denying[0]["article_id"]}#claim-{denying[0]["id"]}"' in page


def test_official_action_names_its_object_not_its_doer(client: TestClient) -> None:
    arrest = client.get("/api/allegations", params={"act": "arrest", "actor": "a"}).json()
    page = html(client, f"/allegations/{arrest['items'][0]['id']}")
    assert re.search(r"<h1>Arrest of ", page)
    assert "allege arrest of " in page or "alleges arrest of " in page


def test_report_page_highlights_claims_and_links_allegations(client: TestClient) -> None:
    item = vardar(client)
    record = client.get(f"/api/allegations/{item['id']}").json()
    article_id = record["claims"][0]["article_id"]
    page = html(client, f"/reports/{article_id}")
    twin = client.get(f"/api/reports/{article_id}").json()
    assert twin["claims"] and twin["allegations"]
    assert page.count('<mark class="m-claim') >= 1
    assert f'href="/allegations/{item["id"]}"' in page
    assert "Source chain" in page


def test_report_page_lists_what_repeats_it(client: TestClient) -> None:
    item = vardar(client)
    links = client.get(f"/api/allegations/{item['id']}").json()["links"]
    assert links, "the demo has echoes of the Vardar claim"
    target = links[0]["target"]
    twin = client.get(f"/api/reports/{target}").json()
    assert links[0]["source"] in {e["article_id"] for e in twin["echoed_by"]}
    assert "Repeated by" in html(client, f"/reports/{target}")


def test_entity_page_lists_allegations_co_accused_and_sources(client: TestClient) -> None:
    item = vardar(client)
    page = html(client, f"/allegations/{item['id']}")
    entity_id = re.findall(r'href="/entities/([0-9a-f]+)"', page)[0]
    twin = client.get(f"/api/entities/{entity_id}").json()
    entity_page = html(client, f"/entities/{entity_id}")
    assert twin["name"] in entity_page
    assert twin["as_perpetrator"] or twin["as_place"] or twin["as_victim"]
    assert twin["outlets"]
    assert f'href="/api/export/dossier?entity={entity_id}"' in entity_page


def test_sources_page_counts_what_rests_on_each(client: TestClient) -> None:
    page = html(client, "/sources")
    twin = client.get("/api/sources").json()
    assert sum(o["reports"] for o in twin["outlets"]) == 34
    assert any(o["allegations"] for o in twin["outlets"])
    assert {"name", "kind", "allegations", "reliability"} <= set(twin["root_sources"][0])
    assert "not set (graded F)" in page
    assert len(set(re.findall(r'href="/reports/([0-9a-f]{32})"', page))) == 34


def test_victims_names_are_masked_on_every_page(client: TestClient, store: Store) -> None:
    names = masked_names(store)
    assert names, "the demo names victims"
    pages = ["/", "/allegations?limit=1000", "/sources"]
    for item in client.get("/api/allegations", params={"limit": 1000}).json()["items"]:
        if any(n in " ".join(c["sentence"] for c in item["claims"]) for n in names):
            pages.append(f"/allegations/{item['id']}")
            pages.extend(f"/reports/{c['article_id']}" for c in item["claims"][:3])
            break
    assert len(pages) > 3
    for path in pages:
        text = html(client, path)
        visible = re.sub(r"<[^>]+>", " ", text)
        for name in names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", visible), (path, name)
        assert "Victims' names are masked" in text


def test_victims_names_are_masked_in_every_json_body(client: TestClient, store: Store) -> None:
    names = masked_names(store)
    items = client.get("/api/allegations", params={"limit": 1000}).json()["items"]
    bodies = [str(items)]
    for item in items[:20]:
        bodies.append(str(client.get(f"/api/allegations/{item['id']}").json()))
        article = item["claims"][0]["article_id"]
        bodies.append(str(client.get(f"/api/articles/{article}").json()))
        bodies.append(str(client.get(f"/api/reports/{article}").json()))
    bodies.append(str(client.get("/api/articles", params={"limit": 1000}).json()))
    bodies.append(str(client.get("/api/search", params={"q": "kidney"}).json()))
    joined = "\n".join(bodies)
    assert MASK in joined
    for name in names:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", joined), name


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    item = vardar(client)
    for path in ["/", "/allegations", f"/allegations/{item['id']}", "/sources"]:
        page = html(client, path)
        assert not re.search(r'(src|href)="(https?:)?//', page), path
    assert client.get("/static/clew.css").status_code == 200
