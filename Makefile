# Two verbs do all set-up: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: install run load test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# load_content fills an empty database and leaves an edited one alone: nothing is lost.
# Its loaddata saves rows "raw", which the search signals skip: the index is rebuilt after.
load: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	$(MANAGE) rebuild_search_index

run: load
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Times search with 100x the content in a throwaway database; DATABASE_URL picks the server.
bench: install
	$(BIN)/python bench/search_bench.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
