"""The parts of a civil complaint's case: its parties, the loan, the security for it,
the evidence and witnesses, and the element-based form's own answers."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field, field_validator

from docgen.documents.case_numbers import CaseNumberText
from docgen.documents.complaint_beneficium import BeneficiumException
from docgen.documents.complaint_installments import InstallmentPlan
from docgen.documents.court_parts import Agent, ServiceAddress
from docgen.documents.letter_assent import AdultRatification
from docgen.documents.letter_found_later import incapacity_at_signing_field
from docgen.documents.parts import RateInput
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED, shown_when
from docgen.domain.fields import CaseModel, Line, Money, ShortText, Text
from docgen.domain.guarantee import PERIOD_LABELS, Guarantee, PeriodKind
from docgen.domain.parties import Party

CHECKED = "■"
UNCHECKED = "□"
"""Box marks of the element-based form. ☑ is not in the Noto CJK fonts, and docgen never
prints a character its PDF fonts lack, so a chosen option is a filled box."""

ROLE_LABELS = {"borrower": "借款人（债务人）", "guarantor": "保证人", "other": "其他"}
GUARANTEE_LABELS: dict[str, str] = {"joint": "连带责任保证", "general": "一般保证"}
DELIVERY_LABELS = {"transfer": "银行转账", "cash": "现金", "mixed": "银行转账及现金"}
MEDIATION_LABELS = {"yes": "是", "no": "否", "undecided": "暂不确定"}
REPAYMENT_LABELS = {
    "lump_sum": "到期一次性还本付息",
    "monthly_interest": "按月计息、到期一次性还本",
    "quarterly_interest": "按季计息、到期一次性还本",
    "yearly_interest": "按年计息、到期一次性还本",
    "other": "其他",
}
BANK_REPAYMENT_LABELS = {
    "equal_installment": "等额本息",
    "equal_principal": "等额本金",
    **REPAYMENT_LABELS,
}
"""The 金融借款 form offers 等额本息 and 等额本金 before the 民间借贷 form's choices."""
SECURITY_LABELS = {"mortgage": "抵押", "pledge": "质押"}
REGISTRATION_LABELS = {"formal": "正式登记", "advance": "预告登记"}
ORDER_LABELS = {
    "guarantor_directly": "债权人可直接要求保证人承担保证责任",
    "security_first": "债权人应先就物的担保实现债权",
}
FIXING_LABELS = {
    "period_request": "未约定或约定不明确债权确定期间而满二年后请求确定债权",
    "no_new_claims": "新的债权不可能发生",
    "seized": "债权人知道或者应当知道担保财产被查封、扣押",
    "bankruptcy": "债务人、担保人被宣告破产或者解散",
    "other": "法律规定债权确定的其他情形",
}
"""The events that fix a maximum security's claims before its agreed period ends, as
民法典 art. 423 (二)–(六) name them (item (一), the agreed period ending, is ``fixed_on``)."""
ASSENT_LABELS = {
    "represented": "由法定代理人代理订立",
    "consent": "经法定代理人同意",
    "ratification": "经法定代理人追认",
    "age_appropriate": "与其年龄、智力相适应，无需同意或追认",
}
"""How the contract of a minor when signing, or of a person already found without full
capacity, binds them (民法典 arts. 19–23, 145). ``age_appropriate`` is art. 19's exception
for a minor of eight or more (a contract fitting their age and intelligence is valid by
itself, art. 145(1)); its twin, an act purely to the minor's benefit, is not offered: a
loan the minor must repay never is one."""
FIXING_ITEMS = {
    "period_request": "第（二）项",
    "no_new_claims": "第（三）项",
    "seized": "第（四）项",
    "bankruptcy": "第（五）项",
    "other": "第（六）项",
}


