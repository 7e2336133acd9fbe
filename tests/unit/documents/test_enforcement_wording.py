"""The application for enforcement says what the instrument says: installments claimed as
the clause allows, the statement's own liability instead of the doubled interest, interest
by its name and running to payment, the notary's certificate, how a demand reached the
respondent, the court by its full name, the representative with the position."""

from __future__ import annotations

import copy

from docgen.documents.problems import CaseInvalid
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import assessed_context as _context
from tests.enforcement_cases import fixture as _fixture
from tests.support import FIXTURES


def _codes(result, severity="warning"):
    return [(p.loc, p.code) for p in result.problems if p.severity == severity]


# --- 法释〔2014〕8号 art. 2: the facts follow what the doubled part is counted from --------


def test_a_clause_to_enforce_the_whole_does_not_make_the_last_installment_due():
    context, _ = _context(_fixture("mediation_accelerated"))
    facts = context["facts"]
    assert "尚未届满的1期（2026年12月31日届满），因被执行人未按期履行" in facts
    assert "申请执行人有权一并申请执行。被执行人至今未履行" in facts
    assert "到期" not in facts.split("尚未届满的1期")[1].split("。")[0]
    # the calculation says the same: that installment's doubled part starts after its date
    assert "其加倍部分债务利息自2027年1月1日起计算" in context["delay"]


def test_a_clause_making_the_rest_due_says_they_fell_due_on_the_default():
    context, _ = _context(_fixture("mediation_accelerated_interest_from_default"))
    assert "的约定，已于2026年5月1日到期。" in context["facts"]
    assert "其余各期于2026年5月1日到期" in context["delay"]


# --- 调解规定 art. 15(2): the statement's own liability or the doubled part, never both ---


def test_a_penalty_the_statement_sets_for_its_own_breach_replaces_the_doubled_interest():
    context, result = _context(_fixture("mediation_penalty_read_from_the_statement"))
    requests = context["requests"]
    assert "违约金人民币8,000.00元" in requests[0]
    assert not any("加倍" in r for r in requests), requests
    assert context["delay"] == ""
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (
        ("title", "default_liability"),
        "mediated_liability_read",
    )
    assert warning.message.startswith(
        "调解书确定「逾期未付的，被告另行向原告支付违约金8,000元」：申请执行的违约金为调解书"
        "约定的不履行责任"
    )


def test_a_penalty_the_statement_awards_outright_still_bears_the_doubled_interest():
    context, result = _context(_fixture("mediation_penalty_unstated"))
    assert "加倍部分债务利息暂计至2026年11月20日为人民币19,080.60元" in context["requests"][1]
    assert _codes(result) == [(("title", "default_liability"), "mediated_liability_unstated")]


def test_a_penalty_conditioned_on_a_missed_installment_is_read_too():
    data = _fixture("mediation_penalty_unstated")
    data["title"]["operative_part"] = (
        "被告张伟于2023年6月30日前向原告刘芳一次性支付欠款80,000元；如被告未按期足额支付，"
        "应另行支付违约金8,000元。"
    )
    context, result = _context(data)
    assert len(context["requests"]) == 2
    assert _codes(result) == [(("title", "default_liability"), "mediated_liability_read")]


# --- interest: the instrument's name, running to payment (法释〔2014〕8号 art. 1) ---------


def test_interest_running_to_payment_is_claimed_as_running_under_its_own_name():
    context, result = _context(_fixture("judgment_first_instance"))
    first = context["requests"][0]
    assert (
        "利息人民币6,417.95元（大写：陆仟肆佰壹拾柒元玖角伍分）（以100,000元为基数，按年利率"
        "3.45%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日）" in first
    )
    assert "一般债务利息" not in first
    assert result.warnings == []
    # the interest during the delay follows the judgment's method, which sets interest
    assert context["requests"][1].endswith("迟延履行期间的一般债务利息按法律文书确定的方法计算。")


def test_interest_counted_to_its_own_day_says_so():
    data = _fixture("judgment_first_instance")
    data["outstanding"].update(interest_until="2026-11-10", interest="6323.42")
    context, _ = _context(data)
    assert "计至实际清偿之日止，暂计至2026年11月10日，共669日）" in context["requests"][0]


