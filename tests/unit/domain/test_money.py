"""Money: fen rounding, thousands formatting and 人民币大写 (domain brief §6)."""

import itertools
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.money import FEN, format_yuan, legal_amount, read_figure, rmb_upper, to_fen

ALLOWED_UPPER_CHARS = set("壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分零整")
MAX_FEN = 99_999_999_999_999

UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNIT_POSITIONS = {"仟": 3, "佰": 2, "拾": 1, "角": -1, "分": -2}

Token = tuple[int, int] | None


def _group_tokens(text: str, base: int) -> list[Token]:
    """Split one group into (digit, position) tokens and None for each 零."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        if text[i] == "零":
            tokens.append(None)
            i += 1
            continue
        digit = UPPER_DIGITS.index(text[i])
        assert digit > 0, text
        unit = text[i + 1] if i + 1 < len(text) else ""
        position = UNIT_POSITIONS.get(unit, 0)
        tokens.append((digit, base + position))
        i += 2 if unit in UNIT_POSITIONS else 1
    return tokens


def _upper_tokens(text: str) -> list[Token]:
    """Tokenize a 大写 amount, independently of the code under test."""
    integer, _, fraction = text.rpartition("元")
    tokens: list[Token] = []
    if "亿" in integer:
        high, integer = integer.split("亿")
        tokens += _group_tokens(high, 8)
    if "万" in integer:
        middle, integer = integer.split("万")
        tokens += _group_tokens(middle, 4)
    tokens += _group_tokens(integer, 0)
    tokens += _group_tokens(fraction.removesuffix("整"), 0)
    return tokens


def parse_upper(text: str) -> Decimal:
    """Parse 人民币大写 back to a Decimal, insisting on exactly the 零 the chosen style needs.

    Between two written digits, a run of zero positions gets one 零, except when the run
    ends on a position whose unit is written anyway (元位, 亿位, or 万位 when the 万 group
    is not all zero): 壹拾万柒仟, 壹佰元壹角. The PBoC rules allow the 零 there; this is
    the common style. A 零 never starts or ends the amount.
    """
    if text == "零元整":
        return Decimal("0.00")
    tokens = _upper_tokens(text)
    assert tokens[0] is not None and tokens[-1] is not None, text
    digit_indexes = [i for i, t in enumerate(tokens) if t is not None]
    for start, end in itertools.pairwise(digit_indexes):
        before, after = tokens[start], tokens[end]
        assert before is not None and after is not None
        assert before[1] > after[1], text
        assert end - start - 1 == _zeros_needed(before[1], after[1]), text
    digits = [t for t in tokens if t is not None]
    total = sum((Decimal(d) * Decimal(10) ** p for d, p in digits), Decimal(0))
    return total.quantize(FEN)


def _zeros_needed(higher: int, lower: int) -> int:
    """How many 零 must separate written digits at positions `higher` > `lower`."""
    if higher - lower == 1:
        return 0
    run_end = lower + 1
    unit_written = run_end in (0, 8) or (run_end == 4 and higher <= 7)
    return 0 if unit_written else 1


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0.35", "叁角伍分"),
        ("0", "零元整"),
        ("100000", "壹拾万元整"),
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("10", "壹拾元整"),
        ("100000000", "壹亿元整"),
        ("1010", "壹仟零壹拾元整"),
        ("10.05", "壹拾元零伍分"),
        ("1000000.01", "壹佰万元零壹分"),
        ("20.3", "贰拾元叁角"),
        ("0.01", "壹分"),
        ("0.10", "壹角"),
        ("1", "壹元整"),
        ("12", "壹拾贰元整"),
        ("101", "壹佰零壹元整"),
        ("1001", "壹仟零壹元整"),
        ("10001", "壹万零壹元整"),
        ("100001", "壹拾万零壹元整"),
        ("110000", "壹拾壹万元整"),
        ("402360", "肆拾万贰仟叁佰陆拾元整"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("1000010", "壹佰万零壹拾元整"),
        ("100010000", "壹亿零壹万元整"),
        ("100001000", "壹亿零壹仟元整"),
        ("1000000005", "壹拾亿零伍元整"),
        ("1000000000", "壹拾亿元整"),
        ("900008505.25", "玖亿零捌仟伍佰零伍元贰角伍分"),
        ("102000001000.50", "壹仟零贰拾亿零壹仟元伍角"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_upper_case_amount_follows_the_pboc_rules(amount: str, expected: str) -> None:
    assert rmb_upper(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0.005", "壹分"),
        ("0.004", "零元整"),
        ("1.005", "壹元零壹分"),
        ("99.995", "壹佰元整"),
    ],
)
def test_upper_case_amount_rounds_half_up_to_the_fen_first(amount: str, expected: str) -> None:
    assert rmb_upper(Decimal(amount)) == expected


@pytest.mark.parametrize("amount", ["-0.01", "-100", "1000000000000", "999999999999.995"])
def test_upper_case_amount_rejects_negative_or_trillion_amounts(amount: str) -> None:
    with pytest.raises(ValueError):
        rmb_upper(Decimal(amount))


def test_upper_case_amount_uses_one_zero_for_a_run_of_zeros() -> None:
    assert rmb_upper(Decimal("10000001")) == "壹仟万零壹元整"


def test_upper_case_amount_writes_zero_before_fen_when_jiao_is_zero() -> None:
    assert rmb_upper(Decimal("5.07")).endswith("伍元零柒分")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("2.345"), Decimal("2.35")),
        (Decimal("2.344"), Decimal("2.34")),
        (Decimal("-2.345"), Decimal("-2.35")),
        ("1.005", Decimal("1.01")),
        (" 7.5 ", Decimal("7.50")),
        (12, Decimal("12.00")),
        (Decimal("1E+3"), Decimal("1000.00")),
        ("-0.001", Decimal("0.00")),
    ],
)
def test_to_fen_quantizes_to_the_fen_rounding_half_up(
    value: Decimal | int | str, expected: Decimal
) -> None:
    result = to_fen(value)
    assert result == expected
    assert result.as_tuple().exponent == -2


def test_to_fen_never_returns_negative_zero() -> None:
    assert format_yuan(Decimal("-0.004")) == "0.00"
    assert not to_fen("-0.001").is_signed()


@pytest.mark.parametrize("value", [1.5, 0.1, True])
def test_to_fen_refuses_floats_because_money_is_never_float(value: object) -> None:
    with pytest.raises(TypeError):
        to_fen(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), "-Infinity", "abc", ""])
def test_to_fen_refuses_values_that_are_not_finite_amounts(value: Decimal | str) -> None:
    with pytest.raises(ValueError):
        to_fen(value)


def test_to_fen_refuses_amounts_beyond_decimal_precision_with_value_error() -> None:
    with pytest.raises(ValueError):
        to_fen(Decimal("1E+40"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100000", "100,000.00"),
        ("-1234.5", "-1,234.50"),
        ("0", "0.00"),
        ("999.999", "1,000.00"),
        ("1234567.891", "1,234,567.89"),
    ],
)
def test_format_yuan_uses_thousands_separators_and_two_decimals(value: str, expected: str) -> None:
    assert format_yuan(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100000", "人民币100,000.00元（大写：壹拾万元整）"),
        ("16409.02", "人民币16,409.02元（大写：壹万陆仟肆佰零玖元零贰分）"),
    ],
)
def test_legal_amount_combines_figures_and_words_in_legal_style(value: str, expected: str) -> None:
    assert legal_amount(Decimal(value)) == expected


def _fen_to_decimal(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


zero_heavy_fen = st.lists(st.sampled_from("0000000123456789"), min_size=1, max_size=14).map(
    lambda ds: int("".join(ds))
)
amounts = st.one_of(st.integers(0, MAX_FEN), zero_heavy_fen).map(_fen_to_decimal)


@given(amounts)
def test_upper_case_amount_uses_only_allowed_characters_and_never_two_zeros(
    amount: Decimal,
) -> None:
    text = rmb_upper(amount)
    assert set(text) <= ALLOWED_UPPER_CHARS
    assert "零零" not in text
    assert "分整" not in text


@given(amounts)
def test_upper_case_amount_ends_with_zheng_exactly_when_there_are_no_jiao_or_fen(
    amount: Decimal,
) -> None:
    assert rmb_upper(amount).endswith("整") == (amount % 1 == 0)


@given(amounts)
def test_upper_case_amount_parses_back_to_the_same_number(amount: Decimal) -> None:
    assert parse_upper(rmb_upper(amount)) == amount


@given(st.integers(0, 10**12).map(_fen_to_decimal))
def test_upper_case_amount_round_trips_for_amounts_up_to_ten_billion(amount: Decimal) -> None:
    assert parse_upper(rmb_upper(amount)) == amount


@given(st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=6))
def test_to_fen_is_idempotent_and_moves_by_at_most_half_a_fen(value: Decimal) -> None:
    fen = to_fen(value)
    assert to_fen(fen) == fen
    assert abs(fen - value) <= Decimal("0.005")


@given(amounts)
def test_legal_amount_shows_figures_matching_the_words(amount: Decimal) -> None:
    match = re.fullmatch(r"人民币([0-9,]+\.[0-9]{2})元（大写：(.+)）", legal_amount(amount))
    assert match is not None
    assert Decimal(match.group(1).replace(",", "")) == parse_upper(match.group(2))


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1,332.49", Decimal("1332.49")),
        ("1,332.49元", Decimal("1332.49")),
        ("人民币100,000元", Decimal("100000")),
        (" 450,000.5 ", Decimal("450000.5")),
        (",", None),
        ("", None),
        ("Infinity", None),
        ("一千元", None),
    ],
)
def test_a_figure_is_read_as_a_document_writes_it_or_not_at_all(written, amount):
    assert read_figure(written) == amount
