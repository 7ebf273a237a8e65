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
from clew.link.declared import Declaration, declared_aliases
from clew.link.names import HONORIFICS, capitalised, name_key, person_key, proper_phrase
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
        "observatory", "tribunal", "university", "school", "church", "mosque",
    }
)  # fmt: skip
_SOURCE_SUBTYPES = {"official": "state_body", "court": "court", "ngo": "ngo"}
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ž]")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_TITLE = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Prof|Judge|Prosecutor|Inspector|Commissioner|Minister|Surgeon|"
    r"surgeon|spokesman|spokeswoman|prosecutor|judge|lawyer)\.? $"
)
_NEXT_NAME = re.compile(r" [A-Z][\w'\u2019-]+")
_AGE = re.compile(r", (?:aged )?\d{1,3},")  # "Halit Boranoğlu, 51, a Turkish citizen"


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
    written: bool = False  # read from the text itself, not from a claim's role

    @property
    def node(self) -> str:
        if self.place is not None:
            return f"place|{self.place.key}"
        if self.outlet is not None:
            return f"outlet|{self.outlet.key}"
        if self.known is not None:
            return f"known|{self.known}"
        return f"{self.type}|{self.key}"


@dataclass
class _Report:
    """What one report says about its own names, which decides how each is read."""

    text: str
    context: set[str]  # ISO codes of the countries the report names
    labels: dict[str, str]  # name key -> the model's label

    def sentence_start(self, start: int) -> bool:
        before = self.text[:start].rstrip(" \"\u201c'\u2018")
        return not before or before[-1] in ".!?:\n"


_NO_REPORT = _Report("", set(), {})
"""For names read outside any report's text: a source in a claim's chain."""


