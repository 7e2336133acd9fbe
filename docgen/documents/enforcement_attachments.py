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
- An agent's papers are what 民诉法解释 art. 88 asks of the agent's kind: a lawyer's the
  firm's letter and the practising certificate (88(1)), an employee's the identity
  document and proof of the labour relationship with the applicant (88(4)), another
  agent's an identity paper (``standing_papers``, shared with the payment order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.enforcement_parts import TITLE_LABELS, EnforcementTitle
from docgen.documents.filing_papers import AGENT_TITLES, APPLICANT, EXECUTION_RESPONDENT
from docgen.documents.standing_papers import standing_papers

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

# 执行工作若干问题的规定 art. 19: either paper, as the award's parties made it
ARBITRATION_AGREEMENT = "仲裁协议书或者含有仲裁条款的合同书"


def attachments(case: EnforcementApplication) -> list[str]:
    """The papers filed with the application, in the order a filing clerk checks them: the
    instrument's, then each applicant's standing and agent papers (``standing_papers``,
    the one declaration every application shares), then the leads."""
    items = instrument_papers(case.title)
    for applicant in case.applicants:
        items += standing_papers(
            APPLICANT, applicant.party, applicant.agents, AGENT_TITLES["execution"]
        )
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
