"""The case an evidence list is filed in, and who files it: the header's facts, checked.

A filing clerk files the list in a case: its number once the court has given one (else the
line is left for the court to fill in, as on the service address confirmation), the parties
and the cause (the caption 「原告刘芳诉被告张伟民间借贷纠纷一案」, ``filing_papers.case_title``)
and the party who submits it, by its role at the list's stage (提交人：原告刘芳; at second
instance 上诉人张伟, at enforcement 申请执行人刘芳: ``filing_papers.stage_roles``, the words
the power of attorney and the firm's letter print).

A list filed before the court numbers the case is matched to it by its parties: without
them, and without a role for the submitter, it is warned. A defendant files evidence after
the court served the complaint with its notices (民事诉讼法 arts. 128, 129: 起诉状副本,
应诉通知书), which carry the case number: a defendant's list without one is warned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from docgen.documents.case_numbers import check_case_number
from docgen.documents.court_names import check_filed_court
from docgen.documents.filing_papers import (
    ROLE_WORDS,
    SIDES,
    CaseRef,
    Side,
    Stage,
    case_title,
    check_case,
    check_party_at_stage,
    check_stage,
    movers_of,
    proceeding_of,
    side_of,
    sides_named,
    stage_roles,
)
from docgen.documents.loan_cause import check_loan_cause
from docgen.documents.problems import Assessment

EVIDENCE_LIST = "证据目录"

# a blank the clerk or the party fills in: an instruction (「（立案后填写）」) is no content
NUMBER_TO_FILL = "＿＿＿＿＿＿＿＿"
# 「原告持有」「被上诉人提供」: a source that says which party holds or supplies the exhibit
_HELD_BY = re.compile(f"({'|'.join(ROLE_WORDS)})(?:方)?(?:持有|提供|保存|保管|留存|自存)")


class _Source(Protocol):
    @property
    def source(self) -> str: ...


class CaseFacts(Protocol):
    """What the evidence list says about its case (``EvidenceList``)."""

    @property
    def submitter(self) -> str: ...
    @property
    def submitter_role(self) -> Side | None: ...
    @property
    def court(self) -> str | None: ...
    @property
    def case_title(self) -> str | None: ...
    @property
    def case_number(self) -> str | None: ...
    @property
    def plaintiffs(self) -> list[str]: ...
    @property
    def defendants(self) -> list[str]: ...
    @property
    def stage(self) -> Stage: ...
    @property
    def appellants(self) -> list[str]: ...
    @property
    def applicants(self) -> list[str]: ...


def parties(case: CaseFacts) -> CaseRef | None:
    """The parties as a case once both sides are listed, the court known or not: enough to
    name each party's role (``stage_roles``)."""
    if not (case.plaintiffs and case.defendants):
        return None
    return CaseRef.model_construct(
        court=case.court or "",
        cause=case.case_title or "",
        case_number=case.case_number,
        plaintiffs=list(case.plaintiffs),
        defendants=list(case.defendants),
    )


def case_ref(case: CaseFacts) -> CaseRef | None:
    """The case as other court papers name it, once the court and both sides are known."""
    return parties(case) if case.court else None


def submitters(case: CaseFacts) -> list[str]:
    """The parties who submit: several plaintiffs submit one list as 「刘芳、王强」."""
    return [name for name in case.submitter.split("、") if name]


def role(case: CaseFacts) -> str | None:
    """The submitters' one role at the list's stage as the parties listed say; else, at
    first instance, the side typed (原告/被告); else unknown."""
    ref, names = parties(case), submitters(case)
    if ref is not None and names:
        roles = stage_roles(ref, case.stage, movers_of(case))
        found = {roles.get(name) for name in names}
        if len(found) == 1 and (word := found.pop()) is not None:
            return word
    typed = case.submitter_role
    return SIDES[typed] if typed is not None and case.stage == "first" else None


