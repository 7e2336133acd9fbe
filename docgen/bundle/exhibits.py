"""A bundle's exhibits made ready to merge: uploads converted in a limited child process,
registered documents made again from the register, each problem on its exhibit."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

from docgen import isolation
from docgen.bundle.model import BundleCase, BundleExhibit
from docgen.bundle.results import PreparedExhibit
from docgen.documents.evidence_list import exhibit_numbers
from docgen.documents.problems import Problem
from docgen.pipeline.reissue import NotReissuable, Reissued
from docgen.render import exhibits as exhibit_files
from docgen.render.bundle import page_count
from docgen.services import DocumentService

log = logging.getLogger(__name__)


class Exhibits:
    """Prepares the exhibits of one bundle for the service acting for its tenant."""

    def __init__(self, docgen: DocumentService, limits: isolation.Limits) -> None:
        self.docgen = docgen
        self.settings = docgen.settings
        self.limits = limits

    def prepare(
        self,
        case: BundleCase,
        files: Mapping[str, bytes],
        problems: list[Problem],
        warnings: list[Problem],
    ) -> list[PreparedExhibit]:
        numbers = exhibit_numbers(case.exhibits)
        names = sorted({e.file for e in case.exhibits if e.file is not None and e.file in files})
        with ThreadPoolExecutor(max_workers=self.settings.bundle_workers) as pool:
            converted = dict(
                zip(names, pool.map(lambda n: self.convert(files[n]), names), strict=True)
            )
        reissued: dict[str, Reissued | NotReissuable] = {}
        prepared = []
        for i, (exhibit, number) in enumerate(zip(case.exhibits, numbers, strict=True)):
            if exhibit.register_id is not None:
                if exhibit.file is None:
                    item = self._registered(i, exhibit, number, reissued, problems, warnings)
                    if item is not None:
                        prepared.append(item)
                continue
            if exhibit.file is None:
                continue
            outcome = converted.get(exhibit.file)
            if outcome is None:
                continue
            if isinstance(outcome, Problem):
                problems.append(
                    Problem(
                        ("exhibits", i, "file"),
                        outcome.code,
                        f"证据{number}「{exhibit.name}」（文件 {exhibit.file}）：{outcome.message}",
                        outcome.hint,
                    )
                )
                continue
            kind, pages = outcome
            data = files[exhibit.file]
            prepared.append(
                PreparedExhibit(
                    exhibit,
                    number,
                    kind,
                    len(data),
                    hashlib.sha256(data).hexdigest(),
                    pages.pdf,
                    pages.pages,
                )
            )
        return prepared

    def _registered(
        self,
        i: int,
        exhibit: BundleExhibit,
        number: str,
        cache: dict[str, Reissued | NotReissuable],
        problems: list[Problem],
        warnings: list[Problem],
    ) -> PreparedExhibit | None:
        """A registered document as an exhibit: its PDF made again from the register."""
        document_id = exhibit.register_id or ""
        label = f"证据{number}「{exhibit.name}」（文书编号 {document_id}）"
        loc = ("exhibits", i, "register_id")
        outcome = cache.get(document_id)
        if outcome is None:
            try:
                outcome = self.docgen.reissue_pdf(document_id)
            except NotReissuable as exc:
                outcome = exc
            cache[document_id] = outcome
        if isinstance(outcome, NotReissuable):
            problems.append(Problem(loc, outcome.code, f"{label}：{outcome.message}", outcome.hint))
            return None
        if not outcome.identical:
            warnings.append(
                Problem(
                    loc,
                    "reissue_not_identical",
                    f"{label}：按登记的案件数据和模板重新生成，但文件的 SHA-256 与登记的不同"
                    + (
                        "（批量生成的文书与其他文书一同排版，单独重新生成时字节不同）"
                        if outcome.batch_id
                        else ""
                    ),
                    "文书编号与校验码照原样印出；请核对证据内容与送达的文书一致",
                    "warning",
                )
            )
        return PreparedExhibit(
            exhibit,
            number,
            "pdf",
            len(outcome.pdf),
            outcome.sha256,
            outcome.pdf,
            page_count(outcome.pdf),
            outcome,
        )

    def convert(self, data: bytes) -> tuple[str, exhibit_files.ExhibitPages] | Problem:
        """An uploaded file as PDF pages, or the problem with it (never an exception)."""
        limit = self.settings.bundle_max_file_bytes
        if len(data) > limit:
            return Problem(
                (),
                "file_too_large",
                f"文件大小 {len(data) / 1048576:.1f} MB，超过 {limit // 1048576} MB 的上限",
            )
        kind = exhibit_files.sniff(data)
        if kind is None:
            found = exhibit_files.describe_unknown(data)
            return Problem(
                (),
                "file_type_unsupported",
                f"文件内容不是 PDF、JPEG、PNG 或 TIFF（实际为：{found}）",
                "请上传 PDF 或 JPEG/PNG/TIFF 图片；文件类型按内容识别，改扩展名无效",
            )
        try:
            pages = exhibit_files.convert(
                data,
                kind,
                max_pages=self.settings.exhibit_max_pages,
                max_pixels=self.settings.exhibit_max_pixels,
                max_total_pixels=self.settings.exhibit_max_total_pixels,
                limits=self.limits,
            )
        except isolation.Refusal as exc:
            return Problem((), exc.code, exc.message)
        except isolation.IsolationFailure as exc:
            log.warning("exhibit parse failed kind=%s failure=%s", kind, exc.kind)
            return Problem(
                (),
                f"file_{exc.kind}",
                _FAILURE_MESSAGES[exc.kind].format(
                    label=exhibit_files.KIND_LABELS[kind],
                    seconds=f"{self.limits.wall_seconds:g}",
                    mb=self.limits.memory_bytes // isolation.MiB,
                ),
            )
        return kind, pages


_FAILURE_MESSAGES = {
    "timeout": "解析{label}文件超过时间上限（{seconds} 秒），文件可能已损坏或被恶意构造，已拒绝",
    "memory": "解析{label}文件所需内存超过上限（{mb} MB），文件可能已损坏或被恶意构造，已拒绝",
    "crashed": "解析{label}文件时解析程序异常退出，文件可能已损坏或被恶意构造，已拒绝",
    "error": "{label}文件已损坏或结构异常，无法读取",
}
