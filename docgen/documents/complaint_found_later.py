"""A defendant who contracted as a minor of eight or more, typed as without capacity,
whom the court found so only on the day of the contract or after it
(``capacity_found_on`` not before ``contract.signed_on``): read as the letters read it
(``letter_found_later``, whose rule this reuses).

An act's validity turns on the actor's capacity when acting (民法典 arts. 21, 144); a
court's finding (art. 24; 民事诉讼法 ch. 15 §5) says what the capacity is from then on,
not that it was already lacking when signing. The age shows limited capacity at least
(art. 19), so the contract takes effect once the legal representative consents or
ratifies (art. 145(1)): the complaint asks for the consent or ratification as for any
minor of eight or more (``complaint_minor``: stated via ``contract_assent``, else
``minor_contract_unratified``), and its facts name the finding beside the age.

Only where the case states what shows the capacity already lacking when signing
(``incapacity_at_signing``, per defendant, as the letters' field) is the contract void
(arts. 21(2), 144): refused as any minor's contract made without capacity
(``minor_contract_void``), the ground printed beside the finding. Given where nothing rests
on it (a finding before the contract, no finding's day, a defendant not typed
``none``), it is refused (``incapacity_evidence_unused``)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docgen.documents.contract_capacity import RESTITUTION
from docgen.documents.guardian_rules import (
    CAPACITY_LABELS,
    CIVIL_CODE,
    age_on,
    without_capacity_then,
)
from docgen.documents.letter_finding import (
    adult_finding,
    as_signed,
    found_void,
    lacking_shown,
    minor_open,
    shown_words,
)
from docgen.documents.letter_found_later import check_incapacity_evidence
from docgen.documents.problems import Assessment, Problem
from docgen.domain.dates import format_cn
from docgen.domain.parties import Party, Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant


def _as_letter(case: CivilComplaint, defendant: Defendant, person: Party) -> Any:
    """The defendant as the letters' rules read a debtor: the person, the finding's day,
    the contract and what shows the capacity lacking when signing."""
    return SimpleNamespace(
        debtor=person,
        capacity_found_on=defendant.capacity_found_on,
        contract=case.contract,
        incapacity_at_signing=defendant.incapacity_at_signing,
    )


def found_open(case: CivilComplaint, defendant: Defendant, person: Person) -> bool:
    """A minor of eight or more when signing, typed ``none``, found so on the day of the
    contract or after it, nothing stated showing the capacity lacking then: the contract
    awaits ratification (arts. 19, 145), not void (``letter_finding.minor_open``)."""
    return minor_open(_as_letter(case, defendant, person))


def void_then(case: CivilComplaint, defendant: Defendant, person: Person) -> bool:
    """Without capacity when signing (arts. 20, 21(2)): under eight, or a minor typed
    ``none`` unless found so only later with nothing showing it held then."""
    signed_as = as_signed(_as_letter(case, defendant, person))
    return isinstance(signed_as, Person) and without_capacity_then(
        signed_as, case.contract.signed_on
    )


def finding_words(defendant: Defendant) -> str:
    """「北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日」: the finding as
    typed (「人民法院」 without it) and its day."""
    day = defendant.capacity_found_on
    finding = (defendant.capacity_finding or "人民法院").rstrip("。")
    return f"{finding}于{format_cn(day)}" if day else finding


def later_words(case: CivilComplaint, defendant: Defendant) -> str:
    """「，北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日（签约之后）认定其为
    无民事行为能力人」 after the age, for a contract :func:`found_open` reads as awaiting
    ratification, as the letters word it (``later_finding_words``)."""
    day, signed = defendant.capacity_found_on, case.contract.signed_on
    when = "签约之后" if day is not None and day > signed else "签约当日"
    return f"，{finding_words(defendant)}（{when}）认定其为无民事行为能力人"


def shown_void_words(case: CivilComplaint, defendant: Defendant, person: Person) -> str:
    """「（依据：…司法鉴定意见书载明…），其后经…民事判决于2025年9月1日认定」 after 「不能辨认
    自己的行为」 where the case shows the capacity lacking when signing; else nothing."""
    view = _as_letter(case, defendant, person)
    if not lacking_shown(view):
        return ""
    return f"{shown_words(view)}经{finding_words(defendant)}认定"


def check_evidence(result: Assessment, case: CivilComplaint) -> None:
    """Each defendant's ``incapacity_at_signing`` refused where nothing rests on it, as the
    letters refuse theirs; for an adult when signing, found without capacity on the day of
    the contract or after it, it makes the contract void (arts. 21(1), 144): refused unless
    the guardian made it, as a finding before the contract is (``contract_capacity``)."""
    for i, defendant in enumerate(case.defendants):
        view = _as_letter(case, defendant, defendant.party)
        at = ("defendants", i, "incapacity_at_signing")
        check_incapacity_evidence(result, view, at, "被告", "认定日期")
        shown = lacking_shown(view) and found_void(view)  # an adult: a minor is decided apart
        if shown and defendant.contract_assent != "represented":
            _adult_void(result, case, i, defendant, view)
        elif adult_finding(view) == "after" and not lacking_shown(view):
            _warn_found_after(result, case, i, view.debtor)


def _warn_found_after(result: Assessment, case: CivilComplaint, i: int, person: Person) -> None:
    """An adult found without full capacity only after the contract, nothing stated of the
    capacity when signing: the complaint asks for performance as of a binding contract,
    since the finding says what the capacity is from then on (art. 24); said to the
    sender, as the letters say it (``capacity_found_after_contract``): the contract is void
    if the capacity was already lacking when signing (arts. 21(1), 144), effective only once
    ratified if it was only limited (arts. 22, 145(1))."""
    contract, found = case.contract, case.defendants[i].capacity_found_on
    if found is None:  # "after" is said only of a dated finding
        return
    hint = "请核实其签约时的民事行为能力"
    if person.capacity == "none":
        hint += (
            "；有证据（如载明病发时间的司法鉴定意见书）证明其签约时已不能辨认自己的行为的，请填写"
            "「签约时已不能辨认自己行为的依据」，起诉状将改按合同无效处理"
        )
    hint += "；证明其签约时已不能完全辨认自己的行为的，本起诉状不宜按合同有效提交，请另行处理"
    result.warn(
        ("defendants", i, "capacity_found_on"),
        "capacity_found_after_contract",
        f"被告{person.name}于{format_cn(found)}经人民法院认定为{CAPACITY_LABELS[person.capacity]}，"
        f"晚于签订《{contract.name}》（{format_cn(contract.signed_on)}）：该认定说明其此后的"
        f"民事行为能力（{CIVIL_CODE}第二十四条），不能说明签约时的民事行为能力，起诉状按合同有效"
        "请求履行。但其签约时已不能辨认自己的行为的，合同无效（第二十一条第一款、第一百四十四条）；"
        "签约时已不能完全辨认自己的行为的，合同经法定代理人同意或者追认后才有效（第二十二条、"
        "第一百四十五条第一款）",
        hint=hint,
    )


def _adult_void(
    result: Assessment, case: CivilComplaint, i: int, defendant: Defendant, view: Any
) -> None:
    contract, person = case.contract, view.debtor
    guarantors = any(d.role == "guarantor" for d in case.defendants)
    accessory = "；主债权债务合同无效的，保证合同无效（第六百八十二条第一款）" if guarantors else ""
    cured = "，法定代理人的同意或者追认不能使其有效" if defendant.contract_assent else ""
    result.error(
        ("defendants", i, "incapacity_at_signing"),
        "contract_after_incapacity_finding",
        f"被告{person.name}签订《{contract.name}》时已不能辨认自己的行为{shown_words(view)}经"
        f"{finding_words(defendant)}认定为无民事行为能力人：无民事行为能力人由其法定代理人代理实施"
        f"民事法律行为（{CIVIL_CODE}第二十一条第一款），其自己实施的民事法律行为无效（第一百四十四条）"
        f"{cured}，起诉状请求履行该合同（偿还借款、支付利息和违约金）缺乏依据；合同无效的，"
        f"{RESTITUTION}{accessory}",
        hint="合同由法定代理人代理订立的，请在「法定代理人对借款合同的代理、同意或追认」中选择"
        "「由法定代理人代理订立」；所填依据不能证明其签约时已不能辨认自己的行为的，请删除该项；"
        "否则请改按第一百五十七条请求返还借款、赔偿损失",
    )


def reword_minor_warning(
    result: Assessment, case: CivilComplaint, i: int, defendant: Defendant, person: Person
) -> None:
    """The ``debtor_minor`` warning of a defendant :func:`found_open` reads as of limited
    capacity when signing, worded on the later finding as the letters word theirs
    (``letter_finding.minor_warning_on_finding``) instead of calling the contract void."""
    if not found_open(case, defendant, person):
        return
    signed = case.contract.signed_on
    message = (
        f"被告{person.name}签约时未满十八周岁（{age_on(person, signed)}周岁），为未成年人"
        f"（{CIVIL_CODE}第十七条）{later_words(case, defendant)}：该认定不能说明其签约时已不能"
        "辨认自己的行为。起诉状不认为合同无效，按其签约时为八周岁以上的未成年人处理：合同经法定"
        "代理人同意或者追认后有效（第十九条、第一百四十五条）"
    )
    hint = (
        "有证据证明其签约时已不能辨认自己的行为的（如认定所依据的鉴定意见载明的起始时间），请"
        "填写「签约时已不能辨认自己行为的依据」：该合同无效（第二十一条第二款、第一百四十四条）"
    )
    at = ("defendants", i, "party", "birth_date")
    for k, problem in enumerate(result.problems):
        if problem.code == "debtor_minor" and problem.loc == at:
            result.problems[k] = Problem(at, problem.code, message, hint, "warning")
