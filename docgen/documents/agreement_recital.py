"""The recital the three agreements (债务确认书, 分期还款协议, 和解协议) share: the original
contract's due date, and why a guardian signs for the debtor.

- The due date: 「应于2026年1月10日（含当日）前」. 「前」 alone leaves open whether the day
  itself counts, while the new dates the agreements set say 「前（含当日）」; the day the
  debt fell due starts the limitation period (民法典 art. 188) and a guarantee period
  (art. 692), so the recital says it in the same sense as the rest of the document.
- A guardian signing for an adult: an adult is 限制 or 无民事行为能力人 only by a court's
  judgment on an interested person's application (民法典 art. 24, a 民特 case), and the
  guardian is the one the law names in order (art. 28: spouse, parents and children, …) or
  the one a court appoints (art. 31). The agreement recites that judgment, 「根据北京市东城区
  人民法院（2025）京0101民特88号民事判决，乙方为限制民事行为能力人，…」, so that neither the
  incapacity nor the guardian's authority can be denied later; without it the user is warned.
- A guardian signing for a minor: the parents are the guardians by law (art. 27(1)), no
  judgment is needed; the recital names the relationship.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.case_numbers import CaseNumberText, check_case_number
from docgen.documents.court_names import not_a_court_problem
from docgen.documents.guardian_rules import capacity_status, is_minor
from docgen.documents.letter_rules import what_was_due
from docgen.documents.part_models import ContractBasis, DebtAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import by_day, format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Line
from docgen.domain.guardianship import kinship, organisation_article
from docgen.domain.parties import Guardian, Party, Person

CIVIL_CODE = "《中华人民共和国民法典》"
FINDING_FIELD = "debtor_capacity_finding"


def due_by(day: date) -> str:
    """「应于2026年1月10日（含当日）前」: the contract's due date, the day itself included
    (``domain.dates.by_day``, as the letters say it)."""
    return f"应于{by_day(day)}"


LOANS = ("private_lending", "financial_loan")


def unpaid_recital(origin: ContractBasis, debt: DebtAmounts, on: date) -> str:
    """The installment agreement's recital of the default, in what fell due and is
    confirmed unpaid: 「借款已于2026年1月10日到期，乙方至今未清偿借款本息。」 (a loan: 本息
    where the confirmed amounts hold interest, else 本金), 「货款已于
    2025年12月31日到期，乙方至今未付清。」 (a price or fee, ``letter_rules.what_was_due``),
    else 「乙方应付的款项已于…到期，至今未清偿。」. A due date not before the signing day
    (``on``) is not recited as passed: 「根据约定，乙方应于…（含当日）前向甲方清偿相应款项。」,
    as the debt confirmation says it."""
    if origin.due_date >= on:
        return f"根据约定，乙方{due_by(origin.due_date)}向甲方清偿相应款项。"
    day = format_cn(origin.due_date)
    if origin.kind in LOANS:
        # the confirmed amounts hold principal (``check_amounts``), and interest or not
        parts = "本息" if any(c.kind == "interest" for c in debt.components) else "本金"
        return f"借款已于{day}到期，乙方至今未清偿借款{parts}。"
    due = what_was_due(origin.kind, debt.principal_label)
    if due.startswith("支付"):
        return f"{due.removeprefix('支付')}已于{day}到期，乙方至今未付清。"
    return f"乙方应付的款项已于{day}到期，至今未清偿。"


class CapacityFinding(CaseModel):
    """The court's judgment declaring an adult debtor of limited or no capacity (民法典
    art. 24), and whether it also appointed the guardian (art. 31)."""

    court: Line = Field(title="作出判决的人民法院", description="如 北京市东城区人民法院")
    case_number: CaseNumberText = Field(
        title="案号", description="认定民事行为能力的特别程序案件，如 （2025）京0101民特88号"
    )
    appoints_guardian: bool = Field(
        default=False,
        title="该判决同时指定了监护人",
        description="不勾选的，按法定顺序担任监护人（民法典第二十八条）",
    )


def capacity_finding_field() -> Any:
    """The agreements' optional field for :class:`CapacityFinding`."""
    return Field(
        default=None,
        title="乙方民事行为能力的认定",
        description="成年的乙方为限制或无民事行为能力人、由监护人代为签署的，填写认定其民事行为"
        "能力的民事判决（民法典第二十四条），协议将写明该判决",
        json_schema_extra=ADVANCED,
    )


