"""Part-by-part checks of an uploaded .docx template (threat T15).

A .docx that Word or WPS opens can fetch or run things when the document printed from it
is opened by a debtor or a court: relationships to outside targets (``attachedTemplate``,
frames, linked images), macros (``vbaProject``), embedded objects, imported chunks, field
codes that exchange data with other programs or read files and URLs (DDE, DDEAUTO,
INCLUDEPICTURE, INCLUDETEXT, ...), and mail merge from an outside data source. So every
part must have a content type from an allow-list, every relationship a type from an
allow-list and an internal target, and no field may be of a fetching or executing kind —
however its instruction is split across runs or hidden behind a nested field.

The caller (:mod:`docgen.template_store.archive`) has already checked the zip itself and
run the DOCTYPE check on every part; XML here is parsed without DTDs or entities.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from lxml import etree

from docgen.documents.problems import Problem

_OOXML = "application/vnd.openxmlformats-officedocument."
CONTENT_TYPES = frozenset(
    {
        "application/xml",
        "text/xml",
        "application/vnd.openxmlformats-package.relationships+xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
        _OOXML + "extended-properties+xml",
        _OOXML + "custom-properties+xml",
        _OOXML + "customXmlProperties+xml",
        _OOXML + "theme+xml",
        _OOXML + "themeOverride+xml",
        _OOXML + "obfuscatedFont",
        _OOXML + "wordprocessingml.printerSettings",  # Word's binary print settings
        "application/vnd.ms-office.classificationlabels+xml",  # sensitivity labels
        "application/vnd.ms-word.stylesWithEffects+xml",
        "application/vnd.ms-word.commentsExtended+xml",
        "application/vnd.ms-word.commentsIds+xml",
        "application/vnd.ms-word.commentsExtensible+xml",
        "application/vnd.ms-office.drawingml.diagramDrawing+xml",
        "application/vnd.ms-office.chartstyle+xml",
        "application/vnd.ms-office.chartcolorstyle+xml",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/bmp",
        "image/tiff",
        "image/x-emf",
        "image/x-wmf",
        "image/svg+xml",
    }
)
# Every WordprocessingML and DrawingML part type is an XML description of content.
_CONTENT_TYPE_FAMILIES = (
    re.compile(r"^application/vnd\.openxmlformats-officedocument\.wordprocessingml\.[\w.]+\+xml$"),
    re.compile(r"^application/vnd\.openxmlformats-officedocument\.drawingml\.[\w.]+\+xml$"),
)
_MACRO_CONTENT = re.compile(r"vba|macroEnabled|activeX|oleObject|keyMap|toolbars", re.IGNORECASE)

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships/"
_MS = "http://schemas.microsoft.com/office/"
_WORD_RELATIONSHIPS = [
    "officeDocument",
    "extended-properties",
    "custom-properties",
    "styles",
    "settings",
    "webSettings",
    "fontTable",
    "numbering",
    "footnotes",
    "endnotes",
    "header",
    "footer",
    "comments",
    "theme",
    "themeOverride",
    "image",
    "customXml",
    "customXmlProps",
    "glossaryDocument",
    "font",
    "chart",
    "chartUserShapes",
    "diagramData",
    "diagramLayout",
    "diagramQuickStyle",
    "diagramColors",
    "printerSettings",
]
RELATIONSHIP_TYPES = frozenset(
    {_PKG + "metadata/core-properties", _PKG + "metadata/thumbnail"}
    | {_R + name for name in _WORD_RELATIONSHIPS}
    | {
        _MS + "2007/relationships/stylesWithEffects",
        _MS + "2007/relationships/diagramDrawing",
        _MS + "2011/relationships/commentsExtended",
        _MS + "2011/relationships/people",
        _MS + "2016/09/relationships/commentsIds",
        _MS + "2018/08/relationships/commentsExtensible",
        _MS + "2011/relationships/chartStyle",
        _MS + "2011/relationships/chartColorStyle",
        _MS + "2020/02/relationships/classificationlabels",
    }
)
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Field types that fetch a file or URL, exchange data with a program, or run a macro.
DANGEROUS_FIELDS = frozenset(
    {
        "DDE",
        "DDEAUTO",
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "INCLUDE",
        "IMPORT",
        "LINK",
        "DATABASE",
        "MACROBUTTON",
    }
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*:|\\\\|//)")
_HINT = "请在 Word 或 WPS 中删除该内容后另存为 .docx 再上传"


def _problem(code: str, message: str, hint: str | None = _HINT) -> Problem:
    return Problem(("file",), code, message, hint)


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    return etree.fromstring(data, parser)


def content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each part's content type, from ``[Content_Types].xml`` (overrides, then defaults)."""
    root = _parse(archive.read("[Content_Types].xml"))
    defaults = {
        el.get("Extension", "").lower(): el.get("ContentType", "")
        for el in root.iter(_CT_NS + "Default")
    }
    overrides = {
        el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
        for el in root.iter(_CT_NS + "Override")
    }
    types = {}
    for name in archive.namelist():
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        types[name] = overrides.get(name) or defaults.get(extension, "")
    return types


def is_xml(content_type: str) -> bool:
    return content_type.endswith(("+xml", "/xml"))


