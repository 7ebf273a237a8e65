"""The web server: a JSON API over the workspace store."""

from clew.serve.app import create_app

__all__ = ["create_app"]
