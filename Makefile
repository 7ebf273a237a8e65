# One place for every set-up step, so a fresh Debian machine with Python 3.11 needs only
# `make demo` (build and serve the demo workspace) or `make test` (the whole suite, as CI runs it).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_WORKSPACE ?= .clew-demo

.PHONY: install demo test lint typecheck pytest bench lock clean vendor screenshots

# The virtual environment is rebuilt when the lock or the project metadata changes.
$(BIN)/.installed: requirements/lock.txt pyproject.toml scripts/system-deps.sh
	scripts/system-deps.sh
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 (apt-get install python3.11 python3.11-venv) or run make PYTHON=python3"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The network, routes and timeline pages draw with npm libraries pinned in package-lock.json;
# their distributed files are copied into the package (never fetched from a CDN at run time).
VENDOR := clew/serve/static/vendor
$(VENDOR)/.built: package-lock.json package.json scripts/vendor.sh
	scripts/vendor.sh $(VENDOR)
	touch $@

vendor: $(VENDOR)/.built

install: $(BIN)/.installed $(VENDOR)/.built

demo: install
	$(BIN)/clew --workspace $(DEMO_WORKSPACE) demo --port $(PORT)

lint: install
	$(BIN)/ruff check clew tests benchmarks
	$(BIN)/ruff format --check clew tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/ingest_throughput.py
	$(BIN)/python benchmarks/extract_throughput.py
	$(BIN)/python benchmarks/ui_render.py

# Every page of the demo at 1280 and 1024 px, in screenshots/ (git-ignored), to review by eye.
screenshots: install
	$(BIN)/python scripts/screenshots.py screenshots

lock:
	requirements/lock.sh

clean:
	rm -rf $(VENV) $(DEMO_WORKSPACE) .mypy_cache .pytest_cache .ruff_cache node_modules $(VENDOR)
