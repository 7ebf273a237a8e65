"""clew_quantities: how many victims, how old, how much money.

Counts ("as many as 30 children", "six people", "a woman and her two children"), ages
("9-12 years", "a 14-year-old boy") and sums ("$10,000", "a billion dollars a year") are found
with a Matcher and the parse, and stored as plain dicts on ``doc._.clew_quantities``:
``{"label": "count"|"age"|"money", "start", "end" (token offsets), "head" (the counted
noun's index, for counts), "text", "value"}``.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from clew.extract.components.common import record_error

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "both": 2,
    "pair": 2,
    "duo": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
CURRENCIES = {
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "rupee": "INR",
    "rupees": "INR",
    "rs": "INR",
    "inr": "INR",
    "r": "ZAR",
    "rand": "ZAR",
    "yuan": "CNY",
    "pesos": "MXN",
    "peso": "MXN",
}
PERIODS = {"year": "year", "annually": "year", "month": "month", "week": "week", "day": "day"}
_DIGITS = re.compile(r"^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> int | None:
    """The first number in a run of words: "30", "1,200", "two", "10 million", "a dozen"."""
    value: float | None = None
    for raw in words:
        word = raw.lower().strip()
        if value is None:
            if _DIGITS.match(word):
                value = float(re.sub(r"[,\s]", "", word))
            elif word in NUMBER_WORDS and word not in {"a", "an"}:
                value = NUMBER_WORDS[word]
            elif word in SCALES:
                value = SCALES[word]
            elif word in {"a", "an"}:
                continue
            continue
        if word in SCALES:
            value *= SCALES[word]
        elif word == "dozen":
            value *= 12
        else:
            break
    return int(value) if value is not None else None


def normalise_money(span: Span) -> str | None:
    """Amount and currency: "$10,000" -> "10000 USD"; "a billion dollars a year" -> "1000000000
    USD/year"."""
    words = [t.text for t in span]
    amount = parse_number([w.lstrip("$€£") or w for w in words])
    if amount is None:
        return None
    doc = span.doc
    around = doc[max(span.start - 1, 0) : span.end]
    currency = next((CURRENCIES[t.lower_] for t in span if t.lower_ in CURRENCIES), None)
    if currency is None:
        symbol = next((c for c in around.text if c in "$€£"), None)
        currency = CURRENCIES.get(symbol or "", "")
    after = doc[span.end : span.end + 3]
    period = next((PERIODS[t.lemma_] for t in after if t.lemma_ in PERIODS), None)
    text = f"{amount} {currency}".strip()
    return f"{text}/{period}" if period else text


class Quantities:
    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        # "9-12 years", "9 to 12 years old"
        self.matcher.add(
            "age",
            [
                [
                    {"LIKE_NUM": True},
                    {"ORTH": {"IN": ["-", "\u2013", "to"]}},
                    {"LIKE_NUM": True},
                    {"LOWER": {"IN": ["years", "year"]}},
                ],
                [
                    {"LIKE_NUM": True},
                    {"ORTH": "-"},
                    {"LOWER": "year"},
                    {"ORTH": "-"},
                    {"LOWER": "old"},
                ],
                [{"TEXT": {"REGEX": r"^\d{1,2}-(?:\d{1,2}-)?$"}}, {"LOWER": "year"}],
            ],
        )
        self.matcher.add(
            "money",
            [
                [
                    {"LOWER": {"IN": ["a", "one", "several"]}, "OP": "?"},
                    {"LIKE_NUM": True},
                    {"LOWER": {"IN": ["dollars", "euros", "pounds", "rupees", "yuan"]}},
                ],
            ],
        )
        self.matcher.add(
            "count",
            [
                [{"DEP": "nummod"}],
                # a number standing for people: "all three were murdered", "121 of them sold"
                [{"POS": "NUM", "DEP": {"IN": ["nsubj", "nsubjpass", "dobj"]}}],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.clew_quantities = self.find(doc)
        except Exception as exc:
            doc._.clew_quantities = []
            record_error(doc, "clew_quantities", exc)
        return doc

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        money_tokens: set[int] = set()
        for ent in doc.ents:
            if ent.label_ == "MONEY":
                money_tokens.update(range(ent.start, ent.end))
                found.append(_entry("money", ent, normalise_money(ent)))
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        for label, start, end in matches:
            span = doc[start:end]
            if label == "count":
                continue
            if label == "money":
                if start in money_tokens:
                    continue
                money_tokens.update(range(start, end))
                found.append(_entry("money", span, normalise_money(span)))
            else:
                found.append(_entry("age", span, _age(span)))
        ages = {i for q in found if q["label"] == "age" for i in range(q["start"], q["end"])}
        for token in (doc[start] for label, start, _ in matches if label == "count"):
            if token.i in money_tokens or token.i in ages:
                continue
            if token.like_num and re.fullmatch(r"(1[89]|20)\d\d", token.text):
                continue  # a year, not a count
            left = token.i
            while left > 0 and doc[left - 1].dep_ in {"quantmod", "advmod"}:
                left -= 1  # "as many as", "more than", "nearly"
            span = doc[left : token.i + 1]
            value = parse_number([t.text for t in doc[token.i : token.i + 2]])
            low = _range_start(span)
            if low is not None:
                value = low  # "119 to 178 people": the figure the report vouches for
            if value is not None:
                entry = _entry("count", span, value)
                entry["head"] = token.head.i if token.dep_ == "nummod" else token.i
                found.append(entry)
        return found


def _range_start(span: Span) -> int | None:
    """The lower bound of a range of counts ("119 to 178", "20-30"), else None."""
    for a, mid in itertools.pairwise(span):
        if a.like_num and a.dep_ == "quantmod" and mid.lower_ in {"to", "-", "\u2013"}:
            return parse_number([a.text])
    return None


def _age(span: Span) -> str:
    numbers = re.findall(r"\d+", span.text)
    return "-".join(numbers[:2])


def _entry(label: str, span: Span, value: Any) -> dict[str, Any]:
    return {"label": label, "start": span.start, "end": span.end, "text": span.text, "value": value}


@Language.factory(
    "clew_quantities",
    default_config={},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.clew_quantities"],
)
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp)
