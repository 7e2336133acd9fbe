"""The payment order's conditions of acceptance are the applicant's answers, never assumed
(民诉法解释 arts. 427, 428); the debtor's address and a relative agent's standing."""

from __future__ import annotations

import copy

import pytest

from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.carry import carry, to_fill
from docgen.web.formspec import form_spec
from tests.support import load_fixture, printed_copy

DOC = registry.get("payment_order")
SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


def _problems(data: dict) -> list:
    return DOC.evaluate(DOC.parse(data), RuleOptions()).problems


def _fixture(name: str, kind: str = "valid") -> dict:
    return load_fixture("payment_order", kind, name)


def _text(data: dict) -> str:
    from docgen import layouts

    case = DOC.parse(data)
    context = DOC.build_context(case, DOC.assess(case, RuleOptions()))
    return "\n".join(paragraphs(layouts.LAYOUTS["payment_order"].build(context)))


def test_each_condition_left_unanswered_is_asked_with_its_article():
    errors = {
        p.loc: p
        for p in _problems(_fixture("conditions_not_answered", "invalid"))
        if p.severity == "error"
    }
    assert {loc: p.code for loc, p in errors.items()} == {
        ("counter_performance",): "missing",
        ("respondent_in_mainland",): "missing",
        ("respondent_reachable",): "missing",
        ("preservation_applied",): "missing",
        ("items", 1, "agreed"): "missing",
    }
    assert errors[("counter_performance",)].message == (
        f"请确认：申请人是否负有对待给付义务（{SPI}第四百二十七条第三项）"
    )
    assert errors[("preservation_applied",)].message.endswith("第四百二十七条第七项）")
    assert errors[("items", 1, "agreed")].message == (
        f"请确认：合同、借条等证明文件是否约定了借期内利息（{SPI}第四百二十八条第二项）"
    )


def test_the_application_states_the_conditions_as_answered():
    text = _text(_fixture("person_principal_and_interest"))
    assert (
        "上述债务已于2026年1月10日到期，数额确定，债权依据为2025年1月10日签订的《借款合同》及"
        "借条。申请人与被申请人之间没有其他债务纠纷，申请人不负有对待给付义务；被申请人在我国"
        "境内，下落明确，支付令能够送达。申请人未就本债务申请诉前保全。\n" in text
    )


def test_the_form_asks_each_answer_as_a_required_yes_or_no():
    schema = DOC.model.model_json_schema()
    fields = {f["name"]: f for f in form_spec(schema)["fields"]}
    for name in ("counter_performance", "respondent_in_mainland", "preservation_applied"):
        assert fields[name]["required"] is True, name
        assert [c["title"] for c in fields[name]["choices"]] == ["是", "否"]
        assert "default" not in fields[name]
    item = fields["items"]["item"]
    agreed = next(f for f in item["fields"] if f["name"] == "agreed")
    assert agreed["shown_when"] == {"field": "kind", "in": ["interest", "penalty", "other"]}


def test_words_of_the_facts_against_an_answer_are_warned_at_the_facts():
    problems = _problems(_fixture("facts_say_the_applicant_has_not_delivered"))
    (problem,) = [p for p in problems if p.code == "facts_contradict_answer"]
    assert (problem.loc, problem.severity) == (("facts",), "warning")
    assert problem.message.startswith(
        "事实与理由写有「尚未交付」，而「申请人负有对待给付义务」答为「否」"
    )
    assert "counter_performance" in problem.hint
    data = _fixture("person_principal_and_interest")
    data["facts"] += "被申请人现下落不明。"
    (problem,) = [p for p in _problems(data) if p.code == "facts_contradict_answer"]
    assert "「被申请人下落明确」答为「是」" in problem.message


def test_a_debtor_whose_address_is_unknown_is_refused():
    (problem,) = [
        p for p in _problems(_fixture("debtor_address_unknown", "invalid")) if p.severity == "error"
    ]
    assert (problem.loc, problem.code) == (("respondent", "address"), "respondent_missing")
    assert "被申请人下落不明的，人民法院不予受理支付令申请" in problem.message
    assert "第四百二十七条第四项" in problem.message


def test_a_debtor_in_hong_kong_is_refused_at_the_address_and_told_to_sue():
    problems = _problems(_fixture("debtor_with_a_hong_kong_address", "invalid"))
    (problem,) = [p for p in problems if p.severity == "error"]
    assert (problem.loc, problem.code) == (("respondent", "address"), "respondent_abroad_address")
    assert "支付令须在内地送达被申请人" in problem.message
    assert "第四百二十七条第四项、第五项" in problem.message
    assert "请向人民法院起诉" in (problem.hint or "")
    assert "court_place_unverified" not in [p.code for p in problems]
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = "福建省福州市台湾路88号"  # a road, not Taiwan
    assert "respondent_abroad_address" not in [p.code for p in _problems(data)]


def test_a_debtor_abroad_by_the_habitual_residence_is_refused_there():
    data = _fixture("person_principal_and_interest")
    data["respondent"]["habitual_residence"] = "澳门特别行政区新马路1号"
    errors = [(p.loc, p.code) for p in _problems(data) if p.severity == "error"]
    assert errors == [(("respondent", "habitual_residence"), "respondent_abroad_address")]


