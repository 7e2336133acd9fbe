"""How the application for enforcement applies what the respondent paid: costs, then the
interest accrued to the payment day, then the principal (民法典 art. 561), or the order the
parties agreed; what it leaves checked against the sums typed; the interest it cannot know
said so, not guessed."""

from __future__ import annotations

from tests.enforcement_cases import assess, context, fixture

APPLIED = "judgment_payment_applied_to_costs_and_interest_first"


def _warnings(data: dict) -> dict:
    return {(w.loc, w.code): w.message for w in assess(data).warnings}


def test_a_payment_goes_to_the_costs_then_the_interest_then_the_principal():
    printed = context(fixture(APPLIED))
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元，依《中华人民共和国民法典》第五百六十一条，"
        "先抵充诉讼费用人民币1,332.49元，再抵充截至当日的利息人民币1,342.19元，余人民币"
        "17,325.32元抵充借款本金，其余义务至今未履行。"
    ) in printed["facts"]
    # what it left: 100,000 - 17,325.32 of the principal, no costs, the interest after it on
    # the smaller principal
    request = printed["requests"][0]
    assert "借款本金人民币82,674.68元" in request
    assert "利息人民币4,196.36元" in request
    assert "诉讼费用" not in request
    assert "已扣除已履行款项抵充的部分，履行之日后以尚欠的借款本金为基数" in request
    # the costs a payment took: why it went to them (民诉法解释 art. 207)
    assert (
        "该判决书确定由被执行人负担的诉讼费用人民币1,332.49元，申请执行人同意由被执行人直接支付"
        "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百零七条），"
        "已由履行款项全部抵充。"
    ) in printed["facts"]
    # the doubled part on what the payment took off the debt other than interest (法释〔2014〕
    # 8号 art. 1(3)): the costs and the principal, 1,332.49 + 17,325.32
    assert "第2部分（2025年6月1日履行款项中抵充一般债务利息以外债务的人民币18,657.81元" in (
        "".join(printed["delay_lines"])
    )


def test_a_payment_taken_off_the_principal_alone_is_refused_where_it_claims_more():
    """Above what the allocation leaves the application states the split and claims more:
    refused; below it a smaller claim is the applicant's choice: warned."""
    result = assess(fixture("judgment_payment_taken_off_the_principal_alone", "invalid"))
    errors = {(e.loc, e.code): e.message for e in result.errors}
    assert list(errors) == [(("outstanding", "costs"), "allocation_disagrees")]
    costs = errors[(("outstanding", "costs"), "allocation_disagrees")]
    assert costs.startswith(
        "已履行的人民币20,000.00元依《中华人民共和国民法典》第五百六十一条抵充后，诉讼费用已全部"
        "清偿，不应再申请执行填写的人民币1,332.49元：申请书在事实与理由中写明抵充，请求事项却"
        "申请执行更多的金额，前后矛盾并超出尚欠的金额（《中华人民共和国民事诉讼法》第二百四十七条）"
    )
    warnings = {(w.loc, w.code): w.message for w in result.warnings}
    principal = warnings[(("outstanding", "principal"), "allocation_disagrees")]
    assert (
        "已履行的人民币20,000.00元依《中华人民共和国民法典》第五百六十一条抵充后，尚欠借款本金"
        "人民币82,674.68元，填写的人民币80,000.00元少于该金额人民币2,674.68元：请核对"
    ) in principal
    interest = warnings[(("outstanding", "interest"), "allocation_disagrees")]
    assert "截至2026年11月20日，尚欠利息人民币4,196.36元，填写的人民币1,342.19元少于" in interest


def test_a_principal_above_what_the_payment_left_is_refused_at_the_principal():
    data = fixture(APPLIED)
    data["outstanding"]["principal"] = "82674.69"  # a fen more is within the tolerance
    assert assess(data).errors == []
    data["outstanding"]["principal"] = "90000.00"
    (error,) = assess(data).errors
    assert (error.loc, error.code) == (("outstanding", "principal"), "allocation_disagrees")
    assert (
        "尚欠借款本金人民币82,674.68元，填写的人民币90,000.00元超过该金额人民币7,325.32元"
        in error.message
    )
    assert "请按抵充后尚欠的金额填写借款本金" in error.message


def test_a_principal_above_the_instrument_is_refused_once():
    data = fixture("principal_above_the_judgment_and_a_payment_after_the_application", "invalid")
    at_principal = [e.code for e in assess(data).errors if e.loc == ("outstanding", "principal")]
    assert at_principal == ["principal_above_title"]


