"""A delivered copy counts against the party it was addressed to (民法典 art. 195(1)):
the debtor's copy interrupts the principal debt's period against the debtor; a guarantor's
copy does not, and bears on that guarantor's own guarantee and period instead
(arts. 693, 694). docs/legal-rules.md, "Delivery and the limitation period"."""

from __future__ import annotations

from datetime import date
from typing import Any

from docgen.register.interruptions import debtor_deliveries, limitation_for
from docgen.register.models import Delivery, RegisteredDocument
from tests.support import load_fixture

JOINT = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
GENERAL = load_fixture("demand_letter", "valid", "general_guarantor_notice")
DUE = date(2026, 1, 10)  # both fixtures' contract due date
ON = date(2026, 12, 1)


def _copy(data: dict[str, Any], index: int | None, *delivered: date) -> RegisteredDocument:
    """A registered copy of the letter to recipient ``index`` (None: an older entry that
    did not keep it), with its deliveries."""
    recorded = dict(data)
    if index is not None:
        party = data["debtor"] if index == 0 else data["guarantors"][index - 1]
        role = "debtor" if index == 0 else "guarantor"
        recorded["_recipient"] = {"index": index, "role": role, "name": party["name"]}
    return RegisteredDocument(
        type_name="demand_letter",
        input_data=recorded,
        deliveries=[Delivery(delivered_on=day) for day in delivered],
    )


def test_the_debtors_copy_delivered_interrupts_the_period_against_the_debtor():
    report = limitation_for(_copy(JOINT, 0, date(2026, 11, 22)), ON)

    assert report.against == {"role": "debtor", "name": JOINT["debtor"]["name"]}
    assert report.counted == [date(2026, 11, 22)]
    assert report.result.started_from == date(2026, 11, 22)
    assert report.result.expires == date(2029, 11, 22)
    assert "送达债务人" in report.note and "第一百九十五条" in report.note
    assert report.guarantor is None


def test_a_guarantors_copy_delivered_does_not_interrupt_the_period_against_the_debtor():
    report = limitation_for(_copy(JOINT, 1, date(2026, 11, 22)), ON)

    # the principal debt's period runs from the due date as if nothing was delivered
    assert report.against["role"] == "debtor"
    assert report.counted == []
    assert report.result.started_from == DUE
    assert report.result.expires == date(2029, 1, 10)
    assert report.result.effective_events == []
    assert "保证人刘芳" in report.note
    assert f"不中断主债务对债务人{JOINT['debtor']['name']}的诉讼时效" in report.note


def test_a_joint_guarantors_copy_interrupts_that_guarantors_own_period():
    report = limitation_for(_copy(JOINT, 1, date(2026, 11, 22)), ON)
    standing = report.guarantor

    assert standing.against == {"role": "guarantor", "name": "刘芳"}
    assert standing.type == "joint"
    # kept by the demand recorded within the 保证期间 (art. 693(2)); the guarantor's
    # three years ran from it (art. 694(2)) and restart on this copy's delivery
    assert standing.preserved_on == date(2026, 2, 9)
    assert standing.limitation_from == date(2026, 11, 22)
    assert standing.limitation_expires == date(2029, 11, 22)
    assert "中断保证债务的诉讼时效" in standing.note


def test_a_joint_guarantors_copy_within_the_guarantee_period_keeps_the_guarantee():
    data = {**JOINT, "guarantees": [{"type": "joint"}]}  # no earlier demand recorded
    standing = limitation_for(_copy(data, 1, date(2026, 3, 2)), ON).guarantor

    assert standing.preserved_on == date(2026, 3, 2)
    assert not standing.lapsed
    assert standing.limitation_from == date(2026, 3, 2)
    assert standing.limitation_expires == date(2029, 3, 2)
    assert "第六百九十四条第二款" in standing.note


def test_a_general_guarantors_copy_is_a_notice_that_keeps_nothing():
    report = limitation_for(_copy(GENERAL, 1, date(2026, 3, 2)), ON)

    assert report.counted == []
    assert report.result.started_from == DUE
    standing = report.guarantor
    assert standing.type == "general"
    assert standing.preserved_on is None
    assert standing.limitation_from is None
    assert "第六百九十三条第一款" in standing.note


def test_an_older_entry_of_a_case_with_guarantors_does_not_count_its_delivery():
    report = limitation_for(_copy(JOINT, None, date(2026, 11, 22)), ON)

    assert report.counted == []
    assert report.result.started_from == DUE
    assert "未记录收件人" in report.note


def test_an_older_entry_of_a_letter_to_the_debtor_alone_counts_as_before():
    alone = {k: v for k, v in JOINT.items() if k not in ("guarantors", "guarantees")}
    report = limitation_for(_copy(alone, None, date(2026, 11, 22)), ON)

    assert report.counted == [date(2026, 11, 22)]
    assert report.result.started_from == date(2026, 11, 22)


def test_only_the_debtors_copy_gives_the_days_carried_into_the_next_document():
    # a confirmation or agreement carried from the letter takes these days as interruptions
    assert debtor_deliveries(_copy(JOINT, 0, date(2026, 11, 22))) == [date(2026, 11, 22)]
    assert debtor_deliveries(_copy(JOINT, 1, date(2026, 11, 22))) == []
    # an older entry of a case with guarantors cannot say whom its copy reached
    assert debtor_deliveries(_copy(JOINT, None, date(2026, 11, 22))) == []
    confirmation = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
    signed = RegisteredDocument(
        type_name="debt_confirmation",
        input_data=confirmation,
        deliveries=[Delivery(delivered_on=date(2026, 11, 22))],
    )
    assert debtor_deliveries(signed) == []  # not a demand: its delivery is no demand
