# Two verbs do all set-up: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

NODE_STAMP := node_modules/.installed

.PHONY: install browser-deps run load serve bench bench-pages bench-search backup restore test test-browser check-package lint format clean

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

# load_content fills an empty database (first versions and search index included) and
# leaves an edited one alone: nothing is lost.
load: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content

run: load
	$(MANAGE) runserver 127.0.0.1:8000

# The production stack on this machine: DJANGO_ENV=production, collected, hashed and compressed
# static files served by WhiteNoise, gunicorn. Plain http on 127.0.0.1, so the https redirect
# and secure cookies are switched off here; everything else is as in production.
# Any of these can be overridden from the environment (DATABASE_URL=postgres://… make serve);
# REDIS_URL=redis://… shares the page cache between the workers (see README, "Scaling out").
SERVE_ADDRESS ?= 127.0.0.1:8000
WEB_CONCURRENCY ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || echo 1) + 1 )))
SERVE_PIDFILE := var/gunicorn.pid
# A fresh random key per command unless one is given: nothing local needs it to last.
SECRET_KEY ?= $(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')
ALLOWED_HOSTS ?= 127.0.0.1,localhost
DATABASE_URL ?= sqlite:///$(CURDIR)/db.sqlite3
SERVE_ENV = env DJANGO_ENV=production SECRET_KEY='$(SECRET_KEY)' \
	ALLOWED_HOSTS='$(ALLOWED_HOSTS)' DATABASE_URL='$(DATABASE_URL)' \
	SECURE_SSL_REDIRECT=false SECURE_COOKIES=false

# SERVE_NEEDS=install serves the database as it is, without migrating or loading it.
SERVE_NEEDS ?= load
serve: $(SERVE_NEEDS)
	@mkdir -p var
	@$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	@echo "Serving http://$(SERVE_ADDRESS)/ with $(WEB_CONCURRENCY) gunicorn workers, DJANGO_ENV=production"
	@$(SERVE_ENV) $(BIN)/gunicorn mutuelles_site.wsgi --bind $(SERVE_ADDRESS) \
		--workers $(WEB_CONCURRENCY) --pid $(SERVE_PIDFILE) --timeout 30 --error-logfile - --no-control-socket

# A load test of the public pages (bench/locustfile.py): starts `make serve` itself on a free
# port (2 x cores + 1 workers, page cache on unless PAGE_CACHE=false; REDIS_URL and
# DATABASE_URL are passed on), 10 s of warm-up, 50 users for 60 s, prints requests/s, p50,
# p99, errors and each worker's memory before and after, saves them in bench/results/ and
# stops the server. Bounded: locust is killed 60 s past its time, the server start at 120 s.
bench: install
	$(BIN)/python -m pip install --quiet -e ".[test,load]"
	PAGE_CACHE=$${PAGE_CACHE:-true} $(BIN)/python bench/load.py --serve --output-dir bench/results

# Server CPU per request of the main pages against a bare Django app, measured in the same
# run by the shared load tool (its README explains each figure), against `make serve` with
# two workers. Pages are served from the cache (give REDIS_URL to share it between the
# workers: without it production caches no page); PAGE_CACHE=false measures them rendered.
# CONTENT_COPIES=100 serves a bench database with 100x the content instead (built once by
# build_bench_content, rebuilt when the copies, migrations or fixtures change):
# var/bench-100.sqlite3, or <name>_bench100 next to a PostgreSQL DATABASE_URL's database.
# The JSON lands in bench/results/, named for database, content size, cache and page cache;
# bench/summary.py prints its table. BENCH_VENV is absolute: setup uses it from another folder.
LOAD_TOOLS ?= ../shared/tools/load
BENCH_VENV ?= $(CURDIR)/var/bench-venv
# Through a variable: make runs a recipe line naming $(MAKE) even under `make -n`.
SERVE_MAKE = $(MAKE)
BENCH_ARGS ?= --seconds 3 --rounds 5
CONTENT_COPIES ?= 1
# Past the last page at 1x, ?page=50 answers the last page (200).
BENCH_PATHS ?= / /metiers/ '/metiers/?niveau=2&famille=gestion-des-adherents' '/metiers/?page=50' \
	/metiers/actuaire/ '/metiers/comparer/?m=actuaire&m=opticien' /formations/bts/ \
	/familles/gestion-des-adherents/ '/recherche/?q=actuaire'
DB_VENDOR = $(firstword $(subst :, ,$(DATABASE_URL)))
ifeq ($(CONTENT_COPIES),1)
BENCH_DATABASE_URL = $(DATABASE_URL)
BENCH_SERVE_NEEDS = load
else
BENCH_DATABASE_URL = $(if $(filter sqlite%,$(DB_VENDOR)),sqlite:///$(CURDIR)/var/bench-$(CONTENT_COPIES).sqlite3,$(shell \
	printf '%s' '$(DATABASE_URL)' | sed -E 's#^([^?]*)#\1_bench$(CONTENT_COPIES)#'))
