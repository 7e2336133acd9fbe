"""One filing, one set of people: what the complaint and the papers filed with it say of
the plaintiffs' agents, of an organisation's representative and of whose ID number is
whose must agree, since the court reads them together.

- The agents. A party may appoint one or two agents (民事诉讼法 art. 61(1)); each acts
  under a power of attorney the party signs or seals (art. 62(1)). So every lawyer the
  firm's letter assigns is an agent of the party's power of attorney; the complaint lists
  the agents the power appoints, no other and none fewer; and the complaint, the powers
  and the letters of one party name two people at most. Errors: an agent without a power
  has no authority to act, and a third agent is refused by the court.
- Whose ID number. 公民身份号码是每个公民唯一的、终身不变的身份代码 (居民身份证法
  art. 3(2)): one number given to two people in the bundle is wrong for one of them (an
  error on the later one, naming the earlier).
- The representative. An organisation is represented by its 法定代表人 (民事诉讼法
  art. 51), the one registered (民诉法解释 art. 50(1)): papers naming different people
  are an error. The complaint states the representative's position (民事诉讼法
  art. 124(1)), as the certificate and the power of attorney may: positions that differ
  are a warning (the clerk compares them with the business licence; one of them may be
  only shorter).

Each paper is read as filed (its case filled in from the bundle's); a paper that does
not parse is left to its own errors. Parts are compared in the bundle's order (the
complaint, then the papers in the courts' order), a problem put on the later part.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docgen.bundle.papers import in_order, with_case
from docgen.documents import registry
from docgen.documents.civil_complaint import CivilComplaint
from docgen.documents.court_parts import representative
from docgen.documents.firm_letter import FirmLetter
from docgen.documents.power_of_attorney import PowerOfAttorney
from docgen.documents.problems import CaseInvalid, Loc, Problem
from docgen.documents.representative_certificate import RepresentativeCertificate
from docgen.documents.service_address import ServiceAddressConfirmation
from docgen.domain.parties import Organization, Party, Person
from docgen.pipeline import validation

if TYPE_CHECKING:
    from docgen.bundle.model import BundleCase
    from docgen.services import DocumentService

COMPLAINT = "起诉状"
POWER = registry.get("power_of_attorney").title
LETTER = registry.get("firm_letter").title
AGENTS_ARTICLE = "《中华人民共和国民事诉讼法》第六十一条第一款"
POWER_ARTICLE = "《中华人民共和国民事诉讼法》第六十二条第一款"
ID_ARTICLE = "《中华人民共和国居民身份证法》第三条第二款"


@dataclass(frozen=True)
class Named:
    """A name (or a number, a position) one part of the bundle states, and where."""

    part: str
    loc: Loc
    value: str


@dataclass(frozen=True)
class Agents:
    """The agents one part names for one party (``principal``)."""

    part: str
    principal: str
    loc: Loc
    names: tuple[Named, ...]


@dataclass(frozen=True)
class Identity:
    """An ID number given to a person."""

    part: str
    loc: Loc
    person: str
    number: str


@dataclass(frozen=True)
class Representative:
    """An organisation's representative as one part names it, with the position held."""

    part: str
    organization: str
    name: Named
    position: Named | None


@dataclass
class Statements:
    """What every part of the bundle says of the people in it."""

    agents: list[Agents] = field(default_factory=list)
    identities: list[Identity] = field(default_factory=list)
    representatives: list[Representative] = field(default_factory=list)


def check_people(
    docgen: DocumentService, case: BundleCase, problems: list[Problem], warnings: list[Problem]
) -> None:
    """Errors (``problems``) and warnings of the people the complaint and the papers name."""
    said = Statements()
    if case.complaint is not None:
        complaint = read_part(docgen, case.complaint.type, case.complaint.data)
        if isinstance(complaint, CivilComplaint):
            _from_complaint(complaint, said)
    for index, spec in in_order(case.papers):
        paper = read_part(docgen, spec.type, with_case(spec, case))
        if paper is not None:
            _from_paper(paper, ("papers", index, "data"), said)
    problems.extend(agent_problems(said.agents))
    problems.extend(identity_problems(said.identities))
    for problem in representative_problems(said.representatives):
        (problems if problem.severity == "error" else warnings).append(problem)


def read_part(docgen: DocumentService, type_name: str, data: Any) -> Any | None:
    """The part as its type reads it (stored data filled in), or None when it does not
    parse: its own problems say why."""
    try:
        doc_type = registry.get(type_name)
        return validation.resolve(docgen.scope, doc_type, doc_type.parse(data), final=False)
    except (CaseInvalid, registry.UnknownDocumentType):
        return None


