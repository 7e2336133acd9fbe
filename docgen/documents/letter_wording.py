"""The words a letter uses for its contract as the debtor's capacity leaves it
(``letter_capacity.contract_status``), so that no sentence of any copy says more than
the contract's status allows.

- The facts: a contract that binds is 「根据合同约定，您应于…（含当日）前清偿相应款项，
  但您至今未依约履行付款义务」; one that waits on the legal representative (民法典 arts. 19,
  145(1)) is only described — what it provides and that it is unpaid (「上述《借款合同》
  约定您于…（含当日）前清偿相应款项，您至今未按约定付款」) — followed by its effect: the
  call on the guardian to ratify (art. 145(2)) in the debtor's copy, the call's having
  been made in a guarantor's, or, with no guardian to call, the rule of arts. 19 and 145(1). One the
  legal representative consented to or ratified (art. 145(1)) binds: the facts say so
  with the day, then what the contract provides and that it is unpaid, as for any binding
  contract. A contract made without capacity (under eight, or as a minor who cannot
  recognise their acts) is void (arts. 20, 21, 144) and what was obtained is owed back
  (art. 157).
- The fallback after the consequence of not paying (``refusal``): the debtor's copy
  names restitution (art. 157) once the contract is refused or was void from the start;
  a guarantor's names what follows for the guarantee, accessory to the main contract and
  void with it (art. 682(1)): a guarantor at fault bears the civil liability its fault
  calls for (art. 682(2)). The guarantee of a contract that never takes effect is read
  the same way: an accessory contract cannot outlast the one it secures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from docgen.documents.guardian_rules import CIVIL_CODE, is_minor, needs_guardian
from docgen.documents.letter_address import (
    debtor_called,
    finding_introduced,
    guardian_addressed,
    guardian_you,
)
from docgen.documents.letter_capacity import (
    assent_effective,
    capacity_unknown,
    contract_status,
    void_reason_of,
)
from docgen.documents.letter_copies import debtors_letter
from docgen.documents.letter_finding import (
    found_limited,
    found_void,
    found_words,
    minor_found_words,
    minor_open,
)
from docgen.documents.letter_found_later import later_finding_words, minor_void_branch
from docgen.documents.letter_rules import (
    MINOR_EFFECT,
    minor_when_contracting,
    unpaid_facts,
)
from docgen.documents.letter_self_ratification import (
    self_asked_guarantor_facts,
    self_call,
    self_ratification_facts,
)
from docgen.documents.part_models import ASSENT_WORDS
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan

__all__ = [
    "assent_facts",
    "contract_facts",
    "guaranteed_debt",
    "limited_then",
    "ratification_request",
    "refusal_consequence",
]


def limited_then(case: Any, debtor: str) -> tuple[str, str]:
    """Why the contract awaits ratification, and the article of the capacity: a minor of
    eight or more (「…时为14周岁的未成年人，属于限制民事行为能力人」, art. 19), or an adult
    found of limited capacity before the contract (``letter_finding.found_words``, art. 22)."""
    if found_limited(case):
        return found_words(case, debtor, finding_introduced(case)), "第二十二条"
    if minor_open(case):  # found without capacity only later: the age alone is known
        return later_finding_words(case, debtor), "第十九条"
    return f"{minor_when_contracting(case, debtor)}，属于限制民事行为能力人", "第十九条"


def contract_facts(case: Any, debtor: str, asker: str) -> str:
    """What the facts say after the contract's opening and history: what was to be paid
    and was not, and the contract's effect. ``debtor`` as the copy calls the debtor;
    ``asker`` made the call to ratify (我方, 本所受委托人委托，)."""
    status = contract_status(case)
    if status == "void":
        return void_facts(case, debtor)
    contract = case.contract
    binding = status not in ("pending", "unasked", "self_asked")
    facts = unpaid_facts(contract, debtor, case.amounts.principal_label, binding)
    if status == "assented":
        return assent_facts(case, debtor) + facts
    if status == "unasked":
        minor = minor_when_contracting(case, debtor)
        return f"{facts}{minor}，属于限制民事行为能力人；{MINOR_EFFECT}。"
    if status == "self_asked" and case.recipient_role == "guarantor":
        return facts + self_asked_guarantor_facts(case, debtor, asker)
    if status == "pending" and case.recipient_role == "guarantor" and not found_limited(case):
        return facts + (
            f"{minor_when_contracting(case, debtor)}，该合同经其法定代理人同意或者追认后有效"
            f"（{CIVIL_CODE}第十九条、第一百四十五条第一款），{asker}已于{format_cn(case.letter_date)}"
            f"{debtors_letter(case)}催告其法定代理人自收到催告之日起三十日内予以追认（第一百四十五条第二款）。"
        )
    return facts


def guaranteed_debt(case: Any) -> str:
    """What a guarantor's copy says the guarantee secures: 上述债务, the debt the facts
    state; under a contract not yet binding (``pending``, ``unasked``), which states none,
    the debt under that contract (「张伟在上述《借款合同》项下的债务」)."""
    if contract_status(case) in ("pending", "unasked", "self_asked"):
        return f"{case.debtor.name}在上述《{case.contract.name}》项下的债务"
    return "上述债务"


def assent_facts(case: Any, debtor: str) -> str:
    """The legal representative's consent or ratification, stated before the contract's
    terms it makes binding (民法典 art. 145(1)): 「您于2025年1月10日签订上述《借款合同》时为
    14周岁的未成年人，该合同已经您的法定代理人于2025年1月15日追认，依法有效（…第十九条、
    第一百四十五条第一款）。」; in a guarantor's copy 「…已经其法定代理人…」; for a debtor
    with no legal representative now (an adult), 「您当时的」, 「其当时的」. For an adult
    typed as of limited capacity the capacity on the contract's day is not in the case, so
    only the assent is stated: 「上述《借款合同》已经您的法定代理人于…同意，依法有效（…第一百
    四十五条第一款）。」"""
    assent, ward, contract = case.guardian_assent, case.debtor, case.contract
    if not assent_effective(case):
        return self_ratification_facts(case, debtor)
    if case.recipient_role == "guarantor" and not is_minor(ward, contract.signed_on):
        # an adult's want of capacity is health information (个人信息保护法 art. 28):
        # not told to the guarantor, for whom the contract simply binds
        return ""
    whose = "其" if debtor == ward.name else "您的"
    if not needs_guardian(ward, case.letter_date):
        whose = whose.removesuffix("的") + "当时的"
    who = f"{whose}法定代理人"
    if guardian_addressed(case) is not None and needs_guardian(ward, case.letter_date):
        who = guardian_you(case)  # the copy speaks to the representative who gave it
    given = f"已经{who}于{format_cn(assent.given_on)}{ASSENT_WORDS[assent.kind]}，依法有效"
    if is_minor(ward, contract.signed_on):
        return (
            f"{minor_when_contracting(case, debtor)}，该合同{given}"
            f"（{CIVIL_CODE}第十九条、第一百四十五条第一款）。"
        )
    return f"上述《{contract.name}》{given}（{CIVIL_CODE}第一百四十五条第一款）。"


def void_facts(case: Any, debtor: str) -> str:
    """Instead of 「根据合同约定…」: the contract made without capacity is void, and what
    was obtained under it is owed back (arts. 20 or 21, 144, 157): 「签订该合同时未满八
    周岁」, or for a minor of eight or more typed as without capacity, on the court's
    finding, 「签订该合同时为14周岁的未成年人，不能辨认自己的行为，经…民事判决于…认定为
    无民事行为能力人」 (art. 21(2): ``letter_finding.minor_found_words``)."""
    what, article = void_reason_of(case, finding_introduced(case))
    if article == "第二十条":
        then = "未满八周岁，为无民事行为能力人"
    elif found_void(case):
        then = f"{what}为无民事行为能力人"
    else:  # a minor of eight or more, on the court's finding (art. 21(2))
        then = minor_found_words(case)
    return (
        f"{debtor}签订该合同时{then}，该合同无效（{CIVIL_CODE}{article}、第一百四十四条）。"
        f"依照{CIVIL_CODE}第一百五十七条，{debtor}因该合同取得的财产应当予以返还，但{debtor}"
        "至今未予返还。"
    )


def ratification_request(case: Any, you: str, asker: str, effect: bool = True) -> str:
    """The call on the guardian to ratify (art. 145(2)), in the debtor's copy, which goes
    to the guardian and calls on 「您」 (``letter_address``); empty unless the guardian is
    asked (``pending``). ``asker`` makes the call (我方, 本所受委托人委托); what follows a
    refusal is said with the letter's consequences (:func:`refusal_consequence`). With
    ``effect`` it first says why: the minor's age and the contract's effect (arts. 19,
    145(1)); without, the letter has said so before (the lawyer letter: the age in its
    facts, the rule in its analysis)."""
    status = contract_status(case)
    if case.recipient_role == "debtor" and status == "self_asked":
        return self_call(case, you, asker, effect)
    if case.recipient_role != "debtor" or status != "pending":
        return ""
    addressed = guardian_addressed(case) is not None
    called = guardian_you(case) if addressed else f"{you}的法定代理人{case.debtor.guardian.name}"
    silent = guardian_you(case) if addressed else "法定代理人"
    call = (
        f"现依照{CIVIL_CODE}第一百四十五条第二款，{asker}催告{called}自收到本函之日起三十日内"
        f"对上述合同予以追认；{silent}未作表示的，视为拒绝追认。"
    )
    if not effect:
        return call
    debtor = debtor_called(case, you)
    then, article = limited_then(case, debtor)
    return (
        f"{then}，该合同经法定代理人同意或者追认后有效（{CIVIL_CODE}{article}、第一百四十五条"
        f"第一款）{minor_void_branch(case, debtor)}。{call}"
    )


def _undone(case: Any, debtor: str) -> tuple[str, str, str] | None:
    """When the contract does not bind after all, the effect on it and the articles:
    (condition, 无效 or 不发生效力, the articles before art. 157 or 682), or None for a
    contract that binds (or is void, said in the facts)."""
    contract = f"上述《{case.contract.name}》"
    status = contract_status(case)
    if status == "pending":
        silent = guardian_you(case) if guardian_addressed(case) else "法定代理人"
        refused = f"{contract}未获追认（包括{silent}逾期未作表示）而确定不发生效力"
        if minor_open(case):  # or void, had the minor already lost the capacity
            void = f"，或者因{debtor}签订时已不能辨认自己的行为而无效"
            return refused + void, "无效或者不发生效力", "第一百四十四条、"
        return refused, "不发生效力", ""
    if status == "self_asked":
        return f"{contract}未获追认（包括{debtor}逾期未作表示）而确定不发生效力", "不发生效力", ""
    if status == "unasked":
        return f"{contract}经法定代理人拒绝追认而确定不发生效力", "不发生效力", ""
    capacity = capacity_unknown(case) if status == "if_capable" else None
    if capacity == "none":
        return (
            f"{debtor}签订{contract}时已为无民事行为能力人、该合同因此无效",
            "无效",
            "第一百四十四条、",
        )
    if capacity == "limited":
        return (
            f"{debtor}签订{contract}时已为限制民事行为能力人、该合同未获法定代理人追认而不发生效力",
            "不发生效力",
            "第一百四十五条、",
        )
    return None


_LOANS = ("private_lending", "financial_loan", "credit_card")
"""Contracts under which the creditor handed over money, which a contract that never
takes effect leaves to be returned as such (民法典 art. 157)."""

_GUARANTEE_UNDONE = (
    "如上述《{name}》被认定无效或者确定不发生效力的，保证合同随之无效或者不发生效力"
    f"（{CIVIL_CODE}第六百八十二条第一款）；{{you}}有过错的，应当根据其过错承担相应的民事责任"
    "（第六百八十二条第二款）。"
)
"""The guarantor's copy where an adult debtor's capacity decides the contract: the
consequence only. An adult's want of capacity is a court's finding on mental health,
医疗健康 information that 个人信息保护法 art. 28 counts as sensitive and allows to be
processed only with a specific purpose and sufficient necessity; the guarantor needs
what follows for the guarantee, not why."""


def refusal_consequence(
    case: Any, you: str, claimant: str, principal: Decimal | None = None
) -> str:
    """What follows when the contract does not bind after all, said after the consequence
    of not paying; ``claimant`` asks for it (我方, 委托人).

    In the debtor's copy, what the debtor obtained is owed back (art. 157): once the
    guardian refuses ratification (or keeps silent, art. 145(2)); for an adult whose
    capacity on the day of contracting is unknown, if it was already lacking (a contract
    then void, arts. 21, 144, or not ratified, arts. 22, 145). While the guardian is asked
    to ratify a loan, the return of the money handed over (``principal``: the letters
    record no delivered sum of their own, so the principal claimed stands for it) is
    demanded in the same letter, with a deadline counted from the end of the ratification
    period, for it is owed ratified or not (as the loan, or back under art. 157); interest
    and penalty stay on the condition of ratification. In a guarantor's copy, the
    guarantee is void with it (art. 682(1)) and the guarantor at fault answers for its
    fault (art. 682(2)); where an adult's capacity decides it, without naming the
    capacity (:data:`_GUARANTEE_UNDONE`)."""
    debtor = debtor_called(case, you)
    undone = _undone(case, debtor)
    if undone is None:
        return ""
    condition, effect, articles = undone
    if case.recipient_role == "debtor":
        if principal and contract_status(case) == "pending" and case.contract.kind in _LOANS:
            deadline = case.deadline
            unit = "个工作日" if deadline.kind == "working" else "日"
            within = f"于追认期间届满之日起{deadline.days}{unit}内"
            loan = f"{claimant}已交付的借款人民币{format_yuan(principal)}元"
            if guardian_addressed(case) is not None:
                # the ward returns what it obtained (art. 157); the guardian, its legal
                # representative, does so from the ward's property (arts. 34(1), 35(1))
                return (
                    f"{condition}的，{debtor}应当返还{loan}（{CIVIL_CODE}{articles}第一百五十七条），"
                    f"请{you}作为{debtor}的法定代理人，代理{debtor}以其本人的财产{within}返还。"
                )
            return f"{condition}的，请{within}返还{loan}（{CIVIL_CODE}{articles}第一百五十七条）。"
        # to the guardian, the ward is named as the one who returns (art. 157)
        whose = f"{debtor}返还其" if guardian_addressed(case) is not None else f"返还{debtor}"
        return (
            f"{condition}的，{claimant}将依法要求{whose}因该合同取得的财产"
            f"（{CIVIL_CODE}{articles}第一百五十七条）。"
        )
    if contract_status(case) == "if_capable" or found_limited(case) or minor_open(case):
        return _GUARANTEE_UNDONE.format(name=case.contract.name, you=you)
    return (
        f"{condition}的，保证合同作为其从合同随之{effect}（{CIVIL_CODE}{articles}第六百八十二条"
        f"第一款），{you}有过错的，{claimant}将依法要求{you}按照过错承担相应的民事责任"
        "（第六百八十二条第二款）。"
    )
