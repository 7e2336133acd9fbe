"""One filing, one set of people: what the complaint and the papers filed with it say of
the plaintiffs' agents, of an organisation's representative and of whose ID number is
whose must agree, since the court reads them together.

- The agents. A party may appoint one or two agents (民事诉讼法 art. 61(1)); each acts
  under a power of attorney the party signs or seals (art. 62(1)). So every lawyer the
  firm's letter assigns is an agent of the party's power of attorney; the complaint lists
  the agents the power appoints, no other and none fewer; and the complaint, the powers
  and the letters of one party name two people at most. Errors: an agent without a power
  has no authority to act, and a third agent is refused by the court. A lawyer is one
  person by the licence number and the firm, not by the name alone (``bundle.agents``).
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

from docgen.bundle.agents import COMPLAINT, LETTER, POWER, Agents, Fact, Mention, agent_problems
from docgen.bundle.both_sides import lawyers_for_both_sides
from docgen.bundle.papers import in_order, with_case
from docgen.documents import registry
from docgen.documents.civil_complaint import CivilComplaint
from docgen.documents.court_parts import Agent, representative
from docgen.documents.firm_letter import FirmLetter
from docgen.documents.power_of_attorney import LitigationAgent, PowerOfAttorney
from docgen.documents.problems import CaseInvalid, Loc, Problem
from docgen.documents.representative_certificate import RepresentativeCertificate
from docgen.documents.service_address import ServiceAddressConfirmation
from docgen.documents.standing_papers import agent_kind
from docgen.domain.parties import Organization, Party, Person
from docgen.pipeline import validation

if TYPE_CHECKING:
    from docgen.bundle.model import BundleCase
    from docgen.services import DocumentService

PRACTISING = ("lawyer", "legal_worker")
"""Agents whose 工作单位 is their practising firm (律师事务所, 法律服务所)."""
ID_ARTICLE = "《中华人民共和国居民身份证法》第三条第二款"


@dataclass(frozen=True)
class Named:
    """A name (or a number, a position) one part of the bundle states, and where."""

    part: str
    loc: Loc
    value: str


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
            _from_paper(paper, ("papers", index, "data"), spec.data, said)
    problems.extend(agent_problems(said.agents))
    warnings.extend(lawyers_for_both_sides(said.agents, case.plaintiffs, case.defendants))
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
            _complaint_agent(agent, plaintiff.party, (*loc, "agents", j))
            for j, agent in enumerate(plaintiff.agents)
        )
        said.agents.append(Agents(COMPLAINT, plaintiff.party.name, (*loc, "agents"), names))
    for group in ("plaintiffs", "defendants"):
        for i, entry in enumerate(getattr(complaint, group)):
            _party(COMPLAINT, entry.party, (*base, group, i, "party"), said)


def _from_paper(paper: Any, base: Loc, typed: Any, said: Statements) -> None:
    """``typed``: the paper's data as the user gave it (a letter's firm typed or taken
    from the firm's stored profile is reported where it came from)."""
    if isinstance(paper, PowerOfAttorney):
        names = tuple(
            _power_agent(agent, (*base, "agents", j)) for j, agent in enumerate(paper.agents)
        )
        said.agents.append(Agents(POWER, paper.principal.name, (*base, "agents"), names))
        _party(POWER, paper.principal, (*base, "principal"), said)
        for j, agent in enumerate(paper.agents):
            _identity(said, POWER, (*base, "agents", j, "id_number"), agent.name, agent.id_number)
    elif isinstance(paper, FirmLetter):
        said.agents.append(_letter_lawyers(paper, base, typed))
    elif isinstance(paper, RepresentativeCertificate):
        _certificate(paper, base, said)
    elif isinstance(paper, ServiceAddressConfirmation):
        part = registry.get("service_address").title
        loc = (*base, "recipient_id_number")
        _identity(said, part, loc, paper.recipient, paper.recipient_id_number)


def _complaint_agent(agent: Agent, party: Party, loc: Loc) -> Mention:
    # a relative's or an employee's 工作单位 is no practising firm to compare; a licence
    # number given is a practising one whatever the 工作单位 says
    firm = Fact(COMPLAINT, (*loc, "firm"), agent.firm)
    lawyer = agent_kind(agent, party) in PRACTISING
    number = agent.license_number
    license = Fact(COMPLAINT, (*loc, "license_number"), number) if number else None
    return Mention(COMPLAINT, (*loc, "name"), agent.name, firm if lawyer else None, license)


def _power_agent(agent: LitigationAgent, loc: Loc) -> Mention:
    practising = agent.kind in PRACTISING
    firm = Fact(POWER, (*loc, "firm"), agent.firm) if practising and agent.firm else None
    number = agent.license_number
    license = Fact(POWER, (*loc, "license_number"), number) if number else None
    return Mention(POWER, (*loc, "name"), agent.name, firm, license)


def _letter_lawyers(paper: FirmLetter, base: Loc, typed: Any) -> Agents:
    firm = None
    if paper.firm is not None:
        typed_firm = isinstance(typed, dict) and typed.get("firm") is not None
        where = (*base, "firm", "name") if typed_firm else (*base, "sender_profile_id")
        firm = Fact(LETTER, where, paper.firm.name)
    names = tuple(
        Mention(
            LETTER,
            (*base, "lawyers", j, "name"),
            lawyer.name,
            firm,
            Fact(LETTER, (*base, "lawyers", j, "license_number"), lawyer.license_number),
        )
        for j, lawyer in enumerate(paper.lawyers)
    )
    return Agents(LETTER, paper.client, (*base, "lawyers"), names)


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
