"""The application for enforcement: the two-year period, the court, the delay interest."""

from __future__ import annotations

from datetime import date

from docgen import layouts
from docgen.docmodel.blocks import Paragraph
from docgen.documents.base import RuleOptions
from tests.enforcement_cases import TYPE
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import fixture as _fixture
from tests.support import printed_copy

JUDGMENT = _fixture("judgment_first_instance")  # read only


def _case(**title):
    data = _fixture("judgment_first_instance")
    data["title"].update(title)
    return data


def _errors(data):
    return [(p.loc, p.code) for p in _assess(data).errors]


def test_an_application_two_years_after_the_deadline_is_in_time():
    # the period runs from the day after 2024-11-20 and ends on Friday 2026-11-20
    assert _errors(_case(effective_date="2024-11-10", performance_deadline="2024-11-20")) == []


def test_an_application_two_years_and_a_day_after_the_deadline_is_refused():
    problems = _assess(_case(effective_date="2024-11-09", performance_deadline="2024-11-19"))
    (error,) = problems.errors
    assert (error.loc, error.code) == (("application_date",), "application_period_expired")
    assert "已于2026年11月19日届满" in error.message
    assert "第二百五十条" in error.message


def test_a_period_ending_on_a_rest_day_runs_to_the_next_workday():
    # 2024-11-16 + 2 years = Monday 2026-11-16; 2024-11-14 + 2 years = Saturday 2026-11-14
    data = _case(effective_date="2024-11-04", performance_deadline="2024-11-14")
    data["application_date"] = "2026-11-16"
    # the interest counted to 2026-11-20 is not this test's: left out
    data["outstanding"].update(interest=None, interest_to_payment=False)
    assert _errors(data) == []


def test_an_interruption_in_the_period_restarts_it():
    late = _case(effective_date="2024-01-05", performance_deadline="2024-01-15")
    assert _errors(late) == [(("application_date",), "application_period_expired")]
    late["interruptions"] = [{"kind": "settled", "day": "2025-06-01"}]
    assert _errors(late) == []
    text = TYPE.build_context(TYPE.parse(late), _assess(late))["facts"]
    # the 执行程序解释 (法释〔2008〕13号) as amended in 2020: its art. 20 (art. 28 before)
    assert (
        "2025年6月1日，双方达成和解协议，申请执行期间中断（《最高人民法院关于适用〈中华人民"
        "共和国民事诉讼法〉执行程序若干问题的解释》（2020年修正）第二十条）" in text
    )


def test_an_interruption_after_expiry_does_not_save_the_application():
    late = _case(effective_date="2024-01-05", performance_deadline="2024-01-15")
    late["interruptions"] = [{"kind": "demanded", "day": "2026-03-01"}]
    assert _errors(late) == [(("application_date",), "application_period_expired")]


def test_consent_to_perform_after_expiry_is_a_warning_not_an_error():
    late = _case(effective_date="2024-01-05", performance_deadline="2024-01-15")
    late["interruptions"] = [{"kind": "consented", "day": "2026-03-01"}]
    result = _assess(late)
    assert result.errors == []
    assert [w.code for w in result.warnings] == ["period_expired_consented"]


def test_without_a_performance_period_it_runs_from_the_instrument_taking_effect():
    data = _case(effective_date="2024-11-19", performance_deadline=None)
    assert _errors(data) == [(("application_date",), "application_period_expired")]


def test_the_requests_state_the_unpaid_total_and_the_doubled_interest_with_its_calculation():
    context = TYPE.build_context(TYPE.parse(JUDGMENT), _assess(JUDGMENT))
    first, second, joint, costs = context["requests"]
    assert first.startswith("请求强制执行被执行人张伟向申请执行人支付借款本金")
    # the judgment's own term names the debt she answers for: not 「上述债务」, which
    # would take in the doubled interest of item 2 (民诉法解释 art. 461)
    assert joint == "被执行人李秀英对上述第1项债务承担连带清偿责任。"
    assert "以上合计人民币106,417.95元（大写：壹拾万陆仟肆佰壹拾柒元玖角伍分）" in first
    assert "暂计至2026年11月20日为人民币10,500.00元" in second
    assert costs == "本案执行费用由被执行人负担。"
    # the base leaves out the general interest (法释〔2014〕8号 art. 1) and the court fee
    # the court refunds and collects (民诉法解释 art. 207): 100,000
    assert "100,000.00元×0.0175%×600日＝10,500.00元" in context["delay"]


