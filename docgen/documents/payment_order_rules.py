"""The conditions of a payment order the applicant answers, and what the case says against
them (民事诉讼法 art. 225; 民诉法解释 arts. 427, 428).

The application states to the court that each condition of acceptance is met. No answer
is assumed: each is asked (``None`` until the user answers), refused when the answer
bars the procedure, and the sentence of the application is built from the answers given
(``confirmed_sentence``). What the facts say against an answer is warned beside it; a
debtor's address outside the mainland is refused at the address
(``payment_order_debtor``), and the answer 「不在我国境内」 not refused again for it. The
answers 「不在我国境内」 and 「下落不明确」 together are one reason, refused once, at the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.documents.payment_order_debtor import abroad, unfound_places
from docgen.documents.problems import Assessment, Loc
from docgen.domain.money import format_yuan

if TYPE_CHECKING:
    from docgen.documents.payment_order import ClaimItem, PaymentOrderApplication

_CPL = "《中华人民共和国民事诉讼法》"
_SPI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
ITEM_LABELS = {"principal": "本金", "interest": "利息", "penalty": "违约金", "other": "其他款项"}
_REFUSED = "人民法院不予受理支付令申请"


@dataclass(frozen=True)
class Condition:
    """One condition of acceptance the applicant answers: the field, the question, the
    answer that lets the application through, and the refusal of the other answer."""

    field: str
    question: str
    allowed: bool
    code: str
    refusal: str


CONDITIONS = (
    # 民事诉讼法 art. 225(1) 没有其他债务纠纷, read by 民诉法解释 art. 427(3) as the
    # creditor owing no counter-performance
    Condition(
        "counter_performance",
        f"申请人是否负有对待给付义务（{_SPI}第四百二十七条第三项）",
        False,
        "counter_performance",
        f"申请人负有对待给付义务的，{_REFUSED}（{_CPL}第二百二十五条第一款第一项，{_SPI}"
        "第四百二十七条第三项）；请通过诉讼主张",
    ),
    Condition(
        "respondent_in_mainland",
        f"被申请人是否在我国境内（{_SPI}第四百二十七条第四项）",
        True,
        "respondent_abroad",
        f"被申请人不在我国境内的，{_REFUSED}（{_SPI}第四百二十七条第四项）；请通过诉讼主张",
    ),
    Condition(
        "respondent_reachable",
        f"被申请人是否下落明确、支付令能否送达被申请人（{_SPI}第四百二十七条第四项、第五项）",
        True,
        "cannot_be_served",
        f"被申请人下落不明、支付令不能送达的，{_REFUSED}（{_CPL}第二百二十五条，{_SPI}"
        "第四百二十七条第四项、第五项）；支付令不适用公告送达",
    ),
    Condition(
        "preservation_applied",
        f"申请人是否已就本债务向人民法院申请诉前保全（{_SPI}第四百二十七条第七项）",
        False,
        "preservation_applied",
        f"已向人民法院申请诉前保全的，{_REFUSED}（{_SPI}第四百二十七条第七项）",
    ),
)
TITLES = {
    "counter_performance": "申请人负有对待给付义务",
    "respondent_in_mainland": "被申请人在我国境内",
    "respondent_reachable": "被申请人下落明确",
}
"""The form's titles of the answers a word of the facts may contradict."""

# words of the facts that say the opposite of an answer that lets the application through
_CONTRADICTING = (
    ("尚未交货", "counter_performance"),
    ("尚未交付", "counter_performance"),
    ("先履行", "counter_performance"),
    ("下落不明", "respondent_reachable"),
    ("公告送达", "respondent_reachable"),
    ("境外", "respondent_in_mainland"),
)


def check_conditions(result: Assessment, case: PaymentOrderApplication) -> None:
    """Each condition answered, and answered so that the court may accept the application
    (民事诉讼法 art. 225; 民诉法解释 art. 427(3), (4), (5), (7)). A debtor living outside
    the mainland is refused at the address whatever the answer: one fact, one error."""
    told = {"respondent_in_mainland", "respondent_reachable"} if abroad(case) else set()
    if case.respondent_in_mainland is False and case.respondent_reachable is False:
        # a debtor abroad cannot be served a payment order: one reason, refused once at
        # its cause (respondent_in_mainland), the answer 「下落明确」否 named in the message
        told.add("respondent_reachable")
    for condition in CONDITIONS:
        answer = getattr(case, condition.field)
        if answer is None:
            result.error((condition.field,), "missing", f"请确认：{condition.question}")
        elif answer is not condition.allowed and condition.field not in told:
            refusal, hint = _refusal(case, condition)
            result.error((condition.field,), condition.code, refusal, hint=hint)
    allowed = {c.field: c.allowed for c in CONDITIONS}
    for word, field in _CONTRADICTING:
        if word in case.facts and getattr(case, field) is allowed[field]:
            answer = "是" if allowed[field] else "否"
            result.warn(
                ("facts",),
                "facts_contradict_answer",
                f"事实与理由写有「{word}」，而「{TITLES[field]}」答为「{answer}」：申请书将向"
                f"法院陈述{_stated(field)}，请核对（{_SPI}第四百二十七条）",
                hint=f"请核对「{TITLES[field]}」（{field}）",
            )


