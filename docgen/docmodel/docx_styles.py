"""The Word styles and numbering of docgen's documents (styles.xml, numbering.xml).

A paralegal edits the DOCX in Word: every paragraph carries a named style (Title,
Heading 1-2, Body Text with a two-character first-line indent, Signature, ...), tables
the "Amounts Table" style, numbered items Word numbering; direct formatting is left for
the few one-off spacings. Sizes, spacing and margins follow the PDF's (print.css and
templates/_typst/letter.typ): A4, margins 30/26/28/28 mm (the top as the document
sets it), 12 pt body at 1.5 line height, and the PDF's font family, declared for East
Asian text too (``w:eastAsia``).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

TWIPS_PER_MM = 1440 / 25.4
TEXT_WIDTH_MM = 210 - 28 - 26


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def pt20(points: float) -> int:
    """Twentieths of a point (spacing, line heights)."""
    return round(points * 20)


BODY_PT = 12  # 小四, at LINE_HEIGHT: as the Typst and HTML writers set the body
TABLE_TEXT_SIZE = 11  # a table's text (blocks.TABLE_SIZE) unless the table sets its own
LINE_HEIGHT = 1.5
SPACE_PT = 1.42  # 0.5 mm between paragraphs
# name -> (based on, size pt, bold, alignment, first-line indent in characters, space
# before pt, space after pt, keep with next, extra pPr xml)
_PARAGRAPH_STYLES: dict[str, tuple[str | None, float, bool, str, int, float, float, bool, str]] = {
    "Normal": (None, BODY_PT, False, "both", 0, 0, SPACE_PT, False, ""),
    "Title": ("Normal", 22, True, "center", 0, 0, 17, True, ""),
    "Heading 1": ("Normal", 15, True, "center", 0, 0, 14.2, True, '<w:outlineLvl w:val="0"/>'),
    "Heading 2": (
        "Normal",
        BODY_PT,
        True,
        "both",
        2,
        0,
        SPACE_PT,
        True,
        '<w:outlineLvl w:val="1"/>',
    ),
    "Body Text": ("Normal", BODY_PT, False, "both", 2, 0, SPACE_PT, False, ""),
    "Compact": ("Normal", BODY_PT, False, "both", 0, 0, 0, False, ""),
    "Compact Indent": ("Compact", BODY_PT, False, "both", 2, 0, 0, False, ""),
    "Sender": ("Compact", 10.5, False, "both", 0, 0, 0, False, ""),
    "Document Number": ("Normal", 11, False, "right", 0, 0, SPACE_PT, False, ""),
    "Subtitle": ("Normal", BODY_PT, False, "center", 0, 0, 11.3, True, ""),
    "Note": ("Normal", 10, False, "both", 0, 0, SPACE_PT, False, ""),
    "Letterhead": ("Normal", 15, True, "center", 0, 0, 2.83, True, ""),
    "Letterhead Details": ("Normal", 9.5, False, "center", 0, 0, 14.2, True, ""),
    "List Number": ("Normal", BODY_PT, True, "both", 0, 8.5, SPACE_PT, True, ""),
    "Signature": ("Normal", BODY_PT, False, "right", 0, 0, SPACE_PT, False, ""),
    "Signature Block": ("Normal", BODY_PT, False, "left", 0, 0, SPACE_PT, False, ""),
    "Table Text": ("Normal", TABLE_TEXT_SIZE, False, "left", 0, 0, 0, False, ""),
    "Footer": ("Normal", 9, False, "center", 0, 0, 0, False, ""),
}
STYLE_NAMES = (*_PARAGRAPH_STYLES, "Amounts Table")
_COLORS = {"Sender": "222222", "Note": "222222", "Letterhead Details": "222222", "Footer": "444444"}
_SPACING_CHARS = {"Title": 220, "Letterhead": 30}  # letter-spacing, twentieths of a point
SIGN_BLOCK_INDENT_MM = TEXT_WIDTH_MM * 0.4
SEAL_INDENT_MM = TEXT_WIDTH_MM * 0.5
TABLE_STYLE = "Amounts Table"


def _fonts_xml(family: str) -> str:
    return (
        f'<w:rFonts w:ascii="{family}" w:hAnsi="{family}" w:eastAsia="{family}" w:cs="{family}"/>'
    )


def _replace(parent: Any, tag: str, xml: str | None) -> None:
    """Remove ``parent``'s children ``tag`` and append ``xml`` (if any)."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    if xml:
        parent.append(parse_xml(xml))


