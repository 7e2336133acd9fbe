"""The application for enforcement and what the respondent already paid: stated in the
facts, the sum paid late bearing the doubled part to its payment day (法释〔2014〕8号 arts.
1, 3), the principal matched against the instrument's sum."""

from __future__ import annotations

from tests.enforcement_cases import TYPE
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import context as _context
from tests.enforcement_cases import fixture as _fixture


def test_a_payment_is_stated_and_bears_the_doubled_part_to_its_day():
    context = _context(_fixture("judgment_partly_performed"))
    # the payment went first to the interest accrued to its day (100,000 × 3.45% × 142
    # days ÷ 365 = 1,342.19), the rest to the principal (民法典 art. 561)
    assert (
        "履行期限已于2025年3月30日届满。被执行人张伟于2025年6月1日履行人民币20,000.00元，依"
        "《中华人民共和国民法典》第五百六十一条，先抵充截至当日的利息人民币1,342.19元，余人民币"
        "18,657.81元抵充借款本金，其余义务至今未履行。"
    ) in context["facts"]
    assert context["delay_lines"] == [
        "加倍部分债务利息计算：第1部分（尚未履行的部分）：以尚未清偿的除一般债务利息之外的"
        "金钱债务人民币81,342.19元为基数，自2025年3月31日起至2026年11月20日止共600日，按日"
        "万分之一点七五计算：81,342.19元×0.0175%×600日＝8,540.93元；",
        # 2025-03-31 to 2025-06-01, both counted: 1 + 30 + 31 + 1 = 63 days, on the part of
        # the payment that went to the principal, not the part that paid interest
        "第2部分（2025年6月1日履行款项中抵充一般债务利息以外债务的人民币18,657.81元，计至履行"
        "之日）：以尚未清偿的除一般债务利息之外的金钱债务人民币18,657.81元为基数，自2025年3月"
        "31日起至2025年6月1日止共63日，按日万分之一点七五计算：18,657.81元×0.0175%×63日"
        "＝205.70元；",
        "合计8,746.63元（《中华人民共和国民事诉讼法》第二百六十四条、法释〔2014〕8号第一条至"
        "第三条）",
    ]
    assert "暂计至2026年11月20日为人民币8,746.63元" in context["requests"][1]


def test_a_payment_within_the_performance_period_bears_no_doubled_part():
    data = _fixture("judgment_partly_performed")
    data["outstanding"]["performed"] = [
        {"day": "2025-03-25", "amount": "20000.00", "payer": "张伟"}
    ]
    # 100,000 × 3.45% × 74 days ÷ 365 = 699.45 of interest to the day, the rest principal
    data["outstanding"]["principal"] = "80699.45"
    context = _context(data)
    assert "被执行人张伟于2025年3月25日履行人民币20,000.00元" in context["facts"]
    assert "第2部分" not in "".join(context["delay_lines"])
    assert "80,699.45元×0.0175%×600日＝8,473.44元" in context["delay_lines"][0]


def test_several_payments_are_summed_in_the_facts():
    data = _fixture("judgment_partly_performed")
    data["outstanding"]["principal"] = "71811.19"
    data["outstanding"]["performed"] = [
        {"day": "2025-08-01", "amount": "10000.00", "payer": "张伟"},
        {"day": "2025-06-01", "amount": "20000.00", "payer": "张伟"},
    ]
    facts = _context(data)["facts"]
    # the second payment's interest runs on the principal the first left: 81,342.19 ×
    # 3.45% × 61 days ÷ 365 = 469.00 (2025-06-02 to 2025-08-01)
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元、2025年8月1日履行人民币10,000.00元，"
        "共计人民币30,000.00元，依《中华人民共和国民法典》第五百六十一条，2025年6月1日的款项"
        "先抵充截至当日的利息人民币1,342.19元，余人民币18,657.81元抵充借款本金；2025年8月1日"
        "的款项先抵充截至当日的利息人民币469.00元，余人民币9,531.00元抵充借款本金，其余义务至今"
        "未履行。"
    ) in facts


def test_nothing_paid_keeps_the_usual_words():
    facts = _context(_fixture("judgment_first_instance"))["facts"]
    assert "被执行人至今未履行或未全部履行生效法律文书确定的义务。" in facts


def test_a_principal_below_the_judgments_without_a_payment_is_warned_of():
    data = _fixture("judgment_partly_performed")
    data["outstanding"]["performed"] = []
    data["outstanding"]["principal"] = "80000.00"
    (warning,) = [w for w in _assess(data).warnings if w.code != "awarded_interest_unclaimed"]
    assert (warning.loc, warning.code) == (("outstanding", "principal"), "performed_unstated")
    assert "法律文书确定借款本金人民币100,000.00元，申请执行人民币80,000.00元" in warning.message


def test_a_principal_above_the_judgments_is_refused():
    data = _fixture("principal_above_the_judgment_and_a_payment_after_the_application", "invalid")
    errors = {(p.loc, p.code): p.message for p in _assess(data).errors}
    assert set(errors) == {
        (("outstanding", "principal"), "principal_above_title"),
        (("outstanding", "performed", 0, "day"), "after_application"),
    }
    assert (
        "超过法律文书确定的人民币100,000.00元"
        in errors[(("outstanding", "principal"), "principal_above_title")]
    )


