"""律师事务所函 (所函) — the law firm tells the court which of its lawyers act in a case.

A lawyer acting as a litigation agent shows the court a certificate of the law firm
besides the power of attorney and the practising certificate (民诉法解释 art. 88(1)); a
lawyer takes cases only through the firm (律师法 art. 25). The letter names the firm
and its licence, the court, the case, the client and each lawyer with the number of the
lawyer's practising certificate; the firm seals it. It states the stage the lawyers act
in and names the parties as that stage does (原告/被告, 上诉人/被上诉人, 申请执行人/被执行人:
``filing_papers``), the lawyers at enforcement as 委托代理人.

A firm's practising licence carries its unified social credit code, whose first two
characters are "31" for a lawyers' practising organisation registered by the justice
administration (GB 32100-2015: registration authority 3, category 1). The firm's facts
may come from its stored sender profile.

A letter without its number (函号) is warned of: no statute or court rule asks for one,
but a firm's official letters are numbered from its register of letters issued (a firms'
management handbook: 「律师事务所公函应实行编号登记」, Hangzhou, nuosilawfirm.com 2018; a
firm's own rules on numbering its 律师函 and 所函, shunyuanlawyer.com 2013), so that the
court and the firm can match the letter with the firm's file. Practice, not a rule: the
letter is made all the same. A firm whose stored profile sets a letter prefix numbers its
letters from it, as the lawyer letter does: a letter without a number draws the next of
the firm's 所函 series when it is made (「（2026）京明正民函字第1号」, a series apart from
its 律函字 letters), and a typed number without the prefix is warned of (another firm's,
or a slip).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field, PrivateAttr

from docgen.documents.base import DocumentType, Resources, RuleOptions
from docgen.documents.court_names import check_addressed_court, court_name_by_number
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import (
    AGENT_TITLES,
    STAGES,
    CaseRef,
    Stage,
    appellants_field,
    applicants_field,
    case_title,
    check_case,
    check_date,
    check_party_at_stage,
    check_stage,
    movers_of,
    party_role,
    stage_field,
)
from docgen.documents.letter_service import (
    COURT_EXAMPLE,
    LetterService,
    check_service,
    court_service_line,
    service_field,
)
from docgen.documents.problems import Assessment, CaseInvalid, Problem
from docgen.domain.counting import copies
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import FROM_PROFILE, PROFILE_PICKER
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.profiles.model import LicenseNumber, Uscc

FIRM_CODE_PREFIX = "31"


class FirmFacts(CaseModel):
    name: Line = Field(title="律师事务所名称")
    license_number: Uscc = Field(
        title="执业许可证号", description="律师事务所执业许可证上的统一社会信用代码"
    )
    address: Text = Field(title="地址")
    phone: Phone = Field(title="电话")


class CaseLawyer(CaseModel):
    name: ShortText = Field(title="律师姓名")
    license_number: LicenseNumber = Field(title="律师执业证号")
    phone: Phone | None = Field(default=None, title="联系电话")


class FirmLetter(CaseModel):
    """The facts of a law firm's letter to the court."""

    letter_date: date = Field(title="出函日期")
    letter_number: ShortText | None = Field(
        default=None, title="函号", description="如（2026）京正信民函字第15号"
    )
    sender_profile_id: int | None = Field(
        default=None,
        title="发件人资料",
        description="已保存的律师事务所发件人资料编号，代替填写律所信息",
        ge=1,
        json_schema_extra={**PROFILE_PICKER, "former_titles": ["律所档案"]},
    )
    firm: FirmFacts | None = Field(
        default=None,
        title="律所信息",
        description="未选发件人资料时必填",
        json_schema_extra=FROM_PROFILE,
    )
    client: Line = Field(title="委托人", description="本案当事人")
    case: CaseRef = Field(title="案件")
    stage: Stage = stage_field()
    appellants: list[Line] = appellants_field()
    applicants: list[Line] = applicants_field()
    lawyers: list[CaseLawyer] = Field(
        default_factory=list,
        max_length=2,
        title="承办律师",
        description="一至二名；不填则取发件人资料中的承办律师",
    )
    service: LetterService | None = service_field(COURT_EXAMPLE)

    _profile_problems: list[Problem] = PrivateAttr(default_factory=list)
    _firm_from_profile: bool = PrivateAttr(default=False)
    _letter_prefix: str | None = PrivateAttr(default=None)