def side(case: CaseFacts) -> Side | None:
    """The submitters' side (plaintiffs' or defendants'): as the parties listed say, else as
    typed, else unknown."""
    ref, names = parties(case), submitters(case)
    if ref is not None and names:
        found = {side_of(ref, name) for name in names}
        if len(found) == 1 and (one := found.pop()) is not None:
            return one
    return case.submitter_role


def check_case_facts(result: Assessment, case: CaseFacts, items: Sequence[_Source]) -> None:
    """The case number against the stage (and with the parties the court and the sides, as
    on every court paper); the appellants or applicants the stage names the parties from;
    the submitter is a party of the side the role says; the rows' sources."""
    # a role printed states the stage: 原告/被告 name the parties at first instance only
    printed = role(case)
    proceeding = proceeding_of(case.stage, case.case_number, stated=printed is not None)
    ref, listed = case_ref(case), parties(case)
    # the court as the list prints it: in full, the case number telling which of several
    # namesakes it is (``court_names.check_filed_court``)
    if ref is not None:
        result.computed["court"] = check_case(result, ref, (), proceeding, EVIDENCE_LIST)
        _check_submitter(result, case, ref)
    else:
        check_case_number(result, case.case_number, ("case_number",), case.court, proceeding)
        if case.court:  # the list prints it without both sides too (check_case says it with)
            number = case.case_number
            result.computed["court"] = check_filed_court(result, case.court, EVIDENCE_LIST, number)
    if listed is not None:
        check_stage(result, listed, case, EVIDENCE_LIST, ())
    elif case.appellants or case.applicants:
        result.error(
            ("plaintiffs",),
            "missing",
            "填写上诉人或申请执行人的，请一并填写原告和被告，以便按本阶段的称谓列明当事人",
        )
    named = _named_by(listed, case.stage, movers_of(case))
    check_sources(result, side(case), items, printed, named)
    check_matchable(result, case, printed)
    check_loan_cause(result, case.case_title, lenders(case), ("case_title",))


def lenders(case: CaseFacts) -> list[str]:
    """Who lent, as far as the list tells: the plaintiffs, else a submitter not known to be
    a defendant (a loan case is brought by its lender)."""
    if case.plaintiffs:
        return list(case.plaintiffs)
    return [] if side(case) == "defendant" else submitters(case)


def check_matchable(result: Assessment, case: CaseFacts, printed: str | None) -> None:
    """What lets the court put the list in its case: the number, else the parties (the
    caption 「原告…诉被告…纠纷一案」); and who submits it, by role. Practice, not a text:
    民事证据规定 (2019) art. 19 asks the submitter to number, describe, sign and date the
    evidence, the court files it in a case. Warnings: the list is still printed. A
    defendant (first instance) has the number from the notices served on it (民事诉讼法
    arts. 128, 129), so its list without one is warned as well."""
    listed = parties(case) is not None
    if not case.case_number and not listed:
        result.warn(
            ("plaintiffs",),
            "parties_missing",
            "尚未填写案号的证据目录应列明原告和被告，印为「案件名称：原告…诉被告…纠纷一案」，"
            "以便人民法院将证据目录归入本案",
            hint="请填写原告和被告；已立案的，填写案号",
        )
    if printed is None and not listed:
        result.warn(
            ("submitter_role",),
            "role_missing",
            f"证据目录未写明提交人「{case.submitter}」在本案中的身份（原告或被告）",
            hint="请选择提交人身份，或填写原告和被告",
        )
    if not case.case_number and case.stage == "first" and side(case) == "defendant":
        result.warn(
            ("case_number",),
            "case_number_missing",
            "被告提交证据时已收到载明案号的应诉通知书（《中华人民共和国民事诉讼法》第一百二十八条、"
            "第一百二十九条），请填写案号",
            hint="按人民法院送达的应诉通知书或举证通知书所载案号填写",
        )


