"""The civil complaint's claims on the security for the debt: the secured creditor's claim
to be paid first from the mortgaged or pledged property (优先受偿), and how far a guarantor
is claimed against beside it.

The law:

- 民法典 art. 394 (mortgage) and art. 425 (pledge of movables): where the debtor does not
  perform, the creditor is entitled to be paid first from the property (有权就该财产优先
  受偿); the debtor or the third person who gives it is the 抵押人 / 出质人, the property
  the 抵押财产 / 质押财产. Art. 410 (mortgage) and art. 436(2) (pledge): the property is
  converted into money (折价) or auctioned or sold (拍卖、变卖) and the creditor paid first
  from the proceeds; art. 413: what is left over goes back to the mortgagor, what is
  still owed is the debtor's. The claim is therefore worded as courts word the order:
  「…折价或者拍卖、变卖所得的价款…优先受偿」.
- 民法典 art. 420 (maximum mortgage; art. 439 applies it to a maximum pledge): paid first
  within the maximum amount only (在最高债权额限度内).
- 法释〔2020〕28号 (担保制度解释) art. 45(3): a creditor who enforces a security interest by
  suit sues the debtor and the security provider together (应当以债务人和担保人作为共同被告):
  the court can order nothing on the property of a provider who is not a defendant.
- 民法典 art. 392: a debt secured both by property and by a guarantor is enforced in the
  agreed order; without one (or an unclear one), where the debtor itself gave the
  property, the creditor first enforces that security, so the guarantor answers only for
  what it leaves unpaid; where a third person gave it, the creditor may choose.
- 民法典 art. 687 (一般保证): the general guarantor answers for what enforcement against
  the debtor's property (the collateral included) leaves unpaid — worded as before.
- 民法典 art. 429: a pledge of movables is created when the pledgor delivers the property
  (质权自出质人交付质押财产时设立); no registration creates it. A pledge of a right is
  created by the kind of right (arts. 441–445): 汇票、本票、支票、债券、存款单、仓单、提单
  when the certificate is delivered to the pledgee (质权自权利凭证交付质权人时设立), or,
  where there is no certificate, on registration (art. 441); fund shares and equity
  (art. 443), the property rights in intellectual property (art. 444) and receivables
  (art. 445) on registration only (质权自办理出质登记时设立). A pledge is of a right when
  its property is named as one (:data:`PLEDGED_RIGHTS`), else of a movable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.complaint_beneficium import answers_at_once, direct_exception
from docgen.documents.complaint_guarantee_scope import guaranteed_words
from docgen.documents.complaint_parts import ORDER_LABELS, SECURITY_LABELS, Collateral
from docgen.documents.complaint_security_scope import scope_sentence, secured_scope
from docgen.documents.problems import Loc
from docgen.domain.dates import format_cn
from docgen.domain.guarantee import claim_within_maximum
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

PROPERTY_WORDS = {"mortgage": "抵押财产", "pledge": "质押财产"}
"""The property as 民法典 arts. 394(2) and 425(2) name it."""
SECURITY_ARTICLES = {
    "mortgage": ("第三百九十四条", "第四百一十条"),
    "pledge": ("第四百二十五条", "第四百三十六条"),
}
MAXIMUM_ARTICLES = {"mortgage": "第四百二十条", "pledge": "第四百三十九条"}
ORDER_ARTICLE = "第三百九十二条"
SCOPE_ARTICLE_NUMBER = "第三百八十九条"
FIXING_ARTICLE = "第四百二十三条"
# words of a property description that name land or a building (民法典 art. 395(1)(一)-(三), (五))
IMMOVABLE = re.compile(r"不动产|房产|房屋|房地产|土地|建设用地|宅基地|商铺|厂房|在建|楼|室")
JOINT_SUIT = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第四十五条第三款"


@dataclass(frozen=True)
class PledgedRight:
    """A kind of right pledged (民法典 arts. 440–445) and what creates its pledge."""

    name: str
    """The kind as the code names it: 「基金份额、股权」."""
    article: str
    certificate: bool
    """Created by delivering its certificate (art. 441), else by registration alone."""
    words: re.Pattern[str]
    """Words of a property description that name this kind of right."""


PLEDGED_RIGHTS = (
    PledgedRight(
        "汇票、本票、支票、债券、存款单、仓单、提单",
        "第四百四十一条",
        True,
        re.compile(r"汇票|支票|本票|债券|存款单|存单|仓单|提单"),
    ),
    PledgedRight("基金份额、股权", "第四百四十三条", False, re.compile(r"基金份额|股权|股份|股票")),
    PledgedRight(
        "注册商标专用权、专利权、著作权等知识产权中的财产权",
        "第四百四十四条",
        False,
        re.compile(r"商标|专利|著作权|知识产权"),
    ),
    PledgedRight("应收账款", "第四百四十五条", False, re.compile(r"应收账款|收费权|收益权")),
)
"""The rights a pledge may be of (民法典 arts. 441, 443–445; art. 440 lists them), in the
order a description is read: a 存单 or 仓单 is a certificate before anything else."""


def pledged_right(collateral: Collateral) -> PledgedRight | None:
    """The kind of right a pledge is of, or None (a mortgage, or a movable's pledge)."""
    if collateral.kind != "pledge":
        return None
    return next((r for r in PLEDGED_RIGHTS if r.words.search(collateral.property)), None)


def movable_pledge(collateral: Collateral) -> bool:
    """A pledge of movables (动产质押, created by delivery: 民法典 art. 429), not of a right."""
    return collateral.kind == "pledge" and pledged_right(collateral) is None


@dataclass(frozen=True)
class Security:
    """The mortgage or pledge the case states, and who of the defendants gave it."""

    where: Loc
    collateral: Collateral
    providers: tuple[str, ...]
    """The defendants the collateral's ``provider`` names, as the defendants are named."""
    not_sued: tuple[str, ...]
    """The names in ``provider`` that are no defendant's."""
    debtor_owned: bool
    """A borrower defendant gave the property (民法典 art. 392: the debtor's own)."""

    @property
    def created(self) -> bool:
        """The security right exists: a mortgage of land or a building only once
        registered (民法典 art. 402; the contract alone binds, art. 215, but gives no
        priority); a movable's mortgage by the contract (art. 403); a movable's pledge on
        delivery (art. 429), so not where it is stated undelivered; a certificate's pledge
        on delivering it, or registered where there is none (art. 441), so not where it is
        neither delivered nor registered; a pledge of equity, fund shares, intellectual
        property or receivables on registration only (arts. 443–445)."""
        held = self.collateral
        right = pledged_right(held)
        registered = held.registration != "none"
        if held.kind == "pledge" and right is None:
            return held.delivered is not False
        if right is not None:
            return registered or (right.certificate and held.delivered is not False)
        return not (
            held.kind == "mortgage"
            and held.registration == "none"
            and IMMOVABLE.search(held.property) is not None
        )

    @property
    def claimable(self) -> bool:
        """The right exists and every provider is a defendant, so the court can order on
        the property."""
        return self.created and bool(self.providers) and not self.not_sued

    @property
    def property_word(self) -> str:
        return PROPERTY_WORDS[self.collateral.kind]


def _names(provider: str) -> list[str]:
    """The persons a ``provider`` line names: 「王磊、张丽」 is two of them."""
    return [part.strip() for part in re.split(r"[、，,；;]", provider) if part.strip()]


def stated_security(case: CivilComplaint) -> Security | None:
    """The case's mortgage or pledge (the loan's, the sale's or the card's), or None."""
    for name, facts in (("loan", case.loan), ("sale", case.sale), ("card", case.card)):
        if facts is None or facts.collateral is None:
            continue
        collateral = facts.collateral
        providers: list[str] = []
        not_sued: list[str] = []
        debtor = False
        for part in _names(collateral.provider or ""):
            match = next(
                (d for d in case.defendants if part == d.party.name or d.party.name in part),
                None,
            )
            if match is None:
                not_sued.append(part)
                # the debtor left out of a suit against its guarantor (complaint_guarantor_alone)
                debtor = debtor or part == (case.non_party_debtor or "").strip()
                continue
            providers.append(match.party.name)
            debtor = debtor or match.role == "borrower"
        return Security(
            (name, "collateral"),
            collateral,
            tuple(dict.fromkeys(providers)),
            tuple(not_sued),
            debtor,
        )
    return None


def guarantor_after_security(security: Security | None) -> bool:
    """Whether a joint guarantor is claimed against only for what the property leaves
    unpaid: as agreed, else (民法典 art. 392) when the debtor itself gave the property."""
    if security is None or not security.created:
        return False  # no security right: nothing answers before the guarantor
    order = security.collateral.agreed_order
    if order is not None:
        return order == "security_first"
    return security.debtor_owned


def _within_maximum(collateral: Collateral) -> str:
    if collateral.maximum_amount is None:
        return ""
    return f"最高债权额人民币{format_yuan(collateral.maximum_amount)}元限度内"


def priority_words(security: Security, plaintiffs: str, scope: str) -> str:
    """「原告…有权以被告…提供的抵押财产（…）折价或者拍卖、变卖所得的价款在…优先受偿」: the
    creditor's right to be paid first from the property (民法典 arts. 394, 410; 425,
    436(2); 420), within ``scope`` (the claims it secures) and the maximum amount, if any.
    The court declares the plaintiff's right (判令原告…有权…); it orders the plaintiff to
    do nothing."""
    collateral = security.collateral
    limit = _within_maximum(collateral)
    return (
        f"{plaintiffs}有权以被告{'、'.join(security.providers)}提供的{security.property_word}"
        f"（{collateral.property.rstrip('。')}）折价或者拍卖、变卖所得的价款在{scope}范围内"
        f"{'、' + limit if limit else ''}优先受偿"
    )


def priority_claim(case: CivilComplaint, plaintiffs: str) -> str | None:
    """The narrative complaint's claim to be paid first from the property, within the
    numbered claims it secures and what they are (「上述第1至3项、第5项债权（主债权及其利息）」,
    民法典 art. 389: complaint_security_scope); None where no defendant's property can be
    ordered."""
    security = stated_security(case)
    if security is None or not security.claimable:
        return None
    scope = secured_scope(case, security.collateral)
    within = f"上述{scope.items}债权（{scope.what}）"
    return f"判令{priority_words(security, plaintiffs, within)}；"


def left_unpaid(case: CivilComplaint) -> str:
    """「原告就抵押财产优先受偿后不足清偿的部分」 where a joint guarantor (or a general one
    under an exception of art. 687(2): complaint_beneficium.answers_at_once) is claimed
    against for that part only (民法典 art. 392), else ""."""
    security = stated_security(case)
    if security is None or not guarantor_after_security(security):
        return ""
    return f"原告就{security.property_word}优先受偿后不足清偿的部分"


def form_security_claims(case: CivilComplaint) -> str:
    """The 要素式 form's 「是否主张担保权利」 content: the claim on the property, then each
    guarantor's, as the narrative complaint claims them ("" when none is claimed)."""
    security = stated_security(case)
    claims: list[str] = []
    if security is not None and security.claimable:
        scope = secured_scope(case, security.collateral)
        claims.append(priority_words(security, "原告", scope.what))
    unpaid = left_unpaid(case)
    for d in case.defendants:
        guarantee = d.guarantee
        if d.role != "guarantor" or guarantee is None:
            continue
        part = f"对{unpaid}" if unpaid and answers_at_once(guarantee) else ""
        # 连带保证责任 / 一般保证责任: the liability, not the type's name (连带责任保证) again;
        # a general guarantor under an exception of 民法典 art. 687(2) 承担保证责任 without
        # the limit of 担保制度解释 art. 26(2) (complaint_beneficium)
        liability = {"joint": "连带保证", "general": "一般保证"}[guarantee.resolved_type]
        if direct_exception(guarantee) is not None:
            liability = "保证"
        within, limit = guaranteed_words(case, d), claim_within_maximum(guarantee)
        if within and limit:
            limit = "、" + limit.removeprefix("在")  # 「在主债权范围内、最高债权额…限度内」
        claims.append(f"被告{d.party.name}{part}{within}{limit}承担{liability}责任")
    return "；".join(claims)


def agreed_order_words(collateral: Collateral) -> str | None:
    """「合同约定债权人可直接要求保证人承担保证责任（《…》第六条：…）」: the agreed order
    of enforcing the property and the guarantee (民法典 art. 392), None when none agreed."""
    if collateral.agreed_order is None:
        return None
    clause = collateral.enforcement_order
    return f"合同约定{ORDER_LABELS[collateral.agreed_order]}" + (
        f"（{clause.rstrip('。')}）" if clause else ""
    )


def security_fact(case: CivilComplaint) -> str | None:
    """事实与理由's sentence on the mortgage or pledge: who gave what, its maximum, its
    registration, and the agreed order of enforcement, if any."""
    security = stated_security(case)
    if security is None:
        return None
    held = security.collateral
    who = "、".join([f"被告{name}" for name in security.providers] + list(security.not_sued))
    kind = SECURITY_LABELS[held.kind]
    when = f"{format_cn(held.signed_on)}，" if held.signed_on else ""
    text = f"{when}{who}以{held.property.rstrip('。')}为上述债务提供{kind}担保"
    if held.maximum_amount is not None:
        fixed = f"，担保债权的确定时间为{format_cn(held.fixed_on)}" if held.fixed_on else ""
        text += f"（最高额{kind}，最高债权额人民币{format_yuan(held.maximum_amount)}元{fixed}）"
    text += _created_by(held, security.created) + "。"
    if held.maximum_amount is not None and held.fixing is not None:
        # fixed before the agreed time (民法典 art. 423)
        text += f"该最高额{kind}担保的债权{held.fixing.words(held.kind)}。"
    text += scope_sentence(held)
    order = agreed_order_words(held)
    if order is not None:
        text += order + "。"
    return text


def _created_by(held: Collateral, created: bool) -> str:
    """What created the security, as 事实与理由 tells it: a movable's pledge by delivery
    (art. 429), a certificate's by delivering it or registration where there is none
    (art. 441), other rights' pledges and mortgages by registration."""
    right = pledged_right(held)
    registered = held.registration != "none"
    if movable_pledge(held) or (right is not None and right.certificate and not registered):
        what = "质押财产" if right is None else "权利凭证"
        if held.delivered is None:
            return ""
        return f"，并已交付{what}" if held.delivered else f"，但{what}未交付"
    register = "抵押" if held.kind == "mortgage" else "出质"
    if registered:
        return f"，并办理了{register}{'预告' if held.registration == 'advance' else ''}登记"
    return "" if created else f"，但未办理{register}登记"


RIGHT_PLEDGE_ARTICLES = ("第四百三十六条", "第四百四十条", "第四百四十六条")
"""A right's pledge: the rights that may be pledged (art. 440), the movable pledge's rules
applied to it (art. 446), among them being paid first from the proceeds (art. 436(2))."""


def security_articles(case: CivilComplaint) -> list[str]:
    """The 民法典 articles the security claims rest on, in the code's order: art. 392
    where a guarantor is sued beside the property, the articles of the claim on the
    property (and of its maximum, if any, with art. 423 where its claims were fixed
    early)."""
    security = stated_security(case)
    if security is None or not security.claimable:
        return []
    kind = security.collateral.kind
    right = pledged_right(security.collateral)
    articles = list(SECURITY_ARTICLES[kind])
    if right is not None:
        articles = [*RIGHT_PLEDGE_ARTICLES, right.article]
    if secured_scope(case, security.collateral).narrowed:
        articles.append(SCOPE_ARTICLE_NUMBER)  # the claim within the scope as agreed
    if security.collateral.maximum_amount is not None:
        articles.append(MAXIMUM_ARTICLES[kind])
        if security.collateral.fixing is not None:
            articles.append(FIXING_ARTICLE)  # the claims fixed early
    if any(d.role == "guarantor" and d.guarantee is not None for d in case.defendants):
        articles.insert(0, ORDER_ARTICLE)
    return articles
