"""Cutting report text into marked pieces: spans, overlaps, masking and escaping."""

from __future__ import annotations

from clew.model import Claim, Mention, Source
from clew.privacy import MASK, mask
from clew.serve import highlight
from clew.serve.highlight import Span
from clew.serve.templating import templates

# Fiction: invented names and places.
TEXT = "Police said the Orlan Syndicate took kidneys from Lena Vark in Tarvel."


def at(word: str, offset: int = 0) -> tuple[int, int]:
    start = TEXT.index(word) + offset
    return start, start + len(word)


def test_pieces_join_back_to_the_text_and_keep_the_longer_of_overlapping_spans() -> None:
    spans = [
        Span(*at("Orlan Syndicate"), "actor"),
        Span(*at("Syndicate"), "actor"),
        Span(*at("Tarvel"), "place"),
    ]
    pieces = highlight.cut(TEXT, spans)
    assert "".join(p.text for p in pieces) == TEXT
    assert [p.text for p in pieces if p.span] == ["Orlan Syndicate", "Tarvel"]


def test_spans_outside_the_text_are_dropped() -> None:
    pieces = highlight.cut("short", [Span(2, 40, "actor"), Span(3, 3, "place")])
    assert [p.text for p in pieces] == ["short"]


def test_victims_are_marked_and_their_names_masked_in_every_piece() -> None:
    claim = Claim(
        article_id="a",
        act="organ_removal",
        text=TEXT,
        start=100,
        end=100 + len(TEXT),
        victims=["Lena Vark"],
        sources=[Source("Police", "official")],
    )
    found = [
        Mention("a", "Orlan Syndicate", "group", *at("Orlan Syndicate", 100), "e1"),
        Mention("a", "Lena Vark", "person", *at("Lena Vark", 100), "e2"),
        Mention("a", "Tarvel", "place", *at("Tarvel", 100), "e3"),
        Mention("b", "Police", "group", *at("Police", 100), "e4"),  # another article's
    ]
    pieces = highlight.sentence(claim, found, lambda text: mask(text, {"Lena Vark"}))
    marked = {p.text: p.span for p in pieces if p.span}
    assert marked[MASK].kind == "victim"
    assert marked["Orlan Syndicate"].href == "/entities/e1"
    assert marked["Tarvel"].kind == "place"
    assert "Police" not in marked
    assert "Lena" not in "".join(p.text for p in pieces)


def test_a_report_nests_entities_and_sources_inside_its_claims() -> None:
    text = "Intro line. " + TEXT + " Outro."
    start = len("Intro line. ")
    claim = Claim(
        article_id="a",
        act="organ_removal",
        text=TEXT,
        start=start,
        end=start + len(TEXT),
        modality="denied",
        sources=[Source("Police", "official")],
    )
    found = [Mention("a", "Tarvel", "place", *at("Tarvel", start), "e3")]
    pieces = highlight.article(text, [claim], found, str)
    assert "".join(p.text for p in pieces) == text
    (marked,) = [p for p in pieces if p.span]
    assert marked.span is not None and marked.span.denied
    kinds = {c.text: c.span.kind for c in marked.children if c.span}
    assert kinds == {"Police": "source", "Tarvel": "place"}


def test_pieces_are_escaped_when_rendered() -> None:
    hostile = '<script>alert(1)</script> and <img src=x onerror="alert(2)">'
    pieces = highlight.cut(hostile, [Span(0, 8, "actor", href="/entities/x")])
    macro = templates.env.get_template("macros.html").module.pieces  # type: ignore[attr-defined]
    html = str(macro(pieces))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
