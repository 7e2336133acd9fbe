"""Whom a letter's 「您」 is, when the debtor's copy goes to the debtor's guardian.

A ward acts through the guardian, the legal representative (民法典 arts. 19–23), and the
call to ratify runs from the representative's receipt (art. 145(2)): a copy that reaches
张建国 at his address but calls the child 「您」 addresses the call to him in the third
person, and he could say he was never called on. So such a copy speaks to the guardian:
「张建国先生：」, 「您系张伟之父、法定代理人。」, the call 「催告您自收到本函之日起三十日内…」,
and names the ward wherever the ward is meant (张伟 签订, 张伟 因该合同取得的财产, costs
borne by 张伟, not by the guardian, who owes nothing of his own).

Nor is the guardian asked to pay as if it owed: the guardian's duty is to act for the ward
as its legal representative and to protect the ward's property (民法典 art. 34(1)), and it
may dispose of that property only in the ward's interest (art. 35(1)); the debt, and the
return of what a contract that never bound the ward brought it (art. 157), are the ward's.
So the copy asks the guardian to pay, as 法定代理人 acting for the ward, from the ward's own
property (「请贵单位作为张伟的法定代理人，代理张伟以其本人的财产清偿，于…」), and names the
ward as the one late, sued and bearing the costs (「如张伟逾期仍未清偿，…要求张伟清偿」)
(:func:`ward_pays`). Not 「代为清偿」: in the Code's words that is a third party performing
another's debt (民法典 art. 524), the very reading the letter must not invite.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.letter_finding import finding_intro
from docgen.domain.guardianship import kinship, sex_of
from docgen.domain.parties import Guardian, Person

__all__ = [
    "addressed_you",
    "debtor_called",
    "finding_introduced",
    "guardian_addressed",
    "guardian_intro",
    "guardian_you",
    "salutation",
    "ward_pays",
]


def guardian_addressed(case: Any) -> Guardian | None:
    """The guardian the debtor's own copy speaks to, or None (a guarantor's copy, or a
    debtor who acts alone)."""
    debtor = case.recipient
    if case.recipient_role != "debtor" or not isinstance(debtor, Person):
        return None
    return debtor.guardian


def guardian_you(case: Any) -> str:
    """How the copy addressed to the guardian calls it: 「贵单位」 for an organisation (a
    民政局 or 居委会, 民法典 arts. 31, 32), which is written to as an organisation from its
    first words (``guardian_intro``) to the call to ratify and the request to pay; else
    「您」."""
    guardian = guardian_addressed(case)
    return "贵单位" if guardian is not None and guardian.is_organization else "您"


def addressed_you(case: Any, you: str) -> str:
    """The letter's second person: the guardian's (``guardian_you``) in a copy addressed
    to the guardian, else ``you`` (您, 贵司)."""
    return guardian_you(case) if guardian_addressed(case) is not None else you


def debtor_called(case: Any, you: str) -> str:
    """The debtor as the copy calls it: ``you`` (您, 贵司) in the debtor's own copy, the
    name in a guarantor's and in a copy addressed to the guardian."""
    if case.recipient_role == "debtor" and guardian_addressed(case) is None:
        return you
    return str(case.debtor.name)


def salutation(case: Any, default: str) -> str:
    """「张建国先生」 for a copy addressed to the guardian (「王丽」 when the sex is not
    known, 「北京市东城区民政局」 for an organisation); else ``default``."""
    guardian = guardian_addressed(case)
    if guardian is None:
        return default
    honorific = {"男": "先生", "女": "女士"}.get(sex_of(guardian) or "", "")
    return guardian.name + honorific


def guardian_intro(case: Any) -> str:
    """「您系张伟之父、法定代理人。」 at the head of a copy addressed to the guardian; for an
    adult ward, after the court's finding that put the ward under guardianship (民法典
    art. 24: ``letter_finding.finding_intro``): 「张伟经北京市东城区人民法院（2025）京0101民特
    88号民事判决于2025年9月1日认定为无民事行为能力人，您系张伟之妻、法定代理人。」."""
    guardian = guardian_addressed(case)
    if guardian is None:
        return ""
    you = guardian_you(case)
    return f"{finding_intro(case, you)}{you}{kinship(guardian, case.debtor.name)}、法定代理人。"


def finding_introduced(case: Any) -> bool:
    """The copy is addressed to an adult ward's guardian and its introduction has named the
    judgment that found the ward without full capacity and its day (:func:`guardian_intro`):
    the facts then refer to 「上述判决」 rather than tell the finding again."""
    return guardian_addressed(case) is not None and bool(finding_intro(case, ""))


def ward_pays(case: Any, you: str, late: str, void: bool = False) -> dict[str, str]:
    """Who pays, who is late and who is sued, as the demand to pay words them.

    - ``pays_for``: in a copy addressed to the guardian, 「贵单位作为张伟的法定代理人，代理张伟
      以其本人的财产清偿，」 before 于 and the deadline (返还 for what a void contract brought
      the ward, ``void``: 民法典 art. 157); else nothing.
    - ``paid_by``: who pays into an account the creditor designates (「贵单位代理张伟」, or
      ``you``).
    - ``unpaid``: the default the next step follows: 「张伟逾期仍未清偿」, or ``you`` with
      ``late`` (「您逾期仍未付款」, 「您逾期仍未履行」).
    - ``sued_for``: what the suit asks of whom, after the step, in the guardian's copy
      (「，要求张伟清偿」); else nothing, for the reader is the one sued.

    The guardian acts for the ward and protects the ward's property (art. 34(1)), disposing
    of it only in the ward's interest (art. 35(1)); it owes nothing of its own."""
    if guardian_addressed(case) is None:
        return {"pays_for": "", "paid_by": you, "unpaid": f"{you}逾期仍未{late}", "sued_for": ""}
    ward, act = str(case.debtor.name), "返还" if void else "清偿"
    return {
        "pays_for": f"{you}作为{ward}的法定代理人，代理{ward}以其本人的财产{act}，",
        "paid_by": f"{you}代理{ward}",
        "unpaid": f"{ward}逾期仍未{act}",
        "sued_for": f"，要求{ward}{act}",
    }
