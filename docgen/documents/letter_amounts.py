"""What a letter says about the sums it demands: the agreed rate behind computed interest,
the loan term's interest apart from the overdue interest, and a loan's delivery.

- The agreed rate: without an agreed rate a lender claims no interest (民法典 art. 680;
  法释〔2020〕17号 art. 24), so a letter charging interest for the loan term states the rate
  and the clause that agreed it; at the cap it says the rate does not exceed four times
  the one-year LPR when the contract was formed (art. 25), which only a verified LPR
  table can tell (``amount_checks.check_contract_lpr`` warns otherwise, and then the
  letter does not say it).
- Term and overdue interest: interest for the loan term runs to the due date, overdue
  interest after it, each at its own rate (法释〔2020〕17号 art. 28): a computed interest
  component that spans the due date is printed as two rows, each with its calculation.
- Delivery: a private loan is a real contract as to natural persons (民法典 art. 679) and
  the lender proves the money was handed over (法释〔2020〕17号 arts. 15–16): the letter
  says how much was lent and when and how it was paid over.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents.agreement_terms import principal_of
from docgen.documents.amount_checks import Latest, ResolvedAmounts, check_amounts
from docgen.documents.letter_rules import account_context
from docgen.documents.part_models import AmountComponent, DebtAmounts, LetterAccount
from docgen.documents.problems import Assessment
from docgen.domain.cap_rates import cap_percent
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel
from docgen.domain.money import format_yuan
from docgen.domain.parties import Party

LOANS = ("private_lending", "financial_loan")
"""Contracts whose interest has a loan term and an overdue period (民法典 arts. 674, 676)."""

SHORT_INTERPRETATION = "法释〔2020〕17号"
DELIVERY_WORDS = {"transfer": "银行转账", "cash": "现金", "mixed": "银行转账及现金"}


def check_account_holder(
    result: Assessment, account: LetterAccount | None, creditor: Party
) -> None:
    """An account another holds says who the holder is and that the creditor authorised
    the holder to receive: payment to a third party discharges the debt only as the
    creditor directs (民法典 art. 522(1)), and the debtor cannot check an unexplained
    stranger's account."""
    if (
        account is None
        or account.holder_relation
        or not account_context(account.model_dump(), creditor)["designated"]
    ):
        return
    if any(p.loc == ("payment_account", "account_name") for p in result.errors):
        return  # an account refused outright (the law firm's own) needs no holder
    result.error(
        ("payment_account", "holder_relation"),
        "account_holder_unexplained",
        f"收款账户户名「{account.account_name}」不是债权人{creditor.name}：请填写收款人与债权人的"
        "关系，函件写明该账户为谁的账户、债权人授权其代为收取（《中华人民共和国民法典》"
        "第五百二十二条第一款）",
        hint="如 法定代表人；并请确认已有债权人的书面授权",
    )


_ORGANISATION_WORDS = re.compile(
    r"公司|有限|集团|中心|事务所|合作社|企业|工厂|商行|银行|学校|医院|协会|基金|委员会|[厂店社局院所会部]$"
)


def personal_account(name: str) -> bool:
    """An account name that reads as a natural person's: a short name of Chinese characters
    (a minority name may hold 「·」) with no word of an organisation's name."""
    plain = "".join(name.split())
    return bool(re.fullmatch(r"[\u4e00-\u9fff·]{2,8}", plain)) and not _ORGANISATION_WORDS.search(
        plain
    )


def check_personal_payee(
    result: Assessment, account: LetterAccount | None, creditor: Party
) -> None:
    """An organisation asking payment into a natural person's account (its legal
    representative's, an employee's) without an attached 收款授权书 is warned. No statute
    forbids it, and the creditor's direction makes payment to the holder discharge the debt
    (民法典 art. 522(1)); but the letter is then the debtor's only proof of that direction,
    a company's money paid to a person looks like a fraud to the debtor, who may refuse to
    pay or pay and then dispute the discharge. A written authorisation under the creditor's
    seal, attached (printed 「附件：收款授权书」), is the proof; else the creditor's own account."""
    if account is None or creditor.kind != "organization" or account.payee_authorization:
        return
    if not account_context(account.model_dump(), creditor)["designated"]:
        return
    if not personal_account(account.account_name):
        return
    result.warn(
        ("payment_account", "payee_authorization"),
        "personal_account_without_authorization",
        f"债权人{creditor.name}是单位，收款账户「{account.account_name}」是个人账户，且未附收款授权书："
        "债务人向债权人指定的第三人付款才能清偿债务（《中华人民共和国民法典》第五百二十二条"
        "第一款），函件是其唯一凭据；单位款项付入个人账户易被债务人视为诈骗而拒付，或付款后"
        "就是否清偿发生争议。建议改用单位账户；确需使用的，请随函附加盖单位公章的收款授权书"
        "（勾选「附收款授权书」），函件列明「附件：收款授权书」",
    )


