"""The words clew's code, API and UI all use (see DESIGN.md, "The data model").

Stages meet only through these types: ingest makes Articles, extract makes Claims with their
Attribution chains and Mentions, link clusters Claims into Allegations, grade fills their grade.
They are plain dataclasses so that every stage, the store and the JSON API can build and read them
without importing each other.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of a text that decides whether two inputs are the same report.

    NFKC folds typographic variants (ligatures, full-width digits, non-breaking spaces) and
    whitespace is collapsed, so one article saved from two sites with different markup
    hashes to one id. Case and punctuation are kept: they can carry meaning in a quote.
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def article_id(text: str) -> str:
    """A stable id: the first 32 hex digits (128 bits) of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


def stable_id(*parts: object) -> str:
    """An id derived from the parts that define a thing, so re-processing yields the same id."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


@dataclass
class Article:
    """One report as ingested.

    ``locations`` lists every place the same text was read from (file paths, URLs, a record
    inside a JSONL file as ``path#L12``); ``ref`` is the id the input itself gave the report
    (a JSONL record's ``id``), kept so output can be matched back to the input.
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date, possibly partial: "2016", "2016-10", "2016-10-30"
    language: str | None = None
    ref: str | None = None
    locations: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Failure:
    """An input that could not be read: where it was, and why, in words a user can act on."""

    location: str
    reason: str


@dataclass(frozen=True)
class Source:
    """Who a statement is attributed to. ``kind`` is one of clew/schema/source_kinds.yaml."""

    name: str
    kind: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind}


@dataclass
class Mention:
    """A span of an article's text that names an entity (a person, group, place, organ, outlet)."""

    article_id: str
    text: str
    label: str  # an entity type of clew/schema/entity_types.yaml
    start: int
    end: int
    entity_id: str | None = None  # filled by link


@dataclass
class Entity:
    """A person, group, place or organ, with every name it goes by."""

    id: str
    name: str
    type: str
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2, for places and state bodies
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Claim:
    """One act asserted in one article, tied to its evidence span and its chain of sources.

    ``sources`` is the attribution chain from the source the article cites directly to the root
    source, the article's own outlet excluded; empty when the article states it in its own voice.
    """

    article_id: str
    act: str  # an act type of clew/schema/act_types.yaml
    text: str
    start: int
    end: int
    modality: str = "asserted"  # a modality of clew/schema/modalities.yaml
    perpetrators: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    victim_count: int | None = None
    victim_ages: str | None = None  # "9-12", "17"
    organs: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    origin: str | None = None
    destination: str | None = None
    date: str | None = None  # ISO 8601, possibly partial
    money: str | None = None  # as written, normalised: "1000000000 USD/year"
    sources: list[Source] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(self.article_id, self.act, self.start, self.end)

    @property
    def root_source(self) -> Source | None:
        return self.sources[-1] if self.sources else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sources"] = [s.to_dict() for s in self.sources]
        return data


@dataclass
class Allegation:
    """Claims from many articles about the same act by the same actors, with their grade."""

    id: str
    act: str
    claim_ids: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    root_sources: list[Source] = field(default_factory=list)
    reports: int = 0
    independent_lines: int = 0
    echoes: int = 0
    denials: int = 0
    grade: str | None = None  # NATO Admiralty code, e.g. "C3"
    rationale: list[str] = field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    # Filled by link (below this line, added with the linking stage; all optional):
    perpetrator_ids: list[str] = field(default_factory=list)  # resolved Entity ids
    place_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    related_ids: list[str] = field(default_factory=list)  # arrests, trials of the same actors
    reliability: str | None = None  # the grade's letter, A-F
    credibility: int | None = None  # the grade's digit, 1-6


@dataclass
class EvidenceLine:
    """One independent line of evidence inside an allegation: the claims that trace back to one
    root source, or that cite or copy each other, and so count as one witness however many
    reports carry them. ``reason`` says in words why these claims were put together."""

    id: str
    allegation_id: str
    root_source: Source | None
    claim_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    reason: str = ""
    reliability: str | None = None  # Admiralty letter of the root source, filled by grade

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["root_source"] = self.root_source.to_dict() if self.root_source else None
        return data


@dataclass(frozen=True)
class ArticleLink:
    """``source_article`` repeats ``target_article``: it cites it (``kind="citation"``) or reuses
    its text (``kind="copied_text"``); ``score`` is the share of reused text, 1.0 for a citation.
    The target is always the earlier report."""

    source_article: str
    target_article: str
    kind: str  # "citation" | "copied_text"
    score: float = 1.0
