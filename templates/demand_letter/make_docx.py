"""Build ``letter.docx``, the docxtpl template of the demand letter.

The template is generated so that its wording can be reviewed beside ``letter.html``;
the test suite checks that both say the same words. Run after editing:
``python templates/demand_letter/make_docx.py``. Firms may instead upload their own .docx.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_kit import Letter

OUT = Path(__file__).with_name("letter.docx")


def build() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    doc.para("{%p if letter_number %}")
    doc.para("编号：{{ letter_number }}", align="right", size=11)
    doc.para("{%p endif %}")
    doc.para("发函人：{{ creditor.name }}", size=10.5, space_after=0)
    doc.para("{%p for line in creditor.lines %}")
    doc.para("{{ line.label }}：{{ line.value }}", size=10.5, space_after=0)
    doc.para("{%p endfor %}")
    doc.para("", space_after=6)
    doc.para("致：{{ debtor.name }}", bold=True, space_after=0)
    doc.para("{%p if debtor.id_masked %}")
    doc.para("证件号码：{{ debtor.id_masked }}", space_after=0)
    doc.para("{%p endif %}")
    doc.para("地址：{{ debtor.address }}")
    doc.para("{{ debtor.salutation }}：")
    doc.para("{{ facts }}", indent=True)
    doc.para("截至{{ amounts.as_of }}，{{ owes }}尚欠我方款项明细如下：", indent=True)
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
    doc.para(
        "现特函告{{ you }}：请于{{ deadline.text }}，将上述欠款合计{{ amounts.total_legal }}"
        "支付至我方以下账户：",
        indent=True,
    )
    doc.para("户名：{{ account.account_name }}", indent=True, space_after=0)
    doc.para("开户行：{{ account.bank }}", indent=True, space_after=0)
    doc.para("账号：{{ account.account_number }}", indent=True)
    doc.para(
        "如{{ you }}对上述欠款有异议，请于上述期限内与我方联系并提供相应依据。如{{ you }}逾期仍未"
        "付款，我方将依法{{ next_step }}，相关诉讼或仲裁费用将依法主张由{{ you }}承担。",
        indent=True,
    )
    doc.para("联系人：{{ contact.person }}", indent=True, space_after=0)
    doc.para("联系电话：{{ contact.phone }}", indent=True, space_after=0)
    doc.para("{%p if contact.address %}")
    doc.para("联系地址：{{ contact.address }}", indent=True, space_after=0)
    doc.para("{%p endif %}")
    doc.para("{%p if contact.email %}")
    doc.para("电子邮箱：{{ contact.email }}", indent=True, space_after=0)
    doc.para("{%p endif %}")
    doc.para("特此函告。", indent=True, space_before=6)
    doc.para("{{ creditor.name }}{{ creditor_signs_as }}", align="right", space_before=24)
    doc.para("签署人：{{ signatory }}", align="right")
    doc.para("{{ letter_date }}", align="right")
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
    doc.para("{%p if include_receipt %}")
    doc.page_break()
    doc.title("回执")
    doc.para("{{ creditor.name }}：")
    doc.para(
        "本人（本单位）已收到贵方于{{ letter_date }}出具的《{{ title }}》{% if letter_number %}"
        "（编号：{{ letter_number }}）{% endif %}，确认截至{{ amounts.as_of }}{{ receipt_debtor }}"
        "尚欠贵方款项合计{{ amounts.total_legal }}。{{ receipt_note }}",
        indent=True,
    )
    doc.signature_block("receipt_signer")
    doc.para("{%p endif %}")
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
