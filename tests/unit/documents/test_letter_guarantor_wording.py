"""The copy a guarantor receives, worded per guarantee type, and the receipt slip's voice
(docs/legal-rules.md, Guarantees): a joint guarantor is asked to pay (民法典 art. 688), a
general guarantor is told of the debt (art. 687); the receipt says 本人 or 本单位."""

from __future__ import annotations

import copy

import pytest

from tests.support import load_fixture, normalize, pdf_pages_text

NOTICE = load_fixture("demand_letter", "valid", "general_guarantor_notice")
JOINT = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
FIRM = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
COMPANY = load_fixture("demand_letter", "valid", "company_debtor_arbitration")


def _texts(service, type_name: str, data: dict) -> list[str]:
    """Each copy's text: the debtor's first, then each guarantor's."""
    return [
        normalize("".join(pdf_pages_text(r.content)))
        for r in service.render_each(type_name, data, "pdf")
    ]


def test_a_general_guarantors_copy_is_a_notice_without_a_demand_to_pay(service):
    to_debtor, to_guarantor = _texts(service, "demand_letter", NOTICE)
    # titled 通知函, and not a 催款函
    assert to_guarantor.startswith("通知函")
    assert "催款函" not in to_guarantor
    assert (
        "您为上述债务提供一般保证（2025年1月10日签订的《保证合同》）。依照《中华人民共和国民法典》"
        "第六百八十七条，上述债务经审判或者仲裁，并就张伟的财产依法强制执行仍不能履行的，您应当"
        "在保证范围内承担保证责任。"
    ) in to_guarantor
    # the debtor's own letter, and what follows if it does not pay as that letter asks;
    # not its deadline, which counts from the debtor's receipt, a day the guarantor
    # cannot know, and not a bare 逾期
    assert (
        "我方已于2026年11月20日另函（编号：CS-2026-0158-1）要求张伟清偿上述债务。如张伟未按该函要求清偿上述债务，"
        "我方将依法向有管辖权的人民法院提起诉讼，要求张伟清偿；张伟的财产经依法强制执行仍不能"
        "履行债务的，我方将依法要求您承担保证责任。"
    ) in to_guarantor
    assert "收到我方同日" not in to_guarantor and "之日起7个工作日内清偿" not in to_guarantor
    assert "逾期仍不清偿" not in to_guarantor
    # the guarantor's own deadline to object counts from its own receipt
    assert "如您对上述事实有异议，请于收到本函之日起7个工作日内与我方联系" in to_guarantor
    # no demand to pay now, no account, no costs threatened against the guarantor
    for demand in ("支付至我方以下账户", "连带", "由您承担", "特此函告"):
        assert demand not in to_guarantor
    assert "特此通知。" in to_guarantor
    # the receipt confirms receipt and the debt, not a liability the guarantor does not have
    assert "本人已收到贵方于2026年11月20日出具的《通知函》" in to_guarantor
    assert "保证责任。保证人：刘芳" not in to_guarantor
    # the debtor's own copy still demands payment
    assert "催款函" in to_debtor and "支付至我方以下账户" in to_debtor


def test_an_unstated_guarantee_type_is_worded_as_a_general_guarantee(service):
    data = copy.deepcopy(NOTICE)
    data["guarantees"][0]["type"] = "not_stated"
    _, to_guarantor = _texts(service, "demand_letter", data)
    assert (
        "保证合同未约定保证方式，依照《中华人民共和国民法典》第六百八十六条第二款按照一般保证"
        "承担保证责任。"
    ) in to_guarantor
    assert "支付至我方以下账户" not in to_guarantor


def test_a_joint_guarantor_is_asked_to_pay_under_article_688(service):
    _, to_guarantor = _texts(service, "demand_letter", JOINT)
    assert "催款函" in to_guarantor
    assert "依照《中华人民共和国民法典》第六百八十八条，张伟不履行到期债务的，我方可以请求您" in (
        to_guarantor
    )
    assert "现特函告您：请于" in to_guarantor and "支付至我方以下账户" in to_guarantor


def test_a_joint_guarantors_copy_says_when_it_was_asked_within_the_period(service):
    # the letter is dated after the six-month period: the earlier demand keeps the
    # guarantee (民法典 art. 693(2)), and the guarantor is told so
    to_debtor, to_guarantor = _texts(service, "demand_letter", JOINT)
    assert (
        "我方已于2026年2月9日在保证期间内请求您承担保证责任（《中华人民共和国民法典》"
        "第六百九十三条第二款）。"
    ) in to_guarantor
    assert "在保证期间内请求" not in to_debtor
    _, to_firms_guarantor = _texts(service, "lawyer_letter", FIRM)
    assert "委托人已于2026年3月2日在保证期间内请求您承担保证责任" in to_firms_guarantor