def test_a_judgments_court_fee_is_left_to_the_court_unless_paid_directly():
    """民诉法解释 art. 207: the court refunds the winner's prepaid fee and collects it from
    the loser, unless the winner agreed to be paid directly; claimed as well, it would be
    paid twice, and it would swell the doubled part's base."""
    context = TYPE.build_context(TYPE.parse(JUDGMENT), _assess(JUDGMENT))
    assert "诉讼费用" not in context["requests"][0]
    assert (
        "该判决书确定由被执行人负担的诉讼费用人民币1,332.49元，申请执行人预交的部分依法由人民法院"
        "退还，由被执行人向人民法院交纳（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
        "第二百零七条），不列入本次申请执行的金额。" in context["facts"]
    )
    data = _fixture("judgment_fee_paid_directly")
    context = TYPE.build_context(TYPE.parse(data), _assess(data))
    first = context["requests"][0]
    assert "诉讼费用人民币1,332.49元（大写：壹仟叁佰叁拾贰元肆角玖分）" in first
    assert "以上合计人民币107,750.44元" in first
    assert "101,332.49元×0.0175%×600日＝10,639.91元" in context["delay"]
    # claimed, with the ground that lets the applicant claim it: its agreement to be paid
    # by the respondent directly
    assert (
        "该判决书确定由被执行人负担的诉讼费用人民币1,332.49元，申请执行人同意由被执行人直接支付"
        "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零七条），一并申请执行。"
        in context["facts"]
    )


def test_an_award_is_enforced_where_the_debtor_lives_or_its_property_is():
    data = _fixture("arbitration_award")
    data["court_basis"] = "first_instance"
    assert _errors(data) == [(("court_basis",), "basis_not_allowed")]
    data["court_basis"] = "property_location"
    assert _errors(data) == []


def test_an_award_enforced_by_a_basic_court_is_a_warning_to_check():
    data = _fixture("arbitration_award")
    data["court"] = "福州市鼓楼区人民法院"
    result = _assess(data)
    assert result.errors == []
    (warning,) = [w for w in result.warnings if w.loc == ("court",)]
    assert warning.code == "award_court_level"
    assert "法释〔2018〕5号第二条" in warning.message


def test_a_calculation_date_inside_the_performance_period_is_refused():
    data = _fixture("judgment_first_instance")
    data["calculation_date"] = "2025-03-30"
    data["outstanding"]["interest_until"] = "2026-11-20"  # the interest's own day
    assert _errors(data) == [(("calculation_date",), "before_delay")]


def test_the_period_of_an_instrument_in_installments_runs_from_the_last_one():
    data = _fixture("mediation_in_installments")
    data["application_date"] = "2029-01-04"  # 2026-12-31 + 2 years = 2028-12-31, a Sunday
    data["outstanding"]["principal"] = "80000.00"  # by then all four installments are due
    # the end moves off the weekend and the 元旦 holiday to 2029-01-02
    assert _errors(data) == [(("application_date",), "application_period_expired")]
    data["application_date"] = "2029-01-02"
    result = _assess(data)
    assert result.errors == [] and result.warnings == []


def test_each_installment_bears_delay_interest_from_its_own_deadline():
    data = _fixture("mediation_in_installments")
    context = TYPE.build_context(TYPE.parse(data), _assess(data))
    # 20,000 × 0.0175% × (204 + 143 + 81) days; the last installment is not late yet
    assert "暂计至2026年11月20日为人民币1,498.00元" in context["requests"][1]
    assert "第3部分（2026年8月31日届满）" in context["delay"]
    assert "第4部分" not in context["delay"]


