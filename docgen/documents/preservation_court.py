"""Where a preservation is applied for before suit (民事诉讼法 art. 104).

Before suit an applicant may apply to the court where the property lies, of the
respondent's domicile, or with jurisdiction over the case. docgen can place the first two
(a respondent's address, a real estate lead's 坐落) with the divisions table; the third
(the place of performance, an agreed court) it cannot know. So an application to a court
in whose territory neither lies is warned, asking that the facts state the court's
ground. An address that cannot be placed is not compared.
"""

from __future__ import annotations

from typing import Any

from docgen.documents.problems import Assessment
from docgen.documents.venue_place import Point, connections
from docgen.domain import divisions as division_table
from docgen.domain.courts import read_court
from docgen.domain.parties import Person


def _points(case: Any) -> list[Point]:
    """The places that would ground the court: the respondents' domiciles and habitual
    residences, and the real estate's location."""
    points: list[Point] = []
    for respondent in case.respondents:
        points.append(("被申请人住所地", respondent.address))
        if isinstance(respondent, Person) and respondent.habitual_residence:
            points.append(("被申请人经常居住地", respondent.habitual_residence))
    for lead in case.property_leads:
        if lead.kind == "real_estate":
            points.append(("不动产所在地", lead.location))
    return points


def check_pre_suit_court(result: Assessment, case: Any) -> None:
    """Warn when no respondent's address and no real estate lies in the court's territory."""
    if case.stage != "pre_suit" or not case.court.endswith("人民法院"):
        return
    table = division_table.load()
    court = read_court(case.court, table)
    if court.place is None or court.level not in ("basic", "intermediate"):
        return
    found = connections(_points(case), table)
    if found.unplaced or not found.divisions or found.reach(court):
        return  # a place that cannot be placed is not compared
    result.warn(
        ("court",),
        "pre_suit_court_place",
        f"诉前保全应向被保全财产所在地、被申请人住所地或者对案件有管辖权的人民法院申请"
        f"（《中华人民共和国民事诉讼法》第一百零四条）：被申请人的住所地及所列不动产均不在"
        f"{case.court}辖区",
        hint="如该院因合同履行地、协议管辖等对案件有管辖权，请在事实与理由中写明；"
        "否则请向被保全财产所在地或被申请人住所地的人民法院申请",
    )


__all__ = ["check_pre_suit_court"]
