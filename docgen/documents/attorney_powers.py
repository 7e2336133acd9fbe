"""What a power of attorney lets its agents do, at the stage they act in.

A general authority covers the ordinary acts of the stage; the acts that dispose of the
principal's rights need a special authority naming each of them. In a trial (first or
second instance) these are the acts 民事诉讼法 art. 62 lists: admitting, waiving or changing
claims, settling, counterclaiming, appealing — "全权代理" alone gives none of them
(民诉法解释 art. 89). In an enforcement there is no claim to admit or change and nothing to
appeal; the agent waives or changes the principal's civil rights, settles the enforcement
(执行和解) or receives the money recovered only with a special authority (《最高人民法院关于
人民法院执行工作若干问题的规定（试行）》, 法释〔1998〕15号 as amended by 法释〔2020〕21号,
art. 20: 委托代理人代为放弃、变更民事权利，或代为进行执行和解，或代为收取执行款项的，
应当有委托人的特别授权).

The power also states its term (art. 62: 授权委托书必须记明委托事项和权限), and the term
must cover what is entrusted (``check_term``): a term ending with the first instance is
over in an appeal or an enforcement, and cannot carry the powers used only after the
first instance (appealing, applying for enforcement). Either way the printed power
contradicts itself, and a court reading the term finds an agent without authority: an
error, which the user settles by stating the term the principal means (the term is the
principal's to choose, so docgen does not lengthen it).
"""

from __future__ import annotations

from typing import Literal, Protocol

from docgen.documents.filing_papers import APPELLANT, APPLICANT, RESPONDENT, STAGES, Side, Stage
from docgen.documents.problems import Assessment

LAW_62 = "《中华人民共和国民事诉讼法》第六十二条"
EXECUTION_RULES = "《最高人民法院关于人民法院执行工作若干问题的规定（试行）》第二十条"
POWERS = {
    "admit": "代为承认诉讼请求",
    "waive": "代为放弃诉讼请求",
    "modify": "代为变更诉讼请求",
    "settle": "代为进行和解",
    "counterclaim": "代为提起反诉",
    "appeal": "代为提起上诉",
    "withdraw_appeal": "代为撤回上诉",
}
"""The powers 民事诉讼法 art. 62 reserves to a special authority, in the article's order,
and withdrawing an appeal: art. 62 names 上诉 only, but withdrawing it gives up the
appeal's claims as 放弃诉讼请求 gives up a claim, and second-instance powers of attorney
name it as a special power (practice: an appellant's power
without it)."""
EXECUTION_POWERS = {
    "waive": "代为放弃民事权利",
    "modify": "代为变更民事权利",
    "settle": "代为进行执行和解",
    "collect": "代为收取执行款项",
}
"""The powers the execution rules (art. 20) reserve to a special authority, in their order."""
# what a general authority leaves out, as the article names it
RESERVED = {
    "trial": "代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉",
    "execution": "代为放弃、变更民事权利，进行执行和解，收取执行款项",
}
_TRIAL_ACTS = "提交、接收证据材料，参加证据交换、庭审和调解，发表代理意见，代为签收法律文书"
GENERAL_ACTS = {
    "first": f"代为起诉或应诉，{_TRIAL_ACTS}",
    # on appeal the case is neither brought nor answered again: the agent takes part in it
    "second": f"代为参加第二审诉讼，{_TRIAL_ACTS}",
}
# at first instance the plaintiff's agent brings the suit and the defendant's answers it
# (民事诉讼法 art. 54: 原告…被告可以承认或者反驳诉讼请求); a side not known gets both
FIRST_INSTANCE_ACTS = {
    "plaintiff": f"代为起诉，{_TRIAL_ACTS}",
    "defendant": f"代为应诉，{_TRIAL_ACTS}",
}
APPEAL_CLAIMS = {"waive": "代为放弃上诉请求", "modify": "代为变更上诉请求"}
"""What an appellant waives or changes at second instance: the claims of its appeal
(民事诉讼法 art. 171), which the second instance tries (art. 175; 民诉法解释 art. 321:
第二审人民法院应当围绕当事人的上诉请求进行审理), whichever side it was below. The plaintiff
below does not change its first-instance claims there: a claim it adds is mediated, or
left to a new suit (民诉法解释 art. 326 of the 2022 text, art. 328 of the 2015 one), so
art. 62's words 「放弃、变更诉讼请求」 are read for every appellant as the appeal's."""
COUNTERCLAIMS = {"waive": "代为放弃反诉请求", "modify": "代为变更反诉请求"}
"""What a defendant granting 「代为提起反诉」 waives or changes at first instance: the claims of
its counterclaim, its only claims there (民事诉讼法 art. 54: 原告可以放弃或者变更诉讼请求。
被告可以承认或者反驳诉讼请求，有权提起反诉); without the counterclaim the two are refused
(``attorney_roles``)."""
APPELLEE_ADMITS = "代为承认上诉请求"
"""What an appellee admits at second instance: the appeal's claims, which the second
instance tries (民事诉讼法 art. 175: 第二审人民法院应当对上诉请求的有关事实和适用法律
进行审查); its own claims stand as the first instance judged them."""
# at enforcement the applicant's agent applies and points the court to property; the
# respondent's takes part; neither disposes of a right without a special authority
EXECUTION_ACTS = {
    "applicant": "代为申请执行，提供财产线索，申请采取执行措施，参加执行听证并发表意见，"
    "提交、接收材料，代为签收法律文书",
    "respondent": "代为参加执行程序，参加执行听证并发表意见，提交、接收材料，代为签收法律文书",
}
_NO_POWER = "全权代理"
# words of an other power that name an act art. 62 or the execution rules (art. 20) reserve
# to a special authority: a general authority cannot carry it (``check_other_powers``)
_RESERVED_WORDS = {
    "承认": LAW_62,
    "放弃": LAW_62,
    "变更诉讼请求": LAW_62,
    "变更上诉请求": LAW_62,
    "增加诉讼请求": LAW_62,  # an added claim changes the claims (art. 62: 变更诉讼请求)
    "增加独立的诉讼请求": LAW_62,
    "变更民事权利": EXECUTION_RULES,
    "和解": LAW_62,
    "反诉": LAW_62,
    "上诉": LAW_62,
    "收取": EXECUTION_RULES,
    "领取": EXECUTION_RULES,
    "代收": EXECUTION_RULES,
}
# withdrawing the suit or the application ends the proceeding the principal began; neither
# art. 62 nor the execution rules list it, so it prints with a general authority, warned
_WITHDRAWALS = ("撤诉", "撤回起诉", "撤回申请", "撤回执行申请", "撤回强制执行申请")
# a term naming one of these reaches past the first instance (二审, 上诉审, 终审, 再审, 执行)
_LATER = ("二审", "终审", "再审", "执行", "全部程序", "各审", "上诉", "两审")
# powers used only after the first instance: an appeal, a retrial, enforcement
_LATER_POWERS = ("上诉", "二审", "再审", "执行")
# how a term reaching the end of each stage reads (the hint's example)
_TERM_TO = {
    "second": "自本委托书签署之日起至本案二审审结之日止",
    "execution": "自本委托书签署之日起至本案执行程序终结之日止",
}

