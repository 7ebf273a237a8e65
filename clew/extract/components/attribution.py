"""clew_attribution: who says so, from the source the report cites to the root source.

For each sentence, ``doc._.clew_attributions[i]`` is ``{"chain": [{"name", "kind"}, …],
"hedge": bool, "own": bool}``: the chain from the outermost speaker to the innermost, whether a
reporting verb frames it as a claim ("claimed", "alleged"), and whether the sentence names its
source itself (``own``) or carries on an earlier one. The rules, in the order they apply:

* a reporting verb's subject is a source; a reporting verb inside its clause adds a deeper
  one ("X reported that a source … revealed that …");
* "according to X", "citing X" add X;
* a relayed report adds its author and its source ("relayed a report by Y, whose source was Z");
* a speaker that points back ("the source further revealed", "he added", "the doctor claimed")
  takes the chain of the earlier sentence that introduced it;
* a sentence inside a quotation takes the chain of the sentence that attributes the quotation;
* a sentence without a source carries on an earlier report, as ``inherit`` says: the previous
  sentence's within a paragraph (``paragraph``) or the document (``document``), or the outlet
  or official a relayed story names in its first paragraph (``lead``, clew's default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from clew.extract import lexicons
from clew.extract.components.common import SPANS_KEY, ent_of, noun_phrase, record_error
from clew.schema import SCHEMA_DIR

OPEN_QUOTES = "“«\u201e"
CLOSE_QUOTES = "”»"
TITLE_KINDS = {"police", "ministry"}
INHERIT = {"none", "paragraph", "document", "lead"}


class Attribution:
    def __init__(
        self, nlp: Language, schema_dir: Path, inherit: str, lead_kinds: list[str]
    ) -> None:
        if inherit not in INHERIT:
            raise ValueError(f"clew_attribution: inherit must be one of {sorted(INHERIT)}")
        self.inherit = inherit
        self.lead_kinds = set(lead_kinds)
        self.cues = lexicons.attribution_cues(schema_dir)
        self.kind_of_head: dict[str, tuple[str, str]] = {}
        self.kind_of_acronym: dict[str, tuple[str, str]] = {}
        self.outlet_words: set[str] = set()
        for group in lexicons.group_types(schema_dir):
            for word in (*group.heads, *group.names):
                self.kind_of_head.setdefault(word, (group.source_kind, group.id))
            for acronym in group.acronyms:
                self.kind_of_acronym.setdefault(acronym, (group.source_kind, group.id))
            self.outlet_words.update(group.name_words)
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("verb", [[{"LEMMA": {"IN": list(self.cues.verbs)}, "POS": "VERB"}]])
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("prep", [nlp.make_doc(p) for p in self.cues.prepositions])
        self.phrases.add("anonymous", [nlp.make_doc(p) for p in self.cues.anonymous_phrases])
        # "there were reports that …", "rumours of …", "allegations that …": hearsay as a source.
        hearsay = ["report", "rumour", "rumor", "allegation", "claim", "account", "speculation"]
        self.matcher.add("hearsay", [[{"LEMMA": {"IN": hearsay}, "TAG": "NNS"}]])

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.clew_attributions = self.attribute(doc)
        except Exception as exc:
            doc._.clew_attributions = [
                {"chain": [], "hedge": False, "own": False} for _ in doc.sents
            ]
            record_error(doc, "clew_attribution", exc)
        return doc

    # -- per document ------------------------------------------------------------------------
    def attribute(self, doc: Doc) -> list[dict[str, Any]]:
        sents = list(doc.sents)
        sent_of = {s.start: n for n, s in enumerate(sents)}
        verbs: dict[int, list[Token]] = {}
        preps: dict[int, list[Token]] = {}
        anonymous: set[int] = set()
        hearsay: dict[int, Token] = {}
        for match_id, start, _end in self.matcher(doc):
            n = sent_of[doc[start].sent.start]
            if doc.vocab.strings[match_id] == "hearsay":
                hearsay.setdefault(n, doc[start])
            else:
                verbs.setdefault(n, []).append(doc[start])
        for match_id, start, end in self.phrases(doc):
            n = sent_of[doc[start].sent.start]
            if doc.vocab.strings[match_id] == "prep":
                preps.setdefault(n, []).append(doc[end - 1])
            else:
                anonymous.update(range(start, end))
        result: list[dict[str, Any]] = []
        history: list[dict[str, Any]] = []  # every element seen, with the chain up to it
        for n, sent in enumerate(sents):
            chain, hedge = self.own_chain(sent, verbs.get(n, []), preps.get(n, []), anonymous)
            if not chain and n in hearsay:
                token = hearsay[n]
                chain = [
                    {
                        "name": noun_phrase(token).text,
                        "kind": "anonymous",
                        "head": token.lemma_.lower(),
                        "verb": -1,
                    }
                ]
                hedge = False
            chain = self.resolve_anaphora(chain, history)
            for k, element in enumerate(chain):
                history.append({**element, "chain": chain[: k + 1]})
            result.append(
                {"chain": [_public(e) for e in chain], "hedge": hedge, "own": bool(chain)}
            )
        self.carry(doc, sents, result)
        return result

    def carry(self, doc: Doc, sents: list[Span], result: list[dict[str, Any]]) -> None:
        """Sentences without a source of their own take one from their quotation or paragraph."""
        quoted = _quotation_of(doc.text, sents)
        for region in quoted:
            own = [n for n in region if result[n]["own"]]
            if own:
                source = result[own[-1]]
            elif region[0] > 0 and result[region[0] - 1]["chain"]:
                source = result[region[0] - 1]
            else:
                continue
            for n in region:
                if not result[n]["own"]:
                    result[n] = {"chain": source["chain"], "hedge": source["hedge"], "own": False}
        if self.inherit == "none":
            return
        if self.inherit == "lead":
            lead = self.lead_chain(doc, sents, result)
            for n, found in enumerate(result):
                if lead and not found["chain"]:
                    result[n] = {"chain": lead, "hedge": False, "own": False}
            return
        for n in range(1, len(sents)):
            if result[n]["chain"] or not result[n - 1]["chain"]:
                continue
            before = doc.text[: sents[n].start_char]
            gap = before[len(before.rstrip()) :]
            if self.inherit == "paragraph" and gap.count("\n") >= 2:
                continue
            prev = result[n - 1]
            result[n] = {"chain": prev["chain"], "hedge": False, "own": False}

    def lead_chain(
        self, doc: Doc, sents: list[Span], result: list[dict[str, Any]]
    ) -> list[dict[str, str]]:
        """The outlet a relayed story names in its first paragraph ("…, The Star reported").

        A report that retells another outlet's story says so once, at the top, and then tells the
        story in its own voice; every unsourced sentence of it still rests on that outlet.
        """
        for n, sent in enumerate(sents):
            before = doc.text[: sent.start_char]
            if n and before[len(before.rstrip()) :].count("\n") >= 2 and before.strip():
                break
            chain = result[n]["chain"]
            if result[n]["own"] and chain and chain[0]["kind"] in self.lead_kinds:
                return list(chain)
        return []

    # -- per sentence ------------------------------------------------------------------------
    def own_chain(
        self, sent: Span, verbs: list[Token], preps: list[Token], anonymous: set[int]
    ) -> tuple[list[dict[str, Any]], bool]:
        chain: list[dict[str, Any]] = []
        hedge = False
        framing = [v for v in verbs if _frames_content(v)]
        framing.sort(key=lambda v: _depth(v))
        used: set[int] = set()
        for verb in framing:
            if chain and not any(a.i == chain[-1]["verb"] for a in verb.ancestors):
                continue  # only verbs nested under the last one deepen the chain
            speaker = _speaker(verb)
            if speaker is None or speaker.i in used:
                continue
            if not chain and verb.lemma_.lower() in self.cues.hedging_verbs:
                hedge = True
            element = self.element(speaker, verb, anonymous)
            element["verb"] = verb.i
            chain.append(element)
            used.add(speaker.i)
            chain.extend(self.relayed(verb, speaker, anonymous))
        for prep in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None and prep.dep_ == "pcomp":
                obj = next((c for c in prep.head.children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((t for t in sent if t.i > prep.i and t.pos_ in {"NOUN", "PROPN"}), None)
                while obj is not None and obj.dep_ in {"compound", "amod"} and obj.head.i > obj.i:
                    obj = obj.head  # "an unnamed border police source": the source
            if obj is not None and obj.i not in used:
                element = self.element(obj, None, anonymous)
                element["verb"] = prep.i
                chain.append(element)
                used.add(obj.i)
                chain.extend(self.relayed(None, obj, anonymous))
        return chain, hedge

    def relayed(
        self, verb: Token | None, speaker: Token, anonymous: set[int]
    ) -> list[dict[str, Any]]:
        """Deeper sources named by a relayed report or a "whose source was" clause."""
        found: list[dict[str, Any]] = []
        seen = {speaker.i}
        holders = [speaker]
        if verb is not None:
            holders += [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        # "according to X, which cited a source in the police": X's own source
        for clause in self.citing_clauses(speaker):
            source = next((c for c in clause.children if c.dep_ in {"dobj", "obj"}), None)
            if source is not None and source.i not in seen:
                seen.add(source.i)
                found.append({**self.element(source, clause, anonymous), "verb": -1})
        for holder in holders:
            for token in holder.subtree:
                if token.i in seen:
                    continue
                author = None
                if (
                    token.dep_ == "pobj" and token.head.lower_ == "by" and holder is not speaker
                ) or (
                    token.dep_ in {"attr", "oprd"}
                    and any(
                        c.lemma_.lower() in self.cues.relay_nouns
                        for c in token.head.children
                        if c.dep_ in {"nsubj", "nsubjpass"}
                    )
                ):
                    author = token
                if author is not None:
                    seen.add(author.i)
                    found.append({**self.element(author, None, anonymous), "verb": -1})
        return found

    def citing_clauses(self, token: Token) -> list[Token]:
        return [
            c for c in token.children if c.dep_ == "relcl" and c.lemma_.lower() in self.cues.verbs
        ]

    def element(self, token: Token, verb: Token | None, anonymous: set[int]) -> dict[str, Any]:
        """A source: its name, its kind and the noun that heads it (for later "the source")."""
        person = _person_in(token)
        np = noun_phrase(token, with_prep=True)
        if token.pos_ == "PRON":
            return {"name": token.text, "kind": "person", "head": token.lower_, "pronoun": True}
        lemma = token.lemma_.lower()
        kinds = self._kinds(np, person)
        if person is not None:
            mentions = self._mentions_of(person)
            titled = kinds & TITLE_KINDS or any(self._titled(m) for m in mentions)
            kind = "official" if titled else "person"
            full = max(mentions, key=len, default=person)
            return {"name": full.text, "kind": kind, "head": lemma}
        text = np.text
        words = {t.lower_ for t in np} | {t.lemma_.lower() for t in np}
        if words & set(self.cues.social_media) or "social media" in text.lower():
            kind = "social_media"
        elif any(i in anonymous for i in self.own_words(token)):
            kind = "anonymous"
        elif lemma in self.cues.anonymous_heads and self.indefinite(token):
            kind = "anonymous"  # "a source in the border police": unnamed, whoever employs it
        elif lemma in self.cues.documents and (
            token.tag_ != "NNS" or lemma not in self.cues.anonymous_heads
        ):  # "patient records" are documents; "reports" are talk
            kind = "document"
        elif token.ent_type_ == "ORG" and (words & self.outlet_words):
            kind = "outlet"
        elif kinds:
            kind = _kind_from(kinds, self.kind_of_head, np)
        elif lemma in self.cues.anonymous_heads or lemma in self.cues.documents:
            kind = "anonymous"
        elif token.ent_type_ in {"ORG", "NORP"} or token.pos_ == "PROPN":
            reports = _is_report(verb) or bool(self.citing_clauses(token))
            kind = "outlet" if (words & self.outlet_words) or reports else "ngo"
        else:
            kind = "anonymous"
        ent = ent_of(token)
        name = ent.text if ent is not None and ent.label_ in {"ORG", "NORP"} else text
        return {"name": name, "kind": kind, "head": lemma}

    def own_words(self, token: Token) -> set[int]:
        """The source's phrase without a clause that cites a further source of its own."""
        cited = {t.i for c in self.citing_clauses(token) for t in c.subtree}
        return set(range(token.left_edge.i, token.right_edge.i + 1)) - cited

    @staticmethod
    def indefinite(token: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in token.children)

    def _mentions_of(self, person: Span) -> list[Span]:
        """Every mention of the report with this person's surname, each stretched left over
        the capitalised given names before it: "Okafor said" is the "Ade Okafor" named
        earlier (the model often tags only the surname)."""
        doc, surname = person.doc, person[-1].text
        found = [person]
        for t in doc:
            if t.text != surname or t.pos_ != "PROPN" or t.i == person.end - 1:
                continue
            start = t.i
            while (
                start > t.sent.start
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].is_title
                and doc[start - 1].lemma_.lower() not in self.kind_of_head
                and doc[start - 1].ent_type_ in {"", "PERSON"}
            ):
                start -= 1
            found.append(doc[start : t.i + 1])
        return found

    def _titled(self, person: Span) -> bool:
        """A mention written with an official title before it ("Police Commissioner Ana
        Kruger", "prosecutor Ana Kruger", "Ana Kruger, a police inspector")."""
        near: list[Token] = []
        for t in reversed(person.doc[max(0, person.start - 6) : person.start]):
            if t.text in {".", "!", "?"} or "\n" in t.text:
                break  # the model may split "Police (Crime) Amit Goel" from its title
            near.insert(0, t)
        near += [t for c in person.root.children if c.dep_ == "appos" for t in c.subtree]
        return any(
            self.kind_of_head.get(t.lemma_.lower(), ("", ""))[1] in TITLE_KINDS
            and t.pos_ in {"NOUN", "PROPN"}
            for t in near
        )

    def _kinds(self, np: Span, person: Span | None) -> set[str]:
        """Group subtypes named in a source's phrase (or a person's title)."""
        tokens = list(np)
        if person is not None:
            tokens += [t for c in person.root.children if c.dep_ == "appos" for t in c.subtree]
            tokens += list(person.root.head.subtree) if person.root.dep_ == "appos" else []
        subtypes: set[str] = set()
        for t in tokens:
            for key in (t.lower_, t.lemma_.lower()):
                if key in self.kind_of_head:
                    subtypes.add(self.kind_of_head[key][1])
            if t.text in self.kind_of_acronym:
                subtypes.add(self.kind_of_acronym[t.text][1])
        if SPANS_KEY in np.doc.spans:
            for span in np.doc.spans[SPANS_KEY]:
                if span.label_ == "GROUP_NAME" and np.start <= span.start < np.end:
                    subtypes.add(span.id_)
        return subtypes

    def resolve_anaphora(
        self, chain: list[dict[str, Any]], history: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """ "The source further revealed", "he said": reuse the chain that introduced them."""
        if not chain or not history:
            return chain
        first = chain[0]
        if first.get("pronoun"):
            want = {"he": "person", "she": "person", "him": "person", "her": "person"}
            kind = want.get(first["head"])
            for earlier in reversed(history):
                if kind is None or earlier["kind"] in {"person", "official"}:
                    return [*earlier["chain"], *chain[1:]]
            return chain
        if first["name"].lower().startswith(("the ", "this ", "that ")):
            for earlier in reversed(history):
                if earlier["head"] == first["head"]:
                    return [*earlier["chain"], *chain[1:]]
        return chain


def _public(element: dict[str, Any]) -> dict[str, str]:
    return {"name": element["name"], "kind": element["kind"]}


def _kind_from(subtypes: set[str], table: dict[str, tuple[str, str]], np: Span) -> str:
    order = ["outlet", "court", "un_body", "ngo", "police", "ministry", "armed_group", "cartel"]
    for subtype in order:
        if subtype in subtypes:
            return next(k for k, s in table.values() if s == subtype)
    return "anonymous"


def _is_report(verb: Token | None) -> bool:
    return verb is not None and verb.lemma_.lower() in {"report", "relay", "write", "publish"}


def _frames_content(verb: Token) -> bool:
    """A reporting verb that introduces what is reported, not one used in passing: a bare
    participle names rather than reports ("the mob, called the Brotherhood")."""
    if verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if any(c.dep_ == "oprd" for c in verb.children):
        return False  # "the mob called the Brotherhood" names the mob
    if any(c.dep_ in {"ccomp", "parataxis", "xcomp"} for c in verb.children):
        return True
    if verb.dep_ in {"ROOT", "parataxis", "acl"}:
        return True
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                return verb.head  # "a man from Eritrea who said…": the man, not "who"
            return child
    if verb.dep_ == "conj":
        # "…sold kidneys to a clinic, a source in the police said.": the model hangs the
        # speaker on the last noun as an apposition and shares the first verb's subject
        trailing = next(
            (t for t in verb.sent if t.dep_ == "appos" and t.right_edge.i == verb.i - 1), None
        )
        if trailing is not None:
            return trailing
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    if verb.dep_ == "conj":
        return _speaker(verb.head)
    return None


def _person_in(token: Token) -> Span | None:
    """A named person heading or closely modifying a source ("a doctor named X", "inspector X")."""
    ent = ent_of(token)
    if ent is not None and ent.label_ == "PERSON":
        return ent
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for t in token.subtree:
        if abs(t.i - token.i) <= 8 and t.ent_type_ == "PERSON" and t.dep_ != "poss":
            found = ent_of(t)
            if found is not None and t.head.lower_ not in {"of", "by"}:
                return found
    return None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _quotation_of(text: str, sents: list[Span]) -> list[list[int]]:
    """Runs of sentences inside one quotation, as lists of sentence numbers."""
    regions: list[list[int]] = []
    current: list[int] = []
    inside = False
    for n, sent in enumerate(sents):
        starts_inside = inside
        for char in sent.text:
            if char in OPEN_QUOTES:
                inside = True
            elif char in CLOSE_QUOTES:
                inside = False
            elif char == '"':
                inside = not inside
        if starts_inside:
            current.append(n)
        else:
            regions.append(current)
            current = [n]
    regions.append(current)
    return [r for r in regions if len(r) > 1]


@Language.factory(
    "clew_attribution",
    default_config={"schema_dir": None, "inherit": "none", "lead_kinds": ["outlet", "official"]},
    requires=["token.dep", "token.lemma", "doc.ents", "doc.spans", "doc.sents"],
    assigns=["doc._.clew_attributions"],
)
def make_attribution(
    nlp: Language, name: str, schema_dir: str | None, inherit: str, lead_kinds: list[str]
) -> Attribution:
    return Attribution(nlp, Path(schema_dir) if schema_dir else SCHEMA_DIR, inherit, lead_kinds)
