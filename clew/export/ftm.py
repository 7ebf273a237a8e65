"""FollowTheMoney entities for Aleph, one JSON object a line (what ``ftm`` tools read).

The mapping, chosen so Aleph shows each piece where an investigator expects it:

- a person -> Person; a state body, police, court, ministry or UN body -> PublicBody; a company
  -> Company; any other named group -> Organization; a group of unknown kind -> LegalEntity;
- a place -> Address (its name as ``full``, country, coordinates);
- a report -> Article (title, outlet as publisher, date, URL, body text);
- an allegation -> Event: the act, who is ``involved``, where (``addressEntity``), when
  (first and last reported), its grade and rationale as notes, the reports as ``proof``;
- each claim -> Documentation, the edge from the report to the Event, whose ``summary`` is
  the evidence sentence and whose ``description`` is the chain of sources behind it;
- a report that cites or copies another -> UnknownLink between the two Articles.

An Event rather than a relationship schema because an allegation joins many actors, places and
reports at once, and FtM relationships join exactly two. Entities are built by the library
(``model.make_entity``), which cleans every value against its property type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from followthemoney import model
from followthemoney.proxy import EntityProxy

from clew.export.select import Selection
from clew.export.words import chain_words, grade_words, modality_label, statement, title
from clew.model import Entity

PUBLIC_BODIES = frozenset({"state_body", "ministry", "police", "court", "un_body"})
PUBLISHER = "clew"


def schema_for(entity: Entity) -> str:
    """The FtM schema of a clew entity (see the module docstring)."""
    if entity.type == "place":
        return "Address"
    if entity.type == "person":
        return "Person"
    if entity.subtype in PUBLIC_BODIES:
        return "PublicBody"
    if entity.subtype == "company":
        return "Company"
    return "Organization" if entity.subtype else "LegalEntity"


def ftm_id(kind: str, clew_id: str) -> str:
    """A readable id that is stable across exports, so re-importing updates, not duplicates."""
    return f"clew-{kind}-{clew_id}"


def _entity(entity: Entity, selection: Selection) -> EntityProxy:
    proxy = model.make_entity(schema_for(entity))
    proxy.id = ftm_id("entity", entity.id)
    if entity.type == "place":
        proxy.add("full", entity.name)
        proxy.add("latitude", entity.latitude)
        proxy.add("longitude", entity.longitude)
    proxy.add("name", entity.name)
    proxy.add("alias", [a for a in entity.aliases if a != entity.name])
    proxy.add("country", entity.country)
    proxy.add("publisher", PUBLISHER)
    proxy.add("notes", selection.privacy_note)
    return proxy


def entities(selection: Selection) -> Iterator[EntityProxy]:
    """Every entity of the export, referenced ones before those that point at them."""
    for entity in selection.entities.values():
        yield _entity(entity, selection)
    for article in selection.articles.values():
        proxy = model.make_entity("Article")
        proxy.id = ftm_id("article", article.id)
        proxy.add("title", article.title or article.url or article.id)
        proxy.add("publisher", article.outlet)
        proxy.add("publishedAt", article.published)
        proxy.add("sourceUrl", article.url)
        proxy.add("author", article.byline)
        proxy.add("language", article.language)
        proxy.add("bodyText", article.text)
        proxy.add("keywords", f"victims-{selection.privacy}")
        yield proxy
    for link in selection.links:
        proxy = model.make_entity("UnknownLink")
        proxy.id = ftm_id("link", f"{link.source_article}-{link.target_article}-{link.kind}")
        proxy.add("subject", ftm_id("article", link.source_article))
        proxy.add("object", ftm_id("article", link.target_article))
        proxy.add("role", "cites" if link.kind == "citation" else "copies text of")
        proxy.add("description", f"{link.kind}, share of text reused {link.score:.2f}")
        yield proxy
    for allegation in selection.allegations:
        event = model.make_entity("Event")
        event.id = ftm_id("allegation", allegation.id)
        event.add("name", f"Alleged: {title(allegation)}")
        event.add("summary", statement(allegation))
        event.add("description", " ".join(allegation.rationale))
        event.add("involved", [ftm_id("entity", e) for e in allegation.perpetrator_ids])
        event.add("addressEntity", [ftm_id("entity", e) for e in allegation.place_ids])
        event.add("location", allegation.places)
        event.add("startDate", allegation.first_reported)
        event.add("endDate", allegation.last_reported)
        event.add("keywords", [allegation.act, f"grade-{allegation.grade or 'none'}"])
        event.add("keywords", f"victims-{selection.privacy}")
        event.add("notes", f"Admiralty grade {allegation.grade}: {grade_words(allegation.grade)}.")
        event.add("notes", selection.privacy_note)
        event.add("proof", [ftm_id("article", a) for a in allegation.article_ids])
        event.add("sourceUrl", [selection.articles[a].url for a in allegation.article_ids
                                if a in selection.articles])  # fmt: skip
        event.add("publisher", PUBLISHER)
        yield event
        for claim in selection.claims_of(allegation):
            report = selection.articles.get(claim.article_id)
            edge = model.make_entity("Documentation")
            edge.id = ftm_id("claim", claim.id)
            edge.add("document", ftm_id("article", claim.article_id))
            edge.add("entity", event.id)
            edge.add("role", f"{modality_label(claim.modality)} claim")
            edge.add("summary", claim.text)
            edge.add("description", chain_words(claim.sources))
            if report is not None:
                edge.add("date", report.published)
                edge.add("sourceUrl", report.url)
                edge.add("publisher", report.outlet)
            yield edge


def write(selection: Selection, target: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as fh:
        for proxy in entities(selection):
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return [target]