class DebtFixing(CaseModel):
    """The event that fixed the claims of a maximum mortgage, pledge or guarantee (最高额
    担保的债权确定) before the agreed period ended: 民法典 art. 423 (二)–(六), applied to a
    maximum pledge by art. 439(2) and to a maximum guarantee by art. 690(2)."""

    event: Literal["period_request", "no_new_claims", "seized", "bankruptcy", "other"] = Field(
        title="债权确定事由",
        json_schema_extra={"enum_titles": list(FIXING_LABELS.values())},
    )
    on: date = Field(title="债权确定之日", description="该事由发生之日，应不晚于起诉日期")
    detail: Text | None = Field(
        default=None,
        title="具体情况",
        description="如 原告于2025年12月10日宣布借款全部提前到期，借款已全部发放，不再发生新的借款",
    )

    def reason(self, kind: Literal["mortgage", "pledge", "guarantee"]) -> str:
        """「新的债权不可能发生：…，《中华人民共和国民法典》第四百二十三条第（三）项」: the
        event, what happened, and the article (art. 439(2) applies it to a pledge, art.
        690(2) to a guarantee)."""
        detail = f"：{self.detail.rstrip('。')}" if self.detail else ""
        applied = {"mortgage": "", "pledge": "第四百三十九条第二款、"}.get(
            kind, "第六百九十条第二款、"
        )
        article = f"{applied}第四百二十三条{FIXING_ITEMS[self.event]}"
        return f"{FIXING_LABELS[self.event]}{detail}；《中华人民共和国民法典》{article}"

    def words(self, kind: Literal["mortgage", "pledge", "guarantee"]) -> str:
        """「已于2025年12月10日确定（…）」, as the form and the facts print it."""
        return f"已于{format_cn(self.on)}确定（{self.reason(kind)}）"


class Plaintiff(CaseModel):
    party: Party = Field(title="原告")
    agents: list[Agent] = Field(default_factory=list, max_length=2, title="委托诉讼代理人")
    service: ServiceAddress | None = Field(default=None, title="送达地址")


class SuedGuarantee(Guarantee):
    """A sued guarantor's guarantee. Its 保证期间 is chosen, never defaulted: the complaint
    states it as the guarantee contract's term (民法典 art. 692), so an empty field must
    not print 「保证合同未约定保证期间」 (complaint_guarantee.check_period_chosen)."""

    period: PeriodKind | None = Field(  # type: ignore[assignment]
        default=None,
        title="保证期间",
        description="按保证合同选择；未约定的，保证期间为主债务履行期限届满之日起六个月"
        "（民法典第六百九十二条第二款）",
        json_schema_extra={"enum_titles": list(PERIOD_LABELS.values())},
    )
    enforcement_ruling: Line | None = Field(
        default=None,
        title="对债务人终结本次执行程序的裁定",
        description="一般保证人单独被诉（债务人未列为被告）时填写，如 北京市东城区人民法院（2026）"
        "京0101执1234号执行裁定；并填写对债务人起诉的日期和先诉抗辩权消灭之日（民法典第六百八十七条"
        "第二款）",
        json_schema_extra={**ADVANCED, **shown_when("type", "general", "not_stated")},
    )
    beneficium_exception: BeneficiumException | None = Field(
        default=None,
        title="先诉抗辩权的除外情形",
        description="一般保证人有民法典第六百八十七条第二款所列情形的，选择该情形并写明事实及证据："
        "单独被诉（债务人未列为被告）、尚未对债务人强制执行的，或者与债务人一并被诉的；起诉状"
        "在事实与理由中写明，与债务人一并被诉的，请求其承担保证责任而不限于对债务人财产强制执行"
        "后仍不能履行的部分（担保制度解释第二十六条第二款）",
        json_schema_extra={**ADVANCED, **shown_when("type", "general", "not_stated")},
    )


class SelfRatification(AdultRatification):
    """A defendant's own ratification, once of full age, of the loan contract made as a
    minor of eight or more: the letters' model, its day bounded by the filing date."""

    given_on: date = Field(
        title="追认日期",
        description="被告年满十八周岁之日或其后、起诉日期或其前",
    )
    form: ShortText = Field(
        title="追认方式",
        description="被告以何种方式追认，如 书面《还款确认书》、微信消息；起诉状写明「以…追认」",
    )


