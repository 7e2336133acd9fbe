"""One record per exhibit: an exhibit the bundle's civil complaint lists takes the
complaint's source and purpose (docgen/bundle/complaint_evidence.py); the printed
evidence list and separators are in tests/integration/test_bundle_papers.py."""

from __future__ import annotations

import copy

from docgen.bundle.complaint_evidence import one_record
from docgen.bundle.model import BundleCase
from tests.bundle_cases import COMPLAINT, bundle_case


def _described(case: dict) -> tuple[BundleCase, dict]:
    described, problems = one_record(BundleCase.model_validate(case))
    return described, {(p.loc, p.code): p for p in problems}


def test_an_exhibit_left_undescribed_is_described_as_the_complaint_lists_it():
    described, problems = _described(bundle_case())
    assert problems == {}
    for exhibit, item in zip(described.exhibits, COMPLAINT["evidence"], strict=True):
        assert (exhibit.name, exhibit.source, exhibit.purpose) == (
            item["name"],
            item["source"],
            item["purpose"],
        )


def test_the_complaints_words_typed_again_or_an_exhibit_it_does_not_list_are_no_error():
    case = bundle_case()
    purpose = COMPLAINT["evidence"][2]["purpose"]
    case["exhibits"][2] |= {"source": " 中国工商银行", "purpose": purpose}
    case["exhibits"].append(
        {"name": "营业执照", "source": "原告持有", "purpose": "证明原告的主体资格", "file": "x.pdf"}
    )
    described, problems = _described(case)
    assert problems == {}
    assert described.exhibits[-1].source == "原告持有"


def test_without_a_complaint_an_exhibits_source_and_purpose_are_required():
    case = bundle_case(complaint=None)
    case["exhibits"][1]["source"] = "原告持有"
    _, problems = _described(case)
    assert set(problems) == {
        *((("exhibits", k, "source"), "missing") for k in (0, 2, 3, 4)),
        *((("exhibits", k, "purpose"), "missing") for k in range(5)),
    }
    assert problems[(("exhibits", 0, "source"), "missing")].message == "必填项，请填写证据来源"


def test_the_complaints_data_is_left_alone():
    case = bundle_case()
    before = copy.deepcopy(case)
    _described(case)
    assert case == before
