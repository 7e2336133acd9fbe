"""撤回上诉申请书 — the withdrawal application at second instance: the appellant withdraws
its appeal before the appeal judgment (民事诉讼法 art. 180: 「第二审人民法院判决宣告前，
上诉人申请撤回上诉的，是否准许，由第二审人民法院裁定。」). Once allowed, the first-instance
judgment takes effect; the court refuses where that judgment is plainly wrong or the
parties collude against others (民诉法解释 art. 335), and allows a withdrawal on a
settlement that meets the conditions (art. 337). The appellant bears the appeal's
acceptance fee, halved (诉讼费用交纳办法 arts. 15, 34(1)), computed on the amount of the
appeal's claims (art. 17), so the refund is asked for as at first instance.

The parties are named as the appeal names them, with their role at first instance
(上诉人（原审原告）, 被上诉人（原审被告）); the facts name the judgment appealed, its court
and number. The court one level above the first-instance court hears the appeal (art.
171): the first-instance court is checked to be one level below and in the same province.

The 原审原告's withdrawal of the suit itself at second instance, which needs the other
parties' consent and sets the first-instance judgment aside (民诉法解释 art. 336), takes
these facts too (``withdrawal_application_suit``). A party of the first instance who
neither appealed nor was appealed against is listed as the appeal lists it, 原审第三人,
after the appellants and the appellees (``appeal.third_parties``: name, kind, address; an
organisation with its USCC and representative).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator

from docgen.documents.case_numbers import CaseNumberText, check_case_number, court_province
from docgen.documents.court_names import not_a_court_problem
from docgen.documents.parts import same_name
from docgen.documents.problems import Assessment
from docgen.documents.withdrawal_application_stage import LAW, Stage
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, ShortText, Text
from docgen.domain.identity import IdentityError, parse_uscc, uscc_province_mismatch
from docgen.domain.parties import Organization, Party, checked_uscc

ROLE_LABELS = {"plaintiff": "原审原告", "defendant": "原审被告"}
JUDGMENT_LABELS = {"judgment": "民事判决", "ruling": "民事裁定"}
_RANK = {"basic": 0, "intermediate": 1, "high": 2, "supreme": 3}
_LEVEL_NAMES = {
    "basic": "基层人民法院",
    "intermediate": "中级人民法院",
    "high": "高级人民法院",
    "supreme": "最高人民法院",
}


THIRD_PARTY = "原审第三人"


_ORGANISATION = shown_when("kind", "organization")


class ThirdParty(CaseModel):
    """A third party of the first instance who neither appealed nor was appealed against:
    the appeal lists it as 原审第三人, after the appellants and the appellees. An
    organisation is identified as the other parties are (name, address, USCC, its
    法定代表人 or 主要负责人: 民事诉讼法 art. 172 on the appeal's parties, art. 51)."""

    kind: Literal["person", "organization"] = Field(
        default="person",
        title="主体类型",
        json_schema_extra={"enum_titles": ["自然人", "法人或其他组织"]},
    )
    name: Line = Field(title="姓名或名称")
    address: Text = Field(title="住所地", description="按一审裁判所载，用于列明当事人")
    uscc: ShortText | None = Field(
        default=None, title="统一社会信用代码", json_schema_extra=_ORGANISATION
    )
    legal_representative: ShortText | None = Field(
        default=None,
        title="法定代表人/主要负责人",
        description="按一审裁判所载",
        json_schema_extra=_ORGANISATION,
    )
    representative_title: Literal["法定代表人", "负责人", "主要负责人"] = Field(
        default="法定代表人",
        title="职务",
        description="法人为法定代表人，其他组织为负责人或主要负责人",
        json_schema_extra=_ORGANISATION,
    )
    representative_position: ShortText | None = Field(
        default=None,
        title="法定代表人（负责人）的职务",
        description="如 执行董事、总经理",
        json_schema_extra=_ORGANISATION,
    )

    @field_validator("uscc", mode="before")
    @classmethod
    def _check_uscc(cls, value: object) -> object:
        return checked_uscc(value)


def third_party_lines(party: ThirdParty) -> list[str]:
    """「原审第三人：王强，住北京市…。」; an organisation as a party's block reads
    (``court_parts.organization_lines``): 「原审第三人：…公司，住所地：…，统一社会信用代码：….」
    then 「法定代表人：赵明，执行董事。」, each particular where typed."""
    if party.kind == "person":
        return [f"{THIRD_PARTY}：{party.name}，住{party.address}。"]
    head = [party.name, f"住所地：{party.address}"]
    if party.uscc:
        head.append(f"统一社会信用代码：{party.uscc}")
    lines = [f"{THIRD_PARTY}：{'，'.join(head)}。"]
    if party.legal_representative:
        position = f"，{party.representative_position}" if party.representative_position else ""
        lines.append(f"{party.representative_title}：{party.legal_representative}{position}。")
    return lines


class Appeal(CaseModel):
    """The appeal withdrawn: the first-instance decision appealed and the appellant's
    role at first instance (the appellees had the other)."""

    judgment_court: Line = Field(
        title="一审法院", description="作出被上诉判决（裁定）的第一审人民法院全称"
    )
    judgment_number: CaseNumberText = Field(
        title="一审案号", description="被上诉判决（裁定）的案号，如 （2026）京0101民初1234号"
    )
    judgment_kind: Literal["judgment", "ruling"] = Field(
        default="judgment",
        title="被上诉的一审裁判",
        json_schema_extra={"enum_titles": list(JUDGMENT_LABELS.values())},
    )
    applicant_role: Literal["plaintiff", "defendant"] = Field(
        default="plaintiff",
        title="上诉人的原审诉讼地位",
        description="被上诉人为原审中的对方当事人；二审中撤回起诉的申请人为原审原告，上诉人为原审"
        "被告的，申请人即被上诉人",
        json_schema_extra={"enum_titles": list(ROLE_LABELS.values())},
    )
    third_parties: list[ThirdParty] = Field(
        default_factory=list,
        title="原审第三人",
        description="一审中的第三人，既未上诉也未被列为被上诉人的，列于被上诉人之后（如有）",
        max_length=5,
    )


@dataclass(frozen=True)
class Words:
    """What the application calls itself, its parties and its fee, by stage."""

    title: str
    applicant: str  # the party block's label: 申请人（原告）, 上诉人（原审原告）
    other: str  # 被告, 被上诉人（原审被告）
    signer: str  # 申请人, 上诉人
    who: str  # the applicant in the text: 申请人, 上诉人
    them: str  # the other side in the text: 被告, 被上诉人
    fee: str  # 案件受理费, 第二审案件受理费
    claim: str  # 诉讼请求金额, 上诉请求金额
    articles: str  # the fee's articles when computed on the claim


FIRST = Words(
    "撤诉申请书",
    "申请人（原告）",
    "被告",
    "申请人",
    "申请人",
    "被告",
    "案件受理费",
    "诉讼请求金额",
    "第十三条第（一）项、第十五条",
)


def appeal_words(appeal: Appeal) -> Words:
    mine = ROLE_LABELS[appeal.applicant_role]
    theirs = ROLE_LABELS["defendant" if appeal.applicant_role == "plaintiff" else "plaintiff"]
    return Words(
        "撤回上诉申请书",
        f"上诉人（{mine}）",
        f"被上诉人（{theirs}）",
        "上诉人",
        "上诉人",
        "被上诉人",
        "第二审案件受理费",
        "上诉请求金额",
        "第十三条第（一）项、第十五条、第十七条",
    )


def third_parties_named(appeal: Appeal) -> str:
    """「、原审第三人王强、北京恒信融资担保有限公司」 after the other side's names in the facts'
    first sentence, as the appeal rulings name the case (「上诉人…因与被上诉人…、原审第三人…
    纠纷一案」); empty without one."""
    names = "、".join(t.name for t in appeal.third_parties)
    return f"、{THIRD_PARTY}{names}" if names else ""


def appeal_facts(appeal: Appeal, parties: tuple[str, str], dispute: str, number: str) -> str:
    """「上诉人刘芳因与被上诉人张伟、原审第三人王强民间借贷纠纷一案，不服北京市东城区人民法院
    （2026）京0101民初9876号民事判决，向贵院提起上诉，贵院已立案受理，案号为（2026）京02民终
    1234号。」 (the third parties where there are any)."""
    applicants, others = parties
    decision = JUDGMENT_LABELS[appeal.judgment_kind]
    third = third_parties_named(appeal)
    return (
        f"上诉人{applicants}因与被上诉人{others}{third}{dispute}一案，不服{appeal.judgment_court}"
        f"{appeal.judgment_number}{decision}，向贵院提起上诉，贵院已立案受理，案号为{number}。"
    )


# --- rules --------------------------------------------------------------------------


def check_appeal(
    result: Assessment, appeal: Appeal | None, stage: Stage | None, court: str, suit: bool = False
) -> None:
    """The appeal's facts, asked for with a second-instance number and only then; ``suit``:
    for the 原审原告's withdrawal of the suit, whose first-instance decision is set aside."""
    if stage == "first" and appeal is not None:
        result.error(
            ("appeal",),
            "appeal_at_first_instance",
            "案号为第一审案件的案号，本申请为第一审程序中原告撤回起诉，不填写上诉信息；"
            "撤回上诉的，请填写第二审案件的案号（类型代字“民终”）",
            hint="请删除上诉信息，或填写第二审案件的案号",
        )
    if stage != "appeal":
        return
    if appeal is None and suit:
        result.error(
            ("appeal",),
            "missing",
            "二审中撤回起诉须写明一审裁判：请填写上诉信息（一审法院、一审案号、上诉人的原审诉讼"
            "地位）。准许撤回起诉的，第二审人民法院应当一并裁定撤销一审裁判（《最高人民法院关于"
            "适用〈中华人民共和国民事诉讼法〉的解释》第三百三十六条第一款）",
        )
        return
    if appeal is None:
        result.error(
            ("appeal",),
            "missing",
            "案号为第二审案件的案号（类型代字“民终”），本申请为撤回上诉申请书：请填写上诉信息"
            "（一审法院、一审案号、上诉人的原审诉讼地位），以写明被上诉的一审裁判"
            f"（{LAW}第一百八十条）",
            hint="第一审程序中撤诉的，请填写一审案号（类型代字“民初”）",
        )
        return
    if not appeal.judgment_court.endswith("人民法院"):
        message, hint = not_a_court_problem(appeal.judgment_court)
        result.error(("appeal", "judgment_court"), "not_a_court", message, hint=hint)
    else:
        _check_one_level_below(result, appeal.judgment_court, court)
    check_case_number(
        result,
        appeal.judgment_number,
        ("appeal", "judgment_number"),
        appeal.judgment_court,
        proceeding="first",
    )


def check_third_parties(
    result: Assessment,
    appeal: Appeal,
    sides: tuple[list[Party], list[Party]],
    words: Words,
) -> None:
    """A 原审第三人 is a person other than the two sides of the suit (民事诉讼法 (2023) art. 59:
    「对当事人双方的诉讼标的，第三人…」), listed after them as the appeal lists the parties: one
    whose name (blanks and full-width forms ignored) or USCC is an applicant's or the other
    side's is the same party typed twice, and would be printed in two roles; one named twice
    among the third parties would be listed twice. Errors at its name. An organisation's
    particulars: ``_check_organisation``."""
    mine, theirs = sides
    seen: list[str] = []
    for i, third in enumerate(appeal.third_parties):
        at = ("appeal", "third_parties", i)
        found = [
            (
                role,
                party.name,
                "是同一名称" if same_name(third.name, party.name) else "的统一社会信用代码相同",
            )
            for role, parties in ((words.who, mine), (words.them, theirs))
            for party in parties
            if same_name(third.name, party.name) or _same_code(third, party)
        ]
        if found:
            role, name, how = found[0]
            result.error(
                (*at, "name"),
                "third_party_is_a_party",
                f"原审第三人「{third.name}」与{role}「{name}」{how}：原审第三人是双方当事人"
                f"以外参加诉讼的人（{LAW}第五十九条），同一当事人不能既列为{role}又列为"
                f"{THIRD_PARTY}",
                hint=f"请删除该原审第三人，或核对其姓名或名称（{name}已在{role}一栏列明）",
            )
        elif any(same_name(third.name, other) for other in seen):
            result.error(
                (*at, "name"),
                "third_party_twice",
                f"原审第三人「{third.name}」已列明一次：同一原审第三人只列一次，一审有两名同名第三人"
                "的，请按一审裁判所载区分其姓名（名称）",
                hint="请删除重复的一行",
            )
        seen.append(third.name)
        if third.kind == "organization":
            _check_organisation(result, third, at)


def _same_code(third: ThirdParty, party: Party) -> bool:
    return bool(third.uscc) and isinstance(party, Organization) and party.uscc == third.uscc


def _check_organisation(result: Assessment, third: ThirdParty, at: tuple[str, str, int]) -> None:
    """An organisation is named in a filing with its USCC (GB 32100-2015) and its
    法定代表人 or 主要负责人 (民事诉讼法 art. 51; the appeal states them, art. 172: 「法人的
    名称及其法定代表人的姓名或者其他组织的名称及其主要负责人的姓名」): each missing one is
    warned of (the court has a particular supplied rather than refuse the filing); a code
    unusual or of another province than the address warned as a party's is
    (``parts._check_organization``)."""
    basis = f"参照{LAW}第五十一条、第一百七十二条"
    if not third.uscc:
        result.warn(
            (*at, "uscc"),
            "third_party_particular_missing",
            f"原审第三人{third.name}为法人或其他组织，请按一审裁判所载填写其统一社会信用代码，"
            f"以列明当事人（{basis}）",
        )
    else:
        try:
            code = parse_uscc(third.uscc)
        except IdentityError:
            code = None
        for warning in code.warnings if code else ():
            result.warn((*at, "uscc"), "uscc_unusual", warning)
        elsewhere = code and uscc_province_mismatch(
            code.number, third.address, division_table.load()
        )
        if elsewhere:
            result.warn((*at, "uscc"), "uscc_area_mismatch", elsewhere)
    if not third.legal_representative:
        result.warn(
            (*at, "legal_representative"),
            "third_party_particular_missing",
            f"原审第三人{third.name}为法人或其他组织，请按一审裁判所载填写其法定代表人或者主要"
            f"负责人的姓名（{basis}）",
        )


def _check_one_level_below(result: Assessment, below: str, above: str) -> None:
    """The appeal lies to the court one level above the first-instance court (民事诉讼法
    art. 171), in the same province: an error at ``appeal.judgment_court`` otherwise.
    Special courts (铁路运输, 金融, 知识产权 …) are not compared, nor a basic court of
    appeal (refused at ``court``: ``withdrawal_application_stage``)."""
    table = division_table.load()
    low, high = read_court(below, table).level, read_court(above, table).level
    if low not in _RANK or high not in _RANK or high == "basic":
        return
    same_province = court_province(below) == court_province(above) or high == "supreme"
    if _RANK[high] == _RANK[low] + 1 and same_province:
        return
    where = "" if same_province else "，且不在同一省、自治区、直辖市"
    result.error(
        ("appeal", "judgment_court"),
        "appeal_court_not_above",
        f"{above}不是{below}的上一级人民法院（{below}是{_LEVEL_NAMES[low]}，{above}是"
        f"{_LEVEL_NAMES[high]}{where}）：当事人不服地方人民法院第一审判决的，向上一级人民法院"
        f"提起上诉（{LAW}第一百七十一条）",
        hint="请核对一审法院和受理上诉的第二审人民法院",
    )


def check_appeal_procedure(result: Assessment, procedure: str) -> bool:
    """The summary procedure is a first-instance procedure of basic courts (民事诉讼法
    ch. 13), its fee halving (诉讼费用交纳办法 art. 16) none of an appeal's: an error at
    ``fee.procedure``; whether it was given."""
    if procedure != "summary":
        return False
    result.error(
        ("fee", "procedure"),
        "appeal_summary_procedure",
        "第二审程序不适用简易程序：简易程序只适用于基层人民法院审理的第一审简单民事案件"
        f"（{LAW}第十三章），第二审案件受理费按上诉请求金额全额预交（《诉讼费用交纳办法》"
        "第十七条），不因简易程序减半",
        hint="请选择普通程序",
    )
    return True
