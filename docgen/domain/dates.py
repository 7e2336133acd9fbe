"""Dates as written in Chinese legal documents (domain brief §6 and §8)."""

import re
from datetime import date

_UPPER_DIGITS = "〇一二三四五六七八九"


def format_cn(d: date) -> str:
    """Render a date as "2026年11月22日", without zero padding (2026年1月5日)."""
    return f"{d.year}年{d.month}月{d.day}日"


def by_day(d: date) -> str:
    """「2026年1月10日（含当日）前」: a contract's due date as a document says a debt was
    payable by it. 「前」 alone leaves open whether the day itself counts; the day the debt
    fell due starts the limitation period (民法典 art. 188) and a guarantee period (art.
    692), so every document says it in one sense: the day included."""
    return f"{format_cn(d)}（含当日）前"


def format_cn_upper(d: date) -> str:
    """Render a date in Chinese numerals for signature blocks: "二〇二六年十一月二十二日".

    The year is read digit by digit with 〇 for zero; month and day are read as numbers
    (十, 十二, 二十, 三十一).
    """
    year = "".join(_UPPER_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{_small_number(d.month)}月{_small_number(d.day)}日"


def _small_number(n: int) -> str:
    """Read 1..99 as a Chinese number: 5 → 五, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一."""
    tens, ones = divmod(n, 10)
    tens_text = "" if tens == 0 else ("十" if tens == 1 else _UPPER_DIGITS[tens] + "十")
    ones_text = _UPPER_DIGITS[ones] if ones else ""
    return tens_text + ones_text


# a day written out in a typed method of calculation: 「自2025年1月11日」, 「至2026年11月20日」
_WRITTEN_DAY = r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
FROM_DAY = re.compile("自" + _WRITTEN_DAY)
TO_DAY = re.compile("至" + _WRITTEN_DAY)


def day_of(found: re.Match[str] | None) -> date | None:
    """The day a match of FROM_DAY or TO_DAY names; None without a match or for a day
    that does not exist (「2月30日」)."""
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None
