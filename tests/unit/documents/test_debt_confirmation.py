"""The debt confirmation's rules and words: the plan pays the total, the signature blocks."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

DOC = registry.get("debt_confirmation")
PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")


def _context(data):
    case = DOC.parse(data)
    return DOC.build_context(case, DOC.assess(case, RuleOptions()))


def _errors(data):
    return DOC.assess(DOC.parse(data), RuleOptions()).errors


def test_plan_total_mismatch_states_both_figures_and_the_difference():
    data = copy.deepcopy(PLAN)
    data["repayment_plan"][2]["amount"] = "27416.00"
    (problem,) = _errors(data)
    assert problem.code == "plan_total_mismatch"
    assert "107,416.00" in problem.message and "107,416.64" in problem.message
    assert "0.64" in problem.message


def test_signers_differ_for_a_person_and_an_organisation():
    signers = _context(PLAN)["signers"]
    assert [(s["role"], s["kind"], s["sign_label"]) for s in signers] == [
        ("甲方（债权人）", "organization", "盖章"),
        ("乙方（债务人）", "person", "签字并按手印"),
    ]
    both_orgs = _context(AT_ONCE)["signers"]
    assert [s["sign_label"] for s in both_orgs] == ["盖章", "盖章"]


def test_paying_at_once_is_stated_and_no_plan_table_is_made():
    context = _context(AT_ONCE)
    assert context["plan"] == []
    assert context["plan_intro"] == "乙方承诺于2026年10月31日前一次性向甲方清偿上述全部债务。"


def test_a_confirmation_shows_full_identity_numbers():
    lines = {line["label"]: line["value"] for line in _context(PLAN)["debtor"]["lines"]}
    assert lines["居民身份证号码"] == "110101198503151235"


def test_rendered_pdf_has_the_no_dispute_clause_plan_and_fingerprint_box(service):
    from tests.support import normalize, pdf_pages_text

    pdf = service.render("debt_confirmation", PLAN, "pdf").content
    text = normalize("".join(pdf_pages_text(pdf)))
    assert "乙方确认上述债务真实、合法、有效，乙方对上述债务无任何异议。" in text
    assert "32027年2月28日27,416.64" in text
    assert "乙方（债务人）：张伟签字并按手印：＿＿＿＿＿＿＿＿指印" in text
    assert "甲方（债权人）：深圳市恒信商贸有限公司盖章：＿＿＿＿＿＿＿＿法定代表人签字" in text
