"""The ``clew`` command: a thin layer of click commands over the library."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from clew import __version__
from clew.errors import ClewError
from clew.model import Failure
from clew.settings import DATABASE, MAX_BYTES, SPACY_MODEL, WORKSPACE
from clew.store import Store, workspace_url

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True)
out = Console()


class Workspace:
    """The workspace a command runs in; its database is opened (and migrated) on first use."""

    def __init__(self, path: Path, database: str | None) -> None:
        self.path = path
        self.database = database
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.database or workspace_url(self.path))
        return self._store


def model_option(func: F) -> F:
    return click.option("--model", envvar=SPACY_MODEL.env, metavar="NAME", help=SPACY_MODEL.help)(
        func
    )


def friendly_errors(func: F) -> F:
    """Show clew's own errors as one line saying what to do, not a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClewError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clew")
@click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=Path),
    default=WORKSPACE.default,
    envvar=WORKSPACE.env,
    show_default=True,
    help=WORKSPACE.help,
)
@click.option("--database", envvar=DATABASE.env, help=DATABASE.help)
@click.pass_context
def cli(ctx: click.Context, workspace: Path, database: str | None) -> None:
    """clew builds an evidence graph of allegations from reports on organ trafficking.

    Example:

        clew --workspace my-case ingest ~/saved-articles/ && clew -w my-case serve
    """
    # pypdf logs every repaired defect ("EOF marker not found") over the progress bar; a PDF
    # that cannot be read still comes back as a Failure in the closing table.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    ctx.obj = Workspace(workspace, database)


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_BYTES.default,
    envvar=MAX_BYTES.env,
    show_default=True,
    help=MAX_BYTES.help,
)
@click.option(
    "--extract/--no-extract",
    "then_extract",
    default=True,
    help="Extract claims from new articles after reading them, then link the workspace "
    "into graded allegations (as `clew link` does).",
)
@model_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.pass_obj
@friendly_errors
def ingest(
    ws: Workspace,
    targets: tuple[str, ...],
    max_bytes: int,
    then_extract: bool,
    model: str | None,
    progress: bool,
) -> None:
    """Read reports from files, folders, URLs and feeds into the workspace.

    Reads .txt/.md, .html, .pdf, .jsonl/.json, .csv, .warc(.gz), RSS/Atom feeds and
    http(s) URLs; folders are read recursively. A broken input is reported with its reason
    and the rest goes on; running the same command again adds nothing new and finishes
    an interrupted run. Exits 1 if any input failed.

    Example:

        clew ingest reports/ https://news.example/story.html feeds/daily.rss
    """
    from clew.ingest.base import Limits
    from clew.ingest.pipeline import ingest as run_ingest

    summary = run_ingest(
        targets, ws.store, Limits(max_bytes=max_bytes), console=err, show_progress=progress
    )
    table = Table(title="ingest", show_header=True)
    for column in ("ingested", "duplicates", "failed"):
        table.add_column(column, justify="right")
    table.add_row(str(summary.ingested), str(summary.duplicates), str(summary.failed))
    err.print(table)
    if then_extract:
        _extract_workspace(ws, model, redo_all=False, progress=progress)
        click.get_current_context().invoke(link, outlets_file=None, progress=progress)
    if summary.failures:
        failures = Table(title="failed inputs", show_header=True)
        failures.add_column("input", overflow="fold")
        failures.add_column("reason", overflow="fold")
        for failure in summary.failures:
            failures.add_row(failure.location, failure.reason)
        err.print(failures)
        sys.exit(1)


def _extract_workspace(ws: Workspace, model: str | None, *, redo_all: bool, progress: bool) -> None:
    from clew.extract.pipeline import load_pipeline
    from clew.jobs import extract_workspace

    done = extract_workspace(
        ws.store, load_pipeline(model), redo_all=redo_all, console=err, show_progress=progress
    )
    err.print(
        f"extract: {done.claims} claims from {done.articles} articles"
        + (f", {done.errors} articles could not be read" if done.errors else "")
    )


