"""clew's spaCy components. Importing this package registers their factories with spaCy.

Each module holds one component and its tests live in tests/extract/test_<module>.py. They
talk to each other only through the Doc extensions registered in ``common``.
"""

from . import (
    attribution,
    claims,
    coref,
    entities,
    modality,
    paragraphs,
    quantities,
)

__all__ = ["attribution", "claims", "coref", "entities", "modality", "paragraphs", "quantities"]
