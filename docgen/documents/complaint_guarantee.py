"""What a civil complaint states of a sued guarantor's guarantee (事实与理由): the contract,
the type and why, a maximum guarantee's amount and period, and the 保证期间 — agreed, or
the statutory six months with its basis — as it holds on the complaint's own reading."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from docgen.documents.guarantor_rules import ACCELERATED_DUE, SuitDates, fixed_early, sued_statuses
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import DUE_WORDS, Guarantee, GuaranteePeriod
from docgen.domain.money import format_yuan

GUARANTEE_PERIOD_ARTICLE = "《中华人民共和国民法典》第六百九十二条第二款"
GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"


def check_period_chosen(result: Assessment, guarantee: Guarantee, name: str, loc: Loc) -> None:
    """The 保证期间 is the guarantee contract's term: the complaint states it (and whether
    the guarantor is still liable turns on it, arts. 692–693), so it is asked, not assumed."""
    if guarantee.period is None:
        result.error(
            (*loc, "period"),
            "missing",
            f"请按保证合同选择被告{name}的保证期间（约定了保证期间、未约定，或约定直至主债务"
            f"本息还清时为止）：起诉状将据此写明保证期间及其届满日（{GUARANTEE_PERIOD_ARTICLE}）",
        )


def period_words(guarantee: Guarantee, period: GuaranteePeriod, suit: SuitDates) -> str:
    """The 保证期间 as a complaint states it: an agreed one as agreed (「保证合同约定保证期间至
    2028年1月10日」); the statutory six months with why the contract's does not count and
    from which day it runs (民法典 art. 692(2): not agreed, unclear, or ending no later than
    the principal debt; 担保制度解释 art. 32: 「直至主债务本息还清时为止」; art. 30: a maximum
    guarantee from the day its debts were fixed), so that a computed date is never read as
    one the parties agreed."""
    end = format_cn(period.end)
    if not period.statutory:
        return f"保证合同约定保证期间至{end}"
    agreed = guarantee.period_end
    if guarantee.period == "agreed" and agreed is not None:
        why = (
            f"保证合同约定的保证期间（至{format_cn(agreed)}）不晚于主债务履行期限届满之日，"
            "视为没有约定"
        )
    elif guarantee.period == "until_repaid":
        why = (
            f"保证合同约定保证责任直至主债务本息还清时为止，视为约定不明（{GUARANTEE_RULES}"
            "第三十二条）"
        )
    else:
        why = "保证合同未约定保证期间"
    due = suit.accelerated_on if suit.accelerated and suit.accelerated_on else suit.due
    if guarantee.maximum is not None and period.due > due:
        start = f"债权确定之日（{format_cn(period.due)}，{GUARANTEE_RULES}第三十条）"
    else:
        words = ACCELERATED_DUE if suit.accelerated else DUE_WORDS
        start = f"{words}（{format_cn(period.due)}）"
    return f"{why}，依照{GUARANTEE_PERIOD_ARTICLE}，保证期间为{start}起六个月，即至{end}"


def guarantee_fact(
    name: str,
    guarantee: Guarantee,
    source: str | None,
    suit: SuitDates,
    fixing: tuple[date, str] | None = None,
) -> str:
    """被告X为上述债务提供…保证 — the contract, the type (and why), the amount and period;
    ``fixing``: the day a maximum guarantee's debts were fixed early, and why. The period
    is stated only where it holds on the complaint's own reading (from the acceleration,
    if any: :func:`sued_statuses`); one that lapsed on that reading is not stated."""
    text = f"被告{name}为上述债务提供{'最高额' if guarantee.maximum else ''}保证"
    if source:
        text += f"（{source}）"
    if guarantee.type == "not_stated":
        text += (
            "，保证合同未约定保证方式，依照《中华人民共和国民法典》第六百八十六条第二款"
            "按照一般保证承担保证责任"
        )
    else:
        text += f"，保证方式为{guarantee.label}"
    maximum = guarantee.maximum
    if maximum is not None:
        text += (
            f"，债权确定期间为{format_cn(maximum.period_start)}至{format_cn(maximum.period_end)}，"
            f"最高债权额为人民币{format_yuan(maximum.amount)}元"
        )
        if fixing is not None:
            text += f"，担保的债权已于{format_cn(fixing[0])}确定（{fixing[1]}）"
    judged = fixed_early(guarantee, fixing[0] if fixing else None)
    status, _ = sued_statuses(judged, suit)
    if status.lapsed:
        return text + "。"
    text += f"，{period_words(judged, status.period, suit)}"
    preserved = status.preserved_on
    if status.type == "joint" and preserved is not None and preserved != suit.filing_date:
        # the demand within the period is why the guarantor is still liable (art. 693(2))
        text += f"；原告已于{format_cn(preserved)}要求被告{name}承担保证责任"
    return text + "。"


JOINT_CLAIM_ARTICLE = "《中华人民共和国民法典》第六百八十八条第二款"
GENERAL_DEFENCE_ARTICLE = "《中华人民共和国民法典》第六百八十七条第二款"
JOINT_SUIT_RULE = f"{GUARANTEE_RULES}第二十六条第二款"


def guarantor_default(name: str, guarantee: Guarantee, debtors: str, suit: SuitDates) -> str:
    """What the guarantor has not done, the fact the claim against it rests on, told in the
    paragraph after the debtor's default (``debtors``: 「被告张伟」), worded by the kind:

    - joint (民法典 art. 688(2)): the debtor not paying the debt due, the creditor may ask
      the guarantor at once; the guarantor has not paid, though asked on the day the case
      records (``claimed_on``, after the debt fell due), else simply has not;
    - general (art. 687(2); 担保制度解释 art. 26(2)): the guarantor may refuse until
      enforcement against the debtor fails, so it is in default of nothing yet; sued with
      the debtor, it is claimed against for what enforcement leaves unpaid, and the
      complaint says so rather than asserting a default (under an exception of art.
      687(2) the exception is told instead: complaint_beneficium.joint_suit_fact)."""
    if guarantee.resolved_type == "general":
        return (
            f"被告{name}为一般保证人，依照{GENERAL_DEFENCE_ARTICLE}及{JOINT_SUIT_RULE}，"
            f"原告一并起诉{debtors}与被告{name}，请求被告{name}对{debtors}的财产依法强制执行"
            "后仍不能履行的部分承担保证责任。"
        )
    return (
        f"{joint_default_fact(name, guarantee, suit)}。依照{JOINT_CLAIM_ARTICLE}，原告有权请求"
        f"被告{name}在其保证范围内承担保证责任。"
    )


def joint_default_fact(
    name: str, guarantee: Guarantee, suit: SuitDates, dated: bool = False
) -> str:
    """「被告李秀英作为连带责任保证人，经原告要求承担保证责任，至今未履行」 where a demand
    within the 保证期间 is recorded, else 「…，亦未承担保证责任」; without a full stop. The
    narrative dates the demand where it tells the guarantee (guarantee_fact); the element
    forms' 「其他需要说明的内容」 tell it nowhere else, so there it is dated here
    (``dated``: 「经原告于2025年12月15日要求…」), the day that keeps the guarantor liable
    (民法典 art. 693(2))."""
    status, _ = sued_statuses(guarantee, suit)
    preserved = status.preserved_on
    if preserved is not None and preserved != suit.filing_date:
        when = f"于{format_cn(preserved)}" if dated else ""
        return f"被告{name}作为连带责任保证人，经原告{when}要求承担保证责任，至今未履行"
    return f"被告{name}作为连带责任保证人，亦未承担保证责任"


def check_general_guarantor_sued_alone(
    result: Assessment, guarantees: Sequence[tuple[int, str, Guarantee]], debtor_sued: bool
) -> None:
    """A general guarantor may refuse to pay until the debtor has been sued and enforcement
    against the debtor's property has failed (先诉抗辩权, 民法典 art. 687(2)); a creditor
    who sues a general guarantor without having sued the debtor has the suit dismissed
    (担保制度解释 art. 26(1): 应当驳回起诉). ``guarantees``: each sued guarantor's index,
    name and guarantee; ``debtor_sued``: a borrower is among the defendants."""
    if debtor_sued:
        return
    for i, name, guarantee in guarantees:
        if guarantee.resolved_type != "general":
            continue
        presumed = (
            "保证合同未约定保证方式，按照一般保证承担保证责任；"
            if guarantee.type == "not_stated"
            else ""
        )
        result.error(
            ("defendants", i, "guarantee"),
            "general_guarantor_sued_without_debtor",
            f"{presumed}被告{name}是一般保证人，在主合同纠纷未经审判或者仲裁，并就债务人财产依法"
            f"强制执行仍不能履行债务前，有权拒绝承担保证责任（{GENERAL_DEFENCE_ARTICLE}）；未就主"
            f"合同纠纷起诉债务人而仅起诉一般保证人的，人民法院应当驳回起诉（{GUARANTEE_RULES}"
            "第二十六条第一款）",
            hint="请将债务人（借款人）一并列为被告，起诉状将请求一般保证人对债务人的财产依法强制"
            "执行后仍不能履行的部分承担保证责任；已起诉债务人并经强制执行终结本次执行程序的，"
            "请填写该裁定、对债务人起诉的日期和先诉抗辩权消灭之日；有该款第（一）至（四）项所列"
            "情形（债务人下落不明且无财产可供执行、债务人破产案件已受理、债务人财产不足以履行"
            "全部债务或者丧失履行债务能力、保证人书面放弃）的，请填写「先诉抗辩权的除外情形」",
        )
