"""Court fees under the 诉讼费用交纳办法 (domain brief §4.4).

Every expected figure below is worked out by hand in the comment next to it, from the
bands of art. 13(1) and art. 14(2), independently of the code under test.

Cumulative acceptance fee at each band edge (art. 13(1)):
    10,000:      50 flat
    100,000:     50 + 90,000 x 2.5% = 50 + 2,250            =   2,300
    200,000:     2,300 + 100,000 x 2% = 2,300 + 2,000       =   4,300
    500,000:     4,300 + 300,000 x 1.5% = 4,300 + 4,500     =   8,800
    1,000,000:   8,800 + 500,000 x 1% = 8,800 + 5,000       =  13,800
    2,000,000:   13,800 + 1,000,000 x 0.9% = 13,800 + 9,000 =  22,800
    5,000,000:   22,800 + 3,000,000 x 0.8% = 22,800 + 24,000 =  46,800
    10,000,000:  46,800 + 5,000,000 x 0.7% = 46,800 + 35,000 =  81,800
    20,000,000:  81,800 + 10,000,000 x 0.6% = 81,800 + 60,000 = 141,800
The brief's shortcuts follow: e.g. for 10k < x <= 100k, 50 + 2.5%(x - 10,000) = 2.5%x - 200;
above 20M, 141,800 + 0.5%(x - 20M) = 0.5%x + 41,800. Note the first shortcut (2.5%x - 200)
holds only above 10,000: below it the fee is the flat 50.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.court_fees import (
    FeeResult,
    Procedure,
    Rounding,
    acceptance_fee,
    half_of,
    payment_order_fee,
    preservation_fee,
)

FEN = Decimal("0.01")
EDGES = [
    Decimal(e)
    for e in (
        1_000,
        10_000,
        100_000,
        200_000,
        500_000,
        1_000_000,
        2_000_000,
        5_000_000,
        10_000_000,
        20_000_000,
        896_000,
    )
]


def half_up(value: Decimal, quantum: Decimal = FEN) -> Decimal:
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def shortcut(x: Decimal) -> Decimal:
    """The brief's closed-form acceptance fee, written out independently of the code."""
    if x <= 10_000:
        return Decimal(50)
    table = [
        (100_000, "0.025", -200),
        (200_000, "0.02", 300),
        (500_000, "0.015", 1_300),
        (1_000_000, "0.01", 3_800),
        (2_000_000, "0.009", 4_800),
        (5_000_000, "0.008", 6_800),
        (10_000_000, "0.007", 11_800),
        (20_000_000, "0.006", 21_800),
    ]
    for upper, rate, constant in table:
        if x <= upper:
            return x * Decimal(rate) + constant
    return x * Decimal("0.005") + 41_800


def preservation_formula(x: Decimal) -> Decimal:
    """Art. 14(2) in closed form, before the 5,000 cap."""
    if x <= 1_000:
        return Decimal(30)
    if x <= 100_000:
        return 30 + (x - 1_000) * Decimal("0.01")
    return 1_020 + (x - 100_000) * Decimal("0.005")


