"""The element-based complaint for 民间借贷纠纷 (要素式, the Supreme People's Court's model
forms, 法〔2025〕82号): every item of the form as a (question, answer) row, □/■ for its
choices. An item the case leaves open prints as the form prints it — its boxes empty, a
blank line (＿＿＿＿) where a value goes — never an empty label."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.complaint_parts import (
    CHECKED,
    GUARANTEE_LABELS,
    MEDIATION_LABELS,
    REGISTRATION_LABELS,
    REPAYMENT_LABELS,
    UNCHECKED,
    LoanFacts,
)
from docgen.documents.complaint_text import borrowers, boxes, legal_basis, names, principal
from docgen.documents.court_parts import AUTHORITY_LABELS, ServiceAddress, representative
from docgen.documents.parts import ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import claim_within_maximum
from docgen.domain.interest import describe_running_claim
from docgen.domain.money import format_yuan, legal_amount
from docgen.domain.parties import Organization, Party, Person

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

Row = dict[str, str]


def _v(value: object) -> str:
    """A value, or the blank line the form leaves for it."""
    return str(value) if value not in (None, "") else BLANK


def _d(value: date | None) -> str:
    return format_cn(value) if value else BLANK_DATE


def _money(value: Decimal | None) -> str:
    return f"人民币{format_yuan(value)}元" if value is not None else f"{BLANK}元"


def _box(chosen: bool, label: str) -> str:
    return f"{CHECKED if chosen else UNCHECKED}{label}"


def _yes_no(value: bool | None, detail: str = "", yes: str = "是", no: str = "否") -> str:
    """「■是 细节　□否」; None (not answered) leaves both boxes empty."""
    first = _box(value is True, yes) + (f" {detail}" if detail else "")
    return f"{first}　{_box(value is False, no)}"


def _person(person: Person) -> str:
    rows = [
        f"姓名：{person.name}",
        "性别：" + boxes({"男": "男", "女": "女"}, person.sex),
        f"出生日期：{_d(person.birth_date)}　民族：{_v(person.ethnicity)}",
        f"工作单位：{_v(person.employer)}　职务：{_v(person.position)}"
        f"　联系电话：{_v(person.phone)}",
        f"住所地（户籍所在地）：{person.address}",
        f"经常居住地：{_v(person.habitual_residence)}",
        f"证件类型：{person.id_type}　证件号码：{_v(person.id_number)}",
    ]
    return "；".join(rows)


def _ownership(org: Organization) -> str:
    kind = org.ownership
    state = kind in ("state", "state_holding", "state_share")
    return (
        f"所有制性质：{_box(state, '国有')}（{_box(kind == 'state_holding', '控股')}　"
        f"{_box(kind == 'state_share', '参股')}）　{_box(kind == 'private', '民营')}　"
        f"{_box(kind == 'other', '其他')}"
    )


def _organization(org: Organization) -> str:
    _title, named = representative(org)
    position = named.partition("，")[2]
    listed = org.org_type in ORG_TYPES
    types = "　".join(_box(org.org_type == t, t) for t in ORG_TYPES)
    other = "" if listed or not org.org_type else f"　{CHECKED}其他：{org.org_type}"
    rows = [
        f"名称：{org.name}",
        f"住所地（主要办事机构所在地）：{org.address}",
        f"注册地／登记地：{BLANK}",
        f"法定代表人／负责人：{org.legal_representative}　职务：{_v(position)}　"
        f"联系电话：{_v(org.phone)}",
        f"统一社会信用代码：{org.uscc}",
        f"类型：{types}{other}",
        _ownership(org),
    ]
    return "；".join(rows)


def _party(role: str, party: Party) -> Row:
    if isinstance(party, Person):
        return {"label": f"{role}（自然人）", "value": _person(party)}
    return {"label": f"{role}（法人、非法人组织）", "value": _organization(party)}


def _service(s: ServiceAddress) -> Row:
    ways = (
        f"短信：{_v(s.sms)}　微信：{_v(s.wechat)}　传真：{_v(s.fax)}　"
        f"邮箱：{_v(s.email)}　其他：{_v(s.other_channel)}"
    )
    return {
        "label": "送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序）"
        "及收件人、联系电话",
        "value": f"地址：{s.address}；收件人：{s.recipient}；电话：{s.phone}；"
        f"是否接受电子送达：{_yes_no(s.electronic, f'方式：{ways}' if s.electronic else '')}",
    }


def _parties(case: CivilComplaint) -> list[Row]:
    rows: list[Row] = []
    for p in case.plaintiffs:
        rows.append(_party("原告", p.party))
        agents = "；".join(
            f"姓名：{a.name}　单位：{a.firm}　职务：{a.position}　联系电话：{a.phone}　"
            f"代理权限：{boxes(AUTHORITY_LABELS, a.authority)}"
            for a in p.agents
        )
        rows.append(
            {
                "label": "委托诉讼代理人",
                "value": _yes_no(bool(p.agents), agents, yes="有", no="无"),
            }
        )
        if p.service is not None:
            rows.append(_service(p.service))
    rows += [_party("被告", d.party) for d in case.defendants]
    return rows


def _components(
    case: CivilComplaint, resolved: ResolvedAmounts, kinds: tuple[str, ...]
) -> list[tuple[Any, Decimal]]:
    pairs = zip(case.amounts.components, resolved.amounts, strict=True)
    return [(c, v) for c, v in pairs if c.kind in kinds]


def _interest_method(case: CivilComplaint, interest: list[tuple[Any, Decimal]]) -> str:
    """How the interest claimed was computed, in words (no calculation sheet)."""
    ways = []
    for component, _value in interest:
        calc = component.calculation
        if calc is None:
            continue
        base = calc.base if calc.base is not None else principal(case)
        end = calc.end or component.as_of or case.amounts.as_of
        ways.append(
            f"{component.display_label}以{format_yuan(base)}元为基数，自{format_cn(calc.start)}"
            f"起按{calc.rate.spec().describe()}计算至{format_cn(end)}"
        )
    return "；".join(ways) or BLANK


def _claims(case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult) -> list[Row]:
    as_of = format_cn(case.amounts.as_of)
    interest = _components(case, resolved, ("interest",))
    owed = sum((v for _, v in interest), Decimal(0))
    costs = _components(case, resolved, ("fee",))
    others = _components(case, resolved, ("penalty", "other"))
    running = case.running_interest
    until_paid = (
        describe_running_claim(running.base or principal(case), running.rate.spec(), running.start)
        if running
        else ""
    )
    accel = case.acceleration
    early = accel is not None or case.rescind_contract
    ways = (
        _box(accel is not None, "提前还款（加速到期）")
        + (f"（依合同{accel.clause}于{format_cn(accel.declared_on)}宣布）" if accel else "")
        + "／"
        + _box(case.rescind_contract, "解除合同")
    )
    guarantors = [d for d in case.defendants if d.role == "guarantor" and d.guarantee]
    guarantee_text = "；".join(
        f"被告{d.party.name}{claim_within_maximum(d.guarantee)}承担{d.guarantee.label}责任"
        for d in guarantors
        if d.guarantee is not None
    )
    listed = "；".join(f"{c.display_label}人民币{format_yuan(v)}元" for c, v in costs)
    other = "；".join(f"{c.display_label}人民币{format_yuan(v)}元" for c, v in others)
    return [
        {
            "label": "1. 本金",
            "value": f"截至{as_of}止，尚欠本金人民币{format_yuan(principal(case))}元",
        },
        {
            "label": "2. 利息（复利、罚息）",
            "value": f"截至{as_of}止，欠利息人民币{format_yuan(owed)}元；"
            f"计算方式：{_interest_method(case, interest)}；是否请求支付至实际清偿之日止："
            + _yes_no(running is not None, f"（{until_paid}）" if until_paid else ""),
        },
        {"label": "3. 是否要求提前还款或解除合同", "value": _yes_no(early, ways if early else "")},
        {
            "label": "4. 是否主张担保权利",
            "value": _yes_no(bool(guarantors), f"内容：{guarantee_text}" if guarantors else ""),
        },
        {
            "label": "5. 是否主张实现债权的费用",
            "value": _yes_no(bool(costs), f"明细：{listed}" if costs else ""),
        },
        {"label": "6. 是否主张诉讼费用", "value": _yes_no(True, "（由被告承担）")},
        {"label": "7. 其他请求", "value": other or "无"},
        {
            "label": "8. 标的总额",
            "value": f"{legal_amount(resolved.total)}（暂计至{as_of}）",
        },
        {"label": "案件受理费（估算）", "value": legal_amount(fee.fee)},
    ]


def _jurisdiction(case: CivilComplaint) -> list[Row]:
    held = case.preservation
    applied = held is not None or case.preservation_applied
    detail = ""
    if applied:
        detail = (
            f"保全法院：{_v(held.court if held else None)}　"
            f"保全时间：{_d(held.ordered_on if held else None)}　"
            f"保全案号：{_v(held.case_number if held else None)}"
        )
    clause = case.jurisdiction_clause
    return [
        {
            "label": "1. 有无仲裁、法院管辖约定",
            "value": _yes_no(
                clause is not None, f"合同条款及内容：{clause}" if clause else "", "有", "无"
            ),
        },
        {
            "label": "2. 是否已经诉前保全",
            "value": _yes_no(applied, detail) + f"（{IN_SUIT}）",
        },
    ]


def _repayment(loan: LoanFacts) -> str:
    plan = loan.repayment_plan or ("other" if loan.repayment_method else None)
    options = "　".join(_box(plan == key, label) for key, label in REPAYMENT_LABELS.items())
    return options + (f"（{loan.repayment_method}）" if loan.repayment_method else "")


def _security(case: CivilComplaint, loan: LoanFacts) -> list[Row]:
    held = loan.collateral
    maximum = held is not None and held.maximum_amount is not None
    registered = held is not None and held.registration != "none"
    registration = "　".join(
        _box(held is not None and held.registration == key, label)
        for key, label in REGISTRATION_LABELS.items()
    )
    guarantors = [d for d in case.defendants if d.role == "guarantor" and d.guarantee]
    first = guarantors[0].guarantee if guarantors else None
    signed = f"保证人：{names([d.party for d in guarantors])}；主要内容：" + _v(
        (first.contract if first else None) or loan.guarantee_contract
    )
    other = loan.other_security
    return [
        {
            "label": "10. 是否签订物的担保（抵押、质押）合同",
            "value": _yes_no(held is not None, f"签订时间：{_d(held.signed_on)}" if held else ""),
        },
        {
            "label": "11. 担保人、担保物",
            "value": f"担保人：{_v(held.provider if held else None)}；"
            f"担保物：{_v(held.property if held else None)}",
        },
        {
            "label": "12. 是否最高额担保（抵押、质押）",
            "value": _yes_no(maximum if held else None)
            + f"；担保债权的确定时间：{_d(held.fixed_on if held else None)}；"
            f"担保额度：{_money(held.maximum_amount if held else None)}",
        },
        {
            "label": "13. 是否办理抵押、质押登记",
            "value": _yes_no(registered if held else None, registration if registered else ""),
        },
        {
            "label": "14. 是否签订保证合同",
            "value": _yes_no(bool(guarantors), signed if guarantors else "")
            + "；保证方式："
            + boxes(GUARANTEE_LABELS, first.resolved_type if first else None),
        },
        {
            "label": "15. 其他担保方式",
            "value": _yes_no(
                other is not None,
                f"形式：{other}　签订时间：{_d(loan.other_security_on)}" if other else "",
            ),
        },
    ]


def _facts(case: CivilComplaint, overdue_from: date) -> list[Row]:
    contract, loan = case.contract, case.loan
    rows = [
        {
            "label": "1. 合同签订情况（名称、编号、签订时间、地点等）",
            "value": f"《{contract.name}》；编号：{_v(contract.number)}；签订时间："
            f"{format_cn(contract.signed_on)}；签订地点：{_v(loan.signed_place if loan else None)}",
        },
        {
            "label": "2. 签订主体",
            "value": f"出借人：{names([p.party for p in case.plaintiffs])}；"
            f"借款人：{names(borrowers(case))}",
        },
    ]
    if loan is not None:
        method = loan.delivery_method
        paid_until = _d(loan.interest_paid_until)
        rows += [
            {
                "label": "3. 借款金额",
                "value": f"约定：人民币{format_yuan(loan.agreed_amount)}元；实际提供："
                f"人民币{format_yuan(loan.delivered_amount)}元；提供方式："
                + "　".join(
                    (
                        _box(method == "cash", "现金"),
                        _box(method == "transfer", "转账"),
                        _box(method == "mixed", "其他：现金及转账"),
                    )
                ),
            },
            {
                "label": "4. 借款期限",
                "value": "是否到期："
                + _yes_no(contract.due_date < case.filing_date)
                + f"；约定期限：{format_cn(loan.delivered_on)}起至{format_cn(contract.due_date)}止",
            },
            {
                "label": "5. 借款利率",
                "value": _box(loan.agreed_rate is not None, "利率")
                + (f" {loan.agreed_rate}" if loan.agreed_rate else f"{BLANK}%／年（季／月）"),
            },
            {
                "label": "6. 借款提供时间",
                "value": f"{format_cn(loan.delivered_on)}，"
                f"人民币{format_yuan(loan.delivered_amount)}元",
            },
            {"label": "7. 还款方式", "value": _repayment(loan)},
            {
                "label": "8. 还款情况",
                "value": f"已还本金：{_money(loan.repaid_principal or Decimal(0))}；"
                f"已还利息：{_money(loan.repaid_interest or Decimal(0))}，还息至{paid_until}",
            },
            {
                "label": "9. 是否存在逾期还款",
                "value": _yes_no(True, f"逾期时间：自{format_cn(overdue_from)}起至今已逾期"),
            },
            *_security(case, loan),
        ]
    other = "；".join(t for t in (contract.summary, case.facts) if t)
    rows += [
        {"label": "16. 其他需要说明的内容", "value": other or "无"},
        {
            "label": "17. 请求承担责任的依据",
            "value": f"合同约定：《{contract.name}》的约定；法律规定："
            + "；".join(legal_basis(case)),
        },
        {"label": "18. 证据清单", "value": "详见下附证据清单"},
    ]
    return rows


def _mediation(case: CivilComplaint) -> list[Row]:
    answers = case.mediation_answers
    knows = answers.knows_mediation if answers else None
    benefits = answers.knows_benefits if answers else None
    known = _yes_no(knows, yes="了解", no="不了解")
    benefit = _yes_no(benefits, yes="了解", no="不了解")
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


def form_sections(
    case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult, overdue_from: date
) -> list[dict[str, Any]]:
    """The element-based form: its sections of (question, answer) rows, in its order."""
    return [
        {"title": "当事人信息", "rows": _parties(case)},
        {"title": "诉讼请求", "rows": _claims(case, resolved, fee)},
        {"title": "约定管辖和诉前保全", "rows": _jurisdiction(case)},
        {"title": "事实与理由", "rows": _facts(case, overdue_from)},
        {"title": "对纠纷解决方式的意愿", "rows": _mediation(case)},
    ]
