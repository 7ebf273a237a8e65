"""Issue 4 end to end: a workspace that took the demo corpus in two batches, linked after each,
must show an analyst exactly what a workspace that took it all at once shows.

`clew link` recomputes the graph from the whole store, but the store keeps state between runs
(mentions carry the entity ids of the last link, the second ingest extracts only the new
reports, rows are inserted in a different order), so the unit test on hand-built fiction
(tests/link/test_determinism.py) cannot tell whether that state leaks into the result.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from clew.cli import cli, demo_corpus
from clew.model import Allegation
from clew.store import Store
from clew.store.graph import get_allegation, list_allegations
from clew.store.store import workspace_url
from clew.store.tables import article_links, claims, entities, entity_aliases, mentions

REPORTS = sorted(demo_corpus().glob("*.md"))
# The files are numbered in order of publication, so the first half is what arrived first.
EARLY, LATE = REPORTS[: len(REPORTS) // 2], REPORTS[len(REPORTS) // 2 :]


def _clew(workspace: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), *args])
    assert result.exit_code == 0, result.output


def _copy(files: list[Path], folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for path in files:
        shutil.copy2(path, folder / path.name)


def _allegations(store: Store) -> list[Allegation]:
    total, found = list_allegations(store, limit=10_000)
    assert total == len(found)
    return found


def _snapshot(store: Store) -> dict[str, Any]:
    """Everything the pages and exports read of the graph, as plain data, in display order."""
    shown = []
    for allegation in _allegations(store):
        record = get_allegation(store, allegation.id)
        assert record is not None
        shown.append(
            {
                "allegation": asdict(record.allegation),
                "lines": [asdict(line) for line in record.lines],
                "links": [asdict(link) for link in record.links],
                "claims": sorted(record.claims),
            }
        )
    with store.engine.connect() as conn:

        def rows(table: sa.Table, *columns: str) -> list[tuple[Any, ...]]:
            picked = [table.c[c] for c in columns]
            return [tuple(r) for r in conn.execute(sa.select(*picked).order_by(*picked))]

        return {
            "allegations": shown,
            "entities": rows(
                entities, "id", "name", "type", "subtype", "country", "latitude", "longitude"
            ),
            "aliases": rows(entity_aliases, "entity_id", "alias"),
            "mentions": rows(mentions, "article_id", "start", "end", "label", "text", "entity_id"),
            "links": rows(article_links, "source_article", "target_article", "kind", "score"),
            "claims": rows(claims, "id", "article_id", "act", "modality", "text"),
        }


def _article_total(store: Store) -> int:
    return store.list_articles(limit=1, offset=0)[0]


@pytest.fixture(scope="module")
def incremental(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[list[Allegation], Store]]:
    """Workspace A: the early reports, linked; then the whole folder again, linked again.

    Yields the allegations as they stood after the first link, and the store after the second.
    """
    workspace = tmp_path_factory.mktemp("incremental")
    folder = workspace / "reports"
    _copy(EARLY, folder)
    _clew(workspace, "ingest", "--no-progress", str(folder))
    _clew(workspace, "link", "--no-progress")
    store = Store.open(workspace_url(workspace))
    assert _article_total(store) == len(EARLY)
    before = _allegations(store)
    _copy(LATE, folder)
    # the folder now holds every report: ingesting it again must add only the late ones
    _clew(workspace, "ingest", "--no-progress", str(folder))
    assert _article_total(store) == len(REPORTS)
    _clew(workspace, "link", "--no-progress")
    yield before, store
    store.close()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Workspace B: every report in one ingest, newest first so rows land in another order."""
    workspace = tmp_path_factory.mktemp("scratch")
    folder = workspace / "reports"
    _copy(REPORTS, folder)
    _clew(workspace, "ingest", "--no-progress", *[str(folder / p.name) for p in reversed(REPORTS)])
    _clew(workspace, "link", "--no-progress")
    store = Store.open(workspace_url(workspace))
    assert _article_total(store) == len(REPORTS)
    yield store
    store.close()


def _differences(left: Any, right: Any, where: str = "") -> list[str]:
    """Paths where two snapshots differ, so a failure names the field rather than dumping both."""
    if isinstance(left, dict) and isinstance(right, dict):
        return [
            d
            for k in sorted(set(left) | set(right), key=str)
            for d in _differences(left.get(k), right.get(k), f"{where}.{k}")
        ]
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [
            d
            for i, (a, b) in enumerate(zip(left, right, strict=True))
            for d in _differences(a, b, f"{where}[{i}]")
        ]
    return [] if left == right else [f"{where}: {left!r} != {right!r}"]


def test_relinking_after_new_reports_equals_linking_from_scratch(
    incremental: tuple[list[Allegation], Store], scratch: Store
) -> None:
    _before, store = incremental
    after, fresh = _snapshot(store), _snapshot(scratch)
    assert after["allegations"], "the demo corpus yields allegations"
    assert after["entities"] and after["links"]
    assert _differences(after, fresh) == []


def test_later_reports_join_allegations_without_splitting_them(
    incremental: tuple[list[Allegation], Store],
) -> None:
    """New reports may merge allegations or add claims to them, never pull one apart; and an
    allegation whose first claim is still first keeps its id, as ids derive from that claim."""
    before, store = incremental
    after = _allegations(store)
    holder = {c: a for a in after for c in a.claim_ids}
    kept = 0
    for old in before:
        homes = {holder[c].id for c in old.claim_ids if c in holder}
        assert len(homes) == 1, f"{old.id} ({old.act}) was split across {sorted(homes)}"
        new = holder[old.claim_ids[0]]
        assert set(old.claim_ids) <= set(new.claim_ids) and new.act == old.act
        if new.claim_ids[0] == old.claim_ids[0]:
            assert new.id == old.id
            kept += 1
    assert kept >= len(before) // 2
    assert sum(a.reports for a in after) > sum(a.reports for a in before)


def test_allegations_keep_their_ids_when_later_reports_join(
    incremental: tuple[list[Allegation], Store],
) -> None:
    """What tests/link/test_determinism.py asserts on fiction, on the demo corpus: an analyst's
    link to an allegation (its page, a dossier) survives the next batch of reports. The one
    exception is a merge: when a new report shows that two allegations are one, the merged
    allegation keeps the id of the one reported first."""
    before, store = incremental
    after = _allegations(store)
    ids = {a.id for a in after}
    holder = {c: a for a in after for c in a.claim_ids}
    for old in before:
        if old.id in ids:
            continue
        merged = holder[old.claim_ids[0]]
        assert merged.first_reported is not None and old.first_reported is not None
        assert merged.first_reported <= old.first_reported, f"{old.id} ({old.act}) changed id"
        assert len(merged.claim_ids) > len(old.claim_ids)
