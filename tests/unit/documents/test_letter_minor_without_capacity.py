"""A contract made by a minor of eight or more typed as without capacity (民法典 art.
21: who cannot recognise their acts) is void (art. 144), guardian or not, as one made
under eight is: every copy asks back what was obtained (art. 157) and a guarantor is not
written to (art. 682) — docs/legal-rules.md, Guardians."""

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
DEMAND = load_fixture("demand_letter", "valid", "minor_without_capacity_through_guardian")
FIRM = load_fixture("lawyer_letter", "valid", "minor_without_capacity_through_guardian")


def _problems(type_name: str, data: Any) -> dict[str, Any]:
    doc_type = registry.get(type_name)
    return {p.code: p for p in doc_type.evaluate(doc_type.parse(data), OPTIONS).problems}


def test_the_letter_says_the_contract_is_void_and_asks_back_what_was_obtained():
    printed = printed_copy("demand_letter", DEMAND)
    assert (
        "张伟签订该合同时为14周岁的未成年人，不能辨认自己的行为，经北京市东城区人民法院（2024）"
        "京0101民特12号民事判决于2024年6月1日认定为无民事行为能力人，该合同无效（《中华人民共和国"
        f"民法典》第二十一条第二款、第一百四十四条）。依照{CODE}第一百五十七条，张伟因该合同取得的"
        "财产应当予以返还，但张伟至今未予返还。"
    ) in printed
    assert "截至2026年10月31日，张伟应返还我方款项明细如下：" in printed
    assert "将上述应返还款项合计人民币100,000.00元" in printed
    assert "代理张伟确认截至2026年10月31日张伟应返还贵方款项合计" in printed
    for bound in ("尚欠", "欠款", "根据合同约定", "追认张伟", "催告", "经追认"):
        assert bound not in printed, bound


def test_typed_with_full_capacity_the_same_minor_is_asked_to_ratify():
    """The same case typed with full capacity waits on the guardian's ratification: only
    the capacity 「无民事行为能力」 makes it void."""
    data = copy.deepcopy(DEMAND)
    data["debtor"]["capacity"] = "full"
    del data["capacity_finding"], data["capacity_found_on"]  # nothing rests on a finding
    printed = printed_copy("demand_letter", data)
    assert "催告您" in printed and "应返还" not in printed


def test_without_a_guardian_the_contract_is_void_just_the_same_and_the_letter_refused():
    data = copy.deepcopy(DEMAND)
    del data["debtor"]["guardian"]
    doc_type = registry.get("demand_letter")
    assert contract_status(doc_type.parse(data)) == "void"
    # a minor now: the letter goes through the guardian, none given (guardian_rules)
    codes = _problems("demand_letter", data)
    assert codes["guardian_required"].loc == ("debtor", "guardian")
    assert "ratification_not_asked" not in codes and "debtor_without_capacity" in codes


def test_an_adult_now_who_contracted_as_a_minor_without_capacity_is_asked_back_too():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "debtor_minor_when_contracting"))
    data["debtor"]["capacity"] = "none"
    data["debtor"]["guardian"] = copy.deepcopy(DEMAND["debtor"]["guardian"])
    data["amounts"] = copy.deepcopy(DEMAND["amounts"])
    data["capacity_finding"] = copy.deepcopy(DEMAND["capacity_finding"])
    data["capacity_found_on"] = DEMAND["capacity_found_on"]
    printed = printed_copy("demand_letter", data)
    assert (
        "张伟签订该合同时为17周岁的未成年人，不能辨认自己的行为，经北京市东城区人民法院（2024）"
        "京0101民特12号民事判决于2024年6月1日认定为无民事行为能力人，该合同无效"
    ) in printed
    # said once, where the void contract is: not again where the guardian is introduced
    assert printed.count("民特12号") == 1
    assert "capacity_at_contract_unknown" not in _problems("demand_letter", data)


def test_the_firms_analysis_states_article_21_not_the_contracts_binding_force():
    printed = printed_copy("lawyer_letter", FIRM)
    assert (
        "八周岁以上的未成年人不能辨认自己行为的，为无民事行为能力人；无民事行为能力人实施的民事"
        "法律行为无效；无效的民事法律行为自始没有法律约束力；"
    ) in printed
    assert f"（{CODE}第二十一条第二款、第一百四十四条、第一百五十五条、第一百五十七条）" in printed
    assert "就委托人与张伟之间《借款合同》所涉款项一事" in printed
    assert "对当事人具有法律约束力" not in printed and "拖欠" not in printed


