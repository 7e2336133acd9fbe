"""The kinds of evidence the complaint's facts are looked for by (complaint_evidence_kinds):
realistic evidence names that used to misfire, each kind named and not named."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.complaint_evidence_kinds import EVIDENCE_KINDS
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")

NAMED = {
    "contract": [
        "借条原件 原告提供 证明借贷关系",
        "欠条",
        "借款借据",
        "债务确认书",
        "信用卡领用合约",
    ],
    "loan_paid": [
        "银行流水 中国工商银行 证明原告已转款",
        "银行交易明细",
        "微信转账记录截图",
        "转款记录",
        "打款凭证",
        "收条",
        "2025年1月10日亲见原告交付现金",
    ],
    "goods": ["出库单及物流签收记录", "对账单 证明被告确认收货数量", "运单", "交付货物的验收单"],
    "card": ["信用卡对账单", "欠款明细", "信用卡账单及交易明细"],
    "guarantee": ["保证合同", "最高额保证合同", "被告李秀英出具的担保函", "借款合同（含保证条款）"],
    "mortgage": ["抵押合同", "不动产登记证明（他项权证）"],
    "pledge": ["股权出质登记通知书", "质押合同及质物交付清单"],
    "acceleration": ["提前还款通知书", "提前收回贷款通知书", "宣布借款全部到期的函"],
    "notice": ["提前还款通知书", "宣布借款全部到期的函", "EMS送达记录"],
    "demand": [
        "与被告李秀英的微信聊天记录",
        "短信截图",
        "通话录音 证明原告向李秀英追讨欠款",
        "保证责任催告函及EMS签收记录",
    ],
    "paid": ["律师费发票", "律师费银行回单", "保全保险费付款凭证"],
    "fee_agreed": ["借款合同 证明律师费由借款人负担的约定"],
    "engagement": ["委托代理合同", "北京市正信律师事务所收费确认"],
}
NOT_NAMED = {
    # a security's or the law firm's contract is not the contract the debt arises from
    "contract": ["保证合同", "最高额保证合同", "抵押担保合同", "委托代理合同", "被告出具的担保函"],
    # a fee's payment, a pledge's delivery: not the loan paid out
    "loan_paid": ["律师费发票及转账凭证", "质押合同及质押财产交付凭证", "借款合同"],
    # a letter received is not goods received; a pledge delivered is not goods delivered
    "goods": ["催告函及EMS签收记录", "质押合同及质押财产交付凭证", "增值税发票"],
    "card": ["信用卡领用合约"],
    # a mortgage's 抵押担保, a 保证金 receipt: no guarantee
    "guarantee": ["抵押合同 证明被告以其房屋为本案借款提供抵押担保", "保证金收据", "质押担保合同"],
    "mortgage": ["质押合同"],
    "pledge": ["抵押合同"],
    "acceleration": ["借款合同 证明借贷关系及利率的约定"],
    "notice": ["借款合同"],
    # the guarantee itself is no demand on the guarantor
    "demand": ["被告李秀英出具的担保函", "保证合同（被告李秀英签字）", "最高额保证合同"],
    "paid": ["委托代理合同"],
    "fee_agreed": ["银行转账凭证"],
    "engagement": ["借款合同"],
}


@pytest.mark.parametrize(("kind", "item"), [(k, i) for k, items in NAMED.items() for i in items])
def test_each_kind_is_named_by_its_realistic_names(kind, item):
    assert EVIDENCE_KINDS[kind].named_in(item)


@pytest.mark.parametrize(
    ("kind", "item"), [(k, i) for k, items in NOT_NAMED.items() for i in items]
)
def test_each_kind_is_not_named_by_another_kinds_names(kind, item):
    assert not EVIDENCE_KINDS[kind].named_in(item)


def test_every_kind_has_names_and_non_names_tested():
    assert set(NAMED) == set(EVIDENCE_KINDS) == set(NOT_NAMED)


def _missing(data: dict) -> str:
    found = [
        p
        for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems
        if p.code == "evidence_not_listed"
    ]
    return found[0].message if found else ""


def _evidence(data: dict, *items: tuple[str, str]) -> dict:
    data = copy.deepcopy(data)
    data["evidence"] = [{"name": n, "source": "原告提供", "purpose": p} for n, p in items]
    return data


def test_security_contracts_alone_do_not_prove_the_loan_contract():
    data = _evidence(
        GUARANTOR,
        ("保证合同", "证明被告李秀英提供连带责任保证"),
        ("委托代理合同、律师费发票", "证明原告已支付律师费"),
        ("银行流水", "证明原告已向被告张伟转款100,000元"),
        ("与被告李秀英的微信聊天记录", "证明原告于2026年2月9日向李秀英追讨欠款"),
    )
    missing = _missing(data)
    assert "没有相应证据：《借款合同》。" in missing
    # the bank statement shows the loan paid, the chat the demand: neither is missing
    data["evidence"].append({"name": "借条原件", "source": "原告提供", "purpose": "证明借贷关系"})
    assert _missing(data) == ""


def test_a_fee_transfer_does_not_prove_the_loan_paid_out():
    data = _evidence(
        GUARANTOR,
        ("借款合同", "证明借贷关系"),
        ("保证合同", "证明被告李秀英提供连带责任保证"),
        ("律师费发票及转账凭证", "证明原告已支付律师费"),
        ("保证责任催告函（致被告李秀英）", "证明原告要求被告李秀英承担保证责任"),
    )
    assert "没有相应证据：原告已实际出借款项。" in _missing(data)


def test_a_written_guarantee_is_no_demand_on_the_guarantor():
    data = _evidence(
        GUARANTOR,
        ("借款合同", "证明借贷关系"),
        ("银行转账凭证", "证明原告已交付借款"),
        ("被告李秀英出具的担保函", "证明被告李秀英提供连带责任保证"),
        ("委托代理合同、律师费发票", "证明原告已支付律师费"),
    )
    assert "没有相应证据：原告于2026年2月9日请求被告李秀英承担保证责任。" in _missing(data)


def test_a_letters_receipt_does_not_prove_the_goods_delivered():
    data = copy.deepcopy(SALE)
    data["evidence"] = [e for e in data["evidence"] if "送货" not in e["name"]]
    receipt = {
        "name": "催款函及EMS签收记录",
        "source": "中国邮政",
        "purpose": "证明被告已收到催款函",
    }
    data["evidence"].append(receipt)
    assert "原告已交付货物" in _missing(data)
    slip = {"name": "出库单及物流签收记录", "source": "原告提供", "purpose": "证明货物已送达被告"}
    data["evidence"].append(slip)
    assert "原告已交付货物" not in _missing(data)


def test_a_list_in_everyday_names_proves_every_fact():
    data = load_fixture("civil_complaint", "valid", "narrative_evidence_in_everyday_names")
    assert [e["name"] for e in data["evidence"]][:3] == [
        "借条原件",
        "银行流水",
        "被告李秀英出具的担保函",
    ]
    assert _missing(data) == ""


def test_a_list_of_other_matters_is_warned_of_each_fact_it_lacks():
    data = load_fixture("civil_complaint", "valid", "narrative_evidence_of_other_matters")
    assert _missing(data).startswith(
        "起诉状主张的以下事实在证据清单中没有相应证据：《借款合同》；原告已实际出借款项；"
        "原告于2026年2月9日请求被告李秀英承担保证责任。"
    )
