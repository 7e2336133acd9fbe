"""An interruption of the period to apply names the respondent it was made to or by
(``interruptions[i].respondent``): it interrupts the period against him and those jointly
liable with him in one clause (诉讼时效规定 art. 15(2)), not against a debtor by shares
(民法典 art. 517; 民事诉讼法 art. 250); one that names no one counts for every respondent,
warned where there are several."""

from __future__ import annotations

from tests.enforcement_cases import assess, fixture
from tests.support import printed_copy

TO_ONE = "judgment_demand_to_one_of_two_by_shares"
UNNAMED = "judgment_demand_naming_no_respondent_of_two"
STRANGER = "judgment_interruption_respondent_not_a_respondent"
ART_15 = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十五条第二款"


def _problems(data: dict) -> dict:
    return {(p.loc, p.code): p for p in assess(data).problems}


def test_a_demand_to_one_debtor_by_shares_interrupts_only_his_period():
    data = fixture(TO_ONE)
    warning = _problems(data)[(("respondents", 1), "period_not_interrupted_for_respondent")]
    assert warning.message.startswith(
        "2025年6月3日申请执行人向被执行人张伟提出履行要求，中断对其本人的申请执行期间；被执行人"
        "李秀英未与其负连带债务"
    )
    assert "对被执行人李秀英的申请执行期间已于2026年1月15日届满" in warning.message
    assert (("respondents", 0), "period_not_interrupted_for_respondent") not in _problems(data)
    printed = printed_copy("enforcement_application", data)
    assert (
        "2025年6月1日，申请执行人以邮寄方式（邮件号：1234567890123）向被执行人张伟送交"
        "《履行催告函》，提出履行要求，该履行要求于2025年6月3日到达被执行人张伟，对被执行人张伟的"
        "申请执行期间中断（"
    ) in printed


def test_a_demand_to_one_of_joint_debtors_named_together_interrupts_for_both():
    data = fixture(TO_ONE)
    data["title"]["operative_part"] = (
        "被告张伟、李秀英于本判决生效之日起十日内连带偿还原告刘芳借款本金100,000元；"
        "案件受理费1,332.49元由被告张伟、李秀英负担。"
    )
    for r in data["respondents"]:
        r["liability"] = {"kind": "joint"}
    problems = _problems(data)
    assert not [k for k in problems if k[1] == "period_not_interrupted_for_respondent"]
    printed = printed_copy("enforcement_application", data)
    assert "到达被执行人张伟，申请执行期间中断（" in printed
    assert f"{ART_15}）。" in printed


def test_an_interruption_naming_no_one_counts_for_all_and_is_warned():
    data = fixture(UNNAMED)
    problems = _problems(data)
    warning = problems[(("interruptions", 0, "respondent"), "interruption_respondent_unnamed")]
    assert warning.message.startswith(
        "2025年6月3日的中断事由（申请执行人提出履行要求）未写明所涉被执行人，按及于全部被执行人"
        "（张伟、李秀英）计算申请执行期间"
    )
    assert not [k for k in problems if k[1] == "period_not_interrupted_for_respondent"]
    printed = printed_copy("enforcement_application", data)
    assert "到达被执行人，申请执行期间中断（" in printed
    # one respondent: nothing to name
    data["respondents"] = data["respondents"][:1]
    data["outstanding"]["principal"] = "60000.00"
    assert (
        ("interruptions", 0, "respondent"),
        "interruption_respondent_unnamed",
    ) not in _problems(data)


def test_a_respondent_who_is_not_applied_against_is_refused():
    error = _problems(fixture(STRANGER, "invalid"))[
        (("interruptions", 0, "respondent"), "not_a_respondent")
    ]
    assert error.message == "所涉被执行人「王五」不是本申请的被执行人（被执行人：张伟、李秀英）"


def test_a_consent_by_one_is_said_with_his_name():
    data = fixture(TO_ONE)
    data["interruptions"] = [{"kind": "consented", "day": "2025-06-01", "respondent": "张伟"}]
    printed = printed_copy("enforcement_application", data)
    assert "2025年6月1日，被执行人张伟同意履行义务，对被执行人张伟的申请执行期间中断（" in printed
