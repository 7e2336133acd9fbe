"""Which proceeding a 撤诉申请书 is filed in, read from its case number.

At first instance (民初) the plaintiff withdraws its suit before judgment (民事诉讼法 art.
148: 「宣判前，原告申请撤诉的，是否准许，由人民法院裁定。」); at second instance (民终) the
appellant withdraws its appeal before the appeal judgment (art. 180: 「第二审人民法院判决宣告
前，上诉人申请撤回上诉的，是否准许，由第二审人民法院裁定。」), and the paper becomes a
撤回上诉申请书 (``withdrawal_application_appeal``). Either way half the acceptance fee of
that instance is refunded (诉讼费用交纳办法 art. 15). Its words fit no other proceeding:

- an enforcement (类型代字 执, 执恢 …) is no suit: there is no 起诉 to withdraw and no
  案件受理费 to halve; the applicant withdraws the enforcement request instead, and the
  court ends the enforcement (民事诉讼法 art. 268(1): 「申请人撤销申请的」, 裁定终结执行);
- any other type code (民督, 民特, 民再 …) is not a suit's or an appeal's number either
  (案号规定 art. 3: each case has its own number).

The 原审原告's withdrawal of the suit itself at second instance (民诉法解释 art. 336: with
the other parties' consent, the first-instance judgment set aside) is filed under a 民终
number too (``withdrawal_application_suit``).

An appeal is heard by the court one level above the first-instance court (民事诉讼法 art.
171), never by a basic court, which hears cases at first instance only (art. 18): a 民终
number at a basic court is refused at the court. The court's level against the number's
court code (案号规定 arts. 4–5: a high court's code is the province's abbreviation alone,
an intermediate court's adds two digits, a basic court's four, as the courts' code table
has them) is warned of where they disagree: the number is then another court's. An
intermediate or high court's own 民初 number is not: those courts hear cases at first
instance too (民事诉讼法 arts. 19–20).
"""

from __future__ import annotations

from typing import Literal

from docgen.documents.case_numbers import RULES, matches_proceeding, parse_case_number
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court

LAW = "《中华人民共和国民事诉讼法》"
FIRST_INSTANCE = "民初"
Stage = Literal["first", "appeal"]
# the court code's digits by the level of the court that numbers its cases (arts. 4–5)
_LEVEL_DIGITS = {"high": 0, "intermediate": 2, "basic": 4}
_LEVEL_NAMES = {"high": "高级人民法院", "intermediate": "中级人民法院", "basic": "基层人民法院"}


def withdrawal_stage(case_number: str) -> Stage | None:
    """「appeal」 for a second-instance number (民终; before 2016 「…民终字第…号」), 「first」
    for any other in the 2016 format (refused by ``check_withdrawal_stage`` unless 民初)
    or an older 民初字 number, None for no such number."""
    number = parse_case_number(case_number)
    if number is None:
        if "民终字" in case_number:
            return "appeal"
        return "first" if "民初字" in case_number else None
    return "appeal" if matches_proceeding(number, "second") else "first"


def check_withdrawal_stage(
    result: Assessment, case_number: str, court: str, loc: Loc = ("case_number",)
) -> None:
    """Errors at ``loc`` for a number of another proceeding than a first-instance suit or
    an appeal, and at ``court`` for an appeal's number at a basic court; a warning for a
    court code of another level than the court's."""
    number = parse_case_number(case_number)
    if number is None:  # the format is checked by check_case_number
        return
    kind = f"类型代字“{number.kind}”"
    if matches_proceeding(number, "execution"):
        result.error(
            loc,
            "withdrawal_in_execution",
            f"案号「{case_number}」为执行案件的案号（{kind}）。执行案件不是诉讼，没有可撤回的"
            "起诉，也不交纳案件受理费，请使用撤回执行申请（申请人撤销申请的，人民法院裁定"
            f"终结执行，{LAW}第二百六十八条第一项）。本撤诉申请书用于第一审程序中原告撤回"
            f"起诉（{LAW}第一百四十八条）或第二审程序中上诉人撤回上诉（第一百八十条）",
            hint="撤回执行申请请另行书写；撤诉的，请填写一审案号（类型代字“民初”）或二审案号"
            "（类型代字“民终”）",
        )
    elif matches_proceeding(number, "second"):
        if _appeal_at_a_basic_court(result, case_number, court):
            return
        _check_level(result, case_number, number.court, court, loc)
    elif not number.kind.endswith(FIRST_INSTANCE):
        result.error(
            loc,
            "withdrawal_not_first_instance",
            f"案号「{case_number}」的{kind}不是第一审民事案件的类型代字“民初”，也不是第二审"
            f"民事案件的类型代字“民终”：本撤诉申请书用于第一审程序中原告撤回起诉（{LAW}"
            f"第一百四十八条）或第二审程序中上诉人撤回上诉（第一百八十条）（{RULES}第三条："
            "每个案件编定的案号均应具有唯一性）",
            hint="请填写受理起诉的第一审案件的案号（类型代字“民初”）或受理上诉的第二审案件的"
            "案号（类型代字“民终”）",
        )
    else:
        _check_level(result, case_number, number.court, court, loc)


def _appeal_at_a_basic_court(result: Assessment, case_number: str, court: str) -> bool:
    """An appeal is heard by the court one level above (民事诉讼法 art. 171), an
    intermediate court or higher; a basic court hears cases at first instance (art. 18).
    An error at ``court`` for a basic court's name (special courts are not read)."""
    if not court.endswith("人民法院"):
        return False
    if read_court(court, division_table.load()).level != "basic":
        return False
    result.error(
        ("court",),
        "appeal_at_a_basic_court",
        f"{court}是基层人民法院，不审理上诉案件：案号「{case_number}」为第二审案件的案号，"
        f"第二审人民法院是第一审人民法院的上一级人民法院（{LAW}第一百七十一条），即中级"
        "人民法院或者高级人民法院；基层人民法院只管辖第一审民事案件（第十八条）",
        hint="请填写受理上诉、编定该案号的第二审人民法院的全称，如 北京市第二中级人民法院",
    )
    return True


def _check_level(result: Assessment, case_number: str, code: str, court: str, loc: Loc) -> None:
    """A court code with the digits of another level than the court's: warned of (the
    number is another court's, or the court is mistyped). Special courts (铁路运输, 海事,
    知识产权, 金融 …), the SPC and unnumbered codes (最高法, 军, 兵) are not compared."""
    if not court.endswith("人民法院") or code == "最高法" or code[0] in "军兵":
        return
    level = read_court(court, division_table.load()).level
    if level not in _LEVEL_DIGITS:
        return
    digits = len(code) - 1
    if digits == _LEVEL_DIGITS[level]:
        return
    theirs = next(lv for lv, n in _LEVEL_DIGITS.items() if n == digits)
    result.warn(
        loc,
        "case_number_court_level",
        f"案号「{case_number}」的法院代字“{code}”是{_LEVEL_NAMES[theirs]}的代字，而{court}是"
        f"{_LEVEL_NAMES[level]}（{RULES}第四条、第五条：高级人民法院的法院代字为省、自治区、"
        "直辖市简称，中级、基层人民法院的法院代字在其后加数字代码）：请核对案号或受理法院",
        hint="请填写受理本案起诉的法院全称及其编定的案号",
    )
