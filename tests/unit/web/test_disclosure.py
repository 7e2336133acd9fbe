"""What the form shows at once, after a choice, or behind 更多信息; typed dates; profiles."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from docgen.documents import registry
from docgen.domain.disclosure import field_hints
from docgen.profiles.model import SenderProfile
from docgen.web.formdates import normalize_dates, parse_typed_date
from docgen.web.formspec import Node, form_spec
from docgen.web.prefill import prefill
from docgen.web.sample_titles import sample_titles
from tests.support import FIXTURES, fixture_cases


def _spec(type_name: str) -> Node:
    doc_type = registry.get(type_name)
    return form_spec(doc_type.json_schema(), doc_type.title)


def _field(node: Node, *path: str) -> Node:
    for name in path:
        fields = node.get("fields") or [f for o in node["options"] for f in o["fields"]]
        node = next(f for f in fields if f["name"] == name)
    return node


def _option(node: Node, value: str) -> Node:
    return next(o for o in node["options"] if o["value"] == value)


def test_rarely_needed_person_fields_are_advanced_and_the_needed_ones_are_not() -> None:
    debtor = _field(_spec("demand_letter"), "debtor")
    person = {f["name"]: f for f in _option(debtor, "person")["fields"]}
    for rare in ("ethnicity", "habitual_residence", "employer", "position", "birth_date"):
        assert person[rare].get("advanced") is True, rare
    for needed in ("name", "sex", "id_number", "address"):
        assert "advanced" not in person[needed], needed


def test_a_required_field_is_never_hidden_behind_more_information() -> None:
    def walk(node: Node) -> list[Node]:
        found = [node]
        for child in node.get("fields", []):
            found += walk(child)
        for option in node.get("options", []):
            for child in option["fields"]:
                found += walk(child)
        if node["kind"] == "array":
            found += walk(node["item"])
        return found

    for doc_type in registry.all_types():
        for node in walk(_spec(doc_type.name)):
            assert not (node.get("advanced") and node.get("required")), (doc_type.name, node)


def test_the_arbitration_body_follows_the_choice_of_arbitration() -> None:
    for type_name in ("demand_letter", "lawyer_letter"):
        node = _field(_spec(type_name), "arbitration_body")
        assert node["shown_when"] == {"field": "next_step", "in": ["arbitration"]}
    jurisdiction = _field(_spec("installment_agreement"), "jurisdiction")
    court = _field(jurisdiction, "court")
    assert court["shown_when"] == {"field": "kind", "in": ["court"]}


def test_the_profile_id_is_set_by_the_picker_not_typed() -> None:
    assert _field(_spec("demand_letter"), "sender_profile_id")["picker"] == "profile"
    assert _field(_spec("lawyer_letter"), "sender_profile_id")["picker"] == "profile"


def test_the_json_schema_of_the_api_carries_the_declaration() -> None:
    hints = field_hints(registry.get("demand_letter").json_schema())
    assert hints[("debtor", "ethnicity")] == {"x-advanced": True}
    assert hints[("guarantors", "*", "employer")] == {"x-advanced": True}
    assert hints[("arbitration_body",)] == {
        "x-shown-when": {"field": "next_step", "in": ["arbitration"]}
    }
    assert ("debtor", "name") not in hints


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("2026-03-05", (2026, 3, 5)),
        ("2026/3/5", (2026, 3, 5)),
        ("2026年3月5日", (2026, 3, 5)),
        (" 2026 年 3 月 5 日 ", (2026, 3, 5)),
        ("2026.3.5", (2026, 3, 5)),
        ("2026年3月5号", (2026, 3, 5)),
        ("20260305", (2026, 3, 5)),
        ("2026035", None),
        ("0635-02-02", (635, 2, 2)),
        ("3/5/2026", None),
        ("下周一", None),
    ],
)
def test_dates_are_read_as_people_type_them(typed: str, parts: Any) -> None:
    assert parse_typed_date(typed) == parts


def test_typed_dates_become_iso_and_a_year_out_of_range_is_an_error_on_its_field() -> None:
    case: dict[str, Any] = {
        "letter_date": "2026年11月20日",
        "contract": {"signed_on": "0635-02-02", "due_date": "2026/1/10"},
        "amounts": {"as_of": "2026-02-30", "components": [{"as_of": "2101/1/1"}]},
    }
    problems = normalize_dates(_spec("demand_letter"), case)
    assert case["letter_date"] == "2026-11-20"
    assert case["contract"]["due_date"] == "2026-01-10"
    assert case["amounts"]["as_of"] == "2026-02-30"  # no such day: left for the model
    assert [(p.loc, p.code) for p in problems] == [
        (("contract", "signed_on"), "date_year_out_of_range"),
        (("amounts", "components", 0, "as_of"), "date_year_out_of_range"),
    ]
    assert "年份 635 不在 1900—2100 年之间" in problems[0].message
    assert normalize_dates(_spec("demand_letter"), {"letter_date": "1900-01-01"}) == []


CREDITOR = {
    "name": "深圳市恒信商贸有限公司",
    "kind": "creditor",
    "uscc": "91440300MA5DABCD1K",
    "address": "广东省深圳市福田区福华三路88号",
    "legal_representative": "陈建国",
    "signatory": "陈建国",
    "signatory_title": "法定代表人",
    "contact_person": "李静",
    "phone": "0755-83216688",
    "bank_account": {
        "account_name": "深圳市恒信商贸有限公司",
        "bank": "工行",
        "account_number": "4000021009100123456",
    },
}


def test_a_creditor_profile_fills_the_whole_creditor_the_signatory_and_the_contact() -> None:
    profile = SenderProfile.model_validate(CREDITOR).model_dump(mode="json", exclude_none=True)
    merges = {tuple(m["path"]): m["values"] for m in prefill(_spec("demand_letter"), profile, 4)}
    assert merges[("creditor",)] == {
        "kind": "organization",
        "name": "深圳市恒信商贸有限公司",
        "uscc": "91440300MA5DABCD1K",
        "address": "广东省深圳市福田区福华三路88号",
        "legal_representative": "陈建国",
        "phone": "0755-83216688",
    }
    assert merges[("signatory",)] == {"name": "陈建国", "title": "法定代表人"}
    assert merges[("contact",)]["person"] == "李静"
    assert merges[()] == {"sender_profile_id": 4}


def test_a_profile_with_a_wrong_uscc_check_character_is_refused_on_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        SenderProfile.model_validate(dict(CREDITOR, uscc="91440300MA5DABCD1X"))
    assert [e["loc"] for e in caught.value.errors()] == [("uscc",)]
    assert "校验位" in caught.value.errors()[0]["msg"]


def test_every_sample_case_has_a_chinese_name_beside_it() -> None:
    """fixtures/<type>/titles.json names each valid fixture of the type, and no other."""
    named: dict[str, set[str]] = {}
    for case in fixture_cases("valid"):
        named.setdefault(case.type_name, set()).add(case.name)
    for type_name, stems in named.items():
        titles = sample_titles(FIXTURES / type_name)
        assert set(titles) == stems, type_name
        assert all(title and title != stem for stem, title in titles.items())
    assert sample_titles(FIXTURES / "demand_letter")["person_debtor"] == "自然人债务人（民间借贷）"
    assert sample_titles(FIXTURES / "no_such_type") == {}


def test_the_batch_template_puts_the_rarely_needed_columns_last(tmp_path, service) -> None:
    import csv

    from docgen.batch.templates import write_template

    path = tmp_path / "demand_letter.csv"
    write_template(service, "demand_letter", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        headers = next(csv.reader(handle))
    assert headers.index("债务人姓名") < headers.index("债务人民族")
    assert headers.index("欠款金额欠款明细1金额（元）") < headers.index("债务人民族")
    assert headers.index("发函日期") < headers.index("函件编号")
