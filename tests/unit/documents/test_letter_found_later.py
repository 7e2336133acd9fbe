"""A court's finding of incapacity dated on or after the day of the contract does not show
the capacity when signing (民法典 arts. 21, 22, 24, 144, 145): the letters do not call the
contract void on it, unless the case states what shows it already lacking then
(``incapacity_at_signing``) — docs/legal-rules.md, Guardians."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.letter_capacity import contract_status
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"
DEMAND = load_fixture("demand_letter", "valid", "minor_found_without_capacity_after_the_contract")
SHOWN = load_fixture(
    "demand_letter", "valid", "minor_found_without_capacity_after_the_contract_with_evidence"
)
FIRM = load_fixture("lawyer_letter", "valid", "minor_found_without_capacity_after_the_contract")
ADULT = load_fixture(
    "lawyer_letter", "valid", "adult_found_without_capacity_after_the_contract_with_evidence"
)
EVIDENCE = (
    "北京华正司法鉴定中心（2025）华正精鉴字第88号司法鉴定意见书"
    "载明张伟自2023年3月起不能辨认自己的行为"
)
LATER = (
    "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，北京市东城区人民法院（2025）"
    "京0101民特88号民事判决于2025年9月1日（签约之后）认定其为无民事行为能力人"
)
BRANCH = (
    "，该合同经法定代理人同意或者追认后有效（《中华人民共和国民法典》第十九条、第一百四十五条第一款）"
    "；张伟签订该合同时已不能辨认自己的行为的，该合同无效（第二十一条第二款、第一百四十四条）。"
)
RETURN = (
    "上述《借款合同》未获追认（包括您逾期未作表示）而确定不发生效力，或者因张伟签订时已不能辨认"
    "自己的行为而无效的，张伟应当返还"
)


def _evaluate(type_name: str, data: Any) -> Any:
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    return case, doc_type.evaluate(case, OPTIONS)


def _codes(type_name: str, data: Any) -> dict[tuple[Any, ...], str]:
    return {p.loc: p.code for p in _evaluate(type_name, data)[1].problems}


def test_found_after_the_contract_the_letter_asks_to_ratify_and_names_the_void_branch():
    case, _ = _evaluate("demand_letter", DEMAND)
    assert contract_status(case) == "pending"
    printed = printed_copy("demand_letter", DEMAND)
    assert LATER + BRANCH + f"现依照{CODE}第一百四十五条第二款，我方催告您" in printed
    returned = f"我方已交付的借款人民币100,000.00元（{CODE}第一百四十四条、第一百五十七条）"
    assert RETURN + returned in printed
    assert "张伟尚欠我方款项明细如下" in printed  # the debt as the contract states it
    assert "，该合同无效（《" not in printed  # never asserted on the later finding
    assert "不能辨认自己的行为，经" not in printed
    assert "追认张伟于2025年1月10日签订的《借款合同》" in printed  # the receipt ratifies


def test_found_on_the_day_of_the_contract_the_letter_says_so():
    data = copy.deepcopy(DEMAND)
    data["capacity_found_on"] = "2025-01-10"
    printed = printed_copy("demand_letter", data)
    assert "民事判决于2025年1月10日（签约当日）认定其为无民事行为能力人" + BRANCH in printed


def test_found_before_the_contract_it_is_still_void():
    data = copy.deepcopy(DEMAND)
    data["capacity_found_on"] = "2024-12-01"
    case, _ = _evaluate("demand_letter", data)
    assert contract_status(case) == "void"
    printed = printed_copy("demand_letter", data)
    assert "，该合同无效（《中华人民共和国民法典》第二十一条第二款" in printed


def test_interest_may_be_asked_on_ratification_once_the_finding_is_later():
    data = load_fixture("demand_letter", "invalid", "interest_from_a_minor_without_capacity")
    assert "void_contract_claim" in _codes("demand_letter", data).values()
    data["capacity_found_on"] = "2025-09-01"
    assert "void_contract_claim" not in _codes("demand_letter", data).values()


def test_the_lawyer_letter_states_the_finding_and_both_branches():
    case, _ = _evaluate("lawyer_letter", FIRM)
    assert contract_status(case) == "pending"
    printed = printed_copy("lawyer_letter", FIRM)
    assert f"{LATER}。" in printed
    assert (
        "八周岁以上的未成年人不能辨认自己行为的，为无民事行为能力人，其实施的民事法律行为无效"
        "（第二十一条第二款、第一百四十四条）。上述《借款合同》尚待法定代理人追认"
    ) in printed
    assert (
        "该合同未获追认而确定不发生效力，或者因签订时已不能辨认自己的行为而无效的，行为人因该合同"
        "取得的财产，应当予以返还"
    ) in printed
    assert RETURN + "委托人已交付的借款人民币100,000.00元" in printed
    assert "，该合同无效（《" not in printed


def test_a_guarantors_copy_names_neither_the_finding_nor_the_inability():
    data = load_fixture("lawyer_letter", "invalid", "guarantor_of_a_minor_without_capacity")
    assert ("guarantors", 0) in _codes("lawyer_letter", data)  # void: no guarantor written to
    data["capacity_found_on"] = "2025-09-01"
    assert ("guarantors", 0) not in _codes("lawyer_letter", data)
    printed = printed_copy("lawyer_letter", data, 1)
    assert "民特" not in printed and "不能辨认" not in printed
    assert (
        "如上述《借款合同》被认定无效或者确定不发生效力的，保证合同随之无效或者不发生效力"
        f"（{CODE}第六百八十二条第一款）"
    ) in printed
    assert "该合同被认定无效或者确定不发生效力的，保证合同是主债权债务合同的从合同" in printed


def test_with_what_shows_the_inability_when_signing_the_contract_is_void():
    case, _ = _evaluate("demand_letter", SHOWN)
    assert contract_status(case) == "void"
    printed = printed_copy("demand_letter", SHOWN)
    assert (
        f"张伟签订该合同时为14周岁的未成年人，不能辨认自己的行为（依据：{EVIDENCE}），其后经北京市"
        "东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为无民事行为能力人，该合同"
        f"无效（{CODE}第二十一条第二款、第一百四十四条）"
    ) in printed
    assert "将上述应返还款项合计人民币100,000.00元" in printed


def test_an_adult_found_after_with_what_shows_it_is_void_and_without_binds():
    case, _ = _evaluate("lawyer_letter", ADULT)
    assert contract_status(case) == "void"
    printed = printed_copy("lawyer_letter", ADULT)
    assert (
        f"张伟签订该合同时已不能辨认自己的行为（依据：{EVIDENCE}），其后经上述判决认定为无民事"
        f"行为能力人，该合同无效（{CODE}第二十一条第一款、第一百四十四条）"
    ) in printed
    assert printed.count("（2025）京0101民特88号") == 1  # in the guardian's introduction
    data = copy.deepcopy(ADULT)
    del data["incapacity_at_signing"]
    case, result = _evaluate("lawyer_letter", data)
    assert contract_status(case) == "binding" and not result.errors
    assert "无效" not in printed_copy("lawyer_letter", data)


@pytest.mark.parametrize(
    ("type_name", "fixture", "why"),
    [
        (
            "demand_letter",
            "incapacity_evidence_with_a_finding_before_the_contract",
            "本案债务人张伟已于2024年6月1日经人民法院认定为无民事行为能力人，早于签约"
            "（2025年1月10日）：由该认定说明其签约时的民事行为能力",
        ),
        (
            "lawyer_letter",
            "incapacity_evidence_for_an_adult_of_limited_capacity",
            "本案债务人张伟填写为限制民事行为能力人：该项只用于无民事行为能力人",
        ),
    ],
)
def test_what_shows_the_inability_is_refused_where_nothing_rests_on_it(type_name, fixture, why):
    data = load_fixture(type_name, "invalid", fixture)
    errors = _evaluate(type_name, data)[1].errors
    assert [(p.loc, p.code) for p in errors] == [
        (("incapacity_at_signing",), "incapacity_evidence_unused")
    ]
    assert errors[0].message.startswith(
        "只有人民法院认定债务人为无民事行为能力人的日期与签约同日或者晚于签约时，才需写明其签约时"
        "已不能辨认自己行为的依据"
    )
    assert why in errors[0].message  # the reason this case's own, not another's


def test_what_shows_the_inability_is_refused_without_the_findings_day():
    data = copy.deepcopy(
        load_fixture(
            "demand_letter",
            "valid",
            "minor_found_without_capacity_after_the_contract_with_evidence",
        )
    )
    del data["capacity_found_on"]
    errors = {p.code: p for p in _evaluate("demand_letter", data)[1].errors}
    assert "未填写「民事行为能力认定日期」，无从确定认定与签约的先后" in (
        errors["incapacity_evidence_unused"].message
    )


def test_the_minor_warning_says_what_the_letter_does_with_a_later_finding():
    problems = {p.code: p for p in _evaluate("demand_letter", DEMAND)[1].problems}
    warning = problems["debtor_minor"]
    assert warning.loc == ("debtor", "birth_date")
    assert (
        "认定其为无民事行为能力人，晚于签约（签约日期2025年1月10日）：该认定不能说明其签约时已不能"
        "辨认自己的行为。函件不主张合同无效，按其签约时为八周岁以上的未成年人处理"
    ) in warning.message
    assert (warning.hint or "").startswith("有证据证明其签约时已不能辨认自己的行为的")
    warning = {p.code: p for p in _evaluate("demand_letter", SHOWN)[1].problems}["debtor_minor"]
    assert f"函件依所填依据（{EVIDENCE}）按签约时已不能辨认处理：订立的合同无效" in warning.message
    assert (warning.hint or "").startswith("请核实该依据能够证明其签约时已不能辨认自己的行为")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_the_later_finding_prints_alike_in_the_pdf_and_the_docx(service, fmt, type_name):
    data = DEMAND if type_name == "demand_letter" else FIRM
    content = service.render(type_name, data, fmt).content
    pages = pdf_pages_text(content) if fmt == "pdf" else [docx_text(content)]
    text = "".join(normalize(page) for page in pages)
    assert normalize(LATER) in text
    branch = (
        "张伟签订该合同时已不能辨认自己的行为的，该合同无效"
        if type_name == "demand_letter"
        else "八周岁以上的未成年人不能辨认自己行为的，为无民事行为能力人"
    )
    assert normalize(branch) in text
    assert normalize("或者因张伟签订时已不能辨认自己的行为而无效的") in text
    assert normalize("，该合同无效（《中华人民共和国民法典》") not in text


FOUND_AFTER = "capacity_found_after_contract"


def _found_after_warning(type_name: str, data: Any) -> Any:
    _, assessment = _evaluate(type_name, data)
    return {p.code: p for p in assessment.warnings}.get(FOUND_AFTER)


@pytest.mark.parametrize(
    ("name", "label", "evidence_hint"),
    [
        ("debtor_without_capacity_through_guardian", "无民事行为能力人", True),
        ("adult_found_after_the_contract", "限制民事行为能力人", False),
    ],
)
def test_an_adult_found_after_the_contract_without_evidence_is_warned(name, label, evidence_hint):
    """The letter treats the contract as binding (the finding speaks from its day, art. 24)
    and says nothing of capacity; the operator is told what would follow were the capacity
    already lacking when signing (void, arts. 21, 144; awaiting ratification, arts. 22,
    145) and, where the model can state it, which field to fill."""
    data = load_fixture("lawyer_letter", "valid", name)
    warning = _found_after_warning("lawyer_letter", data)
    assert warning is not None and warning.severity == "warning"
    assert warning.loc == ("capacity_found_on",)
    assert (
        f"债务人张伟于2025年9月1日经人民法院认定为{label}，晚于签订《借款合同》（2025年1月10日）："
        f"该认定说明其此后的民事行为能力（{CODE}第二十四条）"
    ) in warning.message
    assert "（第二十二条、第一百四十五条第一款）" in warning.message
    assert ("「签约时已不能辨认自己行为的依据」" in warning.hint) is evidence_hint
    # the letter itself is unchanged: binding, no word on capacity at signing
    assert "不能辨认自己的行为" not in printed_copy("lawyer_letter", data)


def test_no_such_warning_with_the_evidence_before_the_contract_or_for_a_minor():
    assert _found_after_warning("lawyer_letter", ADULT) is None  # evidence given: void
    before = load_fixture(
        "lawyer_letter", "valid", "adult_found_without_capacity_before_the_contract"
    )
    assert _found_after_warning("lawyer_letter", before) is None
    assert _found_after_warning("lawyer_letter", FIRM) is None  # a minor when signing
    assert _found_after_warning("demand_letter", DEMAND) is None
