"""The 提示 column of a warning: the row is printed anyway, so it never tells the operator
to change a cell that is right."""

from __future__ import annotations

from dataclasses import replace

from docgen.batch.columns import Layout
from docgen.batch.rejects import describe
from docgen.documents import registry
from docgen.documents.problems import Problem

LAYOUT = Layout.of(registry.get("demand_letter").model)


def _hint(problem: Problem) -> str:
    return describe(LAYOUT, [problem], {})[0]["hint"]


def test_a_warning_without_its_own_hint_says_a_right_cell_may_stay():
    authorization = ("payment_account", "payee_authorization")  # a yes/no column
    warned = Problem(authorization, "payee_without_authorization", "个人账户，未附收款授权书")
    assert _hint(replace(warned, severity="warning")) == "核实无误可不修改"
    # the same cell refused as an error is told how to write it
    assert _hint(warned) == "请填写 是 或 否"
    holder = Problem(("payment_account", "account_name"), "holder_differs", "户名不一致")
    assert _hint(replace(holder, severity="warning")) == "核实无误可不修改"
    assert _hint(holder) == "请按错误信息修改这一格后重新上传"


def test_a_warning_keeps_the_hint_its_rule_gives():
    stale = Problem(
        ("letter_date",), "letter_date_stale", "发函日期已是17天前", "如函件今天发出，请改为今天"
    )
    assert _hint(replace(stale, severity="warning")) == "如函件今天发出，请改为今天"
