"""A court filing states a fee and its basis, never a note to whoever prepared it."""

from __future__ import annotations

from datetime import date

import pytest

from docgen import layouts
from docgen.docmodel.blocks import Paragraph, paragraphs, plain, walk
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.payment_order import fee_text
from docgen.domain.court_fees import acceptance_fee, payment_order_fee
from tests.support import load_fixture

OPTIONS = RuleOptions(today=date(2026, 12, 31))
OPERATOR_NOTES = ("未规定尾数处理", "本计算按", "以人民法院交费通知为准", "以人民法院退费通知为准")


def _text(type_name: str, fixture: str) -> str:
    doc_type = registry.get(type_name)
    case = doc_type.parse(load_fixture(type_name, "valid", fixture))
    context = doc_type.build_context(case, doc_type.evaluate(case, OPTIONS))
    return "\n".join(paragraphs(layouts.LAYOUTS[type_name].build(context)))


@pytest.mark.parametrize(
    ("type_name", "fixture", "basis"),
    [
        (
            "payment_order",
            "person_principal_and_interest",
            "分段累计为人民币2,516.66元，依第十四条第（三）项按其三分之一计算。",
        ),
        (
            "preservation_application",
            "in_suit_insurance",
            "按请求保全数额人民币118,249.32元，依《诉讼费用交纳办法》第十四条第（二）项",
        ),
        (
            "withdrawal_application",
            "settled_fee_from_the_claim",
            "第十三条第（一）项、第十五条减半后应交人民币1,332.50元",
        ),
        (
            "withdrawal_application",
            "performed_fee_paid_only",
            "依《诉讼费用交纳办法》第十五条减半后应交人民币1,150.00元",
        ),
    ],
)
def test_a_filing_states_the_fee_basis_without_the_operators_rounding_note(
    type_name, fixture, basis
):
    assert registry.get(type_name).court_filing
    text = _text(type_name, fixture)
    assert basis in text
    assert not [note for note in OPERATOR_NOTES if note in text]


def test_the_calculation_still_tells_the_operator_how_it_rounded():
    fee = acceptance_fee("118249.32", procedure="summary")
    assert fee.basis.endswith(
        "未规定尾数处理，本计算按四舍五入保留至分；实际金额以人民法院交费通知为准。"
    )
    assert fee.statement == fee.basis.removesuffix(fee.note)
    # charged to the fen 2,664.99 (2,664.9864); its half, 1,332.495, payable half up 1,332.50
    assert fee.statement.endswith(
        "合计2,664.99元；适用简易程序审理，依第十六条减半交纳，为1,332.50元。"
    )


@pytest.mark.parametrize(
    ("type_name", "fixture"),
    [
        ("payment_order", "person_principal_and_interest"),
        ("preservation_application", "pre_suit_cash"),
    ],
)
def test_the_fee_and_its_basis_are_one_paragraph_of_the_application_not_a_note(type_name, fixture):
    doc_type = registry.get(type_name)
    case = doc_type.parse(load_fixture(type_name, "valid", fixture))
    context = doc_type.build_context(case, doc_type.evaluate(case, OPTIONS))
    document = layouts.LAYOUTS[type_name].build(context)
    fee = [
        b
        for b in walk(document.blocks)
        if isinstance(b, Paragraph) and "由申请人预交" in plain(b.text)
    ]
    assert [b.role for b in fee] == ["body"]
    assert not [b for b in walk(document.blocks) if isinstance(b, Paragraph) and b.role == "note"]


def test_the_preservation_fee_is_advanced_on_the_amount_applied_for():
    text = _text("preservation_application", "pre_suit_cash")
    # 诉讼费用交纳办法 art. 14(2): 30 + 990 + 0.5% × 200,000 = 2,020; at filing only the
    # amount applied for is known, the fee advanced is computed on it, and it is settled on
    # the property the court actually preserves (根据实际保全的财产数额)
    assert (
        "申请保全费人民币2,020.00元（大写：贰仟零贰拾元整），按请求保全数额人民币300,000.00元，"
        "依《诉讼费用交纳办法》第十四条第（二）项规定的标准分段累计计算，由申请人预交"
        "（按实际保全的财产数额结算）。" in text
    )
    assert text.count("实际保全") == 1


@pytest.mark.parametrize(
    ("rounding", "words"),
    [
        (
            "fen",
            "申请费人民币888.33元（大写：捌佰捌拾捌元叁角叁分）：按请求给付的金额人民币118,249.32元，"
            "依《诉讼费用交纳办法》第十三条第（一）项分段累计为人民币2,664.99元，"
            "依第十四条第（三）项按其三分之一计算。",
        ),
        (
            "yuan",
            "申请费人民币888.00元（大写：捌佰捌拾捌元整）：按请求给付的金额人民币118,249.32元，"
            "依《诉讼费用交纳办法》第十三条第（一）项分段累计为人民币2,665.00元，"
            "依第十四条第（三）项按其三分之一计算，四舍五入保留至元。",
        ),
    ],
)
def test_the_payment_order_states_the_acceptance_fee_the_court_charges(rounding, words):
    """A third of the acceptance fee as charged is the fee: to the yuan, 2,665, not 2,664.99."""
    assert fee_text(payment_order_fee("118249.32", rounding=rounding)).startswith(words)
