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
