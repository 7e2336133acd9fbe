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
one declaration, never two.

A suit joining the debtor and a guarantor goes where the main contract leads: 「债权人一并
起诉债务人和担保人的，应当根据主合同确定管辖法院」 (法释〔2020〕28号 art. 21(2)). A
guarantor's domicile founds jurisdiction only over a suit against the guarantor alone
(法释〔2020〕28号 art. 21(3): 「债权人依法可以单独起诉担保人且仅起诉担保人的，应当根据担保
合同确定管辖法院」, text as on ms.isheng.net, searched 2026-12), so a court reached only by
it is refused (guarantor_court_only), as any court no connecting point leads to is
refused: the clerk would refuse or transfer the case and the borrower's 管辖权异议 (民事诉讼法
art. 130) would succeed; 最高人民法院（2005）民四终字第11号 held the same under the former
担保法解释 art. 129. Nor does it stop the complaint telling the place of performance that
does lead to the court."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_branch_rules import branch_suffix
from docgen.documents.court_names import Place, domicile_places
from docgen.documents.problems import Assessment
from docgen.documents.venue_place import Point, connections
from docgen.domain import divisions as division_table
from docgen.domain.courts import Court, covers, read_court
from docgen.domain.parties import Organization, Party

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

INTERPRETATION = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
PERFORMANCE_PLACE_BASIS = (
    "《中华人民共和国民事诉讼法》第二十四条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉"
    "的解释》第十八条第二款"
)
GUARANTEE_VENUE_BASIS = (
    "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第二十一条第二款"
)


def court_places(case: CivilComplaint) -> list[Place]:
    """The connecting points that tell which of several namesakes (朝阳区人民法院: 北京's or
    长春's) the court addressed is (``court_names.check_filed_court``): each main-contract
    defendant's 住所地 and 经常居住地 (民事诉讼法 art. 22; a guarantor's joined with the
    debtor founds none, 担保制度解释 art. 21(2)), and each plaintiff's, for money the place
    of performance (art. 24; 民诉法解释 art. 18(2)). Where these reach more than one of
    the namesakes, none is chosen."""
    places = domicile_places("被告", _main_defendants(case))
    return places + domicile_places("原告", (p.party for p in case.plaintiffs))


def _statutory_court(name: str) -> tuple[Court, division_table.Divisions] | None:
    """The court addressed (its name as printed), when it is a basic or intermediate court
    of a known place."""
    if not name.endswith("人民法院"):
        return None
    table = division_table.load()
    court = read_court(name, table)
    if court.place is None or court.level not in ("basic", "intermediate"):
        return None
    return court, table


def _homes(party: object) -> list[str]:
    """A defendant's 住所 and 经常居住地 (民事诉讼法 art. 22)."""
    habitual = getattr(party, "habitual_residence", None)
    return [a for a in (getattr(party, "address", None), habitual) if a]


def _main_defendants(case: CivilComplaint) -> list[Party]:
    """The defendants whose domicile founds jurisdiction: every one, unless the suit joins
    the debtor and a guarantor, when the guarantors' does not (担保制度解释 art. 21(2))."""
    joined = any(d.role != "guarantor" for d in case.defendants)
    return [d.party for d in case.defendants if not (joined and d.role == "guarantor")]


def receiving_plaintiffs(case: CivilComplaint, name: str) -> list[str]:
    """The plaintiffs at whose place the court ``name`` sits, when that place of
    performance is the only point leading to it: no clause, and no main-contract
    defendant's domicile or habitual residence there. Empty otherwise (nothing is then
    said)."""
    found = _statutory_court(name)
    if case.jurisdiction_clause or found is None:
        return []
    court, table = found

    def here(address: str | None) -> bool:
        division = table.locate(address) if address else None
        return division is not None and division.level == "county" and covers(court, division)

    if any(here(a) for party in _main_defendants(case) for a in _homes(party)):
        return []
    return [p.party.name for p in case.plaintiffs if here(p.party.address)]


def _here(court: Court, table: division_table.Divisions, address: str | None) -> bool:
    division = table.locate(address) if address else None
    return division is not None and division.level == "county" and covers(court, division)


