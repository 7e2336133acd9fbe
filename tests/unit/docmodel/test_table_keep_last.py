"""A table whose last row keeps with the block after it (``Table.keep_last``), as each
writer marks it: Typst cuts the table and prints the last row in one unbreakable block
with what follows; HTML and Word keep the last row with the next."""

from __future__ import annotations

from docgen.docmodel import html_writer, typst_writer
from docgen.docmodel.blocks import Column, Document, Keep, Paragraph, Table, text
from docgen.docmodel.docx_body import BodyWriter

COLUMNS = (Column("序号", 10, "center"), Column("证据名称", 90))
ROWS = (("1", "借款合同"), ("2", "转账凭证"), ("3", "催款函"))
CLOSING = Keep((Paragraph(text("此致")),))


def _typst(*blocks) -> str:
    return typst_writer.source([Document("起诉状", "", blocks)])


def test_typst_prints_the_last_row_in_one_block_with_the_closing():
    source = _typst(Table(COLUMNS, ROWS, keep_last=True), CLOSING)
    head, _, tail = source.partition("continued-table(")
    assert '"催款函"' not in head and '"转账凭证"' in head and "after: mark-split" in head
    assert tail.index('"催款函"') < tail.index('"此致"')  # the row, then the closing
    assert source.count("block(breakable: false, above: 0pt, continued-table(") == 1


def test_typst_moves_a_one_row_table_whole():
    source = _typst(Table(COLUMNS, ROWS[:1], keep_last=True), CLOSING)
    assert "continued-table(" not in source
    kept = source[source.index("block(breakable: false, {") :]
    assert kept.index('"借款合同"') < kept.index('"此致"')


def test_typst_prints_an_ordinary_table_as_before():
    source = _typst(Table(COLUMNS, ROWS), CLOSING)
    assert "continued-table(" not in source and "mark-split" not in source


def test_html_keeps_the_last_row_with_what_follows():
    markup = html_writer.block(Table(COLUMNS, ROWS, keep_last=True))
    assert markup.count('<tr class="keep-next">') == 1
    assert '<tr class="keep-next"><td class="center">3</td>' in markup
    assert "keep-next" not in html_writer.block(Table(COLUMNS, ROWS))
    assert "tr.keep-next { break-after: avoid; }" in html_writer.html(Document("t", "", ()))


def test_word_keeps_the_last_rows_paragraphs_with_the_next():
    writer = BodyWriter(lambda name: name, lambda: 1)
    writer.write(Table(COLUMNS, ROWS, keep_last=True))
    rows = writer.xml().split("<w:tr>")[1:]  # the header, then the three rows
    # the header row keeps with the first row; the last with what follows
    assert ["<w:keepNext/>" in row for row in rows] == [True, False, False, True]
