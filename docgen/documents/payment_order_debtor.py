"""Where the debtor of a payment order is: the address the order is served at and the
court it gives (民事诉讼法 arts. 22, 225; 民诉法解释 arts. 23, 427, 429).

A payment order is served on the debtor, in person or by leaving it where the debtor
refuses it (民诉法解释 art. 429), never by public notice: the court accepts the
application only where the debtor is in China, not 下落不明, and the order can be served
(art. 427(4), (5)). So the debtor's address must say where the debtor is: an address the
division table cannot place in a county-level division (东四十条南新仓小区…, 朝阳区… of
two cities, 北京市 alone) is refused at the address, as one in Hong Kong, Macao, Taiwan or
abroad is, whatever the applicant answered to 「被申请人在我国境内」: the application
would otherwise state that the debtor is in China and can be found when its own address
says otherwise. Such a claim is brought by suit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docgen.documents.case_numbers import court_candidates
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.courts import court_for, covers, read_court
from docgen.domain.divisions import Division, Divisions
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.payment_order import PaymentOrderApplication

_CPL = "《中华人民共和国民事诉讼法》"
_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
_REFUSED = "人民法院不予受理支付令申请"

_UNKNOWN = ("不详", "下落不明")
_OUTSIDE = (
    "香港",
    "澳门",
    "台湾",
    "美国",
    "英国",
    "日本",
    "韩国",
    "加拿大",
    "澳大利亚",
    "新西兰",
    "新加坡",
    "马来西亚",
    "泰国",
    "德国",
    "法国",
    "国外",
    "境外",
)
_COUNTRY = re.compile(r"^(中华人民共和国|中国)")


def outside_mainland(address: str) -> bool:
    """An address in Hong Kong, Macao, Taiwan or another country, by its first words (a
    road named after a place, 台湾路, is not read as one)."""
    head = _COUNTRY.sub("", address.strip())
    return "特别行政区" in address or head.startswith(_OUTSIDE)


def debtor_places(case: PaymentOrderApplication) -> list[tuple[str, str, Loc]]:
    """The debtor's places the court is checked against: the 经常居住地 first where it
    differs (民事诉讼法 art. 22), then the domicile, each with its field."""
    respondent = case.respondent
    places: list[tuple[str, str, Loc]] = [("住所地", respondent.address, ("respondent", "address"))]
    if isinstance(respondent, Person) and respondent.habitual_residence:
        places.insert(
            0,
            ("经常居住地", respondent.habitual_residence, ("respondent", "habitual_residence")),
        )
    return places


def abroad(case: PaymentOrderApplication) -> bool:
    """Whether a place of the debtor is outside the mainland: refused at the address
    (``check_debtor_address``), so the answer 「不在我国境内」 is not refused again."""
    return any(outside_mainland(address) for _, address, _ in debtor_places(case))


# a development zone named after its city (苏州市工业园区, 北京市经济技术开发区): a place
# the post and the court find, though no county-level division; the court is then
# checked by hand (court_place_unverified)
_ZONE = re.compile(r"^[^\d，,、（(]{0,12}?(开发区|园区|新区|高新区|保税区|示范区|试验区)")


def _located(address: str, table: Divisions) -> bool:
    """Whether the address names its county-level division unambiguously (a city without
    counties, 东莞市, standing for one), or a development zone of its city."""
    head = _COUNTRY.sub("", address.strip())
    found: Division | None = table.locate(head)
    if found is None:
        return False
    if found.level == "county" or (found.level == "city" and not table.counties_of(found)):
        return True
    rest = head[head.find(found.name) + len(found.name) :]
    return _ZONE.match(rest) is not None


def _place_problem(address: str, table: Divisions) -> str | None:
    """What is wrong with a place of the debtor: ``respondent_missing`` (不详, 下落不明),
    ``respondent_abroad_address`` or ``respondent_not_located``; None when it places the
    debtor in the mainland."""
    if any(word in address for word in _UNKNOWN):
        return "respondent_missing"
    if outside_mainland(address):
        return "respondent_abroad_address"
    if not _located(address, table):
        return "respondent_not_located"
    return None


def unfound_places(case: PaymentOrderApplication) -> list[tuple[str, str, Loc]]:
    """The places of the debtor that do not say where in the mainland the debtor is:
    written as unknown or not placed in a county-level division (民诉法解释 art. 427(4))."""
    table = division_table.load()
    unfound = ("respondent_missing", "respondent_not_located")
    return [p for p in debtor_places(case) if _place_problem(p[1], table) in unfound]


def check_debtor_address(result: Assessment, case: PaymentOrderApplication) -> set[Loc]:
    """Each place of the debtor says where the debtor is in the mainland, else one error
    at it: unknown (下落不明), outside the mainland, or not placed in a county-level
    division (民诉法解释 arts. 427(4), (5), 429). Returns the fields so judged, which the
    court check does not warn of again. A place that does not find the debtor, with the
    answer that the order cannot be served (``respondent_reachable`` 否), is one fact
    reported once, at that answer (``payment_order_rules.check_conditions``)."""
    judged: set[Loc] = set()
    table = division_table.load()
    for what, address, loc in debtor_places(case):
        problem = _place_problem(address, table)
        if problem is None:
            continue
        judged.add(loc)
        if problem != "respondent_abroad_address" and case.respondent_reachable is False:
            continue
        if problem == "respondent_missing":
            result.error(
                loc,
                "respondent_missing",
                f"被申请人{what}写为「{address}」：被申请人下落不明的，{_REFUSED}"
                f"（{_SPI}第四百二十七条第四项）；请写明被申请人的实际住址，或通过诉讼主张",
            )
        elif problem == "respondent_abroad_address":
            result.error(
                loc,
                "respondent_abroad_address",
                f"被申请人{what}「{address}」不在我国内地：支付令须在内地送达被申请人，被申请人"
                f"不在我国境内的，{_REFUSED}（{_CPL}第二百二十五条，{_SPI}第四百二十七条第四项、"
                "第五项）",
                hint="请写明被申请人在内地的住址；被申请人不在内地的，请向人民法院起诉",
            )
        else:
            result.error(
                loc,
                "respondent_not_located",
                f"被申请人{what}「{address}」未写明所在的省（自治区、直辖市）、市、区县，不能据以"
                "确定被申请人的下落：支付令须送达被申请人本人，不适用公告送达，被申请人下落不明或"
                f"支付令不能送达的，{_REFUSED}（{_CPL}第二百二十五条第一款第二项，{_SPI}第四百二十七条"
                "第四项、第五项、第四百二十九条）；管辖法院也须依此确定（同一解释第二十三条）",
                hint="请写明完整住址，如 北京市东城区东四十条街道南新仓小区5号楼2单元301室；"
                "不能确定被申请人下落的，请向人民法院起诉",
            )
    return judged


def warn_unplaced(
    result: Assessment,
    court: str,
    unplaced: list[tuple[str, str, Loc]],
    judged: set[Loc],
) -> None:
    """A place of the debtor that cannot be located: the court cannot be checked against
    it, and the user is told so (as a complaint's ``court_place_unverified``)."""
    for what, address, loc in unplaced:
        if loc in judged:
            continue
        result.warn(
            loc,
            "court_place_unverified",
            f"未能识别被申请人{what}（{address}）所在的区县，无法核对{court}是否为债务人住所地"
            f"基层人民法院（{_SPI}第二十三条、第四百二十七条第六项），请人工核对管辖",
        )


def check_court_of_debtor(
    result: Assessment, case: PaymentOrderApplication, name: str, judged: set[Loc]
) -> None:
    """The basic-level court of the debtor's domicile (民诉法解释 art. 23), whatever the
    amount (a basic court accepts a payment order of any amount, art. 427)."""
    if not name.endswith("人民法院"):
        return
    table = division_table.load()
    court = read_court(name, table)
    if court.level in ("intermediate", "high", "supreme"):
        result.error(
            ("court",),
            "court_level",
            f"支付令由债务人住所地的基层人民法院受理（{_CPL}第二百二十五条，{_SPI}第二十三条），"
            f"{case.court}不是基层人民法院",
        )
        return
    # a name several places bear (鼓楼区人民法院) is compared with each of them: where the
    # debtor lives in none, no court of that name is the debtor's
    namesakes = court_candidates(name) if court.place is None else []
    if court.level != "basic" or (court.place is None and not namesakes):
        return
    respondent = case.respondent
    # 民事诉讼法 art. 22: where they differ, the 经常居住地 decides
    places = debtor_places(case)
    located = [(place, table.locate(place[1])) for place in places]
    counties = [(p[0], d) for p, d in located if d is not None and d.level == "county"]
    unplaced = [p for p, d in located if d is None or d.level != "county"]
    reached = [covers(court, d) or any(d.code == n.code for n in namesakes) for _, d in counties]
    if any(reached):
        return
    if unplaced:
        # a place that cannot be located is not compared: the user checks it
        # (民诉法解释 art. 427(6)), as a complaint's court_place_unverified
        warn_unplaced(result, case.court, unplaced, judged)
        return
    where = "、".join(
        f"{court_for(d, table)}（被申请人{respondent.name}{what}）" for what, d in counties
    )
    # 民诉法解释 art. 427(6): the court receiving the application must have
    # jurisdiction, else it is not accepted; no other place (履行地, an agreed court)
    # serves a payment order
    result.error(
        ("court",),
        "court_place",
        f"{case.court}对本申请没有管辖权：被申请人{respondent.name}的住所地（{respondent.address}）"
        f"不在其辖区。支付令由债务人住所地的基层人民法院管辖（{_SPI}第二十三条），"
        "收到申请书的人民法院无管辖权的，不予受理（同一解释第四百二十七条）",
        hint=f"应向{where}申请",
    )
