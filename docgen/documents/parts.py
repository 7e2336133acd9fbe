"""Building blocks shared by document types: their fields, rules and context pieces.

A document module composes these; nothing here knows about a particular document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal, Self, TypeVar

from pydantic import Field, PrivateAttr

from docgen.documents.problems import Assessment, Loc
from docgen.domain.caps import check_cap, check_combined_cap
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, Phone, ShortText, Text
from docgen.domain.identity import IdentityError, mask_id, parse_resident_id, parse_uscc
from docgen.domain.interest import InterestResult, RateSpec, interest_on_principal
from docgen.domain.limitation import (
    INTERRUPTION_LABELS,
    InterruptionEvent,
    InterruptionKind,
    LimitationResult,
    limitation_status,
)
from docgen.domain.lpr import LprNotAvailable, LprTable, format_percent
from docgen.domain.money import format_yuan, legal_amount, rmb_upper, to_fen
from docgen.domain.parties import CHECKSUMMED_ID_TYPES, Organization, Party, Person
from docgen.domain.workdays import (
    CalendarCoverageError,
    Deadline,
    calendar_day_deadline,
    working_day_deadline,
)

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
    address: Text | None = Field(default=None, title="联系地址", json_schema_extra=ADVANCED)
    email: ShortText | None = Field(
        default=None,
        title="电子邮箱",
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        json_schema_extra=ADVANCED,
    )


class Signatory(CaseModel):
    """The person who signs for the sender."""

    name: ShortText = Field(title="签署人")
    title: ShortText | None = Field(default=None, title="职务", json_schema_extra=ADVANCED)


class ContractBasis(CaseModel):
    """The legal basis of the debt: the contract and when payment fell due."""

    kind: Literal["private_lending", "financial_loan", "sale", "service", "other"] = Field(
        default="other",
        title="合同类型",
        description="民间借贷适用法释〔2020〕17号的利率上限",
        json_schema_extra={"enum_titles": ["民间借贷", "金融借款", "买卖合同", "服务合同", "其他"]},
    )
    name: Line = Field(title="合同名称", description="如 借款合同、买卖合同")
    number: ShortText | None = Field(default=None, title="合同编号", json_schema_extra=ADVANCED)
    signed_on: date = Field(title="签订日期")
    due_date: date = Field(title="应付款日期", description="债务到期、应当清偿之日")
    summary: Paragraph | None = Field(
        default=None,
        title="债务形成经过",
        description="一两句话说明款项来源，如 我方已于2025年1月10日向您转账出借人民币100,000元",
    )


class InterruptionInput(CaseModel):
    """An event that interrupted the limitation period (民法典 art. 195)."""

    kind: InterruptionKind = Field(
        title="中断事由", json_schema_extra={"enum_titles": list(INTERRUPTION_LABELS.values())}
    )
    day: date = Field(title="发生日期")


class RateInput(CaseModel):
    """An interest rate as agreed: annual/monthly/daily percent, or tied to the 1-year LPR."""

    kind: Literal["annual", "monthly", "daily", "lpr_multiple", "lpr_plus_bp"] = Field(
        title="利率类型",
        json_schema_extra={
            "enum_titles": [
                "年利率（%）",
                "月利率（%）",
                "日利率（%）",
                "LPR的倍数",
                "LPR加点（基点）",
            ]
        },
    )
    value: Decimal = Field(
        title="数值",
        ge=-1000,
        le=1000,
        max_digits=10,
        decimal_places=6,
        allow_inf_nan=False,
        description="年利率6%填6；LPR的4倍填4；LPR加150个基点填150",
    )
    fixed_on: date | None = Field(
        default=None, title="LPR取值日", description="不填则随LPR调整浮动计算"
    )

    def spec(self) -> RateSpec:
        return RateSpec(self.kind, self.value, self.fixed_on)


class InterestCalc(CaseModel):
    """How an interest-like component is computed: simple interest on a base over a period."""

    base: Money | None = Field(default=None, title="计息基数（元）", description="不填则为本金合计")
    rate: RateInput = Field(title="利率")
    start: date = Field(title="起息日")
    end: date | None = Field(
        default=None, title="计至（含当日）", description="不填则为该项的计算截至日"
    )
    day_count: Literal[365, 360] = Field(default=365, title="年计息天数")


class AmountComponent(CaseModel):
    """One component of the amount claimed (本金, 利息, 违约金 ...).

    An interest-like component may carry its ``calculation``; then its amount is computed
    (and a typed amount must agree with it).
    """

    kind: Literal["principal", "interest", "penalty", "fee", "other"] = Field(
        title="项目类型", json_schema_extra={"enum_titles": list(COMPONENT_LABELS.values())}
    )
    label: ShortText | None = Field(
        default=None, title="项目名称", description="不填则按项目类型", json_schema_extra=ADVANCED
    )
    amount: Money | None = Field(default=None, title="金额（元）", description="有计算方式时可不填")
    as_of: date | None = Field(
        default=None,
        title="计算截至日",
        description="不填则同总截至日",
        json_schema_extra=ADVANCED,
    )
    note: Text | None = Field(default=None, title="计算说明", json_schema_extra=ADVANCED)
    calculation: InterestCalc | None = Field(default=None, title="计算方式")

    @property
    def display_label(self) -> str:
        return self.label or COMPONENT_LABELS[self.kind]


class DebtAmounts(CaseModel):
    """The amounts claimed, each stated as of a date, and their total."""

    as_of: date = Field(title="截至日期", description="欠款金额计算截至之日")
    components: list[AmountComponent] = Field(title="欠款明细", min_length=1, max_length=12)
    total: Money | None = Field(
        default=None, title="合计（元）", description="不填则自动合计；填写时必须等于各项之和"
    )


class PaymentDeadline(CaseModel):
    """How long the debtor has to pay; the date itself is computed, never typed."""

    days: int = Field(title="付款期限（天数）", ge=1, le=90)
    kind: Literal["working", "calendar"] = Field(
        default="working",
        title="天数类型",
        json_schema_extra={**ADVANCED, "enum_titles": ["工作日", "自然日"]},
    )
    counted_from: Literal["receipt", "letter_date"] = Field(
        default="receipt",
        title="起算方式",
        description="自收到本函之日起算，或自发函日期起算（后者在函中写明截止日期）",
        json_schema_extra={**ADVANCED, "enum_titles": ["收到本函之日", "发函日期"]},
    )

    def compute(self, result: Assessment, letter_date: date, allow_fallback: bool) -> None:
        """Compute the due date into ``result.computed["deadline"]`` (errors at ``deadline``)."""
        compute = working_day_deadline if self.kind == "working" else calendar_day_deadline
        try:
            deadline = compute(letter_date, self.days, allow_fallback=allow_fallback)
        except CalendarCoverageError as exc:
            result.error(("deadline", "days"), "calendar_not_covered", str(exc))
            return
        if deadline.calendar_fallback:
            result.warn(
                ("deadline",),
                "calendar_fallback",
                "付款期限超出法定节假日日历的覆盖年份：已按周一至周五并扣除法定节假日"
                "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）计算，但当年的调休安排"
                "尚未公布，请人工核对截止日期",
            )
        result.computed["deadline"] = deadline

    def text(self, deadline: Deadline) -> str:
        """The deadline as the letter words it."""
        unit = "个工作日" if self.kind == "working" else "日"
        if self.counted_from == "receipt":
            return f"收到本函之日起{self.days}{unit}内"
        return f"{format_cn(deadline.due)}前（即本函出具之日起{self.days}{unit}内）"


class AddressedCase(CaseModel):
    """A letter sent to the debtor and, each in a copy of their own, to every guarantor.

    The case is validated once; :func:`split_recipients` then yields one copy per
    recipient, and ``recipient`` / ``recipient_role`` tell the context builder whom the
    copy is addressed to. Subclasses declare ``debtor`` and ``guarantors``.
    """

    _recipient: int = PrivateAttr(default=0)

    def recipient_parties(self) -> list[Party]:
        return [getattr(self, "debtor"), *getattr(self, "guarantors", [])]  # noqa: B009

    @property
    def recipient(self) -> Party:
        return self.recipient_parties()[self._recipient]

    @property
    def recipient_index(self) -> int:
        """0 for the debtor's copy, i + 1 for the copy of guarantor i."""
        return self._recipient

    @property
    def recipient_role(self) -> Literal["debtor", "guarantor"]:
        return "debtor" if self._recipient == 0 else "guarantor"

    def addressed_to(self, index: int) -> Self:
        copy = self.model_copy()
        copy._recipient = index
        return copy


