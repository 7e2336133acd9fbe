"""Spreadsheet columns come from the model: Chinese titles, English paths, labels."""

from __future__ import annotations

import pytest

from docgen.batch.columns import Layout
from docgen.batch.templates import flatten
from docgen.documents import registry
from tests.batch_support import person_case


@pytest.fixture(scope="module")
def layout() -> Layout:
    return Layout.of(registry.get("demand_letter").model)


def test_chinese_and_english_headers_name_the_same_field(layout):
    resolved = layout.resolve(["债务人姓名", "debtor.id_number", "债务人 联系电话"])
    assert not resolved.unknown
    case, _ = resolved.record(["张三", "110101198503151235", "13800138000"])
    assert case == {
        "debtor": {"name": "张三", "id_number": "110101198503151235", "phone": "13800138000"}
    }


def test_an_organisation_debtor_can_use_its_own_titles(layout):
    resolved = layout.resolve(["债务人名称", "债务人统一社会信用代码"])
    assert not resolved.unknown
    case, _ = resolved.record(["某某有限公司", "91440300MA5DABCD1K"])
    assert case["debtor"]["name"] == "某某有限公司"


def test_numbered_list_columns_build_list_items_and_skip_empty_slots(layout):
    resolved = layout.resolve(
        ["欠款金额欠款明细1金额（元）", "欠款金额欠款明细3金额（元）", "amounts.components[1].kind"]
    )
    assert not resolved.unknown
    case, _ = resolved.record(["100", "300", ""])
    assert case["amounts"]["components"] == [{"amount": "100"}, {"amount": "300"}]


def test_choice_labels_and_yes_no_become_model_values(layout):
    resolved = layout.resolve(["付款期限天数类型", "附回执", "付款期限付款期限（天数）"])
    case, _ = resolved.record(["工作日", "是", 7.0])
    assert case == {"deadline": {"kind": "working", "days": 7}, "include_receipt": True}


def test_unknown_headers_are_reported_not_guessed(layout):
    resolved = layout.resolve(["债务人姓名", "客户星座"])
    assert resolved.unknown == ["客户星座"]


def test_every_header_of_a_template_is_unique_and_maps_back(layout):
    for language in ("zh", "en"):
        headers, values = flatten(layout, person_case(1), language)
        assert len(set(headers)) == len(headers)
        resolved = layout.resolve(headers)
        assert not resolved.unknown
        case, _ = resolved.record(values)
        assert case["debtor"]["name"] == "张伟1"
        assert case["amounts"]["components"][2]["amount"] == "1409.50"


@pytest.mark.parametrize("type_name", [t.name for t in registry.all_types()])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_every_document_type_has_a_template_whose_sample_row_passes(
    service, tmp_path, runner, type_name, suffix
):
    from docgen.batch.readers import read_rows
    from docgen.cli import main

    out = tmp_path / f"sheet{suffix}"
    result = runner.invoke(main, ["batch", "template", type_name, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(read_rows(out))
    assert len(rows) == 2
    resolved = Layout.of(registry.get(type_name).model).resolve(rows[0].values)
    assert not resolved.unknown
    assert len(set(rows[0].values)) == len(rows[0].values)
    case, _ = resolved.record(rows[1].values)
    assert service.validate(type_name, case).ok


def test_a_wards_guardian_comes_from_its_own_columns_and_empty_cells_give_none(layout):
    headers = [
        "债务人姓名",
        "债务人法定代理人（监护人）姓名",
        "债务人法定代理人（监护人）与被监护人的关系",
    ]
    resolved = layout.resolve([*headers, "debtor.guardian.id_number"])
    assert not resolved.unknown
    case, _ = resolved.record(["张伟", "张建国", "父亲", "110105197803150016"])
    assert case["debtor"]["guardian"] == {
        "name": "张建国",
        "relation": "father",
        "id_number": "110105197803150016",
    }
    case, _ = resolved.record(["张伟", "", "", ""])
    assert case == {"debtor": {"name": "张伟"}}