class EntityResolver:
    """Resolves the names of a corpus; see the module docstring for the rules."""

    def __init__(self, aliases: AliasTable, places: Gazetteer, outlets: OutletResolver) -> None:
        self.aliases = aliases
        self.places = places
        self.outlets = outlets
        self._lower_words: set[str] = set()
        self._people: set[str] = set()
        self._persons: set[str] = set()
        self._surnames: set[str] = set()
        self._declared: set[str] = set()

    # --- one report ---------------------------------------------------------------------------

    def _report(
        self, article: Article | None, claims: list[Claim], mentions: list[Mention]
    ) -> _Report:
        text = article.text if article else ""
        context = self.places.countries_in(
            " ".join([article.title or "", text[:4000]]) if article else ""
        )
        for claim in claims:
            for loc in [*claim.locations, claim.origin, claim.destination]:
                place = self.places.resolve(loc) if loc else None
                if place is not None and place.kind == "country" and place.country:
                    context.add(place.country)
        for m in mentions:  # the towns the model read as places say where the report is
            town = m.label in {"place", "group"}
            place = self.places.resolve(m.text, context) if town else None
            if place is not None and place.kind == "city" and place.country:
                context.add(place.country)
        labels = {name_key(proper_phrase(m.text)): m.label for m in mentions}
        return _Report(text, context, labels)

    def _learn_people(self, articles: dict[str, Article], mentions: list[Mention]) -> None:
        """The names the corpus shows to be people's: written with an age ("Halit Boranoğlu,
        51,") or a title ("Dr", "Prosecutor"), or tagged as a person's full name. The model
        tags many foreign names as groups or places; one report that writes the name as a
        person's settles it for every report."""
        self._people = set()
        self._persons = set()
        for m in mentions:
            if m.label not in {"person", "group", "place"} or m.article_id not in articles:
                continue
            text = articles[m.article_id].text
            written = proper_phrase(m.text)
            key = person_key(written)
            if " " not in key or any(t in GROUP_WORDS for t in key.split()):
                continue
            titled = _TITLE.search(text[max(0, m.start - 16) : m.start])
            if _AGE.match(text, m.end) or titled or name_key(written) != key:
                self._people.add(key)
            if m.label == "person":
                self._persons.add(key)
        self._persons |= self._people
        self._surnames = {
            " ".join(words[i:])
            for p in self._persons
            for words in [p.split()]
            for i in range(1, len(words))
        }

    def _type_of(self, name: str, report: _Report) -> tuple[str, bool]:
        """The type of a perpetrator's name, and whether it is only a guess from its shape."""
        key = name_key(name)
        if person_key(name) in self._people or key in self._surnames:
            return "person", False
        known = self.aliases.lookup(name)
        if known is not None:
            return known.type, False
        tokens = key.split()
        if any(t in GROUP_WORDS for t in tokens) or (tokens and tokens[0] in self.places.demonyms):
            return "group", False
        if key in report.labels and report.labels[key] != "place":
            return report.labels[key], False
        if tokens and tokens[0] in HONORIFICS:
            return "person", False
        return ("person" if 2 <= len(tokens) <= 4 else "group"), True

    def _describes(self, phrase: str, sentence_start: bool) -> bool:
        """Whether a phrase describes rather than names: no capital ("traffickers"), a capital
        only on the first of several words, which is an adjective or the sentence's first word
        ("Balkan surgeon", "Two men", "Medical associations"), or one capitalised word that the
        corpus writes in lower case elsewhere, at the start of its sentence ("Prosecutors")."""
        words = [w for w in phrase.split() if _WORD.search(w)]
        if words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        named = [w for w in words if capitalised(w)]
        if not named:
            return True
        if len(words) > 1 and named == [words[0]]:
            return name_key(words[-1]) not in GROUP_WORDS
        return (
            len(words) == 1
            and sentence_start
            and name_key(words[0]) in self._lower_words
            and self.aliases.lookup(words[0]) is None
        )

    def _name(self, surface: str, type_: str, report: _Report) -> _Name | None:
        if type_ == "place":
            return self._place(surface, report)
        surface = proper_phrase(surface)
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

    def _place(self, surface: str, report: _Report) -> _Name | None:
        """A place, or None when the name is not one: the model tags surnames ("Lazoska"),
        institutions ("the Veldmark Observatory") and outlets as places, and a name the
        gazetteer does not know is kept only if nothing else in the report claims it."""
        key = name_key(surface)
        if (people := self.places.of_people(surface)) is not None:  # "North Macedonian"
            return _placed(surface, people)
        place = self._geocode(surface, report.context)
        if place is None:
            if (
                not key
                or key in self._surnames
                or report.labels.get(key) in {"person", "group"}
                or any(t in GROUP_WORDS for t in key.split())
                or self.outlets.known(surface) is not None
            ):
                return None
            return _Name("place", key, surface)
        return _placed(surface, place)

    def _geocode(self, surface: str, context: set[str]) -> Place | None:
        """The gazetteer's place, also for a place given inside a larger one ("Skopje's Saraj",
        "the capital's Saraj" after "Skopje"): the larger place's country decides."""
        found = self.places.resolve(surface, context)
        owner, possessive, inner = surface.partition("'s ")
        if found is None and possessive and inner:
            larger = self.places.resolve(owner)
            found = self.places.resolve(
                inner, {larger.country} if larger and larger.country else context
            )
        return found

    def _mention(self, mention: Mention, report: _Report) -> _Name | None:
        """The entity a mention names, overriding the model's label where the report or the
        gazetteer knows better: outlets of the corpus, towns and countries tagged as groups or
        people, a bare nationality ("Turkish") as its country."""
        surface = proper_phrase(mention.text)
        key = name_key(surface)
        if not key or self._describes(surface, report.sentence_start(mention.start)):
            return None
        if mention.label == "place":
            found = self._place(surface, report)
            if found is not None:
                return found
            if key in self._surnames or report.labels.get(key) == "person":
                return self._name(surface, "person", report)
            return self._outlet(surface) or self._name(surface, "group", report)
        if (outlet := self._outlet(surface)) is not None:
            return outlet
        if (people := self.places.of_people(surface)) is not None:
            return _placed(surface, people)
        place = self._geocode(surface, report.context)
        if (
            place is not None
            and self.aliases.lookup(surface) is None
            and not any(t in GROUP_WORDS for t in key.split())
            and (place.kind != "country" or mention.label == "group")
            and key not in self._surnames
            and key not in self._persons
            and key not in self._declared
            and (mention.label == "group" or place.country in report.context)
        ):
            return _placed(surface, place)
        if " " not in key:
            following = _NEXT_NAME.match(report.text, mention.end)
            if following and person_key(surface + following.group(0)) in self._persons:
                # the model split "Vesna Lazoska" into a group "Vesna" and a place "Lazoska"
                return self._name(surface + following.group(0), "person", report)
        label = "person" if person_key(surface) in self._people else mention.label
        found = self._name(surface, label, report)
        if found is not None and " " not in found.key and found.known is None:
            found.guessed = True  # the model's label on one capitalised word is a weak guess
        return found

    def _outlet(self, surface: str) -> _Name | None:
        """The outlet of the corpus a name stands for, if any (see OutletResolver.known)."""
        outlet = self.outlets.known(surface)
        return None if outlet is None else _of_outlet(outlet)

    def _local(self, names: list[_Name]) -> None:
        """Rewrite short forms to the full names the same report gives."""
        persons = sorted({n.key for n in names if n.type == "person" and " " in n.key})
        groups = sorted(
            {n.key for n in names if n.type == "group" and n.known is None and n.outlet is None},
            key=lambda k: (-len(k), k),
        )
        for n in names:
            if n.type in {"person", "group"} and n.known is None and " " not in n.key:
                full = [p for p in persons if p.split()[-1] == n.key]
                if full and (n.type == "person" or n.guessed):  # "Manev" after "Kiril Manev"
                    n.type, n.key, n.guessed = "person", full[0], False
                    continue
            if n.type == "group" and n.known is None and n.country is None and n.outlet is None:
                ending = f" {n.key}"  # "the Brotherhood" ends "the Vardar Brotherhood"
                longer = [g for g in groups if g != n.key and f" {g}".endswith(ending)]
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
        all_mentions = list(mentions)
        for mention in all_mentions:
            mentions_by[mention.article_id].append(mention)
        arts = {a.id: a for a in articles}
        self.outlets.learn(arts.values())
        self._lower_words = {w for a in arts.values() for w in _LOWER_WORD.findall(a.text)}
        declared = declared_aliases(arts.values(), all_mentions)
        self._declared = {name_key(proper_phrase(d.alias)) for d in declared}
        self._learn_people(arts, all_mentions)

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
            report = self._report(article, a_claims, a_mentions)
            local: list[_Name] = []
            for mention in a_mentions:
                if mention.label in {"person", "group", "place"}:
                    found = self._mention(mention, report)
                    if found is not None:
                        found.written = True
                        local.append(found)
                        mention_names.append((mention, found))
            for claim in a_claims:
                perps = [
                    n
                    for p in claim.perpetrators
                    for n in [self._perpetrator(p, claim, report)]
                    if n is not None
                ]
                places = [
                    n
                    for p in dict.fromkeys(
                        [*claim.locations, claim.origin or "", claim.destination or ""]
                    )
                    if p
                    for n in [self._place(p, report)]
                    if n is not None
                ]
                chain = [self._source_name(s.name, s.kind, claim) for s in claim.sources]
                local.extend([*perps, *places, *(c for c in chain if c is not None)])
                claim_names[claim.id] = (perps, places, chain)
            self._local(local)
            occurrences.extend(local)

        nodes = self._merge(occurrences, declared)
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

    def _perpetrator(self, phrase: str, claim: Claim, report: _Report) -> _Name | None:
        """A perpetrator's name, or None when it only describes ("traffickers", "Two men"), or
        names a town or a news outlet of the corpus: those are misreadings of the sentence
        ("Skopje police", "Novi Kormilar reported"), not actors; a country stays, since a state
        can be accused, and so does a nationality ("Turkish brokers")."""
        name = proper_phrase(phrase)
        if not self._demonym_phrase(name) and self._describes(
            name, claim.text.startswith((phrase, name))
        ):
            return None
        if self.outlets.known(name) is not None or (
            (place := self.places.resolve(name)) is not None and place.kind == "city"
        ):
            return None
        type_, guessed = self._type_of(name, report)
        found = self._name(name, type_, report)
        if found is not None:
            found.guessed = guessed and found.known is None and found.country is None
        return found

    def _demonym_phrase(self, text: str) -> bool:
        tokens = name_key(text).split()
        return len(tokens) > 1 and tokens[0] in self.places.demonyms

    def _source_name(self, name: str, kind: str, claim: Claim) -> _Name | None:
        """The entity a source in a chain names. An outlet of the corpus is that outlet, however
        the sentence describes it ("Serbian daily Novi Kormilar"); an official is a person when
        the corpus knows the name as a person's ("Prosecutor Marija Tasevska"). Anonymous
        sources, documents and posts are not entities, nor are descriptions ("who",
        "Prosecutors") or a dateline's town read as the speaker ("BELGRADE —")."""
        if kind not in {"outlet", "person", *_SOURCE_SUBTYPES}:
            return None
        surface = proper_phrase(name)
        if (outlet := self._outlet(surface)) is not None:
            return outlet
        if kind == "outlet":
            relay = self.outlets.resolve(name)
            return None if relay is None else _of_outlet(relay)
        if self._describes(surface, claim.text.startswith((name, surface))):
            return None
        if (place := self.places.resolve(surface)) is not None and place.kind == "city":
            return None
        if kind == "person" or person_key(surface) in self._persons:
            return self._name(surface, "person", _NO_REPORT)
        if kind in _SOURCE_SUBTYPES:
            found = self._name(surface, "group", _NO_REPORT)
            if found is not None and found.subtype is None:
                found.subtype = _SOURCE_SUBTYPES[kind]
            return found
        return None

    def _merge(self, occurrences: list[_Name], declared: list[Declaration]) -> dict[str, str]:
        """Node -> entity id, joining spellings and lone words across the corpus.

        Names join only within one type, unless a name's type was only guessed from its shape
        ("Medisan Lux Clinik" looks like a person's name), or the corpus says outright that two
        names are one: a report declares it ("also called"), or a group's name is given without
        its last word ("Medisan Lux" for "Medisan Lux Clinic")."""
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
        by_key: dict[str, list[str]] = defaultdict(list)
        for node in plain:
            by_key[by_node[node].key].append(node)
        for declaration in declared:
            named = by_key.get(person_key(proper_phrase(declaration.name)), [])
            for node in by_key.get(person_key(proper_phrase(declaration.alias)), []):
                if named:
                    uf.union(named[0], node)
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
                holding = {
                    uf.find(f)
                    for f in fulls
                    if compatible(single, f) and _holds(by_node[f].type, by_node[f].key, token)
                }
                if len(holding) == 1:
                    uf.union(single, holding.pop())
            for i, a in enumerate(fulls):
                for b in fulls[i + 1 :]:
                    if compatible(a, b) and fuzz.ratio(
                        by_node[a].key, by_node[b].key, score_cutoff=FUZZY_CUTOFF
                    ):
                        uf.union(a, b)
        people = [node for node in plain if by_node[node].type == "person"]
        endings = {  # "Ossei-Lund" of "Amara Ossei-Lund"
            node: [" ".join(words[i:]) for i in range(1, len(words) - 1)]
            for node in people
            for words in [by_node[node].key.split()]
        }
        _join_shorter(endings, {k: [n for n in v if n in endings] for k, v in by_key.items()}, uf)
        stems = {node: [stem] for node in plain if (stem := _stem(by_node[node])) is not None}
        _join_shorter(stems, by_key, uf)
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
            first = min(names, key=_authority)
            shown = [n for n in names if n.type == first.type] or names
            own = [n for n in shown if person_key(_display(n)) == n.key]  # not a short form
            full = [n for n in own if " " in n.key] or own or shown  # "the Brotherhood" is short
            full = [n for n in full if n.written] or full  # roles repeat a name claim by claim
            surfaces = Counter(_display(n) for n in full)
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


