"""Exports: the evidence graph in the native formats of the tools investigators also use.

Each format registers in :data:`clew.registry.exporters` like a plugin (a third party adds one
through the ``clew_exporters`` entry point), with a writer over one
:class:`~clew.export.select.Selection`: the choosing of allegations and the masking of victims'
names happen once, in :mod:`clew.export.select`, before any format sees the data.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clew.export import dossier, ftm, geo, network, tables
from clew.export.select import ExportError, Filters, Selection, select
from clew.registry import exporters
from clew.store import Store

Writer = Callable[[Selection, Path], list[Path]]


@dataclass(frozen=True)
class Format:
    """An export format: ``suffix`` names its default output ("" for a folder of files);
    ``needs_subject`` formats describe one allegation or entity and are left out of ``all``
    unless one was given."""

    name: str
    suffix: str
    write: Writer
    help: str
    media_type: str = "application/zip"
    needs_subject: bool = False

    def filename(self, stem: str) -> str:
        return f"{stem}{self.suffix}" if self.suffix else f"{stem}-{self.name}"


BUILT_IN = (
    Format(
        "ftm",
        ".ftm.json",
        ftm.write,
        "FollowTheMoney entities, one a line, for Aleph",
        "application/x-ndjson",
    ),
    Format(
        "graphml",
        ".graphml",
        network.write_graphml,
        "actor-allegation-place network",
        "application/graphml+xml",
    ),
    Format("gexf", ".gexf", network.write_gexf, "the same network for Gephi", "application/xml"),
    Format(
        "geojson",
        ".geojson",
        geo.write,
        "places as points, routes as lines",
        "application/geo+json",
    ),
    Format("csv", "", tables.write_csv, "reports, claims, allegations, sources (.zip: zipped)"),
    Format("parquet", "", tables.write_parquet, "the same four tables as Parquet"),
    Format("dossier", "", dossier.write, "HTML and PDF briefing", needs_subject=True),
)
for _format in BUILT_IN:
    exporters.register(_format.name, func=_format)


def formats() -> dict[str, Format]:
    """Every registered format by name, built-ins first."""
    found: dict[str, Format] = exporters.get_all()
    names = [f.name for f in BUILT_IN] + sorted(set(found) - {f.name for f in BUILT_IN})
    return {name: found[name] for name in names}


def stem(filters: Filters) -> str:
    """The default name of an export's files, saying what it holds."""
    if filters.allegation:
        return f"clew-allegation-{_slug(filters.allegation)[:10]}"
    if filters.entity:
        return f"clew-entity-{_slug(filters.entity)[:32]}"
    return "clew-export"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def export(
    store: Store,
    fmt: str,
    out: str | Path,
    filters: Filters,
    *,
    unmask_victims: bool = False,
    progress: Callable[[str], None] = lambda _step: None,
) -> list[Path]:
    """Write ``fmt`` (or ``"all"``) for the allegations ``filters`` pick; the files written.

    ``out`` is a folder (it exists, ends in a slash, or several formats are written) that gets
    each format's default name, or else the exact path to write.
    """
    known = formats()
    if fmt == "all":
        chosen = [f for f in known.values() if not f.needs_subject or filters.allegation
                  or filters.entity]  # fmt: skip
    elif fmt in known:
        chosen = [known[fmt]]
    else:
        raise ExportError(f"no export format {fmt!r}; choose one of {', '.join(known)} or all")
    if any(f.needs_subject for f in chosen) and not (filters.allegation or filters.entity):
        raise ExportError(f"a {fmt} is about one allegation or one entity: give its id")
    progress("reading the workspace")
    selection = select(store, filters, unmask_victims=unmask_victims)
    # A str keeps the trailing slash that says "a folder"; Path() would drop it.
    as_folder = len(chosen) > 1 or Path(out).is_dir() or str(out).endswith(("/", os.sep))
    written: list[Path] = []
    for f in chosen:
        progress(f"writing {f.name}")
        target = Path(out) / f.filename(stem(filters)) if as_folder else Path(out)
        written.extend(f.write(selection, target))
    return written


__all__ = ["ExportError", "Filters", "Format", "Selection", "export", "formats", "select"]
