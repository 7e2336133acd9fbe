"""Building blocks of court filings: agents, service addresses, full party blocks, the
signing lines (which court a filing goes to: ``court_venue``).

Filings with a court identify every party fully (ID numbers unmasked, unlike letters),
list each party's 委托诉讼代理人 and the address where the court may serve documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from docgen.documents.court_names import not_a_court_problem
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.guardianship import guardian_lines
from docgen.domain.identity import number_label
from docgen.domain.parties import Organization, Party, Person, birth_date_of

AUTHORITY_LABELS = {"general": "一般授权", "special": "特别授权"}
STANDING_LABELS = {
    "relative": "当事人的近亲属",
    "recommended": "当事人所在社区、单位或有关社会团体推荐的公民",
}
"""The kinds of agent (民事诉讼法 art. 61) a 工作单位 cannot tell (``standing_papers``)."""
LAWYER_LICENSE_DIGITS = 17
"""A 律师执业证号 is 17 digits: 司法部's numbering of the 律师执业证 (the first digit the
certificate's kind, then the province, the city, the category of practice …), the shape the
power of attorney, the firm's letter and the sender profile check too."""


class Agent(CaseModel):
    """委托诉讼代理人 (民事诉讼法 art. 61: at most two per party).

    The licence number of a lawyer or a basic-level legal service worker is not printed:
    the 样式 of 民事起诉状 (法〔2016〕221号) and the element forms (法〔2025〕82号) name an
    agent by name, 工作单位 and 职务. A filing bundle tells one lawyer from a namesake by it,
    against the power of attorney's and the firm's letter's (民诉法解释 art. 88(1): the
    practising certificate is filed with the power; ``bundle.agents``)."""

    name: ShortText = Field(title="姓名")
    firm: Line = Field(title="工作单位", description="如 某某律师事务所")
    position: ShortText = Field(default="律师", title="职务")
    phone: Phone = Field(title="联系电话")
    authority: Literal["general", "special"] = Field(
        default="special",
        title="代理权限",
        json_schema_extra={"enum_titles": list(AUTHORITY_LABELS.values())},
    )
    standing: Literal["relative", "recommended"] | None = Field(
        default=None,
        title="代理资格",
        description="工作单位不是律师事务所、基层法律服务所或当事人本身的，选择其代理资格"
        "（《中华人民共和国民事诉讼法》第六十一条）",
        json_schema_extra={"enum_titles": list(STANDING_LABELS.values())},
    )
    license_number: ShortText | None = Field(
        default=None,
        title="执业证号",
        description="律师、基层法律服务工作者的执业证号（律师执业证号为17位数字）；不打印，"
        "用于与授权委托书、律师事务所函核对是否同一人",
    )

    @field_validator("license_number")
    @classmethod
    def _lawyer_license(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A lawyer's number (the 工作单位 a 律师事务所) is 17 digits, spaces aside; a
        legal service worker's is kept as typed, its numbering not confirmed here."""
        if value is None or "律师事务所" not in str(info.data.get("firm", "")):
            return value
        digits = "".join(value.split())
        if len(digits) != LAWYER_LICENSE_DIGITS or not (digits.isascii() and digits.isdigit()):
            raise PydanticCustomError(
                "license_number_format",
                "律师执业证号应为17位数字（见律师执业证），填写的为{typed}",
                {"typed": value},
            )
        return digits


class ServiceAddress(CaseModel):
    """Where the court serves documents on the plaintiff (送达地址确认)."""

    address: Text = Field(title="送达地址")
    recipient: ShortText = Field(title="收件人")
    phone: Phone = Field(title="联系电话")
    electronic: bool = Field(default=False, title="是否接受电子送达")
    email: ShortText | None = Field(
        default=None, title="电子送达邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )
    sms: Phone | None = Field(default=None, title="电子送达：短信（手机号码）")
    wechat: ShortText | None = Field(default=None, title="电子送达：微信号")
    fax: ShortText | None = Field(default=None, title="电子送达：传真号码")
    other_channel: ShortText | None = Field(default=None, title="电子送达：其他方式")


def check_court(result: Assessment, court: str) -> None:
    """A filing is addressed to a court by its full name (…人民法院); a short name
    (「朝阳法院」) is refused with the full names it may stand for
    (``court_names.not_a_court_problem``), never completed."""
    if not court.endswith("人民法院"):
        message, hint = not_a_court_problem(court)
        result.error(("court",), "not_a_court", message, hint=hint)


def person_line(person: Person) -> str:
    """「张三，男，1985年3月2日出生，汉族，住…」: what 民事诉讼法 art. 124(1) asks of a
    natural person (年龄 as the birth date, as judgments write it: from the ID number when
    not typed, so that no filing omits a fact its own ID number states)."""
    parts = [person.name, person.sex]
    birth = birth_date_of(person)
    if birth is not None:
        parts.append(f"{format_cn(birth)}出生")
    if person.ethnicity:
        parts.append(person.ethnicity)
    if person.employer:
        parts.append(person.employer + (person.position or ""))
    parts.append(f"住{person.address}")
    if person.habitual_residence:
        parts.append(f"经常居住地{person.habitual_residence}")
    if person.id_number:
        parts.append(f"{number_label(person.id_type)}：{person.id_number}")
    if person.phone:
        parts.append(f"联系电话：{person.phone}")
    return "，".join(parts) + "。"


def check_plaintiff_particulars(result: Assessment, party: Party, loc: Loc) -> None:
    """A complaint states a natural-person plaintiff's 年龄 and 民族 (民事诉讼法 art.
    124(1); 法释〔2015〕8号 art. 4(1)); of a defendant art. 124(2) asks only what identifies
    them. The age is read from the birth date or the ID number. 民族 is asked of a holder
    of a 居民身份证, which records it (居民身份证法 art. 3); a passport or a residence
    permit does not, and a foreign plaintiff has a nationality instead. Warnings: the
    court has a missing particular supplied (一次性告知补正, 法释〔2015〕8号), it does not
    refuse the filing for it. An organisation's representative's position, likewise
    (``check_representative_position``)."""
    if not isinstance(party, Person):
        check_representative_position(result, party, loc, "起诉状")
        return
    article = "（《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    if birth_date_of(party) is None:
        result.warn(
            (*loc, "birth_date"),
            "age_missing",
            f"起诉状应写明原告{party.name}的年龄{article}",
            hint="请填写出生日期，或填写居民身份证号码以载明出生日期",
        )
    if party.id_type == "居民身份证" and not party.ethnicity:
        result.warn(
            (*loc, "ethnicity"),
            "ethnicity_missing",
            f"起诉状应写明原告{party.name}的民族{article}",
            hint="请按居民身份证所载填写，如 汉族",
        )


def organization_lines(org: Organization) -> list[str]:
    head = [org.name, f"住所地：{org.address}", f"统一社会信用代码：{org.uscc}"]
    if org.phone:
        head.append(f"联系电话：{org.phone}")
    return [
        "，".join(head) + "。",
        "：".join(representative(org)) + "。",
    ]


REPRESENTATIVE_TITLES = ("法定代表人", "负责人", "主要负责人")


def representative(org: Organization) -> tuple[str, str]:
    """(「法定代表人」, 「赵明，执行董事」): the representative's role, then the name and the
    position held. A position typed in the role's place (执行董事) is read as the position
    of the 法定代表人 (民事诉讼法 art. 51: a legal person is represented by its
    法定代表人; other organisations by their 主要负责人)."""
    title, position = org.representative_title, org.representative_position
    if title not in REPRESENTATIVE_TITLES:
        title, position = "法定代表人", position or title
    return title, org.legal_representative + (f"，{position}" if position else "")


def check_representative_position(result: Assessment, party: Party, loc: Loc, paper: str) -> None:
    """The position of the filer's representative (法定代表人：陈建国，执行董事): what 民事诉讼法
    art. 124(1) asks of a plaintiff organisation (法定代表人或者主要负责人的姓名、职务、联系方式),
    and what the party blocks of the court's model forms write; applied to the other
    filings a party makes as the applicant (申请人), whose own texts list no particulars
    (参照, so the message says). Printed where given, by ``representative`` (one source for
    every filing); a position typed in the role's place counts. A warning: the court has a
    missing particular supplied rather than refuse the filing. Not asked of the other
    side: art. 124(2) asks of a defendant only what identifies it."""
    if not isinstance(party, Organization):
        return
    title, named = representative(party)
    if named != party.legal_representative:
        return  # 「陈建国，执行董事」: the position is printed
    article = "《中华人民共和国民事诉讼法》第一百二十四条第一项"
    basis = article if paper == "起诉状" else f"参照{article}"
    result.warn(
        (*loc, "representative_position"),
        "position_missing",
        f"{paper}应写明{party.name}的{title}{party.legal_representative}的职务（{basis}）",
        hint="请填写法定代表人（负责人）的职务，如 执行董事、总经理",
    )


def party_lines(party: Party) -> list[str]:
    """A party as filed; a person's guardian on the line below, as courts list the
    法定代理人 under the party (民事诉讼法 art. 60)."""
    if isinstance(party, Organization):
        return organization_lines(party)
    guardian = guardian_lines(party.guardian, party.name) if party.guardian else []
    return [person_line(party), *guardian]


TRIAL_AGENT = "委托诉讼代理人"


def agent_line(agent: Agent, title: str = TRIAL_AGENT) -> str:
    """The agent as a filing lists it: a 委托诉讼代理人 in a suit, a 委托代理人 at
    enforcement (``filing_papers.AGENT_TITLES``)."""
    return (
        f"{title}：{agent.name}，{agent.firm}{agent.position}，联系电话：{agent.phone}，"
        f"代理权限：{AUTHORITY_LABELS[agent.authority]}。"
    )


def service_line(service: ServiceAddress) -> str:
    electronic = "同意" if service.electronic else "不同意"
    email = f"（电子邮箱：{service.email}）" if service.electronic and service.email else ""
    return (
        f"送达地址：{service.address}，收件人：{service.recipient}，联系电话：{service.phone}，"
        f"{electronic}电子送达{email}。"
    )


def block_lines(
    label: str,
    party: Party,
    agents: Sequence[Agent] = (),
    service: ServiceAddress | None = None,
    agent_title: str = TRIAL_AGENT,
) -> list[str]:
    """A party block as filed: ``原告：…`` then its representative, agents (named
    ``agent_title``) and service address."""
    first, *rest = party_lines(party)
    lines = [f"{label}：{first}", *rest, *(agent_line(a, agent_title) for a in agents)]
    if service is not None:
        lines.append(service_line(service))
    return lines


SIGN = "签名"
"""The word every paper filed with a court asks the hand for, one word on every line of it:
the word of 民事诉讼法 (art. 62: 由委托人签名或者盖章的授权委托书) and of the SPC's
《民事诉讼文书样式》 (法〔2016〕221号) for each paper docgen files — 起诉人（签名）, and for
an organisation 起诉人（公章和签名）, 〖说明〗: 起诉状应当由本人签名 / 加盖单位印章，并由
法定代表人或者主要负责人签名; 申请人（签名或者盖章） (诉讼财产保全); 申请执行人（签名或盖章）;
委托人（签名）, 委托单位（公章和签名）; 受送达人（签名或者盖章）."""
SIGN_OR_SEAL = f"{SIGN}或者盖章"
"""A signer not known to be a person or an organisation: 受送达人（签名或者盖章）, as the
样式 writes it (民事诉讼法 art. 62: 签名或者盖章). A known person signs (``SIGN``); a known
organisation seals beside its name and its representative signs (``filing_signature``)."""
SIGN_LINE = "＿＿＿＿＿＿＿＿"
"""The blank the hand signs on: a typed name is who must sign, never the signature."""


def signing_line(role: str, name: str, sign: str = SIGN) -> str:
    """「具状人：刘芳（签名）＿＿＿＿＿＿＿＿」: who signs, by role and printed name, and the
    blank the hand goes on; one colon, after the role, so that the blank does not read as
    a second field (样式: 起诉人（签名）, a label then the hand)."""
    return f"{role}：{name}（{sign}）{SIGN_LINE}"


def filing_signature(role: str, parties: Iterable[Party], *, sign: str = SIGN) -> list[str]:
    """The signing lines of a paper filed with a court, one word (``SIGN``) on every court
    paper, the element-based complaint included, each with its blank
    (``signing_line``): a person signs; an organisation seals beside its name, and under
    it the one who acts for it in the suit signs, by the role its party block names
    (``representative``): the 法定代表人 of a legal person, the 负责人 or 主要负责人 of
    another organisation — a bank's 支行 or a 信用卡中心 is a branch with its own business
    licence (民事诉讼法 art. 51; 民诉法解释 arts. 50, 52(5)); a ward is named and its guardian
    signs as its 法定代理人 (art. 60) — an organisation guardian seals, and its 负责人 signs."""
    lines: list[str] = []
    for party in parties:
        guardian = party.guardian if isinstance(party, Person) else None
        if guardian is not None and guardian.is_organization:
            # an organisation guardian (民法典 arts. 31, 32) seals, its head signs (art. 51)
            lines += [
                f"{role}：{party.name}",
                f"法定代理人：{guardian.name}（盖章）",
                signing_line(guardian.representative_title, guardian.representative or "", sign),
            ]
            continue
        if guardian is not None:
            # the guardian files and signs for a ward (民事诉讼法 art. 60)
            lines += [f"{role}：{party.name}", signing_line("法定代理人", guardian.name, sign)]
            continue
        if isinstance(party, Person):
            lines.append(signing_line(role, party.name, sign))
            continue
        title, _named = representative(party)
        lines += [
            f"{role}：{party.name}（盖章）",
            signing_line(title, party.legal_representative, sign),
        ]
    return lines
