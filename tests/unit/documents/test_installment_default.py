"""What the installment agreement says a late debtor owes besides the schedule: an
interest-free plan free only while kept, the costs of enforcement, a sale's past
late-payment penalty reserved, a company guarantor's resolution, short tables on one page."""

from __future__ import annotations

import copy
import io
import re

import pytest
from docx import Document as WordDocument

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text, printed_copy

DOC = registry.get("installment_agreement")
SALE = load_fixture("installment_agreement", "valid", "rows_one_fifth_arbitration")
LOAN = load_fixture("installment_agreement", "valid", "agreed_court_at_the_debtors_domicile")
COMPANY = load_fixture(
    "installment_agreement", "valid", "company_guarantor_original_guarantor_not_signing"
)
LISTED = load_fixture(
    "installment_agreement", "valid", "sale_past_penalty_listed_company_guarantor_resolution"
)
WAIVED = load_fixture(
    "installment_agreement", "valid", "sale_past_penalty_waived_and_no_interest_when_late"
)
WARD = load_fixture(
    "installment_agreement", "valid", "debtor_with_limited_capacity_signed_by_guardian"
)
RESERVED = (
    "本协议仅确认上述货款及其清偿安排，甲方依《设备买卖合同》就截至日（2026年9月10日）前的"
    "逾期付款违约金（损失）享有的权利不因本协议而受影响。该违约金依原合同第九条的约定，以逾期"
    "未付的货款为基数，自2026年1月1日起按每日0.05%计算至截至日止。"
)
WAIVED_ON_PERFORMANCE = (
    "乙方按本协议约定按期足额清偿全部款项的，甲方放弃依《设备买卖合同》主张截至日"
    "（2026年9月10日）前的逾期付款违约金（损失）；乙方未按约清偿的，甲方仍有权依"
    "《设备买卖合同》的约定主张该违约金。"
)
BASIS = {"clause": "第九条", "rate": {"kind": "daily", "value": "0.05"}, "start": "2026-01-01"}


def _problems(data) -> dict[tuple, object]:
    result = DOC.assess(DOC.parse(data), RuleOptions())
    return {(p.severity, p.loc, p.code): p for p in result.problems}


def _pdf_text(service, data, engine: str = "typst") -> str:
    pdf = service.render("installment_agreement", data, "pdf", engine=engine).content
    return normalize("".join(pdf_pages_text(pdf)))


# --- a sale's late-payment penalty up to the cut-off date (买卖合同解释 art. 18(2)) -------


def test_a_sales_past_penalty_is_waived_on_full_performance_by_default_in_the_pdf(service):
    assert WAIVED_ON_PERFORMANCE in _pdf_text(service, SALE)
    assert not [k for k in _problems(SALE) if k[1] == ("past_late_charges",)]


def test_a_reserved_past_penalty_states_its_clause_rate_and_first_day():
    data = copy.deepcopy(SALE)
    data["past_late_charges"] = "reserved"
    error = _problems(data)[("error", ("past_late_basis",), "missing")]
    assert "合同条款、违约金标准和起算日" in error.message
    data["past_late_basis"] = BASIS
    assert RESERVED in printed_copy("installment_agreement", data)
    assert WAIVED_ON_PERFORMANCE not in printed_copy("installment_agreement", data)


def test_a_waived_past_penalty_is_not_printed_and_is_warned_about():
    warning = _problems(WAIVED)[("warning", ("past_late_charges",), "past_late_charges_waived")]
    assert "第十八条第二款" in warning.message and "2026年9月10日" in warning.message
    assert "逾期付款违约金（损失）享有的权利" not in printed_copy("installment_agreement", WAIVED)


def test_a_penalty_included_needs_its_line_and_then_is_not_reserved_twice():
    data = copy.deepcopy(SALE)
    data["past_late_charges"] = "included"
    error = _problems(data)[("error", ("past_late_charges",), "late_charges_not_listed")]
    assert "欠款明细中没有违约金或利息" in error.message
    text = printed_copy("installment_agreement", LISTED)
    assert "逾期付款违约金（损失）享有的权利" not in text
    assert "逾期付款违约金" in text  # the line of the amounts table