def test_the_minor_warning_stands_on_a_finding_made_before_the_contract():
    """Read beside the finding typed: found before signing, the inability to recognise
    their acts then is the court's, and the user is not asked to check it again."""
    warning = _problems("demand_letter", DEMAND)["debtor_minor"]
    assert warning.loc == ("debtor", "birth_date")
    assert warning.message == (
        f"债务人张伟签约时未满十八周岁（14周岁），为未成年人（{CODE}第十七条），北京市东城区"
        "人民法院（2024）京0101民特12号民事判决于2024年6月1日认定其为无民事行为能力人，早于签约"
        "（2025年1月10日）：其签约时已不能辨认自己的行为，订立的合同无效（第二十一条第二款、"
        "第一百四十四条），追认不能使其有效"
    )
    assert warning.hint is None


def test_the_minor_warning_says_the_finding_after_the_contract_does_not_show_it():
    """Found on the day or after, the letter no longer treats the minor as unable to
    recognise their acts when signing (``test_letter_found_later``)."""
    data = load_fixture("demand_letter", "valid", "minor_found_without_capacity_after_the_contract")
    warning = _problems("demand_letter", data)["debtor_minor"]
    assert warning.loc == ("debtor", "birth_date")
    assert (
        "（2025）京0101民特88号民事判决于2025年9月1日认定其为无民事行为能力人，晚于签约（签约日期"
        "2025年1月10日）：该认定不能说明其签约时已不能辨认自己的行为。函件不主张合同无效"
    ) in warning.message
    data["capacity_found_on"] = "2025-01-10"
    warning = _problems("demand_letter", data)["debtor_minor"]
    assert "认定其为无民事行为能力人，与签约为同一日，先后无法确定" in warning.message


def test_the_minor_warning_without_a_guardian_still_says_whom_to_serve():
    data = copy.deepcopy(DEMAND)
    data["debtor"].pop("guardian")
    warning = _problems("demand_letter", data)["debtor_minor"]
    assert warning.message.endswith("追认不能使其有效，文书应向其监护人送达（第二十三条）")
    assert (warning.hint or "").startswith("请在「法定代理人（监护人）」中填写其监护人")


def test_interest_or_a_penalty_under_it_is_refused_with_article_21():
    data = load_fixture("demand_letter", "invalid", "interest_from_a_minor_without_capacity")
    doc_type = registry.get("demand_letter")
    errors = doc_type.evaluate(doc_type.parse(data), OPTIONS).errors
    assert [(p.loc, p.code) for p in errors] == [
        (("amounts", "components", 1, "kind"), "void_contract_claim"),
        (("amounts", "components", 2, "kind"), "void_contract_claim"),
    ]
    assert errors[0].message.startswith(
        "债务人张伟签订《借款合同》时为14周岁的未成年人，不能辨认自己的行为，为无民事行为能力人，"
        f"合同无效，自始没有法律约束力（{CODE}第二十一条第二款、第一百四十四条、第一百五十五条）："
        "不得按合同约定主张利息"
    )


def test_a_letter_to_its_guarantor_is_refused():
    data = load_fixture("lawyer_letter", "invalid", "guarantor_of_a_minor_without_capacity")
    error = _problems("lawyer_letter", data)["guarantee_of_void_contract"]
    assert error.loc == ("guarantors", 0) and error.severity == "error"
    assert "为无民事行为能力人，该合同无效" in error.message
    assert "保证合同无效（第六百八十二条第一款）" in error.message


def test_a_self_supporting_minor_is_deemed_capable_and_not_read_as_void():
    """16 or more and living on their own income, the minor was deemed capable (art.
    18(2)): the capacity typed now may have been lost since, as for an adult."""
    data = copy.deepcopy(DEMAND)
    data["debtor"]["id_number"] = "110105200803010034"  # 16 on 2025-01-10
    data["debtor"]["own_income"] = True
    data["capacity_found_on"] = "2025-01-10"  # an adult's finding, its order unknown
    printed = printed_copy("demand_letter", data)
    assert "应返还" not in printed
    assert "capacity_at_contract_unknown" in _problems("demand_letter", data)