_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph_style(document: WordDocument, name: str, family: str) -> None:
    based, size, bold, align, indent, before, after, keep, extra = _PARAGRAPH_STYLES[name]
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    element = style.element
    if based:
        style.base_style = styles[based]
    style.quick_style = True
    line = pt20(size * LINE_HEIGHT)
    left = twips(SIGN_BLOCK_INDENT_MM) if name == "Signature Block" else 0
    indent_xml = (
        f'<w:ind w:left="{left}" w:firstLineChars="{indent * 100}" '
        f'w:firstLine="{pt20(size * indent)}"/>'
    )
    border = (
        '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="000000"/></w:pBdr>'
        if name == "Letterhead"
        else ""
    )
    ppr = parse_xml(
        f"<w:pPr {_NS}>{'<w:keepNext/>' if keep else ''}<w:widowControl/>{border}"
        # no extra space between Chinese and Latin letters or digits, as in the PDF
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:before="{pt20(before)}" w:after="{pt20(after)}" w:line="{line}" '
        f'w:lineRule="exact"/>{indent_xml}<w:jc w:val="{align}"/>{extra}</w:pPr>'
    )
    rpr = parse_xml(
        f"<w:rPr {_NS}>{_fonts_xml(family)}{'<w:b/><w:bCs/>' if bold else ''}"
        f'<w:color w:val="{_COLORS.get(name, "000000")}"/>'
        + (f'<w:spacing w:val="{_SPACING_CHARS[name]}"/>' if name in _SPACING_CHARS else "")
        + f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
    )
    _replace(element, "w:pPr", None)
    _replace(element, "w:rPr", None)
    element.append(ppr)
    element.append(rpr)


def _table_style(document: WordDocument) -> None:
    border = 'w:val="single" w:sz="5" w:space="0" w:color="000000"'
    sides = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right"))
    inner = f"<w:insideH {border}/><w:insideV {border}/>"
    margins = (
        f'<w:top w:w="{twips(1.2)}" w:type="dxa"/><w:left w:w="{twips(2)}" w:type="dxa"/>'
        f'<w:bottom w:w="{twips(1.2)}" w:type="dxa"/><w:right w:w="{twips(2)}" w:type="dxa"/>'
    )
    style = parse_xml(
        f'<w:style {_NS} w:type="table" w:customStyle="1" w:styleId="AmountsTable">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr>'
        f"<w:tblPr><w:tblBorders>{sides}{inner}</w:tblBorders>"
        f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
        '<w:tcPr><w:vAlign w:val="center"/></w:tcPr>'
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr>'
        "<w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr></w:style>"
    )
    document.styles.element.append(style)


def _defaults(document: WordDocument, family: str) -> None:
    """Document defaults: the font for every script and Chinese as the East Asian
    language (Word's line breaking and punctuation rules). Digits and Latin letters are
    English: as Chinese, LibreOffice breaks a line inside an amount, an ID number or an
    e-mail address (``525.`` / ``00元``), and may leave the stop at the break undrawn."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _replace(rpr, "w:rFonts", None)
    rpr.insert(0, parse_xml(_fonts_xml(family).replace("<w:rFonts", f"<w:rFonts {_NS}")))
    _replace(rpr, "w:lang", f'<w:lang {_NS} w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for old in list(ppr):
        ppr.remove(old)
    ppr.append(parse_xml(f'<w:autoSpaceDE {_NS} w:val="0"/>'))
    ppr.append(parse_xml(f'<w:autoSpaceDN {_NS} w:val="0"/>'))
    ppr.append(parse_xml(f'<w:spacing {_NS} w:after="0" w:line="240" w:lineRule="auto"/>'))


NUMBERING_ID = 90  # the abstract numbering of docgen's numbered items


def add_numbering(document: WordDocument) -> None:
    """One abstract numbering "1." (the number then a space), bold as its paragraph."""
    numbering = document.part.numbering_part.element
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:suff w:val="space"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
    )
    abstract = parse_xml(
        f'<w:abstractNum {_NS} w:abstractNumId="{NUMBERING_ID}">'
        f'<w:multiLevelType w:val="singleLevel"/>{level}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)


def new_list(document: WordDocument) -> int:
    """A numbering instance that starts again at 1; its ``w:numId``."""
    numbering = document.part.numbering_part.element
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(used, default=0) + 1
    numbering.append(
        parse_xml(
            f'<w:num {_NS} w:numId="{num_id}"><w:abstractNumId w:val="{NUMBERING_ID}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def set_up(document: WordDocument, family: str) -> None:
    """Styles, numbering and defaults of a new document."""
    _defaults(document, family)
    for name in _PARAGRAPH_STYLES:
        _paragraph_style(document, name, family)
    # Word's built-in List Number style numbers through its own list; docgen's items
    # name their list on the paragraph
    list_style = document.styles["List Number"].element.find(qn("w:pPr"))
    _replace(list_style, "w:numPr", None)
    _table_style(document)
    add_numbering(document)


def element(tag: str, **attributes: str) -> Any:
    made = OxmlElement(tag)
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    return made


__all__ = [
    "SEAL_INDENT_MM",
    "SIGN_BLOCK_INDENT_MM",
    "STYLE_NAMES",
    "TABLE_STYLE",
    "TEXT_WIDTH_MM",
    "element",
    "new_list",
    "pt20",
    "set_up",
    "twips",
]
