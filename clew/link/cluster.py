"""Allegations: claims from many reports about the same act by the same actors, clustered.

Two claims are one allegation when they name the same act and share a resolved perpetrator;
claims that name no perpetrator meet through a shared place, and any claim meets the claim it
cites or whose text it copies. Groups are then split where their dates leave a gap longer than
:data:`DATE_WINDOW_DAYS`: the same gang accused of the same act ten years apart is two stories.
Everything is a function of the whole claim set, ordered by ids, so adding reports and
re-linking gives exactly what linking everything from scratch gives.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from clew.link.citations import Citation
from clew.link.copies import CopiedSpan
from clew.link.entities import ClaimRoles
from clew.link.unionfind import UnionFind
from clew.model import Allegation, Claim, Entity, stable_id
from clew.schema import act_types

DENIED = "denied"
DATE_WINDOW_DAYS = 365
"""Claims of one act by one actor further apart than this (with nothing dated between) are
separate allegations."""
MAX_VICTIMS_SHOWN = 5


def day(text: str | None) -> int | None:
    """The ordinal day of a possibly partial ISO date ("2016" -> 1 Jan 2016); None if unreadable."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        dom = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, dom).toordinal()
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Dated:
    claim: Claim
    day: int | None


def overlapping(claim: Claim, spans: list[CopiedSpan]) -> set[str]:
    """The other articles a claim's evidence span was copied from or into."""
    return {
        s.other for s in spans if s.start < max(claim.end, claim.start + 1) and claim.start < s.end
    }


def cluster_claims(
    claims: Iterable[Claim],
    roles: dict[str, ClaimRoles],
    published: dict[str, str | None],
    citations: Iterable[Citation],
    copied: Iterable[CopiedSpan],
) -> list[list[Claim]]:
    """Groups of claims, each one allegation, ordered by their earliest claim.

    Claims that say an act happened are clustered first. A denial then joins the allegation it
    answers, never two at once (a denial that names two actors must not merge their stories):
    the earliest allegation of the same act by the same actor or at the same place, else one of
    an act that entails the denied one ("no organ removal took place" answers the allegation
    that the clinic sold kidneys; act_types.yaml lists what each act entails). A denial that
    answers nothing yet stands with the denials like it."""
    by_id = {c.id: c for c in sorted(claims, key=lambda c: c.id)}
    supporting = {cid: c for cid, c in by_id.items() if c.modality != DENIED}
    uf = UnionFind[str](f"c|{cid}" for cid in by_id)
    for claim in supporting.values():
        for key in _keys(claim, claim.act, roles[claim.id]):
            uf.union(f"c|{claim.id}", key)
    for citation in citations:
        if citation.citing in supporting and citation.cited in supporting:
            uf.union(f"c|{citation.citing}", f"c|{citation.cited}")
    for a, b in _copied_pairs(by_id, roles, copied):
        if (a.modality == DENIED) == (b.modality == DENIED):
            uf.union(f"c|{a.id}", f"c|{b.id}")
    _join_unnamed(supporting, roles, uf)
    anchor_of: dict[str, tuple[bool, int, int, str]] = {}
    for claim in supporting.values():
        root, first = uf.find(f"c|{claim.id}"), _anchor_key(claim, published)
        anchor_of[root] = min(anchor_of.get(root, first), first)
    entailing = _entailing()
    denials = sorted(
        (c for c in by_id.values() if c.modality == DENIED), key=lambda c: _anchor_key(c, published)
    )
    for denial in denials:
        role = roles[denial.id]
        for act in (denial.act, *entailing.get(denial.act, ())):
            roots = {
                uf.find(key)
                for key in _keys(denial, act, role)
                if key in uf and uf.find(key) in anchor_of
            }
            if roots:
                target = min(roots, key=anchor_of.__getitem__)
                uf.union(f"c|{denial.id}", target)
                anchor_of[uf.find(target)] = anchor_of.pop(target)
                break
        else:
            for key in _keys(denial, denial.act, role):
                uf.union(f"c|{denial.id}", f"d{key}")
    groups: list[list[Claim]] = []
    for members in uf.groups():
        found = [by_id[m[2:]] for m in members if m.startswith("c|")]
        if found:
            groups.extend(_split_by_date(found, published))
    return sorted(groups, key=lambda g: _anchor_key(g[0], published))


def _join_unnamed(
    supporting: dict[str, Claim], roles: dict[str, ClaimRoles], uf: UnionFind[str]
) -> None:
    """A claim that names no one and nowhere ("Eleven of the 14 said they were abducted")
    belongs to the story its own report tells of that act, when the report names the actor
    of exactly one such story; otherwise it stands alone."""
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in supporting.values():
        if roles[claim.id].perpetrators:
            named[(claim.article_id, claim.act)].add(uf.find(f"c|{claim.id}"))
    for claim in supporting.values():
        role = roles[claim.id]
        if role.perpetrators or role.specific_places:
            continue
        stories = named.get((claim.article_id, claim.act), set())
        if len(stories) == 1:
            uf.union(f"c|{claim.id}", next(iter(stories)))


