"""Build ``agreement.docx``, the docxtpl template of the installment agreement (same words
as ``agreement.html``). Run after editing:
``python templates/installment_agreement/make_docx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _docx_kit import Letter

OUT = Path(__file__).with_name("agreement.docx")
G = "{% if guarantor %}"


def party(doc: Letter, role: str, var: str) -> None:
    doc.para(role + "：{{ " + var + ".name }}", bold=True, space_after=0)
    doc.para("{%p for line in " + var + ".lines %}")
    doc.para("{{ line.label }}：{{ line.value }}", space_after=0)
    doc.para("{%p endfor %}")
    doc.para("", space_after=0)


def section(doc: Letter, text: str) -> None:
    doc.para(text, indent=True, bold=True)


def build() -> None:
    doc = Letter(title="{{ title }}")
    doc.title("{{ title }}")
    party(doc, "甲方（债权人）", "creditor")
    party(doc, "乙方（债务人）", "debtor")
    doc.para("{%p if guarantor %}")
    party(doc, "丙方（连带责任保证人）", "guarantor")
    doc.para("{%p endif %}")
    doc.para("{{ facts }}", indent=True)
    section(doc, "第一条　欠款确认")
    doc.para(
        "截至{{ amounts.as_of }}，乙方尚欠甲方款项明细如下，乙方确认上述债务真实、合法、有效，"
        "无任何异议：",
        indent=True,
    )
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
    section(doc, "第二条　分期还款计划")
    doc.para("乙方分{{ count }}期向甲方清偿上述欠款，各期还款日期及金额如下：", indent=True)
    doc.table(
        header=["期数", "还款日期", "还款金额（元）"],
        loop="row in schedule",
        cells=["{{ row.no }}", "{{ row.due }}", "{{ row.amount }}"],
        aligns=["center", "center", "right"],
        footer=["合计", "{{ schedule_total }}"],
        widths_cm=[3.0, 7.0, 5.5],
    )
    doc.para("{{ interest }}", indent=True)
    doc.para(
        "乙方应将各期款项支付至甲方以下账户：户名：{{ account.account_name }}；开户行："
        "{{ account.bank }}；账号：{{ account.account_number }}。",
        indent=True,
    )
    section(doc, "第三条　加速到期")
    doc.para("{{ acceleration }}", indent=True)
    doc.para("{%p if guarantor %}")
    section(doc, "第四条　连带责任保证")
    doc.para(
        "丙方自愿为乙方在本协议项下的全部债务向甲方提供连带责任保证，保证范围包括本协议确认的"
        "欠款、利息及甲方为实现债权支出的合理费用，保证期间为本协议约定的最后一期还款期限"
        "届满之日起三年。",
        indent=True,
    )
    doc.para("{%p endif %}")
    section(doc, G + "第五条{% else %}第四条{% endif %}　争议解决")
    doc.para("{{ jurisdiction }}", indent=True)
    section(doc, G + "第六条{% else %}第五条{% endif %}　送达地址")
    doc.para(
        "各方确认以下地址为本协议履行及争议解决（包括诉讼、仲裁程序）中相关文书的送达地址，"
        "地址变更的应当及时书面通知其他各方，未通知的，按原地址送达即视为送达：",
        indent=True,
    )
    doc.para("{%p for s in services %}")
    doc.para(
        "{{ s.role }}（{{ s.name }}）：{{ s.address }}{% if s.phone %}；电话：{{ s.phone }}"
        "{% endif %}{% if s.email %}；电子邮箱：{{ s.email }}{% endif %}",
        indent=True,
        space_after=0,
    )
    doc.para("{%p endfor %}")
    section(doc, G + "第七条{% else %}第六条{% endif %}　其他")
    doc.para("本协议一式{{ copies }}份，各方各执一份，自各方签字（盖章）之日起生效。", indent=True)
    doc.para("{%p if signing_place %}")
    doc.para("签订地点：{{ signing_place }}", indent=True)
    doc.para("{%p endif %}")
    doc.para("签订日期：{{ agreement_date }}", indent=True)
    doc.signature_blocks("s in signers")
    doc.calculations_annex()
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
