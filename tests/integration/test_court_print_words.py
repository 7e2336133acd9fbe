"""Print polish of the papers filed with a court, read from the printed PDF of both
engines: a telephone label stays with its number, and an evidence table has no column
that is blank in every row."""

from __future__ import annotations

import re

import pytest

from tests.integration.test_layouts import ENGINES, VALID, first_pdf
from tests.render_cache import case_group
from tests.support import normalize, pdf_pages_text

PHONES = [
    ("enforcement_application", "arbitration_award"),
    ("payment_order", "company_with_a_lawyer_and_an_employee"),
    ("civil_complaint", "elements_every_item"),
]


def _lines(type_name: str, name: str, engine: str, case_pdfs) -> list[str]:
    pdf = first_pdf(case_pdfs, type_name, name, engine)
    return [normalize(line) for page in pdf_pages_text(pdf) for line in page.splitlines()]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name"), [pytest.param(*p, marks=case_group(VALID[p])) for p in PHONES]
)
def test_a_phone_label_is_never_parted_from_its_number(type_name, name, engine, case_pdfs):
    lines = _lines(type_name, name, engine, case_pdfs)
    labels = [line for line in lines if "联系电话：" in line]
    assert labels
    # a label at a line end would leave the number to the next line
    assert not [line for line in lines if re.search(r"(联系|联系电|联系电话：)$", line)]
    assert not [line for line in lines if re.match(r"^话|^电话|^：[-0-9]", line)]


EMPTY = [
    ("payment_order", "evidence_by_name_and_no_position", ("证据来源", "证明目的")),
    ("preservation_application", "exhibits_without_source_or_purpose", ("证明目的",)),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name", "left_out"),
    [pytest.param(*e, marks=case_group(VALID[e[:2]])) for e in EMPTY],
)
def test_an_evidence_column_blank_in_every_row_is_left_out(
    type_name, name, left_out, case_pdfs, engine
):
    text = "".join(_lines(type_name, name, engine, case_pdfs))
    assert "序号证据名称" in text
    assert not [header for header in left_out if header in text]


ACCOUNTS = [("preservation_application", "pre_suit_cash", "4058000011112222")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("type_name", "name", "digits"),
    [pytest.param(*a, marks=case_group(VALID[a[:2]])) for a in ACCOUNTS],
)
def test_an_account_number_is_printed_on_one_line_with_its_label(
    type_name, name, digits, engine, case_pdfs
):
    """A clerk or a bank copies the account from the page: 「账号：4058」 at a line end and
    「0000 1111 2222」 on the next reads as two numbers."""
    lines = [re.sub(r"\s", "", line) for line in _lines(type_name, name, engine, case_pdfs)]
    assert [line for line in lines if f"账号：{digits}" in line]
