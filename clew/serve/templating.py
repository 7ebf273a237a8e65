"""One Jinja2 environment for every page, so pages share filters, autoescaping and the layout.

Autoescaping is on for every template (Starlette's default for ``.html``): report text is shown
as text, never as markup, however it was written. Page modules render through :func:`render`
rather than building their own environment, so a filter added here is available everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clew import __version__

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.globals["clew_version"] = __version__


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """The page ``name`` rendered with ``context``; ``request`` lets templates build URLs."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)