def test_an_address_without_its_district_is_refused_as_not_locating_the_debtor():
    problems = _problems(_fixture("debtor_address_not_located", "invalid"))
    (problem,) = [p for p in problems if p.severity == "error"]
    assert (problem.loc, problem.code) == (("respondent", "address"), "respondent_not_located")
    assert "未写明所在的省（自治区、直辖市）、市、区县" in problem.message
    assert "不适用公告送达" in problem.message
    assert (
        "（《中华人民共和国民事诉讼法》第二百二十五条第一款第二项，"
        f"{SPI}第四百二十七条第四项、第五项、第四百二十九条）"
    ) in problem.message
    assert "court_place_unverified" not in [p.code for p in problems]


@pytest.mark.parametrize(
    ("address", "located"),
    [
        ("北京市东四十条南新仓小区5号楼", False),  # only the city
        ("江苏省苏州市干将路100号", False),
        ("朝阳区和平街十一区3号楼", False),  # 朝阳区 of Beijing or of Changchun
        ("东城区东四十条街道南新仓小区5号楼", True),  # one 东城区 in the table
        ("中国北京市东城区东四十条街道南新仓小区5号楼", True),
        ("广东省东莞市长安镇长青路1号", True),  # a city without counties
    ],
)
def test_the_address_locates_the_debtor_at_a_county_level_division(address, located):
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = address
    codes = [p.code for p in _problems(data) if p.severity == "error"]
    assert ("respondent_not_located" in codes) is not located


def test_a_development_zone_locates_the_debtor_but_not_the_court():
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = "江苏省苏州市工业园区星湖街328号"
    problems = _problems(data)
    assert not [p for p in problems if p.loc == ("respondent", "address") and p.severity == "error"]
    (problem,) = [p for p in problems if p.code == "court_place_unverified"]
    assert (problem.loc, problem.severity) == (("respondent", "address"), "warning")
    assert "无法核对北京市东城区人民法院是否为债务人住所地基层人民法院" in problem.message


def test_an_address_written_with_its_own_zhu_is_not_printed_twice():
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = "住北京市东城区东四十条街道南新仓小区5号楼2单元301室"
    text = _text(data)
    assert "1985年3月15日出生，住北京市东城区东四十条街道" in text
    assert "住住" not in text


def test_a_lawyers_fee_is_asked_whether_it_was_agreed():
    (problem,) = [
        p for p in _problems(_fixture("lawyers_fee_not_agreed", "invalid")) if p.severity == "error"
    ]
    assert (problem.loc, problem.code) == (("items", 3, "agreed"), "not_agreed")
    assert problem.message.startswith("证明文件没有约定律师费的")
    data = _fixture("lawyers_fee_not_agreed", "invalid")
    del data["items"][3]["agreed"]
    codes = {p.loc: p.code for p in _problems(data) if p.severity == "error"}
    assert codes == {("items", 3, "agreed"): "missing"}


def test_a_relative_agent_is_introduced_by_the_kinship():
    text = printed_copy("payment_order", _fixture("agent_a_relative_of_the_applicant"))
    assert (
        "委托诉讼代理人：王敏，系申请人刘芳的近亲属（配偶），上海浦江科技有限公司职员，"
        "联系电话：13900002222，代理权限：一般授权。" in text.replace("\n", "")
    )
    data = _fixture("relative_agent_without_the_relation")
    (problem,) = _problems(data)
    assert (problem.loc, problem.code) == (("agents", 0, "relation"), "relation_missing")
    assert "第六十一条" in problem.message
    assert "王敏，系申请人刘芳的近亲属，上海浦江" in _text(data)
    # a lawyer's line is unchanged
    assert "委托诉讼代理人：赵律，" not in _text(_fixture("company_with_a_lawyer_and_an_employee"))


def test_a_carried_case_asks_the_answers_and_the_items():
    letter = load_fixture("demand_letter", "valid", "person_debtor")
    carried = carry(letter, "payment_order")
    asked = to_fill("payment_order", carried)
    for name in ("counter_performance", "respondent_in_mainland", "respondent_reachable"):
        assert name in asked
    assert "preservation_applied" in asked and "items" in asked
    assert all("agreed" not in item for item in copy.deepcopy(carried)["items"])


def test_interest_with_its_calculation_is_computed_checked_and_worded():
    text = _text(_fixture("loan_interest_computed_from_its_calculation"))
    assert (
        "3. 逾期利息人民币5,161.64元（大写：伍仟壹佰陆拾壹元陆角肆分）（以人民币100,000.00元为"
        "基数，按《借款合同》第五条约定的年利率6%，自2026年1月11日起至2026年11月20日止，"
        "共314日）。" in text
    )
    (problem,) = _problems(_fixture("interest_differing_from_its_calculation", "invalid"))
    assert (problem.loc, problem.code) == (("items", 1, "amount"), "amount_mismatch")
    assert "9,999.00元与按计算方式计得的人民币6,000.00元不符" in problem.message
    assert problem.hint == "应为人民币6,000.00元"
    # a fen's rounding is the same amount
    data = _fixture("loan_interest_computed_from_its_calculation")
    data["items"][2]["amount"] = "5161.65"
    assert _problems(data) == []


