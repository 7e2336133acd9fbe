"""Rules on the guarantors a document names, over the one model in docgen.domain.guarantee.

Letters carry ``guarantees`` beside ``guarantors`` (one per guarantor, same order); the
complaint carries each guarantor's ``guarantee`` on its defendant. Both are judged by
:func:`docgen.domain.guarantee.guarantee_status`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import Guarantee, GuaranteeStatus, guarantee_status, lapse_message
from docgen.domain.money import format_yuan
from docgen.domain.parties import Party


class _Contract(Protocol):
    @property
    def signed_on(self) -> date: ...
    @property
    def due_date(self) -> date: ...


class LetterWithGuarantors(Protocol):
    """What the letter rules read of a demand or lawyer letter."""

    @property
    def guarantors(self) -> list[Party]: ...
    @property
    def guarantees(self) -> list[Guarantee]: ...
    @property
    def contract(self) -> _Contract: ...
    @property
    def letter_date(self) -> date: ...
    @property
    def next_step(self) -> Literal["litigation", "arbitration"]: ...


def check_letter_guarantors(result: Assessment, case: LetterWithGuarantors, total: Decimal) -> None:
    """Every rule a letter's guarantors are held to (see :func:`check_letter_guarantees`)."""
    for i, (party, guarantee) in enumerate(zip(case.guarantors, case.guarantees, strict=False)):
        check_agreed_period(result, guarantee, ("guarantees", i), case.letter_date)
        check_maximum_period(
            result, guarantee, case.contract.signed_on, party.name, ("guarantees", i)
        )
    check_letter_guarantees(result, case, total)


ARBITRATION_SOURCE = (
    "仲裁须有当事人的仲裁协议（《中华人民共和国仲裁法》第四条、第十六条），主合同的仲裁条款"
    "不约束未签订该条款的保证人（《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度"
    "的解释》第二十一条）"
)


def check_limitation_of_guarantor(
    result: Assessment, status: GuaranteeStatus, name: str, on: date, loc: Loc
) -> None:
    """Warn when the guarantor's own limitation period (art. 694) has run by ``on``."""
    if status.limitation_expires is None or status.limitation_from is None:
        return
    if on > status.limitation_expires:
        start = "请求保证人承担保证责任之日" if status.type == "joint" else "先诉抗辩权消灭之日"
        result.warn(
            loc,
            "guarantor_limitation_may_have_expired",
            f"保证人{name}的保证债务诉讼时效自{start}（{format_cn(status.limitation_from)}）起算"
            f"三年，可能已于{format_cn(status.limitation_expires)}届满（《民法典》第六百九十四条、"
            "第一百八十八条）",
            hint="此后如有向保证人催收送达、保证人确认等中断事由，请核实",
        )


def check_letter_guarantees(result: Assessment, case: LetterWithGuarantors, total: Decimal) -> None:
    """A letter's guarantors: each has its guarantee; the letter fits each guarantee.

    A joint guarantor's copy demands payment (民法典 art. 688); a general guarantor's is a
    notice (art. 687: it may refuse to pay until enforcement against the debtor fails), so
    it names no next step against that guarantor and needs no arbitration agreement of it.
    """
    guarantors, guarantees = case.guarantors, case.guarantees
    due, letter_date = case.contract.due_date, case.letter_date
    arbitration = case.next_step == "arbitration"
    if len(guarantees) != len(guarantors):
        result.error(
            ("guarantees",),
            "guarantees_count",
            f"请为每位保证人填写保证方式及保证期间：保证人{len(guarantors)}名，"
            f"保证信息{len(guarantees)}条（按保证人的顺序一一对应）",
        )
    for i, (party, guarantee) in enumerate(zip(guarantors, guarantees, strict=False)):
        loc: Loc = ("guarantees", i)
        _check_wording(result, guarantee, party.name, loc)
        acting = letter_date if guarantee.resolved_type == "joint" else None
        status = guarantee_status(guarantee, due, letter_date, acting_on=acting)
        if status.lapsed:
            result.error(
                loc,
                "guarantee_period_lapsed",
                lapse_message(status, party.name) + "：不得再向其发函要求承担保证责任；"
                "保证责任消灭后，保证人即使在催款通知书上签字，债权人也不能据此请求其继续承担"
                "（《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"
                "第三十四条第二款）",
                hint="请删除该保证人；如已在保证期间内向其主张权利（一般保证：已对债务人起诉或"
                "申请仲裁），请填写该日期",
            )
        check_limitation_of_guarantor(result, status, party.name, letter_date, loc)
        joint = guarantee.resolved_type == "joint"
        if arbitration and joint and not guarantee.arbitration_agreed:
            result.error(
                (*loc, "arbitration_agreed"),
                "arbitration_not_agreed",
                f"保证合同未约定仲裁，致保证人{party.name}的函件不得写明申请仲裁：{ARBITRATION_SOURCE}",
                hint="本函对所有收件人写明同一后续措施；请对该保证人另行出具写明向人民法院起诉的函件",
            )
        maximum = guarantee.maximum
        if maximum is not None and total > maximum.amount:
            result.error(
                (*loc, "maximum", "amount"),
                "above_maximum",
                f"函件要求保证人{party.name}清偿人民币{format_yuan(total)}元，超过最高额保证的"
                f"最高债权额人民币{format_yuan(maximum.amount)}元（《民法典》第六百九十条）",
            )


