"""Server-side render time of the allegations page with 1,000 rows, against baselines measured
in the same run.

    .venv/bin/python benchmarks/ui_render.py [--allegations 1000] [--repeat 7]

The demo workspace (fiction) is built once, then its allegations, their claims, lines of
evidence and entity roles are copied under new ids until the store holds at least
``--allegations`` of them. Each page is fetched in-process (Starlette's TestClient, no network)
and the median (and best) of ``--repeat`` runs is reported for:
- the HTML page with every allegation on it (the target: under 200 ms);
- its JSON twin, the same query and rows without templates: the ratio is what rendering costs;
- the 50-row page a user sees first: the ratio shows how rendering scales with rows.
Like ``clew serve``, the process freezes what it loaded before serving (``gc.freeze``), so a
full garbage collection does not walk every long-lived object in the middle of a request.
Exits 1 if the 1,000-row page misses the target, so ``make bench`` shows it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from clew.model import stable_id
from clew.serve import create_app
from clew.store import Store, workspace_url
from clew.store.tables import (
    allegation_claims,
    allegation_entities,
    allegations,
    claim_sources,
    claims,
    evidence_lines,
)

TARGET_MS = 200.0


def rows(conn: sa.Connection, table: sa.Table) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(sa.select(table))]


def scale_up(store: Store, wanted: int) -> int:
    """Copy every allegation with its claims until there are ``wanted``; returns the count."""
    with store.engine.begin() as conn:
        base = rows(conn, allegations)
        links = rows(conn, allegation_claims)
        roles = rows(conn, allegation_entities)
        lines = rows(conn, evidence_lines)
        found = rows(conn, claims)
        chains = rows(conn, claim_sources)
        copy = 0
        total = len(base)
        while total < wanted:
            copy += 1

            def new(old: str, n: int = copy) -> str:
                return stable_id("bench-copy", n, old)

            conn.execute(
                claims.insert(),
                [{k: v for k, v in c.items() if k != "pk"} | {"id": new(c["id"])} for c in found],
            )
            conn.execute(
                claim_sources.insert(), [s | {"claim_id": new(s["claim_id"])} for s in chains]
            )
            conn.execute(
                allegations.insert(),
                [
                    a | {"id": new(a["id"]), "position": a["position"] + copy * len(base)}
                    for a in base
                ],
            )
            conn.execute(
                allegation_claims.insert(),
                [
                    x | {"allegation_id": new(x["allegation_id"]), "claim_id": new(x["claim_id"])}
                    for x in links
                ],
            )
            conn.execute(
                allegation_entities.insert(),
                [r | {"allegation_id": new(r["allegation_id"])} for r in roles],
            )
            conn.execute(
                evidence_lines.insert(),
                [
                    x
                    | {
                        "id": new(x["id"]),
                        "allegation_id": new(x["allegation_id"]),
                        "claim_ids": [new(c) for c in x["claim_ids"]],
                    }
                    for x in lines
                ],
            )
            total += len(base)
        return total


def timings_ms(client: TestClient, path: str, repeat: int) -> tuple[float, float]:
    """Median and best of ``repeat`` fetches; the best shows the cost without other load."""
    client.get(path).raise_for_status()  # warm: templates compiled, connections opened
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allegations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clew-bench-") as tmp:
        workspace = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "clew", "-w", tmp, "demo", "--no-serve"],
            check=True,
            capture_output=True,
        )
        store = Store.open(workspace_url(workspace))
        total = scale_up(store, args.allegations)
        app = create_app(store)
        gc.freeze()  # as `clew serve` does once the app is built
        with TestClient(app) as client:
            page = client.get("/allegations", params={"limit": 1000}).text
            shown = page.count('<tr>\n    <td><span class="badge')
            measured = {
                "/allegations?limit=1000 (HTML)": timings_ms(
                    client, "/allegations?limit=1000", args.repeat
                ),
                "/api/allegations?limit=1000 (JSON)": timings_ms(
                    client, "/api/allegations?limit=1000", args.repeat
                ),
                "/allegations?limit=50 (HTML)": timings_ms(
                    client, "/allegations?limit=50", args.repeat
                ),
            }
        store.close()
    html = measured["/allegations?limit=1000 (HTML)"][0]
    print(f"workspace: {total} allegations; the page shows {shown} rows")
    print(f"{'request':<36}{'median ms':>10}{'best ms':>9}{'ratio':>8}")
    for name, (median, best) in measured.items():
        print(f"{name:<36}{median:>10.1f}{best:>9.1f}{median / html:>8.2f}")
    verdict = "met" if html < TARGET_MS else "MISSED"
    print(f"target: median of the 1,000-row page under {TARGET_MS:.0f} ms: {verdict}")
    if html >= TARGET_MS:
        sys.exit(1)


if __name__ == "__main__":
    main()
