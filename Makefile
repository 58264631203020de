# Two commands for a new user: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.sitrep-installed
DEMO_DB := var/demo.db

.PHONY: setup demo test test-fast test-browser bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/sitrep setup
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	@mkdir -p var
	@rm -f $(DEMO_DB)
	@while IFS="$$(printf '\t')" read -r file day; do \
		case "$$file" in ''|'#'*|file) continue;; esac; \
		$(BIN)/sitrep ingest "examples/$$file" --published "$$day" --db $(DEMO_DB) || exit 1; \
	done < examples/dates.tsv
	$(BIN)/sitrep ingest examples/*.html examples/*.jsonl --db $(DEMO_DB)
	$(BIN)/sitrep events --db $(DEMO_DB)

test: setup
	$(BIN)/python -m pytest

test-browser: setup
	$(BIN)/python -m pytest -m browser

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf var .pytest_cache