def inspect_parts(archive: zipfile.ZipFile) -> list[Problem]:
    """Problems with the parts of ``archive`` (already known to be a sound zip)."""
    try:
        types = content_types(archive)
    except (etree.XMLSyntaxError, KeyError):
        return [_problem("xml_invalid", "[Content_Types].xml 不是有效的 XML，文件可能已损坏")]
    problems: list[Problem] = []
    for name, content_type in sorted(types.items()):
        problem = _check_content_type(name, content_type)
        if problem is not None:
            problems.append(problem)
            continue
        if not is_xml(content_type):
            continue
        try:
            root = _parse(archive.read(name))
        except etree.XMLSyntaxError:
            problems.append(_problem("xml_invalid", f"{name} 不是有效的 XML，文件可能已损坏"))
            continue
        if root.getroottree().docinfo.doctype:  # in an encoding the byte check cannot read
            problems.append(_problem("xml_doctype", f"{name} 含有 DOCTYPE 声明，已拒绝"))
            continue
        if name.endswith(".rels") or content_type.endswith("relationships+xml"):
            problems += _check_relationships(name, root, set(types))
        else:
            problems += _check_markup(name, root)
    return problems


def _check_content_type(name: str, content_type: str) -> Problem | None:
    if "vbaproject" in name.lower() or _MACRO_CONTENT.search(content_type):
        return _problem(
            "docx_macro", f"模板含有宏或嵌入的可执行内容（部件 {name}，类型 {content_type}）"
        )
    if not content_type:
        return _problem("docx_part_type", f"模板部件 {name} 没有登记内容类型，不是正常的 Word 文档")
    if content_type in CONTENT_TYPES or any(f.match(content_type) for f in _CONTENT_TYPE_FAMILIES):
        return None
    return _problem(
        "docx_part_type", f"模板含有不允许的部件类型：{name}（{content_type}），例如嵌入对象"
    )


def _check_relationships(name: str, root: etree._Element, parts: set[str]) -> list[Problem]:
    problems = []
    for rel in root.iter(_RELS_NS + "Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        short = kind.rpartition("/")[2]
        external = rel.get("TargetMode", "").lower() == "external" or _SCHEME.match(target)
        if short == "attachedTemplate":
            message = f"模板关联了外部模板（attachedTemplate → {target}，见 {name}）"
            problems.append(_problem("docx_attached_template", message))
        elif short == "vbaProject":
            problems.append(_problem("docx_macro", f"模板含有宏（vbaProject，见 {name}）"))
        elif external:
            message = f"模板引用了外部目标 {target}（关系类型 {short}，见 {name}）"
            problems.append(_problem("docx_external_target", message, _HINT + "（包括超链接）"))
        elif kind not in RELATIONSHIP_TYPES:
            message = f"模板含有不允许的关系类型 {short}（指向 {target}，见 {name}）"
            problems.append(_problem("docx_relationship_type", message))
        elif _resolve(name, target) not in parts:
            message = f"模板的关系指向不存在的部件 {target}（见 {name}）"
            problems.append(_problem("docx_missing_part", message, None))
    return problems


def _resolve(rels_name: str, target: str) -> str:
    """The part a relationship in ``rels_name`` (``dir/_rels/x.rels``) points at."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    source_dir = posixpath.dirname(posixpath.dirname(rels_name))
    return posixpath.normpath(posixpath.join(source_dir, target)).lstrip("./")


def _check_markup(name: str, root: etree._Element) -> list[Problem]:
    problems = []
    for element in root.iter(W + "attachedTemplate", W + "mailMerge", W + "altChunk"):
        tag = etree.QName(element).localname
        code = "docx_attached_template" if tag == "attachedTemplate" else "docx_external_target"
        problems.append(_problem(code, f"模板含有 w:{tag}（见 {name}），会读取外部文件"))
    for instruction in field_instructions(root):
        problem = _check_field(name, instruction)
        if problem is not None:
            problems.append(problem)
    return problems


def field_instructions(root: etree._Element) -> Iterator[str]:
    """Each field's instruction, its ``w:instrText`` runs joined, nested fields apart.

    A nested field that comes before any text of the outer one makes the outer field's
    type computed at display time (e.g. ``{ {QUOTE 68 68 69} ... }`` spells DDE); such an
    instruction is reported as starting with ``{``.
    """
    for simple in root.iter(W + "fldSimple"):
        yield simple.get(W + "instr", "")
    stack: list[_Field] = []
    for element in root.iter(W + "fldChar", W + "instrText"):
        if element.tag == W + "instrText":
            if stack and not stack[-1].done:
                stack[-1].parts.append(element.text or "")
            else:
                yield element.text or ""  # instruction text outside an instruction: alone
            continue
        kind = element.get(W + "fldCharType")
        if kind == "begin":
            if stack and not stack[-1].done and not "".join(stack[-1].parts).strip():
                stack[-1].parts.append("{")
            stack.append(_Field())
        elif kind == "separate" and stack and not stack[-1].done:
            stack[-1].done = True
            yield "".join(stack[-1].parts)
        elif kind == "end" and stack:
            field = stack.pop()
            if not field.done:
                yield "".join(field.parts)
    for field in stack:  # a field never closed
        if not field.done:
            yield "".join(field.parts)


@dataclass
class _Field:
    parts: list[str] = dataclass_field(default_factory=list)
    done: bool = False


def _check_field(name: str, instruction: str) -> Problem | None:
    text = instruction.strip()
    if not text:
        return None
    if "{{" in text or "{%" in text:
        return _problem("docx_field_code", f"模板的域代码中含有模板变量（见 {name}）：{text[:60]}")
    if text.startswith("{"):
        message = f"模板含有由嵌套域拼出类型的域代码（见 {name}），可用于隐藏 DDE 等危险域"
        return _problem("docx_field_code", message)
    keyword = re.split(r"[\s\\\"]+", text.lstrip("\"'\\ "), maxsplit=1)[0].upper()
    if keyword in DANGEROUS_FIELDS:
        return _problem(
            "docx_field_code",
            f"模板含有会读取外部文件或执行程序的域代码 {keyword}（见 {name}）：{text[:60]}",
        )
    return None
