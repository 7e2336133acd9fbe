"""A settlement names the dispute it settles by its cause: the one typed, else the named
contract's by its kind (《民事案件案由规定》), never a loan's by default."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

TYPE = registry.get("settlement_agreement")
OPTIONS = RuleOptions(today=date(2026, 12, 1))
FROM_KIND = load_fixture("settlement_agreement", "valid", "cause_told_by_the_contracts_kind")
UNNAMED = load_fixture("settlement_agreement", "invalid", "cause_missing_without_its_contract")
DEBT_OF_A_SALE = load_fixture("settlement_agreement", "valid", "debt_without_its_contract")
WITHDRAW = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")


def _assess(data):
    return TYPE.evaluate(TYPE.parse(data), OPTIONS)


def test_a_sale_settled_without_a_typed_cause_is_a_sales_dispute():
    printed = printed_copy("settlement_agreement", FROM_KIND)
    assert "为妥善解决上述买卖合同纠纷，双方经平等协商，自愿达成如下和解协议：" in printed
    assert "民间借贷" not in printed


def test_a_filed_suits_cause_is_the_contracts_when_none_is_typed():
    for kind, cause in (("service", "服务合同纠纷"), ("credit_card", "信用卡纠纷")):
        data = copy.deepcopy(WITHDRAW)
        data["contract"]["kind"] = kind
        del data["suit"]["dispute"]
        printed = printed_copy("settlement_agreement", data)
        assert f"甲方已就{cause}向" in printed and "民间借贷" not in printed


def test_without_a_contract_the_release_names_the_typed_cause():
    data = copy.deepcopy(UNNAMED)
    data["suit"]["dispute"] = "服务合同纠纷"
    printed = printed_copy("settlement_agreement", data)
    assert "双方就上述服务合同纠纷再无其他争议。" in printed


def test_without_a_contract_a_sales_disputes_principal_is_its_price():
    # the recital says 「尚欠货款」: the original debt and the concession say 货款 too
    printed = printed_copy("settlement_agreement", DEBT_OF_A_SALE)
    assert (
        "为人民币450,000.00元（大写：肆拾伍万元整），均为货款；甲方同意减让其中的货款人民币30,000.00元"
        in printed
    )
    assert "本金" not in printed
    data = copy.deepcopy(DEBT_OF_A_SALE)
    data["suit"]["dispute"] = "服务合同纠纷"
    assert "均为本金；甲方同意减让其中的本金人民币30,000.00元" in printed_copy(TYPE.name, data)


def test_a_cause_neither_typed_nor_told_by_the_contract_is_refused_at_the_field():
    (error,) = _assess(UNNAMED).errors
    assert (error.loc, error.code) == (("suit", "dispute"), "missing")
    assert error.message.startswith("请填写案由：未填写和解所涉合同，无法据以确定纠纷的案由")
    other = copy.deepcopy(FROM_KIND)
    other["contract"]["kind"] = "other"
    (error,) = _assess(other).errors
    assert (error.loc, error.code) == (("suit", "dispute"), "missing")
    assert "的类型为「其他」" in error.message


def test_a_typed_cause_of_another_kind_than_the_contract_is_warned():
    data = copy.deepcopy(FROM_KIND)
    data["suit"] = {"dispute": "民间借贷纠纷"}
    (warning,) = [w for w in _assess(data).warnings if w.code == "dispute_not_of_contract"]
    assert warning.loc == ("suit", "dispute")
    assert "案由为「买卖合同纠纷」" in warning.message
    # a narrower cause of the contract's kind is the user's to choose
    data["suit"] = {"dispute": "分期付款买卖合同纠纷"}
    assert not [w for w in _assess(data).warnings if w.code == "dispute_not_of_contract"]
