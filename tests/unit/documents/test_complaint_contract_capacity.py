"""A loan contract signed after a court found the defendant without full capacity: void
when found 无民事行为能力 (民法典 arts. 21, 144: an error unless the guardian made it),
pending ratification when found 限制民事行为能力 (arts. 22, 145: a warning), each naming
art. 157's restitution as the claim left; a finding after the contract says nothing of it."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
CODE = "contract_after_incapacity_finding"
VOID = load_fixture("civil_complaint", "invalid", "contract_signed_after_incapacity_finding")
LIMITED = load_fixture("civil_complaint", "valid", "contract_signed_after_limited_capacity_finding")
BY_GUARDIAN = load_fixture(
    "civil_complaint", "valid", "contract_made_by_the_guardian_after_the_finding"
)
LATER = load_fixture("civil_complaint", "valid", "defendant_with_guardian")


def _found(data: dict):
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    found = [p for p in problems if p.code == CODE]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_contract_signed_after_the_finding_of_no_capacity_is_an_error_on_its_date():
    problem = _found(VOID)
    assert problem.severity == "error"
    assert problem.loc == ("defendants", 0, "capacity_found_on")
    assert problem.message.startswith(
        "被告张伟于2024年6月3日经人民法院认定为无民事行为能力人，早于《借款合同》的签订日期"
        "（2025年1月10日）"
    )
    for article in ("第二十一条", "第一百四十四条", "第一百五十七条", "第六百八十二条第一款"):
        assert article in problem.message
    assert "请求履行该合同（偿还借款、支付利息和违约金）缺乏依据" in problem.message
    assert "由法定代理人代理订立" in (problem.hint or "")


def test_consent_or_ratification_does_not_cure_a_contract_made_without_capacity():
    data = copy.deepcopy(VOID)
    data["defendants"][0]["contract_assent"] = "ratification"
    problem = _found(data)
    assert problem.severity == "error"
    assert "法定代理人的同意或者追认不能使其有效" in problem.message


def test_a_contract_the_guardian_made_binds_and_the_facts_say_so():
    assert _found(BY_GUARDIAN) is None
    printed = printed_copy("civil_complaint", BY_GUARDIAN)
    assert "《借款合同》由其法定代理人王丽代理订立。" in printed


def test_limited_capacity_is_warned_until_consent_or_ratification_is_stated():
    problem = _found(LIMITED)
    assert problem.severity == "warning"
    assert problem.loc == ("defendants", 0, "capacity_found_on")
    for article in ("第二十二条", "第一百四十五条", "第一百五十七条"):
        assert article in problem.message
    assert "三十日内予以追认" in problem.message
    data = copy.deepcopy(LIMITED)
    data["defendants"][0]["contract_assent"] = "ratification"
    assert _found(data) is None
    assert "其订立的《借款合同》已经其法定代理人王丽追认。" in printed_copy("civil_complaint", data)


def test_a_finding_on_the_signing_day_is_only_warned():
    data = copy.deepcopy(VOID)
    data["defendants"][0]["capacity_found_on"] = "2025-01-10"
    problem = _found(data)
    assert problem.severity == "warning"
    assert "签订当日经人民法院认定为无民事行为能力人，无法确定认定与签约的先后" in problem.message


def test_a_finding_after_the_contract_is_not_warned_nor_is_any_assent_printed():
    assert _found(LATER) is None
    data = copy.deepcopy(LATER)
    data["defendants"][0]["contract_assent"] = "represented"
    assert _found(data) is None
    assert "代理订立" not in printed_copy("civil_complaint", data)


# --- the legal basis cites what binds the ward (民法典 arts. 21–23, 145) ------------------

CODE_BASIS = "根据《中华人民共和国民法典》"


def _basis(data: dict) -> str:
    printed = printed_copy("civil_complaint", data)
    return next(line for line in printed.splitlines() if CODE_BASIS in line)


def test_a_contract_the_guardian_made_for_a_person_without_capacity_cites_arts_21_and_23():
    assert f"{CODE_BASIS}第二十一条、第二十三条、第六百六十七条、" in _basis(BY_GUARDIAN)


def test_a_limited_capacity_persons_contract_cites_art_22_and_its_ratification_art_145():
    data = copy.deepcopy(LIMITED)
    data["defendants"][0]["contract_assent"] = "represented"
    assert f"{CODE_BASIS}第二十二条、第二十三条、第六百六十七条、" in _basis(data)
    for assent in ("consent", "ratification"):
        data["defendants"][0]["contract_assent"] = assent
        basis = _basis(data)
        assert f"{CODE_BASIS}第二十二条、第二十三条、第一百四十五条、第六百六十七条、" in basis


def test_no_capacity_article_is_cited_where_nothing_binds_the_ward_by_the_guardian():
    # warned: no assent stated; and a finding after the contract, whatever the assent
    later = copy.deepcopy(LATER)
    later["defendants"][0]["contract_assent"] = "represented"
    for data in (LIMITED, later):
        assert f"{CODE_BASIS}第六百六十七条、" in _basis(data)
        assert "第二十三条" not in _basis(data)
