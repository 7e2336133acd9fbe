"""Two or more respondents left debtors: the request repeats the operative part's 「共同」,
asks each for the share it fixes, or warns that it cannot tell each one's share (民法典
arts. 517, 518(2)); debtors ordered together to pay 连带 are told to choose it."""

from __future__ import annotations

from tests.enforcement_cases import assess, context, fixture
from tests.support import printed_copy

COMMON = "judgment_debtors_ordered_to_pay_in_common"
SHARES = "judgment_debtors_shares_read_from_the_judgment"
NEITHER = "judgment_debtors_without_their_shares"
TOGETHER = "judgment_jointly_liable_left_as_debtors"


def _warned(data: dict) -> dict:
    return {(w.loc, w.code): w for w in assess(data).warnings}


def test_debtors_ordered_to_pay_in_common_are_asked_to_pay_in_common():
    requests = context(fixture(COMMON))["requests"]
    assert requests[0].startswith(
        "请求强制执行被执行人张伟、李秀英共同向申请执行人支付借款本金人民币100,000.00元"
    )
    assert requests[1].startswith(
        "请求强制执行被执行人张伟、李秀英共同加倍支付迟延履行期间的债务利息："
    )
    assert "连带" not in "".join(requests)
    assert assess(fixture(COMMON)).warnings == []
    # printed so, as every writer prints it
    assert "被执行人张伟、李秀英共同向申请执行人支付借款本金" in printed_copy(
        "enforcement_application", fixture(COMMON)
    )


def test_the_costs_borne_in_common_do_not_make_the_debt_common():
    data = fixture(NEITHER)
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "由被告张伟、李秀英负担", "由被告张伟、李秀英共同负担"
    )
    requests = context(data)["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金")
    assert (("respondents",), "share_unstated") in _warned(data)


def test_the_shares_the_judgment_fixes_are_each_asked_and_told():
    requests = context(fixture(SHARES))["requests"]
    assert requests[0] == (
        "请求强制执行被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元"
        "（大写：陆万元整）；被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币"
        "40,000.00元（大写：肆万元整）。"
    )
    assert "为人民币6,300.00元" in requests[1] and "为人民币4,200.00元" in requests[1]
    (told,) = assess(fixture(SHARES)).warnings
    assert (told.loc, told.code) == (("respondents",), "shares_read_from_title")
    assert "张伟人民币60,000.00元、李秀英人民币40,000.00元，合计与申请执行的借款本金相同" in (
        told.message
    )


def test_shares_that_do_not_add_up_to_the_principal_claimed_are_not_printed():
    data = fixture(SHARES)
    data["outstanding"]["principal"] = "90000.00"
    requests = context(data)["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金")
    assert "按照法律文书确定的份额" not in "".join(requests)
    warning = _warned(data)[(("respondents",), "share_unstated")]
    assert (
        "（张伟人民币60,000.00元、李秀英人民币40,000.00元，合计人民币100,000.00元），与申请执行的"
        "借款本金人民币90,000.00元不同"
    ) in warning.message


def test_debtors_the_judgment_neither_joins_nor_shares_are_warned_of():
    data = fixture(NEITHER)
    requests = context(data)["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金")
    assert "共同" not in "".join(requests) and "连带" not in "".join(requests)
    (warning,) = assess(data).warnings
    assert (warning.loc, warning.code) == (("respondents",), "share_unstated")
    assert warning.message.startswith(
        "被执行人张伟、李秀英的责任形式均为「债务人」，法律文书的判项既未写明其连带或者共同给付，"
        "也未确定各自的份额：申请书请求被执行人张伟、李秀英向申请执行人支付，不能表明各被执行人"
        "应支付的份额。"
    )
    assert "第五百一十七条、第五百一十八条第二款" in warning.message
    assert "选「按份责任」并填写份额" in warning.hint


def test_debtors_ordered_together_to_pay_jointly_are_told_to_choose_it():
    data = fixture(TOGETHER)
    (warning,) = assess(data).warnings
    assert (warning.loc, warning.code) == (("respondents",), "joint_typed_as_debtors")
    assert "连带向申请执行人支付" in warning.hint
    for respondent in data["respondents"]:
        respondent["liability"] = {"kind": "joint"}
    assert assess(data).warnings == []
    request = context(data)["requests"][0]
    assert request.startswith("请求强制执行被执行人张伟、李秀英连带向申请执行人")


def test_one_debtor_beside_a_jointly_liable_one_draws_none_of_these():
    codes = [w.code for w in assess(fixture("judgment_first_instance")).warnings]
    for code in ("share_unstated", "shares_read_from_title", "joint_typed_as_debtors"):
        assert code not in codes


BARE = "judgment_debtors_bear_the_debt_in_common_words"


def test_a_bare_bearing_in_common_is_warned_with_what_to_choose():
    warning = _warned(fixture(BARE))[(("respondents",), "share_unstated")]
    assert warning.message.startswith(
        "法律文书的判项写明被执行人张伟、李秀英「共同承担」，未写明「连带」，也未确定各自的份额："
        "「共同承担」既可能是按份责任，也可能是连带责任"
    )
    assert (
        "难以确定责任大小的平均承担责任（《中华人民共和国民法典》第一百七十七条）"
        in warning.message
    )
    assert (
        "连带责任由法律规定或者当事人约定（《中华人民共和国民法典》第一百七十八条）"
        in warning.message
    )
    assert "判决认定连带责任的，将各被执行人的责任形式均选为「连带清偿责任」" in warning.hint
    assert "认定按份责任的，均选「按份责任」并填写各自承担的本金份额" in warning.hint
    # the request names them as the operative part does, neither 连带 nor a share
    requests = context(fixture(BARE))["requests"]
    assert requests[0] == (
        "请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金人民币100,000.00元"
        "（大写：壹拾万元整）。"
    )


def test_the_shares_chosen_for_a_bearing_in_common_are_asked_each():
    data = fixture(f"{BARE}_by_shares")
    assert assess(data).problems == []
    printed = printed_copy("enforcement_application", data)
    assert (
        "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币50,000.00元（大写：伍万元整）；"
        "被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币50,000.00元（大写：伍万元整）。"
    ) in printed


def test_a_fee_borne_in_common_is_not_a_bare_bearing_of_the_debt():
    for fee in (
        "案件受理费1,332.49元由被告张伟、李秀英共同承担",
        "被告张伟、李秀英共同承担本案受理费1,332.49元",
    ):
        data = fixture(BARE)
        data["title"]["operative_part"] = (
            f"一、被告张伟、李秀英于本判决生效之日起十日内偿还原告刘芳借款本金100,000元；二、{fee}。"
        )
        warning = _warned(data)[(("respondents",), "share_unstated")]
        assert "「共同承担」" not in warning.message, fee
