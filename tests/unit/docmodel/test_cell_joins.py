"""A kept cell's name of several papers (「…及…」, 「…、…」) that its column does not hold on
one line breaks only at a join, each paper's name whole (``docgen.docmodel.cells``)."""

from __future__ import annotations

import pytest

from docgen.docmodel.cells import holds, pieces
from docgen.layouts.evidence_list import COLUMNS, TABLE_SIZE

NAME = COLUMNS[1].width  # 证据名称, 28 %


def test_two_papers_names_part_at_their_join_not_mid_word():
    assert pieces("EMS邮寄凭证及妥投查询记录", NAME, TABLE_SIZE) == (
        ("EMS邮寄凭证及", True),
        ("妥投查询记录", True),
    )


def test_a_list_of_papers_parts_after_each_enumeration_comma():
    made = pieces("借条、收条、转账记录、微信聊天记录截图", NAME, TABLE_SIZE)
    assert made == (
        ("借条、", True),
        ("收条、", True),
        ("转账记录、", True),
        ("微信聊天记录截图", True),
    )


def test_a_name_its_column_holds_is_not_parted():
    made = pieces("银行转账凭证及还款流水", NAME, TABLE_SIZE)
    assert made == (("银行转账凭证及还款", False), ("流水", True))  # last two only


def test_timely_is_no_join():
    made = pieces("被告未及时还款的催款函及邮寄凭证", NAME, TABLE_SIZE)
    assert made[0] == ("被告未及时还款的催款函及", True)


def test_a_sentence_is_left_to_the_engine():
    """A purpose: a kept part would leave its lines short."""
    purpose = "证明原告已依约履行出借义务，被告未按期归还本金及利息"
    assert pieces(purpose, COLUMNS[3].width, TABLE_SIZE) == (
        ("证明原告已依约履行出借义务，被告未按期归还本金及", False),
        ("利息", True),
    )


def test_a_case_number_and_the_papers_after_it_are_each_kept():
    made = pieces("（2026）粤0304民初567号民事判决书及生效证明", NAME, TABLE_SIZE)
    assert made == (
        ("（2026）粤0304民初567号", True),
        ("民事判决书及", True),
        ("生效证明", True),
    )


@pytest.mark.parametrize("width", range(2, 40))
def test_no_kept_part_is_wider_than_its_column(width):
    for value in ("EMS邮寄凭证及妥投查询记录", "借条、收条、转账记录、微信聊天记录截图"):
        for text, kept in pieces(value, width, TABLE_SIZE):
            assert not kept or holds(text, width, TABLE_SIZE), (width, text)


def test_a_purpose_longer_than_two_lines_is_left_to_the_engine():
    """Kept parts on three lines or more would leave lines short and could add one."""
    purpose = "证明原告与被告之间存在借款合同关系及约定的利率、还款期限"
    assert pieces(purpose, COLUMNS[3].width, TABLE_SIZE) == (
        ("证明原告与被告之间存在借款合同关系及约定的利率、还款", False),
        ("期限", True),
    )
