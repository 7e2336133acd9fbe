"""What a letter says of a contract its debtor made without full capacity.

- Made as a minor of eight or more (民法典 art. 19), the contract takes effect only once
  the legal representative consents or ratifies (art. 145(1)); the creditor may call on
  the representative to ratify within thirty days of receiving the notice, and silence is
  refusal (art. 145(2)). A letter to the guardian makes that call, and its receipt, signed
  by the guardian for the ward, ratifies the contract. Once refused, the contract never
  takes effect and what the ward obtained under it is returned (art. 157).
- Made under eight, the contract is void (arts. 20, 144) and binds no one from the start
  (art. 155): the letter asks for what the debtor obtained under it (art. 157), and
  interest or a penalty agreed in it cannot be demanded.
- An adult typed as of limited or no capacity: the case does not say whether the contract
  predates the loss of capacity, on which its validity turns (arts. 144, 145), so the
  letter, which treats the contract as binding, is made with a warning.
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
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Party, Person

__all__ = [
    "VOID_BASIS",
    "check_contract_capacity",
    "contract_void",
    "ratification_of",
    "ratification_request",
    "void_facts",
    "ward_ratifies",
]

_VOID_LABELS = {"interest": "利息", "penalty": "违约金"}

VOID_BASIS = (
    "无民事行为能力人实施的民事法律行为无效；无效的民事法律行为自始没有法律约束力；民事法律"
    "行为无效后，行为人因该行为取得的财产，应当予以返还，不能返还或者没有必要返还的，应当折价"
    "补偿，有过错的一方应当赔偿对方由此所受到的损失（"
    f"{CIVIL_CODE}第一百四十四条、第一百五十五条、第一百五十七条）。"
)
"""The lawyer letter's legal analysis for a void contract, instead of its binding force."""


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


def ratification_request(case: Any, you: str, asker: str, claimant: str) -> str:
    """The call on the guardian to ratify (art. 145(2)), in the letter to the ward; empty
    unless :func:`ward_ratifies`. ``asker`` makes the call (我方, 本所受委托人委托) and
    ``claimant`` claims restitution if it is refused (我方, 委托人)."""
    debtor, contract = case.debtor, case.contract
    if case.recipient_role != "debtor" or not ward_ratifies(debtor, contract.signed_on):
        return ""
    age = age_on(debtor, contract.signed_on)
    return (
        f"{you}于{format_cn(contract.signed_on)}{made_verb(contract.name)}上述《{contract.name}》时为{age}周岁的"
        f"未成年人，属于限制民事行为能力人，该合同经法定代理人同意或者追认后有效（{CIVIL_CODE}"
        f"第十九条、第一百四十五条第一款）。现依照{CIVIL_CODE}第一百四十五条第二款，{asker}"
        f"催告{you}的法定代理人{debtor.guardian.name}自收到本函之日起三十日内对上述合同予以"
        "追认；法定代理人未作表示的，视为拒绝追认。合同因未获追认而确定不发生效力的，"
        f"{claimant}将依法要求返还{you}因该合同取得的财产（第一百五十七条）。"
    )


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
    elif debtor.capacity in CAPACITY_LABELS and not is_minor(debtor, signed):
        result.warn(
            ("debtor", "capacity"),
            "capacity_at_contract_unknown",
            f"债务人{debtor.name}为{CAPACITY_LABELS[debtor.capacity]}，但未能确认其"
            f"{format_cn(signed)}签订《{contract.name}》时的民事行为能力：签约时已为无民事"
            f"行为能力人的，合同无效（{CIVIL_CODE}第一百四十四条）；为限制民事行为能力人的，"
            "经法定代理人同意或者追认后有效（第一百四十五条）。函件按合同有效表述",
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
