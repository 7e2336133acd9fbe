"""The settlement's recital (鉴于 …): the contract, what the debtor owed under it, the facts
the user tells, the suit, and the words those facts are told in.

The agreement names its parties once, in their blocks (甲方（债权人）：刘芳), and calls them
甲方, 乙方 and 丙方 in every article after; its amounts read 「人民币105,000.00元」. Facts
typed with the parties' names or with bare figures (「刘芳已依约向张伟出借100,000元」) read
as two ways of naming the same people and sums in one agreement. docgen does not rewrite
what the user typed (a name may also stand inside another name): it warns, at the field,
with the sentence rewritten for the user to take (drafting practice, no statute).

The facts and the contract's summary are printed one after the other. Where both tell the
same sum — or one tells it twice, in two forms (「10万元」, 「100,000元」) — the recital
states one fact twice in two styles, and a debtor may read two loans into it. That is
refused at the facts (``recital_repeats``), not mended: which of the two sentences is the
one to keep, and what else of it repeats the contract's fields, is for the signer to say;
docgen does not drop or rewrite words the parties sign.

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

from docgen.documents.agreement_recital import due_by, guardian_basis
from docgen.documents.contract_causes import CAUSES, cause_of
from docgen.documents.court_names import court_name_by_number
from docgen.documents.parts import ContractBasis
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, read_figure

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
    facts += guardian_basis(case.debtor, case.debtor_capacity_finding, case.agreement_date)
    suit, cause = case.suit, settled_dispute(case)
    dispute = f"上述{cause}"
    if case.outcome.kind != "not_filed" and suit.court:
        court = court_name_by_number(suit.court, suit.case_number)
        facts += f"甲方已就{cause}向{court}提起诉讼（案号：{suit.case_number}）。"
        dispute = "纠纷"
    return facts + f"为妥善解决{dispute}，{parties}经平等协商，自愿达成如下和解协议："


CAUSE_RULES = "《民事案件案由规定》"
DISPUTE_LOC = ("suit", "dispute")


def settled_dispute(case: SettlementAgreement) -> str | None:
    """The cause of the dispute settled: the one typed, else the named contract's by its
    kind (``contract_causes``), else None — refused by ``check_dispute``, never assumed."""
    if case.suit.dispute:
        return case.suit.dispute
    return cause_of(case.contract.kind) if case.contract else None


def check_dispute(result: Assessment, case: SettlementAgreement) -> None:
    """The recital (「为妥善解决上述买卖合同纠纷」) and, without a contract, the release
    (「就上述…纠纷再无其他争议」) name the dispute by its cause: one neither typed nor told
    by the contract's kind is refused at ``suit.dispute`` (a loan's cause printed for a
    sale would misname the debt released). A typed cause that is another kind's than the
    contract's (民间借贷纠纷 for a sale) is warned of; a narrower cause of the same kind
    (分期付款买卖合同纠纷) is not."""
    typed, contract = case.suit.dispute, case.contract
    known = cause_of(contract.kind) if contract else None
    if not typed and known is None:
        why = (
            "未填写和解所涉合同"
            if contract is None
            else f"和解所涉合同《{contract.name}》的类型为「其他」"
        )
        result.error(
            DISPUTE_LOC,
            "missing",
            f"请填写案由：{why}，无法据以确定纠纷的案由，协议须写明和解的是何种纠纷"
            f"（如 买卖合同纠纷、民间借贷纠纷，按{CAUSE_RULES}确定）",
        )
    elif typed and known and typed != known and typed in CAUSES.values():
        result.warn(
            DISPUTE_LOC,
            "dispute_not_of_contract",
            f"案由「{typed}」与和解所涉合同的类型不符：合同《{contract.name if contract else ''}》"
            f"项下的纠纷，案由为「{known}」（{CAUSE_RULES}）",
            hint=f"请核对合同类型，或将案由改为「{known}」（也可不填，按合同类型确定）",
        )


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
        f"根据约定，乙方{due_by(contract.due_date)}{DUTIES[contract.kind]}。"
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
    _check_repeated(result, texts)


def amounts_in(text: str) -> list[Decimal]:
    """The sums a text states (「100,000元」, 「10万元」, 「人民币100,000.00元」), in yuan."""
    return [_value(m) for m in _AMOUNT.finditer(text)]


def _check_repeated(result: Assessment, texts: list[tuple[Loc, str, str]]) -> None:
    """One sum told in both texts, or in one text in two forms: refused at the facts."""
    forms: dict[Decimal, set[str]] = {}
    told: dict[Decimal, set[Loc]] = {}
    for loc, _, text in texts:
        for m in _AMOUNT.finditer(text):
            forms.setdefault(_value(m), set()).add(m.group(0))
            told.setdefault(_value(m), set()).add(loc)
    repeated = sorted(v for v in forms if len(forms[v]) > 1 or len(told[v]) > 1)
    if not repeated:
        return
    sums = "、".join(f"人民币{format_yuan(v)}元" for v in repeated)
    typed = "".join(f"「{f}」" for v in repeated for f in sorted(forms[v]))
    both = len(texts) > 1 and any(len(told[v]) > 1 for v in repeated)
    where = "争议经过与债务形成经过" if both else "争议经过"
    result.error(
        ("facts",),
        "recital_repeats",
        f"{where}重复叙述同一笔款项（{sums}，写作{typed}）：协议鉴于部分将两段文字连续打印，"
        "同一事实写两遍、写法不一，日后可能被主张为两笔款项",
        hint="请只在一处写明该笔款项，并写作「人民币…元」；争议经过只写争议的来由，如「乙方到期"
        "未还」",
    )


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


def _value(match: re.Match[str]) -> Decimal:
    # the pattern's figure opens with a digit: always a number
    value = read_figure(match.group(1)) or Decimal(0)
    return value * _TEN_THOUSAND if match.group(2) else value


def _proper(match: re.Match[str]) -> str:
    """An amount as the agreement writes it: 「人民币100,000.00元」."""
    return f"人民币{format_yuan(_value(match))}元"


def rewritten(text: str, roles: list[tuple[str, str]]) -> str:
    """``text`` with the parties called by their roles (longest names first, so that a
    name inside another is not taken for it) and amounts in the agreement's form."""
    for role, name in sorted(roles, key=lambda pair: -len(pair[1])):
        text = text.replace(name, role)
    return _AMOUNT.sub(_proper, text)


__all__ = ["DUTIES", "amounts_in", "check_recital", "recital", "rewritten"]
