"""What an export holds: the allegations a user picked, with everything that explains them.

Every format reads one :class:`Selection`, so the filters, the masking of victims' names and the
resolution of routes are done once, here, and no format can forget to mask a field another masks.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa

from clew.errors import ClewError
from clew.model import (
    Allegation,
    Article,
    ArticleLink,
    Claim,
    Entity,
    EvidenceLine,
    Mention,
    Source,
)
from clew.privacy import mask, victim_names
from clew.store import Store
from clew.store.graph import claims_of, find_allegation_id, get_allegation, list_allegations
from clew.store.tables import (
    allegation_entities,
    article_links,
    claims,
    entities,
    entity_aliases,
    evidence_lines,
    mentions,
)

log = logging.getLogger(__name__)


class ExportError(ClewError):
    """An export cannot be made as asked; the message says what to ask instead."""


class UnknownSubject(ExportError):
    """The allegation or entity asked for is not in the workspace (a 404 on the web)."""


@dataclass(frozen=True)
class Filters:
    """The same filters as ``clew allegations``, plus one allegation or one entity."""

    allegation: str | None = None
    entity: str | None = None
    act: str | None = None
    actor: str | None = None
    place: str | None = None
    grade: str | None = None

    def describe(self) -> str:
        """The filters in words, for a dossier's header and an export's metadata."""
        given = [f"{k} {v!r}" for k, v in vars(self).items() if v]
        return ", ".join(given) if given else "the whole workspace"


@dataclass(frozen=True)
class Route:
    """Claims that something moved from one place to another: one line on a map."""

    origin: str  # Entity id
    destination: str
    allegation_ids: tuple[str, ...]
    claim_ids: tuple[str, ...]


@dataclass
class Selection:
    """The allegations to export with their lines of evidence, claims, reports and entities.

    ``masked`` says whether victims' names were replaced; every format writes it down.
    ``subject`` is the entity a dossier is about, when one was asked for.
    """

    filters: Filters
    masked: bool
    allegations: list[Allegation] = field(default_factory=list)
    lines: dict[str, list[EvidenceLine]] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    links: list[ArticleLink] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    subject: Entity | None = None

    @property
    def privacy(self) -> str:
        """One word for metadata fields: "masked" or "unmasked"."""
        return "masked" if self.masked else "unmasked"

    @property
    def privacy_note(self) -> str:
        """The same in a sentence, for a reader of the exported file."""
        if self.masked:
            return "Victims' names are masked (shown as [victim])."
        return "Victims' names are NOT masked: this export was made with --unmask-victims."

    def claims_of(self, allegation: Allegation) -> list[Claim]:
        return [self.claims[c] for c in allegation.claim_ids if c in self.claims]

    def allegation_of_claim(self) -> dict[str, str]:
        return {c: a.id for a in self.allegations for c in a.claim_ids}


def select(store: Store, filters: Filters, *, unmask_victims: bool = False) -> Selection:
    """Read the allegations ``filters`` pick, and all they rest on, masking victims' names
    unless ``unmask_victims``; an unknown allegation or entity is an :class:`ExportError`."""
    chosen = _allegations(store, filters)
    selection = Selection(filters=filters, masked=not unmask_victims, allegations=chosen)
    ids = [a.id for a in chosen]
    found = claims_of(store, ids)
    selection.claims = {c.id: c for a in chosen for c in found.get(a.id, [])}
    article_ids = sorted({c.article_id for c in selection.claims.values()})
    selection.articles = {a.id: a for a in store.iter_articles(article_ids)}
    with store.engine.connect() as conn:
        selection.lines = _lines(conn, ids)
        selection.links = [
            ArticleLink(r.source_article, r.target_article, r.kind, r.score)
            for r in conn.execute(
                sa.select(article_links)
                .where(
                    article_links.c.source_article.in_(article_ids),
                    article_links.c.target_article.in_(article_ids),
                )
                .order_by(article_links.c.source_article, article_links.c.target_article)
            )
        ]
        every_entity = _entities(conn)
    selection.routes = _routes(chosen, selection.claims, every_entity)
    used = {e for a in chosen for e in (*a.perpetrator_ids, *a.place_ids)}
    used.update(e for r in selection.routes for e in (r.origin, r.destination))
    selection.entities = {k: every_entity[k] for k in sorted(used) if k in every_entity}
    if filters.entity:
        selection.subject = every_entity.get(_entity_id(store, filters.entity))
    if unmask_victims:
        log.warning("export with victims' names unmasked, as asked (%s)", filters.describe())
        return selection
    return _masked(selection, _victim_names(store))


def _allegations(store: Store, filters: Filters) -> list[Allegation]:
    if filters.allegation:
        full = find_allegation_id(store, filters.allegation)
        if full is None:
            raise UnknownSubject(
                f"no single allegation with an id starting {filters.allegation!r}; "
                "list them with `clew allegations`"
            )
        record = get_allegation(store, full)
        return [record.allegation] if record else []
    _, chosen = list_allegations(
        store,
        limit=1_000_000,
        act=filters.act,
        actor=filters.actor,
        place=filters.place,
        grade=filters.grade,
    )
    if filters.entity:
        with store.engine.connect() as conn:
            about = set(
                conn.execute(
                    sa.select(allegation_entities.c.allegation_id).where(
                        allegation_entities.c.entity_id == _entity_id(store, filters.entity)
                    )
                ).scalars()
            )
        chosen = [a for a in chosen if a.id in about]
    return chosen


def _entity_id(store: Store, text: str) -> str:
    """The one entity whose id starts with ``text``, or whose name is ``text`` (any case)."""
    with store.engine.connect() as conn:
        found = list(
            conn.execute(
                sa.select(entities.c.id)
                .where(
                    sa.or_(
                        entities.c.id.like(f"{text}%"),
                        sa.func.lower(entities.c.name) == text.lower(),
                    )
                )
                .limit(2)
            ).scalars()
        )
    if len(found) != 1:
        raise UnknownSubject(
            f"no single entity with an id starting {text!r} or named {text!r}; "
            "see the perpetrators and places of `clew allegations --format json`"
        )
    return str(found[0])


def _lines(conn: Any, allegation_ids: list[str]) -> dict[str, list[EvidenceLine]]:
    result: dict[str, list[EvidenceLine]] = defaultdict(list)
    rows = conn.execute(
        sa.select(evidence_lines)
        .where(evidence_lines.c.allegation_id.in_(allegation_ids))
        .order_by(evidence_lines.c.allegation_id, evidence_lines.c.position)
    )
    for r in rows:
        result[r.allegation_id].append(
            EvidenceLine(
                id=r.id,
                allegation_id=r.allegation_id,
                root_source=Source(r.root_name, r.root_kind) if r.root_kind else None,
                claim_ids=list(r.claim_ids),
                article_ids=list(r.article_ids),
                reason=r.reason,
                reliability=r.reliability,
            )
        )
    return dict(result)


def _entities(conn: Any) -> dict[str, Entity]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(sa.select(entity_aliases).order_by(entity_aliases.c.alias)):
        aliases[r.entity_id].append(r.alias)
    return {
        r.id: Entity(
            id=r.id,
            name=r.name,
            type=r.type,
            subtype=r.subtype,
            aliases=aliases[r.id],
            country=r.country,
            latitude=r.latitude,
            longitude=r.longitude,
        )
        for r in conn.execute(sa.select(entities).order_by(entities.c.id))
    }


def _name_key(name: str) -> str:
    """A place name folded so "Preševo", "PRESEVO" and "Presevo," meet."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[\W_]+", " ", ascii_name.casefold()).strip()


