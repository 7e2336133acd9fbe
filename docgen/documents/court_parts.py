"""Building blocks of court filings: agents, service addresses, full party blocks.

Filings with a court identify every party fully (ID numbers unmasked, unlike letters),
list each party's 委托诉讼代理人 and the address where the court may serve documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.parties import Organization, Party, Person

AUTHORITY_LABELS = {"general": "一般授权", "special": "特别授权"}


class Agent(CaseModel):
    """委托诉讼代理人 (民事诉讼法 art. 61: at most two per party)."""

    name: ShortText = Field(title="姓名")
    firm: Line = Field(title="工作单位", description="如 某某律师事务所")
    position: ShortText = Field(default="律师", title="职务")
    phone: Phone = Field(title="联系电话")
    authority: Literal["general", "special"] = Field(
        default="special",
        title="代理权限",
        json_schema_extra={"enum_titles": list(AUTHORITY_LABELS.values())},
    )


class ServiceAddress(CaseModel):
    """Where the court serves documents on the plaintiff (送达地址确认)."""

    address: Text = Field(title="送达地址")
    recipient: ShortText = Field(title="收件人")
    phone: Phone = Field(title="联系电话")
    electronic: bool = Field(default=False, title="是否接受电子送达")
    email: ShortText | None = Field(
        default=None, title="电子送达邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )


def check_court(result: Assessment, court: str) -> None:
    """A filing is addressed to a court by its full name (…人民法院)."""
    if not court.endswith("人民法院"):
        result.error(("court",), "not_a_court", "法院名称应写全称，以“人民法院”结尾")


def person_line(person: Person) -> str:
    parts = [person.name, person.sex]
    if person.birth_date:
        parts.append(f"{format_cn(person.birth_date)}出生")
    if person.ethnicity:
        parts.append(person.ethnicity)
    if person.employer:
        parts.append(person.employer + (person.position or ""))
    parts.append(f"住{person.address}")
    if person.habitual_residence:
        parts.append(f"经常居住地{person.habitual_residence}")
    if person.id_number:
        label = "公民身份号码" if person.id_type == "居民身份证" else person.id_type + "号码"
        parts.append(f"{label}：{person.id_number}")
    if person.phone:
        parts.append(f"联系电话：{person.phone}")
    return "，".join(parts) + "。"


def organization_lines(org: Organization) -> list[str]:
    head = [org.name, f"住所地：{org.address}", f"统一社会信用代码：{org.uscc}"]
    if org.phone:
        head.append(f"联系电话：{org.phone}")
    return [
        "，".join(head) + "。",
        f"{org.representative_title}：{org.legal_representative}。",
    ]


def party_lines(party: Party) -> list[str]:
    return [person_line(party)] if isinstance(party, Person) else organization_lines(party)


def agent_line(agent: Agent) -> str:
    return (
        f"委托诉讼代理人：{agent.name}，{agent.firm}{agent.position}，联系电话：{agent.phone}，"
        f"代理权限：{AUTHORITY_LABELS[agent.authority]}。"
    )


def service_line(service: ServiceAddress) -> str:
    electronic = "同意" if service.electronic else "不同意"
    email = f"（电子邮箱：{service.email}）" if service.electronic and service.email else ""
    return (
        f"送达地址：{service.address}，收件人：{service.recipient}，联系电话：{service.phone}，"
        f"{electronic}电子送达{email}。"
    )


def block_lines(
    label: str, party: Party, agents: Sequence[Agent] = (), service: ServiceAddress | None = None
) -> list[str]:
    """A party block as filed: ``原告：…`` then its representative, agents and service address."""
    first, *rest = party_lines(party)
    lines = [f"{label}：{first}", *rest, *(agent_line(a) for a in agents)]
    if service is not None:
        lines.append(service_line(service))
    return lines
