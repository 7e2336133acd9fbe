"""What an applicant files of itself and of its agents with an application to a court, in
its 「附：」 list: declared once for every application that lists them (强制执行申请书,
支付令申请书), which differ only by the applicant's role word and the agents' title.

- The applicant itself: a person the copy of the identity document; an organisation the
  copy of its business licence and the certificate of the one who acts for it, its
  法定代表人 (a branch's 负责人, another organisation's 主要负责人, as its party block names
  them). 法释〔2015〕8号 (登记立案若干问题的规定) art. 6(1) asks this of a plaintiff
  (起诉人是法人或者其他组织的，提交营业执照…复印件、法定代表人或者主要负责人身份证明书),
  applied to the applications by analogy; at enforcement 执行工作若干问题的规定（试行）
  art. 18 asks it of the applicant (``enforcement_attachments``).
- Its agents: the power of attorney it signed (民事诉讼法 art. 62; 法释〔2015〕8号 art.
  6(2); 执行工作若干问题的规定 art. 20), and what 民诉法解释 (法释〔2022〕11号) art. 88 asks
  of each kind of agent besides it: (1) a lawyer the practising certificate and the firm's
  certificate (the firm's letter); (2) a basic-level legal service worker the practising
  certificate, the office's letter of introduction and proof that a party is in the
  office's area; (4) a party's employee an identity document and proof of a lawful
  labour relationship with the party (与当事人有合法劳动人事关系的证明材料) — only such an
  employee may act as the party's 工作人员 (art. 86). The wording of arts. 86 and 88 relied
  on is the 2015 text as quoted on 110ask.com and dfrtw.com; the 2022 amendment kept their
  numbers (the project cites art. 88 so throughout).

An agent of these applications is described by name, 工作单位 and position
(``court_parts.Agent``), not by kind: the kind is read from the 工作单位 (``agent_kind``),
else from the ground typed (``Agent.standing``: a 近亲属, a recommended citizen); staff of
another organisation with no ground is refused, an agent whose kind cannot be read
otherwise listed by an identity paper alone and warned of (``check_agent_standing``). The
power of attorney asks the kind outright (``AGENT_KINDS``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from docgen.documents.court_parts import Agent, representative
from docgen.documents.parts import same_name
from docgen.documents.problems import Assessment, Loc
from docgen.domain.parties import Party, Person

AgentKind = Literal["lawyer", "legal_worker", "relative", "employee", "recommended"]
# who may be a party's agent (民事诉讼法 art. 61), each kind by its own papers (民诉法解释
# art. 88 (1)–(6))
AGENT_KINDS: dict[AgentKind, str] = {
    "lawyer": "律师",
    "legal_worker": "基层法律服务工作者",
    "relative": "当事人的近亲属",
    "employee": "当事人的工作人员",
    "recommended": "社区、单位或社会团体推荐的公民",
}
LAW_FIRM = "律师事务所"
LEGAL_SERVICE_OFFICE = "法律服务所"
LABOUR_PROOF = "劳动合同、社会保险缴纳记录等"
"""What proves a lawful labour relationship, as courts' filing guides give examples."""
_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


def agent_kind(agent: Agent, party: Party) -> AgentKind | None:
    """The kind of an agent read from its 工作单位: a law firm's lawyer, a legal service
    office's worker, the party's own employee (its 工作单位 the party itself); else the
    standing typed (a relative or a recommended citizen works elsewhere); None when
    neither tells it."""
    if LAW_FIRM in agent.firm:
        return "lawyer"
    if LEGAL_SERVICE_OFFICE in agent.firm:
        return "legal_worker"
    if not isinstance(party, Person) and same_name(agent.firm, party.name):
        return "employee"
    return agent.standing


_ORGANISATION = re.compile(
    r"(公司|集团|企业|合伙[）)]|厂|店|行|中心|医院|学校|大学|学院|院|所|会|局|社|处|部|站|馆)$"
)
"""How the name of an organisation ends: a 工作单位 so named is someone's employer."""


def works_for_another(agent: Agent, party: Party) -> bool:
    """The agent's 工作单位 names an organisation that is not the party (nor a law firm or
    a legal service office): as its staff the agent is no staff of the party."""
    firm = unicodedata.normalize("NFKC", agent.firm).strip()
    return agent_kind(agent, party) is None and _ORGANISATION.search(firm) is not None


def identity_paper(role: str, party: Party) -> str:
    """A person's identity document; an organisation's licence and its representative's
    certificate (法定代表人, or the 负责人 of a branch, the 主要负责人 of another body)."""
    if isinstance(party, Person):
        document = "身份证明" if party.id_type == "其他" else f"{party.id_type}复印件"
        return f"{role}{party.name}的{document}"
    title, _ = representative(party)
    return f"{role}{party.name}的营业执照副本复印件及{title}身份证明书"


