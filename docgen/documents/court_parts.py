"""Building blocks of court filings: agents, service addresses, full party blocks.

Filings with a court identify every party fully (ID numbers unmasked, unlike letters),
list each party's 委托诉讼代理人 and the address where the court may serve documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import Field

from docgen.documents.problems import Assessment, Loc
from docgen.documents.venue_place import (
    Agreement,
    agreed_connections,
    check_place,
    connections,
    read_agreement,
)
from docgen.domain import divisions as division_table
from docgen.domain.courts import (
    SPC_2021,
    Court,
    intermediate_threshold,
    read_court,
)
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.guardianship import guardian_line
from docgen.domain.identity import number_label
from docgen.domain.money import format_yuan
from docgen.domain.parties import Organization, Party, Person, birth_date_of

AUTHORITY_LABELS = {"general": "一般授权", "special": "特别授权"}
PROCEDURE_LABELS = {"ordinary": "普通程序", "summary": "简易程序", "small_claims": "小额诉讼程序"}


class Agent(CaseModel):
    """委托诉讼代理人 (民事诉讼法 art. 61: at most two per party)."""

    name: ShortText = Field(title="姓名")
    firm: Line = Field(title="工作单位", description="如 某某律师事务所")
    position: ShortText = Field(default="律师", title="职务")
    phone: Phone = Field(title="联系电话")
    authority: Literal["general", "special"] = Field(
        default="special",
        title="代理权限",
        json_schema_extra={"enum_titles": list(AUTHORITY_LABELS.values())},
    )


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
    """A filing is addressed to a court by its full name (…人民法院)."""
    if not court.endswith("人民法院"):
        result.error(("court",), "not_a_court", "法院名称应写全称，以“人民法院”结尾")


@dataclass
class Venue:
    """What decides the competent court: the claim and the case's connecting points.

    `points` are (what, address) pairs: each defendant's 住所地/经常居住地 (民事诉讼法
    art. 22) and the 合同履行地 (art. 24); `agreement` the written jurisdiction clause
    (art. 35) as read; `contacts` the places an agreed court must be connected with;
    `parties` every party's address, to tell whether they live in the court's province
    (法发〔2021〕27号).
    """

    claim: Decimal
    points: list[tuple[str, str]] = field(default_factory=list)
    agreement: Agreement | None = None
    contacts: list[tuple[str, str]] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)


def complaint_venue(
    claim: Decimal,
    plaintiffs: Sequence[Party],
    defendants: Sequence[Party],
    clause: str | None,
    signed_place: str | None = None,
) -> Venue:
    """The connecting points a complaint states (民事诉讼法 arts. 22, 24, 35)."""
    points: list[tuple[str, str]] = []
    for d in defendants:
        points.append((f"被告{d.name}住所地", d.address))
        if isinstance(d, Person) and d.habitual_residence:
            points.append((f"被告{d.name}经常居住地", d.habitual_residence))
    for p in plaintiffs:
        # 民诉法解释 art. 18(2): for money owed, the receiving party's place is where the
        # contract is performed
        points.append((f"原告{p.name}住所地，即合同履行地", p.address))
    named = [(p.name, p.address) for p in plaintiffs], [(d.name, d.address) for d in defendants]
    contacts = [(what, address) for people in named for what, address in people]
    if signed_place:
        contacts.append(("合同签订地", signed_place))
    agreement = read_agreement(clause, *named, signed_place) if clause else None
    parties = [p.address for p in plaintiffs] + [d.address for d in defendants]
    return Venue(claim, points, agreement, contacts, parties)


def check_procedure(result: Assessment, procedure: str, court: str) -> None:
    """The summary and small-claims procedures are for basic courts (民事诉讼法 arts. 160, 165)."""
    if procedure == "ordinary" or not court.endswith("人民法院"):
        return
    if read_court(court, division_table.load()).level not in ("basic", "special"):
        result.error(
            ("procedure",),
            "procedure_not_available",
            f"{PROCEDURE_LABELS[procedure]}仅适用于基层人民法院及其派出法庭"
            "（《中华人民共和国民事诉讼法》第一百六十条、第一百六十五条）",
        )


def check_venue(result: Assessment, court_name: str, venue: Venue) -> bool:
    """The court exists, is of the right level for the claim and the right place. True
    when the jurisdiction clause leads to it (the complaint may then say so)."""
    if not court_name.endswith("人民法院"):
        return False  # check_court said so
    table = division_table.load()
    court = read_court(court_name, table)
    competent = _competent_courts(venue, table)
    where = f"；有管辖权的法院：{'、'.join(competent)}" if competent else ""
    if court.level in ("supreme", "high"):
        article = "第二十一条" if court.level == "supreme" else "第二十条"
        result.error(
            ("court",),
            "court_level",
            f"{court_name}不审理普通民事纠纷的第一审案件（《中华人民共和国民事诉讼法》{article}）"
            f"，本案应向基层人民法院起诉{where}",
        )
        return False
    if court.level == "special":
        result.warn(
            ("court",),
            "court_not_checked",
            f"{court_name}为专门法院或开发区法院，其管辖范围未能按行政区划核对，请人工核实",
        )
        return False
    if court.place is None:
        _unknown_place(result, court, table)
        return False
    _check_level(result, court, venue, table)
    return check_place(result, court, venue.points, venue.agreement, venue.contacts, table)


def _unknown_place(result: Assessment, court: Court, table: division_table.Divisions) -> None:
    if court.ambiguous:
        result.warn(
            ("court",),
            "court_place_ambiguous",
            f"「{court.place_text}」有多个同名行政区划，请在法院名称中写明所在省、市",
        )
        return
    known = table.locate(court.place_text)
    listing = ""
    if known is not None and known.level != "county":
        names = [d.name for d in table.counties_of(known)]
        if 0 < len(names) <= 40:  # a city's or a municipality's, not a whole province's
            listing = f"；{known.full_name}下辖：{'、'.join(names)}"
    result.error(
        ("court",),
        "court_unknown",
        f"「{court.place_text}」不是现行行政区划名称（GB/T 2260），法院名称可能有误{listing}",
    )


def _check_level(
    result: Assessment, court: Court, venue: Venue, table: division_table.Divisions
) -> None:
    """法发〔2021〕27号: 中级 from 5亿 when the parties all live in (or all outside) the
    court's province, from 1亿 when only some do; unknown addresses leave the band
    between the two unjudged."""
    if court.place is None:
        return
    located = [table.locate(address) for address in venue.parties]
    inside = {d is not None and d.code[:2] == court.place.code[:2] for d in located}
    known = bool(located) and all(d is not None for d in located)
    low, high = intermediate_threshold(True), intermediate_threshold(False)
    threshold = intermediate_threshold(len(inside) > 1) if known else None
    amount = f"诉讼标的额人民币{format_yuan(venue.claim)}元"
    if court.level == "basic" and venue.claim >= (threshold or high):
        result.error(
            ("court",),
            "court_level",
            f"{amount}，达到中级人民法院管辖第一审民事案件的标准（{SPC_2021}），"
            "应向中级人民法院起诉",
        )
    elif court.level == "intermediate" and venue.claim < (threshold or low):
        result.error(
            ("court",),
            "court_level",
            f"{amount}，未达到中级人民法院管辖第一审民事案件的标准（{SPC_2021}：当事人住所地"
            "均在或均不在受理法院所在省的5亿元以上，一方不在的1亿元以上），应向基层人民法院起诉",
        )


def _competent_courts(venue: Venue, table: division_table.Divisions) -> list[str]:
    """Each court a connecting point leads to, with the points that lead there."""
    found = connections(venue.points, table)
    if venue.agreement is not None and venue.agreement.read:
        agreed, _ = agreed_connections(venue.agreement, venue.contacts, table)
        found = agreed if agreed.courts else found
    return [f"{court}（{'；'.join(whats)}）" for court, whats in found.courts.items()]


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
    guardian = [guardian_line(party.guardian, party.name)] if party.guardian else []
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
FORM_SIGN = "签字"
"""The word of the element-based complaint forms (要素式, 法〔2025〕82号), whose last row reads
具状人（签字、盖章）: the one paper that says 签字, as its form does."""
SIGN_OR_SEAL = f"{SIGN}或者盖章"
"""A signer not known to be a person or an organisation: 受送达人（签名或者盖章）, as the
样式 writes it (民事诉讼法 art. 62: 签名或者盖章)."""
SIGN_LINE = "＿＿＿＿＿＿＿＿"
"""The blank the hand signs on: a typed name is who must sign, never the signature."""


def signing_line(role: str, name: str, sign: str = SIGN) -> str:
    """「具状人：刘芳　（签名）：＿＿＿＿＿＿＿＿」: who signs, by role and printed name, and the
    blank the hand goes on."""
    return f"{role}：{name}　（{sign}）：{SIGN_LINE}"


def filing_signature(role: str, parties: Iterable[Party], *, sign: str = SIGN) -> list[str]:
    """The signing lines of a paper filed with a court, one word (``sign``: ``SIGN``, or
    ``FORM_SIGN`` on the element-based complaint) on all of them, each with its blank
    (``signing_line``): a person signs; an organisation seals beside its name, and under
    it the one who acts for it in the suit signs, by the role its party block names
    (``representative``): the 法定代表人 of a legal person, the 负责人 or 主要负责人 of
    another organisation — a bank's 支行 or a 信用卡中心 is a branch with its own business
    licence (民事诉讼法 art. 51; 民诉法解释 arts. 50, 52(5)); a ward is named and its guardian
    signs as its 法定代理人 (art. 60)."""
    lines: list[str] = []
    for party in parties:
        if isinstance(party, Person) and party.guardian is not None:
            # the guardian files and signs for a ward (民事诉讼法 art. 60)
            lines += [
                f"{role}：{party.name}",
                signing_line("法定代理人", party.guardian.name, sign),
            ]
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