def test_only_a_sale_chooses_what_happens_to_its_past_penalty():
    data = copy.deepcopy(LOAN)
    assert "逾期付款违约金（损失）" not in printed_copy("installment_agreement", data)
    data["past_late_charges"] = "waived"
    assert ("error", ("past_late_charges",), "not_a_sale") in _problems(data)


# --- an interest-free plan is free only while it is kept -------------------------------


def test_a_late_private_borrower_owes_interest_at_the_lpr_of_the_first_day_late(service):
    text = _pdf_text(service, LOAN)
    assert "乙方按期足额还款的，分期还款期间甲方对尚未清偿的款项不另计利息；乙方未按期足额" in text
    assert "第三条逾期利息乙方任何一期未按期足额还款的，应就逾期未付的本金，按" in text
    start = text.index("第三条逾期利息")
    assert "一年期贷款市场报价利率（LPR）" in text[start : start + 80]
    assert "倍" not in text[start : text.index("（以下简称“逾期利率”）")]
    warning = _problems(LOAN)[("warning", ("late_interest",), "late_interest_defaulted")]
    assert "第二十八条第二款第一项" in warning.message


def test_a_late_buyer_owes_the_loss_at_one_and_a_half_times_the_lpr():
    text = printed_copy("installment_agreement", SALE)
    assert (
        "应就逾期未付的货款，按全国银行间同业拆借中心截至2026年10月16日最近一次公布的"
        "一年期贷款市场报价利率（LPR）的1.5倍"
        "（以下简称“逾期利率”）" in text
    )
    assert "并自甲方宣布之日的次日起按逾期利率计付逾期利息至实际清偿之日（加速到期）" in text
    warning = _problems(SALE)[("warning", ("late_interest",), "late_interest_defaulted")]
    assert "加计50%" in warning.message and "第十八条第四款" in warning.message


def test_an_interest_free_plan_kept_free_when_late_prints_as_before_and_is_warned():
    text = printed_copy("installment_agreement", WAIVED)
    assert "分期还款期间，甲方对尚未清偿的款项不另计利息。" in text
    assert "逾期利息" not in text
    problems = _problems(WAIVED)
    assert ("warning", ("interest_waiver",), "interest_waived_on_default") in problems
    assert ("warning", ("late_interest",), "late_interest_missing") in problems
    loan = copy.deepcopy(LOAN)
    loan["interest_waiver"] = "unconditional"
    warning = _problems(loan)[("warning", ("interest_waiver",), "interest_waived_on_default")]
    assert "第二十八条" in warning.message  # the private lender's fallback interest


def test_an_agreed_late_rate_replaces_the_default_and_plan_interest_refuses_the_waiver():
    data = copy.deepcopy(SALE)
    data["late_interest"] = {"kind": "annual", "value": "4.5"}
    assert "按年利率4.5%（以下简称“逾期利率”）" in printed_copy("installment_agreement", data)
    assert not [k for k in _problems(data) if k[2] == "late_interest_defaulted"]
    data["plan_interest"] = {"kind": "annual", "value": "4"}
    data["interest_waiver"] = "unconditional"
    assert ("error", ("interest_waiver",), "waiver_with_plan_interest") in _problems(data)


# --- the costs of enforcement (民法典 arts. 682, 691) -----------------------------------


def test_the_debtor_bears_the_costs_of_enforcement_in_its_own_article(service):
    text = _pdf_text(service, LOAN)
    assert (
        "第五条实现债权的费用乙方未按本协议约定履行还款义务的，应承担甲方为实现债权支出的诉讼费、"
        "保全费、保全担保费、律师费等合理费用。" in text
    )
    # before an arbitration body, its fee
    assert "支出的仲裁费、保全费、保全担保费、律师费等合理费用" in printed_copy(
        "installment_agreement", SALE
    )