class LoanDelivery(CaseModel):
    """How the lender paid the loan over (法释〔2020〕17号 arts. 15–16)."""

    delivered_on: date = Field(title="出借（交付）日期")
    method: Literal["transfer", "cash", "mixed"] = Field(
        default="transfer",
        title="交付方式",
        json_schema_extra={"enum_titles": list(DELIVERY_WORDS.values())},
    )


def delivery_field() -> Any:
    """The letters' ``loan_delivery`` field."""
    return Field(
        default=None,
        title="借款交付",
        description="民间借贷：出借款项的交付日期和方式；未填写债务形成经过的，必填。函件写明"
        "「您向我方借款人民币…元，我方已于…通过银行转账交付」",
    )


def check_letter_amounts(result: Assessment, case: Any) -> None:
    """A computed interest for the loan term names the clause of its agreed rate; a private
    loan's letter says how the loan was delivered."""
    amounts, contract = case.amounts, case.contract
    for i, component in enumerate(amounts.components):
        calc = component.calculation
        if calc is None or calc.start > contract.due_date or calc.agreed_in:
            continue
        result.error(
            ("amounts", "components", i, "calculation", "agreed_in"),
            "agreed_rate_clause_missing",
            f"{component.display_label}按约定利率计算，请填写约定该利率的合同条款：函件须写明"
            "约定的利率及其依据；未约定利息的，出借人无权主张借期内利息（《中华人民共和国民法典》"
            f"第六百八十条；{SHORT_INTERPRETATION}第二十四条）",
            hint=f"如 《{contract.name}》第五条",
        )
    _check_penalty_clauses(result, amounts.components, contract.name)
    # a warning: the contract, its date and the amounts already tell which claim is
    # demanded; the delivery is the lender's to prove in the suit, not a bar to the letter
    if contract.kind == "private_lending" and not contract.summary and case.loan_delivery is None:
        result.warn(
            ("loan_delivery",),
            "loan_delivery_missing",
            "未填写借款交付日期和方式（或债务形成经过）：函件不写出借金额及其交付，建议填写；"
            f"出借人对交付负举证责任（{SHORT_INTERPRETATION}第十五条、第十六条）",
        )


CLAUSE = re.compile(r"第[0-9一二三四五六七八九十百零〇]+条")


def _check_penalty_clauses(
    result: Assessment, components: list[AmountComponent], contract: str
) -> None:
    """A 违约金 typed as an amount names the clause that agreed it in its 计算说明, as a
    computed one does in ``calculation.agreed_in`` (``agreed_rate_clause_missing``): a
    违约金 is owed only as the parties agreed it (民法典 art. 585(1)), so the debtor and a
    court read its basis beside the figure. A warning: the clause may be stated elsewhere
    in the facts the user wrote."""
    for i, component in enumerate(components):
        if component.kind != "penalty" or component.calculation is not None:
            continue
        if CLAUSE.search(f"{component.note or ''}{component.label or ''}"):
            continue
        result.warn(
            ("amounts", "components", i, "note"),
            "penalty_clause_missing",
            f"{component.display_label}未写明约定违约金的合同条款：违约金以当事人的约定为依据"
            "（《中华人民共和国民法典》第五百八十五条第一款），请在计算说明中写明条款及计算方法",
            hint=f"如 按《{contract}》第八条约定计算",
        )


