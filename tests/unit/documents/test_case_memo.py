"""A rule asked of one frozen case several times is worked out once, and of that case only."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from docgen.documents.case_memo import per_case
from docgen.domain.fields import CaseModel


class Case(CaseModel):
    debtor: str


def _counting() -> tuple[list[str], Any]:
    asked: list[str] = []

    @per_case
    def status(case: Any) -> str:
        asked.append(case.debtor)
        return f"{case.debtor}:binding"

    return asked, status


def test_a_frozen_case_is_answered_once() -> None:
    asked, status = _counting()
    case = Case(debtor="张伟")
    assert [status(case) for _ in range(3)] == ["张伟:binding"] * 3
    assert asked == ["张伟"]


def test_each_case_gets_its_own_answer_even_when_equal_or_at_a_freed_address() -> None:
    asked, status = _counting()
    for name in ["张伟", "李娜", "张伟"] * 50:  # freed objects' addresses are reused
        assert status(Case(debtor=name)) == f"{name}:binding"
    assert len(asked) == 150


def test_an_object_that_can_change_is_asked_every_time() -> None:
    asked, status = _counting()
    case = SimpleNamespace(debtor="张伟")
    status(case)
    case.debtor = "李娜"
    assert status(case) == "李娜:binding"
    assert asked == ["张伟", "李娜"]
