"""Citations across reports: "Nova Tribuna reported …" in one report, and Nova Tribuna's own
report in the corpus, are one line of evidence, and the second is where the chain really starts.

A claim cites the outlet first in its source chain. When the corpus holds a report from that
outlet, published no later than the citing one, with a claim of the same act about the same
actors (a shared perpetrator; with none named, a shared place), the citing claim is linked to
the closest such claim before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from clew.link.entities import ClaimRoles
from clew.link.outlets import OutletResolver
from clew.model import Article, ArticleLink, Claim


@dataclass(frozen=True)
class Citation:
    citing: str  # claim id
    cited: str  # claim id


def _same_actors(a: ClaimRoles, b: ClaimRoles) -> bool:
    if a.perpetrators or b.perpetrators:
        return bool(set(a.perpetrators) & set(b.perpetrators))
    return bool(set(a.places) & set(b.places))


def find_citations(
    articles: Iterable[Article],
    claims: Iterable[Claim],
    roles: dict[str, ClaimRoles],
    outlets: OutletResolver,
) -> tuple[list[ArticleLink], list[Citation]]:
    """Article links of kind ``citation`` and the claim each citing claim rests on."""
    published = {a.id: a.published for a in articles}
    claim_list = sorted(claims, key=lambda c: c.id)
    index: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claim_list:
        outlet = roles[claim.id].outlet
        if outlet is not None:
            index[(outlet.key, claim.act)].append(claim)
    for found in index.values():  # newest first, so the first match is the closest before
        found.sort(key=lambda c: (published.get(c.article_id) or "", c.id), reverse=True)
    citations: list[Citation] = []
    for claim in claim_list:
        if not claim.sources or claim.sources[0].kind != "outlet":
            continue
        cited_outlet = outlets.resolve(claim.sources[0].name)
        own = roles[claim.id].outlet
        if cited_outlet is None or (own is not None and own.key == cited_outlet.key):
            continue
        when = published.get(claim.article_id)
        for candidate in index.get((cited_outlet.key, claim.act), []):
            then = published.get(candidate.article_id)
            if candidate.article_id == claim.article_id or (when and then and then > when):
                continue
            if _same_actors(roles[claim.id], roles[candidate.id]):
                citations.append(Citation(claim.id, candidate.id))
                break
    article_of = {c.id: c.article_id for c in claim_list}
    links = {
        ArticleLink(article_of[c.citing], article_of[c.cited], "citation", 1.0) for c in citations
    }
    return sorted(links, key=lambda x: (x.source_article, x.target_article)), citations
