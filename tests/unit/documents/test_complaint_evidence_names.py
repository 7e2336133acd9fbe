"""Evidence named otherwise than the contract or guarantee the facts rely on is warned of
at the evidence item."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
EVERYDAY = load_fixture("civil_complaint", "valid", "narrative_evidence_in_everyday_names")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
CARD = load_fixture("civil_complaint", "valid", "elements_credit_card_every_item")
DOC = registry.get("civil_complaint")


def _named_otherwise(data: dict) -> dict:
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    return {p.loc: p for p in assessment.problems if p.code == "evidence_named_otherwise"}


def test_an_iou_and_a_guarantee_letter_beside_a_contract_and_a_guarantee_contract_are_warned_of():
    warned = _named_otherwise(EVERYDAY)
    assert set(warned) == {("evidence", 0, "name"), ("evidence", 2, "name")}
    contract = warned[("evidence", 0, "name")]
    assert contract.severity == "warning"
    assert contract.message.startswith(
        "事实与理由写明《借款合同》（编号：LF-2025-003），证据列明的是「借条原件」"
    )
    assert "第一百二十四条第四项" in contract.message and "第十九条" in contract.message
    assert "「《借款合同》（编号：LF-2025-003）原件」" in (contract.hint or "")
    assert "事实与理由写明《保证合同》，证据列明的是「被告李秀英出具的担保函」" in (
        warned[("evidence", 2, "name")].message
    )


def test_evidence_that_names_the_documents_is_not_warned_of():
    assert _named_otherwise(GUARANTOR) == {}
    assert _named_otherwise(CARD) == {}  # 领用合约 files 《沪江银行信用卡领用合约》
    both = copy.deepcopy(EVERYDAY)
    both["evidence"][0]["name"] = "《借款合同》原件及借条"
    both["evidence"][2]["name"] = "《保证合同》"
    assert _named_otherwise(both) == {}
