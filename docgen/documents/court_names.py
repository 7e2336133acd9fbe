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
the name as typed and warns (``court_name_not_full``) — it never guesses. What the case
tells is not a guess: a paper filed in a case names the court of that case's number, and a
paper resting on a connecting point the court of that point (``settle_court``,
``check_filed_court``), so of several 鼓楼区 the one the case number's province or the
debtor's domicile holds is printed in full and the user asked to check it.

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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docgen.documents.case_numbers import (
    RULES,
    court_candidates,
    number_province,
    parse_case_number,
)
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import full_name, read_court
from docgen.domain.parties import Party, Person

COURT = "人民法院"
COURT_NAME_NOT_FULL = "court_name_not_full"
_CANDIDATES_SHOWN = 6
SETTLED_CODES = ("court_name_from_case_number", "court_name_from_place")
"""The warnings that a court named short is printed by the full name the case tells."""


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


# the endings a court's short name drops (朝阳法院 for 朝阳区人民法院, 福州中院)
_SHORT_ENDINGS = (("中级法院", "intermediate"), ("中院", "intermediate"), ("法院", "basic"))
# what a county-level division's name ends with once 区, 县 … is dropped (朝阳 → 朝阳区)
_COUNTY_ENDINGS = ("区", "县", "市", "旗", "自治县", "自治旗")


def not_a_court_problem(court: str) -> tuple[str, str]:
    """The message and hint refusing a court not named as a 人民法院 (「朝阳法院」): a
    paper filed with a court names it as the court names itself (the module's notes), so
    a short name is refused, never completed. Where the divisions table holds the place
    the short name drops 区/县 from (``short_court_names``), the hint lists the full names
    it may stand for, each as the user must type it, and does not choose among them."""
    named = short_court_names(court)
    message = (
        f"「{court}」不是法院的全称：递交法院的文书须写明受理法院的全称，以“人民法院”结尾，"
        "冠以省、自治区、直辖市名称，法院按全称核对"
    )
    if len(named) == 1:
        return message, f"请填写法院全称：{named[0]}"
    if named:
        shown = "、".join(f"「{name}」" for name in named[:_CANDIDATES_SHOWN])
        more = "等" if len(named) > _CANDIDATES_SHOWN else ""
        return message, f"「{court}」可能是{shown}{more}，请填写受理本案的法院的全称"
    return message, "请填写法院全称，冠以省、自治区、直辖市名称，如「北京市朝阳区人民法院」"


def short_court_names(court: str) -> list[str]:
    """The full names a court's short name may stand for (「朝阳法院」: 北京市朝阳区人民法院、
    吉林省长春市朝阳区人民法院; 「福州中院」: 福建省福州市中级人民法院), read from the
    divisions table (GB/T 2260): the county-level divisions named so for a basic court,
    the cities for an intermediate one. Empty for a name already a 人民法院's, or one
    the table does not hold."""
    if court.endswith(COURT):
        return []
    level = next((lv for end, lv in _SHORT_ENDINGS if court.endswith(end)), None)
    if level is None:
        return []
    stem = court.removesuffix(next(end for end, _ in _SHORT_ENDINGS if court.endswith(end)))
    table = division_table.load()
    endings = ("市",) if level == "intermediate" else _COUNTY_ENDINGS
    forms = [stem] if stem.endswith(endings) else [stem + end for end in endings]
    codes = sorted({code for form in forms for code in table.lookup(form)})
    wanted = "city" if level == "intermediate" else "county"
    middle = "中级" if level == "intermediate" else ""
    names: list[str] = []
    for division in (table.by_code[code] for code in codes):
        if division.level != wanted:
            continue
        own = full_name(division.name + middle + COURT, table)
        names.append(own or _with_province(division) + middle + COURT)
    return names


Place = tuple[str, str]
"""A connecting point a paper states: what it is and the address (「被申请人王磊住所地」,
「福建省福州市鼓楼区五四路128号」)."""


def domicile_places(role: str, parties: Iterable[Party]) -> list[Place]:
    """Each party's 住所地 and, where typed, 经常居住地 (民事诉讼法 art. 22), as connecting
    points: 「被申请人王磊住所地」."""
    places: list[Place] = []
    for party in parties:
        places.append((f"{role}{party.name}住所地", party.address))
        if isinstance(party, Person) and party.habitual_residence:
            places.append((f"{role}{party.name}经常居住地", party.habitual_residence))
    return places


@dataclass(frozen=True)
class Settled:
    """The one court a short name can be, told by the case: its full name, and why, as
    the warning says it (「案号…的法院代字以北京市的简称开头…，北京市只有一个「朝阳区」」)."""

    name: str
    why: str
    code: str = SETTLED_CODES[0]  # or court_name_from_place


