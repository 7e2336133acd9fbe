"""二、法律分析 of the lawyer letter: the articles its demand rests on, stated as the contract's
status allows (``letter_capacity.contract_status``), each sentence followed by the
articles it paraphrases.

- A contract in force: 「依法成立的合同，对当事人具有法律约束力」 is 民法典 art. 119 (and
  art. 465(2): 依法成立的合同，仅对当事人具有法律约束力), 「当事人应当按照约定全面履行自己的
  义务」 art. 509(1); a party who does not perform bears liability for breach, continued
  performance or damages among it (art. 577). A borrower repays by the agreed term and,
  late, pays overdue interest as agreed or as the State provides (arts. 675, 676); a buyer
  pays the price in the agreed amount and manner (art. 626).
- Awaiting the guardian's ratification (made as a minor of eight or more): a person of
  limited capacity acts through or with the consent or ratification of the legal
  representative, except for acts purely to its benefit or fitting its age and
  intelligence (art. 19), and such an act takes effect once consented to or ratified
  (art. 145(1)). While the guardian is asked (``pending``) the contract is said to await
  ratification, its effect pending (效力待定), with how the call works (art. 145(2)): the
  call itself comes in 三, so nothing here may read as if it were answered already. The
  contract binds once ratified; refused, it never takes effect and what was obtained
  under it is returned or compensated at its value (art. 157). With no guardian asked to
  ratify (``unasked``), the same rule, and the contract binds if valid.
- Consented to or ratified by the legal representative (art. 145(1)): the rule of art. 19
  (a minor of eight or more) or art. 22 (an adult of limited capacity), then the
  contract's binding force, as consented to or ratified. Ratified by the debtor himself
  once of full age: the rule of art. 19, that of art. 18(1) (an adult acts alone), then
  the binding force, as so ratified.
- Made under eight, or as a minor of eight or more who cannot recognise their acts: void
  (arts. 20 or 21, 144), without binding force from the start (art. 155), what was
  obtained returned (art. 157).
- An adult whose capacity on the day of contracting the case does not tell: binding,
  unless the debtor was already unable to recognise its acts (no capacity: void, arts.
  21, 144) or not fully able to (limited capacity: effective only once ratified, arts.
  22, 145(1)); then what was obtained is returned (art. 157).

The restitution is the debtor's to make: a guarantor's copy states instead what follows
for the guarantee, the accessory of the main contract, falling with it, and fault
answered for (art. 682). Texts checked as docs/legal-rules.md (Guardians) says.

In a copy addressed to the guardian the analysis ends with the guardian's part, on which
三 asks it to pay from the ward's property for the ward (:func:`guardian_analysis`).
"""

from __future__ import annotations

from typing import Any

from docgen.documents.guardian_rules import CIVIL_CODE, is_minor
from docgen.documents.letter_address import guardian_addressed
from docgen.documents.letter_capacity import (
    assent_effective,
    capacity_unknown,
    contract_status,
    void_reason_of,
)
from docgen.documents.letter_finding import found_limited, minor_open
from docgen.documents.letter_self_ratification import self_asked_analysis
from docgen.documents.part_models import ASSENT_WORDS

__all__ = ["guardian_analysis", "legal_analysis", "matter"]

_GUARDIAN = (
    "监护人是被监护人的法定代理人（第二十三条）。监护人的职责是"
    "代理被监护人实施民事法律行为，保护被监护人的人身权利、财产权利以及其他合法权益等（第三十四条"
    "第一款）；监护人应当按照最有利于被监护人的原则履行监护职责，除为维护被监护人利益外，不得处分"
    "被监护人的财产（第三十五条第一款）。"
)
"""The guardian's part: it acts for the ward and keeps the ward's property (民法典 arts. 23,
34(1), 35(1), quoted as docs/legal-rules.md says); the debt is the ward's, the guardian's
payment one from the ward's property in the ward's interest, not of a debt of its own.
Art. 23 is said without the capacities it names: a letter whose contract binds whatever
the ward's capacity says nothing of it (``letter_capacity_finding``)."""

