"""Helpers shared by the tests: fixture discovery and text extraction from outputs."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import subprocess
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
# the day the rules take as today in the tests (``Settings.rules_today``): after the
# latest date a fixture gives and within a week of the letters' (a later day would warn
# of their dates, letter_dates.STALE_AFTER_DAYS), so fixtures do not change with the calendar
RULES_TODAY = date(2026, 11, 27)
FIXTURES = ROOT / "fixtures"
PAGE_FOOTER = re.compile(r"第\s*\d+\s*页\s*共\s*\d+\s*页")
REGISTER_STAMP = re.compile(
    r"文书编号\s*[0-9A-Z]+\s*校验码\s*[0-9A-Z]{4}-[0-9A-Z]{4}(?:-[0-9A-Z]{5})?"
)


@dataclass(frozen=True)
class FixtureCase:
    type_name: str
    name: str
    path: Path
    expected_locs: tuple[tuple[str | int, ...], ...] | None
    # (loc, code) of every warning, when the .expect.json lists them under "warnings"
    expected_warnings: tuple[tuple[tuple[str | int, ...], str], ...] | None = None

    @property
    def data(self) -> Any:
        return json.loads(self.path.read_text(encoding="utf-8"))

    def __str__(self) -> str:
        return f"{self.type_name}/{self.path.parent.name}/{self.name}"


def fixture_cases(kind: str) -> list[FixtureCase]:
    """All ``valid`` or ``invalid`` fixture cases of every document type."""
    cases = []
    for path in sorted(FIXTURES.glob(f"*/{kind}/*.json")):
        if path.name.endswith(".expect.json"):
            continue
        expected = warnings = None
        expect_path = path.with_name(path.stem + ".expect.json")
        if expect_path.exists():
            expect = json.loads(expect_path.read_text(encoding="utf-8"))
            expected = tuple(sorted(tuple(loc) for loc in expect["errors"]))
            if "warnings" in expect:
                warnings = tuple(sorted((tuple(w["loc"]), w["code"]) for w in expect["warnings"]))
        cases.append(FixtureCase(path.parent.parent.name, path.stem, path, expected, warnings))
    return cases


def load_fixture(type_name: str, kind: str, name: str) -> Any:
    return json.loads((FIXTURES / type_name / kind / f"{name}.json").read_text(encoding="utf-8"))


# pypdf's text extraction is slow (a few hundredths of a second per CJK page, a third of
# the time of a layout test) and many tests read the same file twice (its words, then its
# page numbers) or a file another test read: each file's text is extracted once per process,
# keyed by the file's bytes, so a changed file is extracted anew.
_PDF_TEXTS: OrderedDict[bytes, tuple[str, ...]] = OrderedDict()
_PDF_TEXTS_KEPT = 2048
_PDF_TEXTS_LOCK = threading.Lock()


def pdf_pages_text(content: bytes) -> list[str]:
    """Each page's text as pypdf extracts it (a new list each call)."""
    key = hashlib.blake2b(content, digest_size=32).digest()
    with _PDF_TEXTS_LOCK:
        texts = _PDF_TEXTS.get(key)
        if texts is not None:
            _PDF_TEXTS.move_to_end(key)
            return list(texts)
    reader = PdfReader(io.BytesIO(content))
    texts = tuple(page.extract_text() or "" for page in reader.pages)
    with _PDF_TEXTS_LOCK:
        _PDF_TEXTS[key] = texts
        if len(_PDF_TEXTS) > _PDF_TEXTS_KEPT:
            _PDF_TEXTS.popitem(last=False)
    return list(texts)


FOOTER_PT = 70
"""The height of a page's footer (page number, register stamp) in the bottom margin."""


@dataclass(frozen=True)
class PdfWord:
    """A word as ``pdftotext -bbox`` reads it: its box in points from the page's top
    left (a CJK line without spaces is one word)."""

    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


@dataclass(frozen=True)
class PdfPage:
    height: float
    words: tuple[PdfWord, ...]

    def lowest(self, footer: float = FOOTER_PT) -> float:
        """How far down the page its text reaches, as a share of the page's height: the
        words above the ``footer`` points at its foot (page number, register stamp)."""
        return max(w.y_max for w in self.words if w.y_max < self.height - footer) / self.height


_BBOX_PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
_BBOX_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pdf_word_boxes(content: bytes) -> list[PdfPage]:
    """Each page of a PDF with its words' boxes (``pdftotext -bbox``)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return [
        PdfPage(
            float(height),
            tuple(
                PdfWord(float(x0), float(y0), float(x1), float(y1), html.unescape(word))
                for x0, y0, x1, y1, word in _BBOX_WORD.findall(body)
            ),
        )
        for height, body in _BBOX_PAGE.findall(out)
    ]


PAGE_NUMBER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")


def page_numbers(content: bytes) -> list[tuple[int, int]]:
    """Each page's printed "第 x 页 共 y 页", as (x, y); every page must have one."""
    found = []
    for text in pdf_pages_text(content):
        match = PAGE_NUMBER.search(text)
        assert match, text[-80:]
        found.append((int(match.group(1)), int(match.group(2))))
    return found


