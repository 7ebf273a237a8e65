"""A disjoint-set forest whose representatives are the smallest member, so the groups it
returns do not depend on the order in which pairs were joined (what makes linking deterministic)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, items: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        for item in items:
            self.add(item)

    def add(self, item: K) -> None:
        self._parent.setdefault(item, item)

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, item: K) -> K:
        self.add(item)
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if str(rb) < str(ra):
            ra, rb = rb, ra
        self._parent[rb] = ra

    def groups(self) -> list[list[K]]:
        """Every group, members sorted, groups ordered by their smallest member."""
        found: dict[K, list[K]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return sorted((sorted(g, key=str) for g in found.values()), key=lambda g: str(g[0]))
