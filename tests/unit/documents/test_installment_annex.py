"""The installment agreement as a lawyer reads it for signature: its calculation sheet is
an annex the text refers to and every party signs (as the debt confirmation's), the
recital says what fell due and is unpaid, and the plan's lead-in names interest only
where the plan holds some."""

from __future__ import annotations

import copy

from tests.support import load_fixture, normalize, pdf_pages_text, printed_copy

MONTHLY = load_fixture("installment_agreement", "valid", "monthly_with_guarantor")
SALE = load_fixture("installment_agreement", "valid", "rows_on_working_days")
CONFIRMED = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
NOTE = "上述款项的计算明细见附件《计算明细》，附件为本协议不可分割的组成部分。"


def _pages(service, data, engine):
    pdf = service.render("installment_agreement", data, "pdf", engine=engine).content
    return [normalize(p).replace(" ", "").replace("\n", "") for p in pdf_pages_text(pdf)]


def test_the_calculation_sheet_is_an_annex_every_party_signs(service):
    for engine in ("typst", "weasyprint"):
        pages = _pages(service, MONTHLY, engine)
        text = "".join(pages)
        # under the amounts, in 第一条, before 第二条
        assert text.index("合计人民币112,302.88元") < text.index(NOTE) < text.index("第二条")
        assert "本协议（含附件）一式三份，各方各执一份" in text
        assert "各方应在本协议（含附件）每页签字（或加盖骑缝章）。" in text
        signing = next(p for p in pages if "（以下无正文" in p)
        assert "（以下无正文，附件附后）甲方" in signing
        # the annex begins on a page of its own (three sheets: it may run to two)
        start = next(k for k, p in enumerate(pages) if p.startswith("附件：计算明细"))
        assert "附：计算明细" not in text and "（以下无正文" in pages[start - 1]
        annex = pages[-1]
        # signed under its last line by 甲方, 乙方 and the guarantor 丙方, each dated, on
        # the page of that line
        assert annex.index("1,470.00元") < annex.index("甲方：深圳市恒信商贸有限公司")
        assert "丙方：刘芳签字并按手印" in annex and "乙方：张伟签字并按手印" in annex, engine
        assert annex.count("日期：＿＿＿＿年＿＿月＿＿日") == 3, engine


def test_without_a_calculation_there_is_no_annex_and_no_reference(service):
    text = "".join(_pages(service, SALE, "typst"))
    assert "附件" not in text and "计算明细" not in text
    assert "（以下无正文）甲方" in text and "本协议一式两份" in text


def test_the_recital_says_the_loan_fell_due_and_what_is_unpaid():
    recital = printed_copy("installment_agreement", MONTHLY).split("\n第一条")[0]
    assert "年利率6%。借款已于2026年1月10日到期，乙方至今未清偿借款本息。为妥善解决" in recital
    assert "前清偿的款项至今未能清偿" not in recital
    principal_only = copy.deepcopy(MONTHLY)
    principal_only["debt"]["components"] = principal_only["debt"]["components"][:1]
    del principal_only["debt"]["total"]
    principal_only["schedule"]["generate"]["count"] = 5
    text = printed_copy("installment_agreement", principal_only)
    assert "借款已于2026年1月10日到期，乙方至今未清偿借款本金。" in text


def test_a_price_fell_due_and_a_due_date_not_passed_is_not_said_to_have():
    assert "货款已于2025年12月31日到期，乙方至今未付清。" in printed_copy(
        "installment_agreement", SALE
    )
    later = copy.deepcopy(MONTHLY)
    later["origin"]["due_date"] = later["agreement_date"]
    text = printed_copy("installment_agreement", later)
    assert "根据约定，乙方应于2026年11月20日（含当日）前向甲方清偿相应款项。" in text
    assert "到期" not in text.split("\n第一条")[0]


def test_the_plans_lead_in_names_interest_only_where_the_plan_holds_some():
    assert "乙方分6期向甲方清偿上述欠款及其利息，各期还款日期及金额如下：" in printed_copy(
        "installment_agreement", MONTHLY
    )
    free = copy.deepcopy(MONTHLY)
    del free["plan_interest"]
    text = printed_copy("installment_agreement", free)
    assert "乙方分6期向甲方清偿上述欠款，各期还款日期及金额如下：" in text
    assert "及其利息" not in text


def test_a_confirmations_plan_at_no_interest_promises_the_debt_alone():
    data = copy.deepcopy(CONFIRMED)
    data["later_interest"] = {"basis": "agreed", "rate": {"kind": "annual", "value": "0"}}
    text = printed_copy("debt_confirmation", data)
    # the 利息 column holds 0.00 in every row: 「及其利息」 would promise what is not there
    assert "三、乙方承诺按以下计划向甲方清偿上述债务：" in text and "及其利息" not in text
    assert (
        "三、乙方承诺按以下计划向甲方清偿上述债务及其利息，各期应还金额以「合计」栏为准："
        in printed_copy("debt_confirmation", CONFIRMED)
    )
