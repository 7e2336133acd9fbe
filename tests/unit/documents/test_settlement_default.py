"""A settlement's default: the late interest, the concession that lapses, the way to the
balance by the suit's mode, and the warnings and errors around them."""

from __future__ import annotations

import copy
from datetime import date

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text, without_calendar

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))
LAPSING = load_fixture("settlement_agreement", "valid", "late_interest_and_the_concession_lapsing")
WITHDRAW = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
MEDIATION = load_fixture("settlement_agreement", "valid", "mediation_statement_rows")
SALE_ONCE = load_fixture(
    "settlement_agreement", "valid", "sale_paid_at_once_late_interest_may_be_reduced"
)
SALE_LAPSING = load_fixture(
    "settlement_agreement", "valid", "sale_paid_at_once_concession_lapsing_with_late_interest"
)
NO_PRINCIPAL = load_fixture(
    "settlement_agreement", "valid", "concession_lapsing_without_its_principal"
)

LONG_PLAN = "withdrawal_after_a_long_plan"  # test_settlement_withdrawal.py


def _kept(data: dict) -> dict:
    """``data`` with the concession kept on default by choice, no original debt."""
    data = copy.deepcopy(data)
    for key in ("original_debt", "original_debt_date"):
        data.pop(key, None)
    data["concession_on_default"] = "kept"
    return data


def _assess(data):
    return without_calendar(TYPE.evaluate(TYPE.parse(data), OPTIONS))


def _printed(data) -> list[str]:
    case = TYPE.parse(data)
    result = TYPE.evaluate(case, OPTIONS)
    assert result.errors == [], result.errors
    context = TYPE.build_context(case, result)
    return list(paragraphs(layouts.LAYOUTS["settlement_agreement"].build(context)))


def _article(lines: list[str], heading: str) -> list[str]:
    """The paragraphs of the article headed ``heading``, up to the next article."""
    start = lines.index(heading) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("第"))
    return lines[start:end]


def test_late_interest_runs_on_each_late_payment_and_on_the_accelerated_rest():
    late, default = _article(_printed(LAPSING), "第三条　违约责任")
    assert late == (
        "乙方任何一期未按期足额付款的，应就逾期未付的款项，按年利率12%（以下简称“逾期利率”）"
        "向甲方支付逾期利息：各期逾期未付的款项自该期付款日的次日起计算；依本协议加速到期的，"
        "尚未到期的款项自引起加速到期的该期付款日的次日起一并计算；均计至实际清偿之日止。"
        "和解款中含本金以外的利息、违约金等款项人民币5,000.00元，乙方按本协议支付的款项先行抵充"
        "该部分，再抵充本金；逾期未付的款项中属于该部分的，不计逾期利息。"
        "甲方依本协议第一条所作的减让失效的，失效的减让金额人民币13,249.32元为本金以外的利息、"
        "违约金等款项，不计逾期利息。逾期利息不计复利。"
    )
    # the late interest is part of what the creditor claims, and of what 丙方 secures
    assert "就该余额及逾期利息" in default
    (guarantee,) = _article(_printed(LAPSING), "第四条　连带责任保证")
    assert "逾期利息、第五条约定由乙方负担的诉讼费用" in guarantee
    # 12% is within 4 × the 3.10% LPR: no error, only the warning on interest on interest
    assert [(p.loc, p.code) for p in _assess(LAPSING).problems if p.code != LONG_PLAN] == [
        (("original_debt",), "late_interest_on_original_debt")
    ]


def test_without_a_concession_the_late_interest_names_no_restored_sum():
    data = _kept(LAPSING)
    late, _ = _article(_printed(data), "第三条　违约责任")
    # the settled amount still holds 5,000.00 beyond the principal: no late interest on it
    assert late.endswith(
        "均计至实际清偿之日止。和解款中含本金以外的利息、违约金等款项人民币5,000.00元，乙方按本协议"
        "支付的款项先行抵充该部分，再抵充本金；逾期未付的款项中属于该部分的，不计逾期利息。"
        "逾期利息不计复利。"
    )
    assert "减让" not in late
    # the concession kept on default is warned of (test_settlement_terms.py), nothing else
    codes = [p.code for p in _assess(data).problems if p.code != LONG_PLAN]
    assert codes == ["concession_kept_on_default"]
    # a settled amount within the principal: nothing to keep the late interest off
    data["amount"] = "90000.00"
    late, _ = _article(_printed(data), "第三条　违约责任")
    assert late.endswith("均计至实际清偿之日止。逾期利息不计复利。")


