"""The grade stage: a NATO Admiralty grade (reliability A-F, credibility 1-6) for every
allegation, with the sentences that produced it (clew/schema/admiralty.yaml holds the rules)."""

from clew.grade.admiralty import Rules, grade_allegation, grade_graph, load_rules

__all__ = ["Rules", "grade_allegation", "grade_graph", "load_rules"]
