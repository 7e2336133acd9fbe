"""Which court a filing goes to: the connecting points of a case (民事诉讼法 arts. 22,
24, 35), the court's level for the claim (法发〔2021〕27号) and its place, and the
procedures a court may use (arts. 160, 165). Shared by the complaint and the preservation
application."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from docgen.documents.problems import Assessment
from docgen.documents.venue_place import (
    Agreement,
    agreed_connections,
    check_place,
    connections,
    read_agreement,
)
from docgen.domain import divisions as division_table
from docgen.domain.courts import (
    SPC_2021,
    Court,
    intermediate_threshold,
    read_court,
)
from docgen.domain.money import format_yuan
from docgen.domain.parties import Party, Person

PROCEDURE_LABELS = {"ordinary": "普通程序", "summary": "简易程序", "small_claims": "小额诉讼程序"}


@dataclass
class Venue:
    """What decides the competent court: the claim and the case's connecting points.

    `points` are (what, address) pairs: each defendant's 住所地/经常居住地 (民事诉讼法
    art. 22) and the 合同履行地 (art. 24); `agreement` the written jurisdiction clause
    (art. 35) as read; `contacts` the places an agreed court must be connected with;
    `parties` every party's address, to tell whether they live in the court's province
    (法发〔2021〕27号).
    """

    claim: Decimal
    points: list[tuple[str, str]] = field(default_factory=list)
    agreement: Agreement | None = None
    contacts: list[tuple[str, str]] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)


def complaint_venue(
    claim: Decimal,
    plaintiffs: Sequence[Party],
    defendants: Sequence[Party],
    clause: str | None,
    signed_place: str | None = None,
) -> Venue:
    """The connecting points a complaint states (民事诉讼法 arts. 22, 24, 35)."""
    points: list[tuple[str, str]] = []
    for d in defendants:
        points.append((f"被告{d.name}住所地", d.address))
        if isinstance(d, Person) and d.habitual_residence:
            points.append((f"被告{d.name}经常居住地", d.habitual_residence))
    for p in plaintiffs:
        # 民诉法解释 art. 18(2): for money owed, the receiving party's place is where the
        # contract is performed
        points.append((f"原告{p.name}住所地，即合同履行地", p.address))
    named = [(p.name, p.address) for p in plaintiffs], [(d.name, d.address) for d in defendants]
    contacts = [(what, address) for people in named for what, address in people]
    if signed_place:
        contacts.append(("合同签订地", signed_place))
    agreement = read_agreement(clause, *named, signed_place) if clause else None
    parties = [p.address for p in plaintiffs] + [d.address for d in defendants]
    return Venue(claim, points, agreement, contacts, parties)


def check_procedure(result: Assessment, procedure: str, court: str) -> None:
    """The summary and small-claims procedures are for basic courts (民事诉讼法 arts. 160, 165)."""
    if procedure == "ordinary" or not court.endswith("人民法院"):
        return
    if read_court(court, division_table.load()).level not in ("basic", "special"):
        result.error(
            ("procedure",),
            "procedure_not_available",
            f"{PROCEDURE_LABELS[procedure]}仅适用于基层人民法院及其派出法庭"
            "（《中华人民共和国民事诉讼法》第一百六十条、第一百六十五条）",
        )


def check_venue(result: Assessment, court_name: str, venue: Venue) -> bool:
    """The court exists, is of the right level for the claim and the right place. True
    when the jurisdiction clause leads to it (the complaint may then say so)."""
    if not court_name.endswith("人民法院"):
        return False  # check_court said so
    table = division_table.load()
    court = read_court(court_name, table)
    competent = _competent_courts(venue, table)
    where = f"；有管辖权的法院：{'、'.join(competent)}" if competent else ""
    if court.level in ("supreme", "high"):
        article = "第二十一条" if court.level == "supreme" else "第二十条"
        result.error(
            ("court",),
            "court_level",
            f"{court_name}不审理普通民事纠纷的第一审案件（《中华人民共和国民事诉讼法》{article}）"
            f"，本案应向基层人民法院起诉{where}",
        )
        return False
    if court.level == "special":
        result.warn(
            ("court",),
            "court_not_checked",
            f"{court_name}为专门法院或开发区法院，其管辖范围未能按行政区划核对，请人工核实",
        )
        return False
    if court.place is None:
        _unknown_place(result, court, table)
        return False
    _check_level(result, court, venue, table)
    return check_place(result, court, venue.points, venue.agreement, venue.contacts, table)


def _unknown_place(result: Assessment, court: Court, table: division_table.Divisions) -> None:
    if court.ambiguous:
        result.warn(
            ("court",),
            "court_place_ambiguous",
            f"「{court.place_text}」有多个同名行政区划，请在法院名称中写明所在省、市",
        )
        return
    known = table.locate(court.place_text)
    listing = ""
    if known is not None and known.level != "county":
        names = [d.name for d in table.counties_of(known)]
        if 0 < len(names) <= 40:  # a city's or a municipality's, not a whole province's
            listing = f"；{known.full_name}下辖：{'、'.join(names)}"
    result.error(
        ("court",),
        "court_unknown",
        f"「{court.place_text}」不是现行行政区划名称（GB/T 2260），法院名称可能有误{listing}",
    )


def _check_level(
    result: Assessment, court: Court, venue: Venue, table: division_table.Divisions
) -> None:
    """法发〔2021〕27号: 中级 from 5亿 when the parties all live in (or all outside) the
    court's province, from 1亿 when only some do; unknown addresses leave the band
    between the two unjudged."""
    if court.place is None:
        return
    located = [table.locate(address) for address in venue.parties]
    inside = {d is not None and d.code[:2] == court.place.code[:2] for d in located}
    known = bool(located) and all(d is not None for d in located)
    low, high = intermediate_threshold(True), intermediate_threshold(False)
    threshold = intermediate_threshold(len(inside) > 1) if known else None
    amount = f"诉讼标的额人民币{format_yuan(venue.claim)}元"
    if court.level == "basic" and venue.claim >= (threshold or high):
        result.error(
            ("court",),
            "court_level",
            f"{amount}，达到中级人民法院管辖第一审民事案件的标准（{SPC_2021}），"
            "应向中级人民法院起诉",
        )
    elif court.level == "intermediate" and venue.claim < (threshold or low):
        result.error(
            ("court",),
            "court_level",
            f"{amount}，未达到中级人民法院管辖第一审民事案件的标准（{SPC_2021}：当事人住所地"
            "均在或均不在受理法院所在省的5亿元以上，一方不在的1亿元以上），应向基层人民法院起诉",
        )


def _competent_courts(venue: Venue, table: division_table.Divisions) -> list[str]:
    """Each court a connecting point leads to, with the points that lead there."""
    found = connections(venue.points, table)
    if venue.agreement is not None and venue.agreement.read:
        agreed, _ = agreed_connections(venue.agreement, venue.contacts, table)
        found = agreed if agreed.courts else found
    return [f"{court}（{'；'.join(whats)}）" for court, whats in found.courts.items()]