def test_the_restored_principal_bears_the_late_rate_from_the_day_after_the_payment_that_lapsed_it():
    # the released sum is principal beyond the original debt's 18,249.32 of interest: 23,249.32
    # released of 118,249.32 with 100,000 principal holds 5,000 principal, from the same day as
    # the not-yet-due payments; its interest bears none (no interest on interest)
    data = copy.deepcopy(LAPSING)
    data["amount"] = "95000.00"
    data["schedule"]["generate"]["count"] = 5
    lines = _printed(data)
    late, default = _article(lines, "第三条　违约责任")
    assert "尚未到期的款项自引起加速到期的该期付款日的次日起一并计算" in late
    assert (
        "甲方依本协议第一条所作的减让失效的，乙方并应就失效的减让金额中的本金人民币5,000.00元，"
        "按逾期利率向甲方支付逾期利息，自引起加速到期的该期付款日的次日起计算至实际清偿之日止；"
        "其余人民币18,249.32元为本金以外的利息、违约金等款项，不计逾期利息。逾期利息不计复利。"
    ) in late
    (amount,) = _article(lines, "第一条　和解金额")
    assert (
        "甲方同意减让其中的人民币23,249.32元（含本金以外的利息、违约金等款项人民币18,249.32元、"
        "本金人民币5,000.00元），乙方违约的，该减让依本协议第三条失效。"
    ) in amount
    assert "甲方依本协议第一条所作的减让失效，乙方应一次性付清原欠款人民币118,249.32元" in default
    # one payment of a debt all price: the payment and the restored price are late from the
    # day after the payment date
    (default,) = _article(_printed(SALE_LAPSING), "第三条　违约责任")
    assert default == (
        "乙方未按期足额付款的，甲方依本协议第一条所作的减让失效，乙方应向甲方付清原欠款人民币"
        "450,000.00元（大写：肆拾伍万元整）扣除乙方已按本协议实际支付的款项后的余额，并就逾期未付的"
        "款项及失效的减让金额人民币30,000.00元，按年利率4.5%向甲方支付逾期利息，自付款日的次日起"
        "计算至实际清偿之日止，逾期利息不计复利；甲方有权就该余额及逾期利息提起诉讼。"
    )
    (amount,) = _article(_printed(SALE_LAPSING), "第一条　和解金额")
    assert "甲方同意减让其中的货款人民币30,000.00元，乙方违约的" in amount
    assert _assess(SALE_LAPSING).problems == []  # a sale: 4.5% is the loss measure's top
    # a price with a penalty in it: the penalty restored bears nothing, said in parentheses
    once = copy.deepcopy(SALE_LAPSING)
    once["original_principal"] = "435000.00"
    (default,) = _article(_printed(once), "第三条　违约责任")
    assert (
        "并就逾期未付的款项及失效的减让金额中的货款人民币15,000.00元，按年利率4.5%向甲方支付逾期"
        "利息，自付款日的次日起计算至实际清偿之日止（其余人民币15,000.00元为货款以外的利息、违约金"
        "等款项，不计逾期利息），逾期利息不计复利；"
    ) in default


def test_a_restored_sum_of_interest_alone_bears_no_late_interest():
    # 法释〔2020〕17号 art. 27(2): not 12% charged on a restored 13,249.32 that was all
    # claimed interest, beside 「逾期利息不计复利」
    lines = _printed(LAPSING)
    late, _ = _article(lines, "第三条　违约责任")
    assert "就失效的减让金额人民币13,249.32元，按逾期利率" not in late
    assert "失效的减让金额人民币13,249.32元为本金以外的利息、违约金等款项，不计逾期利息。" in late
    (amount,) = _article(lines, "第一条　和解金额")
    assert "甲方同意减让其中本金以外的利息、违约金等款项人民币13,249.32元" in amount


def test_without_the_principal_the_recitals_is_taken_and_a_zero_part_is_not_printed():
    lines = _printed(NO_PRINCIPAL)
    late, _ = _article(lines, "第三条　违约责任")
    # the recital's 100,000.00 leaves 18,249.32 of interest: the release is all interest
    assert "失效的减让金额中的本金部分" not in late
    assert (
        "甲方依本协议第一条所作的减让失效的，失效的减让金额人民币13,249.32元为本金以外的利息、"
        "违约金等款项，不计逾期利息。逾期利息不计复利。"
    ) in late
    (amount,) = _article(lines, "第一条　和解金额")
    assert "其中本金人民币100,000.00元，利息、违约金等人民币18,249.32元；" in amount
    assert "甲方同意减让其中本金以外的利息、违约金等款项人民币13,249.32元" in amount
    warnings = {w.code: w for w in _assess(NO_PRINCIPAL).warnings}
    taken = warnings["original_principal_from_recital"]
    assert taken.loc == ("original_principal",)
    assert taken.message.startswith(
        "未填写原欠款中的本金：协议按争议经过所述的人民币100,000.00元写明原欠款中的本金"
    )
    # neither typed nor told: refused at the field
    data = load_fixture("settlement_agreement", "invalid", "concession_lapsing_principal_not_known")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_principal",), "original_principal_missing")
    assert error.message.startswith("请填写原欠款中的本金（不含利息、违约金和费用）")
    assert "第六百七十六条" in error.message
    # a sale's principal is its price
    sale = copy.deepcopy(SALE_LAPSING)
    del sale["original_principal"]
    (taken,) = [w for w in _assess(sale).warnings if w.code == "original_principal_from_recital"]
    assert taken.message.startswith("未填写原欠款中的货款：协议按争议经过所述的人民币450,000.00元")


