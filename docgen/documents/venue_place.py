"""Whether a complaint's court sits where the case connects: the agreed court, else the
statutory points.

- Statutory points: 被告住所地 / 经常居住地 (民事诉讼法 art. 22) and the 合同履行地
  (art. 24; for money owed with no agreed place, the receiving party's place,
  民诉法解释 art. 18(2)).
- A written jurisdiction clause (art. 35) decides instead when it names a place with an
  actual connection to the dispute: a party's domicile, the signing place, or a named
  court sitting at one of them. Such a clause excludes the statutory courts
  (民诉法解释 art. 30: the court the agreement fixes is the court; of two or more agreed
  courts the plaintiff picks one). A named court with no actual connection is void and
  the statutory points apply.
- A court at none of them has no jurisdiction: the filing court tells the plaintiff to
  sue elsewhere or refuses (民事诉讼法 arts. 122(4), 127(4)), or transfers a case it
  accepted (art. 37). A defendant's answering without objection (art. 130(2)) does not
  make the filing proper, so it is an error; only when a point or the clause could not be
  read is it a warning to check by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.documents.problems import Assessment
from docgen.domain.courts import Court, court_for, covers, read_court
from docgen.domain.divisions import Division, Divisions, load

_CPL = "《中华人民共和国民事诉讼法》"
_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
_COURT_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{2,30}?人民法院")
PLAINTIFF_PLACE = re.compile(r"(?:原告|出借人|贷款人|债权人|出卖人)(?:住所地|所在地)")
DEFENDANT_PLACE = re.compile(r"(?:被告|借款人|债务人|买受人)(?:住所地|所在地)")
SIGNING_PLACE = re.compile(r"签订地|签约地")
# which side is 甲方 or 乙方 is in the contract, not in the case: such a clause is not read
# (a misread agreement would refuse the right court)
CONTRACT_SIDE = re.compile(r"[甲乙丙]方(?:住所地|所在地)")

Point = tuple[str, str]  # (what the place is, its address)


@dataclass
class Agreement:
    """What a jurisdiction clause was read to name: party places and the signing place
    (`points`), courts named outright (`courts`), and whether any of it was read."""

    text: str
    points: list[Point] = field(default_factory=list)
    courts: list[str] = field(default_factory=list)  # names of the courts it names
    unread: bool = False  # names a place the code cannot place (签订地 not given …)

    @property
    def read(self) -> bool:
        return bool(self.points or self.courts)


def read_agreement(
    clause: str,
    plaintiffs: list[Point],
    defendants: list[Point],
    signed_place: str | None,
) -> Agreement:
    """The places a clause names, from the parties' (name, address) pairs."""
    agreement = Agreement(clause, courts=[c.name for c in named_courts(clause, load())])
    if PLAINTIFF_PLACE.search(clause):
        agreement.points += [(f"约定管辖：原告{n}住所地", a) for n, a in plaintiffs]
    if DEFENDANT_PLACE.search(clause):
        agreement.points += [(f"约定管辖：被告{n}住所地", a) for n, a in defendants]
    if CONTRACT_SIDE.search(clause):
        agreement.unread = True
    if SIGNING_PLACE.search(clause):
        if signed_place:
            agreement.points.append(("约定管辖：合同签订地", signed_place))
        else:
            agreement.unread = True
    return agreement


def named_courts(clause: str, table: Divisions) -> list[Court]:
    """The courts a clause names outright (…约定由北京市西城区人民法院管辖): each run of
    words ending in 人民法院, shortened from the left until it reads as a court with a
    place; a phrase (被告住所地人民法院) never does."""
    courts: list[Court] = []
    for run in _COURT_IN_TEXT.findall(clause):
        for start in range(len(run) - len("人民法院")):
            court = read_court(run[start:], table)
            if court.place is not None:
                courts.append(court)
                break
    return courts


@dataclass
class Connections:
    """The courts the case leads to, each with the points that lead there."""

    courts: dict[str, list[str]] = field(default_factory=dict)
    divisions: list[Division] = field(default_factory=list)
    named: list[Court] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def add(self, what: str, address: str, table: Divisions) -> None:
        division = table.locate(address)
        if division is None or division.level != "county":
            self.unplaced.append(what)
            return
        self.divisions.append(division)
        self.courts.setdefault(court_for(division, table), []).append(what)

    def reach(self, court: Court) -> bool:
        if any(covers(court, d) for d in self.divisions):
            return True
        return any(n.place == court.place and n.level == court.level for n in self.named)

    def listing(self) -> str:
        return "；".join(f"{c}（{'、'.join(whats)}）" for c, whats in self.courts.items())


