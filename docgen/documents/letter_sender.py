"""A demand letter's contact details and payment account: typed in the letter, or taken
from the sender profile it names (``demand_letter.resolve``).

The contact comes from any profile; the account only from a creditor's, since a law
firm's own account is not where the debtor pays. ``profile_kind`` is the kind of the
profile the letter was resolved with, None when it names none.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.problems import Assessment


def check_sender(result: Assessment, case: Any, profile_kind: str | None) -> None:
    """Contact details and payment account: given in the letter or taken from a profile."""
    if case.contact is None:
        result.error(
            ("contact",),
            "missing",
            "请填写联系方式，或套用发件人资料",
            hint="联系人与联系电话必填",
        )
    if case.payment_account is not None:
        return
    if profile_kind == "creditor":
        result.error(
            ("sender_profile_id",),
            "missing",
            "所选发件人资料中缺少收款账户：请在发件人资料中填写收款账户，或在本函中填写收款账户",
        )
    elif profile_kind == "law_firm":
        result.error(
            ("payment_account",),
            "missing",
            "请填写债权人的收款账户：律师事务所的发件人资料中的账户是律所自己的账户，不作为付款账户",
        )
    else:
        result.error(("payment_account",), "missing", "请填写收款账户，或套用债权人的发件人资料")