def test_a_principal_above_the_original_debt_is_refused():
    data = load_fixture(
        "settlement_agreement", "invalid", "original_principal_above_the_original_debt"
    )
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_principal",), "principal_above_original_debt")
    assert "人民币120,000.00元" in error.message and "人民币118,249.32元" in error.message


def test_a_concession_that_lapses_without_a_late_rate_is_warned_of_on_the_original_debt():
    # no late rate typed and no contract named: the law's rate cannot be chosen, none is
    # stated (with a contract, the law's is: test_settlement_late_by_law.py)
    data = load_fixture("settlement_agreement", "valid", "concession_lapsing_without_a_late_rate")
    del data["contract"]
    data["original_principal"] = "100000.00"
    warnings = {w.code: w for w in _assess(data).warnings}
    lapse = warnings["lapse_without_late_interest"]
    assert lapse.loc == ("original_debt",)
    assert lapse.message.startswith(
        "约定了减让失效，但未约定逾期利率：乙方违约、减让失效后应付的原欠款余额（其中恢复的减让"
        "人民币13,249.32元）自何时起、按何利率计付逾期利息，本协议未作约定"
    )
    assert "自引起加速到期的该期付款日的次日起" in lapse.hint
    assert warnings["late_interest_missing"].loc == ("late_interest",)
    # nothing is printed on interest the parties did not agree
    assert not any("逾期利" in line for line in _printed(data))
    once = copy.deepcopy(SALE_LAPSING)
    del once["late_interest"], once["contract"]
    (lapse,) = [w for w in _assess(once).warnings if w.code == "lapse_without_late_interest"]
    assert "人民币30,000.00元" in lapse.message and "自付款日的次日起" in lapse.hint


def test_private_lending_with_interest_in_the_original_debt_is_warned_of_the_whole_terms_cap():
    (warning,) = [w for w in _assess(LAPSING).warnings if w.code != LONG_PLAN]
    assert (warning.loc, warning.code) == (("original_debt",), "late_interest_on_original_debt")
    assert warning.message.startswith("原欠款含利息、违约金等人民币18,249.32元：民间借贷借款人")
    assert "（法释〔2020〕17号）第二十七条第二款；" in warning.message
    assert "第二十九条" in warning.message
    # an original debt all principal holds no interest to cap
    data = copy.deepcopy(LAPSING)
    data["original_principal"] = data["original_debt"]
    assert [w for w in _assess(data).warnings if w.code != LONG_PLAN] == []
    # the rate the restored sum bears is held to the cap as the payments' is
    data = load_fixture("settlement_agreement", "invalid", "concession_lapsing_late_rate_above_cap")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("late_interest", "value"), "above_legal_cap")


def test_one_payments_late_interest_is_said_with_what_falls_due():
    (default,) = _article(_printed(_kept(SALE_ONCE)), "第三条　违约责任")
    assert default == (
        "乙方未按期足额付款的，应向甲方付清和解款总额人民币420,000.00元（大写：肆拾贰万元整）"
        "扣除乙方已按本协议实际支付的款项后的余额，并就逾期未付的款项，按日利率0.05%向甲方"
        "支付逾期利息，自付款日的次日起计算至实际清偿之日止，逾期利息不计复利；甲方有权就"
        "该余额及逾期利息提起诉讼。"
    )


def test_a_sale_settlements_late_rate_above_the_loss_measure_is_a_warning():
    result = _assess(SALE_ONCE)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.code == "late_interest_may_be_reduced"]
    assert warning.loc == ("late_interest", "value")
    assert "第五百八十五条第二款" in warning.message


def test_a_private_lending_late_rate_above_four_times_the_lpr_is_refused_on_the_rate():
    data = load_fixture("settlement_agreement", "invalid", "late_interest_above_cap")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("late_interest", "value"), "above_legal_cap")
    assert "年利率12.4%" in error.message
    data["late_interest"]["value"] = "12.4"  # four times the 3.10% LPR of 2025-01-10
    assert _assess(data).errors == []


def test_a_late_rate_needs_the_settled_contract_to_be_checked_against():
    data = load_fixture(
        "settlement_agreement", "invalid", "late_interest_without_its_contract_no_concession"
    )
    errors = {e.loc: e for e in _assess(data).errors}
    assert errors[("late_interest",)].code == "late_interest_without_contract"
    assert "和解所涉合同" in errors[("late_interest",)].message


