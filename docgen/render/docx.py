"""DOCX rendering with docxtpl, always through the docgen sandbox."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from docgen.render.sandbox import new_environment, render_budget


class TemplateRenderError(RuntimeError):
    """A template could not be rendered (unknown variable, blocked construct, bad syntax)."""


def render_docx(template_path: Path, context: dict[str, Any]) -> bytes:
    """Fill ``context`` into the .docx template: body, headers, footers, footnotes, properties."""
    template = DocxTemplate(str(template_path))
    try:
        with render_budget():
            template.render(context, jinja_env=new_environment(), autoescape=True)
    except TemplateError as exc:
        raise TemplateRenderError(f"DOCX 模板渲染失败：{exc}") from exc
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def undeclared_variables(template_path: Path) -> set[str]:
    """Top-level names the .docx template reads (to check them against the context)."""
    return set(
        DocxTemplate(str(template_path)).get_undeclared_template_variables(new_environment())
    )
