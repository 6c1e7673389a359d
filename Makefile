# castline: `make demo` runs the main job on the bundled samples, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: install browser demo test lint bench clean

$(BIN)/castline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $@

install: $(BIN)/castline

# The browser tests drive Debian's Chromium; install it when missing and we may (root), else they skip.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium missing and not root: the browser tests will skip"; fi; \
	fi

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/castline ingest samples --db $(DEMO_DB)
	$(BIN)/castline sources --db $(DEMO_DB)
	$(BIN)/castline entities --db $(DEMO_DB) --limit 25
	$(BIN)/castline quotes --db $(DEMO_DB)
	$(BIN)/castline serve --db $(DEMO_DB) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests

test: lint browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DEMO_DB) build *.egg-info test-artifacts