def test_without_a_late_rate_the_warning_names_what_the_suit_mode_gives_on_default():
    messages = {}
    for name, data in (("withdraw", WITHDRAW), ("mediation", MEDIATION), ("once", SALE_ONCE)):
        data = copy.deepcopy(data)
        data.pop("late_interest", None)
        data.pop("contract")  # named, the law's rate would be stated
        (warning,) = [w for w in _assess(data).warnings if w.code == "late_interest_missing"]
        assert warning.loc == ("late_interest",)
        messages[name] = warning.message
    # no contract, no kind: the private lender's cap is not named
    assert messages["withdraw"] == (
        "未约定逾期利息：乙方某期逾期未付的，本协议只约定尚未到期的款项加速到期、甲方可继续诉讼"
        "或另行提起诉讼，逾期期间既不计利息，也无违约金"
    )
    assert "甲方可依据调解书申请强制执行" in messages["mediation"]
    assert messages["once"] == (
        "未约定逾期利息：乙方逾期未付的，本协议只约定甲方可提起诉讼，逾期期间既不计利息，也无违约金"
    )


def test_the_concession_lapses_on_default_and_the_original_debt_less_payments_falls_due():
    lines = _printed(LAPSING)
    (amount,) = _article(lines, "第一条　和解金额")
    assert (
        "乙方确认，截至2026年11月20日，其和解前尚欠甲方的款项（以下简称“原欠款”）为人民币"
        "118,249.32元（大写：壹拾壹万捌仟贰佰肆拾玖元叁角贰分），其中本金人民币100,000.00元，利息、"
        "违约金等人民币18,249.32元；甲方同意减让其中本金以外的利息、违约金等款项人民币13,249.32元，"
        "乙方违约的，该减让依本协议第三条失效。"
    ) in amount
    _, default = _article(lines, "第三条　违约责任")
    assert (
        "（加速到期），甲方依本协议第一条所作的减让失效，乙方应一次性付清原欠款人民币118,249.32"
        "元（大写：壹拾壹万捌仟贰佰肆拾玖元叁角贰分）扣除乙方已按本协议实际支付的款项后的余额；"
    ) in default
    (guarantee,) = _article(lines, "第四条　连带责任保证")
    assert "和解款（减让依第三条失效的，为原欠款扣除乙方已付款项后的余额）" in guarantee
    # kept by choice: not printed
    assert not any("减让" in line or "原欠款" in line for line in _printed(_kept(WITHDRAW)))


def test_a_concession_that_is_none_is_refused():
    data = copy.deepcopy(LAPSING)
    data["original_debt"] = data["amount"]
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("original_debt",), "no_concession")
    assert "人民币105,000.00元" in error.message


def test_a_withdrawal_not_yet_made_leaves_the_pending_suit_to_go_on():
    # withdrawn once all is paid: a default finds the suit pending
    _, default = _article(_printed(LAPSING), "第三条　违约责任")
    assert default.endswith("；甲方有权不再撤诉，在本案中就该余额及逾期利息继续主张权利。")
    # withdrawn after the first payment, by choice: pending or withdrawn (the late interest
    # at the law's rate, none being typed)
    _, default = _article(_printed(WITHDRAW), "第三条　违约责任")
    assert default.endswith(
        "甲方尚未依本协议撤回起诉的，有权不再撤诉，在本案中就该余额及逾期利息继续主张权利；"
        "已撤回起诉的，有权就该余额及逾期利息另行提起诉讼（撤诉后可以再行起诉）。"
    )
    once = _kept(WITHDRAW)  # one payment: the withdrawal waits for it
    once["schedule"] = {"rows": [{"due_date": "2026-12-31", "amount": once["amount"]}]}
    once.pop("acceleration", None)
    (default,) = _article(_printed(once), "第三条　违约责任")
    assert default.startswith("乙方未按期足额付款的，应向甲方付清和解款总额")
    assert (
        "甲方尚未依本协议撤回起诉的，有权不再撤诉，在本案中就该余额及逾期利息继续主张权利"
        in default
    )


def test_the_form_offers_the_late_rate_and_the_concession():
    properties = TYPE.json_schema()["properties"]
    assert properties["late_interest"]["title"] == "逾期利率"
    assert properties["original_debt"]["title"] == "原欠款金额（违约时减让失效）"


def test_the_pdf_prints_the_late_interest_and_the_lapse(service):
    pdf = service.render("settlement_agreement", LAPSING, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "第三条违约责任乙方任何一期未按期足额付款的，应就逾期未付的款项，按年利率12%" in text
    assert "甲方依本协议第一条所作的减让失效" in text
    assert (
        "失效的减让金额人民币13,249.32元为本金以外的利息、违约金等款项，不计逾期利息。逾期利息不计"
        "复利。"
    ) in text
