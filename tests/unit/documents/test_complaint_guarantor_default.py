"""A sued guarantor's own default, the fact its liability rests on: a joint guarantor has
not paid though the debtor has not (民法典 art. 688(2)), asked or not before the suit; a
general guarantor is sued with the debtor for what enforcement leaves unpaid (art. 687(2),
担保制度解释 art. 26(2)), and never without the debtor (art. 26(1))."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

ASKED = load_fixture("civil_complaint", "valid", "narrative_guarantor")
NOT_ASKED = load_fixture(
    "civil_complaint", "valid", "narrative_joint_guarantor_not_asked_before_suit"
)
GENERAL = load_fixture("civil_complaint", "valid", "guarantee_type_not_stated")
ALONE = load_fixture("civil_complaint", "invalid", "general_guarantor_sued_without_the_debtor")
JOINT_BASIS = (
    "依照《中华人民共和国民法典》第六百八十八条第二款，原告有权请求被告李秀英在其保证范围内"
    "承担保证责任。"
)


def _breach(data: dict) -> str:
    """The debtor's default and the paragraph after it, the guarantor's."""
    text = printed_copy("civil_complaint", data)
    start = text.index("借款到期后")
    after = text.index("\n", start) + 1
    return text[start : text.index("\n", after)]


def test_a_joint_guarantor_asked_before_the_suit_has_not_performed():
    assert _breach(ASKED) == (
        "借款到期后，被告张伟未依约清偿。\n被告李秀英作为连带责任保证人，经原告要求承担保证责任，"
        "至今未履行。" + JOINT_BASIS
    )


def test_a_joint_guarantor_not_asked_before_the_suit_has_not_performed_either():
    assert _breach(NOT_ASKED) == (
        "借款到期后，被告张伟未依约清偿。\n被告李秀英作为连带责任保证人，亦未承担保证责任。"
        + JOINT_BASIS
    )


def test_a_demand_within_the_period_is_dated_once_with_the_guarantee():
    data = copy.deepcopy(NOT_ASKED)
    data["defendants"][1]["guarantee"]["claimed_on"] = "2026-03-02"
    text = printed_copy("civil_complaint", data)
    assert "；原告已于2026年3月2日要求被告李秀英承担保证责任。" in text
    assert "被告李秀英作为连带责任保证人，经原告要求承担保证责任，至今未履行。" in _breach(data)
    assert text.count("2026年3月2日要求") == 1


def test_a_general_guarantor_is_sued_for_what_enforcement_leaves_unpaid():
    breach = _breach(GENERAL)
    assert (
        "被告李秀英为一般保证人，依照《中华人民共和国民法典》第六百八十七条第二款及《最高人民法院"
        "关于适用〈中华人民共和国民法典〉有关担保制度的解释》第二十六条第二款，原告一并起诉被告张伟"
        "与被告李秀英，请求被告李秀英对被告张伟的财产依法强制执行后仍不能履行的部分承担保证责任。"
    ) in breach
    assert "未履行" not in breach.split("被告李秀英为一般保证人")[1].split("请求")[0]


def test_a_general_guarantor_sued_without_the_debtor_is_refused_citing_the_defence():
    doc = registry.get("civil_complaint")
    problems = doc.evaluate(doc.parse(ALONE), RuleOptions(calendar_fallback=True)).problems
    errors = {(p.loc, p.code): p for p in problems if p.severity == "error"}
    assert set(errors) == {
        (("defendants",), "borrower_missing"),
        (("defendants", 1, "guarantee"), "general_guarantor_sued_without_debtor"),
    }
    message = errors[
        (("defendants", 1, "guarantee"), "general_guarantor_sued_without_debtor")
    ].message
    assert "被告李秀英是一般保证人" in message
    assert "第六百八十七条第二款" in message
    assert "仅起诉一般保证人的，人民法院应当驳回起诉" in message
    assert "第二十六条第一款" in message


def test_a_joint_guarantor_sued_without_the_debtor_is_not_told_of_the_defence():
    data = copy.deepcopy(ALONE)
    data["defendants"][1]["guarantee"]["type"] = "joint"
    doc = registry.get("civil_complaint")
    problems = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).problems
    assert "general_guarantor_sued_without_debtor" not in {p.code for p in problems}


def test_the_element_form_states_a_joint_guarantors_default_after_the_debtors():
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    text = printed_copy("civil_complaint", data)
    start = text.index("16. 其他需要说明的内容")
    row = text[start : text.index("17. 请求承担责任的依据", start)]
    assert row.rstrip().endswith(
        "被告王磊至今未还。被告福州闽江建材有限公司作为连带责任保证人，经原告于2025年12月15日要求"
        "承担保证责任，至今未履行。"
    )


def test_the_element_form_dates_the_demand_it_tells_nowhere_else():
    # the narrative dates it with the guarantee; the form's guarantee row has no place
    data = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
    text = printed_copy("civil_complaint", data)
    assert "被告孙立作为连带责任保证人，经原告于2026年3月2日要求承担保证责任，至今未履行。" in text
    assert "经原告要求承担保证责任" not in text


def test_the_narrative_dates_the_demand_once_with_the_guarantee():
    text = printed_copy("civil_complaint", ASKED)
    assert text.count("2026年2月9日要求被告李秀英") == 1
    assert "经原告要求承担保证责任，至今未履行。" in text


def test_the_element_form_states_no_default_of_a_general_guarantor():
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    data["defendants"][1]["guarantee"]["type"] = "general"
    text = printed_copy("civil_complaint", data)
    assert "作为连带责任保证人" not in text
