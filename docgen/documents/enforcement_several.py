"""Two or more respondents left debtors (the default ``debtor``): what the operative part
says of them together, and how the application asks them.

Several debtors owe jointly only where the law or their agreement says so (民法典 art.
518(2): 连带债权或者连带债务，由法律规定或者当事人约定), and a judgment orders it in words
(「…连带偿还…」, 「…对上述债务承担连带清偿责任」: ``enforcement_liability``, whose warning
``joint_typed_as_debtor`` speaks where it does). Otherwise a debt of several, the object
divisible, is owed by each for his share (按份债务, art. 517(1)), deemed equal where the
shares cannot be determined (art. 517(2)). So the request 「请求强制执行被执行人张伟、李秀英向
申请执行人支付借款本金…」 does not tell what each owes. Read from the award terms
(``enforcement_operative.awarded``), the respondents named together and the words that follow
them in their clause:

- 「共同偿还（支付、给付、归还、清偿、返还、赔偿、偿付、还款）」, or 「共同承担还款（清偿、偿还、
  给付、支付、赔偿、返还、偿付）责任」, said of all of them — the words a court orders
  several to pay with; not 「共同负担」 or a bare 「共同承担」, which a judgment says of its court
  fee (诉讼费用交纳办法 art. 29), nor 「共同承担…费…责任」: the request repeats
  the instrument's word, 「…张伟、李秀英共同向申请执行人支付…」. 共同 is a collective word —
  writers and courts read it as 连带 or as 按份 (「共同责任是一个统称概念」, 俞巍, 《人民司法》
  2005年第7期, as quoted on ttnews.xyz; searched 2026-12) — so it is repeated, not turned into
  either;
- a sum each is ordered to pay in a clause naming him alone (「其中被告张伟偿还60,000元，被告
  钱七偿还40,000元」, or a term each: 「一、被告张伟…偿还原告借款本金60,000元；二、被告李秀英…
  偿还原告借款本金40,000元」), the sums adding up to the principal claimed: each is
  asked for his share, as a respondent typed ``share`` is (「被执行人张伟按照法律文书确定的份额
  向申请执行人支付人民币60,000.00元…」), and the reading is told (``shares_read_from_title``),
  with the hint to type the shares if it is wrong;
- neither: the request names them as before and a warning says it cannot tell each one's
  share (``share_unstated``): the instrument must state 执行标的和被执行人明确 (执行工作若干问题的
  规定（试行） art. 16(1)(3), art. 18), and the user types each one's liability. Where the
  operative part says a bare 「共同承担」 of the debt (not of a fee), the warning says that
  共同 may be 按份 or 连带 liability, what each means (民法典 arts. 177, 178) and what to choose
  once the judgment's reasons tell it.

Where each respondent's own term states the principal under its name (the term-each form
above, ``principal_by_term``), the instrument's principal is what those terms order the
respondents of the application, added up — every term, several of one respondent's too
(two loans; ``own_terms``), not the first term's — and each one's own sum is the most a
respondent typed ``share`` may be asked for: only what the instrument orders him is enforced
(民事诉讼法 art. 247; 执行工作若干问题的规定（试行） art. 16(1)(3), art. 18). A respondent's
own term for the interest or the other sum claimed is printed with his share
(``other_terms``), and two terms of one respondent's principal beside the principal claimed
(``principal_terms_words``), so that every term is in the request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from docgen.documents.enforcement_names import names as claimed_names
from docgen.documents.enforcement_operative import TITLE_ONLY, awarded
from docgen.documents.problems import Assessment
from docgen.domain.money import format_yuan, legal_amount, read_figure

if TYPE_CHECKING:
    from docgen.documents.enforcement_application import EnforcementApplication

_PAY = r"(?:偿还|支付|给付|归还|清偿|返还|赔偿|偿付|还款)"
# a fee named between 共同承担 and 责任: costs, never an order to pay the debt in common
_FEE = r"(?:受理费|诉讼费|保全费|申请费|公告费|鉴定费|仲裁费|执行费)"
_COMMON = re.compile(
    r"共同(?:向[^，；。]*?)?" + _PAY + r"|共同承担(?:(?!" + _FEE + r")[^，；。])*?" + _PAY + "责任"
)
# 「共同承担」 with what they bear after it in its clause, not a fee (「…由被告张伟、李秀英共同
# 承担」 after 「案件受理费…」 has nothing after it): a common liability whose kind — 按份 or
# 连带 — the words do not say (``several``)
_BARE_COMMON = re.compile(r"共同承担(?=[^，；。]*[^，；。\s])(?![^，；。]*" + _FEE + ")")
_SUM = re.compile(_PAY + r"[^，；。]*?(?:人民币)?([\d,]*\d(?:\.\d{1,2})?)元")
# between two respondents named together: 「张伟、李秀英」, 「张伟和被告李秀英」
_TOGETHER = re.compile(r"[、和与及](?:被告|被申请人)?")
_ASIDES = re.compile(r"（[^（）]*）|\([^()]*\)")
# a clause ends at a comma, not at the one of a figure (「80,000元」), or at a term's end
_CLAUSE_END = re.compile(r"[，；;。]|(?<!\d),|,(?!\d)")
_ARTS_517_518 = "《中华人民共和国民法典》第五百一十七条、第五百一十八条第二款"

How = Literal["joint", "common", "shares", "unstated", "none"]


@dataclass(frozen=True)
class Several:
    """What the operative part says of the debtors together; the shares read by name;
    ``bare_common``: a bare 「共同承担」 said of them all (``unstated``)."""

    how: How
    debtors: tuple[str, ...] = ()
    shares: dict[str, Decimal] = field(default_factory=dict)
    bare_common: bool = False


def _debtors(case: EnforcementApplication) -> list[str]:
    return [r.name for r in case.respondents if r.liability.kind == "debtor"]


def subjects(operative: str, names: list[str]) -> list[tuple[tuple[str, ...], str]]:
    """Each run of respondents the award terms name together, with the words that follow
    it in its clause (asides in brackets left out): 「被告张伟、李秀英于…共同偿还原告…100,000元」
    gives ((张伟, 李秀英), 「于…共同偿还原告…100,000元」)."""
    if not names:
        return []
    text = _ASIDES.sub("", "".join(awarded(operative).split()))
    named = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    found: list[tuple[tuple[str, ...], str]] = []
    start = 0
    for end_mark in [*_CLAUSE_END.finditer(text), None]:
        end = end_mark.start() if end_mark else len(text)
        clause, start = text[start:end], end_mark.end() if end_mark else end
        marks = list(named.finditer(clause))
        run: list[re.Match[str]] = []
        for k, mark in enumerate(marks):
            run.append(mark)
            after = marks[k + 1] if k + 1 < len(marks) else None
            if after is not None and _TOGETHER.fullmatch(clause[mark.end() : after.start()]):
                continue
            words = clause[mark.end() : after.start() if after else len(clause)]
            found.append((tuple(m.group(0) for m in run), words))
            run = []
    return found


def several(case: EnforcementApplication) -> Several:
    """The module's reading; ``none`` where fewer than two respondents are debtors."""
    debtors = _debtors(case)
    if len(debtors) < 2:
        return Several("none")
    said = subjects(case.title.operative_part, [r.name for r in case.respondents])
    ours = tuple(debtors)
    if any("连带" in words for who, words in said if set(who) & set(debtors)):
        return Several("joint", ours)
    if any(set(debtors) <= set(who) and _COMMON.search(words) for who, words in said):
        return Several("common", ours)
    # each one's principal under its name, every term of his; else the one sum he is ordered
    own = own_sums(case.title.operative_part, [r.name for r in case.respondents])
    own.update(principal_by_term(case))
    shares = {name: own[name] for name in debtors if name in own}
    whole = len(shares) == len(debtors)
    if whole and sum(shares.values(), Decimal(0)) == case.outstanding.principal:
        return Several("shares", ours, shares)
    bare = any(set(debtors) <= set(who) and _BARE_COMMON.search(words) for who, words in said)
    return Several("unstated", ours, shares if whole else {}, bare)


