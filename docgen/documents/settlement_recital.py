"""The settlement's recital (鉴于 …): the contract, what the debtor owed under it, the facts
the user tells, the suit, and the words those facts are told in.

The agreement names its parties once, in their blocks (甲方（债权人）：刘芳), and calls them
甲方, 乙方 and 丙方 in every article after; its amounts read 「人民币105,000.00元」. Facts
typed with the parties' names or with bare figures (「刘芳已依约向张伟出借100,000元」) read
as two ways of naming the same people and sums in one agreement. docgen does not rewrite
what the user typed (a name may also stand inside another name): it warns, at the field,
with the sentence rewritten for the user to take (drafting practice, no statute).

What the debtor owed by the contract's due date is named by the contract's kind: a buyer
pays the price (民法典 art. 626: 买受人应当按照约定的数额和支付方式支付价款), a borrower
returns the loan (art. 675: 借款人应当按照约定的期限返还借款), a cardholder repays what it
drew on the card, a client pays the fee for the service; any other debtor pays what the
named contract agreed — never 「相应款项」, which names nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.court_names import court_name
from docgen.documents.parts import ContractBasis
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.settlement_agreement import SettlementAgreement

DUTIES = {
    "sale": "向甲方支付货款",
    "private_lending": "向甲方归还借款",
    "financial_loan": "向甲方归还借款",
    "credit_card": "向甲方偿还信用卡透支款项",
    "service": "向甲方支付服务费用",
    "other": "向甲方支付该合同约定的款项",
}
"""What the debtor owed by the due date, by the contract's kind."""
# 「100,000元」「人民币100,000元」「45万元」: a figure followed by 元, its 人民币 if any
_AMOUNT = re.compile(r"(?:人民币)?(\d[\d,]*(?:\.\d+)?)(万)?元")
_TEN_THOUSAND = Decimal(10000)


def recital(case: SettlementAgreement, parties: str) -> str:
    """The contract, the facts, the suit filed (from the case's own fields, once), and
    the dispute settled: named by the suit once filed, else by its 案由 here."""
    facts = _contract_recital(case.contract) + case.facts
    facts = facts if facts.endswith("。") else facts + "。"
    suit, dispute = case.suit, f"上述{case.suit.dispute}"
    if case.outcome.kind != "not_filed" and suit.court:
        court = court_name(suit.court)
        facts += f"甲方已就{suit.dispute}向{court}提起诉讼（案号：{suit.case_number}）。"
        dispute = "纠纷"
    return facts + f"为妥善解决{dispute}，{parties}经平等协商，自愿达成如下和解协议："


def _contract_recital(contract: ContractBasis | None) -> str:
    """The contract, in the debt confirmation's words: named once here, referred to as
    「上述《…》」 in 第一条."""
    if contract is None:
        return ""
    number = f"（合同编号：{contract.number}）" if contract.number else ""
    summary = contract.summary or ""
    if summary and not summary.endswith("。"):
        summary += "。"
    return (
        f"甲乙双方于{format_cn(contract.signed_on)}签订《{contract.name}》{number}。{summary}"
        f"根据约定，乙方应于{format_cn(contract.due_date)}前{DUTIES[contract.kind]}。"
    )


# --- the words the user typed -------------------------------------------------------


def check_recital(result: Assessment, case: SettlementAgreement) -> None:
    """The facts and the contract's summary, both printed in the recital, call the parties
    甲方, 乙方, 丙方 and write amounts as 「人民币…元」: warnings, each with the text
    rewritten."""
    roles = [("甲方", case.creditor.name), ("乙方", case.debtor.name)]
    if case.guarantor is not None:
        roles.append(("丙方", case.guarantor.name))
    texts: list[tuple[Loc, str, str]] = [(("facts",), "争议经过", case.facts)]
    if case.contract is not None and case.contract.summary:
        texts.append((("contract", "summary"), "债务形成经过", case.contract.summary))
    for loc, what, text in texts:
        _check_text(result, loc, what, text, roles)


def _check_text(
    result: Assessment, loc: Loc, what: str, text: str, roles: list[tuple[str, str]]
) -> None:
    names = [name for _, name in roles if name in text]
    loose = [(m.group(0), _proper(m)) for m in _AMOUNT.finditer(text)]
    loose = [(typed, proper) for typed, proper in loose if typed != proper]
    if not names and not loose:
        return
    hint = f"可改为：{rewritten(text, roles)}"
    if names:
        called = "".join(f"「{name}」" for name in names)
        result.warn(
            loc,
            "recital_party_names",
            f"{what}以{called}称呼当事人，协议的其他条款称{_roles_of(roles, names)}：同一份协议"
            "对同一当事人宜始终使用同一称谓，请改称甲方、乙方",
            hint=hint,
        )
    if loose:
        typed = "".join(f"「{t}」" for t, _ in loose)
        proper = "".join(f"「{p}」" for _, p in loose)
        result.warn(
            loc,
            "recital_amount_format",
            f"{what}中的金额{typed}与协议其他条款的写法不一致，请写作{proper}",
            hint=hint,
        )


def _roles_of(roles: list[tuple[str, str]], names: list[str]) -> str:
    return "、".join(role for role, name in roles if name in names)


def _proper(match: re.Match[str]) -> str:
    """An amount as the agreement writes it: 「人民币100,000.00元」."""
    value = Decimal(match.group(1).replace(",", ""))
    if match.group(2):
        value *= _TEN_THOUSAND
    return f"人民币{format_yuan(value)}元"


def rewritten(text: str, roles: list[tuple[str, str]]) -> str:
    """``text`` with the parties called by their roles (longest names first, so that a
    name inside another is not taken for it) and amounts in the agreement's form."""
    for role, name in sorted(roles, key=lambda pair: -len(pair[1])):
        text = text.replace(name, role)
    return _AMOUNT.sub(_proper, text)


__all__ = ["DUTIES", "check_recital", "recital", "rewritten"]
