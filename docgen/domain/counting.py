"""Counting documents in words: 一份, 两份, 三份.

Before a measure word the number 2 is written 两 in standard usage (两份, not 二份); every
一式N份 and every attachment count goes through `copies`, so no document says 二份 in one
place and 两份 in another.
"""

from __future__ import annotations

_NUMERALS = ("一", "两", "三", "四", "五", "六", "七", "八", "九", "十")


def copies(count: int) -> str:
    """``count`` copies in words (1 to 10): 一份, 两份, 三份 …"""
    if not 1 <= count <= len(_NUMERALS):
        raise ValueError(f"copies are counted from 1 to {len(_NUMERALS)}, got {count}")
    return f"{_NUMERALS[count - 1]}份"
