"""Lists in a sheet: plain values share one cell, lists inside numbered lists get no columns."""

from __future__ import annotations

from docgen.batch.columns import Layout
from docgen.documents import registry


def test_a_list_of_choices_is_one_cell_read_by_its_chinese_labels():
    layout = Layout.of(registry.get("preservation_application").model)
    resolved = layout.resolve(["保全措施"])
    case, _ = resolved.record(["查封、冻结"])
    assert case["measures"] == ["seal", "freeze"]


def test_agents_of_each_plaintiff_have_no_columns_and_every_header_maps_back():
    layout = Layout.of(registry.get("civil_complaint").model)
    headers = [header for header, _, _ in layout.template_headers()]
    assert not any("委托诉讼代理人" in h for h in headers)
    assert not layout.resolve(headers).unknown
