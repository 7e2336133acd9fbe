"""The settlement agreement: the installment plan, the suit's fate and the costs."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import CALENDAR_CODES, load_fixture, printed_copy

TYPE = registry.get("settlement_agreement")


def _fixture(name: str) -> dict:
    """A valid settlement with the concession kept on default by choice: the words these
    tests check are those of the settled amount's balance (the lapse, the default, is
    ``test_settlement_default.py``'s)."""
    data = load_fixture("settlement_agreement", "valid", name)
    for key in ("original_debt", "original_debt_date", "original_principal"):
        data.pop(key, None)
    data["concession_on_default"] = "kept"
    return data


WITHDRAW = _fixture("withdraw_after_the_first_payment")


def _context(data):
    case = TYPE.parse(data)
    result = TYPE.evaluate(case, RuleOptions(today=date(2026, 12, 1)))
    assert result.errors == [], result.errors
    return TYPE.build_context(case, result), result


def _others(result) -> list:
    """The warnings besides those every settlement without a late rate, or without a
    concession that lapses, gets (``test_settlement_default.py``,
    ``test_settlement_terms.py``)."""
    common = (
        "late_interest_missing",
        "late_interest_defaulted",  # the law's late rate: test_settlement_late_by_law.py
        "original_principal_from_recital",  # what the late rate runs on: settlement_default
        "concession_kept_on_default",
        "withdrawal_lifts_preservation",  # WITHDRAW's: test_settlement_withdrawal.py
        *CALENDAR_CODES,  # its generated dates: test_rest_day_dates.py
    )
    return [w for w in result.warnings if w.code not in common]


def test_the_plan_is_generated_as_the_installment_agreements_and_adds_up():
    context, _ = _context(WITHDRAW)
    rows = context["schedule"]
    assert [r["due"] for r in rows[:3]] == ["2026年12月10日", "2027年1月10日", "2027年2月10日"]
    assert [r["amount"] for r in rows] == ["17,500.00"] * 6
    assert context["schedule_total"] == "人民币105,000.00元（大写：壹拾万伍仟元整）"


def test_a_remainder_falls_on_the_last_installment():
    data = copy.deepcopy(WITHDRAW)
    data["amount"] = "100000.00"
    data["schedule"]["generate"]["count"] = 3
    context, _ = _context(data)
    assert [r["amount"] for r in context["schedule"]] == ["33,333.33", "33,333.33", "33,333.34"]


def test_the_suit_is_withdrawn_within_n_days_of_the_first_payment_costs_on_the_debtor():
    context, _ = _context(WITHDRAW)
    assert context["suit"].startswith(
        "甲方在收到乙方支付的首期款项之日起7日内，向北京市东城区人民法院"
        "（案号：（2026）京0101民初9876号）申请撤回起诉"
    )
    # the fee kept after the halving, its amount and when the debtor pays it
    assert context["suit"].endswith(
        "申请撤回起诉。依《诉讼费用交纳办法》第十五条，撤诉的案件受理费减半交纳：甲方已预交"
        "案件受理费人民币2,664.99元，按减半计算为人民币1,332.50元，其余部分由人民法院退还甲方。"
        "上述减半后的案件受理费人民币1,332.50元（大写：壹仟叁佰叁拾贰元伍角），由乙方"
        "负担，乙方应于2026年12月10日前（含当日）将该款与首期款项一并支付至本协议第二条约定的"
        "甲方账户；人民法院退费后甲方实际负担的案件受理费与上述减半金额不一致的，按实际负担的"
        "金额多退少补。"
    )
    assert context["default"] == (
        "乙方累计2期未按期足额付款的，本协议第二条约定的尚未到期的各期款项立即全部到期"
        "（加速到期），乙方应一次性付清和解款总额人民币105,000.00元（大写：壹拾万伍仟元整）"
        "扣除乙方已按本协议实际支付的款项后的余额；甲方尚未依本协议撤回起诉的，有权不再撤诉，"
        "在本案中就该余额及逾期利息继续主张权利；已撤回起诉的，有权就该余额及逾期利息另行提起"
        "诉讼（撤诉后可以再行起诉）。"
    )


