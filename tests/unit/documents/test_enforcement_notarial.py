"""The application for enforcement of a notarised debt instrument: its period runs per
installment and restarts on the application for the 执行证书 (法释〔2018〕18号 art. 9); a
court's instrument is named by its own case number, not an enforcement's."""

from __future__ import annotations

from tests.enforcement_cases import TYPE
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import fixture as _fixture

ARTICLE_9 = "《最高人民法院关于公证债权文书执行若干问题的规定》第九条"


def _errors(data):
    return [(p.loc, p.code) for p in _assess(data).errors]


def _facts(data) -> str:
    result = _assess(data)
    assert result.errors == [], result.errors
    return TYPE.build_context(TYPE.parse(data), result)["facts"]


def test_applying_for_the_certificate_restarts_the_period_and_is_stated():
    data = _fixture("notarial_certificate_applied_in_time")
    assert (
        "申请执行人于2027年12月10日向北京市方圆公证处申请出具执行证书，申请执行期间自该日起"
        f"中断（{ARTICLE_9}）。北京市方圆公证处于2027年12月20日出具（2027）京方圆执字第98号"
        "执行证书。"
    ) in _facts(data)
    del data["title"]["certificate_applied_on"]
    # from the deadline 2025-12-31 the two years ended on 2027-12-31
    assert _errors(data) == [(("application_date",), "application_period_expired")]


def test_a_certificate_applied_for_out_of_order_is_refused():
    data = _fixture("notarial_certificate_applied_in_time")
    data["title"]["certificate_applied_on"] = "2027-12-21"
    assert _errors(data) == [(("title", "certificate_applied_on"), "after_the_certificate")]
    data["title"]["certificate_applied_on"] = "2025-06-29"
    # nor does it interrupt a period that had not begun
    assert _errors(data) == [
        (("title", "certificate_applied_on"), "before_the_instrument"),
        (("application_date",), "application_period_expired"),
    ]


def test_the_certificate_applied_for_in_a_running_period_is_stated_as_interrupting_it():
    data = _fixture("notarial_deed")
    data["title"]["certificate_applied_on"] = "2026-01-05"
    assert (
        "申请执行人于2026年1月5日向北京市方圆公证处申请出具执行证书，申请执行期间自该日起中断"
        in (_facts(data))
    )


def test_an_early_installment_of_a_notarised_instrument_runs_its_own_period():
    data = _fixture("notarial_installment_out_of_its_own_period", "invalid")
    data["title"]["certificate_applied_on"] = "2026-07-10"
    problems = _assess(data)
    ((loc, code),) = [(p.loc, p.code) for p in problems.errors]
    assert (loc, code) == (("title", "installments", 0), "installment_period_expired")
    (error,) = problems.errors
    assert "2024年6月30日届满的一期人民币50,000.00元" in error.message
    assert "已于2026年6月30日届满" in error.message
    assert ARTICLE_9 in error.message


def test_an_early_installment_in_time_through_the_certificate_application_is_accepted():
    data = _fixture("notarial_installment_out_of_its_own_period", "invalid")
    data["title"]["certificate_applied_on"] = "2026-06-01"
    data["title"]["certificate_date"] = "2026-07-15"
    assert _errors(data) == []


def test_a_judgments_installments_run_from_the_last_one_only():
    data = _fixture("notarial_installment_out_of_its_own_period", "invalid")
    data["title"].update(
        kind="mediation",
        issuer="北京市朝阳区人民法院",
        case_number="（2024）京0105民初1234号",
        certificate_number=None,
        certificate_date=None,
        certificate_applied_on=None,
    )
    data["court"] = "北京市朝阳区人民法院"
    data["court_basis"] = "first_instance"
    # 民事诉讼法 art. 250: 从最后一期履行期限届满之日起计算
    assert _errors(data) == []


def test_a_judgment_under_an_enforcement_case_number_is_refused():
    data = _fixture("judgment_under_an_enforcement_case_number", "invalid")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("title", "case_number"), "execution_number_as_title")
    assert "执行依据应为作出民事判决书的审判案件的案号" in error.message
    data["title"]["case_number"] = "（2025）京0101民初1234号"
    assert _errors(data) == []


def test_an_award_names_its_court_as_the_intermediate_court_it_is():
    data = _fixture("arbitration_award")
    context = TYPE.build_context(TYPE.parse(data), _assess(data))
    assert context["court_basis"] == "贵院为被执行人住所地的中级人民法院，依法享有执行管辖权。"
    data = _fixture("notarial_deed")
    context = TYPE.build_context(TYPE.parse(data), _assess(data))
    assert context["court_basis"] == "贵院为被执行人住所地人民法院，依法享有执行管辖权。"


def _warnings(data):
    return [(p.loc, p.code) for p in _assess(data).warnings]


