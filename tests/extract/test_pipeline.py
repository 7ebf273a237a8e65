"""The pipeline as a whole: the API the CLI calls, bad input, the lexicon files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from spacy.language import Language

from clew.errors import ModelError, SchemaError
from clew.extract import extract, guide_document, lexicons, load_pipeline
from clew.extract.pipeline import MAX_TEXT_CHARS
from clew.model import Article

FICTION = "The Hollow Pike gang removed kidneys from migrants in Aswan, police said."


def test_pipeline_has_clews_components(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("clew_paragraphs") < names.index("parser")
    for name in ("clew_entities", "clew_coref", "clew_attribution", "clew_claims"):
        assert name in names


def test_unknown_model_raises_model_error() -> None:
    with pytest.raises(ModelError, match="Install it"):
        load_pipeline("no_such_model_xyz")


def test_bad_inputs_never_stop_the_batch(nlp: Language) -> None:
    articles = [
        Article(text=""),
        Article(text="x" * (5 * 1024 * 1024)),
        Article(text="\x00\x01\x02\ufffd garbage \x7f" * 200),
        Article(text="Die Bande verkaufte Nieren in Berlin, sagte die Polizei."),
        Article(text=FICTION, ref="fiction-1"),
    ]
    articles.insert(1, Article(text="placeholder"))
    articles[1].text = b"bytes are not text"  # type: ignore[assignment]
    start = time.perf_counter()
    results = list(extract(articles, nlp, batch_size=2))
    assert time.perf_counter() - start < 30
    assert [r.article for r in results] == articles
    assert results[0].claims == [] and results[0].error is None
    assert results[1].error and "not str" in results[1].error
    assert results[2].error and str(MAX_TEXT_CHARS) in results[2].error
    assert results[-1].claims and results[-1].error is None


def test_guide_document_shape(nlp: Language) -> None:
    doc = guide_document(next(extract([Article(text=FICTION, ref="fiction-1")], nlp)))
    assert doc["id"] == "fiction-1"
    claim = doc["claims"][0]
    keys = {"act", "text", "start", "end", "perpetrators", "victims", "victim_count", "organs"}
    keys |= {"locations", "origin", "destination", "date", "modality", "sources"}
    assert keys <= set(claim)
    assert claim["sources"] == [{"name": "police", "kind": "official"}]
    json.dumps(doc)


def test_extract_is_lazy_and_ordered(nlp: Language) -> None:
    texts = [FICTION, "Nothing happened in Porto.", FICTION]
    results = extract((Article(text=t, ref=str(n)) for n, t in enumerate(texts)), nlp)
    assert [r.article.ref for r in results] == ["0", "1", "2"]


def test_lexicons_load_and_check(tmp_path: Path) -> None:
    assert lexicons.triggers() and lexicons.organs() and lexicons.group_types()
    assert lexicons.attribution_cues().verbs and lexicons.modality_cues()
    (tmp_path / "act_triggers.yaml").write_text("- act: not_an_act\n  lemmas: [x]\n")
    with pytest.raises(SchemaError, match=r"act_triggers\.yaml"):
        lexicons.triggers(tmp_path)
    (tmp_path / "act_triggers.yaml").write_text("- act: arrest\n  lemmas: [x]\n  requires: y\n")
    with pytest.raises(SchemaError, match="requires"):
        lexicons.triggers(tmp_path)


def test_lexicons_have_no_duplicate_ids() -> None:
    ids = [o.id for o in lexicons.organs()]
    assert len(ids) == len(set(ids))
    groups = [g.id for g in lexicons.group_types()]
    assert len(groups) == len(set(groups))
