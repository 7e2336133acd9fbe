"""The demand letters the benchmarks render: ``fixtures/demand_letter/valid/person_debtor.json``
(the letter of the performance targets) with a debtor, contract and letter number of its own
each, so that no two print the same words, as in a real batch.

A PDF engine may reuse what it laid out for an earlier letter's identical paragraphs (Typst
does): a case rendered twice is faster the second time than any real letter. So every timed
render takes a case not rendered before in its process (:class:`Letters`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASE = Path(__file__).resolve().parent.parent / "fixtures/demand_letter/valid/person_debtor.json"

# surnames and given-name characters of the letters' debtors: three-character names,
# 8,000 of them before one repeats
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "伟芳敏静磊洋强军杰娟涛明超霞平刚英华玉兰"


def debtor_name(n: int) -> str:
    """The ``n``-th debtor's name; distinct for ``n`` below 8,000."""
    return SURNAMES[n % 20] + GIVEN[n // 20 % 20] + GIVEN[n // 400 % 20]


def load_cases(count: int = 8, start: int = 0) -> list[Any]:
    """``count`` letters, numbered from ``start``: none prints the words of another."""
    base = json.loads(CASE.read_text(encoding="utf-8"))
    cases = []
    for n in range(start, start + count):
        case = json.loads(json.dumps(base))
        case["letter_number"] = f"CS-2026-{n + 1:05d}"
        case["debtor"]["name"] = debtor_name(n)
        case["contract"]["number"] = f"HX-JK-2025-{n + 1:05d}"
        cases.append(case)
    return cases


class Letters:
    """Cases handed out once each: every call of :meth:`take` gives letters none of the
    earlier calls gave (numbers, contracts and debtors of their own)."""

    def __init__(self, start: int = 0) -> None:
        self.next = start

    def take(self, count: int) -> list[Any]:
        cases = load_cases(count, self.next)
        self.next += count
        return cases