_APPLIED = (
    "以{ward}的财产{act}，可以避免{burden}继续增加，符合最有利于被监护人的原则，属于为维护"
    "被监护人利益而处分其财产。"
)
"""Art. 35(1) applied, not only quoted: paying what the ward owes from the ward's property
stops what delay adds to it, so the guardian who pays acts in the ward's interest; quoted
alone, the article reads as a reason to refuse. Said only where the guardian's act asked
for is that payment (a contract that binds) or the return (a void one)."""

_DECIDES = "是否追认上述《{name}》，由法定代理人按照最有利于被监护人的原则决定。"
"""Art. 35(1) applied to what the guardian is asked while the contract awaits ratification
(效力待定, 民法典 art. 145): to ratify or not, a choice the Code leaves to the legal
representative (art. 145(2)). No disposal of the ward's property is asked yet, and the
interest and penalty that ratification would make owed are not a loss the ward avoids by
it; so the letter does not call paying them a disposal in the ward's interest (until
2026-12 it did: 「以张伟的财产清偿其依法应付的款项，…属于为维护被监护人利益而处分其财产」)."""


def guardian_analysis(case: Any) -> str:
    """:data:`_GUARDIAN` and its application (:data:`_APPLIED`) in a copy addressed to the
    guardian; else nothing. What delay adds is named as the letter claims it: interest and
    a penalty under a binding contract (a penalty only when claimed), only the costs of
    suit for a void one, which bears neither (arts. 155, 157). While the guardian is asked
    to ratify (``pending``), the decision instead (:data:`_DECIDES`)."""
    if guardian_addressed(case) is None:
        return ""
    ward, status = case.debtor.name, contract_status(case)
    if status == "pending":
        return _GUARDIAN + _DECIDES.format(name=case.contract.name)
    if status == "void":
        act, burden = "返还其因该合同取得的财产", "诉讼费用等支出"
    else:
        kinds = {component.kind for component in case.amounts.components}
        penalty = "、违约金" if "penalty" in kinds else ""
        loan = case.contract.kind in _DUTIES and case.contract.kind != "sale"
        late = "逾期利息" if loan or "interest" in kinds else "逾期付款损失"
        act, burden = "清偿其到期债务", f"{late}{penalty}及诉讼费用等"
    return _GUARDIAN + _APPLIED.format(ward=ward, act=act, burden=burden)


_LOAN = (
    "借款人应当按照约定的期限返还借款，未按照约定的期限返还借款的，应当按照约定或者国家有关"
    "规定支付逾期利息（第六百七十五条、第六百七十六条）。"
)
_DUTIES = {
    "private_lending": _LOAN,
    "financial_loan": _LOAN,
    "sale": "买受人应当按照约定的数额和支付方式支付价款（第六百二十六条）。",
}
"""What the contract's kind adds to the duty to perform (民法典 arts. 626, 675, 676)."""

_WITHOUT_CAPACITY = {
    "第二十条": "不满八周岁的未成年人为无民事行为能力人",
    "第二十一条第二款": "八周岁以上的未成年人不能辨认自己行为的，为无民事行为能力人",
    "第二十一条第一款": "不能辨认自己行为的成年人为无民事行为能力人",
}
"""Who is without capacity, as the article the contract's voidness rests on says it
(民法典 art. 20; art. 21, whose second paragraph applies the first to a minor)."""


def void_basis(case: Any) -> str:
    """The analysis of a contract made without capacity, instead of its binding force."""
    _, article = void_reason_of(case)
    return (
        f"{_WITHOUT_CAPACITY[article]}；无民事行为能力人实施的民事法律行为无效；无效的"
        "民事法律行为自始没有法律约束力；民事法律行为无效后，行为人因该行为取得的财产，应当予以"
        "返还，不能返还或者没有必要返还的，应当折价补偿，有过错的一方应当赔偿对方由此所受到的损失"
        f"（{CIVIL_CODE}{article}、第一百四十四条、第一百五十五条、第一百五十七条）。"
    )