def letter_number(year: int, prefix: str, number: int) -> str:
    """A 所函's number of the firm's series: 「（2026）京明正民函字第1号」."""
    return f"（{year}）{prefix}{SERIES}字第{number}号"


SERIES = "民函"
"""The firm letters' series beside the prefix; the lawyer letter's is 律函."""


def resolve(case: FirmLetter, resources: Resources, final: bool) -> FirmLetter:
    """The firm's facts and its lawyer from the stored profile, when the letter names one;
    when it is made (``final``), its number from the profile's prefix if none is typed.
    A case is resolved to be checked, then again to be made: the number is drawn once."""
    if case.sender_profile_id is not None and case.firm is None:
        case = _from_stored(case, case.sender_profile_id, resources)
    prefix = case._letter_prefix
    if final and prefix and case.letter_number is None:
        year = case.letter_date.year
        drawn = resources.next_letter_number(f"{prefix}{SERIES}", year)
        case = case.model_copy(update={"letter_number": letter_number(year, prefix, drawn)})
    return case


def _from_stored(case: FirmLetter, profile_id: int, resources: Resources) -> FirmLetter:
    """The firm's facts, its lawyer and its letter prefix from the stored profile."""
    # the database layer only for a letter that names a stored profile
    from docgen.profiles.store import ProfileNotFound

    try:
        profile = resources.profile(profile_id)
    except ProfileNotFound as exc:
        raise CaseInvalid(
            [Problem(("sender_profile_id",), "profile_not_found", str(exc))]
        ) from None
    loc = ("sender_profile_id",)
    problems = []
    if profile.kind != "law_firm":
        problems.append(
            Problem(loc, "not_a_law_firm", "所函须以律师事务所名义出具，所选发件人资料不是律所")
        )
    if not profile.uscc:
        problems.append(Problem(loc, "missing", "发件人资料中缺少执业许可证号（统一社会信用代码）"))
    update: dict[str, Any] = {}
    if not problems and profile.uscc:
        update["firm"] = FirmFacts(
            name=profile.name,
            license_number=profile.uscc,
            address=profile.address,
            phone=profile.phone,
        )
    if not case.lawyers and profile.lawyer_name and profile.license_number:
        update["lawyers"] = [
            CaseLawyer(name=profile.lawyer_name, license_number=profile.license_number)
        ]
    resolved = case.model_copy(update=update)
    resolved._profile_problems = problems
    resolved._firm_from_profile = "firm" in update
    resolved._letter_prefix = profile.letter_prefix if "firm" in update else None
    return resolved


def assess(case: FirmLetter, options: RuleOptions) -> Assessment:
    result = Assessment()
    result.extend(case._profile_problems)
    if case.firm is not None and case.sender_profile_id is not None and not _from_profile(case):
        result.error(("firm",), "firm_twice", "发件人资料与律所信息只能填写其一")
    elif case.firm is None and case.sender_profile_id is None:
        result.error(("firm",), "missing", "请套用律师事务所的发件人资料，或填写律所信息")
    if case.firm is not None and not case.firm.license_number.startswith(FIRM_CODE_PREFIX):
        loc = ("sender_profile_id",) if _from_profile(case) else ("firm", "license_number")
        result.error(
            loc,
            "not_a_firm_code",
            f"律师事务所执业许可证上的统一社会信用代码以“31”开头（GB 32100—2015：登记管理部门"
            f"代码3为司法行政机关，机构类别代码1为律师执业机构），填写的为{case.firm.license_number}",
        )
    check_case(result, case.case, proceeding=case.stage)
    check_addressed_court(result, case.case.court, ("case", "court"), case.case.case_number, "所函")
    check_stage(result, case.case, case, "所函")
    check_party_at_stage(result, case.case, case.client, ("client",), "委托人", case)
    if not case.lawyers:
        result.error(
            ("lawyers",),
            "missing",
            "请填写承办律师（一至二名，《中华人民共和国民事诉讼法》第六十一条）",
        )
    seen: set[str] = set()
    for i, lawyer in enumerate(case.lawyers):
        if lawyer.license_number in seen:
            result.error(("lawyers", i, "license_number"), "duplicate", "两名律师的执业证号相同")
        seen.add(lawyer.license_number)
    _check_number(result, case)
    check_date(result, case.letter_date, options.current_date(), ("letter_date",))
    check_service(result, case.service, 0)
    return result