def test_interest_named_otherwise_and_capped_at_a_day_is_warned_of_twice():
    data = _fixture("judgment_interest_named_otherwise")
    context, result = _context(data)
    assert _codes(result) == [
        (("outstanding", "interest_label"), "interest_label_not_in_title"),
        (("outstanding", "interest_to_payment"), "interest_to_payment_unstated"),
    ]
    assert "「利息」" in result.warnings[0].message
    # claimed under the judgment's name, running to payment as the judgment says
    # (法释〔2014〕8号 art. 1(2)), the typed end the day the figure is counted to
    assert (
        "资金占用费人民币6,417.95元（大写：陆仟肆佰壹拾柒元玖角伍分）（以100,000元为基数，按年利率"
        "3.45%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日）"
        in context["requests"][0]
    )
    assert "暂计至2026年11月20日的金额" in result.warnings[1].message
    data["outstanding"].update(
        interest_label="资金占用费",
        interest_note="以100,000元为基数，按年利率3.45%自2025年1月11日起",
        interest_to_payment=True,
    )
    context, result = _context(data)
    assert result.warnings == []
    assert "资金占用费人民币6,417.95元" in context["requests"][0]


# --- the typed interest against its own method (法释〔2014〕8号 art. 1(2)) ------------------


def test_a_typed_interest_a_day_short_of_its_method_is_refused_on_the_sum():
    """2025-01-11 to 2026-11-20 is 679 days, both counted: 100,000 × 5.175% × 679 / 365
    = 9,626.92; the typed 9,612.74 is the 678-day figure."""
    result = _assess(_fixture("interest_figure_against_its_method", "invalid"))
    (error,) = result.errors
    assert (error.loc, error.code) == (
        ("outstanding", "interest"),
        "interest_disagrees_with_method",
    )
    assert error.message.startswith(
        "按所填计算方法，以100,000.00元为基数，按年利率5.175%自2025年1月11日起至2026年11月20日止"
        "共679日，计算为人民币9,626.92元（100,000.00元×5.175%×679÷365），与填写的人民币"
        "9,612.74元相差人民币14.18元"
    )


def test_a_fen_of_rounding_or_a_sum_the_instrument_states_is_only_warned_of():
    data = _fixture("judgment_penalty_interest_partly_rejected")
    data["outstanding"]["interest"] = "9626.93"
    assert _codes(_assess(data)) == [(("outstanding", "interest"), "interest_rounding")]
    data["outstanding"]["interest"] = "9612.74"
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "及罚息（", "及罚息9,612.74元（"
    )
    result = _assess(data)
    assert result.errors == []
    assert (("outstanding", "interest"), "interest_disagrees_with_method") in _codes(result)


def test_interest_running_to_payment_needs_its_sum_a_method_without_an_end_and_a_past_day():
    result = _assess(_fixture("interest_to_payment_without_its_sum", "invalid"))
    assert _codes(result, "error") == [
        (("outstanding", "interest"), "missing"),
        (("outstanding", "interest_note"), "interest_end_in_note"),
        (("outstanding", "interest_until"), "after_application"),
    ]


def test_an_instrument_without_interest_says_nothing_of_interest_during_the_delay():
    for name in ("arbitration_award", "mediation_in_installments"):
        context, _ = _context(_fixture(name))
        assert "一般债务利息按法律文书确定的方法计算" not in context["requests"][1], name


# --- the notary's certificate (法释〔2018〕18号 arts. 3, 5(4)) ------------------------------


def test_a_notarised_instrument_names_its_certificate():
    context, result = _context(_fixture("notarial_deed"))
    assert context["basis_line"] == (
        "执行依据：北京市方圆公证处（2025）京方圆内经证字第1234号公证债权文书"
        "（附该处出具的（2026）京方圆执字第12号执行证书）"
    )
    assert (
        "北京市方圆公证处于2026年1月10日出具（2026）京方圆执字第12号执行证书。"
        in (context["facts"])
    )
    assert result.warnings == []


def test_a_certificate_without_its_number_and_date_is_refused():
    """法释〔2018〕18号 arts. 3, 5(1)(4): no certificate filed, no application accepted; the
    paper does not state one it cannot name."""
    result = _assess(_fixture("notarial_deed_without_its_certificate", "invalid"))
    assert _codes(result, "error") == [
        (("title", "certificate_number"), "certificate_missing"),
        (("title", "certificate_date"), "certificate_missing"),
        (("title", "debt_instrument_signed_on"), "after_the_deed"),
    ]
    assert "第三条、第五条第一款第四项" in result.errors[0].message
    assert "裁定不予受理" in result.errors[0].message


