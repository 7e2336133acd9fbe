"""The court a paper is addressed to, named as the court names itself: 此致 福建省福州市中级
人民法院, 「广东省深圳市福田区人民法院：」 over a power of attorney.

A court's name as its seal and its own papers read it is headed by its province's, a
special court's excepted. 《人民法院民事裁判文书制作规范》 (法〔2016〕221号) puts the court's
name in a judgment's title; a public reading of it (360doc.com, 2017) gives the rule as
「非涉外裁判：不能省略省、自治区、直辖市的名称，但军事法院、海事法院、铁路运输法院、知识产权
等专门法院除外」, and a court's format rules based on the SPC's 《人民法院诉讼文书格式标准》
(360docs.net) as 「法院名称，统一冠以所属省市名称，即为“××省××市××区人民法院”」; the
official text was not in the copies consulted. For a party's own paper, complaint templates
legal guides reproduce write 「此致 XXXX人民法院」 (shoulawyer.com) and filing guides ask for
the court's 全称 (laweer.com); no rule found makes a short name wrong. Naming the court as it
names itself cannot be wrong, while 「鼓楼区人民法院」 is four
courts: so every paper docgen files names its court in full
(``docgen.domain.courts.full_name``: 福州市中级人民法院 → 福建省福州市中级人民法院,
思明区人民法院 → 福建省厦门市思明区人民法院), and where the divisions table cannot tell the
province for certain (a district several cities have, a place that is no division) prints
the name as typed and warns (``court_name_not_full``) — it never guesses.

An agreement is stricter (``check_agreement_court``): a forum clause is followed only where
the court can be identified when suit is brought (民事诉讼法 art. 35; 民诉法解释 art. 30(1):
根据管辖协议，起诉时能够确定管辖法院的，从其约定), and a withdrawal promised to a court one
cannot tell is no promise one can hold the creditor to. So a court whose province cannot be
told is an error there, unless the suit's case number tells it: the court code of a number
begins with the abbreviation of the court's province (《最高人民法院关于人民法院案件案号的
若干规定》 arts. 4–5; ``case_numbers.PROVINCE_CODES``), and where the place named lies in that
province once only, the court is that one (「朝阳区人民法院」 with 「（2026）京0105民初9876号」
→ 北京市朝阳区人民法院). The digits after the abbreviation are assigned by each high court;
docgen has no table of them and does not read them.
"""

from __future__ import annotations

from docgen.documents.case_numbers import PROVINCE_CODES, RULES, parse_case_number
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import full_name, read_court

COURT = "人民法院"
COURT_NAME_NOT_FULL = "court_name_not_full"
_CANDIDATES_SHOWN = 6


def court_name(court: str) -> str:
    """The court as a paper names it: its full name where the divisions tell its province
    (福建省福州市中级人民法院), else as typed (``check_court_name`` warns)."""
    if not court.endswith(COURT):
        return court
    return full_name(court, division_table.load()) or court


def check_court_name(result: Assessment, court: str, loc: Loc = ("court",)) -> None:
    """Warn at ``loc`` where the paper prints the court as typed: its province cannot be
    told from the name (``court_name``). A name that is no 人民法院's is refused elsewhere
    (``court_parts.check_court``)."""
    if not court.endswith(COURT):
        return
    table = division_table.load()
    if full_name(court, table) is not None:
        return
    result.warn(
        loc,
        COURT_NAME_NOT_FULL,
        f"未能从「{court}」确定法院所在的省、自治区、直辖市（{_why(court, table)}），"
        "文书按所填名称打印",
        hint="请填写法院全称，冠以省、自治区、直辖市名称，如 福建省福州市中级人民法院、"
        "北京市朝阳区人民法院",
    )


def court_name_by_number(court: str, case_number: str | None) -> str:
    """The court as an agreement prints it: its full name (``court_name``), else the one
    court of that place in the province the case number's court code names, else as
    typed (refused by ``check_agreement_court``)."""
    if not court.endswith(COURT):
        return court
    table = division_table.load()
    derived = _by_number(court, case_number, table)
    return full_name(court, table) or (derived[0] if derived else court)


def _by_number(
    court: str, number: str | None, table: division_table.Divisions
) -> tuple[str, str] | None:
    """The full name of ``court`` in the province of the case number's court code, where
    the place it names is one division of that province (吉林省 + 朝阳区: 长春市朝阳区),
    and that province's name."""
    parsed = parse_case_number(number) if number else None
    if parsed is None:
        return None
    codes = [p for p, heads in PROVINCE_CODES.items() if parsed.court[0] in heads]
    province = table.by_code.get(codes[0] + "0000") if len(codes) == 1 else None
    if province is None:
        return None
    place_text = read_court(court, table).place_text
    stem = court.removesuffix(COURT)
    if not place_text or not stem.startswith(place_text):
        return None
    # one division of that name in the province, of the court's level: not
    # ``read_court``'s choice, which takes the first of a municipality's namesakes
    level = "city" if stem.endswith("中级") else "county"
    found = [
        table.by_code[code]
        for code in table.lookup(province.name + place_text)
        if table.by_code[code].level == level
    ]
    if len(found) != 1:
        return None
    name = full_name(_with_province(found[0]) + stem[len(place_text) :] + COURT, table)
    return (name, province.name) if name else None


