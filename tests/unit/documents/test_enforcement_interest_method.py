"""The interest an application claims is checked against the instrument's method given as
fields (base, rate, first day; an LPR rate too), else as typed words; a sum neither can
check, and the instrument does not state, is warned of rather than passed in silence
(enforcement_interest_figure)."""

from __future__ import annotations

from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import fixture as _fixture
from tests.support import printed_copy


def _problems(data):
    return [(p.severity, p.loc, p.code) for p in _assess(data).problems]


def test_a_method_given_as_fields_is_printed_and_checks_the_figure():
    data = _fixture("judgment_interest_method_as_fields")
    assert "interest_note" not in data["outstanding"]
    assert _problems(data) == []
    text = printed_copy("enforcement_application", data)
    assert (
        "利息人民币6,417.95元（大写：陆仟肆佰壹拾柒元玖角伍分）（以100,000.00元为基数，按年利率"
        "3.45%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日）"
    ) in text
    data["outstanding"]["interest"] = "6517.95"
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (
        ("outstanding", "interest"),
        "interest_disagrees_with_method",
    )
    assert error.hint == "按所填计算方法应为人民币6,417.95元（起止日均计入）"


def test_an_lpr_rate_the_words_cannot_check_is_checked_as_fields():
    data = _fixture("judgment_interest_method_as_fields")
    method = data["outstanding"]["interest_method"]
    method["rate"] = {"kind": "lpr_multiple", "value": "1"}
    data["outstanding"]["interest"] = "1.00"  # far from a year and a half at the LPR
    (error,) = _assess(data).errors
    assert error.code == "interest_disagrees_with_method"
    assert "一年期贷款市场报价利率" in error.message
    # the LPR floats over the days counted: each period with the rate it was checked at
    assert (
        "计算为人民币5,616.17元（分段计算：2025年1月11日至2025年5月19日：100,000.00元×3.1%×129÷365"
        "=1,095.62元；2025年5月20日至2026年11月20日：100,000.00元×3%×550÷365=4,520.55元）"
    ) in error.message
    right = error.hint.removeprefix("按所填计算方法应为人民币").removesuffix("元（起止日均计入）")
    data["outstanding"]["interest"] = right.replace(",", "")
    assert _problems(data) == []
    # the same method in words is not read (its rate on each day is not in the words)
    del data["outstanding"]["interest_method"]
    data["outstanding"]["interest_note"] = (
        "以100,000元为基数，按一年期贷款市场报价利率自2025年1月11日起"
    )
    assert _problems(data) == [
        ("warning", ("outstanding", "interest_method"), "interest_method_not_checked")
    ]


def test_a_method_in_other_words_is_warned_of_not_passed_in_silence():
    data = _fixture("judgment_interest_method_in_other_words")
    (warning,) = _assess(data).warnings
    assert (warning.loc, warning.code) == (
        ("outstanding", "interest_method"),
        "interest_method_not_checked",
    )
    assert warning.message.startswith(
        "利息人民币6,417.95元未能核对：所填「利息计算方法」（按中国人民银行同期同类贷款基准利率计算）"
        "未能读出基数、利率和起算日"
    )
    assert "第十八条" in warning.message
    # the judgment states a method the words typed keep from being used: the hint gives it
    assert warning.hint == (
        "法律文书的判项载明以100,000.00元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿"
        "之日止，与所填计算方法不同：请按判项改写「利息计算方法」，或将其清空以按判项核对"
    )
    del data["outstanding"]["interest_note"]
    # nothing typed: the judgment's own method is read and the figure checks
    (warning,) = _assess(data).warnings
    assert warning.code == "interest_method_from_title"
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "按年利率3.45%", "按照中国人民银行同期同类贷款基准利率"
    )
    (warning,) = _assess(data).warnings
    assert "未能核对：未填写计算方法" in warning.message
    assert (
        warning.hint == "请在「利息计算方式」中填写法律文书确定的计息基数、利率和起算日，以便核对"
    )


def test_a_sum_the_instrument_states_needs_no_method():
    data = _fixture("judgment_interest_method_in_other_words")
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "及利息（以100,000元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止）",
        "及利息6,417.95元",
    )
    data["outstanding"]["interest_to_payment"] = False
    assert not [w for w in _assess(data).warnings if w.code == "interest_method_not_checked"]


def test_the_fields_are_checked_where_the_words_are_typed_too():
    data = _fixture("judgment_interest_method_as_fields")
    data["outstanding"]["interest_note"] = "以100,000元为基数，按年利率3.45%自2025年1月11日起"
    data["outstanding"]["interest_method"]["start"] = "2025-02-11"  # a month later
    (error,) = _assess(data).errors
    assert "自2025年2月11日起" in error.message
    # the instrument's own words are printed
    data["outstanding"]["interest_method"]["start"] = "2025-01-11"
    assert "（以100,000元为基数，按年利率3.45%自2025年1月11日起计至实际清偿之日止" in (
        printed_copy("enforcement_application", data)
    )


def test_an_end_for_interest_running_to_payment_is_refused():
    data = _fixture("judgment_interest_method_as_fields")
    data["outstanding"]["interest_method"]["end"] = "2026-11-20"
    assert ("error", ("outstanding", "interest_method", "end"), "interest_end_in_note") in (
        _problems(data)
    )