def _keys(claim: Claim, act: str, role: ClaimRoles) -> list[str]:
    """What joins claims of ``act``: a shared perpetrator, or for claims that name none, a
    shared town or country."""
    if role.perpetrators:
        return [f"p|{act}|{perp}" for perp in role.perpetrators]
    return [f"l|{act}|{place}" for place in role.specific_places]


def _copied_pairs(
    by_id: dict[str, Claim], roles: dict[str, ClaimRoles], copied: Iterable[CopiedSpan]
) -> list[tuple[Claim, Claim]]:
    """Claims of one act whose evidence was copied between two reports."""
    spans_of: dict[str, list[CopiedSpan]] = defaultdict(list)
    for span in copied:
        spans_of[span.article_id].append(span)
    by_article_act: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in by_id.values():
        by_article_act[(claim.article_id, claim.act)].append(claim)
    pairs: list[tuple[Claim, Claim]] = []
    for claim in by_id.values():
        for other_article in sorted(overlapping(claim, spans_of.get(claim.article_id, []))):
            for other in by_article_act.get((other_article, claim.act), []):
                if claim.article_id in overlapping(other, spans_of.get(other_article, [])) and (
                    _compatible(roles[claim.id], roles[other.id])
                ):
                    pairs.append((claim, other))
    return pairs


@cache
def _entailing() -> dict[str, tuple[str, ...]]:
    """Act -> the acts whose claims also assert it (an organ sold was first removed)."""
    found: dict[str, list[str]] = defaultdict(list)
    for act, term in sorted(act_types().items()):
        for entailed in term.extra.get("entails", []):
            found[str(entailed)].append(act)
    return {act: tuple(acts) for act, acts in found.items()}


def _compatible(a: ClaimRoles, b: ClaimRoles) -> bool:
    """Copied text joins two claims unless both name perpetrators and none is shared."""
    return not (a.perpetrators and b.perpetrators) or bool(
        set(a.perpetrators) & set(b.perpetrators)
    )


def _effective_day(claim: Claim, published: dict[str, str | None]) -> int | None:
    return day(claim.date) or day(published.get(claim.article_id))


def _anchor_key(claim: Claim, published: dict[str, str | None]) -> tuple[bool, int, int, str]:
    """The order that picks an allegation's first claim, and so its id: by the day the report
    was published before the day the act is dated, so that a later report that dates the act
    earlier ("first reported on 4 March", "in 2025") does not take over the id of an allegation
    that links and dossiers already point to. A claim that alleges the act comes before a
    denial of it."""
    found = day(published.get(claim.article_id))
    dated = _effective_day(claim, published)
    return (
        claim.modality == DENIED,  # an allegation is named for what is alleged, not its denial
        found if found is not None else 10**9,
        dated if dated is not None else 10**9,
        claim.id,
    )


def _split_by_date(claims: list[Claim], published: dict[str, str | None]) -> list[list[Claim]]:
    dated = sorted(
        (c for c in claims if _effective_day(c, published) is not None),
        key=lambda c: (_effective_day(c, published), c.id),
    )
    undated = sorted(
        (c for c in claims if _effective_day(c, published) is None), key=lambda c: c.id
    )
    parts: list[list[Claim]] = []
    last: int | None = None
    for claim in dated:
        current = _effective_day(claim, published)
        assert current is not None
        if last is None or current - last > DATE_WINDOW_DAYS:
            parts.append([])
        parts[-1].append(claim)
        last = current
    if undated:
        if not parts:
            parts.append([])
        largest = max(range(len(parts)), key=lambda i: (len(parts[i]), -i))
        parts[largest].extend(undated)
    return [sorted(p, key=lambda c: _anchor_key(c, published)) for p in parts]


def make_allegation(
    claims: list[Claim],
    roles: dict[str, ClaimRoles],
    entities: dict[str, Entity],
    published: dict[str, str | None],
) -> Allegation:
    """An allegation from one group of claims; its id derives from the act and its earliest
    claim, so later reports joining it do not change its id."""
    anchor = claims[0]
    perps = Counter(p for c in claims for p in roles[c.id].perpetrators)
    places = Counter(p for c in claims for p in roles[c.id].places)
    victims = Counter(v for c in claims for v in c.victims)
    perp_ids = sorted(perps, key=lambda p: (-perps[p], entities[p].name))
    place_ids = sorted(places, key=lambda p: (-places[p], entities[p].name))
    dates = sorted(d for c in claims if (d := published.get(c.article_id)))
    return Allegation(
        id=stable_id("allegation", anchor.act, anchor.id),
        act=anchor.act,
        claim_ids=[c.id for c in claims],
        perpetrators=[entities[p].name for p in perp_ids],
        victims=[v for v, _ in sorted(victims.items(), key=lambda kv: (-kv[1], kv[0]))][
            :MAX_VICTIMS_SHOWN
        ],
        places=[entities[p].name for p in place_ids],
        reports=len({c.article_id for c in claims}),
        first_reported=dates[0] if dates else None,
        last_reported=dates[-1] if dates else None,
        perpetrator_ids=perp_ids,
        place_ids=place_ids,
        article_ids=sorted({c.article_id for c in claims}),
    )
