"""The alias table (clew/schema/aliases.yaml): names no rule could join, joined by data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clew.errors import SchemaError
from clew.link.names import name_key
from clew.schema import SCHEMA_DIR, entity_types, load_yaml

ALIASES_FILE = SCHEMA_DIR / "aliases.yaml"


@dataclass(frozen=True)
class KnownEntity:
    """One entry of the alias table."""

    id: str
    label: str
    type: str
    subtype: str | None
    country: str | None
    aliases: tuple[str, ...]


class AliasTable:
    """Looks a written name up among the known entities.

    An alias written wholly in capitals ("IS", "PRC") matches only a name written in capitals:
    acronyms are short, and folding case would make the word "is" a terrorist group.
    """

    def __init__(self, entries: list[KnownEntity]) -> None:
        self.entries = {e.id: e for e in entries}
        self._folded: dict[str, KnownEntity] = {}
        self._exact: dict[str, KnownEntity] = {}
        for entry in entries:
            for name in (entry.label, *entry.aliases):
                if name.isupper() or name.replace(".", "").isupper():
                    self._exact[name.replace(".", "")] = entry
                else:
                    self._folded[name_key(name)] = entry

    def lookup(self, name: str, type_: str | None = None) -> KnownEntity | None:
        """The known entity ``name`` refers to, if any (and of ``type_`` when given)."""
        stripped = name.strip()
        if stripped.lower().startswith("the "):
            stripped = stripped[4:]
        found = self._exact.get(stripped.replace(".", "")) or self._folded.get(name_key(name))
        if found is None or (type_ is not None and found.type != type_):
            return None
        return found


def parse_aliases(data: object, path: Path) -> list[KnownEntity]:
    """Check and read the alias file's content; errors name the file and the entry."""
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of entities with `id`, `label` and `type`")
    types = entity_types()
    result: list[KnownEntity] = []
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict) or not {"id", "label", "type"} <= entry.keys():
            raise SchemaError(f"{path}: every entry needs `id`, `label` and `type`, got {entry!r}")
        entity_id = str(entry["id"])
        if entity_id in seen:
            raise SchemaError(f"{path}: duplicate id {entity_id!r}")
        seen.add(entity_id)
        type_ = str(entry["type"])
        if type_ not in types:
            raise SchemaError(f"{path}: {entity_id}: unknown type {type_!r}; see entity_types.yaml")
        subtype = entry.get("subtype")
        if subtype is not None and subtype not in types[type_].extra.get("subtypes", []):
            raise SchemaError(f"{path}: {entity_id}: unknown subtype {subtype!r} of {type_!r}")
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list):
            raise SchemaError(f"{path}: {entity_id}: `aliases` must be a list")
        result.append(
            KnownEntity(
                entity_id,
                str(entry["label"]),
                type_,
                None if subtype is None else str(subtype),
                None if entry.get("country") is None else str(entry["country"]),
                tuple(str(a) for a in aliases),
            )
        )
    return result


@cache
def alias_table(path: Path = ALIASES_FILE) -> AliasTable:
    """The alias table of ``path`` (clew's own by default), loaded once."""
    return AliasTable(parse_aliases(load_yaml(path), path))
