"""The JSON API in-process: page shape, paging, and the one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clew.model import Article
from clew.serve import create_app
from clew.store import Store, workspace_url


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store.open(workspace_url(tmp_path))
    # Fiction: invented reports for tests.
    for n in range(7):
        store.add_article(
            Article(
                text=f"Report {n}: the fictional Medisan Lux clinic in Pristina was raided. " * 20,
                outlet="The Meridian Ledger" if n % 2 else "Balkan Wire Service",
                published=f"2025-04-0{n + 1}",
                locations=[f"r{n}.txt"],
            )
        )
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.close()


def test_articles_page_has_total_and_items(client: TestClient) -> None:
    body = client.get("/api/articles", params={"limit": 3, "offset": 2}).json()
    assert body["total"] == 7
    assert body["limit"] == 3 and body["offset"] == 2
    assert len(body["items"]) == 3
    item = body["items"][0]
    assert item["published"] == "2025-04-05"
    assert item["excerpt"].endswith("…") and "text" not in item
    assert item["locations"] == ["r4.txt"]


def test_articles_filter_by_outlet(client: TestClient) -> None:
    body = client.get("/api/articles", params={"outlet": "The Meridian Ledger"}).json()
    assert body["total"] == 3
    assert {i["outlet"] for i in body["items"]} == {"The Meridian Ledger"}


def test_article_detail_has_text_and_claims(client: TestClient) -> None:
    first = client.get("/api/articles").json()["items"][0]
    detail = client.get(f"/api/articles/{first['id']}").json()
    assert detail["text"].startswith("Report 6")
    assert detail["claims"] == []


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/articles/nope", 404), ("/api/articles?limit=0", 400), ("/api/nothing", 404)],
)
def test_errors_share_one_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_search_and_status(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Medisan"}).json()
    assert len(found["articles"]) == 7
    status = client.get("/api/status").json()
    assert status["tables"]["articles"] == 7
    assert {o["outlet"] for o in status["outlets"]} == {
        "The Meridian Ledger",
        "Balkan Wire Service",
    }


def test_no_page_loads_assets_from_elsewhere(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404  # Swagger UI would pull from a CDN
    assert client.get("/openapi.json").json()["info"]["title"] == "clew"
