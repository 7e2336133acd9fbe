"""Build ``narrative.docx`` and ``elements.docx``, the docxtpl templates of the complaint.

Both are generated so that their wording can be reviewed beside the .html templates; the
test suite checks that each pair says the same words. Run after editing:
``python templates/civil_complaint/make_docx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_form import form_table, plain_table
from _docx_kit import Letter

HERE = Path(__file__).parent


def _calculations(doc: Letter) -> None:
    doc.para("{%p if calculations %}")
    doc.page_break()
    doc.heading("附：计算明细")
    doc.para("{%p for calc in calculations %}")
    doc.para(
        "{{ loop.index }}. {{ calc.title }}（{{ calc.rate }}，每年按{{ calc.day_count }}天计）",
        bold=True,
    )
    doc.table(
        header=["期间", "天数", "基数（元）", "年利率", "金额（元）"],
        loop="row in calc.rows",
        cells=[
            "{{ row.period }}",
            "{{ row.days }}",
            "{{ row.base }}",
            "{{ row.rate }}",
            "{{ row.amount }}",
        ],
        aligns=["left", "center", "right", "center", "right"],
        footer=["合计", "{{ calc.total }}"],
        widths_cm=[6.0, 1.6, 3.0, 2.0, 3.0],
        footer_align="right",
    )
    doc.para("{%p for note in calc.notes %}")
    doc.para("{{ note }}", size=10)
    doc.para("{%p endfor %}")
    doc.para("{%p endfor %}")
    doc.para("{%p endif %}")


def _closing(doc: Letter) -> None:
    doc.para("此致", indent=True, space_before=6, space_after=0)
    doc.para("{{ court }}")
    doc.para("{%p for signer in signers %}")
    doc.para("具状人：{{ signer }}", align="right", space_before=12)
    doc.para("{%p endfor %}")
    doc.para("{{ filing_date }}", align="right")
    doc.para("附：本起诉状副本{{ copies }}份", space_before=12)


def narrative() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    doc.para("{%p for line in parties %}")
    doc.para("{{ line }}", space_after=0)
    doc.para("{%p endfor %}")
    doc.para("诉讼请求：", bold=True, space_before=6)
    doc.para("{%p for claim in claims %}")
    doc.para("{{ loop.index }}. {{ claim }}", indent=True)
    doc.para("{%p endfor %}")
    doc.para("{{ claim_total }}", indent=True)
    doc.para("预交案件受理费：{{ fee.amount }}。", indent=True, space_after=0)
    doc.para("{{ fee.basis }}", indent=True, size=10)
    doc.para("事实与理由：", bold=True, space_before=6)
    doc.para("{%p for paragraph in facts %}")
    doc.para("{{ paragraph }}", indent=True)
    doc.para("{%p endfor %}")
    doc.para("证据和证据来源：", bold=True, space_before=6)
    plain_table(
        doc,
        header=["序号", "证据名称", "证据来源", "证明目的"],
        loop="item in evidence",
        cells=["{{ item.no }}", "{{ item.name }}", "{{ item.source }}", "{{ item.purpose }}"],
        aligns=["center", "left", "left", "left"],
        widths_cm=[1.3, 4.0, 3.2, 7.0],
    )
    _closing(doc)
    _calculations(doc)
    doc.save(HERE / "narrative.docx")


def elements() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    doc.heading("{{ subtitle }}", size=14)
    doc.para(
        "说明：本表所列事项请如实填写；有选项的，已选中的标为“■”，未选中的标为“□”。",
        size=10,
    )
    form_table(
        doc,
        sections="section in form",
        title="{{ section.title }}",
        rows="row in section.rows",
        label="{{ row.label }}",
        value="{{ row.value }}",
        widths_cm=(4.6, 11.0),
    )
    doc.para("证据清单：", bold=True, space_before=6)
    plain_table(
        doc,
        header=["序号", "证据名称", "证据来源", "证明目的"],
        loop="item in evidence",
        cells=["{{ item.no }}", "{{ item.name }}", "{{ item.source }}", "{{ item.purpose }}"],
        aligns=["center", "left", "left", "left"],
        widths_cm=[1.3, 4.0, 3.2, 7.0],
    )
    _closing(doc)
    _calculations(doc)
    doc.save(HERE / "elements.docx")


if __name__ == "__main__":
    narrative()
    elements()
    print(f"wrote {HERE / 'narrative.docx'} and {HERE / 'elements.docx'}")
