"""The download route the web pages link to: /api/export/{format}?allegation=ID."""

from __future__ import annotations

import io
import json
import zipfile

from fastapi.testclient import TestClient

from clew.model import Allegation
from clew.serve import create_app
from clew.store import Store


def test_single_file_formats_come_as_attachments(store: Store, top: Allegation) -> None:
    client = TestClient(create_app(store))
    response = client.get(f"/api/export/geojson?allegation={top.id}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    assert "attachment" in response.headers["content-disposition"]
    assert ".geojson" in response.headers["content-disposition"]
    assert response.json()["clew"]["victims"] == "masked"
    ftm = client.get(f"/api/export/ftm?allegation={top.id[:10]}")
    assert ftm.status_code == 200 and all(json.loads(x) for x in ftm.text.splitlines())


def test_multi_file_formats_come_zipped(store: Store, top: Allegation) -> None:
    client = TestClient(create_app(store))
    response = client.get("/api/export/csv", params={"act": top.act})
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert {"reports.csv", "claims.csv", "allegations.csv", "sources.csv", "metadata.json"} <= {
        n.rsplit("/", 1)[-1] for n in names
    }
    dossier = client.get(f"/api/export/dossier?allegation={top.id}")
    names = zipfile.ZipFile(io.BytesIO(dossier.content)).namelist()
    assert sorted(n.rsplit(".", 1)[-1] for n in names) == ["html", "pdf"]


def test_errors_have_the_one_error_shape(store: Store, top: Allegation) -> None:
    client = TestClient(create_app(store))
    unknown_format = client.get("/api/export/xlsx")
    assert unknown_format.status_code == 404 and unknown_format.json()["ok"] is False
    assert "geojson" in unknown_format.json()["error"]
    unknown_id = client.get("/api/export/ftm?allegation=nosuchid")
    assert unknown_id.status_code == 404 and "clew allegations" in unknown_id.json()["error"]
    no_subject = client.get("/api/export/dossier")
    assert no_subject.status_code == 400 and no_subject.json()["status"] == 400