Power = Literal["admit", "waive", "modify", "settle", "counterclaim", "appeal", "withdraw_appeal"]
ExecutionPower = Literal["waive", "modify", "settle", "collect"]


class Granted(Protocol):
    """What a power of attorney grants (``PowerOfAttorney``)."""

    @property
    def stage(self) -> Stage: ...
    @property
    def authority(self) -> Literal["general", "special"]: ...
    @property
    def powers(self) -> list[Power]: ...
    @property
    def execution_powers(self) -> list[ExecutionPower]: ...
    @property
    def other_powers(self) -> list[str]: ...


class Termed(Granted, Protocol):
    """What a power of attorney grants, and for how long."""

    @property
    def term(self) -> str | None: ...


def _listed(case: Granted) -> tuple[str, dict[str, str], list[str], str]:
    """The field, the table and the powers of the stage, and the rules reserving them."""
    if case.stage == "execution":
        return "execution_powers", EXECUTION_POWERS, list(case.execution_powers), "execution"
    return "powers", POWERS, list(case.powers), "trial"


def check_powers(result: Assessment, case: Granted) -> None:
    """The powers listed are the stage's; a special authority names them, a general one
    none; none twice; "全权代理" is no power."""
    field, table, listed, kind = _listed(case)
    _check_other_stage(result, case)
    source = EXECUTION_RULES if kind == "execution" else LAW_62
    if case.authority == "special" and not listed:
        tail = (
            ""
            if kind == "execution"
            else "；仅写“全权代理”而无具体授权的，诉讼代理人无权代为上述行为"
            "（法释〔2022〕11号第八十九条）"
        )
        result.error(
            (field,),
            "special_without_powers",
            f"特别授权须逐项写明授权事项（{RESERVED[kind]}）（{source}）{tail}",
            hint="请勾选授予的各项权限，或改为一般授权",
        )
    if case.authority == "general" and listed:
        named = "、".join(table[p] for p in listed)
        result.error(
            (field,),
            "general_with_special_powers",
            f"一般授权不包括{named}，这些事项须特别授权（{source}）",
            hint="请将代理权限改为特别授权，或删除这些事项",
        )
    if len(set(listed)) != len(listed):
        result.error((field,), "duplicate", "授权事项不能重复选择")
    if case.authority == "general":
        check_general_others(result, case.other_powers)
    for i, item in enumerate(case.other_powers):
        if _NO_POWER in item:
            result.error(
                ("other_powers", i),
                "blanket_power",
                "“全权代理”不是具体授权：授权委托书仅写“全权代理”而无具体授权的，诉讼代理人"
                "无权代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉"
                "（法释〔2022〕11号第八十九条）",
                hint="请改为特别授权并逐项勾选授权事项",
            )


