"""What a bundle's cover states: its parties and its acceptance fee, each said once (by
the complaint when there is one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from docgen.bundle.model import BundleCase
from docgen.documents.court_names import court_name, same_court
from docgen.documents.problems import Problem
from docgen.domain.court_fees import acceptance_fee
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan


@dataclass(frozen=True)
class CoverFee:
    """The acceptance fee the cover prints: the complaint's own figure when it has one."""

    fee: Decimal
    amount: Decimal
    basis: str


def fee_of(case: BundleCase) -> CoverFee | None:
    """A bundle without a complaint that computes a fee: from its own claim amount."""
    if case.claim_amount is None:
        return None
    result = acceptance_fee(case.claim_amount, procedure=case.procedure or "ordinary")
    return CoverFee(result.fee, result.amount, result.statement)  # filed: no operator note


def parties_from(case: BundleCase, filing: dict[str, Any], problems: list[Problem]) -> BundleCase:
    """The complaint's parties on the cover; a different list in the bundle is an error.

    So is a different court: the cover and the evidence list are addressed to the court the
    complaint is (福州市… and 福建省福州市… are one court: each prints the full name). A
    name several places bear (朝阳区人民法院) is the court the complaint told it is
    (``printed_court``, from a connecting point: ``court_names.check_filed_court``): typed
    so in the bundle too, the bundle names that court; typed in full, it is compared."""
    court, printed = filing.get("court"), filing.get("printed_court")
    update: dict[str, Any] = {}
    if isinstance(court, str):
        told = printed if isinstance(printed, str) else court
        if not (same_court(court, case.court) or same_court(told, case.court)):
            problems.append(
                Problem(
                    ("court",),
                    "court_mismatch",
                    f"封面的受诉法院（{case.court}）与起诉状的受诉法院（{court}）不一致",
                )
            )
        elif court == case.court and told != court:
            update["court"] = told
    kinds = filing.get("plaintiff_kinds")
    # the plaintiffs submit: the list's signing lines are theirs (a person signs by name,
    # an organisation seals), as the stand-alone evidence list prints them
    plaintiffs_submit = not case.submitter and case.submitter_kind is None
    if plaintiffs_submit and isinstance(kinds, list) and len(kinds) == 1:
        update["submitter_kind"] = kinds[0]
    for field_name, label in (("plaintiffs", "原告"), ("defendants", "被告")):
        named = [str(name) for name in filing.get(field_name) or []]
        given: list[str] = getattr(case, field_name)
        if given and sorted(given) != sorted(named):
            problems.append(
                Problem(
                    (field_name,),
                    "parties_mismatch",
                    f"封面的{label}（{'、'.join(given)}）与起诉状的{label}"
                    f"（{'、'.join(named)}）不一致",
                    f"附起诉状时可不填{label}，封面按起诉状列明",
                )
            )
        update[field_name] = named
    return case.model_copy(update=update)


def check_parties_given(case: BundleCase | dict[str, Any], problems: list[Problem]) -> None:
    """Without a complaint to take them from, the bundle names its parties."""
    for field_name, label in (("plaintiffs", "原告"), ("defendants", "被告")):
        reported = any(p.loc[:1] == (field_name,) for p in problems)
        given = case.get(field_name) if isinstance(case, dict) else getattr(case, field_name)
        if not given and not reported:
            problems.append(
                Problem(
                    (field_name,),
                    "missing",
                    f"请填写{label}，或附起诉状（封面按起诉状列明当事人）",
                )
            )


def cover_context(
    case: BundleCase, copy_label: str, titles: Sequence[str], fee: CoverFee | None, note: str
) -> dict[str, Any]:
    """What the cover prints: the case, the parts the file holds (the original's, or a
    copy's), the fee and, on a copy, the pages of the original it leaves out."""
    fee_text = fee_basis = ""
    if fee is not None:
        fee_text = f"人民币{format_yuan(fee.fee)}元"
        fee_basis = fee.basis  # it names the claim amount itself
    return {
        "title": "民事起诉材料",
        "copy_label": copy_label,
        "court": court_name(case.court),
        "case_type": case.case_type,
        "plaintiffs": "、".join(case.plaintiffs),
        "defendants": "、".join(case.defendants),
        "fee": fee_text,
        "fee_basis": fee_basis,
        "contents": "、".join([*titles, "证据目录", "证据"]),
        "note": note,
        "filing_date": format_cn(case.filing_date),
    }
