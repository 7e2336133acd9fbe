"""The evidence tables of the payment order (支付令申请书), the preservation application
(财产保全申请书) and the civil complaint (民事起诉状, both layouts) are set as the evidence
list's: 小五 (9 pt), their cells kept (a case number whole, no character alone on a cell's
last line), each column holding its usual entry on one line."""

from __future__ import annotations

import pytest

from docgen import layouts
from docgen.docmodel.blocks import Table
from docgen.docmodel.cells import holds, pieces
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.layouts import evidence_list
from docgen.layouts.payment_order import EVIDENCE_COLUMNS, evidence_table
from tests.support import load_fixture

CASE_NUMBER = "（2026）粤0304民初567号"


def _evidence(type_name: str, fixture: str) -> Table:
    doc_type = registry.get(type_name)
    case = doc_type.parse(load_fixture(type_name, "valid", fixture))
    context = doc_type.build_context(case, doc_type.evaluate(case, RuleOptions()))
    variant = doc_type.variant(case)
    document = layouts.get(layouts.name_for(type_name, variant)).build(context)
    (table,) = [
        b for b in document.blocks if isinstance(b, Table) and b.columns[1].header == "证据名称"
    ]
    return table


def _cell(table: Table, header: str, row: int) -> tuple[str, int]:
    k = [c.header for c in table.columns].index(header)
    return table.rows[row][k], table.columns[k].width


@pytest.mark.parametrize(
    ("type_name", "fixture"),
    [
        ("payment_order", "person_principal_and_interest"),
        ("payment_order", "evidence_by_name_and_no_position"),
        ("preservation_application", "in_suit_with_exhibits"),
        ("preservation_application", "exhibits_without_source_or_purpose"),
        ("civil_complaint", "narrative_guarantor"),
        ("civil_complaint", "elements_sale_every_item"),
    ],
)
def test_the_applications_evidence_is_set_as_the_evidence_lists(type_name, fixture):
    table = _evidence(type_name, fixture)
    assert table.kept is True
    assert table.size == evidence_list.TABLE_SIZE == 9.0
    assert sum(c.width for c in table.columns) == 100


def test_a_purposes_last_two_characters_go_together():
    """「证明被申请人于2026年10月8日书面确认欠款数额」 at 11 pt broke 「书 / 面」; in 9 pt it
    runs on two lines, its last line never one character alone."""
    table = _evidence("preservation_application", "in_suit_with_exhibits")
    value, width = _cell(table, "证明目的", 2)
    assert value == "证明被申请人于2026年10月8日书面确认欠款数额"
    assert pieces(value, width, table.size)[-1] == ("数额", True)


def test_a_case_number_in_an_evidences_name_is_kept_whole():
    table = evidence_table(
        [{"no": 1, "name": f"{CASE_NUMBER}民事判决书", "source": "法院出具", "purpose": ""}]
    )
    value, width = _cell(table, "证据名称", 0)
    assert (CASE_NUMBER, True) in pieces(value, width, table.size)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("序号", "10"),
        ("证据名称", CASE_NUMBER),
        ("证据名称", "《借款合同》及借条"),
        ("证据来源", "中国工商银行出具"),
        ("证明目的", "证明借款到期后申请人向被申请人催收"),
    ],
)
def test_each_column_holds_its_usual_entry_on_one_line(header, value):
    (column,) = [c for c in EVIDENCE_COLUMNS if c.header == header]
    assert holds(value, column.width, evidence_list.TABLE_SIZE)
