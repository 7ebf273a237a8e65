"""The link stage: entities resolved, reports linked by citation and copied text, claims
clustered into allegations and split into independent lines of evidence.

Linking is a deterministic function of the whole corpus, recomputed in full each time (fast
enough: see benchmarks/link_scaling.py); that is what makes adding reports and re-linking
give exactly the result of linking everything from scratch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from clew.link.aliases import AliasTable, alias_table
from clew.link.citations import find_citations
from clew.link.cluster import DENIED, cluster_claims, make_allegation
from clew.link.copies import find_copies
from clew.link.entities import EntityResolver
from clew.link.graph import Graph
from clew.link.independence import evidence_lines, make_context
from clew.link.outlets import OutletEntry, OutletResolver, domain_like, outlet_entries
from clew.link.places import Gazetteer, gazetteer
from clew.model import Allegation, Article, Claim, EvidenceLine, Mention

Progress = Callable[[str], None]
"""Called with the name of each step as it starts (the CLI draws a progress bar from it)."""
STEPS = ("entities", "citations", "copied text", "allegations", "lines of evidence")
OFFICIAL_ACTS = frozenset({"arrest", "prosecution"})


def link_corpus(
    articles: Iterable[Article],
    claims: Iterable[Claim],
    mentions: Iterable[Mention] = (),
    *,
    outlets: Iterable[OutletEntry] | None = None,
    aliases: AliasTable | None = None,
    places: Gazetteer | None = None,
    progress: Progress | None = None,
) -> Graph:
    """Link a corpus: the one entry point of this stage (grading comes after, in clew.grade)."""
    step = progress or (lambda _name: None)
    arts = {a.id: a for a in sorted(articles, key=lambda a: a.id)}
    claim_list = sorted(claims, key=lambda c: c.id)
    resolver = OutletResolver(outlet_entries() if outlets is None else outlets)
    step("entities")
    entities, roles, resolved = EntityResolver(
        aliases or alias_table(), places or gazetteer(), resolver
    ).resolve(arts.values(), claim_list, mentions)
    published = {a.id: a.published for a in arts.values()}
    step("citations")
    citation_links, citations = find_citations(arts.values(), claim_list, roles, resolver)
    step("copied text")
    copy_links, copied = find_copies(arts.values())
    step("allegations")
    groups = cluster_claims(claim_list, roles, published, citations, copied)
    allegations = [make_allegation(g, roles, entities, published) for g in groups]
    _relate(allegations)
    step("lines of evidence")
    context = make_context(published, roles, citations, copied)
    by_id = {c.id: c for c in claim_list}
    lines: dict[str, list[EvidenceLine]] = {}
    for allegation, group in zip(allegations, groups, strict=True):
        found = evidence_lines(allegation, group, roles, context)
        lines[allegation.id] = found
        allegation.independent_lines = len(found)
        allegation.root_sources = [line.root_source for line in found if line.root_source]
        allegation.echoes = sum(len(line.article_ids) - 1 for line in found)
        allegation.denials = len({c.article_id for c in group if c.modality == DENIED})
    return Graph(
        articles=arts,
        claims=by_id,
        entities=entities,
        mentions=sorted(resolved, key=lambda m: (m.article_id, m.start, m.end, m.label)),
        roles=roles,
        allegations=allegations,
        lines=lines,
        links=sorted(
            [*citation_links, *copy_links],
            key=lambda x: (x.source_article, x.target_article, x.kind),
        ),
        citations=citations,
        copied=copied,
        outlets=resolver,
        outlet_names=_outlet_names(arts.values(), resolver),
    )


def _outlet_names(articles: Iterable[Article], resolver: OutletResolver) -> dict[str, str]:
    """The outlet of each report that carried only a domain, named as its byline reports do."""
    found: dict[str, str] = {}
    for article in articles:
        if article.outlet and not domain_like(article.outlet):
            continue
        outlet = resolver.resolve(article.outlet, article.url)
        if outlet is not None and not domain_like(outlet.name) and outlet.name != article.outlet:
            found[article.id] = outlet.name
    return found


def _relate(allegations: list[Allegation]) -> None:
    """Tie each allegation to the arrests and prosecutions of the same actors, which grading
    weighs (an arrest supports an allegation; a conviction confirms it)."""
    official: dict[str, list[Allegation]] = defaultdict(list)
    for allegation in allegations:
        if allegation.act in OFFICIAL_ACTS:
            for perp in allegation.perpetrator_ids:
                official[perp].append(allegation)
    for allegation in allegations:
        related = {
            other.id
            for perp in allegation.perpetrator_ids
            for other in official.get(perp, [])
            if other.id != allegation.id
        }
        allegation.related_ids = sorted(related)


__all__ = ["STEPS", "Graph", "Progress", "link_corpus"]
