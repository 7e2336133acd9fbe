"""The postcodes of a batch row, as the mailing sheet and the post office's bulk-mailing
list (邮局批量交寄表) print them beside each letter.

A mainland postcode is six digits (a letter abroad is not sent by a batch). A postcode
of another length or with other characters puts a wrong line on the mailing list, so
the row is refused at its cell, with the letter, until it is corrected; a blank one is
allowed (the post office sorts by the address). The guarantors' postcodes are matched to
the guarantors in order: a list longer or shorter than the guarantors typed is warned of,
since a guarantor's letter would then carry another one's postcode or none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from docgen.batch.cells import not_a_postcode
from docgen.batch.rows import EXTRA_ROOT
from docgen.documents.problems import Problem

_SIX_DIGITS = re.compile(r"\d{6}")


def postcode_problems(extras: Mapping[str, Any], case: Mapping[str, Any]) -> list[Problem]:
    """The malformed postcodes of a row, and a guarantors' list that does not match its
    guarantors."""
    problems = []
    debtor = extras.get("postcode")
    if _malformed(debtor):
        problems.append(_format((EXTRA_ROOT, "postcode"), debtor))
    codes = guarantor_postcodes(extras)
    for i, code in enumerate(codes):
        if _malformed(code):  # at the list's one column, saying which guarantor's
            at = f"第{i + 1}个保证人的" if len(codes) > 1 else ""
            problems.append(_format((EXTRA_ROOT, "guarantor_postcodes"), code, at))
    guarantors = case.get("guarantors")
    count = len(guarantors) if isinstance(guarantors, list) else 0
    if codes and len(codes) != count:
        problems.append(
            Problem(
                (EXTRA_ROOT, "guarantor_postcodes"),
                "guarantor_postcodes_count",
                f"填写了{len(codes)}个保证人邮政编码，但这一行有{count}个保证人：邮政编码按保证人的"
                "顺序逐一对应，个数不一致时寄给保证人的函件会印上别人的邮政编码或没有邮政编码",
                "请按保证人的顺序每人填写一个邮政编码，用顿号分隔",
                severity="warning",
            )
        )
    return problems


def recipient_phone_problem(type_name: str, case: Mapping[str, Any]) -> list[Problem]:
    """A warning on a row whose recipient has no phone: the mailing sheet's 收件人电话 is
    then empty, and EMS takes a registered letter's upload only with the recipient's phone.
    The letter is made all the same (a phone is no part of it); the mail room fills it in."""
    from docgen.batch.cases import recipient_of
    from docgen.domain.guardianship import delivery_fields

    field = _recipient_field(type_name)
    party = recipient_of(type_name, dict(case))
    if field is None or not party or delivery_fields(party).get("phone") not in (None, ""):
        return []
    return [
        Problem(
            (field, "phone"),
            "recipient_phone_missing",
            "未填写收件人电话：邮寄清单的「收件人电话」将为空，EMS 批量交寄要求填写收件人电话",
            "请补填手机号或带区号的固话；确实不知道的，交寄前在邮寄清单中补上",
            severity="warning",
        )
    ]


def _recipient_field(type_name: str) -> str | None:
    from docgen.documents import registry

    try:
        return registry.get(type_name).recipient_field
    except registry.UnknownDocumentType:
        return None


def guarantor_postcodes(extras: Mapping[str, Any]) -> list[Any]:
    """The guarantors' postcodes (``保证人邮政编码``) as a list, in the guarantors' order: a
    single value is one guarantor's."""
    value = extras.get("guarantor_postcodes")
    if value in (None, ""):
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _malformed(value: Any) -> bool:
    if value in (None, ""):
        return False
    return not _SIX_DIGITS.fullmatch(str(value).strip())


def _format(loc: tuple[Any, ...], value: Any, whose: str = "") -> Problem:
    wrong = not_a_postcode(value, whose)
    return Problem(loc, wrong.code, wrong.message, wrong.hint)


__all__ = ["guarantor_postcodes", "postcode_problems", "recipient_phone_problem"]
