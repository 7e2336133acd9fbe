"""What the agreements' dispute clause covers: the agreement and the original contract.

A debt confirmation, an installment agreement or a settlement leaves claims the creditor
still brings under the original contract: a sale's late-payment penalty reserved up to the
cut-off date (``sale_late_charges``), interest and charges the contract provides for, the
contract's own securities. A clause for disputes 「因本协议引起」 alone leaves those to the
original contract's forum (or its arbitration clause), and one debt is then heard in two
places. So the clause reads 「因本协议及《借款合同》引起的或与之有关的争议」 and ends
「《借款合同》约定的争议解决方式与本协议的约定不一致的，以本协议的约定为准」, where the law
allows it:

- A choice of court may be made in writing in the contract or in a written agreement made
  before suit (民事诉讼法 art. 35; 民诉法解释 art. 29: 「书面合同中的协议管辖条款或者诉讼前
  以书面形式达成的选择管辖的协议」), so a later agreement may choose the court for the
  original contract's disputes too; it is followed when the court can be told at filing
  (民诉法解释 art. 30(1)) and must sit at a place connected to the dispute: a party's
  domicile is (the plaintiff's or the defendant's, art. 35), as is the court already
  hearing the debt (a settlement's 受理本案的人民法院). The place where the later agreement is
  signed is a connection of that agreement, not of the original contract: a clause naming
  its court (本协议签订地人民法院) keeps to the agreement's own disputes, and the user is warned
  (``forum_leaves_original_contract``).
- An arbitration agreement may be made in writing before or after a dispute arises
  (仲裁法 art. 16), so the later agreement's arbitration clause may cover the original
  contract's disputes as well.
- Where the original contract names another court or an arbitration body, courts follow the
  later agreement's clause when it says that it changes the earlier one's, and otherwise
  tend to read each contract's clause for its own disputes ((2020)最高法民申5620号, as
  reported by sgla.com, 2024-07-16): hence the words 「…不一致的，以本协议的约定为准」. Where
  a suit is brought despite an arbitration clause, the defendant who does not object before
  the first hearing waives it (仲裁法 art. 26).
- A guarantor of the original contract who does not sign the later agreement is not bound
  by its clause: the creditor who sues that guarantor alone sues where the guarantee
  contract says (法释〔2020〕28号 art. 21(3), as quoted on kingo-law.com): the form's hint
  says so; docgen does not model the original contract's own clause.
"""

from __future__ import annotations

from docgen.documents.problems import Assessment, Loc

ART_35 = "《中华人民共和国民事诉讼法》第三十五条"

FORUM_HINT = (
    "争议解决条款及于本协议和原合同引起的争议；原合同约定了仲裁或其他法院的，本协议写明以本协议"
    "的约定为准。原合同的保证人未签署本协议的，对其主张保证责任仍按保证合同的约定确定管辖"
)
"""The jurisdiction field's description on the form: what the clause covers and what it
cannot bind."""


def dispute_scope(document: str, contract: str | None) -> str:
    """「因本协议及《借款合同》引起的或与之有关的争议」; 「因本协议引起的争议」 where no
    original contract is named or the forum cannot take its disputes (``contract`` None)."""
    if not contract:
        return f"因{document}引起的争议"
    return f"因{document}及《{contract}》引起的或与之有关的争议"


def prevails(document: str, contract: str | None) -> str:
    """「；《借款合同》约定的争议解决方式与本协议的约定不一致的，以本协议的约定为准」 (a later
    agreement that says it changes the earlier clause is followed), or ""."""
    if not contract:
        return ""
    return f"；《{contract}》约定的争议解决方式与{document}的约定不一致的，以{document}的约定为准"


def check_forum_scope(
    result: Assessment, loc: Loc, at_signing_place: bool, contract: str | None, document: str
) -> None:
    """A clause naming the court of the agreement's signing place keeps to the agreement's
    own disputes: warned, so that the user may choose a party's domicile instead."""
    if not at_signing_place or not contract:
        return
    result.warn(
        loc,
        "forum_leaves_original_contract",
        f"约定由{document}签订地人民法院管辖的，争议解决条款只及于因{document}引起的争议："
        f"{document}的签订地不一定与《{contract}》的争议有实际联系（{ART_35}），甲方依"
        f"《{contract}》主张的权利（如保留的逾期付款违约金、原担保）仍按该合同的约定或法定管辖"
        "确定，同一笔债务可能在两地审理",
        hint=f"如需一并约定《{contract}》的争议，请选择甲方住所地人民法院，或一方住所地的人民法院",
    )


__all__ = ["FORUM_HINT", "check_forum_scope", "dispute_scope", "prevails"]