A = TypeVar("A", bound=AddressedCase)


def split_recipients(case: A) -> list[A]:
    """One copy of the case per recipient: the debtor first, then each guarantor."""
    return [case.addressed_to(i) for i in range(len(case.recipient_parties()))]


def check_guarantors(
    assessment: Assessment, guarantors: list[Party], others: list[Party], loc: Loc
) -> None:
    """Each guarantor is a valid party, distinct from the other parties and each other."""
    for i, guarantor in enumerate(guarantors):
        check_party(assessment, guarantor, (*loc, i))
        earlier = others + guarantors[:i]
        if any(same_party(guarantor, other) for other in earlier):
            assessment.error(
                (*loc, i), "same_party", "保证人不能与债权人、债务人或其他保证人为同一主体"
            )


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


@dataclass
class ResolvedAmounts:
    """Every component's amount (typed or computed), the total and the calculation sheets."""

    amounts: list[Decimal]
    total: Decimal
    sheets: list[dict[str, Any]]


def check_amounts(
    assessment: Assessment,
    amounts: DebtAmounts,
    loc: Loc,
    latest: date,
    contract: ContractBasis,
    table: LprTable,
    latest_label: str = "发函日期",
) -> ResolvedAmounts:
    """Resolve and check the amounts claimed (typed, or computed from their calculation).

    Computed components must agree with typed ones; the total is the exact sum; no amount
    is stated as of a date after ``latest`` (the document's date, named ``latest_label`` in
    messages); private-lending interest stays within the cap.
    """
    resolved: list[Decimal] = []
    sheets: list[dict[str, Any]] = []
    principal = sum(
        (c.amount or Decimal(0) for c in amounts.components if c.kind == "principal"), Decimal(0)
    )
    for i, component in enumerate(amounts.components):
        where = (*loc, "components", i)
        value = component.amount
        if component.calculation is not None:
            if contract.kind == "private_lending":
                _check_base(assessment, component.calculation, principal, where)
            result = _compute(assessment, component, amounts.as_of, principal, table, where)
            if result is not None:
                value = _agree(assessment, component, result.interest, where)
                sheets.append(_sheet(component.display_label, result))
                if contract.kind == "private_lending":
                    _check_rate_cap(assessment, result, contract, table, where)
        if value is None:
            assessment.error((*where, "amount"), "missing", "必填项：请填写金额，或填写计算方式")
            value = Decimal(0)
        resolved.append(to_fen(value))
        if component.as_of is not None and component.as_of > latest:
            assessment.error(
                (*where, "as_of"),
                "as_of_after_letter",
                f"计算截至日（{format_cn(component.as_of)}）不得晚于{latest_label}（{format_cn(latest)}）",
            )
    total = sum(resolved, Decimal(0))
    if amounts.total is not None and to_fen(amounts.total) != total:
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
            f"截至日期（{format_cn(amounts.as_of)}）不得晚于{latest_label}（{format_cn(latest)}）",
        )
    if not any(c.kind == "principal" for c in amounts.components):
        assessment.error((*loc, "components"), "principal_missing", "欠款明细中应至少包含一项本金")
    if contract.kind == "private_lending":
        check_contract_lpr(assessment, contract, table)
    rate_capped = any(p.code == "above_legal_cap" for p in assessment.errors)
    if contract.kind == "private_lending" and principal > 0 and not rate_capped:
        _check_combined_cap(assessment, amounts, resolved, principal, contract, table, loc)
    return ResolvedAmounts(resolved, total, sheets)


