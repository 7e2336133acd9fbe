"""Build ``letter.docx``, the docxtpl template of the lawyer letter (same words as
``letter.html``). Run after editing: ``python templates/lawyer_letter/make_docx.py``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_kit import Letter

OUT = Path(__file__).with_name("letter.docx")


def build() -> None:
    doc = Letter(title="{{ title }}", top_cm=3.7)
    doc.para("{{ letterhead }}", align="center", bold=True, size=16, space_after=0)
    doc.para(
        "{% for line in firm.lines %}{{ line.label }}：{{ line.value }}"
        "{% if not loop.last %}　{% endif %}{% endfor %}",
        align="center",
        size=9.5,
        space_after=6,
        rule_below=True,
    )
    doc.title("{{ title }}")
    doc.para("{%p if letter_number %}")
    doc.para("{{ letter_number }}", align="right", size=11)
    doc.para("{%p endif %}")
    doc.para("致：{{ recipient.name }}", bold=True, space_after=0)
    doc.para("地址：{{ recipient.address }}")
    doc.para("{{ recipient.salutation }}：")
    doc.para(
        "{{ firm.name }}（以下简称“本所”）接受{{ client.name }}（以下简称“委托人”）的委托，"
        "指派{{ lawyer }}律师，就{{ owes }}拖欠委托人款项一事，郑重致函如下：",
        indent=True,
    )
    doc.para("一、基本事实", indent=True, bold=True)
    doc.para("{{ facts }}截至{{ amounts.as_of }}，{{ owes }}尚欠委托人款项明细如下：", indent=True)
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
    doc.para("二、法律分析", indent=True, bold=True)
    doc.para("{{ legal_basis }}", indent=True)
    doc.para("三、律师意见", indent=True, bold=True)
    doc.para(
        "本所律师郑重提请{{ you }}：请于{{ deadline.text }}，将上述欠款合计"
        "{{ amounts.total_legal }}支付至委托人以下账户：",
        indent=True,
    )
    doc.para("户名：{{ account.account_name }}", indent=True, space_after=0)
    doc.para("开户行：{{ account.bank }}", indent=True, space_after=0)
    doc.para("账号：{{ account.account_number }}", indent=True)
    doc.para(
        "如{{ you }}对上述事实或欠款有异议，请于上述期限内与本所律师联系并提供相应依据。"
        "如{{ you }}逾期仍未履行，本所将建议委托人依法{{ next_step }}，相关诉讼或仲裁费用将依法"
        "主张由{{ you }}承担。",
        indent=True,
    )
    doc.para("特此函告。", indent=True)
    doc.para("{%p if cc_note %}")
    doc.para("附注：{{ cc_note }}", indent=True)
    doc.para("{%p endif %}")
    seal = {"indent_cm": 8.0, "space_after": 3}
    doc.para("{{ firm.name }}（盖章）", space_before=18, **seal)
    doc.para("承办律师：{{ lawyer }}（签字）", **seal)
    doc.para("律师执业证号：{{ license_number }}", **seal)
    doc.para("{{ letter_date }}", **seal)
    doc.calculations_annex()
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
