"""The shared blocks of the built-in layouts (docgen/layouts/common.py)."""

from __future__ import annotations

from docgen.docmodel.blocks import Document, NumberedItem, Table, paragraphs
from docgen.layouts.common import calculation_annex, sign_block

NOTE = (
    "以100,000.00元为基数，按年利率4.5%，自2026年1月11日起至2026年10月31日止，共294天："
    "100,000.00元×4.5%×294÷365=3,624.66元"
)
UNVERIFIED = "（参考表所载LPR仅核实至2026年1月20日，此后按最近一期LPR计算，须按实际公布的LPR核实）"
SHEET = {
    "title": "逾期利息",
    "rate": "一年期LPR的1.5倍",
    "day_count": "365",
    "rows": [
        {
            "period": "2026年1月11日至2026年10月31日",
            "days": "294",
            "base": "100,000.00",
            "rate": "4.5%",
            "amount": "3,624.66",
        }
    ],
    "total": "3,624.66",
    "notes": [NOTE + UNVERIFIED],
}


def test_the_calculation_sheet_prints_the_computation_without_the_lpr_table_remark():
    # whether the reference table was verified is the operator's concern (a warning
    # when the case is checked), not the debtor's
    words = paragraphs(Document("催款函", "", calculation_annex([SHEET])))
    assert words[0] == "附：计算明细"
    assert words[1] == "1. 逾期利息（一年期LPR的1.5倍，每年按365天计）"
    assert NOTE in words
    assert not any("仅核实至" in word for word in words)


def test_each_sheet_is_a_numbered_item_of_one_list_with_its_table_and_total():
    blocks = calculation_annex([SHEET, {**SHEET, "title": "借期内利息"}])
    items = [b for b in blocks if isinstance(b, NumberedItem)]
    assert [(i.number, i.list_id) for i in items] == [(1, "calculations"), (2, "calculations")]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.total for t in tables] == [("合计", "3,624.66")] * 2
    assert calculation_annex([]) == ()


def test_a_person_signs_with_a_fingerprint_and_an_organisation_seals():
    person = sign_block(
        {"role": "债务人", "name": "张伟", "kind": "person", "sign_label": "签字并按手印"}
    )
    assert person.lines() == (
        "债务人：张伟",
        "签字并按手印：＿＿＿＿＿＿＿＿",
        "指印",
        "日期：＿＿＿＿年＿＿月＿＿日",
    )
    company = sign_block(
        {
            "role": "甲方",
            "name": "某某公司",
            "kind": "organization",
            "sign_label": "盖章",
            "representative_title": "法定代表人",
        }
    )
    assert company.lines()[2] == "法定代表人签字：＿＿＿＿＿＿"
