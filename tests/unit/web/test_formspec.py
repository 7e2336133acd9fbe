"""The form generated from a model's JSON Schema, and problems mapped to its fields."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, Field

from docgen.documents import registry
from docgen.documents.problems import from_validation_error
from docgen.domain.fields import Money
from docgen.domain.parties import Party
from docgen.web.figures import figures
from docgen.web.formspec import element_id, field_path, form_spec
from docgen.web.prefill import prefill
from tests.support import fixture_cases


class Row(BaseModel):
    kind: Literal["a", "b"] = Field(title="种类", json_schema_extra={"enum_titles": ["甲", "乙"]})
    amount: Money = Field(title="金额")


class Extra(BaseModel):
    note: str = Field(title="备注", max_length=2000)


class Sample(BaseModel):
    when: date = Field(title="日期", description="发生之日")
    party: Party = Field(title="当事人")
    rows: list[Row] = Field(title="明细", min_length=1, max_length=5)
    days: int = Field(default=7, title="天数", ge=1, le=90)
    agreed: bool = Field(default=False, title="已同意")
    rate: Decimal = Field(title="利率", decimal_places=6)
    extra: Extra | None = Field(default=None, title="附加")
    day_count: Literal[365, 360] = Field(default=365, title="计息天数")
    tags: Annotated[dict[str, str], Field(default_factory=dict, title="标签")]


SPEC = form_spec(Sample.model_json_schema(), "样例")


def field(spec: dict[str, Any], *path: str) -> dict[str, Any]:
    node = spec
    for name in path:
        node = next(f for f in node["fields"] if f["name"] == name)
    return node


def test_each_field_gets_its_chinese_title_help_and_required_flag():
    when = field(SPEC, "when")
    assert (when["title"], when["description"], when["required"]) == ("日期", "发生之日", True)
    assert field(SPEC, "days")["required"] is False
    assert SPEC["title"] == "样例"


@pytest.mark.parametrize(
    ("name", "widget"),
    [
        ("when", "date"),
        ("days", "integer"),
        ("agreed", "checkbox"),
        ("rate", "decimal"),
        ("day_count", "select"),
        ("tags", "json"),
    ],
)
def test_each_type_of_value_gets_the_input_people_expect(name, widget):
    assert field(SPEC, name)["widget"] == widget


class Questions(BaseModel):
    answered: bool = Field(title="是否")
    open_question: bool | None = Field(default=None, title="是否了解")
    switch: bool = Field(default=True, title="有书面合同")


def test_a_yes_no_without_default_is_a_question_of_three_answers():
    spec = form_spec(Questions.model_json_schema(), "问题")
    for name in ("answered", "open_question"):
        node = field(spec, name)
        assert node["widget"] == "select"
        assert node["choices"] == [{"value": True, "title": "是"}, {"value": False, "title": "否"}]
    assert field(spec, "switch")["widget"] == "checkbox"  # a default: ticked or not


def test_money_is_entered_with_two_decimals_and_integers_keep_their_bounds():
    rows = field(SPEC, "rows")
    amount = next(f for f in rows["item"]["fields"] if f["name"] == "amount")
    assert amount["widget"] == "money"
    days = field(SPEC, "days")
    assert (days["min"], days["max"], days["default"]) == (1, 90, 7)


def test_enums_become_choices_with_their_titles_and_keep_their_values_typed():
    kind = next(f for f in field(SPEC, "rows")["item"]["fields"] if f["name"] == "kind")
    assert kind["choices"] == [{"value": "a", "title": "甲"}, {"value": "b", "title": "乙"}]
    day_count = field(SPEC, "day_count")
    assert [c["value"] for c in day_count["choices"]] == [365, 360]


def test_repeatable_rows_know_their_item_and_limits():
    rows = field(SPEC, "rows")
    assert (rows["kind"], rows["min"], rows["max"]) == ("array", 1, 5)
    assert rows["item"]["kind"] == "object"


def test_a_party_is_a_switch_between_natural_person_and_organisation():
    party = field(SPEC, "party")
    assert party["kind"] == "union" and party["tag"] == "kind"
    assert [(o["value"], o["title"]) for o in party["options"]] == [
        ("person", "自然人"),
        ("organization", "法人或其他组织"),
    ]
    person, org = party["options"]
    assert "sex" in {f["name"] for f in person["fields"]}
    assert "uscc" in {f["name"] for f in org["fields"]}
    assert "kind" not in {f["name"] for f in person["fields"]}


def test_an_optional_group_can_be_left_out_and_long_text_gets_a_text_box():
    extra = field(SPEC, "extra")
    assert extra["kind"] == "object" and extra["optional"] is True
    assert field(extra, "note")["widget"] == "textarea"


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("when",), ("when",)),
        (("party", "sex"), ("party", "sex")),
        (("party", "uscc"), ("party", "uscc")),
        (("party", "kind"), ("party", "kind")),
        (("rows", 2, "amount"), ("rows", 2, "amount")),
        (("rows", 2), ("rows", 2)),
        (("rows",), ("rows",)),
        (("extra", "note"), ("extra", "note")),
        (("party", "colour"), ("party",)),
        (("nonsense", "deeper"), ()),
        ((), ()),
    ],
)
def test_a_problem_is_placed_at_the_deepest_field_of_the_form_on_its_path(loc, path):
    assert field_path(SPEC, loc) == path


def test_element_ids_are_the_field_path_joined_by_dots():
    assert element_id(("rows", 2, "amount")) == "f.rows.2.amount"
    assert element_id(()) == "f"


def test_pydantic_errors_of_a_tagged_union_land_on_the_party_fields():
    bad = {"when": "2026-01-01", "party": {"kind": "organization", "name": "x"}, "rows": []}
    try:
        Sample.model_validate(bad)
    except Exception as exc:
        problems = from_validation_error(exc, Sample)  # type: ignore[arg-type]
    ids = {element_id(field_path(SPEC, p.loc)) for p in problems}
    assert "f.party.uscc" in ids and "f.party.address" in ids and "f.rows" in ids


@pytest.mark.parametrize("doc_type", registry.all_types(), ids=lambda t: t.name)
def test_every_registered_type_gets_a_form_with_every_top_level_field(doc_type):
    schema = doc_type.json_schema()
    spec = form_spec(schema, doc_type.title)
    assert spec["title"] == doc_type.title
    assert [f["name"] for f in spec["fields"]] == list(schema["properties"])
    assert all(f["title"] and f["title"] != f["name"] for f in spec["fields"])


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_every_expected_error_of_the_fixtures_has_its_own_field_in_the_form(case):
    doc_type = registry.get(case.type_name)
    spec = form_spec(doc_type.json_schema())
    unknown = {"extra_forbidden"}
    for loc in case.expected_locs or ():
        path = field_path(spec, loc)
        if path != loc:
            # only a field the model does not know stops short of its own input
            problems = [
                p for p in _problems(doc_type, case.data) if p.loc == loc and p.code in unknown
            ]
            assert problems, (loc, path)


def _problems(doc_type: Any, data: Any) -> list[Any]:
    from docgen.documents.problems import CaseInvalid

    try:
        doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return []


def test_figures_show_the_total_in_words_the_deadline_the_limitation_and_the_court_fee():
    computed = {
        "amounts": {"amounts": ["100000.00", "7416.64"], "total": "107416.64", "sheets": []},
        "deadline": {"due": "2026-12-01"},
        "limitation": {"expires": "2029-01-10", "status": "running"},
    }
    shown = {f["label"]: f["value"] for f in figures(computed)}
    assert shown["合计金额"] == "人民币107,416.64元"
    assert shown["合计金额（大写）"] == "壹拾万柒仟肆佰壹拾陆元陆角肆分"
    assert shown["付款截止日期（自发函日起算）"] == "2026年12月1日"
    assert shown["诉讼时效届满日"] == "2029年1月10日（未届满）"
    # 50 + 90,000 × 2.5% + 7,416.64 × 2% (诉讼费用交纳办法 art. 13)
    assert shown["诉讼费（按合计金额起诉，预估）"] == "人民币2,448.33元"


def test_figures_name_computed_interest_with_its_rate():
    computed = {"sheets": [{"title": "逾期利息", "total": "3,624.66", "rate": "一年期LPR的1.5倍"}]}
    shown = {f["label"]: f["value"] for f in figures(computed)}
    assert shown == {"逾期利息（计算）": "3,624.66元（一年期LPR的1.5倍）"}


def _demand_letter_spec() -> dict[str, Any]:
    doc_type = registry.get("demand_letter")
    return form_spec(doc_type.json_schema(), doc_type.title)


LAW_FIRM = {
    "name": "北京明正律师事务所",
    "kind": "law_firm",
    "address": "北京市朝阳区建国路88号",
    "phone": "010-65881234",
    "lawyer_name": "王立新",
    "bank_account": {
        "account_name": "北京明正律师事务所",
        "bank": "工行",
        "account_number": "0200",
    },
}


def test_a_law_firm_profile_fills_the_contact_but_not_the_creditor_or_its_account():
    merges = {tuple(m["path"]): m["values"] for m in prefill(_demand_letter_spec(), LAW_FIRM, 3)}
    assert ("creditor",) not in merges
    assert ("payment_account",) not in merges
    assert merges[("contact",)] == {
        "person": "王立新",
        "phone": "010-65881234",
        "address": "北京市朝阳区建国路88号",
    }


def test_a_creditor_profile_fills_the_creditor_as_an_organisation():
    creditor = dict(LAW_FIRM, kind="creditor", name="深圳市恒信商贸有限公司")
    merges = {tuple(m["path"]): m["values"] for m in prefill(_demand_letter_spec(), creditor)}
    assert merges[("creditor",)] == {
        "kind": "organization",
        "name": "深圳市恒信商贸有限公司",
        "address": "北京市朝阳区建国路88号",
        "phone": "010-65881234",
    }
    assert merges[("payment_account",)]["bank"] == "工行"


def test_a_lawyer_letter_names_the_firm_profile_by_id_instead_of_copying_it():
    doc_type = registry.get("lawyer_letter")
    spec = form_spec(doc_type.json_schema(), doc_type.title)
    merges = {tuple(m["path"]): m["values"] for m in prefill(spec, LAW_FIRM, 5)}
    assert merges[()] == {"sender_profile_id": 5}
    assert ("sender",) not in merges


def test_a_form_with_a_profile_reference_gets_the_profile_id():
    spec = form_spec(
        {"type": "object", "properties": {"sender_profile_id": {"type": "integer"}}}, "x"
    )
    assert prefill(spec, LAW_FIRM, 7) == [{"path": [], "values": {"sender_profile_id": 7}}]


class Developer(BaseModel):
    """最高额保证: the debts of a period, up to a maximum amount (民法典 art. 690)."""

    amount: Money = Field(title="金额")


class Documented(BaseModel):
    inner: Developer = Field(title="最高额保证")
    told: Developer = Field(title="最高额保证", description="仅在约定最高额保证时填写")
    noted: str = Field(title="备注", description="按 LPR 计算")
    english: str = Field(title="说明", description="说明: what the form asks of it")


def test_help_text_is_the_fields_own_description_and_never_english() -> None:
    fields = {f["name"]: f for f in form_spec(Documented.model_json_schema())["fields"]}
    assert "description" not in fields["inner"]  # the model's docstring is for developers
    assert fields["told"]["description"] == "仅在约定最高额保证时填写"
    assert fields["noted"]["description"] == "按 LPR 计算"
    assert "description" not in fields["english"]


def _help_texts(node: dict[str, Any]) -> list[str]:
    found = [node["description"]] if node.get("description") else []
    children = list(node.get("fields", []))
    children += [f for option in node.get("options", []) for f in option["fields"]]
    children += [node["item"]] if "item" in node else []
    return found + [text for child in children for text in _help_texts(child)]


def test_no_form_shows_english_words_in_its_help_text() -> None:
    import re

    from docgen.bundle.model import BundleCase
    from docgen.profiles.model import SenderProfile

    specs = [form_spec(t.json_schema(), t.title) for t in registry.all_types()]
    specs += [form_spec(m.model_json_schema()) for m in (BundleCase, SenderProfile)]
    texts = [text for spec in specs for text in _help_texts(spec)]
    assert len(texts) > 100
    english = [t for t in texts if re.search(r"[A-Za-z]+[\s,.;:()'-]+[A-Za-z]+", t)]
    assert english == []