# load_content would give every copy a first version: the bench database is served as built.
BENCH_SERVE_NEEDS = install
endif
# As settings.py decides: the page cache is on by default in production only with Redis.
BENCH_PAGE_CACHE = $(or $(PAGE_CACHE),$(if $(REDIS_URL),true,false))
BENCH_NAME = $(DB_VENDOR)-x$(CONTENT_COPIES)-$(if $(REDIS_URL),redis,locmem)-cache-$(BENCH_PAGE_CACHE)
bench-pages: install
	@mkdir -p bench/results var
	$(if $(filter-out 1,$(CONTENT_COPIES)),DATABASE_URL='$(BENCH_DATABASE_URL)' \
		$(MANAGE) build_bench_content --copies $(CONTENT_COPIES))
	@test -x $(LOAD_TOOLS)/bench || { echo "The shared load tools are not at $(LOAD_TOOLS):" \
		"give their folder, e.g. make bench-pages LOAD_TOOLS=/path/to/tools/load"; exit 2; }
	$(LOAD_TOOLS)/setup $(BENCH_VENV)
	@out=bench/results/pages-$$(date -u +%Y%m%d-%H%M%S)-$(BENCH_NAME).json; \
	$(LOAD_TOOLS)/bench --baseline --baseline-venv $(BENCH_VENV) $(BENCH_ARGS) \
		--target-cwd $(CURDIR) --target-url 'http://127.0.0.1:{port}' \
		--target-cmd "$(SERVE_MAKE) --no-print-directory serve VENV=$(VENV) WEB_CONCURRENCY=2 \
			SERVE_ADDRESS=127.0.0.1:{port} SERVE_NEEDS=$(BENCH_SERVE_NEEDS) \
			DATABASE_URL='$(BENCH_DATABASE_URL)' CACHE_KEY_PREFIX=bench-$(BENCH_NAME)" \
		--paths $(BENCH_PATHS) --output $$out \
	&& $(BIN)/python bench/summary.py $$out

# make backup [BACKUP=path.json]; make restore BACKUP=path.json (replaces the whole database).
backup: install
	$(MANAGE) backup $(BACKUP)

restore: install
	$(MANAGE) restore $(BACKUP)

test: install $(NODE_STAMP)
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# Only the browser suite: accessibility, HTML validity, keyboard, phone, print, motion.
test-browser: install $(NODE_STAMP)
	$(BIN)/pytest tests/e2e

# Times search with 100x the content in a throwaway database; DATABASE_URL picks the server.
bench-search: install
	$(BIN)/python bench/search_bench.py

# A non-editable install into a scratch virtualenv, used from outside the checkout so that
# only the installed packages are importable: proves the package list ships every command.
PACKAGE_VENV := var/package-check
check-package:
	rm -rf $(PACKAGE_VENV) && mkdir -p var
	$(PYTHON) -m venv $(PACKAGE_VENV)
	$(PACKAGE_VENV)/bin/python -m pip install --quiet .
	rm -rf build
	cd /tmp && $(CURDIR)/$(PACKAGE_VENV)/bin/python -m django help load_content \
		--settings=mutuelles_site.settings >/dev/null
	cd /tmp && $(CURDIR)/$(PACKAGE_VENV)/bin/python -m django help restore \
		--settings=mutuelles_site.settings >/dev/null
	@echo "The installed package ships load_content and restore."

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles var node_modules test-artifacts
