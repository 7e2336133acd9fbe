"""The evidence list closes as a filing does: the submitter signs or seals, with the date."""

from __future__ import annotations

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture


def test_the_submitter_signs_or_seals_beside_the_name_above_the_date():
    doc_type = registry.get("evidence_list")
    case = doc_type.parse(load_fixture("evidence_list", "valid", "loan_case"))
    context = doc_type.build_context(case, doc_type.evaluate(case, RuleOptions()))
    words = paragraphs(layouts.LAYOUTS["evidence_list"].build(context))
    signed = words.index(f"提交人（签名或盖章）：{case.submitter}")
    assert words[signed + 1] == context["submit_date"]
    assert words[signed - 1] == context["court"]  # after 此致 and the court
