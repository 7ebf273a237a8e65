"""Plain text and Markdown: front matter, headlines, encodings, and what is not text."""

from __future__ import annotations

from pathlib import Path

from clew.ingest.base import Limits
from clew.ingest.metadata import Meta
from clew.ingest.readers.text import read_text, text_article
from clew.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
# Fiction: an invented report.
BODY = (
    "SKOPJE — Police arrested seven people in a raid on a private clinic, the ministry said.\n\n"
    "The clinic's lawyer denied the accusations."
)


def read_one(data: bytes, location: str = "report.txt") -> Article | Failure:
    outcomes = list(read_text(location, data, Limits()))
    assert len(outcomes) == 1
    return outcomes[0]


def test_front_matter_fills_the_metadata_and_is_stripped() -> None:
    article = read_one((FIXTURES / "vardar-raid.md").read_bytes(), "vardar-raid.md")
    assert isinstance(article, Article)
    assert article.title == "Seven arrested in Skopje raid on clinic"
    assert article.outlet == "Harbour Gazette"
    assert article.url == "https://www.harbour-gazette.example/2025/06/02/skopje-raid"
    assert article.published == "2025-06-02"  # YAML reads it as a date
    assert (article.byline, article.language, article.ref) == ("Jovan Ristevski", "en", "hg-0602")
    assert article.text.startswith("SKOPJE — Police in North Macedonia")
    assert "\n\nA ministry spokesman" in article.text
    assert "---" not in article.text
    assert article.locations == ["vardar-raid.md"]


def test_front_matter_aliases_and_missing_outlet() -> None:
    data = (
        "---\ndate: 2025-03-09T10:00:00+01:00\nauthor: [Ana Petrović, Jovan Ristevski]\n"
        "url: https://www.viral-desk.example/world/brotherhood\nid: 42\n---\n" + BODY
    ).encode()
    article = read_one(data, "copy.md")
    assert isinstance(article, Article)
    assert article.published == "2025-03-09"
    assert article.byline == "Ana Petrović; Jovan Ristevski"
    assert article.outlet == "viral-desk.example"
    assert article.ref == "42"
    assert article.text == BODY


def test_without_front_matter_a_headline_becomes_the_title_and_stays_in_the_text() -> None:
    article = read_one(("# Seven arrested in Skopje raid\n\n" + BODY).encode())
    assert isinstance(article, Article)
    assert article.title == "Seven arrested in Skopje raid"
    assert article.text.startswith("# Seven arrested")
    assert article.published is None


def test_a_first_sentence_is_no_headline() -> None:
    article = read_one(BODY.encode())
    assert isinstance(article, Article) and article.title is None


def test_a_leading_rule_is_not_front_matter() -> None:
    data = f"---\nA note from the editors, unsigned.\n---\n{BODY}".encode()
    article = read_one(data)
    assert isinstance(article, Article)
    assert article.text.startswith("---\nA note from the editors")


def test_broken_front_matter_is_a_failure_not_a_silent_loss() -> None:
    failure = read_one(b'---\ntitle: "unclosed\noutlet: [x\n---\nBody text here.\n', "bad.md")
    assert isinstance(failure, Failure)
    assert failure.location == "bad.md" and "front matter" in failure.reason


def test_windows_line_ends_become_newlines() -> None:
    article = read_one(BODY.replace("\n", "\r\n").encode())
    assert isinstance(article, Article) and article.text == BODY


def test_utf8_bom_and_utf16_are_text() -> None:
    for data in (b"\xef\xbb\xbf" + BODY.encode(), BODY.encode("utf-16")):
        article = read_one(data)
        assert isinstance(article, Article) and article.text == BODY


def test_a_legacy_encoding_is_detected() -> None:
    text = (
        "São Paulo — A polícia prendeu quatro pessoas acusadas de tráfico de órgãos, "
        "segundo o ministério. As vítimas recebiam promessas de pagamento e eram levadas "
        "a uma clínica privada no exterior, onde as operações aconteciam. O advogado da "
        "clínica negou as acusações e disse que todos os transplantes seguiam a lei."
    )
    article = read_one(text.encode("cp1252"))
    assert isinstance(article, Article)
    assert "tráfico de órgãos" in article.text


def test_binary_and_undecodable_input_is_refused() -> None:
    binary = read_one(bytes(range(256)) * 40)
    assert isinstance(binary, Failure) and "binary" in binary.reason
    undecodable = read_one(bytes(range(128, 256)) * 8)
    assert isinstance(undecodable, Failure) and "encoding" in undecodable.reason


def test_empty_file_is_a_failure() -> None:
    for data in (b"", b"\n\n  \n"):
        failure = read_one(data)
        assert isinstance(failure, Failure) and "no text found" in failure.reason


def test_hints_fill_gaps_but_front_matter_wins() -> None:
    data = b"---\ntitle: From the file\n---\nBody of the report."
    hints = Meta(title="Hint", url="https://x.example/a.md")
    article = text_article(data, "https://x.example/a.md", hints)
    assert isinstance(article, Article)
    assert (article.title, article.url) == ("From the file", "https://x.example/a.md")
