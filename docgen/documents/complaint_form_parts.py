"""What the element-based complaint forms (要素式, the Supreme People's Court's model forms,
法〔2025〕82号) share: the notes, the parties, jurisdiction and pre-suit preservation, the
security for the debt and the questions on mediation, each item a (question, answer) row
with □/■ for its choices. An item the case leaves open prints as the form prints it — its
boxes empty, a blank line (＿＿＿＿) where a value goes — never an empty label."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from docgen.documents.complaint_evidence_rules import printed_note
from docgen.documents.complaint_parts import (
    CHECKED,
    GUARANTEE_LABELS,
    MEDIATION_LABELS,
    REGISTRATION_LABELS,
    UNCHECKED,
    Collateral,
)
from docgen.documents.complaint_security import (
    agreed_order_words,
    movable_pledge,
    pledged_right,
)
from docgen.documents.complaint_text import (
    boxes,
    cost_basis,
    fee_line,
    names,
    principal,
    rate_words,
)
from docgen.documents.court_parts import AUTHORITY_LABELS, ServiceAddress, representative
from docgen.documents.parts import ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.guardianship import guardian_line
from docgen.domain.money import format_yuan
from docgen.domain.parties import Organization, Party, Person, birth_date_of

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


BLANK = "＿＿＿＿"
BLANK_DATE = "＿＿＿＿年＿＿月＿＿日"
ORG_TYPES = (
    "有限责任公司",
    "股份有限公司",
    "上市公司",
    "其他企业法人",
    "事业单位",
    "社会团体",
    "基金会",
    "社会服务机构",
    "机关法人",
    "农村集体经济组织法人",
    "城镇农村的合作经济组织法人",
    "基层群众性自治组织法人",
    "个人独资企业",
    "合伙企业",
    "不具有法人资格的专业服务机构",
)
NOTES = (
    "说明：为了方便您更好地参加诉讼，保护您的合法权利，请填写本表。",
    "1. 起诉时需向人民法院提交证明您身份的材料，如身份证复印件、营业执照复印件等。",
    "2. 本表所列内容是您参加诉讼以及人民法院查明案件事实所需，请务必如实填写。",
    "3. 本表有些内容可能与您的案件无关，您认为与案件无关的项目可以填“无”或不填；"
    "有选项的，已选中的标为“■”，未选中的标为“□”。",
)
WARNING = (
    "★特别提示★",
    "诉讼参加人应当遵循诚信原则，如实、认真填写本表。违反有关规定，进行虚假诉讼、恶意诉讼、"
    "滥用诉权的，人民法院将视违法情形依法追究责任。",
)
MEDIATION_BENEFITS = (
    "1. 立案后选择先行调解的，可以很快启动调解程序；不同意调解的，人民法院依程序开庭审理，"
    "审理周期可能较长。",
    "2. 先行调解成功且自动履行的，免交诉讼费用；申请司法确认的，不交纳诉讼费用；"
    "要求出具调解书的，减半交纳诉讼费用。",
    "3. 首次调解不成但仍愿意继续调解的，可以更换调解组织或者调解员再行调解；"
    "无法达成一致的，人民法院及时立案审理。",
    "4. 调解依法保密：调解过程不公开，调解协议未经当事人同意不得公开。",
    "5. 调解达成的协议具有法律效力，可以依法申请司法确认，经确认的具有强制执行效力。",
)
MEDIATION_CHOICES = {**MEDIATION_LABELS, "undecided": "暂不确定，想要了解更多内容"}
IN_SUIT = "如申请诉讼保全，请另行提交诉讼保全申请及相关材料"
NOTE_OPENINGS = ("按", "以", "自", "依", "系", "为", "即")
"""A note that reads on from the amount's name (「违约金按合同第六条…」) takes no colon."""

Row = dict[str, str]


def val(value: object) -> str:
    """A value, or the blank line the form leaves for it."""
    return str(value) if value not in (None, "") else BLANK


def day(value: date | None) -> str:
    return format_cn(value) if value else BLANK_DATE


def money(value: Decimal | None) -> str:
    return f"人民币{format_yuan(value)}元" if value is not None else f"{BLANK}元"


def box(chosen: bool, label: str) -> str:
    return f"{CHECKED if chosen else UNCHECKED}{label}"


def yes_no(value: bool | None, detail: str = "", yes: str = "是", no: str = "否") -> str:
    """「■是 细节　□否」; None (not answered) leaves both boxes empty."""
    first = box(value is True, yes) + (f" {detail}" if detail else "")
    return f"{first}　{box(value is False, no)}"