def _check_number(result: Assessment, case: FirmLetter) -> None:
    """A number, from the firm's register; the profile's prefix in it (see the module)."""
    prefix = case._letter_prefix
    if not case.letter_number and not prefix:
        result.warn(
            ("letter_number",),
            "letter_number_missing",
            "所函未填写函号：律师事务所出具的公函通常按本所发函登记统一编号，便于法院与律所核对"
            "（律所管理惯例，并非法院受理所函的条件）",
            hint="请按本所发函登记填写（如（2026）×民函字第15号，×为本所的函号前缀），"
            "或在发件人资料中设置函号前缀以自动编号",
        )
    elif case.letter_number and prefix and prefix not in case.letter_number:
        result.warn(
            ("letter_number",),
            "letter_number_not_of_profile",
            f"函号「{case.letter_number}」中没有发件人资料的函号前缀「{prefix}」：所函应按本所"
            "发函登记编号，该函号可能是他所的或填写有误",
            hint=f"请删除函号，由发件人资料的函号前缀自动编号（如（{case.letter_date.year}）"
            f"{prefix}{SERIES}字第1号），或填写本所登记的函号",
        )


def _from_profile(case: FirmLetter) -> bool:
    # a firm filled in by resolve: its problems are reported on the profile's id
    return case._firm_from_profile


def build_context(case: FirmLetter, assessment: Assessment) -> dict[str, Any]:
    firm = case.firm
    if firm is None:
        raise ValueError("the firm must be resolved before the context is built")
    named = movers_of(case)
    role = party_role(case.case, case.client, case.stage, named)
    lawyers = "、".join(
        f"{lawyer.name}律师（执业证号：{lawyer.license_number}）" for lawyer in case.lawyers
    )
    return {
        "title": "律师事务所函",
        "letter_number": case.letter_number or "",
        "court": court_name_by_number(case.case.court, case.case.case_number),
        "body": [
            f"本所接受{role}{case.client}的委托，指派{lawyers}担任其在"
            f"{case_title(case.case, case.stage, named)}{STAGES[case.stage]}程序中的"
            f"{AGENT_TITLES[case.stage]}。",
            *(
                [f"承办律师联系电话：{phones}。"]
                if (phones := "；".join(f"{x.name} {x.phone}" for x in case.lawyers if x.phone))
                else []
            ),
            "特此函告，请予接洽。",
        ],
        # counted in Chinese numerals like the 一份 beside it (one or two lawyers)
        "attachment": f"附：授权委托书一份，律师执业证复印件{copies(max(len(case.lawyers), 1))}。",
        "firm": firm.name,
        "firm_lines": [
            f"执业许可证号：{firm.license_number}",
            f"地址：{firm.address}",
            f"电话：{firm.phone}",
        ],
        "letter_date": format_cn(case.letter_date),
        # the court is 贵院; the place it is sent to, when the case gives it
        "service": court_service_line(case.service, _court_address(case)),
    }


def _court_address(case: FirmLetter) -> str:
    return str(case.service.address) if case.service and case.service.address else ""


def filename(case: FirmLetter) -> str:
    client = filename_part(case.client)
    return f"律师事务所函-{client}-{case.letter_date:%Y%m%d}"


DOCUMENT: DocumentType[FirmLetter] = DocumentType(
    name="firm_letter",
    order=90,
    layouts={"": "docgen.layouts.firm_letter:build"},
    title="律师事务所函",
    model=FirmLetter,
    assess=assess,
    build_context=build_context,
    filename=filename,
    resolve=resolve,
    description="律师事务所致受诉法院的公函，写明委托人、案件及承办律师和执业证号",
    bundle_part=None,
    court_filing=True,
)
