"""The parts of an application for enforcement: the instrument enforced (执行依据), what
it left unpaid, the events that interrupted the period to apply."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from docgen.documents.case_numbers import CaseNumberText
from docgen.documents.court_parts import Agent
from docgen.documents.filing_papers import AGENT_TITLES, APPLICANT
from docgen.documents.part_models import RateInput
from docgen.documents.preservation_application import Applicant
from docgen.domain.disclosure import shown_when, shown_when_several
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, ShortText, Text
from docgen.domain.limitation import InterruptionKind
from docgen.domain.parties import Party

TITLE_LABELS = {
    "judgment": "民事判决书",
    "mediation": "民事调解书",
    "arbitration": "仲裁裁决书",
    "notarial": "公证债权文书",
}
COURT_TITLES = ("judgment", "mediation")
# 民事诉讼法 (2023) on applying to enforce each kind of instrument: a court's judgment or
# mediation statement art. 247 (its paragraphs 1 and 2), an award of an arbitration body
# art. 248, a notarised debt instrument art. 249 (2021 numbering: 243, 244, 245)
APPLY_ARTICLES = {
    "judgment": "第二百四十七条",
    "mediation": "第二百四十七条",
    "arbitration": "第二百四十八条",
    "notarial": "第二百四十九条",
}
# the 仲裁法 as amended in 2017, art. 62 (a party may apply to a court to enforce an
# award); the law as revised on 2025-09-12 replaces it from 2026-03-01 and renumbers it
ARBITRATION_LAW_2017_UNTIL = date(2026, 3, 1)
# 执行程序解释: 最高人民法院关于适用《中华人民共和国民事诉讼法》执行程序若干问题的解释
# (法释〔2008〕13号), as amended in 2020; its art. 20 (art. 28 before the amendment) says
# what interrupts the period to apply. Not the 诉讼时效规定, which is 法释〔2008〕11号.
INTERRUPTION_BASIS = (
    "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》"
    "（2020年修正）第二十条"
)
BASIS_LABELS = {
    "first_instance": "第一审人民法院",
    "property_location": "被执行的财产所在地人民法院",
    "respondent_domicile": "被执行人住所地人民法院",
}
# 执行程序解释 (法释〔2008〕13号, amended 2020) art. 20 names what interrupts the period to
# apply; each is the domain's limitation event of the same nature
INTERRUPTION_LABELS: dict[str, str] = {
    "applied": "申请执行",
    "settled": "双方达成和解协议",
    "demanded": "申请执行人提出履行要求",
    "consented": "被执行人同意履行义务",
}
AS_LIMITATION: dict[str, InterruptionKind] = {
    "applied": "filing",
    "settled": "installment_agreement",
    "demanded": "demand_delivered",
    "consented": "acknowledgment",
}
APPLICATION_YEARS = 2
# how a demand for performance reached the respondent (诉讼时效规定, 法释〔2008〕11号 as
# revised 2020, art. 8(1)(2): a paper handed over and signed for, a letter or data message
# that reached it), which 民事诉讼法 art. 250 applies to the period to apply
DEMAND_MANNERS: dict[str, str] = {
    "mail": "邮寄",
    "in_person": "直接送交",
    "electronic": "数据电文（电子邮件、短信、微信等）",
}


class TitleInstallment(CaseModel):
    """One installment the instrument set, as far as it is unpaid."""

    due: date = Field(title="该期履行期限届满日")
    amount: Money = Field(title="该期未付金额（元）", description="不含一般债务利息")


class EnforcementTitle(CaseModel):
    """执行依据: the effective instrument the application enforces."""

    kind: Literal["judgment", "mediation", "arbitration", "notarial"] = Field(
        title="执行依据种类", json_schema_extra={"enum_titles": list(TITLE_LABELS.values())}
    )
    issuer: Line = Field(
        title="作出机关", description="如 北京市朝阳区人民法院、北京仲裁委员会、北京市方圆公证处"
    )
    case_number: CaseNumberText = Field(
        title="案号或文书编号", description="如 （2025）京0105民初1234号"
    )
    effective_date: date = Field(title="生效日期")
    performance_deadline: date | None = Field(
        default=None,
        title="履行期限届满日",
        description="法律文书规定的履行期间的最后一日；分期履行的，为最后一期的届满日；"
        "未规定履行期间的不填",
    )
    installments: list[TitleInstallment] = Field(
        default_factory=list,
        max_length=120,
        title="分期履行的各期",
        description="法律文书确定分期履行的，逐期填写尚未履行的金额及该期届满日",
    )
    accelerated_on: date | None = Field(
        default=None,
        title="加速到期日",
        description="法律文书约定任何一期未按期履行，其余各期即全部到期（或可就全部未付款项申请"
        "执行），且该条件已成就的，填写其余各期到期之日；未约定或条件未成就的不填",
    )
    acceleration_clause: Text | None = Field(
        default=None,
        title="加速到期约定",
        description="法律文书中加速到期约定的原文，如 被告任何一期未按期足额支付的，原告有权就"
        "全部未付款项申请强制执行；填写了加速到期日的，申请书援引该约定",
    )
    delay_from_acceleration: bool = Field(
        default=False,
        title="加倍部分债务利息自加速到期日起算",
        description="不选择的，各期自其本身的履行期间届满之日起计算（法释〔2014〕8号第二条）；"
        "仅在法律文书明确约定其余各期于违约时即行到期的情形下选择",
    )
    default_liability: bool | None = Field(
        default=None,
        title="同时申请执行调解书约定的不履行责任",
        description="申请执行的违约金等是否为调解书约定一方不履行时另行承担的民事责任：是，则不再"
        "请求加倍支付迟延履行期间的债务利息（《最高人民法院关于人民法院民事调解工作若干问题的规定》"
        "第十五条第二款）；不填，则按调解书的文字判断（约定逾期未付另行支付、或按期履行即放弃的，"
        "视为该项责任）；选择否而调解书的文字表明属于该项责任的，不能同时请求",
        json_schema_extra=shown_when("kind", "mediation"),
    )
    cause: Line | None = Field(
        default=None,
        title="案由",
        description="法律文书载明的案由，如 民间借贷纠纷、买卖合同纠纷；申请书以此称案件"
        "（申请执行人某某与被执行人某某民间借贷纠纷一案）；公证债权文书不填",
    )
    operative_part: Paragraph = Field(title="裁判主文", description="法律文书确定的给付内容")
    arbitration_agreement: Line | None = Field(
        default=None,
        title="仲裁协议或含仲裁条款的合同",
        description="随申请书提交，如 2025年3月1日签订的《购销合同》；不填则写作"
        "仲裁协议书或者含有仲裁条款的合同书",
        json_schema_extra=shown_when("kind", "arbitration"),
    )
    first_instance_court: Line | None = Field(
        default=None, title="第一审人民法院", description="二审判决的，填写第一审人民法院"
    )
    debt_instrument: Line | None = Field(
        default=None,
        title="公证的债权文书",
        description="公证机构赋予强制执行效力的债权文书，如 《借款合同》；申请书先写明该文书，"
        "再写明赋予其强制执行效力的公证书",
        json_schema_extra=shown_when("kind", "notarial"),
    )
    debt_instrument_signed_on: date | None = Field(
        default=None,
        title="债权文书签订日期",
        json_schema_extra=shown_when("kind", "notarial"),
    )
    certificate_number: CaseNumberText | None = Field(
        default=None,
        title="执行证书编号",
        description="公证机构出具的执行证书的编号，如 （2026）京方圆执字第12号",
        json_schema_extra=shown_when("kind", "notarial"),
    )
    certificate_date: date | None = Field(
        default=None,
        title="执行证书出具日期",
        json_schema_extra=shown_when("kind", "notarial"),
    )
    certificate_applied_on: date | None = Field(
        default=None,
        title="申请出具执行证书日期",
        description="申请执行人向公证机构申请出具执行证书之日：申请执行期间自该日起中断"
        "（《最高人民法院关于公证债权文书执行若干问题的规定》第九条）",
        json_schema_extra=shown_when("kind", "notarial"),
    )


class EnforcementApplicant(Applicant):
    """An applicant for enforcement, its agents named as the enforcement names them."""

    party: Party = Field(title=APPLICANT)
    agents: list[Agent] = Field(default_factory=list, max_length=2, title=AGENT_TITLES["execution"])


class InterestMethod(CaseModel):
    """The instrument's method for the interest, as fields: what the figure is checked
    against (``enforcement_interest_figure``) where the typed method cannot be read, a
    rate tied to the LPR included."""

    base: Money = Field(title="计息基数（元）")
    rate: RateInput = Field(title="利率")
    start: date = Field(title="起算日", description="法律文书确定的计息首日（当日计入）")
    end: date | None = Field(
        default=None,
        title="计至（含当日）",
        description="法律文书确定计至某日的填写；计至实际清偿之日止的不填",
    )


class Performance(CaseModel):
    """A payment the respondent made under the instrument."""

    day: date = Field(title="履行日期")
    amount: Money = Field(
        title="履行金额（元）",
        description="被执行人该次支付的全部金额：申请书依民法典第五百六十一条（或双方约定的顺序）"
        "写明其抵充实现债权的费用、利息和本金的金额",
    )
    payer: Line | None = Field(
        default=None,
        title="履行人",
        description="支付该笔款项的被执行人的姓名或名称，申请书写明由谁履行",
        # one respondent is the payer (``enforcement_performed.payer_of``): asked only of
        # several, whose payments the facts name and the period to apply counts by payer
        json_schema_extra=shown_when_several("/respondents"),
    )


# the orders of applying a payment the parties may agree (民法典 art. 561: 除当事人另有约定外)
AGREED_ORDER_LABELS: dict[str, str] = {
    "principal_interest_costs": "先本金、再利息、后费用",
    "interest_principal_costs": "先利息、再本金、后费用",
    "principal_costs_interest": "先本金、再费用、后利息",
    "costs_principal_interest": "先费用、再本金、后利息",
    "interest_costs_principal": "先利息、再费用、后本金",
}
AgreedOrder = Literal[
    "principal_interest_costs",
    "interest_principal_costs",
    "principal_costs_interest",
    "costs_principal_interest",
    "interest_costs_principal",
]


class Outstanding(CaseModel):
    """What the instrument awarded and is still unpaid."""

    principal: Money = Field(title="未付本金（元）")
    principal_label: ShortText | None = Field(
        default=None,
        title="本金名称",
        description="按法律文书的称谓，如 欠款、货款、借款本金；不填则为本金",
    )
    interest: Money | None = Field(
        default=None,
        title="利息（元）",
        description="法律文书确定的利息（一般债务利息），按法律文书确定的方法计算",
    )
    interest_label: ShortText | None = Field(
        default=None,
        title="利息名称",
        description="按法律文书的称谓，如 利息、逾期利息、资金占用费；不填则为利息",
    )
    interest_note: Text | None = Field(
        default=None,
        title="利息计算方法",
        description="基数、利率及起算日，如 以100,000元为基数，按年利率3.45%自2025年1月11日起",
    )
    interest_method: InterestMethod | None = Field(
        default=None,
        title="利息计算方式",
        description="按法律文书确定的基数、利率、起算日填写，用于核对利息金额；填写的，"
        "「利息计算方法」可不填，申请书按此写明计算方法",
    )
    interest_to_payment: bool = Field(
        default=False,
        title="利息计至实际清偿之日止",
        description="法律文书确定利息计至实际清偿（给付）之日止的，选择此项：申请书写明利息计至"
        "实际清偿之日止，所填金额为暂计至「利息暂计至」之日的金额",
    )
    interest_until: date | None = Field(
        default=None,
        title="利息暂计至",
        description="所填利息金额计算至的日期；不填则与迟延履行利息计算至同一日（未填写的为申请日期）",
    )
    costs: Money | None = Field(
        default=None,
        title="诉讼费用（元）",
        description="法律文书确定由被执行人负担的部分；仲裁裁决为仲裁费用",
    )
    court_fee_paid_directly: bool = Field(
        default=False,
        title="申请执行人同意由被执行人直接向其支付诉讼费用",
        description="判决生效后，胜诉方预交但不应负担的诉讼费用由人民法院退还，由败诉方向人民法院"
        "交纳；申请执行人同意被执行人直接向其支付的，选择此项，诉讼费用列入申请执行的金额。"
        "不选择的，申请书写明诉讼费用由人民法院退还、收取，不申请执行（《最高人民法院关于适用"
        "〈中华人民共和国民事诉讼法〉的解释》第二百零七条）",
    )
    other: Money | None = Field(default=None, title="其他金钱债务（元）", description="如 违约金")
    other_label: ShortText | None = Field(default=None, title="其他金钱债务名称")
    performed: list[Performance] = Field(
        default_factory=list,
        max_length=30,
        title="已履行款项",
        description="被执行人在法律文书生效后已履行的款项：申请书写明履行日期和金额；迟延履行后履行的"
        "部分，加倍部分债务利息计算至履行之日（法释〔2014〕8号第一条、第三条）",
    )
    agreed_order: AgreedOrder | None = Field(
        default=None,
        title="约定的抵充顺序",
        description="双方对已履行款项的抵充顺序另有约定的选择；不选择的，按实现债权的有关费用、"
        "利息、本金的顺序抵充（《中华人民共和国民法典》第五百六十一条）",
        json_schema_extra={"enum_titles": list(AGREED_ORDER_LABELS.values())},
    )


class ApplicationInterruption(CaseModel):
    """An event that interrupted the period to apply (执行程序解释, 法释〔2008〕13号 as
    amended 2020, art. 20)."""

    kind: Literal["applied", "settled", "demanded", "consented"] = Field(
        title="中断事由", json_schema_extra={"enum_titles": list(INTERRUPTION_LABELS.values())}
    )
    day: date = Field(title="发生日期", description="提出履行要求的，为发出履行要求之日")
    manner: Literal["mail", "in_person", "electronic"] | None = Field(
        default=None,
        title="履行要求的提出方式",
        json_schema_extra={
            "enum_titles": list(DEMAND_MANNERS.values()),
            **shown_when("kind", "demanded"),
        },
    )
    document: ShortText | None = Field(
        default=None,
        title="履行要求文书名称",
        description="如 履行催告函；不填则写作书面履行要求",
        json_schema_extra=shown_when("kind", "demanded"),
    )
    tracking_number: ShortText | None = Field(
        default=None,
        title="邮件号",
        description="如 EMS邮件号 1234567890123",
        json_schema_extra=shown_when("manner", "mail"),
    )
    reached_on: date | None = Field(
        default=None,
        title="到达被执行人的日期",
        description="签收、妥投或数据电文进入被执行人系统之日：履行要求自到达时起中断申请执行期间",
        json_schema_extra=shown_when("kind", "demanded"),
    )
    # whom the event concerns: it interrupts the period against him and those jointly liable
    # with him (诉讼时效规定 art. 15(2)), not against a debtor by shares; none typed: every
    # respondent, as before (``enforcement_interruptions.reach_of``)
    respondent: Line | None = Field(
        default=None,
        title="所涉被执行人",
        description="申请执行、和解、履行要求所针对的或同意履行的被执行人的姓名或名称：中断的效力"
        "及于该被执行人及与其负连带债务的被执行人；不填视为及于全部被执行人",
    )
