"""Rules every letter and agreement shares about whom it is paid to, whom it binds, when.

- The payment account: a debtor who pays someone other than the creditor is discharged
  only if the creditor so directed (民法典 art. 522 on performance to a third party), so an
  account held by anyone else is a warning; a law firm's own account on its lawyer letter
  is an error: the firm demands for its client, and money owed to the client is not the
  firm's to receive in its own name (民法典 arts. 162, 925: an agent acts in the
  principal's name).
- The debtor's capacity: a person under 18 (民法典 art. 17), or one without or with limited
  capacity (arts. 19–22), contracts and is addressed through a guardian, the legal
  representative (art. 23), and a minor's contract may need ratification (art. 145):
  ``docgen.documents.guardian_rules``.
- A guarantor's copy that demands payment (a joint guarantee, 民法典 art. 688) names the
  guarantee it rests on: the guarantee contract, a guarantee clause of the main contract
  or a written guarantee the creditor accepted (arts. 681, 685). Without it the copy
  asks a third person to pay another's debt on no stated ground.
- The date: a letter bears the day it is sent. A later date would misstate when the
  demand was made, on which the limitation period (art. 195) and the deadline depend.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from docgen.documents.guardian_rules import CIVIL_CODE, age_on, check_debtor_capacity
from docgen.documents.part_models import ContractBasis
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import by_day, format_cn
from docgen.domain.guarantee import Guarantee
from docgen.domain.parties import Party

__all__ = [
    "account_context",
    "check_debtor_capacity",
    "check_guarantee_contracts",
    "check_not_in_future",
    "check_payment_account",
    "contract_opening",
    "made_verb",
    "summary_for",
    "unpaid_facts",
    "what_was_due",
]


# a contract made as a minor of eight or more (民法典 arts. 19, 145(1)), as the letters say it
MINOR_EFFECT = (
    "该合同除属于纯获利益或者与其年龄、智力相适应的民事法律行为外，经法定代理人同意或者追认后"
    f"有效（{CIVIL_CODE}第十九条、第一百四十五条第一款）"
)


def minor_when_contracting(case: Any, debtor: str) -> str:
    """「您于2025年1月10日签订上述《借款合同》时为14周岁的未成年人」."""
    contract = case.contract
    age = age_on(case.debtor, contract.signed_on)
    return (
        f"{debtor}于{format_cn(contract.signed_on)}{made_verb(contract.name)}上述《{contract.name}》"
        f"时为{age}周岁的未成年人"
    )


def _same_name(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return "".join(text.split()).replace("（", "(").replace("）", ")")

    return key(a) == key(b)


def check_payment_account(
    result: Assessment,
    holder: str,
    creditor: Party,
    loc: Loc = ("payment_account",),
    firm: str | None = None,
) -> None:
    """The account is the creditor's; a law firm's own (``firm``) is an error."""
    if _same_name(holder, creditor.name):
        return
    if firm is not None and (_same_name(holder, firm) or "律师事务所" in holder):
        result.error(
            (*loc, "account_name"),
            "account_of_the_firm",
            f"收款账户户名为「{holder}」，是律师事务所的账户：律师函代委托人催收，欠款应付至"
            f"委托人{creditor.name}的账户（《中华人民共和国民法典》第一百六十二条、"
            "第九百二十五条）",
            hint="请填写委托人的收款账户",
        )
        return
    result.warn(
        (*loc, "account_name"),
        "account_not_creditor",
        f"收款账户户名「{holder}」与债权人{creditor.name}不一致：债务人向第三人付款，须有债权人"
        "的指示才能清偿债务（《中华人民共和国民法典》第五百二十二条），请确认该账户已获"
        "债权人书面授权，并在文书中写明",
    )


def check_guarantee_contracts(
    result: Assessment, guarantors: list[Party], guarantees: list[Guarantee]
) -> None:
    """A copy demanding payment of a guarantor names the guarantee's contract."""
    for i, (party, guarantee) in enumerate(zip(guarantors, guarantees, strict=False)):
        if guarantee.resolved_type == "joint" and not guarantee.contract:
            result.error(
                ("guarantees", i, "contract"),
                "missing",
                f"请填写保证合同：致连带责任保证人{party.name}的函件要求其承担保证责任，须写明"
                "保证责任的依据，即保证合同、主合同中的保证条款或保证人出具的书面保证"
                "（《中华人民共和国民法典》第六百八十一条、第六百八十五条）",
                hint="如 2025年1月10日签订的《保证合同》，或《借款合同》第九条保证条款",
            )


