"""Independence: an allegation's claims grouped into lines of evidence.

Echoes are not corroboration (DESIGN principle 2). Claims are one line when their chains end in
the same root source; when one cites the report the other is in, or copies its text; when one
says only "outlet X reported it" and the other is X's own report; and when their root sources
are anonymous and carried by the same outlet, or described in the same words ("a source in the
border police"): anonymous sources cannot be told apart, so clew presumes them one. Denials are
not lines of evidence for the allegation; they are counted apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from clew.link.citations import Citation
from clew.link.cluster import DENIED, overlapping
from clew.link.copies import CopiedSpan
from clew.link.entities import ClaimRoles
from clew.link.names import name_key
from clew.link.unionfind import UnionFind
from clew.model import Allegation, Claim, EvidenceLine, Source, stable_id

HEDGED = {"alleged", "rumored", "reported"}
_HEARSAY_WORDS = frozenset(
    {"report", "reports", "rumour", "rumours", "rumor", "rumors", "media", "claims", "accounts",
     "speculation", "talk"}
)  # fmt: skip
_ANONYMOUS_FILLER = frozenset(
    {
        "a", "an", "the", "who", "asked", "not", "to", "be", "named", "identified", "on",
        "condition", "of", "anonymity", "speaking", "because", "they", "he", "she", "was", "were",
        "is", "are", "authorised", "authorized", "speak", "publicly", "in", "from", "with", "at",
        "one", "said", "told", "and", "for", "fear", "reprisals", "declined",
    }
)  # fmt: skip


@dataclass(frozen=True)
class LineContext:
    """What independence needs from the rest of linking, built once per corpus."""

    published: dict[str, str | None]
    outlet_names: dict[str, str]  # outlet key -> name shown
    citations: dict[str, str]  # citing claim -> cited claim
    copied: dict[str, list[CopiedSpan]]  # article id -> its copied spans


def make_context(
    published: dict[str, str | None],
    roles: dict[str, ClaimRoles],
    citations: Iterable[Citation],
    copied: Iterable[CopiedSpan],
) -> LineContext:
    names = {r.outlet.key: r.outlet.name for r in roles.values() if r.outlet is not None}
    spans: dict[str, list[CopiedSpan]] = defaultdict(list)
    for span in copied:
        spans[span.article_id].append(span)
    return LineContext(published, names, {c.citing: c.cited for c in citations}, dict(spans))


def anonymous_description(name: str) -> str | None:
    """The words that set an anonymous source apart ("border police source"), or None when too
    few are left to tell it from any other ("a source")."""
    words = sorted({w for w in name_key(name).split() if w not in _ANONYMOUS_FILLER})
    words = [w.removesuffix("s") for w in words]
    return " ".join(sorted(set(words))) if len(set(words) - {"source"}) >= 2 else None


def _carrier(claim: Claim, role: ClaimRoles) -> str:
    """The outlet that carries a claim's root: the last outlet in its chain, else its own."""
    for source, key in zip(reversed(claim.sources), reversed(role.sources), strict=True):
        if source.kind == "outlet" and key:
            return key
    return role.outlet.key if role.outlet else f"article:{claim.article_id}"


def root_keys(claim: Claim, role: ClaimRoles) -> tuple[list[str], Source]:
    """The keys under which a claim's root source meets others, and the root source itself."""
    root = claim.root_source
    own = role.outlet
    if root is None:
        key = own.key if own else f"article:{claim.article_id}"
        return [f"voice|{key}"], Source(own.name if own else "the report itself", "outlet")
    entity = role.sources[-1] if role.sources else None
    if root.kind == "outlet":
        return [f"outlet|{entity or name_key(root.name)}"], root
    if root.kind == "anonymous":
        keys = [f"anonymous|{_carrier(claim, role)}"]
        described = anonymous_description(root.name)
        if described:
            keys.append(f"anonymous-words|{described}")
        return keys, root
    return [f"{root.kind}|{entity or name_key(root.name)}"], root


