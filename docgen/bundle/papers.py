"""The papers a bundle files with the complaint, made from the bundle's own case data.

Courts take, after the complaint, the papers that show who sues and who acts for them,
then the evidence: the certificate of the legal representative (an organisation's
standing), the power of attorney and the law firm's letter (the agent's authority), the
service address confirmation, then the evidence list and the exhibits. Court filing
guides list them so (e.g. "起诉状；身份证明（单位为营业执照复印件及负责人身份证明）；授权
委托书；送达地址确认书；证据材料"); docs/document-types.md gives the order and its sources.

Each paper names its case (court, cause, parties): when its data leaves the case out, the
bundle fills it in from its own court, cause and parties (the complaint's, when it has
one), so the facts are typed once. A case the paper states otherwise is an error on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from docgen.documents import registry
from docgen.documents.court_names import COURT_NAME_NOT_FULL, same_court
from docgen.documents.problems import CaseInvalid, Problem
from docgen.documents.service_address import guardian_fields
from docgen.domain.fields import CaseModel

if TYPE_CHECKING:
    from docgen.bundle.model import BundleCase
    from docgen.services import DocumentService

PAPER_ORDER = (
    "representative_certificate",
    "power_of_attorney",
    "firm_letter",
    "service_address",
)
"""The order the papers take in a bundle, between the complaint and the evidence list."""

PaperType = Literal[
    "representative_certificate", "power_of_attorney", "firm_letter", "service_address"
]


class PaperSpec(CaseModel):
    """One paper: its type and its data (the case may be left out)."""

    type: PaperType = Field(
        title="材料类型",
        json_schema_extra={
            "enum_titles": ["法定代表人身份证明书", "授权委托书", "律师事务所函", "送达地址确认书"]
        },
    )
    data: dict[str, Any] = Field(
        title="材料数据", description="该文书类型的案件数据；不填 case 则取本案的法院、案由和当事人"
    )


@dataclass(frozen=True)
class Paper:
    """A paper made for the bundle: where it was listed, its title and its files."""

    index: int
    type_name: str
    title: str
    pdf: bytes
    docx: bytes
    filename: str


def in_order(specs: list[PaperSpec]) -> list[tuple[int, PaperSpec]]:
    """The papers in the courts' order, each with its place in the request."""
    return sorted(enumerate(specs), key=lambda item: PAPER_ORDER.index(item[1].type))


def confirmation_as_filed(data: Any, specs: list[PaperSpec]) -> Any:
    """The civil complaint's data with its 「附：」 listing a 送达地址确认书 only when the
    bundle files one (``service_confirmation_filed``; the complaint alone lists it unless
    told otherwise): a bundle without the paper says it is not filed with the complaint.
    A value the complaint's data states is kept."""
    if not isinstance(data, dict) or "service_confirmation_filed" in data:
        return data
    if any(spec.type == "service_address" for spec in specs):
        return data
    return {**data, "service_confirmation_filed": False}


def case_ref(case: BundleCase) -> dict[str, Any]:
    return {
        "court": case.court,
        "cause": case.case_type,
        "plaintiffs": list(case.plaintiffs),
        "defendants": list(case.defendants),
    }


def with_case(spec: PaperSpec, case: BundleCase, typed: str | None = None) -> dict[str, Any]:
    """The paper's data, its case (or what its case leaves out) filled in from the
    bundle's. A paper naming its court as the bundle typed it (``typed``, 朝阳区人民法院)
    names the court the complaint told that name is (``case.court``, 北京市朝阳区人民法院:
    ``cover.parties_from``), as the cover does."""
    data = dict(spec.data)
    given = data.get("case")
    data["case"] = {**case_ref(case), **given} if isinstance(given, dict) else case_ref(case)
    if typed is not None and data["case"].get("court") == typed:
        data["case"]["court"] = case.court
    if spec.type == "service_address" and data.get("guardian") is None and case.complaint:
        data |= ward_guardian(case.complaint.data, data.get("party"))
    return data


