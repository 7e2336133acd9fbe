"""What the three agreements share at the plan and at the end: a date on a rest day stands
(in each one's words), a missed installment is worded once, and one signing has one date,
typed with the place above 「（以下无正文）」, which only the signatures follow."""

from __future__ import annotations

from datetime import date

import pytest

from docgen import layouts
from docgen.docmodel.blocks import Paragraph, SignBlock, paragraphs, plain, walk
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(today=date(2026, 12, 1))
INSTALLMENTS = load_fixture("installment_agreement", "valid", "monthly_late_interest_within_cap")
CONFIRMATION = load_fixture("debt_confirmation", "valid", "plan_with_late_interest")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
SETTLEMENT = load_fixture(
    "settlement_agreement", "valid", "late_interest_and_the_concession_lapsing"
)


def _document(type_name: str, data):
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    result = doc_type.evaluate(case, OPTIONS)
    assert result.errors == [], result.errors
    return layouts.LAYOUTS[type_name].build(doc_type.build_context(case, result))


def _printed(type_name: str, data) -> list[str]:
    return list(paragraphs(_document(type_name, data)))


def test_an_installment_date_on_a_rest_day_stands_after_the_plan():
    lines = _printed("installment_agreement", INSTALLMENTS)
    clause = (
        "本协议约定的还款日期为法定休假日（包括休息日和法定节假日）的，不予顺延，"
        "乙方应于该日或之前还款。"
    )
    at = lines.index(clause)
    # after the table and its interest paragraph, before the account
    assert lines[at - 1].endswith("上表利息按各期按期足额还款计算。")
    assert lines[at + 1].startswith("乙方应将各期款项支付至甲方以下账户")


def test_a_confirmations_plan_and_pay_by_date_stand_on_a_rest_day():
    clause = (
        "本确认书约定的还款日期为法定休假日（包括休息日和法定节假日）的，不予顺延，"
        "乙方应于该日或之前还款。"
    )
    lines = _printed("debt_confirmation", CONFIRMATION)
    at = lines.index(clause)
    # after the plan's table, its 总计 and the note on its column of other amounts
    assert lines[at - 1].startswith("注：其他欠款指本确认书第一项确认的利息、违约金等")
    assert lines[at - 2].startswith("人民币") and lines[at - 3] == "总计"
    assert lines[at + 1].startswith("乙方应将款项支付至甲方以下账户")
    once = _printed("debt_confirmation", AT_ONCE)
    # 三、 is the sale's reservation of the late-payment penalty before the cut-off date
    promise = (
        "四、乙方承诺于2026年10月31日前（含当日）一次性向甲方清偿上述全部债务，并同时支付上述"
        "截至日前的逾期付款违约金（按上述原合同约定的标准计算）。"
    )
    assert f"{promise}{clause}" in once


def test_a_missed_installment_is_worded_alike_in_every_clause():
    lines = _printed("debt_confirmation", CONFIRMATION)
    default = next(line for line in lines if line.startswith("四、"))
    late = next(line for line in lines if "逾期利率" in line)
    phrase = "乙方任何一期未按期足额还款的，"
    assert default.startswith(f"四、{phrase}甲方有权要求乙方立即清偿全部剩余债务")
    assert phrase in late
    lines = _printed("installment_agreement", INSTALLMENTS)
    late = lines[lines.index("第三条　逾期利息") + 1]
    assert late.startswith(phrase)
    installments = dict(INSTALLMENTS, acceleration={"trigger": "any_missed"})
    lines = _printed("installment_agreement", installments)
    assert lines[lines.index("第四条　加速到期") + 1].startswith(phrase)
    settlement = dict(SETTLEMENT, acceleration={"trigger": "any_missed"})
    lines = _printed("settlement_agreement", settlement)
    accelerated = next(line for line in lines if "（加速到期）" in line)
    assert accelerated.startswith("乙方任何一期未按期足额付款的，本协议第二条约定的")
    assert "乙方累计2期未按期足额付款的" in "".join(_printed("settlement_agreement", SETTLEMENT))


@pytest.mark.parametrize(
    ("type_name", "data", "dated"),
    [
        ("installment_agreement", INSTALLMENTS, "签订地点：广东省深圳市福田区"),
        ("debt_confirmation", CONFIRMATION, "签署地点：广东省深圳市福田区"),
        ("settlement_agreement", SETTLEMENT, "签订地点：北京市东城区"),
    ],
)
def test_the_place_is_above_the_end_of_text_and_each_signer_dates_below(type_name, data, dated):
    document = _document(type_name, data)
    printed = list(paragraphs(document))
    assert printed.count(dated) == 1
    assert not any(line.startswith(("签订日期", "签署日期")) for line in printed)
    signers = [block for block in walk(document.blocks) if isinstance(block, SignBlock)]
    assert sum(line.startswith("日期：＿") for line in printed) == len(signers)
    # a calculation sheet follows (confirmation, installment agreement), signed by every
    # party: its mark announces it
    mark = "（以下无正文，附件附后）" if "附件：计算明细" in printed else "（以下无正文）"
    if mark != "（以下无正文）":
        signers = signers[: len(signers) // 2]
    roles = {
        plain(block.text): block.role
        for block in walk(document.blocks)
        if isinstance(block, Paragraph)
    }
    assert roles[mark] == roles[dated] == "body"
    # the place of signing closes the text, the mark after it, then only the signatures,
    # each dated by its signer: nothing of the agreement's words follows 「（以下无正文）」
    end = printed.index(mark)
    assert printed[end - 1] == dated
    assert printed[end + 1].startswith(("甲方", "乙方"))
    signed = [line for block in signers for line in block.lines()]
    # a calculation annex may follow the signatures, never the unsigned 「附：计算明细」
    assert printed[end + 1 : end + 1 + len(signed)] == signed
    annex = printed[end + 1 + len(signed) :][:1]
    assert annex == (["附件：计算明细"] if mark != "（以下无正文）" else [])
