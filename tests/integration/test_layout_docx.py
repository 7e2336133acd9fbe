"""The Word file of a built-in layout is one a paralegal can edit: named styles, Word
numbering, the PDF's fonts declared for Chinese text, page number fields, honest core
properties, and the keep / repeat / no-split settings that make it print like the PDF."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document
from lxml import etree

from tests.support import case_layout, document_titles, fixture_cases

# on one worker: its module fixtures (every fixture's DOCX) are made once
pytestmark = pytest.mark.xdist_group("test_layout_docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
CASES = {str(case): case for case in fixture_cases("valid") if case_layout(case)}


@pytest.fixture(scope="module")
def words(service):
    """The DOCX of every valid fixture printed from a layout (the first recipient's)."""
    started = datetime.now(UTC).replace(microsecond=0)
    made = {
        name: service.render_each(case.type_name, case.data, "docx")[0].content
        for name, case in CASES.items()
    }
    return started, made


def part(content: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return etree.fromstring(archive.read(name))


def style_names(content: bytes) -> dict[str, str]:
    styles = part(content, "word/styles.xml")
    return {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val").title()
        for s in styles.iter(f"{W}style")
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_paragraph_and_table_has_a_named_style(name, words):
    content = words[1][name]
    names = style_names(content)
    body = part(content, "word/document.xml")
    # a paragraph without a style reference is in Normal, Word's default style
    used = {p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for p in body.iter(f"{W}p")}
    used_names = {names.get(style, "Normal") if style else "Normal" for style in used}
    assert not {style for style in used if style and style not in names}
    assert {"Title", "Body Text"} <= used_names
    assert {"Signature", "Signature Block"} & used_names
    tables = {t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") for t in body.iter(f"{W}tbl")}
    # a certificate, a power of attorney, a withdrawal or a settlement paid at once has no
    # table; every table there is has the style
    assert {names[t] for t in tables} <= {"Amounts Table"}


def test_styles_declare_the_pdf_font_for_chinese_text_and_the_indent(words, settings):
    content = words[1]["demand_letter/valid/person_debtor"]
    styles = part(content, "word/styles.xml")
    family = settings.pdf_font_families[0]
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == family and fonts.get(f"{W}ascii") == family
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    # Word spells its built-in headings "heading 1" in styles.xml
    by_name = {s.find(f"{W}name").get(f"{W}val").title(): s for s in styles.iter(f"{W}style")}
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Body Text", "Signature"):
        assert by_name[name].find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == family, name
    body = by_name["Body Text"].find(f"{W}pPr/{W}ind")
    assert body.get(f"{W}firstLineChars") == "200"  # two characters
    for name in ("Title", "Heading 1", "Heading 2"):
        assert by_name[name].find(f"{W}pPr/{W}keepNext") is not None, name
    table = by_name["Amounts Table"]
    assert table.get(f"{W}type") == "table"
    assert table.find(f"{W}tblPr/{W}tblBorders/{W}insideH").get(f"{W}val") == "single"


def test_calculation_sheets_are_word_numbering(words):
    content = words[1]["demand_letter/valid/computed_interest"]
    numbering = part(content, "word/numbering.xml")
    body = part(content, "word/document.xml")
    numbered = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in numbered]
    assert len(texts) == 2 and texts[0].startswith("借期内利息") and texts[1].startswith("逾期利息")
    assert not any(text[0].isdigit() for text in texts)  # the number is Word's, not typed
    num_ids = {p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in numbered}
    (num_id,) = num_ids
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(
        a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id
    )
    level = abstract.find(f"{W}lvl")
    assert level.find(f"{W}numFmt").get(f"{W}val") == "decimal"
    assert level.find(f"{W}lvlText").get(f"{W}val") == "%1."
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


def _signers(table: etree._Element) -> bool:
    """Whether ``table`` holds an agreement's signers (no header row: they sign in it)."""
    first = table.find(f"{W}tr/{W}tc/{W}p/{W}pPr/{W}pStyle")
    return first is not None and first.get(f"{W}val") == "SignatureBlock"


@pytest.mark.parametrize("name", sorted(CASES))
def test_rows_do_not_split_headers_repeat_and_the_closing_keeps_with_the_signature(name, words):
    body = part(words[1][name], "word/document.xml")
    for table in body.iter(f"{W}tbl"):
        rows = table.findall(f"{W}tr")
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        # a form (the element-based complaint) opens on a section's title across both
        # columns: it has no header row to repeat, and each title keeps with its first row
        titles = [row for row in rows if row.find(f"{W}tc/{W}tcPr/{W}gridSpan") is not None]
        if titles and titles[0] is rows[0]:
            assert all(row.find(f".//{W}pPr/{W}keepNext") is not None for row in titles)
        elif len(rows) > 1 and not _signers(table):
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    paragraphs = list(body.iter(f"{W}p"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    # the closing words of a letter, the first line of an agreement's signing part
    signing = ("签署地点", "签署日期", "签订地点", "签订日期")
    starts = [k for k, t in enumerate(texts) if t.startswith(signing)]
    # letters, court filings, the papers filed with a complaint
    ends = ("特此函告。", "以上证据共", "此致")
    ends += ("特此函告，请予接洽。", "特此委托。", "特此证明。", "本人（本单位）已阅读")
    closings = [k for k, t in enumerate(texts) if t.startswith(ends)]
    # an agreement without a place of signing: its end-of-text mark (each signer dates),
    # 「（以下无正文，附件附后）」 where a signed calculation sheet follows (debt confirmation)
    marks = [k for k, t in enumerate(texts) if t.startswith("（以下无正文")]
    closing = min(starts) if starts else max(closings) if closings else marks[0]
    assert paragraphs[closing].find(f"{W}pPr/{W}keepNext") is not None
    signature = closing + 1
    while paragraphs[signature].find(f"{W}pPr/{W}keepNext") is not None:
        signature += 1
    table = next(paragraphs[signature].iterancestors(f"{W}tbl"), None)
    if table is not None and _signers(table):
        # an agreement's signers two to a row: the chain holds on through every row to
        # the last, none of which splits; its first signer ends on the date line
        cell = table.findall(f"{W}tr")[-1].find(f"{W}tc")
        assert paragraphs[signature] is next(cell.iter(f"{W}p"))
        signature = paragraphs.index(list(cell.iter(f"{W}p"))[-1])
    # the chain holds on to the last line of the signature: its date line (a complaint's
    # closing ends on its 附 list (numbered lines), a letter's on 另函致 and 抄送 and the
    # note on its deadline, after the date); an agreement dated once, above its
    # signatures, ends on its last signer's line or fingerprint box
    while texts[signature].startswith(("附：", "另函致：", "抄送：", "注：")) or re.match(
        r"\d+．", texts[signature]
    ):
        signature -= 1
    undated = ("指印", "签字：＿＿＿＿＿＿") if "日期：＿＿＿＿年＿＿月＿＿日" not in texts else ()
    last = texts[signature]
    assert last.startswith("日期：") or re.match(r"\d{4}年", last) or last.endswith(undated)
    # the signing lines held to the closing words: at least a name and a date
    assert signature - closing >= 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_numbers_are_fields_and_core_properties_are_real(name, words, service):
    started, made = words
    content = made[name]
    document = Document(io.BytesIO(content))
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    core = document.core_properties
    assert core.title in document_titles(CASES[name].type_name)
    assert started - timedelta(seconds=1) <= core.created.replace(tzinfo=UTC)
    assert core.created.replace(tzinfo=UTC) <= datetime.now(UTC)
    assert core.last_modified_by == "docgen"
    assert core.identifier and core.keywords.startswith("docgen 校验码 ")  # register's stamp
    app = part(content, "docProps/app.xml")
    assert app.find("{*}Application").text == "docgen"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.read("_rels/.rels").decode()
