"""The installment agreement's late-interest clause: its words and rate, its article and the
acceleration and guarantee clauses around it, the cap and the warnings."""

from __future__ import annotations

import copy

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.formspec import form_spec
from tests.support import load_fixture, normalize, pdf_pages_text, without_calendar

DOC = registry.get("installment_agreement")
LATE = load_fixture("installment_agreement", "valid", "monthly_late_interest_within_cap")
WITHOUT = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
SALE = load_fixture("installment_agreement", "valid", "sale_late_interest_may_be_reduced")
ABOVE = load_fixture("installment_agreement", "invalid", "late_interest_above_cap")


def _assess(data):
    return without_calendar(DOC.assess(DOC.parse(data), RuleOptions()))


def _printed(data) -> list[str]:
    case = DOC.parse(data)
    context = DOC.build_context(case, DOC.assess(case, RuleOptions()))
    return list(paragraphs(layouts.LAYOUTS["installment_agreement"].build(context)))


def _after(lines: list[str], heading: str) -> str:
    return lines[lines.index(heading) + 1]


def test_the_late_interest_article_states_base_rate_start_and_end():
    lines = _printed(LATE)
    clause = _after(lines, "第三条　逾期利息")
    assert clause == (
        "乙方任何一期未按期足额还款的，应就逾期未付的本金，按年利率12%（以下简称“逾期利率”）"
        "向甲方支付逾期利息：各期逾期未付的本金自该期还款日的次日起计算；甲方依本协议宣布"
        "加速到期的，尚未到期的本金自宣布之日的次日起一并计算；均计至实际清偿之日止。"
        "本金逾期期间只计逾期利息，不再另计分期期间利息；逾期利息不计复利。"
    )


def test_once_accelerated_plan_interest_stops_and_late_interest_runs_to_payment():
    lines = _printed(LATE)
    assert _after(lines, "第四条　加速到期") == (
        "乙方累计2期未按期足额还款的，甲方有权宣布剩余全部未付款项立即到期，乙方应一次性清偿"
        "全部剩余欠款，分期期间利息按年利率6%计至甲方宣布之日，此后按逾期利率计付逾期利息至实际"
        "清偿之日"
        "（加速到期）。"
    )
    guarantee = _after(lines, "第六条　连带责任保证")
    assert "保证范围包括本协议确认的欠款、利息、逾期利息及甲方为实现债权支出的合理费用" in guarantee
    assert "乙方债务依第四条加速到期的，保证期间的起算日不变。" in guarantee


def test_without_plan_interest_the_accelerated_rest_bears_late_interest_from_the_next_day():
    lines = _printed(SALE)
    clause = _after(lines, "第三条　逾期利息")
    assert "应就逾期未付的货款，按日利率0.05%（以下简称“逾期利率”）" in clause
    assert clause.endswith("均计至实际清偿之日止。逾期利息不计复利。")  # no plan interest to stop
    assert _after(lines, "第四条　加速到期").endswith(
        "乙方应一次性清偿全部剩余欠款，并自甲方宣布之日的次日起按逾期利率计付逾期利息至实际"
        "清偿之日（加速到期）。"
    )


def test_without_a_late_rate_the_agreement_reads_as_before_and_warns():
    lines = _printed(WITHOUT)
    assert "第三条　加速到期" in lines and "第三条　逾期利息" not in lines
    assert _after(lines, "第三条　加速到期").endswith(
        "乙方应一次性清偿全部剩余欠款，利息按年利率6%计至实际清偿之日（加速到期）。"
    )
    assert "乙方债务依第三条加速到期的" in _after(lines, "第五条　连带责任保证")
    result = _assess(WITHOUT)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.loc == ("late_interest",)]
    assert (warning.loc, warning.code) == (("late_interest",), "late_interest_missing")
    assert "逾期期间只按分期期间利率计息" in warning.message and "第二十九条" in warning.message


def test_kept_interest_free_when_late_the_warning_says_a_late_installment_costs_nothing():
    data = copy.deepcopy(SALE)
    del data["late_interest"]
    data["interest_waiver"] = "unconditional"
    (warning,) = [w for w in _assess(data).warnings if w.loc == ("late_interest",)]
    assert warning.code == "late_interest_missing"
    assert "逾期期间既不计利息，也无违约金" in warning.message
    assert "民间借贷" not in warning.message  # a sale's debt is not capped as a loan


def test_a_private_lending_late_rate_above_four_times_the_lpr_is_refused_on_the_rate():
    (problem,) = _assess(ABOVE).errors
    assert (problem.loc, problem.code) == (("late_interest", "value"), "above_legal_cap")
    assert "逾期利息年利率18%" in problem.message and "年利率12.4%" in problem.message
    # 12.4% itself, four times the 3.10% LPR of 2025-01-10, is lawful
    data = copy.deepcopy(ABOVE)
    data["late_interest"] = {"kind": "annual", "value": "12.4"}
    assert _assess(data).errors == []


def test_a_sale_late_rate_above_the_loss_measure_is_a_warning_not_an_error():
    result = _assess(SALE)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "late_interest_may_be_reduced"]
    assert warning.loc == ("late_interest", "value")
    # daily 0.05% is 18.25% a year; the loss is measured on the LPR of the first day the
    # debtor can be late (art. 18(4)), the day after the first installment: past the
    # verified table, so the last LPR (3%, × 1.5 = 4.5%) stands in and is said to
    assert "日利率0.05%，折合年利率18.25%" in warning.message
    assert "以违约行为发生时的一年期LPR为基础" in warning.message
    assert "乙方最早于2026年10月16日逾期" in warning.message and "签订日" not in warning.message
    assert "至多年利率4.5%" in warning.message and "第五百八十五条第二款" in warning.message
    assert "lpr_unverified" in [w.code for w in result.warnings]
    data = copy.deepcopy(SALE)
    data["late_interest"] = {"kind": "annual", "value": "4.5"}
    assert _assess(data).warnings == []


def test_a_banks_late_rate_is_neither_capped_nor_warned_about():
    data = copy.deepcopy(ABOVE)
    data["origin"]["kind"] = "financial_loan"
    assert _assess(data).problems == []


def test_a_late_rate_below_the_plan_rate_is_warned_about():
    data = copy.deepcopy(LATE)
    data["late_interest"] = {"kind": "annual", "value": "5"}
    (warning,) = [w for w in _assess(data).warnings if w.loc[0] == "late_interest"]
    assert (warning.loc, warning.code) == (("late_interest", "value"), "late_rate_below_plan_rate")
    assert "年利率5%" in warning.message and "年利率6%" in warning.message


def test_the_form_and_the_api_schema_offer_the_late_rate():
    schema = DOC.json_schema()
    assert "late_interest" in schema["properties"]
    spec = form_spec(schema, DOC.title)
    node = next(f for f in spec["fields"] if f["name"] == "late_interest")
    assert node["title"] == "逾期利率" and node["required"] is False
    assert {f["name"] for f in node["fields"]} == {"kind", "value", "fixed_on"}


def test_the_openapi_document_describes_the_late_rate(client):
    spec = client.get("/api/v1/openapi.json").json
    model = spec["components"]["schemas"]["InstallmentAgreement"]["properties"]
    assert "late_interest" in model


def test_the_pdf_prints_the_late_interest_article(service):
    pdf = service.render("installment_agreement", LATE, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "第三条逾期利息乙方任何一期未按期足额还款的，应就逾期未付的本金，按年利率12%" in text
    assert "第四条加速到期" in text and "依第四条加速到期的" in text