def _check_base(assessment: Assessment, calc: InterestCalc, principal: Decimal, where: Loc) -> None:
    """Private-lending interest runs on principal only, never on interest or penalties.

    法释〔2020〕17号 art. 27 lets interest become principal only through a new
    instrument after settling accounts, and caps what that can add; a base above the
    principal claimed is interest charged on interest or penalties.
    """
    if calc.base is not None and principal > 0 and calc.base > principal:
        assessment.error(
            (*where, "calculation", "base"),
            "interest_on_interest",
            f"计息基数（人民币{format_yuan(calc.base)}元）超过本金（人民币{format_yuan(principal)}"
            "元）：利息、违约金不得再计利息；前期利息计入后期本金须重新出具债权凭证，且本息之和"
            "不得超过以最初本金按合同成立时一年期LPR四倍计算的限额（法释〔2020〕17号第二十七条）",
        )


LPR_UPDATE_HINT = "公布新的LPR后，请用 docgen reference update --lpr 文件.csv 更新LPR参考表"


def check_contract_lpr(assessment: Assessment, contract: ContractBasis, table: LprTable) -> None:
    """Warn when the cap depends on an LPR the table cannot vouch for.

    The cap is four times the one-year LPR in force when the contract was formed
    (法释〔2020〕17号 art. 25); for a contract formed after the table's last verified day
    that LPR may have changed, so every cap figure needs checking.
    """
    if table.is_verified(contract.signed_on):
        return
    assessment.warn(
        ("contract", "signed_on"),
        "lpr_unverified",
        f"合同成立日（{format_cn(contract.signed_on)}）晚于LPR参考表的核实日期"
        f"（{format_cn(table.latest_known_date)}）：利率上限按最近一期LPR"
        f"（{table.last_entry.rate_text}%）计算，须按实际公布的LPR核实",
        hint=LPR_UPDATE_HINT,
    )


