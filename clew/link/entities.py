"""Entities: every name a claim or mention carries, resolved to one person, group, place or outlet.

Resolution happens in two passes. Inside one report, a short form means the full name that
report already gave ("Manev" after "Dr. Kiril Manev", "the Brotherhood" after "the Vardar
Brotherhood"): journalists write that way, and the same short form can mean someone else in the
next report. Across reports, names are joined by the alias table, by spelling (rapidfuzz, only
between names of one type, compared within blocks that share a word so the cost stays near
linear), and a lone surname or word by the one full name in the corpus that ends with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from clew.link.aliases import AliasTable
from clew.link.names import HONORIFICS, name_key, person_key
from clew.link.outlets import Outlet, OutletResolver
from clew.link.places import Gazetteer, Place
from clew.link.unionfind import UnionFind
from clew.model import Article, Claim, Entity, Mention, stable_id

FUZZY_CUTOFF = 90.0
"""rapidfuzz ratio (0-100) above which two names of one type are one spelling of one name."""
MAX_BLOCK = 300
"""Names sharing a word more common than this are not compared through that word (it is a word
like "police", which tells nothing); they can still meet through a rarer word."""
GROUP_WORDS = frozenset(
    {
        "gang", "group", "brotherhood", "cartel", "mafia", "network", "ring", "clan", "clinic",
        "hospital", "police", "ministry", "army", "militia", "state", "front", "company",
        "traffickers", "smugglers", "brokers", "party", "organisation", "organization", "council",
        "court", "agency", "service", "forces", "guard", "directorate", "office", "prosecutors",
        "authorities", "government", "bank", "foundation", "institute", "centre", "center",
        "association", "union", "committee", "commission", "mob", "syndicate", "family", "inc",
        "ltd", "llc", "brigade", "battalion", "movement", "league", "regime", "doctors",
    }
)  # fmt: skip
_SOURCE_SUBTYPES = {"official": "state_body", "court": "court", "ngo": "ngo"}
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ž]")


@dataclass
class ClaimRoles:
    """The entities a claim's roles resolved to, with what linking needs to compare claims."""

    perpetrators: list[str] = field(default_factory=list)  # entity ids, in claim order
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sources: list[str | None] = field(default_factory=list)  # per chain element; None if unnamed
    specific_places: list[str] = field(default_factory=list)  # geocoded towns, else countries
    outlet: Outlet | None = None  # the outlet of the claim's own article


@dataclass
class _Name:
    type: str
    key: str
    surface: str
    subtype: str | None = None
    country: str | None = None
    known: str | None = None  # alias-table id
    place: Place | None = None
    outlet: Outlet | None = None
    guessed: bool = False  # the type is a guess from the name's shape, not a label or a list

    @property
    def node(self) -> str:
        if self.place is not None:
            return f"place|{self.place.key}"
        if self.outlet is not None:
            return f"outlet|{self.outlet.key}"
        if self.known is not None:
            return f"known|{self.known}"
        return f"{self.type}|{self.key}"


def _is_description(text: str) -> bool:
    """A lower-case phrase ("traffickers", "a gang") describes; it does not name anyone."""
    words = [w for w in re.split(r"\s+", text.strip()) if _WORD.search(w)]
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return not any(w[0].isupper() for w in words)