def _named_by(
    ref: CaseRef | None, stage: Stage, named: Sequence[str]
) -> Callable[[str], set[Side]]:
    return lambda word: sides_named(word, ref, stage, named)


def _check_submitter(result: Assessment, case: CaseFacts, ref: CaseRef) -> None:
    for name in submitters(case):
        check_party_at_stage(result, ref, name, ("submitter",), "提交人", case)
    typed = case.submitter_role
    sides = {one for name in submitters(case) if (one := side_of(ref, name)) is not None}
    if typed and sides and sides != {typed}:
        found = "、".join(sorted(SIDES[one] for one in sides))
        result.error(
            ("submitter_role",),
            "submitter_role",
            f"提交人「{case.submitter}」是本案{found}，提交人身份却填为{SIDES[typed]}",
            hint="请核对提交人身份，须与起诉状所列当事人一致",
        )


def check_sources(
    result: Assessment,
    submitter_side: Side | None,
    items: Sequence[_Source],
    submitter_role: str | None = None,
    named: Callable[[str], set[Side]] = sides_named,
) -> None:
    """A row saying the other side holds or supplies the exhibit (「原告持有」 in the
    defendant's list, 「上诉人提供」 in the respondent's, 「申请执行人持有」 in the
    被执行人's) contradicts the list it stands in: the list is the submitter's own
    evidence (民事证据规定 art. 19: the submitter numbers and describes the evidence it
    submits). A document the other side holds is asked for by applying for an order that
    it be produced (民诉法解释 art. 112), not listed as submitted. The side is compared,
    not the word (``named`` reads the sides a role word names at the list's stage: a word
    of the submitter's own side, 原审原告 or 原告 at second instance, is no contradiction).
    The maker (「被告出具」) is no holder and is not read."""
    if submitter_side is None:
        return
    word = submitter_role or SIDES[submitter_side]
    for i, item in enumerate(items):
        match = _HELD_BY.search(item.source)
        if match is None:
            continue
        sides = named(match.group(1))
        if submitter_side in sides and submitter_role and match.group(1) != submitter_role:
            _warn_role_word(result, i, match.group(0), match.group(1), submitter_role)
        if not sides or submitter_side in sides:
            continue
        result.error(
            ("items", i, "source"),
            "source_role",
            f"第 {i + 1} 项证据来源写为「{match.group(0)}」，但提交人是{word}："
            f"证据目录列明的是{word}提交的证据",
            hint=f"如证据由{word}持有，请改为「{word}持有」；由对方持有的，可申请法院责令对方提交",
        )


def _warn_role_word(result: Assessment, i: int, said: str, word: str, role: str) -> None:
    """A source naming the submitter's own side by another stage's word (「原审原告持有」
    in the list of the party the header calls 被上诉人): the same party, but the list names
    it two ways, and a clerk comparing the rows with the header cannot tell. A warning:
    the side is right (``check_sources``), only the word is not the one the list's stage
    gives the submitter (``filing_papers.stage_roles``)."""
    result.warn(
        ("items", i, "source"),
        "source_role_word",
        f"第 {i + 1} 项证据来源写为「{said}」，而本证据目录称提交人为{role}：同一当事人在"
        f"证据目录中应使用同一称谓",
        hint=f"请改为「{said.replace(word, role, 1)}」",
    )


def header_lines(case: CaseFacts) -> list[str]:
    """案号, the case (caption, or 案由 alone), 提交人 with the role: in this order."""
    lines = [f"案号：{case.case_number or NUMBER_TO_FILL}"]
    ref = parties(case)  # the caption needs the parties, not the court
    if ref is not None:
        unnumbered = ref.model_copy(update={"case_number": None})
        lines.append(f"案件名称：{case_title(unnumbered, case.stage, movers_of(case))}")
    elif case.case_title:
        lines.append(f"案由：{case.case_title}")
    lines.append(f"提交人：{role(case) or ''}{case.submitter}")
    return lines
