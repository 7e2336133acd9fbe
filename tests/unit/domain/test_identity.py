"""Resident ID numbers and unified social credit codes (domain brief §5)."""

import pickle
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from docgen.domain import divisions
from docgen.domain.identity import (
    IdentityError,
    ResidentId,
    mask_id,
    parse_resident_id,
    parse_uscc,
    uscc_area_code,
    uscc_province_mismatch,
)

TODAY = date(2026, 11, 22)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def with_id_check(body: str) -> str:
    """Append the GB 11643-1999 check character, computed independently of the code."""
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def with_uscc_check(body: str) -> str:
    """Append the GB 32100-2015 check character, computed independently of the code."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            "11010519491231002X",
            ResidentId("11010519491231002X", date(1949, 12, 31), "女", "110105"),
        ),
        ("440524188001010014", ResidentId("440524188001010014", date(1880, 1, 1), "男", "440524")),
    ],
)
def test_resident_id_examples_from_the_brief_are_accepted(
    number: str, expected: ResidentId
) -> None:
    assert parse_resident_id(number, today=TODAY) == expected


@pytest.mark.parametrize("area", ["810000", "820000", "830000"])
def test_resident_id_accepts_hong_kong_macau_and_taiwan_residence_permits(area: str) -> None:
    number = with_id_check(area + "19900101001")
    parsed = parse_resident_id(number, today=TODAY)
    assert parsed.area_code == area
    assert parsed.sex == "男"


def test_resident_id_accepts_lower_case_x_and_spaces() -> None:
    parsed = parse_resident_id(" 110105 19491231 002x ", today=TODAY)
    assert parsed.number == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("11010519491231002", "id_length"),
        ("11010519491231002X1", "id_length"),
        ("", "id_length"),
        ("11010519491231002A", "id_format"),
        ("1101051949123100X2", "id_format"),
        ("１１０１０５１９４９１２３１００２Ｘ", "id_format"),
        ("110105194912310020", "id_checksum"),
        (with_id_check("11010519490230002"), "id_birth_date"),
        (with_id_check("11010517991231002"), "id_birth_date"),
        (with_id_check("11010520261123002"), "id_future_birth_date"),
    ],
)
def test_resident_id_rejects_invalid_numbers_with_a_machine_code(number: str, code: str) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_resident_id(number, today=TODAY)
    assert caught.value.code == code
    assert caught.value.message


def test_resident_id_checksum_error_names_expected_and_actual_characters() -> None:
    with pytest.raises(IdentityError) as caught:
        parse_resident_id("110105194912310020", today=TODAY)
    assert str(caught.value) == "身份证号码校验位错误：按GB 11643-1999计算应为X，实为0"


def test_resident_id_born_today_is_accepted() -> None:
    number = with_id_check("110105" + TODAY.strftime("%Y%m%d") + "002")
    assert parse_resident_id(number, today=TODAY).birth_date == TODAY


def test_resident_id_is_judged_against_each_day_it_is_read_on() -> None:
    number = with_id_check("110105" + TODAY.strftime("%Y%m%d") + "002")
    day_before = TODAY - timedelta(days=1)
    for today, born in ((TODAY, True), (day_before, False), (TODAY, True), (day_before, False)):
        if born:
            assert parse_resident_id(number, today=today).birth_date == TODAY
        else:
            with pytest.raises(IdentityError) as caught:
                parse_resident_id(number, today=today)
            assert caught.value.code == "id_future_birth_date"


def test_resident_id_defaults_today_to_the_current_date() -> None:
    tomorrow = date.today() + timedelta(days=1)
    number = with_id_check("110105" + tomorrow.strftime("%Y%m%d") + "002")
    with pytest.raises(IdentityError) as caught:
        parse_resident_id(number)
    assert caught.value.code == "id_future_birth_date"


def test_identity_error_is_a_value_error_that_survives_pickling() -> None:
    error = IdentityError("id_length", "身份证号码应为18位，实为17位")
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert (copy.code, copy.message, str(copy)) == (error.code, error.message, str(error))


@pytest.mark.parametrize("number", ["91110000600037341L", "91350100M000100Y43"])
def test_uscc_examples_from_the_brief_are_accepted(number: str) -> None:
    assert parse_uscc(number).number == number


@pytest.mark.parametrize("number", ["91110000600037341L", "91350100M000100Y43"])
def test_uscc_with_a_six_digit_area_code_has_no_warnings(number: str) -> None:
    # 91350100M000100Y43 has area code 350100; its letters sit in the organisation code
    # (positions 9-17), where letters are normal.
    assert parse_uscc(number).warnings == ()


def test_uscc_with_letters_before_the_area_code_is_accepted_without_warning() -> None:
    # Registration authority and category codes (positions 1-2) may be letters, e.g. N2
    # for rural collective economic organisations.
    assert parse_uscc(with_uscc_check("N2110000600037341")).warnings == ()


@pytest.mark.parametrize("body", ["9135A100M000100Y4", "91HK0000600037341"])
def test_uscc_with_letters_in_the_area_code_is_accepted_with_a_warning(body: str) -> None:
    (warning,) = parse_uscc(with_uscc_check(body)).warnings
    assert "第3至8位" in warning
    assert body[2:8] in warning


def test_uscc_accepts_lower_case_and_spaces() -> None:
    assert parse_uscc("9111 0000 6000 3734 1l").number == "91110000600037341L"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("91110000600037341", "uscc_length"),
        ("91110000600037341LL", "uscc_length"),
        ("91110000600O37341L", "uscc_charset"),
        ("9111000060003734IL", "uscc_charset"),
        ("Z1110000600037341L", "uscc_charset"),
        ("91110000600037341S", "uscc_charset"),
        ("91110000600037341V", "uscc_charset"),
        ("91110000600037341-", "uscc_charset"),
        ("91110000600037341M", "uscc_checksum"),
    ],
)
def test_uscc_rejects_invalid_codes_with_a_machine_code(number: str, code: str) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_uscc(number)
    assert caught.value.code == code


def test_uscc_checksum_error_names_expected_and_actual_characters() -> None:
    with pytest.raises(IdentityError) as caught:
        parse_uscc("91110000600037341M")
    assert str(caught.value) == "统一社会信用代码校验位错误：按GB 32100-2015计算应为L，实为M"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("11010519491231002X", "110105********002X"),
        ("91110000600037341L", "911100********341L"),
        ("11010519491231002x", "110105********002X"),
        ("12345678901", "123456*8901"),
        ("1234567890", "**********"),
        ("", ""),
    ],
)
def test_mask_id_keeps_only_the_first_six_and_last_four_characters(
    value: str, expected: str
) -> None:
    assert mask_id(value) == expected


resident_id_bodies = st.builds(
    lambda area, born, seq: f"{area:06d}{born:%Y%m%d}{seq:03d}",
    st.integers(0, 999_999),
    st.dates(min_value=date(1800, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)


@given(resident_id_bodies)
def test_resident_id_with_computed_check_char_and_valid_date_is_accepted(body: str) -> None:
    parsed = parse_resident_id(with_id_check(body), today=TODAY)
    assert parsed.birth_date.strftime("%Y%m%d") == body[6:14]
    assert parsed.sex == ("男" if int(body[16]) % 2 else "女")


@given(resident_id_bodies, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_resident_id_with_any_single_character_changed_is_rejected(
    body: str, position: int, replacement: str
) -> None:
    number = with_id_check(body)
    assume(replacement != number[position] and (position == 17 or replacement != "X"))
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(IdentityError) as caught:
        parse_resident_id(changed, today=TODAY)
    assert caught.value.code == "id_checksum"


uscc_bodies = st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17)


@given(uscc_bodies)
def test_uscc_with_computed_check_char_is_accepted(body: str) -> None:
    assert parse_uscc(with_uscc_check(body)).number == with_uscc_check(body)


@given(uscc_bodies, st.integers(0, 17), st.sampled_from(USCC_ALPHABET))
def test_uscc_with_any_single_character_changed_is_rejected(
    body: str, position: int, replacement: str
) -> None:
    code = with_uscc_check(body)
    assume(replacement != code[position])
    changed = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(IdentityError) as caught:
        parse_uscc(changed)
    assert caught.value.code == "uscc_checksum"


# --- the registering authority's place (positions 3-8) against the address ------------


def test_the_area_code_is_positions_three_to_eight() -> None:
    assert uscc_area_code("91350100M000100Y43") == "350100"
    assert uscc_area_code(with_uscc_check("9135A100M000100Y4")) is None


def test_a_code_registered_in_another_province_than_the_address_is_named() -> None:
    table = divisions.load()
    warning = uscc_province_mismatch("91350100M000100Y43", "浙江省杭州市西湖区文三路90号", table)
    assert warning is not None
    assert "登记管理机关行政区划码350100）为福建省的代码，而住所地在浙江省" in warning


@pytest.mark.parametrize(
    ("number", "address"),
    [
        ("91330106M000100Y4H", "浙江省杭州市西湖区文三路90号"),  # the same province
        ("91310115600037341Y", "上海市浦东新区张江路200号"),  # a municipality
        ("91350100M000100Y43", "福州市鼓楼区五四路128号"),  # a city without its province
        ("91350100M000100Y43", "某某路1号"),  # an address that names no division
    ],
)
def test_a_code_of_the_addresses_province_or_an_unplaced_one_is_not_questioned(
    number: str, address: str
) -> None:
    assert uscc_province_mismatch(number, address, divisions.load()) is None
