# Two verbs do all set-up: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

NODE_STAMP := node_modules/.installed

.PHONY: install browser-deps run load test test-browser lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The browser suite (tests/e2e/) drives Debian's Chromium and runs the Nu HTML Checker on Java.
# As root (CI) the missing packages are installed; anyone else is told the one command to run.
browser-deps:
	@missing=""; \
	command -v "$${CHROMIUM:-chromium}" >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -q && apt-get install -y -q $$missing; \
		else \
			echo "The browser tests need:$$missing. Run: sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

# axe-core and vnu-jar, pinned in package-lock.json. vnu-jar's install script only fetches a
# Java runtime, which browser-deps provides, so scripts are skipped.
$(NODE_STAMP): package.json package-lock.json | browser-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

# load_content fills an empty database and leaves an edited one alone: nothing is lost.
load: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content

run: load
	$(MANAGE) runserver 127.0.0.1:8000

test: install $(NODE_STAMP)
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Only the browser suite: accessibility, HTML validity, keyboard, phone, print, motion.
test-browser: install $(NODE_STAMP)
	$(BIN)/pytest tests/e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules test-artifacts
