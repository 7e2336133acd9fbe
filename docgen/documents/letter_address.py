"""Whom a letter's 「您」 is, when the debtor's copy goes to the debtor's guardian.

A ward acts through the guardian, the legal representative (民法典 arts. 19–23), and the
call to ratify runs from the representative's receipt (art. 145(2)): a copy that reaches
张建国 at his address but calls the child 「您」 addresses the call to him in the third
person, and he could say he was never called on. So such a copy speaks to the guardian:
「张建国先生：」, 「您系张伟之父、法定代理人。」, the call 「催告您自收到本函之日起三十日内…」,
and names the ward wherever the ward is meant (张伟 签订, 张伟 因该合同取得的财产, costs
borne by 张伟, not by the guardian, who owes nothing of his own).
"""

from __future__ import annotations

from typing import Any

from docgen.domain.guardianship import kinship, sex_of
from docgen.domain.parties import Guardian, Person

__all__ = [
    "addressed_you",
    "debtor_called",
    "guardian_addressed",
    "guardian_intro",
    "guardian_you",
    "salutation",
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
    """「您系张伟之父、法定代理人。」 at the head of a copy addressed to the guardian."""
    guardian = guardian_addressed(case)
    if guardian is None:
        return ""
    return f"{guardian_you(case)}{kinship(guardian, case.debtor.name)}、法定代理人。"
