"""What the papers filed with a complaint share: the case they are filed in.

The power of attorney, the law firm's letter, the certificate of the legal representative
and the service address confirmation each name the court, the cause of action and the
parties of one case. A filing bundle fills this in from the complaint, so the facts are
typed once (``docgen.bundle.papers``). The power of attorney and the firm's letter also
state the stage of the proceedings the agent acts in, and at second instance name the
parties as the appeal does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from pydantic import Field

from docgen.documents.case_numbers import PROCEEDINGS, check_case_number
from docgen.documents.court_parts import check_court
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, ShortText
from docgen.domain.identity import IdentityError, parse_resident_id

# 第一审 / 第二审 / 执行: the proceedings a case number names (one declaration)
STAGES = {stage: name for stage, (_code, name) in PROCEEDINGS.items()}
Stage = Literal["first", "second", "execution"]


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


def stage_field() -> Any:
    """The stage the agent acts in, first instance unless chosen."""
    return Field(
        default="first",
        title="代理阶段",
        json_schema_extra={"enum_titles": list(STAGES.values())},
    )


def appellants_field() -> Any:
    return Field(
        default_factory=list,
        max_length=20,
        title="上诉人",
        description="第二审填写：提起上诉的当事人（名称与案件当事人一致）",
    )


def check_stage(
    result: Assessment, ref: CaseRef, stage: Stage, appellants: Sequence[str], paper: str
) -> None:
    """The court and the appellants against the stage; ``paper`` names the paper in the
    message (所函, 授权委托书)."""
    _check_appeal_court(result, ref, stage)
    _check_appellants(result, ref, stage, appellants, paper)


def _check_appeal_court(result: Assessment, ref: CaseRef, stage: Stage) -> None:
    """An appeal lies to the court at the next level (民事诉讼法 art. 171), so a basic
    court never hears a case at second instance; special courts are left alone (an
    intellectual-property or financial court is an intermediate one)."""
    if stage != "second" or not ref.court.endswith("人民法院"):
        return
    if read_court(ref.court, division_table.load()).level == "basic":
        result.error(
            ("case", "court"),
            "not_an_appeal_court",
            f"第二审案件由上一级人民法院审理（《中华人民共和国民事诉讼法》第一百七十一条），"
            f"{ref.court}是基层人民法院，不审理第二审案件：请填写审理上诉的中级人民法院",
        )


def _check_appellants(
    result: Assessment, ref: CaseRef, stage: Stage, appellants: Sequence[str], paper: str
) -> None:
    """At second instance the parties are named 上诉人 and 被上诉人, not 原告 and 被告, so
    the paper must know who appealed; at another stage no one is an appellant."""
    if stage != "second":
        if appellants:
            result.error(
                ("appellants",), "not_second_instance", "上诉人仅在第二审程序中填写，请删除"
            )
        return
    if not appellants:
        result.error(
            ("appellants",),
            "missing",
            f"第二审程序请填写上诉人（提起上诉的当事人），{paper}按上诉人、被上诉人列明当事人",
        )
    for i, name in enumerate(appellants):
        check_is_party(result, ref, name, ("appellants", i), "上诉人")


def named_appellants(stage: Stage, appellants: Sequence[str]) -> Sequence[str]:
    """The appellants a paper names the parties by: none outside the second instance
    (where giving any is refused by ``check_stage``)."""
    return appellants if stage == "second" else ()


def party_role(ref: CaseRef, name: str, appellants: Sequence[str] = ()) -> str:
    """How the paper names ``name``'s standing: 上诉人/被上诉人/原审原告/原审被告 with
    appellants (``appeal_roles``), else 原告/被告; 当事人 for no party of the case."""
    if appellants:
        return appeal_roles(ref, appellants).get(name, "当事人")
    return role_of(ref, name) or "当事人"


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
