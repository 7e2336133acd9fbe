"""A loan contract pleaded as fitting the age and intelligence of the minor who made it
(``contract_assent`` 「与其年龄、智力相适应」).

A minor of eight or more may make alone a contract fitting their age and intelligence,
and it is valid without the legal representative's consent (民法典 arts. 19, 145(1)).
Whether a contract fits is for the court, which looks at how the act relates to the
minor's daily life, whether the minor could understand it and foresee its consequences,
and its subject and sum; a loan the minor must repay with interest rarely fits, the
larger the less. So the plea is printed as the plaintiff's (「该合同系与其年龄、智力相适应的
民事法律行为，依法有效」) and warned with the principal claimed: should the court not find
it, the contract needed consent or ratification (art. 145(1)) and without it only the
claims of art. 157 remain.

The exception is the minor's (art. 19); an adult of limited capacity has its own, fitting
their intellect and mental health (art. 22), which a finding of the court decides and
this choice does not plead. Chosen for a defendant who was not a minor of eight or more
when signing, it is an error."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.contract_capacity import RESTITUTION
from docgen.documents.guardian_rules import CIVIL_CODE, age_on
from docgen.documents.problems import Assessment
from docgen.domain.money import legal_amount
from docgen.domain.parties import Party, Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

ARTICLES = f"{CIVIL_CODE}第十九条、第一百四十五条第一款"


def _principal(case: CivilComplaint) -> Decimal:
    return sum(
        (c.amount or Decimal(0) for c in case.amounts.components if c.kind == "principal"),
        Decimal(0),
    )


def warn_age_appropriate(result: Assessment, case: CivilComplaint, i: int, person: Person) -> None:
    """The plea is the court's to accept: warned, with the principal claimed."""
    contract = case.contract
    principal = _principal(case)
    sum_words = f"本案请求偿还的借款本金为{legal_amount(principal)}，" if principal else ""
    result.warn(
        ("defendants", i, "contract_assent"),
        "minor_contract_age_appropriate",
        f"被告{person.name}签订《{contract.name}》时为{age_on(person, contract.signed_on)}周岁的"
        "未成年人：起诉状将写明该合同系与其年龄、智力相适应的民事法律行为，无需法定代理人同意"
        f"即有效（{ARTICLES}）。是否相适应由人民法院结合借款与其日常生活的关联程度、其能否理解"
        f"该行为并预见后果以及借款数额等认定；{sum_words}数额较大的借款通常难以认定为与未成年人的"
        "年龄、智力相适应。不被认定的，该合同经法定代理人同意或者追认后才有效，未经同意或者追认"
        f"的，{RESTITUTION}",
        hint="法定代理人已同意或者追认的，请改选「经法定代理人同意」或「经法定代理人追认」并填写"
        "日期和方式；被告年满十八周岁后已自行追认的，请填写「成年后本人追认」，并在证据中列明",
    )


def not_a_minor_then(result: Assessment, case: CivilComplaint, i: int, party: Party) -> None:
    """The choice made for a defendant who was not a minor of eight or more when signing
    (an organisation, an adult, one deemed capable, one of unknown age)."""
    signed = case.contract.signed_on
    age = age_on(party, signed) if isinstance(party, Person) else None
    if age is None:
        status = "未能确认其签约时的年龄" if isinstance(party, Person) else "为法人或者非法人组织"
    else:
        status = f"签约时已满{age}周岁"
    result.error(
        ("defendants", i, "contract_assent"),
        "age_appropriate_not_minor",
        f"被告{party.name}{status}：「与其年龄、智力相适应」只适用于签约时为八周岁以上的未成年人"
        f"（{ARTICLES}）",
        hint="请删除该选项；被告签约时为未成年人的，请填写其出生日期或证件号码",
    )
