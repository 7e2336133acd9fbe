"""Is an uploaded HTML (PDF) template acceptable as text? Checked before it is compiled.

An uploaded HTML template is printed with docgen's built-in stylesheet and fonts and may
load nothing itself (threat T3). :func:`resource_references` finds every construct through
which markup or CSS can make WeasyPrint fetch something: ``url()``, ``@import``,
``@font-face``, ``image-set()``, ``src``/``href``/``data`` attributes, ``<link>``,
``<img>``, ``<object>``, SVG, and CSS escapes (``\\75rl(`` spells ``url(``). Vetting runs
it on the uploaded source here and on every rendered sample in the isolated child, so a
reference assembled by template code is caught as well; the renderer's fetcher refuses
anything that is not docgen's own asset in any case.
"""

from __future__ import annotations

import re

from docgen.documents.problems import Problem

MAX_HTML_BYTES = 256 * 1024

_RESOURCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("url()", re.compile(r"\burl\s*\(", re.I)),
    ("@import", re.compile(r"@import\b", re.I)),
    ("@font-face", re.compile(r"@font-face\b", re.I)),
    ("image-set()", re.compile(r"\b(?:-webkit-)?image(?:-set)?\s*\(", re.I)),
    ("CSS 转义字符", re.compile(r"\\[0-9a-f]", re.I)),
    (
        "资源属性",
        re.compile(
            r"[\s\"'/](?:src|href|srcset|data|poster|background|lowsrc|dynsrc|action|"
            r"formaction|xlink:href|xml:base)\s*=",
            re.I,
        ),
    ),
    (
        "外部资源标签",
        re.compile(
            r"<\s*(?:link|img|image|script|iframe|frame|frameset|object|embed|base|svg|"
            r"use|audio|video|source|track|picture|input|form|portal|math|applet|feimage)\b",
            re.I,
        ),
    ),
)


def resource_references(markup: str) -> list[str]:
    """What in ``markup`` could load a resource (empty: nothing)."""
    found = []
    for label, pattern in _RESOURCE_PATTERNS:
        match = pattern.search(markup)
        if match:
            found.append(f"{label}（{match.group(0).strip()[:40]}）")
    return found


def _problem(code: str, message: str, hint: str | None = None) -> Problem:
    return Problem(("file",), code, message, hint)


def inspect_html(data: bytes, max_bytes: int = MAX_HTML_BYTES) -> list[Problem]:
    """Problems that make ``data`` unacceptable as an HTML template (empty list: fine)."""
    if len(data) > max_bytes:
        return [_problem("too_large", f"HTML 模板超过 {max_bytes // 1024} KB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [_problem("not_html", "HTML 模板必须是 UTF-8 编码的文本")]
    if "\x00" in text or "<" not in text:
        return [_problem("not_html", "文件不是 HTML 模板")]
    found = resource_references(text)
    if found:
        return [
            _problem(
                "external_resource",
                f"HTML 模板不得引用任何外部资源或文件：{'、'.join(found)}",
                hint="PDF 统一使用 docgen 内置的样式表和字体；请删除这些引用，样式写在 <style> 中",
            )
        ]
    return []