def _refusal(case: PaymentOrderApplication, condition: Condition) -> tuple[str, str | None]:
    """The refusal of an answer, and what to do. The answer that the order cannot be
    served, beside an address that does not find the debtor (``unfound_places``), is one
    fact: the address is not refused again, and this message names it; beside the answer
    that the debtor is abroad, it is that answer's refusal which names it."""
    places = "、".join(f"{what}写为「{address}」" for what, address, _ in unfound_places(case))
    if condition.field == "respondent_in_mainland" and case.respondent_reachable is False:
        return _abroad_and_unreachable(places)
    if condition.field != "respondent_reachable":
        return condition.refusal, None
    told = (
        f"被申请人{places}，不能确定其下落，申请人也答「被申请人下落明确」为「否」："
        if places
        else ""
    )
    return (
        f"{told}支付令须送达被申请人本人，不适用公告送达；被申请人下落不明、支付令不能送达的，"
        f"{_REFUSED}（{_CPL}第二百二十五条第一款第二项，{_SPI}第四百二十七条第四项、第五项、"
        "第四百二十九条）",
        "请向人民法院起诉（起诉可以公告送达）；能够确定被申请人下落的，请写明其完整住址，并将"
        "「被申请人下落明确」改为「是」",
    )


def _abroad_and_unreachable(places: str) -> tuple[str, str]:
    """The answers 「不在我国境内」 and 「下落不明确」 together: one reason a payment order is
    unavailable — it is served on the debtor in China, never by public notice (民事诉讼法
    art. 225(1)(2); 民诉法解释 art. 427(4), (5)) — refused once, at the debtor's being
    abroad; an address that does not find the debtor (``unfound_places``) named too."""
    written = f"被申请人{places}；" if places else ""
    return (
        f"{written}申请人答「被申请人在我国境内」为「否」，「被申请人下落明确」也答为「否」，二者是"
        "同一原因：支付令须在我国境内送达被申请人本人，不适用公告送达；被申请人不在我国境内的，"
        f"{_REFUSED}（{_CPL}第二百二十五条第一款第二项，{_SPI}第四百二十七条第四项、第五项）",
        "请向人民法院起诉；被申请人在我国境内且下落明确的，请将两项均改为「是」，并写明其境内住址",
    )


def _stated(field: str) -> str:
    return {
        "counter_performance": "「申请人不负有对待给付义务」",
        "respondent_in_mainland": "「被申请人在我国境内」",
        "respondent_reachable": "「被申请人下落明确，支付令能够送达」",
    }[field]


def confirmed_sentence(case: PaymentOrderApplication) -> str:
    """The conditions as the applicant answered them, each clause only from its answer."""
    clauses: list[str] = []
    if case.counter_performance is False:
        clauses.append("申请人与被申请人之间没有其他债务纠纷，申请人不负有对待给付义务；")
    served = []
    if case.respondent_in_mainland is True:
        served.append("被申请人在我国境内")
    if case.respondent_reachable is True:
        served.append("下落明确，支付令能够送达")
    if served:
        clauses.append("，".join(served) + "。")
    if case.preservation_applied is False:
        clauses.append("申请人未就本债务申请诉前保全。")
    sentence = "".join(clauses)
    return sentence[:-1] + "。" if sentence.endswith("；") else sentence


def check_item(result: Assessment, item: ClaimItem, loc: Loc) -> None:
    """Interest, a penalty and any other sum beside the principal (a lawyer's fee as
    damages) must be agreed in the documents (民诉法解释 art. 428(2)): asked, never
    assumed; how interest or a penalty was reached is stated, so that the amount is
    definite and can be checked against the facts (民事诉讼法 art. 225)."""
    if item.kind == "principal":
        return
    name = item.label or ITEM_LABELS[item.kind]
    if item.agreed is None:
        result.error(
            (*loc, "agreed"),
            "missing",
            f"请确认：合同、借条等证明文件是否约定了{name}（{_SPI}第四百二十八条第二项）",
        )
    elif not item.agreed:
        result.error(
            (*loc, "agreed"),
            "not_agreed",
            f"证明文件没有约定{name}的，坚持请求给付将被裁定驳回申请"
            f"（{_SPI}第四百二十八条第二项）；请删除该项，或通过诉讼主张",
        )
    elif item.kind in ("interest", "penalty") and not item.basis and item.calculation is None:
        result.warn(
            (*loc, "basis"),
            "basis_missing",
            f"请写明{name}人民币{format_yuan(item.amount)}元的计算方式（基数、利率、起止日期），"
            f"使请求给付的数额确定、可与事实核对（{_CPL}第二百二十五条）",
        )