def test_interest_on_the_full_sum_after_a_payment_is_told_what_the_payment_left():
    data = _fixture("judgment_partly_performed")
    del data["outstanding"]["interest_method"]  # the note typed gives the method
    full = _fixture("judgment_first_instance")["outstanding"]
    data["outstanding"].update(
        {k: full[k] for k in ("interest", "interest_note", "interest_to_payment")}
    )
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("outstanding", "interest"), "allocation_disagrees")
    assert (
        "截至2026年11月20日，尚欠利息人民币4,128.73元，填写的人民币6,417.95元超过该金额人民币"
        "2,289.22元"
    ) in error.message


def test_interest_on_a_base_the_allocation_cannot_follow_is_warned_of():
    data = _fixture("judgment_partly_performed")
    del data["outstanding"]["interest_method"]
    full = _fixture("judgment_first_instance")["outstanding"]
    data["outstanding"].update(
        {k: full[k] for k in ("interest", "interest_note", "interest_to_payment")}
    )
    # the interest's base is not the principal the judgment states: not allocated
    data["outstanding"]["principal"] = "80000.00"
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "借款本金100,000元", "借款本金120,000元"
    )
    codes = [(p.loc, p.code) for p in _assess(data).warnings]
    assert codes == [
        (("outstanding", "interest_method"), "allocation_interest_unknown"),
        (("outstanding", "interest"), "interest_base_after_performance"),
    ]


def test_payments_under_installments_are_stated_not_counted():
    data = _fixture("mediation_in_installments")
    data["outstanding"]["performed"] = [{"day": "2026-05-10", "amount": "5000.00", "payer": "张伟"}]
    result = _assess(data)
    assert [(p.loc, p.code) for p in result.warnings] == [
        (("outstanding", "performed"), "performed_not_counted")
    ]
    context = TYPE.build_context(TYPE.parse(data), result)
    assert "被执行人张伟于2026年5月10日履行人民币5,000.00元" in context["facts"]
    assert "第4部分" not in "".join(context["delay_lines"])


def test_a_payment_restarts_the_period_to_apply_and_is_said_to():
    data = _fixture("judgment_partly_performed")
    # from the deadline 2024-01-15 the two years ended on 2026-01-15
    data["title"].update(effective_date="2024-01-05", performance_deadline="2024-01-15")
    data["outstanding"]["performed"] = []
    data["outstanding"]["principal"] = "100000.00"
    assert [(p.loc, p.code) for p in _assess(data).errors] == [
        (("application_date",), "application_period_expired")
    ]
    data["outstanding"]["principal"] = "81342.19"
    data["outstanding"]["performed"] = [
        {"day": "2025-06-01", "amount": "20000.00", "payer": "张伟"}
    ]
    # the payer's own period: 李秀英, liable 「对上述债务」, may be a joint guarantor
    assert (
        "余人民币18,657.81元抵充借款本金，其余义务至今未履行。被执行人张伟部分履行，"
        "即同意履行义务，对被执行人张伟的申请执行期间自2025年6月1日起中断（《最高人民法院关于"
        "适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》（2020年修正）第二十条）。"
    ) in _context(data)["facts"]
    assert [(p.loc, p.code) for p in _assess(data).errors] == []


def test_each_payment_names_the_respondent_who_paid_it():
    data = _fixture("judgment_partly_performed")
    data["outstanding"]["principal"] = "71811.19"
    data["outstanding"]["performed"] = [
        {"day": "2025-06-01", "amount": "20000.00", "payer": "张伟"},
        {"day": "2025-08-01", "amount": "10000.00", "payer": "李秀英"},
    ]
    facts = _context(data)["facts"]
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元、被执行人李秀英于2025年8月1日履行人民币"
        "10,000.00元，共计人民币30,000.00元，"
    ) in facts
    assert "payer_unnamed" not in [w.code for w in _assess(data).warnings]


def test_the_only_respondent_is_the_payer_when_none_is_typed():
    data = _fixture("mediation_in_installments")
    data["outstanding"]["performed"] = [{"day": "2026-05-10", "amount": "5000.00"}]
    assert "被执行人张伟于2026年5月10日履行人民币5,000.00元" in _context(data)["facts"]


def test_a_payment_of_one_of_several_respondents_without_its_payer_is_warned_of():
    data = _fixture("judgment_partly_performed")
    del data["outstanding"]["performed"][0]["payer"]
    result = _assess(data)
    (warning,) = [w for w in result.warnings if w.code == "payer_unnamed"]
    assert warning.loc == ("outstanding", "performed", 0, "payer")
    assert "被执行人有2名（张伟、李秀英），2025年6月1日的履行款项未写明由谁支付" in warning.message
    facts = TYPE.build_context(TYPE.parse(data), result)["facts"]
    assert "届满。被执行人于2025年6月1日履行人民币20,000.00元" in facts


def test_a_payer_who_is_no_respondent_is_refused_at_the_payer():
    data = _fixture("judgment_partly_performed")
    data["outstanding"]["performed"][0]["payer"] = "王五"
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("outstanding", "performed", 0, "payer"), "not_a_respondent")
    assert error.message == "履行人「王五」不是被执行人（被执行人：张伟、李秀英）"


def test_the_form_asks_the_payer_only_of_several_respondents():
    from docgen.web.formspec import form_spec

    spec = form_spec(TYPE.json_schema(), TYPE.title)
    outstanding = next(node for node in spec["fields"] if node["name"] == "outstanding")
    performed = next(node for node in outstanding["fields"] if node["name"] == "performed")
    payer = next(node for node in performed["item"]["fields"] if node["name"] == "payer")
    assert payer["title"] == "履行人"
    # one respondent is the payer: the facts name him without the field
    assert payer["shown_when"] == {"field": "/respondents", "min_items": 2}
    assert "只有一人" not in payer.get("description", "")
