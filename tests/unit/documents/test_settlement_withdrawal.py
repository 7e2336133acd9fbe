"""A settled suit is withdrawn once the whole settlement is paid; withdrawing after the first
payment is a choice, warned of where a preservation would be lifted with the suit
(财产保全规定 art. 23). The fee kept after the halving is stated as about so much, the
court's refund deciding it (诉讼费用交纳办法 art. 15)."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))
AFTER_ALL = load_fixture(
    "settlement_agreement", "valid", "late_interest_and_the_concession_lapsing"
)
EARLY = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")


def _warned(data) -> list:
    result = TYPE.evaluate(TYPE.parse(data), OPTIONS)
    assert result.errors == [], result.errors
    return [w for w in result.warnings if w.code == "withdrawal_lifts_preservation"]


def _text(service, data) -> str:
    pdf = service.render("settlement_agreement", data, "pdf").content
    return normalize("".join(pdf_pages_text(pdf)))


def test_the_suit_is_withdrawn_once_the_whole_settlement_is_paid(service):
    text = _text(service, AFTER_ALL)
    assert (
        "甲方在乙方付清全部和解款之日起7日内，向北京市东城区人民法院（案号：（2026）京0101民初"
        "9876号）申请撤回起诉。"
    ) in text
    assert "首期款项之日起" not in text
    assert (
        TYPE.json_schema()["$defs"]["SuitOutcome"]["properties"]["withdraw_after"]["default"]
        == "paid_in_full"
    )
    # with a preservation in the case, nothing to warn of: it holds until all is paid
    data = copy.deepcopy(AFTER_ALL)
    data["suit"]["preserved"] = True
    assert _warned(data) == []


def test_withdrawing_after_the_first_payment_is_printed_and_warned_of_with_a_preservation(
    service,
):
    text = _text(service, EARLY)
    assert "甲方在收到乙方支付的首期款项之日起7日内，向北京市东城区人民法院" in text
    (warning,) = _warned(EARLY)
    assert warning.loc == ("outcome", "withdraw_after")
    assert warning.message.startswith(
        "约定首期款项到账后即撤诉，而本案已申请财产保全：撤诉后财产保全随之解除"
    )
    assert "办理财产保全案件若干问题的规定》第二十三条" in warning.message
    assert "第一百六十六条" in warning.message
    assert "申请人民法院出具调解书" in (warning.hint or "")
    # a preservation fee paid tells the same
    data = copy.deepcopy(EARLY)
    data["suit"]["preserved"] = False
    data["outcome"]["fee"]["other_costs"] = "1111.25"
    assert len(_warned(data)) == 1
    # no preservation: the choice stands unwarned
    del data["outcome"]["fee"]["other_costs"]
    assert _warned(data) == []


def test_the_halved_fee_is_half_the_printed_fee_settled_on_the_refund(service):
    text = _text(service, AFTER_ALL)
    assert (
        "甲方已预交案件受理费人民币2,664.99元，按减半计算为人民币1,332.50元，其余部分由人民法院"
        "退还甲方。"
    ) in text
    assert (
        "人民法院退费后甲方实际负担的案件受理费与上述减半金额不一致的，按实际负担的金额多退少补"
        in (text)
    )
    assert "四舍五入" not in text


def test_withdrawn_after_a_long_plan_a_judgment_meanwhile_is_provided_for_and_warned():
    data = load_fixture("settlement_agreement", "valid", "late_interest_and_the_concession_lapsing")
    doc = registry.get("settlement_agreement")
    result = doc.assess(doc.parse(data), RuleOptions())
    (warning,) = [w for w in result.warnings if w.code == "withdrawal_after_a_long_plan"]
    assert warning.loc == ("outcome", "withdraw_after")
    assert "第一百五十二条" in warning.message and "2027年5月10日" in warning.message
    assert "调解书" in (warning.hint or "")
    suit = doc.build_context(doc.parse(data), result)["suit"]
    assert (
        "申请撤回起诉。本协议履行期间人民法院就本案作出判决的，双方仍按本协议履行：乙方按本协议"
        "约定付款的，甲方不依该判决申请强制执行；乙方未按约付款的，甲方依该判决申请强制执行的金额，"
        "以乙方依本协议应付而未付的金额为限。"
    ) in suit
    # withdrawn after the first payment, the suit ends early: no such sentence, no warning
    first = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
    result = doc.assess(doc.parse(first), RuleOptions())
    assert "withdrawal_after_a_long_plan" not in {w.code for w in result.warnings}
    assert "判决" not in doc.build_context(doc.parse(first), result)["suit"]