def test_without_the_courts_finding_the_letter_is_refused_at_the_finding():
    """A minor of eight or more is of limited capacity (art. 19); without capacity only if
    unable to recognise their acts (art. 21(2)), a court's finding the letter must name:
    a letter calling the contract void without it gives up interest and penalty in writing."""
    data = load_fixture("demand_letter", "invalid", "minor_without_capacity_without_finding")
    doc_type = registry.get("demand_letter")
    errors = doc_type.evaluate(doc_type.parse(data), OPTIONS).errors
    assert [(p.loc, p.code) for p in errors] == [
        (("capacity_finding",), "capacity_finding_required"),
        (("capacity_found_on",), "capacity_finding_required"),
    ]
    assert "不能辨认自己行为的，才为无民事行为能力人（第二十一条第二款）" in errors[0].message
    assert "请将「民事行为能力」改为限制民事行为能力" in errors[0].message
    # typed as of limited capacity instead, the guardian is asked to ratify (art. 145)
    data["debtor"]["capacity"] = "limited"
    assert "催告您自收到本函之日起三十日内" in printed_copy("demand_letter", data)


def test_a_finding_is_refused_where_nothing_rests_on_it():
    data = load_fixture(
        "lawyer_letter", "invalid", "capacity_finding_for_a_minor_of_limited_capacity"
    )
    error = _problems("lawyer_letter", data)["capacity_finding_unused"]
    assert error.loc == ("capacity_finding",) and error.severity == "error"


def test_the_finding_is_checked_as_a_courts_and_dated_by_the_letter():
    data = copy.deepcopy(DEMAND)
    data["capacity_finding"] = {"court": "东城法院", "case_number": "（2024）京0101民初12号"}
    data["capacity_found_on"] = "2026-12-01"
    codes = _problems("demand_letter", data)
    assert codes["not_a_court"].loc == ("capacity_finding", "court")
    assert codes["capacity_finding_not_special"].loc == ("capacity_finding", "case_number")
    assert codes["capacity_found_after_letter"].loc == ("capacity_found_on",)


FOUND = (
    "张伟签订该合同时为14周岁的未成年人，不能辨认自己的行为，经北京市东城区人民法院（2024）"
    "京0101民特12号民事判决于2024年6月1日认定为无民事行为能力人，该合同无效"
)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("type_name", ["demand_letter", "lawyer_letter"])
def test_the_finding_prints_alike_in_the_pdf_and_the_docx(service, fmt, type_name):
    data = DEMAND if type_name == "demand_letter" else FIRM
    content = service.render(type_name, data, fmt).content
    pages = pdf_pages_text(content) if fmt == "pdf" else [docx_text(content)]
    text = "".join(normalize(page) for page in pages)
    assert normalize(FOUND) in text
    assert normalize("代理张伟以其本人的财产返还，于") in text
    assert "代为" not in text and "为14周岁的无民事行为能力人" not in text


def test_without_a_guardian_the_capacity_warning_cites_the_article_of_a_minor():
    data = copy.deepcopy(DEMAND)
    del data["debtor"]["guardian"]
    warning = _problems("demand_letter", data)["debtor_without_capacity"]
    assert warning.message.startswith(
        f"债务人张伟为无民事行为能力人（{CODE}第二十一条第二款）：由其法定代理人代理实施民事"
        "法律行为，文书应向其监护人送达（第二十三条）"
    )


def test_an_adult_of_limited_capacity_without_a_guardian_is_warned_under_art_22():
    data = load_fixture("demand_letter", "valid", "debtor_with_limited_capacity")
    warning = _problems("demand_letter", data)["debtor_without_capacity"]
    assert warning.message.startswith(
        f"债务人张伟为限制民事行为能力人（{CODE}第二十二条）：由其法定代理人代理或者经其同意、"
        "追认，文书应向其监护人送达（第二十三条）"
    )


def test_without_the_finding_the_minor_warning_does_not_call_the_contract_void():
    """The finding is required (capacity_finding_required): its day decides whether the
    contract is void or awaits ratification, so the warning beside the birth date says
    both, as the error does, and not that the contract is void."""
    data = load_fixture("demand_letter", "invalid", "minor_without_capacity_without_finding")
    warning = _problems("demand_letter", data)["debtor_minor"]
    assert warning.message == (
        f"债务人张伟签约时未满十八周岁（14周岁），为未成年人（{CODE}第十七条），填写为无民事行为"
        "能力人：其签约时的民事行为能力依人民法院认定的日期确定，认定早于签约的，订立的合同无效"
        "（第二十一条第二款、第一百四十四条），追认不能使其有效；与签约同日或者晚于签约的，函件"
        "催告法定代理人追认（第十九条、第一百四十五条），有证据证明其签约时已不能辨认自己的行为的"
        "除外"
    )
