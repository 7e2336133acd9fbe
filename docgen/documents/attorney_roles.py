"""What each party can grant where it stands in the trial: the powers 民事诉讼法 art. 62
lists are generic, and a power printed for an act the principal does not have there (a
plaintiff's counterclaim, an appeal in the second instance, an appellee's change of
claims, a defendant's waiver of claims it never brought) gives its agent nothing a court
will honour. Split from ``attorney_powers``, which prints the powers granted.
"""

from __future__ import annotations

from docgen.documents.attorney_powers import POWERS, Granted, Power
from docgen.documents.filing_papers import APPELLANT, RESPONDENT, Side
from docgen.documents.problems import Assessment


def check_role_powers(result: Assessment, case: Granted, side: Side | None, role: str) -> None:
    """The trial powers the principal can use where it stands (``side``: its side at first
    instance; ``role``: its standing at the power's stage, 上诉人…): a counterclaim is the
    defendant's (民事诉讼法 art. 54: 原告可以放弃或者变更诉讼请求。被告可以承认或者反驳
    诉讼请求，有权提起反诉; at second instance the 原审被告's, 民诉法解释 art. 326); a
    second instance's judgment is final, so nothing is appealed in it (art. 10: 两审终审);
    only an appellant withdraws an appeal; an appellee has no claim to change there
    (``_appellee_changing_claims``), nor, when it was the defendant, any to waive
    (``_defendant_waiving_claims``); at first instance the claims are the plaintiff's to waive
    or change and the defendant's to admit (``_check_claims_of_the_side``), and an appellant
    who was the plaintiff has no claim of the other side to admit
    (``_appellant_plaintiff_admitting``). Errors on ``powers``: the power printed would
    give the agent an act the principal does not have (a plaintiff's 「代为提起反诉」)."""
    if case.stage == "execution":
        return  # trial powers there are _check_other_stage's
    powers = set(case.powers)
    if "counterclaim" in powers and side == "plaintiff":
        result.error(
            ("powers",),
            "power_not_of_role",
            f"委托人是本案{role}，不能提起反诉：反诉是被告的诉讼权利（《中华人民共和国民事诉讼法》"
            "第五十四条：原告可以放弃或者变更诉讼请求。被告可以承认或者反驳诉讼请求，有权提起反诉）",
            hint="请删除「代为提起反诉」",
        )
    if case.stage == "first":
        _check_claims_of_the_side(result, powers, side, role)
        return
    if "admit" in powers and role == APPELLANT and side == "plaintiff":
        _appellant_plaintiff_admitting(result, role)
    if "appeal" in powers:
        result.error(
            ("powers",),
            "power_not_of_stage",
            "本委托书用于第二审程序：第二审人民法院的判决、裁定是终审的判决、裁定，第二审程序中"
            "无从提起上诉（《中华人民共和国民事诉讼法》第十条：两审终审）",
            hint="请删除「代为提起上诉」；上诉人委托代理人撤回上诉的，请勾选「代为撤回上诉」",
        )
    if "modify" in powers and role == RESPONDENT:
        _appellee_changing_claims(result, role)
    if "waive" in powers and role != APPELLANT and side == "defendant":
        _defendant_waiving_claims(result, role)
    if "withdraw_appeal" in powers and role != APPELLANT:
        result.error(
            ("powers",),
            "power_not_of_role",
            f"委托人在第二审程序中是{role}，没有提起上诉，无上诉可撤回：「代为撤回上诉」只能由"
            "上诉人授权",
            hint="请删除「代为撤回上诉」，或核对「上诉人」中填写的当事人",
        )


_SPI_TEXT = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


def _appellee_changing_claims(result: Assessment, role: str) -> None:
    """An appellee granted 「代为变更诉讼请求」: the second instance tries the appeal's
    claims (民事诉讼法 art. 175), and the appellee brought none; its own first-instance
    claims stand as judged, and what it may still do with them — waive them, admit the
    appeal's, settle — are powers of their own. A claim it would add at second instance
    (原审原告增加独立的诉讼请求) is mediated, or judged only when both sides agree, else left
    to a new suit (民诉法解释 art. 328 of the 2015 text, 法释〔2015〕5号; quoted by its words,
    its number in the 2022 text not confirmed): an other power naming it
    (「代为增加独立的诉讼请求」) says what is meant, and needs the special authority
    (``_RESERVED_WORDS``). An error, as the appellee's 「代为撤回上诉」 is."""
    result.error(
        ("powers",),
        "power_not_of_role",
        f"委托人在第二审程序中是{role}，没有可变更的诉讼请求：第二审人民法院对上诉请求的有关事实和"
        "适用法律进行审查（《中华人民共和国民事诉讼法》第一百七十五条），被上诉人没有提出上诉请求，"
        f"「代为变更诉讼请求」无从行使。{_SPI_TEXT}规定，在第二审"
        "程序中，原审原告增加独立的诉讼请求的，第二审人民法院可以根据当事人自愿的原则进行调解，"
        "调解不成的，告知当事人另行起诉；双方当事人同意由第二审人民法院一并审理的，可以一并裁判",
        hint="请删除「代为变更诉讼请求」（被上诉人可授权代为承认上诉请求、代为进行和解）；原审原告"
        "确需委托代理人在第二审程序中增加独立的诉讼请求的，请在其他授权事项中写明"
        "「代为增加独立的诉讼请求」",
    )


