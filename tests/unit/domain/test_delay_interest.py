"""The doubled part of the interest for delayed performance (法释〔2014〕8号 art. 1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from docgen.domain.delay_interest import doubled_interest


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
    assert "第二百六十四条" in result.text and "法释〔2014〕8号" in result.text


def test_one_day_of_delay_is_the_day_after_the_deadline():
    assert doubled_interest(Decimal("20000"), date(2026, 2, 28), date(2026, 3, 1)).days == 1


def test_no_day_of_delay_is_refused():
    with pytest.raises(ValueError, match="应晚于履行期限届满日"):
        doubled_interest(Decimal("1000"), date(2026, 3, 1), date(2026, 3, 1))
