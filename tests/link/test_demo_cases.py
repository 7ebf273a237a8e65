"""The designed cases of the demo corpus (clew/demo/cases.yaml), end to end: ingest, extract,
link and grade the bundled fiction with `clew demo`, then check what an analyst would see."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from click.testing import CliRunner

from clew.cli import cli
from clew.grade import grade_graph
from clew.link import Graph, link_corpus
from clew.link.names import name_key, proper_phrase
from clew.link.places import gazetteer
from clew.model import Allegation, Entity, Mention
from clew.store import Store
from clew.store.graph import AllegationRecord, get_allegation, list_allegations, load_corpus
from clew.store.store import workspace_url
from clew.store.tables import entities, entity_aliases, mentions

CASES: dict[str, Any] = yaml.safe_load(
    (resources.files("clew.demo") / "cases.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    workspace = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(cli, ["--workspace", str(workspace), "demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    opened = Store.open(workspace_url(workspace))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def article_of(store: Store) -> dict[str, str]:
    """Report file name -> article id."""
    _total, articles = store.list_articles(limit=1000, offset=0)
    return {Path(loc).name: a.id for a in articles for loc in a.locations}


def store_entities(store: Store) -> list[Entity]:
    with store.engine.connect() as conn:
        return [
            Entity(id=r.id, name=r.name, type=r.type, country=r.country)
            for r in conn.execute(sa.select(entities))
        ]


def store_mentions(store: Store, article_id: str) -> list[Mention]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(mentions).where(mentions.c.article_id == article_id))
        return [Mention(r.article_id, r.text, r.label, r.start, r.end, r.entity_id) for r in rows]


def _entity_ids_by_name(store: Store) -> dict[str, set[str]]:
    """Name key -> the entities that name is resolved to, from the mentions the reports
    write and the names and aliases the entities carry."""
    found: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(sa.select(mentions.c.text, mentions.c.entity_id)):
            if r.entity_id:
                found.setdefault(name_key(proper_phrase(r.text)), set()).add(r.entity_id)
        for r in conn.execute(sa.select(entities.c.id, entities.c.name)):
            found.setdefault(name_key(r.name), set()).add(r.id)
        for r in conn.execute(sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)):
            found.setdefault(name_key(proper_phrase(r.alias)), set()).add(r.entity_id)
    return found


def _allegations(store: Store) -> list[Allegation]:
    return list_allegations(store, limit=10_000)[1]


def _record_with(store: Store, act: str, article_id: str) -> AllegationRecord:
    for allegation in _allegations(store):
        if allegation.act == act and article_id in allegation.article_ids:
            record = get_allegation(store, allegation.id)
            assert record is not None
            return record
    raise AssertionError(f"no {act} allegation carries article {article_id}")


def test_the_echoed_anonymous_claim_is_one_line(store: Store, article_of: dict[str, str]) -> None:
    case = CASES["echoed_anonymous_claim"]
    origin = article_of[case["origin"]]
    record = _record_with(store, case["act"], origin)
    line = next(ln for ln in record.lines if origin in ln.article_ids)
    echoes = {article_of[name] for name in case["echoes"]}
    in_allegation = echoes & set(record.allegation.article_ids)
    # every echo, the vague "reports say" ones included, sits in the origin's one line
    assert in_allegation == echoes
    assert echoes <= set(line.article_ids)
    assert line.root_source is not None and line.root_source.kind == "anonymous"
    assert record.allegation.independent_lines < record.allegation.reports


def test_copied_reports_are_found_as_echoes(store: Store, article_of: dict[str, str]) -> None:
    copied: set[frozenset[str]] = set()
    for allegation in _allegations(store):
        record = get_allegation(store, allegation.id)
        assert record is not None
        copied |= {
            frozenset({link.source_article, link.target_article})
            for link in record.links
            if link.kind == "copied_text"
        }
    for pair in CASES["copied_text"]:
        assert frozenset({article_of[pair["original"]], article_of[pair["copy"]]}) in copied


def test_the_conviction_confirms_the_allegation(store: Store, article_of: dict[str, str]) -> None:
    case = CASES["echoed_anonymous_claim"]
    record = _record_with(store, case["act"], article_of[case["origin"]])
    assert record.allegation.credibility == 1
    assert any("conviction" in reason for reason in record.allegation.rationale)


def _with_and_without_denials(
    store: Store, until: str | None = None
) -> tuple[Graph, dict[str, Allegation]]:
    """The corpus (up to the day ``until``) graded as it is, and graded with its denials
    taken out: the difference is what the denials did to the grades."""
    articles, claims, mentions = load_corpus(store)
    if until is not None:
        articles = [a for a in articles if (a.published or "") <= until]
        kept = {a.id for a in articles}
        claims = [c for c in claims if c.article_id in kept]
        mentions = [m for m in mentions if m.article_id in kept]
    graded = grade_graph(link_corpus(articles, claims, mentions))
    undenied = grade_graph(
        link_corpus(articles, [c for c in claims if c.modality != "denied"], mentions)
    )
    return graded, {a.id: a for a in undenied.allegations}


def test_a_denial_lowers_credibility(store: Store, article_of: dict[str, str]) -> None:
    """Grade the corpus with and without its denials: each denied allegation that no
    conviction or official action settles is graded less credible for its denial. The
    clinic's denial is checked on the day it was published, before the arrests and the
    verdict settled the allegation."""
    graded, without = _with_and_without_denials(store)
    for allegation in graded.allegations:
        settled = any("conviction" in r or "official" in r for r in allegation.rationale)
        if not allegation.denials or not allegation.independent_lines or settled:
            continue
        assert any("denied" in reason for reason in allegation.rationale)
        before = without[allegation.id].credibility
        assert before is not None and allegation.credibility is not None
        assert allegation.credibility > before, allegation.rationale
    denial = article_of[CASES["denial"]["report"]]
    store_article = store.get_article(denial)
    assert store_article is not None and store_article.published is not None
    graded, without = _with_and_without_denials(store, until=store_article.published)
    denied = [
        a
        for a in graded.allegations
        if denial in a.article_ids and a.denials and a.independent_lines
    ]
    assert denied
    for allegation in denied:
        before = without[allegation.id].credibility
        assert before is not None and allegation.credibility is not None
        assert allegation.credibility > before, allegation.rationale
        assert any("denied" in reason for reason in allegation.rationale)


def test_aliases_resolve_to_one_entity(store: Store) -> None:
    """Every name of cases.yaml's alias table that the reports write is one entity. "Ledger
    Verify" is left out by decision: the reports call it the fact-checking desk of The
    Meridian Ledger, and a desk's verdict is shown under the desk's own name."""
    entity_of = _entity_ids_by_name(store)
    joined = 0
    for canonical, aliases in CASES["aliases"].items():
        names = [n for n in [canonical, *aliases] if n != "Ledger Verify"]
        found = {name: entity_of[key] for name in names if (key := name_key(name)) in entity_of}
        assert canonical in found, f"{canonical} is not an entity"
        ids = {i for ids in found.values() for i in ids}
        assert len(ids) == 1, f"{canonical}: {found}"
        joined += len(found) - 1
    assert joined >= 10  # most aliases are written in the reports, as names, not descriptions


def test_demonyms_resolve_to_countries(store: Store, article_of: dict[str, str]) -> None:
    """Each nationality the reports name is tied to its country, whether the model read it
    as a word of its own ("Turkish") or the link stage met it in an actor's name ("Macedonian
    prosecutors"). Extraction reads a report's body, not its headline, so a nationality named
    only in a headline is checked against the gazetteer alone."""
    entities = {e.id: e for e in store_entities(store)}
    entity_of = _entity_ids_by_name(store)
    for case in CASES["demonyms"]:
        article = article_of[case["report"]]
        word = case["phrase"].split()[0]
        countries = {
            entities[m.entity_id].country
            for m in store_mentions(store, article)
            if m.entity_id and name_key(m.text) in {name_key(word), name_key(case["phrase"])}
        } | {entities[i].country for i in entity_of.get(name_key(case["phrase"]), set())}
        code = gazetteer().countries
        expected = next(c for c, p in code.items() if p.name == case["country"])
        text = store.get_article(article)
        assert text is not None
        if case["phrase"] not in text.text:  # a headline's word: extraction reads the body
            nationality = gazetteer().of_people(word)
            assert nationality is not None and nationality.country == expected, case
            continue
        assert countries == {expected}, case


def test_a_report_without_an_outlet_is_named_for_its_domain_s_outlet(
    store: Store, article_of: dict[str, str]
) -> None:
    for case in CASES["metadata_omissions"]["no_outlet"]:
        article = store.get_article(article_of[case["report"]])
        assert article is not None and article.outlet == case["expected_outlet"], case
