"""The agents of one party across the complaint, the powers of attorney and the firm's
letters: who is one person, and whether the parts agree on them.

A lawyer is known by the licence number (执业证号) more than by the name: two lawyers may
share a name, and each files the licence and the firm's papers with the power
(民诉法解释 art. 88(1): 律师应当提交律师执业证、律师事务所证明材料), so the number and
the firm a paper gives must be the lawyer's. Two mentions of one name are one lawyer when
the numbers agree where both parts give one, else when the firms agree where both give
one, else by the name alone. Failing that, a name that stands once on each side is still
taken for one lawyer typed differently — the number or firm of the later part is refused,
naming both values — while two lawyers of one name each matched by number or firm are two
people and nothing is reported. A part never names one lawyer twice, so two mentions in
one part are two people.

The rules on the people so resolved (``agent_problems``): each lawyer the letter assigns
holds a power, the complaint lists the powers' agents, two agents at most (民事诉讼法
arts. 61(1), 62(1)).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docgen.documents import registry
from docgen.documents.problems import Loc, Problem

COMPLAINT = "起诉状"
POWER = registry.get("power_of_attorney").title
LETTER = registry.get("firm_letter").title
AGENTS_ARTICLE = "《中华人民共和国民事诉讼法》第六十一条第一款"
POWER_ARTICLE = "《中华人民共和国民事诉讼法》第六十二条第一款"
PAPERS_ARTICLE = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第八十八条第（一）项"


@dataclass(frozen=True)
class Fact:
    """A value one part states (a firm, a licence number) and where."""

    part: str
    loc: Loc
    value: str


@dataclass(frozen=True)
class Mention:
    """An agent as one part names them, with the firm and licence number it gives."""

    part: str
    loc: Loc
    value: str
    firm: Fact | None = None
    license: Fact | None = None


@dataclass(frozen=True)
class Agents:
    """The agents one part names for one party (``principal``)."""

    part: str
    principal: str
    loc: Loc
    names: tuple[Mention, ...]


@dataclass
class Lawyer:
    """One person the parts name, with the first firm and number stated for them."""

    name: str
    firm: Fact | None = None
    license: Fact | None = None

    def learn(self, mention: Mention) -> None:
        self.firm = self.firm or mention.firm
        self.license = self.license or mention.license


def plain(text: str) -> str:
    """Compared without spaces and with ASCII brackets read as full-width ones."""
    return "".join(text.split()).replace("(", "（").replace(")", "）")


def _agree(one: Fact | None, other: Fact | None) -> bool | None:
    """Whether two stated values agree; None when one of them is not stated."""
    if one is None or other is None:
        return None
    return plain(one.value) == plain(other.value)


def _surely_same(lawyer: Lawyer, mention: Mention) -> bool:
    """The same name, and the licence numbers agree where both are given, else the firms."""
    if plain(lawyer.name) != plain(mention.value):
        return False
    by_license = _agree(lawyer.license, mention.license)
    if by_license is not None:
        return by_license
    return _agree(lawyer.firm, mention.firm) is not False


def _label(lawyer: Lawyer, lawyers: list[Lawyer]) -> str:
    """The name, told from a namesake by the number or the firm."""
    if sum(plain(other.name) == plain(lawyer.name) for other in lawyers) < 2:
        return lawyer.name
    known = lawyer.license or lawyer.firm
    return f"{lawyer.name}（{known.value}）" if known else lawyer.name


@dataclass
class People:
    """The agents of one party resolved into people: ``of`` gives a mention's person."""

    lawyers: list[Lawyer] = field(default_factory=list)
    of: dict[Mention, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def take(self, part: Agents) -> None:
        taken: set[int] = set()
        unsure: list[Mention] = []
        # a name the part gives twice is two people: no guessing which one was mistyped
        for mention in part.names:
            found = next(
                (
                    i
                    for i, lawyer in enumerate(self.lawyers)
                    if i not in taken and _surely_same(lawyer, mention)
                ),
                None,
            )
            if found is None:
                unsure.append(mention)
            else:
                self._match(found, mention, taken)
        for mention in unsure:
            alone = sum(plain(m.value) == plain(mention.value) for m in unsure) == 1
            self._match_or_add(mention, alone, taken)

    def _match_or_add(self, mention: Mention, alone: bool, taken: set[int]) -> None:
        """A name standing once on each side is one lawyer typed differently."""
        name = plain(mention.value)
        candidates = [
            i
            for i, lawyer in enumerate(self.lawyers)
            if i not in taken and plain(lawyer.name) == name
        ]
        if alone and len(candidates) == 1:
            self._match(candidates[0], mention, taken)
            return
        self.lawyers.append(Lawyer(mention.value))
        self._match(len(self.lawyers) - 1, mention, taken)

    def _match(self, index: int, mention: Mention, taken: set[int]) -> None:
        lawyer = self.lawyers[index]
        for what, known, stated in (
            ("执业证号", lawyer.license, mention.license),
            ("工作单位（律师事务所）", lawyer.firm, mention.firm),
        ):
            if known is not None and stated is not None and _agree(known, stated) is False:
                self.problems.append(_differs(mention, what, known, stated))
        lawyer.learn(mention)
        taken.add(index)
        self.of[mention] = index


def _differs(mention: Mention, what: str, known: Fact, stated: Fact) -> Problem:
    code = "lawyer_license_mismatch" if what == "执业证号" else "lawyer_firm_mismatch"
    return Problem(
        stated.loc,
        code,
        f"{mention.part}写明{mention.value}的{what}为{stated.value}，{known.part}写明为"
        f"{known.value}：律师代为诉讼须提交授权委托书和律师执业证、律师事务所证明材料"
        f"（{POWER_ARTICLE}，{PAPERS_ARTICLE}），各份材料所写应为同一律师；若是另一名同名"
        "律师，则该律师没有授权委托书",
        f"请按{mention.value}的律师执业证核对并改正{what}",
    )


def agent_problems(agents: list[Agents]) -> Iterator[Problem]:
    """Per party: the lawyers resolved into people, then each lawyer of a letter holds a
    power; the complaint lists the powers' agents; two agents at most (民事诉讼法
    arts. 61(1), 62(1))."""
    principals = dict.fromkeys(plain(a.principal) for a in agents)
    for principal in principals:
        mine = [a for a in agents if plain(a.principal) == principal]
        people = People()
        for part in mine:
            people.take(part)
        yield from people.problems
        powers = [a for a in mine if a.part == POWER]
        if powers:
            authorised = list(dict.fromkeys(people.of[n] for a in powers for n in a.names))
            for letter in (a for a in mine if a.part == LETTER):
                yield from _unauthorised_lawyers(letter, authorised, people)
            for complaint in (a for a in mine if a.part == COMPLAINT):
                problem = _complaint_against_powers(complaint, authorised, people)
                if problem is not None:
                    yield problem
        problem = _too_many(principal, powers + [a for a in mine if a.part != POWER], people)
        if problem is not None:
            yield problem


def _labels(people: People, indexes: list[int]) -> str:
    return "、".join(_label(people.lawyers[i], people.lawyers) for i in indexes)


def _unauthorised_lawyers(
    letter: Agents, authorised: list[int], people: People
) -> Iterator[Problem]:
    for lawyer in letter.names:
        if people.of[lawyer] not in authorised:
            yield Problem(
                lawyer.loc,
                "lawyer_without_power_of_attorney",
                f"律师事务所函指派的律师{_labels(people, [people.of[lawyer]])}不是"
                f"{letter.principal}授权委托书的受托人（授权委托书委托"
                f"{_labels(people, authorised)}）：委托他人代为诉讼，须向人民法院提交"
                f"由委托人签名或者盖章的授权委托书（{POWER_ARTICLE}）",
                "请在授权委托书中委托该律师，或在律师事务所函中改为授权委托书所委托的律师",
            )


def _complaint_against_powers(
    complaint: Agents, authorised: list[int], people: People
) -> Problem | None:
    listed = list(dict.fromkeys(people.of[n] for n in complaint.names))
    if set(listed) == set(authorised):
        return None
    details = []
    without = [i for i in listed if i not in authorised]
    if without:
        details.append(
            f"{_labels(people, without)}没有授权委托书，委托他人代为诉讼须提交由委托人签名"
            f"或者盖章的授权委托书（{POWER_ARTICLE}）"
        )
    left_out = [i for i in authorised if i not in listed]
    if left_out:
        details.append(f"授权委托书委托的{_labels(people, left_out)}未列入起诉状")
    return Problem(
        complaint.loc,
        "agents_differ_from_power_of_attorney",
        f"起诉状列明的{complaint.principal}的委托诉讼代理人（{_labels(people, listed) or '无'}）"
        f"与授权委托书的受托人（{_labels(people, authorised)}）不一致：{'；'.join(details)}",
        "起诉状应列明授权委托书所委托的诉讼代理人，二者一致",
    )


def _too_many(principal: str, lists: list[Agents], people: People) -> Problem | None:
    """Two agents at most across the parts; the error sits where the third is named."""
    seen: list[int] = []
    third: Mention | None = None
    for named in (n for a in lists for n in a.names):
        person = people.of[named]
        if person not in seen:
            seen.append(person)
            if len(seen) == 3:
                third = named
    if third is None:
        return None
    by_part = "；".join(
        f"{a.part}：{'、'.join(n.value for n in a.names)}" for a in lists if a.names
    )
    return Problem(
        third.loc,
        "too_many_agents",
        f"{principal}的诉讼代理人共{len(seen)}人（{_labels(people, seen)}；{by_part}）：当事人"
        f"可以委托一至二人作为诉讼代理人（{AGENTS_ARTICLE}）",
        "请只委托一至二名诉讼代理人，并使起诉状、授权委托书和律师事务所函列明同样的代理人",
    )
