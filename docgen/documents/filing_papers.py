"""What the papers filed with a complaint share: the case they are filed in.

The power of attorney, the law firm's letter, the certificate of the legal representative
and the service address confirmation each name the court, the cause of action and the
parties of one case. A filing bundle fills this in from the complaint, so the facts are
typed once (``docgen.bundle.papers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import Field

from docgen.documents.case_numbers import check_case_number
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


def check_case(
    result: Assessment, ref: CaseRef, loc: Loc = ("case",), proceeding: str | None = None
) -> None:
    """The court by its full name; the case number's format, and its type code against
    the ``proceeding`` the paper is for when it says (``case_numbers``); no one on both
    sides."""
    inner = Assessment()
    check_court(inner, ref.court)
    for problem in inner.problems:
        result.error((*loc, "court"), problem.code, problem.message)
    check_case_number(result, ref.case_number, (*loc, "case_number"), ref.court, proceeding)
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


def case_title(ref: CaseRef, appellants: Sequence[str] = ()) -> str:
    """``（2026）京0101民初1234号原告刘芳诉被告张伟、李秀英民间借贷纠纷一案``: the number,
    once there is one, goes first as courts write it (it carries its own parentheses).
    With ``appellants`` the parties are named as at second instance (``appeal_roles``):
    ``上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、原审被告李秀英…一案``."""
    number = ref.case_number or ""
    if not appellants:
        plaintiffs, defendants = "、".join(ref.plaintiffs), "、".join(ref.defendants)
        return f"{number}原告{plaintiffs}诉被告{defendants}{ref.cause}一案"
    roles = appeal_roles(ref, appellants)
    first = {name: role for role, names in _sides(ref) for name in names}

    def named(role: str) -> str:
        return "、".join(f"{n}（原审{first[n]}）" for n, r in roles.items() if r == role)

    title = f"上诉人{named('上诉人')}"
    if respondents := named("被上诉人"):
        title += f"与被上诉人{respondents}"
    for side in ("原告", "被告"):
        if others := [n for n, r in roles.items() if r == f"原审{side}"]:
            title += f"、原审{side}{'、'.join(others)}"
    return f"{number}{title}{ref.cause}一案"


def appeal_roles(ref: CaseRef, appellants: Sequence[str]) -> dict[str, str]:
    """Each party's designation at second instance, in the order of the first: who
    appealed is 上诉人 (both sides appealing: both are, 民诉法解释 art. 317 in the 2015
    numbering); the other side 被上诉人; a party of an appellant's side that did not
    appeal is named as at first instance, 原审原告/原审被告 (民诉法解释 art. 319(1) in the
    2015 numbering: an appeal about the obligations towards the other side only)."""
    appealing = {side for side, names in _sides(ref) if set(names) & set(appellants)}
    roles: dict[str, str] = {}
    for side, names in _sides(ref):
        for name in names:
            if name in appellants:
                roles[name] = "上诉人"
            else:
                roles[name] = f"原审{side}" if side in appealing else "被上诉人"
    return roles


def _sides(ref: CaseRef) -> tuple[tuple[str, list[str]], ...]:
    return (("原告", list(ref.plaintiffs)), ("被告", list(ref.defendants)))


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
