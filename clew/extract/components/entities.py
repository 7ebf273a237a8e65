"""clew_entities: the domain's own vocabulary as spans in ``doc.spans["clew"]``.

Organs (label ORGAN, id the canonical organ), group types (GROUP_NAME for names like "ISIS",
GROUP_HEAD for words like "cartel", OUTLET_WORD for words of outlet names; id the subtype),
nouns for people (PERSON_NOUN) and goods (COMMODITY). The words come from clew/schema YAML
files; matching is done by spaCy's Matcher and PhraseMatcher, never token by token in Python.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from clew.extract import lexicons
from clew.extract.components.common import SPANS_KEY, record_error
from clew.schema import SCHEMA_DIR


def _add(
    matcher: Matcher, phrases: PhraseMatcher, nlp: Language, key: str, words: tuple[str, ...]
) -> None:
    single = [w for w in words if " " not in w]
    multi = [w for w in words if " " in w]
    if single:
        matcher.add(key, [[{"LOWER": {"IN": single}}], [{"LEMMA": {"IN": single}}]])
    if multi:
        phrases.add(key, [nlp.make_doc(w) for w in multi])


class DomainEntities:
    def __init__(self, nlp: Language, schema_dir: Path) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for organ in lexicons.organs(schema_dir):
            label = "ORGAN_GENERIC" if organ.generic else "ORGAN"
            _add(self.matcher, self.phrases, nlp, f"{label}|{organ.id}", organ.terms)
        for group in lexicons.group_types(schema_dir):
            _add(self.matcher, self.phrases, nlp, f"GROUP_NAME|{group.id}", group.names)
            if group.acronyms:
                self.matcher.add(
                    f"GROUP_NAME|{group.id}", [[{"ORTH": {"IN": list(group.acronyms)}}]]
                )
            _add(self.matcher, self.phrases, nlp, f"GROUP_HEAD|{group.id}", group.heads)
            _add(self.matcher, self.phrases, nlp, f"OUTLET_WORD|{group.id}", group.name_words)
        terms = lexicons.victim_terms(schema_dir)
        _add(self.matcher, self.phrases, nlp, "PERSON_NOUN|person", terms.persons)
        _add(self.matcher, self.phrases, nlp, "COMMODITY|commodity", terms.commodities)

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc.spans[SPANS_KEY] = self.find(doc)
        except Exception as exc:  # one bad text must not stop the batch
            doc.spans[SPANS_KEY] = []
            record_error(doc, "clew_entities", exc)
        return doc

    def find(self, doc: Doc) -> list[Span]:
        vocab = doc.vocab.strings
        found: dict[tuple[int, int, str], Span] = {}
        for match_id, start, end in [*self.matcher(doc), *self.phrases(doc)]:
            label, _, ident = vocab[match_id].partition("|")
            found[(start, end, label)] = Span(doc, start, end, label=label, span_id=ident)
        # One label per (span, label); a multi-word name wins over its single words.
        names = filter_spans([s for s in found.values() if s.label_ == "GROUP_NAME"])
        rest = [s for s in found.values() if s.label_ != "GROUP_NAME"]
        return sorted([*names, *rest], key=lambda s: (s.start, s.end))


@Language.factory(
    "clew_entities",
    default_config={"schema_dir": None},
    requires=["token.lemma"],
    assigns=["doc.spans"],
)
def make_entities(nlp: Language, name: str, schema_dir: str | None) -> DomainEntities:
    return DomainEntities(nlp, Path(schema_dir) if schema_dir else SCHEMA_DIR)
