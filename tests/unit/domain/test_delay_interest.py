"""The doubled part of the interest for delayed performance (法释〔2014〕8号 art. 1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from docgen.domain.delay_interest import doubled_interest, doubled_interest_by_part


def test_the_delay_runs_from_the_day_after_the_performance_period_both_ends_counted():
    result = doubled_interest(Decimal("100000"), date(2026, 1, 10), date(2026, 1, 20))
    assert (result.first_day, result.days) == (date(2026, 1, 11), 10)
    assert result.amount == Decimal("175.00")  # 100,000 × 0.0175% × 10


def test_the_amount_is_rounded_half_up_to_the_fen_once():
    # 101,332.49 × 0.000175 × 600 = 10,639.91145
    result = doubled_interest(Decimal("101332.49"), date(2025, 3, 30), date(2026, 11, 20))
    assert result.days == 600
    assert result.amount == Decimal("10639.91")
    assert "101,332.49元×0.0175%×600日＝10,639.91元" in result.text
    assert "自2025年3月31日起至2026年11月20日止共600日" in result.text


def test_installments_run_each_from_its_own_deadline_and_add_up():
    parts = [
        (Decimal("10000"), date(2026, 1, 31)),
        (Decimal("10000"), date(2026, 2, 28)),
        (Decimal("10000"), date(2026, 3, 31)),  # not late on the calculation date
    ]
    total = doubled_interest_by_part(parts, date(2026, 3, 10))
    assert [p.days for p in total.parts] == [38, 10]  # 2-1..3-10, 3-1..3-10
    assert total.amount == Decimal("66.50") + Decimal("17.50")
    assert total.text.startswith("第1部分（2026年1月31日届满）：以尚未清偿")
    assert "；合计84.00元（《中华人民共和国民事诉讼法》第二百六十四条" in total.text


def test_a_part_is_named_by_its_label_where_one_is_given():
    parts = [
        (Decimal("10000"), date(2026, 1, 31)),
        (Decimal("10000"), date(2026, 2, 1)),  # a later installment accelerated on 2-1
    ]
    labels = ["2026年1月31日届满", "2026年6月30日届满，依约定于2026年2月1日到期"]
    total = doubled_interest_by_part(parts, date(2026, 3, 10), labels)
    assert "第2部分（2026年6月30日届满，依约定于2026年2月1日到期）：" in total.text
    assert "自2026年2月2日起至2026年3月10日止共37日" in total.text


def test_one_part_states_its_basis_once():
    total = doubled_interest_by_part([(Decimal("100000"), date(2026, 1, 10))], date(2026, 1, 20))
    assert total.amount == Decimal("175.00")
    assert total.text.count("第二百六十四条") == 1 and "第1部分" not in total.text


def test_one_day_of_delay_is_the_day_after_the_deadline():
    assert doubled_interest(Decimal("20000"), date(2026, 2, 28), date(2026, 3, 1)).days == 1


def test_no_day_of_delay_is_refused():
    with pytest.raises(ValueError, match="应晚于履行期限届满日"):
        doubled_interest(Decimal("1000"), date(2026, 3, 1), date(2026, 3, 1))
