"""What each respondent of an application for enforcement is liable for, as the instrument's
operative part (判项) says it (the requests that follow from it: ``enforcement_liability_words``).

An application may ask of a respondent only what the effective instrument orders him to do
(民事诉讼法 art. 247; 执行工作若干问题的规定（试行） art. 16(1)(3), art. 18): a respondent asked
for more can object. A judgment often orders its defendants differently:

- the debtor pays (``debtor``, the default);
- a joint guarantor or joint debtor 「对上述债务承担连带清偿责任」 (``joint``; 民法典 art. 178,
  art. 688);
- a general guarantor only for 「债务人财产依法强制执行后仍不能履行的部分」 (``general_guarantee``;
  民法典 art. 687(2): the guarantor's 先诉抗辩权; 担保制度解释, 法释〔2020〕28号, art. 26(2): the
  judgment says so in its operative part) — the application asks it in those words and says
  the debtor's property is to be enforced first, and is not refused for naming him;
- a mortgagor or pledgor is liable only with the property (``security_only``): the creditor
  is paid first out of the price the property fetches (民法典 art. 410; a pledge art. 425), no more;
- a respondent liable for a share (``share``; 民法典 art. 177) pays that sum.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from docgen.documents.case_numbers import CaseNumberText
from docgen.documents.enforcement_names import names as claimed_names
from docgen.documents.enforcement_operative import awarded
from docgen.documents.enforcement_several import (
    check_several,
    own_sums,
    principal_by_term,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Money, Text
from docgen.domain.money import format_yuan
from docgen.domain.parties import Organization, Person

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

LiabilityKind = Literal["debtor", "joint", "general_guarantee", "security_only", "share"]
LIABILITY_LABELS: dict[str, str] = {
    "debtor": "债务人：支付全部款项",
    "joint": "连带清偿责任（连带责任保证人、共同债务人等）",
    "general_guarantee": "一般保证：仅对债务人财产依法强制执行后仍不能履行的部分承担保证责任",
    "security_only": "仅以抵押、质押的财产承担责任（就该财产优先受偿）",
    "share": "按份责任：支付法律文书确定的份额",
}
FULL: tuple[str, ...] = ("debtor", "joint")
# the debtors whose property is enforced before a general guarantor's: the whole or a share
DEBTORS: tuple[str, ...] = ("debtor", "share")
GENERAL_BASIS = (
    "《中华人民共和国民法典》第六百八十七条第二款、《最高人民法院关于适用〈中华人民共和国"
    "民法典〉有关担保制度的解释》第二十六条第二款"
)
_SECURITY_BASIS = "《中华人民共和国民法典》第四百一十条、第四百二十五条"
# the words of a judgment limiting a guarantor to what enforcement leaves unpaid
_SUPPLEMENTARY = re.compile(r"不能(?:清偿|履行|偿还|执行)|补充")
# a respondent's own notarised contract: drawn on the form while the instrument is notarial
NOTARIAL_ONLY = shown_when("/title/kind", "notarial")


class Liability(CaseModel):
    """A respondent's liability, as the instrument's operative part states it."""

    kind: LiabilityKind = Field(
        default="debtor",
        title="责任形式",
        description="按执行依据的判项填写：连带责任人、一般保证人、抵押人（出质人）、按份责任人",
        json_schema_extra={"enum_titles": list(LIABILITY_LABELS.values())},
    )
    security_property: Text | None = Field(
        default=None,
        title="担保财产",
        description="按法律文书的表述填写，如 位于北京市朝阳区…的房屋（不动产权证号…）",
        json_schema_extra=shown_when("kind", "security_only"),
    )
    share: Money | None = Field(
        default=None,
        title="按份承担的本金",
        description="法律文书确定由该被执行人按份偿还的本金，如 判项「被告张伟偿还原告借款本金"
        "60,000元及利息」填 60000；不含利息、诉讼费用（按判项及其他请求事项计算）；已履行"
        "部分的，填写尚欠的本金份额",
        json_schema_extra=shown_when("kind", "share"),
    )
    # a notarised debt instrument's respondent bound by a contract of his own (a guarantee
    # notarised with the loan or apart from it): ``enforcement_notarial``, which refuses it
    # for any other instrument (``not_notarial``); the form shows it for that kind only
    instrument: Line | None = Field(
        default=None,
        title="该被执行人签订的公证债权文书",
        description="仅公证债权文书：该被执行人（如保证人、抵押人）另行签订、经公证赋予强制执行"
        "效力的合同，如 《保证合同》；该被执行人是上述公证的债权文书的当事人的，不填",
        json_schema_extra=NOTARIAL_ONLY,
    )
    instrument_signed_on: date | None = Field(
        default=None,
        title="该合同签订日期",
        description="仅公证债权文书",
        json_schema_extra=NOTARIAL_ONLY,
    )
    instrument_deed: CaseNumberText | None = Field(
        default=None,
        title="该合同的公证书编号",
        description="仅公证债权文书：该合同单独公证的，填写赋予其强制执行效力的公证书编号；"
        "与债权文书由同一公证书赋予强制执行效力的，不填",
        json_schema_extra=NOTARIAL_ONLY,
    )


def _liability() -> Liability:
    return Liability()


_LIABILITY_FIELD = Field(
    default_factory=_liability,
    title="责任范围",
    description="被执行人按法律文书承担的责任；不填为债务人，支付全部款项",
)


class EnforcementPerson(Person):
    """A natural person enforced against, with the liability the instrument states."""

    liability: Liability = _LIABILITY_FIELD


class EnforcementOrganization(Organization):
    """An organisation enforced against, with the liability the instrument states."""

    liability: Liability = _LIABILITY_FIELD


EnforcementRespondent = Annotated[
    EnforcementPerson | EnforcementOrganization, Field(discriminator="kind")
]


# --- rules --------------------------------------------------------------------------


def check_liabilities(result: Assessment, case: EnforcementApplication) -> None:
    """Each respondent's liability against its own fields, the principal claimed and the
    words of the operative part. A share is a share of the principal (``Liability.share``):
    compared with the principal claimed, like with like — not with the total that adds the
    interest and costs, which let a share typed with its interest pass (民法典 art. 177)."""
    shares, principal = Decimal(0), case.outstanding.principal
    refused = False  # a share refused alone: their sum is not refused besides
    label = claimed_names(case).principal
    own = _own_principals(case)
    for i, respondent in enumerate(case.respondents):
        at: Loc = ("respondents", i, "liability")
        liability = respondent.liability
        _check_fields(result, liability, at, respondent.name)
        if liability.kind == "share" and liability.share is not None:
            shares += liability.share
            refused |= _check_own_sum(result, (*at, "share"), respondent.name, liability.share, own)
            if liability.share > principal:
                refused = True
                result.error(
                    (*at, "share"),
                    "share_above_principal",
                    f"被执行人{respondent.name}按份承担的本金人民币{format_yuan(liability.share)}元"
                    f"超过申请执行的{label}人民币{format_yuan(principal)}元：按份承担的金额只填本金"
                    f"份额，不含利息、诉讼费用（{_ART_177}）",
                )
    every = all(r.liability.kind == "share" for r in case.respondents)
    if every and shares > principal and not refused:
        result.error(
            ("respondents",),
            "shares_above_principal",
            f"各被执行人按份承担的本金合计人民币{format_yuan(shares)}元，超过申请执行的{label}"
            f"人民币{format_yuan(principal)}元：各自的份额只填本金，合计不超过申请执行的{label}，"
            f"利息、诉讼费用按判项在其他请求事项中计算（{_ART_177}）",
        )
    _check_against_title(result, case)


_ART_177 = "《中华人民共和国民法典》第一百七十七条"


def _own_principals(case: EnforcementApplication) -> dict[str, tuple[Decimal, str]]:
    """The principal each respondent's own clause orders him alone to pay, with the words
    naming it: under the instrument's name for it where his term states it (「…偿还原告借款
    本金60,000元及利息」: ``principal_by_term``), else the one sum his clauses state
    (「其中被告张伟偿还60,000元」: ``own_sums``)."""
    label = claimed_names(case).principal
    found = {n: (s, "款项") for n, s in own_sums(case.title.operative_part, _names(case)).items()}
    found.update({n: (s, label) for n, s in principal_by_term(case).items()})
    return found


def _names(case: EnforcementApplication) -> list[str]:
    return [r.name for r in case.respondents]


def _check_own_sum(
    result: Assessment, at: Loc, name: str, share: Decimal, own: dict[str, tuple[Decimal, str]]
) -> bool:
    """A share is the principal the instrument orders the respondent to pay as his share
    (the request asks it 「按照法律文书确定的份额」 beside the principal; interest and costs are
    asked as the instrument orders them): above the principal his own clause orders him
    alone to pay (「一、被告张伟…偿还原告借款本金60,000元及利息」) it asks him more than the
    instrument — only what it orders him is enforced (民法典 art. 177; 民事诉讼法 art. 247).
    Compared principal with principal: a share typed with his interest or costs is refused
    with the figure compared and what to type. Whether it was refused."""
    if name not in own or share <= own[name][0]:
        return False
    stated, label = own[name]
    result.error(
        at,
        "share_above_title",
        f"被执行人{name}按份承担的本金人民币{format_yuan(share)}元超过法律文书的判项确定由其"
        f"支付的{label}人民币{format_yuan(stated)}元：按份承担的金额只填本金份额，不含利息、"
        "诉讼费用，只能申请执行法律文书确定由其承担的份额（《中华人民共和国民法典》第一百七十七条；"
        "《中华人民共和国民事诉讼法》第二百四十七条）",
        hint=f"请填写人民币{format_yuan(stated)}元；已履行部分款项的，填写尚欠的本金份额；利息、"
        "诉讼费用按判项在其他请求事项中计算",
    )
    return True


def _check_fields(result: Assessment, liability: Liability, at: Loc, name: str) -> None:
    kind = liability.kind
    if kind == "security_only" and not liability.security_property:
        result.error(
            (*at, "security_property"),
            "missing",
            f"被执行人{name}仅以担保财产承担责任的，请按法律文书的表述填写该财产：申请执行人"
            f"只能就该财产折价或者拍卖、变卖所得的价款优先受偿（{_SECURITY_BASIS}）",
        )
    # said at the kind, which the form shows; the field typed is hidden for this kind
    if kind != "security_only" and liability.security_property:
        result.error(
            (*at, "kind"),
            "not_for_this_liability",
            "只有责任形式为「仅以抵押、质押的财产承担责任」的被执行人才填写担保财产：请删除所填"
            "担保财产，或按判项改选责任形式",
            hint="被执行人既承担保证责任又提供抵押的，请在执行依据中核对其判项，按判项选择",
        )
    if kind == "share" and liability.share is None:
        result.error(
            (*at, "share"),
            "missing",
            f"被执行人{name}按份承担责任的，请填写法律文书确定由其承担的金额",
        )
    if kind != "share" and liability.share is not None:
        result.error(
            (*at, "kind"),
            "not_for_this_liability",
            "只有责任形式为「按份责任」的被执行人才填写按份承担的金额：请删除所填金额，"
            "或按判项改选责任形式",
        )


def spans(operative: str, names: list[str]) -> dict[str, list[str]]:
    """The words the operative part says of each respondent as the subject of a term
    (「被告王五对被告张伟的上述债务…承担保证责任」): from 「王五对/就/在」 to the next such
    subject or the term's end."""
    found: dict[str, list[str]] = {name: [] for name in names}
    if not names:
        return found
    subject = re.compile("(" + "|".join(map(re.escape, names)) + ")(?=对|就|在|以)")
    for term in re.split(r"[。；;]", "".join(operative.split())):
        marks = list(subject.finditer(term))
        for k, mark in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(term)
            found[mark.group(1)].append(term[mark.start() : end])
    return found


