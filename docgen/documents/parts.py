"""Building blocks shared by document types: their fields, rules and context pieces.

A document module composes these; nothing here knows about a particular document.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, Phone, ShortText, Text
from docgen.domain.identity import IdentityError, mask_id, parse_resident_id, parse_uscc
from docgen.domain.money import format_yuan, legal_amount, rmb_upper, to_fen
from docgen.domain.parties import CHECKSUMMED_ID_TYPES, Organization, Party, Person

COMPONENT_LABELS = {
    "principal": "本金",
    "interest": "利息",
    "penalty": "违约金",
    "fee": "费用",
    "other": "其他",
}


class BankAccount(CaseModel):
    """Where the debtor is asked to pay."""

    account_name: Line = Field(title="户名")
    bank: Line = Field(title="开户行")
    account_number: ShortText = Field(
        title="账号", pattern=r"^[0-9][0-9 \-]{5,38}[0-9]$", description="银行账号，数字"
    )


class Contact(CaseModel):
    """Who the debtor may contact about the letter."""

    person: ShortText = Field(title="联系人")
    phone: Phone = Field(title="联系电话")
    address: Text | None = Field(default=None, title="联系地址")
    email: ShortText | None = Field(
        default=None, title="电子邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )


class Signatory(CaseModel):
    """The person who signs for the sender."""

    name: ShortText = Field(title="签署人")
    title: ShortText | None = Field(default=None, title="职务")


class ContractBasis(CaseModel):
    """The legal basis of the debt: the contract and when payment fell due."""

    name: Line = Field(title="合同名称", description="如 借款合同、买卖合同")
    number: ShortText | None = Field(default=None, title="合同编号")
    signed_on: date = Field(title="签订日期")
    due_date: date = Field(title="应付款日期", description="债务到期、应当清偿之日")
    summary: Paragraph | None = Field(
        default=None,
        title="债务形成经过",
        description="一两句话说明款项来源，如 我方已于2025年1月10日向您转账出借人民币100,000元",
    )


class AmountComponent(CaseModel):
    """One component of the amount claimed (本金, 利息, 违约金 ...)."""

    kind: Literal["principal", "interest", "penalty", "fee", "other"] = Field(
        title="项目类型", json_schema_extra={"enum_titles": list(COMPONENT_LABELS.values())}
    )
    label: ShortText | None = Field(default=None, title="项目名称", description="不填则按项目类型")
    amount: Money = Field(title="金额（元）")
    as_of: date | None = Field(default=None, title="计算截至日", description="不填则同总截至日")
    note: Text | None = Field(default=None, title="计算说明")

    @property
    def display_label(self) -> str:
        return self.label or COMPONENT_LABELS[self.kind]


class DebtAmounts(CaseModel):
    """The amounts claimed, each stated as of a date, and their total."""

    as_of: date = Field(title="截至日期", description="欠款金额计算截至之日")
    components: list[AmountComponent] = Field(title="欠款明细", min_length=1, max_length=12)
    total: Money = Field(title="合计（元）", description="必须等于各项之和")


# --- rules --------------------------------------------------------------------------


def check_party(assessment: Assessment, party: Party, loc: Loc) -> None:
    """Cross-field identity checks: stated sex and birth date agree with the ID number."""
    if isinstance(party, Person):
        _check_person(assessment, party, loc)
    else:
        _check_organization(assessment, party, loc)


def _check_person(assessment: Assessment, person: Person, loc: Loc) -> None:
    if person.id_number is None or person.id_type not in CHECKSUMMED_ID_TYPES:
        return
    try:
        rid = parse_resident_id(person.id_number)
    except IdentityError:
        return  # already reported on the field itself
    if rid.sex != person.sex:
        assessment.error(
            (*loc, "sex"),
            "sex_id_mismatch",
            f"性别与身份证号码不符：证件号码第17位表明为{rid.sex}性，填写为{person.sex}",
        )
    if person.birth_date is not None and person.birth_date != rid.birth_date:
        assessment.error(
            (*loc, "birth_date"),
            "birth_date_id_mismatch",
            f"出生日期与身份证号码不符：证件号码载明{format_cn(rid.birth_date)}",
        )


def _check_organization(assessment: Assessment, org: Organization, loc: Loc) -> None:
    try:
        code = parse_uscc(org.uscc)
    except IdentityError:
        return
    for warning in code.warnings:
        assessment.warn((*loc, "uscc"), "uscc_unusual", warning)


def same_party(a: Party, b: Party) -> bool:
    """Two parties are the same when their identifiers (or, lacking them, names) match."""
    if isinstance(a, Organization) and isinstance(b, Organization):
        return a.uscc == b.uscc or a.name == b.name
    if isinstance(a, Person) and isinstance(b, Person):
        if a.id_number and b.id_number:
            return a.id_number == b.id_number
        return a.name == b.name
    return False


def check_amounts(assessment: Assessment, amounts: DebtAmounts, loc: Loc, latest: date) -> None:
    """The total is the exact sum; no amount is stated as of a date after ``latest``."""
    total = sum((c.amount for c in amounts.components), Decimal("0"))
    if to_fen(total) != to_fen(amounts.total):
        assessment.error(
            (*loc, "total"),
            "total_mismatch",
            f"合计金额应等于各项之和：各项合计为人民币{format_yuan(total)}元，"
            f"填写的合计为人民币{format_yuan(amounts.total)}元",
        )
    if amounts.as_of > latest:
        assessment.error(
            (*loc, "as_of"),
            "as_of_after_letter",
            f"截至日期（{format_cn(amounts.as_of)}）不得晚于发函日期（{format_cn(latest)}）",
        )
    for i, component in enumerate(amounts.components):
        if component.as_of is not None and component.as_of > latest:
            assessment.error(
                (*loc, "components", i, "as_of"),
                "as_of_after_letter",
                f"计算截至日（{format_cn(component.as_of)}）不得晚于发函日期（{format_cn(latest)}）",
            )
    if not any(c.kind == "principal" for c in amounts.components):
        assessment.error((*loc, "components"), "principal_missing", "欠款明细中应至少包含一项本金")


# --- context ------------------------------------------------------------------------


def party_context(party: Party, *, mask_ids: bool = True) -> dict[str, Any]:
    """Template view of a party: its name, how to address it, and its identity lines.

    Letters need to identify a person, not to repeat their full ID number, so IDs are
    masked unless ``mask_ids`` is False (court filings).
    """
    if isinstance(party, Person):
        lines: list[tuple[str, str]] = []
        if party.id_number:
            shown = mask_id(party.id_number) if mask_ids else party.id_number
            lines.append((party.id_type + "号码", shown))
        lines.append(("住所地", party.address))
        if party.phone:
            lines.append(("联系电话", party.phone))
        honorific = "先生" if party.sex == "男" else "女士"
        return {
            "kind": "person",
            "name": party.name,
            "address": party.address,
            "salutation": party.name + honorific,
            "you": "您",
            "lines": [{"label": k, "value": v} for k, v in lines],
        }
    lines = [("统一社会信用代码", party.uscc), ("住所地", party.address)]
    lines.append((party.representative_title, party.legal_representative))
    if party.phone:
        lines.append(("联系电话", party.phone))
    return {
        "kind": "organization",
        "name": party.name,
        "address": party.address,
        "salutation": party.name,
        "you": "贵司",
        "lines": [{"label": k, "value": v} for k, v in lines],
    }


def amounts_context(amounts: DebtAmounts) -> dict[str, Any]:
    """Template view of the amounts: one row per component, the total in figures and words."""
    rows = [
        {
            "no": i + 1,
            "label": c.display_label,
            "as_of": format_cn(c.as_of or amounts.as_of),
            "amount": format_yuan(to_fen(c.amount)),
            "note": c.note or "",
        }
        for i, c in enumerate(amounts.components)
    ]
    total = to_fen(amounts.total)
    return {
        "as_of": format_cn(amounts.as_of),
        "rows": rows,
        "total": format_yuan(total),
        "total_upper": rmb_upper(total),
        "total_legal": legal_amount(total),
    }
