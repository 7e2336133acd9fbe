"""Who signs an agreement (债务确认书, 分期还款协议) for an organisation: its legal
representative or 负责人, or a person it authorised (委托代理人).

- The legal representative acts in the legal person's name and binds it (民法典 art. 61);
  so does the person a 非法人组织 designates to act for it (art. 105).
- Anyone else binds the organisation as its agent: an act within the authority and in
  the principal's name binds the principal (art. 162). A written authorisation, the
  授权委托书, states the agent's name, the matters, the powers and the term, and is
  signed or sealed by the principal (art. 165); a member of staff acting within the
  scope of the duties the organisation gave (职务代理) binds it too (art. 170).
- An act without authority, beyond it or after it ended binds the principal only if
  ratified (art. 171).

So an organisation's 委托代理人 is optional (``creditor_agent``, ``debtor_agent``,
``guarantor_agent``); with one, the party's lines name the agent, the signing line
reads 「委托代理人签字」 instead of 「法定代表人签字」, and the user is warned to attach the
授权委托书: without it, nothing shows the agent could bind the party, and a debtor's
confirmation signed without authority neither binds the debtor nor interrupts the
limitation period. A person signs in person (or through the guardian); an agent named
for one is refused.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, ShortText
from docgen.domain.parties import Organization, Party

CIVIL_CODE = "《中华人民共和国民法典》"
AGENT_TITLE = "委托代理人"


class AuthorisedAgent(CaseModel):
    """The person an organisation authorised to sign for it."""

    name: ShortText = Field(title="姓名")
    position: ShortText | None = Field(
        default=None,
        title="职务",
        description="如 财务经理；本单位工作人员在职权范围内签署的，可填写",
    )


def agent_field(role: str) -> Any:
    """The optional field of ``role``'s agent (甲方, 乙方, 丙方)."""
    return Field(
        default=None,
        title=f"{role}委托代理人",
        description=f"{role}为单位、由法定代表人（负责人）以外的人代为签署时填写；"
        f"须附{role}出具的授权委托书",
        json_schema_extra=ADVANCED,
    )


def check_agent(
    result: Assessment,
    field: str,
    role: str,
    party: Party,
    agent: AuthorisedAgent | None,
    document: str,
) -> None:
    """An agent signs ``document`` (本确认书, 本协议) for an organisation only, and its
    authorisation goes with it (民法典 arts. 162, 165, 171)."""
    if agent is None:
        return
    if not isinstance(party, Organization):
        result.error(
            (field,),
            "agent_for_person",
            f"{role}{party.name}为自然人，{document}由其本人签字并按手印（受监护的，由法定代理人"
            f"签署）；「{role}委托代理人」只用于单位",
            hint=f"请删除「{role}委托代理人」",
        )
        return
    if agent.name == party.legal_representative:
        result.error(
            (field, "name"),
            "agent_is_representative",
            f"{agent.name}为{party.name}的{party.representative_title}，"
            f"以{party.representative_title}身份签署即可，无需授权委托书",
            hint=f"请删除「{role}委托代理人」",
        )
        return
    result.warn(
        (field,),
        "agent_authorisation",
        f"{role}由委托代理人{agent.name}签署：请取得{party.name}盖章的授权委托书，载明代理人"
        f"姓名、代理事项（签署{document}）、权限和期限（{CIVIL_CODE}第一百六十五条），原件作为"
        f"{document}的附件一并留存；无代理权或者超越代理权签署的，未经{party.name}追认，对其不"
        "发生效力（第一百七十一条）",
        hint="授权委托书附于文书之后，签署时核对代理人的身份证件",
    )


def with_agent(view: dict[str, Any], agent: AuthorisedAgent | None) -> dict[str, Any]:
    """A party's view (``party_context``) with the agent's line after its own."""
    if agent is None:
        return view
    position = f"（{agent.position}）" if agent.position else ""
    line = {"label": AGENT_TITLE, "value": f"{agent.name}{position}"}
    return {**view, "lines": [*view["lines"], line]}


def signed_by_agent(signer: dict[str, Any], agent: AuthorisedAgent | None) -> dict[str, Any]:
    """A signer's block (``signer_context``) whose signing line names the agent's role and
    the agent: 「委托代理人（刘洋）签字」, so that the signature is read against a name."""
    if agent is None:
        return signer
    return {**signer, "representative_title": f"{AGENT_TITLE}（{agent.name}）"}


def agents_sentence(document: str, *agents: tuple[str, AuthorisedAgent | None]) -> str:
    """「甲方委托代理人刘洋凭甲方出具的授权委托书（附后）签署本协议。」 for each (role, agent)
    that signs ``document``, or "": the agreement itself refers to the authorisation the
    agent's power rests on (民法典 art. 165), which goes with it as its annex."""
    return "".join(
        f"{role}{AGENT_TITLE}{agent.name}凭{role}出具的授权委托书（附后）签署{document}。"
        for role, agent in agents
        if agent is not None
    )


__all__ = [
    "AGENT_TITLE",
    "AuthorisedAgent",
    "agent_field",
    "agents_sentence",
    "check_agent",
    "signed_by_agent",
    "with_agent",
]
