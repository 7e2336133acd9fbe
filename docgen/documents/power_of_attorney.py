"""授权委托书 — the party's power of attorney for its litigation agents.

A party may appoint one or two agents (民事诉讼法 art. 61): lawyers, basic-level legal
service workers, its close relatives or staff, or citizens its community, employer or a
social organisation recommends. The power of attorney states what the agents may do
(art. 62): a general authority covers the ordinary acts of the suit; admitting, waiving
or changing claims, settling, counterclaiming and appealing need a special authority
that names each power — "全权代理" alone gives none of them (民诉法解释 art. 89). The
principal signs; an organisation seals and its legal representative signs; for a ward the
guardian, its 法定代理人, appoints the agents and signs (arts. 60, 61).

The power states the stage the agents act in (first instance unless chosen): at second
instance the parties are named as the appeal names them, at enforcement as 申请执行人 and
被执行人 (``filing_papers.case_title``), and the principal by its standing there, as the
law firm's letter names them; what the agents may do is the stage's (``attorney_powers``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

from docgen.documents.attorney_powers import (
    EXECUTION_POWERS,
    POWERS,
    ExecutionPower,
    Power,
    authority_lines,
    check_powers,
)
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import matches_proceeding, parse_case_number
from docgen.documents.court_parts import representative
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import (
    AGENT_TITLES,
    STAGES,
    CaseRef,
    Stage,
    appellants_field,
    applicants_field,
    case_title,
    check_case,
    check_date,
    check_party_at_stage,
    check_resident_id,
    check_stage,
    movers_of,
    opponents,
    party_role,
    proceeding_of,
    stage_field,
)
from docgen.documents.guardian_rules import GUARDIAN_HINT, check_guardian, needs_guardian
from docgen.documents.parts import check_party
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Phone, ShortText
from docgen.domain.guardianship import guardian_line
from docgen.domain.identity import number_label
from docgen.domain.parties import Organization, Party, Person

AGENT_KINDS = {
    "lawyer": "律师",
    "legal_worker": "基层法律服务工作者",
    "relative": "当事人的近亲属",
    "employee": "当事人的工作人员",
    "recommended": "社区、单位或社会团体推荐的公民",
}
_LICENSE = re.compile(r"^\d{17}$")
# a term naming one of these reaches past the first instance (二审, 终审, 再审, 执行)
_LATER = ("二审", "终审", "再审", "执行", "全部程序", "各审")
# powers used only after the first instance: an appeal, a retrial, enforcement
_LATER_POWERS = ("上诉", "二审", "再审", "执行")

PowerChoice = Annotated[Power, Field(json_schema_extra={"enum_titles": list(POWERS.values())})]
ExecutionPowerChoice = Annotated[
    ExecutionPower, Field(json_schema_extra={"enum_titles": list(EXECUTION_POWERS.values())})
]


class LitigationAgent(CaseModel):
    """One agent (受托人) and what makes them eligible (民事诉讼法 art. 61)."""

    name: ShortText = Field(title="姓名")
    kind: Literal["lawyer", "legal_worker", "relative", "employee", "recommended"] = Field(
        default="lawyer",
        title="代理人身份",
        json_schema_extra={"enum_titles": list(AGENT_KINDS.values())},
    )
    firm: Line | None = Field(
        default=None,
        title="工作单位",
        description="律师填律师事务所，法律服务工作者填法律服务所，被推荐的公民填推荐单位",
    )
    license_number: ShortText | None = Field(
        default=None, title="执业证号", description="律师执业证号为17位数字"
    )
    relation: ShortText | None = Field(
        default=None, title="与委托人的关系", description="近亲属写明关系，工作人员写明职务"
    )
    id_number: ShortText | None = Field(default=None, title="身份证号码")
    phone: Phone | None = Field(default=None, title="联系电话")


class PowerOfAttorney(CaseModel):
    """The facts of a power of attorney for litigation."""

    principal: Party = Field(title="委托人", description="本案当事人")
    agents: list[LitigationAgent] = Field(title="受托人（诉讼代理人）", min_length=1, max_length=2)
    case: CaseRef = Field(title="案件")
    stage: Stage = stage_field()
    appellants: list[Line] = appellants_field()
    applicants: list[Line] = applicants_field()
    authority: Literal["general", "special"] = Field(
        default="special",
        title="代理权限",
        json_schema_extra={"enum_titles": ["一般授权", "特别授权"]},
    )
    powers: list[PowerChoice] = Field(
        default_factory=list,
        max_length=6,
        title="特别授权事项",
        description="第一审、第二审：特别授权须逐项列明",
    )
    execution_powers: list[ExecutionPowerChoice] = Field(
        default_factory=list,
        max_length=4,
        title="执行程序特别授权事项",
        description="执行程序：特别授权须逐项列明",
    )
    other_powers: list[Line] = Field(
        default_factory=list, max_length=10, title="其他授权事项", description="如 代为申请执行"
    )
    term: Line | None = Field(
        default=None, title="委托期限", description="如 自签署之日起至本案一审审结之日止"
    )
    sign_date: date = Field(title="签署日期")


# --- rules --------------------------------------------------------------------------


def assess(case: PowerOfAttorney, options: RuleOptions) -> Assessment:
    result = Assessment()
    # a paper saved before the stage was asked for carries the default: at first instance
    # an appeal's number is warned of on the term (_check_term_against_stage), an
    # enforcement's refused (proceeding_of)
    proceeding = proceeding_of(case.stage, case.case.case_number, stated=False)
    check_case(result, case.case, proceeding=proceeding)
    check_stage(result, case.case, case, "授权委托书")
    check_party(result, case.principal, ("principal",))
    check_party_at_stage(
        result, case.case, case.principal.name, ("principal", "name"), "委托人", case
    )
    principal = case.principal
    ward = isinstance(principal, Person) and needs_guardian(principal, case.sign_date)
    if isinstance(principal, Person) and ward and principal.guardian is None:
        field = "capacity" if principal.capacity != "full" else "guardian"
        result.error(
            ("principal", field),
            "principal_without_capacity",
            "无诉讼行为能力的当事人由其监护人作为法定代理人代为诉讼（《中华人民共和国"
            "民事诉讼法》第六十条），授权委托书应由法定代理人签署",
            hint=GUARDIAN_HINT,
        )
    check_guardian(result, principal, ("principal",), case.sign_date)
    check_powers(result, case)
    _check_term_covers_powers(result, case)
    _check_term_against_stage(result, case)
    _check_agents(result, case)
    check_date(result, case.sign_date, options.current_date(), ("sign_date",))
    return result


def first_instance_only(term: str | None) -> bool:
    """The term ends with the first instance: it names 一审 and no later stage."""
    return bool(term) and "一审" in (term or "") and not any(s in (term or "") for s in _LATER)


def _beyond_first_instance(case: PowerOfAttorney) -> list[str]:
    named = [POWERS["appeal"]] if "appeal" in case.powers else []
    return named + [p for p in case.other_powers if any(s in p for s in _LATER_POWERS)]


def _check_term_against_stage(result: Assessment, case: PowerOfAttorney) -> None:
    """A term that ends with the first instance, in a power for a later stage — or, the
    stage left at first instance, in a case whose number is an appeal's (民终): the first
    instance is over, so the power ends before it is used. The term is free text read
    for 一审, so this is a warning, not an error."""
    if not first_instance_only(case.term):
        return
    if case.stage != "first":
        stage = STAGES[case.stage]
        result.warn(
            ("term",),
            "term_before_stage",
            f"委托期限至本案一审为止，但本委托书用于{stage}程序：一审已经审结，"
            f"受托人在{stage}程序中已无代理权",
            hint=f"请将委托期限写至本案{stage}程序终结之日止",
        )
        return
    number = parse_case_number(case.case.case_number or "")
    if number is not None and matches_proceeding(number, "second"):
        result.warn(
            ("term",),
            "term_before_case_number",
            f"委托期限至本案一审为止，但案号「{case.case.case_number}」为第二审案件的案号"
            "（类型代字“民终”）：一审已经审结，受托人在本案中已无代理权",
            hint="第二审的委托，请将代理阶段选为第二审，并将委托期限写至本案二审审结之日止",
        )


def _check_term_covers_powers(result: Assessment, case: PowerOfAttorney) -> None:
    """A power the term ends before is a power the agent cannot use.

    The power of attorney states what is entrusted and for how long (民事诉讼法 art. 62); an
    appeal is brought against the first-instance judgment and heard at second instance,
    enforcement is applied for once the judgment is in force — both after a term that ends
    with the first instance. Whether the court reads the term or the power first is not
    settled, so this is a warning, not an error.
    """
    if not first_instance_only(case.term) or case.stage != "first":
        # at a later stage the whole term is over (_check_term_against_stage)
        return
    beyond = _beyond_first_instance(case)
    if beyond:
        result.warn(
            ("term",),
            "term_ends_before_powers",
            f"委托期限至本案一审为止，但授权事项中的{'、'.join(beyond)}须在一审审结之后"
            "（上诉审、执行程序中）行使：委托期限届满后受托人已无代理权，这些授权无从行使"
            "（《中华人民共和国民事诉讼法》第六十二条：授权委托书须记明委托事项和权限）",
            hint="如需受托人代为上诉或申请执行，请将委托期限写至相应程序终结"
            "（如 至本案二审及执行程序终结之日止）；否则请删除这些授权事项",
        )


def _check_agents(result: Assessment, case: PowerOfAttorney) -> None:
    names = [a.name for a in case.agents]
    other_side = opponents(case.case, case.principal.name)
    for i, agent in enumerate(case.agents):
        loc = ("agents", i)
        if names.index(agent.name) != i:
            result.error((*loc, "name"), "duplicate", f"受托人「{agent.name}」重复填写")
        if agent.name == case.principal.name:
            result.error((*loc, "name"), "agent_is_principal", "受托人不能是委托人本人")
        elif agent.name in other_side:
            result.error((*loc, "name"), "agent_is_opponent", f"受托人「{agent.name}」是对方当事人")
        _check_eligibility(result, case.principal, agent, loc)
        check_resident_id(result, agent.id_number, (*loc, "id_number"))


def _check_eligibility(
    result: Assessment, principal: Party, agent: LitigationAgent, loc: tuple[str, int]
) -> None:
    """What each kind of agent must show (民事诉讼法 art. 61, 民诉法解释 art. 88)."""
    label = AGENT_KINDS[agent.kind]
    if agent.kind in ("lawyer", "legal_worker", "recommended") and not agent.firm:
        what = "推荐单位" if agent.kind == "recommended" else "执业机构"
        result.error((*loc, "firm"), "missing", f"{label}须写明{what}")
    if agent.kind in ("lawyer", "legal_worker") and not agent.license_number:
        result.error((*loc, "license_number"), "missing", f"{label}须写明执业证号")
    elif agent.kind == "lawyer" and not _LICENSE.match(agent.license_number or ""):
        result.error(
            (*loc, "license_number"),
            "license_number_format",
            "律师执业证号应为17位数字（见律师执业证）",
        )
    if agent.kind in ("relative", "employee") and not agent.relation:
        what = "亲属关系" if agent.kind == "relative" else "在委托人处的职务"
        result.error((*loc, "relation"), "missing", f"{label}须写明{what}")
    if agent.kind == "relative" and isinstance(principal, Organization):
        result.error(
            (*loc, "kind"),
            "relative_of_organization",
            "法人或非法人组织没有近亲属；单位可委托其工作人员或律师"
            "（《中华人民共和国民事诉讼法》第六十一条）",
        )


# --- context ------------------------------------------------------------------------


def _principal_lines(party: Party) -> list[str]:
    if isinstance(party, Organization):
        title, who = representative(party)  # with the position held, as on every filing
        lines = [
            f"委托人：{party.name}",
            f"统一社会信用代码：{party.uscc}",
            f"住所地：{party.address}",
            f"{title}：{who}",
        ]
        return lines + ([f"联系电话：{party.phone}"] if party.phone else [])
    lines = [f"委托人：{party.name}，{party.sex}"]
    if party.id_number:
        # as the guardian's line and every court filing name it (公民身份号码)
        lines.append(f"{number_label(party.id_type)}：{party.id_number}")
    lines.append(f"住址：{party.address}")
    if party.phone:
        lines.append(f"联系电话：{party.phone}")
    if party.guardian is not None:
        lines.append(guardian_line(party.guardian, party.name))
    return lines


def _agent_lines(agent: LitigationAgent) -> list[str]:
    head = f"受托人：{agent.name}"
    if agent.firm:
        head += f"，{agent.firm}" + ("律师" if agent.kind == "lawyer" else "")
    if agent.relation:
        head += f"，系委托人的{agent.relation}"
    lines = [head]
    if agent.license_number:
        lines.append(f"执业证号：{agent.license_number}")
    if agent.id_number:
        # worded as the principal's line is, one label for one document
        lines.append(f"{number_label('居民身份证')}：{agent.id_number}")
    if agent.phone:
        lines.append(f"联系电话：{agent.phone}")
    return lines


def build_context(case: PowerOfAttorney, assessment: Assessment) -> dict[str, Any]:
    principal = case.principal
    stage, named = case.stage, movers_of(case)
    role = party_role(case.case, principal.name, stage, named)
    # at first instance the stage goes unsaid, as it always has
    stage_name = "" if case.stage == "first" else f"{STAGES[case.stage]}程序"
    agents = "、".join(a.name for a in case.agents)
    signers = (
        [f"委托人（盖章）：{principal.name}", f"{representative(principal)[0]}（签名）："]
        if isinstance(principal, Organization)
        else [f"委托人（签名）：{principal.name}"]
    )
    if isinstance(principal, Person) and principal.guardian is not None:
        # the guardian appoints the agent for the ward (民事诉讼法 arts. 60, 61)
        signers = [f"委托人：{principal.name}", f"法定代理人（签名）：{principal.guardian.name}"]
    return {
        "title": "授权委托书",
        "court": case.case.court,
        "principal": _principal_lines(principal),
        "agents": [_agent_lines(agent) for agent in case.agents],
        "entrust": (
            f"现委托{agents}在{case_title(case.case, stage, named)}{stage_name}中，"
            f"作为{role}{principal.name}的{AGENT_TITLES[stage]}。"
        ),
        "authority": authority_lines(case, role),
        "term": f"委托期限：{case.term}。" if case.term else "",
        "signers": signers,
        "sign_date": format_cn(case.sign_date),
    }


def filename(case: PowerOfAttorney) -> str:
    principal = filename_part(case.principal.name)
    return f"授权委托书-{principal}-{case.sign_date:%Y%m%d}"


DOCUMENT: DocumentType[PowerOfAttorney] = DocumentType(
    name="power_of_attorney",
    order=80,
    layouts={"": "docgen.layouts.power_of_attorney:build"},
    title="授权委托书",
    model=PowerOfAttorney,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="当事人委托一至二名诉讼代理人，写明一般授权或逐项写明特别授权事项",
    bundle_part=None,
    court_filing=True,
)
