"""The guarantee model: type, 保证期间 and the guarantor's limitation (民法典 arts. 686–694)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from docgen.domain.guarantee import (
    Guarantee,
    MaximumGuarantee,
    claim_within_maximum,
    guarantee_period,
    guarantee_status,
    lapse_message,
)

DUE = date(2026, 1, 10)


def test_an_unstated_type_is_a_general_guarantee_never_a_joint_one():
    presumed = Guarantee(type="not_stated")
    assert presumed.resolved_type == "general" and presumed.label == "一般保证"
    status = guarantee_status(presumed, DUE, date(2026, 3, 1))
    assert status.presumed and status.type == "general"
    assert Guarantee(type="joint").resolved_type == "joint"


def test_no_agreed_period_is_six_months_from_the_due_date():
    period = guarantee_period(Guarantee(type="joint"), DUE)
    assert period.end == date(2026, 7, 10) and period.statutory
    assert "未约定保证期间" in period.basis and "第六百九十二条第二款" in period.basis
    # the corresponding day, or the month's last day when there is none (art. 202)
    assert guarantee_period(Guarantee(type="joint"), date(2025, 8, 31)).end == date(2026, 2, 28)


def test_an_agreed_period_is_kept_when_it_ends_after_the_due_date():
    agreed = Guarantee(type="joint", period="agreed", period_end=date(2028, 1, 10))
    period = guarantee_period(agreed, DUE)
    assert period.end == date(2028, 1, 10) and not period.statutory


@pytest.mark.parametrize("end", [date(2025, 12, 31), DUE])
def test_an_agreed_period_ending_no_later_than_the_debt_counts_as_not_agreed(end):
    period = guarantee_period(Guarantee(type="joint", period="agreed", period_end=end), DUE)
    assert period.end == date(2026, 7, 10) and period.statutory
    assert "视为没有约定" in period.basis


def test_until_repaid_is_an_unclear_period_of_six_months():
    period = guarantee_period(Guarantee(type="general", period="until_repaid"), DUE)
    assert period.end == date(2026, 7, 10) and "第三十二条" in period.basis


def test_a_joint_guarantor_is_freed_without_a_demand_within_the_period():
    joint = Guarantee(type="joint")
    assert not guarantee_status(joint, DUE, date(2026, 7, 10)).lapsed  # last day
    lapsed = guarantee_status(joint, DUE, date(2026, 7, 11))
    assert lapsed.lapsed and lapsed.preserved_on is None
    message = lapse_message(lapsed, "李秀英")
    assert "2026年7月10日届满" in message and "请求保证人承担保证责任" in message
    assert "第六百九十三条第二款" in message
    # a demand within the period keeps the guarantor liable, and starts its limitation
    claimed = guarantee_status(
        Guarantee(type="joint", claimed_on=date(2026, 3, 2)), DUE, date(2026, 11, 20)
    )
    assert not claimed.lapsed and claimed.preserved_on == date(2026, 3, 2)
    assert claimed.limitation_from == date(2026, 3, 2)
    assert claimed.limitation_expires == date(2029, 3, 2)


def test_a_demand_before_the_debt_fell_due_does_not_count():
    early = Guarantee(type="joint", claimed_on=date(2026, 1, 5))
    assert guarantee_status(early, DUE, date(2026, 11, 20)).lapsed


def test_the_document_itself_may_be_the_act_within_the_period():
    joint = Guarantee(type="joint")
    in_time = guarantee_status(joint, DUE, date(2026, 6, 1), acting_on=date(2026, 6, 1))
    assert in_time.preserved_on == date(2026, 6, 1)
    late = guarantee_status(joint, DUE, date(2026, 11, 20), acting_on=date(2026, 11, 20))
    assert late.lapsed


def test_a_general_guarantor_is_freed_unless_the_debtor_was_sued_within_the_period():
    general = Guarantee(type="general", claimed_on=date(2026, 3, 2))  # a demand is not enough
    status = guarantee_status(general, DUE, date(2026, 11, 20))
    assert status.lapsed
    assert "对债务人提起诉讼或者申请仲裁" in lapse_message(status, "李秀英")
    sued = Guarantee(type="general", debtor_sued_on=date(2026, 5, 6))
    kept = guarantee_status(sued, DUE, date(2026, 11, 20))
    assert not kept.lapsed and kept.limitation_from is None  # 先诉抗辩权 not yet gone
    ended = Guarantee(
        type="general", debtor_sued_on=date(2026, 5, 6), defence_ended_on=date(2027, 4, 1)
    )
    assert guarantee_status(ended, DUE, date(2027, 5, 1)).limitation_expires == date(2030, 4, 1)


def test_a_maximum_guarantee_runs_from_the_day_its_debts_are_fixed():
    maximum = MaximumGuarantee(
        amount=Decimal("80000"), period_start=date(2025, 1, 1), period_end=date(2026, 3, 31)
    )
    guarantee = Guarantee(type="joint", maximum=maximum)
    period = guarantee_period(guarantee, DUE)
    assert period.end == date(2026, 9, 30) and "第三十条" in period.basis
    assert claim_within_maximum(guarantee) == "在最高债权额人民币80,000.00元限度内"
    assert claim_within_maximum(Guarantee(type="joint")) == ""
