"""Ingest throughput and memory, as ratios against baselines measured in the same run.

    .venv/bin/python benchmarks/ingest_throughput.py [--scale 20]

Each measurement runs in a fresh child process so peak memory (ru_maxrss) is its own:
- rate: articles per second stored, against the bare read rate of the same inputs (readers
  only, no database) -- the ratio is what storing costs;
- memory: peak RSS ingesting N times the demo corpus against 1 times -- ingest streams, so the
  ratio should stay near 1.
The dev set of ../shared/eval is measured too when it is present.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "clew" / "demo" / "reports"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def child(mode: str, corpus: str, workspace: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    from clew.ingest.base import Item, Limits
    from clew.ingest.discover import discover, read
    from clew.ingest.pipeline import ingest
    from clew.model import Article
    from clew.store import Store, workspace_url

    start = time.perf_counter()
    if mode == "read":
        count = sum(
            isinstance(outcome, Article)
            for item in discover([corpus], Limits())
            if isinstance(item, Item)
            for outcome in read(item, Limits())
        )
    else:
        store = Store.open(workspace_url(Path(workspace)))
        summary = ingest([corpus], store, show_progress=False)
        count = summary.ingested + summary.duplicates
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"articles": count, "seconds": seconds, "peak_mib": peak_kib / 1024}))


def measure(mode: str, corpus: Path, tmp: Path) -> dict[str, float]:
    workspace = Path(tempfile.mkdtemp(dir=tmp))
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(corpus), str(workspace)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["rate"] = result["articles"] / result["seconds"]
    return result


def scaled_demo(tmp: Path, times: int) -> Path:
    """The demo corpus repeated ``times`` times, each copy made distinct so none collapse."""
    folder = tmp / f"demo-x{times}"
    for k in range(times):
        copy = folder / f"copy-{k:03d}"
        copy.mkdir(parents=True)
        for report in DEMO.glob("*.md"):
            text = report.read_text(encoding="utf-8")
            (copy / report.name).write_text(f"{text}\n\n(Benchmark copy {k}.)\n", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="Demo corpus copies for memory.")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "WORKSPACE"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    tmp = Path(tempfile.mkdtemp(prefix="clew-bench-"))
    try:
        corpora = {"demo": DEMO}
        if DEV.exists():
            corpora["eval dev"] = DEV
        print(f"{'corpus':<12}{'articles':>9}{'ingest/s':>10}{'read/s':>10}{'ratio':>7}")
        for name, corpus in corpora.items():
            read = measure("read", corpus, tmp)
            stored = measure("ingest", corpus, tmp)
            print(
                f"{name:<12}{stored['articles']:>9.0f}{stored['rate']:>10.1f}"
                f"{read['rate']:>10.1f}{stored['rate'] / read['rate']:>7.2f}"
            )
        one = measure("ingest", scaled_demo(tmp, 1), tmp)
        many = measure("ingest", scaled_demo(tmp, args.scale), tmp)
        print(
            f"peak memory: {one['peak_mib']:.0f} MiB for {one['articles']:.0f} articles (1x), "
            f"{many['peak_mib']:.0f} MiB for {many['articles']:.0f} ({args.scale}x); "
            f"ratio {many['peak_mib'] / one['peak_mib']:.2f}"
        )
        print(
            f"ingest rate at {args.scale}x: {many['rate']:.1f} articles/s "
            f"({many['rate'] / one['rate']:.2f} of the 1x rate)"
        )
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
