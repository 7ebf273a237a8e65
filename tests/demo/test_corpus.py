"""The bundled demo corpus stays what the demo and later tests rely on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DEMO = Path(__file__).resolve().parents[2] / "clew" / "demo"
REPORTS = sorted((DEMO / "reports").glob("*.md"))
FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n(.*)$", re.S)


def parse(path: Path) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} lacks YAML front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def test_corpus_is_labelled_fiction() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "Everything in this corpus is fiction" in readme


def test_at_least_thirty_reports_with_front_matter() -> None:
    assert len(REPORTS) >= 30
    for path in REPORTS:
        meta, body = parse(path)
        assert meta["title"] and meta["url"].split("/")[2].endswith(".example"), path.name
        assert len(body.split()) >= 100, path.name


def walk(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [name for value in node.values() for name in walk(value)]
    if isinstance(node, list):
        return [name for value in node for name in walk(value)]
    return [node] if isinstance(node, str) and node.endswith(".md") else []


def test_cases_name_only_existing_reports() -> None:
    cases = yaml.safe_load((DEMO / "cases.yaml").read_text(encoding="utf-8"))
    names = {p.name for p in REPORTS}
    referenced = set(walk(cases))
    assert referenced and referenced <= names
    assert len(cases["echoed_anonymous_claim"]["echoes"]) >= 6


def test_dates_span_several_months() -> None:
    months = {str(parse(p)[0].get("published", ""))[:7] for p in REPORTS} - {""}
    assert len(months) >= 8
