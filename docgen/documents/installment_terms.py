"""The installment agreement's own words (分期还款协议): the recital of the contract and
its default, and the schedule's interest (:mod:`docgen.documents.installment_agreement`
builds the context from them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docgen.documents.agreement_recital import guardian_basis, unpaid_recital
from docgen.documents.agreement_terms import (
    allocation_clause,
    day_after,
    guardian_ratifies,
    installment_interest,
    principal_of,
)
from docgen.documents.parts import ResolvedAmounts
from docgen.documents.plan_columns import columns_context, with_interest
from docgen.documents.signed_amounts import agreed_rate
from docgen.domain.clauses import AMOUNTS_CLAUSE, ARTICLES
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan
from docgen.domain.schedule import InstallmentSplit

if TYPE_CHECKING:
    from docgen.documents.installment_agreement import InstallmentAgreement


def facts(case: InstallmentAgreement, parties: str) -> str:
    """The recital: the contract, the default, why a guardian signs, the agreement."""
    origin, on = case.origin, case.agreement_date
    number = f"（合同编号：{origin.number}）" if origin.number else ""
    summary = origin.summary or ""
    if summary and not summary.endswith(("。", "！", ".")):
        summary += "。"
    return (
        f"甲乙双方于{format_cn(origin.signed_on)}签订《{origin.name}》{number}。{summary}"
        f"{unpaid_recital(origin, case.debt, on)}"
        f"{guardian_basis(case.debtor, case.debtor_capacity_finding, on)}"
        f"{guardian_ratifies(case.debtor, origin, '本协议')}"
        f"为妥善解决债务清偿问题，{parties}经平等协商，达成如下协议："
    )


def schedule_context(
    case: InstallmentAgreement, resolved: ResolvedAmounts, splits: list[InstallmentSplit]
) -> dict[str, Any]:
    """The schedule table's rows and totals, and the words on its interest."""
    principal = principal_of(case.debt, resolved)
    name = case.debt.principal_label  # 货款 for a sale: as the amounts table names it
    rate = case.plan_interest
    later = "本条约定的分期期间利息" if rate is not None else None
    allocation = allocation_clause(name, ARTICLES.cite(AMOUNTS_CLAUSE), later=later)
    if rate is None and case.interest_waiver == "conditional":
        interest = ""  # the layout words it: it cites the late-interest and acceleration articles
    elif rate is None:
        interest = "分期还款期间，甲方对尚未清偿的款项不另计利息。"
    else:
        # simple interest on the unpaid principal only, never on interest or penalties
        # (法释〔2020〕17号 art. 27 limits what interest may be turned into principal)
        interest = (
            f"自{day_after(case.debt.as_of)}起，乙方以尚未清偿的{name}（本协议确认的{name}为人民币"
            f"{format_yuan(principal)}元）为基数，按"
            f"{agreed_rate(rate, resolved)}向甲方支付利息，{installment_interest('该日')}；"
            "已产生的利息、违约金等不计入计息基数。"
            "上表利息按各期按期足额还款计算。"
        )
    return {
        **columns_context(splits, principal, resolved.total, name),
        # the lead-in names the interest only where the plan's 利息 column holds some
        "plan_pays": with_interest("上述欠款", splits),
        "interest": allocation + interest if resolved.total != principal else interest,
        "waiver_conditional": rate is None and case.interest_waiver == "conditional",
    }


__all__ = ["facts", "schedule_context"]
