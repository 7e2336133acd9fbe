"""What the papers filed with a complaint share: the case they are filed in.

The power of attorney, the law firm's letter, the certificate of the legal representative
and the service address confirmation each name the court, the cause of action and the
parties of one case. A filing bundle fills this in from the complaint, so the facts are
typed once (``docgen.bundle.papers``).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from docgen.documents.court_parts import check_court
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, ShortText
from docgen.domain.identity import IdentityError, parse_resident_id


class CaseRef(CaseModel):
    """The case a paper is filed in."""

    court: Line = Field(title="受诉法院", description="如：北京市东城区人民法院")
    cause: Line = Field(default="民间借贷纠纷", title="案由")
    case_number: ShortText | None = Field(default=None, title="案号", description="已立案的填写")
    plaintiffs: list[Line] = Field(title="原告", min_length=1, max_length=20)
    defendants: list[Line] = Field(title="被告", min_length=1, max_length=50)


def check_case(result: Assessment, ref: CaseRef, loc: Loc = ("case",)) -> None:
    """The court by its full name; no one on both sides."""
    inner = Assessment()
    check_court(inner, ref.court)
    for problem in inner.problems:
        result.error((*loc, "court"), problem.code, problem.message)
    for i, name in enumerate(ref.defendants):
        if name in ref.plaintiffs:
            result.error((*loc, "defendants", i), "same_party", f"「{name}」不能同时是原告和被告")


def role_of(ref: CaseRef, name: str) -> str | None:
    """原告 or 被告, or None when ``name`` is no party of the case."""
    if name in ref.plaintiffs:
        return "原告"
    if name in ref.defendants:
        return "被告"
    return None


def check_is_party(result: Assessment, ref: CaseRef, name: str, loc: Loc, what: str) -> None:
    if role_of(ref, name) is None:
        parties = "、".join([*ref.plaintiffs, *ref.defendants])
        result.error(
            loc,
            "not_a_party",
            f"{what}「{name}」不是本案当事人（本案当事人：{parties}）",
            hint="请核对名称，须与起诉状所列当事人完全一致",
        )


def opponents(ref: CaseRef, name: str) -> list[str]:
    """The parties on the other side of ``name``."""
    return ref.defendants if name in ref.plaintiffs else ref.plaintiffs


def case_title(ref: CaseRef) -> str:
    """``原告刘芳诉被告张伟、李秀英民间借贷纠纷一案`` (with its number once there is one)."""
    number = f"（{ref.case_number}）" if ref.case_number else ""
    return (
        f"原告{'、'.join(ref.plaintiffs)}诉被告{'、'.join(ref.defendants)}{ref.cause}一案{number}"
    )


def check_resident_id(result: Assessment, value: str | None, loc: Loc) -> None:
    """An ID number given for a person named only by name (an agent, a representative)."""
    if value is None:
        return
    try:
        parse_resident_id(value)
    except IdentityError as exc:
        result.error(loc, exc.code, exc.message)


def check_date(result: Assessment, day: date, today: date, loc: Loc) -> None:
    """A paper is signed on the day it is made: a later date is most likely a typing slip."""
    if day > today:
        result.warn(loc, "date_in_future", f"日期（{format_cn(day)}）晚于今天，请确认")