def test_the_property_court_is_of_the_first_instance_courts_level():
    data = _fixture("mediation_interrupted_period")
    context = TYPE.build_context(TYPE.parse(data), _assess(data))
    assert context["court_basis"].startswith("贵院为与第一审人民法院同级的被执行的财产所在地")
    data["court"] = "上海市第一中级人民法院"
    assert _errors(data) == [(("court",), "not_the_same_level")]


def _installments(name, kind="valid"):
    data = _fixture(name, kind)
    return data, _assess(data)


def test_only_the_installments_due_are_claimed_and_the_rest_is_named_as_left_out():
    data, result = _installments("mediation_in_installments")
    assert result.problems == []
    context = TYPE.build_context(TYPE.parse(data), result)
    assert "欠款人民币60,000.00元（大写：陆万元整）" in context["requests"][0]
    assert "其中3期的履行期限已经届满，其余1期尚未届满，不在本次申请执行之列" in context["facts"]


def test_claiming_an_installment_not_yet_due_without_acceleration_is_refused():
    _, result = _installments("installment_not_yet_due_claimed", "invalid")
    (problem,) = result.errors
    assert (problem.loc, problem.code) == (("title", "installments"), "installment_not_due")
    assert "尚未届满的1期（最早一期于2026年12月31日届满）合计人民币20,000.00元" in problem.message
    assert "已届满各期的未付金额人民币60,000.00元" in problem.message
    assert "第二百四十七条" in problem.message and "加速到期日" in problem.hint


def test_an_award_installment_not_yet_due_is_refused_under_the_awards_article():
    data, _ = _installments("installment_not_yet_due_claimed", "invalid")
    data["title"].update(kind="arbitration", issuer="北京仲裁委员会")
    data.update(court="北京市第二中级人民法院", court_basis="respondent_domicile")
    problem = next(p for p in _assess(data).errors if p.code == "installment_not_due")
    assert "（《中华人民共和国民事诉讼法》第二百四十八条）" in problem.message


def test_an_acceleration_the_instrument_agreed_claims_the_rest_with_a_warning():
    data, result = _installments("mediation_accelerated")
    assert result.errors == []
    (warning,) = result.warnings
    assert warning.loc == ("title", "accelerated_on")
    assert "尚未届满的1期合计人民币20,000.00元按法律文书的加速到期约定" in warning.message
    context = TYPE.build_context(TYPE.parse(data), result)
    assert "欠款人民币80,000.00元" in context["requests"][0]
    # three installments are past their own dates on 2026-11-20; the fourth (2026-12-31)
    # is claimed with them under the clause, which is the basis named
    assert (
        "其中3期的履行期限已经届满；尚未届满的1期（2026年12月31日届满），因被执行人未按期"
        "履行，依该民事调解书关于“被告张伟任何一期未按期足额支付的，原告刘芳有权就全部未付"
        "款项申请强制执行”的约定，申请执行人有权一并申请执行。" in context["facts"]
    )


def test_an_award_for_the_price_of_goods_claims_the_price_by_its_name():
    data, result = _installments("arbitration_award")
    context = TYPE.build_context(TYPE.parse(data), result)
    assert context["requests"][0].startswith(
        "请求强制执行被执行人福州闽江建材有限公司向申请执行人支付货款人民币450,000.00元"
    )
    assert "本金" not in context["requests"][0]


def test_an_acceleration_follows_a_missed_installment():
    _, result = _installments("accelerated_before_a_missed_installment", "invalid")
    assert [(p.loc, p.code) for p in result.errors] == [
        (("title", "accelerated_on"), "before_a_missed_installment")
    ]


