"""Printing an uploaded HTML template in a limited child process (threat T16).

docgen's own templates print in the web worker. A firm's uploaded HTML template is not
docgen's code: its CSS can ask WeasyPrint for thousands of pages or a layout that takes
minutes, and the vetting at upload only tried the sample cases. So every print with an
uploaded template happens through :func:`docgen.isolation.run` (memory, CPU and
wall-clock limits) and stops once the layout passes ``max_pages`` pages per letter.

:class:`IsolatedPdfRenderer` has the interface of :class:`~docgen.render.pdf.PdfRenderer`
that the service uses (``render``, ``render_many``, ``check_glyphs``) and raises the same
exceptions, so the service needs to know nothing of the child. The contexts travel as
JSON, as they do for the vetting; they are plain data already (``DocumentService.samples``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from docgen import isolation
from docgen.isolation import Limits, Refusal
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.page_limit import TooManyPages
from docgen.render.pdf import PdfRenderer
from docgen.render.pdf_chunks import NotChunkable

SECONDS_PER_EXTRA_LETTER = 2.0


class TemplateLimitExceeded(TemplateRenderError):
    """An uploaded template printed too many pages, too slowly or too large."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class IsolatedPdfRenderer:
    """Prints HTML templates like ``renderer`` does, each job in a limited child."""

    def __init__(self, renderer: PdfRenderer, limits: Limits, max_pages: int) -> None:
        self.renderer = renderer
        self.limits = limits
        self.max_pages = max_pages

    def check_glyphs(self, text: str) -> None:
        self.renderer.check_glyphs(text)

    def render(
        self,
        template_name: str,
        context: dict[str, Any],
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> bytes:
        footers = [footer] if footer is not None else None
        many = [metadata] if metadata is not None else None
        return self._run(template_name, [context], footers, many, combined=None)[0][0]

    def render_many(
        self,
        template_name: str,
        contexts: list[dict[str, Any]],
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
    ) -> list[bytes]:
        if not contexts:
            return []
        pdfs, whole = self._run(template_name, contexts, footers, metadata, combined is not None)
        if combined is not None and whole is not None:
            combined.append(whole)
        return pdfs

    def _run(
        self,
        template_name: str,
        contexts: list[dict[str, Any]],
        footers: list[str] | None,
        metadata: list[dict[str, str]] | None,
        combined: bool | None,
    ) -> tuple[list[bytes], tuple[bytes, list[int]] | None]:
        """``combined`` None: one letter as ``render`` prints it, else as ``render_many``."""
        job = {
            "template": template_name,
            "contexts": contexts,
            "footers": footers,
            "metadata": metadata,
            "combined": combined,
        }
        options = {
            "templates_dir": str(self.renderer.templates_dir),
            "font_families": list(self.renderer.font_families),
            "font_cache_dir": str(self.renderer.font_cache_dir or ""),
            "max_pages": self.max_pages,
        }
        wall = self.limits.wall_seconds + SECONDS_PER_EXTRA_LETTER * (len(contexts) - 1)
        limits = replace(self.limits, wall_seconds=wall, cpu_seconds=int(wall) + 1)
        data = json.dumps(job, ensure_ascii=False, default=str).encode()
        try:
            meta, body = isolation.run(f"{__name__}:print_job", data, options, limits=limits)
        except Refusal as exc:
            raise _from_refusal(exc) from None
        except isolation.IsolationFailure as exc:
            raise _from_failure(exc, wall, self.limits) from None
        sizes: list[int] = meta["sizes"]
        pdfs, offset = [], 0
        for size in sizes:
            pdfs.append(body[offset : offset + size])
            offset += size
        whole = (body[offset:], list(meta["counts"])) if combined else None
        return pdfs, whole


def _from_refusal(exc: Refusal) -> Exception:
    if exc.code == "glyph_missing":
        return GlyphMissing(list(exc.message))
    if exc.code == "not_chunkable":
        return NotChunkable(exc.message)
    if exc.code == "template_error":
        return TemplateRenderError(exc.message)
    return TemplateLimitExceeded(exc.code, exc.message)


def _from_failure(exc: isolation.IsolationFailure, wall: float, limits: Limits) -> Exception:
    if exc.kind == "timeout":
        return TemplateLimitExceeded(
            "template_timeout", f"上传的 HTML 模板打印超时（超过 {wall:g} 秒），已中止"
        )
    if exc.kind == "memory":
        mb = limits.memory_bytes // isolation.MiB
        return TemplateLimitExceeded(
            "template_memory", f"上传的 HTML 模板打印时内存超限（{mb} MB），已中止"
        )
    return TemplateLimitExceeded("template_failed", "上传的 HTML 模板打印失败，已中止")


# --- the child ------------------------------------------------------------------------


def print_job(
    data: bytes,
    *,
    templates_dir: str,
    font_families: list[str],
    font_cache_dir: str,
    max_pages: int,
) -> tuple[dict[str, Any], bytes]:
    """Print the job in ``data`` (JSON) with a fresh renderer; PDFs concatenated."""
    job = json.loads(data)
    renderer = PdfRenderer(
        Path(templates_dir), tuple(font_families), Path(font_cache_dir) if font_cache_dir else None
    )
    contexts: list[dict[str, Any]] = job["contexts"]
    combined: list[tuple[bytes, list[int]]] | None = [] if job["combined"] else None
    try:
        if job["combined"] is None:
            footer, metadata = (job["footers"] or [None])[0], (job["metadata"] or [None])[0]
            pdf = renderer.render(
                job["template"], contexts[0], footer=footer, metadata=metadata, max_pages=max_pages
            )
            return {"sizes": [len(pdf)], "counts": []}, pdf
        pdfs = renderer.render_many(
            job["template"],
            contexts,
            footers=job["footers"],
            metadata=job["metadata"],
            combined=combined,
            max_pages=max_pages * len(contexts),
        )
    except TooManyPages as exc:
        # the layout stopped at the first page past the limit: how many more is not known
        raise Refusal(
            "template_pages", f"上传的 HTML 模板排出的页数超过 {exc.limit} 页的上限，已中止"
        ) from None
    except GlyphMissing as exc:
        raise Refusal("glyph_missing", "".join(exc.chars)) from None
    except NotChunkable as exc:
        raise Refusal("not_chunkable", str(exc)) from None
    except TemplateRenderError as exc:
        raise Refusal("template_error", str(exc)) from None
    counts = combined[0][1] if combined else []
    tail = combined[0][0] if combined else b""
    meta = {"sizes": [len(pdf) for pdf in pdfs], "counts": counts}
    return meta, b"".join(pdfs) + tail