def check_not_in_future(result: Assessment, day: date, today: date, loc: Loc) -> None:
    """A letter is dated the day it is sent, never later."""
    if day > today:
        result.error(
            loc,
            "dated_in_future",
            f"文书日期（{format_cn(day)}）晚于今天（{format_cn(today)}）：文书应填写实际出具"
            "之日；催收送达之日关系诉讼时效中断（《中华人民共和国民法典》第一百九十五条）"
            "和付款期限的计算，不得预填日期",
        )


def summary_for(summary: str, debtor: str, called: str) -> str:
    """The debt's history as the copy's recipient reads it, the debtor ``called`` as the
    copy calls it: 您 or 贵司 in the debtor's own copy, the name in a guarantor's. The form
    suggests writing to the debtor (如 向您出借): in a guarantor's copy 您 and 贵司 would
    name the guarantor, so they become the debtor's name; a summary that names the debtor
    reads in the debtor's copy as if of someone else, so the name becomes 您 or 贵司."""
    if called == debtor:
        return summary.replace("贵司", debtor).replace("您", debtor)
    return summary.replace(debtor, called)


def account_context(account: dict[str, str], creditor: Party) -> dict[str, str | bool]:
    """The payment account as a letter prints it; ``designated`` when it is not held by the
    creditor, so that the letter says the creditor designated it (民法典 art. 522) rather
    than calling a third party's account the creditor's own."""
    return {**account, "designated": not _same_name(account["account_name"], creditor.name)}


UNILATERAL_INSTRUMENTS = ("借条", "欠条", "借据")
"""Instruments the debtor issues alone to the creditor, rather than signs with it."""


def made_verb(name: str) -> str:
    """How the debt's instrument came to be: a 借条 or 欠条 is issued by the debtor (出具),
    a contract signed by both (签订)."""
    return "出具" if name.strip() in UNILATERAL_INSTRUMENTS else "签订"


def contract_opening(creditor: str, debtor: str, contract: ContractBasis) -> str:
    """The letter's first fact: 「我方与您于2025年1月10日签订《借款合同》（合同编号：…）。」,
    or for an IOU the debtor issued, 「您于2025年5月1日向本人出具《借条》。」"""
    number = f"（合同编号：{contract.number}）" if contract.number else ""
    day, name = format_cn(contract.signed_on), contract.name
    if made_verb(name) == "出具":
        return f"{debtor}于{day}向{creditor}出具《{name}》{number}。"
    return f"{creditor}与{debtor}于{day}签订《{name}》{number}。"


def unpaid_facts(
    contract: ContractBasis, debtor: str, principal_label: str, binding: bool = True
) -> str:
    """「根据合同约定，您应于2026年1月10日（含当日）前清偿相应款项，但您至今未依约履行付款
    义务。」 (an IOU's terms are the IOU's: 「根据《借条》约定」); the due date with the day
    included, as the agreements recite it (``domain.dates.by_day``). A contract not
    ``binding`` (awaiting the legal representative's consent or ratification, 民法典 art.
    145(1)) is only described: 「上述《借款合同》约定您于…（含当日）前清偿相应款项，您至今未按
    约定付款。」"""
    due = what_was_due(contract.kind, principal_label)
    day = by_day(contract.due_date)
    if not binding:
        return f"上述《{contract.name}》约定{debtor}于{day}{due}，{debtor}至今未按约定付款。"
    terms = "合同" if made_verb(contract.name) == "签订" else f"《{contract.name}》"
    return f"根据{terms}约定，{debtor}应于{day}{due}，但{debtor}至今未依约履行付款义务。"


def what_was_due(kind: str, principal_label: str) -> str:
    """What the debtor was to do by the due date: a buyer pays the price (支付货款,
    民法典 art. 626), a client the fee; any other debt is settled (清偿相应款项)."""
    if principal_label == "货款" or (kind in ("sale", "service") and principal_label != "本金"):
        return f"支付{principal_label}"
    return "清偿相应款项"
