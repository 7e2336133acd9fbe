"""Identity numbers of the parties: resident ID numbers and unified social credit codes.

Checksums are computed here rather than with python-stdnum, because stdnum's resident-ID
check consults a county list that rejects valid Hong Kong, Macau and Taiwan residence
permits (area codes 810000/820000/830000), and its USCC check rejects codes with a
letter among the first 8 characters, which some registration authorities really issue
(domain brief §5). Errors carry a machine code and a Chinese sentence for the user.
"""

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from docgen.domain.divisions import Divisions

RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH_YEAR = 1800

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_RESIDENT_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_AREA_CODE_SHAPE = re.compile(r"[0-9]{6}")
_WHITESPACE = re.compile(r"\s+")


class IdentityError(ValueError):
    """An identity number failed validation.

    `code` is a stable machine code (e.g. "id_checksum") for APIs and tests; `message` is a
    Chinese sentence the user can act on, and is what `str(err)` returns.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type["IdentityError"], tuple[str, str]]:
        return (type(self), (self.code, self.message))

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ResidentId:
    """A validated 18-character resident ID number and the facts encoded in it."""

    number: str
    birth_date: date
    sex: Literal["男", "女"]
    area_code: str


@dataclass(frozen=True)
class SocialCreditCode:
    """A validated unified social credit code, with Chinese warnings about odd but legal parts."""

    number: str
    warnings: tuple[str, ...]


@functools.lru_cache(maxsize=1024)
def _normalize(value: str) -> str:
    """Remove all whitespace and upper-case, since users paste numbers with spaces and x
    (kept: a case's rules read each party's number a score of times per render)."""
    return _WHITESPACE.sub("", value).upper()


def resident_id_check_char(body: str) -> str:
    """Return the GB 11643-1999 (ISO 7064 MOD 11-2) check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(body, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK_CHARS[total % 11]


def parse_resident_id(value: str, today: date | None = None) -> ResidentId:
    """Validate an 18-character resident ID number and decode it.

    Checks, in order: length, shape (17 digits then a digit or X), check character, a real
    birth date from 1800 on and not after `today` (default: the current date). Sex comes
    from the parity of the 17th digit (odd = 男). Area codes are not checked against a
    list, so residence permits for Hong Kong, Macau and Taiwan residents are accepted.
    Raises IdentityError.
    """
    decoded = _decoded_resident_id(_normalize(value))
    _check_birth_not_after(decoded.birth_date, today or date.today())
    return decoded


@functools.lru_cache(maxsize=256)
def _decoded_resident_id(number: str) -> ResidentId:
    """A normalised number checked and decoded, all but against today's date (a case's
    rules read its parties' numbers several times; a refused number is not kept)."""
    _check_resident_id_shape(number)
    _check_resident_id_checksum(number)
    birth = _resident_id_birth_date(number)
    sex: Literal["男", "女"] = "男" if int(number[16]) % 2 == 1 else "女"
    return ResidentId(number=number, birth_date=birth, sex=sex, area_code=number[:6])


def _check_resident_id_shape(number: str) -> None:
    if len(number) != 18:
        raise IdentityError("id_length", f"身份证号码应为18位，实为{len(number)}位")
    if not _RESIDENT_ID_SHAPE.fullmatch(number):
        raise IdentityError("id_format", "身份证号码格式错误：前17位应为数字，最后一位应为数字或X")


def _check_resident_id_checksum(number: str) -> None:
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        raise IdentityError(
            "id_checksum",
            f"身份证号码校验位错误：按GB 11643-1999计算应为{expected}，实为{number[17]}",
        )


def _resident_id_birth_date(number: str) -> date:
    digits = number[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        birth = None
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR:
        raise IdentityError(
            "id_birth_date", f"身份证号码中的出生日期无效：第7至14位为{digits}，不是有效日期"
        )
    return birth


def _check_birth_not_after(birth: date, today: date) -> None:
    if birth > today:
        raise IdentityError(
            "id_future_birth_date",
            f"身份证号码中的出生日期{birth.year}年{birth.month}月{birth.day}日晚于今天",
        )


def uscc_check_char(body: str) -> str:
    """Return the GB 32100-2015 (ISO 7064 MOD 31-3) check character for 17 characters."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


@functools.lru_cache(maxsize=256)  # a case's rules read a party's code more than once
def parse_uscc(value: str) -> SocialCreditCode:
    """Validate an 18-character unified social credit code.

    Checks length, alphabet (digits and upper-case letters except I, O, Z, S, V) and the
    check character. An area code (positions 3–8) that is not six digits is accepted with
    a warning, because some real registration authorities issue such codes.
    Raises IdentityError.
    """
    number = _normalize(value)
    if len(number) != 18:
        raise IdentityError("uscc_length", f"统一社会信用代码应为18位，实为{len(number)}位")
    _check_uscc_charset(number)
    expected = uscc_check_char(number[:17])
    if number[17] != expected:
        raise IdentityError(
            "uscc_checksum",
            f"统一社会信用代码校验位错误：按GB 32100-2015计算应为{expected}，实为{number[17]}",
        )
    return SocialCreditCode(number=number, warnings=_uscc_warnings(number))


def _check_uscc_charset(number: str) -> None:
    invalid = sorted({c for c in number if c not in USCC_ALPHABET})
    if invalid:
        raise IdentityError(
            "uscc_charset",
            f"统一社会信用代码含有不允许的字符：{'、'.join(invalid)}"
            "（只允许数字和除I、O、Z、S、V以外的大写字母）",
        )


def _uscc_warnings(number: str) -> tuple[str, ...]:
    area = number[2:8]
    if _AREA_CODE_SHAPE.fullmatch(area):
        return ()
    return (
        f"统一社会信用代码第3至8位（登记管理机关行政区划码）应为6位数字，实为{area}；"
        "少数登记机关确实发放此类代码，请与营业执照核对",
    )


def uscc_area_code(number: str) -> str | None:
    """The 登记管理机关行政区划码 of a code (positions 3–8, GB 32100-2015: the GB/T 2260
    code of the registering authority's place), or None when it is not six digits."""
    area = _normalize(number)[2:8]
    return area if _AREA_CODE_SHAPE.fullmatch(area) else None


def uscc_province_mismatch(number: str, address: str, table: "Divisions") -> str | None:
    """A warning when the code was registered in another province than the address lies
    in, else None (also when either cannot be placed: a code whose area is no province of
    the table, an address that names none). A warning, not an error: the code stays for
    life (GB 32100-2015), so a company that moved keeps the code of its first registration."""
    area = uscc_area_code(number)
    if area is None:
        return None  # _uscc_warnings says so
    registered = table.by_code.get(area[:2] + "0000")
    placed = table.locate(address)
    if registered is None or placed is None or placed.code[:2] == area[:2]:
        return None
    return (
        f"统一社会信用代码第3至8位（登记管理机关行政区划码{area}）为{registered.name}的代码，"
        f"而住所地在{placed.province or placed.name}：请与营业执照核对代码和住所地"
        "（代码终身不变，迁址的单位可能仍用原登记地的代码）"
    )


def mask_id(value: str) -> str:
    """Mask an identity number for logs and display: keep the first 6 and last 4 characters.

    "11010519491231002X" → "110105********002X". Values of 10 characters or fewer are
    masked entirely, since keeping 6 + 4 would reveal all of them.
    """
    number = _normalize(value)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def number_label(id_type: str) -> str:
    """How a court paper names an ID document's number: a 居民身份证's as judgments do,
    「公民身份号码」 (the card's own field name); any other document's by its name, and a
    document typed only as 「其他」 as 「证件号码」."""
    if id_type == "居民身份证":
        return "公民身份号码"
    return "证件号码" if id_type == "其他" else id_type + "号码"
