# make run   - set up and start the app (embedded SQLite database, nothing to configure)
# make test  - set up and run the whole test suite offscreen, the linter and layering contracts included
# make bundle - build the one-folder app, its zip and IT note (build/dist/); print its size and start-up time
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
BUNDLE_STAMP := $(VENV)/.bundle-installed

.PHONY: run test bundle sysdeps-run sysdeps-test lint-imports clean

# ARGS passes options to the app, e.g. `make run ARGS=--exit-after-start` to check that it starts.
run: sysdeps-run $(RUN_STAMP)
	$(BIN)/interface-desktop $(ARGS)

test: sysdeps-test $(TEST_STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bundle: sysdeps-test $(BUNDLE_STAMP)
	$(BIN)/python build/make_bundle.py

sysdeps-run:
	@sh scripts/system-deps.sh run

sysdeps-test:
	@sh scripts/system-deps.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The test suite builds the bundle too (tests/test_bundle.py), so it installs PyInstaller.
$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $@ $(RUN_STAMP) $(BUNDLE_STAMP)

$(BUNDLE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	touch $@ $(RUN_STAMP)

clean:
	rm -rf $(VENV) build/work build/dist dist .pytest_cache

# make bench  - performance figures against bare baselines (generated databases cached in benchmarks/.cache)
.PHONY: bench
bench: sysdeps-test $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run