def test_an_agreed_order_is_applied_and_said():
    data = fixture("judgment_payment_applied_as_agreed")
    printed = context(data)
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元，双方约定按先本金、再利息、后费用的顺序"
        "抵充，全部抵充借款本金，其余义务至今未履行。"
    ) in printed["facts"]
    assert "第五百六十一条" not in printed["facts"]
    assert "借款本金人民币80,000.00元" in printed["requests"][0]
    # nothing went to the interest: the figure is not said to have had a payment deducted
    assert "利息人民币5,402.79元" in printed["requests"][0]
    assert "共679日；履行之日后以尚欠的借款本金为基数）" in printed["requests"][0]
    assert "已扣除" not in printed["requests"][0]
    # the statute's order would have left other sums
    data["outstanding"].pop("agreed_order")
    assert (("outstanding", "principal"), "allocation_disagrees") in _warnings(data)


def test_interest_that_cannot_be_counted_is_said_not_guessed():
    data = fixture("judgment_payment_with_interest_not_computable")
    message = _warnings(data)[(("outstanding", "interest_method"), "allocation_interest_unknown")]
    assert "无法确定截至履行之日的利息" in message
    printed = context(data)
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元，依《中华人民共和国民法典》第五百六十一条，"
        "依次抵充截至履行之日已产生的利息和借款本金，其余义务至今未履行。"
    ) in printed["facts"]
    assert "人民币1,342.19元" not in printed["facts"]
    # the payment's part that was principal is not known: not counted in the doubled part
    assert "第2部分" not in "".join(printed["delay_lines"])


def test_an_instrument_without_interest_applies_the_payment_to_costs_then_principal():
    data = fixture("arbitration_award")  # 货款 450,000, 违约金 22,500, 仲裁费 8,650
    data["outstanding"]["performed"] = [{"day": "2026-06-10", "amount": "10000.00"}]
    data["outstanding"]["principal"] = "448650.00"
    del data["outstanding"]["costs"]
    printed = context(data)["facts"]
    assert (
        "被执行人福州闽江建材有限公司于2026年6月10日履行人民币10,000.00元，依《中华人民共和国民法典》第五百六十一条，"
        "先抵充仲裁费用人民币8,650.00元，余人民币1,350.00元抵充货款，其余义务至今未履行。"
    ) in printed
    warnings = _warnings(data)
    assert (("outstanding", "principal"), "allocation_disagrees") not in warnings
    assert (("outstanding", "other"), "allocation_other_not_placed") in warnings


def test_a_penalty_beside_payments_is_told_the_statute_does_not_place_it():
    data = fixture(APPLIED)
    data["outstanding"].update(other="5000.00", other_label="违约金")
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "及利息", "及利息、违约金5,000元"
    )
    message = _warnings(data)[(("outstanding", "other"), "allocation_other_not_placed")]
    assert "未规定违约金" in message


def test_the_doubled_interest_is_one_request_for_joint_respondents():
    for kinds in (("joint", "joint"), ("debtor", "joint"), ("debtor", "debtor")):
        data = fixture(APPLIED)
        for respondent, kind in zip(data["respondents"], kinds, strict=True):
            respondent["liability"] = {"kind": kind}
        requests = context(data)["requests"]
        doubled = [r for r in requests if "加倍支付迟延履行期间的债务利息" in r]
        assert len(doubled) == 1, requests
        assert "".join(requests).count("加倍部分债务利息暂计至") == 1


def test_interest_with_its_own_last_day_is_counted_to_it():
    data = fixture(APPLIED)
    data["outstanding"]["interest_method"]["end"] = "2025-12-31"
    data["outstanding"]["interest_to_payment"] = False
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "计算至实际清偿之日止", "计算至2025年12月31日止"
    )
    errors = {(e.loc, e.code): e.message for e in assess(data).errors}
    message = errors[(("outstanding", "interest"), "allocation_disagrees")]
    # 82,674.68 × 3.45% × 213 days (2025-06-02 to 2025-12-31) ÷ 365 = 1,664.48
    assert "截至2025年12月31日，尚欠利息人民币1,664.48元" in message
    # a last day before the payment: the interest to the payment day is not the method's
    data["outstanding"]["interest_method"]["end"] = "2025-05-01"
    assert (("outstanding", "interest_method"), "allocation_interest_unknown") in _warnings(data)


def test_an_agreed_order_is_not_overwritten_by_the_statutes_when_interest_is_unknown():
    data = fixture("judgment_payment_with_interest_not_computable")
    data["outstanding"]["agreed_order"] = "principal_interest_costs"
    printed = context(data)
    assert (
        "被执行人张伟于2025年6月1日履行人民币20,000.00元，双方约定按先本金、再利息、后费用的顺序"
        "抵充，其余义务至今未履行。"
    ) in printed["facts"]
    assert "依次抵充" not in printed["facts"]
    message = _warnings(data)[(("outstanding", "interest_method"), "allocation_interest_unknown")]
    assert message.startswith(
        "法律文书确定了利息，已履行的款项按双方约定的顺序（先本金、再利息、后费用）抵充；"
    )
    assert "第五百六十一条" not in message
