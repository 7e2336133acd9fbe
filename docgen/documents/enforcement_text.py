"""The words of an application for enforcement: the instrument enforced, the requests, the
facts and reasons, the court's basis (the rules: ``enforcement_application``; the court's
name: ``court_names``)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.enforcement_by_share import asked_with_shares, share_items, shares
from docgen.documents.enforcement_costs import respondent_costs
from docgen.documents.enforcement_delay import costs_refunded
from docgen.documents.enforcement_installments import delay_notes, installments_text
from docgen.documents.enforcement_interest import awards_interest, interest_item
from docgen.documents.enforcement_interruptions import interruptions_text
from docgen.documents.enforcement_liability_words import (
    liability_facts,
    liability_request,
    payers,
    payers_words,
)
from docgen.documents.enforcement_names import names as claimed_names
from docgen.documents.enforcement_notarial import certificate_application_text, notarised_text
from docgen.documents.enforcement_parts import (
    APPLY_ARTICLES,
    ARBITRATION_LAW_2017_UNTIL,
    BASIS_LABELS,
    COURT_TITLES,
    TITLE_LABELS,
    EnforcementTitle,
)
from docgen.documents.enforcement_performed import performed_text
from docgen.documents.enforcement_running_interest import Running
from docgen.documents.enforcement_several import principal_terms_words
from docgen.documents.filing_papers import execution_parties
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.delay_interest import DelayTotal
from docgen.domain.money import format_yuan, legal_amount

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication


def certificate_words(title: EnforcementTitle) -> str:
    """「（2026）京方圆执字第12号执行证书」, or 「执行证书」 without its number."""
    return f"{title.certificate_number or ''}执行证书"


def basis_line(title: EnforcementTitle) -> str:
    """「执行依据：…公证债权文书」, a notarised instrument with its certificate beside it:
    the certificate proves the performance (art. 3), it is not the instrument enforced."""
    line = f"执行依据：{title.issuer}{title.case_number}{TITLE_LABELS[title.kind]}"
    if title.kind == "notarial":
        line += f"（附该处出具的{certificate_words(title)}）"
    return line


def requests(case: EnforcementApplication, assessment: Assessment) -> list[str]:
    o = case.outstanding
    # those asked for the whole; the others each for what the instrument orders of them
    # (``enforcement_liability``)
    whom_words = payers_words(case)
    # the debt is named as the instrument names it (an award for 货款 is not for 本金)
    named = claimed_names(case)
    items: list[tuple[tuple[str, ...], str]] = [
        (
            (named.principal,),
            f"{named.principal}{legal_amount(o.principal)}{principal_terms_words(case)}",
        )
    ]
    if o.interest:
        found = assessment.computed.get("allocation")
        paid_off = (
            found is None or bool(found.unknown) or any(a.to_interest for a in found.payments)
        )
        items.append(((named.interest,), interest_item(case, paid_off)))
    running: Running | None = assessment.computed.get("running_interest")
    if running is not None:  # computed by the instrument's method (the case typed none)
        items.append(
            ((named.interest,), f"{named.interest}{legal_amount(running.amount)}（{running.note}）")
        )
    if o.costs and not costs_refunded(case.title, o):
        # an award's costs are arbitration fees (仲裁费), not litigation costs
        costs = "仲裁费用" if case.title.kind == "arbitration" else "诉讼费用"
        items.append((_COST_WORDS, f"{costs}{legal_amount(o.costs)}"))
    if o.other:
        items.append(((named.other,), f"{named.other}{legal_amount(o.other)}"))
    by_share = shares(case)
    if by_share:  # a sum a respondent's own term orders is asked with his share
        done = asked_with_shares(case)
        items = [items[0], *(i for i in items[1:] if i[0][0] not in done)]
    parts = in_instrument_order(case.title.operative_part, items)
    unpaid: Decimal = assessment.computed["unpaid"]
    delay: DelayTotal | None = assessment.computed.get("delay")
    # the interest during the delay follows the instrument's method (法释〔2014〕8号
    # art. 1(2)): said only where the instrument awards interest and it is claimed (else
    # the sentence points to a method nothing claims)
    claims = bool(o.interest) or running is not None
    general = (
        "；迟延履行期间的一般债务利息按法律文书确定的方法计算"
        if claims and awards_interest(case)
        else ""
    )
    if by_share:  # each debtor by shares asked for his own (``enforcement_by_share``)
        split = delay if assessment.computed.get("delay_by_share") else None
        # the rest of what the instrument orders, named as before, in item 1: the doubled
        # interest's calculation prints under item 2
        rest = f"；并请求强制执行法律文书确定的{'；'.join(parts[1:])}" if len(parts) > 1 else ""
        result = share_items(case, split, general, rest)
        if split is None:
            result += _delay_items(case, delay, general)
    else:
        # a total only where there is something to add up
        total = f"；以上合计{legal_amount(unpaid)}" if len(parts) > 1 else ""
        who = f"{whom_words}向申请执行人支付" if payers(case) else "法律文书确定的债务："
        result = [f"请求强制执行{who}{'；'.join(parts)}{total}。"]
        result += _delay_items(case, delay, general)
    liable = liability_request(case, shares_asked=bool(by_share))
    if liable:
        result.append(liable)
    result.append("本案执行费用由被执行人负担。")
    return result


def _delay_items(case: EnforcementApplication, delay: DelayTotal | None, general: str) -> list[str]:
    """Item 2: the doubled part of the delay interest, asked of those asked for the whole;
    none asked for the whole: the doubled interest is a part of the debt each respondent's
    own request limits him to."""
    if delay is None:
        return []
    whom = (
        f"{payers_words(case)}加倍支付迟延履行期间的债务利息"
        if payers(case)
        else "迟延履行期间加倍支付的债务利息"
    )
    return [
        f"请求强制执行{whom}：其中加倍部分债务利息暂计至"
        f"{format_cn(delay.until)}为{legal_amount(delay.amount)}，此后继续计算至实际履行"
        f"完毕之日{general}。"
    ]


# how an instrument names the costs it orders paid
_COST_WORDS = ("仲裁费", "诉讼费", "受理费", "保全费", "公告费")


def in_instrument_order(operative: str, items: list[tuple[tuple[str, ...], str]]) -> list[str]:
    """The claimed items in the order the operative part names them (an award for 「货款…
    及违约金…，并承担仲裁费…」 claims them so), each found by its words; the principal
    first, as every instrument names it, and an item the part does not name after those it
    does (the judge checks the claim against the instrument item by item:
    执行工作若干问题的规定（试行） art. 18)."""
    if not items:
        return []
    text = "".join(operative.split())

    def found(entry: tuple[int, tuple[tuple[str, ...], str]]) -> tuple[int, int]:
        index, (words, _) = entry
        places = [text.find(word) for word in words if word and word in text]
        return (min(places) if places else len(text), index)

    first, *rest = items
    ordered = sorted(enumerate(rest), key=found)
    return [first[1], *(item for _, (_, item) in ordered)]


def _case_name(case: EnforcementApplication) -> str:
    """The case the instrument ended, as courts name an enforcement's parties, with its
    cause when the instrument states one: 「申请执行人刘芳与被执行人张伟民间借贷纠纷一案，」.
    A notarised debt instrument ended no case: none is named."""
    if case.title.kind == "notarial":
        return ""
    parties = execution_parties(
        [a.party.name for a in case.applicants], [r.name for r in case.respondents]
    )
    return f"{parties}{case.title.cause or ''}一案，"


def _certificate_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """The notary's certificate of the performance, where the instrument is notarised: the
    day it was applied for where given, as it interrupted the period
    (``enforcement_notarial``), then its issue."""
    title = case.title
    if title.kind != "notarial":
        return ""
    when = f"于{format_cn(title.certificate_date)}" if title.certificate_date else "已"
    applied = certificate_application_text(case, assessment)
    return f"{applied}{title.issuer}{when}出具{certificate_words(title)}。"


def facts(case: EnforcementApplication, assessment: Assessment) -> str:
    title = case.title
    if title.installments:
        deadline = installments_text(title, case.application_date)
    elif title.performance_deadline is not None:
        deadline = f"履行期限已于{format_cn(title.performance_deadline)}届满"
    else:
        deadline = "该法律文书未规定履行期间"
    return (
        f"{_case_name(case)}{_effect(case)}该{TITLE_LABELS[title.kind]}确定：{title.operative_part}"
    ) + (
        f"{'' if title.operative_part.endswith('。') else '。'}{deadline}。"
        f"{performed_text(case, assessment)}"
        f"{_certificate_text(case, assessment)}{interruptions_text(case, assessment)}"
        f"{_costs_text(case, assessment)}{liability_facts(case)}"
        f"根据{_basis_articles(case)}的规定，特向贵院申请强制执行。"
    )


_ART_207 = "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零七条）"


def _costs_text(case: EnforcementApplication, assessment: Assessment) -> str:
    """A judgment's court fee (民诉法解释 art. 207): left to the court, said so that the
    respondent's share of it is not taken as forgotten; claimed, said why — the applicant
    agreed to be paid by the respondent directly — so that it is not taken as asked twice;
    taken off by a payment (``enforcement_allocation``), said why a payment went to it."""
    o = case.outstanding
    found = assessment.computed.get("allocation")
    paid = sum((a.to_costs for a in found.payments), Decimal(0)) if found else Decimal(0)
    if case.title.kind != "judgment" or not (o.costs or paid):
        return ""
    if costs_refunded(case.title, o):
        return (
            f"该判决书确定由被执行人负担的诉讼费用人民币{format_yuan(o.costs or Decimal(0))}元，"
            f"申请执行人预交的部分依法由人民法院退还，由被执行人向人民法院交纳{_ART_207}，"
            "不列入本次申请执行的金额。"
        )
    left = o.costs or Decimal(0)
    read = respondent_costs(case)
    whole = read.amount if read is not None else left + paid
    if left == whole:
        done = "一并申请执行"
    elif not left:
        done = "已由履行款项全部抵充"
    else:  # what is left, the sum the request claims
        done = f"尚欠的人民币{format_yuan(left)}元一并申请执行"
    return (
        f"该判决书确定由被执行人负担的诉讼费用人民币{format_yuan(whole)}元，申请执行人同意由"
        f"被执行人直接支付{_ART_207}，{done}。"
    )


def _effect(case: EnforcementApplication) -> str:
    """How the instrument became enforceable: a court's or an arbitral instrument took
    legal effect; a notarised debt instrument was given enforceability by the notary's
    deed (民事诉讼法 art. 249: 经公证机关依法赋予强制执行效力的债权文书), the debt instrument
    named before the deed that gave it effect."""
    title = case.title
    if title.kind == "notarial":
        return notarised_text(case)
    return (
        f"{title.issuer}作出的{title.case_number}{TITLE_LABELS[title.kind]}已于"
        f"{format_cn(title.effective_date)}发生法律效力。"
    )


def _basis_articles(case: EnforcementApplication) -> str:
    """The articles the application rests on: the kind's article of the 民事诉讼法 and art.
    235 (the court); an award also the 仲裁法 art. 62 while the 2017 text is in force (the
    revised law renumbers it; its new number is not cited until checked)."""
    kind = case.title.kind
    words = f"《中华人民共和国民事诉讼法》{APPLY_ARTICLES[kind]}、第二百三十五条"
    if kind == "arbitration" and case.application_date < ARBITRATION_LAW_2017_UNTIL:
        words += "及《中华人民共和国仲裁法》第六十二条"
    return words


def court_basis(case: EnforcementApplication) -> str:
    """「贵院为…，依法享有执行管辖权。」: an award's court named as the intermediate court it
    is (法释〔2018〕5号 art. 2: 被执行人住所地或者被执行的财产所在地的中级人民法院)."""
    if case.court_basis == "property_location" and case.title.kind in COURT_TITLES:
        words = "与第一审人民法院同级的被执行的财产所在地人民法院"
    elif case.title.kind == "arbitration" and "中级人民法院" in case.court:
        words = BASIS_LABELS[case.court_basis].replace("地人民法院", "地的中级人民法院")
    else:
        words = BASIS_LABELS[case.court_basis]
    return f"贵院为{words}，依法享有执行管辖权。"


def delay_text(case: EnforcementApplication, delay: DelayTotal | None) -> str:
    if delay is None:
        return ""
    notes = delay_notes(case.title, delay.until) if case.title.installments else ""
    return f"{delay.text}。{notes}" if notes else delay.text


# where an installment's calculation, or the total of them, starts in the delay text
_DELAY_PART = re.compile(r"(?<=；)(?=第\d+部分|合计)")


def delay_lines(delay: str) -> list[str]:
    """The calculation of the doubled interest as it prints under item 2: 「加倍部分债务利息
    计算：…」, an installment's part (第1部分…) or the total (合计…) opening a line of its
    own, not one run-on sentence."""
    if not delay:
        return []
    first, *rest = _DELAY_PART.split(delay)
    return [f"加倍部分债务利息计算：{first}", *rest]
