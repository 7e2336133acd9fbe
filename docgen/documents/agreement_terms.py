"""Terms the agreements share (债务确认书, 分期还款协议): where disputes go, where each
party accepts documents, the rate of interest after the confirmed amounts, the principal.

- Agreed jurisdiction (民事诉讼法 art. 35): the parties may choose in writing the court of
  the defendant's or the plaintiff's domicile, the place of performance or of signing,
  or another place with an actual connection to the dispute, without breaching the
  rules on level (arts. 18–21) and exclusive jurisdiction. A named court is read as the
  complaint reads it (docgen.domain.courts): it must exist, hear first instance of an
  ordinary debt of this size, and sit where a party lives or the agreement is signed
  (for a money debt the receiving party's place is the place of performance, 民诉法解释
  art. 18(2), so the creditor's domicile covers it).
- Service addresses: an address the parties agreed before a dispute arose may be used by
  the court as the confirmed address for serving litigation documents (最高人民法院关于
  进一步推进案件繁简分流优化司法资源配置的若干意见, 法发〔2016〕21号, §3; 关于进一步
  加强民事送达工作的若干意见, 法发〔2017〕19号, art. 8(1)).
- A guardian signing for a debtor who made the contract with limited capacity (a minor of
  eight or more, or an adult not fully capable) also ratifies it: such a contract beyond
  the ward's age takes effect once the legal representative consents or ratifies (民法典
  arts. 19, 22, 145); one made without any capacity is void (art. 144) and is not ratified.
- Payments are applied in the order the agreement states (costs, the confirmed interest and
  penalties, later interest, principal): 民法典 art. 561's order holds 「除当事人另有约定外」,
  and the agreement is that 约定 (``allocation_clause``).
- Interest runs on the unpaid principal only, never on interest or penalties
  (法释〔2020〕17号 art. 27 limits what interest may be turned into principal); an agreed
  rate between private lenders stays within 4 × the one-year LPR (art. 25).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from pydantic import Field

from docgen.documents.base import RuleOptions
from docgen.documents.court_names import not_a_court_problem
from docgen.documents.forum_scope import FORUM_HINT, check_forum_scope, dispute_scope, prevails
from docgen.documents.guardian_rules import ratifiable
from docgen.documents.letter_capacity import ratification_of
from docgen.documents.parts import ContractBasis, DebtAmounts, RateInput, ResolvedAmounts
from docgen.documents.problems import Assessment, Loc
from docgen.domain import divisions as division_table
from docgen.domain.cap_rates import cap_percent
from docgen.domain.courts import SPC_2021, court_for, covers, intermediate_threshold, read_court
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Phone, ShortText, Text
from docgen.domain.guardianship import delivery_fields
from docgen.domain.lpr import LprNotAvailable, format_percent
from docgen.domain.money import format_yuan
from docgen.domain.parties import Party, Person

ART_35 = "《中华人民共和国民事诉讼法》第三十五条"


class Jurisdiction(CaseModel):
    """Where disputes go."""

    kind: Literal["creditor_domicile", "signing_place", "court", "arbitration"] = Field(
        default="creditor_domicile",
        title="争议解决",
        description=FORUM_HINT,
        json_schema_extra={
            "enum_titles": ["甲方住所地人民法院", "本协议签订地人民法院", "指定人民法院", "仲裁"]
        },
    )
    court: Line | None = Field(
        default=None,
        title="人民法院名称",
        description="须为与争议有实际联系的地点的法院，如一方住所地、签订地",
        json_schema_extra=shown_when("kind", "court"),
    )
    arbitration_body: Line | None = Field(
        default=None, title="仲裁机构", json_schema_extra=shown_when("kind", "arbitration")
    )


class ServiceAddress(CaseModel):
    """Where a party accepts notices and court documents (送达地址)."""

    address: Text = Field(title="送达地址")
    phone: Phone | None = Field(default=None, title="联系电话")
    email: ShortText | None = Field(
        default=None, title="电子邮箱", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )


# --- jurisdiction ---------------------------------------------------------------------


def check_jurisdiction(
    result: Assessment,
    j: Jurisdiction,
    signing_place: str | None,
    parties: list[Party],
    amount: Decimal,
    scope: tuple[str, str] | None = None,
) -> None:
    """The chosen forum is named, and a named court is one the parties may agree on;
    ``scope`` (the document's name, the original contract's): the signing place's court
    keeps to the document's disputes (``forum_scope.check_forum_scope``)."""
    if scope is not None:
        document, contract = scope
        at_signing = j.kind == "signing_place"
        check_forum_scope(result, ("jurisdiction", "kind"), at_signing, contract, document)
    if j.kind == "court" and not j.court:
        result.error(("jurisdiction", "court"), "missing", "请填写约定管辖的人民法院名称")
    if j.kind == "arbitration" and not j.arbitration_body:
        result.error(("jurisdiction", "arbitration_body"), "missing", "请填写仲裁机构名称")
    if j.kind == "signing_place" and not signing_place:
        result.error(("signing_place",), "missing", "约定由签订地法院管辖时，请填写签订地点")
    if j.kind == "court" and j.court:
        places = [(f"{p.name}住所地", p.address) for p in parties]
        if signing_place:
            places.append(("签订地", signing_place))
        check_agreed_court(result, j.court, places, amount)