@pytest.mark.parametrize(
    ("amount", "fen", "yuan"),
    [
        # At or under 10,000 the flat 50 applies.
        ("0.01", "50.00", "50.00"),
        ("5000", "50.00", "50.00"),
        ("10000", "50.00", "50.00"),
        # 50 + 0.01 x 2.5% = 50.00025 -> 50.00 to the fen.
        ("10000.01", "50.00", "50.00"),
        # 50 + 0.20 x 2.5% = 50.005 -> 50.01 half up; 50 to the yuan.
        ("10000.20", "50.01", "50.00"),
        # 50 + 6,409.02 x 2.5% = 50 + 160.2255 = 210.2255 -> 210.23 / 210.
        ("16409.02", "210.23", "210.00"),
        # 50 + 40,000 x 2.5% = 1,050.
        ("50000", "1050.00", "1050.00"),
        # 50 + 80,000 x 2.5% = 2,050 (the "2.5%x - 200" shortcut: 2,250 - 200).
        ("90000", "2050.00", "2050.00"),
        ("100000", "2300.00", "2300.00"),
        # 2,300 + 23,456.78 x 2% = 2,300 + 469.1356 = 2,769.1356 -> 2,769.14 / 2,769.
        ("123456.78", "2769.14", "2769.00"),
        # 2,300 + 50,000 x 2% = 3,300.
        ("150000", "3300.00", "3300.00"),
        ("200000", "4300.00", "4300.00"),
        # 4,300 + 100,000 x 1.5% = 5,800.
        ("300000", "5800.00", "5800.00"),
        ("500000", "8800.00", "8800.00"),
        ("1000000", "13800.00", "13800.00"),
        # 13,800 + 500,000 x 0.9% = 18,300.
        ("1500000", "18300.00", "18300.00"),
        ("2000000", "22800.00", "22800.00"),
        ("5000000", "46800.00", "46800.00"),
        ("10000000", "81800.00", "81800.00"),
        ("20000000", "141800.00", "141800.00"),
        # 141,800 + 10,000,000 x 0.5% = 191,800.
        ("30000000", "191800.00", "191800.00"),
        # 141,800 + 0.01 x 0.5% = 141,800.00005 -> 141,800.00.
        ("20000000.01", "141800.00", "141800.00"),
    ],
)
def test_acceptance_fee_table(amount: str, fen: str, yuan: str) -> None:
    assert acceptance_fee(Decimal(amount)).fee == Decimal(fen)
    assert acceptance_fee(Decimal(amount), rounding="yuan").fee == Decimal(yuan)


@pytest.mark.parametrize(
    ("amount", "procedure", "rounding", "expected"),
    [
        # 2,300 / 2 = 1,150; 13,800 / 2 = 6,900; 50 / 2 = 25.
        ("100000", "summary", "fen", "1150.00"),
        ("1000000", "summary", "fen", "6900.00"),
        ("10000", "summary", "fen", "25.00"),
        ("1000000", "mediation", "fen", "6900.00"),
        ("1000000", "withdrawal", "yuan", "6900.00"),
        # halved once, of the fee as charged, half up to the fen: 210.2255 charged 210.23,
        # / 2 = 105.115 -> 105.12 (the half fen paid); charged to the yuan 210 / 2 = 105.
        ("16409.02", "summary", "fen", "105.12"),
        ("16409.02", "summary", "yuan", "105.00"),
        # 2% x 118,249.32 + 300 = 2,664.9864, charged 2,664.99; / 2 = 1,332.495 -> 1,332.50
        ("118249.32", "summary", "fen", "1332.50"),
        ("118249.32", "withdrawal", "fen", "1332.50"),
        # charged 2,665 to the yuan; halved to the fen, exactly 1,332.50 (「减半收取1,332.5元」)
        ("118249.32", "withdrawal", "yuan", "1332.50"),
        # 50 + 40 x 2.5% = 51; halved 25.50, to the fen whatever the full fee was rounded to
        ("10040", "mediation", "fen", "25.50"),
        ("10040", "mediation", "yuan", "25.50"),
    ],
)
def test_halved_fees(amount: str, procedure: Procedure, rounding: Rounding, expected: str) -> None:
    result = acceptance_fee(Decimal(amount), procedure=procedure, rounding=rounding)
    assert result.fee == Decimal(expected)
    assert result.halved
    assert "减半" in result.basis


def test_acceptance_fee_result_explains_itself() -> None:
    result = acceptance_fee(Decimal("1000000"))
    assert not result.halved
    assert result.rounding == "fen"
    assert result.amount == Decimal("1000000.00")
    assert result.full_fee == Decimal("13800")
    # one flat step and four rated bands: 10k-100k, 100k-200k, 200k-500k, 500k-1M
    assert [s.rate for s in result.steps] == [
        None,
        Decimal("0.025"),
        Decimal("0.02"),
        Decimal("0.015"),
        Decimal("0.01"),
    ]
    assert [s.amount for s in result.steps] == [50, 2_250, 2_000, 4_500, 5_000]
    assert result.steps[1].text == (
        "超过10,000.00元至100,000.00元的部分90,000.00元，按2.5%交纳2,250.00元"
    )
    assert "第十三条" in result.basis
    assert "四舍五入保留至分" in result.basis
    assert "13,800.00元" in result.basis


