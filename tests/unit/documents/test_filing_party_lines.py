"""A natural person's line in a court filing (民事诉讼法 art. 124(1), (2)): the birth date
read from the ID number, the complaint's warnings on a plaintiff's 年龄 and 民族, and the
evidence the sample complaints list."""

from __future__ import annotations

import copy
from typing import Any

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import Problem
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
ARTICLE = "（《中华人民共和国民事诉讼法》第一百二十四条第一项）"
PASSPORT = {"id_type": "护照", "id_number": "E12345678"}


def _case(name: str, kind: str = "valid") -> dict[str, Any]:
    return copy.deepcopy(load_fixture("civil_complaint", kind, name))


def _printed(type_name: str, data: Any) -> list[str]:
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    assessment = doc_type.evaluate(case, OPTIONS)
    assert not assessment.errors, assessment.errors
    context = doc_type.build_context(case, assessment)
    layout = layouts.get(layouts.name_for(type_name, doc_type.variant(case)))
    return paragraphs(layout.build(context))


def _line(printed: list[str], start: str) -> str:
    return next(line for line in printed if line.startswith(start))


def _warnings(type_name: str, data: Any) -> list[Problem]:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), OPTIONS).warnings


def _particulars(problems: list[Problem]) -> list[tuple[Any, str, str]]:
    codes = ("age_missing", "ethnicity_missing")
    return [(p.loc, p.code, p.message) for p in problems if p.code in codes]


# --- the birth date from the ID number ---------------------------------------------------


def test_a_defendants_birth_date_is_printed_from_the_id_number():
    printed = _printed("civil_complaint", _case("narrative_guarantor"))
    # 110101198503151235: digits 7-14 are 19850315; 11010519491231002X: 19491231
    assert _line(printed, "被告：张伟").startswith("被告：张伟，男，1985年3月15日出生，住北京市")
    assert _line(printed, "被告：李秀英").startswith("被告：李秀英，女，1949年12月31日出生，住")


def test_a_typed_birth_date_and_ethnicity_print_as_typed():
    printed = _printed("civil_complaint", _case("narrative_guarantor"))
    plaintiff = _line(printed, "原告：刘芳")
    assert plaintiff.startswith("原告：刘芳，女，1990年2月14日出生，汉族，住上海市")


def test_without_a_birth_date_or_an_id_number_that_encodes_one_no_date_is_printed():
    data = _case("narrative_guarantor")
    data["defendants"][0]["party"].update(PASSPORT)
    line = _line(_printed("civil_complaint", data), "被告：张伟")
    assert line.startswith("被告：张伟，男，住北京市")
    assert "出生" not in line and "护照号码：E12345678" in line


def test_the_other_filings_print_the_birth_date_from_the_id_number_too():
    data = load_fixture("payment_order", "valid", "principal_only_small")
    order = _printed("payment_order", data)
    assert _line(order, "申请人：刘芳").startswith("申请人：刘芳，女，1990年2月14日出生，住")
    assert _line(order, "被申请人：张伟").startswith("被申请人：张伟，男，1985年3月15日出生，住")


def test_the_element_form_fills_the_birth_date_from_the_id_number():
    data = _case("elements_every_item")
    del data["defendants"][0]["party"]["birth_date"]
    text = "\n".join(_printed("civil_complaint", data))
    assert "出生日期：1992年8月15日　民族：汉族" in text  # 440305199208150317


# --- the plaintiff's 年龄 and 民族 (art. 124(1)) ------------------------------------------


def test_a_plaintiff_with_birth_date_and_ethnicity_draws_no_warning():
    assert _particulars(_warnings("civil_complaint", _case("narrative_guarantor"))) == []


def test_a_plaintiff_without_ethnicity_is_warned_on_that_field():
    data = _case("narrative_guarantor")
    del data["plaintiffs"][0]["party"]["ethnicity"]
    assert _particulars(_warnings("civil_complaint", data)) == [
        (
            ("plaintiffs", 0, "party", "ethnicity"),
            "ethnicity_missing",
            f"起诉状应写明原告刘芳的民族{ARTICLE}",
        )
    ]


def test_the_element_form_warns_of_a_plaintiffs_missing_ethnicity_too():
    data = _case("elements_bank_loan_person_lender", "invalid")
    (warning,) = [p for p in _warnings("civil_complaint", data) if p.code == "ethnicity_missing"]
    assert warning.loc == ("plaintiffs", 0, "party", "ethnicity")
    name = data["plaintiffs"][0]["party"]["name"]
    assert warning.message == f"起诉状应写明原告{name}的民族{ARTICLE}"


def test_a_defendant_without_birth_date_or_ethnicity_is_not_warned():
    # art. 124(2) asks of a defendant only what identifies them
    data = _case("narrative_guarantor")
    data["defendants"][0]["party"].update(PASSPORT)
    assert _particulars(_warnings("civil_complaint", data)) == []


def test_a_passport_holding_plaintiff_is_asked_the_age_but_not_the_ethnicity():
    data = _case("narrative_guarantor")
    party = data["plaintiffs"][0]["party"]
    party.update(PASSPORT)
    del party["birth_date"], party["ethnicity"]
    assert _particulars(_warnings("civil_complaint", data)) == [
        (
            ("plaintiffs", 0, "party", "birth_date"),
            "age_missing",
            f"起诉状应写明原告刘芳的年龄{ARTICLE}",
        )
    ]
    party["birth_date"] = "1990-02-14"
    assert _particulars(_warnings("civil_complaint", data)) == []


def test_an_application_for_a_payment_order_is_not_warned_of_ethnicity():
    # 民事诉讼法 art. 225 asks the application for the amount, facts and evidence only
    data = load_fixture("payment_order", "valid", "principal_only_small")
    assert "ethnicity" not in data["applicant"]
    assert _particulars(_warnings("payment_order", data)) == []


# --- the evidence of the sample complaints ----------------------------------------------


def test_the_guarantor_sample_proves_the_demand_on_the_guarantor_and_the_lawyers_fee():
    text = "\n".join(_printed("civil_complaint", _case("narrative_guarantor")))
    assert "保证责任催告函（致被告李秀英）及EMS邮寄凭证、签收记录" in text
    assert "证明原告于2026年2月9日即保证期间内要求被告李秀英承担保证责任" in text
    assert "委托代理合同、律师费发票及付款凭证" in text
    assert "证明原告为实现本案债权已实际支付律师费5,000元" in text


def test_the_maximum_guarantee_sample_names_its_exhibit_a_maximum_guarantee_contract():
    printed = _printed("civil_complaint", _case("maximum_guarantee"))  # the evidence table's cells
    assert "最高额保证合同" in printed and "保证合同" not in printed
    assert (
        "证明被告李秀英对2025年1月1日至2025年12月31日期间发生的借款债权，"
        "在最高债权额人民币80,000元限度内提供连带责任保证"
    ) in printed