@cli.command()
@click.argument("files", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="Output for FILES: one document a line, one JSON array, or a table.",
)
@click.option(
    "--all", "redo_all", is_flag=True, help="Workspace mode: redo up-to-date articles too."
)
@model_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.pass_obj
@friendly_errors
def extract(
    ws: Workspace,
    files: tuple[str, ...],
    fmt: str,
    redo_all: bool,
    model: str | None,
    progress: bool,
) -> None:
    """Extract claims: acts, roles, modality and source chains, sentence by sentence.

    With FILES (anything `clew ingest` reads), print one document per article to stdout
    and touch no workspace. Without FILES, re-run extraction over the workspace's stored
    articles that the current rules have not yet read (after a lexicon change, say), or
    over all of them with --all. Exits 1 if an input could not be read.

    Example:

        clew extract articles.jsonl --format jsonl > claims.jsonl

        clew --workspace my-case extract --all
    """
    if not files:
        _extract_workspace(ws, model, redo_all=redo_all, progress=progress)
        return
    from clew.extract.output import guide_document
    from clew.extract.pipeline import load_pipeline
    from clew.jobs import extract_files

    failed = 0
    documents: list[dict[str, Any]] = []
    for result in extract_files(files, load_pipeline(model)):
        if isinstance(result, Failure):
            err.print(f"[red]skipped[/red] {result.location}: {result.reason}")
            failed += 1
            continue
        document = guide_document(result)
        if fmt == "jsonl":
            click.echo(json.dumps(document, ensure_ascii=False))
        else:
            documents.append(document)
    if fmt == "json":
        click.echo(json.dumps(documents, ensure_ascii=False, indent=2))
    elif fmt == "table":
        out.print(claims_table(documents))
    if failed:
        sys.exit(1)


def claims_table(documents: list[dict[str, Any]]) -> Table:
    table = Table(title="claims", show_lines=True)
    for column in ("article", "act", "modality", "perpetrators", "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for document in documents:
        for claim in document["claims"]:
            chain = " ← ".join(f"{s['name']} ({s['kind']})" for s in claim["sources"])
            table.add_row(
                str(document["id"])[:12],
                claim["act"],
                claim["modality"],
                ", ".join(claim["perpetrators"]),
                chain or "(the report itself)",
                claim["text"],
            )
    return table


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.pass_obj
@friendly_errors
def status(ws: Workspace, as_json: bool) -> None:
    """Show how many rows each table holds and how many articles each outlet has.

    Example:

        clew --workspace my-case status
    """
    counts = ws.store.counts()
    outlets = ws.store.outlet_counts()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "tables": counts,
                    "outlets": [{"outlet": o, "articles": n, "claims": c} for o, n, c in outlets],
                },
                indent=2,
            )
        )
        return
    tables = Table(title=f"workspace {ws.database or ws.path}")
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    for name, n in counts.items():
        tables.add_row(name, str(n))
    out.print(tables)
    per_outlet = Table(title="articles per outlet")
    per_outlet.add_column("outlet")
    per_outlet.add_column("articles", justify="right")
    per_outlet.add_column("claims", justify="right")
    for outlet, n, c in outlets:
        per_outlet.add_row(outlet or "(unknown)", str(n), str(c))
    out.print(per_outlet)


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.pass_obj
@friendly_errors
def search(ws: Workspace, text: str, limit: int, as_json: bool) -> None:
    """Full-text search over article and claim text; quote a phrase.

    Example:

        clew search '"organ removal" clinic'
    """
    found = ws.store.search(text, limit)
    if as_json:
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"articles matching {text!r}")
    for column in ("id", "outlet", "published", "snippet"):
        table.add_column(column, overflow="fold")
    for row in found["articles"]:
        table.add_row(row["id"][:12], row["outlet"] or "", row["published"] or "", row["snippet"])
    out.print(table)
    if found["claims"]:
        claims = Table(title="claims")
        for column in ("act", "modality", "article", "snippet"):
            claims.add_column(column, overflow="fold")
        for row in found["claims"]:
            claims.add_row(row["act"], row["modality"], row["article_id"][:12], row["snippet"])
        out.print(claims)


