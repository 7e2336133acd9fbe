"""Build ``application.docx``, the docxtpl template of the preservation application.

Generated so that its wording can be reviewed beside ``application.html``; the test suite
checks that both say the same words. Run after editing:
``python templates/preservation_application/make_docx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_form import plain_table
from _docx_kit import Letter

OUT = Path(__file__).with_name("application.docx")


def build() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    doc.para("（{{ stage }}财产保全）", align="center", space_after=6)
    doc.para("{%p for line in parties %}")
    doc.para("{{ line }}", space_after=0)
    doc.para("{%p endfor %}")
    doc.para("{{ case_line }}", space_before=6)
    doc.para("请求事项：", bold=True, space_before=6)
    doc.para("{{ request }}", indent=True)
    doc.para("财产线索：", bold=True, space_before=6)
    plain_table(
        doc,
        header=["序号", "财产类型", "权利人", "财产信息"],
        loop="lead in leads",
        cells=["{{ lead.no }}", "{{ lead.kind }}", "{{ lead.owner }}", "{{ lead.detail }}"],
        aligns=["center", "center", "left", "left"],
        widths_cm=[1.2, 2.2, 3.4, 8.8],
    )
    doc.para("事实与理由：", bold=True, space_before=6)
    doc.para("{%p for paragraph in reasons %}")
    doc.para("{{ paragraph }}", indent=True)
    doc.para("{%p endfor %}")
    doc.para("担保：", bold=True, space_before=6)
    doc.para("{{ security }}", indent=True)
    doc.para("申请费：", bold=True, space_before=6)
    doc.para("申请保全费{{ fee.amount }}，由申请人预交。", indent=True, space_after=0)
    doc.para("{{ fee.basis }}", indent=True, size=10)
    doc.para("此致", indent=True, space_before=6, space_after=0)
    doc.para("{{ court }}")
    doc.para("{%p for signer in signers %}")
    doc.para("申请人：{{ signer }}", align="right", space_before=12)
    doc.para("{%p endfor %}")
    doc.para("{{ application_date }}", align="right")
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