@pytest.mark.parametrize(
    ("data", "me"),
    [(JOINT, "本人"), (COMPANY, "本单位")],
    ids=["person", "organisation"],
)
def test_the_receipt_speaks_as_the_person_or_the_organisation(service, data, me):
    data = copy.deepcopy(data)
    data["include_receipt"] = True
    to_debtor, *to_guarantors = _texts(service, "demand_letter", data)
    receipt = to_debtor[to_debtor.index("回执") :]
    assert receipt.count(f"{me}已收到贵方") == 1
    assert "本人（本单位）" not in receipt
    for text in to_guarantors:  # the joint guarantor, a person
        assert "本人已收到贵方" in text and "本人对该债务承担连带保证责任。" in text


def test_a_lawyer_letter_speaks_as_the_firm_to_a_general_guarantor(service):
    data = copy.deepcopy(FIRM)
    # a general guarantee is kept by suing (or arbitrating against) the debtor in time
    claimed = data["guarantees"][0].pop("claimed_on")
    data["guarantees"][0].update(type="general", arbitration_agreed=False, debtor_sued_on=claimed)
    to_debtor, to_guarantor = _texts(service, "lawyer_letter", data)
    for text in (to_debtor, to_guarantor):
        assert "（以下简称“本所”）接受" in text and "的委托，指派" in text
        assert "我方" not in text and "委托人多次催收" not in text
    assert "本所律师特此将上述债务情况告知您。" in to_guarantor
    assert "本所将建议委托人依法向北京仲裁委员会申请仲裁，要求福州闽江建材有限公司清偿" in (
        to_guarantor
    )
    # a deadline counted from the letter's date is the same day in every copy
    assert "如福州闽江建材有限公司未于2026年9月28日前（含当日）清偿上述债务" in to_guarantor
    assert "支付至委托人以下账户" not in to_guarantor
    assert "本所律师郑重提请贵司：请于" in to_debtor


def test_a_general_guarantors_letter_is_allowed_with_a_warning_on_its_type():
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc = registry.get("demand_letter")
    problems = doc.evaluate(doc.parse(NOTICE), RuleOptions(calendar_fallback=True)).problems
    (warning,) = [p for p in problems if p.code == "general_guarantor_notice"]
    assert warning.severity == "warning" and warning.loc == ("guarantees", 0, "type")
    assert "第六百九十三条第一款" in warning.message
    assert [p for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_a_guarantors_copy_says_the_money_was_lent_to_the_debtor(type_name, service):
    # the summary is written to the debtor (向您出借); the guarantor did not borrow
    data = copy.deepcopy(JOINT if type_name == "demand_letter" else FIRM)
    data["debtor"] = copy.deepcopy(JOINT["debtor"])
    data["contract"]["summary"] = "我方已于2025年1月10日通过银行转账向您出借人民币100,000元"
    to_debtor, to_guarantor = _texts(service, type_name, data)
    assert "向您出借人民币100,000元" in to_debtor
    assert "向张伟出借人民币100,000元" in to_guarantor
    assert "向您出借" not in to_guarantor


@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_the_debtors_copy_calls_the_debtor_you_not_by_name(type_name, service):
    # the letter to 张伟 does not speak of 张伟 as of someone else
    data = copy.deepcopy(JOINT if type_name == "demand_letter" else FIRM)
    data["debtor"] = copy.deepcopy(JOINT["debtor"])
    data["contract"]["summary"] = "我方已于2025年1月10日通过银行转账向张伟出借人民币100,000元"
    to_debtor, to_guarantor = _texts(service, type_name, data)
    facts = to_debtor[to_debtor.index("以下简称") : to_debtor.index("明细如下")]
    assert "张伟" not in facts
    assert "与您于" in facts and "向您出借人民币100,000元" in facts
    assert "与张伟于" in to_guarantor and "向张伟出借人民币100,000元" in to_guarantor
    firm = copy.deepcopy(FIRM)  # a company debtor is 贵司
    if type_name == "lawyer_letter":
        assert (
            "委托人与贵司于2025年3月2日签订《设备买卖合同》" in _texts(service, type_name, firm)[0]
        )


@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_a_buyer_was_to_pay_the_price_and_a_borrower_to_settle(type_name, service):
    # the sale contract's debtor was to 支付货款 (民法典 art. 626); a loan stays 清偿相应款项
    sale = COMPANY if type_name == "demand_letter" else FIRM
    to_debtor = _texts(service, type_name, sale)[0]
    assert "贵司应于2025年12月31日（含当日）前支付货款，但贵司至今未依约履行付款义务。" in to_debtor
    loan = (
        JOINT
        if type_name == "demand_letter"
        else load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    )
    assert (
        "您应于2026年1月10日（含当日）前清偿相应款项，但您至今未依约履行付款义务。"
        in (_texts(service, type_name, loan)[0])
    )


def test_a_copy_demanding_payment_of_a_guarantor_names_the_guarantee_contract(service):
    _, to_guarantor = _texts(service, "demand_letter", JOINT)
    assert "您为上述债务提供连带责任保证（2025年1月10日签订的《保证合同》）。" in to_guarantor
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc = registry.get("demand_letter")
    data = copy.deepcopy(JOINT)
    del data["guarantees"][0]["contract"]
    errors = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).errors
    (error,) = errors
    assert (error.loc, error.code) == (("guarantees", 0, "contract"), "missing")
    assert error.message.startswith("请填写保证合同：致连带责任保证人刘芳的函件要求其承担保证责任")
    # a general guarantor's notice demands nothing: it may leave the contract out
    notice = copy.deepcopy(NOTICE)
    del notice["guarantees"][0]["contract"]
    assert doc.evaluate(doc.parse(notice), RuleOptions(calendar_fallback=True)).errors == []


