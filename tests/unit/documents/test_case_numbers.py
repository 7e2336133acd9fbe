"""案号: one checker for every paper that states a court's case number."""

from __future__ import annotations

import copy

import pytest

from docgen.documents.case_numbers import (
    check_case_number,
    normalize_case_number,
    parse_case_number,
)
from docgen.documents.problems import Assessment
from tests.support import load_fixture, printed_copy


def _codes(number: str, court: str | None = None, proceeding: str | None = None) -> list:
    result = Assessment()
    check_case_number(result, number, ("case_number",), court, proceeding)
    return [(p.severity, p.code) for p in result.problems]


@pytest.mark.parametrize(
    ("text", "court", "kind"),
    [
        ("（2026）京0101民初12345号", "京0101", "民初"),
        ("(2026)京02民终4321号", "京02", "民终"),
        ("（2026）京民终7号", "京", "民终"),
        ("（2019）最高法知民终1号", "最高法", "知民终"),
        ("（2026）粤0304财保123号", "粤0304", "财保"),
        ("（2026）京0101执恢15号", "京0101", "执恢"),
    ],
)
def test_a_number_in_the_2016_format_is_read_into_its_parts(text, court, kind):
    number = parse_case_number(text)
    assert number is not None
    assert (number.year, number.court, number.kind) == (int(text[1:5]), court, kind)


@pytest.mark.parametrize(
    "text",
    [
        "2026京0101民初12345",  # no brackets, no 号
        "（2026）京0101民初12345",  # no 号
        "（26）京0101民初1号",  # two-digit year
        "（2026)京0101民初1号",  # brackets of two kinds
        "（2026）京0101民初号",  # no number
        "（2026）京0101民初0号",  # numbers start at 1
        "（2026）京101民初1号",  # three digits: courts have two or four
        "民初9876",
    ],
)
def test_a_malformed_number_is_an_error_naming_the_field(text):
    result = Assessment()
    check_case_number(result, text, ("case", "case_number"))
    [problem] = result.problems
    assert (problem.severity, problem.code, problem.loc) == (
        "error",
        "case_number_format",
        ("case", "case_number"),
    )
    assert text in problem.message and "案号" in problem.message


def test_a_number_from_before_2016_is_left_as_written():
    assert _codes("（2015）朝民初字第12345号") == []


def test_no_number_is_no_problem():
    assert _codes("") == [] and _codes(None) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "proceeding", "ok"),
    [
        ("（2026）京02民终4321号", "second", True),
        ("（2026）京0101民初12345号", "second", False),
        ("（2026）京0101民初12345号", "first", True),
        ("（2026）京02民终4321号", "first", False),
        ("（2026）京0101执恢15号", "execution", True),
        ("（2026）京0101民初12345号", "execution", False),
        ("（2019）最高法知民终1号", "second", True),
    ],
)
def test_the_type_code_must_be_the_proceedings(number, proceeding, ok):
    expected = [] if ok else [("error", "case_number_proceeding")]
    assert _codes(number, proceeding=proceeding) == expected


@pytest.mark.parametrize(
    ("number", "court", "refused"),
    [
        ("（2026）沪0115民初12345号", "北京市东城区人民法院", True),
        ("（2026）京0101民初12345号", "北京市东城区人民法院", False),
        ("（2026）京02民终4321号", "北京市第二中级人民法院", False),
        ("（2026）粤0304民初1号", "深圳市福田区人民法院", False),
        ("（2026）京0101民初1号", "深圳市福田区人民法院", True),
        ("（2026）黔01民初1号", "贵州省贵阳市中级人民法院", False),
        # a court whose province the name does not tell, or a code no province has
        ("（2026）京74民初1号", "北京金融法院", False),
        ("（2026）兵0101民初1号", "北京市东城区人民法院", False),
    ],
)
def test_a_court_code_of_another_province_is_an_error(number, court, refused):
    # a high court's code is its province's abbreviation, a lower court's begins with it
    # (arts. 4, 5): a number of another province's court is another court's case
    expected = [("error", "case_number_court")] if refused else []
    assert _codes(number, court) == expected


def test_the_error_names_the_number_s_province_and_the_court():
    result = Assessment()
    check_case_number(
        result, "（2026）沪0115民初12345号", ("case", "case_number"), "北京市东城区人民法院"
    )
    (problem,) = result.problems
    assert problem.loc == ("case", "case_number")
    assert problem.message.startswith(
        "案号「（2026）沪0115民初12345号」的法院代字“沪0115”是上海市的法院的代字，"
        "不是北京市东城区人民法院的案号：北京市东城区人民法院的法院代字以“京”开头"
    )
    assert "第四条" in problem.message and "第五条" in problem.message


def test_a_number_typed_with_half_width_brackets_is_read_with_full_width_ones():
    assert normalize_case_number("(2026)京02民终4321号") == "（2026）京02民终4321号"
    assert normalize_case_number("(2015)朝民初字第12345号") == "（2015）朝民初字第12345号"
    # brackets of two kinds stay as typed, for the format check to refuse
    assert normalize_case_number("（2026)京02民终4321号") == "（2026)京02民终4321号"


def _half_width(data: object) -> list[str]:
    """Every court case number in ``data`` rewritten with half-width brackets; returns
    the numbers as courts print them."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "case_number" and isinstance(value, str) and value.startswith("（20"):
                found.append(value)
                data[key] = "(" + value[1:5] + ")" + value[6:]
            else:
                found += _half_width(value)
    elif isinstance(data, list):
        for item in data:
            found += _half_width(item)
    return found


@pytest.mark.parametrize(
    ("type_name", "fixture"),
    [
        ("power_of_attorney", "appellant_defendant_second_instance"),
        ("firm_letter", "defendant_second_instance"),
        ("service_address", "defendant_wechat_and_fax_with_case_number"),
        ("evidence_list", "case_number_and_parties"),
        ("withdrawal_application", "settled_fee_from_the_claim"),
        ("preservation_application", "in_suit_no_security"),
        ("settlement_agreement", "mediation_statement_rows"),
        ("enforcement_application", "judgment_first_instance"),
        ("civil_complaint", "elements_every_item"),
    ],
)
def test_every_paper_prints_a_half_width_number_as_courts_write_it(type_name, fixture):
    data = copy.deepcopy(load_fixture(type_name, "valid", fixture))
    numbers = _half_width(data)
    assert numbers
    printed = printed_copy(type_name, data)
    for number in numbers:
        assert number in printed
    assert "(20" not in printed