def test_a_notarised_instrument_not_named_is_warned_of_at_its_field():
    data = _fixture("notarial_certificate_applied_in_time")
    assert (("title", "debt_instrument"), "debt_instrument_unnamed") in _warnings(data)
    message = next(p.message for p in _assess(data).warnings if p.code == "debt_instrument_unnamed")
    assert "第四条" in message and "债权文书" in message
    data["title"]["debt_instrument"] = "《借款合同》"
    assert "debt_instrument_unnamed" not in [code for _, code in _warnings(data)]
    # a court's instrument has no debt instrument to name
    judgment = _fixture("judgment_first_instance")
    assert "debt_instrument_unnamed" not in [code for _, code in _warnings(judgment)]


# --- whom the notarised instruments bind (法释〔2018〕18号 arts. 4, 6) ----------------------


def _context(data):
    result = _assess(data)
    assert result.errors == [], result.errors
    return TYPE.build_context(TYPE.parse(data), result)


def test_a_guarantor_is_said_to_have_signed_his_own_contract_under_the_same_deed():
    context = _context(_fixture("notarial_loan_and_its_guarantee"))
    assert context["facts"].startswith(
        "申请执行人北京恒通小额贷款有限公司与被执行人王磊于2025年6月28日签订《借款合同》，"
        "被执行人李强与申请执行人北京恒通小额贷款有限公司于2025年6月28日签订《保证合同》，"
        "北京市方圆公证处于2025年6月30日出具（2025）京方圆内经证字第1234号公证书，"
        "赋予上述合同强制执行效力。"
    )
    assert context["attachments"][:2] == [
        "北京市方圆公证处（2025）京方圆内经证字第1234号公证书及其证明的《借款合同》《保证合同》"
        "（公证债权文书）副本",
        "北京市方圆公证处于2026年1月10日出具的（2026）京方圆执字第12号执行证书",
    ]


def test_a_guarantee_notarised_apart_is_stated_and_filed_with_its_own_deed():
    data = _fixture("notarial_loan_and_its_guarantee")
    liability = data["respondents"][1]["liability"]
    liability.update(
        instrument_deed="（2025）京方圆内经证字第1240号", instrument_signed_on="2025-07-02"
    )
    context = _context(data)
    assert (
        "签订《借款合同》，北京市方圆公证处于2025年6月30日出具（2025）京方圆内经证字第1234号"
        "公证书，赋予该借款合同强制执行效力。被执行人李强与申请执行人北京恒通小额贷款有限公司于"
        "2025年7月2日签订《保证合同》，经（2025）京方圆内经证字第1240号公证书赋予强制执行效力。"
    ) in context["facts"]
    assert context["attachments"][:3] == [
        "北京市方圆公证处（2025）京方圆内经证字第1234号公证书及其证明的《借款合同》"
        "（公证债权文书）副本",
        "（2025）京方圆内经证字第1240号公证书及其证明的《保证合同》（公证债权文书）副本",
        "北京市方圆公证处于2026年1月10日出具的（2026）京方圆执字第12号执行证书",
    ]


def test_a_guarantee_under_an_unnamed_debt_instrument_is_named_after_it():
    data = _fixture("notarial_loan_and_its_guarantee")
    del data["title"]["debt_instrument"]
    context = _context(data)
    assert context["facts"].startswith(
        "申请执行人北京恒通小额贷款有限公司与被执行人王磊之间的债权文书及被执行人李强与申请执行人"
        "北京恒通小额贷款有限公司于2025年6月28日签订的《保证合同》经北京市方圆公证处于2025年6月30日"
        "出具（2025）京方圆内经证字第1234号公证书，赋予强制执行效力。"
    )
    assert "公证书及其证明的债权文书及《保证合同》（公证债权文书）副本" in context["attachments"][0]


def test_a_respondent_bound_by_no_notarised_instrument_named_is_warned_of():
    data = _fixture("notarial_guarantee_after_its_deed_and_a_stranger", "invalid")
    result = _assess(data)
    assert [(p.loc, p.code) for p in result.errors] == [
        (("respondents", 1, "liability", "instrument_signed_on"), "after_the_deed")
    ]
    assert "被执行人李强签订的《保证合同》的签订日期不得晚于" in result.errors[0].message
    stranger = [p for p in result.warnings if p.code == "respondent_not_in_instrument"]
    assert [p.loc for p in stranger] == [("respondents", 2, "liability", "instrument")]
    assert "未列明被执行人张敏" in stranger[0].message and "第六条" in stranger[0].message
    # his own notarised contract named: bound by it, not warned of
    data["respondents"][1]["liability"]["instrument_signed_on"] = "2025-06-28"
    data["respondents"][2]["liability"]["instrument"] = "《抵押合同》"
    assert _warnings(data) == []


def test_a_respondents_own_contract_is_for_a_notarised_instrument_only():
    data = _fixture("judgment_first_instance")
    data["respondents"][0]["liability"] = {"kind": "debtor", "instrument": "《保证合同》"}
    assert _errors(data) == [(("respondents", 0, "liability", "instrument"), "not_notarial")]
    data = _fixture("notarial_loan_and_its_guarantee")
    del data["respondents"][1]["liability"]["instrument"]
    assert _errors(data) == [(("respondents", 1, "liability", "instrument"), "instrument_missing")]
