"""A debtor typed as without capacity whom the court found so only on the day of the
contract or after it (``capacity_found_on`` not before ``contract.signed_on``).

An act's validity turns on the actor's capacity when acting: made without capacity it is
void (民法典 arts. 21, 144), made with limited capacity it takes effect once the legal
representative consents or ratifies (arts. 19, 22, 145). A court's finding (art. 24;
民事诉讼法 ch. 15 §5) says what the person's capacity is from then on; dated on or after the
day of contracting, it does not show that the capacity was already lacking when signing.
So the letter does not call the contract void on it:

- A minor of eight or more when contracting: the age shows limited capacity at least
  (art. 19). The letter reads the contract as one that takes effect once ratified and
  asks the guardian to ratify (art. 145(2); ``letter_finding.minor_open``), naming the
  finding and its day beside the minor's age, and the other branch with it: had the minor
  already been unable to recognise their acts, the contract is void (arts. 21(2), 144);
  either way what was obtained is returned (art. 157). A guarantor's copy names neither
  the finding nor the inability (health information, 个人信息保护法 art. 28), only that
  the guarantee falls if the contract is void or never takes effect (art. 682).
- An adult: binding when found after, binding unless the capacity was already lacking
  when found on the same day (``letter_capacity.capacity_unknown``), as before.

Only where the case states what shows the capacity already lacking when signing
(``incapacity_at_signing``: e.g. the forensic opinion the judgment rests on, dating the
condition) does the letter call the contract void, printing that ground beside the finding
(``letter_finding.shown_words``); given where the finding itself decides, it is refused.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from docgen.documents.guardian_rules import CIVIL_CODE, under_eight
from docgen.documents.letter_finding import (
    found_later,
    judgment_words,
    minor_open,
)
from docgen.documents.letter_rules import minor_when_contracting
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.parties import Person

__all__ = [
    "check_incapacity_evidence",
    "incapacity_at_signing_field",
    "later_finding_words",
    "minor_void_branch",
]

EVIDENCE = ("incapacity_at_signing",)


def incapacity_at_signing_field(who: str = "债务人", paper: str = "函件") -> Any:
    """``incapacity_at_signing``: what shows the debtor already without capacity when
    signing, where the court found it only on that day or later; the letters' (the
    debtor, 函件) and the complaint's, per defendant (被告, 起诉状)."""
    return Field(
        default=None,
        title="签约时已不能辨认自己行为的依据",
        description=f"人民法院认定{who}为无民事行为能力人的日期与签约同日或者晚于签约的，该认定不能"
        f"说明其签约时已不能辨认自己的行为（民法典第二十一条、第一百四十四条），{paper}不据此主张合同"
        "无效。有证据证明其签约时已不能辨认的，写明该证据及其内容，如「北京华正司法鉴定中心（2025）"
        f"华正精鉴字第88号司法鉴定意见书载明张伟自2023年起不能辨认自己的行为」：{paper}据此写明合同无效",
        json_schema_extra=ADVANCED,
    )


def later_finding_words(case: Any, debtor: str) -> str:
    """A minor's age when contracting and the later finding beside it, for a contract the
    letter reads as awaiting ratification (``letter_finding.minor_open``):
    「张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，北京市东城区人民法院
    （2025）京0101民特88号民事判决于2025年9月1日（签约之后）认定其为无民事行为能力人」."""
    day, signed = case.capacity_found_on, case.contract.signed_on
    when = "签约之后" if day > signed else "签约当日"
    return (
        f"{minor_when_contracting(case, debtor)}，{judgment_words(case)}于{format_cn(day)}"
        f"（{when}）认定其为无民事行为能力人"
    )


def minor_void_branch(case: Any, debtor: str) -> str:
    """The other branch of a minor's contract read as awaiting ratification, after its
    effect, whose sentence has named the Code: 「；张伟签订该合同时已不能辨认自己的行为的，
    该合同无效（第二十一条第二款、第一百四十四条）」; nothing for any other contract."""
    if not minor_open(case):
        return ""
    return (
        f"；{debtor}签订该合同时已不能辨认自己的行为的，该合同无效（第二十一条第二款、"
        "第一百四十四条）"
    )


def check_incapacity_evidence(
    result: Assessment,
    case: Any,
    at: tuple[str | int, ...] = EVIDENCE,
    who: str = "债务人",
    found_label: str = "民事行为能力认定日期",
) -> None:
    """``incapacity_at_signing`` refused where the finding is not on the day of the
    contract or after it: before it, the finding itself decides; without a finding's day,
    or for a debtor not typed as without capacity, nothing rests on it. ``at`` and ``who``
    place and name it for a complaint's defendant (``complaint_found_later``)."""
    if case.incapacity_at_signing is None or found_later(case):
        return
    result.error(
        at,
        "incapacity_evidence_unused",
        f"只有人民法院认定{who}为无民事行为能力人的日期与签约同日或者晚于签约时，才需写明其签约时"
        f"已不能辨认自己行为的依据（{CIVIL_CODE}第二十一条、第一百四十四条）；本案{who}"
        f"{case.debtor.name}{_why_unused(case, found_label)}",
        hint=f"请删除该项，或核对「民事行为能力」「{found_label}」和合同签订日期",
    )


def _why_unused(case: Any, found_label: str) -> str:
    """Why nothing rests on ``incapacity_at_signing`` in this case, after the debtor's name:
    not typed as without capacity, no finding's day, or a finding before the contract."""
    debtor = case.debtor
    if getattr(debtor, "capacity", None) == "limited":
        return (
            "填写为限制民事行为能力人：该项只用于无民事行为能力人，写明其签约时已不能辨认自己的"
            "行为、合同因此无效的依据；认为其签约时已不能辨认自己的行为的，请核对「民事行为能力」"
        )
    if getattr(debtor, "capacity", None) != "none":
        return "填写为完全民事行为能力人，不适用该项"
    found, signed = case.capacity_found_on, case.contract.signed_on
    if isinstance(debtor, Person) and under_eight(debtor, signed):
        return "签约时未满八周岁，合同因此无效（第二十条、第一百四十四条），无需该项"
    if found is None:
        return f"未填写「{found_label}」，无从确定认定与签约的先后"
    return (
        f"已于{format_cn(found)}经人民法院认定为无民事行为能力人，早于签约"
        f"（{format_cn(signed)}）：由该认定说明其签约时的民事行为能力"
    )
