"""The civil complaint's rules on the security for the debt: who gave the mortgaged or
pledged property, which security answers first, and a maximum-amount guarantee named
without its maximum.

The claims themselves (优先受偿 on the property, a guarantor's claim limited to what the
property leaves unpaid) are complaint_security's; these rules tell the user why a claim
was printed as it is, or why it could not be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.documents.complaint_beneficium import answers_at_once
from docgen.documents.complaint_fixing import check_maximum_fixed
from docgen.documents.complaint_guarantee_scope import check_guarantee_scope
from docgen.documents.complaint_parts import SECURITY_LABELS
from docgen.documents.complaint_security import (
    JOINT_SUIT,
    guarantor_after_security,
    movable_pledge,
    pledged_right,
    stated_security,
)
from docgen.documents.complaint_security_scope import check_costs_in_scope, check_scope_narrowed
from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

OWN_SECURITY_FIRST = "《中华人民共和国民法典》第三百九十二条"
PROVIDER_WORDS = {"mortgage": "抵押人", "pledge": "出质人"}


def check_security(result: Assessment, case: CivilComplaint) -> None:
    """Every rule on the security for the debt, the guarantors' periods apart."""
    check_collateral_provider(result, case)
    check_own_collateral_first(result, case)
    check_mortgage_registered(result, case)
    check_pledge_delivered(result, case)
    check_right_pledged(result, case)
    security = stated_security(case)
    if security is not None and security.claimable:
        args = (result, case, security.collateral, security.where, security.property_word)
        check_costs_in_scope(*args)
        check_scope_narrowed(*args)
    check_guarantee_scope(result, case)
    check_maximum_named(result, case)
    check_maximum_fixed(result, case)


def check_collateral_provider(result: Assessment, case: CivilComplaint) -> None:
    """Who gave the property decides the claim on it and the guarantor's.

    An error where the provider is not stated: the claim to be paid first from the
    property orders on a person's property, and 民法典 art. 392 turns on whether the debtor
    or a third person gave it, so without the provider the complaint can state neither
    claim lawfully. A warning where a provider named is no defendant: a creditor who
    enforces the security by suit sues the debtor and the provider together (法释〔2020〕28号
    art. 45(3)), so no claim on that property is printed; the creditor may lawfully leave
    a third person's security out of this suit (art. 392 gives it the choice), hence no
    error.
    """
    security = stated_security(case)
    if security is None:
        return
    held = security.collateral
    loc = (*security.where, "provider")
    kind = SECURITY_LABELS[held.kind]
    who = PROVIDER_WORDS[held.kind]
    if not security.providers and not security.not_sued:
        result.error(
            loc,
            "missing",
            f"已填写{kind}担保，请填写提供担保财产的{who}（担保人）：起诉状请求就"
            f"{security.property_word}优先受偿，须写明{who}并将其列为被告（{JOINT_SUIT}）；"
            f"{who}是债务人还是第三人，也决定能否直接请求保证人承担责任"
            f"（{OWN_SECURITY_FIRST}）",
        )
        return
    if security.not_sued:
        names = "、".join(security.not_sued)
        result.warn(
            loc,
            "provider_not_sued",
            f"{who}{names}不是本案被告：以诉讼方式行使担保物权的，应当以债务人和担保人作为"
            f"共同被告（{JOINT_SUIT}），起诉状因此未请求就其提供的{security.property_word}"
            f"（{held.property.rstrip('。')}）优先受偿",
            hint=f"请求就该财产优先受偿的，请将{names}列为被告（诉讼地位：其他）；"
            f"{who}的名称应与被告的名称一致，多个{who}以顿号分隔",
        )


def check_own_collateral_first(result: Assessment, case: CivilComplaint) -> None:
    """Tell the user a joint guarantor's claim (or a general one's under an exception of
    民法典 art. 687(2): complaint_beneficium.answers_at_once) was limited to what the
    debtor's own property leaves unpaid (民法典 art. 392, no order agreed), and note an
    agreement typed without its choice."""
    security = stated_security(case)
    if security is None:
        return
    held = security.collateral
    order = (*security.where, "agreed_order")
    if held.agreed_order is None and held.enforcement_order:
        result.warn(
            order,
            "order_not_chosen",
            "已填写物保与保证的实现顺序约定条款，但未选择约定的实现顺序：起诉状按未约定处理"
            f"（{OWN_SECURITY_FIRST}）",
            hint="请在「约定的实现顺序」中选择条款约定的顺序",
        )
    guarantors = [
        d.party.name
        for d in case.defendants
        if d.role == "guarantor" and answers_at_once(d.guarantee)
    ]
    if held.agreed_order is not None or not guarantors or not guarantor_after_security(security):
        return
    kind = SECURITY_LABELS[held.kind]
    debtors = "、".join(
        d.party.name
        for d in case.defendants
        if d.role == "borrower" and d.party.name in security.providers
    )
    asked = f"请求就该{security.property_word}优先受偿，" if security.claimable else ""
    result.warn(
        order,
        "own_collateral_first",
        f"债务人{debtors}以自己的财产（{held.property.rstrip('。')}）提供{kind}，又请求保证人"
        f"{'、'.join(guarantors)}承担保证责任：未约定实现担保的顺序的，债权人应当先就债务人"
        f"自己提供的物的担保实现债权（{OWN_SECURITY_FIRST}）。起诉状因此{asked}"
        f"对保证人的请求限于原告就{security.property_word}优先受偿后不足清偿的部分",
        hint="合同约定债权人可以直接要求保证人承担保证责任的，请在「约定的实现顺序」中选择，"
        "并在「物保与保证的实现顺序约定」中写明条款，起诉状即请求保证人对全部债务承担责任",
    )


