"""DOCX and PDF outputs: same words, right amounts, A4, page numbers, declared variables."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from jinja2 import meta
from PIL import Image
from pypdf import PdfReader

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.case_numbers import normalize_case_number
from docgen.documents.letter_amounts import without_stated_rates
from docgen.documents.part_models import copy_number
from docgen.domain.dates import format_cn
from docgen.render.docx import render_docx, undeclared_variables
from docgen.render.pdf import template_source
from docgen.render.sandbox import new_environment
from docgen.services import DocumentService
from tests import templated
from tests.render_cache import by_case
from tests.support import (
    document_titles,
    docx_text,
    fixture_cases,
    load_fixture,
    normalize,
    pdf_pages_text,
)

# each case's tests run on the worker that prints its PDFs for the other suites too
pytestmark = pytest.mark.slow

VALID = fixture_cases("valid")
# the built-in types print from docgen.layouts (tests/integration/test_layouts.py holds their
# DOCX and PDFs to the layout's words); a type printed from template files is the test type's
TEMPLATED = sorted(templated.CASES)
# the evidence list and the papers filed with a complaint claim no money
NO_AMOUNTS = {
    "evidence_list",
    "power_of_attorney",
    "firm_letter",
    "representative_certificate",
    "service_address",
}
# a withdrawal of the suit at second instance asks no fee back (the Measures do not say
# which instance's fee is halved): it states no amount
NO_AMOUNT_CASES = {
    "withdrawal_application/valid/suit_withdrawn_at_second_instance_by_the_appellee",
    "withdrawal_application/valid/suit_withdrawn_with_the_third_party_not_consenting",
    "withdrawal_application/valid/suit_withdrawn_by_the_appellant_with_the_third_party_consenting",
}
WITH_AMOUNTS = [
    case for case in VALID if case.type_name not in NO_AMOUNTS and str(case) not in NO_AMOUNT_CASES
]


class _Outputs(dict[str, dict[str, Any]]):
    """A valid fixture's first recipient's copy in both formats, printed when first asked
    for: the PDF in the configured engine by a fresh registered service (``case_pdfs``,
    shared with the other suites), the DOCX by the session's service."""

    def __init__(self, service: DocumentService, case_pdfs: Any) -> None:
        super().__init__()
        self.service, self.case_pdfs = service, case_pdfs

    def __missing__(self, name: str) -> dict[str, Any]:
        case = BY_NAME[name]
        pdf = self.case_pdfs.pdfs(case, self.service.settings.pdf_engine)[0]
        docx = self.service.render_each(case.type_name, case.data, "docx")[0]
        self[name] = {"pdf": pdf, "docx": docx}
        return self[name]


BY_NAME = {str(case): case for case in VALID}


@pytest.fixture(scope="module")
def outputs(service, case_pdfs):
    """Every valid fixture rendered once in both formats (the first recipient's copy)."""
    return _Outputs(service, case_pdfs)


@pytest.fixture
def templated_service(settings, templated_root, templated_type) -> DocumentService:
    """A service printing the test type ``templated_notice`` from its template files."""
    return DocumentService(settings.model_copy(update={"templates_dir": templated_root}))


def _templated_context(layout: str) -> tuple[Any, dict[str, Any]]:
    doc_type = registry.get(templated.NAME)
    parsed = doc_type.parse(templated.CASES[layout])
    return parsed, doc_type.build_context(parsed, doc_type.assess(parsed, RuleOptions()))


@pytest.mark.parametrize("layout", TEMPLATED)
def test_docx_and_pdf_say_the_same_words(layout, templated_service):
    case = templated.CASES[layout]
    rendered = {fmt: templated_service.render(templated.NAME, case, fmt) for fmt in ("pdf", "docx")}
    pdf_text = normalize("".join(pdf_pages_text(rendered["pdf"].content)))
    word_text = normalize(docx_text(rendered["docx"].content))
    assert templated.CASES[layout]["debtor"] in word_text
    # each render takes the next letter number, so the two files differ in it alone
    assert _any_number(word_text) == _any_number(pdf_text)


