"""撤回起诉申请书 at second instance — the 原审原告 withdraws its suit itself (not the
appeal) while the appeal is pending, typically a creditor who settled after the debtor
appealed. 民诉法解释 (法释〔2022〕11号) art. 336: 「在第二审程序中，原审原告申请撤回起诉，
经其他当事人同意，且不损害国家利益、社会公共利益、他人合法权益的，人民法院可以准许。准许
撤诉的，应当一并裁定撤销一审裁判。」 (para. 1) and 「原审原告在第二审程序中撤回起诉后重复
起诉的，人民法院不予受理。」 (para. 2) — art. 338 of the 2015 text (法释〔2015〕5号), wording
as quoted there; its 2022 number by the shift of two that its neighbours show (arts. 326,
335, 337 of the 2022 text were 328, 337, 339), and that holds on either side of the second
instance's chapter: the 2015 text has art. 338 between art. 323 (二审审理范围) and art. 427
(督促程序's first), which the 2022 text numbers 321 and 425.

So the paper needs what the appeal's withdrawal does not: a second-instance number (民终),
the first-instance decision with its date (the court sets it aside with the same ruling),
each other party's consent (who, how, when: the court cannot allow it without), and the
applicant's acknowledgment that it cannot sue again on the same claims, printed above its
signature. The applicant is the 原审原告, the appellant or the appellee: ``appeal.
applicant_role`` keeps its meaning, the appellant's role below — 原审原告 (the applicant
appealed) or 原审被告 (the applicant is the appellee).

The acceptance fee: the Measures halve the fee of a suit withdrawn (诉讼费用交纳办法 art. 15)
and put it on the plaintiff or appellant (art. 34), but say nothing of which instance's fee
is halved or refunded when the suit is withdrawn at second instance and the first judgment
set aside (the fee's bearer is named as unsettled in the literature, rulings differ). No
fee request is printed; a warning says so.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from docgen.documents.problems import Assessment
from docgen.documents.withdrawal_application_appeal import (
    JUDGMENT_LABELS,
    THIRD_PARTY,
    Appeal,
    Words,
    third_parties_named,
)
from docgen.documents.withdrawal_application_stage import Stage
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line
from docgen.domain.parties import Party

INTERPRETATION = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
ARTICLE = f"{INTERPRETATION}第三百三十六条"
CONSENT_LABELS = {
    "written": "出具书面同意书",
    "record": "向贵院表示同意并记入笔录",
}


class Consent(CaseModel):
    """One other party's consent to the withdrawal of the suit."""

    party: Line = Field(
        title="同意的当事人",
        description="其他当事人的姓名或名称，与被上诉人（上诉人）或原审第三人一栏一致",
    )
    form: Literal["written", "record"] = Field(
        default="written",
        title="同意方式",
        description="书面同意书随申请书提交，列入附件",
        json_schema_extra={"enum_titles": ["书面同意书", "向法院表示同意（记入笔录）"]},
    )
    given_on: date = Field(title="同意日期")


class SuitWithdrawal(CaseModel):
    """The facts of the 原审原告's withdrawal of its suit at second instance."""

    judgment_date: date | None = Field(
        default=None,
        title="一审裁判日期",
        description="必填：第二审人民法院准许撤诉的，一并裁定撤销该一审裁判",
    )
    consents: list[Consent] = Field(
        default_factory=list,
        title="其他当事人的同意",
        description="每一位其他当事人均须同意撤回起诉，否则人民法院不能准许（民诉法解释第三百"
        "三十六条第一款）",
        max_length=10,
    )


def suit_words(appeal: Appeal) -> Words:
    """The applicant is the 原审原告: the appellant when the appellant was the plaintiff
    below, else the appellee."""
    mine, theirs = ("上诉人", "被上诉人")
    if appeal.applicant_role == "defendant":
        mine, theirs = theirs, mine
    return Words(
        "撤回起诉申请书",
        f"{mine}（原审原告）",
        f"{theirs}（原审被告）",
        mine,
        mine,
        theirs,
        "案件受理费",
        "诉讼请求金额",
        "",
    )


# --- rules --------------------------------------------------------------------------


def check_suit_withdrawal(
    result: Assessment,
    suit: SuitWithdrawal,
    stage: Stage | None,
    others: list[Party],
    third: list[str],
    filed_on: date,
) -> None:
    """A second-instance number, the first-instance decision's date, every other party's
    consent given by the application's day (a 原审第三人's, named in ``third``, warned
    of when missing); the fee request's absence warned of."""
    if stage == "first":
        result.error(
            ("case_number",),
            "suit_withdrawal_at_first_instance",
            "二审中撤回起诉须填写第二审案件的案号（类型代字“民终”）：原审原告在第二审程序中撤回"
            f"起诉，由第二审人民法院裁定准许并一并撤销一审裁判（{ARTICLE}第一款）",
            hint="第一审程序中撤诉的，请删除“二审中撤回起诉”信息；二审中撤回起诉的，请填写"
            "第二审案件的案号",
        )
    if suit.judgment_date is None:
        result.error(
            ("suit_withdrawal", "judgment_date"),
            "missing",
            "请填写一审裁判的日期：准许撤回起诉的，第二审人民法院应当一并裁定撤销一审裁判"
            f"（{ARTICLE}第一款），申请书须写明该裁判",
        )
    elif suit.judgment_date > filed_on:
        result.error(
            ("suit_withdrawal", "judgment_date"),
            "judgment_after_application",
            f"一审裁判日期（{format_cn(suit.judgment_date)}）晚于申请日期"
            f"（{format_cn(filed_on)}）：二审中撤回起诉只能在一审裁判作出并提起上诉之后",
        )
    _check_consents(result, suit, [party.name for party in others], third, filed_on)
    result.warn(
        ("fee",),
        "suit_withdrawal_fee_unsettled",
        "《诉讼费用交纳办法》规定当事人申请撤诉的减半交纳案件受理费（第十五条）、由原告或者"
        "上诉人负担（第三十四条），但未规定第二审程序中撤回起诉并撤销一审裁判时第一审、第二审"
        "案件受理费如何减半、退还：本申请书不列退费请求，请向第二审人民法院确认",
    )


