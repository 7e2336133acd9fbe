"""The civil complaint's rules on time: the interest claimed until payment (its start and
the lending cap), the limitation period, a pre-suit preservation's date and court; and the
loan facts against the amounts claimed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.base import RuleOptions
from docgen.documents.case_numbers import check_case_number
from docgen.documents.court_names import COURT, check_filed_court, not_a_court_problem
from docgen.documents.interest_periods import check_interest_after_delivery
from docgen.documents.parts import ResolvedAmounts, limitation_of
from docgen.documents.problems import Assessment, Loc
from docgen.domain.cap_rates import cap_percent
from docgen.domain.dates import format_cn
from docgen.domain.interest import RateSpec
from docgen.domain.lpr import LprNotAvailable, format_percent
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


def check_running_interest(result: Assessment, case: CivilComplaint, options: RuleOptions) -> None:
    running = case.running_interest
    if running is None:
        return
    loc: Loc = ("running_interest",)
    if running.start <= case.amounts.as_of:
        result.error(
            (*loc, "start"),
            "overlaps_claimed_period",
            f"起算日（{format_cn(running.start)}）应晚于欠款金额的截至日期"
            f"（{format_cn(case.amounts.as_of)}），否则同一期间的利息被重复主张",
        )
    principal = sum(
        (c.amount or Decimal(0) for c in case.amounts.components if c.kind == "principal"),
        Decimal(0),
    )
    if running.base is not None and running.base > principal:
        result.error(
            (*loc, "base"),
            "base_above_principal",
            f"计息基数（人民币{format_yuan(running.base)}元）不得超过主张的本金"
            f"（人民币{format_yuan(principal)}元）",
        )
    if case.contract.kind != "private_lending":
        return
    try:
        annual, _ = running.rate.spec().annual_percent_on(running.start, options.lpr_table)
        cap = cap_percent(
            case.contract.signed_on, running.start, options.lpr_table, filing_date=case.filing_date
        )
    except (ValueError, LprNotAvailable) as exc:
        result.error((*loc, "rate"), "rate_not_computable", str(exc))
        return
    if annual > cap.annual_percent:
        result.error(
            (*loc, "rate"),
            "above_legal_cap",
            f"{_rate_text(running.rate.spec(), annual)}超过民间借贷"
            f"利率上限{cap.label}；{cap.basis}",
        )


def _rate_text(rate: RateSpec, annual: Decimal) -> str:
    if rate.kind == "annual":
        return rate.describe()
    return f"{rate.describe()}（折合年利率{format_percent(annual)}%）"


def check_limitation(result: Assessment, case: CivilComplaint, due: date) -> None:
    """Block a complaint on a time-barred claim unless an interruption keeps it alive."""
    status = limitation_of(due, case.prior_interruptions, case.filing_date)
    result.computed["limitation"] = status
    if status.status == "expired" and not status.waived:
        recorded = (
            "已填写的中断事由均发生在期间届满之后或起算之前，不能中断时效；"
            if case.prior_interruptions
            else ""
        )
        result.error(
            ("contract", "due_date"),
            "limitation_expired",
            f"诉讼时效期间已于{format_cn(status.expires)}届满（自{format_cn(status.started_from)}"
            f"起算三年，《民法典》第一百八十八条），{recorded}起诉将面临被告的时效抗辩，"
            "不能生成起诉状",
            hint="如有催收送达、还款、债务确认等中断事由，请在「诉讼时效中断事由」中填写",
        )
    elif status.status == "expiring":
        result.warn(
            ("contract", "due_date"),
            "limitation_expiring",
            f"诉讼时效期间将于{format_cn(status.expires)}届满，仅剩{status.days_left}日，"
            "请尽快立案",
        )


PRESERVATION_DAYS = 30
"""民事诉讼法 art. 104(3): a pre-suit preservation is lifted when no suit is filed within
30 days after the measures were taken."""


def check_preservation(result: Assessment, case: CivilComplaint) -> None:
    held = case.preservation
    if held is not None:
        check_preservation_court(result, held.court, held.case_number)
        check_case_number(result, held.case_number, ("preservation", "case_number"), held.court)
        if held.case_number is None and case.layout != "elements":  # the form warns its own
            result.warn(
                ("preservation", "case_number"),
                "preservation_ruling_unnumbered",
                "已填写诉前保全，但未填写保全案号：附项中不会列出诉前保全的民事裁定书"
                "（诉前保全由人民法院裁定，《中华人民共和国民事诉讼法》第一百零四条第一款）",
                hint="请按保全裁定书填写案号，如（2026）粤0304财保123号；尚未取得裁定的，"
                "请删除诉前保全",
            )
    if held is None or held.ordered_on is None:
        return
    loc: Loc = ("preservation", "ordered_on")
    if held.ordered_on > case.filing_date:
        result.error(
            loc,
            "after_filing",
            f"诉前保全时间（{format_cn(held.ordered_on)}）不得晚于起诉日期"
            f"（{format_cn(case.filing_date)}）；起诉后申请的保全为诉讼保全",
        )
    elif case.filing_date > held.ordered_on + timedelta(days=PRESERVATION_DAYS):
        result.warn(
            loc,
            "preservation_lapsed",
            f"诉前保全措施于{format_cn(held.ordered_on)}采取，起诉日期已超过三十日，"
            "法院应当解除保全（《中华人民共和国民事诉讼法》第一百零四条第三款）",
        )


PRESERVATION_ARTICLE = "《中华人民共和国民事诉讼法》第一百零四条第一款"


def check_preservation_court(result: Assessment, court: str, case_number: str | None) -> None:
    """The court that ordered the pre-suit preservation, as every court a filing names:
    a 人民法院 by its full name (``court_names``), printed so by the element form
    (``court_name_by_number``: the full name, or the one the ruling's number tells). A
    pre-suit preservation is ordered by a people's court only (民事诉讼法 art. 104(1): 向
    被保全财产所在地、被申请人住所地或者对案件有管辖权的人民法院申请), so a name that is no
    court's (an arbitration commission, a 公安局) is refused as such, and a court's short
    name (「福田法院」, 「深圳中院」) with the full names it may stand for."""
    loc: Loc = ("preservation", "court")
    if court.endswith(COURT):
        # a short name the ruling's number does not tell is printed as typed, and warned of
        check_filed_court(result, court, "起诉状", case_number=case_number, loc=loc)
        return
    if court.endswith(("法院", "中院")):  # a court's short name (福田法院, 深圳中院)
        _, hint = not_a_court_problem(court)  # the full names the short one may stand for
        result.error(
            loc,
            "not_a_court",
            f"保全法院「{court}」不是法院的全称：起诉状写明的法院须为全称，以“人民法院”结尾，"
            "冠以省、自治区、直辖市名称",
            hint=hint,
        )
        return
    result.error(
        loc,
        "not_a_court",
        f"保全法院「{court}」不是人民法院：诉前保全由人民法院裁定采取（{PRESERVATION_ARTICLE}），"
        "要素式起诉状写明作出保全裁定的法院",
        hint="请填写作出诉前保全裁定的人民法院的全称，如 广东省深圳市福田区人民法院",
    )


def check_loan(result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts) -> None:
    """The loan facts against the amounts: no more delivered than agreed, nor a delivery
    a year before the contract; the principal claimed no more than delivered less repaid."""
    loan = case.loan
    if loan is None:
        return
    if loan.delivered_amount > loan.agreed_amount:
        result.error(
            ("loan", "delivered_amount"),
            "delivered_above_agreed",
            f"实际出借金额（人民币{format_yuan(loan.delivered_amount)}元）不应超过约定借款金额"
            f"（人民币{format_yuan(loan.agreed_amount)}元）",
        )
    if loan.delivered_on < case.contract.signed_on - timedelta(days=366):
        result.error(("loan", "delivered_on"), "implausible", "出借日期早于合同签订日期一年以上")
    check_interest_after_delivery(result, case.amounts, loan.delivered_on, ("amounts",))
    outstanding = loan.delivered_amount - (loan.repaid_principal or Decimal(0))
    principal = [
        (i, value)
        for i, (c, value) in enumerate(zip(case.amounts.components, resolved.amounts, strict=True))
        if c.kind == "principal"
    ]
    claimed = sum((value for _, value in principal), Decimal(0))
    if principal and claimed > outstanding:
        first = principal[0][0]
        result.error(
            ("amounts", "components", first, "amount"),
            "principal_above_delivered",
            f"主张的本金（人民币{format_yuan(claimed)}元）超过实际出借金额减已还本金"
            f"（人民币{format_yuan(outstanding)}元）；借款本金以实际交付的金额为准"
            + (
                "（《中华人民共和国民法典》第六百七十条）"
                if case.contract.kind == "financial_loan"
                else "（法释〔2020〕17号第二十六条）"
            ),
        )