def test_the_mediation_statement_not_the_agreement_is_enforced_on_default():
    data = _fixture("mediation_statement_rows")
    context, _ = _context(data)
    assert context["default"].endswith(
        "；甲方有权依据人民法院依本协议内容制作的调解书，就该余额及逾期利息申请人民法院强制执行。"
    )
    # the statement binds once both sign for it; backing out before, the court judges
    assert context["suit"].startswith(
        "双方同意共同请求北京市东城区人民法院（案号：（2026）京0101民初9876号）依本协议内容"
        "制作调解书，调解书经双方签收后即具有法律效力。调解书送达前任何一方反悔的，由人民法院"
        "及时判决（《中华人民共和国民事诉讼法》第一百零二条）。"
    )
    once = copy.deepcopy(data)
    once["schedule"] = {"rows": [{"due_date": "2026-12-31", "amount": once["amount"]}]}
    once.pop("acceleration", None)
    context, _ = _context(once)
    assert context["default"] == (
        "乙方未按期足额付款的，应向甲方付清和解款总额人民币105,000.00元（大写：壹拾万伍仟元整）"
        "扣除乙方已按本协议实际支付的款项后的余额，并就逾期未付的款项，按全国银行间同业拆借中心截至2027年1月1日最近一次公布的"
        "一年期"
        "贷款市场报价利率（LPR）向甲方支付逾期利息，自付款日的次日起计算至实际清偿之日止，逾期"
        "利息不计复利。和解款中含本金以外的利息、违约金等款项人民币5,000.00元，乙方按本协议支付"
        "的款项先行抵充该部分，再抵充本金；逾期未付的款项中属于该部分的，不计逾期利息。甲方有权"
        "依据人民法院依本协议内容制作的调解书，就该余额及逾期利息申请人民法院强制执行。"
    )


def test_a_mediation_statements_costs_are_stated_with_their_figures():
    data = _fixture("mediation_statement_rows")
    data["outcome"]["fee"] = {"paid": "2664.99", "other_costs": "1111.25"}
    context, _ = _context(data)
    assert context["suit"].endswith(
        "依《诉讼费用交纳办法》第十五条，以调解方式结案的案件受理费减半交纳：甲方已预交案件受理费"
        "人民币2,664.99元，按减半计算为人民币1,332.50元，其余部分由人民法院退还甲方。甲方另已交纳"
        "保全费等诉讼费用人民币1,111.25元。上述减半后的案件受理费及保全费等费用共计人民币"
        "2,443.75元（大写：贰仟肆佰肆拾叁元柒角伍分），由双方各半负担，乙方应于2026年12月15日前"
        "（含当日）将其负担的人民币1,221.88元（大写：壹仟贰佰贰拾壹元捌角捌分）与首期款项一并"
        "支付至本协议第二条约定的甲方账户；人民法院退费后甲方实际负担的案件受理费与上述减半金额"
        "不一致的，按实际负担的金额多退少补。"
    )
    assert "全部剩余款项" not in context["default"]


def test_a_settlement_above_the_claim_is_warned_of():
    data = copy.deepcopy(WITHDRAW)
    data["amount"] = "120000.00"
    _, result = _context(data)
    assert [(w.loc, w.code) for w in _others(result)] == [(("amount",), "above_claim")]


def test_one_payment_is_stated_without_a_table():
    data = _fixture("before_suit_paid_at_once")
    context, _ = _context(data)
    assert context["schedule"] == []
    assert context["plan_intro"] == "乙方应于2026年12月31日前（含当日）一次性付清上述款项。"
    assert "一式两份" in context["closing"] and "人民法院" not in context["closing"]
    assert context["default"] == (
        "乙方未按期足额付款的，应向甲方付清和解款总额人民币420,000.00元（大写：肆拾贰万元整）"
        "扣除乙方已按本协议实际支付的款项后的余额，并就逾期未付的款项，按全国银行间同业拆借中心截至2027年1月1日最近一次公布的"
        "一年期"
        "贷款市场报价利率（LPR）的1.5倍向甲方支付逾期利息，自付款日的次日起计算至实际清偿之日止，"
        "逾期利息不计复利；甲方有权就该余额及逾期利息提起诉讼。"
    )
    assert context["suit_title"] == "不再起诉"


def test_with_a_guarantor_all_three_parties_are_done_with_the_debt():
    context, _ = _context(WITHDRAW)  # 丙方 guarantees: three parties, not 双方
    assert context["amount"].endswith(
        "乙方按本协议足额付清后，各方就该合同项下的上述欠款再无其他争议。"
    )
    data = copy.deepcopy(WITHDRAW)
    del data["guarantor"]
    context, _ = _context(data)
    assert context["amount"].endswith("双方就该合同项下的上述欠款再无其他争议。")