_PENDING = (
    "八周岁以上的未成年人为限制民事行为能力人，其实施的民事法律行为，除纯获利益或者与其年龄、"
    "智力相适应的以外，经法定代理人同意或者追认后有效"
    f"（{CIVIL_CODE}第十九条、第一百四十五条第一款）。"
)

_AWAITING = (
    "上述《{name}》尚待法定代理人追认，在追认前效力待定；相对人可以催告法定代理人自收到通知之日"
    "起三十日内予以追认，法定代理人未作表示的，视为拒绝追认（第一百四十五条第二款）。"
)
"""What the contract is while the guardian is asked to ratify (民法典 art. 145): awaiting
ratification, not yet binding, and how the call the letter makes works (art. 145(2)); so
that 二 never reads as if the ratification 三 asks for were already given."""

_ADULT = "成年人为完全民事行为能力人，可以独立实施民事法律行为（第十八条第一款）。"
"""Why the debtor, once of full age, may ratify what the representative would have (民法典
art. 18(1); the reading ``letter_capacity.self_ratified`` cites)."""

_LIMITED_ADULT = (
    "不能完全辨认自己行为的成年人为限制民事行为能力人，其实施的民事法律行为，除纯获利益或者与其"
    "智力、精神健康状况相适应的以外，经法定代理人同意或者追认后有效"
    f"（{CIVIL_CODE}第二十二条、第一百四十五条第一款）。"
)

_RESTITUTION = (
    "行为人因该合同取得的财产，应当予以返还；不能返还或者没有必要返还的，应当折价补偿"
    "（第一百五十七条）。"
)

_LACKING = {
    "none": (
        "已为不能辨认自己行为的成年人（无民事行为能力人）的，该合同无效"
        "（第二十一条、第一百四十四条）",
        "合同无效的",
    ),
    "limited": (
        "已为不能完全辨认自己行为的成年人（限制民事行为能力人）的，该合同经其法定代理人同意"
        "或者追认后有效（第二十二条、第一百四十五条第一款）",
        "未获追认而确定不发生效力的",
    ),
}
"""What follows if the adult already lacked capacity when contracting, and when the
contract then gives way to restitution (民法典 arts. 21, 22, 144, 145(1), 157)."""


def _binding(kind: str, contract: str, cited: str) -> str:
    """The contract's binding force and the duty to perform it, then breach (arts. 119,
    465(2), 509(1), 577; by kind, arts. 626, 675, 676); ``cited`` is the code's name when
    these are the first articles the paragraph cites."""
    return (
        f"{contract}，对当事人具有法律约束力，当事人应当按照约定全面履行自己的义务"
        f"（{cited}第一百一十九条、第四百六十五条第二款、第五百零九条第一款）。"
        f"{_DUTIES.get(kind, '')}当事人一方不履行合同义务的，应当承担继续履行、赔偿损失等"
        "违约责任（第五百七十七条）。"
    )


_GUARANTEE_FALLS = (
    "保证合同是主债权债务合同的从合同，随之{effect}；债务人、保证人、债权人有过错的，应当根据"
    "其过错各自承担相应的民事责任（第六百八十二条）。"
)
"""What a guarantor's copy adds where the main contract may not bind: the guarantee falls
with it and fault is answered for (民法典 art. 682)."""


def _fallback(to_debtor: bool, effect: str) -> str:
    """What follows once the contract does not bind: restitution in the debtor's copy
    (art. 157), the guarantee's fall in a guarantor's (art. 682)."""
    return _RESTITUTION if to_debtor else _GUARANTEE_FALLS.format(effect=effect)


_MINOR_VOID = (
    "八周岁以上的未成年人不能辨认自己行为的，为无民事行为能力人，其实施的民事法律行为无效"
    "（第二十一条第二款、第一百四十四条）。"
)


