"""A document type printed from template files, for the tests of that path.

Every built-in type prints from its layout (``docgen.layouts``); firms' uploaded
templates and a type registered with ``templates`` (a plugin's) still print from files:
.docx through docxtpl, .html through WeasyPrint, .typ through Typst. The tests that plant
payloads in a template, check a template's variables or compare engines need such a type
and its files: ``templated_notice`` (two layouts, short and long), whose templates are
the files beside this module. ``install`` copies them into a template root and
``registered`` adds the type to the registry while a test runs.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pydantic import Field

from docgen.documents import registry
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money
from docgen.domain.money import legal_amount

NAME = "templated_notice"
FILES = Path(__file__).with_name(NAME)
PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


class Notice(CaseModel):
    layout: Literal["short", "long"] = Field(default="short", title="格式")
    creditor: Line = Field(title="债权人")
    debtor: Line = Field(title="债务人")
    amount: Money = Field(title="欠款金额（元）")
    due: date = Field(title="付款期限")


def _assess(case: Notice, options: RuleOptions) -> Assessment:
    return Assessment()


def _context(case: Notice, assessment: Assessment) -> dict[str, Any]:
    return {
        "title": "催款通知",
        "creditor": case.creditor,
        "debtor": case.debtor,
        "amount": legal_amount(case.amount),
        "due": format_cn(case.due),
        "lines": ["请于期限内付款。", "逾期将依法追究。"] if case.layout == "long" else [],
    }


def _templates(layout: str) -> dict[str, str]:
    return {kind: f"{NAME}/{layout}.{ext}" for kind, ext in TEMPLATE_KINDS.items()}


TEMPLATE_KINDS = {"docx": "docx", "html": "html", "typst": "typ"}
DOCUMENT: DocumentType[Notice] = DocumentType(
    name=NAME,
    title="催款通知",
    description="测试用：从模板文件打印的文书",
    model=Notice,
    assess=_assess,
    build_context=_context,
    filename=lambda case: f"催款通知-{case.debtor}",
    templates=_templates("short"),
    choose_templates=lambda case: _templates(case.layout),
    variant_of=lambda case: case.layout,
    variants={"short": "简式", "long": "详式"},
)
CASES: dict[str, dict[str, Any]] = {
    "short": {
        "creditor": "深圳市恒信商贸有限公司",
        "debtor": "张伟",
        "amount": "12000.50",
        "due": "2026-12-20",
    },
    "long": {
        "layout": "long",
        "creditor": "上海申达机电设备有限公司",
        "debtor": "杭州远景建设工程有限公司",
        "amount": "389500",
        "due": "2027-01-10",
    },
}


@cache
def _docx_bytes(layout: str) -> bytes:
    """The .docx template of ``layout``: docxtpl tags, each in a single run. Built once
    per process: python-docx takes about 0.1 s to make one, and every test that plants a
    payload installs a fresh template root."""
    document = Document()
    document.add_heading("{{ title }}", level=1)
    document.add_paragraph("致：{{ debtor }}")
    document.add_paragraph("截至目前，贵方尚欠{{ creditor }}{{ amount }}，请于{{ due }}前付清。")
    if layout == "long":
        document.add_paragraph("{%p for line in lines %}")
        document.add_paragraph("{{ line }}")
        document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ creditor }}")
    footer = document.sections[0].footer.paragraphs[0]
    for words, field in (("第 ", "PAGE"), (" 页 共 ", "NUMPAGES"), (" 页", None)):
        footer.add_run(words)
        if field:  # a page number field, as Word updates it
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field} ")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            simple.append(run)
            footer._p.append(simple)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def install(root: Path) -> Path:
    """Make ``root`` a copy of the project's templates with the notice's in it."""
    if not root.exists():
        shutil.copytree(PROJECT_TEMPLATES, root)
    folder = root / NAME
    shutil.copytree(FILES, folder, dirs_exist_ok=True)
    for layout in DOCUMENT.variants:
        (folder / f"{layout}.docx").write_bytes(_docx_bytes(layout))
    return root


@contextmanager
def registered(doc_type: DocumentType[Any] = DOCUMENT) -> Iterator[DocumentType[Any]]:
    """The notice type in the registry while the block runs."""
    registry.all_types()  # the built-in types first: the registry loads them when empty
    registry.register(doc_type)
    try:
        yield doc_type
    finally:
        registry._types.pop(doc_type.name, None)
