"""What the element-based complaint forms (要素式, the Supreme People's Court's model forms,
法〔2025〕82号) share: the notes, the parties, jurisdiction and pre-suit preservation and
the questions on mediation (the security for the debt: ``complaint_form_security``), each
item a (question, answer) row with □/■ for its choices. An item the case leaves open
prints as the form prints it — its boxes empty, a blank line (＿＿＿＿) where a value
goes — never an empty label."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.combined_cap import is_enforcement_cost
from docgen.documents.complaint_capacity import ward_capacity
from docgen.documents.complaint_evidence_rules import printed_note
from docgen.documents.complaint_parts import CHECKED, MEDIATION_LABELS, UNCHECKED
from docgen.documents.complaint_text import (
    boxes,
    cost_basis,
    costs_paid,
    fee_line,
    principal,
    rate_words,
)
from docgen.documents.court_names import court_name_by_number
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


def _guardian_rows(party: Party, capacity: str = "") -> list[Row]:
    """A ward's 法定代理人 under the party (民事诉讼法 art. 60); no row for anyone else.
    For an adult ward, ``capacity``: the court's finding of the capacity that makes the
    guardian the legal representative (民法典 arts. 21, 22, 24), the sentence the
    narrative complaint states in its facts (``complaint_capacity.capacity_sentence``)."""
    if not isinstance(party, Person) or party.guardian is None:
        return []
    line = guardian_line(party.guardian, party.name).removeprefix("法定代理人：")
    value = line.removesuffix("。") + (f"；{capacity}" if capacity else "")
    return [{"label": "法定代理人", "value": value}]


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
        rows += [_party("被告", d.party), *_guardian_rows(d.party, ward_capacity(case, d))]
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
            # a note whose rate was read states its base and period (note_rates)
            noted = resolved.noted.get(case.amounts.components.index(component))
            if note and noted is not None:
                note = noted.printed(note, "原告")
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
    """The costs claimed: those of enforcing the claim in the narrative's words (「《借款
    合同》第十一条约定…。原告…为实现本案债权支付律师费人民币8,000.00元（…）。」,
    ``complaint_text.costs_paid``), any other fee with its note."""
    enforcing = [(c, v) for c, v in costs if is_enforcement_cost(c)]
    items = [costs_paid(case, enforcing)] if enforcing else []
    for component, value in costs:
        if is_enforcement_cost(component):
            continue
        basis = cost_basis(case, component)
        items.append(
            f"{component.display_label}人民币{format_yuan(value)}元"
            + (f"（{basis}）" if basis else "")
        )
    return "；".join(items)


def other_facts(told: Sequence[str | None], after: Sequence[str]) -> str:
    """「其他需要说明的内容」: what the case tells, 「；」 between, then the sentences
    ``after`` it (a guarantor's default), in the same style: a full stop after each
    where the told facts end with one; 「无」 when there is nothing."""
    text = "；".join(t for t in told if t)
    for sentence in after:
        if text.endswith("。"):
            text += f"{sentence}。"
        else:
            text += f"；{sentence}" if text else sentence
    return text or "无"


def jurisdiction_rows(case: CivilComplaint) -> list[Row]:
    held = case.preservation
    applied = held is not None or case.preservation_applied
    # the court by its full name, or the one the ruling's number tells (complaint_rules)
    preserving = court_name_by_number(held.court, held.case_number) if held else None
    detail = ""
    if applied:
        detail = (
            f"保全法院：{val(preserving)}　"
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
