"""Which court may hear a money claim at first instance: its name, level and place.

- Name: a local people's court is named after the division it sits in (GB/T 2260 names,
  docgen.domain.divisions): 深圳市福田区人民法院, 北京市第一中级人民法院. A name whose place
  is no division is refused; special courts (铁路运输、海事、互联网、金融、知识产权法院, courts
  of development zones) are outside the table and only noted.
- Level (民事诉讼法 arts. 18–21; 最高人民法院关于调整中级人民法院管辖第一审民事案件标准的
  通知, 法发〔2021〕27号, from 2021-10-01): a 中级人民法院 hears first-instance civil cases of
  500 million yuan or more when the parties all live in (or all outside) the court's
  province, 100 million or more when one of them lives outside it; everything below
  belongs to the 基层人民法院. A 高级人民法院 or the 最高人民法院 hears first instance only
  cases of major influence (arts. 20–21), never an ordinary debt.
- Place: 被告住所地 (art. 22; a person's 经常居住地 when different), 合同履行地 (art. 24;
  for a money debt with no agreed place, the place of the party receiving the money,
  民诉法解释 art. 18(2)), or a court the parties agreed in writing (art. 35).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from docgen.domain.divisions import Division, Divisions

LevelName = str  # "basic" | "intermediate" | "high" | "supreme" | "special"

SPC_2021 = "法发〔2021〕27号"
THRESHOLD_SAME_PROVINCE = Decimal(500_000_000)
THRESHOLD_CROSS_PROVINCE = Decimal(100_000_000)
_SPECIAL = re.compile(r"铁路运输|海事|互联网|金融|知识产权|军事")
# courts of zones that are no division (苏州工业园区人民法院): special when the place is unknown
_ZONE = re.compile(r"开发区|园区|新区|高新|林区|垦区|矿区|经济技术|自由贸易")
_NUMBERED = re.compile(r"第[一二三四五六七八九十]+$")


@dataclass(frozen=True)
class Court:
    """A court name read against the divisions.

    `level` is basic, intermediate, high, supreme or special; `place` the division it
    sits in (None when unknown); `candidates` the codes a misspelt or ambiguous place
    could be; `place_text` the place as written.
    """

    name: str
    level: LevelName
    place: Division | None
    place_text: str
    ambiguous: bool = False


def read_court(name: str, divisions: Divisions) -> Court:
    """Read a court's level and place from its name (which ends with 人民法院)."""
    if name == "最高人民法院":
        return Court(name, "supreme", None, "")
    stem = name.removesuffix("人民法院")
    if _SPECIAL.search(stem) or not name.endswith("人民法院"):
        return Court(name, "special", None, stem)
    court = _with_place(name, "basic", _NUMBERED.sub("", stem), divisions)
    for suffix, level in (("高级", "high"), ("中级", "intermediate")):
        if stem.endswith(suffix):
            place_text = _NUMBERED.sub("", stem.removesuffix(suffix))
            court = _with_place(name, level, place_text, divisions)
    if court.place is None and not court.ambiguous and _ZONE.search(stem):
        return Court(name, "special", None, stem)
    return court


def _with_place(name: str, level: LevelName, place_text: str, divisions: Divisions) -> Court:
    codes = divisions.lookup(place_text)
    wanted = {"basic": "county", "intermediate": "city", "high": "province"}[level]
    fitting = [divisions.by_code[c] for c in codes if _fits(divisions.by_code[c], wanted)]
    if len(fitting) > 1 and len({d.code[:2] for d in fitting}) == 1:
        # a municipality is a province and one or two cities of the same name (重庆市);
        # which districts each of its intermediate courts serves is not in the table
        fitting = [d for d in fitting if d.level == "province"] or fitting[:1]
    if len(fitting) == 1:
        return Court(name, level, fitting[0], place_text)
    return Court(name, level, None, place_text, ambiguous=len(fitting) > 1)


def _fits(division: Division, wanted: str) -> bool:
    if wanted == "city" and division.level == "province":
        return division.name.endswith("市")  # a municipality's intermediate courts
    if wanted == "county" and division.level == "city":
        return True  # a city without counties (东莞市第一人民法院) is checked by forms
    return division.level == wanted


def full_name(name: str, divisions: Divisions) -> str | None:
    """The name of a local court as its seal reads, with its province: 福建省福州市中级人民法院
    for 福州市中级人民法院, 广东省深圳市福田区人民法院 (a district with its city) for
    福田区人民法院; a name with its province, a special court's as it is. None where the
    name does not tell the province for certain (a place unknown, or one of several).

    Courts head their documents so: a local court's name is headed by its province's
    (「××省××市××区人民法院」, as court style rules put it); a county's or a county-level
    city's court keeps the name typed (福建省闽侯县人民法院), the city added to a district's."""
    if any(name.startswith(d.name) for d in divisions.by_code.values() if d.level == "province"):
        return name
    court = read_court(name, divisions)
    if court.level in ("special", "supreme"):
        return name
    place = court.place
    if place is None:
        return None
    stem = name.removesuffix("人民法院")
    # a district's court is named with its city, unless the name holds it (苏州工业园区)
    city = place.city.removesuffix("市")
    district = place.level == "county" and place.name.endswith("区")
    if district and place.city != place.province and not stem.startswith(city or place.name):
        stem = place.city + stem
    return place.province + stem + "人民法院"


def intermediate_threshold(cross_province: bool) -> Decimal:
    """The claim from which a 中级人民法院 hears first instance (法发〔2021〕27号 §§1–2)."""
    return THRESHOLD_CROSS_PROVINCE if cross_province else THRESHOLD_SAME_PROVINCE


def court_for(division: Division, divisions: Divisions) -> str:
    """The basic court of a county-level division as it is usually named: a district's
    with its city (深圳市南山区人民法院), a county's or county-level city's alone when
    the name is unique (福清市人民法院, 连江县人民法院)."""
    if not division.name.endswith("区") and len(divisions.lookup(division.name)) == 1:
        return division.name + "人民法院"
    return division.full_name + "人民法院"


def covers(court: Court, division: Division) -> bool:
    """True when `division` (a connecting point) lies in the court's territory."""
    if court.place is None:
        return False
    if court.level == "basic":
        return division.code == court.place.code
    if court.level == "intermediate":
        prefix = court.place.code[:2] if court.place.level == "province" else court.place.code[:4]
        return division.code.startswith(prefix)
    return division.code[:2] == court.place.code[:2]