def test_the_settled_debt_is_the_one_under_the_named_contract():
    context, result = _context(_fixture("before_suit_paid_at_once"))
    assert context["facts"].startswith(
        "甲乙双方于2025年3月1日签订《建材买卖合同》（合同编号：HX-XS-2025-031）。根据约定，乙方"
        "应于2025年9月30日（含当日）前向甲方支付货款。甲方已依约交付建材，乙方尚欠货款人民币450,000.00元。"
    )
    assert context["amount"] == (
        "乙方同意就上述《建材买卖合同》项下的欠款，向甲方支付和解款共计人民币420,000.00元"
        "（大写：肆拾贰万元整）。乙方按本协议足额付清后，双方就该合同项下的上述欠款再无其他争议。"
    )
    assert _others(result) == []


def test_without_a_contract_the_release_is_the_recited_dispute_and_the_user_is_warned():
    data = _fixture("debt_without_its_contract")
    context, result = _context(data)
    # not every 买卖合同纠纷 between the two companies: the one the recital states
    assert context["amount"].endswith("双方就上述买卖合同纠纷再无其他争议。")
    (warning,) = _others(result)
    assert (warning.loc, warning.code) == (("contract",), "contract_missing")
    assert "第四百六十六条" in warning.message


def test_a_contract_signed_after_the_settlement_is_refused():
    data = load_fixture("settlement_agreement", "invalid", "contract_signed_after_the_agreement")
    result = TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))
    assert [(e.loc, e.code) for e in result.errors] == [
        (("contract", "signed_on"), "signed_after_agreement")
    ]


def test_two_parties_are_双方_throughout_and_three_各方():
    context, _ = _context(_fixture("before_suit_paid_at_once"))
    assert context["facts"].endswith(
        "为妥善解决上述买卖合同纠纷，双方经平等协商，自愿达成如下和解协议："
    )
    assert context["closing"] == "本协议一式两份，双方各执一份，自双方签字（盖章）之日起生效。"
    context, _ = _context(WITHDRAW)  # with 丙方
    assert "各方经平等协商" in context["facts"]
    assert "各方各执一份，一份提交人民法院，自各方签字" in context["closing"]


def test_the_promise_not_to_sue_leaves_the_default_to_article_three():
    context, _ = _context(_fixture("before_suit_paid_at_once"))
    assert context["suit"] == (
        "乙方按本协议履行完毕的，甲方不再就本协议所涉债务提起诉讼或申请仲裁；"
        "乙方未按约履行的，按本协议第三条处理。"
    )
    # the balance and the right to sue for it are stated once, in 第三条
    assert "提起诉讼。" in context["default"] and "余额" not in context["suit"]


def _printed(data) -> str:
    from docgen import layouts
    from docgen.docmodel.blocks import paragraphs

    context, _ = _context(data)
    return "\n".join(paragraphs(layouts.LAYOUTS["settlement_agreement"].build(context)))


def test_the_guarantor_secures_the_settled_amount_and_the_debtors_costs_not_interest():
    # the original debt's interest is not secured; the late interest (at the law's rate,
    # none being typed: test_settlement_late_by_law.py) is
    printed = _printed(WITHDRAW)
    assert (
        "保证范围包括本协议约定的和解款、逾期利息、第五条约定由乙方负担的诉讼费用及甲方为实现债权支出的"
        "合理费用，保证期间为本协议约定的最后一期付款期限届满之日起三年；乙方债务依第三条加速"
        "到期的，保证期间的起算日不变。"
    ) in printed
    assert "第五条　诉讼的处理及费用" in printed  # the article the scope names
    for costs in ("shared", "creditor"):  # half the costs are the debtor's; none are
        data = copy.deepcopy(WITHDRAW)
        data["outcome"]["costs"] = costs
        named = "第五条约定由乙方负担的诉讼费用" in _printed(data)
        assert named == (costs == "shared"), costs
    before_suit = copy.deepcopy(WITHDRAW)  # no suit, no costs to secure
    before_suit["suit"] = {"dispute": "民间借贷纠纷"}
    before_suit["outcome"] = {"kind": "not_filed"}
    assert "保证范围包括本协议约定的和解款、逾期利息及甲方为实现债权支出的合理费用" in _printed(
        before_suit
    )
    assert "欠款、利息" not in printed
    once = copy.deepcopy(WITHDRAW)  # one payment: nothing to accelerate
    once["schedule"] = {"rows": [{"due_date": "2026-12-31", "amount": once["amount"]}]}
    once.pop("acceleration", None)
    printed = _printed(once)
    assert "保证期间为本协议约定的付款期限届满之日起三年。" in printed
    assert "加速到期" not in printed


