"""What a settlement does with the suit, and who pays its costs (和解协议's article on the suit).

A filed suit is withdrawn by the plaintiff or ended by a mediation statement — which binds
once both parties have signed for it, and before that either may back out and the court
then judges the suit (民事诉讼法 arts. 100, 102, 2023 text); either way
the acceptance fee is halved (诉讼费用交纳办法 art. 15; ``fee_halving``). The clause states
the figures a signer would otherwise argue over later: what the plaintiff paid, the fee
kept after the halving, the plaintiff's other costs (保全费 …), who bears them, and — where
the debtor bears all or half — how much the debtor pays the creditor and by when (with the
first payment of the plan, into the account of article 2). An agreement that leaves the
amount out is warned of: an unclear term is settled afterwards by agreement or custom
(民法典 art. 510), the dispute a definite clause avoids. A guarantor binds under a mediation
statement only by joining the mediation (``check_guarantor_joins``).

The plaintiff withdraws once the debtor has paid the whole settlement
(「甲方在乙方付清全部和解款之日起7日内…申请撤回起诉」), unless the parties choose the first
payment (``withdraw_after``). A withdrawal allowed, the preservation goes with the suit:
the applicant must apply to lift it and answers for the respondent's loss if it does not
(《最高人民法院关于人民法院办理财产保全案件若干问题的规定》, 法释〔2016〕22号, art. 23: its
item (四) names a court's 准许撤诉, its last paragraph the loss: 申请保全人未及时申请人民法院解除
保全，应当赔偿被保全人因财产保全所遭受的损失 — texts as quoted on 51a.net and ieqm.com), and
the court lifts it by ruling (民诉法解释 art. 166; legal guides report the ruling made with the
one allowing the withdrawal). Withdrawn
after the first payment, the rest of the settlement is left without the frozen property and
the pending suit, and a default means a new suit, a new fee and a new preservation. That
choice with a preservation in the case (``suit.preserved``, or 保全费 among the costs paid)
is warned of, pointing to the mediation statement, which can be enforced itself
(``check_withdrawal``).

The fee kept after the halving is one amount owed: half the fee printed, rounded half-up
to the fen (2,664.99 → 「按减半计算为人民币1,332.50元」), which the reader can check
against the figure beside it; how a court rounds a halved fee no text says
(``fee_halving``), so what the court actually keeps is settled afterwards (「多退少补」).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from docgen.documents.fee_halving import Ending, PrepaidFee, Refund, halved_fee
from docgen.documents.problems import Assessment
from docgen.domain.court_fees import acceptance_fee, half_of
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Money
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.schedule import add_months

OUTCOME_LABELS = {
    "withdraw": "原告申请撤诉",
    "mediation": "申请人民法院出具调解书",
    "not_filed": "尚未起诉",
}
WITHDRAW_LABELS = {
    "paid_in_full": "乙方付清全部和解款后撤诉",
    "first_payment": "首期款项到账后撤诉（保全随之解除）",
}
COSTS_LABELS = {"debtor": "乙方负担", "creditor": "甲方负担", "shared": "双方各半负担"}
FEE_AT = ("outcome", "fee")


class SuitFee(CaseModel):
    """What the plaintiff (甲方) paid the court."""

    paid: Money = Field(title="甲方已预交案件受理费（元）")
    procedure: Literal["ordinary", "summary"] = Field(
        default="ordinary",
        title="审理程序",
        json_schema_extra={"enum_titles": ["普通程序", "简易程序（含小额诉讼程序）"]},
    )
    other_costs: Money | None = Field(default=None, title="甲方已交纳的保全费等其他诉讼费用（元）")


class SuitOutcome(CaseModel):
    """What the parties do with the suit."""

    kind: Literal["withdraw", "mediation", "not_filed"] = Field(
        default="withdraw",
        title="诉讼的处理",
        json_schema_extra={"enum_titles": list(OUTCOME_LABELS.values())},
    )
    withdraw_after: Literal["paid_in_full", "first_payment"] = Field(
        default="paid_in_full",
        title="何时申请撤诉",
        description="乙方付清全部和解款后撤诉的，付清前案件及财产保全仍在；首期款项到账后即撤诉的，"
        "财产保全随撤诉解除，乙方违约须另行起诉",
        json_schema_extra={
            "enum_titles": list(WITHDRAW_LABELS.values()),
            **shown_when("kind", "withdraw"),
        },
    )
    days: int = Field(
        default=7,
        ge=1,
        le=30,
        title="付清（或首期款项到账）后几日内申请撤诉",
        json_schema_extra=shown_when("kind", "withdraw"),
    )
    costs: Literal["debtor", "creditor", "shared"] = Field(
        default="debtor",
        title="诉讼费用负担",
        description="减半后的案件受理费、保全费等",
        json_schema_extra={"enum_titles": list(COSTS_LABELS.values())},
    )
    fee: SuitFee | None = Field(
        default=None,
        title="已交纳的诉讼费用",
        description="填写后协议写明费用金额，以及乙方应支付的金额和期限",
        json_schema_extra=shown_when("kind", "withdraw", "mediation"),
    )


def check_costs(result: Assessment, outcome: SuitOutcome, claimed: Decimal | None) -> None:
    """The fee kept after the halving (``computed["suit_fee"]``), or why none is stated."""
    if outcome.kind == "not_filed":
        if outcome.fee is not None:  # the form hides it; an API caller is told
            message = "尚未起诉的，没有案件受理费；已填写的诉讼费用未写入协议"
            result.warn(FEE_AT, "fee_not_filed", message)
        return
    if outcome.fee is None:
        if outcome.costs != "creditor":
            result.warn(FEE_AT, "costs_amount_missing", _missing_message(outcome, claimed))
        return
    fee = PrepaidFee(outcome.fee.paid, claimed, outcome.fee.procedure)
    result.computed["suit_fee"] = halved_fee(result, fee, _ending(outcome), FEE_AT)


WITHDRAW_WHEN = {
    "paid_in_full": "甲方在乙方付清全部和解款之日起",
    "first_payment": "甲方在收到乙方支付的首期款项之日起",
}
PRESERVATION_RULES = "《最高人民法院关于人民法院办理财产保全案件若干问题的规定》"


def check_withdrawal(result: Assessment, outcome: SuitOutcome, preserved: bool) -> None:
    """A withdrawal after the first payment with a preservation in the case: the
    preservation is lifted with the suit (财产保全规定 art. 23), a warning."""
    if outcome.kind != "withdraw" or outcome.withdraw_after != "first_payment":
        return
    fee = outcome.fee
    if not preserved and not (fee is not None and fee.other_costs):
        return
    result.warn(
        ("outcome", "withdraw_after"),
        "withdrawal_lifts_preservation",
        "约定首期款项到账后即撤诉，而本案已申请财产保全：撤诉后财产保全随之解除，人民法院准许"
        "撤诉的，申请保全人应当及时申请解除保全，未及时申请的，应当赔偿被保全人因财产保全所遭受的"
        f"损失（{PRESERVATION_RULES}第二十三条；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉"
        "的解释》第一百六十六条）。撤诉后其余和解款既无保全财产担保，也无待审的诉讼，"
        "乙方违约的，甲方须另行起诉、重新交纳案件受理费并重新申请保全",
        hint="请选择「乙方付清全部和解款后撤诉」，或选择「申请人民法院出具调解书」：调解书经双方"
        "签收后即具有法律效力，乙方违约的，甲方可依调解书申请强制执行",
    )


JUDGMENT_MEANWHILE = (
    "本协议履行期间人民法院就本案作出判决的，双方仍按本协议履行：乙方按本协议约定付款的，"
    "甲方不依该判决申请强制执行；乙方未按约付款的，甲方依该判决申请强制执行的金额，以乙方依本协议"
    "应付而未付的金额为限。"
)
"""Withdrawn only after the last payment, the suit stays pending through the plan, and the
court, bound by its time limit (民事诉讼法 art. 152: ordinary procedure, six months from
filing), may judge it first; the agreement says what a judgment given meanwhile does, so
that it neither replaces the settlement nor lets the creditor enforce more than it."""
LONG_PLAN_MONTHS = 3


def check_long_plan(
    result: Assessment, outcome: SuitOutcome, signed: date, last_due: date | None
) -> None:
    """Withdrawal after full payment with a plan longer than ``LONG_PLAN_MONTHS``: the
    court may judge the pending suit first (民事诉讼法 art. 152), a warning pointing to the
    mediation statement (art. 100), which binds once signed for and is enforced itself."""
    if outcome.kind != "withdraw" or outcome.withdraw_after != "paid_in_full":
        return
    if last_due is None or last_due <= add_months(signed, LONG_PLAN_MONTHS):
        return
    result.warn(
        ("outcome", "withdraw_after"),
        "withdrawal_after_a_long_plan",
        f"约定付清全部和解款后才撤诉，而最后一期付款日为{format_cn(last_due)}：其间诉讼仍在审理，"
        "人民法院须在审理期限内审结（适用普通程序的，自立案之日起六个月，《中华人民共和国民事诉讼法》"
        "第一百五十二条），可能先行判决。本协议已写明判决作出后双方仍按本协议履行、甲方申请执行"
        "以乙方应付而未付的金额为限",
        hint="宜选择「申请人民法院出具调解书」：调解书经双方签收后即具有法律效力，乙方违约的，"
        "甲方可依调解书申请强制执行（第一百条）",
    )


def check_guarantor_joins(result: Assessment, outcome: SuitOutcome, guarantor: str | None) -> None:
    """A mediation statement binds those it names: a guarantor who signs the settlement
    but takes no part in the mediation is not in the statement, and the creditor cannot
    enforce it against the guarantor — only sue on the guarantee as a contract. A guarantor
    who agrees in the mediation is listed in the statement, which is sent to it (最高人民法院
    关于人民法院民事调解工作若干问题的规定, 法释〔2004〕12号, art. 11 of that text), and the
    guarantee clause is enforced when its condition is met (art. 19 of that text)."""
    if outcome.kind != "mediation" or guarantor is None:
        return
    result.warn(
        ("guarantor",),
        "guarantor_outside_mediation",
        f"申请人民法院出具调解书的，调解书只约束其列明的人：丙方（{guarantor}）须作为担保人参加"
        "调解，由人民法院在调解书中列明为担保人，甲方方可依调解书对丙方申请强制执行；丙方不参加"
        "调解的，其保证只是本协议中的合同约定，须另行起诉丙方（《最高人民法院关于人民法院民事"
        "调解工作若干问题的规定》：案外人同意为当事人提供担保的，人民法院应当准许；人民法院制作"
        "调解书应当列明担保人，并将调解书送交担保人）",
        "请安排丙方参加调解，并向人民法院提交丙方同意提供担保的书面意见",
    )


def debtor_bears_costs(outcome: SuitOutcome) -> bool:
    """Whether the article on the suit puts costs (all or half) on the debtor: then they
    are part of what a guarantor secures."""
    return outcome.kind != "not_filed" and outcome.costs != "creditor"


def _ending(outcome: SuitOutcome) -> Ending:
    return "withdrawal" if outcome.kind == "withdraw" else "mediation"


def _missing_message(outcome: SuitOutcome, claimed: Decimal | None) -> str:
    message = (
        f"未填写甲方已交纳的诉讼费用：协议只写明诉讼费用由{COSTS_LABELS[outcome.costs]}，"
        "没有金额和支付期限，日后易生争议（《民法典》第五百一十条）"
    )
    if claimed is not None and claimed > 0:
        fee = acceptance_fee(claimed)
        half = acceptance_fee(claimed, procedure=_ending(outcome))
        message += (
            f"。按诉讼请求金额计算，案件受理费为人民币{format_yuan(fee.fee)}元，"
            f"减半后为人民币{format_yuan(half.fee)}元，请按交费凭证填写"
        )
    return message


GUARANTEE_ARTICLE = "第四条"
"""The guarantee's article in a settlement with a guarantor (before the suit's, 第五条)."""


def suit_clause(
    outcome: SuitOutcome,
    court: str,
    refund: Refund | None,
    first: tuple[str, str],
    guarantor: bool = False,
) -> str:
    """The article on the suit (第四条, 第五条 after a guarantor's): the suit's fate, then
    its costs (``first``: the day and the payment of the plan the debtor's share of the
    costs goes with, 「2026年12月10日」, 「首期款项」; ``guarantor``: whether 丙方 signs,
    who then joins the mediation, ``mediation_head``)."""
    if outcome.kind == "withdraw":
        why = "撤诉的案件受理费减半交纳"
        head = f"{WITHDRAW_WHEN[outcome.withdraw_after]}{outcome.days}日内，向{court}申请撤回起诉。"
        if outcome.withdraw_after == "paid_in_full":
            head += JUDGMENT_MEANWHILE
    elif outcome.kind == "mediation":
        why = "以调解方式结案的案件受理费减半交纳"
        head = mediation_head(court, guarantor)
    else:
        # what the creditor may sue for on default is the default clause's (第三条),
        # stated once: here only the promise not to sue
        return (
            "乙方按本协议履行完毕的，甲方不再就本协议所涉债务提起诉讼或申请仲裁；"
            "乙方未按约履行的，按本协议第三条处理。"
        )
    if outcome.fee is None or refund is None:
        return (
            head + f"依《诉讼费用交纳办法》第十五条，{why}。"
            f"本案诉讼费用（减半后的案件受理费及保全费等）由{COSTS_LABELS[outcome.costs]}。"
        )
    return head + _costs(outcome, outcome.fee, refund, why, first)


RENEGING = "调解书送达前{}反悔的，由人民法院及时判决（《中华人民共和国民事诉讼法》第一百零二条）。"
"""Backing out before service: the court judges (民事诉讼法 art. 102 — 「调解未达成协议或者
调解书送达前一方反悔的，人民法院应当及时判决」, the same number in the 2021 and 2023 texts),
whichever party backs out; no right of 甲方 to go on, which would read as a right of the
party that itself backs out. With a guarantor, who is no party to the suit, the parties
are named: 甲方或乙方."""


def mediation_head(court: str, guarantor: bool) -> str:
    """The request for a mediation statement. The statement, not this agreement, is what
    binds and is enforced, once the parties to the suit (甲方, 乙方) have signed for it
    (民事诉讼法 art. 100; enforcement on default is 第三条's); backing out before service
    leaves the suit to be judged (art. 102). A guarantor is no party to the suit: the
    statement reaches it only when it joins the mediation as 担保人 and the court lists it
    in the statement and serves it; its not signing for the statement does not stop the
    statement taking effect (民事调解工作若干问题的规定, 法释〔2004〕12号, art. 11 of the
    2008 text: 案外人同意为当事人提供担保的，人民法院应当准许…人民法院制作调解书应当列明
    担保人，并将调解书送交担保人。担保人不签收调解书的，不影响调解书生效). So with a
    guarantor the three parties ask together, 丙方 undertakes to join as 担保人 and to sign
    for the statement, and its guarantee of 第四条 stands as a contract if it does not
    (「双方…调解书经双方签收」 would leave 丙方 outside the statement)."""
    if not guarantor:
        return (
            f"双方同意共同请求{court}依本协议内容制作调解书，调解书经双方签收后即具有法律效力。"
            + RENEGING.format("任何一方")
        )
    return (
        f"各方同意共同请求{court}依本协议内容制作调解书。丙方同意作为担保人参加调解，向人民"
        f"法院表示为乙方提供本协议{GUARANTEE_ARTICLE}约定的连带责任保证，由人民法院在调解书中"
        "列明丙方为担保人并写明其保证责任，丙方并应签收调解书。调解书经甲乙双方签收后即具有"
        "法律效力，丙方未签收调解书的，不影响调解书生效。"
        + RENEGING.format("甲方或乙方")
        + "丙方未参加调解或者调解书未列明丙方为担保人的，"
        f"不影响丙方依本协议{GUARANTEE_ARTICLE}承担保证责任。"
    )


def _costs(
    outcome: SuitOutcome, fee: SuitFee, refund: Refund, why: str, first: tuple[str, str]
) -> str:
    paid = to_fen(fee.paid)
    half = half_of(paid)  # of the figure printed (art. 15), so that the reader can check it
    if fee.procedure == "summary":
        text = (
            "本案适用简易程序，甲方已依《诉讼费用交纳办法》第十六条减半预交案件受理费"
            f"人民币{format_yuan(paid)}元。"
        )
        named = "上述案件受理费"
    else:
        text = (
            f"依《诉讼费用交纳办法》第十五条，{why}：甲方已预交案件受理费人民币"
            f"{format_yuan(paid)}元，按减半计算为人民币{format_yuan(half)}元，其余部分由人民法院"
            "退还甲方。"
        )
        named = "上述减半后的案件受理费"
    total = refund.due if fee.procedure == "summary" else half
    if fee.other_costs:
        total += to_fen(fee.other_costs)
        text += f"甲方另已交纳保全费等诉讼费用人民币{format_yuan(to_fen(fee.other_costs))}元。"
        named += "及保全费等费用共计"
    text += f"{named}{legal_amount(total)}，由{COSTS_LABELS[outcome.costs]}"
    if outcome.costs == "creditor":
        return text + "。"
    share = total if outcome.costs == "debtor" else to_fen(total / 2)
    what = "该款" if outcome.costs == "debtor" else f"其负担的{legal_amount(share)}"
    due, payment = first
    settle = (
        ""
        if fee.procedure == "summary"
        else "；人民法院退费后甲方实际负担的案件受理费与上述减半金额不一致的，按实际负担的金额"
        "多退少补"
    )
    return (
        text + f"，乙方应于{due}前（含当日）将{what}与{payment}一并支付至本协议第二条约定的"
        f"甲方账户{settle}。"
    )


__all__ = [
    "COSTS_LABELS",
    "OUTCOME_LABELS",
    "SuitFee",
    "SuitOutcome",
    "check_costs",
    "check_guarantor_joins",
    "check_long_plan",
    "debtor_bears_costs",
    "mediation_head",
    "suit_clause",
]