def _check_against_title(result: Assessment, case: EnforcementApplication) -> None:
    """A respondent whom the operative part limits to what enforcement against the debtor
    leaves unpaid is not asked for the whole (an error: he could object that the
    application asks more of him than the instrument); a liability the operative part
    does not appear to state is warned of."""
    operative = case.title.operative_part
    said = spans(operative, [r.name for r in case.respondents])
    for i, respondent in enumerate(case.respondents):
        at = ("respondents", i, "liability", "kind")
        kind = respondent.liability.kind
        limited = any(_SUPPLEMENTARY.search(words) for words in said[respondent.name])
        if limited and kind in FULL:
            result.error(
                at,
                "liability_beyond_title",
                f"法律文书确定被执行人{respondent.name}仅对债务人不能清偿的部分承担责任，申请书不能"
                f"请求其支付全部款项（{GENERAL_BASIS}；《中华人民共和国民事诉讼法》第二百四十七条）",
                hint="请将其责任形式选为「一般保证」",
            )
        if kind == "general_guarantee" and not limited:
            result.warn(
                at,
                "general_guarantee_not_in_title",
                f"法律文书的判项中未见被执行人{respondent.name}仅对债务人财产依法强制执行后仍不能"
                "履行的部分承担责任的表述，请核对其责任形式（判决连带清偿的，应选「连带清偿责任」）",
            )
        if kind == "security_only" and "优先受偿" not in operative:
            result.warn(
                at,
                "security_not_in_title",
                "法律文书的判项中未见「优先受偿」的表述，请核对被执行人"
                f"{respondent.name}仅以担保财产承担责任",
            )
    _warn_joint_not_in_title(result, case)
    _warn_joint_typed_as_debtor(result, case, said)
    check_several(result, case)
    _warn_guarantor_without_debtor(result, case)


