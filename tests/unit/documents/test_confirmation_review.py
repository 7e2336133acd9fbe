"""The debt confirmation as a lawyer reviewing it asked: a sale's past late-payment penalty
kept, each installment's full amount printed, an original guarantor's period named, a day
to pay, and the basis of a guardian's authority recited in every agreement."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text, printed_copy

DOC = registry.get("debt_confirmation")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
GUARANTOR = load_fixture("debt_confirmation", "valid", "plan_guarantor_of_the_loan_not_signing")
BARE = load_fixture("debt_confirmation", "valid", "confirmed_after_a_delivered_demand")
NOTICE = load_fixture("debt_confirmation", "valid", "payable_within_days_of_a_written_notice")
JUDGED = load_fixture(
    "debt_confirmation", "valid", "adult_debtor_of_limited_capacity_with_the_courts_judgment"
)
RESERVED = (
    "三、本确认书仅确认上述货款及其清偿安排，甲方依《设备买卖合同》就截至日（2026年9月10日）"
    "前的逾期付款违约金（损失）享有的权利不因本确认书而受影响。该违约金依原合同第九条的约定，"
    "以逾期未付的货款为基数，自2026年1月1日起按每日0.05%计算至截至日止。"
)


def _problems(type_name, data):
    doc = registry.get(type_name)
    result = doc.assess(doc.parse(data), RuleOptions(calendar_fallback=True))
    return [(p.severity, p.loc, p.code, p.message, p.hint or "") for p in result.problems]


def _codes(data, severity="warning"):
    return [
        (loc, code)
        for sev, loc, code, _, _ in _problems("debt_confirmation", data)
        if sev == severity
    ]


def _pdf(service, type_name, data):
    pdf = service.render(type_name, data, "pdf").content
    return normalize("".join(pdf_pages_text(pdf)))


# --- a sale's late-payment penalty before the cut-off date ----------------------------


def test_a_sale_confirmation_reserves_the_past_penalty_with_its_basis_or_waives_it(service):
    assert RESERVED in _pdf(service, "debt_confirmation", AT_ONCE)
    # by default the penalty is waived once the debtor pays in full; a bare confirmation
    # arranges no payment: the condition is paying the price
    bare = printed_copy("debt_confirmation", BARE)
    assert (
        "三、乙方足额清偿上述全部款项的，甲方放弃依《设备买卖合同》主张截至日（2026年9月10日）"
        "前的逾期付款违约金（损失）；乙方未按约清偿的，甲方仍有权依《设备买卖合同》的约定主张"
        "该违约金。"
    ) in bare
    # a loan is no sale: nothing is reserved
    assert "逾期付款违约金（损失）" not in printed_copy("debt_confirmation", PLAN)


def test_a_waived_penalty_is_warned_of_and_not_printed():
    data = copy.deepcopy(AT_ONCE)
    data["past_late_charges"] = "waived"
    del data["past_late_basis"]
    warned = [p for p in _problems("debt_confirmation", data) if p[2] == "past_late_charges_waived"]
    ((_, loc, _, message, _),) = warned
    assert loc == ("past_late_charges",)
    assert "买卖合同纠纷案件适用法律问题的解释》第十八条第二款" in message
    assert "逾期付款违约金（损失）" not in printed_copy("debt_confirmation", data)


def test_a_penalty_said_to_be_listed_must_be_a_line_of_the_amounts():
    data = copy.deepcopy(AT_ONCE)
    data["past_late_charges"] = "included"
    del data["past_late_basis"]
    assert _codes(data, "error") == [(("past_late_charges",), "late_charges_not_listed")]
    listed = load_fixture("debt_confirmation", "valid", "sale_late_penalty_listed_in_the_amounts")
    text = printed_copy("debt_confirmation", listed)
    assert "逾期付款违约金" in text and "不因本确认书而受影响" not in text
    loan = copy.deepcopy(PLAN)
    loan["past_late_charges"] = "waived"
    assert _codes(loan, "error") == [(("past_late_charges",), "not_a_sale")]


# --- each installment's full amount -----------------------------------------------------


def test_the_plan_prints_each_installments_principal_other_interest_and_total(service):
    text = _pdf(service, "debt_confirmation", PLAN)
    assert (
        "三、乙方承诺按以下计划向甲方清偿上述债务及其利息，各期应还金额以「合计」栏为准：" in text
    )
    # 40,000 pays first the 12,302.88 of interest and penalty, then principal; 61 days at 6%
    assert "12026年12月31日27,697.1212,302.881,002.7441,002.74" in text
    assert "32027年2月28日32,302.880.00148.6832,451.56" in text
    assert "合计100,000.0012,302.881,519.87113,822.75" in text
    assert "总计人民币113,822.75元" in text
    assert "注：其他欠款指本确认书第一项确认的利息、违约金等本金以外的款项。" in text
    assert "（上表利息按各期按期足额还款计算）" in text


def test_a_plan_whose_interest_has_no_vouched_figure_prints_its_amounts_and_warns():
    data = load_fixture("debt_confirmation", "valid", "plan_at_the_lpr_without_a_vouched_figure")
    assert (("later_interest", "basis"), "plan_interest_not_shown") in _codes(data)
    text = printed_copy("debt_confirmation", data)
    assert "三、乙方承诺按以下计划向甲方清偿上述债务：" in text
    assert "该利息不包括在上述还款计划的金额内" in text


# --- the original contract's guarantor ----------------------------------------------------


def test_an_original_guarantors_period_is_computed_and_said_to_be_over(service):
    ((_, loc, _, message, hint),) = [
        p
        for p in _problems("debt_confirmation", GUARANTOR)
        if p[2] == "original_guarantor_not_signing"
    ]
    assert loc == ("origin_guarantors", 0)
    assert "保证期间为主债务履行期限届满之日（2026年1月10日）起六个月，至2026年7月10日" in message
    assert "早于本确认书的签署日期（2026年11月20日）" in message
    assert "刘芳很可能已不再承担保证责任" in message and "第六百九十三条第二款" in message
    assert "请查找在2026年7月10日前向刘芳主张保证责任的证据" in hint
    text = _pdf(service, "debt_confirmation", GUARANTOR)
    assert (
        "三、本确认书系乙方清偿《借款合同》项下债务的安排，不消灭该合同项下的原债权债务；除本确认书"
        "另有约定外，甲方依该合同及其担保享有的权利不因本确认书而受影响。"
    ) in text


def test_an_agreed_period_still_running_is_named_with_the_day_to_claim_by():
    data = load_fixture(
        "debt_confirmation", "valid", "plan_guarantor_whose_agreed_period_still_runs"
    )
    ((_, _, _, message, hint),) = [
        p for p in _problems("debt_confirmation", data) if p[2] == "original_guarantor_not_signing"
    ]
    assert "保证合同约定保证期间至2027年1月10日" in message and "很可能" not in message
    assert hint.startswith("请在2027年1月10日前向刘芳书面主张保证责任")


# --- a day to pay -----------------------------------------------------------------------


def test_a_confirmation_without_a_day_to_pay_is_warned_of():
    ((_, loc, code, message, hint),) = [
        p for p in _problems("debt_confirmation", BARE) if p[0] == "warning"
    ]
    assert (loc, code) == (("pay_by",), "pay_date_missing")
    assert "第五百一十一条第四项" in message and "收到付款通知后的付款期限" in hint


def test_a_period_after_a_written_notice_is_printed_with_the_account():
    assert _problems("debt_confirmation", NOTICE) == []
    text = printed_copy("debt_confirmation", NOTICE)
    assert "四、乙方承诺于收到甲方书面付款通知之日起15日内一次性向甲方清偿上述全部债务。" in text
    assert "乙方应将款项支付至甲方以下账户：户名：中国某某机械进出口有限公司" in text
    data = copy.deepcopy(NOTICE)
    data["pay_by"] = "2026-10-31"
    assert _codes(data, "error") == [(("pay_on_notice_days",), "plan_and_pay_by")]
    del data["payment_account"]
    data["pay_by"] = None
    assert (("payment_account",), "missing") in _codes(data, "error")


def test_an_account_given_without_a_promise_is_printed():
    data = copy.deepcopy(BARE)
    data["payment_account"] = NOTICE["payment_account"]
    text = printed_copy("debt_confirmation", data)
    assert (
        "乙方清偿上述债务的，应将款项支付至甲方以下账户：户名：中国某某机械进出口有限公司" in text
    )


# --- the recital: the due date and the guardian's authority -------------------------------


def test_the_original_due_date_includes_the_day_in_every_agreement():
    for type_name, name in (
        ("debt_confirmation", "person_debtor_with_plan"),
        ("settlement_agreement", "withdraw_after_the_first_payment"),
    ):
        text = printed_copy(type_name, load_fixture(type_name, "valid", name))
        assert "（含当日）前" in text.split("\n一、")[0].split("\n第一条")[0], type_name
        assert "日前向甲方" not in text and "日前清偿" not in text, type_name
    # the installment agreement recites the day the debt fell due as passed: no 「前」
    text = printed_copy(
        "installment_agreement",
        load_fixture("installment_agreement", "valid", "monthly_with_guarantor"),
    )
    assert "借款已于2026年1月10日到期，乙方至今未清偿借款本息。" in text.split("\n第一条")[0]
    assert "日前清偿" not in text


JUDGMENT = {"court": "北京市东城区人民法院", "case_number": "（2025）京0101民特88号"}
BASIS = (
    "根据北京市东城区人民法院（2025）京0101民特88号民事判决，乙方为限制民事行为能力人；"
    "王丽系乙方之妻，为其监护人（《中华人民共和国民法典》第二十八条）。"
)
APPOINTED = (
    "根据北京市东城区人民法院（2025）京0101民特88号民事判决，乙方为限制民事行为能力人，"
    "王丽为其监护人。"
)


def test_every_agreement_recites_the_judgment_an_adult_wards_guardian_signs_on(service):
    assert BASIS in _pdf(service, "debt_confirmation", JUDGED)
    for type_name in ("installment_agreement", "settlement_agreement"):
        data = load_fixture(type_name, "valid", "debtor_with_limited_capacity_signed_by_guardian")
        warned = [p for p in _problems(type_name, data) if p[2] == "capacity_basis_missing"]
        ((_, loc, _, message, _),) = warned
        assert loc == ("debtor_capacity_finding",) and "第二十四条" in message
        assert "民特" not in printed_copy(type_name, data)
        data = copy.deepcopy(data)
        data["debtor_capacity_finding"] = {**JUDGMENT, "appoints_guardian": True}
        assert not [p for p in _problems(type_name, data) if p[2] == "capacity_basis_missing"]
        assert APPOINTED in printed_copy(type_name, data), type_name


def test_a_judgment_is_only_for_an_adult_ward_and_from_a_special_procedure():
    capable = copy.deepcopy(PLAN)
    capable["debtor_capacity_finding"] = JUDGMENT
    assert _codes(capable, "error") == [(("debtor_capacity_finding",), "capacity_finding_unused")]
    ordinary = copy.deepcopy(JUDGED)
    ordinary["debtor_capacity_finding"]["case_number"] = "（2025）京0101民初88号"
    assert (
        ("debtor_capacity_finding", "case_number"),
        "capacity_finding_not_special",
    ) in _codes(ordinary)


def test_a_minors_guardian_is_named_by_the_relationship():
    data = load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    text = printed_copy("debt_confirmation", data)
    assert (
        "乙方为未成年人，张建国系乙方之父，为其监护人（《中华人民共和国民法典》第二十七条）。"
        in text
    )
    assert "capacity_basis_missing" not in [code for _, code in _codes(data)]
