"""What the installment agreement says a late debtor owes besides the schedule, and what it
keeps of the original contract.

- An interest-free plan (no plan interest) is interest-free only while the debtor pays
  each installment on time and in full (``interest_waiver: conditional``, the default).
  Once an installment is late, or the rest is accelerated, late interest runs at the
  agreed late rate; where none is agreed, at the rate the law gives where nothing is
  agreed, stated in the agreement so that it need not be argued: for a loan the one-year
  LPR 「当时」 (法释〔2020〕17号 art. 28(2)(一): neither an in-term nor an overdue rate
  agreed, the LPR from the overdue day; banks and card issuers alike), for a sale and
  other paid contracts the loss of a price paid late, the one-year LPR 「违约行为发生时」
  plus 30–50% (买卖合同解释 art. 18(4); 民法典 art. 646), at its 1.5 ×. Either LPR is the
  one of the first day the debtor can be late, fixed, so that the sum follows from the
  agreement. An unconditional waiver is kept only when the case asks for it, and warned
  about: 「分期还款期间」 is read as lasting to the plan's end, so a late debtor would owe
  nothing for the delay (a private lender gives up art. 28's interest too).
- Costs of enforcement: the debtor who defaults bears the creditor's 诉讼费 (仲裁费),
  保全费, 保全担保费, 律师费 and like reasonable costs. Courts award a 律师费 the contract
  provides for, and a guarantee's scope follows the debtor's obligation (民法典 arts. 682,
  691): without the debtor's clause, 丙方's 「实现债权的费用」 has nothing to attach to. For
  a private loan, whether such costs count under the cap on overdue charges (法释〔2020〕17号
  art. 29) is unsettled, as ``combined_cap`` says for a claim: warned.
- A sale's late-payment penalty up to the cut-off date: kept by
  :mod:`docgen.documents.sale_late_charges`, which the debt confirmation shares.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal, Protocol

from pydantic import Field

from docgen.documents.late_interest import REDUCIBLE_KINDS
from docgen.documents.parts import ContractBasis, RateInput
from docgen.documents.problems import Assessment
from docgen.documents.sale_late_charges import SALE_RULES
from docgen.domain.cap_rates import INTERPRETATION
from docgen.domain.disclosure import ADVANCED

Waiver = Literal["conditional", "unconditional"]
_LOSS_MULTIPLE = Decimal("1.5")  # LPR + 50%: the top of 买卖合同解释 art. 18(4)


def waiver_field() -> Any:
    return Field(
        default="conditional",
        title="分期期间不计利息的条件",
        description="未约定分期期间利率时适用：默认乙方按期足额还款的才不计利息，逾期或加速到期的"
        "自逾期之日起计付逾期利息",
        json_schema_extra={
            **ADVANCED,
            "enum_titles": ["按期足额还款的不计利息（逾期后计息）", "无论是否逾期均不另计利息"],
        },
    )


# --- the interest-free plan -------------------------------------------------------------


def default_late_rate(origin: ContractBasis, breach: date) -> RateInput:
    """The late rate an interest-free plan states where the case agrees none: the one-year
    LPR of ``breach`` (the first day the debtor can be late) for a loan, 1.5 × it for a
    price or another paid contract's sum."""
    multiple = _LOSS_MULTIPLE if origin.kind in REDUCIBLE_KINDS else Decimal(1)
    return RateInput(kind="lpr_multiple", value=multiple, fixed_on=breach)


class _LateTerms(Protocol):
    @property
    def origin(self) -> ContractBasis: ...
    @property
    def plan_interest(self) -> RateInput | None: ...
    @property
    def late_interest(self) -> RateInput | None: ...
    @property
    def interest_waiver(self) -> Waiver: ...


def agreed_or_by_law(
    agreed: RateInput | None, origin: ContractBasis | None, breach: date
) -> RateInput | None:
    """The agreed late rate; else, the debt's contract known, the one the law gives
    (``default_late_rate``); else None: without the contract's kind the law's measure
    (a loan's LPR, a price's LPR plus 50%) cannot be chosen. The installment agreement's
    interest-free plan and the settlement agreement state it alike."""
    if agreed is not None or origin is None:
        return agreed
    return default_late_rate(origin, breach)


