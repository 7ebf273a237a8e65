"""FollowTheMoney export: entities the library itself accepts, whose references all resolve,
carrying each evidence sentence and its source URL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from followthemoney import model

from clew.export import Selection, ftm


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_entities_round_trip_validate_and_resolve(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    assert ftm.write(everything, path) == [path]
    rows = _read(path)
    proxies = [model.get_proxy(row) for row in rows]
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies), "entity ids must be unique"
    for proxy, row in zip(proxies, rows, strict=True):
        assert proxy.to_dict()["properties"] == row["properties"]
        proxy.schema.validate(row)  # raises InvalidData on a bad value
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, f"{proxy.id}.{prop.name} -> {value} is not in the export"
    schemata = {p.schema.name for p in proxies}
    assert {"Event", "Article", "Documentation", "Address"} <= schemata
    assert schemata & {"Person", "Organization", "LegalEntity", "PublicBody"}
    events = [p for p in proxies if p.schema.name == "Event"]
    assert len(events) == len(everything.allegations)


def test_every_claim_carries_its_sentence_and_source_url(
    everything: Selection, tmp_path: Path
) -> None:
    path = tmp_path / "out.ftm.json"
    ftm.write(everything, path)
    edges = {p.id: p for p in map(model.get_proxy, _read(path)) if p.schema.name == "Documentation"}
    assert len(edges) == len(everything.claims)
    for claim in everything.claims.values():
        edge = edges[ftm.ftm_id("claim", claim.id)]
        assert edge.get("summary") == [claim.text]
        url = everything.articles[claim.article_id].url
        if url:
            assert edge.get("sourceUrl") == [url]


def test_every_event_says_whether_victims_are_masked(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    ftm.write(everything, path)
    events = [p for p in map(model.get_proxy, _read(path)) if p.schema.name == "Event"]
    assert all("victims-masked" in e.get("keywords") for e in events)


def test_the_ftm_command_line_accepts_the_file(everything: Selection, tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    ftm.write(everything, path)
    ftm_cli = Path(sys.executable).parent / "ftm"
    checked = subprocess.run(
        [str(ftm_cli), "validate", "-i", str(path), "-o", str(tmp_path / "checked.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert len(_read(tmp_path / "checked.json")) == len(_read(path))
