"""DOCX rendering with docxtpl, always through the docgen sandbox.

:class:`DocxRenderer` is the fast path used by the service: each template version is
compiled once (docxtpl's XML patching plus Jinja compilation, per part that holds tags)
and every other part of the package is kept as ready bytes; a render only runs the
compiled templates and writes the zip. Entries carry a fixed timestamp, so the same
input gives the same bytes. :func:`render_docx` is plain docxtpl (the reference the
fast path is tested against).
"""

from __future__ import annotations

import functools
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from docgen.render.errors import TemplateRenderError

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
    from jinja2 import Template

    from docgen.render.sandbox import DocgenSandbox

# Jinja (the sandbox) and docxtpl are imported on first use: the built-in layouts (most
# documents, every batch of them) write DOCX without them, and a batch worker that never
# prints a template file does not carry their modules (Jinja and the sandbox: about 1 MB)

_TAGGED_PARTS = re.compile(
    r"^(word/(document|header\d*|footer\d*|footnotes)\.xml|docProps/core\.xml)$"
)
_JINJA = re.compile(r"\{[{%#]")
_LISTING_CHARS = re.compile(r"[\t\n\a\f]")


def render_docx(template_path: Path, context: dict[str, Any]) -> bytes:
    """Plain docxtpl: body, headers, footers, footnotes and core properties, sandboxed."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    from docgen.render.sandbox import new_environment, render_budget

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
    from docxtpl import DocxTemplate

    from docgen.render.sandbox import new_environment

    return set(
        DocxTemplate(str(template_path)).get_undeclared_template_variables(new_environment())
    )


def opens_as_docx(content: bytes) -> bool:
    """Whether python-docx can open ``content`` (a rendered file a word processor reads)."""
    from docx import Document

    try:
        Document(io.BytesIO(content))
    except Exception:
        return False
    return True


@dataclass(frozen=True)
class _Member:
    """A zip member as stored: deflated bytes with its CRC and sizes, ready to copy."""

    name: bytes
    crc: int
    size: int
    deflated: bytes

    @classmethod
    def of(cls, name: str, data: bytes, level: int = 6) -> _Member:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        deflated = packer.compress(data) + packer.flush()
        return cls(name.encode("utf-8"), zlib.crc32(data), len(data), deflated)


def _write_zip(members: list[_Member]) -> bytes:
    """A plain deflated zip (what Word writes), with fixed timestamps for stable bytes."""
    out = bytearray()
    central = bytearray()
    for member in members:
        offset = len(out)
        fields = (20, 0x800, 8, 0, 0x21, member.crc, len(member.deflated), member.size)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, len(member.name), 0)
        out += member.name + member.deflated
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, len(member.name), 0, 0, 0, 0, 0, offset
        )
        central += member.name
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(out), 0
    )
    return bytes(out + central + end)


@dataclass(frozen=True)
class CompiledDocx:
    """A template version ready to render: stored members and a Jinja template per tagged part."""

    members: tuple[_Member | str, ...]
    templates: dict[str, Template]
    helper: DocxTemplate

    @classmethod
    def compile(cls, path: Path, env: DocgenSandbox) -> CompiledDocx:
        # imported on first use: the built-in layouts (most documents, every batch of
        # them) write DOCX without docxtpl, some 20 MB of modules in each worker
        from docxtpl import DocxTemplate
        from jinja2 import TemplateError

        helper = DocxTemplate(str(path))
        members: list[_Member | str] = []
        templates: dict[str, Template] = {}
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                data = archive.read(info)
                members.append(_Member.of(info.filename, data))
                if _TAGGED_PARTS.match(info.filename):
                    source = data.decode("utf-8")
                    if _JINJA.search(source):
                        patched = helper.patch_xml(source)
                        patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
                        try:
                            templates[info.filename] = env.from_string(patched)
                        except TemplateError as exc:
                            raise TemplateRenderError(f"DOCX 模板有误：{exc}") from exc
                        members[-1] = info.filename
        return cls(tuple(members), templates, helper)

    def render(
        self, context: dict[str, Any], core_properties: Mapping[str, str] | None = None
    ) -> bytes:
        members = [
            _Member.of(m, self._render_part(self.templates[m], context))
            if isinstance(m, str)
            else m
            for m in self.members
        ]
        if core_properties:
            members = [_with_core_properties(m, core_properties) for m in members]
        return _write_zip(members)

    def _render_part(self, template: Template, context: dict[str, Any]) -> bytes:
        from docgen.render.sandbox import render_limited

        xml = render_limited(template, context)
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            xml = xml.replace(escaped, tag)
        if _LISTING_CHARS.search(xml):
            xml = str(self.helper.resolve_listing(xml))
        return xml.encode("utf-8")


_CORE_PART = b"docProps/core.xml"
_CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def _with_core_properties(member: _Member, properties: Mapping[str, str]) -> _Member:
    """``member`` with core properties (``dc:identifier``, ``cp:keywords``, ...) set."""
    if member.name != _CORE_PART:
        return member
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(zlib.decompress(member.deflated, -15), parser)
    for key, value in properties.items():
        prefix, _, local = key.partition(":")
        tag = f"{{{_CORE_NAMESPACES[prefix]}}}{local}"
        element = root.find(tag)
        if element is None:
            element = etree.SubElement(root, tag)
        element.text = value
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _Member.of(_CORE_PART.decode(), data)


class DocxRenderer:
    """Renders .docx templates, compiling each file version once per process."""

    def __init__(self) -> None:
        self._compiled: dict[Path, tuple[int, CompiledDocx]] = {}

    @functools.cached_property
    def env(self) -> DocgenSandbox:
        """The sandbox the templates compile in (made with the first template)."""
        from docgen.render.sandbox import new_environment

        return new_environment()

    def compiled(self, path: Path) -> CompiledDocx:
        stamp = path.stat().st_mtime_ns
        cached = self._compiled.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, CompiledDocx.compile(path, self.env))
            self._compiled[path] = cached
        return cached[1]

    def render(
        self,
        path: Path,
        context: dict[str, Any],
        core_properties: Mapping[str, str] | None = None,
    ) -> bytes:
        """The DOCX; ``core_properties`` (``"dc:identifier"``, ``"cp:keywords"``...) are set
        in docProps/core.xml after rendering."""
        compiled = self.compiled(path)
        from jinja2 import TemplateError

        from docgen.render.sandbox import render_budget

        try:
            with render_budget():
                return compiled.render(context, core_properties)
        except TemplateError as exc:
            raise TemplateRenderError(f"DOCX 模板渲染失败：{exc}") from exc
