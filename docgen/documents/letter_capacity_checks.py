"""The checks on a letter's contract as the debtor's capacity leaves it
(``letter_capacity.contract_status``): a void contract's interest, penalty or guarantee
demanded (errors), a minor's contract no guardian is asked to ratify and an adult's
capacity on the day of contracting unknown (warnings)."""

from __future__ import annotations

from typing import Any

from docgen.documents.guardian_rules import (
    CAPACITY_LABELS,
    CIVIL_CODE,
    GUARDIAN_HINT,
    age_on,
    is_minor,
)
from docgen.documents.letter_capacity import contract_status, void_reason_of
from docgen.documents.letter_finding import adult_finding
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

__all__ = ["check_contract_capacity"]

GUARANTEE_INTERPRETATION = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"

_VOID_LABELS = {"interest": "利息", "penalty": "违约金"}


def check_contract_capacity(result: Assessment, case: Any) -> None:
    """A void contract's interest or penalty demanded (error); a minor's contract with
    no guardian to ratify it, an adult's capacity on the day of contracting unknown
    (warnings)."""
    debtor = case.debtor
    if not isinstance(debtor, Person):
        return
    status = contract_status(case)
    if status == "void":
        _void_claims(result, case, debtor)
        _void_guarantees(result, case, debtor)
    elif status == "unasked":
        _warn_unasked(result, case, debtor)
    elif status == "if_capable":
        _warn_capacity_unknown(result, case, debtor)
    elif status == "binding" and adult_finding(case) == "after":
        _warn_found_after(result, case, debtor)


def _warn_found_after(result: Assessment, case: Any, debtor: Person) -> None:
    """An adult the court found without full capacity only after the contract, with nothing
    stated of the capacity when signing (``incapacity_at_signing``): the finding says what
    the capacity is from then on (民法典 art. 24), so the letter demands payment as under a
    binding contract and says nothing of capacity (``letter_found_later``). Said to the
    operator, since the answer may be otherwise: an adult who already could not recognise
    their acts when signing made a void contract (arts. 21(1), 144), one who could not
    fully recognise them a contract that takes effect only once the legal representative
    ratifies it (arts. 22, 145). The first the letter can state (``incapacity_at_signing``,
    for a debtor typed ``none``); the second it cannot (the field is refused for a debtor
    typed ``limited``), so the operator is told to check before sending."""
    contract, label = case.contract, CAPACITY_LABELS[debtor.capacity]
    hint = "请核实其签约时的民事行为能力"
    if debtor.capacity == "none":
        hint += (
            "；有证据（如载明病发时间的司法鉴定意见书）证明其签约时已不能辨认自己的行为的，请填写"
            "「签约时已不能辨认自己行为的依据」，函件将写明合同无效并要求返还"
        )
    hint += "；证明其签约时已不能完全辨认自己的行为的，本函不宜按合同有效发出，请另行处理"
    result.warn(
        ("capacity_found_on",),
        "capacity_found_after_contract",
        f"债务人{debtor.name}于{format_cn(case.capacity_found_on)}经人民法院认定为{label}，"
        f"晚于签订《{contract.name}》（{format_cn(contract.signed_on)}）：该认定说明其此后的"
        f"民事行为能力（{CIVIL_CODE}第二十四条），不能说明签约时的民事行为能力，函件按合同有效"
        "要求付款，不提及民事行为能力。但其签约时已不能辨认自己的行为的，合同无效（第二十一条"
        "第一款、第一百四十四条）；签约时已不能完全辨认自己的行为的，合同经法定代理人同意或者"
        "追认后才有效（第二十二条、第一百四十五条第一款）",
        hint=hint,
    )


def _warn_capacity_unknown(result: Assessment, case: Any, debtor: Person) -> None:
    """An adult typed as without full capacity whose capacity on the day of contracting is
    not known: no finding's day, or a finding on that very day (``if_capable``)."""
    contract, label = case.contract, CAPACITY_LABELS[debtor.capacity]
    same = adult_finding(case) == "same"
    unratified = "、合同未获追认" if debtor.capacity == "limited" else ""
    found = "（人民法院的认定与签约为同一日，先后无法确定）" if same else ""
    guarantor = (
        "；致保证人的函件写明保证合同随之无效或者不发生效力，有过错的保证人承担相应的民事责任"
        "（第六百八十二条）"
        if case.guarantors
        else ""
    )
    hint = (
        "请核实其签约时的民事行为能力"
        if same
        else "请核实人民法院认定其为无、限制民事行为能力人的日期（民法典第二十四条），填写"
        "「民事行为能力认定日期」：早于签约的，函件按合同无效或者效力待定（催告法定代理人"
        "追认）出具；晚于签约的，该认定不能说明签约时的民事行为能力，函件按合同有效出具，"
        "不再提及民事行为能力"
    )
    if debtor.capacity == "none":
        hint += (
            "；有证据证明其签约时已不能辨认自己的行为的，请填写「签约时已不能辨认自己行为的"
            "依据」，函件将写明合同无效"
        )
    else:
        hint += "；合同已经法定代理人同意或者追认的，请在「法定代理人同意或追认」中填写"
    result.warn(
        ("debtor", "capacity"),
        "capacity_at_contract_unknown",
        f"债务人{debtor.name}为{label}，但未能确认其{format_cn(contract.signed_on)}签订"
        f"《{contract.name}》时的民事行为能力{found}：签约时已为无民事行为能力人的，合同无效"
        f"（{CIVIL_CODE}第一百四十四条）；为限制民事行为能力人的，经法定代理人同意或者追认后"
        f"有效（第一百四十五条）。函件按合同有效要求付款，并写明签约时已为{label}{unratified}"
        "的，将依法"
        f"要求返还其因合同取得的财产（第一百五十七条）{guarantor}",
        hint=hint,
    )


