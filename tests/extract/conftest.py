"""The spaCy pipeline is loaded once per test session: loading it takes seconds.

Every sentence in these tests is fiction, written for them: the people, groups and outlets
are invented (real places are used as places).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from clew.extract import Extraction, extract, load_pipeline
from clew.model import Article


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Extraction]:
    def _run(text: str, published: str | None = None) -> Extraction:
        return next(extract([Article(text=text, published=published)], nlp))

    return _run
