"""What a filing bundle request says: the court and parties, the complaint, the papers
filed with it, the exhibits.

The exhibits reuse the evidence list's facts (:class:`EvidenceFacts`), so a field is
described once; the bundle only adds where each exhibit's pages come from: an uploaded
file, or a document docgen issued earlier, named by its register id.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field

from docgen.bundle.papers import PaperSpec
from docgen.documents.evidence_list import EvidenceFacts, Purpose
from docgen.domain.fields import CaseModel, Line, Money, ShortText

DEFAULT_COMPLAINT_TYPE = "civil_complaint"

FileName = Annotated[ShortText, Field(max_length=120)]
RegisterId = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z]+$")]
BatesPrefix = Annotated[str, Field(min_length=1, max_length=12, pattern=r"^[A-Za-z0-9\-_]+$")]


class BundleExhibit(EvidenceFacts):
    """One exhibit: its facts, and either an uploaded file or a registered document. With
    a civil complaint, an exhibit the complaint lists takes its source and purpose from
    the complaint's list when they are left out (:mod:`docgen.bundle.complaint_evidence`),
    so that one record is printed in the complaint, the evidence list and the separator."""

    source: Line | None = Field(  # type: ignore[assignment]
        default=None,
        title="证据来源",
        description="如：原告持有；银行出具。起诉状列明该证据的，可不填，按起诉状印出",
    )
    purpose: Purpose | None = Field(  # type: ignore[assignment]
        default=None,
        title="证明目的",
        description="该证据拟证明的事实。起诉状列明该证据的，可不填，按起诉状印出",
    )

    file: FileName | None = Field(
        default=None,
        title="文件",
        description="上传文件的文件名（PDF、JPEG、PNG 或 TIFF，按内容识别）",
    )
    register_id: RegisterId | None = Field(
        default=None,
        title="文书编号",
        description="docgen 此前出具的 PDF 文书的编号（页脚「文书编号」），代替上传文件",
    )


class ComplaintSpec(CaseModel):
    type: ShortText = Field(
        default=DEFAULT_COMPLAINT_TYPE, title="起诉状文书类型", description="docgen 的文书类型名"
    )
    data: dict[str, Any] = Field(title="起诉状案件数据", description="该文书类型的案件数据")


class BundleCase(CaseModel):
    """A filing bundle: who sues whom where, the complaint, and the exhibits in order."""

    court: Line = Field(title="受诉法院", description="如：北京市朝阳区人民法院")
    case_type: Line = Field(title="案由", description="如：民间借贷纠纷")
    plaintiffs: list[Line] = Field(
        default_factory=list,
        max_length=20,
        title="原告",
        description="附起诉状时取自起诉状，可不填；填写的须与起诉状一致",
    )
    defendants: list[Line] = Field(
        default_factory=list,
        max_length=50,
        title="被告",
        description="附起诉状时取自起诉状，可不填；填写的须与起诉状一致",
    )
    filing_date: date = Field(title="提交日期")
    claim_amount: Money | None = Field(
        default=None,
        title="诉讼请求金额（元）",
        description="封面据此列明预计案件受理费；附起诉状时取起诉状的诉讼请求合计，可不填",
    )
    procedure: Literal["ordinary", "summary"] | None = Field(
        default=None,
        title="审理程序",
        description="简易程序的案件受理费减半交纳；附起诉状时按起诉状选择的程序，可不填",
        json_schema_extra={"enum_titles": ["普通程序", "简易程序"]},
    )
    submitter: Line | None = Field(default=None, title="证据提交人", description="默认为原告")
    submitter_kind: Literal["person", "organization"] | None = Field(
        default=None,
        title="提交人类型",
        description="决定证据目录的签署栏；附起诉状、由原告提交时按原告确定，可不填",
        json_schema_extra={"enum_titles": ["自然人", "法人或其他组织"]},
    )
    complaint: ComplaintSpec | None = Field(default=None, title="起诉状")
    papers: list[PaperSpec] = Field(
        default_factory=list,
        max_length=12,
        title="其他起诉材料",
        description="法定代表人身份证明书、授权委托书、律师事务所函、送达地址确认书；"
        "按法院收取的顺序排在起诉状之后、证据目录之前",
    )
    exhibits: list[BundleExhibit] = Field(title="证据", min_length=1, max_length=200)
    separators: bool = Field(default=True, title="证据分隔页", description="每份证据前加一页说明")
    bates_prefix: BatesPrefix | None = Field(
        default=None,
        title="页码前缀",
        description="填写则页码印为前缀加六位数字（如 ZJ000012），否则印为「第 12 页」",
    )
    copies: Literal["none", "files", "print"] = Field(
        default="none",
        title="被告副本",
        description="不生成；每名被告一个文件；或与正本合为一个打印文件",
        json_schema_extra={"enum_titles": ["不生成", "每名被告一个文件", "合并为一个打印文件"]},
    )

    @property
    def submitter_name(self) -> str:
        return self.submitter or "、".join(self.plaintiffs)
