"""A complaint's defendant who contracted as a minor of eight or more, typed as without
capacity, whom the court found so only after the contract: the contract awaits the
guardian's ratification as the letters read it (民法典 arts. 19, 145), void only on what
shows the capacity already lacking when signing (``incapacity_at_signing``; arts. 21(2),
144)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
NAME = "minor_found_without_capacity_after_the_contract"
RATIFIED = load_fixture("civil_complaint", "valid", f"{NAME}_ratified")
UNRATIFIED = load_fixture("civil_complaint", "invalid", f"{NAME}_unratified")
EVIDENCE = load_fixture("civil_complaint", "invalid", f"{NAME}_with_evidence")
BEFORE = load_fixture(
    "civil_complaint", "invalid", "incapacity_evidence_with_a_finding_before_the_contract"
)
FOUND = "北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日"


def _problems(data: dict, severity: str = "error") -> dict:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return {p.loc: p for p in problems if p.severity == severity}


def test_the_ratification_is_printed_beside_the_later_finding():
    assert _problems(RATIFIED) == {}
    printed = printed_copy("civil_complaint", RATIFIED)
    assert (
        f"被告张伟签订《借款合同》时未满十八周岁（14周岁），{FOUND}（签约之后）认定其为无民事"
        "行为能力人，该合同经法定代理人同意或者追认后有效，其法定代理人王丽已于2025年10月8日以"
        "书面《追认书》追认该合同（《中华人民共和国民法典》第十九条、第一百四十五条第一款）。"
        in printed
    )
    assert "无效" not in printed
    assert "《中华人民共和国民法典》第十九条、第二十三条、第一百四十五条" in printed


def test_the_element_form_states_it_too():
    data = copy.deepcopy(RATIFIED)
    data["layout"] = "elements"
    printed = printed_copy("civil_complaint", data)
    assert f"{FOUND}（签约之后）认定其为无民事行为能力人，该合同经法定代理人同意" in printed


def test_a_finding_on_the_day_of_the_contract_reads_the_same():
    data = copy.deepcopy(RATIFIED)
    data["defendants"][0]["capacity_found_on"] = "2025-01-10"
    assert _problems(data) == {}
    assert "民事判决于2025年1月10日（签约当日）认定其为无民事行为能力人" in printed_copy(
        "civil_complaint", data
    )


def test_without_ratification_it_is_refused_as_any_minors_contract():
    problem = _problems(UNRATIFIED)[("defendants", 0, "contract_assent")]
    assert problem.code == "minor_contract_unratified"
    assert problem.message.startswith(
        f"被告张伟签订《借款合同》时为14周岁的未成年人，{FOUND}（签约之后）认定其为无民事行为"
        "能力人，该认定不能说明其签约时已不能辨认自己的行为；其签约时为限制民事行为能力人："
    )
    assert "「签约时已不能辨认自己行为的依据」" in (problem.hint or "")
    warning = _problems(UNRATIFIED, "warning")[("defendants", 0, "party", "birth_date")]
    assert warning.code == "debtor_minor"
    assert "起诉状不认为合同无效" in warning.message
    assert "追认不能使其有效" not in warning.message


def test_with_evidence_of_the_incapacity_when_signing_the_contract_is_void():
    errors = _problems(EVIDENCE)
    problem = errors[("defendants", 0, "party", "capacity")]
    assert problem.code == "minor_contract_void"
    assert problem.message.startswith(
        "被告张伟签订《借款合同》时为14周岁的未成年人，不能辨认自己的行为（依据：北京华正司法鉴定"
        "中心（2025）华正精鉴字第88号司法鉴定意见书载明张伟自2023年3月起不能辨认自己的行为），"
        f"其后经{FOUND}认定，为无民事行为能力人："
    )
    assert "第一百五十七条" in problem.message
    assert ("defendants", 0, "contract_assent") not in errors


def test_evidence_is_refused_where_the_finding_predates_the_contract():
    errors = _problems(BEFORE)
    problem = errors[("defendants", 0, "incapacity_at_signing")]
    assert problem.code == "incapacity_evidence_unused"
    assert (
        "本案被告张伟已于2024年12月1日经人民法院认定为无民事行为能力人，早于签约（2025年1月10日）"
        in problem.message
    )
    assert errors[("defendants", 0, "party", "capacity")].code == "minor_contract_void"


def test_an_adult_found_later_with_evidence_makes_a_void_contract():
    adult = "adult_found_without_capacity_after_the_contract_with_evidence"
    data = load_fixture("civil_complaint", "invalid", adult)
    problem = _problems(data)[("defendants", 0, "incapacity_at_signing")]
    assert problem.code == "contract_after_incapacity_finding"
    assert problem.message.startswith(
        "被告张伟签订《借款合同》时已不能辨认自己的行为（依据：北京华正司法鉴定中心（2025）华正精鉴字"
        f"第88号司法鉴定意见书载明张伟自2023年3月起不能辨认自己的行为），其后经{FOUND}认定为无民事"
        "行为能力人："
    )
    data["defendants"][0].pop("incapacity_at_signing")
    assert _problems(data) == {}


def test_an_adult_found_later_without_evidence_is_warned_the_contract_is_read_as_binding():
    """The letters' warning (capacity_found_after_contract), said of the complaint: the
    finding after the contract says nothing of the capacity when signing."""
    data = load_fixture("civil_complaint", "valid", "defendant_with_guardian")
    warned = _problems(data, "warning")[("defendants", 0, "capacity_found_on")]
    assert warned.code == "capacity_found_after_contract"
    assert warned.message.startswith(
        "被告张伟于2025年9月1日经人民法院认定为无民事行为能力人，晚于签订《借款合同》（2025年1月10日）："
    )
    assert "起诉状按合同有效请求履行" in warned.message
    assert "「签约时已不能辨认自己行为的依据」" in (warned.hint or "")
    # found before the contract: nothing to warn of (the guardian made it)
    before = load_fixture(
        "civil_complaint", "valid", "contract_made_by_the_guardian_after_the_finding"
    )
    assert ("defendants", 0, "capacity_found_on") not in _problems(before, "warning")
    # with evidence of the incapacity when signing: void, an error instead of the warning
    adult = "adult_found_without_capacity_after_the_contract_with_evidence"
    void = load_fixture("civil_complaint", "invalid", adult)
    assert ("defendants", 0, "capacity_found_on") not in _problems(void, "warning")
