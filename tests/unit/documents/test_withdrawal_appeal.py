"""With a second-instance case number the withdrawal is the appellant's 撤回上诉申请书: the
parties as the appeal names them, the judgment appealed, the appeal fee halved."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

TYPE = registry.get("withdrawal_application")
APPEAL = load_fixture("withdrawal_application", "valid", "appeal_withdrawn_after_settlement")


def _assess(data):
    return TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1)))


def _with(**changes):
    data = copy.deepcopy(APPEAL)
    data.update(changes)
    return data


def test_an_appeal_is_withdrawn_in_the_appeals_words_with_its_fee_halved():
    text = printed_copy("withdrawal_application", APPEAL)
    lines = text.splitlines()
    assert lines[0] == "撤回上诉申请书"
    assert any(line.startswith("上诉人（原审原告）：刘芳，女") for line in lines)
    assert any(line.startswith("被上诉人（原审被告）：张伟，男") for line in lines)
    assert "准许上诉人刘芳撤回上诉。" in text
    # 2,664.99 is the fee of an appeal claiming 118,249.32 (arts. 13(1), 17), halved
    assert (
        "依法退还上诉人已预交第二审案件受理费中的人民币1,332.49元（大写：壹仟叁佰叁拾贰元肆角玖分）"
        "（已预交人民币2,664.99元；按上诉请求金额118,249.32元，依《诉讼费用交纳办法》"
        "第十三条第（一）项、第十五条、第十七条减半后应交人民币1,332.50元）。"
    ) in text
    assert (
        "上诉人刘芳因与被上诉人张伟民间借贷纠纷一案，不服北京市东城区人民法院（2026）京0101"
        "民初9876号民事判决，向贵院提起上诉，贵院已立案受理，案号为（2026）京02民终1234号。"
        "现上诉人与被上诉人已自行达成和解（双方已于2026年11月24日签订和解协议，被上诉人张伟已"
        "支付首期款项），上诉人经慎重考虑，决定撤回上诉。根据《中华人民共和国民事诉讼法》"
        "第一百八十条的规定，特向贵院申请撤回上诉，请予准许。"
    ) in text
    # the ruling is served where the appellant says (as the first-instance withdrawal)
    assert "送达地址：北京市东城区东直门南大街3号国华投资大厦9层，收件人：周明" in text
    assert "北京市第二中级人民法院" in lines
    assert any(line.startswith("上诉人：刘芳（签名）") for line in lines)
    assert "起诉" not in text and "原告）：" not in text.replace("原审原告）：", "")


def test_the_file_is_named_as_the_appeals_withdrawal():
    case = TYPE.parse(APPEAL)
    assert TYPE.filename(case) == "撤回上诉申请书-张伟-20261125"


def test_an_appellant_defendant_below_and_a_ruling_appealed_are_named_so():
    data = copy.deepcopy(APPEAL)
    data["appeal"].update(applicant_role="defendant", judgment_kind="ruling")
    data["reason"], data["reason_detail"] = "performed", None
    text = printed_copy("withdrawal_application", data)
    assert "上诉人（原审被告）：刘芳" in text and "被上诉人（原审原告）：张伟" in text
    assert "（2026）京0101民初9876号民事裁定，向贵院提起上诉" in text
    # the 原审被告 owes the sum sued for: the appellant paid, not the appellee
    assert "现上诉人已向被上诉人履行了付款义务，上诉人经慎重考虑" in text
    assert "被上诉人已向上诉人履行" not in text


def test_the_appellant_defendant_below_who_paid_says_so():
    data = load_fixture(
        "withdrawal_application", "valid", "appeal_by_the_defendant_below_after_paying"
    )
    text = printed_copy("withdrawal_application", data)
    assert "上诉人（原审被告）：刘芳" in text
    assert "现上诉人已向被上诉人履行了付款义务，上诉人经慎重考虑，决定撤回上诉。" in text


def test_an_appellant_plaintiff_below_was_paid_by_the_appellee():
    data = copy.deepcopy(APPEAL)
    data["reason"], data["reason_detail"] = "performed", None
    text = printed_copy("withdrawal_application", data)
    assert "上诉人（原审原告）：刘芳" in text and "被上诉人（原审被告）：张伟" in text
    assert "现被上诉人已向上诉人履行了付款义务，上诉人经慎重考虑" in text


def test_an_appeals_number_at_a_basic_court_is_refused_at_the_court_once():
    result = _assess(_with(court="北京市东城区人民法院", case_number="（2026）京0101民终1234号"))
    (error,) = result.errors
    assert (error.loc, error.code) == (("court",), "appeal_at_a_basic_court")
    assert "北京市东城区人民法院是基层人民法院，不审理上诉案件" in error.message
    assert "第一百七十一条" in error.message
    assert error.hint is not None and "中级人民法院" in error.hint


@pytest.mark.parametrize(
    ("court", "number", "said"),
    [
        ("北京市高级人民法院", "（2026）京民终321号", "北京市东城区人民法院是基层人民法院"),
        ("上海市第一中级人民法院", "（2026）沪01民终321号", "且不在同一省、自治区、直辖市"),
    ],
)
def test_an_appeal_court_not_one_level_above_the_judgments_is_refused(court, number, said):
    result = _assess(_with(court=court, case_number=number))
    (error,) = result.errors
    assert (error.loc, error.code) == (("appeal", "judgment_court"), "appeal_court_not_above")
    assert f"{court}不是北京市东城区人民法院的上一级人民法院" in error.message
    assert said in error.message


def test_the_judgment_appealed_is_a_first_instance_one_of_a_named_court():
    data = copy.deepcopy(APPEAL)
    data["appeal"].update(judgment_court="东城法院", judgment_number="（2026）京02民终12号")
    result = _assess(data)
    assert [(e.loc, e.code) for e in result.errors] == [
        (("appeal", "judgment_court"), "not_a_court"),
        (("appeal", "judgment_number"), "case_number_proceeding"),
    ]


def test_appeal_facts_with_a_first_instance_number_are_refused():
    result = _assess(_with(court="北京市东城区人民法院", case_number="（2026）京0101民初9876号"))
    (error,) = result.errors
    assert (error.loc, error.code) == (("appeal",), "appeal_at_first_instance")


def test_the_summary_procedure_is_refused_for_an_appeal_and_not_warned_of_besides():
    result = _assess(_with(fee={"paid": "2664.99", "procedure": "summary"}))
    assert [(e.loc, e.code) for e in result.errors] == [
        (("fee", "procedure"), "appeal_summary_procedure")
    ]
    assert result.warnings == []


def test_a_first_instance_withdrawal_keeps_its_words():
    data = load_fixture("withdrawal_application", "valid", "performed_fee_paid_only")
    text = printed_copy("withdrawal_application", data)
    assert text.splitlines()[0] == "撤诉申请书"
    assert "申请人（原告）：刘芳" in text and "被告：张伟" in text
    assert "上诉" not in text


def test_the_form_offers_the_appeals_facts_as_an_optional_group():
    from docgen.web.formspec import form_spec

    spec = form_spec(TYPE.model.model_json_schema())
    (group,) = [node for node in spec["fields"] if node["name"] == "appeal"]
    assert group["optional"] is True
    # the appeal's facts serve the suit's withdrawal at second instance too
    assert group["title"] == "上诉信息（二审中撤回上诉或撤回起诉时填写）"
    assert "撤回上诉和二审中撤回起诉均须填写" in group["description"]
    fields = {node["name"]: node for node in group["fields"]}
    assert [fields["judgment_court"]["title"], fields["judgment_number"]["title"]] == [
        "一审法院",
        "一审案号",
    ]
    roles = [choice["title"] for choice in fields["applicant_role"]["choices"]]
    assert roles == ["原审原告", "原审被告"]


def test_a_sheet_with_the_groups_former_headers_is_still_read():
    from docgen.batch.columns import Layout

    layout = Layout.of(TYPE.model)
    headers = [
        "上诉信息（撤回上诉时填写）一审法院",  # the former title
        "上诉信息（二审中撤回上诉或撤回起诉时填写）一审案号",
    ]
    resolved = layout.resolve(headers)
    assert not resolved.unknown
    case, _ = resolved.record(["北京市东城区人民法院", "（2026）京0101民初9876号"])
    assert case["appeal"] == {
        "judgment_court": "北京市东城区人民法院",
        "judgment_number": "（2026）京0101民初9876号",
    }


def test_a_number_from_before_2016_tells_its_stage_too():
    older = _with(case_number="（2015）京二中民终字第1234号")
    assert [(e.loc, e.code) for e in _assess(older).errors] == []
    data = copy.deepcopy(older)
    del data["appeal"]
    assert [(e.loc, e.code) for e in _assess(data).errors] == [(("appeal",), "missing")]