def test_the_suit_is_recited_once_from_the_case_fields():
    context, _ = _context(WITHDRAW)
    assert context["facts"].count("诉") == 1, context["facts"]
    assert "甲方已就民间借贷纠纷向北京市东城区人民法院提起诉讼（案号：" in context["facts"]


def test_costs_paid_at_once_go_with_the_settlement_and_a_creditor_pays_its_own():
    data = copy.deepcopy(WITHDRAW)
    data["schedule"] = {"rows": [{"due_date": "2026-12-31", "amount": data["amount"]}]}
    data.pop("acceleration", None)
    context, _ = _context(data)
    assert context["suit"].endswith(
        "乙方应于2026年12月31日前（含当日）将该款与和解款一并支付至本协议第二条约定的甲方账户；"
        "人民法院退费后甲方实际负担的案件受理费与上述减半金额不一致的，按实际负担的金额多退少补。"
    )
    data["outcome"]["costs"] = "creditor"
    context, _ = _context(data)
    assert context["suit"].endswith(
        "受理费人民币1,332.50元（大写：壹仟叁佰叁拾贰元伍角），由甲方负担。"
    )


def test_a_fee_charged_to_the_yuan_is_halved_as_printed_and_settled_on_the_refund():
    data = copy.deepcopy(WITHDRAW)
    data["outcome"]["fee"]["paid"] = "2665.00"  # the claim's fee rounded to the yuan
    context, result = _context(data)
    assert "按减半计算为人民币1,332.50元" in context["suit"]
    assert context["suit"].endswith("按实际负担的金额多退少补。")
    assert _others(result) == []


def test_a_summary_procedure_fee_is_not_halved_again_and_the_operator_is_told():
    data = copy.deepcopy(WITHDRAW)
    data["outcome"]["fee"] = {"paid": "1332.50", "procedure": "summary"}
    context, result = _context(data)
    assert (
        "本案适用简易程序，甲方已依《诉讼费用交纳办法》第十六条减半预交案件受理费人民币1,332.50元。"
        "上述案件受理费人民币1,332.50元"
    ) in context["suit"]
    assert [(w.loc, w.code) for w in _others(result)] == [
        (("outcome", "fee", "procedure"), "summary_halving_unsettled")
    ]


def test_costs_without_their_amount_are_warned_of_with_the_fee_of_the_claim():
    data = copy.deepcopy(WITHDRAW)
    del data["outcome"]["fee"]
    context, result = _context(data)
    assert "本案诉讼费用（减半后的案件受理费及保全费等）由乙方负担。" in context["suit"]
    (warning,) = _others(result)
    assert (warning.loc, warning.code) == (("outcome", "fee"), "costs_amount_missing")
    assert "第五百一十条" in warning.message
    assert "案件受理费为人民币2,664.99元，减半后为人民币1,332.50元" in warning.message
    data["outcome"]["costs"] = "creditor"  # nothing for the debtor to pay: nothing to state
    _, result = _context(data)
    assert _others(result) == []


def test_a_fee_typed_before_any_suit_is_left_out_and_the_caller_told():
    data = _fixture("fee_typed_before_any_suit")
    context, result = _context(data)
    assert [(w.loc, w.code) for w in _others(result)] == [(("outcome", "fee"), "fee_not_filed")]
    assert "费" not in context["suit"]