def _person(person: Person) -> str:
    rows = [
        f"姓名：{person.name}",
        "性别：" + boxes({"男": "男", "女": "女"}, person.sex),
        f"出生日期：{day(birth_date_of(person))}　民族：{val(person.ethnicity)}",
        f"工作单位：{val(person.employer)}　职务：{val(person.position)}"
        f"　联系电话：{val(person.phone)}",
        f"住所地（户籍所在地）：{person.address}",
        f"经常居住地：{val(person.habitual_residence)}",
        f"证件类型：{person.id_type}　证件号码：{val(person.id_number)}",
    ]
    return "；".join(rows)


def _ownership(org: Organization) -> str:
    kind = org.ownership
    state = kind in ("state", "state_holding", "state_share")
    return (
        f"所有制性质：{box(state, '国有')}（{box(kind == 'state_holding', '控股')}　"
        f"{box(kind == 'state_share', '参股')}）　{box(kind == 'private', '民营')}　"
        f"{box(kind == 'other', '其他')}"
    )


def _organization(org: Organization) -> str:
    _title, named = representative(org)
    position = named.partition("，")[2]
    listed = org.org_type in ORG_TYPES
    types = "　".join(box(org.org_type == t, t) for t in ORG_TYPES)
    other = "" if listed or not org.org_type else f"　{CHECKED}其他：{org.org_type}"
    rows = [
        f"名称：{org.name}",
        f"住所地（主要办事机构所在地）：{org.address}",
        f"注册地／登记地：{BLANK}",
        f"法定代表人／负责人：{org.legal_representative}　职务：{val(position)}　"
        f"联系电话：{val(org.phone)}",
        f"统一社会信用代码：{org.uscc}",
        f"类型：{types}{other}",
        _ownership(org),
    ]
    return "；".join(rows)


def _party(role: str, party: Party) -> Row:
    if isinstance(party, Person):
        return {"label": f"{role}（自然人）", "value": _person(party)}
    return {"label": f"{role}（法人、非法人组织）", "value": _organization(party)}


def _guardian_rows(party: Party) -> list[Row]:
    """A ward's 法定代理人 under the party (民事诉讼法 art. 60); no row for anyone else."""
    if not isinstance(party, Person) or party.guardian is None:
        return []
    line = guardian_line(party.guardian, party.name).removeprefix("法定代理人：")
    return [{"label": "法定代理人", "value": line.removesuffix("。")}]


def _service(s: ServiceAddress | None) -> Row:
    """The 送达地址 row; without an address given, the row as the blank form prints it."""
    electronic = s.electronic if s is not None else None
    address, recipient, phone = (s.address, s.recipient, s.phone) if s else (None, None, None)
    ways = (
        f"短信：{val(s.sms)}　微信：{val(s.wechat)}　传真：{val(s.fax)}　"
        f"邮箱：{val(s.email)}　其他：{val(s.other_channel)}"
        if s is not None and s.electronic
        else ""
    )
    return {
        "label": "送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序）"
        "及收件人、联系电话",
        "value": f"地址：{val(address)}；收件人：{val(recipient)}；电话：{val(phone)}；"
        f"是否接受电子送达：{yes_no(electronic, f'方式：{ways}' if ways else '')}",
    }


def party_rows(case: CivilComplaint) -> list[Row]:
    rows: list[Row] = []
    for p in case.plaintiffs:
        rows += [_party("原告", p.party), *_guardian_rows(p.party)]
        agents = "；".join(
            f"姓名：{a.name}　单位：{a.firm}　职务：{a.position}　联系电话：{a.phone}　"
            f"代理权限：{boxes(AUTHORITY_LABELS, a.authority)}"
            for a in p.agents
        )
        rows.append(
            {
                "label": "委托诉讼代理人",
                "value": yes_no(bool(p.agents), agents, yes="有", no="无"),
            }
        )
        rows.append(_service(p.service))
    for d in case.defendants:
        rows += [_party("被告", d.party), *_guardian_rows(d.party)]
    return rows


def fee_row(fee: FeeResult, procedure: str) -> Row:
    """The acceptance fee with its basis, in the narrative complaint's words (one source):
    a halved fee says so, or a reader computing it from the total finds twice the sum
    (诉讼费用交纳办法 art. 16)."""
    stated = fee_line(fee, procedure).partition("：")[2].removesuffix("。")
    return {"label": "案件受理费（估算）", "value": stated}


def components(
    case: CivilComplaint, resolved: ResolvedAmounts, kinds: tuple[str, ...]
) -> list[tuple[Any, Decimal]]:
    pairs = zip(case.amounts.components, resolved.amounts, strict=True)
    return [(c, v) for c, v in pairs if c.kind in kinds]