def settle_court(
    court: str, case_number: str | None = None, places: Sequence[Place] = ()
) -> Settled | None:
    """The court a name several places bear (鼓楼区人民法院) names in this case: of the
    places it could be (``case_numbers.court_candidates``), the one in the province the
    case number's court code names (the code begins with the province's abbreviation,
    arts. 4–5 of the case number rules); else the one where a connecting point of the
    case lies (the debtor's domicile a payment order goes to, 民诉法解释 art. 23). None
    where the case leaves more than one, or none (a number of another province:
    ``case_numbers._check_candidates`` refuses it)."""
    found = court_candidates(court)
    table = division_table.load()
    parsed = parse_case_number(case_number) if case_number else None
    province = number_province(parsed) if parsed is not None else None
    if province is not None:
        found = [d for d in found if d.code[:2] == province]
        if len(found) == 1:
            named = table.by_code[province + "0000"].name
            text = read_court(court, table).place_text
            why = (
                f"案号「{case_number}」的法院代字以{named}的简称开头（{RULES}第四条、第五条），"
                f"{named}只有一个「{text}」"
            )
            return _settled(court, found[0], why, table)
    located = [(what, address, table.locate(address)) for what, address in places]
    reached = [d for d in found if any(p and _within(p, d) for _, _, p in located)]
    if len(reached) != 1:
        return None
    place = reached[0]
    points = [f"{what}（{address}）" for what, address, p in located if p and _within(p, place)]
    settled = _settled(court, place, f"{'、'.join(points)}在{_with_province(place)}", table)
    return Settled(settled.name, settled.why, SETTLED_CODES[1]) if settled else None


def _within(point: division_table.Division, place: division_table.Division) -> bool:
    """An address's division lies in a court's place: a county's, or a city's."""
    return point.code.startswith(place.code[:4] if place.level == "city" else place.code)


def _settled(
    court: str, place: division_table.Division, why: str, table: division_table.Divisions
) -> Settled | None:
    """The full name of ``court`` sitting in ``place`` (鼓楼区人民法院 in 福州市鼓楼区:
    福建省福州市鼓楼区人民法院)."""
    stem = court.removesuffix(COURT)
    place_text = read_court(court, table).place_text
    if not stem.startswith(place_text):
        return None
    name = full_name(_with_province(place) + stem[len(place_text) :] + COURT, table)
    return Settled(name, why) if name else None


def check_filed_court(
    result: Assessment,
    court: str,
    paper: str,
    case_number: str | None = None,
    places: Sequence[Place] = (),
    loc: Loc = ("court",),
) -> str:
    """The name a paper filed with a court prints for it, and the problems at ``loc``: its
    full name where the name tells the province; where the name is several places' and the
    case tells which one (``settle_court``), that court's full name, the user asked to
    check it; else the name as typed and ``check_court_name``'s warning. A number of
    another province than any of the places is refused by ``check_case_number`` (its
    ``court_loc``), so it is not warned here as well."""
    if not court.endswith(COURT):
        return court
    table = division_table.load()
    full = full_name(court, table)
    if full is not None:
        return full
    settled = settle_court(court, case_number, places)
    if settled is not None:
        _warn_settled(result, loc, court, settled, paper)
        return settled.name
    if not _contradicted(court, case_number):
        check_court_name(result, court, loc)
    return court


def _contradicted(court: str, case_number: str | None) -> bool:
    """The case number names a province none of the court's places lies in."""
    parsed = parse_case_number(case_number) if case_number else None
    province = number_province(parsed) if parsed is not None else None
    found = court_candidates(court)
    return province is not None and bool(found) and all(d.code[:2] != province for d in found)


def court_name_by_number(court: str, case_number: str | None) -> str:
    """The court as an agreement prints it: its full name (``court_name``), else the one
    court of that place in the province the case number's court code names, else as
    typed (refused by ``check_agreement_court``)."""
    if not court.endswith(COURT):
        return court
    full = full_name(court, division_table.load())
    settled = settle_court(court, case_number)
    return full or (settled.name if settled else court)


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
    settled = settle_court(court, case_number)
    if settled is not None:
        _warn_settled(result, loc, court, settled, "协议")
        return
    result.error(
        loc,
        "court_not_determinable",
        f"协议不能确定「{court}」是哪一法院（{_why(court, table)}）：协议约定的管辖法院须在起诉时"
        "能够确定（《中华人民共和国民事诉讼法》第三十五条；《最高人民法院关于适用〈中华人民共和国"
        "民事诉讼法〉的解释》第三十条第一款），撤诉、调解也须向确定的法院申请",
        hint="请填写法院全称，冠以省、自治区、直辖市名称，如 北京市朝阳区人民法院",
    )


def _warn_settled(result: Assessment, loc: Loc, court: str, settled: Settled, paper: str) -> None:
    """The warning that the court is printed by the full name the case tells, ``paper``
    the paper that prints it (「协议」, 「所函」, 「申请书」)."""
    result.warn(
        loc,
        settled.code,
        f"「{court}」未写明所在的省、自治区、直辖市；{settled.why}，{paper}按{settled.name}打印",
        hint=f"请核对受理法院为{settled.name}，并在此填写法院全称",
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
    said = (COURT_NAME_NOT_FULL, *SETTLED_CODES)  # by ``check_filed_court``, said again here
    result.problems = [p for p in result.problems if not (p.loc == loc and p.code in said)]
    settled = settle_court(court, case_number)
    if settled is not None:
        _warn_settled(result, loc, court, settled, paper)
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