def _compute(
    assessment: Assessment,
    component: AmountComponent,
    as_of: date,
    principal: Decimal,
    table: LprTable,
    where: Loc,
) -> InterestResult | None:
    calc = component.calculation
    if calc is None:
        return None
    last_day = calc.end or component.as_of or as_of
    base = calc.base or principal
    if base <= 0:
        assessment.error(
            (*where, "calculation", "base"), "missing", "请填写计息基数（没有本金可作基数）"
        )
        return None
    if last_day < calc.start:
        assessment.error(
            (*where, "calculation", "end"),
            "end_before_start",
            f"计息截止日（{format_cn(last_day)}）早于起息日（{format_cn(calc.start)}）",
        )
        return None
    try:
        result = interest_on_principal(
            base, calc.rate.spec(), calc.start, last_day + timedelta(days=1), table, calc.day_count
        )
    except (ValueError, LprNotAvailable) as exc:
        assessment.error((*where, "calculation", "rate"), "rate_not_computable", str(exc))
        return None
    if result.beyond_table:
        # an operator note: a warning in the API, form and batch report, never printed
        assessment.warn(
            (*where, "calculation", "rate"),
            "lpr_unverified",
            f"LPR参考表仅核实至{format_cn(result.table_date)}，此后的计息期间沿用最近一期LPR"
            "计算，须按实际公布的LPR核实",
            hint=LPR_UPDATE_HINT,
        )
    return result


def _agree(
    assessment: Assessment, component: AmountComponent, computed: Decimal, where: Loc
) -> Decimal:
    if component.amount is not None and to_fen(component.amount) != computed:
        assessment.error(
            (*where, "amount"),
            "amount_mismatch",
            f"填写的金额人民币{format_yuan(component.amount)}元与按计算方式计得的"
            f"人民币{format_yuan(computed)}元不符",
            hint="可不填金额，由系统按计算方式计算",
        )
    return computed


def _check_rate_cap(
    assessment: Assessment,
    result: InterestResult,
    contract: ContractBasis,
    table: LprTable,
    where: Loc,
) -> None:
    check = check_cap(result, contract.signed_on, table)
    if not check.ok:
        assessment.error((*where, "calculation", "rate"), "above_legal_cap", check.message)


def _check_combined_cap(
    assessment: Assessment,
    amounts: DebtAmounts,
    resolved: list[Decimal],
    principal: Decimal,
    contract: ContractBasis,
    table: LprTable,
    loc: Loc,
) -> None:
    """Interest, penalties and fees together may not exceed the cap over the whole loan."""
    parts = {"interest": Decimal(0), "penalty": Decimal(0), "fee": Decimal(0)}
    for component, value in zip(amounts.components, resolved, strict=True):
        if component.kind in parts:
            parts[component.kind] += value
    if not any(parts.values()):
        return
    try:
        check = check_combined_cap(
            parts["interest"],
            parts["penalty"],
            parts["fee"],
            principal,
            contract.signed_on,
            amounts.as_of + timedelta(days=1),
            contract.signed_on,
            table,
        )
    except (ValueError, LprNotAvailable):
        return
    if not check.ok:
        assessment.error(
            (*loc, "components"),
            "above_legal_cap",
            "利息、违约金及其他费用合计超过民间借贷利率上限："
            + check.message.replace("逾期利息", "利息"),
        )


