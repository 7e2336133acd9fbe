"""One number, one letter: a letter number (函号) the tenant's register already holds for
another document is warned of, naming that document, wherever a final document is
validated or rendered; never across tenants, never for a draft."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.config import Settings
from docgen.services import DocumentService
from tests.support import load_fixture

pytestmark = pytest.mark.slow

NUMBER = "（2026）京明正律函字第88号"


@pytest.fixture
def docgen(settings: Settings, service: DocumentService, database_url: str) -> DocumentService:
    """A service on a fresh register (SQLite, PostgreSQL) with the check on."""
    own = settings.model_copy(
        update={"database_url": database_url, "warn_reused_letter_numbers": True}
    )
    return DocumentService(own, engines=service.engines)


def _letter(number: str = NUMBER, **changes: Any) -> dict[str, Any]:
    data = load_fixture("demand_letter", "valid", "person_debtor")
    return {**data, "letter_number": number, **changes}


def _reused(problems: Any) -> list[tuple[tuple[str, ...], str, str, str | None]]:
    return [
        (tuple(p.loc), p.severity, p.message, p.hint)
        for p in problems
        if p.code == "letter_number_reused"
    ]


def test_a_number_issued_again_is_warned_of_naming_the_earlier_document(docgen):
    first = docgen.render("demand_letter", _letter(), "docx")
    assert _reused(first.warnings) == []

    again = docgen.render("demand_letter", _letter(), "docx")

    message = (
        f"函号「{NUMBER}」已用于登记簿中的文书（文书编号 {first.document_id}），"
        "一个函号只应对应一份函件"
    )
    hint = "请改用新的函号；如确是同一份函件，请从登记簿按原文书编号重新出具原文书"
    assert _reused(again.warnings) == [(("letter_number",), "warning", message, hint)]
    # validating before a render says it too; a new number is not warned of
    assert _reused(docgen.validate("demand_letter", _letter()).problems) == _reused(again.warnings)
    assert _reused(docgen.validate("demand_letter", _letter("CS-2026-0159")).problems) == []


def test_another_tenants_use_of_the_number_is_not_warned_of(docgen):
    docgen.for_tenant(2).render("demand_letter", _letter(), "docx")

    assert _reused(docgen.validate("demand_letter", _letter()).problems) == []
    own = docgen.render("demand_letter", _letter(), "docx")
    assert _reused(own.warnings) == []
    # and the other tenant is told of its own letter only
    other = docgen.for_tenant(2).validate("demand_letter", _letter()).problems
    assert [m for _, _, m, _ in _reused(other)] != []
    assert own.document_id not in str(_reused(other))


def test_a_draft_is_not_checked(docgen):
    docgen.render("demand_letter", _letter(), "docx")

    draft = docgen.drafting().render("demand_letter", _letter(), "docx")

    assert draft.document_id is None
    assert _reused(draft.warnings) == []


def test_each_copy_is_checked_by_its_own_number(docgen):
    """A letter to the debtor and a guarantor prints …第88-1号 and …第88-2号: a later
    letter numbered …第88-2号 reuses the guarantor's copy's number."""
    data = load_fixture("demand_letter", "valid", "general_guarantor_notice")
    copies = docgen.render_each("demand_letter", {**data, "letter_number": NUMBER}, "docx")
    assert len(copies) == 2

    later = docgen.render("demand_letter", _letter("（2026）京明正律函字第88-2号"), "docx")

    assert [m for _, _, m, _ in _reused(later.warnings)] == [
        "函号「（2026）京明正律函字第88-2号」已用于登记簿中的文书"
        f"（文书编号 {copies[1].document_id}），一个函号只应对应一份函件"
    ]
