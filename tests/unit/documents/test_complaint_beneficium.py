"""A general guarantor sued without the debtor under an exception of 民法典 art. 687(2)
(一)–(四): the complaint states the item, its evidence and the article; what the texts
leave open is warned of; an exception where it has no place is refused at its field.
Sued together with the debtor under one, the guarantor is claimed against for the debt
without the limit of 担保制度解释 art. 26(2), the facts citing both."""

from __future__ import annotations

import copy

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

WAIVED = load_fixture("civil_complaint", "valid", "narrative_general_guarantor_waived_the_defence")
AFTER_ENFORCEMENT = load_fixture(
    "civil_complaint", "valid", "narrative_general_guarantor_sued_after_enforcement"
)
WAIVED_WITH_DEBTOR = load_fixture(
    "civil_complaint", "valid", "narrative_general_guarantor_waived_the_defence_debtor_sued"
)
EXCEPTION = ("defendants", 0, "guarantee", "beneficium_exception")
WITH_DEBTOR = ("defendants", 1, "guarantee", "beneficium_exception")
DOC = registry.get("civil_complaint")


def _problems(data: dict) -> list:
    return DOC.evaluate(DOC.parse(data), RuleOptions(calendar_fallback=True)).problems


def _errors(data: dict) -> set[tuple[tuple, str]]:
    return {(p.loc, p.code) for p in _problems(data) if p.severity == "error"}


def test_a_written_waiver_is_stated_with_its_evidence_and_the_article():
    text = printed_copy("civil_complaint", WAIVED)
    assert (
        "被告李秀英已书面表示放弃先诉抗辩权（《保证合同》第五条约定：保证人放弃民法典第六百八十七条"
        "第二款规定的先诉抗辩权）。依照《中华人民共和国民法典》第六百八十七条第二款第（四）项，"
        "被告李秀英作为一般保证人，不得以主合同纠纷未经审判或者仲裁、未就案外人张伟的财产依法"
        "强制执行为由拒绝承担保证责任，原告有权请求被告李秀英在其保证范围内承担保证责任。"
    ) in text
    assert "1. 判令被告李秀英向原告刘芳支付案外人张伟所欠本金人民币100,000.00元" in text
    assert "终结本次执行程序" not in text


@pytest.mark.parametrize(
    ("ground", "words"),
    [
        ("debtor_missing", "案外人张伟下落不明，且无财产可供执行（"),
        ("bankruptcy", "人民法院已经受理案外人张伟破产案件（"),
        (
            "insufficient_property",
            "原告有证据证明案外人张伟的财产不足以履行全部债务或者丧失履行债务能力（",
        ),
    ],
)
def test_each_exception_is_told_as_its_item_of_the_article(ground, words):
    data = copy.deepcopy(WAIVED)
    data["defendants"][0]["guarantee"]["beneficium_exception"] = {
        "ground": ground,
        "evidence": "见证据3",
    }
    assert not _errors(data)
    text = printed_copy("civil_complaint", data)
    item = {"debtor_missing": "一", "bankruptcy": "二", "insufficient_property": "三"}[ground]
    assert (
        f"{words}见证据3）。依照《中华人民共和国民法典》第六百八十七条第二款第（{item}）项" in text
    )


def test_the_dismissal_rule_and_the_guarantee_period_are_warned_of():
    (warning,) = [p for p in _problems(WAIVED) if p.loc == EXCEPTION]
    assert warning.code == "general_guarantor_alone_doubt"
    assert "第二十六条第一款规定，债权人未就主合同纠纷提起诉讼或者申请仲裁" in warning.message
    assert "第六百九十三条第一款" in warning.message


def test_bankruptcy_accepted_is_warned_only_of_the_debtor_joined():
    # 担保制度解释 art. 23(1) supports the suit; the debtor sued within the period
    data = copy.deepcopy(WAIVED)
    guarantee = data["defendants"][0]["guarantee"]
    guarantee["beneficium_exception"] = {"ground": "bankruptcy", "evidence": "见证据3"}
    guarantee["debtor_sued_on"] = "2026-02-09"
    (warning,) = [p for p in _problems(data) if p.loc == EXCEPTION]
    assert warning.message == (
        "以人民法院已经受理债务人破产案件为由单独起诉一般保证人李秀英：保证合同约定为一般保证，"
        "债权人仅起诉保证人的，人民法院应当通知被保证人作为共同被告参加诉讼（《最高人民法院关于"
        "适用〈中华人民共和国民事诉讼法〉的解释》第六十六条）"
    )


