"""One number, one letter: a letter number (函号) the tenant's register already holds for
another document is warned of when a final document is validated or rendered.

Each copy of a letter carries its own number (``…第88-1号``, see
:func:`docgen.documents.part_models.copy_number`) and the register keeps the number of
each copy in an indexed column (``register_documents.letter_number``), so the check is
one indexed SELECT, in the tenant only, however large the register grows. A draft is not
checked (it uses up no number and is not registered); a reissue prints the registered
document again and passes through none of this, so it never meets itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docgen.documents.problems import Problem

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope

CODE = "letter_number_reused"
HINT = "请改用新的函号；如确是同一份函件，请从登记簿按原文书编号重新出具原文书"


def numbers_of(copies: Iterable[Any]) -> list[str]:
    """The letter numbers the copies print (a copy without one prints none)."""
    found = (getattr(copy, "letter_number", None) for copy in copies)
    return [number for number in found if isinstance(number, str) and number]


def reused(scope: Scope, numbers: list[str]) -> list[Problem]:
    """A warning on ``letter_number`` for each of ``numbers`` already printed on a
    registered document of the scope's tenant, naming that document; none for a draft,
    with the register off, or with ``warn_reused_letter_numbers`` off."""
    if not numbers or scope.draft or not scope.settings.warn_reused_letter_numbers:
        return []
    register = scope.stores.register
    if register is None:
        return []
    earlier = register.letter_number_uses(scope.tenant_id, numbers)
    return [
        Problem(
            ("letter_number",),
            CODE,
            f"函号「{number}」已用于登记簿中的文书（文书编号 {earlier[number]}），"
            "一个函号只应对应一份函件",
            hint=HINT,
            severity="warning",
        )
        for number in dict.fromkeys(numbers)
        if number in earlier
    ]


__all__ = ["CODE", "numbers_of", "reused"]