def test_an_awards_costs_are_claimed_as_arbitration_fees():
    data = _fixture("arbitration_award")
    first = TYPE.build_context(TYPE.parse(data), _assess(data))["requests"][0]
    assert "仲裁费用人民币8,650.00元（大写：捌仟陆佰伍拾元整）" in first
    assert "诉讼费用" not in first
    # an award's fee is the commission's, kept by it: claimed whatever the choice
    data["outstanding"]["court_fee_paid_directly"] = False
    first = TYPE.build_context(TYPE.parse(data), _assess(data))["requests"][0]
    assert "仲裁费用人民币8,650.00元" in first


def test_accelerated_installments_bear_delay_interest_from_their_own_deadlines():
    # a clause that lets the creditor enforce the whole does not end the later periods:
    # each installment from its own deadline (法释〔2014〕8号 art. 2)
    data, result = _installments("mediation_accelerated")
    context = TYPE.build_context(TYPE.parse(data), result)
    # 20,000 × 0.0175% × (204 + 143 + 81) days; the 2026-12-31 installment is not late yet
    assert "暂计至2026年11月20日为人民币1,498.00元" in context["requests"][1]
    assert "第2部分（2026年6月30日届满）：" in context["delay"]
    assert "第3部分（2026年8月31日届满）：" in context["delay"]
    assert "自2026年7月1日起至2026年11月20日止共143日" in context["delay"]
    assert "自2026年5月2日起" not in context["delay"] and "第4部分" not in context["delay"]
    assert (
        "2026年12月31日届满的一期人民币20,000.00元，其加倍部分债务利息自2027年1月1日起计算"
        in context["delay"]
    )


def test_delay_interest_from_the_acceleration_cites_the_clause_and_is_a_warning():
    data, result = _installments("mediation_accelerated_interest_from_default")
    assert result.errors == []
    warning = next(w for w in result.warnings if w.code == "delay_from_acceleration")
    assert warning.loc == ("title", "delay_from_acceleration")
    assert "法释〔2014〕8号第二条" in warning.message
    context = TYPE.build_context(TYPE.parse(data), result)
    # 20,000 × 0.0175% × 204 days + 3 × 20,000 × 0.0175% × 203 days
    assert "暂计至2026年11月20日为人民币2,845.50元" in context["requests"][1]
    assert "第2部分（2026年6月30日届满，依约定于2026年5月1日到期）：" in context["delay"]
    assert "第4部分（2026年12月31日届满，依约定于2026年5月1日到期）：" in context["delay"]
    assert (
        "依该民事调解书关于“被告张伟任何一期未按期足额支付的，其余各期款项视为全部到期，"
        "原告刘芳有权就全部未付款项申请强制执行”的约定，其余各期于2026年5月1日到期，"
        "其加倍部分债务利息自2026年5月2日起计算（法释〔2014〕8号第二条）" in context["delay"]
    )


def test_delay_interest_from_the_acceleration_needs_the_clause_and_an_acceleration():
    _, result = _installments("interest_from_acceleration_without_its_clause", "invalid")
    assert [(p.loc, p.code) for p in result.errors] == [
        (("title", "acceleration_clause"), "missing")
    ]
    data = _fixture("mediation_in_installments")
    data["title"]["delay_from_acceleration"] = True
    assert _errors(data) == [(("title", "delay_from_acceleration"), "no_acceleration")]


def _facts(data):
    return TYPE.build_context(TYPE.parse(data), _assess(data))["facts"]


def test_each_kind_of_instrument_is_enforced_under_its_own_article():
    award = _fixture("arbitration_award")
    # 民事诉讼法 (2023) art. 248 for an award; the 2017 仲裁法 is replaced from 2026-03-01
    assert "根据《中华人民共和国民事诉讼法》第二百四十八条、第二百三十五条的规定" in _facts(award)
    assert "第二百四十七条" not in _facts(award) and "仲裁法" not in _facts(award)
    award.update(application_date="2026-02-27", calculation_date="2026-02-27")
    award["title"].update(effective_date="2025-11-03", performance_deadline="2025-11-18")
    assert _errors(award) == []
    assert (
        "根据《中华人民共和国民事诉讼法》第二百四十八条、第二百三十五条及《中华人民共和国"
        "仲裁法》第六十二条的规定" in _facts(award)
    )
    assert "根据《中华人民共和国民事诉讼法》第二百四十七条、第二百三十五条的规定" in _facts(
        JUDGMENT
    )
    notarial = _case(kind="notarial", issuer="北京市方圆公证处")
    assert "民事诉讼法》第二百四十九条、第二百三十五条" in _facts(notarial)


