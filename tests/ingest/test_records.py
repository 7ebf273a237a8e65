"""JSON Lines and JSON in the eval GUIDE's format: streamed, located, broken lines isolated."""

from __future__ import annotations

import json
from pathlib import Path

from clew.ingest.base import Item, Limits
from clew.ingest.discover import read
from clew.model import Article, Failure

# Fiction: invented reports in the GUIDE's record format.
RECORD = {
    "id": "dev-007",
    "url": "https://www.meridian-ledger.example/2016/10/30/mosul",
    "outlet": "Meridian Ledger",
    "published": "2016-10-30",
    "title": "Gang accused of selling kidneys",
    "byline": "Ana Petrović",
    "text": "  A source said the gang sold kidneys.\n\nPolice denied it.  ",
}


def read_file(path: Path, limits: Limits | None = None) -> list[Article | Failure]:
    return list(read(Item(str(path), "records"), limits or Limits()))


def test_each_line_is_an_article_located_by_line(tmp_path: Path) -> None:
    second = {"id": 8, "text": "BELGRADE, 12 May 2025 — Police said.", "url": None}
    path = tmp_path / "articles.jsonl"
    path.write_text(f"{json.dumps(RECORD)}\n\n{json.dumps(second)}\n", encoding="utf-8")
    first, other = read_file(path)
    assert isinstance(first, Article) and isinstance(other, Article)
    assert first.text == RECORD["text"]  # exactly as given: offsets must match the input
    assert (first.ref, first.outlet, first.published) == (
        "dev-007",
        "Meridian Ledger",
        "2016-10-30",
    )
    assert (first.title, first.byline) == ("Gang accused of selling kidneys", "Ana Petrović")
    assert first.url == RECORD["url"]
    assert first.locations == [f"{path}#L1"]
    assert other.locations == [f"{path}#L3"]  # blank lines still count
    assert (other.ref, other.url, other.published) == ("8", None, "2025-05-12")


def test_a_broken_line_is_a_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(RECORD), '{"id": "x", "text": "unterminated', json.dumps({"text": "Ok."})]
    path.write_text("\n".join(lines), encoding="utf-8")
    first, broken, last = read_file(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(broken, Failure)
    assert broken.location == f"{path}#L2" and "not valid JSON" in broken.reason


def test_records_without_text_or_not_objects_are_failures(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text('{"url": "https://x.example/a"}\n{"text": "  "}\n["a list"]\n"text"\n')
    outcomes = read_file(path)
    assert all(isinstance(o, Failure) for o in outcomes)
    reasons = [o.reason for o in outcomes if isinstance(o, Failure)]
    assert "record has no text" in reasons[0] and "record has no text" in reasons[1]
    assert all("not a JSON object" in reason for reason in reasons[2:])


def test_jsonl_streams_past_the_size_limit_but_not_past_it_per_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    small = json.dumps({"text": "A short report."})
    huge = json.dumps({"text": "word " * 100})
    path.write_text("\n".join([small] * 10 + [huge, small]), encoding="utf-8")
    outcomes = read_file(path, Limits(max_bytes=200))
    assert path.stat().st_size > 200
    assert [type(o).__name__ for o in outcomes] == ["Article"] * 10 + ["Failure", "Article"]
    failure = outcomes[10]
    assert isinstance(failure, Failure)
    assert failure.location == f"{path}#L11" and "--max-bytes" in failure.reason


def test_a_json_array_is_located_by_record(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([RECORD, {"title": "no text"}]), encoding="utf-8")
    article, failure = read_file(path)
    assert isinstance(article, Article) and article.locations == [f"{path}#record-1"]
    assert isinstance(failure, Failure) and failure.location == f"{path}#record-2"


def test_a_json_object_is_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(RECORD), encoding="utf-8")
    [article] = read_file(path)
    assert isinstance(article, Article) and article.locations == [str(path)]


def test_json_lines_under_a_json_name_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(f"{json.dumps(RECORD)}\n{json.dumps(RECORD | {'text': 'Other.'})}\n")
    outcomes = read_file(path)
    assert [o.locations for o in outcomes if isinstance(o, Article)] == [
        [f"{path}#L1"],
        [f"{path}#L2"],
    ]


def test_broken_or_oversized_json_files_are_failures(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "a"},')
    [failure] = read_file(broken)
    assert isinstance(failure, Failure) and "not valid JSON" in failure.reason
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42")
    [failure] = read_file(scalar)
    assert isinstance(failure, Failure) and "array of objects" in failure.reason
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"text": "São Paulo"}'.encode("latin-1"))
    [failure] = read_file(latin)
    assert isinstance(failure, Failure) and "UTF-8" in failure.reason
    big = tmp_path / "big.json"
    big.write_text(json.dumps([RECORD] * 5))
    [failure] = read_file(big, Limits(max_bytes=100))
    assert isinstance(failure, Failure) and "--max-bytes" in failure.reason


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "Report."}).encode())
    [article] = read_file(path)
    assert isinstance(article, Article) and article.text == "Report."


def test_empty_files_are_failures(tmp_path: Path) -> None:
    for name, content in (("empty.jsonl", "\n\n"), ("empty.json", "[]"), ("blank.json", "")):
        path = tmp_path / name
        path.write_text(content)
        [failure] = read_file(path)
        assert isinstance(failure, Failure) and failure.location == str(path)
