"""The case fields shared by document types: parties' accounts, contract, amounts, deadline,
and the letter addressed to each recipient in turn.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal, Self, TypeVar

from pydantic import Field, PrivateAttr

from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, Phone, ShortText, Text
from docgen.domain.interest import RateSpec
from docgen.domain.limitation import (
    INTERRUPTION_LABELS,
    InterruptionKind,
)
from docgen.domain.parties import Party
from docgen.domain.workdays import (
    CalendarCoverageError,
    Deadline,
    calendar_day_deadline,
    rest_day_kind,
    weekday_cn,
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


class LetterAccount(BankAccount):
    """The account a letter asks the debtor to pay into, and, when someone other than the
    creditor holds it, who that is to the creditor (民法典 art. 522(1))."""

    holder_relation: ShortText | None = Field(
        default=None,
        title="收款人与债权人的关系",
        description="收款账户不是债权人本人的账户时必填，如 法定代表人；函件写明「该账户为我方"
        "法定代表人陈建国的个人账户，我方授权其代为收取本函所列款项」",
    )
    payee_authorization: bool = Field(
        default=False,
        title="附收款授权书",
        description="收款账户不是债权人本人的账户时：随函附债权人出具（单位加盖公章）的收款"
        "授权书，函件写明「（见附件收款授权书）」并列入附件；单位债权人使用个人账户收款而未附的，"
        "予以提醒",
        json_schema_extra=ADVANCED,
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

    kind: Literal[
        "private_lending", "financial_loan", "credit_card", "sale", "service", "other"
    ] = Field(
        default="other",
        title="合同类型",
        description="民间借贷适用法释〔2020〕17号的利率上限",
        json_schema_extra={
            "enum_titles": ["民间借贷", "金融借款", "信用卡", "买卖合同", "服务合同", "其他"]
        },
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


ASSENT_WORDS = {"consent": "同意", "ratification": "追认"}
"""How a legal representative makes a contract of a person of limited capacity valid:
consent before or at the contract, ratification after it (民法典 art. 145(1))."""


class GuardianAssent(CaseModel):
    """The legal representative's consent to, or ratification of, the contract the debtor
    made with limited capacity (民法典 arts. 19, 22, 145(1))."""

    kind: Literal["consent", "ratification"] = Field(
        title="方式",
        description="签约前或签约时表示同意的，为同意；签约后认可的，为追认",
        json_schema_extra={"enum_titles": ["签约前（时）同意", "签约后追认"]},
    )
    given_on: date = Field(
        title="同意或追认日期",
        description="同意不晚于签约之日，追认不早于签约之日，均不晚于发函日期",
    )


class InterruptionInput(CaseModel):
    """An event that interrupted the limitation period (民法典 art. 195)."""

    kind: InterruptionKind = Field(
        title="中断事由", json_schema_extra={"enum_titles": list(INTERRUPTION_LABELS.values())}
    )
    day: date = Field(title="发生日期")


def interruptions_field(
    description: str, *, title: str = "此前的时效中断事由", advanced: bool = True
) -> Any:
    """The ``prior_interruptions`` field of a document type (a list of
    :class:`InterruptionInput`), with the document's own ``description`` of what the
    events are read for. Behind 更多信息 on the form, except where the document stops
    without them (the complaint: ``advanced=False``, its own ``title``)."""
    return Field(
        default_factory=list,
        max_length=50,
        title=title,
        description=description,
        json_schema_extra=ADVANCED if advanced else None,
    )


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
    start: date = Field(
        title="计息首日",
        description="计入利息的第一天：借期内利息为出借次日，逾期利息为到期日次日"
        "（民法典第二百零一条：开始的当日不计入）",
    )
    end: date | None = Field(
        default=None, title="计至（含当日）", description="不填则为该项的计算截至日"
    )
    day_count: Literal[365, 360] = Field(default=365, title="年计息天数")
    agreed_in: ShortText | None = Field(
        default=None,
        title="利率的约定依据",
        description="合同中约定该利率的条款，如 《借款合同》第七条；印入计算明细。"
        "民间借贷未约定逾期利率的，逾期利息按借期内利率计算，不填",
        json_schema_extra=ADVANCED,
    )


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

    @property
    def principal_label(self) -> str:
        """The principal as the amounts table names it: 货款 for a sale, 本金 for a loan
        (one name for every principal line, else 本金), so that a document speaks of
        one debt in one word."""
        labels = {c.display_label for c in self.components if c.kind == "principal"}
        return labels.pop() if len(labels) == 1 else COMPONENT_LABELS["principal"]


class PaymentDeadline(CaseModel):
    """How long the debtor has to pay; the date itself is computed, never typed."""

    days: int = Field(
        title="付款期限（天数）",
        ge=1,
        le=90,
        description="默认为工作日，自收到本函之日起算：填 7 即「收到本函之日起7个工作日内」；"
        "可在下方改为自然日，起算方式见「更多信息」",
    )
    kind: Literal["working", "calendar"] = Field(
        default="working",
        title="天数类型",
        description="工作日不含周末和法定节假日；自然日即日历天数",
        json_schema_extra={"enum_titles": ["工作日", "自然日"]},
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
        moved = deadline.moved_from
        if moved is not None:
            # the n-th day is not the last: the date alone, the move in a sentence of its
            # own (``extension``), so that no figure beside the date contradicts it
            return f"{format_cn(deadline.due)}（{weekday_cn(deadline.due)}）前（含当日）"
        return f"{format_cn(deadline.due)}前（含当日，即本函出具之日起{self.days}{unit}内）"

    def extension(self, deadline: Deadline) -> str:
        """Why a deadline counted from the letter's date ends after its n-th day: that day
        was a rest day or holiday, and the period's last day moves to the next workday
        (民法典 art. 203): 「本函出具之日起第10日（2026年9月25日）为中秋节法定节假日，依…
        第二百零三条，上述期限顺延至该休假日结束的次日，即2026年9月28日。」; else nothing.
        A note at the end of the letter (``layouts.common.deadline_note``), apart from the
        demand to pay, which gives the one date to pay by."""
        moved = deadline.moved_from
        if self.counted_from == "receipt" or moved is None:
            return ""
        return (
            f"本函出具之日起第{self.days}日（{format_cn(moved)}）为{rest_day_kind(moved)}，"
            "依《中华人民共和国民法典》第二百零三条，上述期限顺延至该休假日结束的次日，即"
            f"{format_cn(deadline.due)}。"
        )


class DrawnNumber:
    """The one number a letter's copies share when it is drawn from a series: drawn by the
    first copy resolved, suffixed per copy as a given number is (:func:`copy_number`)."""

    def __init__(self) -> None:
        self.base: str | None = None


class AddressedCase(CaseModel):
    """A letter sent to the debtor and, each in a copy of their own, to every guarantor.

    The case is validated once; :func:`split_recipients` then yields one copy per
    recipient, and ``recipient`` / ``recipient_role`` tell the context builder whom the
    copy is addressed to. Subclasses declare ``debtor`` and ``guarantors``.
    """

    _recipient: int = PrivateAttr(default=0)
    _drawn: DrawnNumber | None = PrivateAttr(default=None)
    """The number the copies of one letter share when the series gives it (``split_recipients``)."""

    def recipient_parties(self) -> list[Party]:
        return [getattr(self, "debtor"), *getattr(self, "guarantors", [])]  # noqa: B009

    @property
    def recipient(self) -> Party:
        return self.recipient_parties()[_recipient_of(self)]

    @property
    def recipient_index(self) -> int:
        """0 for the debtor's copy, i + 1 for the copy of guarantor i."""
        return _recipient_of(self)

    @property
    def recipient_role(self) -> Literal["debtor", "guarantor"]:
        return "debtor" if _recipient_of(self) == 0 else "guarantor"

    def addressed_to(self, index: int) -> Self:
        copy = self.model_copy()
        copy._recipient = index
        return copy