def check_agreed_court(
    result: Assessment, name: str, places: list[tuple[str, str]], amount: Decimal
) -> None:
    """An agreed court exists, may hear the claim at first instance and has a connection."""
    loc: Loc = ("jurisdiction", "court")
    if not name.endswith("人民法院"):
        hint = not_a_court_problem(name)[1]  # the full names a short one may stand for
        result.error(loc, "not_a_court", "法院名称应写全称，以“人民法院”结尾", hint=hint)
        return
    table = division_table.load()
    court = read_court(name, table)
    if court.level in ("supreme", "high"):
        result.error(
            loc,
            "court_level",
            f"{name}不审理普通民事纠纷的第一审案件，协议管辖不得违反级别管辖的规定"
            f"（{ART_35}、第二十条、第二十一条）",
        )
        return
    if court.level == "special":
        result.warn(
            loc,
            "court_not_checked",
            f"{name}为专门法院或开发区法院，其管辖范围未能按行政区划核对，请人工核实",
        )
        return
    if court.place is None:
        what = "有多个同名行政区划，请写明所在省、市" if court.ambiguous else "不是现行行政区划名称"
        message = f"「{court.place_text}」{what}（GB/T 2260），法院名称可能有误"
        result.error(loc, "court_unknown", message)
        return
    if court.level == "intermediate" and amount < intermediate_threshold(True):
        result.error(
            loc,
            "court_level",
            f"欠款人民币{format_yuan(amount)}元未达到中级人民法院管辖第一审民事案件的标准"
            f"（{SPC_2021}），协议管辖不得违反级别管辖的规定（{ART_35}），请约定基层人民法院",
        )
        return
    located = [(what, table.locate(address)) for what, address in places]
    counties = [(what, d) for what, d in located if d is not None and d.level == "county"]
    if not counties or any(covers(court, d) for _, d in counties):
        return  # no place could be read: nothing to compare with
    reasons: dict[str, list[str]] = {}
    for what, d in counties:
        reasons.setdefault(court_for(d, table), []).append(what)
    options = "、".join(f"{c}（{'、'.join(whats)}）" for c, whats in reasons.items())
    result.error(
        loc,
        "court_no_connection",
        f"{name}不在任何一方住所地或签订地：协议管辖只能选择与争议有实际联系的地点的"
        f"人民法院（{ART_35}）；可选择：{options}",
    )


def jurisdiction_text(
    j: Jurisdiction,
    signing_place: str | None,
    document: str = "本协议",
    parties: str = "各方",
    contract: str | None = None,
) -> str:
    """The dispute clause, as one sentence: for the disputes of ``document`` and of the
    original ``contract``, where the forum may take both (``forum_scope``)."""
    contract = None if j.kind == "signing_place" else contract
    scope, last = dispute_scope(document, contract), prevails(document, contract)
    if j.kind == "arbitration":
        return f"{scope}，{parties}协商不成的，提交{j.arbitration_body}仲裁{last}。"
    court = {
        "creditor_domicile": "甲方住所地人民法院",
        "signing_place": f"{document}签订地（{signing_place}）人民法院",
        "court": j.court or "",
    }[j.kind]
    return f"{scope}，{parties}协商不成的，任何一方均可向{court}提起诉讼{last}。"


def service_context(role: str, party: Party, given: ServiceAddress | None) -> dict[str, str]:
    """A party's service address: the one given, else its domicile and phone. A ward's is
    its guardian's, to the guardian's hands (「…301室（法定代理人李四收）」): the guardian
    acts for the ward as its 法定代理人 (民法典 art. 23; 民事诉讼法 art. 60), as the ward's
    letters are sent to the guardian."""
    sent_to = delivery_fields(party.model_dump(mode="json"))  # where its letters go
    address, phone = sent_to["address"], sent_to["phone"]
    guardian = party.guardian if isinstance(party, Person) else None
    if guardian is not None:
        address += f"（法定代理人{guardian.name}收）"
    if given is not None:
        address, phone = given.address, given.phone or phone
    email = given.email if given and given.email else ""
    return {"role": role, "name": party.name, "address": address, "phone": phone, "email": email}