def _routes(
    chosen: list[Allegation], found: dict[str, Claim], every: dict[str, Entity]
) -> list[Route]:
    """Origin -> destination pairs of the claims, resolved to place entities by name or alias."""
    places: dict[str, str] = {}
    for entity in every.values():
        if entity.type == "place":
            for name in (entity.name, *entity.aliases):
                places.setdefault(_name_key(name), entity.id)
    pairs: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for allegation in chosen:
        for claim_id in allegation.claim_ids:
            claim = found.get(claim_id)
            if claim is None or not claim.origin or not claim.destination:
                continue
            origin = places.get(_name_key(claim.origin))
            destination = places.get(_name_key(claim.destination))
            if origin is None or destination is None or origin == destination:
                continue
            seen = pairs.setdefault((origin, destination), ([], []))
            if allegation.id not in seen[0]:
                seen[0].append(allegation.id)
            seen[1].append(claim.id)
    return [Route(o, d, tuple(a), tuple(c)) for (o, d), (a, c) in sorted(pairs.items())]


def _victim_names(store: Store) -> set[str]:
    """Victims' names across the whole workspace: a name found as a victim in one report is
    masked in every report, where it may appear without a victim phrase around it."""
    with store.engine.connect() as conn:
        phrases = [
            Claim(article_id=r.article_id, act="", text="", start=0, end=0, victims=r.victims)
            for r in conn.execute(sa.select(claims.c.article_id, claims.c.victims))
            if r.victims
        ]
        people = [
            Mention(r.article_id, r.text, r.label, r.start, r.end)
            for r in conn.execute(sa.select(mentions).where(mentions.c.label == "person"))
        ]
    return victim_names(phrases, people)


def _masked(selection: Selection, names: set[str]) -> Selection:
    """The selection with every human-readable text passed through :func:`clew.privacy.mask`."""

    def m(text: str | None) -> str | None:
        return None if text is None else mask(text, names)

    def ms(texts: Iterable[str]) -> list[str]:
        return [mask(t, names) for t in texts]

    def source(s: Source | None) -> Source | None:
        return None if s is None else Source(mask(s.name, names), s.kind)

    selection.allegations = [
        replace(
            a,
            perpetrators=ms(a.perpetrators),
            victims=ms(a.victims),
            places=ms(a.places),
            root_sources=[Source(mask(s.name, names), s.kind) for s in a.root_sources],
            rationale=ms(a.rationale),
        )
        for a in selection.allegations
    ]
    selection.lines = {
        k: [replace(line, root_source=source(line.root_source), reason=mask(line.reason, names))
            for line in found]
        for k, found in selection.lines.items()
    }  # fmt: skip
    selection.claims = {
        k: replace(
            c,
            text=mask(c.text, names),
            perpetrators=ms(c.perpetrators),
            victims=ms(c.victims),
            locations=ms(c.locations),
            origin=m(c.origin),
            destination=m(c.destination),
            sources=[Source(mask(s.name, names), s.kind) for s in c.sources],
        )
        for k, c in selection.claims.items()
    }
    selection.articles = {
        k: replace(a, text=mask(a.text, names), title=m(a.title), byline=m(a.byline))
        for k, a in selection.articles.items()
    }
    selection.entities = {
        k: replace(e, name=mask(e.name, names), aliases=ms(e.aliases))
        for k, e in selection.entities.items()
    }
    if selection.subject is not None:
        s = selection.subject
        selection.subject = replace(s, name=mask(s.name, names), aliases=ms(s.aliases))
    return selection
