"""What tells which court an enforcement application names, where its name is one several
places bear (朝阳区人民法院: 北京's and 长春's), by the ground the applicant chose
(民事诉讼法 art. 235): the first-instance court by the instrument's case number (its
court code begins with the province's abbreviation; the appeal court that may have issued
it is of the same province), the debtor's domicile court by the debtor's domicile, the
property's court by where the real estate listed lies. ``court_names.settle_court`` reads
them, as it does for every court paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.court_names import Place, domicile_places
from docgen.documents.enforcement_parts import COURT_TITLES
from docgen.documents.filing_papers import EXECUTION_RESPONDENT

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication


def court_facts(case: EnforcementApplication) -> tuple[str | None, list[Place]]:
    """The case number and the connecting points that tell the enforcing court."""
    if case.court_basis == "first_instance":
        number = case.title.case_number if case.title.kind in COURT_TITLES else None
        return number, []
    if case.court_basis == "respondent_domicile":
        return None, domicile_places(EXECUTION_RESPONDENT, case.respondents)
    estates = (lead for lead in case.property_leads if lead.kind == "real_estate")
    return None, [("被执行的不动产所在地", lead.location) for lead in estates]
