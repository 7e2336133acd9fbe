"""The exhibits an application rests on and is filed with (支付令申请书, 财产保全申请书): each
with its source and what it proves, printed as a table and counted in the 「附：」 list.

- Each exhibit says where it comes from and what it proves: the submitter states each
  exhibit's 来源、证明对象和内容 (民事证据规定, 法释〔2019〕19号, art. 19); the table prints
  both columns for every exhibit, and an exhibit without one is warned of (the court has
  it supplemented, 民诉法解释 art. 426 for the payment order).
- The 附 counts the exhibits the table lists (「证据材料3份」), not the copies of the
  application.
- An exhibit typed as its name alone (the earlier form, and what a letter's case carries
  over) is the exhibit of that name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import Field

from docgen.documents.problems import Assessment, Loc
from docgen.domain.fields import CaseModel, Line, Text

_RULES = "《最高人民法院关于民事诉讼证据的若干规定》第十九条"


class FiledExhibit(CaseModel):
    """An exhibit the application rests on, with its source and what it proves, as the
    submitter describes each exhibit (民事证据规定 (法释〔2019〕19号) art. 19: 来源、证明对象
    和内容)."""

    name: Line = Field(title="证据名称", description="如 《借款合同》及借条")
    source: Line | None = Field(
        default=None, title="证据来源", description="如 申请人持有；银行出具"
    )
    purpose: Text | None = Field(default=None, title="证明目的")


def named_only(value: Any) -> Any:
    """A list's exhibits typed as names alone read as the exhibits of those names (for a
    model's ``field_validator(mode="before")``)."""
    if isinstance(value, list):
        return [{"name": item} if isinstance(item, str) else item for item in value]
    return value


def check_exhibits(
    result: Assessment, exhibits: Sequence[FiledExhibit], loc: Loc = ("evidence",)
) -> None:
    """Warn of an exhibit without its source or its purpose (民事证据规定 art. 19): its
    cell of the table is left blank."""
    for i, exhibit in enumerate(exhibits):
        if not exhibit.source:
            result.warn(
                (*loc, i, "source"),
                "source_missing",
                f"请写明证据「{exhibit.name}」的来源（{_RULES}）",
                hint="如 申请人持有；中国工商银行出具",
            )
        if not exhibit.purpose:
            result.warn(
                (*loc, i, "purpose"),
                "purpose_missing",
                f"请写明证据「{exhibit.name}」的证明目的（证明对象和内容，{_RULES}）：证据表的"
                "「证明目的」一栏将留空",
                hint="如 证明双方的买卖合同关系及付款期限",
            )


def exhibit_rows(exhibits: Sequence[FiledExhibit]) -> list[dict[str, Any]]:
    """The table's rows: number, name, source, purpose (a blank for one not given)."""
    return [
        {"no": i + 1, "name": e.name, "source": e.source or "", "purpose": e.purpose or ""}
        for i, e in enumerate(exhibits)
    ]


def exhibits_filed(exhibits: Sequence[FiledExhibit]) -> str:
    """「证据材料3份」: the 附's count of the exhibits the table lists."""
    return f"证据材料{len(exhibits)}份"
