"""The laws a civil complaint relies on (事实与理由's closing sentence; the element forms'
请求承担责任的依据): as typed, or the articles the claims rest on, cited in the code's order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.combined_cap import OVERDUE_WORDS, is_enforcement_cost
from docgen.documents.complaint_branch_rules import answering_companies
from docgen.documents.complaint_causes import SALE_LOSS_BASIS
from docgen.documents.complaint_guarantee_scope import guaranteed_scope
from docgen.documents.complaint_minor import minor_articles
from docgen.documents.complaint_security import security_articles
from docgen.documents.contract_capacity import assent_articles
from docgen.documents.problems import Assessment
from docgen.domain.cap_rates import INTERPRETATION

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint


CIVIL_CODE = "《中华人民共和国民法典》"
LENDING_ARTICLES = ("第六百六十七条", "第六百七十四条", "第六百七十五条", "第六百七十六条")
CONTRACT_ARTICLES = ("第五百零九条", "第五百七十七条", "第五百七十九条")
SALE_PRICE_ARTICLE = "第六百二十六条"  # the buyer pays the price as agreed
PENALTY_ARTICLE = "第五百八十五条"  # an agreed 违约金, and performance after a delay penalty
GUARANTEE_ARTICLES = {"general": "第六百八十七条", "joint": "第六百八十八条"}
LENDING_RULE_ARTICLES = {
    "agreed": "第二十五条",  # interest at the agreed rate, within four times the LPR
    "overdue": "第二十八条",  # overdue interest: the agreed overdue rate, else the in-term rate
    "together": "第二十九条",  # overdue interest with 违约金 or other fees, capped together
}
"""The articles of 法释〔2020〕17号 a private lender's claims rest on (its title and number
are cap_rates.INTERPRETATION, the text every cap message cites)."""
BRANCH_LAWS = {
    False: "《中华人民共和国公司法》第十三条",
    True: "《中华人民共和国商业银行法》第二十二条",
}
"""The law that puts a branch's liability on its company (or a bank's on its head office)."""
CARD_RULES = "《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》（法释〔2021〕10号）第二条"
"""The card rules by number and article: art. 2 is the one on the issuer's claim to the
overdraft interest, 复利, 违约金 and fees as agreed (and the court's power to reduce them)."""
PROCEDURE_LAW = "《中华人民共和国民事诉讼法》第一百二十二条"


def legal_basis(case: CivilComplaint) -> list[str]:
    """The laws relied on: as typed, or the usual articles for the kind of debt."""
    if case.legal_basis:
        return list(case.legal_basis)
    kind = case.contract.kind
    lending = kind == "private_lending"
    # a bank's loan is a 借款合同 too (民法典 book III ch. 12), without the 民间借贷 rules
    loan = lending or kind == "financial_loan"
    articles = list(LENDING_ARTICLES if loan else CONTRACT_ARTICLES)
    if any(c.kind == "penalty" for c in case.amounts.components):
        # in the code's order: after 第五百七十九条, before the loan articles (第六百六十七条…)
        articles = [PENALTY_ARTICLE, *articles] if loan else [*articles, PENALTY_ARTICLE]
    if kind == "sale":
        articles.append(SALE_PRICE_ARTICLE)
    given = [d.guarantee for d in case.defendants if d.guarantee is not None]
    kinds = {g.resolved_type for g in given}
    if any(g.type == "not_stated" for g in given):
        articles.append("第六百八十六条")
    articles += [GUARANTEE_ARTICLES[g] for g in ("general", "joint") if g in kinds]
    if any(g.maximum is not None for g in given):
        articles.append("第六百九十条")
    if any(d.role == "guarantor" and guaranteed_scope(case, d) for d in case.defendants):
        articles.append("第六百九十一条")  # the guarantee's scope, as agreed
    companies = answering_companies(case)
    if companies:
        articles.append("第七十四条")  # a branch's liability is the legal person's
    if any(d.maximum_fixing is not None for d in case.defendants):
        articles.append("第四百二十三条")  # by art. 690(2): the guarantee's claims fixed early
    # a defendant found without full capacity is bound through the guardian (arts. 21–23, 145)
    articles += assent_articles(case)
    # a contract made as a minor binds through the guardian (arts. 19, 20, 23, 145)
    articles += minor_articles(case)
    cited = sorted(dict.fromkeys([*security_articles(case), *articles]), key=article_number)
    basis = [CIVIL_CODE + "、".join(cited)]
    rules = lending_rule_articles(case) if lending else []
    if rules:
        basis.append(INTERPRETATION + "、".join(rules))
    basis += list(dict.fromkeys(BRANCH_LAWS[c.bank] for c in companies))
    if kind == "credit_card":
        basis.append(CARD_RULES)
    if statutory_sale_loss(case):
        basis.append(SALE_LOSS_BASIS)
    return [*basis, PROCEDURE_LAW]


def statutory_sale_loss(case: CivilComplaint) -> bool:
    """A seller claims the loss from the price paid late where no penalty was agreed:
    measured by 买卖合同解释 art. 18(4), which the claim then rests on."""
    sale = case.sale
    if case.contract.kind != "sale" or sale is None or sale.penalty_agreed:
        return False
    interest = any(c.kind == "interest" for c in case.amounts.components)
    return interest or case.running_interest is not None


CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def article_number(article: str) -> int:
    """「第六百零九条」 → 609: the articles cited are listed in the code's order."""
    total = current = 0
    for char in article.removeprefix("第").removesuffix("条"):
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        elif char in CN_UNITS:
            total += (current or (1 if char == "十" else 0)) * CN_UNITS[char]
            current = 0
    return total + current


def lending_rule_articles(case: CivilComplaint) -> list[str]:
    """The articles of the private-lending rules the claims rest on: art. 25 for interest
    of the loan term, art. 28 for overdue interest, art. 29 when a 违约金 or another fee
    (not a cost of enforcing the claim) is claimed with it."""
    due = case.contract.due_date
    if case.acceleration is not None:
        due = min(due, case.acceleration.declared_on)
    in_term = overdue = False
    for c in case.amounts.components:
        if c.kind != "interest":
            continue
        last = c.as_of or case.amounts.as_of
        if c.calculation is not None:
            in_term = in_term or c.calculation.start <= due
            overdue = overdue or (c.calculation.end or last) > due
        elif any(word in c.display_label for word in OVERDUE_WORDS):
            overdue = True
        else:
            in_term, overdue = True, overdue or last > due
    running = case.running_interest
    if running is not None:
        overdue = overdue or running.start > due
    charged = any(
        c.kind == "penalty" or (c.kind == "fee" and not is_enforcement_cost(c))
        for c in case.amounts.components
    )
    uses = {"agreed": in_term, "overdue": overdue, "together": overdue and charged}
    return [article for use, article in LENDING_RULE_ARTICLES.items() if uses[use]]


def check_penalty_basis(result: Assessment, case: CivilComplaint) -> None:
    """A 违约金 claimed rests on 民法典 art. 585 (an agreed penalty); a legal basis typed by
    hand that leaves it out cites no ground for that claim. The default basis cites it."""
    if not case.legal_basis or any(PENALTY_ARTICLE in line for line in case.legal_basis):
        return
    penalties = [c.display_label for c in case.amounts.components if c.kind == "penalty"]
    if not penalties:
        return
    result.warn(
        ("legal_basis",),
        "penalty_article_missing",
        f"诉讼请求主张「{'」「'.join(dict.fromkeys(penalties))}」，而填写的法律依据未引用"
        f"{CIVIL_CODE}{PENALTY_ARTICLE}（当事人可以约定一方违约时应当支付的违约金）：该项请求"
        "没有写明所依据的法律",
        hint=f"请在法律依据中补充{CIVIL_CODE}{PENALTY_ARTICLE}，或清空「法律依据」由系统按案由列明",
    )
