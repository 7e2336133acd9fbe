"""The requests and facts an application for enforcement says of each respondent's
liability (``enforcement_liability``): who is asked for the whole, in the instrument's
words (连带, 共同), and what each of the others owes — a share, a guarantee, the security."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docgen.documents.enforcement_liability import DEBTORS, FULL, GENERAL_BASIS
from docgen.documents.enforcement_names import names as claimed_names
from docgen.documents.enforcement_parts import TITLE_LABELS
from docgen.documents.enforcement_several import common_word, other_terms_words, read_shares
from docgen.domain.money import legal_amount

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication


def payers(case: EnforcementApplication) -> list[str]:
    """The respondents asked for the whole: the debtors — not those whose shares the
    operative part fixes (``enforcement_several``), asked each for his share —, or, where
    none is named, those jointly liable."""
    shares = read_shares(case)
    debtors = [
        r.name for r in case.respondents if r.liability.kind == "debtor" and r.name not in shares
    ]
    return debtors or [r.name for r in case.respondents if r.liability.kind == "joint"]


def payers_words(case: EnforcementApplication) -> str:
    """「被执行人张伟、李秀英」 — with 「连带」 after the names where those asked for the whole
    are two or more jointly liable (no debtor named): 「被执行人张伟、李秀英连带」, as a
    judgment orders joint payment (「…连带支付…」), so that neither reads the sum as his share
    (民法典 art. 178: 连带责任人…都有权请求其承担全部责任). Several debtors (the default) are
    named as before, with 「共同」 where the operative part orders them to pay in common
    (「被执行人张伟、李秀英共同」: ``enforcement_several``): the instrument's own words govern
    what they owe."""
    names = payers(case)
    joint = len(names) > 1 and not any(
        r.name in names for r in case.respondents if r.liability.kind == "debtor"
    )
    return f"被执行人{'、'.join(names)}{'连带' if joint else common_word(case)}"


# a term of the instrument another refers to: 「本判决第一项」, 「上述第一、二项」
_TERM_REF = re.compile(r"第([一二三四五六七八九十]+(?:[、至和及][一二三四五六七八九十]+)*)项")


def debt_words(case: EnforcementApplication, name: str) -> str:
    """The debt a respondent not asked for the whole answers for, as the instrument limits
    it: the term his own term refers to (「二、被告李秀英对本判决第一项确定的债务承担连带清偿
    责任」: 「（2025）京0101民初1234号民事判决第一项确定的债务」), else item 1 of the
    application (「上述第1项债务」). Never 「上述债务」: after item 2 (the doubled interest of
    民事诉讼法 art. 264, owed by whoever fails to perform) it would cover that item too, and
    the application may ask of a respondent only the 给付内容 the instrument states (民诉法解释
    art. 461; 执行工作若干问题的规定（试行） art. 16(1)(3), art. 18)."""
    title = case.title
    # cut at 。；; only: an item's number (「二、」) is no cut here, as 「第一、二项」 holds one
    text = "".join(title.operative_part.split())
    terms = [t for t in re.split(r"[。；;]", text) if name in t]
    found = {m.group(1) for t in terms for m in _TERM_REF.finditer(t)}
    if len(found) != 1:
        return "上述第1项债务"
    label = TITLE_LABELS[title.kind]
    if title.kind in ("judgment", "arbitration"):  # 「民事判决第一项」, 「仲裁裁决第一项」
        label = label.removesuffix("书")
    return f"{title.case_number}{label}第{found.pop()}项确定的债务"


def liability_request(case: EnforcementApplication, shares_asked: bool = False) -> str:
    """The request for what each respondent not asked for the whole owes, in the words of
    the instrument's operative part; empty where every respondent pays the whole. The
    debtors by shares left out where item 1 already asks each his share (``shares_asked``:
    ``enforcement_by_share``)."""
    full, shares = payers(case), read_shares(case)
    label = claimed_names(case).principal  # a share is a share of the principal
    debtors = [r.name for r in case.respondents if r.liability.kind in DEBTORS]
    debtor = f"被执行人{'、'.join(debtors)}" if debtors else "债务人"
    clauses: list[str] = []
    for r in case.respondents:
        liability = r.liability
        if shares_asked and (r.name in shares or liability.kind == "share"):
            continue
        if r.name in shares:  # a debtor whose share the operative part fixes
            clauses.append(
                f"被执行人{r.name}按照法律文书确定的份额向申请执行人支付{label}{legal_amount(shares[r.name])}"
                + other_terms_words(case, r.name)
            )
        if (liability.kind in FULL and r.name in full) or r.name in shares:
            continue
        if liability.kind == "joint":
            clauses.append(f"被执行人{r.name}对{debt_words(case, r.name)}承担连带清偿责任")
        elif liability.kind == "general_guarantee":
            clauses.append(
                f"被执行人{r.name}对{debt_words(case, r.name)}，在{debtor}的财产依法强制执行后"
                "仍不能履行的部分承担"
                "保证责任"
            )
        elif liability.kind == "security_only":
            clauses.append(
                f"申请执行人对被执行人{r.name}名下{liability.security_property}折价或者拍卖、"
                f"变卖所得价款在{debt_words(case, r.name)}范围内优先受偿"
            )
        elif liability.kind == "share" and liability.share is not None:
            clauses.append(
                f"被执行人{r.name}按照法律文书确定的份额向申请执行人支付{label}{legal_amount(liability.share)}"
                + other_terms_words(case, r.name)
            )
    return f"{'；'.join(clauses)}。" if clauses else ""


def liability_facts(case: EnforcementApplication) -> str:
    """The order of enforcement a general guarantor is owed, said so that the court
    enforces the debtor's property first: 「被执行人王五为一般保证人，…」."""
    guarantors = [r.name for r in case.respondents if r.liability.kind == "general_guarantee"]
    if not guarantors:
        return ""
    debtors = [r.name for r in case.respondents if r.liability.kind in DEBTORS]
    names = "、".join(guarantors)
    asked = (
        f"申请执行人请求先行执行被执行人{'、'.join(debtors)}的财产，就仍不能履行的部分执行"
        if debtors
        else "申请执行人就债务人财产依法强制执行后仍不能履行的部分请求执行"
    )
    return (
        f"被执行人{names}为一般保证人，仅对债务人财产依法强制执行后仍不能履行的部分承担保证"
        f"责任（{GENERAL_BASIS}），{asked}被执行人{names}。"
    )
