"""The civil complaint's rules of its cause: a 金融借款 claims what the loan contract states
(the 民间借贷 caps do not bind a licensed lender), a 买卖 claims no more of the price than is
unpaid and, where no penalty for late payment was agreed, a loss at no more than the LPR
plus 50%."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.base import RuleOptions

# late_interest reads SALE_LOSS_BASIS here
from docgen.documents.complaint_causes import SALE_LOSS_BASIS as SALE_LOSS_BASIS
from docgen.documents.complaint_causes import BankLoanTerms, SaleFacts
from docgen.documents.complaint_form import SUBTITLES
from docgen.documents.parts import ResolvedAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import LprNotAvailable, LprTable, format_percent
from docgen.domain.money import format_yuan
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

BANK_BASIS = (
    "金融借款的利息、逾期罚息和复利按合同约定计收（《中华人民共和国民法典》第六百七十四条、"
    "第六百七十六条），民间借贷的利率上限不适用于持牌金融机构（法释〔2020〕17号第一条第二款）"
)
LPR_ERA = date(2019, 8, 20)
"""买卖合同解释 art. 18(4): a breach from this day on is measured on the one-year LPR (before
it, on the benchmark rate, which docgen's tables do not hold)."""
LOSS_UPLIFT = Decimal("1.5")
"""The LPR plus 30–50%: at most 1.5 times the LPR in force when the breach occurred."""


def loss_lpr(day: date, table: LprTable) -> Decimal | None:
    """The one-year LPR on which a price paid late from ``day`` has its loss measured (at
    most ``LOSS_UPLIFT`` times it); None before the LPR era or beyond the table."""
    if day < LPR_ERA:
        return None
    try:
        return table.entry_on(day).rate_percent
    except LprNotAvailable:
        return None


def claimed_rates(
    case: CivilComplaint, kinds: tuple[str, ...] | None = ("interest", "penalty")
) -> Iterator[tuple[Loc, RateSpec, date]]:
    """Each rate the complaint claims at: the running interest's and each calculation's
    of a component of ``kinds`` (None: of every component)."""
    if case.running_interest is not None:
        running = case.running_interest
        yield ("running_interest", "rate"), running.rate.spec(), running.start
    for i, component in enumerate(case.amounts.components):
        calc = component.calculation
        if calc is not None and (kinds is None or component.kind in kinds):
            yield ("amounts", "components", i, "calculation", "rate"), calc.rate.spec(), calc.start


def annual_rate(rate: RateSpec, day: date, table: LprTable) -> Decimal | None:
    try:
        return rate.annual_percent_on(day, table)[0]
    except (ValueError, LprNotAvailable):
        return None  # the amounts' own check reports a rate it cannot compute


def _bank_ceiling(terms: BankLoanTerms, day: date, table: LprTable) -> Decimal | None:
    """The highest rate the contract lets the bank charge on ``day``: its 罚息 rate, else
    the loan rate raised by the agreed 逾期上浮, else the loan rate."""
    if terms.penalty_rate is not None:
        return annual_rate(terms.penalty_rate.spec(), day, table)
    base = annual_rate(terms.rate.spec(), day, table)
    if base is None or terms.overdue_uplift is None:
        return base
    return base * (1 + terms.overdue_uplift / 100)


def check_cause_facts(result: Assessment, case: CivilComplaint) -> None:
    """The element-based form of each cause asks its own facts; other causes have none."""
    if case.layout != "elements":
        return
    kind = case.contract.kind
    if kind not in SUBTITLES:
        result.error(
            ("layout",),
            "elements_not_available",
            "要素式起诉状目前提供民间借贷、金融借款合同、信用卡、买卖合同纠纷的格式，其他案由请选择文书式",
        )
        return
    if kind in ("private_lending", "financial_loan") and case.loan is None:
        result.error(("loan",), "missing", "要素式起诉状须填写借款事实（约定及实际出借金额等）")
    if kind == "financial_loan" and case.bank_terms is None:
        result.error(
            ("bank_terms",),
            "missing",
            "金融借款合同纠纷的要素式起诉状须填写合同约定的借款利率（及逾期上浮、复利、罚息）",
        )
    if kind == "credit_card" and case.card is None:
        result.error(
            ("card",), "missing", "信用卡纠纷的要素式起诉状须填写信用卡事实（卡号末四位、约定等）"
        )
    if kind == "sale" and case.sale is None:
        result.error(
            ("sale",), "missing", "买卖合同纠纷的要素式起诉状须填写买卖事实（标的物、价款等）"
        )


def check_bank_loan(
    result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts, options: RuleOptions
) -> None:
    if case.contract.kind != "financial_loan":
        return
    for i, plaintiff in enumerate(case.plaintiffs):
        if isinstance(plaintiff.party, Person):
            result.error(
                ("plaintiffs", i, "party"),
                "lender_not_a_financial_institution",
                "金融借款合同的贷款人是经金融监管部门批准设立的金融机构，自然人出借的是民间借贷"
                "（法释〔2020〕17号第一条），请将合同类型改为民间借贷",
            )
    terms = case.bank_terms
    if terms is None:
        return
    table = options.lpr_table
    for loc, rate, start in claimed_rates(case):
        annual, ceiling = annual_rate(rate, start, table), _bank_ceiling(terms, start, table)
        if annual is not None and ceiling is not None and annual > ceiling:
            result.error(
                loc,
                "above_contract_rate",
                f"{rate.describe()}（折合年利率{format_percent(annual)}%）高于合同约定的逾期利率"
                f"（年利率{format_percent(ceiling)}%）；{BANK_BASIS}",
            )
    for i, component in enumerate(case.amounts.components):
        if "复利" in component.display_label and not terms.compound:
            result.error(
                ("amounts", "components", i, "label"),
                "compound_not_agreed",
                f"合同未约定计收复利，不能主张「{component.display_label}」；{BANK_BASIS}",
                hint="合同约定了复利的，请在「金融借款利率约定」中勾选「约定计收复利」并填写条款",
            )


def check_sale(
    result: Assessment,
    case: CivilComplaint,
    resolved: ResolvedAmounts,
    options: RuleOptions,
    breach_day: date,
) -> None:
    if case.contract.kind != "sale":
        return
    sale = case.sale
    if sale is None and case.layout == "elements":
        return  # the form cannot be printed without them: refused as missing
    if sale is None:
        result.warn(
            ("sale",),
            "sale_facts_missing",
            "未填写买卖事实：起诉状不能写明标的物、总价款及已付价款，主张的货款无从核对"
            "（买受人按约定的数额支付价款，《中华人民共和国民法典》第六百二十六条）",
            hint="请在「买卖事实」中填写标的物、总价款，以及按期支付、逾期支付和逾期未付的价款",
        )
        return
    _check_price(result, case, sale, resolved)
    if sale.penalty_agreed:
        return
    for i, component in enumerate(case.amounts.components):
        if component.kind == "penalty":
            result.error(
                ("amounts", "components", i, "kind"),
                "penalty_not_agreed",
                "买卖事实中未填写约定的违约金或迟延履行违约金，不能主张违约金"
                f"（《中华人民共和国民法典》第五百八十五条）；可主张逾期付款损失（{SALE_LOSS_BASIS}）",
                hint="合同约定了违约金的，请在「买卖事实」中填写违约金及条款",
            )
    _check_loss_lpr_fixed(result, case, breach_day)
    lpr = loss_lpr(breach_day, options.lpr_table)
    if lpr is None:
        return
    ceiling = lpr * LOSS_UPLIFT
    for loc, rate, start in claimed_rates(case):
        annual = annual_rate(rate, start, options.lpr_table)
        if annual is not None and annual > ceiling:
            result.error(
                loc,
                "above_sale_loss_rate",
                f"{rate.describe()}（折合年利率{format_percent(annual)}%）超过逾期付款损失的上限："
                f"合同未约定逾期付款违约金的，以违约行为发生时的一年期LPR（{format_percent(lpr)}%）"
                f"为基础加计30%—50%计算，年利率至多{format_percent(ceiling)}%（{SALE_LOSS_BASIS}）",
            )


def _check_loss_lpr_fixed(result: Assessment, case: CivilComplaint, breach_day: date) -> None:
    """Without an agreed penalty the loss is measured on the LPR 「违约行为发生时」 (买卖合同
    解释 art. 18(4)): one LPR, the one in force on the day of the breach, for the whole
    period. A rate that floats with each later LPR is another measure (it claims more
    whenever the LPR rises), so it is refused, and the complaint never prints
    「随LPR调整浮动」 for it. Breaches before the LPR era are not measured on the LPR."""
    if breach_day < LPR_ERA:
        return
    for loc, rate, _start in claimed_rates(case):
        if not rate.uses_lpr or rate.fixed_on is not None:
            continue
        result.error(
            (*loc, "fixed_on"),
            "sale_loss_lpr_floating",
            f"{rate.describe()}随LPR调整浮动：合同未约定逾期付款违约金的，逾期付款损失以违约行为"
            f"发生时（{format_cn(breach_day)}）的一年期LPR为基础加计30%—50%计算，全程适用该日的"
            f"LPR，不随此后的LPR调整（{SALE_LOSS_BASIS}）",
            hint=f"请在该利率的「LPR取值日」填写{format_cn(breach_day)}（价款到期的次日）",
        )


def _check_price(
    result: Assessment, case: CivilComplaint, sale: SaleFacts, resolved: ResolvedAmounts
) -> None:
    zero = Decimal(0)
    parts = (sale.paid_on_time, sale.paid_late, sale.unpaid)
    if all(p is None for p in parts):
        result.warn(
            ("sale", "paid_on_time"),
            "sale_paid_not_stated",
            f"买卖事实写明总价款人民币{format_yuan(sale.total_price)}元，未写明已付和未付价款："
            "起诉状不能说明主张的货款如何得出",
            hint="请填写按期支付、逾期支付和逾期未付的价款（未付款的填0）",
        )
    if all(p is not None for p in parts):
        counted = sum((p or zero for p in parts), zero)
        if counted != sale.total_price:
            result.error(
                ("sale", "unpaid"),
                "payments_do_not_add_up",
                f"按期支付、逾期支付与逾期未付价款之和（人民币{format_yuan(counted)}元）"
                f"不等于总价（人民币{format_yuan(sale.total_price)}元）",
            )
    unpaid = sale.total_price - (sale.paid_on_time or zero) - (sale.paid_late or zero)
    price = [
        (i, value)
        for i, (c, value) in enumerate(zip(case.amounts.components, resolved.amounts, strict=True))
        if c.kind == "principal"
    ]
    claimed = sum((value for _, value in price), zero)
    if price and claimed > unpaid:
        result.error(
            ("amounts", "components", price[0][0], "amount"),
            "price_above_unpaid",
            f"主张的价款（人民币{format_yuan(claimed)}元）超过总价减已付价款"
            f"（人民币{format_yuan(unpaid)}元）；买受人按约定的数额支付价款"
            "（《中华人民共和国民法典》第六百二十六条）",
        )
