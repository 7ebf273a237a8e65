"""Name normalisation: the one place that decides when two written names are the same string.

Reports spell one name many ways ("Boranoğlu"/"Boranoglu", "Dr. Kiril Manev"/"Kiril Manev",
"the Vardar Brotherhood"/"Vardar Brotherhood"); every linker compares names only through
:func:`name_key`, so the rules cannot drift apart between entities, places and outlets.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_LEADING = ("the ", "a ", "an ")
HONORIFICS = frozenset(
    {
        "dr", "doctor", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "sheikh",
        "gen", "general", "col", "colonel", "capt", "captain", "judge", "surgeon", "imam",
    }
)  # fmt: skip
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # straight and typographic apostrophes


def fold(text: str) -> str:
    """Lower case without diacritics: "Preševo" and "Presevo" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("\u0131", "i").casefold()  # Turkish dotless i has no decomposition


def name_key(name: str) -> str:
    """The comparable form of a name: folded, punctuation and possessives dropped, a leading
    article removed, whitespace collapsed ("The Vardar  Brotherhood's" -> "vardar brotherhood")."""
    text = _POSSESSIVE.sub("", fold(name))
    text = _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()
    for article in _LEADING:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


def person_key(name: str) -> str:
    """A person's name without honorifics ("Dr. Kiril Manev" -> "kiril manev")."""
    tokens = name_key(name).split()
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def compact_key(name: str) -> str:
    """A name with no spaces at all, to compare an outlet's name with its domain
    ("The Meridian Ledger" and "meridian-ledger.example" both give "meridianledger")."""
    return name_key(name).replace(" ", "")
