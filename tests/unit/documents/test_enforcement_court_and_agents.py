"""The application for enforcement checks who may act for the applicant as every other
filing does (民事诉讼法 art. 61: standing_papers), and compares the court with the
first-instance court by the names the case tells (court_names)."""

from __future__ import annotations

from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import fixture as _fixture
from tests.support import printed_copy

BEIJING = "北京市朝阳区人民法院"


def test_another_company_s_employee_may_not_act_for_the_applicant():
    result = _assess(_fixture("agent_employed_by_another_company", "invalid"))
    (error,) = result.errors
    assert (error.loc, error.code) == (
        ("applicants", 0, "agents", 1, "standing"),
        "agent_without_standing",
    )
    assert error.message.startswith("委托代理人陈静是「北京恒通投资管理有限公司」的法务专员")
    assert "第八十六条" in error.message and "第六十一条" in error.message


def test_a_relative_with_the_standing_typed_acts_and_the_attachments_prove_it():
    data = _fixture("judgment_agent_a_relative")
    assert _assess(data).problems == []
    text = printed_copy("enforcement_application", data)
    assert "委托代理人刘强的身份证件复印件及其与申请执行人刘芳有近亲属关系的证明材料" in text


def test_an_agent_whose_standing_cannot_be_read_is_warned_of():
    data = _fixture("judgment_agent_a_relative")
    del data["applicants"][0]["agents"][1]["standing"]
    data["applicants"][0]["agents"][1]["firm"] = "个人"
    codes = [(w.loc, w.code) for w in _assess(data).warnings]
    assert codes == [(("applicants", 0, "agents", 1, "standing"), "agent_standing_unknown")]


def test_a_court_typed_short_is_the_first_instance_court_the_number_tells():
    data = _fixture("judgment_first_instance_court_typed_short")
    assert (data["court"], data["title"]["issuer"]) == ("朝阳区人民法院", BEIJING)
    result = _assess(data)
    assert result.errors == []
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (("court",), "court_name_from_case_number")
    assert f"此致\n{BEIJING}\n" in printed_copy("enforcement_application", data)


def test_an_issuer_typed_short_is_the_court_typed_in_full():
    data = _fixture("judgment_first_instance_court_typed_short")
    data["court"], data["title"]["issuer"] = BEIJING, "朝阳区人民法院"
    assert _assess(data).errors == []


def test_a_short_name_the_number_cannot_tell_is_not_taken_for_the_full_one():
    data = _fixture("judgment_first_instance_court_typed_short")
    # 长春's 朝阳区 court's number: the application names 北京's court
    data["title"].update(issuer="朝阳区人民法院", case_number="（2025）吉0104民初1234号")
    data["court"] = BEIJING
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("court",), "not_the_first_instance_court")
    assert error.message.startswith(
        "按第一审人民法院申请执行的，执行法院应为吉林省长春市朝阳区人民法院"
    )