def _own_sum(words: str) -> Decimal | None:
    found = _SUM.search(words)
    return read_figure(found.group(1)) if found else None


def own_sums(operative: str, names: list[str]) -> dict[str, Decimal]:
    """The one sum the clauses naming a respondent alone order him to pay (「其中被告张伟偿还
    60,000元」, 「一、被告张伟…偿还原告借款本金60,000元」), by name; none where they state
    none or several."""
    said = subjects(operative, names)
    found: dict[str, Decimal] = {}
    for name in names:
        sums = {_own_sum(words) for who, words in said if who == (name,)} - {None}
        if len(sums) == 1:
            found[name] = sums.pop()  # type: ignore[assignment]
    return found


# a sum under its name, not one a term names as the base of another (「以借款本金60,000元为
# 基数」, 「借款本金100,000元的利息」) or the limit of a liability (「在借款本金100,000元范围内」)
_FIGURE = (
    r"(?:人民币)?([\d,]*\d(?:\.\d{1,2})?)元"
    r"(?!为|范围|的[^，；。]*?(?:利息|违约金|罚息|资金占用费))"
)
# a clause on what follows a failure to pay (「如被告张伟未按期偿还借款本金…」), not an order
_IF_NOT = re.compile(r"[如若]|未|逾期不")


def own_terms(case: EnforcementApplication, label: str) -> dict[str, list[Decimal]]:
    """Each sum under ``label`` (the instrument's name for the principal, the interest …)
    that a clause naming a respondent alone orders him to pay, every term's, in order, by
    name (「一、被告张伟…偿还原告借款本金60,000元；二、被告张伟…偿还原告借款本金40,000元」:
    张伟 [60,000, 40,000]); empty where a clause states such a sum of two respondents together
    (「被告张伟、李秀英…偿还…借款本金100,000元」: the whole, not theirs). A term naming the sum
    of another's debt (「…对上述借款本金100,000元承担连带清偿责任」) is not his own: the sum
    must follow a word of paying and no 「连带」 be said."""
    own = re.compile(_PAY + r"[^，；。]*?" + re.escape(label) + _FIGURE)
    stated = re.compile(re.escape(label) + _FIGURE)
    found: dict[str, list[Decimal]] = {}
    for who, words in subjects(case.title.operative_part, [r.name for r in case.respondents]):
        if not stated.search(words):
            continue
        if len(who) > 1:
            return {}
        if "连带" in words:
            continue
        for mark in own.finditer(words):
            figure = read_figure(mark.group(1))
            if figure is not None and not _IF_NOT.search(words[: mark.start()]):
                found.setdefault(who[0], []).append(figure)
    return found


