"""Private-lending caps and default rates (法释〔2020〕17号, 民法典 art. 680; brief §4.3).

Expected figures are worked out by hand next to each case (days start inclusive, end
exclusive; amount = base × rate × days / 365, rounded half up to the fen).
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.cap_rates import CAP_REFORM_DATE, cap_percent, in_term_rate, overdue_rate
from docgen.domain.caps import CapBasis, CapCheck, CombinedClaim, check_cap, check_combined_cap
from docgen.domain.interest import (
    LedgerEvent,
    RateSpec,
    compute_interest,
    interest_on_principal,
)
from docgen.reference_data import load_lpr_table

TABLE = load_lpr_table()
D = Decimal


@pytest.mark.parametrize(
    ("contract", "on_day", "filing", "annual", "article"),
    [
        # Formed 2023-09-01: LPR 3.45% (since 2023-08-21) × 4 = 13.8%, for every day.
        (date(2023, 9, 1), date(2026, 1, 1), None, "13.80", "第二十五条"),
        # Formed on the change day 2024-07-22: 3.35% × 4 = 13.4%.
        (date(2024, 7, 22), date(2024, 8, 1), None, "13.40", "第二十五条"),
        # Formed on the reform day itself: art. 25 with 3.85% × 4 = 15.4%.
        (date(2020, 8, 20), date(2021, 1, 1), None, "15.40", "第二十五条"),
        # Formed 2019-12-01 (before the reform): 24% up to 2020-08-19 …
        (date(2019, 12, 1), date(2020, 8, 19), date(2022, 9, 1), "24", "第三十一条第二款"),
        (date(2018, 3, 1), date(2019, 1, 1), None, "24", "第三十一条第二款"),
        # … and from 2020-08-20, 4 × the LPR at filing: filed 2021-03-01 → 3.85% → 15.4%;
        (date(2019, 12, 1), date(2020, 8, 20), date(2021, 3, 1), "15.40", "第三十一条第二款"),
        # filed 2022-09-01 → 3.65% (since 2022-08-22) → 14.6%;
        (date(2019, 12, 1), date(2020, 8, 20), date(2022, 9, 1), "14.60", "第三十一条第二款"),
        # no filing date: the LPR on the day itself, 2024-11-01 → 3.10% → 12.4%.
        (date(2019, 12, 1), date(2024, 11, 1), None, "12.40", "第三十一条第二款"),
    ],
)
def test_cap_percent(
    contract: date, on_day: date, filing: date | None, annual: str, article: str
) -> None:
    cap = cap_percent(contract, on_day, TABLE, filing_date=filing)
    assert cap.annual_percent == D(annual)
    assert cap.article == article
    assert f"法释〔2020〕17号）{article}" in cap.basis


def test_cap_wording() -> None:
    cap = cap_percent(date(2023, 9, 1), date(2024, 1, 1), TABLE)
    assert cap.label == "一年期LPR 3.45%的4倍，即年利率13.8%"
    assert "借贷合同成立时（2023年9月1日）" in cap.basis
    assert cap.lpr_entry is not None and cap.lpr_entry.effective_from == date(2023, 8, 21)
    old = cap_percent(date(2019, 12, 1), date(2024, 11, 1), TABLE)
    assert "尚未起诉，暂按2024年11月1日" in old.basis
    assert date(2020, 8, 20) == CAP_REFORM_DATE


def test_cap_flags_an_lpr_after_the_table() -> None:
    assert cap_percent(date(2026, 3, 1), date(2026, 3, 1), TABLE).lpr_unverified
    assert not cap_percent(date(2025, 6, 19), date(2026, 3, 1), TABLE).lpr_unverified


def test_claim_above_the_cap_is_refused_with_the_lawful_maximum() -> None:
    # Contract 2023-09-01 (cap 13.8%); 100,000 at 24% from 2024-01-01 to 2025-01-01,
    # 366 days (2024 is a leap year):
    #   claimed: 100,000 × 24% × 366/365 = 8,784,000/365 = 24,065.753… → 24,065.75
    #   cap:     100,000 × 13.8% × 366/365 = 5,050,800/365 = 13,837.808… → 13,837.81
    #   excess:  24,065.75 − 13,837.81 = 10,227.94
    claim = interest_on_principal(
        D(100000), RateSpec("annual", D(24)), date(2024, 1, 1), date(2025, 1, 1), TABLE
    )
    check = check_cap(claim, date(2023, 9, 1), TABLE)
    assert not check.ok
    assert (check.claimed, check.lawful_max, check.excess) == (
        D("24065.75"),
        D("13837.81"),
        D("10227.94"),
    )
    assert check.message == (
        "按法律规定上限（一年期LPR 3.45%的4倍，即年利率13.8%）计算，利息最多为人民币"
        "13,837.81元，主张的24,065.75元超出10,227.94元（法释〔2020〕17号第二十五条）"
    )
    assert check.steps[0].basis.endswith("100,000.00元×13.8%×366÷365=13,837.81元")


def test_claim_at_the_cap_is_allowed() -> None:
    claim = interest_on_principal(
        D(100000), RateSpec("annual", D("13.8")), date(2024, 1, 1), date(2025, 1, 1), TABLE
    )
    check = check_cap(claim, date(2023, 9, 1), TABLE)
    assert check.ok
    assert check.lawful_max == check.claimed == check.cap_interest == D("13837.81")
    assert check.excess == 0
    assert check.message.startswith("主张的利息人民币13,837.81元未超过法律规定上限")


def test_a_rate_above_the_cap_fails_even_when_the_excess_rounds_to_nothing() -> None:
    # 100 at 13.81% for one day = 0.0378… → 0.04; at 13.8% also 0.0378… → 0.04.
    claim = interest_on_principal(
        D(100), RateSpec("annual", D("13.81")), date(2024, 1, 1), date(2024, 1, 2), TABLE
    )
    check = check_cap(claim.steps, date(2023, 9, 1), TABLE)  # steps are accepted too
    assert check.excess == 0
    assert check.rate_exceeds
    assert not check.ok
    assert "主张的利率超过法律规定上限" in check.message


def test_a_floating_four_times_lpr_claim_under_an_older_higher_cap_is_allowed() -> None:
    # Contract 2023-09-01 fixes the cap at 13.8%; 4 × LPR later fell to 13.4%, 12.4%, 12%.
    claim = interest_on_principal(
        D(100000), RateSpec("lpr_multiple", D(4)), date(2023, 9, 1), date(2025, 6, 1), TABLE
    )
    check = check_cap(claim, date(2023, 9, 1), TABLE)
    assert check.ok
    assert check.claimed == claim.interest
    assert check.cap_interest > check.claimed


def test_a_2019_contract_under_the_transition_rule() -> None:
    # Contract 2019-12-01, filed 2021-03-01 (LPR 3.85% → 15.4%); 100,000 at 20% from
    # 2020-01-01 to 2021-01-01 = 366 days, one claim step.
    #   claimed: 100,000 × 20% × 366/365 = 7,320,000/365 = 20,054.794… → 20,054.79
    #   2020-01-01 → 08-20 = 31+29+31+30+31+30+31+19 = 232 days at min(20%, 24%) = 20%:
    #     4,640,000/365 = 12,712.328…
    #   2020-08-20 → 2021-01-01 = 12+30+31+30+31 = 134 days at min(20%, 15.4%) = 15.4%:
    #     2,063,600/365 = 5,653.698…
    #   lawful maximum 18,366.027… → 18,366.03; excess 1,688.76
    #   cap interest: 24% × 232 days = 15,254.794… + 5,653.698… = 20,908.493… → 20,908.49
    # The pre-reform headroom (20% < 24%) must not offset the post-reform excess: compared
    # as a whole, 20,054.79 < 20,908.49 would wrongly pass.
    claim = interest_on_principal(
        D(100000), RateSpec("annual", D(20)), date(2020, 1, 1), date(2021, 1, 1), TABLE
    )
    check = check_cap(claim, date(2019, 12, 1), TABLE, filing_date=date(2021, 3, 1))
    assert not check.ok
    assert (check.claimed, check.lawful_max, check.excess, check.cap_interest) == (
        D("20054.79"),
        D("18366.03"),
        D("1688.76"),
        D("20908.49"),
    )
    (step,) = check.steps
    assert [(p.start, p.days, p.cap.annual_percent) for p in step.periods] == [
        (date(2020, 1, 1), 232, D(24)),
        (date(2020, 8, 20), 134, D("15.40")),
    ]
    assert "2020年1月1日至2020年8月19日为年利率24%" in check.message
    assert "2020年8月20日至2020年12月31日为一年期LPR 3.85%的4倍，即年利率15.4%" in check.message
    assert "第三十一条第二款" in check.message


def test_transition_without_a_filing_date_uses_the_last_day_claimed() -> None:
    # Last day claimed 2022-08-31: LPR 3.65% (since 2022-08-22) → 14.6%.
    claim = interest_on_principal(
        D(1000), RateSpec("annual", D(14)), date(2020, 9, 1), date(2022, 9, 1), TABLE
    )
    check = check_cap(claim, date(2019, 12, 1), TABLE)
    assert check.ok
    assert check.steps[0].periods[0].cap.annual_percent == D("14.60")
    assert "尚未起诉" in check.steps[0].periods[0].cap.basis


def test_combined_cap_on_overdue_interest_penalty_and_fees() -> None:
    # Contract 2023-09-01 (13.8%); principal 100,000 overdue 2024-01-01 → 2025-01-01:
    # cap 13,837.81 as above. 6,000 + 5,000 + 3,000 = 14,000 → 162.19 too much.
    period = (date(2024, 1, 1), date(2025, 1, 1))
    basis = CapBasis(date(2023, 9, 1), TABLE)

    def combined(interest: Decimal, penalty: Decimal, fees: Decimal) -> CapCheck:
        return check_combined_cap(CombinedClaim(interest, penalty, fees, D(100000)), *period, basis)

    check = combined(D(6000), D(5000), D(3000))
    assert not check.ok
    assert (check.claimed, check.lawful_max, check.excess) == (
        D("14000.00"),
        D("13837.81"),
        D("162.19"),
    )
    assert check.message == (
        "按法律规定上限（一年期LPR 3.45%的4倍，即年利率13.8%）计算，逾期利息6,000.00元、"
        "违约金5,000.00元、其他费用3,000.00元合计最多为人民币13,837.81元，"
        "主张的14,000.00元超出162.19元（法释〔2020〕17号第二十九条、第二十五条）"
    )
    within = combined(D(6000), D(5000), D(2000))
    assert within.ok
    assert within.lawful_max == within.claimed == D("13000.00")
    with pytest.raises(ValueError, match="违约金不得为负数"):
        combined(D(6000), D(-1), D(0))
    with pytest.raises(TypeError):
        combined(D(6000), 5000.0, D(0))  # type: ignore[arg-type]


def test_overdue_rate_under_article_28() -> None:
    overdue, in_term = RateSpec("annual", D(18)), RateSpec("annual", D(10))
    assert overdue_rate(overdue, in_term)[0] == overdue
    rate, why = overdue_rate(None, in_term)
    assert rate == in_term
    assert "第二十八条第二款第（二）项" in why
    rate, why = overdue_rate(None, None, overdue_from=date(2024, 3, 1))
    assert rate == RateSpec("lpr_multiple", D(1), fixed_on=date(2024, 3, 1))
    assert "第二十八条第二款第（一）项" in why and "2024年3月1日" in why
    # LPR on 2024-03-01 is 3.45%: 100,000 × 3.45% × 30/365 = 103,500/365 = 283.561… → 283.56
    result = interest_on_principal(D(100000), rate, date(2024, 3, 1), date(2024, 3, 31), TABLE)
    assert result.interest == D("283.56")
    assert overdue_rate(None, None)[0] == RateSpec("lpr_multiple", D(1))


def test_in_term_rate_under_civil_code_article_680() -> None:
    agreed = RateSpec("annual", D(8))
    assert in_term_rate(agreed, between_natural_persons=True)[0] == agreed
    rate, why = in_term_rate(None, between_natural_persons=False)
    assert rate is None and "没有约定的，视为没有利息" in why
    rate, why = in_term_rate(agreed, between_natural_persons=True, unclear=True)
    assert rate is None and "自然人之间" in why
    rate, why = in_term_rate(agreed, between_natural_persons=False, unclear=True)
    assert rate == agreed and "交易习惯" in why
    with pytest.raises(ValueError, match="请输入据此确定的利率"):
        in_term_rate(None, between_natural_persons=False, unclear=True)


def test_cap_is_checked_per_step_of_a_ledger() -> None:
    # Two steps (repayment on 2024-07-01), both at 15% against a 13.8% cap.
    events = [
        LedgerEvent(date(2024, 1, 1), "disbursement", D(10000)),
        LedgerEvent(date(2024, 7, 1), "repayment", D(5000)),
    ]
    claim = compute_interest(
        events, RateSpec("annual", D(15)), date(2024, 1, 1), date(2025, 1, 1), TABLE
    )
    check = check_cap(claim, date(2023, 9, 1), TABLE)
    assert len(check.steps) == 2
    assert not check.ok
    assert check.lawful_max == sum((s.cap_amount for s in check.steps), D(0))


# --- properties ----------------------------------------------------------------------

contracts = st.dates(min_value=date(2018, 1, 1), max_value=date(2025, 6, 19))


@given(
    st.integers(min_value=1, max_value=10**10).map(lambda fen: D(fen) / 100),
    st.integers(min_value=0, max_value=5000).map(lambda bp: D(bp) / 100),
    contracts,
    st.integers(0, 1000),
    st.integers(1, 1500),
)
def test_capped_interest_never_exceeds_the_cap(
    principal: Decimal, percent: Decimal, contract: date, offset: int, days: int
) -> None:
    start = max(contract + timedelta(days=offset), date(2019, 8, 20))
    end = start + timedelta(days=days)
    claim = interest_on_principal(principal, RateSpec("annual", percent), start, end, TABLE)
    check = check_cap(claim, contract, TABLE)
    assert check.lawful_max <= check.claimed
    assert check.lawful_max <= check.cap_interest
    assert check.excess == check.claimed - check.lawful_max >= 0
    if contract >= CAP_REFORM_DATE:
        cap = cap_percent(contract, start, TABLE).annual_percent
        at_cap = interest_on_principal(principal, RateSpec("annual", cap), start, end, TABLE)
        assert check.cap_interest == at_cap.interest
        assert check.ok == (percent <= cap)
        assert check.lawful_max == min(claim.interest, at_cap.interest)


# --- the cap cannot be evaded by a day-count convention or a daily rate ---------------
# Formed 2025-06-10: one-year LPR 3.00% (since 2025-05-20) × 4 = a 12% cap.
FORMED_AT_12 = date(2025, 6, 10)


def test_a_one_year_term_is_365_days():
    result = interest_on_principal(
        D(100000), RateSpec("annual", D(12)), date(2025, 1, 10), date(2026, 1, 10), TABLE
    )
    assert [step.days for step in result.steps] == [365]
    assert result.interest == D("12000.00")


def test_12_percent_on_a_360_day_year_exceeds_a_12_percent_cap():
    # 100,000 × 12% × 365 / 360 = 12,166.67 charged; the cap: 100,000 × 12% × 365/365
    result = interest_on_principal(
        D(100000),
        RateSpec("annual", D(12)),
        FORMED_AT_12,
        date(2026, 6, 10),
        TABLE,
        day_count=360,
    )
    assert result.interest == D("12166.67")
    check = check_cap(result, FORMED_AT_12, TABLE)
    assert not check.ok
    assert check.lawful_max == D("12000.00")
    assert check.excess == D("166.67")
    assert "主张的12,166.67元超出166.67元" in check.message


def test_12_percent_on_a_365_day_year_is_within_a_12_percent_cap():
    result = interest_on_principal(
        D(100000), RateSpec("annual", D(12)), FORMED_AT_12, date(2026, 6, 10), TABLE
    )
    assert check_cap(result, FORMED_AT_12, TABLE).ok


def test_a_daily_rate_is_annualised_over_365_days():
    # 0.0333% a day × 365 = 12.1545% a year > 12%
    rate = RateSpec("daily", D("0.0333"))
    annual, _ = rate.annual_percent_on(FORMED_AT_12, TABLE)
    assert annual == D("12.1545")
    result = interest_on_principal(D(100000), rate, FORMED_AT_12, date(2026, 6, 10), TABLE)
    check = check_cap(result, FORMED_AT_12, TABLE)
    assert not check.ok and check.rate_exceeds
    # 0.0328% a day = 11.972% a year passes
    lawful = interest_on_principal(
        D(100000), RateSpec("daily", D("0.0328")), FORMED_AT_12, date(2026, 6, 10), TABLE
    )
    assert check_cap(lawful, FORMED_AT_12, TABLE).ok


def test_even_a_rate_below_the_cap_fails_when_its_360_day_year_charges_more():
    # 11.9% on a 360-day year charges 11.9 × 365/360 = 12.065% a year
    result = interest_on_principal(
        D(100000),
        RateSpec("annual", D("11.9")),
        FORMED_AT_12,
        date(2025, 7, 10),
        TABLE,
        day_count=360,
    )
    assert check_cap(result, FORMED_AT_12, TABLE).rate_exceeds