def _authority(n: _Name) -> tuple[bool, bool, bool, bool, bool, str]:
    """Which of an entity's names says best what it is: the alias table, a gazetteer place or
    an outlet, a group's own word ("clinic", "gang"), a name whose type is read rather than
    guessed; the node breaks ties so the choice does not depend on input order."""
    return (
        n.known is None,
        n.place is None and n.outlet is None,
        not (n.type == "group" and any(t in GROUP_WORDS for t in n.key.split())),
        n.guessed,
        n.type != "person",
        n.node,
    )


def _specific(places: list[_Name], nodes: dict[str, str]) -> list[str]:
    """The most precise geocoded places of a claim: its towns, or its countries if it names none.
    Claims with no named perpetrator meet only through these, so that "North Macedonia" does not
    join every act anywhere in the country; a region across countries ("Europe", "the
    Balkans") never joins claims, one inside a country ("Sinai") counts as that country."""
    towns = [n for n in places if n.place is not None and n.place.kind == "city"]
    chosen = towns or [
        n for n in places if n.place is not None and (n.place.kind == "country" or n.place.country)
    ]
    return list(dict.fromkeys(nodes[n.node] for n in chosen))


def _by_node(n: _Name) -> str:
    return n.node


def _placed(surface: str, place: Place) -> _Name:
    return _Name("place", name_key(surface), surface, country=place.country, place=place)


