"""The day a court found an adult debtor without full capacity (``capacity_found_on``,
民法典 art. 24) decides what the letter says of the contract (docs/legal-rules.md,
Guardians): found before it, void (no capacity, arts. 21(1), 144) or awaiting the
guardian's ratification (limited, arts. 22, 145); found after, the contract binds and
capacity is not mentioned; not known, both branches and a warning."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"


def _codes(type_name: str, data: Any) -> dict[str, Any]:
    doc_type = registry.get(type_name)
    return {p.code: p for p in doc_type.evaluate(doc_type.parse(data), OPTIONS).problems}


def test_found_after_the_contract_the_letter_argues_nothing_of_capacity():
    """It says only, where it introduces the guardian, when and how the debtor came
    under guardianship (art. 24)."""
    data = load_fixture("lawyer_letter", "valid", "adult_found_after_the_contract")
    printed = printed_copy("lawyer_letter", data)
    assert (
        "张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为限制民事行为"
        "能力人，您系张伟之妻、法定代理人。北京明正律师事务所"
    ) in printed
    assert printed.count("行为能力") == 1 and "追认" not in printed and "不能辨认" not in printed
    assert "就张伟拖欠委托人款项一事" in printed
    assert "本所律师郑重提请您：请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，于" in printed
    assert "capacity_at_contract_unknown" not in _codes("lawyer_letter", data)


def test_found_of_limited_capacity_before_the_guardian_is_called_on_to_ratify():
    data = load_fixture("lawyer_letter", "valid", "adult_found_limited_before_the_contract")
    printed = printed_copy("lawyer_letter", data)
    # the guardian's introduction names the judgment and its day; the facts refer to it
    assert (
        "张伟经北京市东城区人民法院（2024）京0101民特12号民事判决于2024年6月1日认定为限制民事"
        "行为能力人，您系张伟之妻、法定代理人。"
    ) in printed
    assert "张伟签订上述《借款合同》时，已经上述判决认定为限制民事行为能力人。" in printed
    assert printed.count("（2024）京0101民特12号") == 1
    assert f"（{CODE}第二十二条、第一百四十五条第一款）" in printed
    assert "本所受委托人委托催告您自收到本函之日起三十日内对上述合同予以追认" in printed
    assert (
        "张伟应当返还委托人已交付的借款人民币100,000.00元（《中华人民共和国民法典》第一百五十七条），"
        "请您作为张伟的法定代理人，代理张伟以其本人的财产于追认期间届满之日起5个工作日内返还。"
    ) in printed
    codes = _codes("lawyer_letter", data)
    assert "capacity_at_contract_unknown" not in codes
    assert codes["deadline_before_ratification"].loc == ("deadline",)


def test_found_without_capacity_before_the_contract_is_void():
    data = load_fixture(
        "lawyer_letter", "valid", "adult_found_without_capacity_before_the_contract"
    )
    printed = printed_copy("lawyer_letter", data)
    assert (
        "张伟签订该合同时已经上述判决认定为无民事行为能力人，该合同无效"
        f"（{CODE}第二十一条第一款、第一百四十四条）"
    ) in printed
    assert printed.count("（2024）京0101民特12号") == 1  # in the guardian's introduction
    assert "不能辨认自己行为的成年人为无民事行为能力人；无民事行为能力人实施的" in printed
    assert "已交付款项" in printed and "尚欠" not in printed and "资金占用损失" not in printed


def test_interest_from_an_adult_found_without_capacity_is_refused_at_its_item():
    data = load_fixture("lawyer_letter", "invalid", "interest_from_an_adult_found_without_capacity")
    doc_type = registry.get("lawyer_letter")
    errors = doc_type.evaluate(doc_type.parse(data), OPTIONS).errors
    assert [(e.loc, e.code) for e in errors] == [
        (("amounts", "components", 1, "kind"), "void_contract_claim"),
        (("amounts", "components", 2, "kind"), "void_contract_claim"),
    ]
    assert (
        "债务人张伟签订《借款合同》时已于2024年6月1日经北京市东城区人民法院（2024）京0101民特12号"
        "民事判决认定为无民事行为能力人，合同无效，自始没有法律约束力"
    ) in errors[0].message


def test_same_day_keeps_both_branches_and_warns():
    data = copy.deepcopy(
        load_fixture("lawyer_letter", "valid", "debtor_with_limited_capacity_through_guardian")
    )
    data["capacity_found_on"] = "2025-01-10"
    warning = _codes("lawyer_letter", data)["capacity_at_contract_unknown"]
    assert warning.loc == ("debtor", "capacity")
    assert "（人民法院的认定与签约为同一日，先后无法确定）" in warning.message
    assert "填写「民事行为能力认定日期」" not in (warning.hint or "")  # it is filled in
    assert (warning.hint or "").startswith("请核实其签约时的民事行为能力")
    printed = printed_copy("lawyer_letter", data)
    assert "但张伟签订上述合同时已为不能完全辨认自己行为的成年人" in printed


def test_unknown_without_a_guardian_keeps_both_branches_and_warns():
    """A letter to the adult himself (no guardian named, itself warned) does not rest on
    the finding: undated, the order is unknown."""
    data = load_fixture("demand_letter", "valid", "debtor_with_limited_capacity")
    warning = _codes("demand_letter", data)["capacity_at_contract_unknown"]
    assert "民事行为能力认定日期" in (warning.hint or "")
    assert "先后无法确定" not in (warning.hint or "")


def test_an_adult_wards_letter_to_the_guardian_is_refused_without_the_finding():
    data = load_fixture("lawyer_letter", "invalid", "adult_ward_without_capacity_finding")
    doc_type = registry.get("lawyer_letter")
    errors = doc_type.evaluate(doc_type.parse(data), OPTIONS).errors
    assert [(e.loc, e.code) for e in errors] == [
        (("capacity_finding",), "capacity_finding_required"),
        (("capacity_found_on",), "capacity_finding_required"),
    ]
    assert "须经人民法院认定（《中华人民共和国民法典》第二十四条）" in errors[0].message


def test_a_finding_that_appointed_the_guardian_says_so():
    data = copy.deepcopy(
        load_fixture("lawyer_letter", "valid", "debtor_without_capacity_through_guardian")
    )
    data["capacity_finding"]["appoints_guardian"] = True
    assert (
        "认定为无民事行为能力人，该判决指定您为其监护人；您系张伟之妻、法定代理人。"
    ) in printed_copy("lawyer_letter", data)


def test_the_guarantors_copy_of_an_adult_awaiting_ratification_names_no_capacity():
    data = copy.deepcopy(
        load_fixture("lawyer_letter", "valid", "debtor_without_capacity_with_guarantor")
    )
    data["debtor"]["capacity"] = "limited"
    data["debtor"]["guardian"] = copy.deepcopy(
        load_fixture("lawyer_letter", "valid", "debtor_with_limited_capacity_through_guardian")[
            "debtor"
        ]["guardian"]
    )
    data["capacity_found_on"] = "2024-06-01"
    guarantor = printed_copy("lawyer_letter", data, 1)
    assert "行为能力" not in guarantor
    assert "如上述《借款合同》被认定无效或者确定不发生效力的，保证合同随之无效或者不发生效力" in (
        guarantor
    )