def test_private_lending_above_four_times_the_lpr_at_formation_is_refused():
    (problem,) = _problems(_fixture("loan_interest_above_four_times_the_lpr", "invalid"))
    assert (problem.loc, problem.code) == (("items", 1, "calculation", "rate"), "above_legal_cap")
    assert "一年期LPR 3.10%的4倍，即年利率12.4%" in problem.message
    assert "第二十五条" in problem.message
    data = _fixture("loan_interest_above_four_times_the_lpr", "invalid")
    data["contract_kind"] = "sale"  # the cap is private lending's
    assert _problems(data) == []
    data = _fixture("loan_interest_above_four_times_the_lpr", "invalid")
    del data["signed_on"]
    codes = {(p.loc, p.code) for p in _problems(data)}
    assert (("signed_on",), "missing") in codes


def test_an_unlocated_debtor_answered_unreachable_is_refused_once_at_the_answer():
    problems = _problems(_fixture("debtor_not_located_and_unreachable", "invalid"))
    errors = [p for p in problems if p.severity == "error"]
    (problem,) = errors
    assert (problem.loc, problem.code) == (("respondent_reachable",), "cannot_be_served")
    address = "东四十条南新仓小区5号楼2单元301室"
    assert f"被申请人住所地写为「{address}」，不能确定其下落" in problem.message
    assert "不适用公告送达" in problem.message
    assert "第二百二十五条第一款第二项" in problem.message
    assert "第四百二十七条第四项、第五项、第四百二十九条" in problem.message
    assert "请向人民法院起诉" in (problem.hint or "")
    assert "court_place_unverified" not in [p.code for p in problems]


def test_an_address_written_as_unknown_answered_unreachable_is_refused_once():
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = "不详"
    data["respondent_reachable"] = False
    errors = [(p.loc, p.code) for p in _problems(data) if p.severity == "error"]
    assert errors == [(("respondent_reachable",), "cannot_be_served")]


def test_a_located_debtor_answered_unreachable_is_refused_at_the_answer_alone():
    data = _fixture("person_principal_and_interest")
    data["respondent_reachable"] = False
    (problem,) = [p for p in _problems(data) if p.severity == "error"]
    assert (problem.loc, problem.code) == (("respondent_reachable",), "cannot_be_served")
    assert problem.message.startswith("支付令须送达被申请人本人")


def test_a_debtor_abroad_answered_unreachable_too_is_refused_once_at_being_abroad():
    problems = _problems(_fixture("debtor_abroad_and_unreachable", "invalid"))
    (problem,) = [p for p in problems if p.severity == "error"]
    assert (problem.loc, problem.code) == (("respondent_in_mainland",), "respondent_abroad")
    assert problem.message.startswith(
        "申请人答「被申请人在我国境内」为「否」，「被申请人下落明确」也答为「否」，二者是同一原因："
        "支付令须在我国境内送达被申请人本人，不适用公告送达；被申请人不在我国境内的，"
        "人民法院不予受理支付令申请"
    )
    assert f"第二百二十五条第一款第二项，{SPI}第四百二十七条第四项、第五项）" in problem.message
    assert (problem.hint or "").startswith("请向人民法院起诉")
    assert "cannot_be_served" not in [p.code for p in problems]


@pytest.mark.parametrize(
    ("in_mainland", "reachable", "expected"),
    [
        (False, True, [(("respondent_in_mainland",), "respondent_abroad")]),
        (True, False, [(("respondent_reachable",), "cannot_be_served")]),
    ],
)
def test_either_answer_alone_is_refused_at_its_own_field(in_mainland, reachable, expected):
    data = _fixture("person_principal_and_interest")
    data.update(respondent_in_mainland=in_mainland, respondent_reachable=reachable)
    assert [(p.loc, p.code) for p in _problems(data) if p.severity == "error"] == expected


def test_an_unknown_address_answered_abroad_and_unreachable_is_named_in_the_one_error():
    data = _fixture("person_principal_and_interest")
    data["respondent"]["address"] = "不详"
    data.update(respondent_in_mainland=False, respondent_reachable=False)
    (problem,) = [p for p in _problems(data) if p.severity == "error"]
    assert (problem.loc, problem.code) == (("respondent_in_mainland",), "respondent_abroad")
    assert problem.message.startswith(
        "被申请人住所地写为「不详」；申请人答「被申请人在我国境内」为「否」"
    )


def test_a_creditor_owing_a_counter_performance_is_refused_under_art_225_1_1():
    problems = _problems(_fixture("creditor_owes_counter_performance", "invalid"))
    (problem,) = [p for p in problems if p.code == "counter_performance"]
    assert (
        f"（《中华人民共和国民事诉讼法》第二百二十五条第一款第一项，{SPI}第四百二十七条第三项）"
    ) in problem.message
