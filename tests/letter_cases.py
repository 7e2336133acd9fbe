"""Letter cases the fixtures do not hold as such: a contract made as a minor of eight or
more that no one is asked to ratify (``letter_capacity.ratification_unasked``).

A minor without a guardian is refused a letter (``guardian_rules``: the letter goes
through the guardian, who is asked), and a debtor of full age now is asked himself
(``letter_capacity.self_asked``), so the only such debtor left is an adult now, declared
of limited capacity, with no guardian given: the fixtures of a minor without a guardian
(now invalid) with that debtor, who signed at 17 (born 2007-03-01), and no receipt, which
such a debtor cannot sign alone (``demand_letter._check_receipt``)."""

from __future__ import annotations

import copy
from typing import Any

from tests.support import load_fixture

ADULT_NOW_ID = "110105200703010037"


def unasked_case(type_name: str, name: str) -> dict[str, Any]:
    data = copy.deepcopy(load_fixture(type_name, "invalid", name))
    data["debtor"].update(id_number=ADULT_NOW_ID, capacity="limited")
    data.pop("include_receipt", None)
    return data