def agent_papers(role: str, party: Party, agents: Sequence[Agent], title: str) -> list[str]:
    """What each agent files besides the power of attorney (民诉法解释 art. 88), the agents
    of one kind on one line: each law firm's letter with its lawyers' practising
    certificates; each legal service office's letter of introduction with its workers'
    certificates; the employees' identity documents with the proof of their labour
    relationship with the party; another agent's identity paper."""
    by_kind: dict[AgentKind | None, dict[str, list[str]]] = {}
    for agent in agents:
        kind = agent_kind(agent, party)
        by_kind.setdefault(kind, {}).setdefault(agent.firm, []).append(agent.name)
    items = [
        f"{firm}函及{'、'.join(names)}律师执业证复印件"
        for firm, names in by_kind.get("lawyer", {}).items()
    ]
    items += [
        f"{office}出具的介绍信、{'、'.join(names)}的法律服务工作者执业证复印件及当事人一方"
        "位于本辖区内的证明材料"
        for office, names in by_kind.get("legal_worker", {}).items()
    ]
    if employees := [name for names in by_kind.get("employee", {}).values() for name in names]:
        items.append(
            f"{title}{'、'.join(employees)}的身份证件复印件及其与{role}{party.name}存在合法劳动"
            f"人事关系的证明材料（{LABOUR_PROOF}）"
        )
    if relatives := [name for names in by_kind.get("relative", {}).values() for name in names]:
        # art. 88(3): 身份证件和与委托人有近亲属关系的证明材料
        items.append(
            f"{title}{'、'.join(relatives)}的身份证件复印件及其与{role}{party.name}有近亲属关系的"
            "证明材料"
        )
    if recommended := [n for names in by_kind.get("recommended", {}).values() for n in names]:
        # art. 88(5), (6): 身份证件、推荐材料, and what shows the recommender may recommend
        items.append(
            f"{title}{'、'.join(recommended)}的身份证件复印件、推荐材料及{role}属于推荐的社区、"
            "单位或者符合社会团体推荐条件的证明材料"
        )
    if others := [name for names in by_kind.get(None, {}).values() for name in names]:
        items.append(f"{title}{'、'.join(others)}的身份证明")
    return items


def standing_papers(role: str, party: Party, agents: Sequence[Agent], title: str) -> list[str]:
    """The applicant's standing and agent papers, in the order a filing clerk checks them:
    its identity, then, with agents, the power of attorney it signed and each agent's
    papers (``agent_papers``)."""
    items = [identity_paper(role, party)]
    if agents:
        items.append(f"{role}{party.name}出具的授权委托书")
        items += agent_papers(role, party, agents, title)
    return items


def check_agent_standing(
    result: Assessment, role: str, party: Party, agents: Sequence[Agent], loc: Loc, title: str
) -> None:
    """Who may be an agent is a closed list (民事诉讼法 art. 61): a lawyer or a basic-level
    legal service worker; the party's 近亲属 (民诉法解释 art. 85) or 工作人员 — only staff
    with a lawful labour relationship with the party itself (art. 86); a citizen the
    party's community or 单位, or a social body, recommends (art. 87). Each ``agents[i]``:

    - employed by an organisation that is not the party, no other standing typed: the
      data shows the agent is no staff of the party and gives no other ground, so the
      court would refuse the agent (an error at ``standing``);
    - a 近亲属 of an organisation: it has none (an error);
    - a 工作单位 that names no organisation and no standing typed: a warning, the agent
      may be eligible; the 附 lists only an identity paper (art. 88 asks the proof of
      each kind)."""
    for i, agent in enumerate(agents):
        at = (*loc, i, "standing")
        kind = agent_kind(agent, party)
        if kind == "relative" and not isinstance(party, Person):
            result.error(
                at,
                "agent_without_standing",
                f"{role}{party.name}不是自然人，没有近亲属：{title}{agent.name}不能以近亲属的名义代理"
                f"（{_SPI}第八十五条）",
                hint=f"{agent.name}是{role}的工作人员的，请将工作单位填写为{party.name}",
            )
        elif works_for_another(agent, party):
            result.error(
                at,
                "agent_without_standing",
                f"{title}{agent.name}是「{agent.firm}」的{agent.position}，不是律师、基层法律服务"
                f"工作者，也不是{role}{party.name}的工作人员（与当事人有合法劳动人事关系的职工才能以"
                f"当事人工作人员的名义代理，{_SPI}第八十六条）：未写明其他代理资格的，不得被委托为"
                "诉讼代理人（《中华人民共和国民事诉讼法》第六十一条）",
                hint=f"{agent.name}是{role}的近亲属或受推荐的公民的，请选择代理资格；否则请另行委托",
            )
        elif kind is None:
            result.warn(
                at,
                "agent_standing_unknown",
                f"未能从{title}{agent.name}的工作单位「{agent.firm}」看出其代理资格：附项只能列明其"
                f"身份证明，未列代理资格的证明材料（《中华人民共和国民事诉讼法》第六十一条，"
                f"{_SPI}第八十八条）",
                hint="近亲属或被推荐的公民代理的，请选择代理资格；律师请填写律师事务所名称，"
                f"{role}的工作人员填写{role}的名称",
            )
