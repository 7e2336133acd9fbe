"""What is filed with a civil complaint, its 「附：」 list, read from the case, in the order
a filing clerk checks the papers and a filing bundle files them (``bundle.papers``:
complaint, the plaintiffs' standing, the agents' authority, then the evidence):

- the copies of the complaint, one per defendant (民事诉讼法 art. 123: 按照被告人数提出
  副本; 登记立案若干问题的规定 (法释〔2015〕8号) art. 6(4): 起诉状原本和与被告…人数相符的
  副本);
- each plaintiff's identity: a person's identity document, an organisation's business
  licence and its 法定代表人's (负责人's) certificate (art. 6(1); ``standing_papers``,
  the words the payment order and the enforcement application print, and the titles of
  the bundle's own papers, 法定代表人身份证明书 and 授权委托书); a plaintiff who sues through
  a guardian, the guardian's identity and the proof of guardianship, as court filing
  guides ask it (148hz.com: 原告为未成年人的，法定代理人应提交本人身份证及户口簿复印件;
  2wbiao.com: 监护人代理未成年诉讼需提供监护关系证明);
- where agents are appointed, the power of attorney (民事诉讼法 art. 62; art. 6(2)) and
  each agent's papers by kind (民诉法解释 art. 88: a lawyer's the firm's letter and the
  practising certificate);
- each plaintiff's 送达地址确认书, which a party gives when it sues (法发〔2017〕19号;
  《最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的若干规定》 art. 3; the bundle files
  it among its papers, ``bundle.papers``), unless the case says it is not filed with the
  complaint (``service_confirmation_filed``);
- the ruling of a pre-suit preservation whose number the case gives (``preservation``),
  by the court that ordered it and its case number: the suit must follow within thirty
  days of the measures or they are lifted (民事诉讼法 art. 104(3)), and the ruling shows
  the court receiving the suit which measures it continues. Filing practice, not an
  article: 法释〔2015〕8号 art. 6 does not name it (a 1998 reply, 法释〔1998〕5号 as found
  on zjjiuhenglf.com, has the preserving court send its papers to the court sued in);
- the evidence: the evidence list (证据目录, the bundle's title for it) and the evidence
  materials, counted by the items the complaint lists (art. 6(5): 与诉请相关的证据或者
  证明材料; 民事证据规定 art. 19: 证据…编号并…说明), or, filed in a bundle, by the exhibits
  the bundle files (``exhibits_filed``, which it may have more of than the complaint lists).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from docgen.documents.complaint_rules import PRESERVATION_DAYS
from docgen.documents.court_names import court_name_by_number
from docgen.documents.court_parts import TRIAL_AGENT
from docgen.documents.problems import Assessment
from docgen.documents.standing_papers import agent_papers, check_agent_standing, identity_paper
from docgen.domain.dates import format_cn
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

PLAINTIFF = "原告"
EVIDENCE_LIST = "证据目录"
SERVICE_CONFIRMATION = "送达地址确认书"


def attachments(case: CivilComplaint) -> list[str]:
    """The 「附：」 items, in the courts' order (the module's notes)."""
    items = [f"本起诉状副本{len(case.defendants)}份"]
    for plaintiff in case.plaintiffs:
        party = plaintiff.party
        items.append(identity_paper(PLAINTIFF, party))
        guardian = party.guardian if isinstance(party, Person) else None
        if guardian is not None:
            # a guardian who sues too has its identity listed as a plaintiff's
            suing = guardian.name in (p.party.name for p in case.plaintiffs)
            own = "" if suing else "的身份证明及其"
            items.append(
                f"{PLAINTIFF}{party.name}的法定代理人{guardian.name}{own}与{PLAINTIFF}{party.name}"
                "的监护关系证明材料"
            )
    for plaintiff in case.plaintiffs:
        if plaintiff.agents:
            party = plaintiff.party
            items.append(f"{PLAINTIFF}{party.name}出具的授权委托书")
            items += agent_papers(PLAINTIFF, party, plaintiff.agents, TRIAL_AGENT)
    if case.service_confirmation_filed:
        items.append(f"{SERVICE_CONFIRMATION}{len(case.plaintiffs)}份")
    ruling = preservation_ruling(case)
    if ruling:
        items.append(ruling)
    filed = case.exhibits_filed or len(case.evidence)
    items.append(f"{EVIDENCE_LIST}1份、证据材料{filed}份")
    return items


def preservation_ruling(case: CivilComplaint) -> str | None:
    """「北京市东城区人民法院（2026）京0101财保12号民事裁定书（诉前保全）1份」: the
    pre-suit preservation's ruling, the court by its full name or the one its number tells
    (as the element form prints it); None without its number."""
    held = case.preservation
    if held is None or not held.case_number:
        return None
    court = court_name_by_number(held.court, held.case_number)
    return f"{court}{held.case_number}民事裁定书（诉前保全）1份"


def preservation_fact(case: CivilComplaint, plaintiffs: str) -> str | None:
    """「北京市西城区人民法院已依原告刘芳的申请作出（2026）京0102财保45号民事裁定，于2026年11月2日
    采取诉前财产保全措施。原告刘芳在保全措施采取后三十日内依法提起诉讼（…第一百零四条第三款）。」:
    the narrative's fact of a pre-suit preservation (the element form has its own row); the
    thirty days said only where the filing keeps them (民事诉讼法 art. 104(3): else the
    court lifts the measures, warned ``preservation_lapsed``)."""
    held = case.preservation
    if held is None or held.ordered_on is None:
        return None
    court = court_name_by_number(held.court, held.case_number) if held.case_number else held.court
    ruling = f"作出{held.case_number}民事裁定，" if held.case_number else ""
    fact = (
        f"{court}已依{plaintiffs}的申请{ruling}于{format_cn(held.ordered_on)}采取诉前财产保全措施。"
    )
    if held.ordered_on <= case.filing_date <= held.ordered_on + timedelta(days=PRESERVATION_DAYS):
        fact += (
            f"{plaintiffs}在保全措施采取后三十日内依法提起诉讼"
            "（《中华人民共和国民事诉讼法》第一百零四条第三款）。"
        )
    return fact


def check_attachments(result: Assessment, case: CivilComplaint) -> None:
    """Who may act for a plaintiff (民事诉讼法 art. 61), as on every court filing: the 附
    lists each agent's papers by kind (``standing_papers.check_agent_standing``); and the
    evidence materials filed are no fewer than the items the complaint lists."""
    for i, plaintiff in enumerate(case.plaintiffs):
        check_agent_standing(
            result,
            PLAINTIFF,
            plaintiff.party,
            plaintiff.agents,
            ("plaintiffs", i, "agents"),
            TRIAL_AGENT,
        )
    listed = len(case.evidence)
    if case.exhibits_filed is not None and case.exhibits_filed < listed:
        result.error(
            ("exhibits_filed",),
            "exhibits_fewer_than_listed",
            f"起诉状列明证据{listed}项，「附」写明的证据材料{case.exhibits_filed}份少于所列证据，"
            "两者矛盾：所列证据应随起诉状一并提交",
            hint="不填的，按所列证据的项数写明；随起诉材料生成时按证据目录的项数写明",
        )
