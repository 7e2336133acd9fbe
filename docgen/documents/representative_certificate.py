"""法定代表人身份证明书 — the organisation certifies who its legal representative is.

A legal person sues through its legal representative, another organisation through its
principal person in charge (民事诉讼法 art. 51); the one registered is the one that counts
(民诉法解释 art. 50). The court asks an organisation party for this certificate with the
complaint; a natural person shows an identity card instead, so the certificate of a
person is an error. For an unincorporated organisation it is the certificate of its
principal person in charge (主要负责人身份证明书).

A partnership (a 非法人组织, 民法典 art. 102) acts through the partner executing its
affairs; when that partner is a legal person or another organisation, through the
representative it delegates (合伙企业法 art. 26: 作为合伙人的法人、其他组织执行合伙事务的，
由其委派的代表执行). The delegate holds no post of the partnership itself, so the
certificate names the executing partner that delegated them, as the business licence
and courts' judgments name a partnership's 执行事务合伙人 (「执行事务合伙人：…有限公司」,
(2022)最高法民终145号): 「我单位执行事务合伙人为北京恒远投资管理有限公司，其委派代表
孙志远是我单位的主要负责人。」 (``executing_partner``; a delegate without it is warned of).
No court's model certificate for a partnership was found; the wording follows the
article and the licence.

The representative's ID number is labelled 「公民身份号码」, as every other filing labels a
resident ID number (``identity.number_label``), and the seal line keeps the name on one
line (the layout sets a long one flush right).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.court_names import court_name
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
from docgen.domain.fields import CaseModel, Line, Phone, ShortText
from docgen.domain.identity import number_label
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
    executing_partner: Line | None = Field(
        default=None,
        title="执行事务合伙人",
        description="合伙企业的执行事务合伙人为法人或其他组织、由其委派代表执行合伙事务的，"
        "填写该执行事务合伙人的名称（见营业执照）",
    )
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
    _check_executing_partner(result, case)
    check_resident_id(result, case.id_number, ("id_number",))
    if case.case is not None:
        result.computed["court"] = check_case(result, case.case, paper="证明书")
        check_is_party(result, case.case, org.name, ("organization", "name"), "单位")
    check_date(result, case.issue_date, options.current_date(), ("issue_date",))
    return result


DELEGATE = "委派代表"
_PARTNERSHIP_LAW = "《中华人民共和国合伙企业法》第二十六条"


def _check_executing_partner(result: Assessment, case: RepresentativeCertificate) -> None:
    """A delegate is delegated by the executing partner (合伙企业法 art. 26), whom the
    certificate names: a delegate without it is warned of (the certificate is still what
    it says). A legal person has a 法定代表人, no executing partner: a partnership is a
    非法人组织 (民法典 art. 102) acting by its 主要负责人 (民事诉讼法 art. 51)."""
    org = case.organization
    if not isinstance(org, Organization):
        return
    if case.executing_partner is None:
        if DELEGATE in case.position:
            result.warn(
                ("executing_partner",),
                "executing_partner_missing",
                f"{org.legal_representative}为执行事务合伙人{DELEGATE}：{DELEGATE}由执行合伙事务的"
                f"法人或其他组织委派（{_PARTNERSHIP_LAW}），证明书应写明委派其的执行事务合伙人",
                hint="请填写执行事务合伙人的名称，如 北京恒远投资管理有限公司（见营业执照）",
            )
        return
    if _role(org) == "法定代表人":
        result.error(
            ("executing_partner",),
            "executing_partner_of_a_legal_person",
            f"执行事务合伙人仅见于合伙企业；{org.name}登记为由法定代表人代表的法人。合伙企业为"
            "非法人组织（《中华人民共和国民法典》第一百零二条），由其主要负责人进行诉讼"
            "（《中华人民共和国民事诉讼法》第五十一条）",
            hint="合伙企业请将单位的「职务」选为主要负责人；法人请删除执行事务合伙人",
        )


def _statement(case: RepresentativeCertificate, org: Organization, role: str) -> str:
    """Who the representative is: a delegate by the executing partner that delegated them
    (the position, a delegate's, not repeated); anyone else by the post held."""
    person = org.legal_representative
    if case.executing_partner is None:
        return f"{person}在我单位担任{case.position}职务，是我单位的{role}。"
    post = "" if DELEGATE in case.position else f"在我单位担任{case.position}职务，"
    return (
        f"我单位执行事务合伙人为{case.executing_partner}，其{DELEGATE}{person}{post}"
        f"是我单位的{role}。"
    )


def _role(org: Organization) -> str:
    """The role the party block names (a branch's 负责人, court_parts.representative)."""
    return representative(org)[0]


def build_context(case: RepresentativeCertificate, assessment: Assessment) -> dict[str, Any]:
    org = case.organization
    if not isinstance(org, Organization):
        raise ValueError("a certificate is made for an organisation only")
    role = _role(org)
    use = court = ""
    if case.case:
        court = assessment.computed.get("court") or court_name(case.case.court)
        use = f"本证明书用于{court}审理的{case_title(case.case)}。"
    # whose number and phone, in one sentence closed with 。 as every other line of the
    # certificate is (「法定代表人陈建国，公民身份号码：…，联系电话：…。」), the number
    # labelled as every filing labels a resident ID number (公民身份号码, as person_line does)
    facts = [f"{number_label('居民身份证')}：{case.id_number}"] if case.id_number else []
    facts += [f"联系电话：{case.phone}"] if case.phone else []
    details = [f"{role}{org.legal_representative}，{'，'.join(facts)}。"] if facts else []
    return {
        "title": TITLES[role],
        "type_title": DOCUMENT_TITLE,
        "organization": [
            f"单位名称：{org.name}",
            f"统一社会信用代码：{org.uscc}",
            f"住所地：{org.address}",
        ],
        "statement": _statement(case, org, role),
        "use": use,
        "details": details,
        "signer": f"单位（盖章）：{org.name}",
        "issue_date": format_cn(case.issue_date),
        "court": court,
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
