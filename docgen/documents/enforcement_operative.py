"""What the operative part of an instrument (判决主文, 调解书的协议内容, 裁决) awards, read
term by term, for the checks of an application for enforcement that compare the claim
with it.

An operative part is more than what it awards. A judgment rejects claims (「驳回原告的其他
诉讼请求」, 「对原告主张的违约金不予支持」), a statement records what a party waives
(「原告放弃其余诉讼请求」), and every judgment with a money award ends with the statutory
notice 「如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》
第二百六十四条之规定，加倍支付迟延履行期间的债务利息」 (the doubled interest of art. 264,
which courts are told to state): none of these awards 利息, 罚息 or 违约金, though they name
them. So the words of an award are looked for in the award's terms only (``awarded``).

A term is cut at 。；; and at an item's number (「二、」); a term's clause that rejects or
waives (驳回, 不予支持, 放弃, 免除, 不再主张 …) is cut from the award before it, together
with the clauses that lead into it (a condition 「如被告按期足额履行，」, a topic
「对原告主张的违约金，」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# 《最高人民法院关于人民法院执行工作若干问题的规定（试行）》 (法释〔1998〕15号, as amended by
# 法释〔2020〕21号, numbered as the 2020 text): art. 16(1)(3) — an application is accepted on
# an instrument 「有给付内容，且执行标的和被执行人明确」; art. 18(1) — 「申请执行书中应当写明
# 申请执行的理由、事项、执行标的」. A claim beyond what the instrument determines is refused or
# warned citing both (``TITLE_ONLY``); how the application names and states a sum cites
# art. 18 (``ART_18``).
EXECUTION_WORK_RULES = "《最高人民法院关于人民法院执行工作若干问题的规定（试行）》"
ART_18 = f"{EXECUTION_WORK_RULES}第十八条"
TITLE_ONLY = f"{EXECUTION_WORK_RULES}第十六条第一款第三项、第十八条"

_TERMS = re.compile(r"[。；;]|(?=[一二三四五六七八九十]+、)")
# a clause ends at a comma, not at the one of a figure (「80,000元」)
_CLAUSES = re.compile(r"，|(?<!\d),|,(?!\d)")
_DENIED = re.compile(
    r"驳回|不予(?:支持|采纳|准许|确认|认可|主张)|放弃|免除|不再(?:主张|要求|追究|支付|承担)"
)
# the statutory notice of art. 264 (art. 253 before 2017, 260 until 2023): the doubled
# interest the law adds, not one the instrument awards
_NOTICE = re.compile(r"迟延履行期间的债务利息|迟延履行金")
_IF = r"(?:如果|倘若|假如|若(?!干)|(?<![例比诸])如(?![期数下上前实]))"
_IF_CLAUSE = re.compile(_IF + r"|的$")
_TOPIC = re.compile(r"^(?:对于|对|关于)")
# a condition of default: 「逾期未付的，」, 「如…未按期…，」 (「如被告按期足额履行，」 is not)
_DEFAULT = re.compile(
    _IF + r".*(?:逾期|未|不|迟延)|(?:逾期|未按|不按|到期未|不履行|未履行|未足额|迟延).*的$"
)


@dataclass(frozen=True)
class Segment:
    """Part of a term: the clauses that lead in (conditions, a topic) and the rest."""

    text: str
    denied: bool
    condition: str


def segments(operative: str) -> list[Segment]:
    """The operative part cut into what it awards and what it rejects or waives; the
    statutory notice left out."""
    result: list[Segment] = []
    for term in _TERMS.split(operative):
        term = term.strip()
        if not term or _NOTICE.search(term):
            continue
        result.extend(_term_segments(term))
    return result


def _term_segments(term: str) -> list[Segment]:
    result: list[Segment] = []
    current: list[str] = []
    for clause in _clauses(term):
        if not _DENIED.search(clause):
            current.append(clause)
            continue
        leading = [c for c in current if _leads(c)]
        if len(leading) < len(current):
            result.append(_segment(current, False))
            leading = []
        result.append(_segment([*leading, clause], True))
        current = []
    if current:
        result.append(_segment(current, False))
    return result


def _clauses(text: str) -> list[str]:
    """The clauses, each with the comma that ends it, so that joined they give the text."""
    found, start = [], 0
    for comma in _CLAUSES.finditer(text):
        found.append(text[start : comma.end()])
        start = comma.end()
    return [*found, text[start:]] if text[start:] else found


def _bare(clause: str) -> str:
    return _CLAUSES.sub("", clause).strip()


def _leads(clause: str) -> bool:
    return bool(_IF_CLAUSE.search(_bare(clause)) or _TOPIC.search(_bare(clause)))


def _segment(clauses: list[str], denied: bool) -> Segment:
    conditions = [c for c in clauses if _IF_CLAUSE.search(_bare(c))]
    text = "".join(clauses).strip()
    if text.endswith(("，", ",")):  # the comma before the clause cut off after it
        text = text[:-1]
    return Segment(text, denied, "".join(conditions))


def awarded(operative: str) -> str:
    """The operative part's award terms only: what it rejects or waives and the statutory
    notice are left out."""
    return "；".join(s.text for s in segments(operative) if not s.denied)


def default_clause(operative: str, label: str) -> str | None:
    """The award term making ``label`` (违约金 …) payable on the instrument not being
    performed (「逾期未付的，被告另行向原告支付违约金8,000元」), as written; None when none
    does."""
    for segment in segments(operative):
        if segment.denied or label not in segment.text:
            continue
        head = segment.text.split(label, 1)[0]
        if any(_DEFAULT.search(_bare(c)) for c in _clauses(head)[:-1]):
            return segment.text
    return None


def waived_on_condition(operative: str, label: str) -> str | None:
    """A term waiving ``label`` on a condition (「如被告按期足额履行上述义务，原告放弃主张
    违约金」): the sum is owed exactly when the statement is not performed, so it is read as
    the statement's liability for that (``enforcement_delay``)."""
    for segment in segments(operative):
        if segment.denied and segment.condition and label in segment.text:
            return segment.text
    return None


def only_denied(operative: str, label: str) -> str | None:
    """The term rejecting or waiving ``label`` outright where no award term names it
    (「驳回原告要求被告支付违约金的诉讼请求」); None when an award names it, nothing
    rejects it, or a waiver is on a condition (``waived_on_condition``)."""
    parts = segments(operative)
    if any(label in s.text for s in parts if not s.denied or s.condition):
        return None
    return next((s.text for s in parts if s.denied and label in s.text), None)
