"""The extraction stage: reports in, claims with evidence, roles, modality and sources out.

from clew.extract import extract, load_pipeline
for extraction in extract(articles, load_pipeline()):
    ...
"""

from clew.extract.output import guide_document
from clew.extract.pipeline import Extraction, extract, load_pipeline

__all__ = ["Extraction", "extract", "guide_document", "load_pipeline"]
