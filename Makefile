# Two entry points for a fresh machine: `make book` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SEEDS  := $(sort $(wildcard seeds/*.txt))
ANTHOLOGY_TITLE ?= Seed Stories

.PHONY: book test lint clean

book: $(VENV)/.installed
	$(BIN)/bookmaker build $(SEEDS) -o build
	$(BIN)/bookmaker build $(SEEDS) --anthology "$(ANTHOLOGY_TITLE)" --editor "bookmaker" -o build

test: $(VENV)/.installed
	$(BIN)/ruff check bookmaker tests bench
	$(BIN)/ruff format --check bookmaker tests bench
	$(BIN)/python -m pytest

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf build $(VENV)
