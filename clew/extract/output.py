"""Extractions as the documents of the output contract (../shared/eval/GUIDE.md)."""

from __future__ import annotations

from typing import Any

from clew.extract.pipeline import Extraction

GUIDE_FIELDS = (
    "act",
    "text",
    "start",
    "end",
    "perpetrators",
    "victims",
    "victim_count",
    "organs",
    "locations",
    "origin",
    "destination",
    "date",
    "modality",
)


def guide_document(extraction: Extraction) -> dict[str, Any]:
    """``{"id", "claims": [...]}`` exactly as GUIDE.md shows, plus victim_ages, money, entities
    (with offsets) and error."""
    article = extraction.article
    claims = []
    for claim in extraction.claims:
        data = claim.to_dict()
        out = {key: data[key] for key in GUIDE_FIELDS}
        out["sources"] = [s.to_dict() for s in claim.sources]
        out["victim_ages"] = claim.victim_ages
        out["money"] = claim.money
        claims.append(out)
    return {
        "id": article.ref or article.id,
        "claims": claims,
        "entities": [
            {"text": m.text, "label": m.label, "start": m.start, "end": m.end}
            for m in extraction.mentions
        ],
        "error": extraction.error,
    }
