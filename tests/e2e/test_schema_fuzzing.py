"""Schema fuzzing: every operation of the OpenAPI document, with generated valid and
invalid requests, never answers 500 and never shows a stack trace."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from docgen.web import create_app
from docgen.web.auth import api_keys

pytestmark = pytest.mark.slow

# Bounded so the whole run stays well under a minute in CI; raise it locally with
# DOCGEN_FUZZ_EXAMPLES=200 for a deeper search.
EXAMPLES = int(os.environ.get("DOCGEN_FUZZ_EXAMPLES", "8"))
TOTALS: Counter[str] = Counter()
LEAKS = ("Traceback (most recent call last)", 'File "/', "sqlalchemy.exc", "jinja2.exceptions")


@pytest.fixture(scope="module", autouse=True)
def _report_totals():
    """With -s, print how many requests were sent and how many answered 5xx."""
    yield
    print(f"\nschema fuzzing: {TOTALS['requests']} requests, {TOTALS['5xx']} answered 5xx")


@functools.cache
def _fuzzed() -> tuple[Flask, Any]:
    """The app under test and its OpenAPI document as schemathesis reads it, made once
    per process: at collection, which lists the operations from it, and reused by the
    tests (each draws its own requests; the document is only read)."""
    from docgen.config import Settings

    data_dir = tempfile.mkdtemp(prefix="docgen-fuzz-")
    atexit.register(shutil.rmtree, data_dir, True)
    settings = Settings(data_dir=Path(data_dir), rate_limit="1000000/minute")
    app = create_app({"TESTING": True, "SETTINGS": settings})
    return app, schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.fixture(scope="module")
def fuzz_app() -> Flask:
    return _fuzzed()[0]


@pytest.fixture(scope="module")
def fuzz_schema() -> Any:
    return _fuzzed()[1]


@pytest.fixture(scope="module")
def fuzz_key(fuzz_app: Flask) -> str:
    """One API key for the module's requests (no operation manages keys, and the tenant's
    limits are the same for every key of it)."""
    return api_keys(fuzz_app).create("schema fuzzing")[1]


def _operations() -> list[str]:
    """Every operation the OpenAPI document lists (read once, at collection)."""
    operations = _fuzzed()[1].get_all_operations()
    return sorted(f"{op.ok().method.upper()} {op.ok().path}" for op in operations)


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
@pytest.mark.parametrize("label", _operations())
def test_no_request_gets_a_500_or_a_stack_trace(fuzz_schema, fuzz_key, label, mode):
    key = fuzz_key
    operation = fuzz_schema.find_operation_by_label(label)
    seen: Counter[int] = Counter()

    @given(case=operation.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers={"Authorization": f"Bearer {key}"})
        seen[response.status_code] += 1
        TOTALS["requests"] += 1
        TOTALS["5xx"] += response.status_code >= 500
        body = response.content.decode("utf-8", errors="replace")  # a rendered PDF is binary
        assert response.status_code < 500, (label, body[:500])
        assert not any(leak in body for leak in LEAKS), body[:500]

    try:
        run()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE
        pytest.skip("the operation takes no input that could be made invalid")
    assert sum(seen.values()) > 0
