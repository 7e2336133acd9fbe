"""The element-based complaints for loans (要素式, the Supreme People's Court's model forms,
法〔2025〕82号): 民间借贷纠纷 and 金融借款合同纠纷 ask the same questions on the loan, its
term and its repayment, the bank's form the rates a bank charges (期内利息, 逾期上浮, 复利,
罚息) and its own repayment choices. ``form_sections`` picks the form of the case's cause;
the 买卖合同纠纷 form is in complaint_form_sale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from docgen.documents.complaint_basis import legal_basis
from docgen.documents.complaint_branch_rules import company_claims, company_facts
from docgen.documents.complaint_card import card_sections
from docgen.documents.complaint_form_parts import (
    BLANK,
    Row,
    box,
    components,
    cost_items,
    day,
    fee_row,
    interest_method,
    jurisdiction_rows,
    mediation_rows,
    money,
    other_facts,
    party_rows,
    val,
    yes_no,
)
from docgen.documents.complaint_form_sale import sale_sections
from docgen.documents.complaint_form_security import security_rows
from docgen.documents.complaint_installments import interest_paid_to
from docgen.documents.complaint_minor import minor_contract_facts
from docgen.documents.complaint_parts import BANK_REPAYMENT_LABELS, REPAYMENT_LABELS, LoanFacts
from docgen.documents.complaint_reasons import guarantor_default_facts
from docgen.documents.complaint_security import form_security_claims
from docgen.documents.complaint_text import borrowers, lenders, names, principal
from docgen.documents.parts import ResolvedAmounts
from docgen.domain.court_fees import FeeResult
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_causes import BankLoanTerms
    from docgen.domain.interest import RateSpec

SUBTITLES = {
    "private_lending": "（民间借贷纠纷）",
    "financial_loan": "（金融借款合同纠纷）",
    "credit_card": "（信用卡纠纷）",
    "sale": "（买卖合同纠纷）",
}
"""The causes with an element-based form, by the contract's kind."""


def _yuan(value: Decimal) -> str:
    return f"人民币{format_yuan(value)}元"


BANK_PARTS = {
    "interest": "期内利息",
    "overdue": "逾期利息",
    "compound": "复利",
    "penalty": "罚息（违约金）",
}
"""The parts of the interest the bank form asks apart, in its order; the overdue interest
at the loan's own rate, which is no 罚息, is printed only when claimed."""
OVERDUE_AT_LOAN_RATE = "《中华人民共和国民法典》第六百七十六条"
"""Interest for the time a loan is overdue, as agreed (here: the loan rate) — not a 罚息."""


def bank_part(label: str, kind: str, rate: RateSpec | None, terms: BankLoanTerms | None) -> str:
    """Which part of the bank form's interest a claim named ``label`` at ``rate`` (None: a
    typed sum) is: 复利 or 罚息 by its name (a 违约金 component is a 罚息 too); an
    逾期… interest is a 罚息 only above the loan rate — at the loan rate itself, or where
    the contract states neither a 罚息 rate nor an uplift (so the loan rate is all it may
    charge), it is interest for the overdue time (民法典 art. 676), and the form ticks no
    罚息 the contract does not hold; anything else is 期内利息."""
    if "复利" in label:
        return "compound"
    if kind == "penalty" or "罚息" in label:
        return "penalty"
    if "逾期" in label:
        if terms is not None and (
            rate == terms.rate.spec()
            or (terms.penalty_rate is None and terms.overdue_uplift is None)
        ):
            return "overdue"
        return "penalty"
    return "interest"


def component_part(component: Any, terms: BankLoanTerms | None) -> str:
    """:func:`bank_part` of an amount component."""
    calc = component.calculation
    rate = calc.rate.spec() if calc is not None else None
    return bank_part(component.display_label, component.kind, rate, terms)


def bank_parts(
    case: CivilComplaint, resolved: ResolvedAmounts
) -> dict[str, list[tuple[Any, Decimal]]]:
    """The interest claimed, by part: one reading for item 2's amounts and item 5's boxes."""
    parts: dict[str, list[tuple[Any, Decimal]]] = {key: [] for key in BANK_PARTS}
    for component, value in components(case, resolved, ("interest", "penalty")):
        parts[component_part(component, case.bank_terms)].append((component, value))
    return parts