def _sheet(label: str, result: InterestResult) -> dict[str, Any]:
    """A calculation sheet (计算明细) for one computed component."""
    rows = [
        {
            "period": f"{format_cn(step.start)}至{format_cn(step.end - timedelta(days=1))}",
            "days": str(step.days),
            "base": format_yuan(step.base),
            "rate": format_percent(step.annual_percent) + "%",
            "amount": format_yuan(step.amount),
        }
        for step in result.steps
    ]
    notes = [step.basis for step in result.steps]
    return {
        "title": label,
        "rate": result.rate.describe(),
        "day_count": str(result.day_count),
        "rows": rows,
        "total": format_yuan(result.interest),
        "notes": notes,
    }


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


def amounts_context(amounts: DebtAmounts, resolved: ResolvedAmounts) -> dict[str, Any]:
    """Template view of the amounts: one row per component, the total in figures and words."""
    rows = [
        {
            "no": i + 1,
            "label": c.display_label,
            "as_of": format_cn(c.as_of or amounts.as_of),
            "amount": format_yuan(value),
            "note": c.note or ("见计算明细" if c.calculation else ""),
        }
        for i, (c, value) in enumerate(zip(amounts.components, resolved.amounts, strict=True))
    ]
    total = resolved.total
    return {
        "as_of": format_cn(amounts.as_of),
        "rows": rows,
        "total": format_yuan(total),
        "total_upper": rmb_upper(total),
        "total_legal": legal_amount(total),
    }


def signer_context(role: str, party: Party | None, *, kind: str | None = None) -> dict[str, Any]:
    """One signature block (templates/_shared/macros.html ``signature_block``; the DOCX kit's
    ``signature_blocks``): a person signs and presses a fingerprint, an organisation seals
    and its legal representative signs. ``party`` None leaves the name blank."""
    signer_kind = kind or (party.kind if party is not None else "person")
    return {
        "role": role,
        "name": party.name if party is not None else "",
        "kind": signer_kind,
        "sign_label": "签字并按手印" if signer_kind == "person" else "盖章",
        "representative_title": (
            party.representative_title if isinstance(party, Organization) else "法定代表人"
        ),
    }


def check_contract_dates(result: Assessment, contract: ContractBasis, letter_date: date) -> None:
    """A demand is for a debt that is due: contract, due date and letter in that order."""
    if contract.due_date >= letter_date:
        result.error(
            ("contract", "due_date"),
            "not_yet_due",
            f"债务尚未到期：应付款日期（{format_cn(contract.due_date)}）应早于发函日期"
            f"（{format_cn(letter_date)}），未到期的债务不能催收",
        )
    if contract.signed_on > contract.due_date:
        result.error(
            ("contract", "signed_on"), "signed_after_due", "合同签订日期不得晚于应付款日期"
        )
    if contract.signed_on > letter_date:
        result.error(
            ("contract", "signed_on"), "signed_after_letter", "合同签订日期不得晚于发函日期"
        )


def limitation_of(due: date, interruptions: list[InterruptionInput], on: date) -> LimitationResult:
    """The limitation status on ``on`` of a debt due on ``due``, with its interruptions."""
    events = [InterruptionEvent(e.kind, e.day) for e in interruptions]
    return limitation_status(due, events, on=on, allow_fallback=True)


def check_limitation(
    result: Assessment,
    contract: ContractBasis,
    interruptions: list[InterruptionInput],
    letter_date: date,
) -> None:
    """Warn when the limitation period has run or soon will (a demand may still be sent).

    The status is kept in ``result.computed["limitation"]``.
    """
    status = limitation_of(contract.due_date, interruptions, letter_date)
    result.computed["limitation"] = status
    if status.status == "expired" and not status.waived:
        result.warn(
            ("contract", "due_date"),
            "limitation_may_have_expired",
            f"诉讼时效期间可能已于{format_cn(status.expires)}届满（自应付款日期或最后一次中断事由起算三年）；"
            "本函仍可发出；届满后债务人如同意履行（如签收回执确认债务）或自愿履行，"
            "则不得再以诉讼时效抗辩",
            hint="如有未填写的中断事由（催收送达、还款、确认），请在「此前的时效中断事由」中补充",
        )
    elif status.status == "expiring":
        result.warn(
            ("contract", "due_date"),
            "limitation_expiring",
            f"诉讼时效期间将于{format_cn(status.expires)}届满，仅剩{status.days_left}日，"
            "请确保本函及时送达并保留送达凭证",
        )