def test_a_firms_notice_names_the_debtors_letter_not_the_debtors_receipt():
    from tests.support import printed_copy

    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", "general_guarantor_notice"))
    data["deadline"] = {"days": 7, "kind": "working", "counted_from": "receipt"}
    printed = printed_copy("lawyer_letter", data, 1)
    assert (
        "本所律师特此将上述债务情况告知您。本所受委托人委托，已于2026年9月15日另以（2026）京明正律函字第88-1号函要求福州闽江"
        "建材有限公司清偿上述债务。如福州闽江建材有限公司未按该函要求清偿上述债务，本所将建议"
        "委托人依法向北京仲裁委员会申请仲裁"
    ) in printed
    assert "同日向其发出" not in printed and "《律师函》之日起" not in printed


def test_a_general_guarantors_notice_says_the_debtors_date_moved_past_a_rest_day():
    from tests.support import printed_copy

    # the debtor's letter says its deadline moved (民法典 art. 203); the notice, which
    # names the same date to the guarantor, says it in the same note at the letter's end
    moved = (
        "注：本函出具之日起第9日（2026年11月29日）为休息日，依《中华人民共和国民法典》第二百零三条，"
        "上述期限顺延至该休假日结束的次日，即2026年11月30日。"
    )
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "general_guarantor_notice"))
    data["deadline"] = {"days": 9, "kind": "calendar", "counted_from": "letter_date"}
    debtor, notice = (printed_copy("demand_letter", data, i) for i in (0, 1))
    for copy_text in (debtor, notice):  # after the signature, before the receipt
        assert copy_text.index("2026年11月20日") < copy_text.index(moved) < copy_text.index("回执")
    assert "我方将依法要求您承担保证责任。如您对上述事实有异议" in notice
    lawyer = printed_copy(
        "lawyer_letter", load_fixture("lawyer_letter", "valid", "general_guarantor_notice"), 1
    )
    assert "委托人将依法要求您承担保证责任。如您对上述事实有异议" in lawyer
    assert "注：本函出具之日起第10日（2026年9月25日）为中秋节" in lawyer


def test_a_joint_guarantor_is_told_of_arbitration_under_its_own_guarantee_contract():
    """The main contract's arbitration clause does not bind the guarantor (担保制度解释
    art. 21): its copy names the guarantee contract's clause; the debtor's names none."""
    from tests.support import printed_copy

    debtor, guarantor = (printed_copy("lawyer_letter", FIRM, i) for i in (0, 1))
    assert (
        "本所将建议委托人依法按照《保证合同》中的仲裁条款向北京仲裁委员会申请仲裁，"
        "相关仲裁费用将依法主张由您承担"
    ) in guarantor
    assert "本所将建议委托人依法向北京仲裁委员会申请仲裁" in debtor
    assert "仲裁条款" not in debtor
    data = copy.deepcopy(JOINT)
    data.update(next_step="arbitration", arbitration_body="深圳国际仲裁院")
    data["guarantees"][0]["arbitration_agreed"] = True
    demand = printed_copy("demand_letter", data, 1)
    assert "我方将依法按照《保证合同》中的仲裁条款向深圳国际仲裁院申请仲裁" in demand