def _of_outlet(outlet: Outlet) -> _Name:
    return _Name("group", outlet.key, outlet.name, "outlet", outlet=outlet)


def _join_shorter(
    shorter: dict[str, list[str]], by_key: dict[str, list[str]], uf: UnionFind[str]
) -> None:
    """Join each shorter form (node -> the shorter keys its name may be written as) to the
    nodes written that way, when exactly one entity has that shorter form."""
    holders: dict[str, set[str]] = defaultdict(set)
    for node, keys in shorter.items():
        for key in keys:
            holders[key].add(uf.find(node))
    for key, found in sorted(holders.items()):
        if len(found) == 1:
            (holder,) = found
            for node in by_key.get(key, []):
                uf.union(holder, node)


def _stem(n: _Name) -> str | None:
    """A group's name without the common nouns after it ("Jasen Vukovi gang members") or its
    closing group word ("Medisan Lux Clinic"): how other reports may write it. None when fewer
    than two words would be left, which would be too little to go on."""
    if n.type != "group" or n.known is not None:
        return None
    words = proper_phrase(n.surface).split()
    while words and not capitalised(words[-1]):
        words.pop()
    if words and name_key(words[-1]) in GROUP_WORDS:
        words.pop()
    stem = name_key(" ".join(words))
    return stem if len(stem.split()) >= 2 and stem != n.key else None


def _holds(type_: str, full: str, word: str) -> bool:
    """A person's lone word is their surname; a group's is the last word of its name ("the
    Brotherhood"), or any word but a group word when its name ends in one ("Medisan" of
    "Medisan Lux Clinic"), never an adjective before its name ("Balkan" of "Balkan kidney
    gang")."""
    words = full.split()
    if words[-1] == word or type_ == "person" or words[-1] not in GROUP_WORDS:
        return words[-1] == word
    return word in words[1:-1] or (word == words[0] and len(words) == 2)


def _display(n: _Name) -> str:
    """The surface form to show: honorifics and a leading article dropped."""
    words = n.surface.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if n.type == "person":
        while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
            words = words[1:]
    return " ".join(words) or n.surface
