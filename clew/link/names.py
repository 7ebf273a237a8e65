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
        "prosecutor", "inspector", "commissioner", "detective", "sergeant", "minister", "senator",
        "mayor", "governor", "president", "spokesman", "spokeswoman", "spokesperson", "lawyer",
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


NAME_PARTICLES = frozenset(
    {"al", "el", "de", "da", "di", "du", "dos", "das", "del", "van", "von", "der", "den", "bin",
     "ibn", "bint", "abu", "ben", "la", "le"}
)  # fmt: skip
_NICKNAME = re.compile(
    r"(?<=\w) [\"\u201c\u2018][^\"\u201c\u201d\u2018\u2019]+[\"\u201d\u2019] (?=\w)"
)
_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]|(?<!\w)[\u2018\u2019']|[\u2018](?=\w)")


def proper_phrase(phrase: str) -> str:
    """A name as a report wrote it, without the words around it that are not the name: quotes
    and the lower-case words before it ("the feared Bratstvo Vardar gang" -> "Bratstvo Vardar
    gang", "the pair's Vardar Brotherhood" -> "Vardar Brotherhood"), and a nickname quoted
    inside a person's name ('Ilija "Kum" Dervenski' -> "Ilija Dervenski"; clew.link.declared
    keeps the nickname as an alias). Name particles stay ("al-Shabaab", "bin Laden"); a phrase
    with no capital at all is returned as it was."""
    words = _QUOTES.sub("", _NICKNAME.sub(" ", phrase)).split()
    start = 0
    while start < len(words) and not capitalised(words[start]):
        if words[start].lower() in NAME_PARTICLES and start + 1 < len(words):
            break
        start += 1
    return " ".join(words[start:]) if start < len(words) else phrase.strip()


def capitalised(word: str) -> bool:
    """Whether a word carries a capital anywhere ("al-Shabaab", "McAllister", "ISIS")."""
    return any(c.isupper() for c in word)