def _bank_interest(parts: dict[str, list[tuple[Any, Decimal]]]) -> str:
    totals = {key: sum((v for _, v in pairs), Decimal(0)) for key, pairs in parts.items()}
    # one total and its parts, so that a reader does not add the parts to it again
    return f"欠利息共计{_yuan(sum(totals.values(), Decimal(0)))}，其中" + "、".join(
        f"{label}{_yuan(totals[key])}"
        for key, label in BANK_PARTS.items()
        if key != "overdue" or parts[key]
    )


def _bank_method(case: CivilComplaint, parts: dict[str, list[tuple[Any, Decimal]]]) -> str:
    """What the 计算方式 adds for an overdue interest at the loan rate: that it is the
    agreed rate, not a 罚息 (民法典 art. 676)."""
    terms = case.bank_terms
    if not parts["overdue"] or terms is None:
        return ""
    return (
        f"；逾期利息按约定的借款利率（{terms.rate.spec().describe()}）计收，未计罚息"
        f"（{OVERDUE_AT_LOAN_RATE}）"
    )


def _claims(case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult) -> list[Row]:
    bank = case.contract.kind == "financial_loan"
    as_of = format_cn(case.amounts.as_of)
    kinds = ("interest", "penalty") if bank else ("interest",)
    interest = components(case, resolved, kinds)
    owed = sum((v for _, v in interest), Decimal(0))
    costs = components(case, resolved, ("fee",))
    others = components(case, resolved, ("other",) if bank else ("penalty", "other"))
    running = case.running_interest
    until_paid = (
        resolved.running_claim(running.base or principal(case), running.rate.spec(), running.start)
        if running
        else ""
    )
    accel = case.acceleration
    early = accel is not None or case.rescind_contract
    ways = (
        box(accel is not None, "提前还款（加速到期）")
        + (f"（依合同{accel.clause}于{format_cn(accel.declared_on)}宣布）" if accel else "")
        + "／"
        + box(case.rescind_contract, "解除合同")
    )
    secured = form_security_claims(case)
    listed = cost_items(case, costs)
    other = "；".join(
        [
            *(f"{c.display_label}{_yuan(v)}" for c, v in others),
            *company_claims(case),
        ]
    )
    parts = bank_parts(case, resolved) if bank else None
    owed_text = _bank_interest(parts) if parts else f"欠利息{_yuan(owed)}"
    method = interest_method(case, resolved, interest) + (
        _bank_method(case, parts) if parts else ""
    )
    return [
        {
            "label": "1. 本金",
            "value": f"截至{as_of}止，尚欠本金{_yuan(principal(case))}",
        },
        {
            "label": "2. 利息（期内利息、复利、罚息）" if bank else "2. 利息（复利、罚息）",
            "value": f"截至{as_of}止，{owed_text}；"
            f"计算方式：{method}；是否请求支付至实际清偿之日止："
            + yes_no(running is not None, f"（{until_paid}）" if until_paid else ""),
        },
        {"label": "3. 是否要求提前还款或解除合同", "value": yes_no(early, ways if early else "")},
        {
            "label": "4. 是否主张担保权利",
            "value": yes_no(bool(secured), f"内容：{secured}" if secured else ""),
        },
        {
            "label": "5. 是否主张实现债权的费用",
            "value": yes_no(bool(costs), f"明细：{listed}" if costs else ""),
        },
        {"label": "6. 是否主张诉讼费用", "value": yes_no(True, "（由被告承担）")},
        {"label": "7. 其他请求", "value": other or "无"},
        {
            "label": "8. 标的总额",
            "value": f"{legal_amount(resolved.total)}（暂计至{as_of}）",
        },
        fee_row(fee, case.procedure),
    ]


def _repayment(loan: LoanFacts, bank: bool) -> str:
    labels = BANK_REPAYMENT_LABELS if bank else REPAYMENT_LABELS
    plan = loan.repayment_plan or ("other" if loan.repayment_method else None)
    detail = loan.repayment_method or ""
    if plan is not None and plan not in labels:  # 等额本息 on the 民间借贷 form: 「其他」, named
        detail = detail or BANK_REPAYMENT_LABELS[plan]
        plan = "other"
    options = "　".join(box(plan == key, label) for key, label in labels.items())
    return options + (f"（{detail}）" if detail else "")