def check_agreement_court(
    result: Assessment, court: str, loc: Loc, case_number: str | None = None
) -> None:
    """An agreement names a court one can tell (民事诉讼法 art. 35; 民诉法解释 art. 30(1)):
    its province unknown and not told by ``case_number``, an error at ``loc``; told by the
    number, the full name is printed and the user asked to check it."""
    if not court.endswith(COURT):
        return
    table = division_table.load()
    if full_name(court, table) is not None:
        return
    derived = _by_number(court, case_number, table)
    if derived is not None:
        place = read_court(court, table).place_text
        _warn_derived(
            result, loc, (court, case_number), derived, f"{derived[1]}只有一个「{place}」，协议"
        )
        return
    result.error(
        loc,
        "court_not_determinable",
        f"协议不能确定「{court}」是哪一法院（{_why(court, table)}）：协议约定的管辖法院须在起诉时"
        "能够确定（《中华人民共和国民事诉讼法》第三十五条；《最高人民法院关于适用〈中华人民共和国"
        "民事诉讼法〉的解释》第三十条第一款），撤诉、调解也须向确定的法院申请",
        hint="请填写法院全称，冠以省、自治区、直辖市名称，如 北京市朝阳区人民法院",
    )


def _warn_derived(
    result: Assessment, loc: Loc, typed: tuple[str, str | None], derived: tuple[str, str], then: str
) -> None:
    """The warning that the court is printed by the name its case number tells: ``typed``
    is the court and case number as typed, ``derived`` the full name and its province,
    ``then`` what the message says before 「按…打印」."""
    (court, case_number), (name, province) = typed, derived
    result.warn(
        loc,
        "court_name_from_case_number",
        f"「{court}」未写明所在的省、自治区、直辖市；案号「{case_number}」的法院代字以"
        f"{province}的简称开头（{RULES}第四条、第五条），{then}按{name}打印",
        hint=f"请核对受理法院为{name}，并在此填写法院全称",
    )


def check_addressed_court(
    result: Assessment, court: str, loc: Loc, case_number: str | None, paper: str
) -> None:
    """A paper addressed to the court (「北京市朝阳区人民法院：」) names one court: where the
    name and the case number cannot tell which, an error at ``loc`` in place of
    ``check_court_name``'s warning; where the number tells it, the paper prints that court
    (``court_name_by_number``) and the user is asked to check it. The addressee of a
    letter filed with a court is that court, by the name it bears (法〔2016〕221号; the
    module's notes)."""
    if not court.endswith(COURT):
        return
    table = division_table.load()
    if full_name(court, table) is not None:
        return
    result.problems = [
        p for p in result.problems if not (p.loc == loc and p.code == COURT_NAME_NOT_FULL)
    ]
    derived = _by_number(court, case_number, table)
    if derived is not None:
        _warn_derived(result, loc, (court, case_number), derived, paper)
        return
    result.error(
        loc,
        "court_not_determinable",
        f"不能确定「{court}」是哪一法院（{_why(court, table)}）：{paper}致送法院，抬头须写明"
        "受理法院的全称，否则法院无从核对",
        hint="请填写法院全称，冠以省、自治区、直辖市名称，如 北京市朝阳区人民法院；或填写案号",
    )


def _why(court: str, table: division_table.Divisions) -> str:
    """「朝阳区」有多个同名行政区划：北京市朝阳区、吉林省长春市朝阳区; or the place is no
    division's name."""
    place = read_court(court, table).place_text
    named = sorted(table.lookup(place))
    if len(named) > 1:
        found = [_with_province(table.by_code[code]) for code in named]
        more = "等" if len(found) > _CANDIDATES_SHOWN else ""
        shown = "、".join(found[:_CANDIDATES_SHOWN]) + more
        return f"「{place}」有多个同名行政区划：{shown}"
    return f"「{place}」不是现行行政区划名称（GB/T 2260）"


def _with_province(division: division_table.Division) -> str:
    """吉林省长春市朝阳区, 北京市朝阳区: a division named from its province down."""
    full = division.full_name
    return full if full.startswith(division.province) else division.province + full


def same_court(one: str, other: str) -> bool:
    """Two names of one court (福州市中级人民法院, 福建省福州市中级人民法院)."""
    if one == other:
        return True
    if not (one.endswith(COURT) and other.endswith(COURT)):
        return False
    table = division_table.load()
    full = full_name(one, table)
    return full is not None and full == full_name(other, table)