def test_summary_basis_names_article_16_and_rounding_to_yuan() -> None:
    result = acceptance_fee(Decimal("100000"), procedure="summary", rounding="yuan")
    assert "第十六条" in result.basis
    assert "四舍五入保留至元" in result.basis
    assert "1,150.00元" in result.basis
    assert "第十五条" in acceptance_fee(Decimal("100000"), procedure="withdrawal").basis


def test_sub_fen_band_amounts_are_kept_exact_and_printed_to_the_fen() -> None:
    result = acceptance_fee(Decimal("10000.01"))
    assert result.full_fee == Decimal("50.00025")
    assert result.steps[-1].amount == Decimal("0.00025")
    assert result.steps[-1].text.endswith("按2.5%交纳0.00元")
    assert "合计50.00元。" in result.basis and "0.00025" not in result.basis


@pytest.mark.parametrize("amount", [Decimal(0), Decimal("-1"), Decimal("0.004")])
def test_non_positive_amounts_are_refused_in_chinese(amount: Decimal) -> None:
    with pytest.raises(ValueError, match="应大于零"):
        acceptance_fee(amount)
    with pytest.raises(ValueError, match="应大于零"):
        preservation_fee(amount)


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        acceptance_fee(100000.0)  # type: ignore[arg-type]


def test_unknown_procedure_and_rounding_are_refused() -> None:
    with pytest.raises(ValueError, match="审理程序"):
        acceptance_fee(Decimal(1), procedure="appeal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="取整规则"):
        acceptance_fee(Decimal(1), rounding="jiao")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected", "capped"),
    [
        ("500", "30.00", False),
        ("1000", "30.00", False),
        # 30 + 0.01 x 1% = 30.0001 -> 30.00
        ("1000.01", "30.00", False),
        # 30 + 49,000 x 1% = 520
        ("50000", "520.00", False),
        # 30 + 99,000 x 1% = 1,020
        ("100000", "1020.00", False),
        # 1,020 + 100,000 x 0.5% = 1,520
        ("200000", "1520.00", False),
        # 1,020 + 796,000 x 0.5% = 1,020 + 3,980 = 5,000: exactly the cap
        ("896000", "5000.00", False),
        # 5,000.00005 is over the cap
        ("896000.01", "5000.00", True),
        # 1,020 + 900,000 x 0.5% = 5,520 -> capped at 5,000
        ("1000000", "5000.00", True),
    ],
)
def test_preservation_fee_table(amount: str, expected: str, capped: bool) -> None:
    result = preservation_fee(Decimal(amount))
    assert result.fee == Decimal(expected)
    assert result.capped is capped
    assert not result.halved
    assert "第十四条第（二）项" in result.basis  # (一) is the enforcement fee
    assert ("最高限额" in result.basis) is capped


def test_preservation_cap_reports_the_uncapped_sum() -> None:
    result = preservation_fee(Decimal("1000000"))
    assert result.full_fee == Decimal("5520")
    assert "5,520.00元" in result.basis
    assert [s.amount for s in result.steps] == [30, 990, 4_500]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        # 50 / 3 = 16.666… -> 16.67
        ("5000", "16.67"),
        # 50 + 90,000 x 2.5% + 6,007.14 x 2% = 2,420.1428; / 3 = 806.7143 -> 806.71
        ("106007.14", "806.71"),
        # 13,800 / 3 = 4,600
        ("1000000", "4600.00"),
        # 50 / 3 = 16.666… -> 16.67
        ("10000", "16.67"),
        # 50 + 2,250 + 23,456.78 x 2% = 2,769.1356 (charged 2,769.14); / 3 = 923.0452 -> 923.05
        # (2,769.14 / 3 = 923.0467 -> 923.05)
        ("123456.78", "923.05"),
        # 2,664.9864 (charged 2,664.99); / 3 = 888.3288 -> 888.33 (2,664.99 / 3 = 888.33)
        ("118249.32", "888.33"),
    ],
)
def test_payment_order_fee_is_a_third_of_the_acceptance_fee(amount: str, expected: str) -> None:
    result = payment_order_fee(Decimal(amount))
    assert result.fee == Decimal(expected)
    assert result.full_fee == acceptance_fee(Decimal(amount)).full_fee
    assert "第十四条第（三）项" in result.basis and "1/3" in result.basis


