"""docgen's application with one extra route that outlives any timeout, for running under a
real gunicorn in tests (``gunicorn 'tests.gunicorn_slow_app:build()'``)."""

from __future__ import annotations

import time

from flask import Flask

from docgen.web import create_app


def build() -> Flask:
    app = create_app()

    def slow() -> str:
        time.sleep(120)
        return "never"

    app.add_url_rule("/_test/slow", "test_slow", slow)
    return app
