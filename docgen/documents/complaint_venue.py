"""Why the court addressed has jurisdiction, as a complaint filed at the plaintiff's own
court states it: the place of performance.

A contract dispute goes to the defendant's domicile or the place of performance
(民事诉讼法 art. 24); where the contract agrees no place and the dispute is over money to
be paid, the place of performance is where the party receiving the money is
(民诉法解释 art. 18(2): 「争议标的为给付货币的，接收货币一方所在地为合同履行地」; for a
private loan 法释〔2020〕17号 art. 3 says the same). A complaint at the defendant's court
needs no word on it; one at the plaintiff's court, with no defendant there, is asked by
the filing clerk for its connecting point, so it states it. Said only without a
jurisdiction clause (an agreed court is the complaint's one ground, and a clause may
exclude the statutory courts: venue_place) and only of a court the check found lawful:
one declaration, never two."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.domain import divisions as division_table
from docgen.domain.courts import covers, read_court

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

PERFORMANCE_PLACE_BASIS = (
    "《中华人民共和国民事诉讼法》第二十四条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉"
    "的解释》第十八条第二款"
)


def receiving_plaintiffs(case: CivilComplaint) -> list[str]:
    """The plaintiffs at whose place the court sits, when that place of performance is
    the only point leading to it: no clause, and no defendant's domicile or habitual
    residence there. Empty otherwise (nothing is then said)."""
    if case.jurisdiction_clause or not case.court.endswith("人民法院"):
        return []
    table = division_table.load()
    court = read_court(case.court, table)
    if court.place is None or court.level not in ("basic", "intermediate"):
        return []

    def here(address: str | None) -> bool:
        division = table.locate(address) if address else None
        return division is not None and division.level == "county" and covers(court, division)

    for d in case.defendants:
        habitual = getattr(d.party, "habitual_residence", None)
        if here(d.party.address) or here(habitual):
            return []
    return [p.party.name for p in case.plaintiffs if here(p.party.address)]


def performance_place_sentence(names: list[str]) -> str:
    """「本案争议标的为给付货币，原告…作为接收货币一方，其所在地为合同履行地（…），贵院对本案
    依法享有管辖权。」"""
    who = "原告" + "、".join(names)
    return (
        f"本案争议标的为给付货币，{who}作为接收货币一方，其所在地为合同履行地"
        f"（{PERFORMANCE_PLACE_BASIS}），贵院对本案依法享有管辖权。"
    )
