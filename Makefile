# The two commands: `make serve` starts the service, `make test` runs every check.
# Both install what they need first (bin/bootstrap: system fonts and libraries, .venv).
HOST ?= 127.0.0.1
PORT ?= 8000
# empty: docgen serve chooses (2 with shared rate-limit counters in Redis, else 1)
WORKERS ?=

.PHONY: serve test lint bench setup dev-setup audit

serve: setup
	.venv/bin/docgen serve --host $(HOST) --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

test: dev-setup lint
	.venv/bin/python -m pytest

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