def _adult_ward(debtor: Party, on: date) -> Person | None:
    """The debtor, when typed as an adult of limited or no capacity on ``on``."""
    if not isinstance(debtor, Person) or debtor.capacity == "full" or is_minor(debtor, on):
        return None
    return debtor


def check_capacity_finding(
    result: Assessment, debtor: Party, finding: CapacityFinding | None, on: date
) -> None:
    """A finding only for an adult ward, a court's, in a 民特 case; an adult ward signed
    for by a guardian without one is warned about."""
    loc: Loc = (FINDING_FIELD,)
    ward = _adult_ward(debtor, on)
    if finding is None:
        if ward is not None and ward.guardian is not None:
            status = capacity_status(ward, on)
            result.warn(
                loc,
                "capacity_basis_missing",
                f"乙方{ward.name}为成年人，填写为{status}，由{ward.guardian.name}作为监护人代为签署，"
                "但未写明认定其民事行为能力的民事判决：成年人为无民事行为能力人或者限制民事行为能力"
                f"人，须经人民法院认定（{CIVIL_CODE}第二十四条）；协议未载明的，乙方日后可否认其"
                "民事行为能力受限或者监护人的代理权",
                hint="请在「乙方民事行为能力的认定」中填写作出判决的人民法院和案号，并将判决书复印件"
                "附于协议之后",
            )
        return
    if ward is None:
        result.error(
            loc,
            "capacity_finding_unused",
            "只有成年的限制或无民事行为能力人，才需人民法院认定其民事行为能力"
            f"（{CIVIL_CODE}第二十四条）；乙方不是，请删除该项，或核对乙方的民事行为能力",
        )
        return
    if not finding.court.endswith("人民法院"):
        hint = not_a_court_problem(finding.court)[1]
        message = "法院名称应写全称，以“人民法院”结尾"
        result.error((*loc, "court"), "not_a_court", message, hint=hint)
    number = check_case_number(result, finding.case_number, (*loc, "case_number"), finding.court)
    if number is not None and not number.kind.endswith("民特"):
        result.warn(
            (*loc, "case_number"),
            "capacity_finding_not_special",
            f"案号{finding.case_number}不是特别程序案件（民特）的案号：认定公民无民事行为能力、"
            "限制民事行为能力案件按特别程序审理（《中华人民共和国民事诉讼法》第十五章第五节）",
            hint="请核对案号",
        )


def guardian_basis(debtor: Party, finding: CapacityFinding | None, on: date) -> str:
    """Why the guardian signs: the judgment for an adult (「根据…民事判决，乙方为限制民事行为
    能力人，王丽为其监护人。」), the relationship for a minor; empty otherwise, or for an
    adult without a judgment (warned)."""
    if not isinstance(debtor, Person) or debtor.guardian is None:
        return ""
    guardian = debtor.guardian
    if guardian.is_organization:
        return _organisation_basis(debtor, guardian, finding, on)
    related = f"{guardian.name}{kinship(guardian, '乙方')}"
    if is_minor(debtor, on):
        return f"乙方为未成年人，{related}，为其监护人（{CIVIL_CODE}第二十七条）。"
    status = capacity_status(debtor, on)
    if finding is None or status is None:
        return ""
    judgment = f"根据{finding.court}{finding.case_number}民事判决，乙方为{status}"
    if finding.appoints_guardian:
        return f"{judgment}，{guardian.name}为其监护人。"
    return f"{judgment}；{related}，为其监护人（{CIVIL_CODE}第二十八条）。"


def _organisation_basis(
    debtor: Person, guardian: Guardian, finding: CapacityFinding | None, on: date
) -> str:
    """「乙方为未成年人，北京市东城区民政局依照《中华人民共和国民法典》第三十二条担任其
    监护人。」: an organisation guardian by the article its ``basis`` names."""
    minor = is_minor(debtor, on)
    article = organisation_article(guardian, minor=minor)
    acts = f"{guardian.name}依照{CIVIL_CODE}{article}担任其监护人" if article else ""
    acts = acts or f"{guardian.name}为其监护人"
    if minor:
        return f"乙方为未成年人，{acts}。"
    status = capacity_status(debtor, on)
    if finding is None or status is None:
        return ""
    return f"根据{finding.court}{finding.case_number}民事判决，乙方为{status}；{acts}。"


__all__ = [
    "CapacityFinding",
    "capacity_finding_field",
    "check_capacity_finding",
    "due_by",
    "guardian_basis",
    "unpaid_recital",
]