def test_a_private_loans_costs_are_warned_about_under_the_combined_cap():
    warning = _problems(LOAN)[("warning", ("origin", "kind"), "enforcement_costs_cap_unsettled")]
    assert "第二十九条" in warning.message and "第二巡回法庭" in warning.message
    assert not [k for k in _problems(SALE) if k[2] == "enforcement_costs_cap_unsettled"]


# --- a company guarantor's resolution (公司法 art. 15; 法释〔2020〕28号 art. 7) ------------


def test_a_company_guarantor_confirms_its_resolution_named_and_attached(service):
    text = _pdf_text(service, LISTED)
    assert (
        "丙方确认，其提供本保证已依公司章程经董事会或者股东会决议通过（决议：2026年9月15日股东会"
        "决议（榕城股决〔2026〕7号），附后）。" in text
    )
    assert not [k for k in _problems(LISTED) if k[2] == "guarantee_resolution"]


def test_without_its_resolution_the_confirmation_prints_and_the_field_is_warned():
    text = printed_copy("installment_agreement", COMPANY)
    assert "丙方确认，其提供本保证已依公司章程经董事会或者股东会决议通过。" in text
    problems = _problems(COMPANY)
    assert ("warning", ("guarantor_resolution",), "guarantee_resolution") in problems


def test_a_resolution_is_refused_for_a_person_and_without_a_guarantor():
    person = load_fixture("installment_agreement", "invalid", "resolution_for_a_person_guarantor")
    assert ("error", ("guarantor_resolution",), "resolution_not_applicable") in _problems(person)
    data = copy.deepcopy(SALE)
    data["guarantor_resolution"] = "2026年9月15日股东会决议"
    error = _problems(data)[("error", ("guarantor_resolution",), "resolution_not_applicable")]
    assert "没有保证人" in error.message
    assert "决议" not in printed_copy("installment_agreement", LOAN)


# --- short tables on one page with their lead-in --------------------------------------


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_table_runs_on_from_its_lead_in_with_its_total_kept(service, engine):
    pdf = service.render("installment_agreement", WARD, "pdf", engine=engine).content
    pages = [normalize(page) for page in pdf_pages_text(pdf)]

    def page_of(words: str) -> int:
        (number,) = [i for i, page in enumerate(pages) if words in page]
        return number

    # the amounts run on from their lead-in's page (``common.confirmed_amounts``): the
    # lead-in with the first amount, the last two amounts with 合计
    lead = page_of("截至2026年10月31日，乙方尚欠甲方款项明细如下")
    assert lead == page_of("1本金2026年10月31日100,000.00")
    total = page_of("合计人民币112,302.88元")
    assert total == page_of("违约金2026年10月31日1,470.00") == page_of("逾期利息2026年10月31日")
    # the schedule runs on as they do (``common.plan_run_on``): the lead-in with the first
    # installment, the last installment with the row of sums and the grand total
    plan = page_of("乙方分6期向甲方清偿上述欠款")
    assert plan == page_of("12027年1月31日")
    last = page_of("62027年6月30日")
    assert plan <= last == page_of("合计100,000.00") == page_of("总计人民币115,187.45元")


def test_word_keeps_the_last_rows_of_a_table_with_its_total(service):
    content = service.render("installment_agreement", WARD, "docx").content
    document = WordDocument(io.BytesIO(content))
    # the agreement's tables; the calculation annex after the signatures is not one
    for table in (t for t in document.tables if t.rows[0].cells[0].text != "期间"):
        # the rows after the header (the writer's own) and before the total, which keeps
        # with nothing; the confirmed amounts (序号) and the plan (期数: its last
        # installment and its row of sums) keep only their last two with it, and run on
        # from the page of their lead-in (``layouts.common.plan_run_on``)
        rows = table.rows[1:-1]
        kept = [re.search("<w:keepNext/>", row._tr.xml) is not None for row in rows]
        assert kept[-2:] == [True] * min(2, len(kept)) and not any(kept[:-2]), kept
    lead = next(p for p in document.paragraphs if "乙方尚欠甲方款项明细如下" in p.text)
    assert lead.paragraph_format.keep_with_next