def principal_by_term(case: EnforcementApplication) -> dict[str, Decimal]:
    """The principal each respondent's own terms order him to pay under the instrument's
    name for it, every term of his added up (``own_terms``: 「一、被告张伟…偿还原告借款本金
    60,000元；二、被告李秀英…偿还原告借款本金40,000元」: 张伟 60,000, 李秀英 40,000; two
    terms of 张伟's for two loans: their sum), by name; empty where a clause states the
    principal of two respondents together (the module's rule). Each term is counted: only
    the first was (and the instrument's principal read short, a claim of both refused)."""
    terms = own_terms(case, claimed_names(case).principal)
    return {name: sum(sums, Decimal(0)) for name, sums in terms.items()}


def principal_terms_words(case: EnforcementApplication) -> str:
    """「，为法律文书分项确定的人民币60,000.00元、人民币40,000.00元之和」 after the principal
    claimed where a respondent's principal is ordered in two terms or more and the principal
    claimed is their sum: each term printed, as the clerk matches the claim item by item (执行工作
    若干问题的规定（试行） art. 18); the respondents named where there are several."""
    terms = own_terms(case, claimed_names(case).principal)
    every = [s for sums in terms.values() for s in sums]
    if not any(len(sums) > 1 for sums in terms.values()):
        return ""
    if sum(every, Decimal(0)) != case.outstanding.principal:
        return ""

    def figures(sums: list[Decimal]) -> str:
        return "、".join(f"人民币{format_yuan(s)}元" for s in sums)

    if len(terms) == 1:
        return f"，为法律文书分项确定的{figures(every)}之和"
    each = "，".join(f"被执行人{n}{figures(sums)}" for n, sums in terms.items())
    return f"，为法律文书分项确定的{each}之和"


