"""The errors every renderer raises, apart from any engine.

A process that prints with one engine only (a Typst batch worker) imports neither
docxtpl nor WeasyPrint to catch them.
"""

from __future__ import annotations


class TemplateRenderError(RuntimeError):
    """A template could not be rendered (unknown variable, blocked construct, bad syntax)."""


class GlyphMissing(ValueError):
    """The fonts cannot draw some characters; rendering is refused."""

    def __init__(self, chars: list[str]) -> None:
        shown = "、".join(f"「{c}」(U+{ord(c):04X})" for c in chars)
        super().__init__(f"PDF 字体中没有以下字符的字形，拒绝生成以免打印成方框：{shown}")
        self.chars = chars