def _check_wording(result: Assessment, guarantee: Guarantee, name: str, loc: Loc) -> None:
    """A general guarantor's copy is a notice; say so, and what keeps the guarantee."""
    if guarantee.resolved_type == "joint":
        return
    presumed = (
        "保证合同未约定保证方式，依法按一般保证承担保证责任（《民法典》第六百八十六条第二款）；"
        if guarantee.type == "not_stated"
        else ""
    )
    result.warn(
        (*loc, "type"),
        "general_guarantor_notice",
        f"{presumed}致一般保证人{name}的函件为通知，不要求其立即付款：一般保证人在主合同纠纷"
        "未经审判或者仲裁、并就债务人财产依法强制执行仍不能履行债务前，有权拒绝承担保证责任"
        "（《民法典》第六百八十七条）。向一般保证人发函不能保全保证责任，须在保证期间内对债务人"
        "提起诉讼或者申请仲裁（第六百九十三条第一款）",
    )


class AddressedLetter(LetterWithGuarantors, Protocol):
    """A copy of a letter addressed to one of its recipients (``parts.AddressedCase``)."""

    @property
    def recipient_index(self) -> int: ...


def recipient_guarantee(case: AddressedLetter) -> Guarantee | None:
    """The guarantee of the guarantor a copy is addressed to (None for the debtor's)."""
    index = case.recipient_index - 1
    if index < 0 or index >= len(case.guarantees):
        return None
    return case.guarantees[index]


def next_step_words(case: AddressedLetter, body: str | None) -> str:
    """What the letter says follows non-payment: 「向有管辖权的人民法院提起诉讼」, or
    「向北京仲裁委员会申请仲裁」; to a joint guarantor, the arbitration under the guarantee
    contract's own clause (「按照《保证合同》中的仲裁条款向…申请仲裁」, after 依法), for the main
    contract's clause does not bind the guarantor (担保制度解释 art. 21) and a guarantor
    told only of arbitration would contest the commission's jurisdiction. A general
    guarantor's notice names the step against the debtor, under the main contract."""
    if case.next_step != "arbitration":
        return "向有管辖权的人民法院提起诉讼"
    guarantee = recipient_guarantee(case)
    if guarantee is None or guarantee.resolved_type != "joint" or not guarantee.arbitration_agreed:
        return f"向{body}申请仲裁"
    title = re.search(r"《[^》]+》", guarantee.contract or "")
    contract = title.group(0) if title else "保证合同"
    return f"按照{contract}中的仲裁条款向{body}申请仲裁"


def guarantee_statement(
    guarantee: Guarantee,
    you: str,
    debtor: str,
    creditor: str,
    cited: str = "",
    debt: str = "上述债务",
) -> str:
    """What the guarantor's copy says of its liability, per guarantee type.

    Joint (民法典 art. 688): the creditor may ask the guarantor to pay within the scope of
    its guarantee. General (art. 687; art. 686(2) when the type is not stated): liable
    for what the debtor still cannot pay after judgment or arbitration and enforcement.
    Where ``cited`` (the letter's own legal basis) already states that article, the
    letter does not explain it a second time: only the guarantee itself is stated, with
    a maximum guarantee's ceiling. ``debt`` is what the guarantee secures, as the facts
    allow: 上述债务, or under a contract not yet binding (arts. 19, 145(1)) the debt under
    it (「张伟在上述《借款合同》项下的债务」), then called 该债务.
    """
    again = "上述债务" if debt == "上述债务" else "该债务"
    contract = f"（{guarantee.contract}）" if guarantee.contract else ""
    maximum = guarantee.maximum
    scope = (
        f"在最高债权额人民币{format_yuan(maximum.amount)}元限度内" if maximum else "在保证范围内"
    )
    basis = (
        "保证合同未约定保证方式，依照《中华人民共和国民法典》第六百八十六条第二款按照一般保证"
        "承担保证责任。"
        if guarantee.type == "not_stated"
        else ""
    )
    kind = "连带责任保证" if guarantee.resolved_type == "joint" else "一般保证"
    kept = _kept_by(guarantee, you, creditor)
    if _ARTICLES[guarantee.resolved_type] in cited:
        ceiling = f"，最高债权额为人民币{format_yuan(maximum.amount)}元" if maximum else ""
        return f"{you}为{debt}提供{kind}{contract}{ceiling}。{basis}{kept}"
    if guarantee.resolved_type == "joint":
        return (
            f"{you}为{debt}提供连带责任保证{contract}。依照《中华人民共和国民法典》第六百八十八条，"
            f"{debtor}不履行到期债务的，{creditor}可以请求{you}{scope}承担保证责任，即对{again}"
            f"承担连带清偿责任。{kept}"
        )
    return (
        f"{you}为{debt}提供一般保证{contract}。{basis}依照《中华人民共和国民法典》第六百八十七条，"
        f"{again}经审判或者仲裁，并就{debtor}的财产依法强制执行仍不能履行的，{you}应当{scope}"
        f"承担保证责任。{kept}"
    )