# --- what each part says -------------------------------------------------------------


def _from_complaint(complaint: CivilComplaint, said: Statements) -> None:
    base: Loc = ("complaint", "data")
    for i, plaintiff in enumerate(complaint.plaintiffs):
        loc = (*base, "plaintiffs", i)
        names = tuple(
            Named(COMPLAINT, (*loc, "agents", j, "name"), agent.name)
            for j, agent in enumerate(plaintiff.agents)
        )
        said.agents.append(Agents(COMPLAINT, plaintiff.party.name, (*loc, "agents"), names))
    for group in ("plaintiffs", "defendants"):
        for i, entry in enumerate(getattr(complaint, group)):
            _party(COMPLAINT, entry.party, (*base, group, i, "party"), said)


def _from_paper(paper: Any, base: Loc, said: Statements) -> None:
    if isinstance(paper, PowerOfAttorney):
        names = tuple(
            Named(POWER, (*base, "agents", j, "name"), agent.name)
            for j, agent in enumerate(paper.agents)
        )
        said.agents.append(Agents(POWER, paper.principal.name, (*base, "agents"), names))
        _party(POWER, paper.principal, (*base, "principal"), said)
        for j, agent in enumerate(paper.agents):
            _identity(said, POWER, (*base, "agents", j, "id_number"), agent.name, agent.id_number)
    elif isinstance(paper, FirmLetter):
        names = tuple(
            Named(LETTER, (*base, "lawyers", j, "name"), lawyer.name)
            for j, lawyer in enumerate(paper.lawyers)
        )
        said.agents.append(Agents(LETTER, paper.client, (*base, "lawyers"), names))
    elif isinstance(paper, RepresentativeCertificate):
        _certificate(paper, base, said)
    elif isinstance(paper, ServiceAddressConfirmation):
        part = registry.get("service_address").title
        loc = (*base, "recipient_id_number")
        _identity(said, part, loc, paper.recipient, paper.recipient_id_number)


def _certificate(paper: RepresentativeCertificate, base: Loc, said: Statements) -> None:
    org = paper.organization
    if not isinstance(org, Organization):
        return
    part = registry.get("representative_certificate").title
    name = Named(part, (*base, "organization", "legal_representative"), org.legal_representative)
    position = Named(part, (*base, "position"), paper.position)
    said.representatives.append(Representative(part, org.name, name, position))
    _identity(said, part, (*base, "id_number"), org.legal_representative, paper.id_number)


def _party(part: str, party: Party, loc: Loc, said: Statements) -> None:
    if isinstance(party, Organization):
        said.representatives.append(_representative(part, party, loc))
    elif isinstance(party, Person):
        _identity(said, part, (*loc, "id_number"), party.name, party.id_number)
        guardian = party.guardian
        if guardian is not None:
            loc = (*loc, "guardian", "id_number")
            _identity(said, part, loc, guardian.name, guardian.id_number)


def _representative(part: str, org: Organization, loc: Loc) -> Representative:
    """The representative and the position as the party block prints them (a position
    typed in the role's place counts, ``court_parts.representative``)."""
    printed = representative(org)[1]
    position = printed.removeprefix(org.legal_representative).removeprefix("，")
    return Representative(
        part,
        org.name,
        Named(part, (*loc, "legal_representative"), org.legal_representative),
        Named(part, (*loc, "representative_position"), position) if position else None,
    )


def _identity(said: Statements, part: str, loc: Loc, person: str, number: str | None) -> None:
    if number and number.strip():
        said.identities.append(Identity(part, loc, _plain(person), number.strip().upper()))


def _plain(name: str) -> str:
    return "".join(name.split())


# --- the rules -------------------------------------------------------------------------


def agent_problems(agents: list[Agents]) -> Iterator[Problem]:
    """Per party: each lawyer of a letter holds a power; the complaint lists the powers'
    agents; two agents at most (民事诉讼法 arts. 61(1), 62(1))."""
    principals = dict.fromkeys(_plain(a.principal) for a in agents)
    for principal in principals:
        mine = [a for a in agents if _plain(a.principal) == principal]
        powers = [a for a in mine if a.part == POWER]
        if powers:
            authorised = _names(powers)
            for letter in (a for a in mine if a.part == LETTER):
                yield from _unauthorised_lawyers(letter, authorised)
            for complaint in (a for a in mine if a.part == COMPLAINT):
                problem = _complaint_against_powers(complaint, authorised)
                if problem is not None:
                    yield problem
        problem = _too_many(principal, powers + [a for a in mine if a.part != POWER])
        if problem is not None:
            yield problem


