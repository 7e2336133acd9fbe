"""The bundle page's answer carries its warnings once: mapped to the form's fields and
capped as the API's header is (the bundle itself is a stand-in: no exhibit is made)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from docgen.bundle.results import BundleResult
from docgen.documents.problems import Problem
from docgen.web import bundle_pages, bundles, create_app

FEE = Problem(
    ("complaint", "data", "cost_clause"),
    "lawyer_fee_clause_missing",
    "起诉状：合同未约定律师费由违约方承担，律师费请求可能不获支持",
    "warning",
)


class _Bundles:
    """Builds every case into the same small result with ``warnings``."""

    def __init__(self, warnings: list[Problem]) -> None:
        self.warnings = warnings

    def build(self, data: Any, files: dict[str, bytes], requested_by: Any = None) -> BundleResult:
        return BundleResult(
            pdf=b"%PDF-1.7\n",
            filename="起诉材料.pdf",
            pages=4,
            evidence_list_pdf=b"",
            evidence_list_docx=b"",
            evidence_list_filename="证据目录",
            manifest=[],
            warnings=self.warnings,
        )


@pytest.fixture
def page_client(settings):
    return create_app({"TESTING": True, "SETTINGS": settings}).test_client()


def _build(page_client, monkeypatch, warnings: list[Problem]):
    monkeypatch.setattr(bundle_pages, "bundle_service", lambda: _Bundles(warnings))
    calls: list[list[dict[str, Any]]] = []
    real = bundles.warnings_headers

    def counted(response, items, **caps):
        calls.append(items)
        real(response, items, **caps)

    for module in (bundles, bundle_pages):  # wherever the header might be built
        monkeypatch.setattr(module, "warnings_headers", counted, raising=False)
    page = page_client.get("/form/bundle").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert token, "the bundle page carries its CSRF token"
    built = page_client.post(
        "/form/bundle/build",
        data={"case": "{}"},
        content_type="multipart/form-data",
        headers={"X-CSRFToken": token.group(1)},
    )
    assert built.mimetype == "application/pdf" and built.headers["X-Docgen-Pages"] == "4"
    return built, calls


def test_the_bundle_page_answers_with_one_warnings_header_beside_its_fields(
    page_client, monkeypatch
):
    built, calls = _build(page_client, monkeypatch, [FEE])
    assert len(calls) == 1  # built once, from the warnings mapped to the form
    (header,) = built.headers.getlist("X-Docgen-Warnings")
    assert built.headers.getlist("X-Docgen-Warnings-Count") == ["1"]
    assert "X-Docgen-Warnings-Truncated" not in built.headers
    (warning,) = json.loads(header)
    assert warning["code"] == "lawyer_fee_clause_missing"
    assert warning["field"].startswith("f.complaint")
    assert warning["path"].startswith("complaint.data.")
    assert warning["message"] == FEE.message


def test_a_long_list_is_shortened_once_keeping_fields_and_the_first_messages(
    page_client, monkeypatch
):
    many = [FEE] * 12  # some 4 KB with their messages, every field and code fits
    built, calls = _build(page_client, monkeypatch, many)
    assert len(calls) == 1
    (header,) = built.headers.getlist("X-Docgen-Warnings")
    assert len(header.encode()) <= 2048
    assert built.headers.getlist("X-Docgen-Warnings-Truncated") == ["true"]
    assert built.headers.getlist("X-Docgen-Warnings-Count") == ["12"]
    warnings = json.loads(header)
    assert len(warnings) == 12
    assert all(w["field"].startswith("f.complaint") and "loc" not in w for w in warnings)
    assert warnings[0]["message"] == FEE.message  # the first keep their messages
    assert set(warnings[-1]) == {"field", "code", "severity"}


def test_without_warnings_the_bundle_page_sends_no_warnings_header(page_client, monkeypatch):
    built, _ = _build(page_client, monkeypatch, [])
    assert "X-Docgen-Warnings" not in built.headers
    assert "X-Docgen-Warnings-Count" not in built.headers