class Defendant(CaseModel):
    party: Party = Field(title="被告")
    role: Literal["borrower", "guarantor", "other"] = Field(
        default="borrower",
        title="诉讼地位",
        json_schema_extra={"enum_titles": list(ROLE_LABELS.values())},
    )
    guarantee: SuedGuarantee | None = Field(
        default=None,
        title="保证",
        description="被告为保证人时必填：保证方式、保证期间、是否已在保证期间内主张权利",
    )
    capacity_finding: Line | None = Field(
        default=None,
        title="民事行为能力的认定",
        description="成年被告为无或限制民事行为能力人的，写明认定的法院和文书，如 北京市东城区"
        "人民法院（2025）京0101民特88号民事判决（民法典第二十四条）",
        json_schema_extra=ADVANCED,
    )
    capacity_found_on: date | None = Field(
        default=None, title="认定日期", description="认定判决作出之日", json_schema_extra=ADVANCED
    )
    guarantee_scope: Text | None = Field(
        default=None,
        title="约定的保证范围",
        description="保证合同约定的保证范围及条款，如 主债权本金及利息（《保证合同》第三条）；"
        "不填则按法定范围：主债权及其利息、违约金、损害赔偿金和实现债权的费用（民法典第六百九十一条）",
        json_schema_extra={**ADVANCED, **shown_when("role", "guarantor")},
    )
    contract_assent: Literal["represented", "consent", "ratification", "age_appropriate"] | None = (
        Field(
            default=None,
            title="法定代理人对借款合同的代理、同意或追认",
            description="被告签约时未满十八周岁，或者民事行为能力的认定早于合同签订的：合同由法定代理人"
            "代理订立，或者经法定代理人同意、追认的，选择相应项（民法典第十九条至第二十二条、"
            "第一百四十五条）；签约时为八周岁以上的未成年人、合同与其年龄、智力相适应的，选择"
            "「与其年龄、智力相适应」（是否相适应由人民法院认定，数额较大的借款通常难以认定）",
            json_schema_extra={"enum_titles": list(ASSENT_LABELS.values()), **ADVANCED},
        )
    )
    contract_assent_on: date | None = Field(
        default=None,
        title="同意或追认日期",
        description="法定代理人同意或者追认合同之日：同意不晚于签约之日，追认不早于签约之日，"
        "均不晚于起诉日期；被告签约时未满十八周岁的必填，起诉状写明",
        json_schema_extra={**ADVANCED, **shown_when("contract_assent", "consent", "ratification")},
    )
    contract_assent_form: ShortText | None = Field(
        default=None,
        title="同意或追认方式",
        description="如 书面《同意书》、在《借款合同》上签字、书面《追认书》；被告签约时未满"
        "十八周岁的必填，起诉状写明「以…同意（追认）」",
        json_schema_extra={**ADVANCED, **shown_when("contract_assent", "consent", "ratification")},
    )
    incapacity_at_signing: Text | None = incapacity_at_signing_field("被告", "起诉状")
    adult_ratification: SelfRatification | None = Field(
        default=None,
        title="成年后本人追认",
        description="被告签约时为八周岁以上的未成年人，年满十八周岁后已自行追认该合同的，填写追认"
        "日期和方式（民法典第十九条、第一百四十五条第一款）：起诉状写明该事实",
        json_schema_extra=ADVANCED,
    )
    maximum_fixing: DebtFixing | None = Field(
        default=None,
        title="最高额保证债权提前确定的事由",
        description="最高额保证的债权确定期间晚于起诉日期届满的，写明使债权提前确定的事由"
        "（民法典第六百九十条第二款、第四百二十三条）",
        json_schema_extra={**ADVANCED, **shown_when("role", "guarantor")},
    )

    @field_validator("guarantee", mode="before")
    @classmethod
    def _type_only(cls, value: Any) -> Any:
        """``"joint"`` / ``"general"`` alone (the earlier form) states the type only."""
        return {"type": value} if isinstance(value, str) else value


