"""Answers of a civil complaint that contradict one another, as the element-based form
(要素式, 法〔2025〕82号) prints them side by side: acceleration and rescission chosen
together, overdue interest claimed from before the day the form says the debt is
overdue, a pre-suit preservation ticked without its court, date or ruling, an interest or
违约金 typed as a sum where the form asks how it was computed. Warnings: the
plaintiff may have reasons the case data does not show, and the court asks them to
clarify (释明) rather than refuse the filing. Acceleration with rescission is the
exception, an error: the two ask for different claims (see its check)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

OVERDUE_WORDS = ("逾期", "罚息", "迟延")
"""A component named so is interest for the time the debt is overdue."""
OVERDUE_ITEMS = {
    "private_lending": "第9项「是否存在逾期还款」",
    "financial_loan": "第9项「是否存在逾期还款」",
    "sale": "第9项「是否存在迟延履行」",
}
"""The forms that print the day the debt became overdue, and where."""


def check_form_answers(result: Assessment, case: CivilComplaint, overdue_from: date) -> None:
    _check_acceleration_and_rescission(result, case)
    if case.layout != "elements":
        return
    _check_overdue_start(result, case, overdue_from)
    _check_preservation_details(result, case)
    _check_typed_without_basis(result, case)


def _check_acceleration_and_rescission(result: Assessment, case: CivilComplaint) -> None:
    """Acceleration and rescission are alternatives, and they lead to different claims, so
    the two together are refused, not warned of. 民法典 art. 673 lists them apart
    (「提前收回借款或者解除合同」) and the form asks 「提前还款或解除合同」. Acceleration is a
    right under the contract: the contract stays in force, the rest falls due now, and
    the agreed interest, overdue interest and 违约金 run on it. Rescission (arts. 562(2),
    563) ends the contract, on service of the complaint's copy where it is claimed by suit
    (art. 565(2)); what is unperformed is discharged, and the claim is for restitution and
    damages (art. 566(1)), the agreed liability for breach only as art. 566(2) allows. A
    complaint ticking both asks for performance of a contract it asks to end: its claims
    are not definite (民事诉讼法 art. 124(3)), the court asks the plaintiff to choose, and
    the judgment can grant one at most. The user chooses before the complaint prints."""
    if case.acceleration is None or not case.rescind_contract:
        return
    result.error(
        ("rescind_contract",),
        "acceleration_and_rescission",
        f"同时主张提前还款（加速到期，依合同{case.acceleration.clause}宣布）和解除合同：加速到期"
        "依合同主张，合同继续有效，剩余借款立即到期并按约定计收利息、逾期利息和违约金；解除合同"
        "则使合同终止，尚未履行的终止履行，请求的是恢复原状和赔偿损失（《中华人民共和国民法典》"
        "第五百六十三条、第五百六十六条）。二者择一主张（第六百七十三条：提前收回借款或者解除合同），"
        "同时主张则诉讼请求不明确（《中华人民共和国民事诉讼法》第一百二十四条第三项）",
        hint="请只保留一项：已宣布提前到期的，取消「请求解除合同」；请求解除的，删除「提前到期」",
    )


def _check_overdue_start(result: Assessment, case: CivilComplaint, overdue_from: date) -> None:
    """The form states 「逾期时间：自…起」 (the day after the whole debt fell due); an
    overdue interest claimed from an earlier day says the debt was overdue before it."""
    item = OVERDUE_ITEMS.get(case.contract.kind)
    if item is None or overdue_from > case.filing_date:
        return  # not yet due: that error is the one to fix
    for i, component in enumerate(case.amounts.components):
        calc = component.calculation
        label = component.display_label
        if calc is None or not any(word in label for word in OVERDUE_WORDS):
            continue
        if calc.start < overdue_from:
            loc: Loc = ("amounts", "components", i, "calculation", "start")
            result.warn(
                loc,
                "overdue_start_differs",
                f"「{label}」自{format_cn(calc.start)}起计算，而要素式{item}载明自"
                f"{format_cn(overdue_from)}起逾期（全部债务到期或宣布提前到期的次日）："
                "同一份起诉状中的逾期起算日前后不一",
                hint="逾期前的期间按约定利率计收的是期内利息，请分列为「利息」；"
                "或核对到期日、提前到期日期",
            )


def _check_preservation_details(result: Assessment, case: CivilComplaint) -> None:
    """「是否已经诉前保全 ■是」 asks the court, the date and the ruling's case number
    (民事诉讼法 art. 104: the court rules on a pre-suit application, and the applicant
    sues within 30 days of the measures); ticked without them the form prints blanks."""
    if not case.preservation_applied and case.preservation is None:
        return
    missing = _missing_preservation(case)
    if missing is None:
        return
    loc, what = missing
    result.warn(
        loc,
        "preservation_details_missing",
        f"已勾选「已经诉前保全」，但未填写{what}：要素式将在该处留空"
        "（诉前保全由法院裁定，起诉时应写明保全法院、时间和案号）",
        hint="尚未取得诉前保全裁定的，请取消「已申请财产保全」；诉讼保全另行提交申请",
    )


def _missing_preservation(case: CivilComplaint) -> tuple[Loc, str] | None:
    """The first field of the preservation left open, and every part missing."""
    held = case.preservation
    if held is None:
        return ("preservation",), "保全法院、保全时间、保全案号"
    fields = (
        ("ordered_on", held.ordered_on, "保全时间"),
        ("case_number", held.case_number, "保全案号"),
    )
    absent = [(name, label) for name, value, label in fields if value is None]
    if not absent:
        return None
    return ("preservation", absent[0][0]), "、".join(label for _, label in absent)


def _check_typed_without_basis(result: Assessment, case: CivilComplaint) -> None:
    """Each element form asks how the interest (复利、罚息、违约金 …) was computed
    (「计算方式」); an amount typed without a calculation or a note prints no basis, and
    a court checks what it cannot recompute. A pleading states each sum with its basis
    (民事诉讼法 art. 124(3): 诉讼请求和所根据的事实与理由)."""
    for i, component in enumerate(case.amounts.components):
        if component.kind not in ("interest", "penalty"):
            continue
        if component.calculation is not None or component.note:
            continue
        result.warn(
            ("amounts", "components", i),
            "calculation_not_stated",
            f"「{component.display_label}」直接填写了金额，未填写计算方式或说明：要素式的"
            "「计算方式」将不写明该项，法院无从核对（起诉状应写明诉讼请求所根据的事实与理由，"
            "《中华人民共和国民事诉讼法》第一百二十四条第（三）项）",
            hint="请填写该项的计算（基数、利率、起止日期），或在「计算说明」中写明计算方式"
            "（如 以953.42元为基数，按年利率6.525%自2025年12月11日计算至2026年10月31日）",
        )