def _any_number(text: str) -> str:
    return re.sub(r"律函字第\d+号", "律函字第N号", text)


def _context(case):
    doc_type = registry.get(case.type_name)
    parsed = doc_type.parse(case.data)
    return doc_type.build_context(parsed, doc_type.assess(parsed, RuleOptions()))


def _legal_amounts(value):
    """Every amount the context states in figures and words (人民币…元（大写：…）)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _legal_amounts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _legal_amounts(item)
    elif isinstance(value, str):
        yield from re.findall(r"人民币[\d,]+\.\d{2}元（大写：[^）]+）", value)


@pytest.mark.parametrize("case", by_case(WITH_AMOUNTS))
def test_total_is_printed_in_figures_and_in_words(case, outputs):
    amounts = set(_legal_amounts(_context(case)))
    assert amounts  # every document that claims money states at least one amount this way
    pdf_text = normalize("".join(pdf_pages_text(outputs[str(case)]["pdf"].content)))
    word_text = normalize(docx_text(outputs[str(case)]["docx"].content))
    for legal in amounts:
        assert legal in pdf_text and legal in word_text, legal


def test_person_debtor_letter_prints_the_exact_demanded_total(outputs):
    text = normalize(
        "".join(pdf_pages_text(outputs["demand_letter/valid/person_debtor"]["pdf"].content))
    )
    assert "人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分）" in text
    assert "收到本函之日起7个工作日内" in text
    assert "110101********1235" in text  # the debtor's ID is masked on a letter
    assert "110101198503151235" not in text


def test_letter_counted_from_its_date_prints_the_computed_deadline(outputs):
    pdf = outputs["demand_letter/valid/company_debtor_arbitration"]["pdf"].content
    text = normalize("".join(pdf_pages_text(pdf)))
    # dated 2026-09-15: the tenth day, 9-25, is the Mid-Autumn holiday (9-25 to 9-27)
    assert "请于2026年9月28日（星期一）前（含当日）" in text
    assert (
        "注：本函出具之日起第10日（2026年9月25日）为中秋节法定节假日，依《中华人民共和国民法典》"
        "第二百零三条，上述期限顺延至该休假日结束的次日，即2026年9月28日。"
    ) in text
    assert "向北京仲裁委员会申请仲裁" in text


@pytest.mark.parametrize("case", by_case(VALID))
def test_pdf_is_a4_with_page_x_of_n_footers(case, outputs):
    reader = PdfReader(io.BytesIO(outputs[str(case)]["pdf"].content))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        assert f"第{number}页共{total}页" in re.sub(r"\s+", "", page.extract_text())


def test_receipt_slip_starts_on_its_own_page(outputs):
    pages = pdf_pages_text(outputs["demand_letter/valid/person_debtor"]["pdf"].content)
    assert normalize(pages[-1]).startswith("回执")
    assert all("回执" not in normalize(p) for p in pages[:-1])


def test_letter_without_receipt_has_no_receipt_page(outputs):
    pages = pdf_pages_text(outputs["demand_letter/valid/private_lending_minimal"]["pdf"].content)
    assert all("回执" not in normalize(p) for p in pages)


@pytest.mark.parametrize("case", by_case(VALID))
def test_pdf_embeds_only_the_cjk_fonts_so_no_fallback_glyphs_appear(case, outputs):
    reader = PdfReader(io.BytesIO(outputs[str(case)]["pdf"].content))
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts
    assert all("CJK" in name for name in fonts), fonts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders_to_a_png_with_ink_on_it(outputs, tmp_path: Path):
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(outputs["demand_letter/valid/person_debtor"]["pdf"].content)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:128])
    assert image.size[0] < image.size[1]  # portrait
    assert dark > 1000  # text was drawn


@pytest.mark.parametrize("case", by_case(VALID))
def test_docx_opens_with_title_property_and_page_number_fields(case, outputs):
    document = Document(io.BytesIO(outputs[str(case)]["docx"].content))
    assert document.core_properties.title in document_titles(case.type_name)
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


@pytest.mark.parametrize("layout", TEMPLATED)
def test_every_template_variable_is_provided_by_the_context(layout, templated_service):
    parsed, context = _templated_context(layout)
    templates = registry.get(templated.NAME).templates_for(parsed)
    root = templated_service.settings.templates_dir
    docx_vars = undeclared_variables(root / templates["docx"])
    html_source = template_source(root, templates["html"])
    html_vars = meta.find_undeclared_variables(new_environment().parse(html_source))
    assert docx_vars <= set(context), docx_vars - set(context)
    assert html_vars <= set(context), html_vars - set(context)
    assert docx_vars == html_vars  # both templates use the same facts


# Paths of case fields a document deliberately does not print (type tags, choices that are
# printed as words, the signer's title which is printed in brackets, ...); an entry also
# covers every field below it.
_PARTY_IDS = {"id_type", "id_number", "sex", "phone", "org_type", "uscc"}
_PARTY_HIDDEN = _PARTY_IDS | {"legal_representative", "representative_title", "address"}
NOT_PRINTED_BY_TYPE: dict[str, set[tuple]] = {
    # the date is printed in Chinese form, the choice as its words (原件/复印件)
    "evidence_list": {
        ("submit_date",),
        ("submitter_role",),  # printed as 原告/被告 before the name (test_evidence_case.py)
        ("submitter_kind",),  # chooses the signing lines (test_evidence_case.py)
        ("stage",),  # printed as the parties' roles: 上诉人, 申请执行人 (test_evidence_case.py)
        *(("items", i, "provided_as") for i in range(8)),
    },
    "lawyer_letter": {
        *((party, leaf) for party in ("client", "debtor") for leaf in _PARTY_HIDDEN),
        ("guarantors",),  # each guarantor is named in their own copy (tested below)
        ("guarantees",),  # the guarantor rules' inputs
        ("sender", "letter_prefix"),  # printed inside the letter number
        ("service", "method"),  # printed as its words (本函由本所直接送交…)
        ("sender", "name"),  # the letterhead line replaces it when given
        ("deadline",),
        ("next_step",),
        ("letter_date",),
        ("amounts", "as_of"),
        ("amounts", "total"),
        ("contract", "signed_on"),
        ("contract", "due_date"),
        ("capacity_found_on",),  # decides the contract's status; printed where it matters
    },
}
NOT_PRINTED_BY_TYPE["debt_confirmation"] = {
    *((party, leaf) for party in ("creditor", "debtor") for leaf in ("sex", "id_type")),
    ("debtor", "org_type"),
    ("creditor", "representative_title"),  # printed as the label of the next line
    ("debtor", "representative_title"),
    ("confirm_date",),
    ("pay_by",),
    ("amounts", "as_of"),
    ("amounts", "total"),
    ("origin", "signed_on"),
    ("origin", "due_date"),
    ("repayment_plan",),  # dates and amounts are printed formatted (tested below)
    ("later_interest", "basis"),  # a choice, printed as its words (tested in the unit tests)
    ("later_interest", "rate"),  # printed as 年利率6% (tested in the unit tests)
    ("late_interest",),  # printed as 年利率12% (tested in the unit tests)
    ("prior_interruptions",),  # the limitation rule's input (a warning), not a printed fact
    ("past_late_charges",),  # a choice, printed as its words (test_confirmation_review.py)
    ("origin_guarantee_ends",),  # the guarantor rule's input (a warning), not a printed fact
}
NOT_PRINTED_BY_TYPE["installment_agreement"] = {
    *(
        (party, leaf)
        for party in ("creditor", "debtor", "guarantor")
        for leaf in ("sex", "id_type", "representative_title", "org_type")
    ),
    ("agreement_date",),
    ("debt", "as_of"),
    ("debt", "total"),
    ("debt", "components"),  # printed formatted in the amounts table
    ("origin", "signed_on"),
    ("origin", "due_date"),
    ("schedule",),  # dates and amounts are printed formatted (tested in the unit tests)
    ("plan_interest",),  # printed as words: 年利率6%
    ("late_interest",),  # printed as words: 年利率12% (tested in the unit tests)
    ("acceleration",),  # printed as the clause's words (tested in the unit tests)
    ("interest_waiver",),  # a choice, printed as its words (test_installment_default.py)
    ("past_late_charges",),  # a choice, printed as its words (test_installment_default.py)
    ("prior_interruptions",),  # the limitation rule's input (a warning), not a printed fact
}
NOT_PRINTED = {
    ("creditor", "kind"),
    ("debtor", "kind"),
    ("debtor", "id_type"),
    ("creditor", "id_type"),
    ("debtor", "id_number"),
    ("creditor", "id_number"),
    ("debtor", "sex"),
    ("creditor", "sex"),
    ("deadline", "kind"),
    ("deadline", "counted_from"),
    ("next_step",),
    ("debtor", "phone"),
    ("debtor", "org_type"),
    ("debtor", "legal_representative"),
    ("debtor", "representative_title"),
    ("debtor", "uscc"),
    ("signatory", "title"),
    ("letter_date",),
    ("amounts", "as_of"),
    ("contract", "signed_on"),
    ("contract", "due_date"),
    ("amounts", "total"),
    ("debtor", "capacity"),  # a rule's input (a warning), not a printed fact
    ("capacity_found_on",),  # decides the contract's status; printed only where it matters
    ("loan_delivery", "method"),  # printed as its words (通过银行转账交付)
    ("service", "method"),  # printed as its words (本函以EMS（邮政特快专递）寄送…)
    ("guarantors",),  # each guarantor is named in their own copy (tests/e2e/test_letters.py)
    ("guarantees",),  # the guarantee's type, period and acts are the guarantor rules' inputs
}
# Court filings; "*" stands for any list index.
NOT_PRINTED_BY_TYPE |= {
    "civil_complaint": {
        # why an organisation is the guardian (民法典 arts. 28, 31, 32): the rules' input;
        # the complaint names it 法定代理人 with its 负责人 (民诉法解释 art. 83)
        *((side, "*", "party", "guardian", "basis") for side in ("plaintiffs", "defendants")),
        ("layout",),
        ("mediation",),
        ("procedure",),  # printed as the fee basis: 适用简易程序审理，依第十六条减半交纳
        ("plaintiffs", "*", "agents", "*", "authority"),
        # the 样式 name an agent by name, 工作单位 and 职务: the licence number is the filing
        # bundle's, to tell a lawyer from a namesake (test_complaint_agent_licence.py)
        ("plaintiffs", "*", "agents", "*", "license_number"),
        ("plaintiffs", "*", "party", "id_type"),
        ("defendants", "*", "party", "id_type"),
        ("defendants", "*", "role"),
        ("defendants", "*", "guarantee"),
        # how the contract binds a defendant found without capacity prints as its words
        # (「《借款合同》由其法定代理人王丽代理订立。」)
        ("defendants", "*", "contract_assent"),
        ("loan", "delivery_method"),
        ("loan", "agreed_amount"),
        ("loan", "delivered_amount"),
        ("loan", "repaid_principal"),
        ("loan", "repaid_interest"),
        ("running_interest", "rate", "value"),
        ("prior_interruptions", "*", "day"),
        # choices printed as ticked boxes (■国有（■控股…）, ■正式登记, ■其他…)
        ("plaintiffs", "*", "party", "ownership"),
        ("defendants", "*", "party", "ownership"),
        ("loan", "repayment_plan"),
        # the schedule is checked against the term and the days paid (complaint_installments);
        # what it proves prints as 还息至 and the term, not as its own fields
        ("loan", "installments"),
        ("loan", "collateral", "registration"),
        ("loan", "collateral", "maximum_amount"),  # printed as 人民币300,000.00元
        # the agreed order of enforcement (民法典 art. 392) prints as its words (合同约定
        # 债权人可直接要求保证人承担保证责任) with its clause (enforcement_order, checked)
        ("loan", "collateral", "agreed_order"),
        ("sale", "collateral", "agreed_order"),
        ("card", "collateral", "agreed_order"),
        # the event that fixed a maximum security's claims prints as its words (新的债权不可
        # 能发生, 民法典 art. 423 (三)); its day and detail are checked
        ("loan", "collateral", "fixing", "event"),
        ("defendants", "*", "maximum_fixing", "event"),
        # the sale form's amounts print as 50,000.00元, its choices as ticked boxes
        ("sale", "unit_price"),
        ("sale", "total_price"),
        ("sale", "penalty_amount"),
        ("sale", "deposit_amount"),
        ("sale", "paid_on_time"),
        ("sale", "paid_late"),
        ("sale", "unpaid"),
        ("sale", "payment_method"),
        ("sale", "collateral", "registration"),
        ("sale", "collateral", "maximum_amount"),
        # the card form's amounts print as 50,000.00元, its rate as 日利率0.05%
        ("card", "credit_limit"),
        ("card", "repaid_overdue"),
        ("card", "rate", "kind"),
    },
    "preservation_application": {
        ("stage",),
        ("measures", "*"),
        ("claim_amount",),
        ("amount",),
        ("applicants", "*", "party", "id_type"),
        ("applicants", "*", "agents", "*", "authority"),
        ("respondents", "*", "id_type"),
        ("property_leads", "*", "value"),
        ("security", "amount"),
        ("security", "ground"),  # printed as the words of art. 9 (test_preservation_application.py)
    },
}
# The papers filed with a complaint; choices print as their words.
NOT_PRINTED_BY_TYPE |= {
    "power_of_attorney": {
        ("authority",),  # 一般授权 / 特别授权
        ("powers",),  # each power by its words (tests/unit/documents/test_filing_papers.py)
        ("principal", "org_type"),
        ("principal", "id_type"),  # the label of the number: 公民身份号码
        ("stage",),  # 第二审程序 / 执行程序 (test_filing_papers.py)
        ("execution_powers",),  # each by its words, as the powers are
        # an agent's own grant, by its words in the agent's block (test_attorney_agents.py)
        ("agents", "*", "authority"),
        ("agents", "*", "powers"),
        ("agents", "*", "execution_powers"),
        # an organisation guardian's basis is why it is guardian, not a line of the power
        ("principal", "guardian", "basis"),
    },
    # 第一审 / 第二审 / 执行; the service method as its words (本函以挂号信寄送…)
    "firm_letter": {("stage",), ("service", "method")},
    "representative_certificate": {
        ("organization", "org_type"),
        ("organization", "phone"),  # the representative's phone is the one printed
        ("organization", "representative_title"),  # printed as the role and the title
    },
    "payment_order": {
        ("applicant", "id_type"),  # the label of the number: 公民身份号码
        ("respondent", "id_type"),
        ("applicant", "org_type"),
        ("respondent", "org_type"),
        ("agents", "*", "authority"),  # 特别授权
        ("agents", "*", "standing"),  # printed as its proof in the 附 list (近亲属关系的证明材料)
        ("items", "*", "amount"),  # in figures and words (the total test above)
        ("items", "*", "calculation", "base"),  # formatted: 人民币100,000.00元
        ("contract_kind",),  # the rules' input: a private loan's rate cap
        ("signed_on",),  # the day the cap's LPR is taken on
    },
    "service_address": {
        # the form names only the party served; the other parties are in the complaint
        ("case", "plaintiffs"),
        ("case", "defendants"),
        ("ways",),  # ticked boxes
        # an organisation guardian prints its seal line and its head's title as the label
        ("guardian_kind",),
        ("guardian_representative_title",),
    },
}
# the creditor's later papers: choices printed as their words, amounts printed formatted
NOT_PRINTED_BY_TYPE |= {
    "enforcement_application": {
        ("court_basis",),  # printed as 贵院为第一审人民法院
        ("applicants", "*", "party", "id_type"),
        ("applicants", "*", "agents", "*", "authority"),
        # printed as its proof in the 附 list (近亲属关系的证明材料)
        ("applicants", "*", "agents", "*", "standing"),
        ("respondents", "*", "id_type"),
        # a share printed formatted (tests/unit/documents/test_enforcement_liability.py)
        ("respondents", "*", "liability", "share"),
        (
            "outstanding",
        ),  # printed formatted (tests/unit/documents/test_enforcement_application.py)
        ("property_leads", "*", "value"),
        ("title", "installments"),  # printed as the delay interest's parts, when late
        ("interruptions", "*", "manner"),  # printed as words: 以邮寄方式…送交
    },
    "withdrawal_application": {
        ("reason",),
        ("appeal", "judgment_kind"),  # printed as its word: 民事判决
        ("appeal", "applicant_role"),  # printed as the parties' labels: 上诉人（原审原告）
        ("suit_withdrawal", "consents", "*", "form"),  # printed as words: 出具书面同意书
        ("applicants", "*", "party", "id_type"),
        ("applicants", "*", "agents", "*", "authority"),
        ("defendants", "*", "id_type"),
        ("fee",),  # printed formatted (unit test of the type)
    },
    "settlement_agreement": {
        *(
            (party, leaf)
            for party in ("creditor", "debtor", "guarantor")
            for leaf in ("sex", "id_type", "representative_title", "org_type")
        ),
        ("amount",),
        ("suit", "claimed"),  # the rules' input: a settlement above the claim is warned of
        ("schedule",),
        ("acceleration",),
        ("late_interest",),  # printed as words: 年利率12% (test_settlement_default.py)
        ("original_debt",),  # printed formatted: 人民币118,249.32元 (test_settlement_default.py)
        # printed formatted, in the original debt's parts: 其中本金人民币100,000.00元
        ("original_principal",),
        ("concession_on_default",),  # a choice: printed as the default clause's words
        ("suit", "preserved"),  # the rules' input: a withdrawal that lifts it is warned of
        ("outcome",),  # printed as the clause's words
        # the day the agreement is drawn up, the rules' day (LPR, due dates); each signer
        # writes the day it signs under its signature (民法典 art. 195)
        ("agreement_date",),
    },
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _leaves(data, loc=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _leaves(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


LETTERS = ("demand_letter", "lawyer_letter")


def _rule_input(loc: tuple) -> bool:
    """A person's capacity and own income are the capacity rules' inputs; a guardian's
    relation prints as its word (系张伟之父), the sex and the ID type as choices."""
    if loc[-1] in ("capacity", "own_income"):
        return True
    return "guardian" in loc and loc[-1] in ("relation", "sex", "id_type")


def _guardian_contact(data: dict, loc: tuple) -> bool:
    """A letter names a ward's guardian and goes to the guardian's address (not the
    ward's); the guardian's ID number and phone are not the letter's to print, nor an
    organisation guardian's code, head and basis: the letter is addressed to the
    organisation by its name (「北京市东城区民政局：」), its head signs the receipt by hand."""
    if loc == ("debtor", "address"):
        return bool((data["debtor"].get("guardian") or {}).get("address"))
    organisation = ("uscc", "representative", "representative_position", "basis", "consent_by")
    return "guardian" in loc and loc[-1] in ("id_number", "phone", *organisation)


def _unstated_assent(case, loc: tuple) -> bool:
    """A legal representative's consent or ratification a letter does not state: given
    for a contract it cannot make valid, which the case is warned of
    (``assent_without_effect``, docs/legal-rules.md, Guardians)."""
    warned = {code for _, code in case.expected_warnings or ()}
    return loc[0] == "guardian_assent" and "assent_without_effect" in warned


@pytest.mark.parametrize("case", by_case(VALID))
def test_every_text_fact_of_the_case_is_printed(case, outputs):
    text = normalize(docx_text(outputs[str(case)]["docx"].content))
    hidden = NOT_PRINTED_BY_TYPE.get(case.type_name, NOT_PRINTED)
    for loc, value in _leaves(case.data):
        generic = tuple("*" if isinstance(part, int) else part for part in loc)
        if any(loc[: len(h)] == h or generic[: len(h)] == h for h in hidden):
            continue
        if generic[:2] == ("amounts", "components") or "kind" in loc:
            continue
        if _rule_input(loc) or (case.type_name in LETTERS and _guardian_contact(case.data, loc)):
            continue
        if _unstated_assent(case, loc):
            continue
        if ISO_DATE.match(value):  # dates print in Chinese form
            value = format_cn(date.fromisoformat(value))
        if (case.type_name, generic) == ("lawyer_letter", ("contract", "summary")):
            value = value.replace("我方", "委托人")  # the firm speaks: the creditor is its client
        if case.type_name in LETTERS and generic == ("contract", "summary"):
            debtor = case.data["debtor"]  # the debtor's copy calls the debtor 您 or 贵司,
            you = "贵司" if debtor["kind"] == "organization" else "您"
            if debtor.get("guardian"):  # or, speaking to the guardian, by name
                value, you = value.replace("您", debtor["name"]), debtor["name"]
            value = value.replace(debtor["name"], you)
            # a rate the letter states itself, with its clause, is left out of the summary
            if normalize(value) not in text:
                value = without_stated_rates(value, "stated")
        if loc[-1] == "case_number":  # typed (2026), printed as courts write it: （2026）
            value = normalize_case_number(value)
        if loc == ("letter_number",) and case.data.get("guarantors"):
            value = copy_number(value, 0)  # the debtor's copy of a letter sent to several
        if loc == ("position",) and case.data.get("executing_partner"):
            continue  # a delegate's post, said as 「其委派代表…」 (test_standing_papers.py)
        assert normalize(value) in text, (loc, value)


def test_dates_are_printed_in_chinese_form(outputs):
    text = normalize(docx_text(outputs["demand_letter/valid/person_debtor"]["docx"].content))
    assert "2026年11月20日" in text and "2025年1月10日" in text and "2026年1月10日" in text


def test_component_rows_print_label_date_and_amount(outputs):
    text = normalize(docx_text(outputs["demand_letter/valid/person_debtor"]["docx"].content))
    assert "1本金2026年10月31日100,000.00" in text
    assert "2利息2026年10月31日10,832.88" in text
    assert "3违约金2026年10月31日1,409.50" in text


def test_fixture_with_receipt_matches_the_fixture_file():
    assert load_fixture("demand_letter", "valid", "person_debtor")["include_receipt"] is True


@pytest.mark.parametrize("layout", TEMPLATED)
def test_compiled_docx_path_says_exactly_what_plain_docxtpl_says(layout, templated_service):
    parsed, context = _templated_context(layout)
    root = templated_service.settings.templates_dir
    template = root / registry.get(templated.NAME).templates_for(parsed)["docx"]
    fast = templated_service.docx.render(template, context)
    plain = render_docx(template, context)
    assert docx_text(fast) == docx_text(plain)
    assert Document(io.BytesIO(fast)).sections[0].footer.paragraphs[0].text.startswith("第")


def test_same_case_gives_the_same_docx_but_for_the_time_it_was_made(settings, service):
    """Without the register, two renders differ only in the core properties' times."""
    data = load_fixture("demand_letter", "valid", "person_debtor")
    unregistered = DocumentService(settings.model_copy(update={"register_documents": False}))
    first = unregistered.render("demand_letter", data, "docx").content
    second = unregistered.render("demand_letter", data, "docx").content
    assert zipfile.ZipFile(io.BytesIO(first)).testzip() is None
    members = [zipfile.ZipFile(io.BytesIO(c)) for c in (first, second)]
    names = [m.namelist() for m in members]
    assert names[0] == names[1]
    for name in names[0]:
        one, two = (m.read(name) for m in members)
        if name == "docProps/core.xml":
            times = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*<")
            one, two = times.sub(b"", one), times.sub(b"", two)
        assert one == two, name