def test_a_notarised_instrument_is_said_to_be_made_enforceable_not_to_take_effect():
    """The debt instrument is named before the deed that gave it effect, so that 「该」 has
    something to refer to."""
    context, _ = _context(_fixture("notarial_deed"))
    assert context["facts"].startswith(
        "申请执行人北京恒通小额贷款有限公司与被执行人王磊于2025年6月28日签订《借款合同》，"
        "北京市方圆公证处于2025年6月30日出具（2025）京方圆内经证字第1234号公证书，赋予该借款合同"
        "强制执行效力。该公证债权文书确定："
    )
    assert "发生法律效力" not in context["facts"]


def test_a_notarised_instrument_not_named_is_introduced_as_the_parties_debt_instrument():
    data = _fixture("notarial_deed")
    del data["title"]["debt_instrument"], data["title"]["debt_instrument_signed_on"]
    context, _ = _context(data)
    assert context["facts"].startswith(
        "申请执行人北京恒通小额贷款有限公司与被执行人王磊之间的债权文书经北京市方圆公证处于"
        "2025年6月30日出具（2025）京方圆内经证字第1234号公证书，赋予强制执行效力。"
    )
    assert "赋予该" not in context["facts"]
    # named with its number, without book-title marks, undated
    data["title"]["debt_instrument"] = "借款合同（编号：HT2025-068）"
    context, _ = _context(data)
    assert context["facts"].startswith(
        "申请执行人北京恒通小额贷款有限公司与被执行人王磊签订《借款合同》（编号：HT2025-068），"
    )
    assert "赋予该借款合同强制执行效力。" in context["facts"]
    data["title"]["debt_instrument"] = "《借款合同》及《抵押合同》"
    assert "赋予该债权文书强制执行效力。" in _context(data)[0]["facts"]


def test_a_debt_instrument_signed_after_the_deed_is_refused():
    data = _fixture("notarial_deed")
    data["title"]["debt_instrument_signed_on"] = "2025-06-30"  # the deed's day: accepted
    assert _assess(data).errors == []
    data["title"]["debt_instrument_signed_on"] = "2025-07-01"
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("title", "debt_instrument_signed_on"), "after_the_deed")
    assert error.message == (
        "债权文书的签订日期不得晚于赋予其强制执行效力的公证书的出具日期（生效日期）"
    )


def test_a_certificate_is_issued_after_the_instrument_took_effect_and_before_applying():
    result = _assess(
        _fixture("certificate_after_the_application_and_a_demand_before_it_was_sent", "invalid")
    )
    assert _codes(result, "error") == [
        (("title", "certificate_date"), "after_application"),
        (("interruptions", 0, "reached_on"), "before_the_demand"),
    ]
    data = _fixture("notarial_deed")
    data["title"]["certificate_date"] = "2025-06-29"
    assert _codes(_assess(data), "error") == [
        (("title", "certificate_date"), "before_the_instrument")
    ]


# --- a demand for performance: how and when it reached the respondent ---------------------


def test_a_demand_relied_on_without_its_delivery_is_warned_of():
    data = _fixture("mediation_demand_without_its_delivery")
    context, result = _context(data)
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (
        ("interruptions", 0, "reached_on"),
        "demand_delivery_missing",
    )
    assert "第四百八十一条" in warning.message and "第二十条" in warning.message
    assert "2025年5月10日，申请执行人提出履行要求，申请执行期间中断" in context["facts"]
    data["interruptions"][0]["reached_on"] = "2025-05-12"
    _, result = _context(data)
    assert _codes(result) == [(("interruptions", 0, "manner"), "demand_delivery_missing")]


def test_a_demand_interrupts_the_period_when_it_reaches_the_respondent():
    data = _fixture("mediation_interrupted_period")
    # the period from 2023-06-30 ran out on 2025-06-30: a demand sent before and
    # reaching after it saves nothing
    data["interruptions"][0].update(day="2025-06-25", reached_on="2025-07-02")
    assert _codes(_assess(data), "error") == [(("application_date",), "application_period_expired")]
    data["interruptions"][0].update(reached_on="2025-06-27")
    context, _ = _context(data)
    assert "该履行要求于2025年6月27日到达被执行人，申请执行期间中断" in context["facts"]


