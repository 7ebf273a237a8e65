"""clew_coref: who "the group", "the extremists", "they" and "he" stand for.

A deliberately simple resolver, enough that a claim's perpetrators are names rather than
pronouns: a definite noun phrase whose head is a group word ("the ring", "the syndicate")
stands for the earliest fuller mention with the same head ("an international syndicate");
a generic group word ("the group", "the extremists", "the terrorist group") or "they"/"it"
stands for the last named group (an ORG entity or a known group name); "he"/"she" for the last
named person. The result is ``doc._.clew_coref``: token index -> name.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from clew.extract import lexicons
from clew.extract.components.common import SPANS_KEY, noun_phrase, record_error
from clew.schema import SCHEMA_DIR

GROUP_PRONOUNS = ["they", "them", "it"]
PERSON_PRONOUNS = ["he", "him", "she", "her"]
BYSTANDER_GROUPS = {"police", "ministry", "court", "ngo", "un_body", "outlet"}
GENERIC_HEADS = ["group", "organisation", "organization", "outfit", "movement", "regime"]


class Coref:
    def __init__(self, nlp: Language, schema_dir: Path) -> None:
        every = lexicons.group_types(schema_dir)
        groups = [g for g in every if g.perpetrator]
        # words that make an organisation a watchdog rather than a suspect ("the Forum for
        # Victims' Rights", "the Lagos Police Service"): never what "they" stands for
        self.bystander_words = {
            w.lower() for g in every if g.id in BYSTANDER_GROUPS for w in (*g.heads, *g.name_words)
        }
        self.named_heads = {h for g in groups if g.id == "armed_group" for h in g.heads}
        self.named_heads.update(GENERIC_HEADS)
        self.gang_heads = {h for g in groups if g.id != "armed_group" for h in g.heads}
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("pronoun", [[{"LOWER": {"IN": GROUP_PRONOUNS + PERSON_PRONOUNS}}]])
        heads = sorted(self.named_heads | self.gang_heads)
        self.matcher.add(
            "definite",
            [
                [
                    {"LOWER": "the"},
                    {"OP": "*", "POS": {"IN": ["ADJ", "NOUN"]}},
                    {"LEMMA": {"IN": heads}, "POS": "NOUN"},
                ]
            ],
        )
        self.matcher.add("gang", [[{"LEMMA": {"IN": sorted(self.gang_heads)}, "POS": "NOUN"}]])

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.clew_coref = self.resolve(doc)
        except Exception as exc:
            doc._.clew_coref = {}
            record_error(doc, "clew_coref", exc)
        return doc

    def resolve(self, doc: Doc) -> dict[int, str]:
        # Named actors in text order: (token index, kind, name).
        actors: list[tuple[int, str, str]] = []
        for ent in doc.ents:
            if "\n" in ent.text or _alias(ent):
                continue  # a name never spans a line break: a tagging slip
            if ent.label_ == "PERSON":
                actors.append((ent.start, "person", ent.text))
            elif ent.label_ == "ORG" and not self.bystander(ent):
                actors.append((ent.start, "group", ent.text))
        if SPANS_KEY in doc.spans:
            for span in doc.spans[SPANS_KEY]:
                if span.label_ == "GROUP_NAME" and span.id_ == "armed_group":
                    actors.append((span.start, "group", span.text))
        actors.sort()
        # Fuller mentions of gang-like heads ("an international syndicate"), first one wins.
        described: dict[str, tuple[int, str]] = {}
        anaphors: list[tuple[int, str]] = []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "pronoun":
                anaphors.append((start, "pronoun"))
            elif kind == "definite":
                anaphors.append((end - 1, "definite"))
            else:
                head = doc[start]
                if any(c.dep_ in {"amod", "compound"} for c in head.lefts):
                    lemma = head.lemma_.lower()
                    if lemma not in described:
                        described[lemma] = (start, noun_phrase(head, keep_det=False).text)
        result: dict[int, str] = {}
        for i, kind in sorted(set(anaphors)):
            token = doc[i]
            if kind == "pronoun":
                want = "person" if token.lower_ in PERSON_PRONOUNS else "group"
                name = _last(actors, i, want)
            elif token.lemma_.lower() in self.named_heads:
                name = _last(actors, i, "group")
            else:
                earlier = described.get(token.lemma_.lower())
                name = earlier[1] if earlier and earlier[0] < i else None
            if name:
                result[i] = name
        return result

    def bystander(self, ent: Span) -> bool:
        return any(
            t.lower_ in self.bystander_words or t.lemma_.lower() in self.bystander_words
            for t in ent
        )


def _alias(ent: Span) -> bool:
    """ "the Grey Herons, or Garzas Grises,": a second name for the group just named."""
    root = ent.root
    return (
        root.dep_ in {"conj", "appos"}
        and root.head.ent_type_ == "ORG"
        and any(c.lower_ == "or" for c in root.head.children)
    )


def _last(actors: list[tuple[int, str, str]], before: int, kind: str) -> str | None:
    for i, k, name in reversed(actors):
        if i < before and k == kind:
            return name
    return None


@Language.factory(
    "clew_coref",
    default_config={"schema_dir": None},
    requires=["doc.ents", "doc.spans", "token.tag"],
    assigns=["doc._.clew_coref"],
)
def make_coref(nlp: Language, name: str, schema_dir: str | None) -> Coref:
    return Coref(nlp, Path(schema_dir) if schema_dir else SCHEMA_DIR)
