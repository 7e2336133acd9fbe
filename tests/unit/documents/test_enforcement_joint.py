"""Respondents jointly liable (民法典 art. 178) asked for the whole together: the requests
say 「连带」, so that neither reads the sum as his share; every other combination of
liabilities keeps its own words."""

from __future__ import annotations

from tests.enforcement_cases import assess, context, fixture

JOINT = "judgment_jointly_liable_debtors"


def _requests(kinds: tuple[str, ...]) -> list[str]:
    data = fixture(JOINT)
    for respondent, kind in zip(data["respondents"], kinds, strict=True):
        respondent["liability"] = {"kind": kind}
    return context(data)["requests"]


def test_two_jointly_liable_are_asked_to_pay_jointly():
    requests = context(fixture(JOINT))["requests"]
    assert requests[0].startswith(
        "请求强制执行被执行人张伟、李秀英连带向申请执行人支付借款本金人民币100,000.00元"
    )
    assert requests[1].startswith(
        "请求强制执行被执行人张伟、李秀英连带加倍支付迟延履行期间的债务利息：其中加倍部分债务利息"
    )
    assert requests[2:] == ["本案执行费用由被执行人负担。"]
    assert assess(fixture(JOINT)).warnings == []


def test_a_debtor_and_one_jointly_liable_keep_the_judgments_two_requests():
    requests = _requests(("debtor", "joint"))
    assert requests[0].startswith("请求强制执行被执行人张伟向申请执行人支付借款本金")
    assert requests[1].startswith("请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息")
    assert requests[2] == "被执行人李秀英对上述第1项债务承担连带清偿责任。"
    assert "连带向申请执行人" not in "".join(requests)


def test_several_debtors_are_named_as_before():
    requests = _requests(("debtor", "debtor"))
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付")
    assert "连带" not in "".join(requests)


def test_shares_and_a_general_guarantor_beside_joint_ones_keep_their_words():
    data = fixture(JOINT)
    guarantor = {**data["respondents"][1], "name": "王五", "sex": "男"}
    guarantor.pop("id_type"), guarantor.pop("id_number")
    data["respondents"].append(guarantor)
    data["respondents"][2]["liability"] = {"kind": "general_guarantee"}
    data["title"]["operative_part"] += (
        "被告王五对上述债务在被告张伟、李秀英的财产依法强制执行后仍不能履行的部分承担保证责任。"
    )
    requests = context(data)["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英连带向申请执行人支付")
    assert requests[2] == (
        "被执行人王五对上述第1项债务，在债务人的财产依法强制执行后仍不能履行的部分承担保证责任。"
    )
    shares = context(fixture("judgment_debtors_by_shares_and_a_general_guarantor"))["requests"]
    assert "连带" not in "".join(shares)


def test_one_jointly_liable_alone_is_asked_for_the_whole_without_the_word():
    data = fixture(JOINT)
    data["respondents"] = data["respondents"][:1]
    assert context(data)["requests"][0].startswith("请求强制执行被执行人张伟向申请执行人支付")


def test_joint_liability_the_operative_part_does_not_state_is_warned_on_each():
    result = assess(fixture("judgment_joint_debtors_in_unclear_words"))
    assert result.errors == []
    warned = {(w.loc, w.code): w.message for w in result.warnings}
    at = (("respondents", 1, "liability", "kind"), "joint_not_in_title")
    assert (("respondents", 0, "liability", "kind"), "joint_not_in_title") in warned
    assert "法律文书的判项中未见「连带」的表述，请核对被执行人李秀英承担连带责任" in warned[at]
    assert "第一百七十八条" in warned[at]
    # still asked jointly: the liability typed governs the words
    printed = context(fixture("judgment_joint_debtors_in_unclear_words"))["requests"][0]
    assert printed.startswith("请求强制执行被执行人张伟、李秀英连带向申请执行人支付")


LEFT = "judgment_joint_liability_left_as_debtor"


def test_a_jointly_liable_respondent_left_a_debtor_is_warned_to_choose_joint():
    result = assess(fixture(LEFT))
    assert result.errors == []
    warned = {(w.loc, w.code): w for w in result.warnings}
    warning = warned[(("respondents", 1, "liability", "kind"), "joint_typed_as_debtor")]
    assert warning.message.startswith(
        "法律文书的判项确定被执行人李秀英承担连带清偿责任，其责任形式却为「债务人」"
    )
    assert "第一百七十八条" in warning.message and "第二百四十七条" in warning.message
    assert "请将被执行人李秀英的责任形式选为「连带清偿责任」" in (warning.hint or "")
    # the debtor himself is not warned; the request still names both, without 连带
    assert (("respondents", 0, "liability", "kind"), "joint_typed_as_debtor") not in warned
    requests = context(fixture(LEFT))["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付借款本金")
    assert "连带" not in "".join(requests)


def test_the_jointly_liable_respondent_chosen_joint_is_asked_as_the_judgment_orders():
    data = fixture(LEFT)
    data["respondents"][1]["liability"] = {"kind": "joint"}
    assert assess(data).warnings == []
    requests = context(data)["requests"]
    assert requests[0].startswith(
        "请求强制执行被执行人张伟向申请执行人支付借款本金人民币100,000.00元"
    )
    assert requests[2] == "被执行人李秀英对上述第1项债务承担连带清偿责任。"
    # the valid fixtures of this shape are written so
    performed = context(fixture("judgment_partly_performed"))["requests"]
    assert performed[2] == "被执行人李秀英对上述第1项债务承担连带清偿责任。"


def test_joint_words_said_of_no_one_respondent_or_without_another_debtor_draw_no_warning():
    # 「被告张伟、李秀英…连带偿还」 names no respondent as the subject of a term of his own
    data = fixture(JOINT)
    for respondent in data["respondents"]:
        respondent["liability"] = {"kind": "debtor"}
    codes = [w.code for w in assess(data).warnings]
    assert "joint_typed_as_debtor" not in codes
    # the jointly liable respondent alone, no debtor beside him
    alone = fixture(LEFT)
    alone["respondents"] = alone["respondents"][1:]
    assert "joint_typed_as_debtor" not in [w.code for w in assess(alone).warnings]
