"""The claim to be paid first from the mortgaged or pledged property states the claims the
security covers (民法典 art. 389: 主债权及其利息、违约金、损害赔偿金 and the costs of realising
the security, unless agreed otherwise; arts. 420, 439: within a maximum), not 「上述债权」:
a cost of enforcing the claim (律师费) only where the agreed scope names it."""

from __future__ import annotations

import copy
import re

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.complaint_security_scope import SecuredScope
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
OWN = load_fixture("civil_complaint", "valid", "narrative_mortgage_and_guarantor")
THIRD = load_fixture("civil_complaint", "valid", "narrative_third_party_mortgagor")
BANK = load_fixture("civil_complaint", "valid", "elements_bank_loan_every_item")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")


def claims(data: dict) -> dict[int, str]:
    text = printed_copy("civil_complaint", data)
    block = text[text.index("诉讼请求：") : text.index("以上诉讼请求金额合计")]
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d+)\. (.+)$", block, re.M)}


def scope_warning(data: dict):
    found = [
        p
        for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems
        if p.code == "cost_outside_security_scope"
    ]
    return found[0] if found else None


def test_without_an_agreed_scope_the_lawyers_fee_is_left_out_and_the_user_told():
    printed = claims(OWN)
    assert printed[4].startswith("判令被告张伟向原告刘芳支付律师费")
    assert printed[6].endswith(
        "折价或者拍卖、变卖所得的价款在上述第1至3项、第5项债权（主债权及其利息）范围内优先受偿；"
    )
    # the guarantor answers for the costs of enforcing the claim (art. 691)
    assert printed[7].startswith("判令被告李秀英对上述第1至5项债务")
    warning = scope_warning(OWN)
    assert warning.loc == ("loan", "collateral", "scope") and warning.severity == "warning"
    assert warning.message.startswith("第4项律师费是实现债权的费用，不在担保物权的法定担保范围内")
    assert "《中华人民共和国民法典》第三百八十九条" in warning.message
    assert "约定的担保范围" in (warning.hint or "")


def test_an_agreed_scope_naming_the_costs_covers_them_and_is_told():
    printed = claims(THIRD)
    assert printed[6].endswith("在上述第1至5项债权（主债权及其利息、律师费）范围内优先受偿；")
    assert scope_warning(THIRD) is None
    text = printed_copy("civil_complaint", THIRD)
    assert (
        "提供抵押担保，并办理了抵押登记。约定的担保范围为主债权本金、利息、违约金、"
        "损害赔偿金及实现债权的费用（包括律师费）（《抵押合同》第二条）。"
    ) in text


def test_an_agreed_scope_silent_on_the_fee_leaves_it_out():
    data = copy.deepcopy(OWN)
    data["loan"]["collateral"]["scope"] = "主债权本金、利息、违约金（《抵押合同》第二条）"
    assert claims(data)[6].endswith("第1至3项、第5项债权（主债权及其利息）范围内优先受偿；")
    warning = scope_warning(data)
    assert "约定的担保范围（主债权本金、利息、违约金（《抵押合同》第二条））也未写明该费用" in (
        warning.message
    )
    data["loan"]["collateral"]["scope"] = "主债权及利息、律师费（《抵押合同》第二条）"
    assert scope_warning(data) is None


def test_a_maximum_mortgage_states_its_scope_and_its_maximum():
    printed = claims(BANK | {"layout": "narrative"})
    assert printed[7].endswith(
        "在上述第1至6项债权（主债权及其利息、律师费）范围内、最高债权额人民币600,000.00元限度内"
        "优先受偿；"
    )


def test_a_price_paid_late_is_secured_as_its_penalty_in_the_codes_order():
    # the running 逾期付款违约金 is the fourth claim; the words follow art. 389's order
    printed = claims(SALE | {"layout": "narrative"})
    assert printed[5].endswith("在上述第1至4项债权（主债权及其违约金、律师费）范围内优先受偿；")


def _form_rows(data: dict) -> dict[str, str]:
    case = DOC.parse(data | {"layout": "elements"})
    sections = DOC.build_context(case, DOC.evaluate(case, OPTIONS))["form"]
    return {r["label"]: r["value"] for s in sections for r in s["rows"]}


def test_the_form_states_the_same_scope_and_the_agreed_one():
    rows = _form_rows(OWN)
    (claim,) = [v for k, v in rows.items() if k.endswith("是否主张担保权利")]
    assert "折价或者拍卖、变卖所得的价款在主债权及其利息范围内优先受偿" in claim
    (signed,) = [
        v for k, v in _form_rows(THIRD).items() if k.endswith("物的担保（抵押、质押）合同")
    ]
    assert signed == (
        "■是 签订时间：2025年1月10日；约定的担保范围：主债权本金、利息、违约金、损害赔偿金及"
        "实现债权的费用（包括律师费）（《抵押合同》第二条）　□否"
    )


def test_the_numbers_of_the_claims_covered_are_joined_in_runs():
    scope = SecuredScope((1, 2, 3, 5, 7), ("主债权",), ())
    assert scope.items == "第1至3项、第5项、第7项"
    assert SecuredScope((1,), ("主债权",), ()).what == "主债权本金"  # the principal alone
    assert SecuredScope((2,), ("利息", "违约金"), ()).what == "利息、违约金"
