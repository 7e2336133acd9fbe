"""An adult defendant without full capacity, as the complaint states it: the capacity, the
court's finding it rests on and its date, and the guardian who litigates for them.

An adult is 无民事行为能力人 or 限制民事行为能力人 only by a court's finding on the
application of an interested person (民法典 art. 24); a minor is so by age (arts. 19, 20)
and needs none. In court the guardian is the 法定代理人 (民事诉讼法 art. 60; 民诉法解释
art. 83). A complaint that lists a guardian under an adult defendant without saying why
leaves the court to ask, and the time matters: a contract made while the person had no
capacity is void (民法典 art. 144). So the facts say it, and a finding not given is
warned (the complaint is still filed: art. 124(2) asks of a defendant only what
identifies them).

The finding dated before the contract was signed: the contract was made by a person
already found without full capacity (contract_capacity), so the claim to perform it is in
doubt; the reverse — the finding after the contract — says nothing of the capacity at
signing and is not warned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.contract_capacity import (
    adult_wards,
    assent_words,
    check_found_before_contract,
)
from docgen.documents.guardian_rules import CAPACITY_LABELS
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant
    from docgen.domain.parties import Person

LITIGATION_BASIS = "《中华人民共和国民事诉讼法》第六十条"


def check_defendant_capacity(result: Assessment, case: CivilComplaint) -> None:
    check_found_before_contract(result, case)
    for i, defendant, person in adult_wards(case):
        missing = [
            (field, label)
            for field, value, label in (
                ("capacity_finding", defendant.capacity_finding, "认定的法院和文书"),
                ("capacity_found_on", defendant.capacity_found_on, "认定日期"),
            )
            if value is None
        ]
        if not missing:
            continue
        result.warn(
            ("defendants", i, missing[0][0]),
            "capacity_basis_missing",
            f"被告{person.name}为成年人，填写为{CAPACITY_LABELS[person.capacity]}，但未写明"
            f"{'、'.join(label for _, label in missing)}：成年人为无民事行为能力人或者限制民事"
            "行为能力人，须经人民法院认定（《中华人民共和国民法典》第二十四条），起诉状应写明其"
            f"法定代理人代为诉讼的依据（{LITIGATION_BASIS}；《最高人民法院关于适用〈中华人民共和国"
            "民事诉讼法〉的解释》第八十三条）；认定前订立的合同是否有效，也取决于其订立时的"
            "民事行为能力（《中华人民共和国民法典》第一百四十四条）",
            hint="请在「民事行为能力的认定」中填写作出认定的法院和文书，并填写认定日期",
        )


def capacity_facts(case: CivilComplaint) -> list[str]:
    """「被告张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为
    无民事行为能力人，由其监护人王丽作为法定代理人代为诉讼（…第六十条）。」, then what the
    guardian did to the contract (``assent_words``)."""
    return [
        f"{capacity_sentence(defendant, person)}。{assent_words(case, defendant, person)}"
        for _i, defendant, person in adult_wards(case)
    ]


def ward_capacity(case: CivilComplaint, defendant: Defendant) -> str:
    """The capacity sentence (:func:`capacity_sentence`, without its 。) of a defendant who
    is an adult ward, for the element form's 法定代理人 row; else nothing (a minor is a
    ward by age, art. 19, 20, and needs no finding)."""
    for _i, ward, person in adult_wards(case):
        if ward is defendant:
            return capacity_sentence(ward, person)
    return ""


def capacity_sentence(defendant: Defendant, person: Person) -> str:
    """The adult's capacity as the court found it (民法典 arts. 21, 22: 不能辨认 or 不能完全
    辨认自己行为的成年人; art. 24: so only by a court's finding), and the guardian who
    litigates for them (民事诉讼法 art. 60), one source for both forms of the complaint.

    Only art. 60 is cited. The capacity is the cited judgment's finding, a fact the court
    takes as proved (民诉法解释 art. 93(1)(5)), so arts. 21, 22 and 24 would add words, not
    support; where it bears on the claim (found before signing) the legal basis cites arts.
    21–23 (``assent_articles``). Art. 28 is not cited: an adult's guardian may hold office
    by arts. 28–33 (the statutory order, a parent's will, an agreement, a designation, the
    ward's own earlier choice) and nothing given says which."""
    status = CAPACITY_LABELS[person.capacity]
    finding, day = defendant.capacity_finding, defendant.capacity_found_on
    when = f"于{format_cn(day)}" if day else ""
    if finding:
        found = f"经{finding.rstrip('。')}{when}认定为{status}"
    elif day:
        found = f"{when}经人民法院认定为{status}"
    else:
        found = f"为{status}"
    guardian = person.guardian
    acting = (
        f"，由其监护人{guardian.name}作为法定代理人代为诉讼（{LITIGATION_BASIS}）"
        if guardian
        else ""
    )
    return f"被告{person.name}{found}{acting}"
