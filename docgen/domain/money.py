"""Money as Decimal fen, and its rendering in legal documents.

Money is never a float: amounts are Decimals quantized to the fen (0.01 yuan) with
ROUND_HALF_UP, the rounding used by Chinese courts and banks. Amounts in words follow the
People's Bank of China rules for 人民币大写 (domain brief §6).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
MAX_UPPER = Decimal("999999999999.99")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("仟", "佰", "拾", "")
_GROUP_UNITS = ("亿", "万", "")


def to_fen(value: Decimal | int | str) -> Decimal:
    """Return `value` as a Decimal quantized to the fen, rounding half up.

    Floats are refused with TypeError because a binary float cannot hold most fen amounts
    exactly; NaN and infinities are refused with ValueError because they are not money.
    A result of zero is always positive, so "-0.00" never reaches a document.
    """
    if type(value) is Decimal:  # most calls: an amount of a case or a sum of them
        amount = value
    elif isinstance(value, float | bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"money must be Decimal, int or str, not {type(value).__name__}")
    else:
        try:
            amount = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation as exc:
            raise ValueError(f"not a money amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"money must be finite, got {value!r}")
    try:
        fen = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"money amount too large: {value!r}") from exc
    return fen.copy_abs() if fen.is_zero() else fen


def read_figure(text: str) -> Decimal | None:
    """A figure as a document writes it — 「1,332.49」, 「1,332.49元」, 「人民币100,000元」 —
    as a Decimal, its grouping commas dropped; None where it is no finite number (「,」, an
    empty match), so that a reader of a document's words never fails on an odd one."""
    figure = text.strip().removeprefix("人民币").removesuffix("元").strip().replace(",", "")
    try:
        amount = Decimal(figure)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def format_yuan(value: Decimal) -> str:
    """Render an amount with thousands separators and two decimals: "100,000.00"."""
    return f"{to_fen(value):,.2f}"


def rmb_upper(value: Decimal) -> str:
    """Render an amount in 人民币大写 per the PBoC rules.

    Uses only 壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分零整; writes one 零 for each run of zeros
    inside the number, except a run ending on the 亿, 万 or 元 position when that unit is
    written anyway (壹拾万柒仟元, 壹佰元壹角), where the PBoC rules allow either form; 零
    before 分 when 角 is zero; 整 only when there are no 角 and 分. Accepts 0 up to
    999,999,999,999.99 after rounding to the fen; raises ValueError otherwise, because
    negative amounts have no 大写 form and larger ones need units beyond 亿.
    """
    amount = to_fen(value)
    if amount < 0 or amount > MAX_UPPER:
        raise ValueError(f"amount in words supports 0 to {MAX_UPPER}, got {amount}")
    fen_total = int(amount * 100)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    head = _integer_upper(yuan) + "元" if yuan else ""
    return head + _fraction_upper(jiao, fen, has_yuan=yuan > 0)


def _integer_upper(yuan: int) -> str:
    """Render a positive integer below 10^12 as 大写 digits with 仟佰拾 and 万亿 units.

    A zero on the 亿 or 万 position is carried by that unit and gets no 零 of its own
    (107000 → 壹拾万柒仟), mirroring how a zero on the 元 position gets no 零 before 角
    (20.30 → 贰拾元叁角); the PBoC rules allow either form and this is the common one.
    """
    digits = f"{yuan:012d}"
    parts: list[str] = []
    pending_zero = False
    for group_index, group_unit in enumerate(_GROUP_UNITS):
        group = digits[group_index * 4 : group_index * 4 + 4]
        for digit_char, unit in zip(group, _SMALL_UNITS, strict=True):
            digit = int(digit_char)
            if digit == 0:
                pending_zero = pending_zero or bool(parts)
                continue
            if pending_zero:
                parts.append("零")
                pending_zero = False
            parts.append(_DIGITS[digit] + unit)
        if int(group):
            parts.append(group_unit)
            pending_zero = False
    return "".join(parts)


def _fraction_upper(jiao: int, fen: int, *, has_yuan: bool) -> str:
    """Render the 角/分 part; 整 when both are zero, 零 before 分 when 角 is zero."""
    if jiao == 0 and fen == 0:
        return "整"
    text = _DIGITS[jiao] + "角" if jiao else ("零" if has_yuan else "")
    return text + (_DIGITS[fen] + "分" if fen else "")


def legal_amount(value: Decimal) -> str:
    """Render an amount in the legal style: "人民币100,000.00元（大写：壹拾万元整）"."""
    return f"人民币{format_yuan(value)}元（大写：{rmb_upper(value)}）"
