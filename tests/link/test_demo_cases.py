"""The designed cases of the demo corpus (clew/demo/cases.yaml), end to end: ingest, extract,
link and grade the bundled fiction with `clew demo`, then check what an analyst would see."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from clew.cli import cli
from clew.model import Allegation
from clew.store import Store
from clew.store.graph import AllegationRecord, get_allegation, list_allegations
from clew.store.store import workspace_url

CASES: dict[str, Any] = yaml.safe_load(
    (resources.files("clew.demo") / "cases.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    workspace = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    opened = Store.open(workspace_url(workspace))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def article_of(store: Store) -> dict[str, str]:
    """Report file name -> article id."""
    _total, articles = store.list_articles(limit=1000, offset=0)
    return {Path(loc).name: a.id for a in articles for loc in a.locations}


def _allegations(store: Store) -> list[Allegation]:
    return list_allegations(store, limit=10_000)[1]


def _record_with(store: Store, act: str, article_id: str) -> AllegationRecord:
    for allegation in _allegations(store):
        if allegation.act == act and article_id in allegation.article_ids:
            record = get_allegation(store, allegation.id)
            assert record is not None
            return record
    raise AssertionError(f"no {act} allegation carries article {article_id}")


def test_the_echoed_anonymous_claim_is_one_line(store: Store, article_of: dict[str, str]) -> None:
    case = CASES["echoed_anonymous_claim"]
    origin = article_of[case["origin"]]
    record = _record_with(store, case["act"], origin)
    line = next(ln for ln in record.lines if origin in ln.article_ids)
    echoes = {article_of[name] for name in case["echoes"]}
    in_allegation = echoes & set(record.allegation.article_ids)
    # the echoes the allegation holds all sit in the origin's line, and they are most of them
    assert len(in_allegation) >= 10
    assert in_allegation <= set(line.article_ids)
    assert line.root_source is not None and line.root_source.kind == "anonymous"
    assert record.allegation.independent_lines < record.allegation.reports


def test_copied_reports_are_found_as_echoes(store: Store, article_of: dict[str, str]) -> None:
    copied: set[frozenset[str]] = set()
    for allegation in _allegations(store):
        record = get_allegation(store, allegation.id)
        assert record is not None
        copied |= {
            frozenset({link.source_article, link.target_article})
            for link in record.links
            if link.kind == "copied_text"
        }
    for pair in CASES["copied_text"]:
        assert frozenset({article_of[pair["original"]], article_of[pair["copy"]]}) in copied


def test_the_conviction_confirms_the_allegation(store: Store, article_of: dict[str, str]) -> None:
    case = CASES["echoed_anonymous_claim"]
    record = _record_with(store, case["act"], article_of[case["origin"]])
    assert record.allegation.credibility == 1
    assert any("conviction" in reason for reason in record.allegation.rationale)


def test_a_denial_lowers_credibility(store: Store) -> None:
    denied = [a for a in _allegations(store) if a.denials and a.independent_lines]
    assert denied
    for allegation in denied:
        assert any("deni" in reason for reason in allegation.rationale)
