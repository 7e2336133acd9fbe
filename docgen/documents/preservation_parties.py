"""The parties of a property preservation application: who applies, against whom, and
how the court reaches each of them.

《最高人民法院关于人民法院办理财产保全案件若干问题的规定》 (法释〔2016〕22号, amended by
法释〔2020〕21号) art. 1(1): the application states 「申请保全人与被保全人的身份、送达地址、
联系方式」 — of the respondent as much as of the applicant. A respondent's 住所 is in its
party block; an address for service elsewhere and a phone go in ``respondent_contacts``,
matched to the respondent by name (as a property lead names its owner).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from docgen.documents.court_parts import block_lines, check_representative_position
from docgen.documents.guardian_rules import check_filing_parties
from docgen.documents.parts import check_party, same_party
from docgen.documents.problems import Assessment, Loc
from docgen.domain.fields import CaseModel, Phone, ShortText, Text
from docgen.domain.parties import Party, Person

RULES = "《最高人民法院关于人民法院办理财产保全案件若干问题的规定》"


class RespondentContact(CaseModel):
    """Where and how to reach a respondent besides its 住所 (规定 art. 1(1))."""

    respondent: ShortText = Field(title="被申请人", description="应为被申请人之一的姓名或名称")
    address: Text | None = Field(
        default=None, title="送达地址", description="住所地以外可以送达的地址"
    )
    phone: Phone | None = Field(default=None, title="联系电话")


def check_parties(result: Assessment, case: Any) -> None:
    """Each party as every filing checks it; the applicant and the respondents each
    reachable (规定 art. 1(1)); an applicant organisation's representative with the
    position held (``check_representative_position``)."""
    for i, applicant in enumerate(case.applicants):
        loc = ("applicants", i, "party")
        check_party(result, applicant.party, loc)
        _check_applicant_reachable(result, applicant, (*loc, "phone"))
        _check_applicant_service(result, applicant, ("applicants", i, "service"))
        check_representative_position(result, applicant.party, loc, "财产保全申请书")
    for i, respondent in enumerate(case.respondents):
        check_party(result, respondent, ("respondents", i))
        if any(same_party(respondent, a.party) for a in case.applicants):
            result.error(("respondents", i), "same_party", "被申请人与申请人不能为同一主体")
    _check_contacts(result, case)
    # the applicant signs through a guardian; a respondent's is warned (民事诉讼法 art. 60)
    check_filing_parties(
        result,
        case.application_date,
        [(a.party, ("applicants", i, "party")) for i, a in enumerate(case.applicants)],
        [(r, ("respondents", i)) for i, r in enumerate(case.respondents)],
    )


def _check_applicant_reachable(result: Assessment, applicant: Any, loc: Loc) -> None:
    """The application states how to reach the applicant (规定 art. 1(1): 身份、送达地址、
    联系方式): a phone of its own, of its agent or of its service address. A warning: the
    court has it supplied rather than refuse the application."""
    if applicant.party.phone or applicant.agents or applicant.service is not None:
        return
    result.warn(
        loc,
        "contact_missing",
        f"财产保全申请书应载明申请人{applicant.party.name}的联系方式（{RULES}第一条第一项）",
        hint="请填写联系电话，或填写送达地址、委托诉讼代理人",
    )


def _check_applicant_service(result: Assessment, applicant: Any, loc: Loc) -> None:
    """The application states where the applicant is served (规定 art. 1(1): 送达地址): its
    party block gives only its 住所, which need not be where it takes court documents (a
    company's office elsewhere, a lawyer's firm). A warning, as for the phone: the court
    has it supplied rather than refuse the application."""
    if applicant.service is not None:
        return
    result.warn(
        loc,
        "service_address_missing",
        f"财产保全申请书应载明申请人{applicant.party.name}的送达地址（{RULES}第一条第一项："
        "申请保全人与被保全人的身份、送达地址、联系方式）",
        hint="请填写申请人的送达地址、收件人和联系电话",
    )


def _check_contacts(result: Assessment, case: Any) -> None:
    """Each contact names a respondent once and gives an address or a phone; each
    respondent has a phone: its own, its guardian's (a ward is reached through its
    法定代理人, 民事诉讼法 art. 60) or its contact's. A respondent without one is warned,
    as the applicant is: the court has it supplied."""
    names = [r.name for r in case.respondents]
    seen: set[str] = set()
    for i, contact in enumerate(case.respondent_contacts):
        loc = ("respondent_contacts", i)
        if contact.respondent not in names:
            result.error(
                (*loc, "respondent"),
                "not_a_respondent",
                f"「{contact.respondent}」不是被申请人（被申请人：{'、'.join(names)}）",
            )
        elif contact.respondent in seen:
            result.error(
                (*loc, "respondent"),
                "duplicate",
                f"被申请人{contact.respondent}的送达地址和联系方式已填写，请合并为一项",
            )
        seen.add(contact.respondent)
        if not contact.address and not contact.phone:
            result.error(loc, "missing", "请填写送达地址或联系电话")
    for i, respondent in enumerate(case.respondents):
        if not _reachable(respondent, case.respondent_contacts):
            result.warn(
                ("respondents", i, "phone"),
                "contact_missing",
                f"财产保全申请书应载明被申请人{respondent.name}的联系方式（{RULES}第一条第一项）",
                hint="请填写被申请人的联系电话；住所地以外另有送达地址的，在「被申请人的送达地址"
                "和联系方式」中填写",
            )


def _reachable(respondent: Party, contacts: list[RespondentContact]) -> bool:
    if respondent.phone:
        return True
    if isinstance(respondent, Person) and respondent.guardian and respondent.guardian.phone:
        return True
    return any(c.phone for c in contacts if c.respondent == respondent.name)


def party_blocks(case: Any) -> list[str]:
    """Every applicant's block (agents, service address), then every respondent's, each
    followed by the address and phone given for it."""
    lines: list[str] = []
    for a in case.applicants:
        lines += block_lines("申请人", a.party, a.agents, a.service)
    for r in case.respondents:
        lines += block_lines("被申请人", r)
        lines += [contact_line(c) for c in case.respondent_contacts if c.respondent == r.name][:1]
    return lines


def contact_line(contact: RespondentContact) -> str:
    """「被申请人李秀英的送达地址：…，联系电话：…。」 as given: named, since the line stands
    under the respondent's block as the applicant's own 「送达地址：」 line stands under its
    block, and a clerk serving it must not take one for the other (规定 art. 1(1): each
    party's 送达地址)."""
    parts = [f"送达地址：{contact.address}"] if contact.address else []
    if contact.phone:
        parts.append(f"联系电话：{contact.phone}")
    return f"被申请人{contact.respondent}的" + "，".join(parts) + "。"
