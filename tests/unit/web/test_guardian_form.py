"""The guardian (法定代理人) in the paralegal form and the OpenAPI document: its fields are
drawn under the person, behind 「更多信息」, and its problems land beside them."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.documents import registry
from docgen.web.formspec import field_path, form_spec


def _person_fields(type_name: str, party: str) -> dict[str, Any]:
    spec = form_spec(registry.get(type_name).json_schema(), "")
    union = next(node for node in spec["fields"] if node["name"] == party)
    person = next(option for option in union["options"] if option["value"] == "person")
    return {node["name"]: node for node in person["fields"]}


def test_the_person_block_has_the_guardian_group_behind_more_information():
    fields = _person_fields("demand_letter", "debtor")
    guardian = fields["guardian"]
    assert guardian["title"] == "法定代理人（监护人）" and guardian["advanced"] is True
    assert guardian["required"] is False and guardian["optional"] is True
    inner = {node["name"]: node for node in guardian["fields"]}
    assert [c["title"] for c in inner["relation"]["choices"]] == [
        "父亲",
        "母亲",
        "配偶",
        "子女",
        "其他监护人",
        "组织（民政部门、居委会、村委会等）",
    ]
    assert inner["relation_text"]["shown_when"] == {"field": "relation", "in": ["other"]}
    assert fields["own_income"]["widget"] == "checkbox"


def test_an_organisation_guardians_fields_are_drawn_only_for_an_organisation():
    guardian = _person_fields("demand_letter", "debtor")["guardian"]
    inner = {node["name"]: node for node in guardian["fields"]}
    assert inner["name"]["title"] == "姓名或名称"
    organisation = {"field": "relation", "in": ["organization"]}
    for name in ("uscc", "representative", "representative_title", "basis"):
        assert inner[name]["shown_when"] == organisation, name
    assert [c["title"] for c in inner["basis"]["choices"]] == [
        "民政部门（民法典第三十二条）",
        "被监护人住所地的居民委员会、村民委员会（民法典第三十二条）",
        "依法被指定（民法典第三十一条）",
        "愿意担任监护人的组织，经同意（民法典第二十七条、第二十八条）",
    ]
    assert inner["consent_by"]["shown_when"] == {"field": "basis", "in": ["willing"]}
    person = ["father", "mother", "spouse", "child", "other"]
    assert inner["sex"]["shown_when"] == {"field": "relation", "in": person}


def test_a_guardians_problem_is_shown_beside_its_field():
    spec = form_spec(registry.get("debt_confirmation").json_schema(), "")
    assert field_path(spec, ("debtor", "guardian")) == ("debtor", "guardian")
    assert field_path(spec, ("debtor", "guardian", "id_number")) == (
        "debtor",
        "guardian",
        "id_number",
    )


def test_the_openapi_document_describes_the_guardian(client):
    spec = client.get("/api/v1/openapi.json").json
    guardian = spec["components"]["schemas"]["Guardian"]
    assert {"name", "relation", "id_number", "phone", "address"} <= set(guardian["properties"])
    assert set(guardian["required"]) == {"name", "relation"}
    person = spec["components"]["schemas"]["Person"]["properties"]
    assert "guardian" in person and "own_income" in person


@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_a_letter_records_the_guardians_consent_or_ratification_behind_more_information(
    type_name,
):
    spec = form_spec(registry.get(type_name).json_schema(), "")
    assent = next(node for node in spec["fields"] if node["name"] == "guardian_assent")
    assert assent["title"] == "法定代理人同意或追认" and assent["advanced"] is True
    assert assent["optional"] is True and "不再催告追认" in assent["description"]
    inner = {node["name"]: node for node in assent["fields"]}
    assert [c["title"] for c in inner["kind"]["choices"]] == ["签约前（时）同意", "签约后追认"]
    assert inner["given_on"]["widget"] == "date" and inner["given_on"]["required"] is True
    assert field_path(spec, ("guardian_assent", "given_on")) == ("guardian_assent", "given_on")