def other_terms(case: EnforcementApplication, name: str) -> list[tuple[str, Decimal]]:
    """The interest and the other sum the application claims (``outstanding``) that the
    respondent's own terms order him alone to pay, each under its name, every term's
    (「二、被告张伟…支付原告利息5,000元」: [(利息, 5,000)]): said with his share, as the
    instrument orders them of him (the module's rule; 民事诉讼法 art. 247)."""
    o, named = case.outstanding, claimed_names(case)
    claimed = [(named.interest, o.interest), (named.other, o.other)]
    found: list[tuple[str, Decimal]] = []
    for label, amount in claimed:
        if amount:
            found += [(label, s) for s in own_terms(case, label).get(name, [])]
    return found


def other_terms_words(case: EnforcementApplication, name: str) -> str:
    """「，并支付法律文书确定由其支付的利息人民币5,000.00元（大写：伍仟元整）」, or ''."""
    items = "、".join(f"{label}{legal_amount(s)}" for label, s in other_terms(case, name))
    return f"，并支付法律文书确定由其支付的{items}" if items else ""


def read_shares(case: EnforcementApplication) -> dict[str, Decimal]:
    """The debtors' shares the operative part fixes, where read (the module's rule)."""
    found = several(case)
    return found.shares if found.how == "shares" else {}


def common_word(case: EnforcementApplication) -> str:
    """「共同」 where the operative part orders the debtors to pay in common, else ''."""
    return "共同" if several(case).how == "common" else ""


def check_several(result: Assessment, case: EnforcementApplication) -> None:
    """The shares read are told; debtors whose shares the request cannot tell are warned
    of (the module's rules)."""
    found = several(case)
    who = "、".join(found.debtors)
    hint = (
        "请按判项核对各被执行人的责任形式：判项确定各自份额的，选「按份责任」并填写份额"
        "（已履行部分款项的，填写尚欠的份额）；判项确定连带责任的，选「连带清偿责任」"
    )
    if found.how == "joint":
        _warn_joint_together(result, case)
    each = "、".join(f"{n}人民币{format_yuan(s)}元" for n, s in found.shares.items())
    principal = claimed_names(case).principal
    if found.how == "shares":
        result.warn(
            ("respondents",),
            "shares_read_from_title",
            f"已按法律文书的判项读出各被执行人的份额：{each}，合计与申请执行的{principal}相同；"
            f"申请书请求被执行人{who}各按该份额向申请执行人支付（{_ARTS_517_518}）",
            hint="读出的份额有误的，请将其责任形式选为「按份责任」并填写份额",
        )
    elif found.how == "unstated" and found.shares:
        total = sum(found.shares.values(), Decimal(0))
        result.warn(
            ("respondents",),
            "share_unstated",
            f"法律文书的判项确定了被执行人{who}各自的份额（{each}，合计人民币"
            f"{format_yuan(total)}元），与申请执行的{principal}人民币"
            f"{format_yuan(case.outstanding.principal)}元不同：申请书请求被执行人{who}向申请执行人"
            f"支付，不能表明各被执行人应支付的份额（{_ARTS_517_518}；{TITLE_ONLY}）",
            hint=hint,
        )
    elif found.how == "unstated" and found.bare_common:
        _warn_bare_common(result, case, who)
    elif found.how == "unstated":
        result.warn(
            ("respondents",),
            "share_unstated",
            f"被执行人{who}的责任形式均为「债务人」，法律文书的判项既未写明其连带或者共同"
            f"给付，也未确定各自的份额：申请书请求被执行人{who}向申请执行人支付，不能表明各被执行人"
            "应支付的份额。连带债务由法律规定或者当事人约定，判项未写明连带的，各被执行人可能仅"
            f"按份承担，份额难以确定的视为份额相同（{_ARTS_517_518}）；申请执行的执行标的和"
            f"被执行人应当明确（{TITLE_ONLY}）",
            hint=hint,
        )


