"""An agent of a power of attorney, and what each agent may do.

The SPC's model power of attorney (《民事诉讼文书样式》, 法〔2016〕221号, 授权委托书 公民用
and 法人用) gives each agent a block of its own, 「委托诉讼代理人×××的代理事项和权限：……」:
two agents may hold different authorities, commonly a special one for the outside lawyer
and a general one for the party's employee. An agent may carry its own authority
(``LitigationAgent.authority`` and its powers); an agent without one holds the power's
(``PowerOfAttorney.authority``), so a power whose agents carry none prints one 「代理权限：」
as before. Once any agent carries its own, every agent's block is printed under its name.

Each agent's grant is checked as the power's is (``attorney_powers``: the stage's powers, a
special authority naming them, a general one none, the principal's standing, the term),
its errors reported on the agent (``agents[i].powers`` …), the term's on the term.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal, Protocol

from pydantic import Field

from docgen.documents.attorney_powers import (
    EXECUTION_POWERS,
    POWERS,
    ExecutionPower,
    Power,
    Termed,
    authority_lines,
    check_powers,
    check_term,
)
from docgen.documents.attorney_roles import check_role_powers
from docgen.documents.filing_papers import AGENT_TITLES, Side, Stage
from docgen.documents.problems import Assessment, Loc, Problem
from docgen.documents.standing_papers import AGENT_KINDS, AgentKind
from docgen.domain.disclosure import ADVANCED, shown_when
from docgen.domain.fields import CaseModel, Line, Phone, ShortText

Authority = Literal["general", "special"]
PowerChoice = Annotated[Power, Field(json_schema_extra={"enum_titles": list(POWERS.values())})]
ExecutionPowerChoice = Annotated[
    ExecutionPower, Field(json_schema_extra={"enum_titles": list(EXECUTION_POWERS.values())})
]
_OWN = ("powers", "execution_powers", "other_powers")


class LitigationAgent(CaseModel):
    """One agent (受托人) and what makes them eligible (民事诉讼法 art. 61)."""

    name: ShortText = Field(title="姓名")
    kind: AgentKind = Field(
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
        default=None,
        title="与委托人的关系",
        description="近亲属写明亲属关系（如 父亲、配偶、表兄），工作人员写明职务",
    )
    id_number: ShortText | None = Field(default=None, title="身份证号码")
    phone: Phone | None = Field(default=None, title="联系电话")
    authority: Authority | None = Field(
        default=None,
        title="该受托人的代理权限",
        description="两名受托人权限不同时分别选择；不选则按委托书的代理权限",
        json_schema_extra={**ADVANCED, "enum_titles": ["一般授权", "特别授权"]},
    )
    powers: list[PowerChoice] = Field(
        default_factory=list,
        max_length=7,
        title="该受托人的特别授权事项",
        json_schema_extra=shown_when("authority", "special"),
    )
    execution_powers: list[ExecutionPowerChoice] = Field(
        default_factory=list,
        max_length=4,
        title="该受托人的执行程序特别授权事项",
        json_schema_extra=shown_when("authority", "special"),
    )
    other_powers: list[Line] = Field(
        default_factory=list,
        max_length=10,
        title="该受托人的其他授权事项",
        json_schema_extra=shown_when("authority", "general", "special"),
    )


class Appointing(Termed, Protocol):
    """What ``PowerOfAttorney`` holds of the grant (``attorney_powers.Termed``) and its
    agents."""

    @property
    def agents(self) -> list[LitigationAgent]: ...


@dataclass(frozen=True)
class Grant:
    """What one agent may do (``attorney_powers.Termed``)."""

    stage: Stage
    authority: Authority
    powers: list[Power]
    execution_powers: list[ExecutionPower]
    other_powers: list[str]
    term: str | None


def own_grants(case: Appointing) -> bool:
    """Some agent carries an authority of its own: every agent gets a block of its own."""
    return any(agent.authority is not None for agent in case.agents)


def grant_of(case: Appointing, agent: LitigationAgent) -> Grant:
    """The agent's own authority and powers, or the power's when it carries none."""
    held = agent if agent.authority is not None else case
    return Grant(
        case.stage,
        agent.authority or case.authority,
        list(held.powers),
        list(held.execution_powers),
        list(held.other_powers),
        case.term,
    )


def check_grants(
    result: Assessment, case: Appointing, side: Side | None, role: str, number: str | None
) -> None:
    """The power's grant where an agent holds it, each agent's own on the agent; the
    powers an agent lists without an authority of its own, and the power's powers no agent
    holds, would not print: refused."""
    shared = [a for a in case.agents if a.authority is None]
    if shared or not case.agents:
        check_powers(result, case)
        check_role_powers(result, case, side, role)
        check_term(result, case, number)
    else:
        _check_unused(result, case)
    seen = {(p.loc, p.code) for p in result.problems}
    for i, agent in enumerate(case.agents):
        if agent.authority is None:
            _check_without_authority(result, agent, i)
            continue
        grant = grant_of(case, agent)
        own = Assessment()
        check_powers(own, grant)
        check_role_powers(own, grant, side, role)
        check_term(own, grant, number)
        for problem in own.problems:
            loc = problem.loc if problem.loc[:1] == ("term",) else ("agents", i, *problem.loc)
            if (loc, problem.code) not in seen:
                seen.add((loc, problem.code))
                result.problems.append(
                    Problem(loc, problem.code, problem.message, problem.hint, problem.severity)
                )


def _check_without_authority(result: Assessment, agent: LitigationAgent, i: int) -> None:
    for field in _OWN:
        if getattr(agent, field):
            result.error(
                ("agents", i, "authority"),
                "powers_without_authority",
                f"已为受托人{agent.name}填写授权事项，但未选择该受托人的代理权限：授权事项不会打印",
                hint="请选择该受托人的代理权限（一般授权或特别授权），或删除其授权事项",
            )
            return


def _check_unused(result: Assessment, case: Appointing) -> None:
    for field in _OWN:
        if getattr(case, field):
            result.error(
                (field,),
                "authority_of_no_agent",
                "每名受托人均已分别选择代理权限，此处填写的授权事项不属于任何受托人，不会打印",
                hint="请将这些事项填入相应受托人的授权事项，或删除",
            )


def agent_authority_lines(case: Appointing, role: str, side: Side | None) -> list[str]:
    """「代理权限：…」 once for all the agents, or, when an agent carries its own, one block
    per agent as the SPC's model form gives it: 「诉讼代理人黄丽的代理事项和权限：特别授权，
    即…」 (``attorney_powers.authority_lines``)."""
    if not own_grants(case):
        return authority_lines(case, role, side)
    lines: list[str] = []
    title = AGENT_TITLES[case.stage]
    for agent in case.agents:
        block = authority_lines(grant_of(case, agent), role, side)
        head = block[0].removeprefix("代理权限：")
        lines += [f"{title}{agent.name}的代理事项和权限：{head}", *block[1:]]
    return lines


def agent_head(agent: LitigationAgent) -> str:
    """「受托人：…」 with the capacity the agent acts in: a lawyer and a basic-level legal
    service worker by office and title (民事诉讼法 art. 61(2)(一)), a recommended citizen
    「由…推荐」 (art. 61(2)(三)): the body recommends, it does not employ."""
    head = f"受托人：{agent.name}"
    if agent.firm and agent.kind == "recommended":
        head += f"，由{agent.firm}推荐"
    elif agent.firm:
        title = {"lawyer": "律师", "legal_worker": "基层法律服务工作者"}.get(agent.kind, "")
        head += f"，{agent.firm}{title}"
    if agent.relation:
        head += f"，系委托人的{agent.relation}"
    return head


_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


def check_agent_papers(result: Assessment, agent: LitigationAgent, loc: Loc) -> None:
    """What the court asks of a basic-level legal service worker and a recommended citizen
    besides the power (民诉法解释 art. 88(2), (5), (6); art. 87 for a 社会团体): a warning, the
    papers are not the power's to hold, but the agent is not admitted without them."""
    if agent.kind == "legal_worker":
        result.warn(
            (*loc, "kind"),
            "legal_worker_papers",
            f"基层法律服务工作者{agent.name}代理诉讼，除本授权委托书外，还应当向人民法院提交"
            "法律服务工作者执业证、基层法律服务所出具的介绍信以及当事人一方位于本辖区内的证明"
            f"材料（{_SPI}第八十八条第二项）：当事人双方均不在该法律服务所所在辖区的，不能由其"
            "代理",
            hint="请备齐执业证、介绍信和当事人一方位于本辖区内的证明材料",
        )
    elif agent.kind == "recommended":
        result.warn(
            (*loc, "kind"),
            "recommended_papers",
            f"被推荐的公民{agent.name}代理诉讼，还应当提交身份证件、推荐材料和当事人属于该社区、"
            f"单位的证明材料；由社会团体推荐的，应当提交身份证件和符合{_SPI}第八十七条规定条件的"
            "证明材料：社会团体属于依法登记设立或者依法免予登记设立的非营利性法人组织，被代理人"
            "属于该社会团体的成员或者当事人一方住所地位于其活动地域，代理事务属于其章程载明的"
            "业务范围，被推荐的公民是其负责人或者与其有合法劳动人事关系的工作人员（第八十七条、"
            "第八十八条第五项、第六项）",
            hint="请备齐推荐材料和上述证明材料",
        )
