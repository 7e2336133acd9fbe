"""An agreed LPR-linked rate says which LPR it uses, in every document that prints it.

A floating rate takes the LPR in force in each interest period; a rate fixed on a day
takes that day's LPR, whose figure and resulting annual rate are printed. Where a
document prints figures computed at a floating rate, it says which LPR (publication date
and figure) each stretch of the period took.

LPRs used (docgen/data/lpr_1y.csv): 3.45% from 2023-08-21, 3.10% from 2024-10-21,
3.00% from 2025-05-20.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.layouts import name_for
from docgen.pipeline.results import public
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
FLOATING = "各计息期间适用的一年期贷款市场报价利率（LPR）的1.5倍（随LPR调整浮动）"


def _printed(type_name: str, data: dict[str, Any]) -> str:
    doc = registry.get(type_name)
    case = doc.parse(data)
    assessment = doc.evaluate(case, OPTIONS)
    assert assessment.errors == []
    context = doc.build_context(case, assessment)
    layout = layouts.LAYOUTS[name_for(type_name, data.get("layout", ""))]
    return re.sub(r"\s+", "", "\n".join(paragraphs(layout.build(context))))


def _fixed_on(data: dict[str, Any], day: str) -> dict[str, Any]:
    """The case with every LPR-linked rate fixed on ``day``."""
    fixed = copy.deepcopy(data)
    rates = [c["calculation"]["rate"] for c in fixed["amounts"]["components"] if "calculation" in c]
    if fixed.get("running_interest"):
        rates.append(fixed["running_interest"]["rate"])
    for rate in rates:
        if rate["kind"].startswith("lpr"):
            rate["fixed_on"] = day
    return fixed


def _demand_letter() -> dict[str, Any]:
    return load_fixture("demand_letter", "valid", "overdue_rate_agreed_in_the_contract")


def _complaint() -> dict[str, Any]:
    return load_fixture("civil_complaint", "valid", "narrative_lpr_overdue_rate")


def test_a_demand_letter_says_its_lpr_rate_floats_and_which_lpr_each_step_took():
    text = _printed("demand_letter", _demand_letter())
    assert f"2.逾期利息（{FLOATING}，按《借款合同》第七条约定，每年按365天计）" in text
    # the step: its period, the LPR's publication date and figure
    assert (
        "按年利率4.5%（2025年5月20日发布的一年期LPR3.00%的1.5倍），"
        "自2026年1月11日起至2026年10月31日止，共294天" in text
    )


def test_a_demand_letter_states_the_figures_of_a_rate_fixed_on_a_day():
    # 2025-01-10: the LPR of 2024-10-21, 3.10%; × 1.5 = 4.65%; 294 days: 3,745.48
    text = _printed("demand_letter", _fixed_on(_demand_letter(), "2025-01-10"))
    assert (
        "2.逾期利息（2025年1月10日的一年期贷款市场报价利率（LPR）3.10%的1.5倍，即年利率4.65%，"
        "按《借款合同》第七条约定，每年按365天计）" in text
    )
    assert (
        "（2025年1月10日的一年期LPR3.10%的1.5倍，该LPR于2024年10月21日发布，全程固定适用）" in text
    )
    assert "3逾期利息2026年10月31日3,745.48" in text
    assert "随LPR调整浮动" not in text


def test_a_complaint_claims_a_floating_rate_naming_the_lpr_of_each_stretch():
    # 2025-03-11 to 2025-05-19, 70 days at 4.65% (3.10% × 1.5): 891.78; 2025-05-20 to
    # 2025-06-19, 31 days at 4.5% (3.00% × 1.5): 382.19; together 1,273.97
    text = _printed("civil_complaint", _complaint())
    assert (
        "3.判令被告张伟向原告刘芳支付逾期利息人民币1,273.97元（大写：壹仟贰佰柒拾叁元玖角柒分）"
        f"（以100,000.00元为基数，自2025年3月11日起按《借款合同》第七条约定的{FLOATING}计算至"
        "2025年6月19日；"
        "其间适用的LPR：2025年3月11日至2025年5月19日为2024年10月21日发布的3.10%，"
        "2025年5月20日至2025年6月19日为2025年5月20日发布的3.00%）；" in text
    )
    assert (
        "4.判令被告张伟向原告刘芳支付逾期利息：以100,000.00元为基数，自2025年6月20日起按"
        f"{FLOATING}计算至实际清偿之日止；" in text
    )


def test_a_complaint_states_the_figures_of_a_rate_fixed_on_a_day():
    # 2024-03-10: the LPR of 2023-08-21, 3.45%; × 1.5 = 5.175%; 101 days: 1,431.99
    text = _printed("civil_complaint", _fixed_on(_complaint(), "2024-03-10"))
    fixed = "2024年3月10日的一年期贷款市场报价利率（LPR）3.45%的1.5倍，即年利率5.175%"
    assert (
        "3.判令被告张伟向原告刘芳支付逾期利息人民币1,431.99元（大写：壹仟肆佰叁拾壹元玖角玖分）"
        f"（以100,000.00元为基数，自2025年3月11日起按《借款合同》第七条约定的{fixed}计算至"
        "2025年6月19日）；" in text
    )
    assert f"自2025年6月20日起按{fixed}计算至实际清偿之日止；" in text
    assert "其间适用的LPR" not in text and "随LPR调整浮动" not in text


def test_the_element_form_names_the_lpr_its_computed_loss_took():
    # a statutory sale loss is measured on the LPR of the breach (买卖合同解释 art. 18(4)),
    # fixed: the day is named, and its figure where the table vouches for it; past the
    # table's check, the entry the amount was computed with (2025-05-20, 3.00%)
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "elements_sale_bare"))
    text = _printed("civil_complaint", data)
    assert (
        "自2026年1月1日起按2026年1月1日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的"
        "3.00%）的1.5倍，即年利率4.5%计算至2026年6月10日" in text
    )
    assert "随LPR调整浮动" not in text
    data["contract"] |= {"signed_on": "2024-09-01", "due_date": "2024-12-31"}
    data["amounts"]["components"][1]["calculation"]["rate"]["fixed_on"] = "2025-01-01"
    data["amounts"]["components"][1]["calculation"]["start"] = "2025-01-01"
    data["running_interest"]["rate"]["fixed_on"] = "2025-01-01"
    text = _printed("civil_complaint", data)
    assert (
        "自2025年1月1日起按2025年1月1日的一年期贷款市场报价利率（LPR）3.10%的1.5倍，"
        "即年利率4.65%计算至2026年6月10日" in text
    )


def test_both_complaint_layouts_name_the_lpr_entry_a_loss_was_computed_with():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "elements_sale_bare"))
    used = (
        "按2026年1月1日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的3.00%）的1.5倍，"
        "即年利率4.5%"
    )
    elements = _printed("civil_complaint", data)
    data["layout"] = "narrative"
    narrative = _printed("civil_complaint", data)
    for text in (elements, narrative):
        assert used.replace(" ", "") in text.replace(" ", "")


def test_an_installment_plan_at_the_lpr_says_which_lpr():
    data = copy.deepcopy(load_fixture("installment_agreement", "valid", "monthly_with_guarantor"))
    data["plan_interest"] = {"kind": "lpr_multiple", "value": "1"}
    data["late_interest"] = {"kind": "lpr_multiple", "value": "1.5"}
    text = _printed("installment_agreement", data)
    assert "按各计息期间适用的一年期贷款市场报价利率（LPR，随LPR调整浮动）向甲方支付利息" in text
    assert f"按{FLOATING}（以下简称“逾期利率”）" in text
    # 2025-01-10: the LPR of 2024-10-21, 3.10%; × 1.5 = 4.65%
    data["plan_interest"]["fixed_on"] = data["late_interest"]["fixed_on"] = "2025-01-10"
    text = _printed("installment_agreement", data)
    # an agreement names the LPR by its publication (the 20th), with the figure it vouches
    published = "全国银行间同业拆借中心截至2025年1月10日最近一次公布的一年期贷款市场报价利率"
    assert f"按{published}（LPR，即2024年10月21日发布的3.10%）向甲方支付利息" in text
    assert (
        f"按{published}（LPR，即2024年10月21日发布的3.10%）的1.5倍，即年利率4.65%"
        "（以下简称“逾期利率”）" in text
    )


def test_the_validation_report_leaves_out_the_lpr_table():
    doc = registry.get("demand_letter")
    assessment = doc.evaluate(doc.parse(_demand_letter()), OPTIONS)
    reported = public(assessment.computed)["amounts"]
    assert sorted(reported) == ["amounts", "sheets", "total"]
    assert reported["total"] == "109624.66"
