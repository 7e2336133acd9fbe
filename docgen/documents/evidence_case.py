"""The case an evidence list is filed in, and who files it: the header's facts, checked.

A filing clerk files the list in a case: its number once the court has given one (else the
line is left for the court to fill in, as on the service address confirmation), the parties
and the cause (the caption 「原告刘芳诉被告张伟民间借贷纠纷一案」, ``filing_papers.case_title``)
and the party who submits it, by role (提交人：原告刘芳).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from docgen.documents.case_numbers import check_case_number
from docgen.documents.filing_papers import (
    CaseRef,
    case_title,
    check_case,
    check_is_party,
    role_of,
)
from docgen.documents.problems import Assessment

ROLES = {"plaintiff": "原告", "defendant": "被告"}
NUMBER_TO_FILL = "（立案后填写）"
# 「原告持有」「被告提供」: a source that says which side holds or supplies the exhibit
_HELD_BY = re.compile(r"(原告|被告)(?:方)?(?:持有|提供|保存|保管|留存|自存)")


class _Source(Protocol):
    @property
    def source(self) -> str: ...


class CaseFacts(Protocol):
    """What the evidence list says about its case (``EvidenceList``)."""

    @property
    def submitter(self) -> str: ...
    @property
    def submitter_role(self) -> str | None: ...
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


def case_ref(case: CaseFacts) -> CaseRef | None:
    """The case as other court papers name it, once the court and both sides are known."""
    if not (case.court and case.plaintiffs and case.defendants):
        return None
    ref = CaseRef(
        court=case.court,
        case_number=case.case_number,
        plaintiffs=case.plaintiffs,
        defendants=case.defendants,
    )
    return ref.model_copy(update={"cause": case.case_title or ""})


def submitters(case: CaseFacts) -> list[str]:
    """The parties who submit: several plaintiffs submit one list as 「刘芳、王强」."""
    return [name for name in case.submitter.split("、") if name]


def role(case: CaseFacts) -> str | None:
    """原告 or 被告: as the parties listed say, else as typed, else unknown."""
    names = submitters(case)
    if names and all(name in case.plaintiffs for name in names):
        return "原告"
    if names and all(name in case.defendants for name in names):
        return "被告"
    return ROLES[case.submitter_role] if case.submitter_role is not None else None


def check_case_facts(result: Assessment, case: CaseFacts, items: Sequence[_Source]) -> None:
    """The case number (and with the parties the court and the sides, as on every court
    paper); the submitter is a party of the side the role says; the rows' sources."""
    # 原告/被告 name the parties at first instance (on appeal 上诉人/被上诉人), so a
    # number given with one of these roles is a first-instance number (民初)
    side = role(case)
    proceeding = "first" if side else None
    ref = case_ref(case)
    if ref is not None:
        check_case(result, ref, (), proceeding)
        _check_submitter(result, case, ref)
    else:
        check_case_number(result, case.case_number, ("case_number",), case.court, proceeding)
    check_sources(result, side, items)


def _check_submitter(result: Assessment, case: CaseFacts, ref: CaseRef) -> None:
    for name in submitters(case):
        check_is_party(result, ref, name, ("submitter",), "提交人")
    typed = ROLES.get(case.submitter_role or "")
    sides = {side for name in submitters(case) if (side := role_of(ref, name)) is not None}
    if typed and sides and sides != {typed}:
        result.error(
            ("submitter_role",),
            "submitter_role",
            f"提交人「{case.submitter}」是本案{'、'.join(sorted(sides))}，提交人身份却填为{typed}",
            hint="请核对提交人身份，须与起诉状所列当事人一致",
        )


def check_sources(result: Assessment, submitter_role: str | None, items: Sequence[_Source]) -> None:
    """A row saying the other side holds or supplies the exhibit (「原告持有」 in the
    defendant's list) contradicts the list it stands in: the list is the submitter's own
    evidence (民事证据规定 art. 19: the submitter numbers and describes the evidence it
    submits). A document the other side holds is asked for by applying for an order that
    it be produced (民诉法解释 art. 112), not listed as submitted. The maker (「被告出具」)
    is no holder and is not read."""
    if submitter_role is None:
        return
    for i, item in enumerate(items):
        match = _HELD_BY.search(item.source)
        if match is None or match.group(1) == submitter_role:
            continue
        result.error(
            ("items", i, "source"),
            "source_role",
            f"第 {i + 1} 项证据来源写为「{match.group(0)}」，但提交人是{submitter_role}："
            f"证据目录列明的是{submitter_role}提交的证据",
            hint=f"如证据由{submitter_role}持有，请改为「{submitter_role}持有」；"
            "由对方持有的，可申请法院责令对方提交",
        )


def header_lines(case: CaseFacts) -> list[str]:
    """案号, the case (caption, or 案由 alone), 提交人 with the role: in this order."""
    lines = [f"案号：{case.case_number or NUMBER_TO_FILL}"]
    ref = case_ref(case)
    if ref is not None:
        lines.append(f"案件名称：{case_title(ref.model_copy(update={'case_number': None}))}")
    elif case.case_title:
        lines.append(f"案由：{case.case_title}")
    lines.append(f"提交人：{role(case) or ''}{case.submitter}")
    return lines
