"""送达地址确认书 — where, and by what electronic means, the court may serve a party.

A party gives or confirms its address for service when it sues or answers, and signs the
court's confirmation form (法发〔2017〕19号; 《最高人民法院关于以法院专递方式邮寄送达民事
诉讼文书的若干规定》 art. 3). The form holds the address (postcode, full address, telephone),
the recipient, whether the party agrees to electronic service and at which fax number,
e-mail address or other electronic address (民事诉讼法 art. 90; 民诉法解释 arts. 135–136:
consent to electronic service is confirmed in this form), the court's notice of what an
inaccurate address leads to, and the party's confirmation.

A recipient other than the party is the 代收人 the party designates (民事诉讼法 art. 88:
受送达人已向人民法院指定代收人的，送交代收人签收): the courts' forms give the designated
recipient a row for the relationship to the party and one for the recipient's ID number,
blank only when the party receives in person. A designation without the relationship is
refused, and the form prints both rows (``recipient_relation``, ``recipient_id_number``,
a blank line 「＿＿＿＿」 for the recipient to fill in when not given, as an open item of the
courts' forms prints; the postcode likewise). A party receiving in person has neither row.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.complaint_form_parts import BLANK
from docgen.documents.court_names import court_name
from docgen.documents.court_parts import SIGN_OR_SEAL, signing_line
from docgen.documents.evidence_case import NUMBER_TO_FILL
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import (
    CaseRef,
    check_case,
    check_date,
    check_is_party,
    role_of,
)
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED, shown_when
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.identity import IdentityError, parse_resident_id

WAYS = {"email": "电子邮件", "sms": "手机短信", "wechat": "微信", "fax": "传真"}
# the field holding each way's electronic address, and what it is called
WAY_FIELDS = {
    "email": ("email", "电子邮箱"),
    "sms": ("mobile", "接收短信的手机号码"),
    "wechat": ("wechat", "微信号"),
    "fax": ("fax", "传真号码"),
}
NOTICES = (
    "受送达人应当如实提供准确、详细的送达地址，包括邮政编码、详细地址和联系电话。"
    "本确认书确认的送达地址和送达方式适用于本案一审、二审、再审审查和执行程序。",
    "诉讼中送达地址或者电子送达地址发生变更的，受送达人应当及时书面告知人民法院；"
    "未告知的，人民法院按本确认书所载地址送达。",
    # the 意见's item 七 in its own words (as quoted by the SPC in (2020)最高法民申5381号
    # and reproduced with the 意见's text on ms.isheng.net); 「以送达人当场在送达回证上记明
    # 情况之日」 is the summary procedure's rule (法释〔2003〕15号 art. 11), not the 意见's
    "因当事人提供的送达地址不准确、拒不提供送达地址、送达地址变更未书面告知人民法院，"
    "导致民事诉讼文书未能被受送达人实际接收的，直接送达的，民事诉讼文书留在该地址之日"
    "为送达之日；邮寄送达的，文书被退回之日为送达之日（最高人民法院《关于进一步加强"
    "民事送达工作的若干意见》，法发〔2017〕19号）。受送达人能够证明自己在诉讼文书送达的"
    "过程中没有过错的，不适用前述规定（《最高人民法院关于以法院专递方式邮寄送达民事诉讼"
    "文书的若干规定》第十一条）。",
    "受送达人同意电子送达的，人民法院可以通过本确认书所列的电子送达地址送达诉讼文书，"
    "以送达信息到达受送达人特定系统的日期为送达日期（《中华人民共和国民事诉讼法》"
    "第九十条）。",
)
CONFIRMATION = (
    "本人（本单位）已阅读上述告知事项，确认上列送达地址和送达方式，保证所填内容真实、"
    "准确；送达地址变更时将及时书面告知人民法院。"
)

Way = Annotated[
    Literal["email", "sms", "wechat", "fax"],
    Field(json_schema_extra={"enum_titles": list(WAYS.values())}),
]


def _resident_id(value: str) -> str:
    """An 18-character number is a 居民身份证 number and must check; another document's
    number (a passport) is kept as written."""
    if len(value) != 18 or not value[:17].isdigit():
        return value
    try:
        return parse_resident_id(value).number
    except IdentityError as exc:
        raise PydanticCustomError(exc.code, exc.message) from None


class ServiceAddressConfirmation(CaseModel):
    """The facts of a service address confirmation."""

    case: CaseRef = Field(title="案件")
    party: Line = Field(title="受送达人", description="本案当事人")
    address: Text = Field(title="送达地址", description="写明省、市、区县、街道门牌号")
    postal_code: ShortText | None = Field(
        default=None, title="送达地址邮政编码", pattern=r"^\d{6}$"
    )
    guardian: ShortText | None = Field(
        default=None,
        title="法定代理人",
        description="受送达人为无民事行为能力人或限制民事行为能力人的，填写其法定代理人"
        "（监护人）姓名，由法定代理人签名",
    )
    guardian_kind: Literal["person", "organization"] = Field(
        default="person",
        title="法定代理人身份",
        description="民政部门、居民委员会、村民委员会等组织担任监护人的，选择组织：由组织盖章、"
        "其负责人签名",
        json_schema_extra={**ADVANCED, "enum_titles": ["自然人", "组织"]},
    )
    guardian_representative: ShortText | None = Field(
        default=None,
        title="法定代理人的负责人",
        description="组织担任法定代理人的，填写代表其签名的负责人姓名，如 民政局局长",
        json_schema_extra=shown_when("guardian_kind", "organization"),
    )
    guardian_representative_title: Literal["负责人", "法定代表人"] = Field(
        default="负责人",
        title="负责人称谓",
        json_schema_extra=shown_when("guardian_kind", "organization"),
    )
    recipient: ShortText = Field(title="收件人", description="受送达人本人或其指定的代收人")
    recipient_relation: ShortText | None = Field(
        default=None, title="代收人与受送达人的关系", description="如 委托诉讼代理人、工作人员"
    )
    recipient_id_number: Annotated[ShortText, AfterValidator(_resident_id)] | None = Field(
        default=None,
        title="代收人身份证件号码",
        description="指定代收人时填写；不填则留空由代收人填写",
    )
    phone: Phone = Field(title="联系电话")
    electronic: bool = Field(default=False, title="同意电子送达")
    ways: list[Way] = Field(
        default_factory=list, max_length=4, title="电子送达方式", description="同意电子送达时选择"
    )
    email: ShortText | None = Field(
        default=None, title="电子邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )
    mobile: Phone | None = Field(default=None, title="接收短信的手机号码")
    wechat: ShortText | None = Field(default=None, title="微信号")
    fax: Phone | None = Field(default=None, title="传真号码")
    sign_date: date = Field(title="签署日期")


def assess(case: ServiceAddressConfirmation, options: RuleOptions) -> Assessment:
    result = Assessment()
    result.computed["court"] = check_case(result, case.case, paper="送达地址确认书")
    check_is_party(result, case.case, case.party, ("party",), "受送达人")
    # a party misnamed is reported once (not_a_party), not again as a recipient's relation
    known = role_of(case.case, case.party) is not None
    if known and designated(case) and not case.recipient_relation:
        result.error(
            ("recipient_relation",),
            "relation_missing",
            f"收件人「{case.recipient}」不是受送达人本人，而是受送达人指定的代收人（《中华人民"
            "共和国民事诉讼法》第八十八条）：请写明代收人与受送达人的关系，法院的送达地址确认书"
            "为指定代收人设有此栏",
            hint="如 委托诉讼代理人、工作人员、近亲属（写明亲属关系）",
        )
    if case.guardian and case.guardian == case.party:
        result.error(
            ("guardian",),
            "guardian_is_party",
            "法定代理人是代无民事行为能力人、限制民事行为能力人进行诉讼的监护人，不能是受送达人"
            "本人（《中华人民共和国民事诉讼法》第六十条）",
            hint="受送达人有完全民事行为能力的，请不填法定代理人",
        )
    _check_guardian_kind(result, case)
    if not case.postal_code:
        # 法释〔2004〕13号 art. 4: the confirmation holds the address's postcode, the full
        # address and the recipient's phone; the notice printed on the form says so too
        result.warn(
            ("postal_code",),
            "postal_code_missing",
            "送达地址确认书应写明送达地址的邮政编码（《最高人民法院关于以法院专递方式邮寄送达"
            "民事诉讼文书的若干规定》第四条）",
        )
    _check_electronic(result, case)
    check_date(result, case.sign_date, options.current_date(), ("sign_date",))
    return result


def _check_guardian_kind(result: Assessment, case: ServiceAddressConfirmation) -> None:
    """An organisation as 法定代理人 (民法典 arts. 31, 32; 民诉法解释 art. 83) seals the
    confirmation and its 负责人 signs for it (民事诉讼法 art. 51(2)), so the one who signs
    is named; an organisation with no 法定代理人 named is no guardian at all."""
    if case.guardian_kind != "organization":
        return
    if not case.guardian:
        result.error(
            ("guardian",),
            "missing",
            "法定代理人身份选择了组织，请填写担任法定代理人的组织名称（如 北京市东城区民政局）",
            hint="受送达人有完全民事行为能力的，请将法定代理人身份改为自然人",
        )
    elif not case.guardian_representative:
        result.error(
            ("guardian_representative",),
            "missing",
            f"{case.guardian}作为法定代理人，由其负责人代表签名（《中华人民共和国民事诉讼法》"
            "第五十一条第二款），请填写负责人姓名",
        )


def designated(case: ServiceAddressConfirmation) -> bool:
    """The recipient is a 代收人 the party designates, not the party itself."""
    return case.recipient != case.party


def _check_electronic(result: Assessment, case: ServiceAddressConfirmation) -> None:
    """Consent and its electronic addresses agree (民诉法解释 art. 136; 法发〔2017〕19号)."""
    if case.electronic and not case.ways:
        result.error(
            ("ways",),
            "missing",
            "同意电子送达的，应当选择电子送达方式并提供相应的电子送达地址",
        )
    if not case.electronic and case.ways:
        result.error(
            ("electronic",),
            "ways_without_consent",
            "已选择电子送达方式，但未勾选同意电子送达：电子送达须经受送达人同意"
            "（《中华人民共和国民事诉讼法》第九十条）",
        )
    if len(set(case.ways)) != len(case.ways):
        result.error(("ways",), "duplicate", "电子送达方式不能重复选择")
    for way in dict.fromkeys(case.ways):
        field, label = WAY_FIELDS[way]
        if not getattr(case, field):
            result.error((field,), "missing", f"选择了{WAYS[way]}送达，请填写{label}")


def _mark(chosen: bool) -> str:
    """☑ for a chosen option, □ for the others, as the courts' forms are ticked; the
    writers draw ☑ from □ and ✓, which the PDF fonts have (``typst_writer.TICKED_BOX``)."""
    return "☑" if chosen else "□"


def build_context(case: ServiceAddressConfirmation, assessment: Assessment) -> dict[str, Any]:
    role = role_of(case.case, case.party) or "当事人"
    ways = "　".join(f"{_mark(way in case.ways)}{label}" for way, label in WAYS.items())
    consent = f"{_mark(case.electronic)}同意（{ways}）　{_mark(not case.electronic)}不同意"
    electronic = [("是否同意电子送达", consent)]
    for way in WAYS:
        field, label = WAY_FIELDS[way]
        if way in case.ways:
            electronic.append((label, getattr(case, field)))
    # a designated recipient's relationship has a row of its own, as on the courts' forms;
    # a row left open prints the form's blank line for the hand, never an empty cell
    relation = [
        ("与受送达人关系", case.recipient_relation or BLANK),
        ("代收人身份证件号码", case.recipient_id_number or BLANK),
    ]
    relation = relation if designated(case) else []
    # before filing the number is a blank for the clerk, as on the evidence list filed with
    # it: an instruction (「（立案后填写）」) is no content of the paper
    number = case.case.case_number or NUMBER_TO_FILL
    # a ward confirms through its 法定代理人, named under it (民事诉讼法 art. 60)
    guardian = [("法定代理人", case.guardian)] if case.guardian else []
    return {
        "title": "送达地址确认书",
        "court": assessment.computed.get("court") or court_name(case.case.court),
        "case_line": f"案由：{case.case.cause}　　案号：{number}",
        "address_rows": [
            ("受送达人", f"{case.party}（{role}）"),
            *guardian,
            ("送达地址", case.address),
            ("邮政编码", case.postal_code or BLANK),
            ("收件人", case.recipient),
            *relation,
            ("联系电话", case.phone),
        ],
        "electronic_rows": electronic,
        "notices": list(NOTICES),
        "confirmation": CONFIRMATION,
        "signers": signers(case),
        "sign_date": format_cn(case.sign_date),
    }


def signers(case: ServiceAddressConfirmation) -> list[str]:
    """Who must sign, and the blank for the hand: the party (a seal, for an organisation);
    for a ward the party named and its 法定代理人 signing, as on every filing — an
    organisation 法定代理人 sealing, its 负责人 signing
    (``court_parts.filing_signature``; 民事诉讼法 art. 60, 民法典 arts. 21–23)."""
    if case.guardian and _organisation_guardian(case):
        # an organisation guardian seals, and its 负责人 signs for it (民事诉讼法 art.
        # 51(2)), as an organisation party does on every filing (``filing_signature``);
        # the ward is named in the seal's line, so that the form still fits one sheet
        return [
            f"受送达人{case.party}的法定代理人：{case.guardian}（盖章）",
            signing_line(case.guardian_representative_title, case.guardian_representative or ""),
        ]
    if case.guardian:
        return [f"受送达人：{case.party}", signing_line("法定代理人", case.guardian)]
    return [signing_line("受送达人", case.party, SIGN_OR_SEAL)]


def _organisation_guardian(case: ServiceAddressConfirmation) -> bool:
    """The 法定代理人 is an organisation, its 负责人 named (``_check_guardian_kind``)."""
    return case.guardian_kind == "organization" and bool(case.guardian_representative)


def filename(case: ServiceAddressConfirmation) -> str:
    party = filename_part(case.party)
    return f"送达地址确认书-{party}-{case.sign_date:%Y%m%d}"


DOCUMENT: DocumentType[ServiceAddressConfirmation] = DocumentType(
    name="service_address",
    order=110,
    layouts={"": "docgen.layouts.service_address:build"},
    title="送达地址确认书",
    model=ServiceAddressConfirmation,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="当事人向法院确认送达地址、收件人、联系电话及是否同意电子送达",
    bundle_part=None,
    court_filing=True,
)


def guardian_fields(guardian: dict[str, Any]) -> dict[str, Any]:
    """A party's guardian (a complaint's, a letter's) as the confirmation's ``guardian…``
    fields: an organisation seals and its 负责人 signs (``_check_guardian_kind``)."""
    found = guardian.get("name")
    if not isinstance(found, str) or not found:
        return {}
    if guardian.get("relation") != "organization":
        return {"guardian": found}
    fields = {
        "guardian": found,
        "guardian_kind": "organization",
        "guardian_representative": guardian.get("representative"),
        "guardian_representative_title": guardian.get("representative_title"),
    }
    return {k: v for k, v in fields.items() if v}
