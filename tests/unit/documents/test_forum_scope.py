"""The agreements' dispute clause covers the original contract's disputes where the forum
may take them, and says that it replaces the contract's own clause."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, normalize, pdf_pages_text

AT_SIGNING = load_fixture(
    "debt_confirmation", "valid", "forum_at_the_signing_place_keeps_to_the_confirmation"
)


def _pdf(service, type_name, data) -> str:
    pdf = service.render(type_name, data, "pdf").content
    return normalize("".join(pdf_pages_text(pdf)))


def _warnings(type_name, data) -> list[tuple]:
    doc = registry.get(type_name)
    result = doc.assess(doc.parse(data), RuleOptions(calendar_fallback=True))
    return [(p.loc, p.code) for p in result.warnings]


def test_the_confirmation_covers_the_loan_contract_and_replaces_its_clause(service):
    data = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
    assert (
        "因本确认书及《借款合同》引起的或与之有关的争议，双方协商不成的，任何一方均可向甲方住所地"
        "人民法院提起诉讼；《借款合同》约定的争议解决方式与本确认书的约定不一致的，以本确认书的约定"
        "为准。"
    ) in _pdf(service, "debt_confirmation", data)
    assert (("jurisdiction", "kind"), "forum_leaves_original_contract") not in _warnings(
        "debt_confirmation", data
    )


def test_arbitration_in_the_installment_agreement_covers_the_sale_contract(service):
    data = load_fixture("installment_agreement", "valid", "rows_one_fifth_arbitration")
    assert (
        "因本协议及《设备买卖合同》引起的或与之有关的争议，双方协商不成的，提交北京仲裁委员会仲裁；"
        "《设备买卖合同》约定的争议解决方式与本协议的约定不一致的，以本协议的约定为准。"
    ) in _pdf(service, "installment_agreement", data)


def test_a_settlement_covers_its_named_contract_and_not_an_unnamed_one(service):
    named = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")
    assert (
        "因本协议及《借款合同》引起的或与之有关的争议，各方协商不成的，任何一方均可向北京市东城区"
        "人民法院提起诉讼；《借款合同》约定的争议解决方式与本协议的约定不一致的，以本协议的约定为准。"
    ) in _pdf(service, "settlement_agreement", named)
    unnamed = load_fixture("settlement_agreement", "valid", "debt_without_its_contract")
    text = _pdf(service, "settlement_agreement", unnamed)
    assert "因本协议引起的争议，双方协商不成的，任何一方均可向甲方住所地人民法院提起诉讼。" in text


def test_the_signing_places_court_keeps_to_the_confirmation_and_is_warned(service):
    text = _pdf(service, "debt_confirmation", AT_SIGNING)
    assert (
        "因本确认书引起的争议，双方协商不成的，任何一方均可向本确认书签订地（广东省深圳市福田区）"
        "人民法院提起诉讼。"
    ) in text
    assert "以本确认书的约定为准" not in text
    doc = registry.get("debt_confirmation")
    result = doc.assess(doc.parse(AT_SIGNING), RuleOptions(calendar_fallback=True))
    (warning,) = [p for p in result.warnings if p.code == "forum_leaves_original_contract"]
    assert warning.loc == ("jurisdiction", "kind")
    assert "《借款合同》" in warning.message and "第三十五条" in warning.message


def test_a_settlement_at_the_signing_place_is_warned_too():
    data = copy.deepcopy(load_fixture("settlement_agreement", "valid", "before_suit_paid_at_once"))
    data["jurisdiction"] = {"kind": "signing_place"}
    data.setdefault("signing_place", "北京市东城区")
    assert (("jurisdiction", "kind"), "forum_leaves_original_contract") in _warnings(
        "settlement_agreement", data
    )
