"""The costs of the suit (or the arbitration) the instrument orders the respondent to bear,
read from its operative part.

An operative part states the fee and who bears it: all of it (「案件受理费1,332.49元由被告
张伟、李秀英负担」, 「…，并承担仲裁费8,650元」), shares (「案件受理费2,000元，由原告负担500元，
被告负担1,500元」), or none of it (「案件受理费2,000元，由原告负担」). Only the respondent's
share is owed to the applicant (民事诉讼法 art. 247: only what the instrument orders is
enforced; 诉讼费用交纳办法 art. 29: 诉讼费用由败诉方负担，胜诉方自愿承担的除外。部分胜诉、
部分败诉的，人民法院根据案件的具体情况决定当事人各自负担的诉讼费用数额): reading every figure
would ask him for the applicant's share and the whole fee again.

Each term naming a fee (受理费, 诉讼费, 仲裁费, 保全费, 公告费) is read on its own: its fee
figures (a fee 「减半收取」 at the halved sum), then who bears them — a party named by its
role (原告, 申请人 the applicant's side; 被告, 被申请人 the respondent's) or by its name.
Roles are read so only where the operative part does not call an applicant 被告 or a
respondent 原告 (a counterclaim won). Where a term cannot be read for certain (a bearer of
either side or both, 「各负担」, shares that exceed the fee, a fee no one is said to bear)
nothing is read and the costs typed are taken: docgen does not guess the share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from docgen.documents.enforcement_operative import segments
from docgen.documents.problems import Assessment
from docgen.domain.money import format_yuan, read_figure

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

_AMOUNT = r"(?:人民币)?\s*([\d,]+(?:\.\d{1,2})?)\s*元"
_FEE = re.compile(r"(?:受理费|诉讼费|仲裁费|保全费|公告费)[^，。；、]*?" + _AMOUNT)
_HALVED = re.compile(r"减半收取(?:计|为)?" + _AMOUNT)
# 「由原告负担500元」, 「被告负担」, 「由被告张伟、李秀英负担」: who, and the sum where stated
_BEARER = re.compile(r"(?:由)?(?P<who>[^，,；。（）()由]*?)(?:负担|承担)(?!费)(?:" + _AMOUNT + ")?")
# 「…，并承担仲裁费8,650元」: the bearer before the fee
_BEARS_FEE = re.compile(r"(?:负担|承担)(?:案件|本案)?(?:受理费|诉讼费|仲裁费|保全费|公告费)")
_RESPONDENT_ROLES = ("被告", "被申请人")
_APPLICANT_ROLES = ("原告", "申请人")
ART_29 = "《诉讼费用交纳办法》第二十九条"

Side = Literal["respondent", "applicant"]


@dataclass(frozen=True)
class CostsRead:
    """The sum the respondent bears, and the terms it was read from."""

    amount: Decimal
    terms: tuple[str, ...]


def _side(words: str, case: EnforcementApplication) -> Side | None:
    """Whose side ``words`` name: by a party's name first, else by its role; None where
    neither or both."""
    respondents = any(r.name in words for r in case.respondents)
    applicants = any(a.party.name in words for a in case.applicants)
    if respondents != applicants:
        return "respondent" if respondents else "applicant"
    if respondents or not _roles_as_usual(case):
        return None
    bare = words
    for role in _RESPONDENT_ROLES:
        bare = bare.replace(role, "")
    ours = any(role in words for role in _RESPONDENT_ROLES)
    theirs = any(role in bare for role in _APPLICANT_ROLES)
    if ours == theirs:
        return None
    return "respondent" if ours else "applicant"


def _roles_as_usual(case: EnforcementApplication) -> bool:
    """Whether a role names the side it usually does: not where the operative part calls an
    applicant 被告 or a respondent 原告 (a counterclaim won, an appeal's roles), nor where it
    names the sides only as 上诉人 and 被上诉人."""
    text = case.title.operative_part
    for a in case.applicants:
        if re.search("(?:被告|被申请人)" + re.escape(a.party.name), text):
            return False
    for r in case.respondents:
        if re.search("(?<!被)(?:原告|申请人)" + re.escape(r.name), text):
            return False
    return True


def _fees(term: str) -> list[tuple[int, Decimal]]:
    fees = [(m.start(), read_figure(m.group(1))) for m in _FEE.finditer(term)]
    for halved in _HALVED.finditer(term):
        before = [f for f in fees if f[0] < halved.start()]
        if before:
            fees.remove(before[-1])
        fees.append((halved.start(), read_figure(halved.group(1))))
    # a figure that is no number (「,元」) is no fee
    return sorted((at, amount) for at, amount in fees if amount is not None)


def _term_share(term: str, case: EnforcementApplication) -> Decimal | None:
    """The respondent's share of the fees ``term`` names; None where it cannot be read."""
    fees = _fees(term)
    total = sum((amount for _, amount in fees), Decimal(0))
    bearers = [
        (m.group("who"), read_figure(m.group(2)) if m.group(2) else None)
        for m in _BEARER.finditer(term, fees[0][0])
    ]
    if not bearers:
        before = _BEARS_FEE.search(term)
        if before is None:
            return None
        clause = re.split(r"[，,]", term[: before.start()])[-1]
        # 「…，并承担仲裁费」: the term's subject, before the payee it names (「向申请人…」)
        side = _side(clause, case) or _side(term[: before.start()].split("向", 1)[0], case)
        return None if side is None else (total if side == "respondent" else Decimal(0))
    sides = [_side(who, case) for who, _ in bearers]
    if None in sides:
        return None
    open_ = [k for k, (_, amount) in enumerate(bearers) if amount is None]
    stated = sum((amount or Decimal(0) for _, amount in bearers), Decimal(0))
    if len(open_) > 1 or stated > total:
        return None
    pairs = zip(bearers, sides, strict=True)
    ours = sum(
        (amount or Decimal(0) for (_, amount), side in pairs if side == "respondent"), Decimal(0)
    )
    if open_ and sides[open_[0]] == "respondent":
        ours += total - stated  # 「其余由被告负担」
    return ours


def respondent_costs(case: EnforcementApplication) -> CostsRead | None:
    """What the operative part orders the respondent to bear (the module's rule); None where
    it names no fee or a term naming one cannot be read for certain."""
    amount, terms = Decimal(0), []
    for segment in segments(case.title.operative_part):
        if segment.denied or not _fees(segment.text):
            continue
        share = _term_share(segment.text, case)
        if share is None:
            return None
        amount += share
        terms.append(segment.text)
    return CostsRead(amount, tuple(terms)) if terms else None


def check_costs(result: Assessment, case: EnforcementApplication) -> None:
    """Costs typed above the respondent's share read from the operative part are refused:
    the application would ask him for the applicant's share of the fee."""
    o = case.outstanding
    read = respondent_costs(case)
    if read is None or not o.costs or o.costs <= read.amount:
        return
    name = "仲裁费用" if case.title.kind == "arbitration" else "诉讼费用"
    quoted = "；".join(read.terms)
    typed = f"人民币{format_yuan(o.costs)}元"
    owed = (
        f"由被执行人负担的{name}为人民币{format_yuan(read.amount)}元，填写的{typed}超过该金额"
        if read.amount
        else f"{name}不由被执行人负担，不能申请执行填写的{typed}"
    )
    result.error(
        ("outstanding", "costs"),
        "costs_above_title",
        f"法律文书确定「{quoted}」，{owed}："
        f"只能申请执行法律文书确定由被执行人负担的部分（《中华人民共和国民事诉讼法》第二百四十七条；"
        f"{ART_29}）",
        hint=(
            f"请填写人民币{format_yuan(read.amount)}元" if read.amount else f"请删除{name}的金额"
        ),
    )
