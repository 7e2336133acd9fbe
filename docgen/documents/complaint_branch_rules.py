"""A defendant that is a legal person's branch (分公司, a bank's 分行 or 支行 …): it may be
sued, but the company answers for it.

The law:

- 民诉法解释 art. 52(5), (6): a branch set up according to law and holding a business
  licence is an 「其他组织」 that may be a party (item (6): the branches of commercial banks
  and other financial institutions);
- 民法典 art. 74(2): a branch acts in its own name, and the liability that arises is the
  legal person's; it may first be met from the property the branch manages, the legal
  person answering for the rest;
- 公司法 (2023) art. 13(2): 分公司不具有法人资格，其民事责任由公司承担; 商业银行法
  art. 22(2) says the same of a commercial bank's branches (其民事责任由总行承担);
- 《最高人民法院关于民事执行中变更、追加当事人若干问题的规定》 art. 15(1): a branch that
  cannot pay a judgment against it lets the creditor have the legal person added in
  enforcement — a later step the creditor avoids by suing the company now.

Texts as quoted on public copies (searched 2026-12): art. 74(2) with its commentary on
madecom.cn and zt-lawfirm.com; 公司法 art. 13 (2023, formerly art. 14) on 91guquan.com;
art. 52 and 商业银行法 art. 22 on tieqiaolawyer.com and coolfantasy.net; the enforcement
rule's art. 15 on tieqiaolawyer.com and fawu.work.

So a branch sued alone is lawful and is a warning, not an error: the complaint is told to
name the company beside it. Nothing is said where a defendant already is the company (its
name begins the branch's). A plaintiff branch (a bank's 支行 suing on its loan) is not
concerned: a branch may sue in its own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.problems import Assessment
from docgen.domain.parties import Organization

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

BRANCH_SUFFIXES = ("分公司", "分行", "支行", "分理处", "营业部", "分店", "分厂")
"""How a branch's name ends: 「上海某某有限公司北京分公司」,
「中国工商银行股份有限公司北京东城支行」."""
BANK_SUFFIXES = ("分行", "支行", "分理处")


def branch_suffix(name: str) -> str | None:
    """The word that marks ``name`` as a branch's, or None."""
    bare = name.strip()
    return next((s for s in BRANCH_SUFFIXES if bare.endswith(s)), None)


def head_office(name: str, suffix: str) -> str | None:
    """The company a branch's name begins with (up to its last 「公司」 or 「银行」), or None."""
    bare = name.strip()[: -len(suffix)]
    ends = [bare.rfind(word) + len(word) for word in ("公司", "银行") if word in bare]
    return bare[: max(ends)] if ends else None


@dataclass(frozen=True)
class AnsweringCompany:
    """A defendant company sued beside its own branch, the debtor: the company answers
    for the branch's debt (民法典 art. 74(2)) and is no second buyer or borrower."""

    company: str
    branch: str
    bank: bool

    @property
    def law(self) -> str:
        """The article that puts the branch's liability on the company, in full."""
        if self.bank:
            return "《中华人民共和国商业银行法》第二十二条第二款"
        return "《中华人民共和国公司法》第十三条第二款"

    def fact(self) -> str:
        """「被告…上海分公司不具有法人资格，其民事责任由被告…承担（…）。」"""
        return (
            f"被告{self.branch}不具有法人资格，其民事责任由被告{self.company}承担"
            f"（《中华人民共和国民法典》第七十四条第二款、{self.law}）。"
        )

    def claim(self, covered: str) -> str:
        """The company ordered to answer for the branch's debt, not to pay it beside it."""
        return f"判令被告{self.company}对被告{self.branch}的上述{covered}债务承担清偿责任；"


def answering_companies(case: CivilComplaint) -> list[AnsweringCompany]:
    """Each defendant company (no branch itself) whose name begins the name of a branch
    sued as the debtor: the company that set the branch up (the detection of
    :func:`check_branch_defendants`)."""
    debtors = [
        d.party.name
        for d in case.defendants
        if d.role == "borrower" and isinstance(d.party, Organization)
    ]
    found: list[AnsweringCompany] = []
    for d in case.defendants:
        name = d.party.name
        if d.role == "guarantor" or not isinstance(d.party, Organization) or branch_suffix(name):
            continue
        for branch in debtors:
            suffix = branch_suffix(branch)
            if suffix is not None and branch != name and branch.startswith(name):
                found.append(AnsweringCompany(name, branch, suffix in BANK_SUFFIXES))
                break
    return found


def company_claims(case: CivilComplaint) -> list[str]:
    """What an element form's 其他请求 adds for each company sued beside its branch."""
    return [
        f"被告{a.company}对被告{a.branch}的上述债务承担清偿责任" for a in answering_companies(case)
    ]


def company_facts(case: CivilComplaint) -> list[str]:
    """Why each such company answers (民法典 art. 74(2)), as the facts state it."""
    return [a.fact().rstrip("。") for a in answering_companies(case)]


def check_branch_defendants(result: Assessment, case: CivilComplaint) -> None:
    """Warn of each branch sued without the company that answers for it."""
    organisations = [d.party.name for d in case.defendants if isinstance(d.party, Organization)]
    for i, defendant in enumerate(case.defendants):
        party = defendant.party
        suffix = branch_suffix(party.name) if isinstance(party, Organization) else None
        if suffix is None or not isinstance(party, Organization):
            continue
        head = head_office(party.name, suffix)
        if any(
            other != party.name and branch_suffix(other) is None and party.name.startswith(other)
            for other in organisations
        ):
            continue
        bank = suffix in BANK_SUFFIXES
        items = "第（五）项、第（六）项" if bank else "第（五）项"
        company = "总行" if bank else "公司"
        special = (
            "；《中华人民共和国商业银行法》第二十二条第二款：商业银行分支机构不具有法人资格，"
            "其民事责任由总行承担"
            if bank
            else "；《中华人民共和国公司法》第十三条第二款：分公司不具有法人资格，"
            "其民事责任由公司承担"
        )
        title = (
            "；分支机构由其负责人进行诉讼，「职务」请填写「负责人」"
            if party.representative_title == "法定代表人"
            else ""
        )
        result.warn(
            ("defendants", i, "party", "name"),
            "branch_defendant",
            f"被告{party.name}是法人的分支机构：依法设立并领取营业执照的分支机构可以作为当事人"
            f"（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五十二条{items}），"
            "但不具有法人资格，其民事责任由法人承担，也可以先以该分支机构管理的财产承担，"
            f"不足以承担的，由法人承担（《中华人民共和国民法典》第七十四条第二款{special}）。"
            f"起诉状未将设立该分支机构的{company}列为被告，判决只及于分支机构，"
            "其财产不足清偿时须在执行中申请追加"
            "（《最高人民法院关于民事执行中变更、追加当事人若干问题的规定》第十五条第一款）",
            hint=f"请将{head or '设立该分支机构的' + company}列为共同被告，诉讼地位与该分支机构相同"
            f"{title}",
        )
