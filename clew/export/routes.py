"""Downloads for the web pages: ``GET /api/export/{format}?allegation=ID`` (or ``entity=ID``,
or the filters of ``/api/allegations``) answers the file as an attachment, zipped when the
format writes several files. The export is built in a temporary folder and read into memory, so
nothing is left on the server's disk.
"""

from __future__ import annotations

import io
import logging
import tempfile
import zipfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from clew.export import ExportError, Filters, export, formats, stem
from clew.export.select import UnknownSubject
from clew.store import Store

log = logging.getLogger(__name__)


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


def export_router(store: Store) -> APIRouter:
    router = APIRouter()

    @router.get("/api/export/{fmt}", summary="Download an export of the allegations as a file")
    def download(
        fmt: str,
        allegation: str | None = Query(None, description="One allegation (id or id prefix)."),
        entity: str | None = Query(None, description="Allegations about this entity."),
        act: str | None = Query(None, description="Only this act."),
        actor: str | None = Query(None, description="Perpetrator name contains this."),
        place: str | None = Query(None, description="Place name contains this."),
        grade: str | None = Query(None, description='A grade ("C3"), or its letter or digit.'),
        unmask_victims: bool = Query(False, description="Keep victims' names (logged)."),
    ) -> Response:
        known = formats()
        if fmt not in known:
            raise HTTPException(404, f"no export format {fmt!r}; choose one of {', '.join(known)}")
        filters = Filters(allegation, entity, act, actor, place, grade)
        name = f"{stem(filters)}-{fmt}"
        with tempfile.TemporaryDirectory(prefix="clew-export-") as tmp:
            folder = Path(tmp) / name
            folder.mkdir()
            try:
                written = export(store, fmt, folder, filters, unmask_victims=unmask_victims)
            except UnknownSubject as exc:
                raise HTTPException(404, str(exc)) from exc
            except ExportError as exc:
                raise HTTPException(400, str(exc)) from exc
            if unmask_victims:
                log.warning("export %s served with victims' names unmasked", name)
            if len(written) == 1 and written[0].is_file():
                body, filename, media = (
                    written[0].read_bytes(),
                    written[0].name,
                    known[fmt].media_type,
                )
            else:
                body, filename, media = _zip(folder), f"{name}.zip", "application/zip"
        return Response(
            body,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    return router