class EntityResolver:
    """Resolves the names of a corpus; see the module docstring for the rules."""

    def __init__(self, aliases: AliasTable, places: Gazetteer, outlets: OutletResolver) -> None:
        self.aliases = aliases
        self.places = places
        self.outlets = outlets
        self._outlet_names: set[str] = set()

    # --- one report ---------------------------------------------------------------------------

    def _type_of(self, name: str, labels: dict[str, str]) -> tuple[str, bool]:
        """The type of a perpetrator's name, and whether it is only a guess from its shape."""
        key = name_key(name)
        if key in labels:
            return labels[key], False
        known = self.aliases.lookup(name)
        if known is not None:
            return known.type, False
        tokens = key.split()
        if any(t in GROUP_WORDS for t in tokens) or (tokens and tokens[0] in self.places.demonyms):
            return "group", False
        if tokens and tokens[0] in HONORIFICS:
            return "person", False
        return ("person" if 2 <= len(tokens) <= 4 else "group"), True

    def _name(self, surface: str, type_: str, context: set[str]) -> _Name | None:
        if type_ == "place":
            place = self.places.resolve(surface, context)
            key = name_key(surface)
            if place is None and not key:
                return None
            country = place.country if place else None
            return _Name("place", key, surface, country=country, place=place)
        known = self.aliases.lookup(surface)
        if known is not None and known.type == "place" and type_ == "group":
            known = None  # "China" as a perpetrator is its state, not its land: left to rules
        if known is not None and known.type == type_:
            key = name_key(known.label)
            return _Name(type_, key, known.label, known.subtype, known.country, known=known.id)
        if type_ == "person":
            key = person_key(surface)
            return _Name("person", key, surface) if key else None
        key = name_key(surface)
        if not key:
            return None
        tokens = key.split()
        code = self.places.demonyms.get(tokens[0]) if tokens else None
        if code and len(tokens) > 1:  # "Turkish organ traffickers": nationals of a country
            head = tokens[-1].removesuffix("s")
            return _Name("group", f"{code.lower()} {head}", surface, country=code)
        return _Name(type_, key, surface)

    def _local(self, names: list[_Name]) -> None:
        """Rewrite short forms to the full names the same report gives."""
        persons = sorted({n.key for n in names if n.type == "person" and " " in n.key})
        groups = sorted(
            {n.key for n in names if n.type == "group" and n.known is None},
            key=lambda k: (-len(k), k),
        )
        for n in names:
            if n.type in {"person", "group"} and n.known is None and " " not in n.key:
                full = [p for p in persons if p.split()[-1] == n.key]
                if full and (n.type == "person" or n.guessed):  # "Manev" after "Kiril Manev"
                    n.type, n.key, n.guessed = "person", full[0], False
                    continue
            if n.type == "group" and n.known is None and n.country is None:
                pattern = f" {n.key} "
                longer = [g for g in groups if g != n.key and pattern in f" {g} "]
                if longer:
                    n.key = longer[0]

    # --- the corpus ---------------------------------------------------------------------------

    def resolve(
        self, articles: Iterable[Article], claims: Iterable[Claim], mentions: Iterable[Mention]
    ) -> tuple[dict[str, Entity], dict[str, ClaimRoles], list[Mention]]:
        """Entities by id, the roles of every claim, and the mentions with ``entity_id`` set."""
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_article[claim.article_id].append(claim)
        mentions_by: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            mentions_by[mention.article_id].append(mention)
        arts = {a.id: a for a in articles}
        self.outlets.learn(arts.values())
        self._outlet_names = {name_key(a.outlet) for a in arts.values() if a.outlet}

        occurrences: list[_Name] = []
        claim_names: dict[str, tuple[list[_Name], list[_Name], list[_Name | None]]] = {}
        mention_names: list[tuple[Mention, _Name]] = []
        own_outlet: dict[str, Outlet | None] = {}
        for article_id in sorted(set(by_article) | set(mentions_by) | set(arts)):
            article = arts.get(article_id)
            own_outlet[article_id] = (
                self.outlets.resolve(article.outlet, article.url) if article else None
            )
            a_claims = by_article.get(article_id, [])
            a_mentions = mentions_by.get(article_id, [])
            context = self.places.countries_in(
                " ".join([article.title or "", article.text[:4000]]) if article else ""
            )
            for claim in a_claims:
                for loc in [*claim.locations, claim.origin, claim.destination]:
                    place = self.places.resolve(loc) if loc else None
                    if place is not None and place.kind == "country" and place.country:
                        context.add(place.country)
            labels = {name_key(m.text): m.label for m in a_mentions}
            local: list[_Name] = []
            for mention in a_mentions:
                if mention.label in {"person", "group", "place"}:
                    found = self._name(mention.text, mention.label, context)
                    if found is not None:
                        local.append(found)
                        mention_names.append((mention, found))
            for claim in a_claims:
                perps = [
                    n
                    for p in claim.perpetrators
                    if not _is_description(p) or self._demonym_phrase(p)
                    for n in [self._perpetrator(p, labels, context)]
                    if n is not None
                ]
                places = [
                    n
                    for p in dict.fromkeys(
                        [*claim.locations, claim.origin or "", claim.destination or ""]
                    )
                    if p
                    for n in [self._name(p, "place", context)]
                    if n is not None
                ]
                chain: list[_Name | None] = []
                for source in claim.sources:
                    chain.append(self._source_name(source.name, source.kind, context))
                local.extend([*perps, *places, *(c for c in chain if c is not None)])
                claim_names[claim.id] = (perps, places, chain)
            self._local(local)
            occurrences.extend(local)

        nodes = self._merge(occurrences)
        entities = self._entities(occurrences, nodes)
        roles: dict[str, ClaimRoles] = {}
        for claim_id, (perps, places, chain) in claim_names.items():
            roles[claim_id] = ClaimRoles(
                perpetrators=list(dict.fromkeys(nodes[n.node] for n in perps)),
                places=list(dict.fromkeys(nodes[n.node] for n in places)),
                specific_places=_specific(places, nodes),
                countries=sorted({n.country for n in places if n.country}),
                sources=[nodes[c.node] if c is not None else None for c in chain],
            )
        for claims_ in by_article.values():
            for claim in claims_:
                roles[claim.id].outlet = own_outlet.get(claim.article_id)
        resolved = [
            Mention(m.article_id, m.text, m.label, m.start, m.end, nodes[n.node])
            for m, n in mention_names
        ]
        return entities, roles, resolved

    def _perpetrator(self, name: str, labels: dict[str, str], context: set[str]) -> _Name | None:
        """A perpetrator's name, or None when it names a town or a news outlet of the corpus:
        those are misreadings of the sentence ("Skopje police", "Novi Kormilar reported"), not
        actors; a country stays, since a state can be accused."""
        if name_key(name) in self._outlet_names or (
            (place := self.places.resolve(name)) is not None and place.kind == "city"
        ):
            return None
        type_, guessed = self._type_of(name, labels)
        found = self._name(name, type_, context)
        if found is not None:
            found.guessed = guessed and found.known is None and found.country is None
        return found

    def _demonym_phrase(self, text: str) -> bool:
        tokens = name_key(text).split()
        return len(tokens) > 1 and tokens[0] in self.places.demonyms

    def _source_name(self, name: str, kind: str, context: set[str]) -> _Name | None:
        if kind == "outlet":
            outlet = self.outlets.resolve(name)
            if outlet is None:
                return None
            return _Name("group", outlet.key, outlet.name, "outlet", outlet=outlet)
        if kind == "person":
            return self._name(name, "person", context)
        if kind in _SOURCE_SUBTYPES and not _is_description(name):
            found = self._name(name, "group", context)
            if found is not None and found.subtype is None:
                found.subtype = _SOURCE_SUBTYPES[kind]
            return found
        return None  # anonymous sources, documents and posts are not entities

    def _merge(self, occurrences: list[_Name]) -> dict[str, str]:
        """Node -> entity id, joining spellings and lone words across the corpus.

        Names join only within one type, unless a name's type was only guessed from its shape
        ("Medisan Lux Clinik" looks like a person's name): then the evidence of spelling wins."""
        uf = UnionFind[str]()
        by_node: dict[str, _Name] = {}
        guessed: dict[str, bool] = {}
        for n in occurrences:
            uf.add(n.node)
            by_node.setdefault(n.node, n)
            guessed[n.node] = guessed.get(n.node, True) and n.guessed
        plain = sorted(
            node
            for node, n in by_node.items()
            if n.place is None and n.outlet is None and n.type in {"person", "group"}
        )
        blocks: dict[str, list[str]] = defaultdict(list)
        for node in plain:
            for token in sorted(set(by_node[node].key.split())):
                if len(token) >= 3:
                    blocks[token].append(node)

        def compatible(a: str, b: str) -> bool:
            return by_node[a].type == by_node[b].type or guessed[a] or guessed[b]

        for token, members in sorted(blocks.items()):
            if len(members) > MAX_BLOCK:
                continue
            singles = [m for m in members if by_node[m].key == token]
            fulls = [m for m in members if " " in by_node[m].key]
            for single in singles:  # a lone word: the one full name that holds it
                holding = [
                    f
                    for f in fulls
                    if compatible(single, f) and _holds(by_node[f].type, by_node[f].key, token)
                ]
                if len(holding) == 1:
                    uf.union(single, holding[0])
            for i, a in enumerate(fulls):
                for b in fulls[i + 1 :]:
                    if compatible(a, b) and fuzz.ratio(
                        by_node[a].key, by_node[b].key, score_cutoff=FUZZY_CUTOFF
                    ):
                        uf.union(a, b)
        result: dict[str, str] = {}
        for group in uf.groups():
            entity_id = stable_id("entity", group[0])
            for node in group:
                result[node] = entity_id
        return result

    def _entities(self, occurrences: list[_Name], nodes: dict[str, str]) -> dict[str, Entity]:
        members: dict[str, list[_Name]] = defaultdict(list)
        for n in occurrences:
            members[nodes[n.node]].append(n)
        entities: dict[str, Entity] = {}
        for entity_id in sorted(members):
            names = members[entity_id]
            first = min(names, key=lambda n: (n.guessed, n.node))
            surfaces = Counter(_display(n) for n in names)
            name = max(surfaces, key=lambda s: (surfaces[s], len(s), s))
            if first.place is not None:
                name = first.place.name
            elif first.outlet is not None:
                name = first.outlet.name
            elif first.known is not None:
                name = next(n.surface for n in names if n.known is not None)
            aliases = sorted({n.surface for n in names} - {name})
            place = first.place
            entities[entity_id] = Entity(
                id=entity_id,
                name=name,
                type=first.type,
                subtype=next((n.subtype for n in names if n.subtype), None),
                aliases=aliases,
                country=next((n.country for n in sorted(names, key=_by_node) if n.country), None),
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
            )
        return entities


def _specific(places: list[_Name], nodes: dict[str, str]) -> list[str]:
    """The most precise geocoded places of a claim: its towns, or its countries if it names none.
    Claims with no named perpetrator meet only through these, so that "North Macedonia" does not
    join every act anywhere in the country."""
    towns = [n for n in places if n.place is not None and n.place.kind == "city"]
    chosen = towns or [n for n in places if n.place is not None]
    return list(dict.fromkeys(nodes[n.node] for n in chosen))


def _by_node(n: _Name) -> str:
    return n.node


def _holds(type_: str, full: str, word: str) -> bool:
    """A person's lone word is their surname; a group's is any word of its name."""
    if type_ == "person":
        return full.split()[-1] == word
    return f" {word} " in f" {full} "


def _display(n: _Name) -> str:
    """The surface form to show: honorifics and a leading article dropped."""
    words = n.surface.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if n.type == "person":
        while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
            words = words[1:]
    return " ".join(words) or n.surface
