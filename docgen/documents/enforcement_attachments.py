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
- A notarised debt instrument: the 公证债权文书 — the deed with the debt instrument it
  proves (法释〔2018〕18号 art. 4) — then the notary's 执行证书 (art. 3; without it the
  application is not accepted, art. 5(4)): ``enforcement_notarial.notarial_papers``.
- An agent's papers are what 民诉法解释 art. 88 asks of the agent's kind: a lawyer's the
  firm's letter and the practising certificate (88(1)), an employee's the identity
  document and proof of the labour relationship with the applicant (88(4)), another
  agent's an identity paper (``standing_papers``, shared with the payment order).
- A demand the application says interrupted the period to apply
  (``enforcement_interruptions``: only one that restarted it is stated) is filed with what
  proves it reached the respondent: the respondent may object that the period ran out,
  and the court decides on that proof (民诉法解释 art. 481); a demand interrupts once it
  reaches the respondent (诉讼时效规定 art. 8(1) items (1), (2): a paper signed for, a letter or a
  data message that reached the other party). So the paper, named as the facts name it
  (「《履行催告函》」, else 「书面履行要求」), with the proof its manner leaves: the mailing
  and its delivery record, the respondent's signature, the sending and arrival record of a
  data message.
- Each applicant's service address confirmation (送达地址确认书): courts ask it of every
  party at enforcement filing (《人民法院办理执行案件规范》 item 324, as a public copy gives
  it: 执行中当事人应当向人民法院提供或者确认自己准确的送达地址，并填写送达地址确认书; a
  court's online-filing guide calls it 执行立案必须的材料). The case cannot tell whether
  the court's form was filled in beforehand (the address in the application's party block
  is not that form), and every filing needs one, so it is always listed, on the court's
  form (in a suit the same form is asked at filing: 法释〔2004〕13号 art. 3, 当事人起诉或者
  答辩时…填写送达地址确认书).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.enforcement_interruptions import effective, paper_words
from docgen.documents.enforcement_notarial import notarial_papers
from docgen.documents.enforcement_parts import (
    TITLE_LABELS,
    ApplicationInterruption,
    EnforcementTitle,
)
from docgen.documents.filing_papers import AGENT_TITLES, APPLICANT, EXECUTION_RESPONDENT
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import standing_papers
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

# 执行工作若干问题的规定 art. 19: either paper, as the award's parties made it
ARBITRATION_AGREEMENT = "仲裁协议书或者含有仲裁条款的合同书"
# what proves a demand reached the respondent, by how it was made (诉讼时效规定 art. 8)
DEMAND_PROOF = {
    "mail": "邮寄、妥投凭证",
    "in_person": "被执行人签收凭证",
    "electronic": "发送及到达记录",
    None: "送达凭证",
}
# a demand stated with neither its paper nor its manner (the user is warned,
# ``warn_unproven_demands``): what proves it, without naming a paper it may not have had
DEMAND_PROOF_UNSTATED = f"{APPLICANT}提出履行要求的证明材料"
SERVICE_CONFIRMATION = "送达地址确认书"


def attachments(case: EnforcementApplication, assessment: Assessment) -> list[str]:
    """The papers filed with the application, in the order a filing clerk checks them: the
    instrument's, the proof of each demand the facts say interrupted the period, each
    applicant's standing and agent papers (``standing_papers``, the one declaration every
    application shares), the applicants' service address confirmation, then the leads."""
    notarial = case.title.kind == "notarial"
    items = notarial_papers(case) if notarial else instrument_papers(case.title)
    items += demand_papers(effective(case, assessment))
    for applicant in case.applicants:
        items += standing_papers(
            APPLICANT, applicant.party, applicant.agents, AGENT_TITLES["execution"]
        )
    names = "、".join(a.party.name for a in case.applicants)
    items.append(f"{APPLICANT}{names}的{SERVICE_CONFIRMATION}")
    if case.property_leads:
        items.append(f"{EXECUTION_RESPONDENT}财产线索")
    return items


def demand_papers(events: list[ApplicationInterruption]) -> list[str]:
    """「《履行催告函》及邮寄、妥投凭证（邮件号：1151234567890）」 for each demand stated, its
    day before it where several are; 「提出履行要求的证明材料」 for one stated with neither
    its paper nor how it was made."""
    demands = [e for e in events if e.kind == "demanded"]
    items = []
    for event in demands:
        when = f"{format_cn(event.day)}发出的" if len(demands) > 1 else ""
        if event.document is None and event.manner is None:
            items.append(f"{when}{DEMAND_PROOF_UNSTATED}")
            continue
        number = ""
        if event.manner == "mail" and event.tracking_number:
            number = f"（邮件号：{event.tracking_number}）"
        items.append(f"{when}{paper_words(event)}及{DEMAND_PROOF[event.manner]}{number}")
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
    return [copy]
