"""Built-in layouts: one source of words, printed to DOCX and to PDF by both engines.

For every valid fixture of every type printed from a layout (``docgen.layouts``): the
DOCX's paragraphs are the layout's paragraphs, one for one, and each PDF (Typst and
WeasyPrint) prints exactly those words; no page holds a signature alone; the letters
whose facts fit on one sheet print on one sheet; a table's header row repeats on every
page it runs onto and its rows are not split.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen import layouts
from docgen.config import Settings
from docgen.docmodel import typst_writer
from docgen.docmodel.blocks import (
    Column,
    Document,
    Keep,
    Lines,
    Paragraph,
    SignatureLines,
    SignBlock,
    Table,
    Title,
    paragraphs,
    plain,
    text,
    walk,
)
from docgen.documents import registry
from docgen.render.layout_print import LayoutPrinter
from docgen.services import DocumentService
from tests.render_cache import by_case, case_group, with_case
from tests.support import (
    PAGE_FOOTER,
    REGISTER_STAMP,
    case_layout,
    docx_paragraphs,
    fixture_cases,
    load_fixture,
    normalize,
    page_numbers,
    pdf_pages_text,
    printed_once,
)

CASES = [case for case in fixture_cases("valid") if case_layout(case)]
ENGINES = ("typst", "weasyprint")
VALID = {(case.type_name, case.name): case for case in fixture_cases("valid")}


def first_pdf(case_pdfs, type_name: str, name: str, engine: str) -> bytes:
    """The first recipient's PDF of a valid fixture as a fresh registered service prints
    it, printed once per process for every suite (tests/render_cache.py): a test reading
    it is placed in the case's xdist group (``with_case``, ``case_group``)."""
    return case_pdfs.pdfs(VALID[type_name, name], engine)[0].content


def fresh(path: Path) -> DocumentService:
    """Register off and nothing stored: numbers given per render start again."""
    return DocumentService(Settings(data_dir=path, register_documents=False))


def expected_documents(case, path: Path) -> list[Document]:
    """Each recipient's copy of the case as its layout builds it."""
    service = fresh(path)
    doc_type = registry.get(case.type_name)
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    return [case_layout(case).build(context) for _copy, context in copies]


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory):
    """``expected_documents`` of a case, built once per module for the three tests that
    read them (a fresh service builds the same documents every time)."""
    built: dict[str, list[Document]] = {}

    def documents(case) -> list[Document]:
        if str(case) not in built:
            built[str(case)] = expected_documents(case, tmp_path_factory.mktemp("expected"))
        return built[str(case)]

    return documents


def test_the_letters_are_printed_from_layouts():
    assert {"demand_letter", "lawyer_letter"} <= {case.type_name for case in CASES}
    for name in ("demand_letter", "lawyer_letter"):
        folder = Path(__file__).resolve().parents[2] / "templates" / name
        assert not folder.exists(), f"{folder} still holds a copy of the words"


@pytest.mark.parametrize("case", by_case(CASES))
def test_docx_and_both_pdfs_print_the_layouts_paragraphs(case, tmp_path, case_pdfs, expected):
    documents = expected(case)
    words = fresh(tmp_path / "docx").render_each(case.type_name, case.data, "docx")
    assert len(words) == len(documents)
    for engine in ENGINES:
        # printed by a fresh service as a user prints them: with the register's stamp (on a
        # letter's pages; normalize takes it out) and the case's first numbers
        pdfs = case_pdfs.pdfs(case, engine)
        for document, pdf in zip(documents, pdfs, strict=True):
            printed = printed_once(pdf_pages_text(pdf.content), document)
            assert printed == normalize("".join(paragraphs(document))), engine
            numbers = page_numbers(pdf.content)
            assert numbers == [(k + 1, len(numbers)) for k in range(len(numbers))]
    for document, word in zip(documents, words, strict=True):
        assert docx_paragraphs(word.content) == paragraphs(document)


# Words that close a document without saying anything: a page holding only these and
# the signature is a signature page all the same.
_CLOSING_WORDS = {"此致", "特此函告。", "特此通知。", "（以下无正文）"}
# the copies a filing encloses, under its signature (「附：本起诉状副本2份」), one paper
# on the line of 附; several are a numbered list under it (a Lines block)
_ENCLOSED_COPIES = re.compile(r"附：本\S*副本\d+份")


