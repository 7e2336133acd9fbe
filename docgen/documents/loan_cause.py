"""The cause of a loan case, named at its own level.

《民事案件案由规定》 (as amended in 2020, issued with 法〔2020〕347号, in force 2021-01-01)
lists 借款合同纠纷 as a third-level cause and, under it, the fourth-level causes 金融借款合同
纠纷, 同业拆借纠纷, 民间借贷纠纷, 小额借款合同纠纷, 金融不良债权转让合同纠纷 and 金融不良
债权追偿纠纷; a case is given the fourth-level cause that fits before the third-level one
(the 规定's own rule of application: 应当优先适用第四级案由，第四级案由无规定的，适用相应的
第三级案由 — as summarised on practice pages, falvchangshi.com, falvzhan.com). A loan by
a lender that is not a financial institution licensed to lend is 民间借贷 (法释〔2020〕17号
art. 1: 自然人、法人和非法人组织之间进行资金融通的行为；经金融监管部门批准设立的从事贷款
业务的金融机构…不适用本规定). A paper that names its cause 借款合同纠纷 for such a lender
names it at the parent level: a warning (the court fixes the cause when it files the case),
with the fourth-level cause to use.

The lender is known here only by its name: a name holding none of ``FINANCIAL_WORDS``
(银行, 信用社, 小额贷款 …) is taken as no financial institution — a guess, so the warning
says 「不是金融机构的」. A third revision of the 规定 (法〔2025〕226号, in force 2026-01-01)
was not found in full in the stored copies; the sub-causes above are the 2020 text's.
"""

from __future__ import annotations

from collections.abc import Sequence

from docgen.documents.problems import Assessment, Loc

PARENT = "借款合同纠纷"
FINANCIAL_WORDS = (
    "银行",
    "信用社",
    "信用合作",
    "金融",
    "信托",
    "财务",
    "小额贷款",
    "资产管理",
    "典当",
    "保险",
)
"""Words in a lender's name that may mark a financial institution (or a lender whose loans
have a fourth-level cause of their own: 小额借款, 金融不良债权): no warning then."""


def check_loan_cause(
    result: Assessment, cause: str | None, lenders: Sequence[str], loc: Loc
) -> None:
    """``cause`` 借款合同纠纷 while no lender's name (``lenders``: the plaintiffs, or the
    submitter when they are not listed) looks like a financial institution's: warned."""
    if (cause or "").strip() != PARENT:
        return
    if any(word in name for name in lenders for word in FINANCIAL_WORDS):
        return
    who = f"出借人{'、'.join(lenders)}" if lenders else "出借人"
    result.warn(
        loc,
        "loan_cause_parent_level",
        f"案由「{PARENT}」是第三级案由，其下分金融借款合同纠纷、民间借贷纠纷等第四级案由，应先适用"
        f"第四级案由；{who}不是经金融监管部门批准设立的金融机构的，案由为「民间借贷纠纷」"
        "（《民事案件案由规定》，法〔2020〕347号；《最高人民法院关于审理民间借贷案件适用法律若干问题的"
        "规定》第一条）",
        hint="出借人不是银行等金融机构的，请将案由改为「民间借贷纠纷」",
    )


__all__ = ["FINANCIAL_WORDS", "PARENT", "check_loan_cause"]
