"""A sale's late-payment penalty for the time before an agreement's cut-off date.

买卖合同解释 (法释〔2012〕8号, revised 2020) art. 18(2): where the sale contract agreed a
late-payment penalty and a 对账单 or 还款协议 is silent on it, the seller may still claim it
on that document, unless the document states the principal and the late-payment interest
or has changed what the contract agreed on principal and interest. An agreement that sets
its own interest after a cut-off date has arguably changed that, so silence risks the
penalty for the time before it. The creditor therefore chooses (``past_late_charges``):

- ``reserved`` (the default): the agreement says that it confirms the price and its
  payment only, and the creditor's rights under the contract to the late-payment penalty
  (loss) up to the cut-off date are unaffected;
- ``included``: the penalty is a line of the confirmed amounts (a 违约金 or 利息 line);
- ``waived``: the creditor gives it up; nothing is printed and the user is warned.

A sale is a contract typed ``sale``, or a principal the amounts table calls 货款 / 价款.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from docgen.documents.parts import ContractBasis, DebtAmounts
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED

SALE_RULES = "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》"
ARTICLE = f"{SALE_RULES}第十八条第二款"
FIELD = "past_late_charges"
PastLateCharges = Literal["reserved", "waived", "included"]
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
    """``included`` needs its line; ``waived`` is warned about; none of it for a non-sale."""
    if not is_sale(origin, amounts):
        if choice != "reserved":
            result.error(
                (FIELD,),
                "not_a_sale",
                "只有买卖合同的货款才需选择截至日前逾期付款违约金的处理方式，请选择「保留」"
                "或将合同类型改为买卖合同",
            )
        return
    cut_off = format_cn(amounts.as_of)
    if choice == "included" and not any(c.kind in _LATE_KINDS for c in amounts.components):
        result.error(
            (FIELD,),
            "late_charges_not_listed",
            f"选择了「已列入欠款明细」，但欠款明细中没有违约金或利息：请将计至{cut_off}的逾期付款"
            "违约金（损失）列为一项，或选择「保留」",
        )
    elif choice == "waived":
        result.warn(
            (FIELD,),
            "past_late_charges_waived",
            f"甲方放弃截至{cut_off}的逾期付款违约金（损失）：确认书、还款协议未涉及逾期付款责任，"
            "但已变更原合同关于本金、利息等约定的，出卖人不能再依原合同主张该违约金"
            f"（{ARTICLE}）",
            hint="确非放弃的，请选择「保留」，或将该违约金列入欠款明细",
        )


def reservation(
    choice: PastLateCharges,
    origin: ContractBasis,
    amounts: DebtAmounts,
    document: str,
    arranged: bool = True,
) -> str:
    """「本确认书仅确认上述货款及其清偿安排，甲方依《…》就截至日（…）前的逾期付款违约金
    （损失）享有的权利不因本确认书而受影响。」 for a sale whose penalty is reserved; else "".
    ``arranged``: the document also arranges the payment (a plan or a day to pay)."""
    if choice != "reserved" or not is_sale(origin, amounts):
        return ""
    confirmed = "上述款项" if len(amounts.components) > 1 else f"上述{amounts.principal_label}"
    confirmed += "及其清偿安排" if arranged else ""
    return (
        f"{document}仅确认{confirmed}，甲方依《{origin.name}》就截至日"
        f"（{format_cn(amounts.as_of)}）前的逾期付款违约金（损失）享有的权利不因{document}而受影响。"
    )


__all__ = [
    "FIELD",
    "PastLateCharges",
    "check_past_late_charges",
    "is_sale",
    "past_late_charges_field",
    "reservation",
]
