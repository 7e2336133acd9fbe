"""债务确认书 — the debt confirmation.

The debtor confirms to the creditor how the debt arose and what it amounts to, by
component as of a date, that it is true, lawful and undisputed, and optionally how it
will be repaid. Signed before the limitation period ends it restarts the period; signed
after, the debtor may no longer plead the time bar (民法典 art. 192(2)). A person signs
and presses a fingerprint, an organisation seals and its legal representative signs.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.letter_rules import check_debtor_capacity, check_payment_account
from docgen.documents.parts import (
    BankAccount,
    ContractBasis,
    DebtAmounts,
    amounts_context,
    check_amounts,
    check_party,
    party_context,
    same_party,
    signer_context,
)
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.parties import Party
from docgen.domain.schedule import first_non_increasing


class PlanRow(CaseModel):
    """One repayment the debtor promises."""

    due_date: date = Field(title="还款日期")
    amount: Money = Field(title="还款金额（元）")


class DebtConfirmation(CaseModel):
    """The facts of a debt confirmation; every one is required unless marked optional."""

    confirm_date: date = Field(title="确认日期")
    creditor: Party = Field(title="债权人（甲方）")
    debtor: Party = Field(title="债务人（乙方）")
    origin: ContractBasis = Field(title="债务形成", description="合同名称、签订日期、到期日及经过")
    amounts: DebtAmounts = Field(title="确认的欠款金额")
    repayment_plan: list[PlanRow] = Field(
        default_factory=list,
        max_length=120,
        title="还款计划",
        description="可不填；填写时各期合计须等于确认的欠款总额",
    )
    pay_by: date | None = Field(
        default=None, title="一次性清偿日期", description="不填还款计划时，可约定一次性清偿的日期"
    )
    payment_account: BankAccount | None = Field(default=None, title="收款账户")
    signing_place: Line | None = Field(default=None, title="签署地点")


# --- rules --------------------------------------------------------------------------


def assess(case: DebtConfirmation, options: RuleOptions) -> Assessment:
    """Cross-field rules: the parties differ, amounts add up, the plan pays the total."""
    result = Assessment()
    check_party(result, case.creditor, ("creditor",))
    check_party(result, case.debtor, ("debtor",))
    check_debtor_capacity(
        result, case.debtor, ("debtor",), case.confirm_date, case.origin.signed_on
    )
    if case.payment_account is not None:
        check_payment_account(result, case.payment_account.account_name, case.creditor)
    if same_party(case.creditor, case.debtor):
        result.error(("debtor",), "same_party", "债务人与债权人不能为同一主体")
    resolved = check_amounts(
        result, case.amounts, ("amounts",), case.confirm_date, case.origin, options.lpr_table
    )
    result.computed["amounts"] = resolved
    if case.origin.signed_on > case.confirm_date:
        result.error(
            ("origin", "signed_on"), "signed_after_confirmation", "合同签订日期不得晚于确认日期"
        )
    if case.repayment_plan and case.pay_by is not None:
        result.error(("pay_by",), "plan_and_pay_by", "还款计划与一次性清偿日期只能填写其一")
    if case.pay_by is not None and case.pay_by <= case.confirm_date:
        result.error(("pay_by",), "pay_by_not_after_confirmation", "一次性清偿日期应晚于确认日期")
    check_plan(result, case.repayment_plan, resolved.total, case.confirm_date, ("repayment_plan",))
    return result


def check_plan(
    result: Assessment, rows: list[PlanRow], total: Decimal, after: date, loc: tuple[str, ...]
) -> None:
    """A repayment plan pays exactly ``total`` on strictly increasing dates after ``after``."""
    if not rows:
        return
    if rows[0].due_date <= after:
        result.error(
            (*loc, 0, "due_date"),
            "plan_starts_too_early",
            f"第一期还款日期应晚于签署日期（{format_cn(after)}）",
        )
    bad = first_non_increasing([r.due_date for r in rows])
    if bad is not None:
        result.error(
            (*loc, bad, "due_date"),
            "dates_not_increasing",
            f"第{bad + 1}期还款日期应晚于第{bad}期（{format_cn(rows[bad - 1].due_date)}）",
        )
    planned = sum((to_fen(r.amount) for r in rows), Decimal(0))
    if planned != total:
        result.error(
            loc,
            "plan_total_mismatch",
            f"还款计划各期合计人民币{format_yuan(planned)}元，应等于欠款总额"
            f"人民币{format_yuan(total)}元（相差{format_yuan(abs(planned - total))}元）",
        )


# --- context ------------------------------------------------------------------------


def plan_rows(rows: list[PlanRow]) -> list[dict[str, str]]:
    return [
        {"no": str(i + 1), "due": format_cn(r.due_date), "amount": format_yuan(to_fen(r.amount))}
        for i, r in enumerate(rows)
    ]


def build_context(case: DebtConfirmation, assessment: Assessment) -> dict[str, Any]:
    origin = case.origin
    number = f"（合同编号：{origin.number}）" if origin.number else ""
    summary = origin.summary or ""
    if summary and not summary.endswith(("。", "！", ".")):
        summary += "。"
    facts = (
        f"甲乙双方于{format_cn(origin.signed_on)}签订《{origin.name}》{number}。{summary}"
        f"根据约定，乙方应于{format_cn(origin.due_date)}前向甲方清偿相应款项。"
    )
    amounts = amounts_context(case.amounts, assessment.computed["amounts"])
    if case.repayment_plan:
        plan_intro = "乙方承诺按以下计划向甲方清偿上述债务："
    elif case.pay_by is not None:
        plan_intro = f"乙方承诺于{format_cn(case.pay_by)}前一次性向甲方清偿上述全部债务。"
    else:
        plan_intro = ""
    return {
        "title": "债务确认书",
        "creditor": party_context(case.creditor, mask_ids=False),
        "debtor": party_context(case.debtor, mask_ids=False),
        "facts": facts,
        "amounts": amounts,
        "calculations": assessment.computed["amounts"].sheets,
        "plan_intro": plan_intro,
        "plan": plan_rows(case.repayment_plan),
        "plan_total": legal_amount(assessment.computed["amounts"].total),
        "account": case.payment_account.model_dump() if case.payment_account else None,
        "confirm_date": format_cn(case.confirm_date),
        "signing_place": case.signing_place or "",
        "signers": [
            signer_context("甲方（债权人）", case.creditor),
            signer_context("乙方（债务人）", case.debtor),
        ],
    }


_UNSAFE_FILENAME = re.compile(r"[\\/:*?\"<>|\s]+")


def filename(case: DebtConfirmation) -> str:
    debtor = _UNSAFE_FILENAME.sub("_", case.debtor.name)[:40]
    return f"债务确认书-{debtor}-{case.confirm_date:%Y%m%d}"


DOCUMENT: DocumentType[DebtConfirmation] = DocumentType(
    name="debt_confirmation",
    title="债务确认书",
    description="债务人确认债务的来源、金额及无异议，可附还款计划；可中断或排除诉讼时效抗辩",
    model=DebtConfirmation,
    assess=assess,
    build_context=build_context,
    filename=filename,
    file_stem="债务确认书",
    recipient_field="debtor",
    bundle_part="complaint",
)
