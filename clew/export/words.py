"""The sentences every format shares: an allegation said in plain words, and its grade spelled
out, so an FtM note, a GraphML label and a dossier heading say the same thing."""

from __future__ import annotations

from functools import cache

from clew.model import Allegation, Source
from clew.schema import SCHEMA_DIR, load_yaml, terms


def act_label(act: str) -> str:
    term = terms("act_types").get(act)
    return term.label if term else act.replace("_", " ").capitalize()


def modality_label(modality: str) -> str:
    term = terms("modalities").get(modality)
    return term.label if term else modality


@cache
def _scales() -> tuple[dict[str, str], dict[str, str]]:
    data = load_yaml(SCHEMA_DIR / "admiralty.yaml")
    letters = {str(x["id"]): str(x["label"]) for x in data["reliability"]["scale"]}
    digits = {str(x["id"]): str(x["label"]) for x in data["credibility"]["scale"]}
    return letters, digits


def grade_words(grade: str | None) -> str:
    """ "B1" -> "usually reliable source, confirmed by other sources"."""
    if not grade or len(grade) != 2:
        return "not graded"
    letters, digits = _scales()
    letter = letters.get(grade[0], grade[0])
    digit = digits.get(grade[1], grade[1])
    return f"{letter.lower()} source; {digit.lower()}"


def _listing(items: list[str], limit: int = 4) -> str:
    if len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def title(allegation: Allegation) -> str:
    """A short name: "Organ sale by Vardar Brotherhood"."""
    who = _listing(allegation.perpetrators, 2) or "unnamed perpetrators"
    return f"{act_label(allegation.act)} by {who}"


def statement(allegation: Allegation) -> str:
    """What the reports allege, who is said to have done it, to whom and where; never a fact."""
    reports = allegation.reports
    lines = allegation.independent_lines
    sentence = (
        f"{reports} report{'s' if reports != 1 else ''} "
        f"({lines} independent line{'s' if lines != 1 else ''} of evidence) "
        f"allege {act_label(allegation.act).lower()} by "
        f"{_listing(allegation.perpetrators) or 'unnamed perpetrators'}"
    )
    if allegation.victims:
        sentence += f", against {_listing(allegation.victims, 3)}"
    if allegation.places:
        sentence += f", in or near {_listing(allegation.places)}"
    return sentence + "."


def source_words(source: Source | None) -> str:
    if source is None:
        return "the report itself"
    return f"{source.name} ({source.kind.replace('_', ' ')})"


def chain_words(sources: list[Source]) -> str:
    """An attribution chain as read aloud: "according to A, citing B"."""
    if not sources:
        return "stated by the report in its own voice"
    first, *rest = sources
    return (
        "according to " + source_words(first) + "".join(f", citing {source_words(s)}" for s in rest)
    )
