"""The complaint's evidence against its claims: each fact relied on is proved by some listed
evidence, or the user is told which (民事诉讼法 art. 67(1), 民诉法解释 arts. 90-91)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import fixture_cases, load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
# the same case without its cost clause: the contract's purpose names the agreement only
UNSTATED = load_fixture("civil_complaint", "valid", "lawyer_fee_agreed_without_its_clause")
SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
MISSING = load_fixture("civil_complaint", "valid", "evidence_not_listed_for_claims")


def _warning(data: dict) -> str | None:
    assessment = DOC.evaluate(DOC.parse(data), OPTIONS)
    assert assessment.errors == []
    found = [p for p in assessment.problems if p.code == "evidence_not_listed"]
    assert len(found) <= 1  # every missing fact in one warning
    if not found:
        return None
    assert found[0].loc == ("evidence",) and found[0].severity == "warning"
    return found[0].message + "｜" + (found[0].hint or "")


def _without(data: dict, *words: str) -> dict:
    data = copy.deepcopy(data)
    data["evidence"] = [e for e in data["evidence"] if not any(w in e["name"] for w in words)]
    return data


def test_a_complaint_whose_evidence_proves_each_claim_is_not_warned():
    assert _warning(GUARANTOR) is None
    assert _warning(SALE) is None


def test_the_guarantee_and_the_fee_paid_missing_are_named_together():
    message = _warning(MISSING)
    assert message is not None
    assert (
        "没有相应证据：被告李秀英提供保证；原告于2026年2月9日请求被告李秀英承担保证责任；"
        "原告已支付律师费。"
    ) in message
    assert "《中华人民共和国民事诉讼法》第六十七条第一款、民诉法解释第九十条" in message
    assert (
        "请在「证据」中列明保证合同或载有保证条款的合同、致被告李秀英的催告函及送达凭证、"
        "律师费的合同、发票及付款凭证"
    ) in message


def test_a_fee_agreed_in_the_contract_is_not_a_fee_paid():
    # the loan contract's purpose names 律师费负担的约定: an agreement, not a payment
    assert any("律师费负担" in e["purpose"] for e in MISSING["evidence"])
    assert "原告已支付律师费" in (_warning(MISSING) or "")


def test_the_engagement_proves_the_fee_paid_only_with_the_payment():
    data = _without(GUARANTOR, "律师费")
    engagement = {"name": "委托代理合同", "source": "原告提供", "purpose": "证明代理关系"}
    data["evidence"].append(engagement)
    assert "原告已支付律师费" in (_warning(data) or "")
    engagement["name"] = "委托代理合同及发票"
    assert _warning(data) is None


def test_delivery_of_goods_and_the_pledge_are_looked_for_in_a_sale():
    message = _warning(_without(SALE, "送货", "质押"))
    assert message is not None
    assert "原告已交付货物；质押（其所有的挖掘机两台（机身号XG-2201、XG-2202））" in message


def test_the_loan_paid_out_is_looked_for_and_a_witness_may_prove_it():
    data = _without(GUARANTOR, "转账")
    assert "原告已实际出借款项" in (_warning(data) or "")
    data["witnesses"] = [
        {"name": "王五", "address": "北京市朝阳区", "testimony": "2025年1月10日亲见原告交付现金"}
    ]
    assert _warning(data) is None


def test_an_acceleration_declared_needs_its_notice():
    data = load_fixture("civil_complaint", "valid", "elements_every_item")
    assert _warning(data) is None
    message = _warning(_without(data, "提前到期"))
    assert message is not None and "已宣布借款提前到期" in message


def _problem(data: dict, code: str):
    found = [p for p in DOC.evaluate(DOC.parse(data), OPTIONS).problems if p.code == code]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_demand_on_the_guarantor_is_proved_by_an_item_naming_the_guarantor():
    # 民法典 art. 693(2): the demand within the guarantee period keeps a joint guarantor liable
    assert "请求被告李秀英承担保证责任" not in (_warning(GUARANTOR) or "")
    data = _without(GUARANTOR, "保证责任催告函")
    message = _warning(data) or ""
    assert "原告于2026年2月9日请求被告李秀英承担保证责任" in message
    assert "致被告李秀英的催告函及送达凭证" in message
    # a demand on the debtor is no demand on the guarantor
    assert any("致被告张伟" in e["name"] for e in data["evidence"])


def test_a_lawyers_fee_without_its_agreement_is_warned_with_the_source():
    data = copy.deepcopy(UNSTATED)
    data["evidence"][0]["purpose"] = "证明借贷关系成立及借款金额、利率、期限的约定"
    warning = _problem(data, "lawyer_fee_not_agreed")
    assert warning is not None and warning.loc == ("cost_clause",)
    assert warning.severity == "warning"
    assert "主张律师费，但未写明由被告负担律师费的约定" in warning.message
    assert "（法释〔2020〕17号）第二十九条" in warning.message
    assert warning.hint is not None and "律师费等实现债权费用的约定" in warning.hint
    # the engagement with the law firm is no agreement of the debtor
    data["evidence"].append(
        {"name": "委托代理合同", "source": "原告提供", "purpose": "证明原告与律师事务所约定律师费"}
    )
    assert _problem(data, "lawyer_fee_not_agreed") is not None
    # the clause stated is the agreement
    data["cost_clause"] = "《借款合同》第九条约定借款人承担出借人为实现债权支付的律师费"
    assert _problem(data, "lawyer_fee_not_agreed") is None


def test_an_agreement_named_only_in_the_evidence_asks_for_its_clause():
    # the contract's purpose names 律师费负担的约定, but no clause: the facts cannot state it
    assert _problem(UNSTATED, "lawyer_fee_not_agreed") is None
    warning = _problem(UNSTATED, "lawyer_fee_clause_missing")
    assert warning is not None and warning.loc == ("cost_clause",)
    assert warning.severity == "warning"  # courts are split without a clause
    # the item that says the agreement exists, by its number in the list
    assert (
        "证据清单第1项「借款合同」（证明目的：证明原、被告之间借贷关系成立及借款金额、利率、"
        "期限、律师费负担的约定）载明律师费负担的约定，但起诉状未写明该约定的合同条款"
    ) in warning.message
    facts = _facts(UNSTATED)
    assert "原告刘芳为实现本案债权支付律师费人民币5,000.00元（已实际支付，见律师费发票）。" in facts
    assert "约定" not in facts[facts.index("为实现本案债权") - 40 : facts.index("为实现本案债权")]


def test_one_valid_fixture_shows_the_agreement_without_its_clause():
    """A valid fixture is a complaint one would file as it is: one that relies on the
    contract's fee agreement states its clause, but for the one kept to show the warning
    (the expectations are checked against the rules by test_fixtures_and_rules)."""
    warned = {
        case.name
        for case in fixture_cases("valid")
        if case.type_name == "civil_complaint"
        and any(code == "lawyer_fee_clause_missing" for _loc, code in case.expected_warnings or ())
    }
    assert warned == {"lawyer_fee_agreed_without_its_clause"}


def test_the_guarantor_case_states_the_clause_its_evidence_relies_on():
    assert _problem(GUARANTOR, "lawyer_fee_clause_missing") is None
    assert _problem(GUARANTOR, "lawyer_fee_not_agreed") is None
    assert (
        "《借款合同》第九条约定借款人违约的，承担出借人为实现债权支付的律师费。原告刘芳为实现本案"
        "债权支付律师费人民币5,000.00元（已实际支付，见律师费发票）。"
    ) in _facts(GUARANTOR)


def _facts(data: dict) -> str:
    text = printed_copy("civil_complaint", data).replace("\n", "")
    return text[text.index("事实与理由：") : text.index("证据和证据来源：")]


def test_the_clause_and_the_payment_are_facts_not_the_claim():
    data = copy.deepcopy(GUARANTOR)
    data["cost_clause"] = "《借款合同》第九条约定借款人承担出借人为实现债权支付的律师费"
    assert _problem(data, "lawyer_fee_clause_missing") is None
    printed = printed_copy("civil_complaint", data)
    assert "判令被告张伟向原告刘芳支付律师费人民币5,000.00元（大写：伍仟元整）；" in printed
    assert (
        "《借款合同》第九条约定借款人承担出借人为实现债权支付的律师费。原告刘芳为实现本案债权"
        "支付律师费人民币5,000.00元（已实际支付，见律师费发票）。"
    ) in _facts(data)


def test_a_note_citing_evidence_not_listed_prints_without_the_citation():
    warning = _problem(MISSING, "note_cites_unlisted_evidence")
    assert warning is not None and warning.loc == ("amounts", "components", 3, "note")
    assert "所引用的「律师费发票」不在证据清单中" in warning.message
    printed = printed_copy("civil_complaint", MISSING)
    assert "支付律师费人民币5,000.00元（已实际支付）。" in _facts(MISSING)
    assert "律师费发票" not in printed
    # listed, the citation stays
    assert _problem(GUARANTOR, "note_cites_unlisted_evidence") is None
    assert "（已实际支付，见律师费发票）" in _facts(GUARANTOR)


def test_a_bracketed_or_numbered_citation_is_checked_too():
    data = copy.deepcopy(MISSING)
    note = data["amounts"]["components"][3]
    note["note"] = "已实际支付（见证据9），详见证据2"
    warning = _problem(data, "note_cites_unlisted_evidence")
    assert warning is not None and "所引用的「证据9」不在证据清单中" in warning.message
    assert "（已实际支付，详见证据2）。" in _facts(data)