def _defendant_waiving_claims(result: Assessment, role: str) -> None:
    """An appellee who was the defendant (or a defendant below who did not appeal,
    ``role`` 原审被告) granted 「代为放弃诉讼请求」: the claims of the
    suit are the plaintiff's, which it may waive or change, while the defendant admits or
    rebuts them (民事诉讼法 art. 54), and at second instance the appellee brought no appeal
    claim either (art. 175). The power printed would give the agent an act the principal
    does not have: an error, as the appellee's 「代为变更诉讼请求」 is. A counterclaim the
    defendant brought below is its own claim; waiving it is written as what it is, in an
    other power (「代为放弃反诉请求」), which needs the special authority
    (``_RESERVED_WORDS``: 放弃)."""
    who = role if role.startswith("原审") else f"{role}（原审被告）"
    result.error(
        ("powers",),
        "power_not_of_role",
        f"委托人在第二审程序中是{who}，没有提出诉讼请求，也没有提出上诉请求，「代为放弃诉讼请求」"
        "无从行使：诉讼请求由原告提出，原告可以放弃或者变更诉讼请求，被告可以承认或者反驳诉讼请求"
        "（《中华人民共和国民事诉讼法》第五十四条）；第二审人民法院对上诉请求的有关事实和适用法律"
        "进行审查（第一百七十五条）",
        hint="请删除「代为放弃诉讼请求」（可授权代为承认上诉请求、代为进行和解）；一审中提出反诉的，"
        "请在其他授权事项中写明「代为放弃反诉请求」",
    )


LAW_54 = "《中华人民共和国民事诉讼法》第五十四条"
_ART_54 = "原告可以放弃或者变更诉讼请求。被告可以承认或者反驳诉讼请求，有权提起反诉"
_PLAINTIFFS_OWN = ("waive", "modify")


def _check_claims_of_the_side(
    result: Assessment, powers: set[Power], side: Side | None, role: str
) -> None:
    """At first instance the claims of the suit are the plaintiff's: it waives or changes
    them, the defendant admits or rebuts them (民事诉讼法 art. 54). A defendant's
    「代为放弃诉讼请求」「代为变更诉讼请求」 and a plaintiff's 「代为承认诉讼请求」 would give the
    agent an act the principal does not have: errors, as a plaintiff's 「代为提起反诉」 is. A
    defendant granting 「代为提起反诉」 has claims of its own once it brings the counterclaim:
    its waiver and change are then of those claims, and print as such
    (``attorney_powers.COUNTERCLAIMS``). A plaintiff admits the claims of a counterclaim
    only, which it cannot bring itself: written as what it is, in an other power
    (「代为承认反诉请求」), which needs the special authority (``_RESERVED_WORDS``: 承认)."""
    if side == "defendant" and "counterclaim" not in powers:
        named = [POWERS[p] for p in _PLAINTIFFS_OWN if p in powers]
        if named:
            listed = "」「".join(named)
            result.error(
                ("powers",),
                "power_not_of_role",
                f"委托人是本案{role}，没有提出诉讼请求，「{listed}」无从行使：诉讼请求由原告提出，"
                f"原告可以放弃或者变更诉讼请求，被告可以承认或者反驳诉讼请求，有权提起反诉（{LAW_54}）",
                hint=f"请删除「{listed}」；提起反诉的，可一并勾选「代为提起反诉」（打印为"
                "「代为放弃、变更反诉请求」），或在其他授权事项中写明「代为放弃、变更反诉请求」",
            )
    if side == "plaintiff" and "admit" in powers:
        result.error(
            ("powers",),
            "power_not_of_role",
            f"委托人是本案{role}，诉讼请求由其本人提出，「代为承认诉讼请求」无从行使：原告可以放弃"
            f"或者变更诉讼请求，承认诉讼请求的是被告（{LAW_54}：{_ART_54}）",
            hint="请删除「代为承认诉讼请求」；被告提起反诉的，可在其他授权事项中写明"
            "「代为承认反诉请求」",
        )


def _appellant_plaintiff_admitting(result: Assessment, role: str) -> None:
    """An appellant who was the plaintiff granted 「代为承认诉讼请求」: the claims of the suit
    are its own (民事诉讼法 art. 54), and the second instance tries the appeal's claims
    (art. 175), its own among them. What it could admit is another's claim: the 原审被告's
    counterclaim, or the 原审被告's own appeal when both sides appealed — each written as
    what it is, in an other power (「代为承认反诉请求」「代为承认上诉请求」), which needs the
    special authority (``_RESERVED_WORDS``: 承认). An error, as at first instance."""
    result.error(
        ("powers",),
        "power_not_of_role",
        f"委托人在第二审程序中是{role}（原审原告），诉讼请求和上诉请求均由其本人提出，「代为承认"
        f"诉讼请求」无从行使：原告可以放弃或者变更诉讼请求，承认诉讼请求的是被告（{LAW_54}）；"
        "第二审人民法院对上诉请求的有关事实和适用法律进行审查（第一百七十五条）",
        hint="请删除「代为承认诉讼请求」；原审被告提起反诉或者也提起上诉的，可在其他授权事项中"
        "写明「代为承认反诉请求」或「代为承认上诉请求」",
    )
