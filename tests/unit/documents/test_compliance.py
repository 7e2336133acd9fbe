"""The compliance check: unlawful wording is an error quoting the phrase, on its field."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.documents import compliance
from docgen.documents.compliance import ComplianceTermsError, load_terms, parse_terms
from docgen.services import DocumentService
from tests.support import fixture_cases, load_fixture

LETTER = load_fixture("demand_letter", "valid", "person_debtor")


def _letter_with_summary(summary: str) -> dict:
    data = copy.deepcopy(LETTER)
    data["contract"]["summary"] = summary
    return data


def _errors(service: DocumentService, data: dict) -> list:
    return [p for p in service.validate("demand_letter", data).problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("如不还款后果自负", "compliance_threat"),
        ("你这个老赖", "compliance_insult"),
        ("本函即为传票", "compliance_impersonation"),
        ("公安机关已经立案侦查", "compliance_impersonation"),
        ("我们将通知你的单位", "compliance_disclosure"),
        ("将在朋友圈曝光", "compliance_disclosure"),
        ("等着坐牢吧", "compliance_threat"),
    ],
)
def test_unlawful_phrase_is_an_error_on_the_field_that_quotes_it(service, phrase, code):
    errors = _errors(service, _letter_with_summary(f"借款已到期。{phrase}。"))
    found = [e for e in errors if e.code == code]
    assert found, errors
    assert found[0].loc == ("contract", "summary")
    assert "「" in found[0].message and "依法不得使用" in found[0].message


def test_spacing_inside_a_phrase_does_not_hide_it(service):
    errors = _errors(service, _letter_with_summary("本函视同 传 · 票"))
    assert [e.code for e in errors] == ["compliance_impersonation"]
    assert "「传票」" in errors[0].message


def test_lawful_wording_of_every_valid_fixture_passes(service):
    for case in fixture_cases("valid"):
        codes = [p.code for p in service.validate(case.type_name, case.data).problems]
        assert not [c for c in codes if c.startswith("compliance_")], case


def test_lawful_consequence_wording_is_not_flagged():
    terms = load_terms()
    text = (
        "如贵方逾期仍未履行付款义务，我方将依法向有管辖权的人民法院提起诉讼，"
        "并要求贵方承担诉讼费、保全费等费用。请与我方联系人李静联系。"
    )
    assert terms.scan(text) == []


def test_phrase_in_the_printed_words_is_reported_on_the_document():
    terms = load_terms()
    context = {"facts": "我方将派人上门催收", "debtor": {"name": "张三"}}
    problems = compliance.check_words(context, terms)
    assert [(p.loc, p.code) for p in problems] == [((), "compliance_visit")]
    assert "「派人上门催收」" in problems[0].message


def test_phrase_already_reported_on_a_field_is_not_repeated_for_the_document():
    terms = load_terms()
    field_problems = compliance.check_case({"note": "老赖"}, terms)
    assert compliance.check_words({"facts": "老赖"}, terms, field_problems) == []


def test_render_refuses_unlawful_wording_through_the_api(client):
    response = client.post(
        "/api/v1/documents/demand_letter?format=pdf", json=_letter_with_summary("后果自负")
    )
    assert response.status_code == 422
    # the errors, not the sample's warnings (its 违约金 states no rate: letter_penalty)
    (problem,) = [p for p in response.get_json() if p.get("severity", "error") == "error"]
    assert problem["loc"] == ["contract", "summary"]
    assert "「后果自负」" in problem["message"]


def test_operator_terms_file_extends_the_list(tmp_path: Path):
    extra = tmp_path / "terms.csv"
    extra.write_text("category,pattern,match,note\ninsult,赖皮,literal,侮辱性称呼\n", "utf-8")
    service = DocumentService(Settings(data_dir=tmp_path, compliance_terms_file=extra))
    errors = _errors(service, _letter_with_summary("你真赖皮"))
    assert [(e.loc, e.code) for e in errors] == [(("contract", "summary"), "compliance_insult")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("word,category\n", "表头"),
        ("category,pattern,match,note\nrude,x,literal,\n", "第2行：未知类别"),
        ("category,pattern,match,note\nthreat,(,regex,\n", "第2行：正则表达式无效"),
        ("category,pattern,match,note\nthreat,x,glob,\n", "第2行：match"),
    ],
)
def test_malformed_terms_file_names_the_line(content, message):
    with pytest.raises(ComplianceTermsError, match=message):
        parse_terms(content, "terms.csv")


# --- categories, each naming its rule and a lawful alternative -----------------------


@pytest.mark.parametrize(
    ("phrase", "code", "rule"),
    [
        ("我们会到单位找领导", "compliance_visit", "第一千零三十三条"),
        ("近期将上门拜访", "compliance_visit", "第一千零三十三条"),
        ("我们将通知家人和紧急联系人", "compliance_disclosure", "个人信息保护法"),
        ("并通知你的单位", "compliance_disclosure", "个人信息保护法"),
        ("将你纳入失信被执行人名单", "compliance_court_power", "失信被执行人名单"),
        ("申请限制高消费", "compliance_court_power", "限制被执行人高消费"),
        ("我方将上报征信", "compliance_credit_report", "征信业管理条例"),
        ("你已涉嫌诈骗", "compliance_criminal", "第一千零二十四条"),
        ("小心构成拒执罪", "compliance_criminal", "第一千零二十四条"),
        ("法院将冻结你的账户", "compliance_false_court", "第一百零三条"),
        ("你这个老賴", "compliance_insult", "第一千零二十四条"),  # traditional 賴
        ("真是個騙子", "compliance_insult", "第一千零二十四条"),
    ],
)
def test_each_category_names_its_rule_and_a_lawful_alternative(service, phrase, code, rule):
    errors = _errors(service, _letter_with_summary(f"借款已到期。{phrase}。"))
    (found,) = [e for e in errors if e.code == code]
    assert found.loc == ("contract", "summary")
    assert rule in found.message
    assert "可改为：" in found.message and found.hint


@pytest.mark.parametrize(
    "variant",
    ["老 赖", "老\u3000赖", "老·赖", "老賴", "法 院 将 冻 结"],
)
def test_variants_are_matched(variant):
    assert load_terms().scan(variant)


def test_full_width_letters_are_matched_as_ascii():
    terms = parse_terms("category,pattern,match,note\ninsult,sb,literal,\n", "t.csv")
    assert [f.phrase for f in compliance.Terms(terms).scan("你个ＳＢ")] == ["sb"]


@pytest.mark.parametrize(
    "creditor", ["深圳市绿源废物回收处置有限公司", "北京市洁城垃圾清运有限公司"]
)
def test_a_creditors_honest_name_is_not_an_insult(service, creditor):
    data = copy.deepcopy(LETTER)
    data["creditor"]["name"] = creditor
    data["payment_account"]["account_name"] = creditor
    data["contract"]["summary"] = f"{creditor}已于2025年1月10日向您出借人民币100,000元"
    problems = service.validate("demand_letter", data).problems
    assert not [p for p in problems if p.code.startswith("compliance_")], problems


@pytest.mark.parametrize("kind", ["financial_loan", "credit_card"])
def test_a_lender_may_say_it_reports_to_the_credit_database(service, kind):
    data = _letter_with_summary("逾期记录将依法报送金融信用信息基础数据库，上报征信")
    assert [e.code for e in _errors(service, data)] == ["compliance_credit_report"]
    data["contract"]["kind"] = kind
    assert _errors(service, data) == []


def test_every_phrase_list_row_has_a_known_category_and_compiles():
    terms = load_terms()
    assert {t.category for t in terms.terms} == set(compliance.RULES)


def test_an_exhibits_name_is_wording_and_is_linted():
    problems = compliance.check_case({"evidence": [{"name": "老赖的欠条"}]}, load_terms())
    assert [(p.loc, p.code) for p in problems] == [(("evidence", 0, "name"), "compliance_insult")]
