"""A document type added as docs/adding-a-document-type.md says, and nothing else edited.

The newcomer's files are written where a new type's go, as far as a test may: a module
beside docgen/documents' (on the package's path), its layout beside docgen/layouts', its
fixtures with their Chinese names. No list is extended; the registry finds the module,
and every entrypoint lists, validates and prints the type.
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import docgen.documents
import docgen.layouts
from docgen.batch.templates import write_template
from docgen.cli import main
from docgen.config import Settings
from docgen.documents import registry
from docgen.services import DocumentService
from tests.support import docx_paragraphs, pdf_pages_text

NAME = "repayment_reminder"

DOCUMENT_MODULE = '''"""还款提醒函: a reminder before a demand letter."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money
from docgen.domain.money import legal_amount


class Reminder(CaseModel):
    creditor: Line = Field(title="债权人")
    debtor: Line = Field(title="债务人")
    amount: Money = Field(title="欠款金额（元）")
    letter_date: date = Field(title="落款日期")
    due: date = Field(title="付款期限")


def assess(case: Reminder, options: RuleOptions) -> Assessment:
    assessment = Assessment()
    if case.due <= case.letter_date:
        assessment.error(("due",), "due_not_after_letter", "付款期限应晚于落款日期")
    return assessment


def build_context(case: Reminder, assessment: Assessment) -> dict[str, Any]:
    return {
        "creditor": case.creditor,
        "debtor": case.debtor,
        "amount": legal_amount(case.amount),
        "due": format_cn(case.due),
        "letter_date": format_cn(case.letter_date),
    }


def filename(case: Reminder) -> str:
    return f"还款提醒函-{case.debtor}-{case.letter_date:%Y%m%d}"


DOCUMENT: DocumentType[Reminder] = DocumentType(
    name="repayment_reminder",
    order=25,
    layouts={"": "docgen.layouts.repayment_reminder:build"},
    title="还款提醒函",
    description="到期前提醒债务人按期还款",
    model=Reminder,
    assess=assess,
    build_context=build_context,
    filename=filename,
    recipient_field="debtor",
)
'''

LAYOUT_MODULE = '''"""还款提醒函: its words."""

from __future__ import annotations

from docgen.docmodel.blocks import Document, Paragraph, Title, text
from docgen.layouts.common import Context


def build(context: Context) -> Document:
    body = f"贵方尚欠{context['amount']}，请于{context['due']}前付清。"
    return Document(
        "还款提醒函",
        context["creditor"],
        (
            Title("还款提醒函"),
            Paragraph(text(f"{context['debtor']}："), "plain"),
            Paragraph(text(body)),
            Paragraph(text(context["creditor"]), "plain"),
            Paragraph(text(context["letter_date"]), "plain"),
        ),
    )
'''

CASE = {
    "creditor": "深圳市恒信商贸有限公司",
    "debtor": "张伟",
    "amount": "12000.00",
    "letter_date": "2026-11-02",
    "due": "2026-11-20",
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def newcomer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The new type's three parts in ``tmp_path``, seen as docgen's own; a fresh registry."""
    _write(tmp_path / "documents" / f"{NAME}.py", DOCUMENT_MODULE)
    _write(tmp_path / "layouts" / f"{NAME}.py", LAYOUT_MODULE)
    fixtures = tmp_path / "fixtures" / NAME
    _write(fixtures / "valid" / "person_debtor.json", json.dumps(CASE))
    late = dict(CASE, due="2026-11-01")
    _write(fixtures / "invalid" / "due_before_the_letter.json", json.dumps(late))
    _write(fixtures / "invalid" / "due_before_the_letter.expect.json", '{"errors": [["due"]]}')
    _write(fixtures / "titles.json", json.dumps({"person_debtor": "自然人债务人"}))
    for package, folder in ((docgen.documents, "documents"), (docgen.layouts, "layouts")):
        monkeypatch.setattr(package, "__path__", [*package.__path__, str(tmp_path / folder)])
    importlib.invalidate_caches()
    monkeypatch.setattr(registry, "_types", {})  # found again, with the new module
    monkeypatch.setattr(docgen.layouts.LAYOUTS, "_found", {})
    yield tmp_path / "fixtures"
    for package in (docgen.documents, docgen.layouts):
        sys.modules.pop(f"{package.__name__}.{NAME}", None)
        vars(package).pop(NAME, None)


def test_the_new_type_is_listed_in_its_declared_place(newcomer, runner):
    names = [t.name for t in registry.all_types()]
    assert names[:4] == ["demand_letter", "lawyer_letter", NAME, "debt_confirmation"]
    assert len(names) == 16
    lines = runner.invoke(main, ["types"]).output.splitlines()
    assert lines[2] == f"{NAME}\t还款提醒函\t到期前提醒债务人按期还款"


def test_the_new_type_prints_from_its_layout_and_checks_its_rule(newcomer, tmp_path):
    service = DocumentService(Settings(data_dir=tmp_path / "data", samples_dir=newcomer))
    assert service.sample(NAME) == CASE
    docx = service.render(NAME, CASE, "docx")
    assert docx.filename == "还款提醒函-张伟-20261102.docx"
    paragraphs = docx_paragraphs(docx.content)
    owed = "贵方尚欠人民币12,000.00元（大写：壹万贰仟元整），请于2026年11月20日前付清。"
    assert owed in paragraphs
    assert docgen.layouts.get(NAME).source == tmp_path / "layouts" / f"{NAME}.py"
    pdf = service.render(NAME, CASE, "pdf")
    (page,) = pdf_pages_text(pdf.content)
    assert "请于2026年11月20日前付清。" in "".join(page.split())  # lines broken anywhere
    late = newcomer / NAME / "invalid" / "due_before_the_letter.json"
    problems = service.validate(NAME, json.loads(late.read_text(encoding="utf-8"))).problems
    assert [(p.loc, p.message) for p in problems] == [(("due",), "付款期限应晚于落款日期")]


def test_the_form_the_api_and_the_batch_offer_the_new_type(newcomer, tmp_path):
    from docgen.web import create_app
    from docgen.web.auth import api_keys

    settings = Settings(data_dir=tmp_path / "data", samples_dir=newcomer)
    app = create_app({"TESTING": True, "SETTINGS": settings})
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {api_keys(app).create('t')[1]}"

    assert "还款提醒函" in client.get("/form/").get_data(as_text=True)
    form = client.get(f"/form/{NAME}").get_data(as_text=True)
    assert '<option value="person_debtor">自然人债务人</option>' in form
    assert "还款提醒函" in client.get("/form/batches").get_data(as_text=True)

    listed = client.get("/api/v1/document-types?limit=100").json["items"]
    assert [t["name"] for t in listed][2] == NAME
    assert listed[2]["sample"] == CASE
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert {f"/api/v1/documents/{NAME}", f"/api/v1/documents/{NAME}/validate"} <= set(paths)
    rendered = client.post(f"/api/v1/documents/{NAME}?format=docx", json=CASE)
    assert rendered.status_code == 200

    sheet = tmp_path / "reminder.csv"
    write_template(DocumentService(settings), NAME, sheet)
    with sheet.open(encoding="utf-8-sig") as f:
        headers = next(csv.reader(f))
    assert {"债权人", "债务人", "欠款金额（元）", "落款日期", "付款期限"} <= set(headers)