def interest_method(
    case: CivilComplaint, resolved: ResolvedAmounts, interest: list[tuple[Any, Decimal]]
) -> str:
    """How the interest claimed was computed, in words (no calculation sheet): with a
    floating LPR rate, which LPR each stretch of the period took; a typed amount by its
    note."""
    ways = []
    for component, _value in interest:
        calc = component.calculation
        if calc is None:
            # a typed amount: its basis as the user noted it (complaint_form_rules warns
            # where there is none)
            note = printed_note(component.note, case)
            if note:
                joint = "" if note.startswith(NOTE_OPENINGS) else "："
                ways.append(f"{component.display_label}{joint}{note}")
            continue
        base = calc.base if calc.base is not None else principal(case)
        end = calc.end or component.as_of or case.amounts.as_of
        # equal components compute equally, so the first equal one's periods are its own
        lpr = resolved.lpr_periods(case.amounts.components.index(component))
        ways.append(
            f"{component.display_label}以{format_yuan(base)}元为基数，自{format_cn(calc.start)}"
            f"起按{rate_words(resolved, calc.rate.spec(), component.kind == 'penalty')}"
            f"计算至{format_cn(end)}" + (f"（{lpr}）" if lpr else "")
        )
    return "；".join(ways) or BLANK


def cost_items(case: CivilComplaint, costs: list[tuple[Any, Decimal]]) -> str:
    """「律师费人民币8,000.00元（《借款合同》第十一条约定…）」: the costs of enforcing the claim
    claimed, each with the clause that puts it on the debtor and its note."""
    items = []
    for component, value in costs:
        basis = cost_basis(case, component)
        items.append(
            f"{component.display_label}人民币{format_yuan(value)}元"
            + (f"（{basis}）" if basis else "")
        )
    return "；".join(items)


def jurisdiction_rows(case: CivilComplaint) -> list[Row]:
    held = case.preservation
    applied = held is not None or case.preservation_applied
    detail = ""
    if applied:
        detail = (
            f"保全法院：{val(held.court if held else None)}　"
            f"保全时间：{day(held.ordered_on if held else None)}　"
            f"保全案号：{val(held.case_number if held else None)}"
        )
    clause = case.jurisdiction_clause
    return [
        {
            "label": "1. 有无仲裁、法院管辖约定",
            "value": yes_no(
                clause is not None, f"合同条款及内容：{clause}" if clause else "", "有", "无"
            ),
        },
        {
            "label": "2. 是否已经诉前保全",
            "value": yes_no(applied, detail) + f"（{IN_SUIT}）",
        },
    ]


class SecurityFacts(Protocol):
    """The security for the debt, as a loan's or a sale's facts state it."""

    @property
    def collateral(self) -> Collateral | None: ...
    @property
    def guarantee_contract(self) -> str | None: ...
    @property
    def guarantee_signed_on(self) -> date | None: ...
    @property
    def other_security(self) -> str | None: ...
    @property
    def other_security_on(self) -> date | None: ...


def security_rows(
    case: CivilComplaint, facts: SecurityFacts, first_no: int, *, guarantee: str = "保证合同"
) -> list[Row]:
    """The form's items on security, numbered from ``first_no``. Every form asks the
    guarantee's 签订时间, 保证人 and 主要内容 (「是□ 签订时间： 保证人： 主要内容：」); the
    民间借贷 form asks the 保证方式 within its guarantee item (``first_no`` 10), the other
    forms as an item of its own."""
    held = facts.collateral
    guarantors = [d for d in case.defendants if d.role == "guarantor" and d.guarantee]
    first = guarantors[0].guarantee if guarantors else None
    lending = case.contract.kind == "private_lending"
    signed = f"签订时间：{day(facts.guarantee_signed_on)}　"
    signed += f"保证人：{names([d.party for d in guarantors])}；主要内容：" + val(
        (first.contract if first else None) or facts.guarantee_contract
    )
    signed += _guarantee_terms(guarantors, held)
    ways = boxes(GUARANTEE_LABELS, first.resolved_type if first else None)
    other = facts.other_security
    n = first_no
    rows = [
        {
            "label": f"{n}. 是否签订物的担保（抵押、质押）合同",
            "value": yes_no(held is not None, _security_contract(held)),
        },
        {
            "label": f"{n + 1}. 担保人、担保物",
            "value": f"担保人：{val(held.provider if held else None)}；"
            f"担保物：{val(held.property if held else None)}",
        },
        {"label": f"{n + 2}. 是否最高额担保（抵押、质押）", "value": _maximum(held)},
        {"label": f"{n + 3}. 是否办理抵押、质押登记", "value": _registration(held)},
        {
            "label": f"{n + 4}. 是否签订{guarantee}",
            "value": yes_no(bool(guarantors), signed if guarantors else "")
            + ("；保证方式：" + ways if lending else ""),
        },
    ]
    if not lending:
        rows.append({"label": f"{n + 5}. 保证方式", "value": ways})
    last = n + 5 if lending else n + 6
    rows.append(
        {
            "label": f"{last}. 其他担保方式",
            "value": yes_no(
                other is not None,
                f"形式：{other}　签订时间：{day(facts.other_security_on)}" if other else "",
            ),
        }
    )
    return rows


