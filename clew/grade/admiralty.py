"""The NATO Admiralty grade of an allegation, with the reasons written out.

Reliability (A-F) judges the source, credibility (1-6) the information; analysts read the two
together ("C3"). The rules and their numbers are data (clew/schema/admiralty.yaml) and every rule
that fires adds a sentence to the rationale, so a reader can check a grade by hand and a user can
change a rule and see it in the next ``clew link``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from clew.errors import SchemaError
from clew.link.graph import Graph
from clew.link.names import fold
from clew.model import Allegation, Claim, EvidenceLine
from clew.schema import SCHEMA_DIR, act_types, load_yaml, modalities, source_kinds

ADMIRALTY_FILE = SCHEMA_DIR / "admiralty.yaml"
LETTERS = ("A", "B", "C", "D", "E", "F")
UNHEDGED = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class Rules:
    """The grading rules of admiralty.yaml, checked."""

    reliability_labels: dict[str, str]
    credibility_labels: dict[int, str]
    kind_reliability: dict[str, str]
    unlisted_outlet: str
    by_lines: tuple[tuple[int, int], ...]
    single_unjudged_line: int
    hedged_penalty: int
    denial_penalty: int
    only_denials: int
    official_action: int
    official_action_acts: frozenset[str]
    official_action_kinds: frozenset[str]
    conviction: int
    conviction_cues: tuple[str, ...]
    acquittal_cues: tuple[str, ...]


def parse_rules(data: Any, path: Path) -> Rules:
    """Read admiralty.yaml's content; errors name the file."""
    try:
        rel, cred = data["reliability"], data["credibility"]
        reliability_labels = {str(e["id"]): str(e["label"]) for e in rel["scale"]}
        credibility_labels = {int(e["id"]): str(e["label"]) for e in cred["scale"]}
        kinds = source_kinds()
        rules = Rules(
            reliability_labels=reliability_labels,
            credibility_labels=credibility_labels,
            kind_reliability={k: str(t.extra["default_reliability"]) for k, t in kinds.items()},
            unlisted_outlet=str(rel["unlisted_outlet"]),
            by_lines=tuple(
                sorted((int(e["min_lines"]), int(e["credibility"])) for e in cred["by_lines"])
            ),
            single_unjudged_line=int(cred["single_unjudged_line"]),
            hedged_penalty=int(cred["hedged_penalty"]),
            denial_penalty=int(cred["denial_penalty"]),
            only_denials=int(cred["only_denials"]),
            official_action=int(cred["official_action"]),
            official_action_acts=frozenset(cred["official_action_acts"]),
            official_action_kinds=frozenset(cred["official_action_kinds"]),
            conviction=int(cred["conviction"]),
            conviction_cues=tuple(fold(c) for c in cred["conviction_cues"]),
            acquittal_cues=tuple(fold(c) for c in cred["acquittal_cues"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SchemaError(
            f"{path}: missing or malformed entry ({exc!r}); see its comments"
        ) from exc
    if sorted(reliability_labels) != list(LETTERS) or sorted(credibility_labels) != [
        1,
        2,
        3,
        4,
        5,
        6,
    ]:
        raise SchemaError(f"{path}: the scales must be exactly A-F and 1-6")
    letters = [rules.unlisted_outlet, *rules.kind_reliability.values()]
    if any(letter not in reliability_labels for letter in letters):
        raise SchemaError(f"{path}: a reliability is not one of A-F (see also source_kinds.yaml)")
    grades = [
        rules.single_unjudged_line,
        rules.only_denials,
        rules.official_action,
        rules.conviction,
    ]
    if any(g not in credibility_labels for g in [*grades, *(c for _, c in rules.by_lines)]):
        raise SchemaError(f"{path}: a credibility is not one of 1-6")
    if unknown := rules.official_action_acts - set(act_types()):
        raise SchemaError(f"{path}: unknown act(s) {sorted(unknown)}; see act_types.yaml")
    if unknown := rules.official_action_kinds - set(kinds):
        raise SchemaError(f"{path}: unknown source kind(s) {sorted(unknown)}")
    return rules


@cache
def load_rules(path: Path = ADMIRALTY_FILE) -> Rules:
    return parse_rules(load_yaml(path), path)


def line_reliability(line: EvidenceLine, graph: Graph, rules: Rules) -> tuple[str, str]:
    """A line's letter and the sentence saying where it came from."""
    root = line.root_source
    if root is None:
        return "F", "its root source is unknown"
    if root.kind == "outlet":
        outlet = graph.outlets.resolve(root.name)
        first = graph.claims[line.claim_ids[0]]
        own = graph.roles[first.id].outlet if not first.sources else None
        outlet = own or outlet
        if outlet is not None and outlet.reliability is not None:
            note = f" ({outlet.note})" if outlet.note else ""
            return (
                outlet.reliability,
                f"its root source, {outlet.name}, is graded {outlet.reliability} in the outlet "
                f"table{note}",
            )
        return rules.unlisted_outlet, f"its root source, the outlet {root.name}, is not listed"
    letter = rules.kind_reliability.get(root.kind, "F")
    label = source_kinds()[root.kind].label.lower() if root.kind in source_kinds() else root.kind
    article = "an" if label[:1] in "aeiou" else "a"
    return letter, f"its root source is {article} {label} ({root.name})"


def _is_conviction(claim: Claim, rules: Rules) -> bool:
    text = fold(claim.text)
    return (
        claim.act == "prosecution"
        and claim.modality != "denied"
        and any(c in text for c in rules.conviction_cues)
        and not any(c in text for c in rules.acquittal_cues)
    )


def grade_allegation(allegation: Allegation, graph: Graph, rules: Rules) -> None:
    """Fill an allegation's grade, credibility, reliability and rationale, and lines' letters."""
    lines = graph.lines.get(allegation.id, [])
    claims = [graph.claims[c] for c in allegation.claim_ids]
    why: list[str] = []
    outlets = {o.name for c in claims if (o := graph.roles[c.id].outlet) is not None}
    why.append(
        f"{allegation.reports} report{'s' if allegation.reports != 1 else ''} from "
        f"{len(outlets) or 'unknown'} outlet{'s' if len(outlets) != 1 else ''} "
        f"{'carry' if allegation.reports != 1 else 'carries'} this "
        f"allegation ({len(claims)} claim{'s' if len(claims) != 1 else ''})."
    )
    graded = []
    for line in lines:
        letter, reason = line_reliability(line, graph, rules)
        line.reliability = letter
        graded.append((letter, reason, line))
    if graded:
        best = min(graded, key=lambda g: (LETTERS.index(g[0]), g[2].id))
        reliability = best[0]
        why.append(
            f"They form {len(lines)} independent line{'s' if len(lines) != 1 else ''} of evidence"
            + (
                f" ({allegation.echoes} report{'s' if allegation.echoes != 1 else ''} repeat "
                "another in the same line)"
                if allegation.echoes
                else ""
            )
            + "."
        )
        why.append(
            f"Reliability {reliability} ({rules.reliability_labels[reliability]}) from the "
            f"strongest line: {best[1]}."
        )
    else:
        reliability = "F"
        why.append("No report supports it; every claim about it is a denial.")
        why.append(f"Reliability F ({rules.reliability_labels['F']}): no source asserts it.")

    n = len(lines)
    if n == 0:
        credibility = rules.only_denials
        why.append(f"Only denials: credibility {credibility} by rule.")
    else:
        applicable = [c for min_lines, c in rules.by_lines if n >= min_lines]  # sorted by lines
        credibility = applicable[-1] if applicable else rules.by_lines[0][1]
        why.append(
            f"{n} independent line{'s' if n != 1 else ''}: credibility starts at {credibility}."
        )
        if n == 1 and reliability == "F":
            credibility = rules.single_unjudged_line
            why.append(f"A single line whose source cannot be judged: credibility {credibility}.")
        if not any(c.modality in UNHEDGED for c in claims if c.modality != "denied"):
            credibility = min(credibility + rules.hedged_penalty, 6)
            why.append(f"Every report hedges it (alleged or rumoured): credibility {credibility}.")
    if allegation.denials:
        deniers = sorted(
            {c.sources[-1].name for c in claims if c.modality == "denied" and c.sources}
        )
        by = f" by {', '.join(deniers)}" if deniers else ""
        if n:
            credibility = min(max(credibility + rules.denial_penalty, 1), 6)
        why.append(
            f"It is denied{by} in {allegation.denials} report"
            f"{'s' if allegation.denials != 1 else ''}: credibility {credibility}."
        )
    related = [graph.allegation(r) for r in allegation.related_ids]
    official = [
        a
        for a in related
        if a is not None
        and a.act in rules.official_action_acts
        and any(
            line.root_source is not None and line.root_source.kind in rules.official_action_kinds
            for line in graph.lines.get(a.id, [])
        )
    ]
    if official and n and credibility > rules.official_action:
        credibility = rules.official_action
        acts = sorted({act_types()[a.act].label.lower() for a in official})
        why.append(
            f"An official {' and '.join(acts)} of the same actors, on an official or court "
            f"source: credibility {credibility}."
        )
    convictions = [
        c
        for a in [allegation, *(r for r in related if r is not None)]
        for c in (graph.claims[i] for i in a.claim_ids)
        if _is_conviction(c, rules)
    ]
    if convictions:
        credibility = rules.conviction
        first = min(convictions, key=lambda c: c.id)
        why.append(f"A court conviction of the same actors confirms it: “{first.text.strip()}” "
                   f"Credibility {credibility}.")  # fmt: skip
    why.append(
        f"Grade {reliability}{credibility}: {rules.reliability_labels[reliability].lower()}, "
        f"{rules.credibility_labels[credibility].lower()}."
    )
    allegation.reliability = reliability
    allegation.credibility = credibility
    allegation.grade = f"{reliability}{credibility}"
    allegation.rationale = why


def grade_graph(graph: Graph, rules: Rules | None = None) -> Graph:
    """Grade every allegation of a linked graph, in place; returns the graph."""
    chosen = rules or load_rules()
    modalities()  # fail early on a broken schema rather than halfway through
    for allegation in graph.allegations:
        grade_allegation(allegation, graph, chosen)
    return graph
