"""The debt confirmation's late-installment clause: its words beside the interest after the
cut-off date (one rate a day on each yuan), the cap per debt kind and the warnings."""

from __future__ import annotations

import copy

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.formspec import form_spec
from tests.support import load_fixture, normalize, pdf_pages_text, without_calendar

DOC = registry.get("debt_confirmation")
LATE = load_fixture("debt_confirmation", "valid", "plan_with_late_interest")
WITHOUT = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
ABOVE = load_fixture("debt_confirmation", "invalid", "late_interest_above_cap")

LATER = (
    "五、截至日（2026年10月31日）之后的利息，以尚未清偿的本金（本确认书确认的本金为人民币"
    "100,000.00元）为基数，自2026年11月1日起按年利率6%计算至实际清偿之日止；上述已确认的"
    "利息、违约金等不计入计息基数。该利息按期支付：第一期利息自2026年11月1日起、以后各期自"
    "上一期还款日的次日起计至本期还款日（含当日），随本期款项一并支付，各期利息金额见上述还款"
    "计划表的「利息」栏（上表利息按各期按期足额还款计算）。"
)


def _assess(data):
    return without_calendar(DOC.assess(DOC.parse(data), RuleOptions()))


def _printed(data) -> list[str]:
    case = DOC.parse(data)
    context = DOC.build_context(case, DOC.assess(case, RuleOptions()))
    return list(paragraphs(layouts.LAYOUTS["debt_confirmation"].build(context)))


def _clause(lines: list[str], number: str) -> str:
    return next(line for line in lines if line.startswith(f"{number}、"))


def _on_a_sale_plan(late: dict[str, str]) -> dict:
    """The one-payment sale confirmation, paid instead in one installment on a plan."""
    data = copy.deepcopy(AT_ONCE)
    data["origin"]["kind"] = "sale"
    del data["pay_by"]
    data["repayment_plan"] = [{"due_date": "2026-12-31", "amount": "16409.02"}]
    data["late_interest"] = late
    return data


def test_the_late_clause_follows_the_later_interest_and_replaces_it_once_overdue():
    lines = _printed(LATE)
    # the later interest runs on each installment up to its due date, the day itself counted
    assert _clause(lines, "五").startswith(LATER)
    assert _clause(lines, "六") == (
        "六、乙方任何一期未按期足额还款的，应就逾期未付的本金，按年利率12%（以下简称“逾期利率”）"
        "向甲方支付逾期利息：各期逾期未付的本金自该期还款日的次日起计算；甲方依本确认书要求"
        "乙方立即清偿全部剩余债务的，尚未到期的本金自提出要求之日的次日起一并计算；均计至实际"
        "清偿之日止。本金逾期期间只计逾期利息，不再另计截至日之后的利息；逾期利息不计复利。"
    )
    # the demand the clause refers to is the default clause's, in the same words
    assert "甲方有权要求乙方立即清偿全部剩余债务" in _clause(lines, "四")
    assert _clause(lines, "七").startswith("七、因本确认书及《借款合同》引起的或与之有关的争议")
    assert _assess(LATE).problems == []


def test_with_no_later_interest_the_waiver_keeps_the_late_interest():
    data = copy.deepcopy(LATE)
    data["later_interest"] = {"basis": "none"}
    lines = _printed(data)
    assert _clause(lines, "五") == (
        "五、除本确认书约定的逾期利息外，甲方对上述债务自2026年10月31日之后不再计收利息。"
    )
    # nothing else runs on an overdue installment: nothing to say it replaces
    assert _clause(lines, "六").endswith("均计至实际清偿之日止。逾期利息不计复利。")


