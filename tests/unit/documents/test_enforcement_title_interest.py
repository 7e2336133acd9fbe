"""The interest method the operative part states, read where the case gives neither fields
nor a note: unambiguous words only (法释〔2014〕8号 art. 1(2)); anything else left to the
warning it had."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docgen.documents.enforcement_title_interest import title_method
from tests.enforcement_cases import TYPE, assess, context, fixture

READ = "judgment_payment_with_interest_read_from_the_judgment"
LPR = "judgment_interest_at_the_lpr_read_from_the_judgment"
TERM = "被告张伟于本判决生效之日起十日内偿还原告刘芳借款本金100,000元及利息（{}）。"


def _warnings(data: dict) -> dict:
    return {(w.loc, w.code): w for w in assess(data).warnings}


@pytest.mark.parametrize(
    ("words", "read"),
    [
        (
            "以100,000元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止",
            ("annual", "3.45", None),
        ),
        (
            "以100,000元为基数，按日万分之五自2025年1月11日起计算至实际清偿之日止",
            ("daily", "0.05", None),
        ),
        (
            "以100,000元为基数，按年利率3.45%自2025年1月11日起计算至2025年12月31日止",
            ("annual", "3.45", "2025-12-31"),
        ),
        (
            "以100,000元为基数，自2025年1月11日起按照全国银行间同业拆借中心公布的一年期贷款市场"
            "报价利率计付至实际清偿之日止",
            ("lpr_multiple", "1", None),
        ),
        (
            "以100,000元为基数，自2025年1月11日起按一年期贷款市场报价利率的1.5倍计算至实际清偿之日止",
            ("lpr_multiple", "1.5", None),
        ),
        (
            "以100,000元为基数，自2025年1月11日起按一年期贷款市场报价利率上浮50%计算至实际清偿之日止",
            ("lpr_multiple", "1.5", None),
        ),
        # ambiguous: not read
        (
            "以100,000元为基数，自2025年1月11日起按照中国人民银行同期同类贷款基准利率计算至实际清偿之日止",
            None,
        ),
        (
            "以100,000元为基数，自2025年1月11日起按起诉时一年期贷款市场报价利率计算至实际清偿之日止",
            None,
        ),
        ("以100,000元为基数，自2025年1月11日起按同期贷款市场报价利率计算至实际清偿之日止", None),
        (
            "以100,000元为基数，自2025年1月11日起按五年期以上贷款市场报价利率计算至实际清偿之日止",
            None,
        ),
        ("以100,000元为基数，按年利率3.45%自2025年1月11日起计算", None),
        # a base that is no figure: not read, never a failure
        ("以,元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止", None),
        ("按年利率3.45%自2025年1月11日起计算至实际清偿之日止", None),
        (
            "以100,000元为基数，按年利率3.45%自2025年1月11日起计算至实际清偿之日止，逾期按年利率5%计算",
            None,
        ),
    ],
)
def test_only_an_unambiguous_method_is_read(words, read):
    data = fixture("judgment_first_instance")
    data["title"]["operative_part"] = TERM.format(words)
    method = title_method(TYPE.parse(data))
    if read is None:
        assert method is None
        return
    kind, value, end = read
    assert method is not None
    assert (method.base, method.start.isoformat()) == (Decimal(100000), "2025-01-11")
    assert (method.rate.kind, method.rate.value) == (kind, Decimal(value))
    assert (method.end.isoformat() if method.end else None) == end


def test_a_payment_is_applied_with_the_method_the_judgment_states():
    data = fixture(READ)
    printed = context(data)
    assert (
        "先抵充诉讼费用人民币1,332.49元，再抵充截至当日的利息人民币1,342.19元，余人民币"
        "17,325.32元抵充借款本金"
    ) in printed["facts"]
    assert (
        "利息人民币4,196.36元（大写：肆仟壹佰玖拾陆元叁角陆分）（以100,000.00元为基数，按年利率"
        "3.45%自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日；"
    ) in printed["requests"][0]
    # the late payment's part bears the doubled interest to its day
    assert "第2部分（2025年6月1日履行款项中抵充一般债务利息以外债务的人民币18,657.81元" in (
        "".join(printed["delay_lines"])
    )
    warned = _warnings(data)
    told = warned[(("outstanding", "interest_method"), "interest_method_from_title")]
    assert told.message.startswith(
        "利息的计算方法按法律文书的判项读出：以100,000.00元为基数，按年利率3.45%自2025年1月11日起"
        "计算至实际清偿之日止"
    )
    assert "请在「利息计算方式」中按法律文书填写" in (told.hint or "")
    assert told.message.endswith(
        "申请书据此核对利息金额、抵充已履行款项，请核对读出的基数、利率和起算日与判项一致"
    )
    assert (("outstanding", "interest_method"), "allocation_interest_unknown") not in warned


def test_an_lpr_method_is_counted_with_the_lpr_table():
    data = fixture(LPR)
    warned = _warnings(data)
    assert set(warned) == {(("outstanding", "interest_method"), "interest_method_from_title")}
    # nothing was paid: the message speaks of the figure alone
    told = warned[(("outstanding", "interest_method"), "interest_method_from_title")].message
    assert "申请书据此核对利息金额，请核对读出的基数、利率和起算日与判项一致" in told
    assert "抵充" not in told
    assert (
        "利息人民币5,616.17元（大写：伍仟陆佰壹拾陆元壹角柒分）（以100,000.00元为基数，按各计息期间"
        "适用的一年期贷款市场报价利率（LPR，随LPR调整浮动）自2025年1月11日起计至实际清偿之日止"
    ) in context(data)["requests"][0]
    data["outstanding"]["interest"] = "6417.95"
    [error] = assess(data).errors
    assert (error.loc, error.code) == (
        ("outstanding", "interest"),
        "interest_disagrees_with_method",
    )
    assert error.message.startswith("按法律文书判项所载计算方法，以100,000.00元为基数")
    assert error.hint == "按法律文书判项所载计算方法应为人民币5,616.17元（起止日均计入）"


def test_an_ambiguous_method_keeps_the_warning_and_says_nothing_was_read():
    data = fixture("judgment_payment_with_interest_not_computable")
    warned = _warnings(data)
    unknown = warned[(("outstanding", "interest_method"), "allocation_interest_unknown")]
    assert "也不能从利息计算方法或法律文书的判项中确定无疑地读出" in unknown.message
    assert (("outstanding", "interest_method"), "interest_method_from_title") not in warned


def test_the_fields_or_a_note_typed_are_used_before_the_operative_part():
    data = fixture(READ)
    data["outstanding"]["interest_note"] = "以100,000元为基数，按年利率3.45%自2025年1月11日起"
    assert (("outstanding", "interest_method"), "interest_method_from_title") not in _warnings(data)
    applied = fixture("judgment_payment_applied_to_costs_and_interest_first")
    assert assess(applied).warnings == []