def _closing_lines(document: Document) -> set[str]:
    """The signature lines, the closing formulas, and the court addressed after 此致."""
    lines: set[str] = set()
    blocks = list(walk(document.blocks))
    for i, block in enumerate(blocks):
        if isinstance(block, SignatureLines):
            lines |= {normalize(line) for line in block.lines}
        elif isinstance(block, SignBlock):
            lines |= {normalize(line) for line in block.lines()}
        elif isinstance(block, Paragraph) and _ENCLOSED_COPIES.fullmatch(
            normalize(plain(block.text))
        ):
            lines.add(normalize(plain(block.text)))
        elif isinstance(block, Lines) and normalize(plain(block.lines[0])).startswith("附："):
            # a filing's numbered list of what it encloses (layouts.common.attachment_list)
            lines |= {normalize(plain(line)) for line in block.lines}
        elif isinstance(block, Paragraph) and normalize(plain(block.text)) in _CLOSING_WORDS:
            lines.add(normalize(plain(block.text)))
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if normalize(plain(block.text)) == "此致" and isinstance(after, Paragraph):
                lines.add(normalize(plain(after.text)))
    return lines


def _page_body(page: str) -> str:
    return normalize(PAGE_FOOTER.sub("", REGISTER_STAMP.sub("", page)))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", by_case(CASES))
def test_no_page_holds_a_signature_alone(case, engine, case_pdfs, expected):
    # 此致, the court and 特此函告 are not body text: a page holding only them and the
    # signature fails, the last paragraph that says something must come over with them
    # An agreement's later signers may go over to the next page, the signing part
    # continued: the page before ends the text with 「（以下无正文）」 and the first
    # signature under it, so nothing can be added between the text and them.
    documents = expected(case)
    pdfs = case_pdfs.pdfs(case, engine)  # with the register's stamp
    for document, pdf in zip(documents, pdfs, strict=True):
        closing = _closing_lines(document)
        before = ""
        for number, page in enumerate(pdf_pages_text(pdf.content), start=1):
            body = _page_body(page)
            rest = body
            for line in sorted(closing, key=len, reverse=True):
                rest = rest.replace(line, "")
            signing_goes_on = "（以下无正文）" in before and rest == "" and "方：" in body
            assert rest or not body or signing_goes_on, (
                f"{engine}: page {number} holds only a signature"
            )
            before = body


def _sums(document: Document) -> set[tuple[str, str]]:
    """Per table, its header as printed and each sum that must not head a page under it:
    the total's label, and 合计 where the last row is a row of sums."""
    out = set()
    for block in walk(document.blocks):
        if isinstance(block, Table):
            header = normalize("".join(column.header for column in block.columns))
            labels = [block.total[0]] if block.total else []
            labels += [row[0] for row in block.rows[-1:] if row[0] in ("合计", "总计")]
            out |= {(header, normalize(label)) for label in labels}
    return out


# the documents whose tables keep their totals with the rows above (Table.keep_with_total)
KEEPING_TOTALS = (
    "debt_confirmation",
    "installment_agreement",
    "settlement_agreement",
    "lawyer_letter",
    "demand_letter",
)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", by_case([c for c in CASES if c.type_name in KEEPING_TOTALS]))
def test_no_page_begins_with_a_tables_sum_under_its_header(case, engine, case_pdfs, expected):
    # a table run onto a new page repeats its header: a total right under it stands apart
    # from every figure it sums
    documents = expected(case)
    for document, pdf in zip(documents, case_pdfs.pdfs(case, engine), strict=True):
        sums = _sums(document)
        for number, page in enumerate(pdf_pages_text(pdf.content), start=1):
            body = _page_body(page)
            alone = [label for header, label in sums if body.startswith(header + label)]
            assert not alone, f"{engine}: page {number} begins with {alone[0]}"