GUARANTEE_RULES = "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》"


def check_mortgage_registered(result: Assessment, case: CivilComplaint) -> None:
    """Warn where the priority claimed rests on a mortgage not registered, or registered
    in advance only.

    民法典 art. 402: a mortgage of land, buildings or a building under construction is
    created on registration (抵押权自登记时设立); unregistered, the contract binds
    (art. 215) but gives no priority: the creditor may ask the mortgagor to register, or
    to answer within the agreed scope where the mortgagor's own act prevents it, never
    beyond what the mortgage would have given (担保制度解释 art. 46). Art. 403: a mortgage
    of movables is created by the contract, and unregistered cannot be set up against a
    third person in good faith. 担保制度解释 art. 52(1): an advance registration (预告登记)
    gives priority only once the building's first ownership registration is made and the
    advance registration has not lapsed; the mortgage then dates from it.
    """
    security = stated_security(case)
    if security is None or security.collateral.kind != "mortgage":
        return
    held = security.collateral
    loc = (*security.where, "registration")
    described = held.property.rstrip("。")
    if held.registration == "advance":
        result.warn(
            loc,
            "mortgage_advance_registration",
            f"抵押财产（{described}）仅办理了抵押预告登记：已办理建筑物所有权首次登记且预告登记"
            f"未失效的，方可请求就抵押财产优先受偿，抵押权自预告登记之日起设立（{GUARANTEE_RULES}"
            "第五十二条第一款）",
            hint="请核对房屋是否已办理首次登记、预告登记是否仍然有效；已办理正式抵押登记的，"
            "请选择「正式登记」",
        )
        return
    if held.registration != "none":
        return
    immovable = not security.created
    result.warn(
        loc,
        "mortgage_not_registered",
        f"抵押财产（{described}）未办理抵押登记："
        + (
            "以不动产抵押的，抵押权自登记时设立（《中华人民共和国民法典》第四百零二条），"
            "未登记的不能请求就该财产优先受偿，只能请求抵押人办理抵押登记，或因抵押人自身原因"
            f"不能登记时请求其在约定的担保范围内、以抵押权能够设立时应负的责任为限承担责任（"
            f"{GUARANTEE_RULES}第四十六条）。起诉状因此未请求就该财产优先受偿，对保证人的请求"
            "也不以其为限"
            if immovable
            else "以不动产抵押的，抵押权自登记时设立（《中华人民共和国民法典》第四百零二条），"
            "未登记的不能请求优先受偿；以动产抵押的，抵押权自抵押合同生效时设立，未经登记"
            "不得对抗善意第三人（第四百零三条）"
        ),
        hint="已办理抵押登记的，请选择「正式登记」；不动产抵押未登记而请求抵押人办理登记或承担"
        "相应责任的，请在「补充事实与理由」中写明",
    )


MOVABLE_PLEDGE = "《中华人民共和国民法典》第四百二十九条"


def check_pledge_delivered(result: Assessment, case: CivilComplaint) -> None:
    """A pledge of movables is created when the pledgor delivers the property (民法典
    art. 429), not by registering it: registration creates the pledge of some rights only
    (arts. 441–445: rights without a certificate, fund shares and equity, intellectual
    property, receivables). Warn where a movable's pledge is said to be registered (the
    form asks its delivery instead), and where it is said not to be delivered: no pledge
    exists, so no priority is claimed on the property and the guarantor is not limited to
    what it leaves unpaid (art. 392)."""
    security = stated_security(case)
    if security is None or not movable_pledge(security.collateral):
        return
    held = security.collateral
    described = held.property.rstrip("。")
    if held.registration != "none":
        result.warn(
            (*security.where, "registration"),
            "movable_pledge_registered",
            f"质押财产（{described}）为动产，却填写了办理质押登记：动产质权自出质人交付质押财产时"
            f"设立（{MOVABLE_PLEDGE}），不以登记设立；出质登记适用于以股权、基金份额、知识产权、"
            "应收账款以及没有权利凭证的票据、债券等权利出质（第四百四十一条、第四百四十三条至"
            "第四百四十五条）。起诉状按是否交付填写，不写登记",
            hint="请将「抵押、质押登记」选为未办理登记，并在「质押财产或权利凭证已交付」中选择；"
            "出质的是权利的，请在担保物中写明权利的名称（如 股权、应收账款）",
        )
    if held.delivered is False:
        result.warn(
            (*security.where, "delivered"),
            "pledge_not_delivered",
            f"质押财产（{described}）未交付：动产质权自出质人交付质押财产时设立（{MOVABLE_PLEDGE}），"
            "未交付的质权未设立，只能依质押合同请求出质人交付或者承担违约责任。起诉状因此"
            "未请求就该财产优先受偿，对保证人的请求也不以其为限",
            hint="质押财产已交付的，请在「质押财产或权利凭证已交付」中选择是，并在证据中列明交付凭证",
        )


