"""The three agreements ask the parties to sign every page or seal across the pages, in
their closing sentence, unless the case turns it off (``sign_every_page``): practice, not
statute (``docgen.documents.agreement_signing``)."""

from __future__ import annotations

import pytest

from tests.support import load_fixture, printed_copy

CASES = [
    (
        "debt_confirmation",
        "person_debtor_with_plan",
        # with its calculation sheet, signed too: the annex is counted in
        "本确认书（含附件）一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。"
        "双方应在本确认书（含附件）每页签字（或加盖骑缝章）。",
    ),
    (
        "installment_agreement",
        "monthly_with_guarantor",
        # its calculation sheet is the annex every party signs, counted in the same way
        "本协议（含附件）一式三份，各方各执一份，自各方签字（盖章）之日起生效。"
        "各方应在本协议（含附件）每页签字（或加盖骑缝章）。",
    ),
    (
        "settlement_agreement",
        "before_suit_paid_at_once",
        "本协议一式两份，双方各执一份，自双方签字（盖章）之日起生效。"
        "双方应在本协议每页签字（或加盖骑缝章）。",
    ),
]


@pytest.mark.parametrize(("type_name", "name", "closing"), CASES)
def test_the_closing_sentence_asks_for_every_page_signed_by_default(type_name, name, closing):
    data = load_fixture(type_name, "valid", name)
    assert "sign_every_page" not in data
    lines = printed_copy(type_name, data).splitlines()
    assert closing in lines
    assert sum("骑缝" in line for line in lines) == 1


@pytest.mark.parametrize(("type_name", "name", "closing"), CASES)
def test_turned_off_only_the_copies_and_the_effective_date_are_said(type_name, name, closing):
    data = {**load_fixture(type_name, "valid", name), "sign_every_page": False}
    lines = printed_copy(type_name, data).splitlines()
    assert closing.split("。")[0] + "。" in lines
    assert not any("骑缝" in line or "每页" in line for line in lines)
