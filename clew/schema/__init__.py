"""The domain as data: act types, modalities, source kinds and entity types live in YAML files
beside this module, so an analyst can read and extend them without touching code
(followthemoney's habit). Each file is loaded once and checked; a bad file fails with its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from clew.errors import SchemaError

SCHEMA_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Term:
    """One entry of a schema file: an id, its label and whatever else the file gives it."""

    id: str
    label: str
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def load_yaml(path: Path) -> Any:
    """Parse one schema or lexicon file, naming the file in any error."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(
            f"{path}: cannot be read as YAML ({exc}); fix or restore the file"
        ) from exc


@cache
def terms(name: str) -> dict[str, Term]:
    """The terms of ``<name>.yaml``, by id, in file order; duplicate ids are an error."""
    path = SCHEMA_DIR / f"{name}.yaml"
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of terms with `id` and `label`")
    result: dict[str, Term] = {}
    for entry in data:
        if not isinstance(entry, dict) or "id" not in entry or "label" not in entry:
            raise SchemaError(f"{path}: every term needs an `id` and a `label`, got {entry!r}")
        term_id = str(entry["id"])
        if term_id in result:
            raise SchemaError(f"{path}: duplicate id {term_id!r}")
        rest = {k: v for k, v in entry.items() if k not in {"id", "label", "description"}}
        result[term_id] = Term(
            term_id, str(entry["label"]), str(entry.get("description", "")), rest
        )
    return result


def act_types() -> dict[str, Term]:
    return terms("act_types")


def modalities() -> dict[str, Term]:
    return terms("modalities")


def source_kinds() -> dict[str, Term]:
    return terms("source_kinds")


def entity_types() -> dict[str, Term]:
    return terms("entity_types")
