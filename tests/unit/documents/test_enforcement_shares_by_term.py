"""Shares ordered in a term each (「一、被告张伟…偿还原告借款本金60,000元；二、被告李秀英…
40,000元」): the instrument's principal is their sum, each respondent's share is checked
against his own term; the words a court orders several to pay in common with; and a payment
by one of several respondents interrupts the period to apply only against those it reaches
(民法典 art. 517; 诉讼时效规定 art. 15(2))."""

from __future__ import annotations

import pytest

from tests.enforcement_cases import assess, context, fixture
from tests.support import printed_copy

TERMS = "judgment_debtors_shares_in_separate_terms"
ABOVE = "judgment_debtors_principal_above_their_terms_sum"
SHARE_ABOVE = "judgment_share_above_the_respondents_own_term"
BY_SHARES_PAID = "judgment_paid_by_one_of_two_by_shares_late_for_the_other"
JOINT_PAID = "judgment_paid_by_one_of_two_joint_debtors"
BASIS_20 = (
    "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》"
    "（2020年修正）第二十条"
)
ART_15 = "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十五条第二款"


def _problems(data: dict) -> dict:
    return {(p.loc, p.code): p for p in assess(data).problems}


def test_shares_in_separate_terms_add_up_to_the_principal_and_are_each_asked():
    data = fixture(TERMS)
    assert list(_problems(data)) == [(("respondents",), "shares_read_from_title")]
    printed = printed_copy("enforcement_application", data)
    # each named with his share and the doubled interest on it (民法典 art. 517)
    assert "法律文书确定的债务：" not in printed
    assert (
        "请求强制执行被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元"
        "（大写：陆万元整）；被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币"
        "40,000.00元（大写：肆万元整）。"
    ) in printed
    assert (
        "请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息：以其份额为基数的加倍部分债务利息"
        "暂计至2026年11月20日为人民币6,300.00元（大写：陆仟叁佰元整）；被执行人李秀英加倍支付迟延"
        "履行期间的债务利息：以其份额为基数的加倍部分债务利息暂计至2026年11月20日为人民币"
        "4,200.00元（大写：肆仟贰佰元整）；以上合计人民币10,500.00元（大写：壹万零伍佰元整）"
    ) in printed
    assert "60,000.00元×0.0175%×600日＝6,300.00元" in printed
    assert "40,000.00元×0.0175%×600日＝4,200.00元" in printed


def test_a_principal_above_the_terms_sum_is_refused_at_the_principal():
    error = _problems(fixture(ABOVE, "invalid"))[
        (("outstanding", "principal"), "principal_above_title")
    ]
    assert error.message.startswith(
        "申请执行的借款本金人民币120,000.00元超过法律文书确定的人民币100,000.00元（判项分别确定"
        "被执行人张伟人民币60,000.00元、李秀英人民币40,000.00元）"
    )


def test_only_the_terms_of_the_respondents_applied_against_are_added():
    data = fixture(TERMS)
    data["respondents"] = data["respondents"][:1]  # 张伟 alone
    error = _problems(data)[(("outstanding", "principal"), "principal_above_title")]
    assert "超过法律文书确定的人民币60,000.00元" in error.message
    data["outstanding"]["principal"] = "60000.00"
    assert [p for p in assess(data).errors] == []
    # his term second: his own sum, not the first term's
    data["title"]["operative_part"] = (
        "一、被告李秀英于本判决生效之日起十日内偿还原告刘芳借款本金40,000元；二、被告张伟于本判决"
        "生效之日起十日内偿还原告刘芳借款本金60,000元。"
    )
    assert [p for p in assess(data).errors] == []


def test_a_joint_term_naming_the_principal_again_is_no_share():
    data = fixture(TERMS)
    data["title"]["operative_part"] = (
        "一、被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元；二、被告李秀英对上述"
        "借款本金100,000元承担连带清偿责任。"
    )
    data["respondents"][1]["liability"] = {"kind": "joint"}
    assert assess(data).errors == []
    data["outstanding"]["principal"] = "120000.00"
    error = _problems(data)[(("outstanding", "principal"), "principal_above_title")]
    assert "超过法律文书确定的人民币100,000.00元：" in error.message