def test_a_demand_handed_over_or_sent_electronically_is_said_so():
    data = _fixture("mediation_interrupted_period")
    event = data["interruptions"][0]
    del event["tracking_number"]
    event["manner"] = "in_person"
    assert "申请执行人向被执行人直接送交《履行催告函》，提出履行要求" in _context(data)[0]["facts"]
    event.update(manner="electronic", document=None)
    assert "申请执行人以数据电文方式向被执行人发送书面履行要求" in _context(data)[0]["facts"]


# --- the court by its full name; the representative with the position --------------------


def test_the_court_is_addressed_by_its_full_name_where_its_province_is_known():
    context, result = _context(_fixture("arbitration_award"))
    assert context["court"] == "福建省福州市中级人民法院"
    assert "court" not in [p.loc[0] for p in result.problems]
    # 「朝阳区」 is Beijing's and Changchun's: the debtor's domicile, the ground chosen
    # (民事诉讼法 art. 235), tells which
    data = _fixture("notarial_deed")
    data["court"] = "朝阳区人民法院"
    context, result = _context(data)
    assert context["court"] == "北京市朝阳区人民法院"
    warning = next(w for w in result.warnings if w.code == "court_name_from_place")
    assert warning.loc == ("court",)
    assert "被执行人王磊住所地（北京市朝阳区" in warning.message
    assert warning.message.endswith("申请书按北京市朝阳区人民法院打印")
    data["respondents"][0]["address"] = "上海市浦东新区世纪大道100号"  # in neither
    context, result = _context(data)
    assert context["court"] == "朝阳区人民法院"
    warning = next(w for w in result.warnings if w.code == "court_name_not_full")
    assert "「朝阳区」有多个同名行政区划：北京市朝阳区、吉林省长春市朝阳区" in warning.message
    assert "福建省福州市中级人民法院" in (warning.hint or "")


def test_the_first_instance_court_may_be_named_in_full_or_short():
    data = _fixture("mediation_penalty_claimed")
    data.update(court="北京市东城区人民法院", court_basis="first_instance", property_leads=[])
    data["title"]["issuer"] = "东城区人民法院"
    assert _codes(_assess(data), "error") == []
    data["court"] = "北京市西城区人民法院"
    assert _codes(_assess(data), "error") == [(("court",), "not_the_first_instance_court")]


def test_the_applicants_representative_is_named_with_the_position_or_warned():
    data = _fixture("arbitration_award")
    context, result = _context(data)
    assert _codes(result) == [
        (("applicants", 0, "party", "representative_position"), "position_missing")
    ]
    assert result.warnings[0].message == (
        "强制执行申请书应写明深圳市恒信商贸有限公司的法定代表人陈建国的职务"
        "（参照《中华人民共和国民事诉讼法》第一百二十四条第一项）"
    )
    assert "法定代表人：陈建国。" in context["parties"]
    positioned = copy.deepcopy(data)
    positioned["applicants"][0]["party"]["representative_position"] = "执行董事"
    context, result = _context(positioned)
    assert result.warnings == []
    assert "法定代表人：陈建国，执行董事。" in context["parties"]


# --- the operative part read for what it awards: not a rejected claim, not the notice ---


def test_interest_the_judgment_rejects_or_names_in_its_notice_is_no_interest_it_awards():
    """「驳回…利息及违约金的诉讼请求」 and 「…加倍支付迟延履行期间的债务利息」 name interest
    without awarding it: the request for the doubled part says nothing of general interest."""
    context, result = _context(_fixture("judgment_interest_and_penalty_rejected"))
    assert result.warnings == []
    # one sum: no 「以上合计」 repeating it
    assert context["requests"][0].endswith("借款本金人民币100,000.00元（大写：壹拾万元整）。")
    assert context["requests"][1].endswith("此后继续计算至实际履行完毕之日。")
    assert "一般债务利息" not in context["requests"][1]


