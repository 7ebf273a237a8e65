"""Named registries, so clew's own readers, components and exporters register like plugins.

Third parties add theirs through entry points of the same names (``clew_readers`` …), as
spaCy's and datasette's plugins do; built-ins use the same decorators.
"""

from __future__ import annotations

from typing import Any

import catalogue

readers: Any = catalogue.create("clew", "readers", entry_points=True)
"""Input readers by name: ``@readers.register("html")``; clew/ingest/base.py has the contract."""

exporters: Any = catalogue.create("clew", "exporters", entry_points=True)
"""Export formats by name (``ftm``, ``graphml`` …)."""