def _requests(data):
    case = TYPE.parse(data)
    result = TYPE.evaluate(case, RuleOptions(today=date(2026, 11, 20)))
    assert result.errors == [], result.errors
    return TYPE.build_context(case, result)["requests"], result


def test_a_mediation_penalty_enforced_replaces_the_doubled_delay_interest():
    data = _fixture("mediation_penalty_claimed")
    requests, result = _requests(data)
    assert "违约金人民币8,000.00元" in requests[0]
    assert not any("加倍支付迟延履行期间的债务利息" in r for r in requests), requests
    assert [(w.loc, w.code) for w in result.warnings] == [
        (("title", "default_liability"), "delay_after_mediated_liability")
    ]
    assert "第十五条第二款" in result.warnings[0].message


def test_a_mediation_penalty_not_said_to_be_the_statements_own_is_warned_of():
    data = _fixture("mediation_penalty_unstated")
    requests, result = _requests(data)
    assert any("加倍支付迟延履行期间的债务利息" in r for r in requests), requests
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (
        ("title", "default_liability"),
        "mediated_liability_unstated",
    )
    assert warning.message.startswith("申请执行的违约金如系调解书约定的不履行责任")


def test_a_judgment_bears_the_doubled_delay_interest_whatever_else_is_claimed():
    data = _fixture("judgment_first_instance")
    data["outstanding"].update(other="8000.00", other_label="违约金")
    data["title"]["default_liability"] = True  # a mediation statement's question only
    requests, result = _requests(data)
    assert any("加倍支付迟延履行期间的债务利息" in r for r in requests), requests
    assert not [w for w in result.warnings if w.loc == ("title", "default_liability")]


def test_the_items_are_claimed_in_the_order_the_instrument_names_them():
    # the award: 「支付货款450,000元及违约金22,500元，并承担仲裁费8,650元」
    data = _fixture("arbitration_award")
    printed = printed_copy("enforcement_application", data)
    assert (
        "支付货款人民币450,000.00元（大写：肆拾伍万元整）；违约金人民币22,500.00元（大写：贰万贰仟"
        "伍佰元整）；仲裁费用人民币8,650.00元（大写：捌仟陆佰伍拾元整）；以上合计"
    ) in printed
    # an instrument naming the fee first: the fee first, the principal always leading
    data["title"]["operative_part"] = (
        "被申请人承担仲裁费8,650元，并于本裁决作出之日起十五日内支付货款450,000元及违约金22,500元。"
    )
    first = TYPE.build_context(TYPE.parse(data), _assess(data))["requests"][0]
    assert first.index("货款") < first.index("仲裁费用") < first.index("违约金")


def test_the_doubled_interest_is_calculated_under_its_claim_a_line_per_installment():
    data = _fixture("mediation_in_installments")
    printed = printed_copy("enforcement_application", data)
    claim = printed.index("2. 请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息")
    calculation = printed.index("\n加倍部分债务利息计算：第1部分（2026年4月30日届满）：")
    assert claim < calculation < printed.index("3. 本案执行费用由被执行人负担。")
    assert "＝714.00元；\n第2部分（2026年6月30日届满）：" in printed
    assert "＝283.50元；\n合计1,498.00元（《中华人民共和国民事诉讼法》第二百六十四条" in printed
    # in the body's type, not the small print of a note
    document = layouts.LAYOUTS["enforcement_application"].build(
        TYPE.build_context(TYPE.parse(data), _assess(data))
    )
    roles = {b.role for b in document.blocks if isinstance(b, Paragraph) and "计算" in str(b.text)}
    assert roles == {"body"}
