"""A guardian's or a relative agent's stated kinship against the two birth dates.

A guardian said to be the ward's parent is older than the ward by at least 14 years, a
child younger by as much (:func:`kin_age_problem`, also for a relative agent of a power of
attorney): otherwise the relation or an ID number is most likely mistyped. A warning,
never an error: an unusual family is still possible, a step-parent may be the younger.
"""

from __future__ import annotations

from datetime import date

from docgen.documents.problems import Assessment, Loc
from docgen.domain.dates import format_cn
from docgen.domain.guardianship import kinship
from docgen.domain.parties import Guardian, Person, birth_date_of

__all__ = ["KIN_WORDS", "PARENT_AGE_GAP", "check_kinship_ages", "kin_age_problem", "years_older"]

# the relations whose direction the birth dates tell: the guardian is older (a parent) or
# younger (a child) than the ward
_OLDER_THAN_WARD = {"father": True, "mother": True, "child": False}
# the words a relative agent's relation is typed in that make them the principal's parent
# (older) or child (younger); a step- or adoptive parent (继父, 养母) is no blood relation
# and is left alone
KIN_WORDS = {
    **dict.fromkeys(("父亲", "母亲", "父", "母", "爸爸", "妈妈"), True),
    **dict.fromkeys(("儿子", "女儿", "子", "女"), False),
}
PARENT_AGE_GAP = 14
"""A parent fewer than this many years older than the child is warned of. Births to
parents under 14 are vanishingly rare, so such dates are nearly always a mistyped ID number
or birth date, or a relation typed wrong (a brother typed as the father); but teenage
parents exist (the marriage ages of 民法典 art. 1047, 22 and 20, bind marriage, not birth),
and a step-parent may be of any age: a warning, never an error."""


def years_older(older: date, younger: date) -> int:
    """Whole years from ``older`` to ``younger`` (negative when born after)."""
    if older > younger:
        return -years_older(younger, older)
    return younger.year - older.year - ((younger.month, younger.day) < (older.month, older.day))


def kin_age_problem(parent: date, child: date) -> str | None:
    """What is wrong with a parent born on ``parent`` of a child born on ``child``: born
    after the child, or fewer than PARENT_AGE_GAP years before; None when plausible."""
    gap = years_older(parent, child)
    if parent >= child:
        return "出生日期与所填关系不符"
    if gap < PARENT_AGE_GAP:
        return (
            f"父母仅比子女年长{gap}岁（不足{PARENT_AGE_GAP}岁），出生日期与所填关系难以相符，请核对"
        )
    return None


def check_kinship_ages(result: Assessment, guardian: Guardian, ward: Person, loc: Loc) -> None:
    """A parent born after the ward, or a child born before, is a mistyped relation or ID
    number: the filing would state a relation that cannot be (民事诉讼法 art. 60 asks
    the 法定代理人 and the relation); so is a parent fewer than PARENT_AGE_GAP years older.
    A warning: a step-parent may be the younger."""
    older = _OLDER_THAN_WARD.get(guardian.relation)
    guardian_born, ward_born = birth_date_of(guardian), birth_date_of(ward)
    if older is None or guardian_born is None or ward_born is None:
        return
    parent, child = (guardian_born, ward_born) if older else (ward_born, guardian_born)
    problem = kin_age_problem(parent, child)
    if problem is None:
        return
    kin = kinship(guardian, ward.name).removeprefix("系")
    result.warn(
        (*loc, "relation"),
        "guardian_relation_ages",
        f"法定代理人{guardian.name}（{format_cn(guardian_born)}出生）填写为{kin}，而"
        f"{ward.name}{format_cn(ward_born)}出生：{problem}",
        hint="请核对与被监护人的关系，或双方的证件号码、出生日期（继父母、养父母可不予理会）",
    )
