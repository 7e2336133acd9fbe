"""The debt confirmation's rules and words: the plan pays the total, the signature blocks."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.domain.lpr import LprEntry, LprTable
from docgen.reference_data import default_lpr_table
from tests.support import load_fixture, without_calendar

DOC = registry.get("debt_confirmation")
PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
CAPPED = "loan_before_2020_later_overdue_rate_held_to_the_cap"


def _context(data, options=None):
    case = DOC.parse(data)
    return DOC.build_context(case, DOC.assess(case, options or RuleOptions()))


def _errors(data):
    return DOC.assess(DOC.parse(data), RuleOptions()).errors


def test_plan_total_mismatch_states_both_figures_and_the_difference():
    data = copy.deepcopy(PLAN)
    data["repayment_plan"][2]["amount"] = "32302.50"
    (problem,) = _errors(data)
    assert problem.code == "plan_total_mismatch"
    assert "112,302.50" in problem.message and "112,302.88" in problem.message
    assert "0.38" in problem.message


def test_signers_differ_for_a_person_and_an_organisation():
    signers = _context(PLAN)["signers"]
    assert [(s["role"], s["kind"], s["sign_label"]) for s in signers] == [
        ("甲方（债权人）", "organization", "盖章"),
        ("乙方（债务人）", "person", "签字并按手印"),
    ]
    both_orgs = _context(AT_ONCE)["signers"]
    assert [s["sign_label"] for s in both_orgs] == ["盖章", "盖章"]


def test_paying_at_once_is_stated_and_no_plan_table_is_made():
    context = _context(AT_ONCE)
    assert context["plan"] == []
    # the reserved penalty before the cut-off date is due with it, said in the promise
    assert context["plan_intro"] == (
        "乙方承诺于2026年10月31日前（含当日）一次性向甲方清偿上述全部债务，并同时支付上述"
        "截至日前的逾期付款违约金（按上述原合同约定的标准计算）。"
    )


def test_a_confirmation_shows_full_identity_numbers():
    lines = {line["label"]: line["value"] for line in _context(PLAN)["debtor"]["lines"]}
    assert lines["公民身份号码"] == "110101198503151235"


def test_rendered_pdf_has_the_no_dispute_clause_plan_and_fingerprint_box(service):
    from tests.support import normalize, pdf_pages_text

    pdf = service.render("debt_confirmation", PLAN, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "乙方确认上述债务真实、合法、有效，乙方对上述债务无任何异议。" in text
    assert "32027年2月28日32,302.88" in text
    assert "乙方（债务人）：张伟签字并按手印：＿＿＿＿＿＿＿＿指印" in text
    assert "甲方（债权人）：深圳市恒信商贸有限公司盖章：＿＿＿＿＿＿＿＿法定代表人签字" in text


AGREED = load_fixture("debt_confirmation", "valid", "agreed_court_rate_and_service_address")


def _pdf_text(service, data):
    from tests.support import normalize, pdf_pages_text

    return normalize(
        "".join(pdf_pages_text(service.render("debt_confirmation", data, "pdf").content))
    )


def test_a_plan_is_accelerated_by_a_missed_installment_and_interest_runs_until_paid(service):
    text = _pdf_text(service, PLAN)
    assert "四、乙方任何一期未按期足额还款的，甲方有权要求乙方立即清偿全部剩余债务" in text
    assert (
        "五、截至日（2026年10月31日）之后的利息，以尚未清偿的本金（本确认书确认的本金为人民币"
        "100,000.00元）为基数，自2026年11月1日起按年利率6%计算至实际清偿之日止；上述已确认的"
        "利息、违约金等不计入计息基数。"
        # each installment's interest is in the plan's table: what pays it 足额 is printed
        "该利息按期支付：第一期利息自2026年11月1日起、以后各期自上一期还款日的次日起计至本期"
        "还款日（含当日），随本期款项一并支付，各期利息金额见上述还款计划表的「利息」栏"
        "（上表利息按各期按期足额还款计算）。"
        # the agreed order, stated as agreed (民法典 art. 561 yields to it)
        "乙方每期所还款项按下列顺序抵充：（一）甲方为实现债权支出的、依约应由乙方负担的费用；"
        "（二）本确认书第一项确认的利息、违约金等本金以外的款项；（三）本项约定的利息；"
        "（四）本金。"
    ) in text
    assert (
        "六、因本确认书及《借款合同》引起的或与之有关的争议，双方协商不成的，任何一方均可向甲方"
        "住所地人民法院提起诉讼；《借款合同》约定的争议解决方式与本确认书的约定不一致的，以本确认书"
        "的约定为准。"
    ) in text
    assert (
        "七、双方确认以下地址为本确认书履行及争议解决中相关文书的送达地址，适用于协商、仲裁、诉讼"
        in text
    )
    assert (
        "乙方（张伟）：北京市东城区东四十条街道南新仓小区5号楼2单元301室；电话：13800138000" in text
    )
    # the text, its place of signing included, ends at the end-of-text mark, which only
    # the signatures follow, each with its blank date (no typed date)
    assert text.index("七、") < text.index("签署地点：广东省深圳市福田区")
    # the calculation sheet follows the signatures: the mark announces it
    end = "（以下无正文，附件附后）"
    assert text.index("签署地点：广东省深圳市福田区") < text.index(end)
    # each signs and dates the text and, under it, the calculation sheet
    assert "签署日期" not in text and text.count("日期：＿＿＿＿年＿＿月＿＿日") == 4
    assert text.index(end) < text.index("甲方（债权人）：深圳市恒信商贸有限公司盖章")


def test_paying_at_once_prints_the_account_in_a_numbered_clause(service):
    text = _pdf_text(service, AT_ONCE)
    assert (
        "四、乙方承诺于2026年10月31日前（含当日）一次性向甲方清偿上述全部债务，并同时支付上述"
        "截至日前的逾期付款违约金（按上述原合同约定的标准计算）。"
    ) in text
    assert (
        "乙方应将款项支付至甲方以下账户：户名：中国某某机械进出口有限公司；开户行：中国银行北京"
        "复兴门支行；账号：3412567890123456。"
    ) in text
    # one payment leaves nothing to accelerate
    assert "五、乙方未按期足额清偿的，甲方有权依本确认书约定的争议解决方式主张权利。" in text
    assert "剩余债务" not in text
    # the contract's late-payment penalty runs on after the cut-off, paid with the payment
    assert "自2026年9月11日起按每日0.05%向甲方计付逾期付款违约金至实际清偿之日止" in text
    assert "该逾期付款违约金不包括在上述清偿金额内，计至实际清偿之日，随该款项一并支付。" in text
    assert "一年期贷款市场报价利率" not in text
    # only the principal was confirmed: no 「已确认的利息、违约金」 to leave out of the base
    assert "已确认的利息、违约金" not in text


def test_a_promise_to_pay_without_an_account_is_refused():
    data = copy.deepcopy(AT_ONCE)
    del data["payment_account"]
    (problem,) = _errors(data)
    assert (problem.loc, problem.code) == (("payment_account",), "missing")
    data["pay_by"] = None  # a bare confirmation promises nothing: no account needed
    assert _errors(data) == []


def test_an_agreed_rate_court_and_service_address_are_printed():
    context = _context(AGREED)
    assert "自2026年11月1日起按年利率6%计算至实际清偿之日止" in context["later_interest"]
    assert context["jurisdiction"] == (
        "因本确认书及《借款合同》引起的或与之有关的争议，双方协商不成的，任何一方均可向北京市东城区"
        "人民法院提起诉讼；《借款合同》约定的争议解决方式与本确认书的约定不一致的，以本确认书的约定"
        "为准。"
    )
    assert context["services"][1] == {
        "role": "乙方",
        "name": "张伟",
        "address": "北京市朝阳区建国路88号SOHO现代城A座1205室",
        "phone": "13800138000",
        "email": "zhangwei@example.com",
    }


def test_later_interest_may_be_waived_and_an_agreed_rate_needs_its_rate():
    data = copy.deepcopy(PLAN)
    data["later_interest"] = {"basis": "none"}
    assert _context(data)["later_interest"] == "甲方对上述债务自2026年10月31日之后不再计收利息。"
    data["later_interest"] = {"basis": "agreed"}
    assert [(p.loc, p.code) for p in _errors(data)] == [(("later_interest", "rate"), "missing")]
    data["later_interest"] = {"basis": "lpr", "rate": {"kind": "annual", "value": "6"}}
    assert [(p.loc, p.code) for p in _errors(data)] == [(("later_interest", "rate"), "rate_unused")]


def test_later_interest_runs_on_the_unpaid_price_named_as_the_table_names_it():
    later = _context(AT_ONCE)["later_interest"]  # a sale: the principal row is 货款
    assert "以尚未清偿的货款（本确认书确认的货款为人民币16,409.02元）为基数" in later
    loan = _context(PLAN)["later_interest"]
    assert "以尚未清偿的本金（本确认书确认的本金为人民币100,000.00元）为基数" in loan


def _warnings(data):
    return without_calendar(DOC.assess(DOC.parse(data), RuleOptions())).warnings


def test_interest_after_the_cut_off_left_unstated_runs_at_the_in_term_rate_with_a_warning():
    data = copy.deepcopy(PLAN)  # a private loan at 6% a year, no overdue rate agreed
    del data["later_interest"]
    data["late_interest"] = {"kind": "annual", "value": "12"}  # the plan's late rate agreed
    (warning,) = _warnings(data)
    assert (warning.loc, warning.code) == (("later_interest", "basis"), "later_interest_defaulted")
    # art. 28(2)(二): no overdue rate agreed, the lender claims the in-term rate, not the LPR
    assert "自2026年11月1日起按年利率6%计付利息，即借期内利率" in warning.message
    assert "法释〔2020〕17号）第二十八条第二款第二项" in warning.message
    assert "按约定利率计算" in (warning.hint or "")
    later = _context(data)["later_interest"]
    assert "为基数，自2026年11月1日起按年利率6%计算至实际清偿之日止" in later
    assert "贷款市场报价利率" not in later
    data["later_interest"] = {}  # an empty object states no basis either
    assert [w.code for w in _warnings(data)] == ["later_interest_defaulted"]
    data["later_interest"] = {"basis": "lpr"}  # chosen, not defaulted: nothing to say of it
    assert [w.code for w in _warnings(data)] == ["plan_interest_not_shown"]


def test_interest_after_the_cut_off_with_no_rate_confirmed_runs_at_the_lpr():
    data = copy.deepcopy(PLAN)
    del data["later_interest"]
    # only the principal confirmed: neither an in-term nor an overdue rate shown (art. 28(2)(一))
    data["amounts"]["components"] = data["amounts"]["components"][:1]
    data["amounts"]["total"] = "100000.00"
    data["repayment_plan"][2]["amount"] = "20000.00"
    assert _errors(data) == []
    warnings = {w.code: w for w in _warnings(data)}
    assert "第二十八条第二款第一项" in warnings["later_interest_defaulted"].message
    assert "plan_interest_not_shown" in warnings  # the table cannot vouch for the LPR
    assert "一年期贷款市场报价利率" in _context(data)["later_interest"]


def test_an_agreed_overdue_rate_above_the_cap_runs_after_the_cut_off_at_the_cap():
    # a loan of 2019 at 15% overdue: from 2020-08-20 the cap is 4 × the LPR at filing,
    # taken as of the signing day (art. 31(2)), as a rate the case states is checked
    data = load_fixture("debt_confirmation", "valid", CAPPED)
    assert _errors(data) == []
    warning = next(w for w in _warnings(data) if w.code == "later_interest_defaulted")
    assert "按年利率12%计付利息，即民间借贷利率上限（约定的年利率15%超过上限" in warning.message
    assert "第三十一条第二款" in warning.message
    later = _context(data)["later_interest"]
    assert "自2020年8月20日起按年利率12%计算至实际清偿之日止" in later
    assert "15%" not in later


def test_a_sale_paid_at_once_keeps_the_contract_penalty_after_the_cut_off():
    (warning,) = [w for w in _warnings(AT_ONCE) if w.code == "later_interest_defaulted"]
    assert "第二十八条" not in warning.message
    assert (
        "按每日0.05%计付逾期付款违约金，即原合同第九条约定的逾期付款违约金标准" in warning.message
    )
    assert _context(AT_ONCE)["later_interest"] == (
        "截至日（2026年9月10日）之后，乙方仍应依原合同第九条的约定，以尚未清偿的货款（本确认书"
        "确认的货款为人民币16,409.02元）为基数，自2026年9月11日起按每日0.05%向甲方计付逾期付款"
        "违约金至实际清偿之日止。该逾期付款违约金不包括在上述清偿金额内，计至实际清偿之日，随该"
        "款项一并支付。"
    )
    waived = copy.deepcopy(AT_ONCE)  # no reserved basis: nothing agreed is shown, the LPR
    waived["past_late_charges"] = "waived_on_performance"
    del waived["past_late_basis"]
    assert "一年期贷款市场报价利率" in _context(waived)["later_interest"]


def test_the_lpr_clause_names_one_lpr_and_its_figure_only_when_the_table_knows_it():
    data = copy.deepcopy(PLAN)
    data["later_interest"] = {"basis": "lpr"}
    unknown = _context(data)["later_interest"]  # the table ends before 2026-11-01
    assert (
        "自2026年11月1日起按全国银行间同业拆借中心截至2026年11月1日最近一次公布的一年期贷款"
        "市场报价利率（LPR；计息期间不随此后LPR的调整而变动）计算至实际清偿之日止"
    ) in unknown
    assert "年利率" not in unknown
    published = LprEntry(date(2026, 10, 20), Decimal("2.90"))
    table = LprTable((*default_lpr_table().entries, published))
    known = _context(data, RuleOptions(lpr_table=table))["later_interest"]
    assert "一年期贷款市场报价利率（LPR，即年利率2.90%；计息期间不随此后LPR的调整而变动）" in known


GUARDED = load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
RATIFIED = "乙方法定代理人张建国代理乙方签署本确认书，并追认乙方于2025年1月10日签订的《借款合同》。"


def test_the_guardian_ratifies_the_contract_the_minor_made_after_the_recital(service):
    text = _pdf_text(service, GUARDED)  # 张伟 was 14 when he borrowed
    recital = text.index("根据约定，乙方应于2026年1月10日（含当日）前向甲方清偿相应款项。")
    assert text.index(RATIFIED) > recital
    assert text.index(RATIFIED) < text.index("现经甲乙双方核对，乙方确认如下：")
    assert RATIFIED not in _context(PLAN)["facts"]  # an adult debtor ratifies nothing


def test_a_ward_of_limited_capacity_ratifies_but_not_a_contract_made_without_capacity():
    adult_then = copy.deepcopy(GUARDED)
    adult_then["debtor"]["capacity"] = "limited"  # an adult now under guardianship
    adult_then["debtor"]["id_number"] = "110101198503151235"
    assert RATIFIED in _context(adult_then)["facts"]  # limited now: ratified all the same
    infant = copy.deepcopy(GUARDED)
    infant["origin"]["signed_on"] = "2017-01-10"  # aged 6: void, ratification cannot cure
    assert "追认" not in _context(infant)["facts"]
    infant["debtor"]["capacity"] = "limited"  # typed as limited: still six when he signed
    assert "追认" not in _context(infant)["facts"]


def test_the_allocation_cites_the_amounts_as_the_confirmation_numbers_them(service):
    # the points are numbered 一、二、: the amounts are 本确认书第一项, not an article
    text = _pdf_text(service, PLAN)
    assert "一、截至2026年10月31日，乙方尚欠甲方款项明细如下" in text
    assert "（二）本确认书第一项确认的利息、违约金等本金以外的款项" in text
    assert "第一条" not in text


def test_one_payment_is_applied_as_one_not_installment_by_installment():
    data = copy.deepcopy(AT_ONCE)
    data["amounts"]["components"].append({"kind": "penalty", "amount": "1000.00"})
    data["amounts"].pop("total", None)
    words = _context(data)["later_interest"]
    assert "乙方所还款项按下列顺序抵充：（一）" in words
    assert "（二）本确认书第一项确认的利息、违约金等" in words
    assert "每期" not in words