# --- interest -------------------------------------------------------------------------


def principal_of(debt: DebtAmounts, resolved: ResolvedAmounts) -> Decimal:
    """The confirmed principal: the principal components of the debt."""
    return sum(
        (
            v
            for c, v in zip(debt.components, resolved.amounts, strict=True)
            if c.kind == "principal"
        ),
        Decimal(0),
    )


@dataclass(frozen=True)
class StatedRate:
    """A rate the agreement states: the rate, its field and what it is for (in messages)."""

    rate: RateInput
    loc: Loc
    what: str


def check_rate_cap(
    result: Assessment, stated: StatedRate, origin: ContractBasis, on: date, options: RuleOptions
) -> Decimal | None:
    """The annual rate of ``stated.rate`` on ``on``; an error when it cannot be computed, is
    negative or, between private lenders, exceeds the cap (法释〔2020〕17号 art. 25)."""
    rate, loc, what = stated.rate, stated.loc, stated.what
    try:
        annual, _ = rate.spec().annual_percent_on(on, options.lpr_table)
    except (ValueError, LprNotAvailable) as exc:
        result.error(loc, "rate_not_computable", str(exc))
        return None
    if annual < 0:
        result.error(loc, "negative_rate", "利率不能为负数")
        return None
    if origin.kind != "private_lending":
        return annual
    try:
        cap = cap_percent(origin.signed_on, on, options.lpr_table)
    except LprNotAvailable as exc:
        result.error(loc, "rate_not_computable", str(exc))
        return None
    if annual > cap.annual_percent:
        result.error(
            loc,
            "above_legal_cap",
            f"{what}年利率{format_percent(annual)}%超过民间借贷利率上限（{cap.label}）：{cap.basis}",
        )
    return annual


def installment_interest(first_from: str) -> str:
    """When each installment's interest runs and is paid: the first from ``first_from``
    (a date, or 该日 where the sentence has just named it), each later one from the day
    after the previous due date, to its own due date (counted), paid with it."""
    return (
        f"第一期利息自{first_from}起、以后各期自上一期还款日的次日起计至本期还款日（含当日），"
        "随本期款项一并支付"
    )


def allocation_clause(
    name: str, amounts_clause: str, each: bool = True, later: str | None = None
) -> str:
    """The order in which the agreement applies each payment, stated as what the parties
    agree: the costs of enforcing the claim the debtor bears, the confirmed interest,
    penalties and the like, the interest agreed for the time after (``later``: 「本条约定的
    分期期间利息」, 「本项约定的利息」, when there is one), then the principal. 民法典
    art. 561 sets 实现债权的有关费用、利息、主债务 「除当事人另有约定外」: the agreement is
    that 约定, so its order is stated plainly, costs first as the statute puts them, and
    not cited to the statute as if the statute imposed it (before 2026-12: 「…先抵充…，
    再抵充本金（《中华人民共和国民法典》第五百六十一条）」, which left the costs out and
    read as the statutory default the agreement itself displaces). ``name`` is the
    principal as the amounts table names it, ``amounts_clause`` the clause confirming the
    amounts as the document cites it (``domain.clauses``: 第一条, 本确认书第一项); ``each``:
    paid in installments (每期), else at once."""
    paid = "每期所还款项" if each else "所还款项"
    steps = [
        "甲方为实现债权支出的、依约应由乙方负担的费用",
        f"{amounts_clause}确认的利息、违约金等{name}以外的款项",
        *([later] if later else []),
        name,
    ]
    numbered = "；".join(f"（{n}）{step}" for n, step in zip("一二三四", steps, strict=False))
    return f"乙方{paid}按下列顺序抵充：{numbered}。"


def day_after(day: date) -> str:
    """``day`` + 1, formatted: interest after a cut-off starts the next day."""
    return format_cn(day + timedelta(days=1))


def guardian_ratifies(debtor: Party, contract: ContractBasis, document: str) -> str:
    """「乙方法定代理人张建国代理乙方签署本确认书，并追认乙方于2025年1月10日签订的《借款合同》。」
    where the guardian signs ``document`` for a debtor whose contract awaits ratification;
    empty otherwise."""
    if not isinstance(debtor, Person) or debtor.guardian is None:
        return ""
    if not ratifiable(debtor, contract.signed_on):
        return ""
    ratifies = ratification_of("乙方", contract.signed_on, contract.name)
    return f"乙方法定代理人{debtor.guardian.name}代理乙方签署{document}，并{ratifies}。"
