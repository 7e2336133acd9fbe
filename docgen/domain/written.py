"""Dates and amounts as people and spreadsheets write them in China.

``2026/3/5``, ``2026.3.5`` and ``2026年3月5日`` are the same date as ``2026-03-05``;
``¥1,234.50``, ``1234.5元``, ``1.2万``, full-width ``１２３４``, and the 大写 form
``壹仟贰佰叁拾肆元伍角`` are amounts. Anything else is refused with a message and a hint
saying how to write it; nothing is guessed (a date missing its day is not "today's").

Dates are matched by one anchored pattern rather than python-dateutil: dateutil fills a
missing month or day from the current date and reads ``3/5/2026`` either way round, which
is a guess. 大写 integers are read with cn2an; 角 and 分 are read here because cn2an does
not accept them after a 零 (``壹佰元零伍分``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from docgen.domain.money import read_figure

DATE_HINT = "日期请写成 2026-03-05 或 2026年3月5日"
AMOUNT_HINT = "金额请写成 12345.67、¥1,234.50、1.2万 或 大写 壹万贰仟叁佰肆拾伍元陆角柒分"
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

# 2026年3月5日, spoken 2026年3月5号; 20260305 as systems and spreadsheets export dates
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MIDNIGHT = re.compile(r"(T|\s+)0{1,2}:00(:00)?(\.0+)?(Z|[+-]00:?00)?$")
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UPPER_UNITS = "拾佰仟万亿"
_FIGURE_AND_WORDS = re.compile(r"(.+?)[(（]\s*(?:大写\s*[:：]?)?\s*(.+?)\s*[)）]")
_SCALED = re.compile(r"([\d,]*\d(?:\.\d+)?)(万|亿)")
# written exactly as date.isoformat and str(Decimal) write them (ASCII digits only)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_AMOUNT = re.compile(r"[1-9][0-9]{0,14}(?:\.[0-9]{1,2})?")
_FRACTION = re.compile(rf"(?:([{_UPPER}])角)?(?:零?([{_UPPER}])分)?")


class WrittenValueError(ValueError):
    """A value that is not a date or an amount in any accepted form."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def _plain(text: str) -> str:
    """Full-width digits and signs as ASCII (NFKC: ２０２６／３／５ → 2026/3/5, ￥ → ¥)."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_date(value: Any) -> Any:
    """A date from the written forms; other types are returned for pydantic to judge."""
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise WrittenValueError("date_has_time", "日期不应包含时间", DATE_HINT)
        return check_year(value.date())
    if isinstance(value, date):
        return check_year(value)
    if not isinstance(value, str):
        return value
    if _ISO_DATE.fullmatch(value):  # most dates, as forms and JSON send them
        try:
            iso = date.fromisoformat(value)
        except ValueError:
            iso = None  # no such day: said below as for every form
        if iso is not None:
            return check_year(iso)
    text = _MIDNIGHT.sub("", _plain(value))
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None:
        raise WrittenValueError("date_format", f"「{value[:30]}」不是日期", DATE_HINT)
    year, month, day = (int(g) for g in match.groups())
    try:
        day_written = date(year, month, day)
    except ValueError:
        raise WrittenValueError(
            "date_invalid", f"没有这一天：{year}年{month}月{day}日", DATE_HINT
        ) from None
    return check_year(day_written)


def check_year(day: date) -> date:
    """Case dates lie between 1900 and 2100; a year like 635 is a typing error."""
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise WrittenValueError(
            "date_year_range",
            f"年份 {day.year} 不在 {EARLIEST_YEAR}–{LATEST_YEAR} 之间",
            DATE_HINT,
        )
    return day


def parse_amount(value: Any) -> Any:
    """An amount as a Decimal-ready string; other types are returned for pydantic to judge.

    A figure followed by its 大写 in brackets (``107,416.64（壹拾万柒仟肆佰壹拾陆元陆角肆分）``)
    is accepted only when both say the same amount.
    """
    if isinstance(value, float):
        return repr(value)
    if not isinstance(value, str):
        return value
    if _PLAIN_AMOUNT.fullmatch(value):  # most amounts: already as Decimal writes them
        return value
    text = re.sub(r"\s+", "", _plain(value))
    both = _FIGURE_AND_WORDS.fullmatch(text)
    if both:
        figure, words = _amount(both.group(1)), _amount(both.group(2))
        if figure != words:
            raise WrittenValueError(
                "amount_words_mismatch",
                f"小写金额 {figure} 与大写金额 {words} 不一致",
                "请核对小写与大写金额，或只填写其中一个",
            )
        return str(figure)
    return str(_amount(text)) if text else value


def _amount(text: str) -> Decimal:
    text = text.removeprefix("人民币").removeprefix("RMB").removeprefix("CNY")
    text = text.removeprefix("¥").removeprefix("人民币")
    text = text.removesuffix("整").removesuffix("正")
    if not re.search(r"\d", text) and any(ch in _UPPER or ch in _UPPER_UNITS for ch in text):
        return _words(text)
    text = text.removesuffix("元")
    scaled = _SCALED.fullmatch(text)
    amount = read_figure(scaled.group(1) if scaled else text)
    if amount is None:
        raise _not_amount(text)
    if scaled:
        factor = Decimal(10000) if scaled.group(2) == "万" else Decimal(100_000_000)
        return _normalized(amount * factor)
    return amount


def _normalized(amount: Decimal) -> Decimal:
    """1.2万 → 12000 (not 1.20000E+4), keeping fen when there are any."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral() else amount.normalize()


def _words(text: str) -> Decimal:
    """An amount in 大写: cn2an reads the yuan, 角 and 分 are read here."""
    import cn2an

    yuan_text, sep, rest = text.partition("元")
    if not sep:  # 壹万 (no 元) is yuan; 伍角 is only a fraction
        yuan_text, rest = ("", text) if re.search("[角分]", text) else (text, "")
    yuan = 0
    if yuan_text:
        if yuan_text.startswith("拾"):
            yuan_text = "壹" + yuan_text  # 拾万元 is written for 壹拾万元
        try:
            yuan = int(cn2an.cn2an(yuan_text, "strict"))
        except (ValueError, KeyError):
            raise _not_amount(text) from None
    fraction = _FRACTION.fullmatch(rest)
    if fraction is None or not (yuan_text or rest):
        raise _not_amount(text)
    jiao, fen = (_UPPER.index(g) if g else 0 for g in fraction.groups())
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


def _not_amount(text: str) -> WrittenValueError:
    return WrittenValueError("amount_format", f"「{text[:30]}」不是金额", AMOUNT_HINT)
