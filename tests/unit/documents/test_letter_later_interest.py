"""The interest after a letter's cut-off date (docs/legal-rules.md, Interest): the amounts
stop at the date, the overdue interest runs until payment and is reserved (民法典 art.
676; 法释〔2020〕17号 art. 28), and the receipt confirms the total without it."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from docgen.domain.interest import RateSpec
from tests.support import load_fixture, printed_copy

CODE = "《中华人民共和国民法典》"
LENDING = (
    f"{CODE}第六百七十六条；《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
    "（法释〔2020〕17号）第二十八条"
)


def test_overdue_interest_computed_to_the_cut_off_runs_on_with_its_base_and_rate():
    printed = printed_copy(
        "demand_letter", load_fixture("demand_letter", "valid", "computed_interest")
    )
    sentence = (
        "上述金额计算至2026年10月31日；此后的逾期利息，以100,000.00元为基数，自2026年11月1日起"
        f"按年利率6%计算至实际清偿之日止，我方依法保留主张的权利（{LENDING}）。"
    )
    assert sentence in printed
    # under the table, before the demand to pay
    assert printed.index("上述金额计算至") < printed.index("现特函告")


def test_an_agreed_overdue_rate_is_the_one_said_to_run_on():
    # the agreed 1.5 × LPR, not the in-term 6%, in the words every document gives a rate
    data = load_fixture("demand_letter", "valid", "overdue_rate_agreed_in_the_contract")
    rate = RateSpec("lpr_multiple", Decimal("1.5")).describe()
    printed = printed_copy("demand_letter", data)
    assert f"以100,000.00元为基数，自2026年11月1日起按{rate}计算至实际清偿之日止" in printed


def test_a_typed_interest_reserves_the_rate_its_note_states_from_the_next_day():
    data = load_fixture("demand_letter", "valid", "person_debtor")
    printed = printed_copy("demand_letter", data)
    assert (
        "上述金额计算至2026年10月31日；此后的逾期利息，以100,000.00元为基数，自2026年11月1日起"
        f"按年利率6%计算至实际清偿之日止，我方依法保留主张的权利（{LENDING}）。"
    ) in printed


def test_a_typed_interest_without_a_rate_reserves_the_contract_rate_and_warns():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "person_debtor"))
    data["amounts"]["components"][1]["note"] = "按合同约定计至2026年10月31日"
    printed = printed_copy("demand_letter", data)
    assert (
        "此后的逾期利息，以100,000.00元为基数，自2026年11月1日起按《借款合同》约定的利率（以不超过"
        "合同成立时一年期贷款市场报价利率的四倍为限）计算至实际清偿之日止，我方依法保留主张的权利"
    ) in printed  # a private loan's agreed overdue rate, capped (法释〔2020〕17号 art. 28(1))
    assert ("later_interest_rate_unstated", ("amounts", "components")) in _warnings(data)


def test_overdue_interest_no_row_claims_is_reserved_from_the_day_after_the_due_date():
    """Only the loan term's interest is claimed: the table says it leaves the overdue
    interest out, reserves it from the day after the due date at the agreed term rate
    (法释〔2020〕17号 art. 28(2)(2)), the receipt does not confirm it away, and the
    operator is warned."""
    data = load_fixture("demand_letter", "valid", "interest_at_the_cap")
    printed = printed_copy("demand_letter", data)
    assert (
        "上述金额计算至2026年10月31日，未含逾期利息；逾期利息以100,000.00元为基数，自2026年6月11日"
        f"起按年利率12%计算至实际清偿之日止，我方依法保留主张的权利（{LENDING}第二款第二项）。"
    ) in printed
    assert (
        "合计人民币112,000.00元（大写：壹拾壹万贰仟元整），不含本函所述自2026年6月11日起计算的"
        "逾期利息。"
    ) in printed
    assert "此后至实际清偿之日止" not in printed
    assert ("overdue_interest_not_claimed", ("amounts", "components")) in _warnings(data)


def test_an_overdue_row_ending_before_the_cut_off_reserves_from_its_next_day():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "computed_interest"))
    overdue = next(
        c
        for c in data["amounts"]["components"]
        if c.get("calculation", {}).get("start") == "2026-01-11"
    )
    overdue["calculation"]["end"] = "2026-06-30"
    data["amounts"].pop("total", None)
    data["include_receipt"] = True
    printed = printed_copy("demand_letter", data)
    assert (
        "上述金额计算至2026年10月31日，其中逾期利息计至2026年6月30日；此后的逾期利息，以100,000.00元"
        "为基数，自2026年7月1日起按年利率6%计算至实际清偿之日止"
    ) in printed
    assert "不含本函所述自2026年7月1日起计算的逾期利息。" in printed


def _warnings(data):
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc_type = registry.get("demand_letter")
    result = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    return [(p.code, p.loc) for p in result.problems if p.severity == "warning"]


def test_the_receipt_leaves_out_every_running_item_the_letter_reserves():
    # overdue interest and 违约金 both run on after the cut-off: neither is confirmed away
    data = load_fixture("demand_letter", "valid", "interest_across_the_due_date")
    printed = printed_copy("demand_letter", data)
    assert "违约金，以100,000.00元为基数，自2026年11月1日起" in printed
    assert "），不含2026年10月31日之后按本函所述方法继续计算的款项。" in printed


def test_the_receipt_confirms_the_total_without_the_later_interest():
    data = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")
    for copy_index in (0, 1):
        printed = printed_copy("demand_letter", data, copy_index)
        assert "），不含2026年10月31日之后按本函所述方法继续计算的款项。" in printed


def test_a_sale_reserves_the_loss_from_late_payment():
    data = load_fixture("demand_letter", "valid", "company_debtor_arbitration")
    assert (
        "上述金额计算至2026年9月10日；此后至实际清偿之日止的逾期付款损失，我方依法保留主张的"
        f"权利（{CODE}第五百七十七条）。"
    ) in printed_copy("demand_letter", data)


def test_under_a_void_contract_no_loss_is_reserved_and_the_row_is_what_was_handed_over():
    """Losses under art. 157 follow fault; a debtor without capacity is shown none, so the
    letter reserves no 资金占用损失 and labels the row as money owed back."""
    for type_name in ("demand_letter", "lawyer_letter"):
        data = load_fixture(type_name, "valid", "contract_made_under_eight")
        printed = printed_copy(type_name, data)
        assert "资金占用损失" not in printed and "保留主张" not in printed
        assert "上述金额计算至2026年10月31日。" in printed
        assert "已交付款项" in printed and "（应返还）" in printed
        assert "本金" not in printed


@pytest.mark.parametrize("copy_index", [0, 1])
def test_the_firm_reserves_it_for_its_client_in_every_copy(copy_index):
    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor"))
    printed = printed_copy("lawyer_letter", data, copy_index)
    assert "此后至实际清偿之日止的逾期付款损失，委托人依法保留主张的权利" in printed
    assert printed.index("上述金额计算至") < printed.index("二、法律分析")
