"""What a letter says of a contract its debtor made without full capacity.

- Made as a minor of eight or more (民法典 art. 19), the contract takes effect only once
  the legal representative consents or ratifies (art. 145(1)); the creditor may call on
  the representative to ratify within thirty days of receiving the notice, and silence is
  refusal (art. 145(2)). A letter to the guardian makes that call, and its receipt, signed
  by the guardian for the ward, ratifies the contract. Once refused, the contract never
  takes effect and what the ward obtained under it is returned (art. 157).
  Until then the contract binds no one (效力待定), so payment under it is asked for only
  if it is ratified, and by a day no earlier than the end of the thirty days: the guardian
  ratifies and pays within them, or within a longer deadline the user gave, counted from
  the same receipt (:func:`payment_deadline`; a shorter one is replaced, with a warning).
  The consequence the letter names follows the answer: suit on the contract once it is
  ratified, restitution when it is refused or the guardian keeps silent (art. 157). A
  guarantor's copy says the contract awaits ratification and asks for payment on the
  same condition, by a deadline it can know (``letters._after_ratification``): counted
  from its own receipt, not the debtor's nor the guardian's.
- Made under eight, the contract is void (arts. 20, 144) and binds no one from the start
  (art. 155): the letter asks for what the debtor obtained under it (art. 157), and
  interest or a penalty agreed in it cannot be demanded. The guarantee of a void main
  contract is void too (art. 682(1)); a guarantor then answers only for its own fault, and
  at most for a third of what the debtor cannot pay (法释〔2020〕28号 art. 17(2)), which a
  demand letter cannot state: a letter naming a guarantor is refused.
- An adult typed as of limited or no capacity: the case does not say whether the contract
  predates the loss of capacity, on which its validity turns (arts. 144, 145), so the
  letter asks for payment under the contract, with a warning, and says what follows if
  the debtor already lacked capacity when contracting: a contract then made without
  capacity is void (arts. 21, 144), one made with limited capacity takes effect only once
  ratified (arts. 22, 145), and what the debtor obtained under it is owed back (art. 157).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docgen.documents.guardian_rules import (
    CAPACITY_LABELS,
    CIVIL_CODE,
    age_on,
    is_minor,
    ratifiable,
    under_eight,
)
from docgen.documents.letter_rules import made_verb
from docgen.documents.part_models import PaymentDeadline
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Party, Person

__all__ = [
    "RATIFICATION_WINDOW",
    "capacity_unknown",
    "check_contract_capacity",
    "check_payment_deadline",
    "contract_status",
    "contract_void",
    "deadline_words",
    "payment_deadline",
    "pending_fact",
    "pending_ratification",
    "ratification_of",
    "ratification_request",
    "refusal_consequence",
    "unratified",
    "void_facts",
    "ward_ratifies",
]

GUARANTEE_INTERPRETATION = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"

RATIFICATION_DAYS = 30  # 民法典 art. 145(2): 自收到通知之日起三十日内
RATIFICATION_WINDOW = PaymentDeadline(days=RATIFICATION_DAYS, kind="calendar")
"""The payment deadline of a letter asking for ratification when the user's is shorter:
the thirty days of art. 145(2), from the same receipt, so the guardian ratifies and pays
within them (the period ends as art. 203 ends any: a last day off moves to the next
workday, as the ratification period's own does)."""

SURE_WORKDAYS = 24
"""The fewest working days that always end no earlier than thirty days after the same
start: the official calendar (2004–2026) has at most 23 workdays in the 29 days after any
day (October 2004, with its 调休), the Monday–Friday fallback at most 21; checked in
tests/unit/documents/test_letter_ratification.py. A shorter working-day deadline may end
before the ratification period and is replaced."""

_VOID_LABELS = {"interest": "利息", "penalty": "违约金"}


def ratification_of(ward: str, signed: date, contract: str) -> str:
    """「追认张伟于2025年1月10日签订的《借款合同》」: what a guardian ratifies (art. 145)."""
    return f"追认{ward}于{format_cn(signed)}{made_verb(contract)}的《{contract}》"


def ward_ratifies(debtor: Party, signed: date) -> bool:
    """The debtor made the contract as a minor of eight or more and a guardian is given:
    the letter asks the guardian to ratify. Only the age tells the capacity on the day
    of contracting; a capacity typed now may have been lost after it."""
    if not isinstance(debtor, Person) or debtor.guardian is None:
        return False
    return ratifiable(debtor, signed) and is_minor(debtor, signed)


def contract_void(debtor: Party, signed: date) -> bool:
    """The debtor was under eight when contracting: the contract is void (art. 144)."""
    return isinstance(debtor, Person) and under_eight(debtor, signed)


def pending_ratification(case: Any) -> bool:
    """The letter asks the debtor's guardian to ratify the contract: until the answer, or
    the thirty days' silence, it binds no one (art. 145), in every copy of the letter."""
    return ward_ratifies(case.debtor, case.contract.signed_on)


def capacity_unknown(case: Any) -> str | None:
    """The capacity typed (``limited``, ``none``) of a debtor who was an adult when
    contracting, on which the contract's validity turns if it was already so then (arts.
    21, 22, 144, 145); None when the capacity on that day is told by the age or is full."""
    debtor, signed = case.debtor, case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.capacity not in CAPACITY_LABELS:
        return None
    if contract_void(debtor, signed) or is_minor(debtor, signed):
        return None
    return debtor.capacity


def contract_status(case: Any) -> str:
    """What the letter may say of the contract: ``void`` (made under eight, arts. 20,
    144), ``pending`` (the guardian is asked to ratify, art. 145), ``if_capable`` (an
    adult's capacity on the day of contracting unknown: binding unless it was already
    lacking, :func:`capacity_unknown`), else ``binding``."""
    if contract_void(case.debtor, case.contract.signed_on):
        return "void"
    if pending_ratification(case):
        return "pending"
    return "if_capable" if capacity_unknown(case) else "binding"


def _minor_when_contracting(case: Any, debtor: str) -> str:
    contract = case.contract
    age = age_on(case.debtor, contract.signed_on)
    return (
        f"{debtor}于{format_cn(contract.signed_on)}{made_verb(contract.name)}上述《{contract.name}》"
        f"时为{age}周岁的未成年人"
    )


def ratification_request(case: Any, you: str, asker: str) -> str:
    """The call on the guardian to ratify (art. 145(2)), in the letter to the ward; empty
    unless :func:`ward_ratifies`. ``asker`` makes the call (我方, 本所受委托人委托); what
    follows a refusal is said with the letter's consequences (:func:`refusal_consequence`)."""
    if case.recipient_role != "debtor" or not pending_ratification(case):
        return ""
    return (
        f"{_minor_when_contracting(case, you)}，属于限制民事行为能力人，该合同经法定代理人同意或者"
        f"追认后有效（{CIVIL_CODE}第十九条、第一百四十五条第一款）。现依照{CIVIL_CODE}第一百四十五条"
        f"第二款，{asker}催告{you}的法定代理人{case.debtor.guardian.name}自收到本函之日起三十日内"
        "对上述合同予以追认；法定代理人未作表示的，视为拒绝追认。"
    )


def refusal_consequence(case: Any, you: str, claimant: str) -> str:
    """What follows a refusal, after the consequence of a ratified contract left unpaid:
    the contract never takes effect and what the ward obtained is owed back (art. 157);
    said in the ward's copy only. ``claimant`` asks for it (我方, 委托人).

    For an adult whose capacity on the day of contracting is unknown, what follows if it
    was already lacking: a contract made without capacity is void (arts. 21, 144), one
    made with limited capacity and not ratified never takes effect (arts. 22, 145); either
    way what was obtained is owed back (art. 157) instead of what the contract provides."""
    if case.recipient_role != "debtor":
        return ""
    if pending_ratification(case):
        return (
            f"{unratified(case)}未获追认（包括法定代理人逾期未作表示）而确定不发生效力的，"
            f"{claimant}将依法要求返还{you}因该合同取得的财产（{CIVIL_CODE}第一百五十七条）。"
        )
    capacity = capacity_unknown(case)
    if capacity is None:
        return ""
    contract = f"上述《{case.contract.name}》"
    if capacity == "none":
        lacking, articles = "已为无民事行为能力人、该合同因此无效的", "第一百四十四条"
    else:
        lacking = "已为限制民事行为能力人、该合同未获法定代理人追认而不发生效力的"
        articles = "第一百四十五条"
    return (
        f"{you}签订{contract}时{lacking}，{claimant}将依法要求返还{you}因该合同取得的财产"
        f"（{CIVIL_CODE}{articles}、第一百五十七条）。"
    )


def pending_fact(case: Any, asker: str) -> str:
    """A guarantor's copy: the contract the debtor made as a minor awaits the guardian's
    ratification, asked for in the debtor's letter of the same date (``asker``: 我方,
    本所受委托人委托，)."""
    if case.recipient_role != "guarantor" or not pending_ratification(case):
        return ""
    return (
        f"{_minor_when_contracting(case, case.debtor.name)}，该合同经其法定代理人同意或者追认后有效"
        f"（{CIVIL_CODE}第十九条、第一百四十五条第一款），{asker}已于{format_cn(case.letter_date)}"
        "另函催告其法定代理人自收到催告之日起三十日内予以追认（第一百四十五条第二款）。"
    )


def unratified(case: Any) -> str:
    """「上述《借款合同》」 while it awaits ratification (named: a guarantor's copy names its
    guarantee contract too), else nothing: the letter's demand and its consequence are
    worded on that condition."""
    return f"上述《{case.contract.name}》" if pending_ratification(case) else ""


def payment_deadline(case: Any) -> PaymentDeadline:
    """The deadline the letter prints: the user's, but while the guardian is asked to
    ratify, never one that may end before the thirty days of art. 145(2) — counted from
    the receipt they are counted from, and no shorter (else :data:`RATIFICATION_WINDOW`)."""
    asked: PaymentDeadline = case.deadline
    if not pending_ratification(case):
        return asked
    if asked.days < (RATIFICATION_DAYS if asked.kind == "calendar" else SURE_WORKDAYS):
        return RATIFICATION_WINDOW
    return asked.model_copy(update={"counted_from": "receipt"})


def deadline_words(payment: PaymentDeadline, text: str) -> str:
    """The ratification period's own words, 「收到本函之日起三十日内」, for the deadline
    that ends with it; otherwise ``text``, the deadline as it prints by itself."""
    return "收到本函之日起三十日内" if payment is RATIFICATION_WINDOW else text


def check_payment_deadline(result: Assessment, case: Any) -> PaymentDeadline:
    """Warn at ``deadline`` when :func:`payment_deadline` is not the user's; return it."""
    payment, asked = payment_deadline(case), case.deadline
    if payment == asked:
        return payment
    unit = "个工作日" if asked.kind == "working" else "日"
    start = "收到本函之日" if asked.counted_from == "receipt" else "发函之日"
    if payment is RATIFICATION_WINDOW:
        printed = (
            f"「{unratified(case)}经追认的，请于收到本函之日起三十日内」付款，与追认期间同时届满"
        )
    else:
        printed = f"自收到本函之日起{asked.days}{unit}内付款"
    result.warn(
        ("deadline",),
        "deadline_before_ratification",
        f"本函催告法定代理人{case.debtor.guardian.name}自收到本函之日起三十日内追认"
        f"《{case.contract.name}》，未作表示的视为拒绝追认（{CIVIL_CODE}第一百四十五条第二款）；"
        f"追认前合同效力待定，不能要求按合同付款。付款期限「{start}起{asked.days}{unit}内」"
        f"不能确保在追认期间届满后才到期，函件已改为{printed}",
        hint=f"如需更长的付款期限，请填写自收到本函之日起算、不少于{RATIFICATION_DAYS}日或"
        f"{SURE_WORKDAYS}个工作日的期限",
    )
    return payment


def void_facts(debtor: str) -> str:
    """Instead of 「根据合同约定…」: the contract made under eight is void, and what was
    obtained under it is owed back (arts. 20, 144, 157)."""
    return (
        f"{debtor}签订该合同时未满八周岁，为无民事行为能力人，该合同无效（{CIVIL_CODE}第二十条、"
        f"第一百四十四条）。依照{CIVIL_CODE}第一百五十七条，{debtor}因该合同取得的财产应当予以"
        f"返还，但{debtor}至今未予返还。"
    )


def check_contract_capacity(result: Assessment, case: Any) -> None:
    """A void contract's interest or penalty demanded (error); an adult's capacity on the
    day of contracting unknown (warning)."""
    debtor, contract = case.debtor, case.contract
    if not isinstance(debtor, Person):
        return
    signed = contract.signed_on
    if contract_void(debtor, signed):
        _void_claims(result, case, debtor)
        _void_guarantees(result, case, debtor)
    elif debtor.capacity in CAPACITY_LABELS and not is_minor(debtor, signed):
        result.warn(
            ("debtor", "capacity"),
            "capacity_at_contract_unknown",
            f"债务人{debtor.name}为{CAPACITY_LABELS[debtor.capacity]}，但未能确认其"
            f"{format_cn(signed)}签订《{contract.name}》时的民事行为能力：签约时已为无民事"
            f"行为能力人的，合同无效（{CIVIL_CODE}第一百四十四条）；为限制民事行为能力人的，"
            "经法定代理人同意或者追认后有效（第一百四十五条）。函件按合同有效要求付款，并写明"
            "签约时已为该状态的，将依法要求返还其因合同取得的财产（第一百五十七条）",
            hint="请核实签约时债务人是否已被认定为无、限制民事行为能力人；签约后才丧失民事行为"
            "能力的，不影响合同效力",
        )


def _void_claims(result: Assessment, case: Any, debtor: Person) -> None:
    signed = case.contract.signed_on
    for i, component in enumerate(case.amounts.components):
        label = _VOID_LABELS.get(component.kind)
        if label is None:
            continue
        result.error(
            ("amounts", "components", i, "kind"),
            "void_contract_claim",
            f"债务人{debtor.name}签订《{case.contract.name}》时未满八周岁"
            f"（{age_on(debtor, signed)}周岁），为无民事行为能力人，合同无效，自始没有法律约束力"
            f"（{CIVIL_CODE}第二十条、第一百四十四条、第一百五十五条）：不得按合同约定主张{label}；"
            "可要求返还其因合同取得的财产，有过错的一方赔偿对方的损失（第一百五十七条）",
            hint="请删除该项；主张资金占用损失的，请选择项目类型“其他”并写明计算依据",
        )


def _void_guarantees(result: Assessment, case: Any, debtor: Person) -> None:
    """A guarantor of a void main contract owes no 保证责任 (民法典 art. 682(1)); its liability
    for fault is at most a third of what the debtor cannot pay, none without fault (art.
    682(2); 法释〔2020〕28号 art. 17(2)): not a sum a letter can demand by a deadline."""
    for i, guarantor in enumerate(case.guarantors):
        result.error(
            ("guarantors", i),
            "guarantee_of_void_contract",
            f"债务人{debtor.name}签订《{case.contract.name}》时未满八周岁，该合同无效（{CIVIL_CODE}"
            f"第一百四十四条）；主债权债务合同无效的，保证合同无效（第六百八十二条第一款），不得"
            f"向保证人{guarantor.name}发函要求其承担保证责任。保证人无过错的，不承担赔偿责任；有过错"
            "的，其赔偿责任不超过债务人不能清偿部分的三分之一（第六百八十二条第二款；"
            f"{GUARANTEE_INTERPRETATION}第十七条第二款）",
            hint="请删除该保证人，本函只向债务人要求返还财产；保证人的过错赔偿责任须待确定债务人"
            "不能清偿的部分，请另行主张",
        )
