"""clew_claims: one claim per act a sentence alleges, with its roles filled from the parse.

Acts are found by the trigger lexicon (clew/schema/act_triggers.yaml) through a Matcher on
lemmas and a PhraseMatcher on lower case; a multi-word phrase wins over the single words inside
it. The parse then fills the roles: the doer is the active subject or the passive agent (for
arrests and prosecutions, the suspect: the object, or the passive subject), climbing through
coordinated and subordinate verbs; the object decides between selling organs, people or goods.
Results are plain dicts on ``doc._.clew_claims``; clew_modality adds modality and sources.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from clew.extract import lexicons
from clew.extract.components.common import (
    PLACE_LABELS,
    conjuncts,
    ent_of,
    is_passive,
    noun_phrase,
    record_error,
    span_index,
)
from clew.schema import SCHEMA_DIR

SUSPECT_ACTS = {"arrest", "prosecution"}
NO_PERPETRATOR_ACTS = {"rescue", "transplant_tourism"}
# the rescued were held by the report's actor; a patient's trip has no such doer
NO_CARRY_ACTS = {"transplant_tourism"}
RELATIVE = {"who", "which", "that", "whom"}
SKIP_SUBJECTS = {"there", "it", "i", "we", "you", "this", "what", "some", "which", "who", "that"}
ORGAN_ACTS = {"organ_removal", "organ_sale", "transplant_tourism"}
AUTHORITIES = {"police", "ministry", "court"}
CONCRETE_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "DATE", "CARDINAL", "MONEY"}
TOURISM_OPERATIONS = {"transplant", "transplantation", "operation", "surgery", "procedure"}
SPECIFYING_VERBS = {"identify", "name"}
SINGULAR_DETERMINERS = {"a", "an", "one", "the", "this", "that"}
MEMBER_WORDS = {"member", "part", "associate", "operative"}
OWN_POSSESSIVES = {"his", "her", "their", "its", "my", "our"}
VAGUE_PEOPLE = {"people", "person", "other", "others", "individual"}
COUNTED = {"transplant", "operation", "surgery", "case", "procedure", "fatality", "death"}


class Claims:
    def __init__(
        self,
        nlp: Language,
        schema_dir: Path,
        carry_perpetrators: bool,
        carry_organs: bool,
        carry_locations: bool,
    ) -> None:
        self.triggers = lexicons.triggers(schema_dir)
        self.reporting = set(lexicons.attribution_cues(schema_dir).verbs)
        self.schema_dir = schema_dir
        self.demonyms = lexicons.demonyms(schema_dir)
        actor_terms = lexicons.actor_terms(schema_dir)
        self.actor_nouns = set(actor_terms.actors)
        self.quantifiers = set(actor_terms.quantifiers)
        self.law_verbs = lexicons.law_verbs(schema_dir)
        self.gazetteer = lexicons.place_names()
        self.carry_perpetrators = carry_perpetrators
        self.carry_organs = carry_organs
        self.carry_locations = carry_locations
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for n, trig in enumerate(self.triggers):
            if trig.lemmas:
                words = list(trig.lemmas)
                self.matcher.add(f"T{n}", [[{"LEMMA": {"IN": words}}], [{"LOWER": {"IN": words}}]])
            if trig.phrases:
                self.phrases.add(f"T{n}", [nlp.make_doc(p) for p in trig.phrases])

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.clew_claims = self.find(doc)
        except Exception as exc:
            doc._.clew_claims = []
            record_error(doc, "clew_claims", exc)
        return doc

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        labels = span_index(doc)
        sents = list(doc.sents)
        sent_of = {s.start: n for n, s in enumerate(sents)}
        hits: dict[int, list[tuple[Token, lexicons.Trigger, bool]]] = {}
        covered: set[int] = set()
        for match_id, start, end in self.phrases(doc):
            trig = self.triggers[int(doc.vocab.strings[match_id][1:])]
            token = doc[start:end].root
            covered.update(range(start, end))
            hits.setdefault(sent_of[token.sent.start], []).append((token, trig, True))
        for match_id, start, _end in self.matcher(doc):
            if start in covered:
                continue
            trig = self.triggers[int(doc.vocab.strings[match_id][1:])]
            token = doc[start]
            hits.setdefault(sent_of[token.sent.start], []).append((token, trig, False))
        doc_organs = Counter(i for tags in labels.values() for label, i in tags if label == "ORGAN")
        claims: list[dict[str, Any]] = []
        last_perpetrators: list[str] = []
        last_places: list[str] = []
        last_suspects: list[str] = []
        places_at = -99
        for n in sorted(hits):
            sent = sents[n]
            tags = {label for i in range(sent.start, sent.end) for label, _ in labels.get(i, [])}
            organ_context = bool(tags & {"ORGAN", "ORGAN_GENERIC"})
            domain = organ_context or bool(tags & {"PERSON_NOUN", "GROUP_HEAD", "GROUP_NAME"})
            acts: dict[str, Token] = {}
            for token, trig, phrase in sorted(hits[n], key=lambda h: h[0].i):
                if trig.requires == "organ" and not organ_context:
                    continue
                if trig.requires == "domain" and not (domain or phrase):
                    continue
                if trig.passive_only and not is_passive(token):
                    continue
                if trig.pos and token.pos_ not in trig.pos and not phrase:
                    continue
                if self.names_a_group(token, labels):
                    continue  # "an organ trafficking ring" names a group, it alleges no act
                if token.pos_ not in {"VERB", "NOUN", "ADJ", "PROPN"} and not phrase:
                    continue
                act = trig.act
                kind = self.object_class(token, labels)
                if kind in trig.object_acts:
                    act = trig.object_acts[kind]
                acts.setdefault(act, token)
            if "transplant_tourism" in acts and "organ_removal" in acts:
                removal = acts["organ_removal"]
                if removal.lemma_.lower() in TOURISM_OPERATIONS:
                    del acts["organ_removal"]  # the patient's own transplant is the tourism
            verbal = any(t.pos_ == "VERB" for t in acts.values())
            if (
                "abduction" in acts
                and "trafficking_in_persons" not in acts
                and any(
                    a in acts and not (verbal and self.is_mention(acts[a]))
                    for a in ("organ_removal", "organ_sale")
                )
            ):
                # people kidnapped and then cut open or sold for their organs were taken for
                # their organs: trafficking in persons as well (GUIDE.md)
                acts["trafficking_in_persons"] = acts["abduction"]
            for act, token in acts.items():
                if self.is_background(sent, token, tags):
                    continue
                if verbal and self.is_mention(token):
                    continue
                claim = self.roles(doc, sent, act, token, labels)
                claim["sentence"] = n
                if claim["perpetrators"]:
                    if act not in SUSPECT_ACTS:
                        last_perpetrators = claim["perpetrators"]
                    else:
                        last_suspects = claim["perpetrators"]
                elif act in SUSPECT_ACTS and self.carry_perpetrators:
                    # "was later sentenced": the suspect last named in an arrest or a trial
                    claim["perpetrators"] = list(last_suspects)
                elif self.carry_perpetrators and act not in SUSPECT_ACTS | NO_CARRY_ACTS:
                    claim["perpetrators"] = list(last_perpetrators)
                    claim["_carried"] = True
                if not claim["organs"] and self.carry_organs and doc_organs and act in ORGAN_ACTS:
                    claim["organs"] = [doc_organs.most_common(1)[0][0]]
                places = [*claim["locations"], claim["origin"], claim["destination"]]
                if any(places):
                    last_places = claim["locations"] or [p for p in places if p][:1]
                    places_at = n
                elif self.carry_locations and n - places_at <= 1:
                    # places carry to the next sentence only: a report moves on quickly
                    claim["locations"] = list(last_places)
                claims.append(claim)
        if self.carry_perpetrators:
            _main_actor(claims, {e.text for e in doc.ents if e.label_ == "PERSON"})
        return claims

    def is_background(self, sent: Span, token: Token, tags: set[str]) -> bool:
        """A generic statement, not a claim (GUIDE.md): the act is only named as a noun, and
        either a law is about it ("outlawed the organ trade"), or it is the subject of a
        present-tense statement ("organ trafficking is rare", "… requires skilled surgeons"), or
        the sentence names no one, nowhere, no time and no number ("the black market for
        harvested organs"), so nobody is said to have done anything."""
        if token.pos_ == "VERB":
            return False
        head = token
        while head.dep_ in {"compound", "amod"} and head.head.i != head.i:
            head = head.head
        governor = head.head
        if head.dep_ in {"dobj", "obj", "pobj"} and governor.dep_ == "prep":
            governor = governor.head
        if governor.lemma_.lower() in self.law_verbs:
            return True  # "Pakistan outlawed the trade in organs": a law, not a deed
        if head.dep_ in {"nsubj", "nsubjpass"} and governor.tag_ in {"VBZ", "VBP"}:
            return True  # "organ trafficking is rare", "organ trafficking requires …"
        if "GROUP_NAME" in tags:
            return False
        # a proper noun the model gave no label ("The Medisan Lux Clinic") still names someone
        return not any(e.label_ in CONCRETE_LABELS for e in sent.ents) and not any(
            t.pos_ == "PROPN" and not t.ent_type_ for t in sent
        )

    def is_mention(self, token: Token) -> bool:
        """A nominal act that only qualifies something else ("kidnapped for the purposes of
        organ trafficking", "the organ trafficking business"): when a verb in the same sentence
        says what was done, the noun adds no act of its own."""
        if token.pos_ == "VERB":
            return False
        head = token
        while head.dep_ in {"compound", "amod"} and head.head.i != head.i:
            head = head.head
        return head.dep_ in {"pobj", "compound", "amod", "poss"} or head is not token

    def names_a_group(self, token: Token, labels: dict[int, list[tuple[str, str]]]) -> bool:
        if token.dep_ not in {"compound", "amod", "nmod"}:
            return False
        head = token.head
        while head.dep_ in {"compound", "amod"} and head.head.i != head.i:
            head = head.head
        return any(label == "GROUP_HEAD" for label, _ in labels.get(head.i, []))

    def object_class(self, token: Token, labels: dict[int, list[tuple[str, str]]]) -> str | None:
        """Whether what the act is done to is a person, an organ or a commodity."""
        objects = _undergoers(token, {"of", "in"})
        if token.dep_ in {"amod", "compound", "acl"} and token.head.pos_ == "NOUN":
            objects.append(token.head)
        for obj in objects:
            for t in conjuncts(obj):
                tags = {label for label, _ in labels.get(t.i, [])}
                if "ORGAN" in tags or "ORGAN_GENERIC" in tags:
                    return "organ"
                if "PERSON_NOUN" in tags or t.ent_type_ == "PERSON":
                    return "person"
                if "COMMODITY" in tags:
                    return "commodity"
        return None

    def roles(
        self,
        doc: Doc,
        sent: Span,
        act: str,
        token: Token,
        labels: dict[int, list[tuple[str, str]]],
    ) -> dict[str, Any]:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        victims_heads = self.victims(token, labels)
        places = [e for e in sent.ents if e.label_ in PLACE_LABELS and _is_place(e, doc)]
        origin = next((e.text for e in places if e.root.head.lower_ == "from"), None)
        # "Durban's Commercial Branch", "the Cairo Criminal Court": the city an institution is
        # named after is where it acts, though the model tags the whole name as an organisation
        places_in_names = [
            word.text
            for e in sent.ents
            if e.label_ in {"ORG", "FAC"}
            for word in [next((w for w in e if w.pos_ != "DET"), e[0])]
            if word.text in self.gazetteer
        ]
        destination = next(
            (
                e.text
                for e in places
                if e.root.head.lower_ in {"to", "into"} and e.root.head.head.lower_ != "according"
            ),
            None,
        )
        organs = list(
            dict.fromkeys(
                ident
                for i in range(sent.start, sent.end)
                for label, ident in labels.get(i, [])
                if label == "ORGAN"
            )
        )
        quantities = [q for q in doc._.clew_quantities or [] if sent.start <= q["start"] < sent.end]
        dates = [e.text for e in sent.ents if e.label_ == "DATE"]
        return {
            "act": act,
            "start": sent.start_char + lead,
            "end": sent.end_char - trail,
            "text": text.strip(),
            "trigger": token.i,
            "perpetrators": self.perpetrators(doc, act, token, labels),
            "victims": [noun_phrase(v).text for v in victims_heads],
            "victim_count": self.count(victims_heads, quantities, labels, doc, token),
            "victim_ages": next((q["value"] for q in quantities if q["label"] == "age"), None),
            "organs": organs,
            "locations": list(
                dict.fromkeys(
                    [
                        *(e.text for e in places if e.text != destination),
                        *places_in_names,
                        # a nationality word places the act only where no place is named:
                        # "a Swiss rapporteur" says nothing of where, beside "in Pristina"
                        *(self.nationality_places(sent, set()) if not places else []),
                    ]
                )
            ),
            "origin": origin,
            "destination": destination,
            "date_text": dates[0] if dates else None,
            "money": next((q["value"] for q in quantities if q["label"] == "money"), None),
        }

    def nationality_places(self, sent: Span, named: set[str]) -> list[str]:
        """Countries named by an adjective of nationality: "Egyptian police", "a Mexican
        cartel" place the act in Egypt, Mexico. A plural noun ("Egyptians who bought kidneys")
        names people, not a place, and a country already named is not repeated."""
        found = []
        for t in sent:
            country = self.demonyms.get(t.lower_)
            if country is None or country in named or t.tag_ in {"NNS", "NNPS"}:
                continue
            if t.dep_ in {"amod", "compound", "nmod"} and t.head.pos_ in {"NOUN", "PROPN"}:
                found.append(country)
        return found

    def perpetrators(
        self, doc: Doc, act: str, token: Token, labels: dict[int, list[tuple[str, str]]]
    ) -> list[str]:
        if act in NO_PERPETRATOR_ACTS:
            return []
        if act in SUSPECT_ACTS:
            doers = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
            doers += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if not doers and token.lemma_.lower() in {"plead", "stand"}:
                doers = [c for c in token.children if c.dep_ == "nsubj"]
        else:
            doers = []
            current = token
            for _ in range(5):
                if current.lemma_.lower() in self.reporting and current is not token:
                    break
                found = _doer(current)
                if found is not None:
                    doers = [found]
                    if act in ORGAN_ACTS and _own_organ(current):
                        doers = _buyers(current)  # "he sold his kidney": a donor, no doer
                    break
                if current.dep_ in {"ROOT"} or current.head is current:
                    break
                current = current.head
        names: list[str] = []
        coref = doc._.clew_coref or {}
        doers = [named for doer in doers for named in _specified(doer)]
        if act not in SUSPECT_ACTS:
            doers = [_group_of(doer) for doer in doers]
        for doer in doers:
            if doer.lower_ in RELATIVE and doer.head.dep_ == "relcl":
                doer = doer.head.head
            for t in conjuncts(doer):
                tags = {label for label, _ in labels.get(t.i, [])}
                if t.i in coref:
                    names.append(coref[t.i])
                elif _state_actor(t, token, act):
                    ent = ent_of(t)
                    names.append(ent.text if ent is not None else t.text)
                elif not self.is_actor(t, act, tags):
                    continue  # "hundreds", "the 2006 investigation", "India's rules"
                elif "PERSON_NOUN" in tags and act not in SUSPECT_ACTS and not t.ent_type_:
                    continue  # "children" are not the doers
                elif t.lower_ in SKIP_SUBJECTS or t.pos_ == "PRON":
                    continue
                elif tags & {"ORGAN", "ORGAN_GENERIC"} or t.ent_type_ in PLACE_LABELS:
                    continue  # organs and places are not doers
                elif (
                    act not in SUSPECT_ACTS
                    and {i for lab, i in labels.get(t.i, []) if lab == "GROUP_HEAD"} & AUTHORITIES
                ):
                    continue  # the police who uncover a crime are not its perpetrators
                else:
                    named = _appositive_name(t)
                    ent = named or ent_of(t)
                    names.append(
                        ent.text if ent is not None else noun_phrase(t, keep_det=False).text
                    )
        # a name never spans a line break: that is a tagging slip over a dateline or heading
        return list(dict.fromkeys(self.canonical(n) for n in names if "\n" not in n))

    def is_actor(self, t: Token, act: str, tags: set[str]) -> bool:
        """Whether a noun can name a doer: a named person or group, a group word, a role in the
        trade (actor_terms.yaml) or, for arrests and trials, a person noun; never a bare count."""
        if t.like_num or t.pos_ == "NUM" or t.lemma_.lower() in self.quantifiers:
            return False
        if t.ent_type_ in {"PERSON", "ORG", "NORP"}:
            return True
        if tags & {"GROUP_NAME", "GROUP_HEAD"} or t.lemma_.lower() in self.actor_nouns:
            return True
        if t.lemma_.lower() in VAGUE_PEOPLE:
            return False  # "14 people were arrested" names no one
        return "PERSON_NOUN" in tags and act in SUSPECT_ACTS

    def canonical(self, name: str) -> str:
        """One name for one group however a report writes it (aliases.yaml): "ISIS", "Daesh"
        and "the Islamic State" all give "Islamic State (ISIS)"."""
        bare = name[4:] if name.lower().startswith("the ") else name
        known = lexicons.known_name(bare, self.schema_dir)
        return known.display if known is not None and known.type == "group" else name

    def victims(self, token: Token, labels: dict[int, list[tuple[str, str]]]) -> list[Token]:
        candidates = _undergoers(token, {"of", "from"})
        found = []
        for cand in candidates:
            for t in conjuncts(cand):
                tags = {label for label, _ in labels.get(t.i, [])}
                if "PERSON_NOUN" in tags or t.ent_type_ == "PERSON":
                    found.append(t)
        if not found:
            sent = token.sent
            for t in sent:
                tags = {label for label, _ in labels.get(t.i, [])}
                if "PERSON_NOUN" in tags and t.dep_ in {"dobj", "nsubjpass", "pobj", "nsubj"}:
                    found.append(t)
                    break
        return found

    def count(
        self,
        victims: list[Token],
        quantities: list[dict[str, Any]],
        labels: dict[int, list[tuple[str, str]]],
        doc: Doc,
        trigger: Token | None = None,
    ) -> int | None:
        counts = [q for q in quantities if q["label"] == "count"]
        heads = {v.i for v in victims}
        if len(victims) > 1:
            # "a woman and her two children": three victims
            parts = [self.one_count(v, counts) for v in victims]
            if all(p is not None for p in parts):
                return sum(p for p in parts if p is not None)
        for q in counts:
            # a number that is itself the act's subject or object: "all three were murdered",
            # "only 4,000 live here, yet 121 of them sold a kidney"
            head = doc[q["head"]]
            if trigger is not None and head.pos_ == "NUM" and head.head.i == trigger.i:
                return int(q["value"])
        for q in counts:
            if q["head"] in heads:
                return int(q["value"])
        for q in counts:
            head = doc[q["head"]]
            tags = {label for label, _ in labels.get(head.i, [])}
            if "PERSON_NOUN" in tags or head.lemma_.lower() in COUNTED:
                return int(q["value"])
        if len(victims) == 1 and _singular(victims[0]):
            return 1
        return None

    def one_count(self, victim: Token, counts: list[dict[str, Any]]) -> int | None:
        """How many one coordinated victim phrase names: its count, or 1 for "a woman"."""
        for q in counts:
            if q["head"] == victim.i:
                return int(q["value"])
        return 1 if _singular(victim) else None


def _appositive_name(t: Token) -> Span | None:
    """The name in apposition to a described doer: "the surgeon, Ilse Varga, was arrested"."""
    if t.ent_type_ == "PERSON":
        return None
    for child in t.children:
        if child.dep_ == "appos" and child.ent_type_ in {"PERSON", "ORG"}:
            return ent_of(child)
    return None


def _main_actor(
    claims: list[dict[str, Any]], people: frozenset[str] | set[str] = frozenset()
) -> None:
    """A sentence with no doer of its own gets the actor of the whole report (GUIDE.md): the
    one most often named as doer of the non-judicial acts, the earliest on a tie, and a group
    (the ring, the cartel, "organ traffickers") before any one named person when there is one."""
    tally: Counter[str] = Counter()
    for claim in claims:
        if not claim.get("_carried") and claim["act"] not in SUSPECT_ACTS:
            tally.update(claim["perpetrators"])
    groups = Counter({n: k for n, k in tally.items() if n not in people})
    tally = groups or tally
    main = tally.most_common(1)[0][0] if tally else None
    for claim in claims:
        if claim.pop("_carried", False) and main is not None:
            claim["perpetrators"] = [main]


def _specified(doer: Token) -> list[Token]:
    """Who a vague doer turns out to be: "two men, identified as A and B" gives A (and B
    through its conjuncts), "12 people including doctors and nurses" gives the doctors."""
    for child in doer.children:
        if child.dep_ == "acl" and child.lemma_.lower() in SPECIFYING_VERBS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    found = [g for g in prep.children if g.dep_ == "pobj"]
                    if found:
                        return found
        if child.dep_ == "prep" and child.lower_ == "including":
            found = [g for g in child.children if g.dep_ == "pobj"]
            if found:
                return found
    return [doer]


def _group_of(doer: Token) -> Token:
    """ "Members of the gang sold kidneys": the doer is the group its members act for."""
    if doer.lemma_.lower() not in MEMBER_WORDS:
        return doer
    for prep in doer.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for group in prep.children:
                if group.dep_ == "pobj":
                    return group
    return doer


def _own_organ(verb: Token) -> bool:
    """ "Farmers sold their kidneys", "he gave up one of his kidneys": the organ is the
    subject's own, so the subject is the donor the trade preys on, not its perpetrator."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects += [g for o in objects for p in o.children if p.lower_ == "of" for g in p.children]
    return any(
        c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for o in objects for c in o.children
    )


def _buyers(verb: Token) -> list[Token]:
    """Whom the donor sold to: "sold his kidney to organ traffickers"."""
    return [
        g
        for p in verb.children
        if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _is_place(ent: Span, doc: Doc) -> bool:
    """Drop what the model mistakes for a place: a lower-case word ("trans-Atlantic") or a
    surname the report also gives a person ("Ade Okafor ... Okafor recruited donors")."""
    first = next((t for t in ent if t.pos_ != "DET" and t.lower_ != "the"), ent[0])
    if not first.text[:1].isupper():
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == ent.text for e in doc.ents)


def _state_actor(t: Token, trigger: Token, act: str) -> bool:
    """A country as the active subject of the act verb itself ("Ruritania executed
    prisoners") is a state actor; elsewhere a place name only says where."""
    return (
        t.ent_type_ == "GPE"
        and act not in SUSPECT_ACTS
        and t.dep_ == "nsubj"
        and trigger.pos_ == "VERB"
        and t.head.pos_ == "VERB"
        and (t.head.i == trigger.i or trigger in t.head.conjuncts)
    )


def _singular(v: Token) -> bool:
    return v.ent_type_ == "PERSON" or (
        v.tag_ == "NN" and any(c.lower_ in SINGULAR_DETERMINERS for c in v.children)
    )


def _doer(verb: Token) -> Token | None:
    passive = is_passive(verb)
    for child in verb.children:
        if child.dep_ == "agent" and passive:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "nsubj" and not passive:
            return child
    return None


@Language.factory(
    "clew_claims",
    default_config={
        "schema_dir": None,
        "carry_perpetrators": True,
        "carry_organs": False,
        "carry_locations": True,
    },
    requires=["token.dep", "token.lemma", "doc.ents", "doc.spans", "doc._.clew_coref"],
    assigns=["doc._.clew_claims"],
)
def make_claims(
    nlp: Language,
    name: str,
    schema_dir: str | None,
    carry_perpetrators: bool,
    carry_organs: bool,
    carry_locations: bool,
) -> Claims:
    where = Path(schema_dir) if schema_dir else SCHEMA_DIR
    return Claims(nlp, where, carry_perpetrators, carry_organs, carry_locations)


def _undergoers(token: Token, preps: set[str]) -> list[Token]:
    """What an act is done to: its object, its passive subject, and the objects of the given
    prepositions ("removal of kidneys", "taken from migrants")."""
    found = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    found += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return found