def _check_consents(
    result: Assessment, suit: SuitWithdrawal, names: list[str], third: list[str], filed_on: date
) -> None:
    """Each other side's party consents (an error without), a 原审第三人 too (a warning:
    art. 336 asks the consent of 其他当事人, which reads on it; the court decides)."""
    given = {consent.party for consent in suit.consents}
    for i, consent in enumerate(suit.consents):
        if consent.party not in names + third:
            result.error(
                ("suit_withdrawal", "consents", i, "party"),
                "consent_not_a_party",
                f"「{consent.party}」不是本案的其他当事人（{'、'.join(names + third)}）：请填写同意"
                "撤回起诉的当事人的姓名或名称",
            )
        if consent.given_on > filed_on:
            result.error(
                ("suit_withdrawal", "consents", i, "given_on"),
                "consent_after_application",
                f"同意日期（{format_cn(consent.given_on)}）晚于申请日期"
                f"（{format_cn(filed_on)}）：申请书只能写明已经作出的同意",
            )
    missing = [name for name in names if name not in given]
    if missing:
        result.error(
            ("suit_withdrawal", "consents"),
            "consent_missing",
            f"{'、'.join(missing)}未同意撤回起诉：原审原告在第二审程序中撤回起诉，须经其他当事人"
            f"同意，人民法院才可以准许（{ARTICLE}第一款）。请填写其同意的方式和日期；对方不同意"
            "的，不能撤回起诉（上诉人可以申请撤回上诉，当事人也可以和解后申请法院制作调解书）",
            hint="书面同意书随申请书提交",
        )
    silent = [name for name in third if name not in given]
    if silent:
        result.warn(
            ("suit_withdrawal", "consents"),
            "third_party_consent_missing",
            f"原审第三人{'、'.join(silent)}未列明同意撤回起诉：原审原告在第二审程序中撤回起诉，须经"
            f"其他当事人同意（{ARTICLE}第一款），原审第三人也是本案当事人。请填写其同意的方式和"
            "日期，或向第二审人民法院确认是否须其同意",
            hint="书面同意书随申请书提交",
        )


# --- words --------------------------------------------------------------------------


def suit_request(appeal: Appeal, applicants: str, words: Words) -> str:
    """「准许上诉人刘芳撤回起诉，并撤销北京市东城区人民法院（2026）京0101民初9876号民事判决。」"""
    decision = JUDGMENT_LABELS[appeal.judgment_kind]
    return (
        f"准许{words.who}{applicants}撤回起诉，并撤销{appeal.judgment_court}"
        f"{appeal.judgment_number}{decision}。"
    )


def suit_facts(
    appeal: Appeal,
    suit: SuitWithdrawal,
    parties: tuple[str, str],
    why: str,
    case: tuple[str, str],
) -> str:
    """The case below and the appeal, why, each consent, the article: one paragraph.
    ``parties`` the applicants' and the others' names, ``case`` the dispute and the
    second-instance number. The case is named as the first-instance judgment names it,
    its third parties after the defendants: 「原审原告刘芳诉原审被告张伟、原审第三人王强民间
    借贷纠纷一案」."""
    applicants, others = parties
    dispute, number = case
    words = suit_words(appeal)
    decision = JUDGMENT_LABELS[appeal.judgment_kind]
    appellant = applicants if appeal.applicant_role == "plaintiff" else others
    on = format_cn(suit.judgment_date) if suit.judgment_date else ""
    third = {t.name for t in appeal.third_parties}
    consents = "；".join(
        f"{THIRD_PARTY if c.party in third else words.them}{c.party}已于{format_cn(c.given_on)}"
        f"{CONSENT_LABELS[c.form]}，同意{words.who}撤回起诉"
        for c in suit.consents
    )
    below = f"原审原告{applicants}诉原审被告{others}{third_parties_named(appeal)}"
    # the suit withdrawn is the one brought against the 原审被告, named so as in the first
    # clause (their role in the appeal is the party section's and the consents')
    return (
        f"{below}{dispute}一案，{appeal.judgment_court}于{on}作出{appeal.judgment_number}"
        f"{decision}，上诉人{appellant}不服，向贵院提起上诉，贵院已立案受理，案号为{number}。"
        f"现{why}，{words.who}经慎重考虑，决定撤回对原审被告{others}的起诉。{consents}。本案撤回起诉不损害国家利益、社会公共利益、他人合法权益。根据"
        f"{ARTICLE}第一款的规定，特向贵院申请撤回起诉，并请求一并裁定撤销上述一审{decision}，"
        "请予准许。"
    )


def suit_acknowledgment(words: Words) -> str:
    """What the applicant knows it gives up, printed above its signature (art. 336(2))."""
    return (
        f"{words.who}已知悉：原审原告在第二审程序中撤回起诉后重复起诉的，人民法院不予受理"
        f"（{ARTICLE}第二款）。贵院准许撤回起诉后，{words.who}不能就本案的诉讼请求再次起诉。"
    )


def suit_attachments(suit: SuitWithdrawal) -> list[str]:
    """The written consents filed with the application (a consent on the court's record
    is the court's own)."""
    return [
        f"{c.party}同意撤回起诉的书面同意书（{format_cn(c.given_on)}）1份"
        for c in suit.consents
        if c.form == "written"
    ]