class Collateral(CaseModel):
    """物的担保 (抵押、质押) securing the loan: what the form asks of it."""

    kind: Literal["mortgage", "pledge"] = Field(
        default="mortgage",
        title="担保方式",
        json_schema_extra={"enum_titles": list(SECURITY_LABELS.values())},
    )
    signed_on: date | None = Field(default=None, title="担保合同签订时间")
    provider: Line | None = Field(default=None, title="担保人")
    property: Text = Field(title="担保物", description="如 深圳市南山区某房产（粤房地权证…号）")
    maximum_amount: Money | None = Field(
        default=None, title="最高额担保额度（元）", description="最高额抵押、质押时填写"
    )
    fixed_on: date | None = Field(
        default=None, title="担保债权的确定时间", description="最高额抵押、质押时填写"
    )
    fixing: DebtFixing | None = Field(
        default=None,
        title="债权提前确定的事由",
        description="最高额抵押、质押的确定时间晚于起诉日期的，写明使担保债权提前确定的事由"
        "（民法典第四百二十三条）",
        json_schema_extra=ADVANCED,
    )
    scope: Text | None = Field(
        default=None,
        title="约定的担保范围",
        description="抵押、质押合同约定的担保范围及条款，如 主债权本金、利息、违约金、损害赔偿金及"
        "实现债权的费用（包括律师费、诉讼费）（《抵押合同》第二条）；不填则按法定范围：主债权及其"
        "利息、违约金、损害赔偿金和实现担保物权的费用（民法典第三百八十九条），律师费等实现债权的"
        "费用不请求优先受偿",
        json_schema_extra=ADVANCED,
    )
    registration: Literal["formal", "advance", "none"] = Field(
        default="none",
        title="抵押、质押登记",
        description="以动产出质的，质权自交付时设立，不办理登记（民法典第四百二十九条）；"
        "以汇票、存单、仓单等出质的，自交付权利凭证时设立，没有权利凭证的自登记时设立"
        "（第四百四十一条）；以股权、基金份额、知识产权、应收账款出质的，自办理出质登记时设立"
        "（第四百四十三条至第四百四十五条）",
        json_schema_extra={"enum_titles": ["正式登记", "预告登记", "未办理登记"]},
    )
    delivered: bool | None = Field(
        default=None,
        title="质押财产或权利凭证已交付",
        description="动产质押：出质人是否已将质押财产交付债权人；以汇票、存单、仓单等出质的："
        "是否已将权利凭证交付债权人（质权自交付时设立）",
        json_schema_extra=shown_when("kind", "pledge"),
    )
    agreed_order: Literal["guarantor_directly", "security_first"] | None = Field(
        default=None,
        title="约定的实现顺序",
        description="同时有保证人的，合同对先实现物的担保还是先要求保证人承担责任的约定；"
        "不选即未约定：债务人自己提供的物的担保应先实现，第三人提供的债权人可以选择"
        "（民法典第三百九十二条）",
        json_schema_extra={"enum_titles": list(ORDER_LABELS.values()), **ADVANCED},
    )
    enforcement_order: Text | None = Field(
        default=None,
        title="物保与保证的实现顺序约定",
        description="选择了约定的实现顺序的，写明条款及内容，如 《保证合同》第六条：债权人可直接"
        "要求保证人承担保证责任，无须先行使担保物权",
        json_schema_extra=ADVANCED,
    )


