"""The costs the operative part orders the respondent to bear: his share only, none where
the applicant bears them (诉讼费用交纳办法 art. 29; 民事诉讼法 art. 247); a term that cannot
be read for certain leaves the costs typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.documents.enforcement_costs import respondent_costs
from tests.enforcement_cases import TYPE, assess, context, fixture

SHARED = "judgment_fee_shared_and_paid_in_part"
LOAN = "被告张伟偿还原告刘芳借款本金100,000元；"


@pytest.mark.parametrize(
    ("fee", "owed"),
    [
        ("案件受理费1,332.49元由被告张伟、李秀英负担。", "1332.49"),
        ("案件受理费2,000元，由原告负担500元，被告负担1,500元。", "1500"),
        ("案件受理费2,000元，由原告刘芳负担500元，由被告张伟负担1,500元。", "1500"),
        ("案件受理费2,000元，由原告负担500元，其余由被告负担。", "1500"),
        ("案件受理费2,000元，由原告负担。", "0"),
        ("案件受理费2,000元，减半收取计1,000元，保全费520元，均由被告负担。", "1520"),
        (
            "案件受理费2,000元（原告已预交），由被告负担，于本判决生效之日起七日内直接支付给原告。",
            "2000",
        ),
        ("案件受理费2,000元，由被告负担；保全费500元，由原告负担。", "2000"),
        # not read for certain: the costs typed are taken
        ("案件受理费2,000元，由原告、被告各负担1,000元。", None),
        ("案件受理费2,000元。", None),
    ],
)
def test_only_the_respondents_share_is_read(fee, owed):
    data = fixture("judgment_fee_paid_directly")
    data["title"]["operative_part"] = LOAN + fee
    read = respondent_costs(TYPE.parse(data))
    assert (read.amount if read else None) == (Decimal(owed) if owed else None)


def test_an_award_s_fee_the_respondent_bears_is_read_from_its_subject():
    read = respondent_costs(TYPE.parse(fixture("arbitration_award")))
    assert read is not None and read.amount == Decimal("8650")


def test_a_payment_goes_to_the_respondents_share_of_the_fee_alone():
    printed = context(fixture(SHARED))
    # 2,000 the fee, 500 the applicant's: 1,500 owed, not 2,000 nor 4,000
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元，依《中华人民共和国民法典》第五百六十一条，"
        "先抵充诉讼费用人民币1,500.00元，再抵充截至当日的利息人民币1,342.19元，余人民币"
        "17,157.81元抵充借款本金，其余义务至今未履行。"
    ) in printed["facts"]
    assert "借款本金人民币82,842.19元" in printed["requests"][0]
    # the share the judgment orders, and why a payment to the applicant went to it
    assert (
        "该判决书确定由被执行人负担的诉讼费用人民币1,500.00元，申请执行人同意由被执行人直接支付"
        "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零七条），"
        "已由履行款项全部抵充。"
    ) in printed["facts"]
    assert assess(fixture(SHARED)).warnings == []


def test_a_fee_a_payment_took_in_part_is_said_with_what_is_left():
    data = fixture(SHARED)
    data["outstanding"]["performed"] = [{"day": "2025-06-01", "amount": "1000.00"}]
    data["outstanding"]["costs"] = "500.00"
    printed = context(data)
    assert (
        "该判决书确定由被执行人负担的诉讼费用人民币1,500.00元，申请执行人同意由被执行人直接支付"
        "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零七条），"
        "尚欠的人民币500.00元一并申请执行。"
    ) in printed["facts"]
    assert "诉讼费用人民币500.00元（大写：伍佰元整）" in printed["requests"][0]


def test_a_fee_the_applicant_bears_takes_nothing_off_a_payment():
    data = fixture(SHARED)
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "由原告刘芳负担500元，被告张伟、李秀英负担1,500元", "由原告刘芳负担"
    )
    # what the payment leaves when none of it goes to costs (typed above it, refused)
    data["outstanding"].update(principal="81342.19", interest="4128.73")
    facts = context(data)["facts"]
    assert "先抵充截至当日的利息人民币1,342.19元，余人民币18,657.81元抵充借款本金" in facts
    assert "诉讼费用人民币" not in facts


def test_costs_the_applicant_bears_are_refused_when_claimed():
    result = assess(fixture("applicant_bears_the_fee_and_costs_claimed", "invalid"))
    [error] = result.errors
    assert (error.loc, error.code) == (("outstanding", "costs"), "costs_above_title")
    assert error.message.startswith(
        "法律文书确定「案件受理费1,332.49元，由原告刘芳负担」，诉讼费用不由被执行人负担，"
        "不能申请执行填写的人民币1,332.49元："
    )
    assert "《诉讼费用交纳办法》第二十九条" in error.message
    assert error.hint == "请删除诉讼费用的金额"


def test_costs_above_the_respondents_share_are_refused_and_the_share_accepted():
    data = fixture("judgment_fee_paid_directly")
    data["title"]["operative_part"] = LOAN + "案件受理费2,000元，由原告负担500元，被告负担1,500元。"
    data["outstanding"]["costs"] = "2000.00"
    [error] = assess(data).errors
    assert (error.loc, error.code) == (("outstanding", "costs"), "costs_above_title")
    assert "由被执行人负担的诉讼费用为人民币1,500.00元，填写的人民币2,000.00元超过该金额" in (
        error.message
    )
    assert error.hint == "请填写人民币1,500.00元"
    data["outstanding"]["costs"] = "1500.00"
    request = context(data)["requests"][0]
    assert "诉讼费用人民币1,500.00元" in request


def test_roles_turned_by_a_counterclaim_are_not_read_as_usual():
    data = fixture("judgment_fee_paid_directly")
    data["title"]["operative_part"] = (
        "原告张伟于本判决生效之日起十日内向被告刘芳支付货款100,000元；"
        "反诉案件受理费2,000元，由原告负担。"
    )
    assert respondent_costs(TYPE.parse(data)) is None
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "由原告负担", "由原告张伟负担"
    )
    read = respondent_costs(TYPE.parse(data))
    assert read is not None and read.amount == Decimal(2000)
