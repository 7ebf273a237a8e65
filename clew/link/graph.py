"""The link stage's result: everything clew knows about a corpus once its reports are joined."""

from __future__ import annotations

from dataclasses import dataclass, field

from clew.link.citations import Citation
from clew.link.copies import CopiedSpan
from clew.link.entities import ClaimRoles
from clew.link.outlets import OutletResolver
from clew.model import Allegation, Article, ArticleLink, Claim, Entity, EvidenceLine, Mention


@dataclass
class Graph:
    """Entities, allegations with their lines of evidence, and the links between reports.

    Built whole from the whole claim set by :func:`clew.link.link_corpus`; ``claims`` and
    ``articles`` are kept so grading and display can quote the evidence.
    """

    articles: dict[str, Article] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, ClaimRoles] = field(default_factory=dict)
    allegations: list[Allegation] = field(default_factory=list)
    lines: dict[str, list[EvidenceLine]] = field(default_factory=dict)  # by allegation id
    links: list[ArticleLink] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    copied: list[CopiedSpan] = field(default_factory=list)
    outlets: OutletResolver = field(default_factory=OutletResolver)
    # reports whose metadata named no outlet, so ingest wrote their domain: the outlet's name as
    # the corpus's other reports from that domain give it ("viraldesk.example" -> "ViralDesk")
    outlet_names: dict[str, str] = field(default_factory=dict)
    _index: dict[str, Allegation] = field(default_factory=dict, repr=False, compare=False)

    def allegation(self, allegation_id: str) -> Allegation | None:
        if len(self._index) != len(self.allegations):
            self._index = {a.id: a for a in self.allegations}
        return self._index.get(allegation_id)
