"""One Jinja2 environment for every page, so pages share filters, autoescaping and the layout.

Autoescaping is on for every template (Starlette's default for ``.html``): report text is shown
as text, never as markup, however it was written. Page modules render through :func:`render`
rather than building their own environment, so a filter added here is available everywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clew import __version__
from clew.grade.admiralty import Rules, load_rules
from clew.schema import act_types, modalities, source_kinds

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["clew_version"] = __version__


@cache
def _rules() -> Rules:
    return load_rules()


def act_label(act: str) -> str:
    term = act_types().get(act)
    return term.label if term else act.replace("_", " ").capitalize()


# The actors of most acts did them ("organ sale by X"); those of official action are its object.
ACTOR_PREPOSITIONS = {
    "arrest": "of",
    "prosecution": "of",
    "investigation": "about",
    "rescue": "from",
}


def actor_preposition(act: str) -> str:
    return ACTOR_PREPOSITIONS.get(act, "by")


def kind_label(kind: str) -> str:
    term = source_kinds().get(kind)
    return term.label if term else kind


def modality_label(modality: str) -> str:
    term = modalities().get(modality)
    return term.label if term else modality


def grade_meaning(grade: str | None) -> str:
    """ "B2" -> "Usually reliable; probably true", in admiralty.yaml's own words."""
    if not grade or len(grade) != 2 or not grade[1].isdigit():
        return "not graded"
    rules = _rules()
    letter = rules.reliability_labels.get(grade[0], grade[0])
    digit = rules.credibility_labels.get(int(grade[1]), grade[1])
    return f"{letter}; {digit.lower()}"


def grade_class(grade: str | None) -> str:
    """The badge colour follows credibility (a lone letter, its reliability): good, middling,
    poor, and "cannot be judged" in grey rather than alarm red."""
    if grade and len(grade) == 1 and grade.isalpha():  # a reliability letter on its own
        return {"A": "g-good", "B": "g-good", "C": "g-mid", "D": "g-mid", "E": "g-weak"}.get(
            grade, "g-none"
        )
    if not grade or not grade[-1].isdigit():
        return "g-none"
    digit = int(grade[-1])
    return {1: "g-good", 2: "g-good", 3: "g-mid", 4: "g-mid", 5: "g-weak"}.get(digit, "g-none")


templates.env.filters.update(
    act_label=act_label,
    actor_preposition=actor_preposition,
    kind_label=kind_label,
    modality_label=modality_label,
    grade_meaning=grade_meaning,
    grade_class=grade_class,
)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page ``name`` rendered with ``context``; ``request`` lets templates build URLs."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)