def _security_contract(held: Collateral | None) -> str:
    """When the security contract was signed, and the scope it agreed (民法典 art. 389)."""
    if held is None:
        return ""
    scope = f"；约定的担保范围：{held.scope.rstrip('。')}" if held.scope else ""
    return f"签订时间：{day(held.signed_on)}{scope}"


def _maximum(held: Collateral | None) -> str:
    """Whether the security is a maximum one, its fixing time (and the event that fixed
    it before then, 民法典 art. 423), its amount."""
    maximum = held is not None and held.maximum_amount is not None
    fixed = day(held.fixed_on if held else None)
    if held is not None and held.fixing is not None:
        fixed += f"（约定）；担保的债权{held.fixing.words(held.kind)}"
    return (
        yes_no(maximum if held else None)
        + f"；担保债权的确定时间：{fixed}；担保额度：{money(held.maximum_amount if held else None)}"
    )


def _registration(held: Collateral | None) -> str:
    """The registration of a mortgage or a right's pledge; for a movable's pledge, its
    delivery, which creates it (民法典 art. 429: no registration does); for a pledge of a
    certificate (汇票, 存单, 仓单 …) not registered, the certificate's delivery (art. 441)."""
    if held is not None and movable_pledge(held):
        return (
            "动产质押无须登记，质权自出质人交付质押财产时设立（《中华人民共和国民法典》"
            "第四百二十九条）；是否已交付质押财产：" + yes_no(held.delivered)
        )
    right = pledged_right(held) if held is not None else None
    if held is not None and right is not None and right.certificate and held.registration == "none":
        return (
            f"以{right.name}出质的，质权自权利凭证交付质权人时设立；没有权利凭证的，自办理出质"
            f"登记时设立（《中华人民共和国民法典》{right.article}）；是否已交付权利凭证："
            + yes_no(held.delivered)
        )
    registered = held is not None and held.registration != "none"
    registration = "　".join(
        box(held is not None and held.registration == key, label)
        for key, label in REGISTRATION_LABELS.items()
    )
    return yes_no(registered if held else None, registration if registered else "")


def _guarantee_terms(guarantors: list[Any], held: Collateral | None) -> str:
    """What the guarantee item adds to the contract's name: each maximum guarantee's
    amount and period (and the event that fixed its debts early), and the agreed order of
    enforcing the property and the guarantee (民法典 art. 392), on which a claim against
    the guarantor for the whole debt rests."""
    terms = []
    for d in guarantors:
        if d.guarantee_scope:  # 民法典 art. 691: as agreed
            terms.append(f"{d.party.name}约定的保证范围：{d.guarantee_scope.rstrip('。')}")
        maximum = d.guarantee.maximum
        if maximum is None:
            continue
        fixing = d.maximum_fixing
        terms.append(
            f"{d.party.name}最高额保证，最高债权额人民币{format_yuan(maximum.amount)}元，"
            f"债权确定期间{format_cn(maximum.period_start)}至{format_cn(maximum.period_end)}"
            + (f"，担保的债权{fixing.words('guarantee')}" if fixing else "")
        )
    order = agreed_order_words(held) if held is not None else None
    if order is not None:
        terms.append(f"实现担保的顺序：{order}")
    return "".join(f"；{t}" for t in terms)


def mediation_rows(case: CivilComplaint) -> list[Row]:
    answers = case.mediation_answers
    knows = answers.knows_mediation if answers else None
    benefits = answers.knows_benefits if answers else None
    known = yes_no(knows, yes="了解", no="不了解")
    benefit = yes_no(benefits, yes="了解", no="不了解")
    return [
        {
            "label": "是否了解调解作为非诉讼纠纷解决方式，能及时、高效、低成本、不伤和气地解决纠纷",
            "value": known,
        },
        *(  # one question over its five points, as the form spans them
            {"label": "" if k else "是否了解先行调解解决纠纷的好处", "value": f"{item}　{benefit}"}
            for k, item in enumerate(MEDIATION_BENEFITS)
        ),
        {"label": "是否考虑先行调解", "value": boxes(MEDIATION_CHOICES, case.mediation)},
    ]
