"""Doc extensions shared by clew's components, and small helpers over spaCy tokens.

Components exchange plain dicts and lists (never spaCy objects) through these extensions, so a
Doc processed in a worker of ``nlp.pipe(n_process=…)`` carries its results back intact.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

SPANS_KEY = "clew"
"""Key of ``doc.spans`` where clew_entities puts organs, groups, person nouns and goods."""

EXTENSIONS = (
    "clew_coref",  # dict: token index -> the name an anaphor ("the group", "they") stands for
    "clew_quantities",  # list of dicts: label count|age|money, start, end (token), text, value
    "clew_attributions",  # list, one per sentence: {"chain": [...], "hedge": bool, "own": bool}
    "clew_claims",  # list of dicts, one per (sentence, act): see claims.py
    "clew_errors",  # list of str: a component that failed on this doc says so here
)

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

PERSON_LABELS = {"PERSON"}
GROUP_LABELS = {"ORG", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


def record_error(doc: Doc, component: str, exc: BaseException) -> None:
    """Keep a component's failure on the doc: one bad article must not stop a batch."""
    errors = doc._.clew_errors or []
    errors.append(f"{component}: {type(exc).__name__}: {exc}")
    doc._.clew_errors = errors


def span_index(doc: Doc) -> dict[int, list[tuple[str, str]]]:
    """Token index -> (label, id) of every clew span covering it."""
    index: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if SPANS_KEY in doc.spans:
        for span in doc.spans[SPANS_KEY]:
            for i in range(span.start, span.end):
                index[i].append((span.label_, span.id_))
    return index


def sentence_index(doc: Doc) -> list[Span]:
    return list(doc.sents)


def ent_of(token: Token) -> Span | None:
    """The named entity a token belongs to, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


_NP_DEPS = {"compound", "amod", "nummod", "det", "poss", "nmod", "quantmod", "advmod", "npadvmod"}


def noun_phrase(token: Token, *, keep_det: bool = True, with_prep: bool = False) -> Span:
    """The noun phrase headed by ``token``: its left modifiers, optionally one `of`/`in` phrase."""
    ent = ent_of(token)
    if ent is not None and token.ent_type_ in PERSON_LABELS | GROUP_LABELS | PLACE_LABELS:
        start, end = ent.start, ent.end
    else:
        start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ in _NP_DEPS or (child.dep_ == "punct" and child.text == "-"):
            start = min(start, child.left_edge.i)
    if with_prep:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"} and child.i == end:
                right = child.right_edge.i + 1
                if right - start <= 10:
                    end = right
                break
    doc = token.doc
    while start < end - 1 and (
        doc[start].is_punct or (not keep_det and doc[start].lower_ in DETERMINERS)
    ):
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("doctors and nurses")."""
    return [token, *[c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON"}]]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
