"""The facts the element-based complaint forms of 买卖合同纠纷 and 金融借款合同纠纷 ask
(the Supreme People's Court's model forms, 法〔2025〕82号), beyond the parties, the
contract and the amounts every complaint states. Every fact the form lets a party leave
open is optional: an open item prints as the form prints it (□ boxes, ＿＿ lines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from docgen.documents.complaint_parts import Collateral
from docgen.documents.parts import RateInput
from docgen.domain.fields import CaseModel, Line, Money, ShortText, Text

Paid = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, allow_inf_nan=False)]
"""An amount of the price paid or unpaid: unlike ``Money``, zero is an answer (0元)."""
SALE_LOSS_BASIS = (
    "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（法释〔2020〕17号修正）"
    "第十八条第四款"
)
"""Where the loss from a price paid late is measured when no penalty was agreed: the
one-year LPR in force when the breach occurred, plus 30–50%."""
PAYMENT_LABELS = {"cash": "现金", "transfer": "转账", "bill": "票据", "other": "其他"}


class Answer(CaseModel):
    """A 是／否 question of the form with its 具体情况 (left open: both boxes empty)."""

    answer: bool = Field(title="是否")
    detail: Text | None = Field(default=None, title="具体情况")


class SaleFacts(CaseModel):
    """买卖合同: what was sold, for what price, how it was paid and delivered."""

    written: bool = Field(default=True, title="有书面合同", description="无书面合同的不勾选")
    signed_place: Line | None = Field(default=None, title="合同签订地点")
    goods: Text = Field(
        title="标的物", description="名称、规格、质量、数量，如 螺杆式空压机 SA-37型 十台"
    )
    unit_price: Money | None = Field(default=None, title="单价（元）")
    total_price: Money = Field(title="总价（元）")
    payment_method: Literal["cash", "transfer", "bill", "other"] | None = Field(
        default=None,
        title="约定支付方式",
        json_schema_extra={"enum_titles": list(PAYMENT_LABELS.values())},
    )
    payment_detail: ShortText | None = Field(
        default=None, title="票据类型或其他支付方式", description="如 银行承兑汇票"
    )
    installments: bool | None = Field(default=None, title="分期支付", description="否为一次性支付")
    installment_terms: Text | None = Field(default=None, title="分期方式")
    delivery_terms: Text | None = Field(
        default=None,
        title="交货约定",
        description="交货时间、地点、方式、风险承担、安装、调试、验收",
    )
    quality_terms: Text | None = Field(
        default=None, title="质量约定", description="质量标准及检验方式、质量异议期限"
    )
    penalty_amount: Money | None = Field(default=None, title="约定违约金（元）")
    penalty_clause: ShortText | None = Field(
        default=None, title="违约金条款", description="如 第六条"
    )
    deposit_amount: Money | None = Field(default=None, title="约定定金（元）")
    deposit_clause: ShortText | None = Field(default=None, title="定金条款")
    daily_penalty_percent: Decimal | None = Field(
        default=None,
        ge=0,
        le=10,
        max_digits=8,
        decimal_places=4,
        allow_inf_nan=False,
        title="迟延履行违约金（%／日）",
        description="每日万分之五填0.05",
    )
    daily_penalty_clause: ShortText | None = Field(default=None, title="迟延履行违约金条款")
    paid_on_time: Paid | None = Field(default=None, title="按期支付价款（元）")
    paid_late: Paid | None = Field(default=None, title="逾期支付价款（元）")
    unpaid: Paid | None = Field(default=None, title="逾期未付价款（元）")
    unit: ShortText = Field(
        default="件",
        title="计量单位",
        description="交付数量的单位，与标的物的数量一致，如 台、吨",
    )
    delivered_on_time: int | None = Field(default=None, ge=0, title="按期交付（数量）")
    delivered_late: int | None = Field(default=None, ge=0, title="逾期交付（数量）")
    undelivered: int | None = Field(default=None, ge=0, title="逾期未交付（数量）")
    urged_on: date | None = Field(default=None, title="催促履行日期")
    urged_by: ShortText | None = Field(default=None, title="催促方式", description="如 律师函")
    quality_dispute: Answer | None = Field(default=None, title="标的物有无质量争议")
    nonconformity: Answer | None = Field(default=None, title="质量规格或履行方式不符合约定")
    quality_talks: Answer | None = Field(default=None, title="是否曾就质量问题协商")
    rescission_notice: Answer | None = Field(default=None, title="是否通知解除合同")
    performance_days: int | None = Field(
        default=None, ge=1, le=365, title="请求限期付款（日）", description="判决生效后几日内付款"
    )
    rescinded_on: date | None = Field(
        default=None, title="合同已解除日期", description="请求确认合同已于该日解除"
    )
    collateral: Collateral | None = Field(default=None, title="抵押、质押等物的担保")
    guarantee_contract: Text | None = Field(default=None, title="保证合同")
    guarantee_signed_on: date | None = Field(default=None, title="保证合同签订时间")
    other_security: Line | None = Field(default=None, title="其他担保方式")
    other_security_on: date | None = Field(default=None, title="其他担保签订时间")

    @field_validator("collateral", mode="before")
    @classmethod
    def _property_only(cls, value: Any) -> Any:
        return {"property": value} if isinstance(value, str) else value

    @property
    def penalty_agreed(self) -> bool:
        """A penalty for late payment, or how to compute it, is in the contract."""
        return self.penalty_amount is not None or self.daily_penalty_percent is not None


class BankLoanTerms(CaseModel):
    """金融借款: the rates the loan contract states (借款利率, 逾期上浮, 复利, 罚息)."""

    rate: RateInput = Field(title="借款利率")
    rate_clause: ShortText | None = Field(default=None, title="利率条款", description="如 第四条")
    overdue_uplift: Decimal | None = Field(
        default=None,
        gt=0,
        le=1000,
        max_digits=8,
        decimal_places=4,
        allow_inf_nan=False,
        title="逾期上浮（%）",
        description="逾期后在借款利率上加收的比例，加收50%填50",
    )
    overdue_clause: ShortText | None = Field(default=None, title="逾期上浮条款")
    compound: bool = Field(default=False, title="约定计收复利")
    compound_clause: ShortText | None = Field(default=None, title="复利条款")
    penalty_rate: RateInput | None = Field(default=None, title="罚息（违约金）利率")
    penalty_clause: ShortText | None = Field(default=None, title="罚息条款")
