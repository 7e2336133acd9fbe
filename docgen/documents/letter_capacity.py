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
  Every copy's facts say what the contract provides and that it is unpaid, not that a
  debt is owed, and the amounts are owed 「上述《借款合同》经追认的」 (:func:`binds_if`),
  once the reader has met the call: the lawyer letter, which makes it only in 三、律师意见,
  gives in its facts the amounts the contract computes (``lawyer_letter._amounts_lead``).
- Made as a minor of eight or more and no guardian given to ask (none named, or the
  debtor is an adult now and has none, art. 23): the letter cannot call for ratification,
  so it asserts no binding debt either: it states the contract's effect (arts. 19,
  145(1)), asks for payment if the contract is valid (the consent may have been given,
  or the contract fit the minor's age, which the case does not say) and names
  restitution if ratification is refused (art. 157); a warning says so.
- The legal representative's consent or ratification recorded (``guardian_assent``) for
  a contract made with limited capacity (a minor of eight or more, or an adult typed as
  of limited capacity): the contract is valid (art. 145(1)) and binds as any other; the
  letter states the fact and asks neither for ratification nor on a condition
  (``letter_assent``).
- Made as a minor of eight or more and ratified by the debtor himself once of full age
  (``adult_ratification``, on or after the 18th birthday): valid as well, and worded as
  the representative's assent is (:func:`self_ratified`, ``letter_assent``).
- Made under eight, or as a minor of eight or more typed as without capacity, who cannot
  recognise their acts (arts. 20, 21(2): ``guardian_rules.without_capacity_then``; the
  court's finding of it dated on the contract's day or after, only with what shows it then,
  else read as made with limited capacity: ``letter_found_later``), the
  contract is void (art. 144) and binds no one from the start, consent or ratification
  notwithstanding (art. 155): the letter asks for what the debtor obtained under it (art. 157), and
  interest or a penalty agreed in it cannot be demanded. The guarantee of a void main
  contract is void too (art. 682(1)); a guarantor then answers only for its own fault, and
  at most for a third of what the debtor cannot pay (法释〔2020〕28号 art. 17(2)), which a
  demand letter cannot state: a letter naming a guarantor is refused.
- An adult typed as of limited or no capacity: the court's finding dated before the
  contract makes it void (arts. 21, 144) or awaiting ratification (arts. 22, 145), after it
  changes nothing (``letter_finding``); undated, the letter asks for payment under the
  contract with a warning and says what follows if capacity was already lacking (art. 157).

A guarantor's copy names the same fallback as the guarantee follows it: the guarantee is
accessory to the main contract, void with it (art. 682(1)), and a guarantor at fault bears
the civil liability its fault calls for (art. 682(2)); the words are in ``letter_wording``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docgen.documents.case_memo import per_case
from docgen.documents.guardian_rules import (
    CAPACITY_LABELS,
    CIVIL_CODE,
    adult_from,
    age_on,
    is_minor,
    needs_guardian,
    ratifiable,
    under_eight,
    without_capacity_then,
)
from docgen.documents.letter_finding import (
    adult_finding,
    as_signed,
    found_limited,
    found_void,
    judgment_words,
    lacking_shown,
    shown_words,
)
from docgen.documents.letter_rules import made_verb
from docgen.documents.part_models import PaymentDeadline
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Party, Person

__all__ = [
    "RATIFICATION_WINDOW",
    "assent_effective",
    "binds_if",
    "capacity_unknown",
    "check_payment_deadline",
    "contract_status",
    "contract_void",
    "deadline_words",
    "payment_deadline",
    "pending_ratification",
    "ratification_of",
    "ratification_unasked",
    "ratified",
    "self_asked",
    "self_ratified",
    "unratified",
    "void_reason",
    "void_reason_of",
    "ward_ratifies",
]

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
    """The debtor was without capacity when contracting (under eight, or a minor typed as
    without capacity: ``without_capacity_then``): the contract is void (art. 144)."""
    return isinstance(debtor, Person) and without_capacity_then(debtor, signed)


def void_reason(debtor: Person, signed: date) -> tuple[str, str]:
    """Why the debtor was without capacity when contracting, as 「…时{what}」 says it,
    and the article: 「未满八周岁（6周岁）」 (art. 20), or 「为15周岁的未成年人，不能辨认
    自己的行为」 (art. 21: its second paragraph applies the first to a minor of eight or more)."""
    age = age_on(debtor, signed)
    if under_eight(debtor, signed):
        return f"未满八周岁（{age}周岁）", "第二十条"
    return f"为{age}周岁的未成年人，不能辨认自己的行为", "第二十一条"


def void_reason_of(case: Any, named: bool = False) -> tuple[str, str]:
    """:func:`void_reason` of the debtor, a minor's under art. 21(2); an adult found without
    capacity before the contract (``letter_finding``): 「已于…经…民事判决认定」 (art. 21(1)),
    「已经上述判决认定」 where the copy has named the judgment and its day before (``named``:
    the guardian's introduction, ``letter_finding.finding_intro``)."""
    if found_void(case):
        found = (
            "经上述判决认定"
            if named
            else f"于{format_cn(case.capacity_found_on)}经{judgment_words(case)}认定"
        )
        if lacking_shown(case):  # found on the day or after, the capacity then shown
            return f"已不能辨认自己的行为{shown_words(case)}{found}", "第二十一条第一款"
        return f"已{found}", "第二十一条第一款"
    what, article = void_reason(case.debtor, case.contract.signed_on)
    return what, "第二十一条第二款" if article == "第二十一条" else article


def assent_effective(case: Any) -> bool:
    """The legal representative's consent or ratification (``guardian_assent``) is given
    for a contract made with limited capacity, which it makes valid (art. 145(1)): made as
    a minor of eight or more, or by an adult typed as of limited capacity (valid whether or
    not the capacity was already limited then). Not for a void contract (art. 144), an
    adult typed as without capacity (void if already so then, assent or not) nor a debtor
    of full capacity (nothing to consent to): ``letter_assent`` reports those."""
    debtor, signed = as_signed(case), case.contract.signed_on
    if case.guardian_assent is None or not isinstance(debtor, Person):
        return False
    return not contract_void(debtor, signed) and ratifiable(debtor, signed)


def self_ratified(case: Any) -> bool:
    """The debtor made the contract as a minor of eight or more and, of full age since,
    ratified it himself (``adult_ratification``, dated no earlier than the 18th birthday):
    valid as if the legal representative had (民法典 arts. 18(1), 145(1)). The Code names
    only the representative; that the person, once of full capacity, holds the power to
    ratify is the reading of 杨代雄《〈民法典〉第145条评注——限制民事行为能力人实施的法律
    行为》（《中国应用法学》2022年第3期）: 「限制民事行为能力人取得完全民事行为能力之后应
    享有追认权」. Performance alone is not read as ratification: no source found says so."""
    ratified_on = case.adult_ratification
    debtor, signed = as_signed(case), case.contract.signed_on
    if ratified_on is None or not isinstance(debtor, Person):
        return False
    if contract_void(debtor, signed) or not (
        ratifiable(debtor, signed) and is_minor(debtor, signed)
    ):
        return False
    adult = adult_from(debtor)
    return adult is not None and adult <= ratified_on.given_on


def ratified(case: Any) -> bool:
    """The contract made with limited capacity is made valid (art. 145(1)): by the legal
    representative's consent or ratification (:func:`assent_effective`), or by the
    debtor's own ratification once of full age (:func:`self_ratified`)."""
    return assent_effective(case) or self_ratified(case)


def guardian_asked(case: Any) -> bool:
    """The letter asks the debtor's guardian to ratify the contract (art. 145(2)); not
    once the contract is ratified (:func:`ratified`)."""
    asked = ward_ratifies(as_signed(case), case.contract.signed_on) or found_limited(case)
    return asked and not ratified(case)


def self_asked(case: Any) -> bool:
    """The debtor made the contract as a minor of eight or more, is of full capacity on
    the letter's date and has not ratified it: the guardian's statutory agency ended at
    majority (民法典 art. 175(1)), so no one but the debtor can ratify now (the reading
    :func:`self_ratified` cites), and the letter asks him to, within the thirty days of
    art. 145(2) applied by analogy (参照). An adult typed as of limited capacity has a
    guardian again (art. 23) and is not asked himself."""
    debtor, signed = as_signed(case), case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.guardian is not None or ratified(case):
        return False
    minor_then = ratifiable(debtor, signed) and is_minor(debtor, signed)
    return minor_then and not needs_guardian(debtor, case.letter_date)


def pending_ratification(case: Any) -> bool:
    """The letter asks for the contract's ratification, of the guardian
    (:func:`guardian_asked`) or of the debtor himself once of full age
    (:func:`self_asked`): until the answer, or the thirty days' silence, it binds no one
    (art. 145), in every copy of the letter."""
    return guardian_asked(case) or self_asked(case)


def capacity_unknown(case: Any) -> str | None:
    """The capacity typed (``limited``, ``none``) of a debtor who was an adult when
    contracting, on which the contract's validity turns if it was already so then (arts.
    21, 22, 144, 145); None when the capacity on that day is told by the age or is full."""
    debtor, signed = as_signed(case), case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.capacity not in CAPACITY_LABELS:
        return None
    if contract_void(debtor, signed) or is_minor(debtor, signed) or ratified(case):
        return None
    if adult_finding(case) == "after":
        return None  # found after the contract: it binds (letter_finding)
    return debtor.capacity


def ratification_unasked(case: Any) -> bool:
    """The debtor made the contract as a minor of eight or more (art. 19), still lacks
    full capacity on the letter's date and no guardian is given to ask for ratification
    (art. 145(2)): a minor now (a letter then refused, ``guardian_rules``) or an adult
    typed as of limited capacity. The contract takes effect only with the consent or
    ratification of the legal representative, unless it was purely beneficial or fitting
    the minor's age and intelligence (arts. 19, 145(1)), which the case does not say."""
    debtor, signed = as_signed(case), case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.guardian is not None:
        return False
    minor_then = ratifiable(debtor, signed) and is_minor(debtor, signed)
    return minor_then and needs_guardian(debtor, case.letter_date) and not ratified(case)


@per_case
def contract_status(case: Any) -> str:
    """What the letter may say of the contract: ``void`` (made without capacity, arts. 20,
    21, 144), ``assented`` (made with limited capacity, and the legal representative's
    consent or ratification given, or the debtor's own once of full age: valid, art.
    145(1); :func:`ratified`),
    ``pending`` (the guardian is asked to ratify, art. 145), ``self_asked`` (the debtor,
    of full age now, is asked himself: :func:`self_asked`), ``unasked`` (made as a
    minor of eight or more, no guardian to ask: :func:`ratification_unasked`),
    ``if_capable`` (an adult's capacity on the day of contracting unknown: binding unless
    it was already lacking, :func:`capacity_unknown`), else ``binding``."""
    if contract_void(as_signed(case), case.contract.signed_on) or found_void(case):
        return "void"
    if ratified(case):
        return "assented"
    if guardian_asked(case):
        return "pending"
    if self_asked(case):
        return "self_asked"
    if ratification_unasked(case):
        return "unasked"
    return "if_capable" if capacity_unknown(case) else "binding"


def binds_if(case: Any) -> str:
    """The condition on which the contract binds, as the letter words its demand while
    the contract waits on the legal representative (art. 145(1)): 「上述《借款合同》经追认」
    while the guardian, or the debtor of full age now, is asked to ratify,
    「上述《借款合同》有效」 when no one is asked
    (the consent may have been given, or the contract fit the minor's age); else nothing,
    and the letter demands payment outright."""
    status = contract_status(case)
    if status in ("pending", "self_asked"):
        return f"上述《{case.contract.name}》经追认"
    if status == "unasked":
        return f"上述《{case.contract.name}》有效"
    return ""


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
    asked_of = _asked_of(case)
    if payment is RATIFICATION_WINDOW:
        printed = (
            f"「{unratified(case)}经追认的，请于收到本函之日起三十日内」付款，与追认期间同时届满"
        )
    else:
        printed = f"自收到本函之日起{asked.days}{unit}内付款"
    result.warn(
        ("deadline",),
        "deadline_before_ratification",
        f"本函催告{asked_of[0]}自收到本函之日起三十日内追认"
        f"《{case.contract.name}》，未作表示的视为拒绝追认（{asked_of[1]}{CIVIL_CODE}第一百四十五条第二款）；"
        f"追认前合同效力待定，不能要求按合同付款。付款期限「{start}起{asked.days}{unit}内」"
        f"不能确保在追认期间届满后才到期，函件已改为{printed}",
        hint=f"如需更长的付款期限，请填写自收到本函之日起算、不少于{RATIFICATION_DAYS}日或"
        f"{SURE_WORKDAYS}个工作日的期限",
    )
    return payment


def _asked_of(case: Any) -> tuple[str, str]:
    """Who the letter asks to ratify, and how art. 145(2) applies: to the guardian, or,
    by analogy (参照), to the debtor of full age now (:func:`self_asked`)."""
    if self_asked(case):
        return f"债务人{case.debtor.name}本人", "参照"
    return f"法定代理人{case.debtor.guardian.name}", ""
