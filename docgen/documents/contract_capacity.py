"""A complaint's contract made by a defendant already found without full capacity: the
court's finding (``capacity_found_on``) dated before the contract was signed.

- 无民事行为能力: an adult who cannot recognise their acts acts through the legal
  representative (民法典 art. 21); what they do themselves is void (art. 144), and no
  consent or ratification cures it. Unless the guardian made the contract for them
  (``contract_assent`` 「由法定代理人代理订立」), the claim to perform it (to repay the loan
  with its interest and 违约金) has no ground: an error.
- 限制民事行为能力: acts through the legal representative or with its consent or
  ratification (art. 22); a contract beyond what fits their intellect and mental health is
  valid once consented to or ratified (art. 145(1)), pending until then; the other party
  may call on the representative to ratify within thirty days, silence is a refusal
  (art. 145(2)). Whether a loan fits the person is for the court, so unless the case states
  the consent or ratification it is a warning.
- The contract binding so, the complaint's legal basis cites the articles it binds by
  (``assent_articles``): arts. 21 or 22 (who acts for the person), art. 23 (the guardian
  is the 法定代理人) and, for a limited-capacity person's own contract consented to or
  ratified, art. 145 (valid once so).
- Either way a contract void or never effective leaves the claims of art. 157 — the
  property obtained returned, or its value made good, and the loss made good by the party
  at fault — which the message names as the basis to plead instead. A finding on the day of
  signing leaves the order unknown: a warning. A finding after the contract says nothing of
  the capacity when signing (the contract stands unless shown otherwise): nothing is said.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Literal

from docgen.documents.guardian_rules import CAPACITY_LABELS, is_minor
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant

CODE = "《中华人民共和国民法典》"
RESTITUTION = (
    "被告因该合同取得的财产应当予以返还，不能返还或者没有必要"
    "返还的，应当折价补偿，有过错的一方应当赔偿对方由此所受到的损失（第一百五十七条）"
)
ASSENT_HINT = "请在「法定代理人对借款合同的代理、同意或追认」中选择"


def adult_wards(case: CivilComplaint) -> Iterator[tuple[int, Defendant, Person]]:
    """Each defendant typed as an adult without full capacity (not a minor on filing)."""
    for i, defendant in enumerate(case.defendants):
        party = defendant.party
        if (
            isinstance(party, Person)
            and party.capacity in CAPACITY_LABELS
            and not is_minor(party, case.filing_date)
        ):
            yield i, defendant, party


def finding_order(found: date | None, signed: date) -> Literal["before", "same", "after"] | None:
    """Where the court's finding of an adult's capacity (民法典 art. 24) stands to the
    contract: ``before`` (the contract made by a person already found so), ``same`` (the
    order unknown), ``after`` (it says nothing of the capacity when signing), or None
    (no date given). Read by the complaint and by the letters (``letter_finding``)."""
    if found is None:
        return None
    if found == signed:
        return "same"
    return "before" if found < signed else "after"


def _binds(person: Person, defendant: Defendant) -> bool:
    """The contract binds despite the finding: the guardian made it, or (limited
    capacity only) consented to or ratified it (arts. 21, 22, 145(1))."""
    assent = defendant.contract_assent
    return assent == "represented" or (
        person.capacity == "limited" and assent in ("consent", "ratification")
    )


def check_found_before_contract(result: Assessment, case: CivilComplaint) -> None:
    """Error or warn, on ``capacity_found_on``, where the finding predates the contract."""
    contract = case.contract
    for i, defendant, person in adult_wards(case):
        found = defendant.capacity_found_on
        order = finding_order(found, contract.signed_on)
        if found is None or order == "after" or _binds(person, defendant):
            continue
        if order == "same" and person.capacity == "none" and _read_later(case, defendant, person):
            continue
        same = order == "same"
        when = (
            f"于{format_cn(found)}即《{contract.name}》签订当日经人民法院认定为"
            f"{CAPACITY_LABELS[person.capacity]}，无法确定认定与签约的先后；认定在先的，"
            if same
            else f"于{format_cn(found)}经人民法院认定为{CAPACITY_LABELS[person.capacity]}，"
            f"早于《{contract.name}》的签订日期（{format_cn(contract.signed_on)}）："
        )
        guarantors = any(d.role == "guarantor" for d in case.defendants)
        accessory = (
            "；主债权债务合同无效的，保证合同无效（第六百八十二条第一款）" if guarantors else ""
        )
        if person.capacity == "none":
            cured = (
                "，法定代理人的同意或者追认不能使其有效"
                if defendant.contract_assent is not None
                else ""
            )
            law = (
                f"无民事行为能力人由其法定代理人代理实施民事法律行为（{CODE}第二十一条），"
                f"其自己实施的民事法律行为无效（第一百四十四条）{cured}"
            )
            hint = f"合同由法定代理人代理订立的，{ASSENT_HINT}「由法定代理人代理订立」"
            ground = "缺乏依据；合同无效的"
        else:
            law = (
                f"限制民事行为能力人实施民事法律行为由其法定代理人代理或者经其法定代理人同意、"
                f"追认（{CODE}第二十二条），与其智力、精神健康状况不相适应的，经法定代理人同意"
                "或者追认后有效；相对人可以催告法定代理人自收到通知之日起三十日内予以追认，"
                "法定代理人未作表示的，视为拒绝追认（第一百四十五条）。案件未写明法定代理人代理、"
                "同意或者追认"
            )
            hint = f"法定代理人已代理、同意或者追认的，{ASSENT_HINT}，并在证据中列明"
            ground = "依据存疑；追认被拒绝、合同确定不发生效力的"
        message = (
            f"被告{person.name}{when}{law}，起诉状请求履行该合同（偿还借款、支付利息和违约金）"
            f"{ground}，{RESTITUTION}{accessory}"
        )
        hint += "；否则请改按第一百五十七条请求返还借款、赔偿损失，或核对认定日期"
        loc = ("defendants", i, "capacity_found_on")
        code = "contract_after_incapacity_finding"
        if person.capacity == "none" and not same:
            result.error(loc, code, message, hint=hint)
        else:
            result.warn(loc, code, message, hint=hint)


def _read_later(case: CivilComplaint, defendant: Defendant, person: Person) -> bool:
    """A finding on the day of the contract that the complaint reads as later
    (``complaint_found_later``): a minor when signing, whose contract the minor's rules
    decide, or an adult with what shows the capacity lacking then (void, an error there)."""
    return is_minor(person, case.contract.signed_on) or defendant.incapacity_at_signing is not None


def assent_articles(case: CivilComplaint) -> list[str]:
    """The articles of 民法典 a contract binding a defendant found without full capacity
    before signing rests on: 无民事行为能力 art. 21, 限制民事行为能力 art. 22 (由其法定代理人
    代理或者经其法定代理人同意、追认), the guardian as 法定代理人 art. 23, and a limited-
    capacity person's own contract consented to or ratified art. 145 (经法定代理人同意或者
    追认后有效). None where no finding predates the contract."""
    articles: list[str] = []
    for _i, defendant, person in adult_wards(case):
        found = defendant.capacity_found_on
        if found is None or found > case.contract.signed_on or not _binds(person, defendant):
            continue
        articles.append("第二十一条" if person.capacity == "none" else "第二十二条")
        articles.append("第二十三条")
        if person.capacity == "limited" and defendant.contract_assent != "represented":
            articles.append("第一百四十五条")
    return list(dict.fromkeys(articles))


def assent_words(case: CivilComplaint, defendant: Defendant, person: Person) -> str:
    """「《借款合同》由其法定代理人王丽代理订立。」: why the contract binds a defendant found
    without full capacity before signing it ("" when the finding is later, or none given)."""
    order = finding_order(defendant.capacity_found_on, case.contract.signed_on)
    if order in (None, "after") or not _binds(person, defendant):
        return ""
    guardian = person.guardian.name if person.guardian else ""
    contract = f"《{case.contract.name}》"
    return {
        "represented": f"{contract}由其法定代理人{guardian}代理订立。",
        "consent": f"其订立{contract}经其法定代理人{guardian}同意。",
        "ratification": f"其订立的{contract}已经其法定代理人{guardian}追认。",
    }[defendant.contract_assent or "represented"]
