"""The bundle's evidence list names the case and the plaintiffs by role when they submit."""

from __future__ import annotations

from docgen import layouts
from docgen.bundle import layout
from docgen.bundle.model import BundleCase
from docgen.bundle.results import Placement, PreparedExhibit
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions


def _case(**changes) -> BundleCase:
    data = {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["刘芳", "王强"],
        "defendants": ["张伟"],
        "filing_date": "2026-11-20",
        "exhibits": [{"name": "借条", "source": "原告持有", "purpose": "证明借款事实"}],
    }
    return BundleCase.model_validate(data | changes)


def _header(case: BundleCase, warned: tuple[str, ...] = ()) -> list[str]:
    (facts,) = case.exhibits
    exhibit = PreparedExhibit(facts, "1-1", "pdf", 1, "0" * 64, b"", 2)
    data = layout.evidence_list_data(case, [exhibit], [Placement(5, 6, 7)])
    doc_type = registry.get("evidence_list")
    parsed = doc_type.parse(data)
    assessment = doc_type.evaluate(parsed, RuleOptions(calendar_fallback=True))
    assert [p.code for p in assessment.problems] == list(warned)
    words = paragraphs(
        layouts.LAYOUTS["evidence_list"].build(doc_type.build_context(parsed, assessment))
    )
    return words[1:4]


def test_the_plaintiffs_submit_by_role_under_the_case_caption():
    assert _header(_case()) == [
        "案号：＿＿＿＿＿＿＿＿",
        "案件名称：原告刘芳、王强诉被告张伟民间借贷纠纷一案",
        "提交人：原告刘芳、王强",
    ]


def test_a_party_typed_in_as_submitter_is_named_by_role_under_the_case_caption():
    assert _header(_case(submitter="刘芳")) == [
        "案号：＿＿＿＿＿＿＿＿",
        "案件名称：原告刘芳、王强诉被告张伟民间借贷纠纷一案",
        "提交人：原告刘芳",
    ]


def test_a_submitter_typed_in_who_is_no_party_is_named_as_typed_under_the_cause():
    # an agent or a third party: no role to print, and the list is warned of it
    warned = ("parties_missing", "role_missing")
    assert _header(_case(submitter="周明"), warned) == [
        "案号：＿＿＿＿＿＿＿＿",
        "案由：民间借贷纠纷",
        "提交人：周明",
    ]
