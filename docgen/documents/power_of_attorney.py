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
A case number of the second instance (民终) is the appeal's own case (案号规定 art. 3): a
power left at the first instance with such a number is made for the second instance
(``at_stage_of_number``), since a first-instance power cannot be filed in it; its term must
reach the stage (``attorney_powers.check_term``).

A principal without full capacity is said to be one (限制/无民事行为能力人, 民法典 arts.
19–22, 24), and its guardian, the 法定代理人, appoints the agents (民事诉讼法 arts. 60, 61).
A relative agent typed as the principal's parent or child is checked against the birth
dates as a guardian is (``guardian_rules.kin_age_problem``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import Field

from docgen.documents.agent_grants import (
    ExecutionPowerChoice,
    PowerChoice,
    agent_authority_lines,
    agent_head,
    check_agent_papers,
    check_grants,
)
from docgen.documents.agent_grants import (
    LitigationAgent as LitigationAgent,  # re-exported: the bundle reads agents by it
)
from docgen.documents.agent_kinship import RELATIVE_HINT, is_close_relative
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import matches_proceeding, parse_case_number
from docgen.documents.court_names import court_name
from docgen.documents.court_parts import (
    check_representative_position,
    filing_signature,
    representative,
)
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
    side_of,
    stage_field,
)
from docgen.documents.guardian_rules import (
    GUARDIAN_HINT,
    KIN_WORDS,
    capacity_status,
    check_guardian,
    kin_age_problem,
    needs_guardian,
)
from docgen.documents.parts import check_party
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import AGENT_KINDS
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line
from docgen.domain.guardianship import guardian_lines
from docgen.domain.identity import IdentityError, number_label, parse_resident_id
from docgen.domain.parties import Organization, Party, Person, birth_date_of

