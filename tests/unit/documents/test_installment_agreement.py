"""The installment agreement's rules: the schedule, month ends, the cap, acceleration."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.layouts.installment_agreement import schedule_table
from tests.support import load_fixture

DOC = registry.get("installment_agreement")
MONTHLY = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
ROWS = load_fixture("installment_agreement", "valid", "rows_one_fifth_arbitration")


def _assess(data):
    return DOC.assess(DOC.parse(data), RuleOptions())


def _context(data):
    case = DOC.parse(data)
    return DOC.build_context(case, DOC.assess(case, RuleOptions()))


def test_generated_schedule_puts_the_remainder_last_and_clamps_month_ends():
    rows = _assess(MONTHLY).computed["schedule"]
    assert [r.due for r in rows[:3]] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    assert [r.amount for r in rows] == [Decimal("18717.14")] * 5 + [Decimal("18717.18")]
    assert sum(r.amount for r in rows) == Decimal("112302.88")


def test_the_limitation_period_runs_from_the_last_installment():
    assert _assess(MONTHLY).computed["last_due"] == date(2027, 6, 30)


def test_bi_weekly_and_custom_dates():
    data = copy.deepcopy(MONTHLY)
    data["schedule"] = {
        "generate": {"count": 3, "frequency": "biweekly", "first_due": "2026-12-25"}
    }
    assert [r.due for r in _assess(data).computed["schedule"]] == [
        date(2026, 12, 25),
        date(2027, 1, 8),
        date(2027, 1, 22),
    ]
    data["schedule"] = {
        "generate": {"count": 2, "frequency": "custom", "dates": ["2027-03-01", "2027-02-01"]}
    }
    (problem,) = _assess(data).errors
    assert (problem.loc, problem.code) == (
        ("schedule", "generate", "dates", 1),
        "dates_not_increasing",
    )


def test_interest_above_four_times_lpr_quotes_the_cap():
    data = copy.deepcopy(MONTHLY)
    data["plan_interest"] = {"kind": "annual", "value": "18"}
    (problem,) = _assess(data).errors
    assert (
        problem.code == "above_legal_cap" and "18%" in problem.message and "四倍" in problem.message
    )


def test_interest_is_not_capped_for_a_sale_contract():
    data = copy.deepcopy(ROWS)
    data["plan_interest"] = {"kind": "annual", "value": "18"}
    assert _assess(data).errors == []


def test_acceleration_clause_names_its_trigger():
    assert "乙方累计2期未按期足额还款的" in _context(MONTHLY)["acceleration"]
    # one fifth of 16,409.02 is 3,281.804: rounded up, never below one fifth
    assert "五分之一（即人民币3,281.81元）" in _context(ROWS)["acceleration"]
    data = copy.deepcopy(ROWS)
    data["acceleration"] = {"trigger": "any_missed"}
    assert _context(data)["acceleration"].startswith("乙方任何一期未按期足额还款的")


def test_an_accelerated_remainder_bears_interest_only_until_it_is_paid():
    # with plan interest, the later periods' interest does not fall due with the rest
    assert _context(MONTHLY)["acceleration"].endswith(
        "乙方应一次性清偿全部剩余欠款，利息按年利率6%计至实际清偿之日（加速到期）。"
    )
    # without it, an interest-free plan kept free even when late names no interest
    free = copy.deepcopy(ROWS)
    free["interest_waiver"] = "unconditional"
    assert "利息" not in _context(free)["acceleration"]


def test_every_party_signs_and_the_guarantor_has_a_service_address():
    context = _context(MONTHLY)
    assert [s["role"] for s in context["signers"]] == ["甲方", "乙方", "丙方"]
    assert [s["role"] for s in context["services"]] == ["甲方", "乙方", "丙方"]
    assert context["services"][1]["address"].startswith("北京市朝阳区望京")  # given address
    assert context["copies"] == "三份"
    assert [s["role"] for s in _context(ROWS)["signers"]] == ["甲方", "乙方"]


def test_jurisdiction_at_the_signing_place_needs_the_place():
    data = copy.deepcopy(ROWS)
    data["jurisdiction"] = {"kind": "signing_place"}
    assert [p.loc for p in _assess(data).errors] == [("signing_place",)]
    data["signing_place"] = "北京市西城区"
    assert "本协议签订地（北京市西城区）人民法院" in _context(data)["jurisdiction"]


def test_a_guarantor_service_address_without_a_guarantor_is_refused():
    data = copy.deepcopy(ROWS)
    data["guarantor_service"] = {"address": "北京市西城区某路1号"}
    assert [(p.loc, p.code) for p in _assess(data).errors] == [
        (("guarantor_service",), "no_guarantor")
    ]


def test_plan_interest_runs_on_the_principal_only():
    # the confirmed debt is 100,000 principal + 10,832.88 interest + 1,409.50 penalty;
    # interest during the plan is charged on the principal, never on the other two
    text = _context(MONTHLY)["interest"]
    assert "以尚未清偿的本金（本协议确认的本金为人民币100,000.00元）为基数" in text
    assert "已产生的利息、违约金等不计入计息基数" in text
    assert "未清偿的款项" not in text


def test_an_interest_base_above_the_principal_is_interest_on_interest():
    data = copy.deepcopy(MONTHLY)
    data["origin"]["kind"] = "private_lending"
    data["debt"]["components"][1:3] = [
        {
            "kind": "interest",
            "calculation": {
                "base": "112302.88",
                "rate": {"kind": "annual", "value": "6"},
                "start": "2026-01-11",
                "end": "2026-10-31",
            },
        }
    ]
    data["debt"].pop("total", None)
    problems = _assess(data).errors
    assert [(p.loc, p.code) for p in problems] == [
        (("debt", "components", 1, "calculation", "base"), "interest_on_interest")
    ]
    assert "第二十七条" in problems[0].message


def test_each_installment_prints_its_principal_other_amounts_and_interest():
    # 6 × 18,717.14 (+0.04 on the last) pay first the 12,302.88 of confirmed interest and
    # penalty, then principal; plan interest at 6% runs on the unpaid principal only:
    # 100,000 × 6% × 92/365 (1 Nov – 31 Jan) = 1,512.33, then 93,585.74 × 6% × 28/365
    # = 430.75
    context = _context(MONTHLY)
    first, second, *_, last = context["schedule"]
    assert (first["principal"], first["other"], first["interest"], first["total"]) == (
        "6,414.26",
        "12,302.88",
        "1,512.33",
        "20,229.47",
    )
    assert (second["principal"], second["other"], second["interest"]) == (
        "18,717.14",
        "0.00",
        "430.75",
    )
    assert last["principal"] == "18,717.18"  # the rounding remainder
    splits = _assess(MONTHLY).computed["splits"]
    assert sum(s.principal for s in splits) == Decimal("100000.00")
    assert sum(s.other for s in splits) == Decimal("12302.88")
    interest = sum(s.interest for s in splits)
    totals = context["schedule_totals"]
    assert totals["interest"] == f"{interest:,.2f}" == "2,884.57"
    assert totals["total"] == "115,187.45"
    assert sum(s.total for s in splits) == Decimal("112302.88") + interest


def test_without_plan_interest_the_interest_column_is_zero_and_says_so():
    context = _context(ROWS)
    assert {row["interest"] for row in context["schedule"]} == {"0.00"}
    assert context["has_other"] is False  # the debt is all principal: no 其他欠款 column
    # interest-free only while the plan is kept: the words cite 第三条 and 第四条
    assert (
        "乙方按期足额还款的，分期还款期间甲方对尚未清偿的款项不另计利息；乙方未按期足额还款或者"
        "剩余款项依第四条加速到期的，自逾期之日起依第三条计付逾期利息。"
    ) in _printed(ROWS)
    free = copy.deepcopy(ROWS)
    free["interest_waiver"] = "unconditional"
    assert _context(free)["interest"] == "分期还款期间，甲方对尚未清偿的款项不另计利息。"


def test_an_lpr_plan_rate_floats_with_each_period():
    data = copy.deepcopy(MONTHLY)
    data["plan_interest"] = {"kind": "lpr_multiple", "value": "1"}
    splits = _assess(data).computed["splits"]
    assert all(s.interest > 0 for s in splits)
    assert splits[-1].interest < splits[0].interest


def test_an_agreed_court_without_connection_or_of_the_wrong_level_is_refused():
    data = copy.deepcopy(MONTHLY)
    data["jurisdiction"] = {"kind": "court", "court": "上海市浦东新区人民法院"}
    (problem,) = _assess(data).errors
    assert (problem.loc, problem.code) == (("jurisdiction", "court"), "court_no_connection")
    assert "第三十五条" in problem.message
    assert "北京市东城区人民法院（张伟住所地）" in problem.message
    assert "深圳市南山区人民法院（刘芳住所地）" in problem.message  # the guarantor's too
    data["jurisdiction"]["court"] = "深圳市中级人民法院"
    (problem,) = _assess(data).errors
    assert problem.code == "court_level" and "法发〔2021〕27号" in problem.message
    data["jurisdiction"]["court"] = "深圳市福田区人民法院"
    assert _assess(data).errors == []


def test_the_pdf_schedule_has_principal_interest_and_total_columns(service):
    from tests.support import normalize, pdf_pages_text

    pdf = service.render("installment_agreement", MONTHLY, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "期数还款日期本金（元）其他欠款（元）利息（元）合计（元）" in text
    assert "12027年1月31日6,414.2612,302.881,512.3320,229.47" in text
    assert "合计100,000.0012,302.882,884.57115,187.45" in text
    assert "人民法院、仲裁机构可按该地址送达诉讼、仲裁文书" in text
    # the guarantee period is agreed from the last installment, acceleration or not
    assert (
        "保证期间为本协议约定的最后一期还款期限届满之日起三年；乙方债务依第三条加速到期的，" in text
    )


def test_an_lpr_plan_rate_before_the_first_lpr_is_an_error_on_the_rate():
    data = copy.deepcopy(MONTHLY)
    data["plan_interest"] = {"kind": "lpr_multiple", "value": "1"}
    data["debt"]["as_of"] = "2019-01-31"  # the plan interest would start before 2019-08-20
    data["debt"]["components"] = [{"kind": "principal", "amount": "100000.00"}]
    data["debt"].pop("total")
    (problem,) = _assess(data).errors
    assert (problem.loc, problem.code) == (("plan_interest", "value"), "rate_not_computable")
    assert "2019年8月20日" in problem.message


def _printed(data) -> str:
    layout = layouts.LAYOUTS["installment_agreement"]
    return "\n".join(paragraphs(layout.build(_context(data))))


def test_a_sale_debt_names_its_plan_column_goods_price_as_the_amounts_do():
    assert schedule_table(_context(ROWS)).columns[2].header == "货款（元）"
    sale = copy.deepcopy(ROWS)
    sale["debt"]["components"].append({"kind": "penalty", "amount": "500"})
    sale["debt"]["total"] = "16909.02"
    sale["schedule"]["rows"][-1]["amount"] = "4909.02"
    sale["plan_interest"] = {"kind": "annual", "value": "6"}
    text = _printed(sale)
    assert "注：其他欠款指第一条确认的利息、违约金等货款以外的款项。" in text
    assert "乙方以尚未清偿的货款（本协议确认的货款为人民币16,409.02元）为基数" in text
    assert "（三）本条约定的分期期间利息；（四）货款。" in text and "本金" not in text


def test_the_order_payments_are_applied_in_is_stated_as_the_parties_agree_it():
    # 民法典 art. 561's order (费用、利息、主债务) holds 「除当事人另有约定外」: the agreement
    # is that 约定, so the order is stated as agreed, costs first, without citing the
    # statute as its source (before: 「…再抵充本金（《中华人民共和国民法典》第五百六十一条）」)
    data = copy.deepcopy(ROWS)
    data["debt"]["components"].append({"kind": "penalty", "amount": "500"})
    data["debt"]["total"] = "16909.02"
    data["schedule"]["rows"][-1]["amount"] = "4909.02"
    text = _printed(data)
    assert (
        "乙方每期所还款项按下列顺序抵充：（一）甲方为实现债权支出的、依约应由乙方负担的费用；"
        "（二）第一条确认的利息、违约金等货款以外的款项；（三）货款。"
    ) in text
    assert "第五百六十一条" not in text and "另有约定" not in text


def test_a_loan_keeps_principal_as_its_plan_column():
    assert schedule_table(_context(MONTHLY)).columns[2].header == "本金（元）"


def test_two_parties_are_双方_in_every_article_and_three_各方():
    text = "\n".join(paragraphs(layouts.LAYOUTS["installment_agreement"].build(_context(ROWS))))
    assert "各方" not in text
    assert "为妥善解决债务清偿问题，双方经平等协商，达成如下协议：" in text
    assert "因本协议及《设备买卖合同》引起的或与之有关的争议，双方协商不成的，提交北京仲裁" in text
    assert "双方确认以下地址为本协议履行及争议解决中相关文书的送达地址" in text
    assert "书面通知对方（已进入诉讼、仲裁程序的" in text
    assert "本协议一式两份，双方各执一份，自双方签字（盖章）之日起生效。" in text
    monthly = "\n".join(
        paragraphs(layouts.LAYOUTS["installment_agreement"].build(_context(MONTHLY)))
    )
    assert "本协议（含附件）一式三份，各方各执一份，自各方签字（盖章）之日起生效。" in monthly


def test_the_guardian_ratifies_the_contract_the_minor_made_as_the_confirmation_does():
    from tests.support import printed_copy

    data = copy.deepcopy(MONTHLY)
    # born 2010-05-01: 14 when the loan was made on 2025-01-10, 16 on signing
    data["debtor"] = load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")[
        "debtor"
    ]
    text = printed_copy("installment_agreement", data)
    assert (
        "借款已于2026年1月10日到期，乙方至今未清偿借款本息。乙方为未成年人，张建国系乙方之父，"
        "为其监护人（《中华人民共和国民法典》第二十七条）。乙方法定代理人张建国代理乙方签署本协议，"
        "并追认乙方于2025年1月10日签订的《借款合同》。为妥善解决债务清偿问题" in text
    )
    assert "追认" not in printed_copy("installment_agreement", MONTHLY)