def test_a_share_above_the_respondents_own_term_is_refused_at_his_share():
    data = fixture(SHARE_ABOVE, "invalid")
    problems = _problems(data)
    error = problems[(("respondents", 0, "liability", "share"), "share_above_title")]
    assert error.message.startswith(
        "被执行人张伟按份承担的本金人民币70,000.00元超过法律文书的判项确定由其支付的借款本金"
        "人民币60,000.00元"
    )
    assert (("outstanding", "principal"), "principal_above_title") not in problems
    data["respondents"][0]["liability"]["share"] = "60000.00"
    data["respondents"][1]["liability"]["share"] = "40000.00"
    assert assess(data).errors == []


@pytest.mark.parametrize(
    "words",
    [
        "于本判决生效之日起十日内共同承担原告刘芳借款本金100,000元的还款责任",
        "对原告刘芳借款本金100,000元共同承担清偿责任",
        "对原告刘芳借款本金100,000元共同承担偿还责任",
        "于本判决生效之日起十日内共同偿付原告刘芳借款本金100,000元",
        "于本判决生效之日起十日内共同向原告刘芳偿付借款本金100,000元",
        "于本判决生效之日起十日内共同还款（借款本金100,000元）",
    ],
)
def test_the_words_of_an_order_to_pay_in_common_are_repeated(words):
    data = fixture("judgment_debtors_fee_borne_in_common")
    data["title"]["operative_part"] = (
        f"被告张伟、李秀英{words}；案件受理费1,332.49元由被告张伟、李秀英负担。"
    )
    assert context(data)["requests"][0].startswith(
        "请求强制执行被执行人张伟、李秀英共同向申请执行人支付借款本金人民币100,000.00元"
    )
    assert assess(data).warnings == []


@pytest.mark.parametrize(
    "fee",
    [
        "案件受理费1,332.49元由被告张伟、李秀英共同负担",
        "案件受理费1,332.49元由被告张伟、李秀英共同承担",
        "被告张伟、李秀英共同承担案件受理费1,332.49元的给付责任",
    ],
)
def test_costs_borne_in_common_do_not_make_the_debt_common(fee):
    data = fixture("judgment_debtors_fee_borne_in_common")
    data["title"]["operative_part"] = (
        f"被告张伟、李秀英于本判决生效之日起十日内偿还原告刘芳借款本金100,000元；{fee}。"
    )
    assert context(data)["requests"][0].startswith(
        "请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金"
    )
    assert [(w.loc, w.code) for w in assess(data).warnings] == [
        (("respondents",), "share_unstated")
    ]


def test_a_payment_by_one_debtor_by_shares_interrupts_only_his_period():
    data = fixture(BY_SHARES_PAID)
    assert (
        "被执行人张伟部分履行，即同意履行义务，对被执行人张伟的申请执行期间自2025年6月1日起中断"
        f"（{BASIS_20}）。"
    ) in printed_copy("enforcement_application", data)
    warning, unsplit = assess(data).warnings
    assert (warning.loc, warning.code) == (
        ("respondents", 1),
        "period_not_interrupted_for_respondent",
    )
    # a payment made: each one's doubled interest cannot be told apart, the total is asked
    assert (unsplit.loc, unsplit.code) == (("respondents",), "delay_not_split_by_share")
    assert unsplit.message.startswith("被执行人张伟、李秀英按份承担责任，但已有履行款项")
    printed = printed_copy("enforcement_application", data)
    assert "请求强制执行迟延履行期间加倍支付的债务利息：其中加倍部分债务利息暂计至" in printed
    assert "中断的效力不及于李秀英（《中华人民共和国民法典》第五百一十七条；" in warning.message
    assert "对被执行人李秀英的申请执行期间已于2026年1月15日届满" in warning.message
    # her own consent to perform keeps hers
    data["outstanding"]["principal"] = "70000.00"
    data["respondents"][1]["liability"]["share"] = "30000.00"
    data["outstanding"]["performed"].append(
        {"day": "2025-07-01", "amount": "10000.00", "payer": "李秀英"}
    )
    codes = [w.code for w in assess(data).warnings]
    assert codes == ["delay_not_split_by_share"]