def _kept_by(guarantee: Guarantee, you: str, creditor: str) -> str:
    """A joint guarantor's demand within the guarantee period, which keeps it liable
    after the period ends (民法典 art. 693(2)): the guarantor learns why a letter sent
    after the period still holds it to the guarantee."""
    if guarantee.resolved_type == "joint" and guarantee.claimed_on is not None:
        return (
            f"{creditor}已于{format_cn(guarantee.claimed_on)}在保证期间内请求{you}承担保证责任"
            "（《中华人民共和国民法典》第六百九十三条第二款）。"
        )
    return ""


_ARTICLES = {"joint": "第六百八十八条", "general": "第六百八十七条"}
"""The article each guarantee type's liability rests on (民法典 arts. 687, 688)."""


def check_maximum_period(
    result: Assessment, guarantee: Guarantee, arose_on: date, name: str, loc: Loc
) -> None:
    """A maximum-amount guarantee covers the debts arising within its period (art. 690)."""
    maximum = guarantee.maximum
    if maximum is None:
        return
    if maximum.period_start > maximum.period_end:
        result.error(
            (*loc, "maximum", "period_end"),
            "period_end_before_start",
            "债权确定期间届满日不得早于起始日",
        )
    elif not maximum.period_start <= arose_on <= maximum.period_end:
        result.error(
            (*loc, "maximum", "period_start"),
            "debt_outside_maximum_period",
            f"合同签订日期（{format_cn(arose_on)}）不在债权确定期间（{format_cn(maximum.period_start)}"
            f"至{format_cn(maximum.period_end)}）内，该债权不属于保证人{name}的最高额保证范围"
            "（《民法典》第六百九十条）",
        )


def check_agreed_period(result: Assessment, guarantee: Guarantee, loc: Loc, on: date) -> None:
    """An agreed period has its end; the creditor's recorded acts are not after ``on``."""
    if guarantee.period == "agreed" and guarantee.period_end is None:
        result.error(
            (*loc, "period_end"),
            "missing",
            "选择约定了保证期间时，请填写约定的保证期间届满日",
        )
    recorded = {
        "claimed_on": guarantee.claimed_on,
        "debtor_sued_on": guarantee.debtor_sued_on,
        "defence_ended_on": guarantee.defence_ended_on,
    }
    for field_name, day in recorded.items():
        if day is not None and day > on:
            result.error(
                (*loc, field_name),
                "after_document_date",
                f"该日期（{format_cn(day)}）晚于本文书的日期（{format_cn(on)}），不能作为已发生的事实",
            )


@dataclass(frozen=True)
class SuitDates:
    """When the debt a guarantor is sued for was made and fell due, and when suit is filed."""

    signed_on: date
    due: date
    """The principal debt's agreed due date (the contract's)."""
    filing_date: date
    accelerated_on: date | None = None
    """The day the creditor declared the whole debt due early (加速到期), if any."""

    @property
    def accelerated(self) -> bool:
        return self.accelerated_on is not None and self.accelerated_on < self.due


ACCELERATED_DUE = "主债务经宣布提前到期之日"
ACCELERATION_PRACTICE = (
    "《民法典》第六百九十二条第二款规定保证期间自主债务履行期限届满之日起计算，"
    "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》对主债务提前到期未作规定，"
    "裁判观点不一：有的以宣布提前到期之日为主债务履行期限届满之日，有的仍自约定的还款日期起算；"
    "起诉状请求保证人就提前到期的全部债务承担责任，即以前者为前提"
)


