"""Report text cut into marked pieces (claims, actors, victims, places, organs) for the pages.

The pieces stay plain strings: templates escape each one as they print it, so a report can
never inject markup however it was written, and highlighting needs no HTML of its own. Victims'
names are masked piece by piece, after cutting, so the offsets the extractor gave still apply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from clew.model import Claim, Mention

# Mention labels -> the highlight a reader sees (and the CSS class that draws it).
KINDS = {"person": "actor", "group": "actor", "place": "place", "organ": "organ"}


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark, in the offsets of the text it is cut from."""

    start: int
    end: int
    kind: str  # actor, victim, place, organ, claim, source
    href: str | None = None
    title: str | None = None
    denied: bool = False


@dataclass
class Piece:
    """A run of text, marked by ``span`` or plain, possibly cut further into ``children``."""

    text: str
    span: Span | None = None
    children: list[Piece] = field(default_factory=list)


def _non_overlapping(spans: Iterable[Span], length: int) -> list[Span]:
    """The spans inside the text, earliest first and the longer of two that overlap."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start < 0 or span.end > length or span.start >= span.end:
            continue
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def cut(text: str, spans: Iterable[Span], hide: Callable[[str], str] = str) -> list[Piece]:
    """``text`` as pieces, each span marked, every piece passed through ``hide`` (masking)."""
    pieces: list[Piece] = []
    at = 0
    for span in _non_overlapping(spans, len(text)):
        if span.start > at:
            pieces.append(Piece(hide(text[at : span.start])))
        pieces.append(Piece(hide(text[span.start : span.end]), span))
        at = span.end
    if at < len(text):
        pieces.append(Piece(hide(text[at:])))
    return pieces


def entity_spans(found: Iterable[Mention], offset: int = 0) -> list[Span]:
    """Mentions as spans relative to ``offset``; resolved ones link to their entity page."""
    return [
        Span(
            m.start - offset,
            m.end - offset,
            KINDS.get(m.label, "actor"),
            href=f"/entities/{m.entity_id}" if m.entity_id else None,
        )
        for m in found
        if m.label in KINDS
    ]


def victim_spans(claim: Claim) -> list[Span]:
    """Where the claim's victim phrases occur in its sentence."""
    spans = []
    for phrase in claim.victims:
        at = claim.text.find(phrase)
        if phrase and at >= 0:
            spans.append(Span(at, at + len(phrase), "victim"))
    return spans


def sentence(claim: Claim, found: Iterable[Mention], hide: Callable[[str], str]) -> list[Piece]:
    """A claim's sentence with its victims, actors, places and organs marked."""
    inside = [m for m in found if m.article_id == claim.article_id]
    inside = [m for m in inside if m.start >= claim.start and m.end <= claim.end]
    return cut(claim.text, [*victim_spans(claim), *entity_spans(inside, claim.start)], hide)


def article(
    text: str, found_claims: Iterable[Claim], found: Iterable[Mention], hide: Callable[[str], str]
) -> list[Piece]:
    """A whole report: its claims marked, and inside and between them its named entities."""
    found = list(found)
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    for c in found_claims:
        by_sentence.setdefault((c.start, c.end), []).append(c)
    # One sentence often asserts several acts: one mark, titled with all of them.
    claim_spans = [
        Span(
            start,
            end,
            "claim",
            href=f"#claim-{same[0].id}",
            title="; ".join(f"{c.act.replace('_', ' ')} ({c.modality})" for c in same),
            denied=all(c.modality == "denied" for c in same),
        )
        for (start, end), same in by_sentence.items()
    ]
    pieces = []
    at = 0
    for span in [*_non_overlapping(claim_spans, len(text)), None]:
        end = span.start if span else len(text)
        if end > at:
            plain = [m for m in found if m.start >= at and m.end <= end]
            pieces.extend(cut(text[at:end], entity_spans(plain, at), hide))
        if span is None:
            break
        inside = [m for m in found if m.start >= span.start and m.end <= span.end]
        sources = [
            Span(i, i + len(s.name), "source")
            for c in found_claims
            if (c.start, c.end) == (span.start, span.end)
            for s in c.sources
            if (i := text[span.start : span.end].find(s.name)) >= 0
        ]
        marked = Piece(
            hide(text[span.start : span.end]),
            span,
            cut(
                text[span.start : span.end],
                [*sources, *entity_spans(inside, span.start)],
                hide,
            ),
        )
        pieces.append(marked)
        at = span.end
    return pieces
