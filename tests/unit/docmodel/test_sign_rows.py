"""An agreement's signers two to a row: the rows, all kept with the end of the text, and
a label too long for its half of the line."""

from __future__ import annotations

import pytest

from docgen.docmodel.blocks import Heading, Keep, Paragraph, SignBlock, text
from docgen.docmodel.signing import CELL_CHARS, cell_line, name_parts, sign_rows

CLAUSE = Paragraph(
    text("本协议一式三份，各方各执一份，自各方签字（盖章）之日起生效，具有同等法律效力。")
)
MARK = Paragraph(text("（以下无正文）"), "plain")


def _signers(count: int) -> tuple[SignBlock, ...]:
    roles = ("甲方", "乙方", "丙方", "丁方")
    return tuple(SignBlock(role, "张伟", "签字并按手印", True) for role in roles[:count])


@pytest.mark.parametrize(("count", "widths"), [(2, [2]), (3, [2, 1]), (4, [2, 2])])
def test_signers_go_two_to_a_row_and_every_row_is_kept_with_the_text(count, widths):
    rows = sign_rows(_signers(count))
    assert [len(row.signers) for row in rows] == widths
    closing = Keep(
        (Heading("第七条　其他", 2), CLAUSE, Heading("第八条　其他", 2), CLAUSE, MARK, *rows)
    )
    runs_on, kept = closing.parts()
    # every row kept with the text's end, the mark right above the first
    assert kept[-len(rows) :] == rows and kept[-len(rows) - 1] is MARK
    assert runs_on + kept == closing.blocks
    ending, signing = closing.signing()
    assert ending[-1] is CLAUSE and signing == (MARK, *rows)


def test_a_label_too_long_for_its_cell_puts_its_blank_on_the_next_line():
    long = "法定代理人签字并按手印：＿＿＿＿＿＿＿＿"
    assert len(long) > CELL_CHARS
    assert cell_line(long) == ("法定代理人签字并按手印：", "＿＿＿＿＿＿＿＿")
    assert cell_line("签字并按手印：＿＿＿＿＿＿＿＿") == ("签字并按手印：＿＿＿＿＿＿＿＿",)
    # a role and name too long for the cell break after the colon, never mid-name
    name = "甲方（债权人）：中国某某机械进出口有限公司"
    assert cell_line(name) == ("甲方（债权人）：", "中国某某机械进出口有限公司")
    assert cell_line("乙方（债务人）：福州闽江建材有限公司") == (
        "乙方（债务人）：",
        "福州闽江建材有限公司",
    )
    assert cell_line("乙方（债务人）：张伟") == ("乙方（债务人）：张伟",)
    # a name longer than a line breaks after its place or before its form
    assert name_parts("深圳市前海深港现代服务业合作区某某科技有限公司") == (
        "深圳市前海深港现代服务业合作区",
        "某某科技有限公司",
    )
    assert name_parts("某某某某某某某某某某某某科技股份有限公司") == (
        "某某某某某某某某某某某某科技",
        "股份有限公司",
    )
    guardian = SignBlock("乙方", "张伟（法定代理人：王丽）", "法定代理人签字并按手印", True)
    assert guardian.cut(1) and not guardian.cut(0)