def _warn_joint_not_in_title(result: Assessment, case: EnforcementApplication) -> None:
    """A respondent typed jointly liable (``joint``) where no award term of the operative
    part says 「连带」: the application would ask him for the whole (民法典 art. 178) on an
    instrument that may order shares or a common debt; warned, the instrument decides."""
    if "连带" in awarded(case.title.operative_part):
        return
    for i, respondent in enumerate(case.respondents):
        if respondent.liability.kind == "joint":
            result.warn(
                ("respondents", i, "liability", "kind"),
                "joint_not_in_title",
                f"法律文书的判项中未见「连带」的表述，请核对被执行人{respondent.name}承担连带责任"
                "（《中华人民共和国民法典》第一百七十八条）：申请书请求其对全部债务承担连带责任；"
                "判项确定按份承担的，请选「按份责任」并填写份额",
            )


def _warn_joint_typed_as_debtor(
    result: Assessment, case: EnforcementApplication, said: dict[str, list[str]]
) -> None:
    """A respondent left a debtor (the default) whom the operative part makes jointly liable
    for another's debt (「被告李秀英对上述债务承担连带清偿责任」, his own span says 「连带」)
    beside a debtor: the request would name both as debtors (「被执行人张伟、李秀英向申请执行人
    支付…」) and never say 连带, though the instrument orders him 连带清偿责任 (民法典 art. 178)
    and only what it orders is asked (民事诉讼法 art. 247; 执行工作若干问题的规定（试行）
    art. 18). Warned: the instrument decides, the user chooses."""
    debtors = [r.name for r in case.respondents if r.liability.kind == "debtor"]
    for i, respondent in enumerate(case.respondents):
        if respondent.liability.kind != "debtor":
            continue
        others = [name for name in debtors if name != respondent.name]
        if not others or not any("连带" in words for words in said[respondent.name]):
            continue
        result.warn(
            ("respondents", i, "liability", "kind"),
            "joint_typed_as_debtor",
            f"法律文书的判项确定被执行人{respondent.name}承担连带清偿责任，其责任形式却为"
            f"「债务人」：申请书将请求被执行人{'、'.join(debtors)}向申请执行人支付，不写连带责任，"
            f"与判项不符（《中华人民共和国民法典》第一百七十八条；《中华人民共和国民事诉讼法》"
            f"第二百四十七条）",
            hint=f"请将被执行人{respondent.name}的责任形式选为「连带清偿责任」，申请书即写明"
            f"「被执行人{respondent.name}对上述债务承担连带清偿责任」",
        )


def _warn_guarantor_without_debtor(result: Assessment, case: EnforcementApplication) -> None:
    if any(r.liability.kind in DEBTORS for r in case.respondents):
        return
    for i, respondent in enumerate(case.respondents):
        if respondent.liability.kind == "general_guarantee":
            result.warn(
                ("respondents", i, "liability", "kind"),
                "general_guarantee_without_debtor",
                f"一般保证人仅对债务人财产依法强制执行后仍不能履行的部分承担保证责任（{GENERAL_BASIS}）："
                "本申请未将债务人列为被执行人，请在事实与理由中写明对债务人财产的执行情况"
                "（如终结本次执行程序的裁定）并附上",
            )
