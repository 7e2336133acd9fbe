"""案号 — a court's case number, checked the same way on every paper that states one.

最高人民法院《关于人民法院案件案号的若干规定》(法〔2015〕137号, from 2016-01-01; amended
by 法〔2018〕335号): a case number is "(" + 收案年度 + ")" + 法院代字 + 专门审判代字 +
类型代字 + 案件编号 + "号" (art. 3 as amended). The year is four Arabic digits (art. 2); the
court code of a high court is its province's abbreviation (内蒙古: 内; 军事法院: 军; 兵团分院:
兵), the SPC's 最高法 (art. 4), an intermediate or basic court's the high court's code with
two or four digits (art. 5); the 专门审判代字 is one character (2018 amendment, e.g. 知); the
type code at most three characters (art. 7); the number a natural number in order of filing
(art. 10). Each case has its own number (art. 3), so a first-instance number (民初) is never
the number of the appeal (民终) or of the enforcement (执…) that follows it.

A number typed with half-width brackets, ``(2026)京02民终4321号``, is read and printed as
courts print it, ``（2026）京02民终4321号``: every model field holding a court's number is a
:data:`CaseNumberText`, which normalises it once, on input (``normalize_case_number``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator

from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.fields import ShortText

RULES = "《最高人民法院关于人民法院案件案号的若干规定》"
_PATTERN = re.compile(
    r"^(?:（(?P<y1>\d{4})）|\((?P<y2>\d{4})\))"
    r"(?P<court>最高法|[\u4e00-\u9fff](?:\d{4}|\d{2})?)"
    r"(?P<kind>[\u4e00-\u9fff]{1,4})"
    r"(?P<serial>[1-9]\d*)号$"
)
# the rules apply to cases filed from 2016-01-01; older numbers (（2015）朝民初字第1号) differ
FIRST_YEAR = 2016
# province (first two digits of its GB/T 2260 code) → the abbreviations a court code may
# begin with: the high court's code is the province's abbreviation (art. 4); where a province
# has two in use both are accepted
PROVINCE_CODES: dict[str, str] = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "内蒙",
    "21": "辽", "22": "吉", "23": "黑", "31": "沪", "32": "苏",
    "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁",
    "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂",
    "46": "琼", "50": "渝", "51": "川蜀", "52": "黔贵", "53": "云滇",
    "54": "藏", "61": "陕秦", "62": "甘陇", "63": "青", "64": "宁", "65": "新",
}  # fmt: skip
# which type code a paper for a proceeding needs: first instance 民初, appeal 民终,
# enforcement 执 (执, 执恢, 执异 …); a 专门审判代字 may precede it (知民初)
PROCEEDINGS: dict[str, tuple[str, str]] = {
    "first": ("民初", "第一审"),
    "second": ("民终", "第二审"),
    "execution": ("执", "执行"),
}
EXAMPLE = "（2026）京0101民初1234号"
_HALF_WIDTH_YEAR = re.compile(r"^\((\d{4})\)")


def normalize_case_number(text: str) -> str:
    """``(2026)京02民终4321号`` as courts print it: ``（2026）京02民终4321号``. Only a year in
    half-width brackets of one kind is rewritten; anything else is left for the format
    check (brackets of two kinds stay an error)."""
    return _HALF_WIDTH_YEAR.sub(r"（\1）", text)


CaseNumberText = Annotated[ShortText, AfterValidator(normalize_case_number)]
"""A court's case number as a model field: one short line, the year's brackets full-width."""


@dataclass(frozen=True)
class CaseNumber:
    year: int
    court: str  # 京0101, 京02, 京, 最高法
    kind: str  # the 专门审判代字 and the type code: 民初, 知民终, 执恢
    serial: int


def parse_case_number(text: str) -> CaseNumber | None:
    """The parts of a case number in the 2016 format, or None when it is not one."""
    m = _PATTERN.match(text.strip())
    if m is None:
        return None
    year = int(m["y1"] or m["y2"])
    return CaseNumber(year, m["court"], m["kind"], int(m["serial"]))


def matches_proceeding(number: CaseNumber, proceeding: str) -> bool:
    code = PROCEEDINGS[proceeding][0]
    return code in number.kind if proceeding == "execution" else number.kind.endswith(code)


def number_province(number: CaseNumber) -> str | None:
    """The province code (two digits) whose abbreviation the court code begins with
    (arts. 4–5): 粤0304 → 44; None for 最高法, 军 and 兵."""
    head = number.court[0]
    return next((p for p, heads in PROVINCE_CODES.items() if head in heads), None)


def court_candidates(court: str) -> list[division_table.Division]:
    """The divisions a court's name may sit in when the name alone cannot tell which
    (鼓楼区人民法院: 南京、徐州、福州、开封's 鼓楼区), of the court's level: a county's for a
    basic court, a city's for an intermediate one. Empty where the name tells the place,
    or names none."""
    if not court.endswith("人民法院"):
        return []
    table = division_table.load()
    read = read_court(court, table)
    if not read.ambiguous:
        return []
    level = "city" if read.level == "intermediate" else "county"
    found = (table.by_code[code] for code in sorted(table.lookup(read.place_text)))
    return [d for d in found if d.level == level]


def court_province(court: str) -> str | None:
    """The province code (two digits) of a court named in full, when its name says."""
    if not court.endswith("人民法院") or court == "最高人民法院":
        return None
    place = read_court(court, division_table.load()).place
    return place.code[:2] if place is not None else None


def check_case_number(
    result: Assessment,
    text: str | None,
    loc: Loc,
    court: str | None = None,
    proceeding: str | None = None,
    court_loc: Loc | None = None,
) -> CaseNumber | None:
    """The format (error); the type code against the proceeding the paper is for (error);
    the court code's province against the court's (error; at ``court_loc`` when the
    court's name is the one of several places none of which lies in the number's
    province). Returns the parts read."""
    if not text:
        return None
    number = parse_case_number(text)
    if number is None:
        if _older_format(text):
            return None
        result.error(
            loc,
            "case_number_format",
            f"案号「{text}」格式不正确：应为“（收案年度）+法院代字+类型代字+案件编号+号”，"
            f"如{EXAMPLE}（{RULES}第三条）",
            hint="年度为四位数字，写在括号内；类型代字如 民初、民终、执；末尾写“号”",
        )
        return None
    if proceeding is not None and not matches_proceeding(number, proceeding):
        code, name = PROCEEDINGS[proceeding]
        result.error(
            loc,
            "case_number_proceeding",
            f"案号「{text}」的类型代字为“{number.kind}”，与本文书所涉{name}程序不符："
            f"{name}案件的案号类型代字为“{code}”（{RULES}第三条：每个案件编定的案号均应具有"
            "唯一性）",
            hint=f"请填写{name}案件的案号；尚未编定案号的，可暂不填写",
        )
    if court:
        _check_province(result, text, number, loc, court)
        _check_candidates(result, (text, number), court_loc or loc, court)
    return number


def _older_format(text: str) -> bool:
    """A number from before 2016 (（2015）朝民初字第12345号) is left as written."""
    m = re.match(r"^[（(](\d{4})[）)]", text.strip())
    return m is not None and int(m[1]) < FIRST_YEAR and text.strip().endswith("号")


def _check_province(
    result: Assessment, text: str, number: CaseNumber, loc: Loc, court: str
) -> None:
    """A court's code begins with its province's abbreviation (arts. 4–5): a high court's
    code is the abbreviation of its province (art. 4), an intermediate or basic court's the
    code of the high court it belongs to with two or four digits (art. 5). A number whose
    code begins with another province's abbreviation is not a number of this court: the
    paper would be filed in another court's case. An error; special courts (whose place the
    name does not tell), 军 and 兵 codes are not compared (``court_province``)."""
    province = court_province(court)
    if province is None or province not in PROVINCE_CODES:
        return
    named = number_province(number)
    if named is None or named == province:
        return
    table = division_table.load().by_code
    theirs = table[named + "0000"].name if named + "0000" in table else named
    result.error(
        loc,
        "case_number_court",
        f"案号「{text}」的法院代字“{number.court}”是{theirs}的法院的代字，不是{court}的案号："
        f"{court}的法院代字以“{PROVINCE_CODES[province][0]}”开头（{RULES}第四条：高级人民法院"
        "的法院代字与其所在省、自治区、直辖市行政区划简称一致；第五条：中级、基层法院的法院"
        "代字由所属高院的法院代字与其数字代码组合而成）",
        hint=f"请填写{court}编定的案号，或核对受诉法院；尚未编定案号的，可暂不填写",
    )


def _check_candidates(
    result: Assessment, typed: tuple[str, CaseNumber], loc: Loc, court: str
) -> None:
    """A court named by a place several provinces have (鼓楼区人民法院) is compared with
    every place it could be: where none lies in the province the number's court code
    names (粤0304 and the 鼓楼区 of 南京、徐州、福州、开封), the number is no number of
    that court, whichever 鼓楼区 is meant (arts. 4–5). An error at ``loc``: the court's
    field, where the paper names it; the name is what must be written in full."""
    text, number = typed
    found = court_candidates(court)
    named = number_province(number)
    if not found or named is None or any(d.code[:2] == named for d in found):
        return
    table = division_table.load().by_code
    theirs = table[named + "0000"].name if named + "0000" in table else named
    places = "、".join(d.province + d.full_name.removeprefix(d.province) for d in found)
    result.error(
        loc,
        "case_number_court",
        f"{court}不是编定案号「{text}」的法院：案号的法院代字“{number.court}”以{theirs}的简称"
        f"开头，而名为「{read_court(court, division_table.load()).place_text}」的行政区划"
        f"（{places}）均不在{theirs}（{RULES}第四条、第五条：法院代字以所属高级人民法院的"
        "代字即省、自治区、直辖市简称开头）",
        hint="请填写受理法院的全称，冠以省、自治区、直辖市名称；或核对案号",
    )
