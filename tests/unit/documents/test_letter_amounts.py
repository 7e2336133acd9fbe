"""What a letter says of the sums it demands (docs/legal-rules.md, Letters: amounts): the
agreed rate and its clause, term and overdue interest apart, a loan's delivery, the
holder of another's account, a deadline moved past a holiday, the court it is sent to."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import Problem
from tests.support import load_fixture, normalize, pdf_pages_text, printed_copy

INTERPRETATION = "法释〔2020〕17号"


def _problems(type_name: str, data: dict[str, Any]) -> list[Problem]:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True)).problems


def _codes(type_name: str, data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    return [(p.loc, p.code) for p in _problems(type_name, data) if p.severity == "error"]


def test_interest_at_the_cap_states_its_rate_clause_and_the_cap_in_the_facts():
    printed = printed_copy(
        "demand_letter", load_fixture("demand_letter", "valid", "interest_at_the_cap")
    )
    assert (
        "《借款合同》约定借期内年利率12%（《借款合同》第五条），未超过合同成立时一年期贷款市场"
        f"报价利率的四倍（{INTERPRETATION}第二十五条）。"
    ) in printed
    assert printed.index("约定借期内年利率12%") < printed.index("明细如下")


def test_term_interest_without_its_clause_is_refused_at_the_clause():
    data = load_fixture("demand_letter", "invalid", "term_interest_without_its_clause")
    assert _codes("demand_letter", data) == [
        (("amounts", "components", 1, "calculation", "agreed_in"), "agreed_rate_clause_missing")
    ]


def test_a_contract_after_the_lpr_table_is_warned_and_no_cap_is_vouched_for():
    data = load_fixture("demand_letter", "valid", "contract_formed_after_the_lpr_table")
    warned = [(p.loc, p.code) for p in _problems("demand_letter", data)]
    assert (("contract", "signed_on"), "lpr_unverified") in warned
    printed = printed_copy("demand_letter", data)
    assert "约定借期内年利率6%（《借款合同》第五条）。" in printed
    assert "未超过合同成立时" not in printed


def test_interest_across_the_due_date_is_two_rows_that_sum_to_the_total():
    data = load_fixture("demand_letter", "valid", "interest_across_the_due_date")
    printed = printed_copy("demand_letter", data)
    assert "借期内利息" in printed and "逾期利息" in printed
    assert "6,000.00" in printed and "4,832.88" in printed and "1,470.00" in printed
    assert "人民币112,302.88元" in printed  # 100,000 + 6,000 + 4,832.88 + 1,470
    # a penalty is no interest: its daily rate as contracts word it (describe_penalty_rate)
    assert "按每日0.005%计付违约金（《借款合同》第八条）" in printed
    assert "违约金按日利率" not in printed
    # its row states the clause, base, rate and period, not only 「见计算明细」
    assert (
        "按《借款合同》第八条约定，以100,000.00元为基数，按每日0.005%自2026年1月11日起至"
        "2026年10月31日止计算"
    ) in printed
    assert (
        "此后的逾期利息，以100,000.00元为基数，自2026年11月1日起按年利率6%计算至实际清偿之日止"
        "（《中华人民共和国民法典》第六百七十六条；"
    ) in printed
    # the running 违约金 cites the article on 违约金, not those on overdue interest
    assert (
        f"{INTERPRETATION}）第二十八条）；违约金，以100,000.00元为基数，自2026年11月1日起按每日"
        "0.005%计算至实际清偿之日止（《中华人民共和国民法典》第五百八十五条），我方依法保留主张的权利。"
    ) in printed
    assert "逾期利息与违约金合计以合同成立时一年期贷款市场报价利率的四倍为限" in printed
    assert f"{INTERPRETATION}）第二十九条" in printed


def test_a_minimal_iou_says_what_was_lent_how_and_the_lpr_after_the_due_date():
    data = load_fixture("demand_letter", "valid", "private_lending_minimal")
    printed = printed_copy("demand_letter", data)
    assert "您向本人借款人民币50,000.00元，本人已于2025年5月1日通过银行转账交付。" in printed
    assert (
        "上述金额计算至2026年6月15日；逾期利息以50,000.00元为基数，自2026年5月2日"
        "起参照当时一年期贷款市场报价利率标准计算至实际清偿之日止，本人依法保留主张的权利"
    ) in printed
    assert "第二十八条第二款第一项" in printed
    assert "逾期付款损失" not in printed
    assert "证件号码" not in printed  # one label, 公民身份号码, for both


def test_a_private_loan_without_summary_or_delivery_is_warned_at_the_delivery():
    data = load_fixture("demand_letter", "valid", "private_loan_without_delivery")
    assert _codes("demand_letter", data) == []
    warned = [(p.loc, p.code) for p in _problems("demand_letter", data) if p.severity != "error"]
    assert (("loan_delivery",), "loan_delivery_missing") in warned


def test_another_holders_account_says_who_holds_it_and_that_he_may_receive():
    data = load_fixture("demand_letter", "valid", "account_of_a_third_party")
    printed = printed_copy("demand_letter", data)
    assert (
        "该账户为我方法定代表人陈建国的账户，我方授权其代为收取本函所列款项；您向上述账户支付的"
        "款项，视为向我方清偿。"
    ) in printed
    unexplained = load_fixture("demand_letter", "invalid", "account_of_a_third_party_unexplained")
    assert _codes("demand_letter", unexplained) == [
        (("payment_account", "holder_relation"), "account_holder_unexplained")
    ]


def test_a_lawyer_letter_to_another_holders_account_names_the_client():
    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor"))
    data["payment_account"]["account_name"] = "陈建国"
    assert (("payment_account", "holder_relation"), "account_holder_unexplained") in _codes(
        "lawyer_letter", data
    )
    data["payment_account"]["holder_relation"] = "法定代表人"
    printed = printed_copy("lawyer_letter", data)
    assert "该账户为委托人法定代表人陈建国的账户，委托人授权其代为收取本函所列款项；" in printed


def test_a_deadline_moved_past_a_holiday_is_dated_and_explained_apart():
    data = load_fixture("demand_letter", "valid", "company_debtor_arbitration")
    printed = printed_copy("demand_letter", data)
    assert "请于2026年9月28日（星期一）前（含当日），将上述欠款" in printed
    assert "即本函出具之日起10日内" not in printed
    # the reason, with its article, in a note at the end of the letter: the demand to pay
    # names one date only
    note = (
        "注：本函出具之日起第10日（2026年9月25日）为中秋节法定节假日，依《中华人民共和国民法典》"
        "第二百零三条，上述期限顺延至该休假日结束的次日，即2026年9月28日。"
    )
    assert printed.endswith("\n" + note)
    demand = next(line for line in printed.split("\n") if line.startswith("现特函告"))
    assert "2026年9月25日" not in demand and "第二百零三条" not in demand


def test_a_firm_letter_to_a_court_it_cannot_tell_is_refused():
    data = load_fixture("firm_letter", "invalid", "court_of_a_district_several_cities_have")
    assert _codes("firm_letter", data) == [(("case", "court"), "court_not_determinable")]
    told = load_fixture("firm_letter", "valid", "court_named_by_the_case_number")
    assert "北京市朝阳区人民法院：" in printed_copy("firm_letter", told)


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_letters_short_amounts_table_is_on_one_page_with_its_lead_in(service, engine):
    # the guarantor's copy split its three rows over two pages before
    data = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
    copies = service.render_each("lawyer_letter", data, "pdf", engine=engine)
    pages = [normalize(page) for page in pdf_pages_text(copies[1].content)]

    def page_of(words: str) -> int:  # the first page that holds them
        return min(i for i, page in enumerate(pages) if words in page)

    lead = page_of("款项明细如下")
    assert lead == page_of("本金2026年10月31日100,000.00")
    assert lead == page_of("违约金2026年10月31日1,409.50")
    assert lead == page_of("合计人民币112,242.38元（大写")


def test_a_typed_penalty_without_its_clause_is_warned_at_its_note():
    data = load_fixture("demand_letter", "valid", "penalty_without_its_clause")
    (warning,) = [p for p in _problems("demand_letter", data) if p.severity == "warning"]
    assert (warning.loc, warning.code) == (
        ("amounts", "components", 2, "note"),
        "penalty_clause_missing",
    )
    assert "第五百八十五条第一款" in warning.message
    # the same amount with its clause in the note, and a lawyer letter's, pass quietly
    stated = load_fixture("demand_letter", "valid", "person_debtor")
    lawyer = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    for type_name, case in (("demand_letter", stated), ("lawyer_letter", lawyer)):
        codes = {p.code for p in _problems(type_name, case)}
        assert "penalty_clause_missing" not in codes
    lawyer = copy.deepcopy(lawyer)
    lawyer["amounts"]["components"][-1]["note"] = "按约定计算"
    assert "penalty_clause_missing" in {p.code for p in _problems("lawyer_letter", lawyer)}


def test_typed_interest_with_its_period_prints_as_the_computed_one_does():
    # the typed 10,832.88 agrees with its calculation; it is split at the due date as
    # the computed interest is, each row computed, the total unchanged
    typed = load_fixture("demand_letter", "valid", "typed_interest_across_the_due_date")
    computed = load_fixture("demand_letter", "valid", "interest_across_the_due_date")
    printed = printed_copy("demand_letter", typed)
    assert "借期内利息\n2026年1月10日\n6,000.00" in printed
    assert "逾期利息\n2026年10月31日\n4,832.88" in printed
    assert "10,832.88" not in printed
    assert printed == printed_copy("demand_letter", computed)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "computed_interest",
            "约定借款期限一年。《借款合同》约定借期内年利率6%（《借款合同》第五条）",
        ),
        (
            "overdue_rate_agreed_in_the_contract",
            "约定借款期限一年。《借款合同》约定借期内年利率6%（《借款合同》第五条）；逾期利息按",
        ),
    ],
)
def test_the_agreed_rate_is_said_once_with_its_clause(name, said):
    """The summary's own 「，年利率6%」 and 「，逾期还款的按…计付逾期利息」 are left out where
    the letter states the agreed rates with their clauses."""
    printed = printed_copy("demand_letter", load_fixture("demand_letter", "valid", name))
    assert said in printed
    assert "，年利率6%" not in printed and "计付逾期利息" not in printed
    assert "出借人民币100,000元" in printed


def test_a_summary_is_kept_whole_where_no_agreed_rate_is_printed():
    printed = printed_copy("demand_letter", load_fixture("demand_letter", "valid", "person_debtor"))
    assert "约定借款期限一年，年利率6%。" in printed


def _warned(type_name: str, data: dict[str, Any]) -> dict[str, Problem]:
    return {p.code: p for p in _problems(type_name, data) if p.severity == "warning"}


def test_a_rate_only_in_the_summary_is_not_read_as_no_rate_and_is_warned_at_the_summary():
    """Art. 28(2)(1) of 法释〔2020〕17号 (the one-year LPR) is for a loan with no rate
    agreed; a rate the summary states is reserved as agreed, capped (art. 28(1)), and the
    user is told to type it where the letter can state it."""
    data = load_fixture("demand_letter", "valid", "rate_only_in_the_summary")
    printed = printed_copy("demand_letter", data)
    assert (
        "上述金额计算至2026年11月20日；逾期利息以50,000.00元为基数，自2026年5月2日起按《借条》"
        "约定的利率（以不超过合同成立时一年期贷款市场报价利率的四倍为限）计算至实际清偿之日止，"
        "本人依法保留主张的权利（《中华人民共和国民法典》第六百七十六条；"
    ) in printed
    assert "参照当时一年期贷款市场报价利率" not in printed
    assert "第二十八条第二款第一项" not in printed
    assert _codes("demand_letter", data) == []
    warning = _warned("demand_letter", data)["agreed_rate_only_in_summary"]
    assert warning.loc == ("contract", "summary")
    assert "债务形成经过写有「年利率6%」" in warning.message
    assert "第二十八条第二款第一项" in warning.message and "第二十八条第一款" in warning.message
    assert warning.hint is not None and "「计算方式」中填写约定的「利率」" in warning.hint
    assert "later_interest_rate_unstated" not in _warned("demand_letter", data)


@pytest.mark.parametrize(
    ("summary", "rated"),
    [
        ("约定借款期限一年，月息2分", True),
        ("逾期还款的按日万分之五计付逾期利息", True),
        ("逾期按一年期LPR的四倍计算逾期利息", True),
        ("约定借款期限一年，未约定利息", False),
        ("约定借款期限一年，年利率0%", False),
        ("约定分期还款", False),
    ],
)
def test_only_a_summary_that_states_a_rate_leaves_the_lpr_out(summary, rated):
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "private_lending_minimal"))
    data["contract"]["summary"] = summary
    printed = printed_copy("demand_letter", data)
    assert ("参照当时一年期贷款市场报价利率" not in printed) is rated
    assert ("agreed_rate_only_in_summary" in _warned("demand_letter", data)) is rated


def test_a_rate_typed_as_an_interest_row_is_the_one_the_letter_states():
    """The structured field for an agreed rate is an interest row's 计算方式 (rate and
    约定条款): with it, no warning on the summary and the rate printed with its clause."""
    data = load_fixture("demand_letter", "valid", "overdue_rate_agreed_in_the_contract")
    assert "agreed_rate_only_in_summary" not in _warned("demand_letter", data)
    printed = printed_copy("demand_letter", data)
    assert "（《借款合同》第五条）" in printed and "参照当时" not in printed


def test_the_lawyer_letter_reserves_a_summarys_rate_as_agreed_too():
    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", "person_debtor_auto_number"))
    data["contract"]["kind"] = "private_lending"
    data["contract"]["summary"] = "约定借款期限一年，年利率6%"
    data["amounts"]["components"] = [
        c for c in data["amounts"]["components"] if c["kind"] != "interest"
    ]
    data["amounts"].pop("total", None)
    printed = printed_copy("lawyer_letter", data)
    assert "约定的利率（以不超过合同成立时一年期贷款市场报价利率的四倍为限）计算" in printed
    assert "参照当时一年期贷款市场报价利率" not in printed
    assert _warned("lawyer_letter", data)["agreed_rate_only_in_summary"].loc == (
        "contract",
        "summary",
    )
