"""A table whose last rows keep with its total (``Table.keep_with_total``), as each writer
marks it: Typst cuts the table before those rows and prints them with the total in one
unbreakable block; HTML and Word keep each of them with the row after it."""

from __future__ import annotations

from docgen.docmodel import html_writer, typst_writer
from docgen.docmodel.blocks import Column, Document, Paragraph, Table, text
from docgen.docmodel.docx_body import BodyWriter

COLUMNS = (Column("期数", 20, "center"), Column("金额（元）", 80, "right"))
ROWS = (("1", "100.00"), ("2", "200.00"), ("3", "300.00"), ("合计", "600.00"))
TOTAL = ("总计", "人民币600.00元")
AFTER = Paragraph(text("乙方应将各期款项支付至甲方以下账户。"))


def _typst(*blocks) -> str:
    return typst_writer.source([Document("协议", "", blocks)])


def test_typst_prints_the_last_rows_and_the_total_in_one_block():
    source = _typst(Table(COLUMNS, ROWS, TOTAL, keep_with_total=2), AFTER)
    head, _, tail = source.partition("continued-table(")
    assert '"2"' in head and '"3"' not in head and "after: mark-split" in head
    assert '"总计"' not in head
    kept = tail[: tail.index("\n}))")]
    assert kept.index('"3"') < kept.index('"合计"') < kept.index('"总计"')
    # what follows is not held to the table: it comes after the kept block
    assert "支付至甲方" not in kept and "支付至甲方" in tail


def test_typst_moves_a_table_of_no_more_rows_than_are_kept_whole():
    source = _typst(Table(COLUMNS, ROWS[:1], TOTAL, keep_with_total=1), AFTER)
    assert "continued-table(" not in source
    kept = source[source.index("block(breakable: false, above: 2mm + 0.3em") :]
    assert kept.index('"100.00"') < kept.index('"总计"')


def test_typst_prints_a_table_that_keeps_nothing_as_before():
    plain = _typst(Table(COLUMNS, ROWS, TOTAL), AFTER)
    assert "continued-table(" not in plain and "mark-split" not in plain


def test_html_keeps_each_kept_row_with_the_next():
    markup = html_writer.block(Table(COLUMNS, ROWS, TOTAL, keep_with_total=2))
    rows = markup.split("<tr")[2:]  # the header's row left out
    assert ['class="keep-next"' in row for row in rows] == [False, False, True, True, False]
    # without a total the last row keeps with nothing
    untotalled = html_writer.block(Table(COLUMNS, ROWS, keep_with_total=2))
    assert untotalled.count('class="keep-next"') == 1


def test_word_keeps_each_kept_rows_paragraphs_with_the_next():
    writer = BodyWriter(lambda name: name, lambda: 1)
    writer.write(Table(COLUMNS, ROWS, TOTAL, keep_with_total=1))
    rows = writer.xml().split("<w:tr>")[1:]  # the header, four rows, the total
    # the header row keeps with the first row, as in every table
    assert ["<w:keepNext/>" in row for row in rows] == [True, False, False, False, True, False]


def test_keep_last_and_keep_with_total_together_keep_the_most_rows():
    table = Table(COLUMNS, ROWS, TOTAL, keep_last=True, keep_with_total=2)
    assert table.kept_rows() == 2
    assert [table.keeps_with_next(k) for k in range(4)] == [False, False, True, True]
    assert Table(COLUMNS, ROWS[:1], TOTAL, keep_with_total=3).kept_rows() == 1
