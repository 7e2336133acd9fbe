"""The computed figures of a case, as labelled lines a paralegal can read before rendering.

Every document type records what its rules computed (``Report.computed``); the shapes
differ between types, so this looks for the figures people ask about wherever they are:
the total claimed (in figures and in 大写), computed interest, the payment deadline, the
end of the limitation period and the court fee a claim of that total would cost.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from docgen import calculations
from docgen.documents.problems import CaseInvalid
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan, read_figure, rmb_upper

Figure = dict[str, str]

_LIMITATION_STATUS = {"running": "未届满", "expiring": "即将届满", "expired": "可能已届满"}


def _walk(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, value) pair in nested dicts and lists, depth first.

    Calculation sheets are reported whole: their own totals are not the case's total.
    """
    found: list[tuple[str, Any]] = [(key, value)] if key else []
    if key == "sheets":
        return found
    if isinstance(value, dict):
        for sub_key, item in value.items():
            found.extend(_walk(item, str(sub_key)))
    elif isinstance(value, list):
        for item in value:
            found.extend(_walk(item, ""))
    return found


def _decimal(value: Any) -> Decimal | None:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None


def _day(value: Any) -> str:
    try:
        return format_cn(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def figures(computed: dict[str, Any]) -> list[Figure]:
    """Labelled figures found in a report's ``computed`` data, most important first."""
    out: list[Figure] = []
    total: Decimal | None = None
    for key, value in _walk(computed):
        if key == "total" and total is None and not isinstance(value, dict | list):
            total = read_figure(str(value))
            if total is not None and total > 0:
                out.append({"label": "合计金额", "value": f"人民币{format_yuan(total)}元"})
                out.append({"label": "合计金额（大写）", "value": rmb_upper(total)})
        elif key == "sheets" and isinstance(value, list):
            for sheet in value:
                if isinstance(sheet, dict) and "title" in sheet and "total" in sheet:
                    out.append(
                        {
                            "label": f"{sheet['title']}（计算）",
                            "value": f"{sheet['total']}元（{sheet.get('rate', '')}）",
                        }
                    )
        elif key == "deadline" and isinstance(value, dict) and "due" in value:
            out.append({"label": "付款截止日期（自发函日起算）", "value": _day(value["due"])})
        elif key == "limitation" and isinstance(value, dict) and "expires" in value:
            status = _LIMITATION_STATUS.get(str(value.get("status")), "")
            shown = _day(value["expires"]) + (f"（{status}）" if status else "")
            out.append({"label": "诉讼时效届满日", "value": shown})
        elif key == "court_fee" and _decimal(value) is not None:
            out.append({"label": "诉讼费", "value": f"人民币{format_yuan(Decimal(str(value)))}元"})
    if total is not None and total > 0 and not any(f["label"] == "诉讼费" for f in out):
        out.append(_court_fee(total))
    return out


def _court_fee(total: Decimal) -> Figure:
    """The acceptance fee of a claim for ``total`` (诉讼费用交纳办法 art. 13)."""
    try:
        result = calculations.run("court-fee", {"amount": str(total)})
    except CaseInvalid:
        return {"label": "诉讼费（按合计金额起诉，预估）", "value": "无法计算"}
    fee = getattr(result, "fee", None)
    return {
        "label": "诉讼费（按合计金额起诉，预估）",
        "value": f"人民币{format_yuan(Decimal(str(fee)))}元",
    }