def docx_paragraphs(content: bytes) -> list[str]:
    """A DOCX's body as the paragraphs a reader sees, in reading order: each paragraph
    and each table cell's paragraph, a numbered paragraph with the number Word prints
    for it (its level's text, ``%1.``, with the count of its list so far, then a space)."""
    document = Document(io.BytesIO(content))
    formats: dict[str, str] = {}
    try:
        numbering = document.part.numbering_part.element
    except NotImplementedError:
        numbering = None
    if numbering is not None:
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        abstract = {
            a.get(f"{w}abstractNumId"): a.find(f"{w}lvl/{w}lvlText").get(f"{w}val")
            for a in numbering.iter(f"{w}abstractNum")
            if a.find(f"{w}lvl/{w}lvlText") is not None
        }
        for num in numbering.iter(f"{w}num"):
            ref = num.find(f"{w}abstractNumId").get(f"{w}val")
            formats[num.get(f"{w}numId")] = abstract.get(ref, "")
    counts: dict[str, int] = {}
    parts: list[str] = []
    for paragraph in document.element.body.iter():
        if paragraph.tag.rsplit("}", 1)[-1] != "p":
            continue
        text = "".join(t.text or "" for t in paragraph.iter() if t.tag.endswith("}t"))
        num_id = paragraph.find(".//{*}numPr/{*}numId")
        if num_id is not None:
            key = num_id.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
            counts[key] = counts.get(key, 0) + 1
            text = formats.get(key, "%1.").replace("%1", str(counts[key])) + " " + text
        parts.append(text)
    return parts


def docx_text(content: bytes) -> str:
    """Body text of a DOCX in reading order: paragraphs and table cells."""
    return "\n".join(docx_paragraphs(content))


def printed_once(pages: list[str], document: Any) -> str:
    """A PDF's text, normalized, without the header rows a table of ``document`` (a
    ``docgen.docmodel.blocks.Document``) repeats at the top of a page it runs onto: the
    reader sees them once per page, the document holds them once."""
    from docgen.docmodel.blocks import Table, walk

    headers = [
        normalize("".join(column.header for column in block.columns))
        for block in walk(document.blocks)
        if isinstance(block, Table)
    ]
    texts = [normalize(page) for page in pages]
    for k in range(1, len(texts)):
        for header in headers:
            if texts[k].startswith(header):
                texts[k] = texts[k][len(header) :]
                break
    return "".join(texts)


def normalize(text: str) -> str:
    """Text for comparison: page footers and register stamps removed, no whitespace; a
    ticked box the PDF writers draw from □ and ✓ (``typst_writer.TICKED_BOX``), which a
    PDF's text reads as the two, read as the ☑ the layout holds."""
    text = re.sub(r"\s+", "", PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", text)))
    return text.replace("□✓", "☑")


def authorized_client(app: Any) -> Any:
    """A Flask test client that sends a new API key with every request."""
    from docgen.web.auth import api_keys

    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {api_keys(app).create('tests')[1]}"
    return client


def case_layout(case: FixtureCase) -> Any:
    """The built-in layout (``docgen.layouts.Layout``) a valid fixture prints from: its
    type's, or for a type with several layouts the one the case asks for; None if none."""
    from docgen import layouts
    from docgen.documents import registry

    doc_type = registry.get(case.type_name)
    variant = doc_type.variant(doc_type.parse(case.data))
    return layouts.get(layouts.name_for(doc_type.name, variant))


OTHER_TITLES = {"withdrawal_application": ("撤回上诉申请书", "撤回起诉申请书")}
"""A type whose case may call the document otherwise: the withdrawals at second instance."""


def document_titles(type_name: str) -> tuple[str, ...]:
    """The titles a document of the type may carry: the type's, and any its case gives."""
    from docgen.documents import registry

    return (registry.get(type_name).title, *OTHER_TITLES.get(type_name, ()))


def printed_copy(type_name: str, data: Any, index: int = 0) -> str:
    """The words of one copy of a document (0: the debtor's), its paragraphs one a line,
    as every writer prints them; the case must have no errors."""
    from docgen import layouts
    from docgen.docmodel.blocks import paragraphs
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    case = (doc_type.split(case) if doc_type.split else [case])[index]
    assessment = doc_type.evaluate(case, RuleOptions(calendar_fallback=True))
    assert not assessment.errors, assessment.errors
    context = doc_type.build_context(case, assessment)
    layout = layouts.get(layouts.name_for(type_name, doc_type.variant(case)))
    return "\n".join(paragraphs(layout.build(context)))


CALENDAR_CODES = ("due_on_rest_day", "holiday_calendar_missing")
"""The warnings on payment dates that are rest days or in a year without the official
calendar (``rest_day_dates``): most agreement fixtures have one; tests of other rules
leave them out (``test_rest_day_dates.py`` tests them)."""


def without_calendar(result: Any) -> Any:
    """``result`` (an Assessment) without the :data:`CALENDAR_CODES` warnings."""
    result.problems = [p for p in result.problems if p.code not in CALENDAR_CODES]
    return result
