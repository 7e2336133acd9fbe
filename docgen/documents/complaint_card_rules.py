"""The civil complaint's rules of a 信用卡纠纷: the card is named by its last four digits
only; no interest runs on the 违约金 or the service fees; an overdraft before 2021 is
charged at no more than the then capped rate; and the charges a cardholder may ask the
court to reduce are pointed out (a warning: the court weighs them, the form is filed)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from docgen.documents.base import RuleOptions
from docgen.documents.complaint_card import charge_of
from docgen.documents.complaint_cause_rules import annual_rate, claimed_rates
from docgen.documents.parts import ResolvedAmounts
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.lpr import format_percent
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

NO_INTEREST_ON_CHARGES = (
    "发卡机构对向持卡人收取的违约金和年费、取现手续费、货币兑换费等服务费用不得计收利息"
    "（《中国人民银行关于信用卡业务有关事项的通知》银发〔2016〕111号）"
)
CHARGE_WORDS = ("违约金", "滞纳金", "手续费", "年费", "服务费")
"""An interest component named after one of these is interest charged on that charge."""
MARKET_RATES_FROM = date(2021, 1, 1)
"""银发〔2020〕327号: from this day the overdraft rate is agreed freely; before it, the rate
was capped at a daily 0.05% (and floored at 0.7 times that)."""
OLD_DAILY_CAP = Decimal("0.05")
OLD_ANNUAL_CAP = OLD_DAILY_CAP * 365  # 18.25%, the engine's reading of a daily rate
RATE_BASIS = (
    "2021年1月1日前信用卡透支利率上限为日利率万分之五（《中国人民银行关于信用卡业务有关事项"
    "的通知》银发〔2016〕111号）；自2021年1月1日起由发卡机构与持卡人自主协商确定"
    "（《中国人民银行关于推进信用卡透支利率市场化改革的通知》银发〔2020〕327号）"
)
REDUCTION_BASIS = (
    "持卡人以发卡行主张的透支利息、复利、违约金等总额过高为由请求适当减少的，人民法院综合考虑"
    "国家有关金融监管规定、未还款的数额及期限、当事人过错程度、发卡行的实际损失和可得利益等"
    "因素予以衡量（《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》法释〔2021〕10号"
    "第二条）"
)


def check_card(
    result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts, options: RuleOptions
) -> None:
    if case.contract.kind != "credit_card":
        return
    if case.card is not None:
        _check_number(result, case.card.card_last4)
    _check_interest_on_charges(result, case, resolved)
    for loc, rate, start in claimed_rates(case, kinds=None):
        annual = annual_rate(rate, start, options.lpr_table)
        if start < MARKET_RATES_FROM and annual is not None and annual > OLD_ANNUAL_CAP:
            result.error(
                loc,
                "above_card_rate_cap",
                f"{rate.describe()}（折合年利率{format_percent(annual)}%）自{format_cn(start)}"
                f"起计，高于日利率万分之五（年利率{format_percent(OLD_ANNUAL_CAP)}%）；{RATE_BASIS}",
                hint="2021年1月1日前后适用不同利率的，请分段填写计算方式",
            )
    _warn_reducible(result, case, resolved)


def _check_number(result: Assessment, last4: str) -> None:
    digits = re.sub(r"[\s*\-]", "", last4)
    if re.fullmatch(r"\d{4}", last4):
        return
    if digits.isdigit() and len(digits) > 4:
        message = "请勿填写完整卡号：只填卡号末四位数字，起诉状按「**** **** **** 末四位」打印"
    else:
        message = f"卡号末四位应为4位数字，填写的是「{last4}」"
    result.error(("card", "card_last4"), "card_number_format", message)


def _check_interest_on_charges(
    result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts
) -> None:
    """Interest (复利 included) on a 违约金 or a fee: by its name, or by a base above the
    principal and the other interest claimed (typed or computed), the most it may run on."""
    components = case.amounts.components
    owed = [
        v if c.kind in ("principal", "interest") else Decimal(0)
        for c, v in zip(components, resolved.amounts, strict=True)
    ]
    for i, component in enumerate(components):
        allowed = sum(owed, Decimal(0)) - owed[i]
        if component.kind != "interest":
            continue
        named = next((w for w in CHARGE_WORDS if w in component.display_label), None)
        if named is not None:
            result.error(
                ("amounts", "components", i, "label"),
                "interest_on_charges",
                f"不能就{named}主张「{component.display_label}」：{NO_INTEREST_ON_CHARGES}",
            )
            continue
        calc = component.calculation
        if calc is not None and calc.base is not None and allowed > 0 and calc.base > allowed:
            result.error(
                ("amounts", "components", i, "calculation", "base"),
                "interest_on_charges",
                f"计息基数（人民币{format_yuan(calc.base)}元）超过本金与利息之和（人民币"
                f"{format_yuan(allowed)}元），含违约金或手续费等费用；{NO_INTEREST_ON_CHARGES}",
            )


def _warn_reducible(result: Assessment, case: CivilComplaint, resolved: ResolvedAmounts) -> None:
    """The 复利, 违约金 and fees on top of the interest: what a cardholder most often asks
    the court to reduce to the issuer's actual loss."""
    pairs = list(zip(case.amounts.components, resolved.amounts, strict=True))
    charged = [(i, c, v) for i, (c, v) in enumerate(pairs) if charge_of(c) is not None]
    extra = [(i, c, v) for i, c, v in charged if charge_of(c) != "利息"]
    if not extra:
        return
    total = sum((v for _, _, v in charged), Decimal(0))
    named = "、".join(dict.fromkeys(c.display_label for _, c, _ in extra))
    result.warn(
        ("amounts", "components", extra[0][0]),
        "card_charges_may_be_reduced",
        f"主张的利息及{named}共计人民币{format_yuan(total)}元；{REDUCTION_BASIS}。"
        "请准备证明实际损失的材料，或考虑仅主张透支本金及利息",
    )