def stated_late_rate(case: _LateTerms, breach: date) -> RateInput | None:
    """The late rate the agreement states: the agreed one; else, for a plan free of
    interest only while it is kept, the one the law gives (``agreed_or_by_law``)."""
    if case.plan_interest is not None or case.interest_waiver == "unconditional":
        return case.late_interest
    return agreed_or_by_law(case.late_interest, case.origin, breach)


def law_measure(origin: ContractBasis) -> str:
    """The rate the law gives where none is agreed (``default_late_rate``), in words with
    its source, for the warnings that say an agreement states it."""
    if origin.kind in REDUCIBLE_KINDS:
        return (
            f"一年期贷款市场报价利率（LPR）加计50%（{SALE_RULES}第十八条第四款；"
            "《中华人民共和国民法典》第六百四十六条）"
        )
    if origin.kind == "private_lending":
        return f"一年期贷款市场报价利率（LPR）（{INTERPRETATION}第二十八条第二款第一项）"
    return "一年期贷款市场报价利率（LPR）"


def warn_late_rate_by_law(result: Assessment, origin: ContractBasis, when: str) -> None:
    """No late rate typed, the agreement states the law's (``law_measure``): said to the
    user at ``late_interest`` (``when``: what, in the agreement's words, starts it)."""
    result.warn(
        ("late_interest",),
        "late_interest_defaulted",
        f"未填写逾期利率：{when}，本协议约定自逾期之日起按乙方最早可能逾期之日的"
        f"{law_measure(origin)}计付逾期利息",
        "如需约定其他逾期利率（如原合同约定的利率），请填写「逾期利率」",
    )


def check_waiver(
    result: Assessment, waiver: Waiver, plan: bool, late: bool, origin: ContractBasis
) -> None:
    """An unconditional waiver is warned about; it means nothing beside plan interest
    (``plan``). Without an agreed late rate (``late``) the conditional one states the
    default, and says so."""
    if plan:
        if waiver == "unconditional":
            result.error(
                ("interest_waiver",),
                "waiver_with_plan_interest",
                "已约定分期期间利率，分期期间计收利息，不能同时选择不另计利息",
            )
        return
    if waiver == "unconditional":
        result.warn(
            ("interest_waiver",),
            "interest_waived_on_default",
            "选择了无论是否逾期均不另计利息：乙方逾期或加速到期后，本协议对未付款项仍不计利息，"
            "乙方迟延付款没有成本"
            + (
                f"；民间借贷的出借人还失去自逾期之日起计收利息的权利（{INTERPRETATION}第二十八条）"
                if origin.kind == "private_lending"
                else ""
            ),
            "如非有意放弃，请选择「按期足额还款的不计利息（逾期后计息）」或填写「逾期利率」",
        )
        return
    if not late:
        when = "乙方按期足额还款的才不计利息，逾期或加速到期的"
        warn_late_rate_by_law(result, origin, when)


# --- costs of enforcement ---------------------------------------------------------------


def costs_clause(arbitration: bool) -> str:
    """The debtor bears the costs of enforcing the debt (民法典 arts. 682, 691: the
    guarantee's 「实现债权的费用」 attaches to this)."""
    fee = "仲裁费" if arbitration else "诉讼费"
    return (
        f"乙方未按本协议约定履行还款义务的，应承担甲方为实现债权支出的{fee}、保全费、保全担保费、"
        "律师费等合理费用。"
    )


def check_costs(result: Assessment, origin: ContractBasis) -> None:
    """A private loan: whether the costs count under the cap on overdue charges is
    unsettled (the words of ``combined_cap``'s ``enforcement_costs_above_cap``)."""
    if origin.kind != "private_lending":
        return
    result.warn(
        ("origin", "kind"),
        "enforcement_costs_cap_unsettled",
        "本协议约定乙方违约时承担律师费、保全费等实现债权的费用。律师费等实现债权的费用是否属于"
        "法释〔2020〕17号第二十九条的「其他费用」、应否与逾期利息、违约金一并受合同成立时一年期"
        "LPR四倍的限制，裁判观点不一（最高人民法院第二巡回法庭2021年第19次法官会议纪要认为不属于，"
        "亦有法院计入上限），请按受诉法院的裁判尺度核对",
        "主张时逾期利息、违约金与上述费用合计超过上限的，超过部分可能不获支持",
    )