def _open_minor(to_debtor: bool) -> tuple[str, str]:
    """The rule and the fallback of a minor's contract read as awaiting ratification, the
    court having found the minor without capacity only later (``letter_found_later``): in
    the debtor's copy the void branch beside ratification (arts. 19, 21(2), 144, 145), in a
    guarantor's only that the guarantee falls with a contract void or never effective
    (an inability to recognise one's acts is health information, 个人信息保护法 art. 28)."""
    if not to_debtor:
        return _PENDING, "该合同被认定无效或者确定不发生效力的，" + _fallback(
            False, "无效或者不发生效力"
        )
    undone = "该合同未获追认而确定不发生效力，或者因签订时已不能辨认自己的行为而无效的，"
    return _PENDING + _MINOR_VOID, undone + _fallback(True, "")


def legal_analysis(case: Any, debtor: str) -> str:
    """The default 法律分析 for the contract's status; ``debtor`` as the copy calls the
    debtor (您, 贵司, or the name in a guarantor's copy)."""
    status, kind = contract_status(case), case.contract.kind
    to_debtor = case.recipient_role == "debtor"
    if status == "void":
        return void_basis(case)
    name = case.contract.name
    if status == "assented" and not assent_effective(case):
        # the debtor's own ratification once of full age (letter_capacity.self_ratified)
        return _PENDING + _ADULT + _binding(kind, f"上述《{name}》已经{debtor}在成年后自行追认", "")
    minor = status != "binding" and is_minor(case.debtor, case.contract.signed_on)
    if status in ("assented", "if_capable") and not minor and not to_debtor:
        # an adult's capacity is health information (个人信息保护法 art. 28): the
        # guarantor's copy states the contract's force, its 三 the consequence only
        return _binding(kind, "依法成立的合同", CIVIL_CODE)
    if status == "assented":
        given = ASSENT_WORDS[case.guardian_assent.kind]
        return (_PENDING if minor else _LIMITED_ADULT) + _binding(
            kind, f"上述《{name}》已经法定代理人{given}", ""
        )
    if status == "pending":
        ratified = _binding(kind, "该合同获追认后", "")
        undone = "该合同未获追认而确定不发生效力的，" + _fallback(to_debtor, "不发生效力")
        rule = _LIMITED_ADULT if found_limited(case) else _PENDING
        if minor_open(case):  # found without capacity only later (letter_found_later)
            rule, undone = _open_minor(to_debtor)
        if found_limited(case) and not to_debtor:
            # an adult's capacity is not told to the guarantor (个人信息保护法 art. 28)
            return _binding(kind, "依法成立的合同", CIVIL_CODE)
        return rule + _AWAITING.format(name=name) + ratified + undone
    if status == "self_asked":
        undone = "该合同未获追认而确定不发生效力的，" + _fallback(to_debtor, "不发生效力")
        return (
            _PENDING + self_asked_analysis(debtor) + _binding(kind, "该合同获追认后", "") + undone
        )
    if status == "unasked":
        valid = _binding(kind, f"上述《{name}》有效的", "")
        undone = "上述合同经法定代理人拒绝追认而确定不发生效力的，"
        return _PENDING + valid + undone + _fallback(to_debtor, "不发生效力")
    binding = _binding(kind, "依法成立的合同", CIVIL_CODE)
    capacity = capacity_unknown(case) if status == "if_capable" else None
    if capacity is None:
        return binding
    status_then, undone = _LACKING[capacity]
    lacking = f"但{debtor}签订上述合同时{status_then}"
    effect = "无效" if capacity == "none" else "不发生效力"
    return f"{binding}{lacking}；{undone}，{_fallback(to_debtor, effect)}"


def matter(case: Any, debtor: str) -> str:
    """What the letter is about, as its opening names it: a debt in arrears only where
    the contract binds; otherwise the money the contract concerns."""
    if contract_status(case) in ("binding", "assented"):
        return f"{debtor}拖欠委托人款项"
    return f"委托人与{debtor}之间《{case.contract.name}》所涉款项"