def split_at_due(amounts: DebtAmounts, due: date) -> DebtAmounts:
    """The amounts with every computed interest that spans the due date as two components:
    借期内利息 to the due date and 逾期利息 from the next day (法释〔2020〕17号 art. 28).
    An amount typed beside its calculation (which must agree with it) splits the same way,
    each part computed; one typed without a calculation gives no period and stays whole."""
    components: list[AmountComponent] = []
    for component in amounts.components:
        calc = component.calculation
        last = (calc.end if calc else None) or component.as_of or amounts.as_of
        if calc is None or not calc.start <= due < last:
            components.append(component)
            continue
        term = calc.model_copy(update={"end": due})
        overdue = calc.model_copy(update={"start": due + timedelta(days=1), "end": calc.end})
        # the parts are computed; their sum is checked against the total (letter_amounts)
        components += [
            component.model_copy(update={"label": label, "calculation": part, "amount": None})
            for label, part in (("借期内利息", term), ("逾期利息", overdue))
        ]
    return amounts.model_copy(update={"components": components})


def letter_amounts(case: Any, computed: ResolvedAmounts) -> tuple[DebtAmounts, ResolvedAmounts]:
    """The amounts as a loan's letter prints them (``split_at_due``), with their sheets;
    the case's own where nothing splits, or where the parts' rounding would change the
    total the rules checked."""
    if case.contract.kind not in LOANS:
        return case.amounts, computed
    split = split_at_due(case.amounts, case.contract.due_date)
    if len(split.components) == len(case.amounts.components) or computed.lpr_table is None:
        return case.amounts, computed
    table, limit = computed.lpr_table, Latest(case.letter_date)
    again = check_amounts(Assessment(), split, ("amounts",), limit, case.contract, table)
    if again.total != computed.total:
        return case.amounts, computed
    return split, again


def agreed_rates(case: Any, computed: ResolvedAmounts) -> str:
    """「《借款合同》约定借期内年利率12%（《借款合同》第五条），未超过合同成立时一年期贷款
    市场报价利率的四倍（法释〔2020〕17号第二十五条）。」: the agreed rate of each computed
    interest with its clause, the loan term's and an overdue rate agreed apart."""
    contract, parts = case.contract, []
    for component in case.amounts.components:
        calc = component.calculation
        if calc is None or not calc.agreed_in:
            continue
        term = calc.start <= contract.due_date
        penalty = component.kind == "penalty"
        rate = computed.rate_words(calc.rate.spec(), penalty)
        if penalty:
            # a penalty is no interest: 「按每日0.005%计付违约金」 (rate_words)
            words = f"按{rate}计付{component.display_label}（{calc.agreed_in}）"
        elif term:
            words = f"借期内{rate}（{calc.agreed_in}）"
        else:
            words = f"{component.display_label}按{rate}计算（{calc.agreed_in}）"
        if term and _at_the_cap(case, calc.rate.spec(), computed):
            words += "，未超过合同成立时一年期贷款市场报价利率的四倍"
            words += f"（{SHORT_INTERPRETATION}第二十五条）"
        parts.append(words)
    if not parts:
        return ""
    return f"《{contract.name}》约定" + "；".join(dict.fromkeys(parts)) + "。"


_RATE_WORDS = re.compile(r"利率|[%％]|LPR|贷款市场报价利率|计付.*利息")


def without_stated_rates(summary: str, rates: str) -> str:
    """The user's summary without the parts that state a rate, where the letter states the
    agreed rates itself (``agreed_rates``, each with its clause): 「约定借款期限一年，年利率6%」
    becomes 「约定借款期限一年」, so that the term and rate are not said twice in consecutive
    sentences. A part that also states the term (期限) is kept whole."""
    if not rates or not summary:
        return summary
    ending = summary[-1] if summary[-1] in "。！." else ""
    body = summary[:-1] if ending else summary
    parts = body.split("，")  # not at the comma of 100,000
    kept = [p for p in parts if not _RATE_WORDS.search(p) or "期限" in p]
    if not kept:
        return summary
    return "，".join(kept) + ending


def _at_the_cap(case: Any, rate: Any, computed: ResolvedAmounts) -> bool:
    """A private loan's fixed rate equal to the cap, on a verified LPR table only."""
    table, signed = computed.lpr_table, case.contract.signed_on
    if case.contract.kind != "private_lending" or table is None or rate.uses_lpr:
        return False
    if not table.is_verified(signed):
        return False  # the cap is not known: the letter does not vouch for it
    annual, _ = rate.annual_percent_on(signed, table)
    return bool(annual == cap_percent(signed, signed, table).annual_percent)


