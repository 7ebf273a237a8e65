"""Outlets: the names and web domains of news organisations, joined into canonical outlets.

A report is filed under the outlet named in its metadata, or only under its URL; another report
cites it by a name ("The Mail", "Daily Mail"). The outlet table (clew/schema/outlets.yaml, or a
user's own) joins known names and domains; an outlet not in the table is still one outlet when
its names agree once normalised, or when one report carries both its name and its domain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from clew.errors import SchemaError
from clew.link.names import compact_key, name_key
from clew.link.unionfind import UnionFind
from clew.model import Article
from clew.schema import SCHEMA_DIR, load_yaml

OUTLETS_FILE = SCHEMA_DIR / "outlets.yaml"
RELIABILITY = ("A", "B", "C", "D", "E", "F")


@dataclass(frozen=True)
class Outlet:
    """A canonical outlet. ``reliability`` is None for an outlet not in the table."""

    key: str  # "table:<id>" or "name:<compact name>" / "domain:<host>"
    name: str
    reliability: str | None = None
    note: str = ""


@dataclass(frozen=True)
class OutletEntry:
    id: str
    label: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    reliability: str
    note: str


def parse_outlets(data: object, path: Path) -> list[OutletEntry]:
    """Check and read an outlet table; errors name the file and the entry."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of outlets (an empty list `[]` is fine)")
    result: list[OutletEntry] = []
    owners: dict[str, str] = {}
    for entry in data:
        if not isinstance(entry, dict) or not {"id", "label", "reliability"} <= entry.keys():
            raise SchemaError(f"{path}: each outlet needs id, label and reliability: {entry!r}")
        outlet_id = str(entry["id"])
        reliability = str(entry["reliability"])
        if reliability not in RELIABILITY:
            raise SchemaError(f"{path}: {outlet_id}: reliability must be one of A-F")
        aliases = tuple(str(a) for a in entry.get("aliases") or [])
        domains = tuple(_host(str(d)) for d in entry.get("domains") or [])
        keys = [f"name:{compact_key(n)}" for n in (entry["label"], *aliases)]
        for key in [*keys, *(f"domain:{d}" for d in domains), f"id:{outlet_id}"]:
            if key in owners and owners[key] != outlet_id:
                raise SchemaError(f"{path}: {key[key.index(':') + 1 :]!r} is given to "
                                  f"{owners[key]!r} and {outlet_id!r}")  # fmt: skip
            owners[key] = outlet_id
        result.append(
            OutletEntry(
                outlet_id,
                str(entry["label"]),
                aliases,
                domains,
                reliability,
                str(entry.get("note", "")),
            )
        )
    return result


def _host(url_or_domain: str) -> str:
    text = url_or_domain.strip().lower()
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def _domain_name(host: str) -> str:
    """A host's registrable label, as a name ("meridian-ledger.example" -> "meridianledger")."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "gov", "ac"}:
        return compact_key(labels[-3])
    return compact_key(labels[-2] if len(labels) >= 2 else labels[0])


def domain_like(name: str) -> bool:
    """Whether an outlet's name is only a domain, as ingest writes it when a report's metadata
    names no outlet ("viraldesk.example")."""
    return "." in name and " " not in name.strip()


class OutletResolver:
    """Resolves outlet names and URLs to canonical outlets, learning from a corpus which domain
    belongs to which name."""

    def __init__(self, entries: Iterable[OutletEntry] = ()) -> None:
        self.entries = {e.id: e for e in entries}
        self._by_key: dict[str, str] = {}
        for entry in self.entries.values():
            for name in (entry.label, *entry.aliases):
                self._by_key[f"name:{compact_key(name)}"] = entry.id
            for domain in entry.domains:
                self._by_key[f"domain:{domain}"] = entry.id
        self._learned = UnionFind[str]()
        self._last_words: dict[str, set[str]] = {}
        self._bylines: dict[str, Counter[str]] = {}
        self._shown: dict[str, str] = {}
        for entry in self.entries.values():
            self._index_last_word(entry.label, f"name:{compact_key(entry.label)}")

    def _index_last_word(self, name: str, key: str) -> None:
        """ "The Ledger" is The Meridian Ledger when no other outlet's name ends in "Ledger"."""
        words = name_key(name).split()
        if len(words) > 1:
            self._last_words.setdefault(words[-1], set()).add(key)

    def learn(self, articles: Iterable[Article]) -> None:
        """Join each article's outlet name with its domain: the corpus says they are one."""
        for article in articles:
            keys = self._keys(article.outlet, article.url)
            for key in keys:
                self._learned.union(keys[0], key)
            if article.outlet and not domain_like(article.outlet):
                self._index_last_word(article.outlet, keys[0])
                self._bylines.setdefault(keys[0], Counter())[article.outlet] += 1
        shown: dict[str, Counter[str]] = {}
        for key, names in self._bylines.items():
            shown.setdefault(self._learned.find(key), Counter()).update(names)
        self._shown = {
            root: max(names, key=lambda n: (names[n], n)) for root, names in shown.items()
        }

    def _keys(self, name: str | None, url: str | None) -> list[str]:
        keys: list[str] = []
        if name and compact_key(name):
            keys.append(f"name:{compact_key(name)}")
        if url:
            host = _host(url)
            if host:
                keys.append(f"domain:{host}")
                keys.append(f"name:{_domain_name(host)}")
        return keys

    def _entry_for(self, keys: list[str]) -> OutletEntry | None:
        for key in keys:
            if key in self._by_key:
                return self.entries[self._by_key[key]]
        for key in keys:
            found = self._by_key.get(self._learned.find(key))
            if found:
                return self.entries[found]
        return None

    def known(self, name: str) -> Outlet | None:
        """The outlet a name in running text stands for, when the table or the corpus's own
        bylines know it, also after a description ("Serbian daily Novi Kormilar", "the wire
        agency Balkan Wire Service"); None for any other name, so that a person or a gang is
        never taken for a new outlet."""
        words = name.split()
        for i in range(len(words)):
            key = f"name:{compact_key(' '.join(words[i:]))}"
            if key != "name:" and (key in self._by_key or key in self._learned):
                return self.resolve(" ".join(words[i:]))
        key = name_key(name)
        holders = {self._learned.find(k) for k in self._last_words.get(key, ())}
        if " " not in key and len(holders) == 1:
            root = holders.pop()
            return self.resolve(self._shown.get(root, name))
        return None

    def resolve(self, name: str | None = None, url: str | None = None) -> Outlet | None:
        """The canonical outlet for a name and/or URL; None when both are empty."""
        keys = self._keys(name, url)
        if not keys:
            return None
        entry = self._entry_for(keys)
        if entry is not None:
            return Outlet(f"table:{entry.id}", entry.label, entry.reliability, entry.note)
        key = self._learned.find(keys[0])
        return Outlet(key, self._shown.get(key) or name or _host(url or ""))


@cache
def outlet_entries(path: Path = OUTLETS_FILE) -> tuple[OutletEntry, ...]:
    """The outlet table of ``path`` (clew's own, empty by default), loaded once."""
    return tuple(parse_outlets(load_yaml(path), path))
