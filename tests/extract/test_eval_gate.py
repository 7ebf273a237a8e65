"""The eval gate (trafilatura's habit): extraction must not score below the floors pinned in
benchmarks/eval_baseline.json on the dev set of ../shared/eval. Skipped where that folder is
absent (it holds real articles and is not shipped with clew)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from clew.extract import extract, guide_document
from clew.model import Article

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "benchmarks" / "eval_baseline.json"

pytestmark = pytest.mark.skipif(
    not (EVAL / "dev" / "gold.jsonl").exists(), reason="../shared/eval is not present"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clew_eval_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_scores_stay_above_their_floors(nlp: Language, tmp_path: Path) -> None:
    rows = [
        json.loads(line)
        for line in (EVAL / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = [
        Article(
            text=r["text"],
            title=r.get("title"),
            outlet=r.get("outlet"),
            published=r.get("published"),
            url=r.get("url"),
            ref=r["id"],
        )
        for r in rows
    ]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for extraction in extract(articles, nlp):
            f.write(json.dumps(guide_document(extraction)) + "\n")
    score = _scorer()
    figures, _ = score.score(score.load(str(EVAL / "dev" / "gold.jsonl")), score.load(str(pred)))
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]
    below = {k: (round(figures[k], 3), floor) for k, floor in floors.items() if figures[k] < floor}
    assert not below, f"below the floors of {BASELINE.name} (got, floor): {below}"
