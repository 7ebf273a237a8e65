"""`clew link`, `clew allegations`, `clew show` and /api/allegations on a fictional workspace."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from clew.cli import cli
from clew.model import Claim
from clew.serve import create_app
from clew.store import Store, workspace_url
from tests.link.fiction import court_and_denial, echo_corpus


def _workspace(path: Path) -> list[str]:
    store = Store.open(workspace_url(path))
    articles, claims = echo_corpus(3)
    more, more_claims = court_and_denial()
    by_article: dict[str, list[Claim]] = {}
    for c in [*claims, *more_claims]:
        by_article.setdefault(c.article_id, []).append(c)
    for a in [*articles, *more]:
        store.add_article(a)
        store.save_extraction(a.id, by_article.get(a.id, []), [], "test")
    store.close()
    return ["--workspace", str(path)]


def test_link_then_list_and_show(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    runner = CliRunner()
    linked = runner.invoke(cli, [*ws, "link", "--no-progress"])
    assert linked.exit_code == 0, linked.output
    listed = runner.invoke(cli, [*ws, "allegations", "--format", "json"])
    data = json.loads(listed.output)
    assert data["total"] == 2
    sale = next(a for a in data["items"] if a["act"] == "organ_sale")
    assert sale["reports"] == 7 and sale["independent_lines"] == 1 and sale["denials"] == 1
    assert sale["claims"][0]["sentence"] and sale["claims"][0]["sources"]
    table = runner.invoke(cli, [*ws, "allegations", "--actor", "dervenski"])
    assert table.exit_code == 0 and "prosecution" in table.output
    shown = runner.invoke(cli, [*ws, "show", sale["id"][:10]])
    assert shown.exit_code == 0, shown.output
    assert "Nova Tribuna" in shown.output and "why this grade" in shown.output
    missing = runner.invoke(cli, [*ws, "show", "zzzz"])
    assert missing.exit_code == 1 and "clew allegations" in missing.output


def test_api_pages_allegations_and_shows_one(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    assert CliRunner().invoke(cli, [*ws, "link", "--no-progress"]).exit_code == 0
    store = Store.open(workspace_url(tmp_path))
    with TestClient(create_app(store)) as client:
        page = client.get("/api/allegations", params={"limit": 1}).json()
        assert set(page) == {"total", "limit", "offset", "items"} and page["total"] == 2
        item = page["items"][0]
        for key in ("id", "act", "perpetrators", "places", "claims", "reports", "root_sources",
                    "independent_lines", "echoes", "denials", "grade", "rationale"):  # fmt: skip
            assert key in item
        one = client.get(f"/api/allegations/{item['id']}").json()
        assert one["id"] == item["id"] and one["lines"][0]["reports"]
        assert client.get("/api/allegations", params={"grade": "A1"}).json()["total"] == 1
        missing = client.get("/api/allegations/nope")
        assert missing.status_code == 404 and missing.json()["ok"] is False
    store.close()
