"""One error tree for clew; every message says what to do next.

    ClewError
    ├── SchemaError      a schema or lexicon file is malformed
    ├── StoreError       the workspace database cannot be opened or migrated
    ├── InputError       a command-line argument names nothing readable
    └── ModelError       the spaCy pipeline named by the config cannot be loaded

Bad *content* (a broken file inside a batch) is never an exception: readers report it as a
``clew.model.Failure`` and the batch goes on.
"""


class ClewError(Exception):
    """Base of every error clew raises on purpose."""


class SchemaError(ClewError):
    """A file under clew/schema (or a user's override) cannot be used."""


class StoreError(ClewError):
    """The workspace database cannot be opened, created or migrated."""


class InputError(ClewError):
    """A command-line target names nothing clew can read."""


class ModelError(ClewError):
    """The spaCy pipeline cannot be loaded."""