def test_a_minor_guarantor_is_refused_guardian_or_not():
    data = load_fixture("settlement_agreement", "invalid", "guarantor_a_minor")
    result = TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))
    (error,) = result.errors
    assert (error.loc, error.code) == (("guarantor",), "guarantor_without_capacity")
    assert error.message.startswith("保证人李小雨签署时为未成年人（16周岁）")
    assert "第三十五条" in error.message
    data["guarantor"]["guardian"] = {
        "name": "王丽",
        "relation": "mother",
        "id_type": "居民身份证",
        "id_number": "11010519800620002X",
    }
    result = TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))
    assert [(e.loc, e.code) for e in result.errors] == [
        (("guarantor",), "guarantor_without_capacity")
    ]
    capable = copy.deepcopy(WITHDRAW)
    capable["guarantor"]["capacity"] = "limited"
    result = TYPE.evaluate(TYPE.parse(capable), RuleOptions(today=date(2026, 12, 1)))
    assert ("guarantor_without_capacity", True) in [
        (e.code, "限制民事行为能力人" in e.message) for e in result.errors
    ]


def test_a_payment_date_on_a_rest_day_stands():
    # 2027年1月10日 is a Sunday: the agreement says it is not moved to the Monday
    printed = _printed(WITHDRAW)
    table_end, clause = printed.index("合计"), printed.index("不予顺延")
    assert table_end < clause < printed.index("乙方应将款项支付至甲方以下账户")
    # in art. 203's own word, 法定休假日, with what it covers
    assert (
        "本协议约定的付款日期为法定休假日（包括休息日和法定节假日）的，不予顺延，乙方应于该日或"
        "之前付款。" in printed
    )
    once = _printed(_fixture("before_suit_paid_at_once"))
    assert (
        "乙方应于2026年12月31日前（含当日）一次性付清上述款项。本协议约定的付款日期为法定休假日"
        "（包括休息日和法定节假日）的，不予顺延，乙方应于该日或之前付款。"
    ) in once
    assert "法定节假日或休息日" not in printed + once


def test_each_signer_dates_the_signature_and_no_date_is_typed():
    from docgen import layouts
    from docgen.docmodel.blocks import Paragraph, plain, walk

    context, _ = _context(WITHDRAW)
    document = layouts.LAYOUTS["settlement_agreement"].build(context)
    printed = _printed(WITHDRAW)
    assert "签订日期" not in printed
    # each signer dates the signature: the day each signs is the day it is bound
    assert printed.count("日期：＿＿＿＿年＿＿月＿＿日") == 3
    assert printed.count("签字并按手印：＿＿＿＿＿＿＿＿") == 3  # 甲方, 乙方, 丙方 sign
    roles = {
        plain(block.text): block.role
        for block in walk(document.blocks)
        if isinstance(block, Paragraph)
    }
    assert roles["（以下无正文）"] == roles["签订地点：北京市东城区"] == "body"


def test_the_end_of_text_follows_the_place_and_date_and_only_signatures_follow_it():
    places = {
        "withdraw_after_the_first_payment": ["签订地点：北京市东城区"],
        "before_suit_paid_at_once": ["签订地点：广东省深圳市福田区"],
        "signed_without_a_place": [],
    }
    for name, place in places.items():
        lines = printed_copy("settlement_agreement", _fixture(name)).split("\n")
        end = lines.index("（以下无正文）")
        closing = next(i for i, line in enumerate(lines) if line.startswith("本协议一式"))
        # the last article, then the place (when given), then the mark; no typed date
        assert lines[closing + 1 : end] == place
        # after it, the signers' blocks alone: no word of the agreement, no place or date
        after = lines[end + 1 :]
        assert after[0].startswith("甲方：")
        signing = ("甲方：", "乙方：", "丙方：", "签字并按手印", "盖章", "法定代表人签字", "日期：")
        assert all(line.startswith(signing) or line == "指印" for line in after), after


def test_the_plan_table_names_its_payments_as_the_articles_do():
    lines = printed_copy("settlement_agreement", WITHDRAW).split("\n")
    header = lines.index("期数")
    assert lines[header : header + 3] == ["期数", "付款日期", "付款金额（元）"]
    assert "乙方分6期向甲方支付上述款项，各期付款日期及金额如下：" in lines
    # the settlement pays 款项 (付款) throughout: no 还款 from the debt confirmation's table
    for name in ("withdraw_after_the_first_payment", "late_interest_and_the_concession_lapsing"):
        data = _fixture(name)
        assert "还款" not in printed_copy("settlement_agreement", data)


