"""The guarantor an installment agreement brings in (丙方), and the guarantors of the
original contract whom the agreement's new terms reach.

- Who may not guarantee (民法典 art. 683): a 机关法人 (save a State Council-approved
  on-lending of foreign government or international loans), and a non-profit legal person
  or unincorporated organisation serving public interests. The unified social credit
  code says who registered the organisation and its kind (GB 32100-2015: first character
  the registering department, second the kind — 11 机关, 12 事业单位, 13 群众团体 under the
  机构编制 department; 51 社会团体, 52 民办非企业单位, 53 基金会 under 民政). A 机关 is
  refused; the others are warned about (not all of them serve public interests).
- A company guarantees another's debt on a resolution of its board or shareholders'
  meeting as its articles say, of the shareholders' meeting when it guarantees a
  shareholder or its actual controller (公司法 2023 art. 15); a creditor who did not review
  the resolution cannot hold the company to a guarantee its legal representative signed
  beyond that power (担保制度解释, 法释〔2020〕28号, art. 7). Code 91 (企业) is warned about.
- The original contract's guarantors (民法典 art. 695): creditor and debtor changing the
  principal contract without a guarantor's written consent leave the guarantee period
  where it was (a new performance term does not move it) and the guarantor does not
  answer for what the change adds. An original guarantor who signs as 丙方 consents in
  writing, and the guarantee clause says so; one who does not sign is warned about.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.documents.problems import Assessment, Loc
from docgen.domain.parties import Organization, Party

CIVIL_CODE = "《中华人民共和国民法典》"
GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"


@dataclass(frozen=True)
class Resolution:
    """The field recording a company guarantor's board or shareholders' resolution, and
    what it says (its name, number, date), None when left empty."""

    loc: Loc
    text: str | None


_PUBLIC_KINDS = {
    "12": "事业单位",
    "13": "群众团体",
    "51": "社会团体",
    "52": "民办非企业单位",
    "53": "基金会",
}


def check_guarantor_kind(
    result: Assessment, guarantor: Party, loc: Loc, resolution: Resolution | None = None
) -> None:
    """A 机关 may not guarantee; a public-interest body may not either; a company needs a
    resolution — read from the organisation's unified social credit code. ``resolution``:
    the field where the agreement records the company's resolution and what it says; the
    company is warned about there while it says nothing."""
    if not isinstance(guarantor, Organization):
        return
    kind = guarantor.uscc[:2]
    name = guarantor.name
    if kind == "11":
        result.error(
            loc,
            "guarantor_not_allowed",
            f"{name}的统一社会信用代码表明其为机关（GB 32100-2015），机关法人不得为保证人"
            f"（{CIVIL_CODE}第六百八十三条第一款），其保证无效",
            hint="请更换保证人",
        )
    elif kind in _PUBLIC_KINDS:
        result.warn(
            loc,
            "guarantor_may_be_public_interest",
            f"{name}的统一社会信用代码表明其为{_PUBLIC_KINDS[kind]}（GB 32100-2015）：以公益为目的"
            f"的非营利法人、非法人组织不得为保证人（{CIVIL_CODE}第六百八十三条第二款）",
            hint="请核实其是否以公益为目的（如学校、医院、养老机构）；是的，请更换保证人",
        )
    elif kind == "91" and (resolution is None or not resolution.text):
        result.warn(
            resolution.loc if resolution else loc,
            "guarantee_resolution",
            f"{name}为企业：公司为他人提供担保，应按公司章程由董事会或者股东会决议，为股东或"
            "实际控制人提供担保的，应经股东会决议（《中华人民共和国公司法》第十五条）；债权人"
            f"未对决议进行合理审查的，法定代表人越权订立的担保对公司不发生效力（{GUARANTEE_RULES}"
            "第七条）",
            hint="签署前请取得并留存丙方的董事会或股东会决议及公司章程",
        )


def original_guarantors_signing(
    result: Assessment, names: list[str], guarantor: Party | None, contract: str
) -> bool:
    """True when 丙方 is one of the original contract's guarantors ``names``; each other
    one is warned about at ``origin_guarantors[i]`` (民法典 art. 695)."""
    signing = False
    for i, name in enumerate(names):
        if guarantor is not None and name.strip() == guarantor.name:
            signing = True
            continue
        warn_unconsented(result, i, f"《{contract}》的保证人{name}未作为丙方签署本协议")
    return signing


def warn_unconsented(
    result: Assessment,
    index: int,
    who: str,
    join: str = "作为丙方签署本协议",
    hint: str | None = None,
) -> None:
    """An original guarantor, ``origin_guarantors[index]`` (``who``: who, and that it has
    not signed), keeps its guarantee as it was: what the change does reaches it only with
    its written consent (民法典 art. 695); ``join``: how it could consent; ``hint``: what to
    do instead of the default."""
    result.warn(
        ("origin_guarantors", index),
        "original_guarantor_not_signing",
        f"{who}：未经保证人书面同意变更主债务的履行期限的，保证期间不受影响，仍自原约定的履行"
        "期限届满之日起计算；变更加重债务的，保证人对加重的部分不承担保证责任"
        f"（{CIVIL_CODE}第六百九十五条）",
        hint=hint or f"请在原保证期间内向该保证人主张保证责任，或请其{join}",
    )


def guarantor_consents(contract: str) -> str:
    """丙方, a guarantor of the original contract, consents in writing to the change
    (民法典 art. 695)."""
    return (
        f"丙方系《{contract}》的保证人，已知悉并书面同意本协议对该合同项下债务的履行期限、"
        "还款方式等所作的变更。"
    )


def original_rights_kept(contract: str, document: str = "本协议") -> str:
    """The agreement arranges the payment of the original debt and does not extinguish
    it, nor the creditor's rights under the contract and its security: drafting, stated
    so that no one argues the agreement replaced the old debt and its guarantees fell
    with it."""
    return (
        f"{document}系乙方清偿《{contract}》项下债务的安排，不消灭该合同项下的原债权债务；除{document}"
        f"另有约定外，甲方依该合同及其担保享有的权利不因{document}而受影响。"
    )


def takes_resolution(guarantor: Party | None) -> bool:
    """An enterprise (code 91) guarantees on a resolution (公司法 art. 15)."""
    return isinstance(guarantor, Organization) and guarantor.uscc[:2] == "91"


def check_resolution(result: Assessment, guarantor: Party | None, given: Resolution) -> None:
    """A resolution is recorded only for a guarantor that guarantees on one."""
    if given.text is None or takes_resolution(guarantor):
        return
    whom = "没有保证人" if guarantor is None else "保证人不是企业"
    result.error(given.loc, "resolution_not_applicable", f"{whom}，无需填写担保决议")


def resolution_confirmed(text: str | None) -> str:
    """丙方, a company, confirms that its board or shareholders' meeting resolved on the
    guarantee as its articles require (公司法 2023 art. 15), the resolution named and
    attached when the case gives it: the paper shows what the creditor reviewed
    (法释〔2020〕28号 art. 7: a creditor who reviewed the resolution is in good faith)."""
    named = f"（决议：{text}，附后）" if text else ""
    return f"丙方确认，其提供本保证已依公司章程经董事会或者股东会决议通过{named}。"