def _recipient_of(case: AddressedCase) -> int:
    """``case._recipient``, read from pydantic's store of private attributes: reading it
    as an attribute goes through the model's ``__getattr__`` fallback, several µs a read
    and a dozen reads a letter."""
    private = case.__pydantic_private__
    return int(private["_recipient"]) if private is not None else case._recipient


A = TypeVar("A", bound=AddressedCase)


def copy_number(base: str, index: int) -> str:
    """The number of the ``index``-th copy (0: the debtor's) of a letter numbered ``base``.

    Each copy sent is a letter of its own and needs its own number: the base with -1, -2…
    before the closing 号 of a 函号 (``（2026）京某律函字第88-2号``), else at its end
    (``CS-2026-0158-2``).
    """
    suffix = f"-{index + 1}"
    return f"{base[:-1]}{suffix}号" if base.endswith("号") else base + suffix


def split_recipients(case: A) -> list[A]:
    """One copy of the case per recipient: the debtor first, then each guarantor.

    A letter number the case gives is the base of every copy's own number
    (:func:`copy_number`); a number left blank is drawn from the series once, when the
    first copy is resolved, and is the base of each copy's number the same way: a copy
    that refers to another's letter can name its number (``letter_copies``).
    """
    count = len(case.recipient_parties())
    base = getattr(case, "letter_number", None)
    if count == 1:
        return [case.addressed_to(0)]
    if not base:
        drawn = DrawnNumber()
        copies = [case.addressed_to(i) for i in range(count)]
        for copy in copies:
            copy._drawn = drawn
        return copies
    out = []
    for i in range(count):
        copy = case.model_copy(update={"letter_number": copy_number(base, i)})
        copy._recipient = i
        out.append(copy)
    return out
