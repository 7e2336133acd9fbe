"""Build ``list.docx``, the docxtpl template of the evidence list (证据目录).

Generated so its wording can be reviewed beside ``list.html``; the tests check that both
say the same words. Run after editing: ``python templates/evidence_list/make_docx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_kit import Letter
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

OUT = Path(__file__).with_name("list.docx")
HEADER = ["序号", "证据名称", "证据来源", "证明目的", "原件/复印件", "页码"]
CELLS = [
    "{{ row.no }}",
    "{{ row.name }}",
    "{{ row.source }}",
    "{{ row.purpose }}",
    "{{ row.original }}",
    "{{ row.pages }}",
]
ALIGNS = ["center", "left", "left", "left", "center", "center"]
WIDTHS_CM = [1.6, 2.8, 2.5, 5.6, 1.8, 1.3]


def build() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    doc.para("{%p if case_title %}")
    doc.para("案由：{{ case_title }}", align="left")
    doc.para("{%p endif %}")
    doc.para("提交人：{{ submitter }}", align="left")
    table = doc.doc.add_table(rows=4, cols=len(HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = table.rows
    for i, text in enumerate(HEADER):
        Letter._cell(rows[0].cells[i], text, "center", bold=True)
    Letter._cell(rows[1].cells[0], "{%tr for row in rows %}", "left")
    for i, text in enumerate(CELLS):
        Letter._cell(rows[2].cells[i], text, ALIGNS[i])
    Letter._cell(rows[3].cells[0], "{%tr endfor %}", "left")
    for row in rows:
        for i, width in enumerate(WIDTHS_CM):
            row.cells[i].width = Cm(width)
    doc.para("以上证据共{{ count }}项。", indent=True, space_before=6)
    doc.para("{%p if court %}")
    doc.para("此致", align="left")
    doc.para("{{ court }}", align="left")
    doc.para("{%p endif %}")
    doc.para("提交人：{{ submitter }}", align="right", space_before=24)
    doc.para("{{ submit_date }}", align="right")
    doc.doc.save(OUT)


if __name__ == "__main__":
    build()