def delivery_facts(case: Any, computed: ResolvedAmounts, debtor: str, we: str) -> str:
    """「您向本人借款人民币50,000.00元，本人已于2025年5月1日通过银行转账交付。」"""
    delivery = case.loan_delivery
    if delivery is None:
        return ""
    principal = principal_of(case.amounts, computed)
    method, day = DELIVERY_WORDS[delivery.method], format_cn(delivery.delivered_on)
    return f"{debtor}向{we}借款人民币{format_yuan(principal)}元，{we}已于{day}通过{method}交付。"


_RATE_WORD = re.compile(r"利率|利息|[年月日]息|罚息|计息")
_RATE_FIGURE = re.compile(
    r"(\d+(?:\.\d+)?)\s*[%％‰]|[百千万]分之([零〇一二两三四五六七八九十点\d.]+)"
    r"|息(\d+(?:\.\d+)?)\s*[分厘]|(?:LPR|贷款市场报价利率)[^，。；;]*?(?:倍|基点)",
    re.IGNORECASE,
)


def rate_in_summary(summary: str | None) -> str | None:
    """The first clause of the summary (the user's free text) that states a rate agreed
    for the loan: 「年利率6%」, 「逾期还款的按日万分之五计付逾期利息」, 「月息2分」, 「按LPR的
    1.5倍计付逾期利息」; None where it states none (「未约定利息」, 「年利率0%」)."""
    for clause in re.split(r"[，。；;]", summary or ""):
        if not _RATE_WORD.search(clause):
            continue
        for found in _RATE_FIGURE.finditer(clause):
            number = found.group(1) or found.group(3)
            if number is not None and Decimal(number) == 0:
                continue
            if found.group(2) in ("零", "〇", "0"):
                continue
            return clause.strip()
    return None


def rate_only_in_summary(case: Any) -> str | None:
    """The summary's clause stating a rate, for a private loan whose amounts carry no
    interest row: the rate the contract agreed is then in the free text only, and art. 28
    of 法释〔2020〕17号 reads it as agreed (art. 28(1): the agreed overdue rate, within
    four times the one-year LPR when the contract was formed; art. 28(2)(2): the loan
    term's rate), not as no rate agreed (art. 28(2)(1): the one-year LPR)."""
    if case.contract.kind != "private_lending":
        return None
    if any(c.kind == "interest" for c in case.amounts.components):
        return None
    return rate_in_summary(case.contract.summary)


def no_rate_overdue(case: Any, computed: ResolvedAmounts) -> str:
    """A private loan with no interest claimed and no rate agreed: the overdue interest
    from the day after the due date at the one-year LPR (法释〔2020〕17号 art. 28(2)(1):
    neither a term nor an overdue rate agreed), else nothing. A rate agreed is typed as an
    interest row's calculation (``InterestCalc.rate`` with ``agreed_in``); one the summary
    states but no row carries (:func:`rate_only_in_summary`) is not read as none agreed:
    the letter then reserves the interest at the contract's agreed rate, by reference, and
    the operator is warned (``letter_later.check_reservation``)."""
    amounts = case.amounts
    if case.contract.kind != "private_lending":
        return ""
    if any(c.kind == "interest" for c in amounts.components):
        return ""
    if rate_in_summary(case.contract.summary):
        return ""
    principal: Decimal = principal_of(amounts, computed)
    start = format_cn(case.contract.due_date + timedelta(days=1))
    return (
        f"逾期利息以{format_yuan(principal)}元为基数，自{start}起参照当时一年期贷款市场报价利率"
        "标准计算至实际清偿之日止"
    )


__all__ = [
    "LetterAccount",
    "LoanDelivery",
    "agreed_rates",
    "check_account_holder",
    "check_letter_amounts",
    "check_personal_payee",
    "delivery_facts",
    "delivery_field",
    "letter_amounts",
    "no_rate_overdue",
    "rate_in_summary",
    "rate_only_in_summary",
    "split_at_due",
    "without_stated_rates",
]
