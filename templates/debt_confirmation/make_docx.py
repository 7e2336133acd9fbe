"""Build ``confirmation.docx``, the docxtpl template of the debt confirmation (same words
as ``confirmation.html``). Run after editing: ``python templates/debt_confirmation/make_docx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_kit import Letter

OUT = Path(__file__).with_name("confirmation.docx")


def party(doc: Letter, role: str, var: str) -> None:
    doc.para(role + "：{{ " + var + ".name }}", bold=True, space_after=0)
    doc.para("{%p for line in " + var + ".lines %}")
    doc.para("{{ line.label }}：{{ line.value }}", space_after=0)
    doc.para("{%p endfor %}")
    doc.para("", space_after=0)


def build() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    party(doc, "甲方（债权人）", "creditor")
    party(doc, "乙方（债务人）", "debtor")
    doc.para("{{ facts }}现经甲乙双方核对，乙方确认如下：", indent=True)
    doc.para("一、截至{{ amounts.as_of }}，乙方尚欠甲方款项明细如下：", indent=True)
    doc.table(
        header=["序号", "项目", "计算截至日", "金额（元）", "说明"],
        loop="row in amounts.rows",
        cells=[
            "{{ row.no }}",
            "{{ row.label }}",
            "{{ row.as_of }}",
            "{{ row.amount }}",
            "{{ row.note }}",
        ],
        aligns=["center", "left", "left", "right", "left"],
        footer=["合计", "{{ amounts.total_legal }}"],
        widths_cm=[1.3, 2.6, 3.4, 3.2, 5.0],
    )
    doc.para("二、乙方确认上述债务真实、合法、有效，乙方对上述债务无任何异议。", indent=True)
    doc.para("{%p if plan_intro %}")
    doc.para("三、{{ plan_intro }}", indent=True)
    doc.para("{%p if plan %}")
    doc.table(
        header=["期数", "还款日期", "还款金额（元）"],
        loop="row in plan",
        cells=["{{ row.no }}", "{{ row.due }}", "{{ row.amount }}"],
        aligns=["center", "center", "right"],
        footer=["合计", "{{ plan_total }}"],
        widths_cm=[3.0, 7.0, 5.5],
    )
    doc.para("{%p endif %}")
    doc.para("{%p endif %}")
    doc.para("{%p if account %}")
    doc.para(
        "乙方应将款项支付至甲方以下账户：户名：{{ account.account_name }}；开户行："
        "{{ account.bank }}；账号：{{ account.account_number }}。",
        indent=True,
    )
    doc.para("{%p endif %}")
    doc.para("本确认书一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。", indent=True)
    doc.para("{%p if signing_place %}")
    doc.para("签署地点：{{ signing_place }}", indent=True)
    doc.para("{%p endif %}")
    doc.para("签署日期：{{ confirm_date }}", indent=True)
    doc.signature_blocks("s in signers")
    doc.calculations_annex()
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
