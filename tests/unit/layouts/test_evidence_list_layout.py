"""The evidence list closes as a filing does: the submitter signs or seals, with the date."""

from __future__ import annotations

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture


def test_an_organisation_seals_and_its_signatory_signs_on_a_line_above_the_date():
    doc_type = registry.get("evidence_list")
    case = doc_type.parse(load_fixture("evidence_list", "valid", "loan_case"))
    context = doc_type.build_context(case, doc_type.evaluate(case, RuleOptions()))
    words = paragraphs(layouts.LAYOUTS["evidence_list"].build(context))
    sealed = words.index(f"提交人：{case.submitter}（盖章）")
    assert words[sealed + 1] == "法定代表人或委托诉讼代理人（签名）＿＿＿＿＿＿＿＿"
    assert words[sealed + 2] == context["submit_date"]
    assert words[sealed - 1] == context["court"]  # after 此致 and the court
    # the name is typed once in the signing part, beside the seal, not on the line
    assert f"（签名或者盖章）：{case.submitter}" not in words