def connections(points: list[Point], table: Divisions) -> Connections:
    found = Connections()
    for what, address in points:
        found.add(what, address, table)
    return found


def agreed_connections(
    agreement: Agreement, contacts: list[Point], table: Divisions
) -> tuple[Connections, list[Court]]:
    """The agreed courts that are valid, and the named ones void for want of an actual
    connection (art. 35) with any party's domicile or the signing place."""
    agreed = connections(agreement.points, table)
    places = connections(contacts, table)
    void: list[Court] = []
    for named in named_courts(agreement.text, table):
        if places.reach(named):
            agreed.named.append(named)
            agreed.courts.setdefault(named.name, []).append("约定管辖")
        else:
            void.append(named)
    return agreed, void


def check_place(
    result: Assessment,
    court: Court,
    statutory: list[Point],
    agreement: Agreement | None,
    contacts: list[Point],
    table: Divisions,
) -> bool:
    """Report a court the case does not lead to; True when the agreement leads there
    (only then may the complaint say the court has jurisdiction by the agreement)."""
    lawful = connections(statutory, table)
    void: list[Court] = []
    effective = False  # a valid agreement decides, and excludes the statutory courts
    if agreement is not None and agreement.read:
        agreed, void = agreed_connections(agreement, contacts, table)
        if agreed.reach(court):
            return True
        effective = bool(agreed.courts)
        if effective and not (agreed.unplaced or agreement.unread):
            _refuse(result, court, agreed, agreement, [])
            return False
        lawful.unplaced += agreed.unplaced
    if not effective and lawful.reach(court):
        return False
    if not lawful.divisions:
        return False  # no connecting point could be placed: nothing to compare with
    # an agreed court at no party's domicile or signing place may still sit where the
    # goods are (标的物所在地, art. 35), which the case does not record
    unknown_tie = any(v.place == court.place and v.level == court.level for v in void)
    if (
        unknown_tie
        or lawful.unplaced
        or (agreement is not None and (agreement.unread or not agreement.read))
    ):
        _unverified(result, court, lawful, agreement, unknown_tie)
        return False
    _refuse(result, court, lawful, None, [v.name for v in void])
    return False


def _refuse(
    result: Assessment,
    court: Court,
    competent: Connections,
    agreement: Agreement | None,
    void: list[str],
) -> None:
    if agreement is not None:
        why = (
            f"{agreement.text.rstrip('。')}，约定的地点与争议有实际联系，约定有效"
            f"（{_CPL}第三十五条），应向约定的法院起诉（{_SPI}第三十条）"
        )
    else:
        voided = (
            f"；约定的{'、'.join(void)}不在任何一方住所地或合同签订地，与争议没有实际联系，"
            f"约定无效（{_CPL}第三十五条）"
            if void
            else ""
        )
        why = (
            f"该院不在被告住所地、合同履行地（{_CPL}第二十二条、第二十四条，"
            f"{_SPI}第十八条），也不是有效约定的法院{voided}"
        )
    result.error(
        ("court",),
        "court_place",
        f"{court.name}对本案没有管辖权：{why}。受诉法院须对本案有管辖权"
        f"（{_CPL}第一百二十二条），否则将告知向有管辖权的法院起诉，已受理的移送管辖"
        f"（第三十七条）",
        hint=f"有管辖权的法院：{competent.listing()}",
    )


def _unverified(
    result: Assessment,
    court: Court,
    lawful: Connections,
    agreement: Agreement | None,
    unknown_tie: bool,
) -> None:
    reasons = []
    if unknown_tie:
        reasons.append(
            f"约定的{court.name}不在任何一方住所地或合同签订地，与争议须有实际联系"
            f"（如标的物所在地，{_CPL}第三十五条），否则约定无效"
        )
    if lawful.unplaced:
        reasons.append(f"{'、'.join(lawful.unplaced)}未能按行政区划定位")
    if agreement is not None and (agreement.unread or not agreement.read) and not unknown_tie:
        reasons.append(f"约定管辖条款「{agreement.text}」所指地点未能识别")
    result.warn(
        ("court",),
        "court_place_unverified",
        f"未能确认{court.name}对本案有管辖权：{'；'.join(reasons)}。{court.name}不在已识别的"
        f"被告住所地、合同履行地（{_CPL}第二十二条、第二十四条）；请人工核对管辖",
        hint=f"已识别的有管辖权的法院：{lawful.listing()}",
    )