def _warn_bare_common(result: Assessment, case: EnforcementApplication, who: str) -> None:
    """A bare 「共同承担」 (「被告张伟、李秀英共同承担借款本金100,000元」), no 「连带」, no
    shares: 共同 is said of 按份 and 连带 liability alike (the module's rule), and which it
    is decides what each owes — a share, equal where the shares cannot be determined (民法典
    art. 177), or the whole (art. 178(1); 连带 only by law or agreement, art. 178(3)). The
    warning says so and what to fill in once the judgment's reasons or the court tell it;
    the request names them as the operative part does (``share_unstated``)."""
    result.warn(
        ("respondents",),
        "share_unstated",
        f"法律文书的判项写明被执行人{who}「共同承担」，未写明「连带」，也未确定各自的份额："
        "「共同承担」既可能是按份责任，也可能是连带责任，申请书不能据此表明各被执行人应支付的"
        "金额。按份责任的，能够确定责任大小的各自承担相应的责任，难以确定责任大小的平均承担责任"
        "（《中华人民共和国民法典》第一百七十七条）；连带责任的，权利人有权请求部分或者全部连带"
        "责任人承担责任，连带责任由法律规定或者当事人约定（《中华人民共和国民法典》"
        f"第一百七十八条）。申请书现请求被执行人{who}向申请执行人支付（{TITLE_ONLY}）",
        hint="请按判决书的「本院认为」部分（或向作出判决的法院询问）确认责任形式：判决认定连带"
        "责任的，将各被执行人的责任形式均选为「连带清偿责任」；认定按份责任的，均选「按份责任」并"
        "填写各自承担的本金份额（判决未写明份额、难以确定责任大小的，按平均份额填写）",
    )


def _warn_joint_together(result: Assessment, case: EnforcementApplication) -> None:
    """Debtors the award terms order together to pay 连带 (「被告张伟、李秀英…连带偿还…」),
    left debtors: the request would name them without 「连带」 (民法典 art. 178, art. 518),
    though typed ``joint`` each it says 「…张伟、李秀英连带向申请执行人支付…」. A subject alone
    (「李秀英对上述债务承担连带…」) is ``joint_typed_as_debtor``'s."""
    debtors = _debtors(case)
    said = subjects(case.title.operative_part, [r.name for r in case.respondents])
    together = [who for who, words in said if "连带" in words and len(set(who) & set(debtors)) > 1]
    if not together:
        return
    who = "、".join(n for n in debtors if any(n in run for run in together))
    result.warn(
        ("respondents",),
        "joint_typed_as_debtors",
        f"法律文书的判项确定被执行人{who}连带给付，其责任形式却均为「债务人」：申请书将请求其向"
        "申请执行人支付，不写连带，与判项不符（《中华人民共和国民法典》第一百七十八条、"
        "第五百一十八条；《中华人民共和国民事诉讼法》第二百四十七条）",
        hint=f"请将被执行人{who}的责任形式均选为「连带清偿责任」，申请书即写明「被执行人{who}连带"
        "向申请执行人支付…」",
    )
