"""Extraction throughput against bare spaCy, measured in the same run on the same texts.

Prints clew's rate (extract(): clew's components plus building Claims), the bare rate
(``nlp.pipe`` of the same English model without clew's components) and their ratio; the bar
is a ratio of at least 0.75. Texts: the dev articles of ../shared/eval when present, else the
demo corpus (clew/demo/reports/*.md), else fictional fixture sentences repeated.

usage: python benchmarks/extract_throughput.py [--repeat N] [--batch-size B] [--n-process P]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from clew.extract import extract, load_pipeline
from clew.extract.pipeline import default_model
from clew.model import Article

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
DEMO = ROOT / "clew" / "demo" / "reports"
FICTION = (
    "The Harbor Times reported that a source in Basra revealed that the Ash Wolves militia "
    "sold kidneys from captives. Police arrested Tomas Vell on Monday over a kidney racket. "
    "The weather in Lisbon was mild that spring."
)


def texts() -> tuple[str, list[str]]:
    if DEV.exists():
        with DEV.open(encoding="utf-8") as f:
            return "dev articles", [json.loads(line)["text"] for line in f if line.strip()]
    demo = sorted(DEMO.glob("*.md")) if DEMO.exists() else []
    if demo:
        return "demo reports", [p.read_text(encoding="utf-8") for p in demo]
    return "fixture texts", [FICTION] * 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    name, corpus = texts()
    corpus = corpus * args.repeat
    chars = sum(len(t) for t in corpus)
    model = default_model()
    bare = spacy.load(model)
    clew = load_pipeline(model)
    articles = [Article(text=t) for t in corpus]
    opts = {"batch_size": args.batch_size, "n_process": args.n_process}
    # Warm both up (first calls allocate), then time them in turn, best of three.
    list(bare.pipe(corpus[:4]))
    list(extract(articles[:4], clew))
    bare_s, clew_s = [], []
    for _ in range(3):
        start = time.perf_counter()
        for _doc in bare.pipe(corpus, **opts):
            pass
        bare_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _ex in extract(articles, clew, **opts):
            pass
        clew_s.append(time.perf_counter() - start)
    bare_rate, clew_rate = chars / min(bare_s), chars / min(clew_s)
    print(f"corpus: {name}, {len(corpus)} texts, {chars} characters, model {model}")
    print(f"bare spaCy nlp.pipe: {bare_rate:,.0f} chars/s")
    print(f"clew extract:        {clew_rate:,.0f} chars/s")
    print(f"ratio: {clew_rate / bare_rate:.2f} (bar: 0.75)")


if __name__ == "__main__":
    main()
