# `make serve` starts the service; `make check` is the quick edit-and-test loop (lint, types
# and the tests that need no browser, LibreOffice or server); `make test` runs every check
# before pushing. All install what they need first (bin/bootstrap: system packages, .venv).
# The tests start their own PostgreSQL and Redis (docs/testing.md).
HOST ?= 127.0.0.1
PORT ?= 8000
# empty: docgen serve chooses (2 with shared rate-limit counters in Redis, else 1)
WORKERS ?=
# test processes: one per core (pytest-xdist); TEST_WORKERS=0 runs them in this process
TEST_WORKERS ?= auto
# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set (as in many container images):
# without it every run compiles docgen and has pytest rewrite each test module again, in
# each worker (about 4 s of CPU per process); __pycache__ is ignored by git.
PYTEST = PYTHONDONTWRITEBYTECODE= .venv/bin/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

.PHONY: serve test check lint bench setup dev-setup audit

serve: setup
	.venv/bin/docgen serve --host $(HOST) --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

test: dev-setup lint
	@start=$$(date +%s); status=0; $(PYTEST) --durations=10 || status=$$?; \
	echo "make test: the tests took $$(( $$(date +%s) - start )) s"; exit $$status

check: dev-setup
	@start=$$(date +%s); status=0; \
	{ $(MAKE) --no-print-directory lint && $(PYTEST) --quick -q; } || status=$$?; \
	echo "make check: lint, types and quick tests took $$(( $$(date +%s) - start )) s"; \
	exit $$status

lint:
	.venv/bin/ruff check docgen tests bench templates
	.venv/bin/ruff format --check docgen tests bench templates
	.venv/bin/mypy docgen

audit: dev-setup
	bin/audit

bench: dev-setup
	.venv/bin/python bench/render.py

setup:
	bin/bootstrap

dev-setup:
	bin/bootstrap --dev
