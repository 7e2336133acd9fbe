"""The case list names each issued letter by its own letter number."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from flask import render_template

from docgen.db.times import beijing_text
from docgen.web.case_pages import group_cases
from tests.support import load_fixture


def _issued(doc_id: str, number: str) -> SimpleNamespace:
    data = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
    data["letter_number"] = number
    return SimpleNamespace(
        id=doc_id,
        code="AAAA-BBBB-CCCCC",
        type_name="lawyer_letter",
        input_data=data,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
    )


def test_each_copy_of_a_letter_is_listed_with_its_own_number():
    second = _issued("D2", "（2026）京明正律函字第88-2号")
    (case,) = group_cases([second, _issued("D1", "（2026）京明正律函字第88-1号")])
    assert [(d.document_id, d.letter_number) for d in case.documents] == [
        ("D2", "（2026）京明正律函字第88-2号"),
        ("D1", "（2026）京明正律函字第88-1号"),
    ]


def test_each_copy_of_a_letter_is_listed_with_whom_it_went_to():
    debtor = _issued("D1", "（2026）京明正律函字第88-1号")
    debtor.input_data["_recipient"] = {"index": 0, "role": "debtor", "name": "福州闽江建材有限公司"}
    guarantor = _issued("D2", "（2026）京明正律函字第88-2号")
    guarantor.input_data["_recipient"] = {"index": 1, "role": "guarantor", "name": "刘芳"}
    older = _issued("D0", "（2026）京明正律函字第87号")  # registered before it was kept

    (case,) = group_cases([guarantor, debtor, older])
    assert [(d.document_id, d.recipient) for d in case.documents] == [
        ("D2", "致保证人刘芳"),
        ("D1", "致债务人福州闽江建材有限公司"),
        ("D0", "收件人未登记"),  # two recipients: the register cannot say which copy
    ]


def test_the_list_shows_when_a_letter_was_issued_in_beijing_time(app):
    """A letter issued at 23:30 UTC on 20 November was issued on the 21st in Beijing."""
    issued = _issued("D1", "（2026）京明正律函字第88号")
    issued.created_at = datetime(2026, 11, 20, 23, 30)  # as SQLite gives it back: UTC, no zone
    with app.test_request_context():
        page = render_template("form/cases.html", title="案件", cases=group_cases([issued]))
    assert "2026-11-21 07:30" in page
    assert "2026-11-20" not in page
    assert "时间为北京时间" in page


def test_stored_times_read_in_beijing_time_from_either_form():
    assert beijing_text(datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == "2027-01-01 00:00"
    assert beijing_text("2026-12-07T05:34:55.905772Z") == "2026-12-07 13:34"
    assert beijing_text(datetime(2026, 12, 7, 5, 34)) == "2026-12-07 13:34"


def test_one_letter_issued_twice_is_marked_but_its_copies_to_each_recipient_are_not():
    again = _issued("D3", "（2026）京明正律函字第90号")
    first = _issued("D2", "（2026）京明正律函字第90号")
    other = _issued("D1", "（2026）京明正律函字第89号")
    to_debtor = _issued("D5", "（2026）京明正律函字第91-1号")
    to_debtor.input_data["_recipient"] = {
        "index": 0,
        "role": "debtor",
        "name": "福州闽江建材有限公司",
    }
    to_guarantor = _issued("D4", "（2026）京明正律函字第91-2号")
    to_guarantor.input_data["_recipient"] = {"index": 1, "role": "guarantor", "name": "刘芳"}

    (case,) = group_cases([to_debtor, to_guarantor, again, first, other])

    marked = {d.document_id: d.repeated for d in case.documents}
    assert marked == {"D5": False, "D4": False, "D3": True, "D2": True, "D1": False}


def test_the_list_marks_a_repeated_letter_and_offers_both_downloads(app):
    documents = [
        _issued("D2", "（2026）京明正律函字第90号"),
        _issued("D1", "（2026）京明正律函字第90号"),
    ]
    with app.test_request_context():
        page = render_template(
            "form/cases.html",
            title="案件",
            cases=group_cases(documents),
            csrf_token="t",  # noqa: S106 - a page token
        )
    assert (
        page.count(' · （2026）京明正律函字第90号 <strong class="repeated">重复出具（同一函号）')
        == 2
    )
    assert 'action="/form/cases/D1/pdf"' in page
    assert 'formaction="/form/cases/D1/docx"' in page
