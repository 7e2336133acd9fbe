"""The security for a property preservation (财产保全担保): what is offered, or why none is
needed, and what the application says of it.

《最高人民法院关于人民法院办理财产保全案件若干问题的规定》 (法释〔2016〕22号, amended by
法释〔2020〕21号; "the 规定" below), art. 1: the application states 「为财产保全提供担保的
财产信息或资信证明，或者不需要提供担保的理由」 (item 5). During suit the court may order
security (民事诉讼法 art. 103), at most 30% of the amount (规定 art. 5(1)); before suit it
must be given (民事诉讼法 art. 104), equal to the amount (规定 art. 5(2)). Security by
property comes with a 担保书 naming the guarantor, the way, the property and its value
(art. 6); an insurer gives a 担保书 under a preservation liability policy (art. 7); a
licensed financial institution an independent 保函 (art. 8). In suit the court may require
none (art. 9(1)); of its grounds a collection case may meet (一) a claim for 劳动报酬 and
the like, (五) clear facts and clear rights and duties, a wrongful preservation unlikely,
(六) an applicant that is a commercial bank, an insurer or another licensed financial
institution with independent means, or its branch. (Texts relied on: the 2020 amended
text as reproduced on sr-lvshi.com for arts. 7–9; art. 1 as quoted by 律图 (64365.com);
art. 5 as reproduced on how234.com.)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Money, Paragraph, ShortText
from docgen.domain.money import FEN, format_yuan, legal_amount

RULES = "《最高人民法院关于人民法院办理财产保全案件若干问题的规定》"
SECURITY_LABELS = {
    "insurance": "诉讼财产保全责任保险保函",
    "guarantee_letter": "担保公司或银行出具的保函",
    "cash": "现金",
    "property": "申请人名下的财产",
    "none": "暂不提供",
}
IN_SUIT_SECURITY_SHARE = Decimal("0.30")
PRE_SUIT_SECURITY_SHARE = Decimal("1")
# 规定 art. 9(1): the grounds a collection case may meet, with their item and their words
GROUNDS: dict[str, tuple[str, str, str]] = {
    "wages": (
        "一",
        "追索劳动报酬、医疗费用、赡养费等（第九条第一款第一项）",
        "本案系追索赡养费、扶养费、抚育费、抚恤金、医疗费用、劳动报酬、工伤赔偿或者交通事故"
        "人身损害赔偿的案件",
    ),
    "clear_case": (
        "五",
        "事实清楚、权利义务关系明确、保全错误可能性较小（第九条第一款第五项）",
        "本案事实清楚、权利义务关系明确，发生保全错误的可能性较小",
    ),
    "financial_institution": (
        "六",
        "申请人为商业银行、保险公司等金融机构（第九条第一款第六项）",
        "申请人系由金融监管部门批准设立、具有独立偿付债务能力的金融机构或其分支机构",
    ),
}
NUMBERED = {"insurance": "保单号", "guarantee_letter": "保函编号"}


class Security(CaseModel):
    """What the applicant offers against wrongful preservation (民事诉讼法 arts. 103–104),
    or why none is needed (规定 arts. 1(5), 9)."""

    kind: Literal["insurance", "guarantee_letter", "cash", "property", "none"] = Field(
        title="担保方式", json_schema_extra={"enum_titles": list(SECURITY_LABELS.values())}
    )
    provider: Line | None = Field(
        default=None, title="担保人或担保财产", description="如 某某财产保险股份有限公司"
    )
    document_number: ShortText | None = Field(
        default=None,
        title="保单号或保函编号",
        json_schema_extra=shown_when("kind", "insurance", "guarantee_letter"),
    )
    amount: Money | None = Field(
        default=None, title="担保数额（元）", description="不填则按法定比例计算"
    )
    ground: Literal["wages", "clear_case", "financial_institution"] | None = Field(
        default=None,
        title="不需要提供担保的情形",
        description="诉讼中申请保全、不提供担保的，选择所依据的情形或填写理由",
        json_schema_extra={
            **shown_when("kind", "none"),
            "enum_titles": [label for _, label, _ in GROUNDS.values()],
        },
    )
    reason: Paragraph | None = Field(
        default=None,
        title="不需要提供担保的理由",
        description="结合本案事实说明，如 借款事实有借条、转账凭证证明，被申请人已书面确认欠款",
        json_schema_extra=shown_when("kind", "none"),
    )


def required_security(stage: str, amount: Decimal) -> Decimal:
    """The statutory figure: the amount before suit, 30% of it in suit (规定 art. 5)."""
    share = PRE_SUIT_SECURITY_SHARE if stage == "pre_suit" else IN_SUIT_SECURITY_SHARE
    return (amount * share).quantize(FEN, rounding=ROUND_HALF_UP)


def check_security(result: Assessment, case: Any) -> Decimal:
    """The security figure to print: as offered, or the statutory proportion."""
    security: Security = case.security
    required = required_security(case.stage, case.amount)
    if case.stage == "pre_suit":
        if security.kind == "none":
            result.error(
                ("security", "kind"),
                "security_required",
                f"诉前保全申请人应当提供担保，担保数额相当于请求保全数额，即人民币"
                f"{format_yuan(required)}元（民事诉讼法第一百零四条，{RULES}第五条第二款）",
            )
        elif security.amount is not None and security.amount < required:
            result.error(
                ("security", "amount"),
                "security_too_low",
                f"诉前保全的担保数额应相当于请求保全数额，即人民币{format_yuan(required)}元，"
                f"填写的为人民币{format_yuan(security.amount)}元",
            )
    elif security.kind == "none" and security.ground is None and not security.reason:
        result.warn(
            ("security", "ground"),
            "no_security_reason",
            f"不提供担保的，财产保全申请书应写明不需要提供担保的理由（{RULES}第一条第五项）："
            "仅表示「如贵院责令提供担保，将依法提供」，未说明理由，人民法院通常责令提供担保",
            hint="请选择不需要提供担保的情形（第九条）或填写理由；或选择担保方式，"
            "如保险公司出具的诉讼财产保全责任保险保函",
        )
    if security.kind != "none" and security.kind != "cash" and not security.provider:
        result.error(
            ("security", "provider"),
            "missing",
            "请填写出具保函的保险公司、担保公司或银行，或提供担保的财产",
        )
    if security.amount is not None and security.amount > case.amount:
        result.warn(
            ("security", "amount"),
            "security_above_amount",
            f"担保数额（人民币{format_yuan(security.amount)}元）超过请求保全数额，通常无需超额提供",
        )
    if security.kind == "none":
        return required
    return security.amount if security.amount is not None else required


def security_text(case: Any, figure: Decimal) -> str:
    """The security offered (by whom, its document, the figure), or why none is needed and
    what the applicant gives if the court orders it anyway (规定 arts. 1(5), 5, 9)."""
    security: Security = case.security
    share = "相当于请求保全数额" if case.stage == "pre_suit" else "请求保全数额的百分之三十"
    if security.kind == "none":
        return _no_security(security, share, figure)
    if security.kind in NUMBERED:
        issued = f"{security.provider}出具的" if security.provider else ""
        label = "诉讼财产保全责任保险保函" if security.kind == "insurance" else "保函"
        number = security.document_number
        offered = f"{issued}{label}" + (
            f"（{NUMBERED[security.kind]}：{number}）" if number else ""
        )
    elif security.kind == "property":
        offered = SECURITY_LABELS["property"] + (
            f"（{security.provider}）" if security.provider else ""
        )
    else:
        offered = SECURITY_LABELS[security.kind]
    basis = f"，即{share}" if security.amount is None else ""
    return f"申请人以{offered}提供担保，担保数额为{legal_amount(figure)}{basis}。"


def _no_security(security: Security, share: str, figure: Decimal) -> str:
    """Why no security is offered, then what is offered if the court orders it anyway. A
    ground of art. 9 cites the 规定 by its name; the fallback's art. 5 that follows is then
    「该规定第五条第一款」, as a filing refers back to a law just named (not 「同一规定」,
    which no court paper says)."""
    reason = (security.reason or "").rstrip("。；; ")

    def fallback(court: str, rules: str) -> str:
        return (
            f"如贵院{court}责令提供担保，申请人将依法提供不超过{share}即{legal_amount(figure)}"
            f"的担保（{rules}第五条第一款）。"
        )

    if security.ground is not None:
        item, _label, words = GROUNDS[security.ground]
        why = f"，{reason}" if reason else ""
        return (
            f"{words}{why}。根据{RULES}第九条第一款第（{item}）项的规定，申请人请求贵院不责令"
            f"提供担保。{fallback('仍', '该规定')}"
        )
    if reason:
        return f"申请人不提供担保的理由：{reason}。{fallback('仍', RULES)}"
    return fallback("", RULES)


def security_papers(security: Security) -> list[str]:
    """What proves the security, filed with the application: the insurer's or the
    institution's letter (规定 arts. 7, 8), the 担保书 with the property's title papers
    (art. 6). Cash is paid in when the court orders it: no paper."""
    if security.kind == "insurance":
        return [f"{security.provider or '保险人'}出具的诉讼财产保全责任保险保函"]
    if security.kind == "guarantee_letter":
        return [f"{security.provider or '担保人'}出具的保函"]
    if security.kind == "property":
        return ["财产保全担保书及担保财产的权属证明"]
    return []
