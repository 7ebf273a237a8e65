"""Jobs that run a stage over a whole workspace and keep it resumable.

Extraction results are stamped with the extractor's version: the clew release, the spaCy
pipeline and a digest of every lexicon and pattern file. Editing a cue list therefore marks
every article as pending again, and an interrupted run picks up where it stopped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from clew import __version__
from clew.ingest.base import Limits
from clew.model import Article, Failure
from clew.store import Store

if TYPE_CHECKING:
    from clew.extract.pipeline import Extraction

PACKAGE = Path(__file__).parent
RULE_FILES = ("schema/*.yaml", "extract/**/*.yaml", "extract/**/*.jsonl", "extract/**/*.cfg")


def extractor_version(nlp: Any) -> str:
    """A short fingerprint of everything that decides what extraction finds."""
    digest = hashlib.sha256()
    for pattern in RULE_FILES:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    model = f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    return f"clew-{__version__}/{model}/{digest.hexdigest()[:12]}"


@dataclass
class ExtractSummary:
    articles: int = 0
    claims: int = 0
    errors: int = 0


def extract_workspace(
    store: Store,
    nlp: Any,
    *,
    redo_all: bool = False,
    console: Console | None = None,
    show_progress: bool = True,
) -> ExtractSummary:
    """Extract claims for every article not yet extracted by this version (or all of them)."""
    from clew.extract.pipeline import extract

    version = extractor_version(nlp)
    pending = store.article_ids(pending_version=None if redo_all else version)
    summary = ExtractSummary()
    with Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        disable=not (show_progress and len(pending) > 1),
    ) as bar:
        task = bar.add_task("extract", total=len(pending))
        for result in extract(store.iter_articles(pending), nlp):
            if result.error:
                summary.errors += 1
            else:
                store.save_extraction(result.article.id, result.claims, result.mentions, version)
                summary.claims += len(result.claims)
            summary.articles += 1
            bar.advance(task)
    return summary


def extract_files(
    targets: Sequence[str], nlp: Any, limits: Limits | None = None
) -> Iterator[Extraction | Failure]:
    """Read inputs the way ingest does and extract each article, in input order, lazily.

    Nothing is stored: this is ``clew extract FILE…``, which must need no workspace. A broken
    input comes out as a Failure in its place so the caller can report it and go on.
    """
    from clew.extract.pipeline import extract
    from clew.ingest.discover import discover, read

    limits = limits or Limits()
    failures: list[Failure] = []

    def articles() -> Iterator[Article]:
        for found in discover(targets, limits):
            if isinstance(found, Failure):
                failures.append(found)
                continue
            for outcome in read(found, limits):
                if isinstance(outcome, Failure):
                    failures.append(outcome)
                else:
                    yield outcome

    for result in extract(articles(), nlp):
        yield from failures
        failures.clear()
        yield result
    yield from failures