def test_without_a_late_rate_the_confirmation_reads_as_before_and_warns():
    lines = _printed(WITHOUT)
    assert not any("逾期利率" in line or "逾期利息：" in line for line in lines)
    assert _clause(lines, "六").startswith("六、因本确认书及《借款合同》引起的或与之有关的争议")
    (warning,) = _assess(WITHOUT).warnings
    assert (warning.loc, warning.code) == (("late_interest",), "late_interest_missing")
    assert warning.message.startswith(
        "未约定逾期利息：乙方某期逾期未付的，本确认书只约定甲方可要求乙方立即清偿全部剩余债务，"
        "逾期期间只按截至日之后的利率计息。"
    )
    assert "第二十九条" in warning.message  # a private loan: the cap on overdue charges
    data = copy.deepcopy(WITHOUT)
    data["later_interest"] = {"basis": "none"}
    (warning,) = _assess(data).warnings
    assert "逾期期间既不计利息，也无违约金" in warning.message


def test_a_confirmation_without_a_plan_is_not_warned_and_refuses_a_late_rate():
    assert "late_interest_missing" not in {w.code for w in _assess(AT_ONCE).warnings}
    data = copy.deepcopy(AT_ONCE)
    data["late_interest"] = {"kind": "annual", "value": "4"}
    (problem,) = _assess(data).errors
    assert (problem.loc, problem.code) == (("late_interest",), "late_interest_without_plan")
    assert "请填写还款计划，或删除逾期利率" in problem.message


def test_a_private_lending_late_rate_above_four_times_the_lpr_is_refused_on_the_rate():
    (problem,) = _assess(ABOVE).errors
    assert (problem.loc, problem.code) == (("late_interest", "value"), "above_legal_cap")
    assert "逾期利息年利率18%" in problem.message and "年利率12.4%" in problem.message
    data = copy.deepcopy(ABOVE)
    data["late_interest"] = {"kind": "annual", "value": "12.4"}  # 4 × 3.10%: lawful
    assert _assess(data).errors == []
    data["origin"]["kind"] = "financial_loan"  # a licensed lender: outside these caps
    data["late_interest"] = {"kind": "annual", "value": "18"}
    assert _assess(data).problems == []


def test_a_sale_late_rate_above_the_loss_measure_is_a_warning_and_names_the_price():
    data = _on_a_sale_plan({"kind": "daily", "value": "0.05"})
    result = _assess(data)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "late_interest_may_be_reduced"]
    assert warning.loc == ("late_interest", "value")
    assert (
        "日利率0.05%，折合年利率18.25%" in warning.message and "至多年利率4.5%" in warning.message
    )
    # measured on the LPR of the day after the plan's first payment, not of the signing
    assert "以违约行为发生时的一年期LPR为基础" in warning.message
    assert "签订日" not in warning.message
    # 三、 reserves the sale's late-payment penalty before the cut-off date: the clause is 七、
    assert "应就逾期未付的货款，按日利率0.05%" in _clause(_printed(data), "七")
    within = _on_a_sale_plan({"kind": "annual", "value": "4.5"})
    assert [w.code for w in _assess(within).warnings] == [
        "later_interest_defaulted",
        "plan_interest_not_shown",
    ]


def test_a_late_rate_below_the_later_interest_rate_is_warned_about():
    data = copy.deepcopy(LATE)
    data["late_interest"] = {"kind": "annual", "value": "5"}
    (warning,) = _assess(data).warnings
    assert (warning.loc, warning.code) == (("late_interest", "value"), "late_rate_below_plan_rate")
    assert "低于截至日之后的利率（年利率6%）" in warning.message


def test_the_form_offers_the_late_rate():
    spec = form_spec(DOC.json_schema(), DOC.title)
    node = next(f for f in spec["fields"] if f["name"] == "late_interest")
    assert node["title"] == "逾期利率" and node["required"] is False


def test_the_pdf_prints_the_late_clause(service):
    pdf = service.render("debt_confirmation", LATE, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "六、乙方任何一期未按期足额还款的，应就逾期未付的本金，按年利率12%" in text
    assert "本金逾期期间只计逾期利息，不再另计截至日之后的利息；逾期利息不计复利。七、" in text
