"""Addresses split into province / city / district / rest for the post office's sheet."""

import pytest

from docgen.domain.addresses import short_form, split_address


@pytest.mark.parametrize(
    ("address", "province", "city", "district", "rest"),
    [
        ("北京市朝阳区建国路88号", "北京市", "北京市", "朝阳区", "建国路88号"),
        ("上海市浦东新区世纪大道100号", "上海市", "上海市", "浦东新区", "世纪大道100号"),
        ("重庆市云阳县双江街道1号", "重庆市", "重庆市", "云阳县", "双江街道1号"),
        ("广东省深圳市福田区深南大道1号", "广东省", "深圳市", "福田区", "深南大道1号"),
        ("深圳市南山区科技园", "广东省", "深圳市", "南山区", "科技园"),
        # directly under the province: the county-level city is the sheet's city
        ("湖北省仙桃市XX路", "湖北省", "仙桃市", "", "XX路"),
        # a city without counties: the town stays in the rest
        ("广东省东莞市长安镇XX路", "广东省", "东莞市", "", "长安镇XX路"),
        ("吉林省长春市朝阳区XX街", "吉林省", "长春市", "朝阳区", "XX街"),
        (
            "新疆维吾尔自治区乌鲁木齐市天山区XX路",
            "新疆维吾尔自治区",
            "乌鲁木齐市",
            "天山区",
            "XX路",
        ),
        ("延边朝鲜族自治州延吉市XX路", "吉林省", "延边朝鲜族自治州", "延吉市", "XX路"),
        ("四川省成都市武侯区人民南路四段1号", "四川省", "成都市", "武侯区", "人民南路四段1号"),
        ("福田区XX路", "广东省", "深圳市", "福田区", "XX路"),  # one 福田区 in the country
        ("北京市XX路", "北京市", "北京市", "", "XX路"),  # a municipality is its own city
        ("广东省 深圳市　福田区 XX路", "广东省", "深圳市", "福田区", "XX路"),
        # 济南 + 市中区, not 济南市 + 中区
        ("济南市中区经十路1号", "山东省", "济南市", "市中区", "经十路1号"),
    ],
)
def test_an_address_is_split_by_the_division_names_it_starts_with(
    address, province, city, district, rest
):
    parts = split_address(address)
    assert (parts.province, parts.city, parts.district, parts.rest) == (
        province,
        city,
        district,
        rest,
    )
    assert parts.placed


@pytest.mark.parametrize(
    ("address", "province", "city", "district"),
    [
        ("广东深圳福田区XX路", "广东省", "深圳市", "福田区"),
        ("深圳南山区XX路", "广东省", "深圳市", "南山区"),
        ("北京朝阳区XX路", "北京市", "北京市", "朝阳区"),
        ("新疆乌鲁木齐市天山区XX路", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
        ("广西南宁市青秀区XX路", "广西壮族自治区", "南宁市", "青秀区"),
        ("内蒙古呼和浩特市新城区XX路", "内蒙古自治区", "呼和浩特市", "新城区"),
        ("延边延吉市XX路", "吉林省", "延边朝鲜族自治州", "延吉市"),
        ("湖南长沙县XX路", "湖南省", "长沙市", "长沙县"),  # 长沙县, not 长沙 + 县
        # 吉林 is a province and a city; only the province has a 朝阳区
        ("吉林朝阳区XX路", "吉林省", "长春市", "朝阳区"),
    ],
)
def test_a_short_form_counts_when_the_next_level_follows_it(address, province, city, district):
    parts = split_address(address)
    assert (parts.province, parts.city, parts.district, parts.rest) == (
        province,
        city,
        district,
        "XX路",
    )


@pytest.mark.parametrize(
    "address",
    [
        "朝阳区XX路",  # 北京市朝阳区 or 长春市朝阳区
        "南山区XX路",  # 深圳市南山区 or 鹤岗市南山区
        "某某街道不知名小区1号",  # no division at all
        "XX路5号",
        "深圳南山大道1号",  # a road: a short form at the end is not read
        "湖北仙桃XX路",  # 仙桃 is not followed by a lower level
        "北京市南山区XX路",  # Beijing has no 南山区: contradictory
        "广东省广州市海淀区XX路",
        "东区XX栋",  # two characters named first: an estate's part as likely
        "",
    ],
)
def test_an_address_that_names_no_single_place_is_left_whole(address):
    parts = split_address(address)
    assert not parts.placed
    assert (parts.province, parts.city, parts.district, parts.rest) == ("", "", "", address)


def test_a_province_alone_does_not_place_the_address():
    parts = split_address("广东省XX路")
    assert (parts.province, parts.city, parts.rest) == ("广东省", "", "XX路")
    assert not parts.placed


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("广东省", "广东"),
        ("新疆维吾尔自治区", "新疆"),
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),  # not 内: 蒙古 is a nationality, 内 too short
        ("西藏自治区", "西藏"),
        ("黔东南苗族侗族自治州", "黔东南"),
        ("伊犁哈萨克自治州", "伊犁"),
        ("大兴安岭地区", "大兴安岭"),
        ("阿拉善盟", "阿拉善"),
        ("深圳市", "深圳"),
        ("福田区", ""),  # counties have no short form
    ],
)
def test_the_short_form_of_a_name(name, short):
    assert short_form(name) == short