def reserved_source(item: str) -> str | None:
    """The rule reserving the act an other power names to a special authority, if any."""
    return next((law for word, law in _RESERVED_WORDS.items() if word in item), None)


def check_general_others(result: Assessment, others: list[str]) -> None:
    """The other powers of a general authority, which print after its acts: one naming an
    act reserved to a special authority (民事诉讼法 art. 62; at enforcement the execution
    rules, art. 20: 收取执行款项) is refused, as a listed power is; withdrawing the suit is
    printed and warned of. Never left out: the signer reads what is granted."""
    for i, item in enumerate(others):
        source = reserved_source(item)
        if source is not None and _NO_POWER not in item:
            result.error(
                ("other_powers", i),
                "general_with_special_powers",
                f"「{item}」须有委托人的特别授权（{source}），一般授权不包括该事项",
                hint="请将代理权限改为特别授权，或删除该事项",
            )
        elif any(word in item for word in _WITHDRAWALS):
            result.warn(
                ("other_powers", i),
                "general_with_withdrawal",
                f"一般授权的委托书将打印「{item}」：撤回起诉或申请将终结委托人提起的程序，"
                f"虽不在{LAW_62}列举的特别授权事项之内，法院可能要求特别授权",
                hint="请核对是否改为特别授权",
            )


def _check_other_stage(result: Assessment, case: Granted) -> None:
    """The powers of a trial in a power for an enforcement, or the reverse: there is no
    claim to admit, waive or change, no counterclaim and no appeal in an enforcement, and
    the enforcement's powers are not used in a trial."""
    if case.stage == "execution" and case.powers:
        named = "、".join(POWERS[p] for p in case.powers)
        result.error(
            ("powers",),
            "power_of_another_stage",
            f"{named}是诉讼中的授权事项（{LAW_62}），本委托书用于执行程序：执行程序中须特别"
            f"授权的事项为{RESERVED['execution']}（{EXECUTION_RULES}）",
            hint="请删除这些事项，改在执行程序特别授权事项中勾选",
        )
    elif case.stage != "execution" and case.execution_powers:
        named = "、".join(EXECUTION_POWERS[p] for p in case.execution_powers)
        result.error(
            ("execution_powers",),
            "power_of_another_stage",
            f"{named}是执行程序中的授权事项（{EXECUTION_RULES}），本委托书用于诉讼程序",
            hint="委托期限延至执行程序的，可在其他授权事项中写明，如 代为申请执行、"
            "代为收取执行款项；用于执行程序的，请将代理阶段选为执行",
        )


def authority_lines(case: Granted, role: str, side: Side | None = None) -> list[str]:
    """「代理权限：…」: the stage's general acts (at first instance by ``side``, the
    principal's: 代为起诉 for a plaintiff, 代为应诉 for a defendant; at enforcement the
    applicant's or the respondent's, by ``role``), then what a general authority leaves
    out, or each power a special authority grants (``special_powers``)."""
    kind = _listed(case)[3]
    if case.stage == "execution":
        acts = EXECUTION_ACTS["applicant" if role == APPLICANT else "respondent"]
    elif case.stage == "first" and side is not None:
        acts = FIRST_INSTANCE_ACTS[side]
    else:
        acts = GENERAL_ACTS[case.stage]
    if case.authority == "general":
        # the other powers print after the acts, never left out (check_general_others)
        others = "".join(f"，{item.rstrip('；;。，,')}" for item in case.other_powers)
        return [f"代理权限：一般授权，即{acts}{others}；不包括{RESERVED[kind]}。"]
    powers = special_powers(case, role, side) + list(case.other_powers)
    lines = [f"代理权限：特别授权，即{acts}，并有权："]
    lines += [f"（{n}）{power}；" for n, power in enumerate(powers, start=1)]
    lines[-1] = lines[-1][:-1] + "。"
    return lines


