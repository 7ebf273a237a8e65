"""One demo workspace for every export test, built once the way `clew demo --no-serve` builds it
(ingest, extract, link, grade over the bundled fictional corpus); it takes some seconds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import trafilatura.downloads  # noqa: F401  (see the note below)
from click.testing import CliRunner

from clew.cli import cli
from clew.export import Filters, Selection, select
from clew.model import Allegation
from clew.privacy import victim_names
from clew.store import Store, workspace_url
from clew.store.graph import list_allegations, load_corpus

# trafilatura.downloads warns at import that PySocks is missing. Imported here, at collection,
# the warning is only a warning; if the demo fixture below ran first, the first import would
# happen inside a later ingest test, where `filterwarnings = error` turns it into a failure.


# The demo corpus names no victim, so one fictional report that does is added: masking must
# have a name to mask.
NAMED_VICTIM_REPORT = """---
title: Student describes abduction near Gevgelija (fiction, for clew's tests)
outlet: The Meridian Ledger
url: https://meridianledger.example/2025/10/student-abduction
published: 2025-10-30
---
Police in Kumanovo said the Vardar Brotherhood abducted Mira Talvik, a 19-year-old student,
near Gevgelija and removed one of her kidneys at the Medisan Lux clinic.
"""


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-workspace")
    result = CliRunner().invoke(cli, ["--workspace", str(path), "demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    report = tmp_path_factory.mktemp("named-victim") / "student-abduction.md"
    report.write_text(NAMED_VICTIM_REPORT, encoding="utf-8")
    for args in (["ingest", "--no-progress", str(report)], ["link", "--no-progress"]):
        result = CliRunner().invoke(cli, ["--workspace", str(path), *args])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def store(workspace: Path) -> Iterator[Store]:
    opened = Store.open(workspace_url(workspace))
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def top(store: Store) -> Allegation:
    """The allegation with the most reports: several lines of evidence, places, a grade."""
    _, found = list_allegations(store, limit=1)
    return found[0]


@pytest.fixture(scope="session")
def everything(store: Store) -> Selection:
    return select(store, Filters())


@pytest.fixture(scope="session")
def victims(store: Store) -> set[str]:
    """Victims' names in the demo corpus, found independently of the export code."""
    _, claims, mentions = load_corpus(store)
    names = victim_names(claims, mentions)
    assert names, "the demo corpus should name at least one victim for these tests to mean much"
    return names
