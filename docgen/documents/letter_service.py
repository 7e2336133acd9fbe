"""How a letter is served: the sentence 「本函以EMS寄送至您的地址：…」, from the optional
``service`` field the demand letter, the lawyer letter and the firm's letter share.

A demand interrupts the limitation period once it reaches the debtor (民法典 art. 195(1));
a declaration not made in dialogue takes effect when it reaches the recipient, one by
data message when it enters the system the recipient designated (art. 137(2)), so the
creditor proves where and how the letter was sent.
The letter says it in one sentence of its own, a posted copy with a line for its waybill
number under it (「邮件单号：＿＿＿＿」, filled in by hand when posted); the proof is the
waybill, kept apart.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Text

ServiceMethod = Literal["ems", "registered_mail", "by_hand", "email"]
METHOD_TITLES = {
    "ems": "EMS（邮政特快专递）",
    "registered_mail": "挂号信",
    "by_hand": "直接送交",
    "email": "电子邮件",
}


class LetterService(CaseModel):
    """How the letter is sent, and where (the debtor's copy; a guarantor's goes to its own
    address the same way)."""

    method: ServiceMethod = Field(
        title="送达方式", json_schema_extra={"enum_titles": list(METHOD_TITLES.values())}
    )
    address: Text | None = Field(
        default=None,
        title="送达地址",
        description="邮寄或送交的地址，电子邮件为电子邮箱；不填则为收件人的地址（电子邮件必填）",
    )


def service_field(example: str = "「本函以EMS寄送至您的地址：…」") -> Any:
    """The letters' ``service`` field (``example``: the sentence the letter prints)."""
    return Field(
        default=None,
        title="送达方式",
        description=f"函件如何送达（EMS、挂号信、直接送交、电子邮件）及送达地址：函件写明{example}",
        json_schema_extra=ADVANCED,
    )


def check_service(result: Assessment, service: LetterService | None, guarantors: int) -> None:
    """An email address for email; a letter to guarantors is not emailed, as the case
    holds no guarantor's email address."""
    if service is None or service.method != "email":
        return
    if not service.address or "@" not in service.address:
        result.error(
            ("service", "address"),
            "missing",
            "以电子邮件送达的，请填写收件人的电子邮箱",
        )
    if guarantors:
        result.error(
            ("service", "method"),
            "email_to_guarantors",
            "函件同时致保证人，案件中没有保证人的电子邮箱：请选择邮寄或直接送交",
        )


def service_line(service: LetterService | None, you: str, address: str, sender: str) -> str:
    """「本函以EMS（邮政特快专递）寄送至您的地址：北京市…。」; 「本函由我方直接送交您（地址：
    …）。」; nothing without ``service``. ``address`` is where this copy goes: the case's
    service address for the debtor's copy, else the recipient's own; ``sender`` who
    hands it over (我方, 本所)."""
    if service is None:
        return ""
    where = address.strip()
    if service.method == "email":
        return f"本函以电子邮件发送至{you}的电子邮箱：{where}。"
    if service.method == "by_hand":
        at = f"（地址：{where}）" if where else ""
        return f"本函由{sender}直接送交{you}{at}。"
    method = METHOD_TITLES[service.method]
    sent = f"本函以{method}寄送至{you}的地址：{where}" if where else f"本函以{method}寄送{you}"
    return f"{sent}。"


WAYBILL_BLANK = "邮件单号：＿＿＿＿＿＿＿＿＿＿＿＿"
"""Where the clerk writes the waybill number of a posted copy."""


def waybill_line(service: LetterService | None) -> str:
    """「邮件单号：＿＿＿＿」 under the service sentence of a posted copy (EMS, registered
    mail), else nothing: each copy has its own waybill, known once posted, so a blank the
    clerk fills in by hand; the number ties the letter to the carrier's proof of delivery
    (民法典 art. 195(1))."""
    if service is None or service.method not in ("ems", "registered_mail"):
        return ""
    return WAYBILL_BLANK


COURT_EXAMPLE = "「本函以EMS（邮政特快专递）寄送贵院，收件地址：…」"


def court_service_line(service: LetterService | None, address: str) -> str:
    """How a letter to a court (贵院) is sent: 「本函以挂号信寄送贵院，收件地址：北京市…
    立案庭。」, 「本函由本所直接递交贵院（递交地点：…）。」, 「本函以电子邮件发送至贵院电子
    邮箱：…。」; nothing without ``service``. A letter to a debtor is sent to the debtor's
    own address (「寄送至您的地址」, ``service_line``); a court is written to at the place
    the firm sends it to — its filing division, a mailbox — which the letter names as
    typed, not as 「贵院的地址」 (the court knows its own address)."""
    if service is None:
        return ""
    where = address.strip()
    if service.method == "email":
        return f"本函以电子邮件发送至贵院电子邮箱：{where}。"
    if service.method == "by_hand":
        at = f"（递交地点：{where}）" if where else ""
        return f"本函由本所直接递交贵院{at}。"
    method = METHOD_TITLES[service.method]
    return f"本函以{method}寄送贵院，收件地址：{where}。" if where else f"本函以{method}寄送贵院。"


def copy_address(case: Any, own: str) -> str:
    """Where this copy is sent: the service address the case gives, for the debtor's copy
    (a guarantor's goes to its own address ``own``); else ``own``."""
    service = case.service
    if service is not None and service.address and case.recipient_index == 0:
        return str(service.address)
    return own
