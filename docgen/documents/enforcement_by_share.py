"""An application for enforcement against debtors liable each for a share (按份责任, 民法典
art. 177; a debt of several owed by shares, art. 517(1)), none asked for the whole: each
respondent is named with his share, and with the doubled delay interest on it.

A debtor by shares owes his share only; the doubled part of the delay interest (民事诉讼法
art. 264) is owed by whoever fails to perform, on what he has not performed (法释〔2014〕8号
art. 1): so each one's runs on his own share, and the request says whose it is. A request
「请求强制执行法律文书确定的债务：借款本金人民币100,000.00元」 names no respondent and does
not tell what each owes (执行工作若干问题的规定（试行） art. 16(1)(3), art. 18: 执行标的和
被执行人明确).

The shares are those the operative part fixes (``enforcement_several.read_shares``) or the
user typed (``share``); split so only where they add up to the principal claimed and the
doubled part runs on the principal alone from one deadline (no installments, no payment
made, no costs or other sum in its base): otherwise each one's base is not known and the
request says the total as before.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_liability_words import payers
from docgen.documents.enforcement_names import names as claimed_names
from docgen.documents.enforcement_several import other_terms, other_terms_words, read_shares
from docgen.domain.dates import format_cn
from docgen.domain.delay_interest import DelayTotal, doubled_interest_by_part
from docgen.domain.money import legal_amount

if TYPE_CHECKING:
    from datetime import date

    from docgen.documents.enforcement_application import EnforcementApplication
    from docgen.documents.problems import Assessment


def shares(case: EnforcementApplication) -> dict[str, Decimal]:
    """Each debtor's share of the principal, in the respondents' order, where none is asked
    for the whole and the shares add up to the principal claimed; else empty."""
    if payers(case):
        return {}
    read = read_shares(case)
    found: dict[str, Decimal] = {}
    for r in case.respondents:
        if r.name in read:
            found[r.name] = read[r.name]
        elif r.liability.kind == "share" and r.liability.share is not None:
            found[r.name] = r.liability.share
    if len(found) < 2 or sum(found.values(), Decimal(0)) != case.outstanding.principal:
        return {}
    return found


def asked_with_shares(case: EnforcementApplication) -> set[str]:
    """The names of the sums claimed (利息, 律师费 …) that the respondents' own terms order in
    full, each asked with his share (``other_terms_words``): not asked again of no one."""
    o, named = case.outstanding, claimed_names(case)
    claimed = {named.interest: o.interest, named.other: o.other}
    found: dict[str, Decimal] = {}
    for name in shares(case):
        for label, amount in other_terms(case, name):
            found[label] = found.get(label, Decimal(0)) + amount
    return {label for label, amount in found.items() if amount == claimed.get(label)}


def split_delay(
    case: EnforcementApplication, base: Decimal, period_end: date, until: date
) -> DelayTotal | None:
    """The doubled part on each one's share (the module's rule), labelled with his name;
    None where it is not split."""
    found = shares(case)
    if (
        not found
        or case.title.installments
        or case.outstanding.performed
        or base != case.outstanding.principal
    ):
        return None
    labels = [f"被执行人{name}的份额" for name in found]
    total = doubled_interest_by_part(
        [(share, period_end) for share in found.values()], until, labels
    )
    return total if len(total.parts) == len(found) else None


def share_items(
    case: EnforcementApplication, delay: DelayTotal | None, general: str = "", rest: str = ""
) -> list[str]:
    """Item 1: each respondent's share of the principal (with his own terms' interest or
    other sum, ``other_terms_words``), then ``rest`` (what else is claimed, not split);
    item 2, where the delay was split (``split_delay``):
    each one's doubled part on his share, then ``general`` (the general interest's words)."""
    found = shares(case)
    label = claimed_names(case).principal
    each = "；".join(
        f"被执行人{name}按照法律文书确定的份额向申请执行人支付{label}{legal_amount(share)}"
        + other_terms_words(case, name)
        for name, share in found.items()
    )
    items = [f"请求强制执行{each}{rest}。"]
    if delay is not None:
        owed = "；".join(
            f"被执行人{name}加倍支付迟延履行期间的债务利息：以其份额为基数的加倍部分债务利息暂计至"
            f"{format_cn(delay.until)}为{legal_amount(part.amount)}"
            for name, part in zip(found, delay.parts, strict=True)
        )
        items.append(
            f"请求强制执行{owed}；以上合计{legal_amount(delay.amount)}，此后各自继续计算至实际"
            f"履行完毕之日{general}。"
        )
    return items


def warn_unsplit(result: Assessment, case: EnforcementApplication) -> None:
    """Debtors asked each for his share whose doubled interest could not be split (a
    payment, installments, costs or another sum in its base): the request states the total
    and says so (the module's rule)."""
    found = shares(case)
    if not found or result.computed.get("delay_by_share") or "delay" not in result.computed:
        return
    who = "、".join(found)
    result.warn(
        ("respondents",),
        "delay_not_split_by_share",
        f"被执行人{who}按份承担责任，但已有履行款项、分期履行或者计息基数含诉讼费用等其他款项，"
        "加倍部分债务利息未能按各自的份额分别计算：申请书写明其合计金额，未写明各被执行人应"
        "负担的部分（《中华人民共和国民法典》第五百一十七条；《中华人民共和国民事诉讼法》"
        "第二百六十四条）",
        hint="请核对各被执行人尚欠的份额及各自的迟延履行期间，必要时在事实与理由中写明",
    )
