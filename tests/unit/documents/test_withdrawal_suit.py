"""At second instance the 原审原告 may withdraw its suit itself (民诉法解释 art. 336): the
other parties consent, the first-instance judgment is set aside with it, and it cannot sue
again on the same claims — printed as 撤回起诉申请书, with no fee request."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

TYPE = registry.get("withdrawal_application")
SUIT = load_fixture(
    "withdrawal_application", "valid", "suit_withdrawn_at_second_instance_by_the_appellee"
)
ARTICLE = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百三十六条"


def _assess(data):
    return TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))


def _errors(data):
    return [(e.loc, e.code) for e in _assess(data).errors]


def test_the_appellee_plaintiff_withdraws_its_suit_and_asks_the_judgment_set_aside():
    text = printed_copy("withdrawal_application", SUIT)
    lines = text.splitlines()
    assert lines[0] == "撤回起诉申请书"
    assert any(line.startswith("被上诉人（原审原告）：刘芳，女") for line in lines)
    assert any(line.startswith("上诉人（原审被告）：张伟，男") for line in lines)
    assert (
        "准许被上诉人刘芳撤回起诉，并撤销北京市东城区人民法院（2026）京0101民初9876号民事判决。"
    ) in text
    assert (
        "原审原告刘芳诉原审被告张伟民间借贷纠纷一案，北京市东城区人民法院于2026年9月15日作出"
        "（2026）京0101民初9876号民事判决，上诉人张伟不服，向贵院提起上诉，贵院已立案受理，"
        "案号为（2026）京02民终1234号。"
    ) in text
    # the suit withdrawn was brought against the 原审被告, as the first clause names him
    assert "被上诉人经慎重考虑，决定撤回对原审被告张伟的起诉。" in text
    assert "上诉人张伟已于2026年11月24日出具书面同意书，同意被上诉人撤回起诉。" in text
    assert f"根据{ARTICLE}第一款的规定，特向贵院申请撤回起诉，并请求一并裁定撤销" in text
    assert any(line.startswith("被上诉人：刘芳（签名）") for line in lines)


def test_the_bar_on_suing_again_is_printed_above_the_signature():
    text = printed_copy("withdrawal_application", SUIT)
    assert (
        "被上诉人已知悉：原审原告在第二审程序中撤回起诉后重复起诉的，人民法院不予受理"
        f"（{ARTICLE}第二款）。贵院准许撤回起诉后，被上诉人不能就本案的诉讼请求再次起诉。"
    ) in text
    assert text.index("已知悉") < text.index("此致") < text.index("（签名）")


def test_the_written_consent_is_attached_and_one_on_the_record_is_not():
    text = printed_copy("withdrawal_application", SUIT)
    assert "附：张伟同意撤回起诉的书面同意书（2026年11月24日）1份" in text
    data = copy.deepcopy(SUIT)
    data["suit_withdrawal"]["consents"][0]["form"] = "record"
    text = printed_copy("withdrawal_application", data)
    assert "上诉人张伟已于2026年11月24日向贵院表示同意并记入笔录，同意被上诉人撤回起诉" in text
    assert "附：" not in text


def test_no_fee_is_asked_back_and_the_operator_is_told_why():
    text = printed_copy("withdrawal_application", SUIT)
    assert "退还" not in text and "受理费" not in text
    result = _assess(SUIT)
    assert result.errors == []
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (("fee",), "suit_withdrawal_fee_unsettled")
    assert "本申请书不列退费请求" in warning.message and "第十五条" in warning.message


def test_the_appellant_plaintiff_withdraws_as_the_appellant():
    data = copy.deepcopy(SUIT)
    data["appeal"]["applicant_role"] = "plaintiff"
    data["reason"], data["reason_detail"] = "performed", None
    text = printed_copy("withdrawal_application", data)
    assert "上诉人（原审原告）：刘芳" in text and "被上诉人（原审被告）：张伟" in text
    assert "准许上诉人刘芳撤回起诉" in text
    assert "上诉人刘芳不服，向贵院提起上诉" in text
    assert (
        "现被上诉人已向上诉人履行了付款义务，上诉人经慎重考虑，决定撤回对原审被告张伟的起诉" in text
    )
    assert "被上诉人张伟已于2026年11月24日出具书面同意书，同意上诉人撤回起诉" in text


def test_the_file_is_named_as_the_suits_withdrawal():
    assert TYPE.filename(TYPE.parse(SUIT)) == "撤回起诉申请书-张伟-20261125"


def test_without_consent_it_is_refused_naming_who_must_consent():
    data = copy.deepcopy(SUIT)
    data["suit_withdrawal"]["consents"] = []
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("suit_withdrawal", "consents"), "consent_missing")
    assert error.message.startswith("张伟未同意撤回起诉：原审原告在第二审程序中撤回起诉，须经")
    assert f"（{ARTICLE}第一款）" in error.message


def test_a_consent_of_someone_else_or_after_the_application_does_not_count():
    data = copy.deepcopy(SUIT)
    data["suit_withdrawal"]["consents"][0].update(party="王强", given_on="2026-11-26")
    assert _errors(data) == [
        (("suit_withdrawal", "consents", 0, "party"), "consent_not_a_party"),
        (("suit_withdrawal", "consents", 0, "given_on"), "consent_after_application"),
        (("suit_withdrawal", "consents"), "consent_missing"),
    ]


def test_a_first_instance_number_is_refused_at_the_number_once():
    data = copy.deepcopy(SUIT)
    data.update(court="北京市东城区人民法院", case_number="（2026）京0101民初9876号")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("case_number",), "suit_withdrawal_at_first_instance")
    assert "第二审案件的案号（类型代字“民终”）" in error.message


def test_an_enforcement_number_is_refused_once_as_for_any_withdrawal():
    data = copy.deepcopy(SUIT)
    data["case_number"] = "（2026）京02执1234号"
    assert _errors(data) == [(("case_number",), "withdrawal_in_execution")]


def test_the_first_instance_judgment_and_its_date_are_required():
    data = copy.deepcopy(SUIT)
    del data["appeal"]
    del data["suit_withdrawal"]["judgment_date"]
    errors = _assess(data).errors
    assert [(e.loc, e.code) for e in errors] == [
        (("suit_withdrawal", "judgment_date"), "missing"),
        (("appeal",), "missing"),
    ]
    assert "一并裁定撤销一审裁判" in errors[1].message


def test_a_judgment_dated_after_the_application_is_refused():
    data = copy.deepcopy(SUIT)
    data["suit_withdrawal"]["judgment_date"] = "2026-11-30"
    assert _errors(data) == [(("suit_withdrawal", "judgment_date"), "judgment_after_application")]


def test_the_form_offers_the_suits_withdrawal_as_an_optional_group():
    from docgen.web.formspec import form_spec

    spec = form_spec(TYPE.model.model_json_schema())
    (group,) = [node for node in spec["fields"] if node["name"] == "suit_withdrawal"]
    assert group["optional"] is True and group["title"] == "二审中撤回起诉（原审原告填写）"
    fields = {node["name"]: node for node in group["fields"]}
    assert fields["judgment_date"]["title"] == "一审裁判日期"
    consent = {node["name"]: node for node in fields["consents"]["item"]["fields"]}
    assert [consent["party"]["title"], consent["given_on"]["title"]] == ["同意的当事人", "同意日期"]
    forms = [choice["title"] for choice in consent["form"]["choices"]]
    assert forms == ["书面同意书", "向法院表示同意（记入笔录）"]