def test_a_penalty_the_judgment_rejected_is_refused_when_claimed():
    """Only what the instrument orders is enforced (执行规定 arts. 16(1)(3), 18; 民诉法
    art. 247): a 违约金 the judgment rejected is an error on the sum, not a warning."""
    result = _assess(_fixture("judgment_rejected_penalty_claimed", "invalid"))
    (error,) = result.errors
    assert (error.loc, error.code) == (("outstanding", "other"), "other_not_awarded")
    assert error.message.startswith(
        "法律文书确定「三、驳回原告刘芳要求被告张伟支付自2025年1月11日起至实际清偿之日止的利息"
        "及违约金的诉讼请求」，没有判令给付违约金"
    )
    assert "人民币20,000.00元的违约金不能申请执行" in error.message
    assert (
        "（《最高人民法院关于人民法院执行工作若干问题的规定（试行）》第十六条第一款第三项、第十八条，"
        in error.message
    )
    assert "第二百四十七条" in error.message
    # without the rejected sum the application goes ahead
    data = _fixture("judgment_rejected_penalty_claimed", "invalid")
    del data["outstanding"]["other"], data["outstanding"]["other_label"]
    context, _ = _context(data)
    assert "违约金人民币" not in context["requests"][0]


def test_interest_the_judgment_rejected_is_refused_when_claimed():
    data = _fixture("judgment_interest_and_penalty_rejected")
    data["outstanding"]["interest"] = "6417.95"
    result = _assess(data)
    assert _codes(result, "error") == [(("outstanding", "interest"), "other_not_awarded")]
    assert "interest_label_not_in_title" not in {p.code for p in result.problems}


def test_another_sum_under_a_name_the_instrument_never_uses_is_claimed_under_its_own():
    """The award's 违约金 typed as 滞纳金: claimed as 违约金, the award's name (执行规定
    art. 18), and the user told on the name."""
    context, result = _context(_fixture("award_penalty_named_otherwise"))
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (
        ("outstanding", "other_label"),
        "other_label_not_in_title",
    )
    assert warning.message.startswith(
        "法律文书的给付内容称「违约金」，没有「滞纳金」的称谓：申请事项按法律文书的称谓列明为「违约金」"
    )
    assert "第十八条" in warning.message
    assert "违约金人民币22,500.00元" in context["requests"][0]
    assert "滞纳金" not in context["requests"][0]
    data = _fixture("award_penalty_named_otherwise")
    data["outstanding"]["other_label"] = "违约金"
    assert _assess(data).warnings == []


def test_another_sum_the_instrument_names_nowhere_is_printed_as_typed_and_warned():
    data = _fixture("award_penalty_named_otherwise")
    data["title"]["operative_part"] = data["title"]["operative_part"].replace("违约金", "款项")
    context, result = _context(data)
    assert "滞纳金人民币22,500.00元" in context["requests"][0]
    assert _codes(result) == [(("outstanding", "other_label"), "other_label_not_in_title")]
    assert result.warnings[0].message.startswith("法律文书确定的内容中没有「滞纳金」的称谓")
    assert "人民币22,500.00元" in result.warnings[0].message
    del data["outstanding"]["other_label"]
    context, result = _context(data)
    assert "其他金钱债务人民币22,500.00元" in context["requests"][0]
    assert result.warnings[0].message.startswith("法律文书确定的内容中没有「其他金钱债务」的称谓")


def test_a_name_found_only_in_the_statutory_notice_is_not_the_instruments():
    """「加倍支付迟延履行期间的债务利息」 is the law's notice, not an award: a sum named
    债务利息 is not found in the judgment."""
    data = _fixture("judgment_interest_and_penalty_rejected")
    data["outstanding"].update(other="1000.00", other_label="债务利息")
    assert "迟延履行期间的债务利息" in data["title"]["operative_part"]
    assert (("outstanding", "other_label"), "other_label_not_in_title") in _codes(_assess(data))


def test_penalty_interest_awarded_and_partly_rejected_is_claimed_as_awarded():
    context, result = _context(_fixture("judgment_penalty_interest_partly_rejected"))
    assert result.warnings == []
    assert (
        "罚息人民币9,626.92元（大写：玖仟陆佰贰拾陆元玖角贰分）（以100,000元为基数，按年利率"
        "5.175%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日）"
        in context["requests"][0]
    )
    assert context["requests"][1].endswith("迟延履行期间的一般债务利息按法律文书确定的方法计算。")


