"""The element-based complaint for 买卖合同纠纷 (要素式, the Supreme People's Court's model
form, 法〔2025〕82号): its claims (ten items: the seller's 1–2, the buyer's 3–4, then the
common ones) and its facts (24 items). docgen speaks for the seller claiming the price,
so the buyer's items print open, as the form prints them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.complaint_basis import legal_basis
from docgen.documents.complaint_branch_rules import company_claims, company_facts
from docgen.documents.complaint_causes import PAYMENT_LABELS, Answer, SaleFacts
from docgen.documents.complaint_form_parts import (
    BLANK,
    BLANK_DATE,
    Row,
    box,
    components,
    cost_items,
    day,
    fee_row,
    interest_method,
    other_facts,
    val,
    yes_no,
)
from docgen.documents.complaint_form_security import security_rows
from docgen.documents.complaint_minor import minor_contract_facts
from docgen.documents.complaint_reasons import guarantor_default_facts
from docgen.documents.complaint_security import form_security_claims
from docgen.documents.complaint_text import borrowers, is_penalty, names, principal, rate_words
from docgen.documents.parts import ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

LOSS_WORDS = ("损失", "赔偿")
"""A component named so is a loss (赔偿金, e.g. 逾期付款损失), not interest."""


def _yuan(value: Decimal | None) -> str:
    return f"{format_yuan(value)}元" if value is not None else f"{BLANK}元"


def _total(pairs: list[tuple[Any, Decimal]]) -> Decimal:
    return sum((v for _, v in pairs), Decimal(0))


def _sum(pairs: list[tuple[Any, Decimal]]) -> str:
    """The amounts' total, or the form's blank when none is claimed."""
    return _yuan(_total(pairs) if pairs else None)


def late_parts(
    case: CivilComplaint, resolved: ResolvedAmounts
) -> dict[str, list[tuple[Any, Decimal]]]:
    """What the buyer owes for paying late, by what it is: 利息, 违约金, or 赔偿金 (a
    component named a loss, e.g. 逾期付款损失: 买卖合同解释 art. 18(4)). One reading for
    claim 2 and item 15, so the same sum bears the same name in both."""
    interest = components(case, resolved, ("interest",))
    losses = [(c, v) for c, v in interest if _is_loss(c.display_label)]
    return {
        "利息": [(c, v) for c, v in interest if not _is_loss(c.display_label)],
        "违约金": components(case, resolved, ("penalty",)),
        "赔偿金": losses,
    }


def _is_loss(label: str) -> bool:
    return any(word in label for word in LOSS_WORDS)


def _named(label: str, pairs: list[tuple[Any, Decimal]]) -> str:
    """「赔偿金（逾期付款损失）」: the form's word, and the claim's own names for a loss."""
    if label != "赔偿金" or not pairs:
        return label
    return f"{label}（{'、'.join(dict.fromkeys(c.display_label for c, _ in pairs))}）"


def _late_payment(case: CivilComplaint, resolved: ResolvedAmounts) -> str:
    as_of = format_cn(case.amounts.as_of)
    parts = late_parts(case, resolved)
    owed = "、".join(
        _named(label, pairs) + _sum(pairs)
        for label, pairs in parts.items()
        if label != "赔偿金" or pairs  # the form asks 利息 and 违约金; a loss when claimed
    )
    running = case.running_interest
    start = day(running.start) if running else BLANK_DATE
    base = running.base or principal(case) if running else None
    penalty = running is not None and is_penalty(running.label)
    rate = rate_words(resolved, running.rate.spec(), penalty) if running else BLANK
    # the running part by its own name where it is a loss, else as the form words it
    later = running.label if running and _is_loss(running.label) else "逾期利息、违约金"
    every = [pair for pairs in parts.values() for pair in pairs]
    return (
        f"截至{as_of}止，迟延给付价款的{owed}，自{start}之后的{later}，以{_yuan(base)}为基数"
        f"按照{rate}标准计算；计算方式：{interest_method(case, resolved, every)}；"
        "是否请求支付至实际清偿之日止：" + yes_no(running is not None)
    )


def _performance(case: CivilComplaint, sale: SaleFacts | None) -> str:
    rescinded = sale.rescinded_on if sale else None
    going_on = not case.rescind_contract and rescinded is None
    days = sale.performance_days if sale else None
    return "　".join(
        (
            box(going_on, "继续履行")
            + f" {val(days) if going_on else BLANK}日内履行完毕"
            + f"（{box(going_on, '付款')}　{box(False, '供货')}）义务",
            box(case.rescind_contract, "判令解除合同"),
            box(rescinded is not None, f"确认买卖合同已于{day(rescinded)}解除"),
        )
    )


def _claims(case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult) -> list[Row]:
    sale = case.sale
    costs = components(case, resolved, ("fee",))
    others = components(case, resolved, ("other",))
    secured = form_security_claims(case)
    listed = cost_items(case, costs)
    other = "；".join(
        [
            *(f"{c.display_label}人民币{_yuan(v)}" for c, v in others),
            *company_claims(case),
        ]
    )
    remedies = "　".join(
        box(False, label) for label in ("修理", "重作", "更换", "退货", "减少价款或者报酬")
    )
    return [
        {"label": "1. 给付价款（元）", "value": f"人民币{_yuan(principal(case))}"},
        {"label": "2. 迟延给付价款的利息（违约金）", "value": _late_payment(case, resolved)},
        {
            "label": "3. 赔偿因卖方违约所受的损失",
            "value": f"支付赔偿金{BLANK}元；违约类型："
            + "　".join(box(False, t) for t in ("迟延履行", "不履行", "其他"))
            + f"；具体情形：{BLANK}；损失计算依据：{BLANK}",
        },
        {
            "label": "4. 是否对标的物的瑕疵承担责任",
            "value": f"{box(False, '是')} {remedies}　{box(False, '其他')}：{BLANK}　"
            + box(False, "否"),
        },
        {"label": "5. 要求继续履行或者解除合同", "value": _performance(case, sale)},
        {
            "label": "6. 是否主张担保权利",
            "value": yes_no(bool(secured), f"内容：{secured}" if secured else ""),
        },
        {
            "label": "7. 是否主张实现债权的费用",
            "value": yes_no(bool(costs), f"费用明细：{listed}" if costs else ""),
        },
        {"label": "8. 是否主张诉讼费用", "value": yes_no(True, "（由被告承担）")},
        {"label": "9. 其他请求", "value": other or "无"},
        {
            "label": "10. 标的总额",
            "value": f"{legal_amount(resolved.total)}（暂计至{format_cn(case.amounts.as_of)}）",
        },
        fee_row(fee, case.procedure),
    ]


def _answer(answer: Answer | None, yes: str = "是", no: str = "否") -> str:
    detail = f"具体情况：{answer.detail}" if answer and answer.answer and answer.detail else ""
    return yes_no(answer.answer if answer else None, detail, yes, no)


def _price(case: CivilComplaint, sale: SaleFacts) -> str:
    method = sale.payment_method
    ways = "　".join(box(method == key, label) for key, label in PAYMENT_LABELS.items())
    detail = f"（{sale.payment_detail}）" if sale.payment_detail else ""
    terms = sale.installment_terms
    return (
        f"单价：{_yuan(sale.unit_price)}；总价：{_yuan(sale.total_price)}；以{ways}{detail}方式；"
        f"{box(sale.installments is False, '一次性')}　{box(sale.installments is True, '分期')}"
        f"支付；分期方式：{val(terms)}；付款期限：{format_cn(case.contract.due_date)}"
    )


def _penalties(sale: SaleFacts) -> str:
    def clause(value: object, text: str | None) -> str:
        return f"（合同条款：{text if value is not None and text else BLANK}）"

    rate = sale.daily_penalty_percent
    return "　".join(
        (
            box(sale.penalty_amount is not None, "违约金")
            + _yuan(sale.penalty_amount)
            + clause(sale.penalty_amount, sale.penalty_clause),
            box(sale.deposit_amount is not None, "定金")
            + _yuan(sale.deposit_amount)
            + clause(sale.deposit_amount, sale.deposit_clause),
            box(rate is not None, "迟延履行违约金")
            + (f"{rate.normalize():f}" if rate is not None else BLANK)
            + "%／日"
            + clause(rate, sale.daily_penalty_clause),
        )
    )


def _performance_facts(sale: SaleFacts) -> str:
    def pieces(value: int | None) -> str:
        # in the goods' own unit (「十台」 is delivered as 10台, never 10件)
        return f"{value if value is not None else BLANK}{sale.unit}"

    return (
        f"按期支付价款{_yuan(sale.paid_on_time)}，逾期付款{_yuan(sale.paid_late)}，"
        f"逾期未付款{_yuan(sale.unpaid)}；按期交付标的物{pieces(sale.delivered_on_time)}，"
        f"逾期交付{pieces(sale.delivered_late)}，逾期未交付{pieces(sale.undelivered)}"
    )


def _owed(case: CivilComplaint, resolved: ResolvedAmounts) -> str:
    parts = late_parts(case, resolved)
    every = [pair for pairs in parts.values() for pair in pairs]
    return (
        "　".join(
            box(bool(pairs), _named(label, pairs)) + _sum(pairs) for label, pairs in parts.items()
        )
        + f"；共计{_yuan(_total(every))}；计算方式：{interest_method(case, resolved, every)}"
    )


def _contract_row(case: CivilComplaint, sale: SaleFacts | None) -> Row:
    contract = case.contract
    written = sale is None or sale.written
    return {
        "label": "1. 合同的签订情况（名称、编号、签订时间、地点等；如无书面合同，请注明"
        "“无书面合同”）",
        "value": ("" if written else "无书面合同；")
        + f"《{contract.name}》；编号：{val(contract.number)}；签订时间："
        f"{format_cn(contract.signed_on)}；签订地点：{val(sale.signed_place if sale else None)}",
    }


def _sale_rows(case: CivilComplaint, sale: SaleFacts, overdue_from: date) -> list[Row]:
    late_delivery = bool(sale.delivered_late or sale.undelivered)
    urged = (
        f"催促情况：{format_cn(sale.urged_on)}通过{val(sale.urged_by)}方式进行了催促"
        if sale.urged_on
        else ""
    )
    return [
        {"label": "3. 买卖标的物情况（标的物名称、规格、质量、数量等）", "value": sale.goods},
        {"label": "4. 合同约定的价格及支付方式", "value": _price(case, sale)},
        {
            "label": "5. 合同约定的交货时间、地点、方式、风险承担、安装、调试、验收",
            "value": val(sale.delivery_terms),
        },
        {
            "label": "6. 合同约定的质量标准及检验方式、质量异议期限",
            "value": val(sale.quality_terms),
        },
        {"label": "7. 合同约定的违约金（定金）", "value": _penalties(sale)},
        {"label": "8. 价款支付及标的物交付情况", "value": _performance_facts(sale)},
        {
            "label": "9. 是否存在迟延履行",
            "value": yes_no(
                True,
                f"迟延时间：自{format_cn(overdue_from)}起至今　"
                + box(True, "逾期付款")
                + box(late_delivery, "逾期交货"),
            ),
        },
        {"label": "10. 是否催促过履行", "value": yes_no(bool(urged) or None, urged)},
        {
            "label": "11. 买卖合同标的物有无质量争议",
            "value": _answer(sale.quality_dispute, "有", "无"),
        },
        {
            "label": "12. 标的物质量规格或履行方式是否存在不符合约定的情况",
            "value": _answer(sale.nonconformity),
        },
        {"label": "13. 是否曾就标的物质量问题进行协商", "value": _answer(sale.quality_talks)},
        {"label": "14. 是否通知解除合同", "value": _answer(sale.rescission_notice)},
    ]


def _facts(case: CivilComplaint, resolved: ResolvedAmounts, overdue_from: date) -> list[Row]:
    contract, sale = case.contract, case.sale
    rows = [
        _contract_row(case, sale),
        {
            "label": "2. 合同主体",
            "value": f"出卖人（卖方）：{names([p.party for p in case.plaintiffs])}；"
            f"买受人（买方）：{names(borrowers(case))}",
        },
    ]
    if sale is not None:
        rows += _sale_rows(case, sale, overdue_from)
        rows.append(
            {"label": "15. 被告应当支付的利息、违约金、赔偿金", "value": _owed(case, resolved)}
        )
        rows += security_rows(case, sale, 16)
    told = (
        contract.summary,
        *company_facts(case),
        *minor_contract_facts(case),
        case.facts,
    )
    # the guarantors' default after the debtor's the facts tell
    other = other_facts(told, guarantor_default_facts(case))
    return [
        *rows,
        {
            "label": "23. 请求承担责任的依据",
            "value": f"合同约定：《{contract.name}》的约定；法律规定："
            + "；".join(legal_basis(case)),
        },
        {"label": "24. 其他需要说明的内容", "value": other},
        {"label": "证据清单", "value": "详见下附证据清单"},
    ]


def sale_sections(
    case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult, overdue_from: date
) -> tuple[list[Row], list[Row]]:
    """The 买卖合同纠纷 form's 诉讼请求 and 事实与理由 rows."""
    return _claims(case, resolved, fee), _facts(case, resolved, overdue_from)
