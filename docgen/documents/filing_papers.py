"""What the papers filed with a complaint share: the case they are filed in.

The power of attorney, the law firm's letter, the certificate of the legal representative
and the service address confirmation each name the court, the cause of action and the
parties of one case. A filing bundle fills this in from the complaint, so the facts are
typed once (``docgen.bundle.papers``). The power of attorney, the firm's letter and the
evidence list also state the stage of the proceedings, and name the parties as that stage
does: 原告/被告 at first instance, 上诉人/被上诉人 at second instance, 申请执行人/被执行人
at enforcement. The role words are declared here once; each paper asks ``party_role`` and
``case_title`` for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal, Protocol

from pydantic import Field

from docgen.documents.case_numbers import (
    PROCEEDINGS,
    CaseNumberText,
    check_case_number,
    matches_proceeding,
    parse_case_number,
)
from docgen.documents.court_names import check_filed_court
from docgen.documents.court_parts import check_court
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line
from docgen.domain.identity import IdentityError, parse_resident_id

# 第一审 / 第二审 / 执行: the proceedings a case number names (one declaration)
STAGES = {stage: name for stage, (_code, name) in PROCEEDINGS.items()}
Stage = Literal["first", "second", "execution"]
Side = Literal["plaintiff", "defendant"]
# the sides of a case, named as at first instance (one declaration of 原告/被告)
SIDES: dict[Side, str] = {"plaintiff": "原告", "defendant": "被告"}
APPELLANT, RESPONDENT = "上诉人", "被上诉人"
APPLICANT, EXECUTION_RESPONDENT = "申请执行人", "被执行人"
FORMER = "原审"  # 原审原告 / 原审被告: a party of an appealing side that did not appeal
# every word a paper names a party's standing by, longer words first (被上诉人 before 上诉人)
ROLE_WORDS = (
    *(FORMER + word for word in SIDES.values()),
    APPLICANT,
    EXECUTION_RESPONDENT,
    RESPONDENT,
    APPELLANT,
    *SIDES.values(),
)
# the agent appointed for an enforcement is a 委托代理人 (执行工作若干问题的规定 art. 20),
# for a trial a 诉讼代理人 (民事诉讼法 art. 61)
AGENT_TITLES: dict[str, str] = {
    "first": "诉讼代理人",
    "second": "诉讼代理人",
    "execution": "委托代理人",
}


class CaseRef(CaseModel):
    """The case a paper is filed in."""

    court: Line = Field(title="受诉法院", description="如：北京市东城区人民法院")
    # printed as the case's cause; no default: a sale's or a guarantee's case is not a
    # loan's (民事案件案由规定)
    cause: Line = Field(title="案由", description="如：民间借贷纠纷、买卖合同纠纷")
    case_number: CaseNumberText | None = Field(
        default=None, title="案号", description="已立案的填写"
    )
    plaintiffs: list[Line] = Field(title="原告", min_length=1, max_length=20)
    defendants: list[Line] = Field(title="被告", min_length=1, max_length=50)


def check_case(
    result: Assessment,
    ref: CaseRef,
    loc: Loc = ("case",),
    proceeding: str | None = None,
    paper: str = "文书",
) -> str:
    """The court by its full name (``check_court``); the case number's format, and its type
    code against the ``proceeding`` the paper is for when it says (``case_numbers``); no
    one on both sides. Returns the court's name as ``paper`` prints it: its full name,
    also where the name is several places' and the case number's court code tells which
    (``court_names.check_filed_court``, the user asked to check it), else as typed and
    warned of."""
    inner = Assessment()
    check_court(inner, ref.court)
    for problem in inner.problems:
        result.error((*loc, "court"), problem.code, problem.message, hint=problem.hint)
    court = check_filed_court(result, ref.court, paper, ref.case_number, loc=(*loc, "court"))
    check_case_number(result, ref.case_number, (*loc, "case_number"), ref.court, proceeding)
    for i, name in enumerate(ref.defendants):
        if name in ref.plaintiffs:
            result.error((*loc, "defendants", i), "same_party", f"「{name}」不能同时是原告和被告")
    return court


def side_of(ref: CaseRef, name: str) -> Side | None:
    """The side ``name`` is on, or None when ``name`` is no party of the case."""
    if name in ref.plaintiffs:
        return "plaintiff"
    if name in ref.defendants:
        return "defendant"
    return None


def role_of(ref: CaseRef, name: str) -> str | None:
    """原告 or 被告, or None when ``name`` is no party of the case."""
    side = side_of(ref, name)
    return SIDES[side] if side is not None else None


def check_is_party(result: Assessment, ref: CaseRef, name: str, loc: Loc, what: str) -> None:
    if role_of(ref, name) is None:
        parties = "、".join([*ref.plaintiffs, *ref.defendants])
        result.error(
            loc,
            "not_a_party",
            f"{what}「{name}」不是本案当事人（本案当事人：{parties}）",
            hint="请核对名称，须与起诉状所列当事人完全一致",
        )


class StagedPaper(Protocol):
    """A paper that states its stage and who brought it (the power of attorney, the
    firm's letter, the evidence list)."""

    @property
    def stage(self) -> Stage: ...
    @property
    def appellants(self) -> Sequence[str]: ...
    @property
    def applicants(self) -> Sequence[str]: ...


def check_party_at_stage(
    result: Assessment, ref: CaseRef, name: str, loc: Loc, what: str, paper: StagedPaper
) -> None:
    """A party of the case (``check_is_party``) and, at enforcement, of the enforcement: a
    party of the applying side who did not apply is neither 申请执行人 nor 被执行人."""
    check_is_party(result, ref, name, loc, what)
    stage, movers = paper.stage, movers_of(paper)
    if stage != "execution" or not movers or role_of(ref, name) is None:
        return
    if name not in stage_roles(ref, stage, movers):
        result.error(
            loc,
            "not_an_execution_party",
            f"{what}「{name}」未申请执行，也不是被执行人，不是本执行案件的当事人"
            f"（{APPLICANT}：{'、'.join(movers)}）",
            hint=f"如{name}一并申请执行，请将其列为申请执行人",
        )


def stage_field(title: str = "代理阶段") -> Any:
    """The stage the agent acts in (the paper is filed in), first instance unless chosen."""
    return Field(
        default="first",
        title=title,
        json_schema_extra={"enum_titles": list(STAGES.values())},
    )


def appellants_field() -> Any:
    return Field(
        default_factory=list,
        max_length=20,
        title="上诉人",
        description="第二审填写：提起上诉的当事人（名称与案件当事人一致）",
    )


def applicants_field() -> Any:
    return Field(
        default_factory=list,
        max_length=20,
        title="申请执行人",
        description="执行程序填写：申请执行的当事人（名称与案件当事人一致）",
    )


def movers_of(paper: StagedPaper) -> tuple[str, ...]:
    """``movers`` of a paper's stage."""
    return movers(paper.stage, paper.appellants, paper.applicants)


def movers(stage: Stage, appellants: Sequence[str], applicants: Sequence[str]) -> tuple[str, ...]:
    """Who brought the stage, whom the paper names the parties from: the appellants at
    second instance, the applicants at enforcement, no one at first instance (giving
    either at another stage is refused by ``check_stage``)."""
    if stage == "second":
        return tuple(appellants)
    return tuple(applicants) if stage == "execution" else ()


def proceeding_of(stage: Stage, case_number: str | None, stated: bool) -> Stage | None:
    """The proceeding a paper's case number must belong to (``check_case``): the stage the
    paper states (``stated``: a stage chosen, or role words of the first instance printed).
    The first instance left as the default, which a paper saved before the stage was asked
    for carries, refuses only an enforcement number: an enforcement names its parties
    申请执行人 and 被执行人, never 原告 and 被告 (an appeal's number is warned of on the power
    of attorney's term instead)."""
    if stage != "first" or stated:
        return stage
    number = parse_case_number(case_number or "")
    return "first" if number is not None and matches_proceeding(number, "execution") else None


def check_stage(
    result: Assessment, ref: CaseRef, staged: StagedPaper, paper: str, loc: Loc = ("case",)
) -> None:
    """The court (the case at ``loc``), the appellants and the applicants against the
    stage; ``paper`` names the paper in the message (所函, 授权委托书, 证据目录)."""
    stage, appellants, applicants = staged.stage, staged.appellants, staged.applicants
    _check_appeal_court(result, ref, stage, (*loc, "court"))
    _check_movers(result, ref, stage == "second", appellants, paper, _APPEAL)
    _check_movers(result, ref, stage == "execution", applicants, paper, _EXECUTION)
    if stage == "execution" and len({side_of(ref, name) for name in applicants} - {None}) > 1:
        result.error(
            ("applicants",),
            "applicants_on_both_sides",
            "申请执行人应为同一方当事人：一方拒绝履行发生法律效力的法律文书的，由对方当事人"
            "申请执行（《中华人民共和国民事诉讼法》第二百四十七条），申请执行人与被执行人分属双方",
            hint="请只填写申请本次执行的一方当事人",
        )


def _check_appeal_court(result: Assessment, ref: CaseRef, stage: Stage, loc: Loc) -> None:
    """An appeal lies to the court at the next level (民事诉讼法 art. 171), so a basic
    court never hears a case at second instance; special courts are left alone (an
    intellectual-property or financial court is an intermediate one)."""
    if stage != "second" or not ref.court.endswith("人民法院"):
        return
    if read_court(ref.court, division_table.load()).level == "basic":
        result.error(
            loc,
            "not_an_appeal_court",
            f"第二审案件由上一级人民法院审理（《中华人民共和国民事诉讼法》第一百七十一条），"
            f"{ref.court}是基层人民法院，不审理第二审案件：请填写审理上诉的中级人民法院",
        )


# who brings a later stage: (field, role, the stage's name, what the mover did, the other
# role, the code of the error for giving them at another stage)
_APPEAL = ("appellants", APPELLANT, "第二审程序", "提起上诉", RESPONDENT, "not_second_instance")
_EXECUTION = (
    "applicants",
    APPLICANT,
    "执行程序",
    "申请执行",
    EXECUTION_RESPONDENT,
    "not_execution",
)


def _check_movers(
    result: Assessment,
    ref: CaseRef,
    at_stage: bool,
    names: Sequence[str],
    paper: str,
    kind: tuple[str, str, str, str, str, str],
) -> None:
    """At second instance the parties are named 上诉人 and 被上诉人, at enforcement
    申请执行人 and 被执行人, not 原告 and 被告: the paper must know who appealed or applied;
    at another stage no one did."""
    field, role, stage_name, act, other, code = kind
    if not at_stage:
        if names:
            result.error((field,), code, f"{role}仅在{stage_name}中填写，请删除")
        return
    if not names:
        result.error(
            (field,),
            "missing",
            f"{stage_name}请填写{role}（{act}的当事人），{paper}按{role}、{other}列明当事人",
        )
    for i, name in enumerate(names):
        check_is_party(result, ref, name, (field, i), role)


def stage_roles(ref: CaseRef, stage: Stage, movers: Sequence[str] = ()) -> dict[str, str]:
    """Each party's designation at ``stage``, in the order of the first instance: at second
    instance as the appeal names them (``appeal_roles``), at enforcement as it does
    (``execution_roles``), else (or while no one is named as appealing or applying)
    原告/被告."""
    if stage == "second" and movers:
        return appeal_roles(ref, movers)
    if stage == "execution" and movers:
        return execution_roles(ref, movers)
    return {name: SIDES[side] for side, names in _sides(ref) for name in names}


def party_role(ref: CaseRef, name: str, stage: Stage = "first", movers: Sequence[str] = ()) -> str:
    """How a paper at ``stage`` names ``name``'s standing (``stage_roles``); 当事人 for no
    party of the case."""
    return stage_roles(ref, stage, movers).get(name, "当事人")


def sides_named(
    word: str, ref: CaseRef | None = None, stage: Stage = "first", movers: Sequence[str] = ()
) -> set[Side]:
    """The sides a role word names: 原告 and 原审原告 the plaintiffs' at any stage; a word of
    a later stage the sides of the parties bearing it there (上诉人 names both sides when
    both appealed); none when the parties are not known or no one bears it."""
    for side, word_of_side in SIDES.items():
        if word in (word_of_side, FORMER + word_of_side):
            return {side}
    if ref is None:
        return set()
    bearing = [name for name, role in stage_roles(ref, stage, movers).items() if role == word]
    return {found for name in bearing if (found := side_of(ref, name)) is not None}


def opponents(ref: CaseRef, name: str) -> list[str]:
    """The parties on the other side of ``name``."""
    return ref.defendants if name in ref.plaintiffs else ref.plaintiffs


def case_title(ref: CaseRef, stage: Stage = "first", movers: Sequence[str] = ()) -> str:
    """``（2026）京0101民初1234号原告刘芳诉被告张伟、李秀英民间借贷纠纷一案``: the number,
    once there is one, goes first as courts write it (it carries its own parentheses).
    At second instance the parties are named as the appeal names them (``appeal_roles``):
    ``上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、原审被告李秀英…一案``; at
    enforcement ``申请执行人刘芳与被执行人张伟、李秀英…一案`` (``execution_roles``)."""
    number = ref.case_number or ""
    roles = stage_roles(ref, stage, movers)

    def named(role: str, first: bool = False) -> str:
        def one(name: str) -> str:
            side = side_of(ref, name)
            return f"{name}（{FORMER}{SIDES[side]}）" if first and side else name

        return "、".join(one(n) for n, r in roles.items() if r == role)

    if stage == "execution" and movers:
        title = execution_parties([named(APPLICANT)], [named(EXECUTION_RESPONDENT)])
    elif stage == "second" and movers:
        title = f"{APPELLANT}{named(APPELLANT, True)}"
        if respondents := named(RESPONDENT, True):
            title += f"与{RESPONDENT}{respondents}"
        for word in SIDES.values():
            if others := named(FORMER + word):
                title += f"、{FORMER}{word}{others}"
    else:
        plaintiff, defendant = SIDES.values()
        title = f"{plaintiff}{named(plaintiff)}诉{defendant}{named(defendant)}"
    return f"{number}{title}{ref.cause}一案"


def execution_parties(applicants: Sequence[str], respondents: Sequence[str]) -> str:
    """``申请执行人刘芳与被执行人张伟、李秀英``: the parties of an enforcement as its case
    is named (``case_title``; the application for enforcement names its case so too)."""
    return f"{APPLICANT}{'、'.join(applicants)}与{EXECUTION_RESPONDENT}{'、'.join(respondents)}"


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
                roles[name] = APPELLANT
            else:
                roles[name] = FORMER + SIDES[side] if side in appealing else RESPONDENT
    return roles


def execution_roles(ref: CaseRef, applicants: Sequence[str]) -> dict[str, str]:
    """Each party's designation at enforcement, in the order of the first instance: who
    applied is 申请执行人, every party of the other side 被执行人 (民事诉讼法 art. 247: one
    party refusing to perform, the other applies); a party of the applying side that did
    not apply is no party of the enforcement and is not named (``check_party_at_stage``)."""
    applying = {side for side, names in _sides(ref) if set(names) & set(applicants)}
    roles: dict[str, str] = {}
    for side, names in _sides(ref):
        for name in names:
            if name in applicants:
                roles[name] = APPLICANT
            elif side not in applying:
                roles[name] = EXECUTION_RESPONDENT
    return roles


def _sides(ref: CaseRef) -> tuple[tuple[Side, list[str]], ...]:
    return (("plaintiff", list(ref.plaintiffs)), ("defendant", list(ref.defendants)))


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
