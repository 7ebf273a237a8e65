"""The store on a real SQLite file: migrations, idempotent writes, full-text search."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from clew.model import Article, Claim, Failure, Mention, Source
from clew.store import Store, workspace_url
from clew.store.dialects.sqlite import fts_query
from clew.store.tables import metadata

# Fiction: people, groups and outlets below are invented for tests.
TEXT = "Police in Skopje arrested three men linked to the fictional Vardar Brotherhood."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(workspace_url(tmp_path))
    yield s
    s.close()


def test_migrated_schema_matches_table_metadata(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # FTS shadow tables are the dialect's own and not part of the metadata.
    assert [d for d in diff if "_fts" not in str(d)] == []


def test_migrate_is_idempotent_and_at_head(tmp_path: Path) -> None:
    url = workspace_url(tmp_path)
    Store.open(url).close()
    again = Store.open(url)
    assert again.revision() == "0002"
    assert (tmp_path / "clew.db").exists()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_same_text_from_two_places_is_one_article_with_two_locations(store: Store) -> None:
    first = Article(text=TEXT, title="Three arrested", locations=["a.txt"])
    second = Article(text=TEXT.replace(" ", "  "), url="https://ledger.example/a", locations=["b"])
    assert store.add_article(first) is True
    assert store.add_article(second) is False
    stored = store.get_article(first.id)
    assert stored is not None
    assert stored.locations == ["a.txt", "b"]
    assert stored.title == "Three arrested"
    assert stored.url == "https://ledger.example/a"  # filled from the duplicate
    assert store.counts()["articles"] == 1


def test_re_adding_changes_nothing(store: Store) -> None:
    article = Article(text=TEXT, locations=["a.txt"])
    store.add_article(article)
    before = store.counts()
    store.add_article(Article(text=TEXT, locations=["a.txt"]))
    assert store.counts() == before


def test_a_failure_is_kept_until_the_input_reads(store: Store) -> None:
    store.record_failure(Failure("a.txt", "binary file"))
    store.record_failure(Failure("a.txt", "empty file"))
    assert store.failures() == [Failure("a.txt", "empty file")]
    store.add_article(Article(text=TEXT, locations=["a.txt"]))
    assert store.failures() == []


def test_extraction_replaces_claims_and_is_searchable(store: Store) -> None:
    article = Article(text=TEXT, locations=["a.txt"])
    store.add_article(article)
    claim = Claim(
        article_id=article.id,
        act="arrest",
        text=TEXT,
        start=0,
        end=len(TEXT),
        modality="reported",
        perpetrators=["Vardar Brotherhood"],
        locations=["Skopje"],
        sources=[Source("The Meridian Ledger", "outlet"), Source("a police spokesman", "official")],
    )
    mention = Mention(article.id, "Skopje", "place", 10, 16)
    store.save_extraction(article.id, [claim], [mention], "test-1")
    store.save_extraction(article.id, [claim], [mention], "test-1")
    assert store.claims_for_article(article.id) == [claim]
    assert store.counts()["claims"] == 1
    assert store.counts()["claim_sources"] == 2
    assert store.article_ids(pending_version="test-1") == []
    assert store.article_ids(pending_version="test-2") == [article.id]
    assert [a.id for a in store.iter_articles([article.id, "missing"])] == [article.id]
    found = store.search("vardar brotherhood")
    assert found["articles"][0]["id"] == article.id
    assert found["claims"][0]["id"] == claim.id


def test_deleting_an_article_removes_its_index_entry(store: Store) -> None:
    article = Article(text=TEXT, locations=["a.txt"])
    store.add_article(article)
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM articles"))
    assert store.search("Skopje")["articles"] == []
    assert store.counts()["article_locations"] == 0  # cascaded


@pytest.mark.parametrize("typed", ['"unbalanced', "AND OR NOT", "kidney*", "(", "NEAR("])
def test_search_accepts_anything_a_user_types(store: Store, typed: str) -> None:
    store.add_article(Article(text=TEXT, locations=["a.txt"]))
    assert isinstance(store.search(typed)["articles"], list)


def test_fts_query_quotes_words_and_keeps_phrases() -> None:
    assert fts_query('organ "kidney sale" clinic') == '"organ" "kidney sale" "clinic"'
    assert fts_query("   ") == ""


def test_list_articles_pages_newest_first(store: Store) -> None:
    for day in range(1, 6):
        store.add_article(Article(text=f"Report {day}. {TEXT}", published=f"2025-03-0{day}"))
    store.add_article(Article(text=f"Undated. {TEXT}"))
    total, page = store.list_articles(limit=2, offset=0)
    assert total == 6
    assert [a.published for a in page] == ["2025-03-05", "2025-03-04"]
    _, last = store.list_articles(limit=2, offset=4)
    assert [a.published for a in last] == ["2025-03-01", None]