def check_right_pledged(result: Assessment, case: CivilComplaint) -> None:
    """A pledge of a right is created by the kind of right (民法典 arts. 441, 443–445): a
    certificate's (汇票、本票、支票、债券、存款单、仓单、提单) by delivering it to the pledgee,
    or by registration where there is no certificate; equity and fund shares, intellectual
    property and receivables by registration only. Warn where the case states neither what
    creates it: no pledge exists, so no priority is claimed on the right and the guarantor
    is not limited to what it leaves unpaid (art. 392)."""
    security = stated_security(case)
    held = security.collateral if security is not None else None
    right = pledged_right(held) if held is not None else None
    if security is None or held is None or right is None or security.created:
        return
    described = held.property.rstrip("。")
    code = f"《中华人民共和国民法典》{right.article}"
    after = "起诉状因此未请求就该权利优先受偿，对保证人的请求也不以其为限；只能依质押合同请求出质人"
    if right.certificate:
        result.warn(
            (*security.where, "delivered"),
            "certificate_not_delivered",
            f"以{described}出质，权利凭证未交付、也未办理出质登记：以{right.name}出质的，质权自"
            f"权利凭证交付质权人时设立，没有权利凭证的，自办理出质登记时设立（{code}），"
            f"质权未设立。{after}交付权利凭证或者承担违约责任",
            hint="已交付权利凭证的，请在「质押财产或权利凭证已交付」中选择是，并在证据中列明交付凭证"
            "（如背书记载“质押”字样的汇票、存单原件）；已办理出质登记的，请选择「正式登记」",
        )
        return
    result.warn(
        (*security.where, "registration"),
        "right_pledge_not_registered",
        f"以{described}出质，未办理出质登记：以{right.name}出质的，质权自办理出质登记时设立"
        f"（{code}），不因交付或者合同签订而设立，质权未设立。{after}办理出质登记或者承担违约责任",
        hint="已办理出质登记的，请在「抵押、质押登记」中选择「正式登记」，并在证据中列明出质登记"
        "证明",
    )


def _guarantee_names(case: CivilComplaint) -> str | None:
    """The guarantee contract the case's facts name, for a guarantor that names none."""
    for facts in (case.loan, case.sale, case.card):
        if facts is not None and facts.guarantee_contract:
            return facts.guarantee_contract
    return None


def check_maximum_named(result: Assessment, case: CivilComplaint) -> None:
    """Refuse a guarantee contract named 最高额 whose maximum is not given.

    民法典 art. 690: a maximum-amount guarantee covers the debts arising within a period, up
    to the maximum amount; the debts it covers are fixed as for a maximum mortgage (arts.
    420–424 by art. 690(2); art. 423: the agreed period ends, or two years after it was
    made when none was agreed). A contract so named states both, so the case can give
    them. Without them the complaint claims the guarantor beyond the limit the contract
    sets, cannot show the debt is covered, and runs the 保证期间 from the principal debt's
    due date although a maximum guarantee's runs from the day its debts were fixed
    (担保制度解释 art. 30): the claim, its evidence and the period stated contradict each
    other on the page, so an error, not a warning. A contract misnamed is renamed."""
    stated = _guarantee_names(case)
    for i, defendant in enumerate(case.defendants):
        guarantee = defendant.guarantee
        if defendant.role != "guarantor" or guarantee is None or guarantee.maximum is not None:
            continue
        name = guarantee.contract or stated
        if name is None or "最高额" not in name:
            continue
        result.error(
            ("defendants", i, "guarantee", "maximum"),
            "maximum_not_stated",
            f"保证人{defendant.party.name}的保证合同为「{name.rstrip('。')}」，但未填写最高债权额"
            "及债权确定期间：最高额保证在最高债权额限度内就一定期间连续发生的债权承担保证责任"
            "（《中华人民共和国民法典》第六百九十条，参照第四百二十条至第四百二十四条），"
            "其保证期间自债权确定之日起计算（《最高人民法院关于适用〈中华人民共和国民法典〉"
            "有关担保制度的解释》第三十条）；缺少二者，起诉状对其请求不能写明限额，不能说明"
            "本案债权在确定期间内发生，也不能正确写明保证期间",
            hint="请在该保证人的「最高额保证」中按合同填写最高债权额及债权确定期间；合同并非"
            "最高额保证的，请核对保证合同名称",
        )