def test_a_guarantor_is_bound_by_a_mediation_statement_only_by_joining_the_mediation():
    data = load_fixture("settlement_agreement", "valid", "mediation_with_a_guarantor")
    _, result = _context(data)
    (warning,) = [w for w in _others(result) if w.loc == ("guarantor",)]
    assert (warning.loc, warning.code) == (("guarantor",), "guarantor_outside_mediation")
    assert warning.message.startswith(
        "申请人民法院出具调解书的，调解书只约束其列明的人：丙方（李秀英）须作为担保人参加调解"
    )
    assert "须另行起诉丙方" in warning.message and "民事调解工作若干问题的规定" in warning.message
    # withdrawn, or mediated without a guarantor: nothing to warn of
    assert "guarantor_outside_mediation" not in [w.code for w in _context(WITHDRAW)[1].warnings]
    del data["guarantor"]
    assert "guarantor_outside_mediation" not in [w.code for w in _context(data)[1].warnings]


def test_a_settlement_without_its_place_of_signing_is_warned():
    data = _fixture("signed_without_a_place")
    _, result = _context(data)
    (warning,) = [w for w in result.warnings if w.code == "signing_place_missing"]
    assert warning.loc == ("signing_place",)
    assert "第四百九十三条" in warning.message and "第三十五条" in warning.message
    # every company settlement fixture now states where it was signed
    for name in (
        "before_suit_paid_at_once",
        "debt_without_its_contract",
        "fee_typed_before_any_suit",
    ):
        fixture = _fixture(name)
        assert "签订地点：广东省深圳市福田区" in printed_copy("settlement_agreement", fixture)
        assert "signing_place_missing" not in [w.code for w in _context(fixture)[1].warnings]


def test_a_sales_recital_says_the_price_was_to_be_paid():
    context, _ = _context(_fixture("before_suit_paid_at_once"))
    assert "根据约定，乙方应于2025年9月30日（含当日）前向甲方支付货款。" in context["facts"]
    assert "清偿相应款项" not in context["facts"]
    # a loan is returned (民法典 art. 675), never 「相应款项」
    context, _ = _context(WITHDRAW)
    assert "根据约定，乙方应于2026年1月10日（含当日）前向甲方归还借款。" in context["facts"]
    assert "相应款项" not in context["facts"]


def test_the_guardian_and_the_guarantor_are_reached_on_their_own_phones():
    data = load_fixture(
        "settlement_agreement", "valid", "debtor_with_limited_capacity_signed_by_guardian"
    )
    printed = printed_copy("settlement_agreement", data)
    assert data["debtor"]["guardian"]["phone"] != data["guarantor"]["phone"]
    # the guarantor's phone in its party block and its service address only, the
    # guardian's on the ward's service address, to the guardian's hands
    assert printed.count(data["guarantor"]["phone"]) == 2
    assert (
        "乙方（张伟）：北京市西城区金融大街15号院2号楼801室（法定代理人王丽收）；电话：13622223333"
    ) in printed
    assert "丙方（李秀英）：北京市朝阳区和平街十一区3号楼1单元502室；电话：13700137000" in printed


def test_a_guarantor_joins_the_mediation_and_the_statement_is_enforced_against_it():
    data = _fixture("mediation_with_a_guarantor")
    context, _ = _context(data)
    assert context["suit"].startswith(
        "各方同意共同请求北京市东城区人民法院（案号：（2026）京0101民初9876号）依本协议内容制作"
        "调解书。丙方同意作为担保人参加调解，向人民法院表示为乙方提供本协议第四条约定的连带责任"
        "保证，由人民法院在调解书中列明丙方为担保人并写明其保证责任，丙方并应签收调解书。"
        "调解书经甲乙双方签收后即具有法律效力，丙方未签收调解书的，不影响调解书生效。"
        "调解书送达前甲方或乙方反悔的，由人民法院及时判决（《中华人民共和国民事诉讼法》第一百零二条）。"
        "丙方未参加调解或者调解书未列明丙方为担保人的，不影响丙方依本协议第四条承担保证责任。"
    )
    assert "双方同意共同请求" not in context["suit"]
    assert context["default"].endswith(
        "就该余额及逾期利息申请人民法院对乙方及调解书列明为担保人的丙方强制执行。"
    )
    # the article the clause names is the guarantee's
    assert "第四条　连带责任保证" in _printed(data)
    # without a guarantor: the two parties, as before
    del data["guarantor"]
    context, _ = _context(data)
    assert context["suit"].startswith("双方同意共同请求")
    assert "调解书经双方签收后即具有法律效力" in context["suit"]
    assert "丙方" not in context["suit"] + context["default"]
