# warta — set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: venv demo test lint bench train clean

$(BIN)/warta: pyproject.toml setup.py $(wildcard src/warta/_*.pyx src/warta/*/_*.pyx src/warta/_*.pxd)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,serve,fast]'
	-$(BIN)/warta models --compile  # once per machine, about a minute; LightGBM is used without it
	touch $(BIN)/warta

venv: $(BIN)/warta

demo: venv  ## extract the bundled sample pages, build an enriched corpus from them and search it (no server)
	$(BIN)/warta extract samples/ --format markdown
	$(BIN)/warta ingest samples/ --db warta.db --enrich
	$(BIN)/warta sites --db warta.db
	$(BIN)/warta search "$${QUERY:-jakarta}" --db warta.db --limit 5
	$(BIN)/warta entities --db warta.db --limit 8
	$(BIN)/warta network --db warta.db --min-stories 1 --top 12

test: venv  ## the test suite (what CI runs)
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check src tests bench train
	$(BIN)/ruff format --check src tests bench train
	$(BIN)/mypy

bench: venv  ## extraction benchmarks (installs the anchors)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/bench_text.py

train: venv
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python train/flatten.py
	$(BIN)/python train/train_classifier.py --kind text --types article service documentation --folds 3 --rounds 300 200 --threads 1
	$(BIN)/python train/train_classifier.py --kind html --types article --negatives 60 --folds 4 --rounds 300 200 --threads 1

clean:
	rm -rf $(VENV) build *.egg-info