def test_the_payment_order_basis_prints_the_acceptance_fee_and_its_third() -> None:
    result = payment_order_fee(Decimal("118249.32"))
    assert "分段累计为2,664.99元，其1/3为888.33元。" in result.basis
    assert "四舍五入前" not in result.basis
    yuan = payment_order_fee(Decimal("118249.32"), rounding="yuan")
    assert yuan.fee == Decimal("888.00")  # 2,665 / 3 = 888.33 -> 888, as 888.3288 -> 888
    assert "其1/3四舍五入保留至元为888.00元" in yuan.basis


def test_a_fee_charged_to_the_yuan_prints_the_acceptance_fee_the_court_charges() -> None:
    """A third of 2,665, not of 2,664.99: the basis states the acceptance fee as charged."""
    yuan = payment_order_fee(Decimal("118249.32"), rounding="yuan")
    assert yuan.full_charged == Decimal("2665.00")
    assert (
        "分段累计为2,664.99元，四舍五入保留至元为2,665.00元，其1/3四舍五入保留至元为888.00元。"
        in yuan.basis
    )
    fen = payment_order_fee(Decimal("118249.32"))
    assert fen.full_charged == Decimal("2664.99")
    assert "四舍五入保留至元" not in fen.basis
    whole = payment_order_fee(Decimal("100000"), rounding="yuan")  # 2,300 / 3 = 766.67 -> 767
    assert "分段累计为2,300.00元，其1/3四舍五入保留至元为767.00元。" in whole.basis


# --- properties -----------------------------------------------------------------------

amounts = st.one_of(
    st.integers(min_value=1, max_value=10**11).map(lambda n: Decimal(n) / 100),
    st.builds(
        lambda edge, offset: edge + Decimal(offset) / 100,
        st.sampled_from(EDGES),
        st.integers(min_value=-300, max_value=300),
    ),
)
PROCEDURES: list[Procedure] = ["ordinary", "summary", "mediation", "withdrawal"]
ROUNDINGS: list[Rounding] = ["fen", "yuan"]
procedures = st.sampled_from(PROCEDURES)
roundings = st.sampled_from(ROUNDINGS)


@given(amounts)
def test_acceptance_fee_equals_the_shortcut_formula(x: Decimal) -> None:
    assert acceptance_fee(x).fee == half_up(shortcut(x))
    assert acceptance_fee(x, rounding="yuan").fee == half_up(shortcut(x), Decimal(1))


@given(amounts, procedures)
def test_halved_fee_is_half_the_fee_charged_rounded_half_up(
    x: Decimal, procedure: Procedure
) -> None:
    halved = acceptance_fee(x, procedure=procedure)
    full = acceptance_fee(x).fee
    if procedure == "ordinary":
        assert halved.fee == full
    else:
        # the half fen is paid: the fee kept is never less than what is refunded
        assert halved.fee == half_up(half_up(shortcut(x)) / 2) == half_of(full)
        assert halved.fee >= full - halved.fee


@given(amounts, amounts, procedures, roundings)
def test_acceptance_fee_is_monotone(
    a: Decimal, b: Decimal, procedure: Procedure, rounding: Rounding
) -> None:
    low, high = sorted((a, b))
    fee_low = acceptance_fee(low, procedure=procedure, rounding=rounding)
    fee_high = acceptance_fee(high, procedure=procedure, rounding=rounding)
    assert fee_low.fee <= fee_high.fee