def evidence_lines(
    allegation: Allegation,
    claims: list[Claim],
    roles: dict[str, ClaimRoles],
    context: LineContext,
) -> list[EvidenceLine]:
    """The independent lines of evidence of one allegation, strongest-first ordering left to
    grading; here ordered by their earliest report."""
    supporting = [c for c in claims if c.modality != DENIED]
    uf = UnionFind[str](f"c|{c.id}" for c in supporting)
    reasons: dict[str, list[str]] = defaultdict(list)
    roots: dict[str, Source] = {}
    in_allegation = {c.id for c in supporting}
    by_article: dict[str, list[Claim]] = defaultdict(list)
    first_of_outlet: dict[str | None, str] = {}
    for claim in sorted(supporting, key=lambda c: _order(c, context)):
        by_article[claim.article_id].append(claim)
        own = roles[claim.id].outlet
        if own is not None:
            first_of_outlet.setdefault(own.key, claim.id)
    for claim in supporting:
        keys, root = root_keys(claim, roles[claim.id])
        roots[claim.id] = root
        for key in keys:
            uf.union(f"c|{claim.id}", f"k|{key}")
        chain = roles[claim.id].sources
        relayed = chain[-1] if root.kind == "outlet" and chain else None
        if relayed in first_of_outlet:  # "X reported it" rests on X's own report
            uf.union(f"c|{claim.id}", f"c|{first_of_outlet[relayed]}")
        cited = context.citations.get(claim.id)
        if cited in in_allegation:
            uf.union(f"c|{claim.id}", f"c|{cited}")
            reasons[claim.id].append("cites")
        spans = context.copied.get(claim.article_id, [])
        for other_article in sorted(overlapping(claim, spans)):
            for other in by_article.get(other_article, []):
                uf.union(f"c|{claim.id}", f"c|{other.id}")
                reasons[claim.id].append("copies")
    _join_hearsay(supporting, roots, uf, reasons, context)
    lines: list[EvidenceLine] = []
    by_id = {c.id: c for c in supporting}
    for members in uf.groups():
        ids = [m[2:] for m in members if m.startswith("c|")]
        if not ids:
            continue
        group = sorted((by_id[i] for i in ids), key=lambda c: _order(c, context))
        root = _line_root(group, roots)
        lines.append(
            EvidenceLine(
                id=stable_id("line", allegation.id, *sorted(ids)),
                allegation_id=allegation.id,
                root_source=root,
                claim_ids=[c.id for c in group],
                article_ids=list(dict.fromkeys(c.article_id for c in group)),
                reason=_reason(group, root, reasons, roles, context),
            )
        )
    return sorted(lines, key=lambda line: (_order(by_id[line.claim_ids[0]], context), line.id))


def is_hearsay(claim: Claim) -> bool:
    """A hedged claim that names no source but unspecified talk: "reports say", "is said to",
    "rumours that". It repeats what was already going round, so it is no witness of its own."""
    if claim.modality not in HEDGED:
        return False
    if not claim.sources:
        return True
    only = claim.sources[0]
    return (
        len(claim.sources) == 1
        and only.kind == "anonymous"
        and bool(set(name_key(only.name).split()) & _HEARSAY_WORDS)
    )


def _join_hearsay(
    claims: list[Claim],
    roots: dict[str, Source],
    uf: UnionFind[str],
    reasons: dict[str, list[str]],
    context: LineContext,
) -> None:
    """Hearsay joins the line that most reports published before it carry: the story that was
    going round when it repeated "reports"."""
    ordered = sorted(claims, key=lambda c: _order(c, context))
    hearsay = [c for c in ordered if is_hearsay(c)]
    witnesses = [c for c in ordered if not is_hearsay(c)]
    for claim in hearsay:
        when = _order(claim, context)[0]
        before: dict[str, set[str]] = defaultdict(set)
        first: dict[str, Claim] = {}
        for other in witnesses:
            if _order(other, context)[0] >= when:
                break
            line = uf.find(f"c|{other.id}")
            before[line].add(other.article_id)
            first.setdefault(line, other)
        if before:
            line = max(before, key=lambda k: (len(before[k]), -ordered.index(first[k])))
            uf.union(f"c|{claim.id}", f"c|{first[line].id}")
            roots[claim.id] = roots[first[line].id]
            reasons[claim.id].append("repeats")


def _order(claim: Claim, context: LineContext) -> tuple[str, str]:
    return (context.published.get(claim.article_id) or "9999", claim.id)


def _line_root(group: list[Claim], roots: dict[str, Source]) -> Source:
    """The line's root: the earliest report's root source, unless a later one names a source
    behind an outlet (a relay that says where the outlet had it from knows more)."""
    for claim in group:
        if roots[claim.id].kind != "outlet" or not claim.sources:
            return roots[claim.id]
    return roots[group[0].id]


def _reason(
    group: list[Claim],
    root: Source,
    reasons: dict[str, list[str]],
    roles: dict[str, ClaimRoles],
    context: LineContext,
) -> str:
    articles = list(dict.fromkeys(c.article_id for c in group))
    outlets = list(dict.fromkeys(_outlet_name(roles[c.id]) for c in group))
    if len(articles) == 1:
        return f"One report ({outlets[0]}) whose root source is {_describe(root)}."
    parts = [
        f"{len(articles)} reports ({', '.join(outlets)}) trace back to {_describe(root)}",
    ]
    cites = sum("cites" in reasons[c.id] for c in group)
    copies = sum("copies" in reasons[c.id] for c in group)
    if cites:
        parts.append(f"{cites} of their claims cite an earlier report of the line")
    if copies:
        parts.append(f"{copies} of their claims sit in text copied between reports of the line")
    repeats = sum("repeats" in reasons[c.id] for c in group)
    if repeats:
        parts.append(
            f"{repeats} of their claims only repeat what “reports say”, after the line began"
        )
    if root.kind == "anonymous":
        parts.append("anonymous sources carried by one outlet or described alike count as one")
    return "; ".join(parts) + "."


def _outlet_name(role: ClaimRoles) -> str:
    return role.outlet.name if role.outlet is not None else "an unnamed site"


def _describe(source: Source) -> str:
    kind = {
        "outlet": "the outlet",
        "person": "the named person",
        "anonymous": "the anonymous source",
        "official": "the official body",
        "court": "the court",
        "ngo": "the NGO or UN body",
        "document": "the document",
        "social_media": "the social-media post",
    }.get(source.kind, source.kind)
    return f"{kind} “{source.name}”"