def _warn_unasked(result: Assessment, case: Any, debtor: Person) -> None:
    """A minor's contract that no guardian is asked to ratify (:func:`ratification_unasked`):
    the letter cannot make the call of art. 145(2), so it demands payment only if the
    contract is valid and names restitution if ratification is refused (art. 157). Said
    at the guardian; for a minor now the letter is refused there instead
    (``guardian_rules``: it goes through the guardian, who is then asked)."""
    contract = case.contract
    if is_minor(debtor, case.letter_date):
        return
    age = age_on(debtor, contract.signed_on)
    result.warn(
        ("debtor", "guardian"),
        "ratification_not_asked",
        f"债务人{debtor.name}签订《{contract.name}》时为{age}周岁的未成年人，属于限制民事"
        "行为能力人：该合同除纯获利益或者与其年龄、智力相适应的以外，经法定代理人同意或者"
        f"追认后有效，此前效力待定（{CIVIL_CODE}第十九条、第一百四十五条第一款）。未填写法定"
        "代理人，本函不能催告法定代理人追认（第一百四十五条第二款），因此不主张该合同已经生效"
        f"的债务：函件写明「上述《{contract.name}》有效的」才要求付款，并写明经拒绝追认而确定"
        "不发生效力的，将要求返还其因该合同取得的财产（第一百五十七条）",
        hint=f"{GUARDIAN_HINT}：函件将催告其自收到之日起三十日内追认，并以追认为付款条件",
    )


def _without_capacity(case: Any) -> tuple[str, str]:
    """Why the debtor was without capacity when contracting, ending 「为无民事行为能力人」
    (「为14周岁的未成年人，不能辨认自己的行为，为无民事行为能力人」; for an adult the court
    found so, 「已于…经…民事判决认定为无民事行为能力人」), and the article."""
    what, article = void_reason_of(case)
    return what + ("" if what.endswith("认定") else "，") + "为无民事行为能力人", article


def _void_claims(result: Assessment, case: Any, debtor: Person) -> None:
    what, article = _without_capacity(case)
    for i, component in enumerate(case.amounts.components):
        label = _VOID_LABELS.get(component.kind)
        if label is None:
            continue
        result.error(
            ("amounts", "components", i, "kind"),
            "void_contract_claim",
            f"债务人{debtor.name}签订《{case.contract.name}》时{what}，"
            f"合同无效，自始没有法律约束力（{CIVIL_CODE}{article}、第一百四十四条、第一百五十五条）："
            f"不得按合同约定主张{label}；"
            "可要求返还其因合同取得的财产，有过错的一方赔偿对方的损失（第一百五十七条）",
            hint="请删除该项；主张资金占用损失的，请选择项目类型“其他”并写明计算依据",
        )


def _void_guarantees(result: Assessment, case: Any, debtor: Person) -> None:
    """A guarantor of a void main contract owes no 保证责任 (民法典 art. 682(1)); its liability
    for fault is at most a third of what the debtor cannot pay, none without fault (art.
    682(2); 法释〔2020〕28号 art. 17(2)): not a sum a letter can demand by a deadline."""
    what, article = _without_capacity(case)
    for i, guarantor in enumerate(case.guarantors):
        result.error(
            ("guarantors", i),
            "guarantee_of_void_contract",
            f"债务人{debtor.name}签订《{case.contract.name}》时{what}，该合同"
            f"无效（{CIVIL_CODE}{article}、第一百四十四条）；主债权债务合同无效的，保证合同无效"
            "（第六百八十二条第一款），不得"
            f"向保证人{guarantor.name}发函要求其承担保证责任。保证人无过错的，不承担赔偿责任；有过错"
            "的，其赔偿责任不超过债务人不能清偿部分的三分之一（第六百八十二条第二款；"
            f"{GUARANTEE_INTERPRETATION}第十七条第二款）",
            hint="请删除该保证人，本函只向债务人要求返还财产；保证人的过错赔偿责任须待确定债务人"
            "不能清偿的部分，请另行主张",
        )
