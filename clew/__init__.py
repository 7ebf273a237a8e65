"""clew: follow the thread of every allegation back to where it started."""

from clew.model import Allegation, Article, Claim, Entity, Failure, Mention, Source

__version__ = "0.1.0"

__all__ = [
    "Allegation",
    "Article",
    "Claim",
    "Entity",
    "Failure",
    "Mention",
    "Source",
    "__version__",
]
