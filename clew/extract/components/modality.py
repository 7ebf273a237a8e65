"""clew_modality: how firmly each claim is made, and by whom.

Cues from clew/schema/modality_cues.yaml (denials, rumours, allegations) are matched in each
claim's sentence; a claim with a source is at least ``reported``; a reporting verb that frames
a claim ("X claimed") makes it ``alleged``. The highest rank wins (modalities.yaml), so a hedge
wins over an attribution. Fills ``modality`` and ``sources`` of every claim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from clew.extract import lexicons
from clew.extract.components.common import record_error
from clew.schema import SCHEMA_DIR


class Modality:
    def __init__(self, nlp: Language, schema_dir: Path) -> None:
        self.cues = {c.modality: c for c in lexicons.modality_cues(schema_dir)}
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue in self.cues.values():
            if cue.lemmas:
                words = list(cue.lemmas)
                self.matcher.add(
                    cue.modality, [[{"LEMMA": {"IN": words}}], [{"LOWER": {"IN": words}}]]
                )
            if cue.phrases:
                self.phrases.add(cue.modality, [nlp.make_doc(p) for p in cue.phrases])

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.assign(doc)
        except Exception as exc:
            for claim in doc._.clew_claims or []:
                claim.setdefault("modality", "asserted")
                claim.setdefault("sources", [])
            record_error(doc, "clew_modality", exc)
        return doc

    def assign(self, doc: Doc) -> None:
        claims = doc._.clew_claims or []
        if not claims:
            return
        sents = list(doc.sents)
        sent_of = {s.start: n for n, s in enumerate(sents)}
        cues: dict[int, set[str]] = {}
        for match_id, start, _end in [*self.matcher(doc), *self.phrases(doc)]:
            cues.setdefault(sent_of[doc[start].sent.start], set()).add(doc.vocab.strings[match_id])
        attributions = doc._.clew_attributions or []
        for claim in claims:
            n = claim["sentence"]
            attribution = attributions[n] if n < len(attributions) else {}
            chain = list(attribution.get("chain", []))
            found = {"asserted"}
            if chain or _continues_report(doc, sents, attributions, n):
                found.add("reported")
            if attribution.get("hedge") and attribution.get("own"):
                found.add("alleged")
            for modality in cues.get(n, ()):
                if claim["act"] not in self.cues[modality].not_for:
                    found.add(modality)
            if _negated(doc[claim["trigger"]]):
                found.add("denied")  # "I have never taken a kidney from anyone"
            claim["modality"] = max(found, key=lexicons.modality_rank)
            claim["sources"] = chain


def _negated(trigger: Token) -> bool:
    """The act's own verb is negated ("never took", "did not sell") as what the sentence or
    its speaker says, not inside a clause that describes someone ("people who can't pay")."""
    return (
        trigger.pos_ == "VERB"
        and trigger.dep_ in {"ROOT", "ccomp", "conj"}
        and any(c.dep_ == "neg" for c in trigger.children)
    )


def _continues_report(
    doc: Doc, sents: list[Span], attributions: list[dict[str, Any]], n: int
) -> bool:
    """A sentence that goes on, in the same paragraph, from one citing a source is still the
    source's account ("Police said five were held. The suspects sold kidneys."), so it is
    reported, even where the chain is left to the sentence that names the source."""
    if n == 0 or n > len(attributions):
        return False
    before = doc.text[: sents[n].start_char]
    if before[len(before.rstrip()) :].count("\n") >= 2:
        return False
    return bool(attributions[n - 1].get("chain"))


@Language.factory(
    "clew_modality",
    default_config={"schema_dir": None},
    requires=["doc._.clew_claims", "doc._.clew_attributions"],
    assigns=["doc._.clew_claims"],
)
def make_modality(nlp: Language, name: str, schema_dir: str | None) -> Modality:
    return Modality(nlp, Path(schema_dir) if schema_dir else SCHEMA_DIR)