def _clause(clause: str | None) -> str:
    return f"（合同条款：{clause or BLANK}）"


def _bank_rates(case: CivilComplaint, resolved: ResolvedAmounts) -> str:
    terms = case.bank_terms
    if terms is None:
        return (
            f"{box(False, '利率')}{BLANK}%／年（季／月）{_clause(None)}　"
            f"{box(False, '逾期上浮')}{BLANK}%／年{_clause(None)}　{box(False, '复利')}"
            f"{_clause(None)}　{box(False, '罚息（违约金）')}{BLANK}%／年{_clause(None)}"
        )
    uplift = terms.overdue_uplift
    penalty = terms.penalty_rate
    # a 罚息 or 复利 claimed is ticked, at the rate claimed where the contract's is not typed
    claimed_penalty = _claimed_rates(case, resolved, "penalty")
    penalty_rate = (
        resolved.rate_words(penalty.spec())
        if penalty is not None
        else "、".join(claimed_penalty or ())
    )
    compound = terms.compound or _claimed_rates(case, resolved, "compound") is not None
    return "　".join(
        (
            f"{box(True, '利率')} {resolved.rate_words(terms.rate.spec())}"
            + _clause(terms.rate_clause),
            f"{box(uplift is not None, '逾期上浮')}"
            + (f" {uplift.normalize():f}%" if uplift is not None else f"{BLANK}%／年")
            + _clause(terms.overdue_clause if uplift is not None else None),
            f"{box(compound, '复利')}" + _clause(terms.compound_clause if terms.compound else None),
            f"{box(penalty is not None or claimed_penalty is not None, '罚息（违约金）')}"
            + (f" {penalty_rate}" if penalty_rate else f"{BLANK}%／年")
            + _clause(terms.penalty_clause if penalty is not None else None),
        )
    )


def _claimed_rates(case: CivilComplaint, resolved: ResolvedAmounts, part: str) -> list[str] | None:
    """The rates at which the complaint claims a part of the bank form's interest (none
    for a fixed amount), or None when it claims none of it."""
    claimed = [
        (c.display_label, c.kind, c.calculation.rate.spec() if c.calculation else None)
        for c in case.amounts.components
        if c.kind in ("interest", "penalty")
    ]
    if case.running_interest is not None:
        running = case.running_interest
        claimed.append((running.label, "interest", running.rate.spec()))
    terms = case.bank_terms
    rates = [rate for label, kind, rate in claimed if bank_part(label, kind, rate, terms) == part]
    if not rates:
        return None
    return list(dict.fromkeys(resolved.rate_words(r) for r in rates if r is not None))


def _due(case: CivilComplaint) -> str:
    """「■是（提前到期：…）　□否」: the loan is due when its term has ended or the lender
    declared it due early (加速到期, 民法典 art. 673: 提前收回借款), from that day; the
    form's 9th item counts the overdue time from the day after."""
    accel = case.acceleration
    if accel is not None and accel.declared_on < case.contract.due_date:
        early = (
            f"（提前到期：依合同{accel.clause}于{format_cn(accel.declared_on)}宣布全部借款到期）"
        )
        return yes_no(True, early)
    return yes_no(case.contract.due_date < case.filing_date)