@case_group(VALID["payment_order", "person_principal_and_interest"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_payment_orders_closing_page_also_states_the_fee(engine, case_pdfs):
    pdf = first_pdf(case_pdfs, "payment_order", "person_principal_and_interest", engine)
    closing = [normalize(page) for page in pdf_pages_text(pdf) if "此致" in page]
    assert len(closing) == 1
    assert "申请费：申请费人民币838.89元" in closing[0]
    assert (
        "此致北京市东城区人民法院附：1．本申请书副本1份；2．证据材料3份；"
        "3．申请人刘芳的居民身份证复印件。"
        f"申请人：刘芳（签名）{'＿' * 8}2026年11月20日" in closing[0]
    )


@case_group(VALID["representative_certificate", "partnership_principal_person"])
@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_organisation_name_stays_on_its_seal_line(engine, case_pdfs):
    """「单位（盖章）：北京恒远商贸合伙企业（有限合伙）」 broke inside 「（有限合伙）」 when set
    from the middle of the line; set flush right, it stays whole."""
    pdf = first_pdf(case_pdfs, "representative_certificate", "partnership_principal_person", engine)
    (page,) = pdf_pages_text(pdf)
    lines = [normalize(line) for line in page.splitlines()]
    assert "单位（盖章）：北京恒远商贸合伙企业（有限合伙）" in lines


@pytest.mark.parametrize(
    ("type_name", "name", "warning"),
    [
        with_case(VALID[params[:2]], *params)
        for params in [
            ("demand_letter", "person_debtor", "相关诉讼费用将依法主张由您承担"),
            ("demand_letter", "company_debtor_arbitration", "相关仲裁费用将依法主张由贵司承担"),
            ("lawyer_letter", "person_debtor_auto_number", "相关诉讼费用将依法主张由您承担"),
            ("lawyer_letter", "company_debtor_with_guarantor", "相关仲裁费用将依法主张由贵司承担"),
        ]
    ],
)
def test_a_letter_warns_of_the_costs_of_the_one_proceeding_it_names(
    type_name, name, warning, service, case_pdfs
):
    pdf = first_pdf(case_pdfs, type_name, name, service.settings.pdf_engine)
    printed = normalize("".join(pdf_pages_text(pdf)))
    assert warning in printed
    assert "诉讼或仲裁费用" not in printed


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("name", "closing", "signers"),
    [
        with_case(VALID["settlement_agreement", name], name, closing, signers)
        for name, closing, signers in [
            ("before_suit_paid_at_once", "本协议一式两份", 2),
            ("withdraw_after_the_first_payment", "本协议一式四份", 3),
        ]
    ],
)
def test_a_settlements_last_article_is_on_the_signature_page(
    name, closing, signers, engine, case_pdfs
):
    pdf = first_pdf(case_pdfs, "settlement_agreement", name, engine)
    signing = [normalize(page) for page in pdf_pages_text(pdf) if "（以下无正文）" in page]
    assert len(signing) == 1
    assert closing in signing[0] and "（以下无正文）" in signing[0]
    # the place closes the text; after the mark, the signatures alone, each dated by
    # its signer (no typed date)
    assert "（以下无正文）甲方：" in signing[0] and "签订日期" not in signing[0]
    assert signing[0].index(closing) < signing[0].index("（以下无正文）")
    # every signer on that page, a third too: none signs on a page without text
    after = signing[0][signing[0].index("（以下无正文）") :]
    assert after.count("日期：＿＿＿＿年＿＿月＿＿日") == signers


@pytest.mark.parametrize("case", by_case(CASES))
def test_every_filing_indents_its_salutation_and_sets_the_court_flush_left(case, expected):
    # 此致 opens a line two characters in, the court's name goes back to the margin
    for document in expected(case):
        blocks = list(walk(document.blocks))
        for i, block in enumerate(blocks):
            if isinstance(block, Paragraph) and normalize(plain(block.text)) == "此致":
                assert block.role == "body", case
                court = blocks[i + 1]
                assert isinstance(court, Paragraph) and court.role == "plain", case


# company_debtor_arbitration no longer fits: the reservation of the interest after the
# cut-off date (docs/legal-rules.md) takes the two lines its closing block had to spare
# the minimal IOU without its delivery (with it, private_lending_minimal states the loan's
# amount, delivery and the LPR after the due date, and runs onto a second page)
ONE_SHEET = ["private_loan_without_delivery"]


# the default engine; WeasyPrint's looser lines now carry its closing onto a second page
@pytest.mark.parametrize("engine", ["typst"])
@pytest.mark.parametrize("name", [with_case(VALID["demand_letter", n], n) for n in ONE_SHEET])
def test_a_demand_letter_whose_facts_fit_prints_on_one_sheet(name, engine, case_pdfs):
    # as a fresh registered service prints it: with the register's stamp
    (pdf,) = case_pdfs.pdfs(VALID["demand_letter", name], engine)
    pages = pdf_pages_text(pdf.content)
    assert len(pages) == 1
    assert "特此函告" in normalize(pages[0])


def _long_table() -> Document:
    columns = (Column("序号", 10, "center"), Column("期间", 60), Column("金额（元）", 30, "right"))
    rows = tuple((str(k), f"第{k}期", f"{k},000.00") for k in range(1, 91))
    closing = Keep((Paragraph(text("特此函告。")), SignatureLines(("某某公司（盖章）",))))
    return Document(
        "清单", "某某公司", (Title("清单"), Table(columns, rows, ("合计", "甲")), closing)
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_long_table_repeats_its_header_and_splits_no_row(engine, service, monkeypatch):
    monkeypatch.setitem(
        layouts.LAYOUTS, "long_table", layouts.Layout("long_table", lambda c: _long_table(), Path())
    )
    backend = service.typst if engine == "typst" else service.pdf
    pdf = LayoutPrinter(engine, backend).render("long_table", {})
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 3
    seen = []
    for page in pages:
        body = _page_body(page)
        assert body.startswith(("清单序号期间金额（元）", "序号期间金额（元）")), body[:40]
        # a row whole on one page: its period and its amount
        seen += [int(k) for k, n in re.findall(r"第(\d+)期(\d+),000\.00", body) if k == n]
    assert seen == list(range(1, 91))


def test_typst_prints_markup_characters_in_case_strings_as_text(service):
    hostile = '#set page(width: 1cm) *粗* $x$ ] [ \\ " <a> @b `c` // d /* e'
    document = Document("清单", hostile, (Title("清单"), Paragraph(text(hostile))))
    printer = LayoutPrinter("typst", service.typst)
    pdf = printer.backend.compile_source(typst_writer.source([document]))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) > 500  # the page set-up was not changed
    assert normalize(hostile) in normalize(reader.pages[0].extract_text())
    assert typst_writer.string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


def test_typst_prints_each_letters_own_stamp_on_each_of_its_pages(service):
    # the footer finds its letter's stamp by a query: two letters in one source, the
    # second over two pages, each page with its own letter's stamp and page count
    long = tuple(Paragraph(text(f"第{k}段。" + "甲乙丙丁" * 60)) for k in range(12))
    documents = [
        Document("一号函", "甲公司", (Title("一号函"), Paragraph(text("一页")))),
        Document("二号函", "乙公司", (Title("二号函"), *long)),
    ]
    stamps = ["文书编号 AAAA1111\n校验码 A1", "文书编号 BBBB2222\n校验码 B2"]
    pdf = service.typst.compile_source(typst_writer.source(documents, stamps))
    pages = [re.sub(r"\s+", "", page) for page in pdf_pages_text(pdf)]
    assert len(pages) >= 3
    assert "文书编号AAAA1111校验码A1" in pages[0] and "BBBB2222" not in pages[0]
    assert "第1页共1页" in pages[0]
    for number, page in enumerate(pages[1:], start=1):
        assert "文书编号BBBB2222校验码B2" in page and "AAAA1111" not in page
        assert f"第{number}页共{len(pages) - 1}页" in page


@pytest.mark.parametrize("engine", ENGINES)
def test_a_letter_whose_layout_module_changed_since_is_not_made_again(
    engine, tmp_path, monkeypatch
):
    from docgen.pipeline.reissue import NotReissuable

    layout = layouts.LAYOUTS["demand_letter"]
    copy = tmp_path / "demand_letter.py"
    copy.write_bytes(layout.source.read_bytes())
    monkeypatch.setitem(
        layouts.LAYOUTS, "demand_letter", layouts.Layout(layout.name, layout.build, copy)
    )
    service = DocumentService(Settings(data_dir=tmp_path / "data"))
    case = next(c for c in CASES if c.type_name == "demand_letter")
    rendered = service.render("demand_letter", case.data, "pdf", engine=engine)
    row = service.register.get(rendered.document_id, None)
    assert row.template_id == f"layouts/demand_letter.py@{engine}"
    assert service.reissue_pdf(rendered.document_id).identical

    # a changed layout module prints once it is loaded again: in a new service, as after
    # the restart that deploys it (a running service keeps printing with the code it has)
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# 改过\n", encoding="utf-8")
    assert service.reissue_pdf(rendered.document_id).identical
    restarted = DocumentService(Settings(data_dir=tmp_path / "data"))
    with pytest.raises(NotReissuable) as refused:
        restarted.reissue_pdf(rendered.document_id)
    assert refused.value.code == "template_changed"


@pytest.mark.parametrize("template", ["demand_letter/letter.typ", "demand_letter/letter.html"])
def test_a_letter_printed_from_the_former_template_files_is_not_printed_differently(
    template, tmp_path
):
    from docgen.pipeline.reissue import NotReissuable
    from docgen.register import Issue, Stamp, sha256_hex

    service = DocumentService(Settings(data_dir=tmp_path))
    case = next(c for c in CASES if c.type_name == "demand_letter")
    doc_type = registry.get("demand_letter")
    _assessment, copies = service.copies(doc_type, case.data, service.options())
    stamp = Stamp.new()
    issue = Issue(
        stamp,
        "demand_letter",
        template,
        sha256_hex(b"the template file as it was"),
        copies[0][0].model_dump(mode="json"),
        "pdf",
        b"%PDF-1.7 as printed then",
        "cli",
        None,
        "0" * 64,
        service.tenant_id,
    )
    service.register.record(issue)
    with pytest.raises(NotReissuable) as refused:
        service.reissue_pdf(stamp.document_id)
    assert refused.value.code == "template_changed"
    assert template in refused.value.message


@pytest.mark.parametrize(
    ("type_name", "name", "request_words"),
    [
        with_case(VALID[params[:2]], *params)
        for params in [
            ("demand_letter", "account_of_a_third_party", "支付至我方指定的以下账户：户名：陈建国"),
            ("demand_letter", "person_debtor", "支付至我方以下账户：户名：深圳市恒信商贸有限公司"),
            ("lawyer_letter", "person_debtor_auto_number", "支付至委托人以下账户：户名：深圳市"),
        ]
    ],
)
def test_a_letter_calls_an_account_the_creditors_own_only_when_it_is(
    type_name, name, request_words, service, case_pdfs
):
    # a third party's account (a warning when checked) is one the creditor designates
    # (民法典 art. 522), not 我方账户
    pdf = first_pdf(case_pdfs, type_name, name, service.settings.pdf_engine)
    text = normalize("".join(pdf_pages_text(pdf)))
    assert request_words in text
    # paying a designated account settles the debt, and the debtor is told so
    discharges = "您向上述账户支付的款项，视为向我方清偿。" in text
    assert discharges == ("指定的" in request_words)


def test_a_firms_letter_to_a_designated_account_says_paying_it_settles_the_debt(service):
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    data["payment_account"].update(account_name="陈建国", holder_relation="委托人的法定代表人")
    pdf = service.render_each("lawyer_letter", data, "pdf")[0].content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "支付至委托人指定的以下账户：户名：陈建国" in text
    assert "向上述账户支付的款项，视为向委托人清偿。" in text


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name", "detail"),
    [
        with_case(VALID[params[:2]], *params)
        for params in [
            ("firm_letter", "two_lawyers_for_a_company", "电话：0755-83025555"),
            (
                "lawyer_letter",
                "person_debtor_auto_number",
                "电子邮箱：office@mingzheng-law.example.cn",
            ),
        ]
    ],
)
def test_a_letterheads_label_stays_on_the_line_of_its_value(
    type_name, name, detail, engine, case_pdfs
):
    # the details line wrapped inside 「电话：」 or between 「电子邮箱：」 and the address
    pdf = first_pdf(case_pdfs, type_name, name, engine)
    lines = [re.sub(r"\s+", "", line) for line in pdf_pages_text(pdf)[0].splitlines()]
    assert any(detail in line for line in lines), lines[:4]


@case_group(VALID["demand_letter", "interest_at_the_cap"])
@pytest.mark.parametrize("engine", ENGINES)
def test_the_amounts_tables_item_fits_on_one_line(engine, case_pdfs):
    # 借期内利息 broke into 借期内利 / 息 in a column too narrow for five characters
    pdf = first_pdf(case_pdfs, "demand_letter", "interest_at_the_cap", engine)
    # the words of a wrapped cell come out with a space where the line broke
    row = next(line for line in pdf_pages_text(pdf)[0].splitlines() if "12,000.00" in line)
    assert "借期内利息" in row, row


@case_group(VALID["evidence_list", "loan_case"])
@pytest.mark.parametrize("engine", ENGINES)
def test_an_evidence_lists_names_are_not_broken_inside_a_word(engine, case_pdfs):
    # 银行转账凭证 broke into 银行转账凭 / 证 in a column too narrow for six characters
    pdf = first_pdf(case_pdfs, "evidence_list", "loan_case", engine)
    row = next(line for line in pdf_pages_text(pdf)[0].splitlines() if "证据1-2" in line)
    assert "证据1-2 银行转账凭证" in row, row
