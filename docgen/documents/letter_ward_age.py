"""A letter's debtor with a guardian typed whose age cannot be read: no birth date, and no
ID number that encodes one (a passport, or none given).

What the letter says turns on the age (民法典 art. 17: under eighteen a minor):

- A minor's guardian is the parents (art. 27) and, as guardian, the legal representative
  (art. 23): the letter goes to them, and the contract the minor made is void under eight
  (arts. 20, 144) or takes effect only once the representative consents or ratifies
  from eight (arts. 19, 145), which the letter then asks for (``contract_capacity``).
- An adult has full capacity and acts alone (art. 18(1)): only one a court has found
  without or of limited capacity (arts. 21, 22, 24) has a guardian (art. 28), whose duty
  is to act for the ward (art. 34(1)); the letter names that finding (``letter_finding``).

So the letter cannot be written for a debtor typed of full capacity with a guardian and no
age: read as an adult (as the age rules read an unknown age), it would go to a third
party who is nobody's legal representative and tell them of the debt, or would demand
payment under a minor's contract as if it bound. It is refused, asking for the birth date
or the ID number (:func:`check_ward_age`), and the general warning that the guardian's
need is unconfirmed (``guardian_rules``, ``guardian_capacity_unknown``) is not given beside
it.

A debtor typed without or of limited capacity is read as an adult the court has found so
(art. 24), and the finding is required (``letter_finding``); without the age the letter
cannot tell whether the contract was made as a minor, whose effect the age alone decides
(arts. 19, 20, 145): a warning.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.guardian_rules import CAPACITY_LABELS, CIVIL_CODE, age_on
from docgen.documents.problems import Assessment
from docgen.domain.parties import Person

__all__ = ["check_ward_age", "ward_age_unknown"]

AT = ("debtor", "birth_date")


def ward_age_unknown(case: Any) -> bool:
    """The debtor is a person with a guardian typed and neither a birth date nor an ID
    number the age can be read from."""
    debtor = case.debtor
    return (
        isinstance(debtor, Person)
        and debtor.guardian is not None
        and age_on(debtor, case.letter_date) is None
    )


def _unread(debtor: Person) -> str:
    """「未填写出生日期，也未填写证件号码」 or 「未填写出生日期，其护照号码不含出生日期」."""
    if not debtor.id_number:
        return "未填写出生日期，也未填写证件号码"
    return f"未填写出生日期，其{debtor.id_type or '证件'}号码也不能读出出生日期"


def check_ward_age(result: Assessment, case: Any) -> None:
    """Refuse a letter to the guardian of a debtor of full capacity as typed whose age is
    unknown; warn one typed without full capacity (read as an adult found so)."""
    if not ward_age_unknown(case):
        return
    debtor: Person = case.debtor
    guardian = debtor.guardian.name if debtor.guardian is not None else ""
    head = f"债务人{debtor.name}填写了法定代理人{guardian}，但{_unread(debtor)}"
    if debtor.capacity in CAPACITY_LABELS:
        article = "第二十一条" if debtor.capacity == "none" else "第二十二条"
        result.warn(
            AT,
            "ward_age_unknown",
            f"{head}：函件按成年人经人民法院认定为{CAPACITY_LABELS[debtor.capacity]}出具"
            f"（{CIVIL_CODE}{article}、第二十四条），并按其签约时已成年认定合同的效力。签约时为"
            "未成年人的，不满八周岁所签合同无效（第二十条、第一百四十四条），八周岁以上所签合同经"
            "法定代理人同意或者追认后才有效（第十九条、第一百四十五条），与函件所述不同",
            hint="请填写出生日期或居民身份证号码",
        )
        return
    result.error(
        AT,
        "ward_age_unknown",
        f"{head}，「民事行为能力」为完全民事行为能力，函件无从确定其是否有法定代理人："
        f"未成年人（不满十八周岁，{CIVIL_CODE}第十七条）的监护人为其父母（第二十七条），是其法定"
        "代理人（第二十三条），其签订的合同不满八周岁的无效、八周岁以上的须经法定代理人同意或者"
        "追认（第十九条、第二十条、第一百四十四条、第一百四十五条）；成年人为完全民事行为能力人，"
        "独立实施民事法律行为（第十八条第一款），经人民法院认定为无民事行为能力人或者限制民事"
        "行为能力人的（第二十一条、第二十二条、第二十四条），才由监护人（第二十八条）代理其实施"
        "民事法律行为（第三十四条第一款）。按成年人出具，函件将向并非法定代理人的第三人披露债务；"
        "按未成年人出具，须依其签约时的年龄写明合同的效力",
        hint="请填写出生日期或居民身份证号码；债务人为成年人、经人民法院认定为无或者限制民事"
        "行为能力人的，请在「民事行为能力」中选择，并填写「民事行为能力的认定」；为完全民事"
        "行为能力人的，请删除法定代理人",
    )