class LoanFacts(CaseModel):
    """How the loan was made and repaid (the element-based form asks for each fact)."""

    signed_place: Line | None = Field(default=None, title="合同签订地点")
    agreed_amount: Money = Field(title="约定借款金额（元）")
    delivered_amount: Money = Field(title="实际出借金额（元）")
    delivered_on: date = Field(title="出借日期")
    delivery_method: Literal["transfer", "cash", "mixed"] = Field(
        default="transfer",
        title="交付方式",
        json_schema_extra={"enum_titles": list(DELIVERY_LABELS.values())},
    )
    agreed_rate: Text | None = Field(
        default=None, title="约定利率", description="如 年利率6%（《借款合同》第三条）"
    )
    repayment_method: Text | None = Field(default=None, title="还款方式")
    repaid_principal: Money | None = Field(default=None, title="已还本金（元）")
    repaid_interest: Money | None = Field(default=None, title="已还利息（元）")
    repayment_plan: (
        Literal[
            "equal_installment",
            "equal_principal",
            "lump_sum",
            "monthly_interest",
            "quarterly_interest",
            "yearly_interest",
            "other",
        ]
        | None
    ) = Field(
        default=None,
        title="还款方式（要素式选项）",
        description="不选则按「还款方式」的文字勾选「其他」；等额本息、等额本金为金融借款的选项",
        json_schema_extra={"enum_titles": list(BANK_REPAYMENT_LABELS.values())},
    )
    interest_paid_until: date | None = Field(
        default=None,
        title="还息至",
        description="借款人已支付利息的最后一日；期内利息自其次日起计算",
    )
    installments: InstallmentPlan | None = Field(
        default=None,
        title="分期还款计划",
        description="分期还款的，填写期数、第一期还款日、已还期数及已还至日期：最后一期应在借款期限内，"
        "已还期数应与已还至日期相符",
        json_schema_extra=ADVANCED,
    )
    collateral: Collateral | None = Field(default=None, title="抵押、质押等物的担保")
    other_security: Line | None = Field(
        default=None, title="其他担保方式", description="如 让与担保、保证金质押"
    )
    other_security_on: date | None = Field(default=None, title="其他担保签订时间")

    @field_validator("collateral", mode="before")
    @classmethod
    def _property_only(cls, value: Any) -> Any:
        """A bare text (the earlier form) names the property only."""
        return {"property": value} if isinstance(value, str) else value

    lenders: list[ShortText] = Field(
        default_factory=list,
        max_length=5,
        title="签订合同并出借的原告",
        description="原告有数人时必填：写明与借款人签订借款合同并出借款项的原告姓名或名称；"
        "如 以夫妻共同财产出借而只有一方签约出借的，只填该方，其余原告不写为合同当事人",
        json_schema_extra=ADVANCED,
    )
    guarantee_contract: Text | None = Field(
        default=None, title="保证合同", description="如 2025年1月10日被告李强签订《保证合同》"
    )
    guarantee_signed_on: date | None = Field(default=None, title="保证合同签订时间")


class RunningInterest(CaseModel):
    """Interest claimed from a date until actual payment (计至实际清偿之日)."""

    label: ShortText = Field(default="逾期利息", title="名称")
    base: Money | None = Field(default=None, title="计息基数（元）", description="不填则为本金")
    rate: RateInput = Field(title="利率")
    start: date = Field(title="起算日", description="应晚于欠款金额的截至日期，避免重复计算")


class Acceleration(CaseModel):
    """The whole loan fell due early under an acceleration clause (加速到期)."""

    clause: ShortText = Field(title="合同条款", description="如 第八条")
    declared_on: date = Field(title="宣布提前到期日期")


class Evidence(CaseModel):
    name: Line = Field(title="证据名称")
    source: Line = Field(title="证据来源")
    purpose: Text = Field(title="证明目的")
    # a bundle fills it with its evidence list's number (证据1-1 → 「1-1」), so that the
    # complaint and the list filed with it cite the same evidence by the same number
    number: ShortText | None = Field(
        default=None,
        title="证据编号",
        description="如 1-1；不填的，按顺序编号 1、2、3…（随起诉材料生成时按证据目录编号）",
        json_schema_extra=ADVANCED,
    )


class Witness(CaseModel):
    """证人 (民事诉讼法 art. 124(4): 证人姓名和住所)."""

    name: ShortText = Field(title="证人姓名")
    address: Text = Field(title="证人住所")
    testimony: Text = Field(title="证明内容", description="证人所知道的案件事实")


class Preservation(CaseModel):
    """The preservation already ordered before the complaint (诉前保全)."""

    court: Line = Field(title="保全法院")
    ordered_on: date | None = Field(default=None, title="保全时间")
    case_number: CaseNumberText | None = Field(default=None, title="保全案号")


class MediationAnswers(CaseModel):
    """对纠纷解决方式的意愿: the form's questions on mediation (each left blank unless
    answered)."""

    knows_mediation: bool | None = Field(default=None, title="是否了解调解作为非诉讼纠纷解决方式")
    knows_benefits: bool | None = Field(
        default=None, title="是否了解先行调解解决纠纷的好处", description="适用于所列五项"
    )
