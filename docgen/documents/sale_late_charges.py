"""A sale's late-payment penalty up to the cut-off date, as the debt confirmation and the
installment agreement keep it (``past_late_charges``).

A seller keeps the contractual late-payment penalty on a 对账单 or 还款协议 that is silent
on it, unless the document states the principal and the late interest, or has changed the
contract's terms on principal and interest (买卖合同解释 art. 18(2)). An agreement that
changes the interest terms (a rate from the cut-off date, 「不另计利息」) and is silent
risks the penalty for the time before the cut-off date, so it is reserved by default
(「…享有的权利不因本协议而受影响」), listed as a line of the amounts, or waived with a
warning.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field

from docgen.documents.parts import ContractBasis, DebtAmounts
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED

PastLateCharges = Literal["reserved", "waived", "included"]
SALE_RULES = "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》"
_PRICE_WORDS = ("货款", "价款")
_LATE_KINDS = ("penalty", "interest")


def past_late_charges_field() -> Any:
    return Field(
        default="reserved",
        title="截至日前的逾期付款违约金（买卖合同）",
        description="买卖合同的货款：甲方保留依原合同主张截至日前逾期付款违约金（损失）的权利、"
        "已在欠款明细中列明，或放弃",
        json_schema_extra={
            **ADVANCED,
            "enum_titles": ["保留（写明权利不受影响）", "放弃", "已列入欠款明细"],
        },
    )


def is_sale(origin: ContractBasis, amounts: DebtAmounts) -> bool:
    """A sale's price: the contract typed as a sale, or the principal named 货款 / 价款."""
    if origin.kind == "sale":
        return True
    return any(
        c.kind == "principal" and any(w in c.display_label for w in _PRICE_WORDS)
        for c in amounts.components
    )


def check_past_late_charges(
    result: Assessment, choice: PastLateCharges, origin: ContractBasis, amounts: DebtAmounts
) -> None:
    """``included`` needs its line; ``waived`` is warned about; neither for a non-sale."""
    loc = ("past_late_charges",)
    if not is_sale(origin, amounts):
        if choice != "reserved":
            result.error(
                loc,
                "not_a_sale",
                "只有买卖合同的货款才需选择截至日前逾期付款违约金的处理方式，请选择「保留」"
                "或将合同类型改为买卖合同",
            )
        return
    cut_off = format_cn(amounts.as_of)
    if choice == "included" and not any(c.kind in _LATE_KINDS for c in amounts.components):
        result.error(
            loc,
            "late_charges_not_listed",
            f"选择了「已列入欠款明细」，但欠款明细中没有违约金或利息：请将计至{cut_off}的逾期付款"
            "违约金（损失）列为一项，或选择「保留」",
        )
    elif choice == "waived":
        result.warn(
            loc,
            "past_late_charges_waived",
            f"甲方放弃截至{cut_off}的逾期付款违约金（损失）：确认书、还款协议未涉及逾期付款责任，"
            "但已变更原合同关于本金、利息等约定的，出卖人不能再依原合同主张该违约金"
            f"（{SALE_RULES}第十八条第二款）",
            hint="确非放弃的，请选择「保留」，或将该违约金列入欠款明细",
        )


def reservation(choice: PastLateCharges, origin: ContractBasis, amounts: DebtAmounts) -> str:
    """The reservation of a sale's late-payment penalty up to the cut-off date, or ""."""
    if choice != "reserved" or not is_sale(origin, amounts):
        return ""
    confirmed = "上述款项" if len(amounts.components) > 1 else f"上述{amounts.principal_label}"
    return past_late_charges_clause("本协议", origin.name, amounts.as_of, confirmed)


def past_late_charges_clause(
    document: str, contract: str, cut_off: date, confirmed: str, arranged: bool = True
) -> str:
    """「本协议仅确认上述货款及其清偿安排，甲方依《设备买卖合同》就截至日（2026年9月10日）前的
    逾期付款违约金（损失）享有的权利不因本协议而受影响。」: a sale's document that changes the
    interest terms and is silent on the contract's late-payment penalty risks it (买卖合同
    解释 art. 18(2)), so it reserves it; ``document``: 本协议, 本确认书; ``confirmed``: what
    the document confirms (上述货款, 上述款项); ``arranged``: it also arranges the payment
    (a confirmation without a plan or a day to pay confirms the debt alone)."""
    confirmed += "及其清偿安排" if arranged else ""
    return (
        f"{document}仅确认{confirmed}，甲方依《{contract}》就截至日"
        f"（{format_cn(cut_off)}）前的逾期付款违约金（损失）享有的权利不因{document}而受影响。"
    )