def test_a_payment_by_one_of_joint_debtors_named_together_interrupts_for_both():
    data = fixture(JOINT_PAID)
    assert assess(data).problems == []
    assert (
        "被执行人张伟部分履行，即同意履行义务，申请执行期间自2025年6月1日起中断"
        f"（{BASIS_20}；{ART_15}）。"
    ) in printed_copy("enforcement_application", data)


def test_a_payment_whose_payer_is_not_named_is_counted_for_everyone():
    data = fixture(BY_SHARES_PAID)
    del data["outstanding"]["performed"][0]["payer"]
    codes = [(w.loc, w.code) for w in assess(data).warnings]
    assert codes == [
        (("outstanding", "performed", 0, "payer"), "payer_unnamed"),
        (("respondents",), "delay_not_split_by_share"),
    ]


def _with_interest_terms(first: str = "借款本金60,000元及利息5,000元") -> dict:
    data = fixture(SHARE_ABOVE, "invalid")
    data["title"]["operative_part"] = (
        f"一、被告张伟于本判决生效之日起十日内偿还原告刘芳{first}；二、被告李秀英于本判决生效"
        "之日起十日内偿还原告刘芳借款本金40,000元；三、案件受理费1,332.49元由被告张伟、李秀英负担。"
    )
    data["respondents"][1]["liability"]["share"] = "40000.00"
    return data


def test_a_share_equal_to_the_principal_of_his_term_is_accepted_and_asked():
    data = _with_interest_terms()
    data["respondents"][0]["liability"]["share"] = "60000.00"
    assert assess(data).errors == []
    assert "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元" in (
        printed_copy("enforcement_application", data)
    )
    # the principal is compared, wherever his term names it
    data = _with_interest_terms("利息5,000元及借款本金60,000元")
    data["respondents"][0]["liability"]["share"] = "60000.00"
    assert assess(data).errors == []


def test_a_share_typed_with_his_interest_is_refused_saying_to_type_the_principal():
    data = _with_interest_terms()
    data["respondents"][0]["liability"]["share"] = "65000.00"
    error = _problems(data)[(("respondents", 0, "liability", "share"), "share_above_title")]
    assert error.message.startswith(
        "被执行人张伟按份承担的本金人民币65,000.00元超过法律文书的判项确定由其支付的借款本金"
        "人民币60,000.00元：按份承担的金额只填本金份额，不含利息、诉讼费用"
    )
    assert error.hint.startswith("请填写人民币60,000.00元")


def test_a_share_above_a_sum_his_clause_states_without_naming_it_says_which_figure():
    data = _with_interest_terms()
    data["title"]["operative_part"] = (
        "被告张伟、李秀英于本判决生效之日起十日内偿还原告刘芳借款本金100,000元，其中被告张伟"
        "偿还60,000元，被告李秀英偿还40,000元。"
    )
    data["respondents"][0]["liability"]["share"] = "70000.00"
    error = _problems(data)[(("respondents", 0, "liability", "share"), "share_above_title")]
    assert "超过法律文书的判项确定由其支付的款项人民币60,000.00元" in error.message


# --- every term of one respondent ---------------------------------------------------

TWO_TERMS = "judgment_two_principal_terms_of_one_respondent"
INTEREST_TERM = "judgment_shares_with_an_interest_term_of_one"


def test_two_principal_terms_of_one_respondent_are_both_counted_and_printed():
    data = fixture(TWO_TERMS)
    assert [p for p in assess(data).problems] == []
    printed = printed_copy("enforcement_application", data)
    assert (
        "请求强制执行被执行人张伟向申请执行人支付借款本金人民币100,000.00元（大写：壹拾万元整），"
        "为法律文书分项确定的人民币60,000.00元、人民币40,000.00元之和。"
    ) in printed


