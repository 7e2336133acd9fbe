"""The register proves which copy of a letter went to whom, and a copy is made again as
the letter to that recipient: the debtor's and each guarantor's, byte for byte."""

from __future__ import annotations

import re

import pytest

from docgen.pipeline.reissue import NotReissuable
from docgen.services import DocumentService
from tests.support import load_fixture, pdf_pages_text

pytestmark = pytest.mark.slow

LAWYER = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
DEMAND = load_fixture("demand_letter", "valid", "guarantor_demanded_in_time")


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(pdf_pages_text(pdf)))


@pytest.mark.parametrize(
    ("type_name", "data", "numbers"),
    [
        ("lawyer_letter", LAWYER, ["（2026）京明正律函字第88-1号", "（2026）京明正律函字第88-2号"]),
        ("demand_letter", DEMAND, ["CS-2026-0158-1", "CS-2026-0158-2"]),
    ],
)
def test_each_copy_is_registered_to_its_recipient_and_made_again_as_that_letter(
    docgen, type_name, data, numbers
):
    debtor, guarantor = data["debtor"]["name"], data["guarantors"][0]["name"]
    rendered = docgen.render_each(type_name, data, "pdf")
    assert [r.recipient for r in rendered] == [debtor, guarantor]

    for i, (copy, whom, number) in enumerate(
        zip(rendered, [debtor, guarantor], numbers, strict=True)
    ):
        row = docgen.register.get(copy.document_id, None)
        role = "debtor" if i == 0 else "guarantor"
        assert row.input_data["_recipient"] == {"index": i, "role": role, "name": whom}
        assert row.input_data["letter_number"] == number

        again = docgen.reissue_pdf(copy.document_id)
        assert again.identical, f"copy {i} to {whom} made again differs"
        assert again.pdf == copy.content
        text = _text(again.pdf)
        assert number in text
        other = guarantor if i == 0 else debtor
        assert f"致：{whom}" in text and f"致：{other}" not in text


def _forget_recipient(docgen: DocumentService, document_id: str, sha256: str | None = None) -> None:
    """Make an entry as one registered before the recipient was kept: its case data only
    (and, with ``sha256``, a file hash none of the copies has)."""
    from sqlalchemy import update

    from docgen.register.models import RegisteredDocument, RegisteredOutput

    row = docgen.register.get(document_id, None)
    data = {k: v for k, v in row.input_data.items() if k != "_recipient"}
    with docgen.register.engine.begin() as connection:
        connection.execute(
            update(RegisteredDocument)
            .where(RegisteredDocument.id == document_id)
            .values(input_data=data)
        )
        if sha256 is not None:
            connection.execute(
                update(RegisteredOutput)
                .where(RegisteredOutput.document_id == document_id)
                .values(sha256=sha256)
            )


def test_an_older_guarantor_copy_is_found_among_the_recipients_by_its_bytes(docgen):
    rendered = docgen.render_each("lawyer_letter", LAWYER, "pdf")[1]
    _forget_recipient(docgen, rendered.document_id)

    again = docgen.reissue_pdf(rendered.document_id)
    assert again.identical
    assert again.pdf == rendered.content
    assert f"致：{LAWYER['guarantors'][0]['name']}" in _text(again.pdf)


def test_an_older_entry_matching_no_copy_is_refused_not_printed_as_the_debtors(docgen):
    rendered = docgen.render_each("lawyer_letter", LAWYER, "pdf")[1]
    _forget_recipient(docgen, rendered.document_id, sha256="0" * 64)

    with pytest.raises(NotReissuable) as refused:
        docgen.reissue_pdf(rendered.document_id)
    assert refused.value.code == "recipient_unknown"
    assert "无法确定本文书是致哪一位的" in refused.value.message


def test_an_older_entry_of_a_single_recipient_letter_is_made_again_as_before(docgen):
    data = load_fixture("demand_letter", "valid", "person_debtor")
    rendered = docgen.render_each("demand_letter", data, "pdf")[0]
    _forget_recipient(docgen, rendered.document_id)

    assert docgen.reissue_pdf(rendered.document_id).identical


def test_a_batch_letters_copies_are_registered_to_their_recipients(docgen):
    """A batch registers the same way: each copy with its recipient; the guarantor's is
    made again as the guarantor's letter (Typst lays each out on its own: identical)."""
    (copies,) = docgen.render_copies_many("lawyer_letter", [LAWYER], "pdf", engine="typst")
    guarantor = copies[1]
    row = docgen.register.get(guarantor.document_id, None)
    assert row.requested_by == "batch"
    assert row.input_data["_recipient"]["name"] == LAWYER["guarantors"][0]["name"]

    again = docgen.reissue_pdf(guarantor.document_id)
    assert again.identical
    assert f"致：{LAWYER['guarantors'][0]['name']}" in _text(again.pdf)
