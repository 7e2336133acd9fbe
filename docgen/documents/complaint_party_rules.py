"""The parties of a civil complaint: each checked as a party, none named twice (a
plaintiff is never also a defendant), the particulars a plaintiff must give (民事诉讼法
art. 124(1)), guardians where a party lacks capacity, and the defendants' roles."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from docgen.documents.complaint_attachments import check_attachments
from docgen.documents.complaint_facts_names import check_bare_defendant
from docgen.documents.complaint_guarantee import check_general_guarantor_sued_alone
from docgen.documents.complaint_guarantor_alone import (
    check_guarantor_sued_alone,
    defence_unavailable,
    guarantors_alone,
)
from docgen.documents.complaint_minor import check_minor_contracts, contract_answered
from docgen.documents.court_parts import check_plaintiff_particulars
from docgen.documents.guardian_rules import check_filing_parties
from docgen.documents.parts import check_party, same_party
from docgen.documents.problems import Assessment, Loc
from docgen.domain.parties import Party

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


def check_parties(result: Assessment, case: CivilComplaint) -> None:
    """Each party well described and named once; the guardians a filing needs; each
    guarantor with its kind of guarantee and no guarantee on another; a borrower sued."""
    seen: list[Party] = []
    entries: list[tuple[str, int, Party]] = [
        ("plaintiffs", i, p.party) for i, p in enumerate(case.plaintiffs)
    ] + [("defendants", i, d.party) for i, d in enumerate(case.defendants)]
    for group, i, party in entries:
        loc: Loc = (group, i, "party")
        check_party(result, party, loc)
        if any(same_party(party, other) for other in seen):
            result.error(loc, "same_party", "同一当事人不能重复列明，原告与被告不能为同一主体")
        seen.append(party)
    plaintiffs = [(p, (g, i, "party")) for g, i, p in entries if g == "plaintiffs"]
    for plaintiff, loc in plaintiffs:
        check_plaintiff_particulars(result, plaintiff, loc)
    defendants = [(p, (g, i, "party")) for g, i, p in entries if g == "defendants"]
    # a defendant without capacity and no guardian is refused (民事诉讼法 art. 60); the
    # minority of one whose contract the case says binds them is not warned of again
    bound = contract_answered(case)
    signed: dict[Loc, date | None] = {
        loc: None if loc[1] in bound else case.contract.signed_on for _p, loc in defendants
    }
    check_filing_parties(result, case.filing_date, plaintiffs, defendants, signed, "suit")
    for i, defendant in enumerate(case.defendants):
        if defendant.role == "guarantor" and defendant.guarantee is None:
            result.error(
                ("defendants", i, "guarantee"),
                "missing",
                "被告为保证人时，请选择保证方式（连带责任保证或一般保证）",
            )
        if defendant.role != "guarantor" and defendant.guarantee is not None:
            result.error(
                ("defendants", i, "guarantee"),
                "not_a_guarantor",
                "只有保证人才有保证方式；请将诉讼地位改为保证人，或删除保证方式",
            )
    # a contract made as a minor binds only as the guardian made or assented to it
    check_minor_contracts(result, case)
    # the typed facts name the defendant they speak of where several are sued
    check_bare_defendant(result, case)
    debtor_sued = any(d.role == "borrower" for d in case.defendants)
    # a joint guarantor may be sued alone (民法典 art. 688(2)), a general one once
    # enforcement against the debtor has failed or under an exception of art. 687(2):
    # complaint_guarantor_alone
    if not debtor_sued and not guarantors_alone(case):
        result.error(
            ("defendants",),
            "borrower_missing",
            "被告中应至少有一名借款人（债务人）；仅起诉连带责任保证人，或者对债务人的财产"
            "强制执行后、有先诉抗辩权的除外情形时仅起诉一般保证人的除外",
        )
    check_guarantor_sued_alone(result, case, debtor_sued)
    sued = [
        (i, d.party.name, d.guarantee)
        for i, d in enumerate(case.defendants)
        if d.role == "guarantor"
        and d.guarantee is not None
        and not defence_unavailable(d.guarantee)
    ]
    check_general_guarantor_sued_alone(result, sued, debtor_sued)
    # who may act for a plaintiff, and the evidence the 附 counts (complaint_attachments)
    check_attachments(result, case)


def check_lenders(result: Assessment, case: CivilComplaint) -> None:
    """Several plaintiffs of a loan: the facts name as the contracting and lending side only
    those the case says signed and lent (``loan.lenders``); without it they would name every
    plaintiff, a fact the contract in evidence may contradict (民事诉讼法 art. 122(3))."""
    loan = case.loan
    if loan is None:
        return
    plaintiffs = [p.party.name for p in case.plaintiffs]
    if len(plaintiffs) > 1 and not loan.lenders:
        result.error(
            ("loan", "lenders"),
            "missing",
            f"原告有{len(plaintiffs)}人（{'、'.join(plaintiffs)}）：请写明与借款人签订借款合同并出借"
            "款项的原告，起诉状只将其写为合同当事人和出借人；其余原告的起诉依据（如出借款项为"
            "夫妻共同财产）请在补充事实中写明",
        )
    for k, name in enumerate(loan.lenders):
        if name not in plaintiffs:
            result.error(
                ("loan", "lenders", k),
                "not_a_plaintiff",
                f"「{name}」不是本案原告；出借人应为原告之一",
            )
