"""Copied text: passages one report reuses from another, found with MinHash LSH.

A site that rewrites a wire story without naming it is still an echo, not a second witness.
Each paragraph is shingled into overlapping word n-grams, sketched with MinHash and indexed in
an LSH table, so candidate pairs come from shared hash buckets instead of comparing every pair
of reports (near-linear); each candidate is then confirmed by the exact Jaccard overlap of its
shingles. The earlier report is taken as the original (publication date, then id).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from datasketch import MinHash, MinHashLSH

from clew.link.names import fold
from clew.model import Article, ArticleLink

SHINGLE = 3
"""Words per shingle: three keeps light rewrites (a word swapped, a clause moved) similar."""
THRESHOLD = 0.4
"""Jaccard overlap of shingles at or above which two passages are one text."""
NUM_PERM = 64
SCHEME = "affine32"  # datasketch's default, named so sketches are comparable across versions
MIN_WORDS = 12
"""Shorter paragraphs ("The clinic declined to comment.") are too common to prove copying."""
MAX_CANDIDATES = 50
"""A passage found in more reports than this is boilerplate or a mass echo; it is linked to the
earliest reports that carry it, which is all that grouping lines of evidence needs."""
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Passage:
    article_id: str
    start: int
    end: int
    shingles: frozenset[str]


@dataclass(frozen=True)
class CopiedSpan:
    """A span of ``article_id`` reused from (or in) ``other``."""

    article_id: str
    start: int
    end: int
    other: str
    score: float


def passages(article: Article) -> list[Passage]:
    found: list[Passage] = []
    position = 0
    for chunk in _PARAGRAPH.split(article.text):
        start = article.text.find(chunk, position)
        position = start + len(chunk)
        words = _WORDS.findall(fold(chunk))
        if len(words) < MIN_WORDS:
            continue
        grams = frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
        found.append(Passage(article.id, start, position, grams))
    return found


@cache
def _permutations() -> object:
    """Drawing MinHash's permutations costs more than sketching a paragraph: draw them once."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def _sketch(shingles: frozenset[str]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme=SCHEME)
    sketch.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return sketch


def _order(article: Article) -> tuple[str, str]:
    return (article.published or "9999", article.id)


def find_copies(articles: Iterable[Article]) -> tuple[list[ArticleLink], list[CopiedSpan]]:
    """Links from each report to the earlier reports it reuses text of, and the reused spans
    (both sides), sorted."""
    arts = sorted(articles, key=_order)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    all_passages: list[Passage] = []
    counts: dict[str, int] = {}
    pairs: dict[tuple[str, str], list[tuple[Passage, Passage, float]]] = defaultdict(list)
    for article in arts:
        mine = passages(article)
        counts[article.id] = len(mine)
        for passage in mine:
            key = str(len(all_passages))
            sketch = _sketch(passage.shingles)
            candidates = sorted(int(k) for k in lsh.query(sketch))
            lsh.insert(key, sketch)
            all_passages.append(passage)
            hits = 0
            for index in candidates:  # earlier passages first
                if hits >= MAX_CANDIDATES:
                    break
                other = all_passages[index]
                if other.article_id == passage.article_id:
                    continue
                score = _jaccard(passage.shingles, other.shingles)
                if score >= THRESHOLD:
                    hits += 1
                    pairs[(passage.article_id, other.article_id)].append((passage, other, score))
    return _links(pairs, counts)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _links(
    found: dict[tuple[str, str], list[tuple[Passage, Passage, float]]],
    counts: dict[str, int],
) -> tuple[list[ArticleLink], list[CopiedSpan]]:
    links: list[ArticleLink] = []
    spans: list[CopiedSpan] = []
    for (later, earlier), matches in sorted(found.items()):  # passages came in date order
        share = len({m[0].start for m in matches}) / max(counts[later], 1)
        links.append(ArticleLink(later, earlier, "copied_text", round(min(share, 1.0), 3)))
        for a, b, score in matches:
            spans.append(CopiedSpan(a.article_id, a.start, a.end, b.article_id, round(score, 3)))
            spans.append(CopiedSpan(b.article_id, b.start, b.end, a.article_id, round(score, 3)))
    return sorted(set(links), key=_link_order), sorted(set(spans), key=_span_order)


def _link_order(link: ArticleLink) -> tuple[str, str, str]:
    return (link.source_article, link.target_article, link.kind)


def _span_order(span: CopiedSpan) -> tuple[str, int, int, str]:
    return (span.article_id, span.start, span.end, span.other)
