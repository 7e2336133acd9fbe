"""What is filed with an application for enforcement (its 「附：」 list), read from the case:
the instrument enforced and what proves it enforceable, each applicant's identity, the
powers of attorney of its agents, the property leads given.

- The application comes with a copy of the effective instrument (生效法律文书副本) and the
  applicant's identity papers: a person's identity document, a legal person's business
  licence and its 法定代表人's certificate, another organisation's licence and its
  主要负责人's (执行工作若干问题的规定（试行）, 法释〔1998〕15号 as amended by 法释〔2020〕21号,
  art. 18); an award also with the arbitration agreement or the contract with the
  arbitration clause (art. 19); an agent's application with the power of attorney
  (art. 20). The article numbers are those public legal guides quote for the amended
  text; the official text was not in the copies consulted.
- A judgment takes effect once no appeal is lodged, which its court certifies: courts'
  filing notices ask for that 生效证明 with it; an appeal's judgment comes with the first
  instance's. A mediation statement takes effect on being signed for (民事诉讼法:
  调解书经双方当事人签收后，即具有法律效力), an award on being made (仲裁法 2017 art. 57):
  no certificate.
- A notarised debt instrument comes with the notary's 执行证书 (法释〔2018〕18号 art. 3;
  without it the application is not accepted, art. 5(4)).
- A lawyer acting files the firm's letter and the practising certificate (民诉法解释 art.
  88(1)); another agent an identity paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.court_parts import Agent, representative
from docgen.documents.enforcement_parts import TITLE_LABELS, EnforcementTitle
from docgen.documents.filing_papers import AGENT_TITLES, APPLICANT, EXECUTION_RESPONDENT
from docgen.domain.parties import Party, Person

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

# 执行工作若干问题的规定 art. 19: either paper, as the award's parties made it
ARBITRATION_AGREEMENT = "仲裁协议书或者含有仲裁条款的合同书"


def attachments(case: EnforcementApplication) -> list[str]:
    """The papers filed with the application, in the order a filing clerk checks them."""
    items = instrument_papers(case.title)
    items += [identity_paper(a.party) for a in case.applicants]
    for applicant in case.applicants:
        if applicant.agents:
            items.append(f"{APPLICANT}{applicant.party.name}出具的授权委托书")
            items += agent_papers(applicant.agents)
    if case.property_leads:
        items.append(f"{EXECUTION_RESPONDENT}财产线索")
    return items


def instrument_papers(title: EnforcementTitle) -> list[str]:
    """The instrument's copy and what shows it can be enforced, by its kind."""
    copy = f"{title.case_number}{TITLE_LABELS[title.kind]}副本"
    if title.kind == "judgment" and title.first_instance_court:
        return [f"{copy}及第一审民事判决书副本"]
    if title.kind == "judgment":
        return [f"{copy}及生效证明"]
    if title.kind == "arbitration":
        return [copy, title.arbitration_agreement or ARBITRATION_AGREEMENT]
    if title.kind == "notarial":
        return [copy, f"{title.issuer}出具的执行证书"]
    return [copy]


def identity_paper(party: Party) -> str:
    """A person's identity document; an organisation's licence and its representative's
    certificate (法定代表人, or the 负责人 of a branch, the 主要负责人 of another body)."""
    if isinstance(party, Person):
        document = "身份证明" if party.id_type == "其他" else f"{party.id_type}复印件"
        return f"{APPLICANT}{party.name}的{document}"
    role, _ = representative(party)
    return f"{APPLICANT}{party.name}的营业执照副本复印件及{role}身份证明书"


def agent_papers(agents: list[Agent]) -> list[str]:
    """Each law firm's letter with its lawyers' practising certificates; another agent's
    identity paper."""
    firms: dict[str, list[str]] = {}
    others: list[str] = []
    for agent in agents:
        if "律师事务所" in agent.firm:
            firms.setdefault(agent.firm, []).append(agent.name)
        else:
            others.append(agent.name)
    items = [f"{firm}函及{'、'.join(names)}律师执业证复印件" for firm, names in firms.items()]
    if others:
        items.append(f"{AGENT_TITLES['execution']}{'、'.join(others)}的身份证明")
    return items
