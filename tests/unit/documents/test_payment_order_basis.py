"""An interest or penalty item given only by its written basis is checked as its
calculation would be: the figure the basis gives, the days it counts, the rate's cap."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.payment_order_basis import read_basis
from tests.support import load_fixture

DOC = registry.get("payment_order")
LOAN = load_fixture("payment_order", "valid", "person_principal_and_interest")
HONG_KONG = load_fixture("payment_order", "invalid", "debtor_with_a_hong_kong_address")


def _assess(data):
    return DOC.evaluate(DOC.parse(data), RuleOptions(today=date(2026, 12, 1)))


def _errors(data):
    return [(e.loc, e.code) for e in _assess(data).errors]


def test_a_basis_that_gives_another_figure_is_refused_at_the_amount_with_the_figure():
    data = copy.deepcopy(LOAN)
    data["items"][2]["amount"] = "4900.00"
    result = _assess(data)
    (error,) = result.errors
    assert (error.loc, error.code) == (("items", 2, "amount"), "amount_mismatch")
    assert (
        "逾期利息填写的金额人民币4,900.00元与按计算方式（以借款本金100,000元为基数" in error.message
    )
    assert "计得的人民币4,832.88元不符" in error.message
    assert error.hint == "应为人民币4,832.88元"


def test_a_basis_that_gives_the_figure_passes_and_a_fen_of_rounding_too():
    assert _errors(LOAN) == []
    data = copy.deepcopy(LOAN)
    data["items"][2]["amount"] = "4832.89"
    assert _errors(data) == []


def test_the_days_a_basis_states_are_counted_from_its_dates():
    data = copy.deepcopy(LOAN)
    data["items"][1]["basis"] = data["items"][1]["basis"].replace("共365日", "共366日")
    result = _assess(data)
    (error,) = result.errors
    assert (error.loc, error.code) == (("items", 1, "basis"), "basis_days_mismatch")
    assert "（起止日均计入）共365日" in error.message and error.hint == "应为共365日"


@pytest.mark.parametrize(
    ("basis", "base", "kind", "value"),
    [
        ("以10万元为基数，按年利率6%，自2025年1月11日起至2026年1月10日止", "100000", "annual", "6"),
        (
            "以286,500元为基数，按每日万分之五，自2026年7月1日起至2026年11月16日止",
            "286500",
            "daily",
            "0.05",
        ),
        ("按逾期利率年6%，自2026年1月11日起计至2026年10月31日", None, "annual", "6"),
    ],
)
def test_a_basis_is_read_for_its_base_rate_and_days(basis, base, kind, value):
    calc = read_basis(basis)
    assert calc is not None
    assert calc.base == (Decimal(base) if base else None)  # none: the principal's
    assert (calc.rate.kind, calc.rate.value) == (kind, Decimal(value))


@pytest.mark.parametrize(
    "basis",
    [
        "以100,000元为基数，按一年期贷款市场报价利率（LPR）的四倍，自2025年1月11日起至2026年1月10日止",
        "按合同约定计算",
        "以100,000元为基数，按年利率6%，自2025年1月11日起至实际清偿之日止",
    ],
)
def test_a_basis_without_a_figured_rate_or_both_days_is_not_checked(basis):
    assert read_basis(basis) is None
    data = copy.deepcopy(LOAN)
    data["items"][1]["basis"] = basis
    assert ("items", 1, "amount") not in [loc for loc, _ in _errors(data)]


def test_a_private_loans_rate_in_a_basis_is_capped_at_four_times_the_lpr():
    data = copy.deepcopy(LOAN)
    data.update(contract_kind="private_lending", signed_on="2025-01-10")
    item = data["items"][1]
    item["basis"] = item["basis"].replace("年利率6%", "年利率24%")
    item["amount"] = "24000.00"
    assert _errors(data) == [(("items", 1, "basis"), "above_legal_cap")]


@pytest.mark.parametrize("answer", [True, False])
def test_a_debtor_in_hong_kong_is_refused_once_at_the_address_whatever_the_answer(answer):
    data = copy.deepcopy(HONG_KONG)
    data["respondent_in_mainland"] = answer
    result = _assess(data)
    assert _errors(data) == [(("respondent", "address"), "respondent_abroad_address")]
    assert not [p for p in result.problems if p.loc == ("respondent_in_mainland",)]
