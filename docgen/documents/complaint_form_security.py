"""The element-based complaint forms' items on the security for the debt (要素式,
法〔2025〕82号): the property's security contract, its provider and property, whether it is
a maximum one and registered (or, for a pledge, delivered), the guarantee contract with
its guarantors, terms and 保证方式, and any other security — numbered where each form
places them. Built from the cells ``complaint_form_parts`` shares with the other items."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from docgen.documents.complaint_form_parts import Row, box, day, money, val, yes_no
from docgen.documents.complaint_parts import GUARANTEE_LABELS, REGISTRATION_LABELS, Collateral
from docgen.documents.complaint_security import (
    agreed_order_words,
    movable_pledge,
    pledged_right,
)
from docgen.documents.complaint_text import boxes, names
from docgen.domain.dates import format_cn
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


class SecurityFacts(Protocol):
    """The security for the debt, as a loan's or a sale's facts state it."""

    @property
    def collateral(self) -> Collateral | None: ...
    @property
    def guarantee_contract(self) -> str | None: ...
    @property
    def guarantee_signed_on(self) -> date | None: ...
    @property
    def other_security(self) -> str | None: ...
    @property
    def other_security_on(self) -> date | None: ...


def security_rows(
    case: CivilComplaint, facts: SecurityFacts, first_no: int, *, guarantee: str = "保证合同"
) -> list[Row]:
    """The form's items on security, numbered from ``first_no``. Every form asks the
    guarantee's 签订时间, 保证人 and 主要内容 (「是□ 签订时间： 保证人： 主要内容：」); the
    民间借贷 form asks the 保证方式 within its guarantee item's 是 branch (``first_no`` 10),
    before 「□否」, the other forms as an item of its own. With no guarantor the answer is
    「■否」 alone: no 保证方式 to choose."""
    held = facts.collateral
    guarantors = [d for d in case.defendants if d.role == "guarantor" and d.guarantee]
    first = guarantors[0].guarantee if guarantors else None
    lending = case.contract.kind == "private_lending"
    signed = f"签订时间：{day(facts.guarantee_signed_on)}　"
    signed += f"保证人：{names([d.party for d in guarantors])}；主要内容：" + val(
        (first.contract if first else None) or facts.guarantee_contract
    )
    signed += _guarantee_terms(guarantors, held)
    ways = boxes(GUARANTEE_LABELS, first.resolved_type if first else None)
    if lending:  # the 是 branch's, before 「□否」: 「■是 签订时间：… 保证方式：… □否」
        signed += "；保证方式：" + ways
    other = facts.other_security
    n = first_no
    rows = [
        {
            "label": f"{n}. 是否签订物的担保（抵押、质押）合同",
            "value": yes_no(held is not None, _security_contract(held)),
        },
        {
            "label": f"{n + 1}. 担保人、担保物",
            "value": f"担保人：{val(held.provider if held else None)}；"
            f"担保物：{val(held.property if held else None)}",
        },
        {"label": f"{n + 2}. 是否最高额担保（抵押、质押）", "value": _maximum(held)},
        {"label": f"{n + 3}. 是否办理抵押、质押登记", "value": _registration(held)},
        {
            "label": f"{n + 4}. 是否签订{guarantee}",
            "value": yes_no(bool(guarantors), signed if guarantors else ""),
        },
    ]
    if not lending:
        rows.append({"label": f"{n + 5}. 保证方式", "value": ways})
    last = n + 5 if lending else n + 6
    rows.append(
        {
            "label": f"{last}. 其他担保方式",
            "value": yes_no(
                other is not None,
                f"形式：{other}　签订时间：{day(facts.other_security_on)}" if other else "",
            ),
        }
    )
    return rows


def _security_contract(held: Collateral | None) -> str:
    """When the security contract was signed, and the scope it agreed (民法典 art. 389)."""
    if held is None:
        return ""
    scope = f"；约定的担保范围：{held.scope.rstrip('。')}" if held.scope else ""
    return f"签订时间：{day(held.signed_on)}{scope}"


def _maximum(held: Collateral | None) -> str:
    """Whether the security is a maximum one, its fixing time (and the event that fixed
    it before then, 民法典 art. 423), its amount."""
    maximum = held is not None and held.maximum_amount is not None
    fixed = day(held.fixed_on if held else None)
    if held is not None and held.fixing is not None:
        fixed += f"（约定）；担保的债权{held.fixing.words(held.kind)}"
    return (
        yes_no(maximum if held else None)
        + f"；担保债权的确定时间：{fixed}；担保额度：{money(held.maximum_amount if held else None)}"
    )


def _registration(held: Collateral | None) -> str:
    """The registration of a mortgage or a right's pledge; for a movable's pledge, its
    delivery, which creates it (民法典 art. 429: no registration does); for a pledge of a
    certificate (汇票, 存单, 仓单 …) not registered, the certificate's delivery (art. 441)."""
    if held is not None and movable_pledge(held):
        return (
            "动产质押无须登记，质权自出质人交付质押财产时设立（《中华人民共和国民法典》"
            "第四百二十九条）；是否已交付质押财产：" + yes_no(held.delivered)
        )
    right = pledged_right(held) if held is not None else None
    if held is not None and right is not None and right.certificate and held.registration == "none":
        return (
            f"以{right.name}出质的，质权自权利凭证交付质权人时设立；没有权利凭证的，自办理出质"
            f"登记时设立（《中华人民共和国民法典》{right.article}）；是否已交付权利凭证："
            + yes_no(held.delivered)
        )
    registered = held is not None and held.registration != "none"
    registration = "　".join(
        box(held is not None and held.registration == key, label)
        for key, label in REGISTRATION_LABELS.items()
    )
    return yes_no(registered if held else None, registration if registered else "")


def _guarantee_terms(guarantors: list[Any], held: Collateral | None) -> str:
    """What the guarantee item adds to the contract's name: each maximum guarantee's
    amount and period (and the event that fixed its debts early), and the agreed order of
    enforcing the property and the guarantee (民法典 art. 392), on which a claim against
    the guarantor for the whole debt rests."""
    terms = []
    for d in guarantors:
        if d.guarantee_scope:  # 民法典 art. 691: as agreed
            terms.append(f"{d.party.name}约定的保证范围：{d.guarantee_scope.rstrip('。')}")
        maximum = d.guarantee.maximum
        if maximum is None:
            continue
        fixing = d.maximum_fixing
        terms.append(
            f"{d.party.name}最高额保证，最高债权额人民币{format_yuan(maximum.amount)}元，"
            f"债权确定期间{format_cn(maximum.period_start)}至{format_cn(maximum.period_end)}"
            + (f"，担保的债权{fixing.words('guarantee')}" if fixing else "")
        )
    order = agreed_order_words(held) if held is not None else None
    if order is not None:
        terms.append(f"实现担保的顺序：{order}")
    return "".join(f"；{t}" for t in terms)