def ward_guardian(complaint: dict[str, Any], name: Any) -> dict[str, Any]:
    """The 法定代理人 the complaint gives the party ``name``, who confirms the ward's
    service address and signs for it (民事诉讼法 art. 60), as the confirmation's fields:
    its name, and for an organisation (民法典 arts. 31, 32) its kind and the 负责人 who
    signs for it, so that it seals and its head signs. Empty for no guardian."""
    for key in ("plaintiffs", "defendants", "third_parties"):
        rows = complaint.get(key)
        for row in rows if isinstance(rows, list) else []:
            party = row.get("party", row) if isinstance(row, dict) else None
            if not isinstance(party, dict) or party.get("name") != name:
                continue
            guardian = party.get("guardian")
            return guardian_fields(guardian) if isinstance(guardian, dict) else {}
    return {}


def check_same_case(
    index: int, spec: PaperSpec, data: dict[str, Any], case: BundleCase, problems: list[Problem]
) -> None:
    """A paper filed in this bundle names this bundle's court and cause."""
    stated = data.get("case")
    if not isinstance(stated, dict):
        return
    title = registry.get(spec.type).title
    for key, ours, label in (("court", case.court, "受诉法院"), ("cause", case.case_type, "案由")):
        theirs = stated.get(key)
        if not isinstance(theirs, str) or theirs == ours:
            continue
        if key == "court" and same_court(theirs, ours):
            continue  # one court, named short or in full: each paper prints the full name
        problems.append(
            Problem(
                ("papers", index, "data", "case", key),
                f"{key}_mismatch",
                f"{title}的{label}（{theirs}）与起诉材料的{label}（{ours}）不一致",
                "可不填 case，由起诉材料统一填入法院、案由和当事人",
            )
        )


def make_papers(
    docgen: DocumentService,
    case: BundleCase,
    problems: list[Problem],
    warnings: list[Problem],
    requested_by: str,
    typed: str | None = None,
) -> list[Paper]:
    """Each paper rendered (PDF and DOCX) in the courts' order; every problem of every
    paper is added to ``problems`` (errors) or ``warnings`` under ``papers[i].data``, its
    message opening with the paper's title, as the complaint's open with 起诉状. ``typed``:
    the bundle's court as typed, where the complaint told its full name (``with_case``)."""
    made = []
    for index, spec in in_order(case.papers):
        data = with_case(spec, case, typed)
        filled = spec.data.get("case") is None
        check_same_case(index, spec, data, case, problems)
        title = registry.get(spec.type).title
        try:
            pdf = docgen.render(spec.type, data, "pdf", requested_by=requested_by)
            docx = docgen.render(spec.type, data, "docx", requested_by=requested_by)
        except CaseInvalid as exc:
            for p in exc.problems:
                if filled and _on_the_bundles_court(p):
                    continue
                found = part_problem(p, ("papers", index, "data"), title)
                (problems if p.severity == "error" else warnings).append(found)
            continue
        warnings.extend(
            part_problem(w, ("papers", index, "data"), title)
            for w in pdf.warnings
            if not (filled and _on_the_bundles_court(w))
        )
        made.append(Paper(index, spec.type, title, pdf.content, docx.content, pdf.filename))
    return made


def _on_the_bundles_court(problem: Problem) -> bool:
    """A warning on the court's name a paper took from the bundle: the bundle gives it on
    its own court, where it was typed (``BundleService.assess``), once."""
    return problem.loc == ("case", "court") and problem.code == COURT_NAME_NOT_FULL


def part_problem(problem: Problem, base: tuple[str | int, ...], title: str) -> Problem:
    """A problem of one part of the bundle (the complaint, a paper) as the bundle reports
    it: under the part's field, the message naming the part."""
    return Problem(
        (*base, *problem.loc),
        problem.code,
        f"{title}：{problem.message}",
        problem.hint,
        problem.severity,
    )