def _names(lists: list[Agents]) -> list[str]:
    return list(dict.fromkeys(_plain(n.value) for a in lists for n in a.names))


def _unauthorised_lawyers(letter: Agents, authorised: list[str]) -> Iterator[Problem]:
    for lawyer in letter.names:
        if _plain(lawyer.value) not in authorised:
            yield Problem(
                lawyer.loc,
                "lawyer_without_power_of_attorney",
                f"律师事务所函指派的律师{lawyer.value}不是{letter.principal}授权委托书的受托人"
                f"（授权委托书委托{'、'.join(authorised)}）：委托他人代为诉讼，须向人民法院提交"
                f"由委托人签名或者盖章的授权委托书（{POWER_ARTICLE}）",
                "请在授权委托书中委托该律师，或在律师事务所函中改为授权委托书所委托的律师",
            )


def _complaint_against_powers(complaint: Agents, authorised: list[str]) -> Problem | None:
    listed = list(dict.fromkeys(_plain(n.value) for n in complaint.names))
    if set(listed) == set(authorised):
        return None
    details = []
    without = [name for name in listed if name not in authorised]
    if without:
        details.append(
            f"{'、'.join(without)}没有授权委托书，委托他人代为诉讼须提交由委托人签名或者盖章的"
            f"授权委托书（{POWER_ARTICLE}）"
        )
    left_out = [name for name in authorised if name not in listed]
    if left_out:
        details.append(f"授权委托书委托的{'、'.join(left_out)}未列入起诉状")
    return Problem(
        complaint.loc,
        "agents_differ_from_power_of_attorney",
        f"起诉状列明的{complaint.principal}的委托诉讼代理人（{'、'.join(listed) or '无'}）"
        f"与授权委托书的受托人（{'、'.join(authorised)}）不一致：{'；'.join(details)}",
        "起诉状应列明授权委托书所委托的诉讼代理人，二者一致",
    )


def _too_many(principal: str, lists: list[Agents]) -> Problem | None:
    """Two agents at most across the parts; the error sits where the third is named."""
    seen: list[str] = []
    third: Named | None = None
    for named in (n for a in lists for n in a.names):
        name = _plain(named.value)
        if name not in seen:
            seen.append(name)
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
        f"{principal}的诉讼代理人共{len(seen)}人（{'、'.join(seen)}；{by_part}）：当事人可以"
        f"委托一至二人作为诉讼代理人（{AGENTS_ARTICLE}）",
        "请只委托一至二名诉讼代理人，并使起诉状、授权委托书和律师事务所函列明同样的代理人",
    )


def identity_problems(identities: list[Identity]) -> Iterator[Problem]:
    """One ID number, one person (居民身份证法 art. 3(2))."""
    first: dict[str, Identity] = {}
    for identity in identities:
        earlier = first.setdefault(identity.number, identity)
        if earlier.person != identity.person:
            yield Problem(
                identity.loc,
                "id_number_of_another_person",
                f"{identity.part}中{identity.person}的证件号码{identity.number}与{earlier.part}"
                f"中{earlier.person}的相同：公民身份号码是每个公民唯一的身份代码（{ID_ARTICLE}），"
                "其中一人的号码有误",
                "请按两人的身份证件核对并改正填错的号码",
            )


def representative_problems(representatives: list[Representative]) -> Iterator[Problem]:
    """Per organisation: one representative (error), one position (warning)."""
    first: dict[str, Representative] = {}
    positions: dict[str, Named] = {}
    for rep in representatives:
        org = _plain(rep.organization)
        earlier = first.setdefault(org, rep)
        if _plain(earlier.name.value) != _plain(rep.name.value):
            yield Problem(
                rep.name.loc,
                "representative_mismatch",
                f"{rep.part}写明{rep.organization}的法定代表人（负责人）为{rep.name.value}，"
                f"{earlier.part}写明为{earlier.name.value}：法人的法定代表人以依法登记的为准"
                "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五十条第一款），"
                "同一起诉材料只能写明一人",
                "请按营业执照等登记信息统一填写",
            )
            continue
        if rep.position is None:
            continue
        stated = positions.setdefault(org, rep.position)
        if _plain(stated.value) != _plain(rep.position.value):
            yield Problem(
                rep.position.loc,
                "position_mismatch",
                f"{rep.part}写明{rep.name.value}的职务为「{rep.position.value}」，{stated.part}"
                f"写明为「{stated.value}」：起诉材料应写明法定代表人的职务（《中华人民共和国"
                "民事诉讼法》第一百二十四条第一项），各份材料应当一致，并与营业执照等登记信息相符",
                "请按营业执照等登记信息统一填写职务",
                "warning",
            )
