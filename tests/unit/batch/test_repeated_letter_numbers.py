"""Two rows of one batch giving the same letter number: the later is warned of, naming
the earlier row (the run's letters reach the register only when it ends)."""

from __future__ import annotations

from typing import Any

from docgen.batch.duplicates import Duplicates

NUMBER = "（2026）京明正律函字第88号"


def _row(debtor: str, number: str | None) -> dict[str, Any]:
    return {
        "letter_number": number,
        "debtor": {"kind": "person", "name": debtor, "id_number": debtor},
        "contract": {"number": f"HT-{debtor}"},
    }


def test_a_later_row_repeating_a_letter_number_is_warned_of_naming_the_first() -> None:
    run = Duplicates("demand_letter")

    assert run.of_row(2, "C-001", _row("A", NUMBER)) == []
    assert run.of_row(3, "", _row("B", "CS-2026-0159")) == []
    assert run.of_row(4, "", _row("C", None)) == []
    [warned] = run.of_row(5, "C-009", _row("D", f" {NUMBER} "))

    assert (warned.loc, warned.code, warned.severity) == (
        ("letter_number",),
        "letter_number_reused",
        "warning",
    )
    assert warned.message == (
        f"函号「{NUMBER}」与第 2 行（客户编号 C-001）的函号相同，一个函号只应对应一份函件"
    )


def test_the_check_is_off_with_the_setting() -> None:
    run = Duplicates("demand_letter", numbers_checked=False)

    run.of_row(2, "", _row("A", NUMBER))

    assert run.of_row(3, "", _row("B", NUMBER)) == []


def test_a_contract_is_known_by_the_day_signed_however_written() -> None:
    from docgen.batch.duplicates import contract_key, debtor_key

    keys = {
        contract_key({"contract": {"name": name, "signed_on": day}})
        for name, day in [
            ("借款合同", "2025-01-10"),
            ("借款 合同", "2025/1/10"),
            ("借款合同", "2025年1月10日"),
            ("借款\u3000合同", "２０２５.１.１０"),
        ]
    }
    assert len(keys) == 1
    assert contract_key({"contract": {"name": "借款合同", "signed_on": "2025/1/11"}}) not in keys
    person = {"kind": "person", "name": "王芳", "address": "世纪大道5号"}
    wide = {"kind": "person", "name": "王 芳", "address": "世纪大道\xa0５号"}
    assert debtor_key("demand_letter", {"debtor": person}) == debtor_key(
        "demand_letter", {"debtor": wide}
    )
