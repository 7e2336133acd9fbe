"""法定代表人身份证明书 — the organisation certifies who its legal representative is.

A legal person sues through its legal representative, another organisation through its
principal person in charge (民事诉讼法 art. 51); the one registered is the one that counts
(民诉法解释 art. 50). The court asks an organisation party for this certificate with the
complaint; a natural person shows an identity card instead, so the certificate of a
person is an error. For an unincorporated organisation it is the certificate of its
principal person in charge (主要负责人身份证明书).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.court_parts import representative
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import (
    CaseRef,
    case_title,
    check_case,
    check_date,
    check_is_party,
    check_resident_id,
)
from docgen.documents.parts import check_party
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Phone, ShortText
from docgen.domain.parties import Organization, Party

DOCUMENT_TITLE = "法定代表人身份证明书"
TITLES = {
    "法定代表人": "法定代表人身份证明书",
    "负责人": "负责人身份证明书",
    "主要负责人": "主要负责人身份证明书",
}


class RepresentativeCertificate(CaseModel):
    """The facts of a certificate of the legal representative."""

    organization: Party = Field(title="单位", description="法人或非法人组织")
    position: ShortText = Field(title="职务", description="在单位担任的职务，如 执行董事兼总经理")
    id_number: ShortText | None = Field(default=None, title="法定代表人身份证号码")
    phone: Phone | None = Field(default=None, title="法定代表人联系电话")
    case: CaseRef | None = Field(
        default=None, title="案件", description="填写则写明本证明书用于该案"
    )
    issue_date: date = Field(title="出具日期")


def assess(case: RepresentativeCertificate, options: RuleOptions) -> Assessment:
    result = Assessment()
    org = case.organization
    if not isinstance(org, Organization):
        result.error(
            ("organization", "kind"),
            "not_an_organization",
            "法定代表人身份证明书仅适用于法人或非法人组织（《中华人民共和国民事诉讼法》"
            "第五十一条）；自然人当事人提交居民身份证等身份证件即可",
        )
    else:
        check_party(result, org, ("organization",))
    check_resident_id(result, case.id_number, ("id_number",))
    if case.case is not None:
        check_case(result, case.case)
        check_is_party(result, case.case, org.name, ("organization", "name"), "单位")
    check_date(result, case.issue_date, options.current_date(), ("issue_date",))
    return result


def _role(org: Organization) -> str:
    """The role the party block names (a branch's 负责人, court_parts.representative)."""
    return representative(org)[0]


def build_context(case: RepresentativeCertificate, assessment: Assessment) -> dict[str, Any]:
    org = case.organization
    if not isinstance(org, Organization):
        raise ValueError("a certificate is made for an organisation only")
    role = _role(org)
    use = f"本证明书用于{case.case.court}审理的{case_title(case.case)}。" if case.case else ""
    details = [f"{role}身份证号码：{case.id_number}"] if case.id_number else []
    if case.phone:
        details.append(f"联系电话：{case.phone}")
    return {
        "title": TITLES[role],
        "type_title": DOCUMENT_TITLE,
        "organization": [
            f"单位名称：{org.name}",
            f"统一社会信用代码：{org.uscc}",
            f"住所地：{org.address}",
        ],
        "statement": (
            f"{org.legal_representative}在我单位担任{case.position}职务，是我单位的{role}。"
        ),
        "use": use,
        "details": details,
        "signer": f"单位（盖章）：{org.name}",
        "issue_date": format_cn(case.issue_date),
        "court": case.case.court if case.case else "",
    }


def filename(case: RepresentativeCertificate) -> str:
    org = filename_part(case.organization.name)
    return f"法定代表人身份证明书-{org}-{case.issue_date:%Y%m%d}"


DOCUMENT: DocumentType[RepresentativeCertificate] = DocumentType(
    name="representative_certificate",
    order=100,
    layouts={"": "docgen.layouts.representative_certificate:build"},
    title=DOCUMENT_TITLE,
    model=RepresentativeCertificate,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="单位当事人证明其法定代表人（主要负责人）的姓名、职务，加盖单位公章",
    bundle_part=None,
    court_filing=True,
)
