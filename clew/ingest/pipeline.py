"""The ingest loop: discover inputs, read each, store every article as soon as it is read.

Each article is committed on its own, so killing the process loses at most the article in
hand, and running the same command again stores exactly what one clean run would have: known
texts collapse onto their id, known locations are not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from clew.ingest.base import Item, Limits
from clew.ingest.discover import discover, read
from clew.model import Article, Failure
from clew.store import Store


@dataclass
class Summary:
    """What one ingest run did: the figures of its closing table."""

    ingested: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=False,
    )


def ingest(
    targets: Sequence[str],
    store: Store,
    limits: Limits | None = None,
    *,
    console: Console | None = None,
    show_progress: bool = True,
) -> Summary:
    """Read every target into the store and say what happened."""
    limits = limits or Limits()
    console = console or Console(stderr=True)
    summary = Summary()
    items: list[Item] = []
    for found in discover(targets, limits):
        if isinstance(found, Failure):
            _fail(store, summary, found)
        else:
            items.append(found)
    with _progress(console, show_progress and len(items) > 1) as bar:
        task = bar.add_task("ingest", total=len(items), current="")
        for item in items:
            bar.update(task, current=_short(item.location))
            for outcome in read(item, limits):
                if isinstance(outcome, Article):
                    if store.add_article(outcome):
                        summary.ingested += 1
                    else:
                        summary.duplicates += 1
                else:
                    _fail(store, summary, outcome)
            bar.advance(task)
    return summary


def _fail(store: Store, summary: Summary, failure: Failure) -> None:
    store.record_failure(failure)
    summary.failures.append(failure)


def _short(location: str, width: int = 48) -> str:
    return location if len(location) <= width else "…" + location[-(width - 1) :]