def _loan_rows(
    case: CivilComplaint, resolved: ResolvedAmounts, loan: LoanFacts, overdue_from: date
) -> list[Row]:
    bank = case.contract.kind == "financial_loan"
    method = loan.delivery_method
    how = "　".join(
        (
            box(method == "cash", "现金"),
            box(method == "transfer", "转账"),
            # the form's own option is 「其他：＿＿＿＿」, filled only when chosen
            box(method == "mixed", "其他：") + ("现金及转账" if method == "mixed" else BLANK),
        )
    )
    amount = (
        f"约定：{_yuan(loan.agreed_amount)}；实际发放：{_yuan(loan.delivered_amount)}"
        if bank
        else f"约定：{_yuan(loan.agreed_amount)}；实际提供：{_yuan(loan.delivered_amount)}；"
        f"提供方式：{how}"
    )
    rate = box(loan.agreed_rate is not None, "利率") + (
        f" {loan.agreed_rate}" if loan.agreed_rate else f"{BLANK}%／年（季／月）"
    )
    contract = case.contract
    return [
        {"label": "3. 借款金额", "value": amount},
        {
            "label": "4. 借款期限",
            "value": f"是否到期：{_due(case)}"
            f"；约定期限：{format_cn(loan.delivered_on)}起至{format_cn(contract.due_date)}止",
        },
        {"label": "5. 借款利率", "value": _bank_rates(case, resolved) if bank else rate},
        {
            "label": "6. 借款提供时间",
            "value": f"{format_cn(loan.delivered_on)}，{_yuan(loan.delivered_amount)}",
        },
        {"label": "7. 还款方式", "value": _repayment(loan, bank)},
        {
            "label": "8. 还款情况",
            # a repayment the data does not give is a blank, as every other unknown item,
            # never an invented 0.00 the plaintiff would be held to
            "value": f"已还本金：{money(loan.repaid_principal)}；"
            f"已还利息：{money(loan.repaid_interest)}，"
            f"还息至{day(interest_paid_to(case))}",
        },
        {
            "label": "9. 是否存在逾期还款",
            "value": yes_no(True, f"逾期时间：自{format_cn(overdue_from)}起至今已逾期"),
        },
        *security_rows(case, loan, 10, guarantee="保证合同／保函" if bank else "保证合同"),
    ]


def _facts(case: CivilComplaint, resolved: ResolvedAmounts, overdue_from: date) -> list[Row]:
    contract, loan = case.contract, case.loan
    bank = contract.kind == "financial_loan"
    lending = names(lenders(case))  # only those who signed and lent (loan.lenders)
    lender = "贷款人" if bank else "出借人"
    rows = [
        {
            "label": "1. 合同签订情况（名称、编号、签订时间、地点等）",
            "value": f"《{contract.name}》；编号：{val(contract.number)}；签订时间："
            f"{format_cn(contract.signed_on)}；"
            f"签订地点：{val(loan.signed_place if loan else None)}",
        },
        {
            "label": "2. 合同主体" if bank else "2. 签订主体",
            "value": f"{lender}：{lending}；借款人：{names(borrowers(case))}",
        },
    ]
    if loan is not None:
        rows += _loan_rows(case, resolved, loan, overdue_from)
    told = (
        contract.summary,
        *company_facts(case),
        *minor_contract_facts(case),
        case.facts,
    )
    # the guarantors' default after the debtor's the facts tell
    other = other_facts(told, guarantor_default_facts(case))
    basis = {
        "label": "17. 请求承担责任的依据",
        "value": f"合同约定：《{contract.name}》的约定；法律规定：" + "；".join(legal_basis(case)),
    }
    if bank:  # the bank form asks the basis before anything else to state
        return [*rows, basis, {"label": "18. 其他需要说明的内容", "value": other}, EVIDENCE_ROW]
    return [
        *rows,
        {"label": "16. 其他需要说明的内容", "value": other},
        basis,
        {"label": "18. 证据清单", "value": "详见下附证据清单"},
    ]


EVIDENCE_ROW: Row = {"label": "证据清单", "value": "详见下附证据清单"}


def form_sections(
    case: CivilComplaint, resolved: ResolvedAmounts, fee: FeeResult, overdue_from: date
) -> list[dict[str, Any]]:
    """The element-based form of the case's cause: its sections of (question, answer)
    rows, in its order."""
    if case.contract.kind == "sale":
        claims, facts = sale_sections(case, resolved, fee, overdue_from)
    elif case.contract.kind == "credit_card":
        claims, facts = card_sections(case, resolved, fee, overdue_from)
    else:
        claims, facts = _claims(case, resolved, fee), _facts(case, resolved, overdue_from)
    return [
        {"title": "当事人信息", "rows": party_rows(case)},
        {"title": "诉讼请求", "rows": claims},
        {"title": "约定管辖和诉前保全", "rows": jurisdiction_rows(case)},
        {"title": "事实与理由", "rows": facts},
        {"title": "对纠纷解决方式的意愿", "rows": mediation_rows(case)},
    ]
