"""Victims' names, masked wherever clew shows or exports text, unless a user asks otherwise.

Reports about trafficking often name survivors. An analyst needs the facts of what happened to
them, rarely the names, and a page or dossier that leaves clew can travel far; so every view and
export masks the names by default and says that it did. One function decides which names are
victims' and one masks them, so the web UI and the exports cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clew.model import Claim, Mention

MASK = "[victim]"


def victim_names(claims: Iterable[Claim], mentions: Iterable[Mention]) -> set[str]:
    """The person names that sit inside a claim's victim phrase.

    A victim phrase such as "Amira K., a 24-year-old woman" is masked through the person mention
    inside it; generic phrases ("migrants", "30 children") hold no person mention and stay, and
    so do the names of the accused.
    """
    people = {m.text for m in mentions if m.label == "person" and len(m.text.strip()) > 1}
    names: set[str] = set()
    accused: set[str] = set()
    for claim in claims:
        for phrase in claim.victims:
            names.update(name for name in people if name in phrase)
        for phrase in claim.perpetrators:
            accused.update(name for name in people if name in phrase)
    # someone named as a perpetrator anywhere (a suspect "jailed" reads like an object of the
    # act) is never masked: hiding the accused would hide the allegation itself
    return names - accused


def mask(text: str, names: Iterable[str]) -> str:
    """The text with every occurrence of each name, and of its parts, replaced by MASK.

    The surname alone ("Ms K.") or the given name alone often follows the full name in a report,
    so each part of two letters or more is masked too, as a whole word.
    """
    parts: set[str] = set()
    for name in names:
        parts.add(name)
        parts.update(p for p in re.split(r"\s+", name) if len(p.strip(".,")) >= 2)
    if not parts:
        return text
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return pattern.sub(MASK, text)