@pytest.mark.parametrize("edge", EDGES)
@pytest.mark.parametrize("procedure", PROCEDURES)
def test_acceptance_fee_is_continuous_at_band_edges(edge: Decimal, procedure: Procedure) -> None:
    before = acceptance_fee(edge, procedure=procedure)
    after = acceptance_fee(edge + FEN, procedure=procedure)
    assert Decimal(0) <= after.fee - before.fee <= FEN
    # exactly: one more fen adds at most 2.5% of a fen before rounding
    assert Decimal(0) <= after.full_fee - before.full_fee <= FEN * Decimal("0.025")


@given(amounts)
def test_one_more_fen_never_adds_more_than_a_fen(x: Decimal) -> None:
    assert Decimal(0) <= acceptance_fee(x + FEN).fee - acceptance_fee(x).fee <= FEN
    assert Decimal(0) <= preservation_fee(x + FEN).fee - preservation_fee(x).fee <= FEN


@given(amounts)
def test_steps_partition_the_amount_and_sum_to_the_full_fee(x: Decimal) -> None:
    for result in (acceptance_fee(x), preservation_fee(x)):
        check_steps(result, x)


def check_steps(result: FeeResult, x: Decimal) -> None:
    assert result.steps[0].lower == 0
    assert result.steps[-1].upper == x
    for previous, step in zip(result.steps, result.steps[1:], strict=False):
        assert previous.upper == step.lower
    assert sum(s.amount for s in result.steps) == result.full_fee


@given(amounts, amounts)
def test_preservation_fee_matches_art_14_and_is_monotone(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    fee_low, fee_high = preservation_fee(low).fee, preservation_fee(high).fee
    assert fee_low == half_up(min(preservation_formula(low), Decimal(5_000)))
    assert Decimal(30) <= fee_low <= fee_high <= Decimal(5_000)


def test_a_fee_paid_is_halved_once_rounded_and_the_rest_refunded():
    from docgen.domain.court_fees import halved_refund

    refund = halved_refund(Decimal("2300.01"))
    assert (refund.kept, refund.refund) == (Decimal("1150.01"), Decimal("1150.00"))
    # 1,150.005 is printed as the fee it rounds to; the refund is what is left of 2,300.01
    assert "已预交2,300.01元，减半为1,150.01元，应退还1,150.00元" in refund.basis
    # a fee charged to the yuan halves to the jiao, kept and refunded alike
    by_yuan = halved_refund(Decimal("2665"))
    assert (by_yuan.kept, by_yuan.refund) == (Decimal("1332.50"), Decimal("1332.50"))


def test_only_mediation_or_withdrawal_halves_a_fee_paid():
    from docgen.domain.court_fees import halved_refund

    with pytest.raises(ValueError):
        halved_refund(Decimal("100"), reason="summary")


def test_rounding_is_named_only_where_it_changed_the_figure():
    from docgen.domain.court_fees import halved_refund

    # 2,300.00 halves to 1,150.00 exactly: nothing was rounded, the figure is said once
    refund = halved_refund(Decimal("2300.00"))
    assert "已预交2,300.00元，减半为1,150.00元，应退还1,150.00元。" in refund.basis
    assert "四舍五入" not in refund.basis.split("。")[0]
    kept = preservation_fee(Decimal("180000"))
    assert "分段累计交纳，合计1,420.00元。" in kept.basis
    capped = preservation_fee(Decimal("2000000"))
    assert "按最高限额交纳。" in capped.basis


@given(amounts, roundings)
def test_a_third_of_the_exact_fee_is_a_third_of_the_fee_as_charged(
    x: Decimal, rounding: Rounding
) -> None:
    """Art. 14(3)'s third taken of the exact sum or of the acceptance fee as the court
    charges it (rounded to the same unit) prints the same fee: n/3 of a whole unit never
    falls on the half-up boundary."""
    quantum = Decimal("0.01") if rounding == "fen" else Decimal(1)
    charged = acceptance_fee(x, rounding=rounding).fee
    assert payment_order_fee(x, rounding=rounding).fee == half_up(charged / 3, quantum)
