"""What a letter says of a contract the debtor made as a minor of eight or more and who
is of full age now: ratified by himself (``adult_ratification``), or still to be ratified,
by himself (``letter_capacity.self_asked``).

- The legal representative's statutory agency ended when the debtor came of full capacity
  (民法典 art. 175(1): 被代理人取得或者恢复完全民事行为能力, 法定代理终止): no refusal by a
  representative is spoken of. Art. 145 names only the representative; that the person,
  of full capacity since, ratifies his own earlier act is the reading of 杨代雄's commentary
  on art. 145 (``letter_capacity.self_ratified``). So the letter applies art. 145 by
  analogy and says 参照: it asks the debtor to ratify within thirty days of receipt, his
  silence counted as refusal (参照 art. 145(2)), and on a ratification already made it
  states his majority (art. 18(1)), the day and the form of it, and that the contract
  binds him, never 「依法有效」 under art. 145(1) cited bare.
- The receipt lets him confirm the ratification: 「确认追认本人于…签订的《借款合同》，并
  确认截至…尚欠…」, or one already made, 「确认已于…以…追认本人于…签订的《借款合同》」.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.guardian_rules import CIVIL_CODE, adult_from
from docgen.documents.letter_capacity import assent_effective, ratification_of, self_ratified
from docgen.documents.letter_copies import debtors_letter
from docgen.documents.letter_rules import MINOR_EFFECT as _EFFECT
from docgen.documents.letter_rules import minor_when_contracting as _minor_then
from docgen.domain.dates import format_cn

__all__ = [
    "self_asked_analysis",
    "self_asked_guarantor_facts",
    "self_call",
    "self_ratification_facts",
    "self_receipt",
]


def _of_age(case: Any, debtor: str) -> str:
    """「您于2025年3月1日年满十八周岁，为完全民事行为能力人，可以独立实施民事法律行为」."""
    adult = adult_from(case.debtor)
    day = format_cn(adult) if adult is not None else ""
    return f"{debtor}于{day}年满十八周岁，为完全民事行为能力人，可以独立实施民事法律行为"


def self_ratification_facts(case: Any, debtor: str) -> str:
    """The debtor's own ratification once of full age, with its day and form: 「您于2025年
    1月10日签订上述《借款合同》时为17周岁的未成年人。您于2025年3月1日年满十八周岁，为完全
    民事行为能力人，可以独立实施民事法律行为（…第十八条第一款）；您已于2025年6月3日以书面
    《确认书》追认上述《借款合同》，该合同对您具有法律约束力（参照第一百四十五条第一款）。」;
    the debtor named in a guarantor's copy (「…对其具有…」)."""
    ratification = case.adult_ratification
    binds = "您" if debtor == "您" else "其"
    return (
        f"{_minor_then(case, debtor)}。{_of_age(case, debtor)}（{CIVIL_CODE}第十八条第一款）；"
        f"{debtor}已于{format_cn(ratification.given_on)}以{ratification.form}追认上述"
        f"《{case.contract.name}》，该合同对{binds}具有法律约束力（参照第一百四十五条第一款）。"
    )


def self_call(case: Any, you: str, asker: str, effect: bool = True) -> str:
    """The call on the debtor, of full age now, to ratify within thirty days (参照 art.
    145(2)). With ``effect`` it first says why: the age then and the contract's effect
    (arts. 19, 145(1)), the majority since (art. 18(1)) and the end of the statutory
    agency (art. 175(1)); without, the letter says so elsewhere (the lawyer letter's
    analysis)."""
    call = (
        f"现参照{CIVIL_CODE}第一百四十五条第二款，{asker}催告{you}自收到本函之日起三十日内对"
        f"上述合同是否追认作出表示；{you}未作表示的，视为拒绝追认。"
    )
    if not effect:
        return call
    return (
        f"{_minor_then(case, you)}，属于限制民事行为能力人，{_EFFECT}。{_of_age(case, you)}"
        "（第十八条第一款），法定代理随之终止（第一百七十五条第一项），该合同"
        f"是否追认由{you}本人决定。{call}"
    )


def self_asked_guarantor_facts(case: Any, debtor: str, asker: str) -> str:
    """A guarantor's copy: the contract awaits the debtor's own ratification, asked for in
    his letter of the same date (参照 art. 145(2))."""
    return (
        f"{_minor_then(case, debtor)}，{_EFFECT}；{_of_age(case, debtor)}（第十八条第一款），"
        f"法定代理随之终止（第一百七十五条第一项），{asker}已于{format_cn(case.letter_date)}"
        f"{debtors_letter(case)}催告{debtor}本人自收到催告之日起三十日内对该合同是否追认作出表示（参照第一百四十五条"
        "第二款）。"
    )


def self_asked_analysis(debtor: str) -> str:
    """The lawyer letter's analysis once the rule of arts. 19 and 145(1) is stated: the
    debtor is of full age, the statutory agency has ended, the contract awaits his own
    ratification and the call works as art. 145(2) does, by analogy."""
    return (
        "成年人为完全民事行为能力人，可以独立实施民事法律行为（第十八条第一款）；被代理人取得"
        "完全民事行为能力的，法定代理终止（第一百七十五条第一项）。"
        f"{debtor}现已年满十八周岁，上述合同尚待{debtor}本人追认，在追认前效力待定；相对人可以"
        "参照第一百四十五条第二款催告其自收到通知之日起三十日内予以追认，未作表示的，视为拒绝追认。"
    )


def self_receipt(case: Any, status: str) -> str:
    """What the debtor's receipt confirms before the debt: the ratification it makes
    (``self_asked``), or the one already made (``assented`` by ``adult_ratification``);
    else nothing."""
    contract = case.contract
    ratification = ratification_of("本人", contract.signed_on, contract.name)
    if status == "self_asked":
        return f"确认{ratification}，并"
    if status == "assented" and not assent_effective(case) and self_ratified(case):
        done = case.adult_ratification
        return f"确认已于{format_cn(done.given_on)}以{done.form}{ratification}，并"
    return ""
