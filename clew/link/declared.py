"""Aliases a report declares in its own words: "the Vardar Brotherhood, also called Bratstvo
Vardar", "the men called themselves Bratstvo Vardar, the Vardar Brotherhood", 'Ilija "Kum"
Dervenski', "the Vardar Brotherhood (VB)".

No alias table can know the names a gang gives itself or the nickname of its boss, and no
spelling rule can join "Bratstvo Vardar" to "Vardar Brotherhood"; but reporters write such
equivalences down, and once one report has, the names are one entity across the corpus. The
wording is data (clew/schema/alias_cues.yaml).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clew.errors import SchemaError
from clew.model import Article, Mention
from clew.schema import SCHEMA_DIR, load_yaml

ALIAS_CUES_FILE = SCHEMA_DIR / "alias_cues.yaml"
NAME_LABELS = frozenset({"person", "group"})
MAX_GAP = 40
"""Characters between two names beyond which no cue is looked for (a cue is a few words)."""
_SPACE = re.compile(r"\s+")
_NICKNAME = re.compile(
    r"\b((?:[A-Z][\w.'\u2019-]+ ){1,3})[\"\u201c\u2018]([A-Z][\w'\u2019 -]{0,30}?)[\"\u201d\u2019] "
    r"([A-Z][\w'\u2019-]+)"
)


@dataclass(frozen=True)
class AliasCues:
    between: frozenset[str]
    naming: tuple[str, ...]


@dataclass(frozen=True)
class Declaration:
    """One report saying that two written names are one entity."""

    article_id: str
    name: str
    alias: str


def parse_alias_cues(data: object, path: Path) -> AliasCues:
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected a mapping with `between` and `naming` lists")
    lists: dict[str, list[str]] = {}
    for key in ("between", "naming"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise SchemaError(f"{path}: `{key}` must be a list of non-empty strings")
        lists[key] = [_norm(v) for v in value]
    return AliasCues(frozenset(lists["between"]), tuple(sorted(lists["naming"], key=len)[::-1]))


@cache
def alias_cues(path: Path = ALIAS_CUES_FILE) -> AliasCues:
    return parse_alias_cues(load_yaml(path), path)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _initials(name: str) -> str:
    """ "The Ash Wolves Front" -> "AWF": a leading article is not part of an acronym."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0] for w in words if w[:1].isupper())


def declared_aliases(
    articles: Iterable[Article], mentions: Iterable[Mention], cues: AliasCues | None = None
) -> list[Declaration]:
    """Every alias the reports declare, in article and text order."""
    rules = cues or alias_cues()
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.label in NAME_LABELS:
            by_article[mention.article_id].append(mention)
    found: list[Declaration] = []
    for article in sorted(articles, key=lambda a: a.id):
        text = article.text
        names = sorted(by_article.get(article.id, []), key=lambda m: (m.start, m.end))
        for first, second in itertools.pairwise(names):
            gap = text[first.end : second.start]
            if len(gap) > MAX_GAP or second.start < first.end:
                continue
            if _declares(text, first, second, gap, rules):
                found.append(Declaration(article.id, first.text, second.text))
        for match in _NICKNAME.finditer(text):
            person = f"{match.group(1)}{match.group(3)}"
            found.append(Declaration(article.id, person, match.group(2)))
    return found


def _declares(text: str, first: Mention, second: Mention, gap: str, rules: AliasCues) -> bool:
    between = _norm(gap)
    if between in rules.between:
        return True
    if between == "(" and text[second.end : second.end + 1] == ")":
        return second.text.isupper() and _initials(first.text) == second.text
    if between in {",", ", the"}:  # apposition, trusted only right after a naming verb
        before = _norm(text[max(0, first.start - 30) : first.start])
        after = text[second.end : second.end + 1]
        return after in {"", ".", ",", ";", ")"} and any(
            before.endswith(cue) for cue in rules.naming
        )
    return False


__all__ = ["Declaration", "alias_cues", "declared_aliases", "parse_alias_cues"]
