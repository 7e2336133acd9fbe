"""The legal representative's consent or ratification already given (``guardian_assent``,
民法典 art. 145(1)): the contract is valid, every copy says so with the day and demands
payment outright; a day or a contract it cannot be given for is refused or warned
(docs/legal-rules.md, Guardians)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"
RATIFIED = load_fixture("demand_letter", "valid", "minor_debtor_ratified_by_guardian")
CONSENTED = load_fixture("lawyer_letter", "valid", "minor_debtor_consented_by_guardian")


def _problems(type_name: str, data: Any) -> list[Any]:
    """Every problem but the base letters' own: their 违约金 states no rate
    (penalty_basis_missing, test_letter_penalty)."""
    doc_type = registry.get(type_name)
    problems = doc_type.evaluate(doc_type.parse(data), OPTIONS).problems
    return [p for p in problems if p.code != "penalty_basis_missing"]


def _codes(type_name: str, data: Any) -> dict[str, Any]:
    return {p.code: p for p in _problems(type_name, data)}


def _with(data: Any, kind: str, day: str) -> Any:
    changed = copy.deepcopy(data)
    changed["guardian_assent"] = {"kind": kind, "given_on": day}
    return changed


# --- given: the contract binds, and the letter says why ---------------------------------


def test_the_debtors_copy_states_the_ratification_and_demands_payment_outright():
    printed = printed_copy("demand_letter", RATIFIED)
    assert (
        "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，该合同已经您于"
        f"2025年1月15日追认，依法有效（{CODE}第十九条、第一百四十五条第一款）。根据合同约定，"
        "张伟应于2026年1月10日（含当日）前清偿相应款项，但张伟至今未依约履行付款义务。"
    ) in printed
    assert "截至2026年10月31日，张伟尚欠我方款项明细如下：" in printed
    # the user's deadline, no call to ratify, no condition, no restitution; the guardian
    # pays for the ward from the ward's property, the ward is late and sued (arts. 34, 35)
    assert (
        "现特函告您：请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，于收到本函之日起7个工作日内，"
        "将上述欠款合计"
    ) in printed
    assert (
        "如张伟逾期仍未清偿，我方将依法向有管辖权的人民法院提起诉讼，要求张伟清偿，相关诉讼费用将依法"
        "主张由张伟承担。"
    ) in printed
    assert "如您逾期" not in printed
    for waiting in ("催告", "经追认的", "未获追认", "视为拒绝追认", "第一百五十七条"):
        assert waiting not in printed, waiting
    # the guardian's receipt confirms the debt, ratifying nothing again
    assert "代理张伟确认截至2026年10月31日张伟尚欠贵方款项合计" in printed
    assert "追认张伟于" not in printed


def test_before_the_ratification_was_recorded_the_same_letter_asked_for_it():
    data = copy.deepcopy(RATIFIED)
    del data["guardian_assent"]
    printed = printed_copy("demand_letter", data)
    assert "我方催告您自收到本函之日起三十日内" in printed and "已经您于" not in printed


def test_the_guarantors_copy_states_it_of_the_debtor_and_asks_the_guarantee_outright():
    printed = printed_copy("demand_letter", RATIFIED, 1)
    assert (
        "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，该合同已经其法定代理人于"
        "2025年1月15日追认，依法有效"
    ) in printed
    assert "您为上述债务提供连带责任保证" in printed
    assert "现特函告您：请于收到本函之日起7个工作日内，将上述欠款合计" in printed
    assert "经追认" not in printed and "第六百八十二条" not in printed
    assert "本人对该债务承担连带保证责任。" in printed


def test_no_warning_that_the_contract_waits_on_the_guardian():
    codes = _codes("demand_letter", RATIFIED)
    assert not codes, codes
    codes = _codes("lawyer_letter", CONSENTED)
    assert not codes, codes


def test_the_firms_letter_states_the_consent_and_the_contracts_binding_force():
    printed = printed_copy("lawyer_letter", CONSENTED)
    assert "就张伟拖欠委托人款项一事" in printed
    assert "该合同已经您于2025年1月8日同意，依法有效" in printed
    assert (
        f"经法定代理人同意或者追认后有效（{CODE}第十九条、第一百四十五条第一款）。上述《借款合同》"
        "已经法定代理人同意，对当事人具有法律约束力，当事人应当按照约定全面履行自己的义务"
    ) in printed
    assert (
        "本所律师郑重提请您：请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，于2026年11月30日前"
        "（含当日"
    ) in printed
    assert (
        "如张伟逾期仍未清偿，本所将建议委托人依法向有管辖权的人民法院提起诉讼，要求张伟清偿，"
        in (printed)
    )
    assert "催告" not in printed and "未获追认" not in printed
    guarantor = printed_copy("lawyer_letter", CONSENTED, 1)
    assert "该合同已经其法定代理人于2025年1月8日同意，依法有效" in guarantor


def test_a_debtor_now_adult_had_a_representative_then():
    data = _with(
        load_fixture("demand_letter", "valid", "debtor_minor_when_contracting"),
        "ratification",
        "2025-02-01",
    )
    printed = printed_copy("demand_letter", data)
    assert "该合同已经您当时的法定代理人于2025年2月1日追认，依法有效" in printed
    assert "有效的" not in printed and "根据合同约定" in printed
    codes = _codes("demand_letter", data)
    assert "ratification_not_asked" not in codes and "debtor_minor" not in codes


def test_an_adult_of_limited_capacity_binds_once_consented_to():
    data = _with(
        load_fixture("lawyer_letter", "valid", "debtor_with_limited_capacity_through_guardian"),
        "consent",
        "2025-01-10",
    )
    printed = printed_copy("lawyer_letter", data)
    assert (
        "上述《借款合同》已经您于2025年1月10日同意，依法有效"
        f"（{CODE}第一百四十五条第一款）。根据合同约定"
    ) in printed
    assert (
        "不能完全辨认自己行为的成年人为限制民事行为能力人，其实施的民事法律行为，除纯获利益或者与其"
        f"智力、精神健康状况相适应的以外，经法定代理人同意或者追认后有效（{CODE}第二十二条、"
        "第一百四十五条第一款）。上述《借款合同》已经法定代理人同意，对当事人具有法律约束力"
    ) in printed
    assert "已为限制民事行为能力人" not in printed  # no fallback: the contract is valid
    assert "capacity_at_contract_unknown" not in _codes("lawyer_letter", data)


# --- refused or warned -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_name", "name", "loc", "code"),
    [
        (
            "demand_letter",
            "ratified_before_the_contract",
            ("guardian_assent", "given_on"),
            "ratified_before_contract",
        ),
        (
            "lawyer_letter",
            "ratified_after_the_letter",
            ("guardian_assent", "given_on"),
            "assent_after_letter",
        ),
        (
            "demand_letter",
            "ratification_of_a_void_contract",
            ("guardian_assent",),
            "assent_to_void_contract",
        ),
    ],
)
def test_an_invalid_fixture_is_refused_at_the_assent(type_name, name, loc, code):
    data = load_fixture(type_name, "invalid", name)
    errors = [(p.loc, p.code) for p in _problems(type_name, data) if p.severity == "error"]
    assert errors == [(loc, code)]


def test_a_ratification_before_the_contract_is_a_consent():
    error = _codes("demand_letter", _with(RATIFIED, "ratification", "2025-01-05"))[
        "ratified_before_contract"
    ]
    assert error.message == (
        "追认之日（2025年1月5日）早于签订《借款合同》之日（2025年1月10日）：追认是对已经实施的"
        f"民事法律行为的事后认可，签约前作出的是同意（{CODE}第一百四十五条第一款）"
    )
    assert error.hint == "请核对日期，或将方式改为「签约前（时）同意」"
    # the same day as consent is accepted
    assert not _codes("demand_letter", _with(RATIFIED, "consent", "2025-01-05"))


def test_a_consent_after_the_contract_is_a_ratification():
    error = _codes("lawyer_letter", _with(CONSENTED, "consent", "2025-01-11"))[
        "consented_after_contract"
    ]
    assert error.loc == ("guardian_assent", "given_on") and error.severity == "error"
    assert "签约后对合同的认可是追认" in error.message
    # consent on the day of the contract is consent
    assert not _codes("lawyer_letter", _with(CONSENTED, "consent", "2025-01-10"))


def test_an_assent_dated_after_the_letter_is_refused():
    error = _codes("lawyer_letter", _with(CONSENTED, "ratification", "2026-11-21"))[
        "assent_after_letter"
    ]
    assert error.message.startswith(
        "法定代理人追认之日（2026年11月21日）晚于发函日期（2026年11月20日）"
    )
    assert not _codes("lawyer_letter", _with(CONSENTED, "ratification", "2026-11-20"))


def test_a_void_contract_cannot_be_ratified():
    data = _with(
        load_fixture("demand_letter", "valid", "contract_made_under_eight"),
        "ratification",
        "2025-10-01",
    )
    error = _codes("demand_letter", data)["assent_to_void_contract"]
    assert error.severity == "error" and error.loc == ("guardian_assent",)
    assert "签订《借款协议》时未满八周岁（7周岁），为无民事行为能力人" in error.message
    assert (
        f"法定代理人的同意或者追认不能使其有效（{CODE}第二十条、第一百四十四条）" in error.message
    )
    minor = _with(
        load_fixture("demand_letter", "valid", "minor_without_capacity_through_guardian"),
        "consent",
        "2025-01-10",
    )
    error = _codes("demand_letter", minor)["assent_to_void_contract"]
    assert f"（{CODE}第二十一条、第一百四十四条）" in error.message


def test_an_adult_without_capacity_is_warned_and_the_assent_not_stated():
    data = load_fixture("lawyer_letter", "valid", "adult_without_capacity_ratification_given")
    # found on the day of the contract: whether it was void is unknown
    data = {**data, "capacity_found_on": "2025-01-10"}
    warning = _codes("lawyer_letter", data)["assent_without_effect"]
    assert warning.loc == ("guardian_assent",) and warning.severity == "warning"
    assert "法定代理人的追认不能使其有效" in warning.message
    printed = printed_copy("lawyer_letter", data)
    assert "已经您的法定代理人" not in printed
    assert "已为无民事行为能力人、该合同因此无效的" in printed  # the fallback stays


def test_an_assent_for_a_capable_debtor_is_refused():
    data = _with(load_fixture("demand_letter", "valid", "person_debtor"), "consent", "2025-01-01")
    error = _codes("demand_letter", data)["assent_not_needed"]
    assert error.loc == ("guardian_assent",) and error.severity == "error"
    assert "为完全民事行为能力人" in error.message and "无需法定代理人同意" in error.message
    company = _with(
        load_fixture("demand_letter", "valid", "company_debtor_arbitration"),
        "consent",
        "2025-01-01",
    )
    assert "没有法定代理人" in _codes("demand_letter", company)["assent_not_needed"].message


def test_an_assent_for_a_debtor_of_unknown_age_is_warned_not_stated():
    data = _with(load_fixture("demand_letter", "valid", "person_debtor"), "consent", "2025-01-01")
    data["debtor"].pop("id_number", None)
    data["debtor"].pop("birth_date", None)
    warning = _codes("demand_letter", data)["assent_capacity_unknown"]
    assert warning.severity == "warning" and warning.loc == ("guardian_assent",)
    printed = printed_copy("demand_letter", data)
    assert "同意，依法有效" not in printed and "法定代理人" not in printed