def _serve(ws: Workspace, host: str, port: int) -> None:
    import gc

    import uvicorn

    from clew.serve import create_app

    app = create_app(ws.store)
    # What is loaded by now lives as long as the server: frozen, it is left out of the full
    # collections that a long page (a thousand rows) would otherwise trigger, at ~100 ms each.
    gc.freeze()
    err.print(f"clew is serving {ws.database or ws.path} on http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_obj
@friendly_errors
def serve(ws: Workspace, host: str, port: int) -> None:
    """Serve the workspace over HTTP: web pages at /, each with a JSON twin under /api/.

    Example:

        clew --workspace my-case serve --port 8001   # then open http://127.0.0.1:8001/
    """
    _serve(ws, host, port)


def demo_corpus() -> Path:
    """The folder of fictional reports that ships with clew."""
    return Path(str(resources.files("clew.demo") / "reports"))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--serve/--no-serve", "then_serve", default=True, help="Serve once built.")
@click.pass_obj
@friendly_errors
def demo(ws: Workspace, host: str, port: int, then_serve: bool) -> None:
    """Build a workspace from the bundled demo corpus (fiction): ingest, extract, link,
    grade; then serve it.

    Example:

        clew --workspace demo-case demo --port 8000
    """
    from clew.ingest.pipeline import ingest as run_ingest

    summary = run_ingest([str(demo_corpus())], ws.store, console=err)
    err.print(
        f"demo corpus: {summary.ingested} new, {summary.duplicates} already in the workspace, "
        f"{summary.failed} failed"
    )
    if summary.failures:
        raise click.ClickException(
            "the bundled demo corpus did not read cleanly; reinstall clew (make clean install)"
        )
    _extract_workspace(ws, None, redo_all=False, progress=True)
    click.get_current_context().invoke(link, outlets_file=None, progress=True)
    if then_serve:
        _serve(ws, host, port)


@cli.command()
@click.option(
    "--outlets",
    "outlets_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="An outlet table of your own (see clew/schema/outlets.yaml for its format).",
)
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.pass_obj
@friendly_errors
def link(ws: Workspace, outlets_file: Path | None, progress: bool) -> None:
    """Join the workspace's claims into graded allegations (entities, echoes, lines of evidence).

    Recomputes everything from the whole workspace, so running it after new reports arrive
    gives what a fresh workspace would: run it after every ingest and extract.

    Example:

        clew --workspace my-case link --outlets my-outlets.yaml
    """
    from rich.progress import Progress

    from clew.grade import grade_graph
    from clew.link import STEPS, link_corpus
    from clew.link.outlets import outlet_entries
    from clew.store.graph import load_corpus, save_graph

    articles, claims, mentions = load_corpus(ws.store)
    with Progress(console=err, disable=not progress, transient=True) as bar:
        task = bar.add_task("linking", total=len(STEPS) + 2)

        def step(name: str) -> None:
            bar.update(task, description=name, advance=1)

        graph = link_corpus(
            articles,
            claims,
            mentions,
            outlets=outlet_entries(outlets_file) if outlets_file else None,
            progress=step,
        )
        step("grading")
        grade_graph(graph)
        step("saving")
        save_graph(ws.store, graph)
    summary = Table(title="link")
    for column in ("reports", "claims", "entities", "allegations", "independent lines", "links"):
        summary.add_column(column, justify="right")
    summary.add_row(
        str(len(articles)),
        str(len(claims)),
        str(len(graph.entities)),
        str(len(graph.allegations)),
        str(sum(len(v) for v in graph.lines.values())),
        str(len(graph.links)),
    )
    err.print(summary)


@cli.command()
@click.option("--act", help="Only this act (an id of clew/schema/act_types.yaml).")
@click.option("--actor", help="Only allegations against a perpetrator whose name contains this.")
@click.option("--place", help="Only allegations at a place whose name contains this.")
@click.option("--grade", help='A grade ("C3"), or its letter or digit alone ("C", "3").')
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_obj
@friendly_errors
def allegations(
    ws: Workspace,
    act: str | None,
    actor: str | None,
    place: str | None,
    grade: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List allegations, most reports first, with their independent lines and grade.

    Example:

        clew allegations --actor "Vardar Brotherhood" --grade F --format json
    """
    from clew.store.graph import allegation_json, claims_of, list_allegations

    total, items = list_allegations(
        ws.store, limit=limit, act=act, actor=actor, place=place, grade=grade
    )
    if fmt == "json":
        found = claims_of(ws.store, [a.id for a in items])
        click.echo(
            json.dumps(
                {"total": total, "items": [allegation_json(a, found.get(a.id, [])) for a in items]},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    table = Table(title=f"{total} allegation{'s' if total != 1 else ''}")
    for column in ("id", "act", "perpetrators", "places", "reports", "lines", "grade"):
        table.add_column(column, overflow="fold")
    for a in items:
        table.add_row(
            a.id[:10],
            a.act,
            ", ".join(a.perpetrators) or "(unnamed)",
            ", ".join(a.places),
            str(a.reports),
            str(a.independent_lines),
            a.grade or "",
        )
    out.print(table)


@cli.command()
@click.argument("allegation_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a tree.")
@click.pass_obj
@friendly_errors
def show(ws: Workspace, allegation_id: str, as_json: bool) -> None:
    """Show one allegation's evidence: lines of evidence, their reports, their sentences.

    ALLEGATION_ID may be the first characters of the id, as `clew allegations` prints it.

    Example:

        clew show 3eddfb8bc8
    """
    from rich.tree import Tree

    from clew.store.graph import find_allegation_id, get_allegation, record_json

    full = find_allegation_id(ws.store, allegation_id)
    record = get_allegation(ws.store, full) if full else None
    if record is None:
        raise click.ClickException(
            f"no single allegation with an id starting {allegation_id!r}; "
            "list them with `clew allegations`"
        )
    data = record_json(record)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    a = record.allegation
    who = ", ".join(a.perpetrators) or "unnamed perpetrators"
    tree = Tree(f"[bold]{a.act}[/] by {who} — grade [bold]{a.grade}[/] ({a.reports} reports, "
                f"{a.independent_lines} independent line(s))")  # fmt: skip
    for line in data["lines"]:
        root = line["root_source"] or {"name": "unknown", "kind": "?"}
        branch = tree.add(
            f"line {line['reliability'] or ''}: root {root['kind']} “{root['name']}” — "
            f"{line['reason']}"
        )
        for report in line["reports"]:
            leaf = branch.add(
                f"{report['outlet'] or '(no outlet)'} {report['published'] or ''} "
                f"{report['title'] or report['article_id'][:12]}"
            )
            for sentence in report["sentences"]:
                leaf.add(f"[italic]{sentence}[/]")
    for denial in data["denied_by"]:
        tree.add(f"[red]denied[/]: {denial['sentence']}")
    why = tree.add("why this grade")
    for sentence in a.rationale:
        why.add(sentence)
    out.print(tree)


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    required=True,
    metavar="FORMAT",
    help="ftm, graphml, gexf, geojson, csv, parquet, dossier, or all of them.",
)
@click.option("--allegation", help="Only this allegation (the first characters of its id).")
@click.option("--entity", help="Only allegations about this entity (id prefix or exact name).")
@click.option("--act", help="Only this act (an id of clew/schema/act_types.yaml).")
@click.option("--actor", help="Only allegations against a perpetrator whose name contains this.")
@click.option("--place", help="Only allegations at a place whose name contains this.")
@click.option("--grade", help='A grade ("C3"), or its letter or digit alone ("C", "3").')
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="A folder (ends in / or exists: files get default names) or a file path.",
)
@click.option(
    "--unmask-victims", is_flag=True, help="Keep victims' names (masked by default; logged)."
)
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.pass_obj
@friendly_errors
def export_command(
    ws: Workspace,
    fmt: str,
    allegation: str | None,
    entity: str | None,
    act: str | None,
    actor: str | None,
    place: str | None,
    grade: str | None,
    output: str,
    unmask_victims: bool,
    progress: bool,
) -> None:
    """Export allegations with their evidence to Aleph (FtM), Gephi (GraphML, GEXF), QGIS
    (GeoJSON), pandas (CSV, Parquet), or as an HTML and PDF dossier for one allegation or
    entity. Victims' names are masked unless --unmask-victims is given.

    Example:

        clew --workspace my-case export --format all -o exports/

        clew export --format dossier --allegation 3eddfb8bc8 -o dossiers/
    """
    from rich.progress import Progress

    from clew.export import Filters, export, formats

    if fmt != "all" and fmt not in formats():
        raise click.BadParameter(
            f"choose one of {', '.join(formats())} or all", param_hint="--format"
        )
    filters = Filters(allegation, entity, act, actor, place, grade)
    if unmask_victims:
        err.print("[yellow]victims' names will NOT be masked in this export[/yellow]")
    with Progress(console=err, disable=not progress, transient=True) as bar:
        task = bar.add_task("export", total=None)
        written = export(
            ws.store,
            fmt,
            output,
            filters,
            unmask_victims=unmask_victims,
            progress=lambda step: bar.update(task, description=step),
        )
    for path in written:
        err.print(f"wrote {path}")


def main() -> None:
    cli(prog_name="clew")
