# castline: `make demo` runs the main job on the bundled samples, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test lint bench clean

$(BIN)/castline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/castline

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/castline ingest samples --db $(DEMO_DB)
	$(BIN)/castline sources --db $(DEMO_DB)
	$(BIN)/castline entities --db $(DEMO_DB) --limit 25
	$(BIN)/castline quotes --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info