def special_powers(case: Granted, role: str, side: Side | None = None) -> list[str]:
    """The powers of the stage granted, in their article's order. An appellant, plaintiff
    or defendant below, waives and changes the claims of its appeal (``APPEAL_CLAIMS``),
    both in one line when both are granted: 「代为放弃、变更上诉请求」; an appellee admits
    the appeal's claims (``APPELLEE_ADMITS``); a defendant at first instance granting the
    counterclaim waives and changes the counterclaim's (``COUNTERCLAIMS``):
    「代为放弃、变更反诉请求」."""
    _, table, listed, _ = _listed(case)
    appeal = case.stage == "second" and role == APPELLANT
    counter = case.stage == "first" and side == "defendant" and "counterclaim" in listed
    names = {**table, **APPEAL_CLAIMS} if appeal else table
    if counter:
        names = {**table, **COUNTERCLAIMS}
    if case.stage == "second" and role == RESPONDENT:
        names = {**table, "admit": APPELLEE_ADMITS}
    powers = [names[p] for p in table if p in listed]
    if (appeal or counter) and {"waive", "modify"} <= set(listed):
        claims = "上诉请求" if appeal else "反诉请求"
        powers[powers.index(names["waive"])] = f"代为放弃、变更{claims}"
        powers.remove(names["modify"])
    if counter:  # the counterclaim brought first, then its claims waived or changed
        powers.remove(table["counterclaim"])
        first = next((i for i, p in enumerate(powers) if p.endswith("反诉请求")), len(powers))
        powers.insert(first, table["counterclaim"])
    return powers


def first_instance_only(term: str | None) -> bool:
    """The term ends with the first instance: it names 一审 and no later stage."""
    return bool(term) and "一审" in (term or "") and not any(s in (term or "") for s in _LATER)


def beyond_first_instance(case: Granted) -> list[str]:
    """The powers granted that are used only after the first instance."""
    named = [POWERS[p] for p in ("appeal", "withdraw_appeal") if p in case.powers]
    return named + [p for p in case.other_powers if any(s in p for s in _LATER_POWERS)]


def check_term(result: Assessment, case: Termed, number: str | None = None) -> None:
    """A term ending with the first instance, in a power for a later stage (``number``:
    the case number the stage was read from, named in the message), or carrying powers
    used only after the first instance: an error on the term (see the module's words).
    The term is read from its words (the model holds it as text): 一审 and no later stage.
    No term at all, with powers used after the stage: warned (``_check_no_term``)."""
    if not case.term:
        _check_no_term(result, case)
        return
    if not first_instance_only(case.term):
        return
    if case.stage != "first":
        stage = STAGES[case.stage]
        why = f"（案号「{number}」为{stage}案件的案号）" if number else ""
        result.error(
            ("term",),
            "term_before_stage",
            f"委托期限至本案一审为止，但本委托书用于{stage}程序{why}：一审已经审结，委托期限"
            f"已经届满，受托人在{stage}程序中没有代理权（{LAW_62}：授权委托书须记明委托事项"
            "和权限）",
            hint=f"请将委托期限写至本案{stage}程序终结，如 {_TERM_TO[case.stage]}",
        )
        return
    beyond = beyond_first_instance(case)
    if beyond:
        result.error(
            ("term",),
            "term_ends_before_powers",
            f"委托期限至本案一审为止，但授权事项中的{'、'.join(beyond)}须在一审审结之后"
            "（上诉审、执行程序中）行使：委托期限届满后受托人已无代理权，这些授权无从行使，"
            f"委托书前后矛盾（{LAW_62}：授权委托书须记明委托事项和权限）",
            hint="如委托受托人代为上诉或申请执行，请将委托期限写至相应程序终结"
            "（如 至本案一审、二审及执行程序终结之日止）；否则请删除这些授权事项",
        )


# a written authorisation states the agent, the matters, the powers and the term
LAW_165 = "《中华人民共和国民法典》第一百六十五条"


def _check_no_term(result: Assessment, case: Granted) -> None:
    """A power without a term that grants acts of a later stage (an appeal, enforcement)
    leaves open whether the agent acts in that stage: a court may ask for a new power. The
    term belongs in a written authorisation (民法典 art. 165: 授权委托书应当载明代理人的
    姓名或者名称、代理事项、权限和期限). Warned, as the law names no default term."""
    if case.stage == "first":
        later = beyond_first_instance(case)
    elif case.stage == "second":
        later = [p for p in case.other_powers if any(s in p for s in ("执行", "再审"))]
    else:
        return
    if not later:
        return
    enforcing = [p for p in later if "执行" in p]
    reach = (
        "执行程序"
        if len(enforcing) == len(later)
        else "第二审及执行程序"
        if enforcing
        else "第二审程序"
    )
    result.warn(
        ("term",),
        "term_missing_with_later_powers",
        f"委托书未写明委托期限，但授权事项中有{'、'.join(later)}：未写期限的，受托人在{reach}"
        f"中是否仍有代理权不明，法院可能要求另行提交授权委托书（{LAW_165}：授权委托书应当"
        "载明代理事项、权限和期限）",
        hint="请写明委托期限，如 自本委托书签署之日起至本案二审及执行程序终结之日止",
    )