def branch_seat(case: CivilComplaint, name: str) -> str:
    """Why the court ``name`` hears a suit against a branch sued at its own seat, where no
    other main-contract defendant (the company that answers for it) is domiciled there:
    「被告…上海分公司系依法设立并领取营业执照的法人分支机构，可以作为民事诉讼的当事人（民诉法
    解释 art. 52(5)），其住所地即主要办事机构所在地（art. 3(1)）在贵院辖区…」, with the
    place of performance where a plaintiff receiving the money is there too (art. 18(2)),
    then 民事诉讼法 art. 24 (and art. 22(3) for several defendants). The clerk otherwise
    sees a company seated elsewhere answering for the debt and asks what leads here. Only
    a branch with a unified social credit code (its 营业执照; art. 53: one without sues
    and is sued through the company), and never beside a jurisdiction clause."""
    found = _statutory_court(name)
    if case.jurisdiction_clause or found is None:
        return ""
    court, table = found
    main = _main_defendants(case)
    seated = [p for p in main if any(_here(court, table, a) for a in _homes(p))]
    branches = [
        p
        for p in seated
        if isinstance(p, Organization) and branch_suffix(p.name) is not None and p.uscc
    ]
    if not branches or len(branches) < len(seated):
        return ""
    who = "、".join(f"被告{p.name}" for p in branches)
    text = (
        f"{who}系依法设立并领取营业执照的法人分支机构，可以作为民事诉讼的当事人（{INTERPRETATION}"
        "第五十二条第五项），其住所地即主要办事机构所在地（同解释第三条第一款）在贵院辖区"
    )
    receiving = [p.party.name for p in case.plaintiffs if _here(court, table, p.party.address)]
    if receiving:
        text += (
            f"；本案争议标的为给付货币，原告{'、'.join(receiving)}作为接收货币一方，其所在地为"
            "合同履行地（同解释第十八条第二款），亦在贵院辖区"
        )
    several = "第二十二条第三款、" if len(main) > 1 else ""
    return (
        f"{text}。根据《中华人民共和国民事诉讼法》{several}第二十四条，贵院对本案依法享有管辖权。"
    )


def check_guarantor_court(result: Assessment, case: CivilComplaint, name: str) -> None:
    """A court (``name``, as printed) only a guarantor's domicile leads to, in a suit that
    joins the debtor."""
    found = _statutory_court(name)
    guarantors = [d.party for d in case.defendants if d.role == "guarantor"]
    main = _main_defendants(case)
    if found is None or not guarantors or len(main) == len(case.defendants):
        return
    court, table = found
    lawful: list[Point] = [
        (f"被告{getattr(p, 'name', '')}住所地", a) for p in main for a in _homes(p)
    ]
    lawful += [
        (f"原告{p.party.name}住所地，即合同履行地", p.party.address) for p in case.plaintiffs
    ]
    by_guarantor: list[Point] = [(g.name, a) for g in guarantors for a in _homes(g)]
    main_courts = connections(lawful, table)
    if main_courts.unplaced or main_courts.reach(court):
        return  # an address not placed may lead here: nothing certain to say
    named = [
        what for what, address in by_guarantor if connections([("", address)], table).reach(court)
    ]
    if not named:
        return
    listing = main_courts.listing()
    result.error(
        ("court",),
        "guarantor_court_only",
        f"{name}仅为保证人{'、'.join(dict.fromkeys(named))}的住所地法院；债权人一并起诉"
        f"债务人和担保人的，应当根据主合同确定管辖法院（{GUARANTEE_VENUE_BASIS}），即被告"
        f"（债务人）住所地或者合同履行地人民法院（《中华人民共和国民事诉讼法》第二十四条）"
        + (f"：{listing}" if listing else ""),
        hint="请向主合同确定的法院起诉：被告（债务人）住所地或者合同履行地人民法院，"
        "借款合同约定管辖法院的，向约定的法院起诉",
    )


def performance_place_sentence(names: list[str]) -> str:
    """「本案争议标的为给付货币，原告…作为接收货币一方，其所在地为合同履行地（…），贵院对本案
    依法享有管辖权。」"""
    who = "原告" + "、".join(names)
    return (
        f"本案争议标的为给付货币，{who}作为接收货币一方，其所在地为合同履行地"
        f"（{PERFORMANCE_PLACE_BASIS}），贵院对本案依法享有管辖权。"
    )
