"""A letter about a contract its debtor made without full capacity (docs/legal-rules.md,
Guardians): the guardian is called on to ratify what a minor of eight or more signed
(民法典 art. 145), a contract made under eight is void and not treated as binding (arts.
144, 155, 157), and an adult's capacity on the day of contracting is warned of."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.letter_cases import unasked_case
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
THROUGH_GUARDIAN = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
UNDER_EIGHT = load_fixture("demand_letter", "valid", "contract_made_under_eight")
VOID_INTEREST = load_fixture("demand_letter", "invalid", "interest_under_a_void_contract")
FIRM_TO_GUARDIAN = load_fixture(
    "lawyer_letter", "valid", "debtor_without_capacity_through_guardian"
)


def _assessed(type_name: str, data: Any) -> Any:
    doc_type = registry.get(type_name)
    case = doc_type.split(doc_type.parse(data))[0]
    return doc_type, case, doc_type.evaluate(case, OPTIONS)


def _warnings(type_name: str, data: Any) -> dict[str, Any]:
    return {p.code: p for p in _assessed(type_name, data)[2].warnings}


def test_the_guardian_is_called_on_to_ratify_the_contract_the_minor_made():
    printed = printed_copy("demand_letter", THROUGH_GUARDIAN)
    assert (
        "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，属于限制民事行为能力人，"
        "该合同经法定代理人同意或者追认后有效（《中华人民共和国民法典》第十九条、第一百四十五条"
        "第一款）。现依照《中华人民共和国民法典》第一百四十五条第二款，我方催告您"
        "自收到本函之日起三十日内对上述合同予以追认；您未作表示的，视为拒绝追认。"
    ) in printed
    # the call comes before the amounts, which it conditions
    assert printed.index("予以追认") < printed.index("尚欠我方款项明细如下")


def test_the_guardians_receipt_ratifies_the_contract_then_confirms_the_wards_debt():
    # the debt under the contract depends on the ratification: it comes first
    printed = printed_copy("demand_letter", THROUGH_GUARDIAN)
    assert (
        "本人作为张伟的法定代理人，已收到贵方于2026年11月20日出具的《催款函》"
        "（编号：CS-2026-0158），追认张伟于2025年1月10日签订的《借款合同》，并代理张伟确认"
        "截至2026年10月31日张伟尚欠贵方款项合计人民币112,242.38元"
    ) in printed
    assert "本人已收到" not in printed


def test_a_debtor_without_a_guardian_is_not_asked_to_ratify_the_own_contract():
    data = unasked_case("demand_letter", "minor_debtor_without_guardian")
    printed = printed_copy("demand_letter", data)
    assert "催告" not in printed and "视为拒绝追认" not in printed


def test_a_contract_made_under_eight_is_stated_void_and_what_was_obtained_is_asked_back():
    printed = printed_copy("demand_letter", UNDER_EIGHT)
    assert (
        "张伟签订该合同时未满八周岁，为无民事行为能力人，该合同无效（《中华人民共和国民法典》"
        "第二十条、第一百四十四条）。依照《中华人民共和国民法典》第一百五十七条，张伟因该合同取得的"
        "财产应当予以返还，但张伟至今未予返还。"
    ) in printed
    for binding in ("根据合同约定", "依约履行", "追认"):
        assert binding not in printed


def test_what_a_void_contract_leaves_is_asked_back_not_called_a_debt():
    for type_name in ("demand_letter", "lawyer_letter"):
        data = load_fixture(type_name, "valid", "contract_made_under_eight")
        printed = printed_copy(type_name, data)
        assert "截至2026年10月31日，张伟应返还" in printed
        assert "将上述应返还款项合计人民币5,000.00元（大写：伍仟元整）" in printed
        assert "尚欠" not in printed and "欠款" not in printed
    receipt = printed_copy("demand_letter", UNDER_EIGHT)
    assert "代理张伟确认截至2026年10月31日张伟应返还贵方款项合计人民币5,000.00元" in receipt


def test_interest_or_a_penalty_under_a_void_contract_is_refused_on_its_item():
    errors = _assessed("demand_letter", VOID_INTEREST)[2].errors
    assert [(e.loc, e.code) for e in errors] == [
        (("amounts", "components", 1, "kind"), "void_contract_claim"),
        (("amounts", "components", 2, "kind"), "void_contract_claim"),
    ]
    assert "不得按合同约定主张利息" in errors[0].message
    assert "第一百五十五条" in errors[0].message


def test_a_lawyer_letter_on_a_void_contract_does_not_say_the_contract_binds():
    data = copy.deepcopy(FIRM_TO_GUARDIAN)
    for key in ("debtor", "contract", "amounts"):
        data[key] = copy.deepcopy(UNDER_EIGHT[key])
    data["debtor"]["guardian"] = copy.deepcopy(UNDER_EIGHT["debtor"]["guardian"])
    del data["capacity_finding"], data["capacity_found_on"]  # an adult's: not this child's
    printed = printed_copy("lawyer_letter", data)
    assert "依法成立的合同对当事人具有法律约束力" not in printed
    assert "无民事行为能力人实施的民事法律行为无效；无效的民事法律行为自始没有法律约束力" in printed


def test_the_firm_calls_on_the_guardian_to_ratify_for_its_client():
    data = copy.deepcopy(FIRM_TO_GUARDIAN)
    for key in ("debtor", "contract", "amounts"):
        data[key] = copy.deepcopy(THROUGH_GUARDIAN[key])
    del data["capacity_finding"], data["capacity_found_on"]  # an adult's: not this minor's
    printed = printed_copy("lawyer_letter", data)
    assert "本所受委托人委托催告您自收到本函之日起三十日内" in printed
    # ratified or not, the money handed over is owed back: demanded in the same letter
    assert (
        "而确定不发生效力的，张伟应当返还委托人已交付的借款人民币100,000.00元（《中华人民共和国"
        "民法典》第一百五十七条），请您作为张伟的法定代理人，代理张伟以其本人的财产于追认期间届满之日起5个"
        "工作日内返还。"
    ) in printed
    assert printed.index("予以追认") < printed.index("本所律师郑重提请")


def test_an_adult_without_capacity_is_warned_that_the_contracts_validity_is_unknown():
    # found on the day of the contract: which came first is unknown
    same_day = {**FIRM_TO_GUARDIAN, "capacity_found_on": "2025-01-10"}
    warning = _warnings("lawyer_letter", same_day)["capacity_at_contract_unknown"]
    assert warning.loc == ("debtor", "capacity")
    assert warning.message.startswith(
        "债务人张伟为无民事行为能力人，但未能确认其2025年1月10日签订《借款合同》时的民事行为能力"
    )
    assert "第一百四十四条" in warning.message and "第一百四十五条" in warning.message
    # a minor's capacity is told by the age: no such warning
    assert "capacity_at_contract_unknown" not in _warnings("demand_letter", THROUGH_GUARDIAN)