def sued_statuses(
    guarantee: Guarantee, suit: SuitDates
) -> tuple[GuaranteeStatus, GuaranteeStatus | None]:
    """The guarantor's position on the filing date, its 保证期间 counted from the day the
    whole debt fell due as the complaint pleads it (民法典 art. 692(2); a maximum guarantee
    from the day its debts were fixed when they were all due by then, 担保制度解释 art. 30);
    and, where the debt was accelerated, counted from the agreed due date instead (the
    reading some courts keep; ``None`` when not accelerated)."""
    on = suit.filing_date
    if not suit.accelerated or suit.accelerated_on is None:
        return guarantee_status(guarantee, suit.due, on, acting_on=on), None
    pleaded = guarantee_status(
        guarantee, suit.accelerated_on, on, acting_on=on, due_words=ACCELERATED_DUE
    )
    return pleaded, guarantee_status(guarantee, suit.due, on, acting_on=on)


def _acceleration_doubt(
    pleaded: GuaranteeStatus, agreed: GuaranteeStatus, name: str, suit: SuitDates
) -> str:
    """Why the guarantor's liability turns on when its period starts after acceleration."""
    accelerated = format_cn(suit.accelerated_on) if suit.accelerated_on else ""
    head = f"主债务已于{accelerated}宣布提前到期（约定的还款日期为{format_cn(suit.due)}）："
    if pleaded.lapsed:
        told = (
            f"自宣布提前到期之日起算，{lapse_message(pleaded, name)}；自约定的还款日期起算，"
            f"保证期间至{format_cn(agreed.period.end)}，起诉时尚未届满"
        )
        printed = "起诉状因此未写明保证期间的届满日"
    else:
        kept = format_cn(pleaded.preserved_on) if pleaded.preserved_on else ""
        told = (
            f"自宣布提前到期之日起算，保证期间至{format_cn(pleaded.period.end)}，原告已于{kept}"
            f"在该期间内主张权利；自约定的还款日期起算，{lapse_message(agreed, name)}"
        )
        printed = "起诉状按宣布提前到期之日起算写明保证期间"
    return f"{head}{told}。{ACCELERATION_PRACTICE}。{printed}"


def check_sued_guarantor(
    result: Assessment,
    guarantee: Guarantee,
    name: str,
    loc: Loc,
    suit: SuitDates,
    total: Decimal,
) -> None:
    """A guarantor sued is still liable: its 保证期间 has not lapsed (民法典 arts. 692–693).

    Filing the complaint is itself the creditor's act within the period (it sues the debtor
    and the guarantor together: 担保制度解释 art. 26), so only a period that ended before
    the filing date without a recorded act is a lapse. The period runs from the day the
    whole debt fell due as the complaint pleads it: an acceleration declared moves it to
    that day. No article settles that (see :data:`ACCELERATION_PRACTICE`), so a guarantor
    freed on one reading and not the other is a warning, and only a lapse on both an error.
    """
    check_agreed_period(result, guarantee, loc, suit.filing_date)
    check_maximum_period(result, guarantee, suit.signed_on, name, loc)
    status, agreed = sued_statuses(guarantee, suit)
    if status.lapsed and (agreed is None or agreed.lapsed):
        result.error(loc, "guarantee_period_lapsed", lapse_message(status, name))
    elif agreed is not None and agreed.lapsed != status.lapsed:
        result.warn(
            loc,
            "guarantee_period_after_acceleration",
            _acceleration_doubt(status, agreed, name, suit),
            hint="已在宣布提前到期后向该保证人主张保证责任的（如送达提前到期通知、催告函），请填写"
            "「向保证人主张保证责任的日期」并列明证据；否则对该保证人的请求可能不被支持",
        )
    kept = agreed if status.lapsed and agreed is not None else status
    check_limitation_of_guarantor(result, kept, name, suit.filing_date, loc)
    if guarantee.arbitration_agreed:
        result.error(
            (*loc, "arbitration_agreed"),
            "guarantor_arbitration",
            f"保证合同约定了仲裁，人民法院对债权人与保证人{name}之间的纠纷无管辖权"
            "（《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第二十一条）",
            hint="请对该保证人另行申请仲裁，或不将其列为被告",
        )
    maximum = guarantee.maximum
    if maximum is not None and total > maximum.amount:
        result.warn(
            (*loc, "maximum", "amount"),
            "above_maximum",
            f"诉讼请求合计人民币{format_yuan(total)}元超过最高债权额人民币"
            f"{format_yuan(maximum.amount)}元：对保证人{name}的请求以最高债权额为限"
            "（《民法典》第六百九十条），超出部分仅由债务人承担",
        )


def fixed_early(guarantee: Guarantee, day: date | None) -> Guarantee:
    """A maximum-amount guarantee whose debts were fixed on ``day``, before its agreed
    period ended (民法典 art. 690(2) with art. 423): its period is judged from that day
    (担保制度解释 art. 30: from 债权确定之日, or the last debt's due date when later)."""
    maximum = guarantee.maximum
    if day is None or maximum is None or day >= maximum.period_end:
        return guarantee
    return guarantee.model_copy(update={"maximum": maximum.model_copy(update={"period_end": day})})