def test_running_to_payment_only_in_a_rejected_claim_is_no_running_interest():
    data = _fixture("judgment_first_instance")
    data["title"]["operative_part"] = (
        "一、被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元及利息6,417.95元；"
        "二、驳回原告刘芳要求被告张伟支付自2026年11月21日起至实际清偿之日止的利息的诉讼请求。"
        "案件受理费1,332.49元，由被告张伟负担。"
    )
    data["respondents"] = data["respondents"][:1]  # the judgment orders 张伟 alone
    data["outstanding"].update(interest_to_payment=False, interest_note=None)
    context, result = _context(data)
    assert result.warnings == []
    assert "利息人民币6,417.95元（大写：陆仟肆佰壹拾柒元玖角伍分）；" in context["requests"][0]


def test_a_penalty_waived_if_the_statement_is_performed_replaces_the_doubled_interest():
    """「如被告按期足额履行…，原告放弃主张违约金」 makes the penalty owed exactly when the
    statement is not performed: the statement's own liability (调解规定 art. 15), claimed
    without the doubled part, as ``mediation_penalty_claimed`` is."""
    context, result = _context(_fixture("mediation_penalty_waived_if_performed"))
    (warning,) = result.warnings
    assert (warning.loc, warning.code) == (
        ("title", "default_liability"),
        "mediated_liability_read",
    )
    assert warning.message.startswith(
        "调解书确定「二、如被告张伟按期足额履行上述付款义务，原告刘芳放弃主张违约金8,000元」："
        "申请执行的违约金为调解书约定的不履行责任"
    )
    assert "违约金人民币8,000.00元" in context["requests"][0]
    assert not any("加倍" in r for r in context["requests"]), context["requests"]
    assert context["delay"] == ""


def test_a_statement_penalty_and_the_doubled_interest_together_are_refused():
    result = _assess(_fixture("mediation_penalty_waived_and_doubled_interest", "invalid"))
    (error,) = result.errors
    assert (error.loc, error.code) == (
        ("title", "default_liability"),
        "delay_with_mediated_liability",
    )
    assert "第十五条第二款" in error.message and "不得再请求加倍支付" in error.message
    # a penalty the statement awards outright is no such liability: 否 keeps the doubling
    data = _fixture("mediation_penalty_unstated")
    data["title"]["default_liability"] = False
    context, result = _context(data)
    assert result.warnings == []
    assert "加倍部分债务利息暂计至2026年11月20日为人民币19,080.60元" in context["requests"][1]


def test_the_judgments_notice_of_the_doubled_interest_is_no_penalty_of_the_statement():
    data = _fixture("mediation_penalty_unstated")
    data["title"]["operative_part"] = (
        "被告张伟于2023年6月30日前向原告刘芳支付欠款80,000元及违约金8,000元；如未按期履行，"
        "应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。"
    )
    data["outstanding"]["other_label"] = "债务利息"
    data["outstanding"]["other"] = "8000.00"
    _, result = _context(data)
    assert "mediated_liability_read" not in {p.code for p in result.problems}


RULES = "《最高人民法院关于人民法院执行工作若干问题的规定（试行）》"


def test_the_execution_rules_are_cited_by_the_2020_numbers_one_way_for_one_ground():
    """The 2020 text (法释〔2020〕21号): art. 16(1)(3) an instrument 「有给付内容，且执行标的和
    被执行人明确」, art. 18 the 申请执行书 states 「申请执行的理由、事项、执行标的」. A sum
    beyond what the instrument determines cites both; how a sum is named cites art. 18."""
    both = f"{RULES}第十六条第一款第三项、第十八条"
    data = _fixture("principal_above_the_judgment_and_a_payment_after_the_application", "invalid")
    above = next(e for e in _assess(data).errors if e.code == "principal_above_title")
    assert f"只能申请执行生效法律文书确定的执行标的（{both}；" in above.message
    unchecked = _assess(_fixture("judgment_interest_method_in_other_words")).warnings[0]
    assert f"按法律文书确定的方法计算（{both}）" in unchecked.message
    (renamed,) = _assess(_fixture("award_penalty_named_otherwise")).warnings
    assert f"列明为「违约金」（{RULES}第十八条）" in renamed.message
    assert "第十六条" not in renamed.message
    # no message of any enforcement fixture cites art. 16 by another item
    for kind in ("valid", "invalid"):
        for path in (FIXTURES / "enforcement_application" / kind).glob("*.json"):
            if path.name.endswith(".expect.json"):
                continue
            try:
                problems = _assess(_fixture(path.stem, kind)).problems
            except CaseInvalid as refused:
                problems = refused.problems
            for problem in problems:
                assert "第十六条第一款第四项" not in problem.message, path.name
