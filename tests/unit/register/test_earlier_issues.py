"""What makes a registered document the same case as one posted on the form, and how the
form names the channel it was issued through."""

from __future__ import annotations

from types import SimpleNamespace

from docgen.register.earlier_issues import case_key, channel, same_case

CASE = {"letter_number": "CS-1", "letter_date": "2026-11-20", "debtor": {"name": "张伟"}}


def _row(data: dict, **kw: object) -> SimpleNamespace:
    return SimpleNamespace(
        id=kw.get("id", "D1"),
        input_data=data,
        batch_id=kw.get("batch_id"),
        requested_by=kw.get("requested_by", "key:abc"),
    )


def test_the_number_the_date_the_recipient_and_the_profile_are_each_issues_own():
    recorded = {
        **CASE,
        "letter_number": "CS-9",
        "letter_date": "2026-11-01",
        "_recipient": {"index": 0, "role": "debtor", "name": "张伟"},
        "_sender_profile": {"id": 3},
    }
    assert case_key(recorded) == case_key(CASE)
    assert case_key({**CASE, "debtor": {"name": "李娜"}}) != case_key(CASE)


def test_a_posted_number_must_be_the_printed_one_or_its_copys():
    key = case_key(CASE)
    copy = {**CASE, "letter_number": "CS-1-2", "_recipient": {"index": 1}}
    rows = [_row({**CASE, "letter_number": "CS-2"}, id="D3"), _row(copy, id="D2"), _row(CASE)]
    assert [e.id for e in same_case(rows, key, "CS-1")] == ["D1", "D2"]
    assert [e.id for e in same_case(rows, key, None)] == ["D1", "D2", "D3"]


def test_channels():
    assert channel(_row(CASE)) == "接口（API）"
    run = "0f3c9a7e" + "0" * 24
    named = channel(_row(CASE, batch_id=run), "名单.xlsx")
    assert named == "批量生成（文件「名单.xlsx」，批次 0f3c9a7e）"
    assert channel(_row(CASE, batch_id=run)) == f"批量生成（批次 {run}）"  # a run not kept
    assert channel(_row(CASE, requested_by="cli")) == "命令行"