_LICENSE = re.compile(r"^\d{17}$")
TITLE = "授权委托书"


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
        description="两名受托人权限不同的，在各受托人处分别选择其代理权限",
        json_schema_extra={"enum_titles": ["一般授权", "特别授权"]},
    )
    powers: list[PowerChoice] = Field(
        default_factory=list,
        max_length=7,
        title="特别授权事项",
        description="第一审、第二审：特别授权须逐项列明。原告不能选择「代为承认诉讼请求」；被告不能"
        "选择「代为放弃诉讼请求」「代为变更诉讼请求」，同时选择「代为提起反诉」的，打印为「代为放弃、"
        "变更反诉请求」。反诉只能由被告提起；第二审程序中不能再"
        "上诉，上诉人可授权代为撤回上诉；上诉人的「代为放弃、变更诉讼请求」打印为「代为放弃、变更"
        "上诉请求」，原审原告上诉的，不能选择「代为承认诉讼请求」；被上诉人的「代为承认诉讼请求」打印为「代为承认上诉请求」，被上诉人没有可变更的"
        "诉讼请求，不能选择「代为变更诉讼请求」；原审被告未上诉的，不能选择「代为放弃诉讼请求」",
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


def at_stage_of_number(case: PowerOfAttorney) -> PowerOfAttorney:
    """The power at the second instance when its stage is left at the first and its case
    is numbered 民终: the appeal is a case of its own with a number of its own
    (《最高人民法院关于人民法院案件案号的若干规定》 art. 3), so a power naming the parties
    原告/被告, granting 「代为起诉或应诉」 and filed in it would give the agent no authority
    there. It is made for the appeal instead: parties as the appeal names them (the
    appellants are asked for, ``check_stage``), the second instance's acts; the term is
    checked against that stage (``check_term``). An enforcement's number at first
    instance stays an error (``proceeding_of``): its powers are of another kind."""
    if case.stage != "first":
        return case
    number = parse_case_number(case.case.case_number or "")
    if number is None or not matches_proceeding(number, "second"):
        return case
    return case.model_copy(update={"stage": "second"})


def assess(case: PowerOfAttorney, options: RuleOptions) -> Assessment:
    result = Assessment()
    numbered = at_stage_of_number(case)
    derived = numbered.case.case_number if numbered is not case else None
    if derived:
        result.warn(
            ("stage",),
            "stage_from_case_number",
            f"案号「{case.case.case_number}」为第二审案件的案号（类型代字“民终”），本委托书按"
            "第二审程序制作：当事人按上诉人、被上诉人列明，代理权限为第二审的代理权限",
            hint="请将代理阶段选为第二审，并在「上诉人」中填写提起上诉的当事人",
        )
        case = numbered
    # the stage left at first instance refuses an enforcement's number (proceeding_of)
    proceeding = proceeding_of(case.stage, case.case.case_number, stated=False)
    result.computed["court"] = check_case(result, case.case, proceeding=proceeding, paper=TITLE)
    check_stage(result, case.case, case, TITLE)
    check_party(result, case.principal, ("principal",))
    check_representative_position(result, case.principal, ("principal",), TITLE)
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
    role = party_role(case.case, principal.name, case.stage, movers_of(case))
    check_grants(result, case, side_of(case.case, principal.name), role, derived)
    _check_agents(result, case)
    check_date(result, case.sign_date, options.current_date(), ("sign_date",))
    return result


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
        check_agent_papers(result, agent, loc)
        check_resident_id(result, agent.id_number, (*loc, "id_number"))
        _check_relative_ages(result, case.principal, agent, loc)


def _check_relative_ages(
    result: Assessment, principal: Party, agent: LitigationAgent, loc: tuple[str, int]
) -> None:
    """A relative agent typed as the principal's parent (父亲, 母亲) or child (儿子, 女儿),
    the birth dates from the ID numbers (GB 11643-1999) or the principal's birth date: a
    parent born after the child, or fewer than 14 years before, is most likely a mistyped
    number or relation, which the court compares with the ID cards (民诉法解释 art. 88(3):
    近亲属 show their identity and the relationship). A warning, as for a guardian
    (``guardian_rules.kin_age_problem``): an unusual family is still a family."""
    older = KIN_WORDS.get((agent.relation or "").strip())
    if agent.kind != "relative" or older is None or not isinstance(principal, Person):
        return
    principal_born = birth_date_of(principal)
    try:
        agent_born = parse_resident_id(agent.id_number).birth_date if agent.id_number else None
    except IdentityError:
        return  # reported on the number itself
    if agent_born is None or principal_born is None:
        return
    parent, child = (agent_born, principal_born) if older else (principal_born, agent_born)
    problem = kin_age_problem(parent, child)
    if problem is not None:
        result.warn(
            (*loc, "relation"),
            "agent_relation_ages",
            f"受托人{agent.name}（{format_cn(agent_born)}出生）填写为委托人的{agent.relation}，"
            f"而委托人{principal.name}{format_cn(principal_born)}出生：{problem}",
            hint="请核对与委托人的关系，或双方的身份证号码、出生日期",
        )


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
    if agent.kind == "relative" and agent.relation and not is_close_relative(agent.relation):
        # 民诉法解释 art. 85: only the relatives it names act as 近亲属 (agent_kinship)
        result.error(
            (*loc, "relation"),
            "relation_not_close_relative",
            f"「{agent.relation}」不是当事人的近亲属，不能以近亲属的名义作为诉讼代理人：近亲属"
            "指与当事人有夫妻、直系血亲、三代以内旁系血亲、近姻亲关系以及其他有抚养、赡养关系"
            "的亲属（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第八十五条）",
            hint=RELATIVE_HINT,
        )
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
        lines += guardian_lines(party.guardian, party.name)
    return lines


def _agent_lines(agent: LitigationAgent) -> list[str]:
    lines = [agent_head(agent)]
    if agent.license_number:
        lines.append(f"执业证号：{agent.license_number}")
    if agent.id_number:
        # worded as the principal's line is, one label for one document
        lines.append(f"{number_label('居民身份证')}：{agent.id_number}")
    if agent.phone:
        lines.append(f"联系电话：{agent.phone}")
    return lines


def build_context(case: PowerOfAttorney, assessment: Assessment) -> dict[str, Any]:
    case = at_stage_of_number(case)
    principal = case.principal
    stage, named = case.stage, movers_of(case)
    role = party_role(case.case, principal.name, stage, named)
    # at first instance the stage goes unsaid, as it always has
    stage_name = "" if case.stage == "first" else f"{STAGES[case.stage]}程序"
    agents = "、".join(a.name for a in case.agents)
    # signed as every filing is (民事诉讼法 art. 62: 由委托人签名或者盖章): the person, the
    # organisation's seal and its representative, the ward's guardian, each on a blank
    signers = filing_signature("委托人", [principal])
    appoints = ""
    if isinstance(principal, Person) and principal.guardian is not None:
        # the guardian appoints the agent for the ward (民事诉讼法 arts. 60, 61), and the
        # power says why: the principal's status (民法典 arts. 19–22, 24; capacity_status)
        status = capacity_status(principal, case.sign_date)
        if status:
            appoints = f"委托人{principal.name}为{status}，其法定代理人{principal.guardian.name}"
    return {
        "title": TITLE,
        "court": assessment.computed.get("court") or court_name(case.case.court),
        "principal": _principal_lines(principal),
        "agents": [_agent_lines(agent) for agent in case.agents],
        "entrust": (
            f"{appoints}现委托{agents}在{case_title(case.case, stage, named)}{stage_name}中，"
            f"作为{role}{principal.name}的{AGENT_TITLES[stage]}。"
        ),
        "authority": agent_authority_lines(case, role, side_of(case.case, principal.name)),
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
    title=TITLE,
    model=PowerOfAttorney,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="当事人委托一至二名诉讼代理人，写明一般授权或逐项写明特别授权事项",
    bundle_part=None,
    court_filing=True,
)
