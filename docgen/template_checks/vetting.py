"""The checks an uploaded template must pass, run in a limited child process.

The template is untrusted: compiling and rendering it happens in
:func:`docgen.isolation.run` (memory, CPU and wall-clock limits), always through docgen's
sandboxed Jinja environment. A template is accepted only if it compiles, reads no variable
the document type does not provide, and renders every one of the type's sample cases into
a .docx that opens — or, for an HTML (PDF) template, into a PDF through the service's own
renderer (glyph check, asset-only fetcher) whose markup references no resource and whose
fetcher refused nothing.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateError

from docgen.documents.problems import Problem
from docgen.render.docx import (
    DocxRenderer,
    opens_as_docx,
    undeclared_variables,
)
from docgen.render.errors import TemplateRenderError

Samples = list[tuple[str, dict[str, Any]]]


@dataclass
class Vetting:
    """The verdict on one template: errors block it, warnings are shown to the uploader."""

    problems: list[Problem] = field(default_factory=list)
    used_names: list[str] = field(default_factory=list)


def _problem(code: str, message: str, hint: str | None = None, warn: bool = False) -> Problem:
    return Problem(("file",), code, message, hint, "warning" if warn else "error")


def vet_job(data: bytes, *, contexts: list[list[Any]]) -> tuple[dict[str, Any], bytes]:
    """The isolated job: vet ``data`` against the sample contexts; answer as JSON."""
    verdict = vet_docx(data, [(name, context) for name, context in contexts])
    meta = {"problems": [p.as_dict() for p in verdict.problems], "used_names": verdict.used_names}
    return meta, b""


def problems_from(meta: dict[str, Any]) -> Vetting:
    """The verdict the isolated job sent back."""
    problems = [
        Problem(tuple(p["loc"]), p["code"], p["message"], p.get("hint"), p["severity"])
        for p in meta.get("problems", [])
    ]
    return Vetting(problems, list(meta.get("used_names", [])))


def vet_docx(data: bytes, samples: Samples) -> Vetting:
    """Compile, check variables, and render every sample case with the template ``data``."""
    verdict = Vetting()
    known = set().union(*(context.keys() for _name, context in samples)) if samples else set()
    with tempfile.TemporaryDirectory(prefix="docgen-vet-") as tmp:
        path = Path(tmp) / "template.docx"
        path.write_bytes(data)
        unclosed = unclosed_tag(path)
        if unclosed:
            verdict.problems.append(_problem("template_syntax", f"模板语法错误：{unclosed}"))
            return verdict
        try:
            used = undeclared_variables(path)
        except (TemplateError, TemplateRenderError) as exc:
            verdict.problems.append(_problem("template_syntax", f"模板语法错误：{exc}"))
            return verdict
        except Exception:  # docxtpl/python-docx on a malformed package
            verdict.problems.append(_problem("not_docx", "无法读取模板中的 Word 内容"))
            return verdict
        verdict.used_names = sorted(used)
        if not _check_names(verdict, used, known):
            return verdict
        _render_samples(verdict, path, samples)
    return verdict


_PARTS_WITH_TAGS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
_DELIMITERS = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def unclosed_tag(path: Path) -> str | None:
    """A tag opened and not closed before the next one opens, in a part's text (its XML
    tags aside), said in words; None when every tag closes. docxtpl joins what lies
    between an unclosed 「{{」 and the next 「}}」 into one tag, and a paragraph tag
    (``{%p``) caught in it drops its whole paragraph: the template would compile and
    silently lose text instead of failing."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not _PARTS_WITH_TAGS.match(name):
                continue
            text = re.sub(r"<[^>]*>", "", archive.read(name).decode("utf-8", "replace"))
            opened: re.Match[str] | None = None
            for mark in _DELIMITERS.finditer(text):
                token = mark.group()
                if token in _CLOSERS:
                    if opened is not None:
                        start = opened.start()
                        return f"「{opened.group()}」未闭合：{text[start : start + 40]}"
                    opened = mark
                elif opened is not None and token == _CLOSERS[opened.group()]:
                    opened = None
            if opened is not None:
                start = opened.start()
                return f"「{opened.group()}」未闭合：{text[start : start + 40]}"
    return None


def _check_names(verdict: Vetting, used: set[str], known: set[str]) -> bool:
    """Unknown variables are an error (False), unused data a warning."""
    unknown = sorted(used - known)
    if unknown:
        verdict.problems.append(
            _problem(
                "unknown_variable",
                f"模板使用了该文书类型没有的变量：{'、'.join(unknown)}",
                hint=f"可用的变量：{'、'.join(sorted(known))}",
            )
        )
        return False
    unused = sorted(known - used)
    if unused:
        verdict.problems.append(
            _problem(
                "unused_variable",
                f"模板未使用以下数据：{'、'.join(unused)}，请确认文书内容完整",
                warn=True,
            )
        )
    return True


def _render_samples(
    verdict: Vetting, path: Path, samples: list[tuple[str, dict[str, Any]]]
) -> None:
    renderer = DocxRenderer()
    for name, context in samples:
        try:
            output = renderer.render(path, context)
        except (TemplateError, TemplateRenderError) as exc:
            verdict.problems.append(
                _problem("render_failed", f"用示例案件「{name}」渲染模板失败：{exc}")
            )
            return
        if not opens_as_docx(output):
            verdict.problems.append(
                _problem("output_invalid", f"用示例案件「{name}」渲染后的文档无法打开")
            )
            return


def vet_html_job(
    data: bytes,
    *,
    contexts: list[list[Any]],
    templates_dir: str,
    font_families: list[str],
    font_cache_dir: str = "",
) -> tuple[dict[str, Any], bytes]:
    """The isolated job for an HTML template: vet ``data``; answer as JSON."""
    verdict = vet_html(
        data.decode("utf-8-sig"),
        [(name, context) for name, context in contexts],
        Path(templates_dir),
        tuple(font_families),
        Path(font_cache_dir) if font_cache_dir else None,
    )
    meta = {"problems": [p.as_dict() for p in verdict.problems], "used_names": verdict.used_names}
    return meta, b""


def vet_html(
    source: str,
    samples: Samples,
    templates_dir: Path,
    font_families: tuple[str, ...],
    font_cache_dir: Path | None = None,
) -> Vetting:
    """Compile, check variables, and print every sample case as PDF with an HTML template,
    with the fonts the service prints it with (the prepared faces in ``font_cache_dir``:
    a sample's PDF subsets them, not the full CJK fonts: 0.1 s less a sample)."""
    from docgen.render.errors import GlyphMissing
    from docgen.render.html_check import recording_renderer, refused_fetches, undeclared_names
    from docgen.template_checks.html_source import resource_references

    verdict = Vetting()
    known = set().union(*(context.keys() for _name, context in samples)) if samples else set()
    renderer = recording_renderer(templates_dir, font_families, font_cache_dir)
    try:
        used = undeclared_names(renderer, source)
    except TemplateError as exc:
        verdict.problems.append(_problem("template_syntax", f"模板语法错误：{exc}"))
        return verdict
    verdict.used_names = sorted(used)
    if not _check_names(verdict, used, known):
        return verdict
    with tempfile.TemporaryDirectory(prefix="docgen-vet-") as tmp:
        path = str(Path(tmp) / "template.html")
        Path(path).write_text(source, encoding="utf-8")
        for name, context in samples:
            try:
                markup = renderer.render_html(path, context)
                found = resource_references(markup)
                if found:
                    verdict.problems.append(
                        _problem(
                            "external_resource",
                            f"用示例案件「{name}」渲染后，模板引用了外部资源：{'、'.join(found)}",
                        )
                    )
                    return verdict
                pdf = renderer.render(path, context)
            except GlyphMissing as exc:
                verdict.problems.append(_problem("glyph_missing", f"示例案件「{name}」：{exc}"))
                return verdict
            except Exception as exc:  # TemplateRenderError, sandbox refusals, type errors
                verdict.problems.append(
                    _problem("render_failed", f"用示例案件「{name}」渲染模板失败：{exc}")
                )
                return verdict
            refused = refused_fetches(renderer)
            if refused:
                verdict.problems.append(
                    _problem(
                        "external_resource",
                        f"模板试图读取 docgen 内置资源以外的文件或网址：{'、'.join(refused[:3])}",
                    )
                )
                return verdict
            if not pdf.startswith(b"%PDF-"):
                verdict.problems.append(
                    _problem("output_invalid", f"用示例案件「{name}」渲染后的 PDF 无效")
                )
                return verdict
    return verdict