def test_a_principal_above_two_terms_of_one_respondent_names_both():
    error = _problems(fixture("judgment_two_principal_terms_of_one_claimed_above", "invalid"))[
        (("outstanding", "principal"), "principal_above_title")
    ]
    assert error.message.startswith(
        "申请执行的借款本金人民币110,000.00元超过法律文书确定的人民币100,000.00元（判项分别确定"
        "被执行人张伟人民币60,000.00元、人民币40,000.00元）"
    )


def test_a_separate_interest_term_is_asked_of_its_respondent_with_his_share():
    data = fixture(INTEREST_TERM)
    # the shares are read though 张伟 has a second term; the interest the judgment states
    # (利息5,000元) is not warned of as unchecked
    assert list(_problems(data)) == [(("respondents",), "shares_read_from_title")]
    printed = printed_copy("enforcement_application", data)
    # his interest is asked of him with his share, not again of no one
    assert "法律文书确定的利息" not in printed and "以上合计人民币105,000.00元" not in printed
    assert (
        "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元（大写：陆万元整），"
        "并支付法律文书确定由其支付的利息人民币5,000.00元（大写：伍仟元整）；"
        "被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币40,000.00元（大写：肆万元整）。"
    ) in printed


def test_a_typed_share_is_printed_with_its_respondents_other_term():
    data = fixture(INTEREST_TERM)
    data["respondents"][0]["liability"] = {"kind": "share", "share": "60000.00"}
    data["respondents"][1]["liability"] = {"kind": "share", "share": "40000.00"}
    printed = printed_copy("enforcement_application", data)
    assert (
        "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元（大写：陆万元整），"
        "并支付法律文书确定由其支付的利息人民币5,000.00元（大写：伍仟元整）"
    ) in printed


def test_a_base_or_a_condition_is_not_another_term():
    data = fixture(TWO_TERMS)
    data["title"]["operative_part"] = (
        "一、被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元；二、被告张伟于本判决"
        "生效之日起十日内支付以借款本金100,000元为基数、按年利率3.45%计算的利息；三、如被告张伟"
        "未按期偿还借款本金100,000元，应当加倍支付迟延履行期间的债务利息；四、被告张伟另行支付"
        "借款本金100,000元的逾期利息。"
    )
    assert (("outstanding", "principal"), "principal_above_title") not in _problems(data)
    assert (("outstanding", "principal"), "performed_unstated") not in _problems(data)
    assert "分项确定" not in "".join(context(data)["requests"])


def test_a_share_term_with_its_own_interest_asks_it_of_him():
    printed = printed_copy(
        "enforcement_application", fixture("judgment_shares_principal_beside_interest_in_his_term")
    )
    assert (
        "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元（大写：陆万元整），"
        "并支付法律文书确定由其支付的利息人民币5,000.00元（大写：伍仟元整）；"
        "被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币40,000.00元（大写：肆万元整）。"
    ) in printed


def test_another_sum_in_a_term_of_one_is_asked_of_him_under_its_name():
    data = fixture(INTEREST_TERM)
    data["title"]["operative_part"] = (
        "一、被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金60,000元；二、被告李秀英于本判决"
        "生效之日起十日内偿还原告刘芳借款本金40,000元；三、被告李秀英于本判决生效之日起十日内支付"
        "原告刘芳律师费5,000元；四、案件受理费1,332.49元由被告张伟、李秀英负担。"
    )
    del data["outstanding"]["interest"]
    data["outstanding"].update(other="5000.00", other_label="律师费")
    printed = printed_copy("enforcement_application", data)
    assert (
        "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元（大写：陆万元整）；"
        "被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币40,000.00元（大写：肆万元整），"
        "并支付法律文书确定由其支付的律师费人民币5,000.00元（大写：伍仟元整）。"
    ) in printed
