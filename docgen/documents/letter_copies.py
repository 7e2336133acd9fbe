"""How the copies of one letter name each other: each copy's own number, the number of
the letter another recipient got, and the lines under the signature every copy prints
alike: 「另函致：」 the other recipients, 「抄送：」 whom the user names.

A letter to a debtor and its guarantors is sent as one copy per recipient, each a
letter of its own with its own number (``part_models.copy_number``: the letter's number
with -1 for the debtor's copy, -2… for the guarantors'). A guarantor's copy that refers
to the debtor's letter names that letter's number, which follows from its own. The other
recipients are listed as sent a letter of their own (「另函致」), not as copied (「抄送」): each
copy says what its addressee may read (a guarantor's leaves out the debtor's capacity,
PIPL art. 28), so none was copied to another recipient.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docgen.documents.guardian_rules import is_minor
from docgen.documents.part_models import AddressedCase, copy_number
from docgen.domain.guardianship import guardian_of
from docgen.domain.parties import Person


def own_number(case: AddressedCase, draw: Callable[[], str]) -> str:
    """The number of this copy when the case gives none: ``draw()`` takes the next number
    of the series once for all the copies of the letter (``split_recipients``), each copy
    then suffixed; a letter to one recipient takes the number drawn as it is."""
    drawn = case._drawn
    if drawn is None:
        return draw()
    if drawn.base is None:
        drawn.base = draw()
    return copy_number(drawn.base, case.recipient_index)


def sibling_number(case: Any, index: int) -> str:
    """The number of the copy sent to recipient ``index`` (0: the debtor) of the letter
    this copy belongs to, from this copy's own number (a registered copy keeps only its
    own); nothing when the letter has no number or this copy's is not a copy's number."""
    number = case.letter_number or ""
    if not number or len(case.recipient_parties()) < 2:
        return ""
    suffix = f"-{case.recipient_index + 1}"
    if number.endswith(suffix + "号"):
        base = number[: -len(suffix) - 1] + "号"
    elif number.endswith(suffix):
        base = number[: -len(suffix)]
    else:
        return ""
    return copy_number(base, index)


def debtors_letter(case: Any) -> str:
    """「另函」, naming the number of the letter sent to the debtor where the letter has
    one: 「另以（2026）京明正律函字第88-1号函」, 「另函（编号：CS-2026-0158-1）」."""
    number = sibling_number(case, 0)
    if not number:
        return "另函"
    return f"另以{number}函" if number.endswith("号") else f"另函（编号：{number}）"


_NOTE_LEAD = re.compile(r"^(?:本函)?(?:同时)?抄送[：:]?")
_NOTE_ITEMS = re.compile(r"[；;、，,]")


def sent_apart(case: Any) -> str:
    """Whom 「另函致：」 names, the same in every copy but for the copy's own addressee: the
    other recipients of the letter in their order (债务人 first, then each 保证人). A minor's
    copy went to the guardian, its legal representative (民法典 arts. 23, 27), as that copy
    is addressed: 「债务人张伟之法定代理人张建国」. An adult's guardianship is not named: it
    tells of a finding of capacity, which a guarantor's copy leaves out (PIPL art. 28)."""
    names = []
    for i, party in enumerate(case.recipient_parties()):
        if i == case.recipient_index:
            continue
        guardian = guardian_of(party)
        minor = isinstance(party, Person) and is_minor(party, case.letter_date)
        via = f"之法定代理人{guardian.name}" if guardian is not None and minor else ""
        names.append(("债务人" if i == 0 else "保证人") + party.name + via)
    return "；".join(names)


def copied_to(case: Any, note: str | None = None) -> str:
    """What 「抄送：」 prints: those the user names in ``note`` (a note written as a
    sentence, 「本函同时抄送…」, loses its lead-in). A recipient of the letter the note
    names is left to :func:`sent_apart`, so that no copy is copied to its own addressee."""
    names = [p.name for p in case.recipient_parties()]
    text = _NOTE_LEAD.sub("", note.strip()) if note else ""
    items = [x.strip() for x in _NOTE_ITEMS.split(text) if x.strip()]
    extra = [x for x in items if not any(name in x for name in names)]
    if len(extra) == len(items) and text:
        extra = [text]  # the note as written, its own punctuation kept
    return "；".join(extra)
