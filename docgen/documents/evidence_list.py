"""证据目录 — the evidence list filed with a complaint.

Each exhibit is listed with its number (证据1-1, 1-2 … within numbered groups), name
(证据名称), source (证据来源), what it proves (证明目的), whether the original is shown
(原件/复印件) and its pages (页码) in the filing bundle. The bundle writes the page
ranges after laying the bundle out; filed alone, the list may leave them empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import CaseNumberText
from docgen.documents.court_names import court_name
from docgen.documents.court_parts import SIGN, SIGN_LINE, SIGN_OR_SEAL, signing_line
from docgen.documents.evidence_case import check_case_facts, header_lines, submitters
from docgen.documents.filenames import filename_part
from docgen.documents.filing_papers import (
    SIDES,
    Side,
    Stage,
    appellants_field,
    applicants_field,
    stage_field,
)
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.fields import CaseModel, Line, Text

_PAGES = re.compile(r"^(\d{1,5})(?:\s*[-–—至]\s*(\d{1,5}))?$")


def _page_range(value: str) -> str:
    match = _PAGES.match(value)
    if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
        raise PydanticCustomError(
            "page_range", "页码应为单页（如 5）或起止页（如 5-7），止页不小于起页"
        )
    if int(match.group(1)) < 1:
        raise PydanticCustomError("page_range", "页码从 1 开始")
    return value


PROVIDED_AS = {"original": "原件", "copy": "复印件"}

PageRange = Annotated[str, Field(min_length=1, max_length=12), AfterValidator(_page_range)]
Purpose = Annotated[Text, Field(max_length=500)]


class EvidenceFacts(CaseModel):
    """What the evidence list says about one exhibit (the bundle adds the file)."""

    name: Line = Field(title="证据名称", description="如：借款合同")
    source: Line = Field(title="证据来源", description="如：原告持有；银行出具")
    purpose: Purpose = Field(title="证明目的", description="该证据拟证明的事实")
    provided_as: Literal["original", "copy"] = Field(
        default="original",
        title="原件或复印件",
        description="能否提供原件供核对",
        json_schema_extra={"enum_titles": ["原件", "复印件"]},
    )

    @property
    def provided_as_text(self) -> str:
        return PROVIDED_AS[self.provided_as]

    group: int = Field(default=1, ge=1, le=99, title="证据组", description="证据1-1 中的 1")


class EvidenceItem(EvidenceFacts):
    pages: PageRange | None = Field(default=None, title="页码", description="如 5-7")


class EvidenceList(CaseModel):
    """The evidence list as a document of its own. The case's number, parties and the
    submitter's role may not be known when the list is drafted: each is optional. The
    stage (first instance unless chosen) decides the words the parties are named by."""

    submitter: Line = Field(title="提交人", description="通常为原告；多名原告以「、」分隔")
    submitter_role: Side | None = Field(
        default=None,
        title="提交人身份",
        description="填写当事人时可不填，按当事人名单确定",
        json_schema_extra={"enum_titles": list(SIDES.values())},
    )
    submitter_kind: Literal["person", "organization"] | None = Field(
        default=None,
        title="提交人类型",
        description="决定签署栏：自然人签名；单位盖章，并由法定代表人或委托诉讼代理人签名",
        json_schema_extra={"enum_titles": ["自然人", "法人或其他组织"]},
    )
    submit_date: date = Field(title="提交日期")
    court: Line | None = Field(default=None, title="受诉法院")
    case_title: Line | None = Field(default=None, title="案由", description="如：民间借贷纠纷")
    case_number: CaseNumberText | None = Field(
        default=None, title="案号", description="已立案的填写；未填写的印为空白横线"
    )
    plaintiffs: list[Line] = Field(default_factory=list, max_length=20, title="原告")
    defendants: list[Line] = Field(default_factory=list, max_length=50, title="被告")
    # the stage names the parties: 上诉人/被上诉人 from the appellants, 申请执行人/被执行人
    # from the applicants (filing_papers, as on the power of attorney)
    stage: Stage = stage_field("程序阶段")
    appellants: list[Line] = appellants_field()
    applicants: list[Line] = applicants_field()
    items: list[EvidenceItem] = Field(title="证据", min_length=1, max_length=300)


def exhibit_numbers(items: Sequence[EvidenceFacts]) -> list[str]:
    """ "1-1", "1-2", "2-1" …: the group, then the place within the group."""
    seen: dict[int, int] = {}
    numbers = []
    for item in items:
        seen[item.group] = seen.get(item.group, 0) + 1
        numbers.append(f"{item.group}-{seen[item.group]}")
    return numbers


def check_groups(result: Assessment, items: list[Any], field: str) -> None:
    """Groups must be listed together and in order (证据1-x before 证据2-x)."""
    highest = 0
    for i, item in enumerate(items):
        if item.group < highest:
            result.error(
                (field, i, "group"),
                "group_out_of_order",
                f"证据组应按顺序连续排列：第 {i + 1} 项属于第 {item.group} 组，"
                f"却排在第 {highest} 组之后",
                hint="请调整证据顺序，使同一组的证据排在一起",
            )
        highest = max(highest, item.group)


def page_span(pages: str | None) -> tuple[int, int] | None:
    """The first and last page of a range as typed (5-7 → (5, 7); 9 → (9, 9))."""
    match = _PAGES.match(pages or "")
    if match is None:
        return None
    first = int(match.group(1))
    return first, int(match.group(2) or first)


def check_pages(result: Assessment, items: list[EvidenceItem]) -> None:
    """The page column is read against the stamped bundle, where each exhibit has pages of
    its own, in the order of the list: two items on one page is an error (one of them is
    mis-paged); an item on pages before an earlier item's is warned (the list and the
    bundle are in different orders). A range that runs backwards is refused when the
    list is read (``_page_range``)."""
    numbers = exhibit_numbers(items)
    seen: list[tuple[int, tuple[int, int]]] = []
    for i, item in enumerate(items):
        span = page_span(item.pages)
        if span is None:
            continue
        loc = ("items", i, "pages")
        clash = next((j for j, other in seen if span[0] <= other[1] and other[0] <= span[1]), None)
        if clash is not None:
            result.error(
                loc,
                "pages_overlap",
                f"证据{numbers[i]}（第{item.pages}页）与证据{numbers[clash]}"
                f"（第{items[clash].pages}页）页码重叠：同一页不能属于两份证据",
                hint="请按装订后的证据材料核对页码",
            )
        elif seen and span[0] < max(other[1] for _, other in seen):
            before = max(seen, key=lambda s: s[1][1])[0]
            result.warn(
                loc,
                "pages_out_of_order",
                f"证据{numbers[i]}（第{item.pages}页）排在证据{numbers[before]}"
                f"（第{items[before].pages}页）之后，页码却在其前：证据目录的顺序应与"
                "装订顺序一致",
                hint="请按装订顺序排列证据，或核对页码",
            )
        seen.append((i, span))


def assess(case: EvidenceList, options: RuleOptions) -> Assessment:
    result = Assessment()
    check_groups(result, case.items, "items")
    check_pages(result, case.items)
    check_case_facts(result, case, case.items)
    if case.submit_date > options.current_date():
        result.warn(("submit_date",), "date_in_future", "提交日期晚于今天，请确认")
    return result


def rows(items: list[EvidenceItem]) -> list[dict[str, str]]:
    """Table rows, pre-formatted for both templates."""
    return [
        {
            "no": f"证据{number}",
            "name": item.name,
            "source": item.source,
            "purpose": item.purpose,
            "original": item.provided_as_text,
            "pages": _pages_text(item.pages),
        }
        for number, item in zip(exhibit_numbers(items), items, strict=True)
    ]


def _pages_text(pages: str | None) -> str:
    if not pages:
        return ""
    match = _PAGES.match(pages)
    if match is None:  # validated by PageRange; kept as typed for safety
        return pages
    first, last = match.group(1), match.group(2)
    return first if not last or last == first else f"{first}-{last}"


def signature(case: EvidenceList) -> list[str]:
    """Where the submitter signs or seals (民事证据规定 (2019) art. 19: 签名盖章), each on a
    blank (``court_parts.signing_line``): a person by name (「提交人：刘芳（签名）＿＿」),
    an organisation seals beside its name and the one who acts for it signs under it; not
    told which, one blank to sign or seal on, by name when the name is known. Never the
    name typed where the hand goes."""
    if case.submitter_kind == "person":
        return [signing_line("提交人", name) for name in submitters(case)]
    if case.submitter_kind == "organization":
        return [
            f"提交人：{case.submitter}（盖章）",
            f"法定代表人或委托诉讼代理人（{SIGN}）{SIGN_LINE}",
        ]
    if case.submitter:
        return [signing_line("提交人", case.submitter, SIGN_OR_SEAL)]
    return [f"提交人（{SIGN_OR_SEAL}）{SIGN_LINE}"]


def build_context(case: EvidenceList, assessment: Assessment) -> dict[str, Any]:
    return {
        "title": "证据目录",
        "submitter": case.submitter,
        "signature": signature(case),
        "submit_date": format_cn(case.submit_date),
        "court": assessment.computed.get("court") or court_name(case.court or ""),
        "case_title": case.case_title or "",
        "header": header_lines(case),
        "rows": rows(case.items),
        "count": len(case.items),
    }


def filename(case: EvidenceList) -> str:
    return f"证据目录-{filename_part(case.submitter)}-{case.submit_date.isoformat()}"


DOCUMENT: DocumentType[EvidenceList] = DocumentType(
    name="evidence_list",
    order=70,
    layouts={"": "docgen.layouts.evidence_list:build"},
    title="证据目录",
    model=EvidenceList,
    assess=assess,
    build_context=build_context,
    filename=filename,
    description="起诉时提交的证据目录：证据名称、来源、证明目的、原件或复印件、页码",
    file_stem="证据目录",
    bundle_part="evidence_list",
    court_filing=True,
)
