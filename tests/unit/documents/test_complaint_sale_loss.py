"""A seller's loss from a price paid late where no penalty was agreed (买卖合同解释 art.
18(4)): measured on the one-year LPR in force when the breach occurred, that one LPR for
the whole period, and the claim cites the interpretation it rests on."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
BARE = load_fixture("civil_complaint", "valid", "elements_sale_bare")
FLOATING = load_fixture("civil_complaint", "invalid", "elements_sale_loss_at_a_floating_lpr")
BASIS = (
    "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（法释〔2020〕17号修正）"
    "第十八条第四款"
)


def _errors(data: dict) -> list:
    return [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.severity == "error"]


def test_a_loss_at_an_lpr_floating_after_the_breach_is_refused_on_the_lpr_day():
    errors = _errors(FLOATING)
    assert [(e.loc, e.code) for e in errors] == [
        (("running_interest", "rate", "fixed_on"), "sale_loss_lpr_floating"),
        (("amounts", "components", 1, "calculation", "rate", "fixed_on"), "sale_loss_lpr_floating"),
    ]
    message = errors[0].message
    assert "以违约行为发生时（2026年1月1日）的一年期LPR为基础加计30%—50%计算" in message
    assert "不随此后的LPR调整" in message and "第十八条第四款" in message
    assert "「LPR取值日」填写2026年1月1日" in (errors[0].hint or "")


def test_the_loss_is_printed_on_the_lpr_of_the_breach_and_never_as_floating():
    text = printed_copy("civil_complaint", BARE)
    assert "随LPR调整浮动" not in text
    assert (
        "赔偿金（逾期付款损失）7,542.74元，自2026年6月11日之后的逾期付款损失，以380,000.00元为基数"
        "按照2026年1月1日的一年期贷款市场报价利率（LPR，适用2025年5月20日发布的3.00%）的1.5倍，"
        "即年利率4.5%标准计算"
    ) in text


def test_the_loss_claim_cites_the_sale_interpretation_in_both_layouts():
    text = printed_copy("civil_complaint", BARE)
    assert f"第六百二十六条；{BASIS}；《中华人民共和国民事诉讼法》第一百二十二条" in text
    narrative = copy.deepcopy(BARE) | {"layout": "narrative"}
    assert f"第六百二十六条、{BASIS}、《中华人民共和国民事诉讼法》" in printed_copy(
        "civil_complaint", narrative
    )
    # an agreed penalty is claimed on the contract, not on the interpretation
    assert BASIS not in printed_copy(
        "civil_complaint", load_fixture("civil_complaint", "valid", "elements_sale_every_item")
    )