def test_without_an_exception_the_general_guarantor_alone_is_still_refused():
    data = copy.deepcopy(WAIVED)
    del data["defendants"][0]["guarantee"]["beneficium_exception"]
    (refusal,) = [p for p in _problems(data) if p.code == "general_guarantor_sued_without_debtor"]
    assert "请填写「先诉抗辩权的除外情形」" in (refusal.hint or "")


def test_an_exception_for_a_joint_guarantor_is_refused():
    data = load_fixture("civil_complaint", "invalid", "joint_guarantor_with_a_beneficium_exception")
    assert _errors(data) == {(EXCEPTION, "beneficium_exception_unused")}


def test_with_the_debtor_sued_a_waiver_claims_the_guarantee_without_the_enforcement_limit():
    # 担保制度解释 art. 26(2): the limit to what enforcement leaves unpaid is not for a
    # case within 民法典 art. 687(2)'s proviso
    problems = _problems(WAIVED_WITH_DEBTOR)
    assert not [p for p in problems if p.severity == "error"]
    assert not [p for p in problems if p.loc == WITH_DEBTOR]
    text = printed_copy("civil_complaint", WAIVED_WITH_DEBTOR)
    assert "1. 判令被告张伟向原告刘芳偿还本金人民币100,000.00元" in text
    assert "6. 判令被告李秀英对上述第1至5项债务承担保证责任；" in text
    assert (
        "被告李秀英已书面表示放弃先诉抗辩权（《保证合同》第五条约定：保证人放弃民法典第六百八十七条"
        "第二款规定的先诉抗辩权）。依照《中华人民共和国民法典》第六百八十七条第二款第（四）项，"
        "被告李秀英作为一般保证人，不得以未就被告张伟的财产依法强制执行为由拒绝承担保证责任。"
        "原告一并起诉被告张伟与被告李秀英，依照《最高人民法院关于适用〈中华人民共和国民法典〉"
        "有关担保制度的解释》第二十六条第二款，被告李秀英的保证责任不限于被告张伟的财产依法"
        "强制执行后仍不能履行的部分，原告有权请求被告李秀英在其保证范围内承担保证责任。"
    ) in text
    # neither the limited claim nor the sued-alone wording
    assert "强制执行后仍不能履行的部分承担保证责任" not in text
    assert "案外人" not in text
    assert "请求被告李秀英对被告张伟的财产依法强制执行" not in text


@pytest.mark.parametrize(
    ("ground", "words"),
    [
        ("debtor_missing", "被告张伟下落不明，且无财产可供执行（见证据3）。"),
        ("bankruptcy", "人民法院已经受理被告张伟破产案件（见证据3）。"),
        (
            "insufficient_property",
            "原告有证据证明被告张伟的财产不足以履行全部债务或者丧失履行债务能力（见证据3）。",
        ),
    ],
)
def test_with_the_debtor_sued_each_exception_is_told_with_both_articles(ground, words):
    data = copy.deepcopy(WAIVED_WITH_DEBTOR)
    data["defendants"][1]["guarantee"]["beneficium_exception"] = {
        "ground": ground,
        "evidence": "见证据3",
    }
    assert not _errors(data)
    text = printed_copy("civil_complaint", data)
    item = {"debtor_missing": "一", "bankruptcy": "二", "insufficient_property": "三"}[ground]
    assert (
        f"{words}依照《中华人民共和国民法典》第六百八十七条第二款第（{item}）项，被告李秀英"
        "作为一般保证人，不得以未就被告张伟的财产依法强制执行为由拒绝承担保证责任。"
    ) in text
    assert "有关担保制度的解释》第二十六条第二款，被告李秀英的保证责任不限于" in text
    assert "判令被告李秀英对上述第1至5项债务承担保证责任；" in text


