"""The service address confirmation (送达地址确认书) in the courts' form: its words and
their order, from the validated case's template context
(``docgen.documents.service_address.build_context``)."""

from __future__ import annotations

from docgen.docmodel.blocks import (
    Block,
    Document,
    FormSection,
    FormTable,
    Heading,
    Keep,
    Paragraph,
    SignatureLines,
    Title,
    text,
)
from docgen.layouts.common import Context


def build(c: Context) -> Document:
    # a court form on one sheet: the top margin of a form, not of a letter
    return Document(c["title"], "", _form(c), margin_top_mm=20)


def _rows(rows: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((label, value) for label, value in rows)


def _form(c: Context) -> tuple[Block, ...]:
    form = FormTable(
        (
            FormSection("送达地址", _rows(c["address_rows"])),
            FormSection("电子送达", _rows(c["electronic_rows"])),
        ),
        label_width=28,
    )
    # small print, as on the courts' forms: the form and its signature fit one sheet
    notices = tuple(
        Paragraph(text(f"{number}. {notice}"), "note")
        for number, notice in enumerate(c["notices"], start=1)
    )
    return (
        Title(c["title"]),
        Paragraph(text(c["court"]), "center"),
        Paragraph(text(c["case_line"]), "plain"),
        form,
        Heading("告知事项", 2),
        *notices,
        Keep((Paragraph(text(c["confirmation"])), SignatureLines((*c["signers"], c["sign_date"])))),
    )
