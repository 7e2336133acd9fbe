"""A sale's late-payment penalty up to the cut-off date, as the debt confirmation and the
installment agreement keep it (``past_late_charges``).

A seller keeps the contractual late-payment penalty on a 对账单 or 还款协议 that is silent
on it, unless the document states the principal and the late interest, or has changed the
contract's terms on principal and interest (买卖合同解释 art. 18(2)). An agreement that
changes the interest terms (a rate from the cut-off date, 「不另计利息」) and is silent
risks the penalty for the time before the cut-off date. Beside 「乙方确认……无任何异议」
an open, unquantified claim leaves the debtor unable to know the real total, so the
document says what becomes of it: by default it is waived on the debtor's full
performance and may be claimed under the contract on default (a waiver on a condition,
民法典 art. 158: 「乙方按本协议约定足额清偿的，甲方放弃…」); reserved, it states its
basis — the clause, the rate and the first day (``past_late_basis``); it may also be
listed as a line of the amounts, or waived outright with a warning.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field

from docgen.documents.parts import ContractBasis, DebtAmounts, RateInput
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, ShortText
from docgen.domain.lpr import LprTable
from docgen.domain.rate_words import describe_penalty_rate

PastLateCharges = Literal["waived_on_performance", "reserved", "waived", "included"]
DEFAULT: PastLateCharges = "waived_on_performance"


class PastLateBasis(CaseModel):
    """The basis of a reserved late-payment penalty: the clause, the rate, the first day."""

    clause: ShortText = Field(title="约定违约金的合同条款", description="如 第九条")
    rate: RateInput = Field(title="违约金标准", description="如 日利率0.05%（日万分之五）")
    start: date = Field(title="起算日", description="逾期付款违约金计算的第一日")


def past_late_basis_field() -> Any:
    return Field(
        default=None,
        title="保留的逾期付款违约金的依据",
        description="选择「保留」时必填：写明合同条款、违约金标准和起算日，印入条款",
        json_schema_extra=ADVANCED,
    )


SALE_RULES = "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》"
_PRICE_WORDS = ("货款", "价款")
_LATE_KINDS = ("penalty", "interest")


def past_late_charges_field() -> Any:
    return Field(
        default=DEFAULT,
        title="截至日前的逾期付款违约金（买卖合同）",
        description="买卖合同的货款：乙方按约足额清偿的甲方放弃（默认）、甲方保留依原合同主张"
        "截至日前逾期付款违约金（损失）的权利（须写明依据）、放弃，或已在欠款明细中列明",
        json_schema_extra={
            **ADVANCED,
            "enum_titles": [
                "乙方按约足额清偿的放弃",
                "保留（写明条款、标准和起算日）",
                "放弃",
                "已列入欠款明细",
            ],
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
    result: Assessment,
    choice: PastLateCharges,
    origin: ContractBasis,
    amounts: DebtAmounts,
    basis: PastLateBasis | None = None,
) -> None:
    """``included`` needs its line; ``reserved`` its basis; ``waived`` is warned about;
    none of them for a non-sale."""
    loc = ("past_late_charges",)
    if not is_sale(origin, amounts):
        if choice != DEFAULT or basis is not None:
            result.error(
                loc,
                "not_a_sale",
                "只有买卖合同的货款才需选择截至日前逾期付款违约金的处理方式，请保留默认选项"
                "或将合同类型改为买卖合同",
            )
        return
    if choice == "reserved" and basis is None:
        result.error(
            ("past_late_basis",),
            "missing",
            "选择「保留」截至日前的逾期付款违约金的，请写明其依据（合同条款、违约金标准和起算日）："
            "乙方确认债务「无任何异议」时，保留一项未写明依据的请求，乙方无从知道实际欠款总额，"
            "也易被认为已一并结清",
            hint="或选择「乙方按约足额清偿的放弃」，或将该违约金计算后列入欠款明细",
        )
    elif basis is not None and choice != "reserved":
        result.error(
            ("past_late_basis",), "basis_unused", "只有选择「保留」时才填写逾期付款违约金的依据"
        )
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


def reservation(
    choice: PastLateCharges,
    origin: ContractBasis,
    amounts: DebtAmounts,
    basis: PastLateBasis | None = None,
    table: LprTable | None = None,
) -> str:
    """What the installment agreement says of a sale's late-payment penalty up to the
    cut-off date: reserved with its basis, waived on full performance, or ""."""
    if choice not in ("reserved", DEFAULT) or not is_sale(origin, amounts):
        return ""
    if choice == DEFAULT:
        return waived_on_performance("本协议", origin.name, amounts.as_of)
    confirmed = "上述款项" if len(amounts.components) > 1 else f"上述{amounts.principal_label}"
    clause = past_late_charges_clause("本协议", origin.name, amounts.as_of, confirmed)
    return clause + basis_text(basis, table)


def waived_on_performance(
    document: str, contract: str, cut_off: date, arranged: bool = True
) -> str:
    """「乙方按本协议约定按期足额清偿全部款项的，甲方放弃依《设备买卖合同》主张截至日（…）前的
    逾期付款违约金（损失）；乙方未按约清偿的，甲方仍有权依《设备买卖合同》的约定主张。」
    (a waiver on a condition, 民法典 art. 158)."""
    paid = f"按{document}约定按期足额清偿全部款项" if arranged else "足额清偿上述全部款项"
    return (
        f"乙方{paid}的，甲方放弃依《{contract}》主张截至日"
        f"（{format_cn(cut_off)}）前的逾期付款违约金（损失）；乙方未按约清偿的，甲方仍有权依"
        f"《{contract}》的约定主张该违约金。"
    )


def basis_text(basis: PastLateBasis | None, table: LprTable | None = None) -> str:
    """「该违约金依原合同第九条的约定，以逾期未付的货款为基数，自2023年1月1日起按每日
    0.05%计算至截至日止。」: a penalty's standard, not an interest rate
    (:func:`docgen.domain.rate_words.describe_penalty_rate`)."""
    if basis is None:
        return ""
    rate = describe_penalty_rate(basis.rate.spec(), table)
    return (
        f"该违约金依原合同{basis.clause}的约定，以逾期未付的货款为基数，自"
        f"{format_cn(basis.start)}起按{rate}计算至截至日止。"
    )


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