def test_the_element_form_states_the_exception_and_claims_the_guarantee():
    data = copy.deepcopy(WAIVED_WITH_DEBTOR)
    data["layout"] = "elements"
    assert not _errors(data)
    text = printed_copy("civil_complaint", data)
    assert "■是 内容：被告李秀英承担保证责任　□否" in text
    assert (
        "第五条约定：保证人放弃民法典第六百八十七条第二款规定的先诉抗辩权），依照《中华人民共和国"
        "民法典》第六百八十七条第二款第（四）项，被告李秀英作为一般保证人，不得以未就被告张伟的"
        "财产依法强制执行为由拒绝承担保证责任；原告一并起诉被告张伟与被告李秀英，依照"
    ) in text
    assert "承担一般保证责任" not in text


def test_with_the_debtor_sued_and_no_exception_the_claim_keeps_the_enforcement_limit():
    data = copy.deepcopy(WAIVED_WITH_DEBTOR)
    del data["defendants"][1]["guarantee"]["beneficium_exception"]
    assert not _errors(data)
    text = printed_copy("civil_complaint", data)
    assert (
        "判令被告李秀英对上述第1至5项债务在被告张伟的财产依法强制执行后仍不能履行的部分"
        "承担保证责任；"
    ) in text
    assert "不得以未就被告张伟的财产依法强制执行为由" not in text


def test_with_the_debtor_sued_a_joint_guarantor_exception_is_still_refused():
    data = copy.deepcopy(WAIVED_WITH_DEBTOR)
    data["defendants"][1]["guarantee"]["type"] = "joint"
    assert (WITH_DEBTOR, "beneficium_exception_unused") in _errors(data)


def test_with_the_debtor_sued_an_enforcement_ruling_is_still_refused():
    data = copy.deepcopy(WAIVED_WITH_DEBTOR)
    data["defendants"][1]["guarantee"]["enforcement_ruling"] = (
        "北京市东城区人民法院（2026）京0101执1234号执行裁定"
    )
    ruling = (*WITH_DEBTOR[:-1], "enforcement_ruling")
    assert _errors(data) == {(ruling, "enforcement_ruling_unused")}


def test_an_exception_beside_the_enforcement_ruling_is_refused():
    data = copy.deepcopy(AFTER_ENFORCEMENT)
    data["defendants"][0]["guarantee"]["beneficium_exception"] = WAIVED["defendants"][0][
        "guarantee"
    ]["beneficium_exception"]
    assert _errors(data) == {(EXCEPTION, "exception_and_enforcement_ruling")}


def test_the_form_shows_the_exception_for_a_general_guarantee_only():
    from docgen.web.formspec import form_spec

    spec = form_spec(DOC.json_schema(), DOC.title)
    text = str(spec)
    assert "先诉抗辩权的除外情形" in text
    assert "（四）保证人书面表示放弃先诉抗辩权" in text


def test_with_the_debtors_own_mortgage_the_excepted_guarantor_answers_for_what_it_leaves():
    # 民法典 art. 392: no order agreed, the debtor's own collateral first, as for a joint
    # guarantor; a general one under an exception is claimed against as a joint one is
    data = load_fixture("civil_complaint", "valid", "narrative_mortgage_and_guarantor")
    guarantee = data["defendants"][1]["guarantee"]
    guarantee["type"] = "general"
    del guarantee["claimed_on"]
    guarantee.update(period="agreed", period_end="2028-01-10")
    guarantee["beneficium_exception"] = {"ground": "waived", "evidence": "《保证合同》第五条"}
    problems = _problems(data)
    assert not [p for p in problems if p.severity == "error"]
    (order,) = [p for p in problems if p.code == "own_collateral_first"]
    assert "又请求保证人李秀英承担保证责任" in order.message
    text = printed_copy("civil_complaint", data)
    assert (
        "7. 判令被告李秀英对上述第1至5项债务在原告就抵押财产优先受偿后不足清偿的部分承担保证责任；"
    ) in text
