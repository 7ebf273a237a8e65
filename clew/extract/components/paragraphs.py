"""clew_paragraphs: a blank line always ends a sentence.

News text puts headlines, datelines and paragraphs on lines of their own, often without a full
stop; the parser would run them into the next sentence and blur the evidence span. Runs before
the parser, which keeps boundaries set earlier.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Paragraphs:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory(
    "clew_paragraphs",
    default_config={},
    assigns=["token.is_sent_start"],
)
def make_paragraphs(nlp: Language, name: str) -> Paragraphs:
    return Paragraphs()
