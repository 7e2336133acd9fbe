"""Render-time security: template injection (T1), markup injection (T2), SSRF and local file
reads from the PDF renderer (T3, with T12's path traversal at the asset fetcher), and the
PDF glyph check.

Every payload goes in where a user can put it: into an uploaded template (the HTML letter
rendered through the service, or a .docx rendered by the service's DocxRenderer), or into
case data. The tests judge what a user would see: an error naming the template, the literal text in
the letter, no request at a canary server, no bytes of a local file in the output.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import http.server
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

import pytest
import weasyprint
from docx import Document
from jinja2.sandbox import SecurityError
from lxml import etree
from weasyprint.urls import URLFetcher

from docgen.config import PROJECT_ROOT, Settings
from docgen.documents.problems import CaseInvalid
from docgen.render.assets import AssetFetcher, BlockedFetch
from docgen.render.docx import DocxRenderer
from docgen.render.errors import TemplateRenderError
from docgen.render.fonts import missing_glyphs
from docgen.render.sandbox import BUDGET_VARIABLE
from docgen.services import DocumentService
from tests import templated
from tests.support import load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

TEMPLATES = PROJECT_ROOT / "templates"
HELPER = Path(__file__).resolve().parent / "security_payloads" / "render_pdf.py"
TIME_LIMIT = 60.0  # seconds; a safety bound for a stopped bomb, not a performance target
# the render budget here (5 s by default): the loop bombs are cut off after 1 s
BUDGET = "1"
# the injection tests' budget: the sandbox refuses their payloads at once, and the nested
# loop bomb among them (six renders) is refused once a budget runs out, whichever it is
INJECTION_BUDGET = "0.25"
PASSWD = b"root:x:0:0"
SECRET = b"DOCGEN-CANARY-SECRET-4f1c9a"
REFUSED = (TemplateRenderError, SecurityError)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- helpers -------------------------------------------------------------------------


def company_case(**changes: Any) -> dict[str, Any]:
    """The company-debtor fixture with ``{"debtor.name": value, ...}`` applied."""
    case = load_fixture("demand_letter", "valid", "company_debtor_arbitration")
    for dotted, value in changes.items():
        *parents, leaf = dotted.split(".")
        target = case
        for key in parents:
            target = target[key]
        target[leaf] = value
    return case


def copy_templates(tmp_path: Path) -> Path:
    """A private copy of the template root, to be tampered with like an upload."""
    return templated.install(tmp_path / "templates")


# The planted-template tests tamper with the HTML template of a type printed from
# template files (the built-in types print from docgen/layouts, which evaluate no
# template; a plugin's type or a firm's upload does) and print it with WeasyPrint, the
# engine of HTML templates: the test type ``templated_notice`` (tests/templated).
PLANTED_TYPE = templated.NAME


@pytest.fixture(autouse=True)
def _planted_type_registered(templated_type: Any) -> None:
    """The planted type is in the registry for every test here."""


def planted_case() -> dict[str, Any]:
    return dict(templated.CASES["short"])


def render_planted(service: DocumentService) -> Any:
    return service.render(PLANTED_TYPE, planted_case(), "pdf", engine="weasyprint")


def plant_in_letter_html(templates: Path, markup: str) -> None:
    """Put ``markup`` at the start of the template's body, as an uploaded template would."""
    letter = templates / PLANTED_TYPE / "short.html"
    source = letter.read_text(encoding="utf-8")
    assert "<body>" in source
    letter.write_text(source.replace("<body>", f"<body>\n{markup}\n", 1), encoding="utf-8")


def error_chain_text(exc: BaseException) -> str:
    parts = []
    seen: BaseException | None = exc
    while seen is not None:
        parts.append(f"{type(seen).__name__}: {seen}")
        seen = seen.__cause__ or seen.__context__
    return "\n".join(parts)


def assert_nothing_executed(exc: BaseException, marker: Path) -> None:
    assert not marker.exists(), "a payload ran a command or opened a file for writing"
    assert PASSWD.decode() not in error_chain_text(exc)


def docx_all_text(content: bytes) -> str:
    """Every text run of a DOCX: body, tables, headers, footers, footnotes and its title."""
    texts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in sorted(archive.namelist()):
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                root = etree.fromstring(archive.read(name), xml_parser())
                for paragraph in root.iter(f"{{{W_NS}}}p"):
                    texts.append("".join(t.text or "" for t in paragraph.iter(f"{{{W_NS}}}t")))
    texts.append(Document(io.BytesIO(content)).core_properties.title or "")
    return "\n".join(texts)


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def rendered_text(content: bytes, fmt: str) -> str:
    """What a reader sees, whitespace removed (PDF lines wrap anywhere)."""
    if fmt == "pdf":
        return normalize("".join(pdf_pages_text(content)))
    return normalize(docx_all_text(content))


def pdf_inside(content: bytes) -> bytes:
    """A PDF as someone digging for leaked bytes sees it: raw, every inflated stream, text."""
    chunks = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", content, re.S):
        with contextlib.suppress(zlib.error):
            chunks.append(zlib.decompressobj().decompress(match.group(1)))
    chunks.append("".join(pdf_pages_text(content)).encode("utf-8"))
    return b"\n".join(chunks)


def local_secrets() -> list[bytes]:
    """Contents that must never appear in a PDF: /etc/passwd, /etc/hostname, our secret."""
    secrets = [PASSWD, SECRET]
    with contextlib.suppress(OSError):
        hostname = Path("/etc/hostname").read_bytes().strip()
        if len(hostname) >= 6:  # a two-letter host name would match by chance
            secrets.append(hostname)
    return secrets


def docx_template(tmp_path: Path, region: str, text: str) -> Path:
    """A small .docx template with ``text`` in one region: body, header, footer, footnote
    or the core properties' title."""
    path = tmp_path / f"{region}.docx"
    if any(char in text for char in "\t\n\r"):  # python-docx writes these as elements
        build_docx_template(path, region, text)
        return path
    slot = SLOT.encode()
    with zipfile.ZipFile(io.BytesIO(slotted_docx(region))) as zin:
        parts = [(item, zin.read(item.filename)) for item in zin.infolist()]
    assert sum(data.count(slot) for _item, data in parts) == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item, data in parts:
            zout.writestr(item, data.replace(slot, escape(text).encode()))
    return path


SLOT = "DOCGEN-PAYLOAD-SLOT-5c2e"


@functools.cache
def slotted_docx(region: str) -> bytes:
    """``build_docx_template``'s file with ``SLOT`` as the text, made once per region
    (python-docx takes about 0.05 s a file); ``docx_template`` puts the text in its place,
    escaped as python-docx escapes it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "slotted.docx"
        build_docx_template(path, region, SLOT)
        return path.read_bytes()


def build_docx_template(path: Path, region: str, text: str) -> None:
    """``docx_template``'s file, made by python-docx."""
    document = Document()
    document.add_paragraph("致：{{ debtor.name }}")
    section = document.sections[0]
    if region == "body":
        document.add_paragraph(text)
    elif region == "header":
        section.header.paragraphs[0].text = text
    elif region == "footer":
        section.footer.paragraphs[0].text = text
    elif region == "core-title":
        document.core_properties.title = text
    document.save(path)
    if region == "footnote":
        add_footnote(path, text)


def add_footnote(path: Path, text: str) -> None:
    """Give the .docx a footnotes part whose footnote 1 reads ``text`` (python-docx cannot)."""
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        "</w:p></w:footnote></w:footnotes>"
    )
    source = path.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            elif item.filename == "word/document.xml":
                data = data.replace(
                    b"</w:t></w:r></w:p>",
                    b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                    1,
                )
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", footnotes)


DOCX_CONTEXT = {"title": "催款函", "debtor": {"name": "福州闽江建材有限公司"}}
DOCX_REGIONS = ["body", "header", "footer", "footnote", "core-title"]


# --- T1: template injection in uploaded templates -----------------------------------

# "MARKER" is replaced by a path in the test's tmp dir: if any payload ever ran a shell
# command or opened a file for writing, that file would appear.
TEMPLATE_PAYLOADS = [
    pytest.param("{{ ''.__class__.__mro__[1].__subclasses__() }}", id="mro-subclasses"),
    pytest.param("{{ cycler.__init__.__globals__ }}", id="cycler-globals"),
    pytest.param("{{ self.__init__.__globals__ }}", id="self-globals"),
    pytest.param("{{ self._TemplateReference__context }}", id="self-private-context"),
    pytest.param("{{ ''|attr('__class__') }}", id="attr-filter"),
    pytest.param(
        "{{ ''|attr('__class__')|attr('__mro__')|last|attr('__subclasses__')() }}",
        id="attr-filter-chain",
    ),
    pytest.param("{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", id="attr-hex-escaped"),
    pytest.param("{{ '{0.__class__}'.format(title) }}", id="str-format-attribute"),
    pytest.param("{{ request }}", id="flask-request-global"),
    pytest.param("{{ config }}", id="flask-config-global"),
    pytest.param("{{ lipsum.__globals__ }}", id="lipsum-globals"),
    pytest.param("{{ namespace.__init__.__globals__ }}", id="namespace-globals"),
    pytest.param("{% set _ = debtor.update({'name': 'x'}) %}", id="mutate-context"),
    pytest.param(
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}", id="popen-command"
    ),
    pytest.param(
        "{{ ''.__class__.__mro__[1].__subclasses__()[0].__init__.__globals__"
        "['__builtins__']['open']('MARKER', 'w') }}",
        id="builtins-open",
    ),
    pytest.param("{{ range(10**9)|list }}", id="huge-range-power"),
    pytest.param("{{ range(1000000000)|list }}", id="huge-range-literal"),
    pytest.param("{{ 'a' * 100000000 }}", id="string-repeat"),
    pytest.param(
        "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
        "x{% endfor %}{% endfor %}{% endfor %}",
        id="nested-loop-cpu-bomb",
    ),
]

DOCX = DocxRenderer()  # the renderer the service uses

LOADER_PAYLOADS = [
    pytest.param("{% include '/etc/passwd' %}", id="include-etc-passwd"),
    pytest.param("{% import 'x' as y %}", id="import"),
    pytest.param("{% from 'x' import y %}", id="from-import"),
    pytest.param("{% extends 'base' %}", id="extends"),
]


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS + LOADER_PAYLOADS)
def test_an_html_template_carrying_an_injection_payload_is_refused_and_runs_nothing(
    payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, INJECTION_BUDGET)
    marker = tmp_path / "pwned"
    templates = copy_templates(tmp_path)
    plant_in_letter_html(templates, payload.replace("MARKER", str(marker)))
    service = DocumentService(Settings(templates_dir=templates))

    start = time.monotonic()
    with pytest.raises(REFUSED) as caught:
        render_planted(service)

    assert time.monotonic() - start < TIME_LIMIT
    assert "模板渲染失败" in str(caught.value)
    assert_nothing_executed(caught.value, marker)


@pytest.mark.parametrize("region", DOCX_REGIONS)
@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS + LOADER_PAYLOADS)
def test_a_docx_template_carrying_an_injection_payload_in_any_region_is_refused(
    payload: str, region: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, INJECTION_BUDGET)
    marker = tmp_path / "pwned"
    template = docx_template(tmp_path, region, payload.replace("MARKER", str(marker)))

    start = time.monotonic()
    with pytest.raises(REFUSED) as caught:
        DOCX.render(template, DOCX_CONTEXT)

    assert time.monotonic() - start < TIME_LIMIT
    assert "模板渲染失败" in str(caught.value)
    assert_nothing_executed(caught.value, marker)


@pytest.mark.parametrize("payload", LOADER_PAYLOADS)
def test_a_template_that_includes_imports_or_extends_never_reads_another_file(
    payload: str, tmp_path: Path
) -> None:
    templates = copy_templates(tmp_path)
    plant_in_letter_html(templates, payload)
    service = DocumentService(Settings(templates_dir=templates))
    with pytest.raises(REFUSED) as caught:
        render_planted(service)
    assert PASSWD.decode() not in error_chain_text(caught.value)
    with pytest.raises(REFUSED) as caught:
        DOCX.render(docx_template(tmp_path, "body", payload), DOCX_CONTEXT)
    assert PASSWD.decode() not in error_chain_text(caught.value)


BLOWUP = 5_000_000  # characters: 50 times the sandbox's own repeat limit of 100,000


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(f"{{{{ title.ljust({BLOWUP}) }}}}", id="str-ljust"),
        pytest.param(f"{{{{ title.zfill({BLOWUP}) }}}}", id="str-zfill"),
        pytest.param(f"{{{{ '%0{BLOWUP}d' % 0 }}}}", id="percent-padding"),
        pytest.param(f"{{{{ '{{:>{BLOWUP}}}'.format('') }}}}", id="format-padding"),
        pytest.param("{{ range(50)|join('x' * 100000) }}", id="join-repeat"),
        pytest.param(
            "{% set a = 'x' * 100000 %}{% for i in range(50) %}{{ a }}{% endfor %}",
            id="loop-output",
        ),
    ],
)
def test_a_template_that_expands_to_millions_of_characters_is_refused(
    payload: str, tmp_path: Path
) -> None:
    with pytest.raises(REFUSED):
        DOCX.render(docx_template(tmp_path, "body", payload), DOCX_CONTEXT)


# the loop bombs the time limit must stop, rendered by one child (below)
LOOP_BOMBS = {
    "string": "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "range": "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
}
CHILD_GROUP = pytest.mark.xdist_group("render-security-loop-bombs")  # one child per run


@pytest.fixture(scope="module")
def loop_bomb_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What the child printed for each loop bomb (``render_pdf_in_child``)."""
    roots = {}
    for name, payload in LOOP_BOMBS.items():
        roots[name] = copy_templates(tmp_path_factory.mktemp(f"bomb-{name}"))
        plant_in_letter_html(roots[name], payload)
    case_path = tmp_path_factory.mktemp("bomb-case") / "case.json"
    case_path.write_text(json.dumps(planted_case(), ensure_ascii=False), encoding="utf-8")
    return render_pdf_in_child(case_path, roots)


def render_pdf_in_child(case_path: Path, roots: dict[str, Path]) -> dict[str, str]:
    """Render the letter from each template root in one child process, killed after
    TIME_LIMIT seconds a root (a thread could not be stopped); returns what the child
    printed for each root (with its error output, if it stopped short of one)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), *sys.path]),
        BUDGET_VARIABLE: BUDGET,
    }
    try:
        child = subprocess.run(
            [sys.executable, str(HELPER), str(case_path), *map(str, roots.values())],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT * len(roots),
            env=env,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the renders were still running after {TIME_LIMIT:.0f} s each and were killed")
    printed = dict(re.findall(r"^== (.+)\n((?:(?!== ).*\n?)*)", child.stdout, re.M))
    return {name: printed.get(str(root), child.stderr) for name, root in roots.items()}


def render_seconds(output: str) -> float:
    """How long the child's template ran under its budget (``seconds: <s>``)."""
    found = re.search(r"^seconds: ([0-9.]+)$", output, re.M)
    assert found, output
    return float(found.group(1))


@CHILD_GROUP
def test_a_loop_bomb_over_a_string_is_stopped_by_the_time_limit(
    loop_bomb_outputs: dict[str, str],
) -> None:
    output = loop_bomb_outputs["string"]

    assert output.startswith("refused:"), output
    assert "超时" in output
    assert 1 <= render_seconds(output) < 3, output  # cut off at the 1 s budget, not at 5 s


@CHILD_GROUP
def test_the_time_limited_render_helper_reports_a_refusal(
    loop_bomb_outputs: dict[str, str],
) -> None:
    """The child process used above works: the range() loop bomb comes back refused in time."""
    output = loop_bomb_outputs["range"]

    assert output.startswith("refused:"), output
    assert "超时" in output
    assert 1 <= render_seconds(output) < 3, output  # cut off at the 1 s budget, not at 5 s


def test_case_data_in_a_footnote_of_a_two_section_template_stays_literal(
    tmp_path: Path,
) -> None:
    document = Document()
    document.add_paragraph("正文")
    document.add_section()
    path = tmp_path / "two-sections.docx"
    document.save(path)
    add_footnote(path, "债务人：{{ debtor.name }}")

    content = DOCX.render(path, {"debtor": {"name": "{{ 7*7 }}"}})

    assert "债务人：{{ 7*7 }}" in docx_all_text(content)


def test_case_data_in_the_document_title_property_is_stored_as_written(tmp_path: Path) -> None:
    template = docx_template(tmp_path, "core-title", "{{ debtor.name }}")

    content = DOCX.render(template, {"debtor": {"name": "Smith & <Sons>"}})

    assert Document(io.BytesIO(content)).core_properties.title == "Smith & <Sons>"


@pytest.mark.parametrize("region", DOCX_REGIONS)
def test_a_docx_template_renders_case_data_in_every_region(region: str, tmp_path: Path) -> None:
    """The regions above are really rendered (so their payloads were really tried)."""
    content = DOCX.render(docx_template(tmp_path, region, "甲{{ title }}乙"), DOCX_CONTEXT)
    assert "甲催款函乙" in docx_all_text(content)


# --- T1: template syntax in case data -----------------------------------------------

CASE_DATA_SSTI = [
    pytest.param("debtor.name", "{{ 7*7 }}", "致：49", id="debtor-name-arithmetic"),
    pytest.param("debtor.name", "{{ ''.__class__.__mro__ }}", "<class", id="debtor-name-mro"),
    pytest.param(
        "contract.summary",
        "{% for x in range(3) %}boom{% endfor %}",
        "boomboomboom",
        id="summary-loop",
    ),
    pytest.param(
        "contract.summary", "{{ '%s-%s' % ('ssti', 'hit') }}", "ssti-hit", id="summary-format"
    ),
    pytest.param("contract.summary", "{% raw %}{{ title }}{% endraw %}", "催款函催款函", id="raw"),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize(("field", "value", "evaluated"), CASE_DATA_SSTI)
def test_template_syntax_in_case_data_is_printed_literally(
    service: DocumentService, field: str, value: str, evaluated: str, fmt: str
) -> None:
    rendered = service.render("demand_letter", company_case(**{field: value}), fmt)

    text = rendered_text(rendered.content, fmt)
    assert normalize(value) in text
    assert normalize(evaluated) not in text


# --- T2: markup injection through case data ------------------------------------------

MARKUP_VALUES = [
    pytest.param("Smith & <Sons>", id="ampersand-angle"),
    pytest.param("</w:t></w:r><w:r><w:t>INJECTED", id="wordml-break-out"),
    pytest.param("<script>alert(1)</script>", id="script-tag"),
    pytest.param("<img src=x>", id="img-tag"),
    pytest.param("\"quotes\" & 'apos'", id="quotes"),
    pytest.param("A&amp;B &lt;b&gt; &#x41;", id="pre-escaped-entities"),
    pytest.param("]]><![CDATA[<w:br/>", id="cdata-break"),
]
MARKUP_FIELDS = ["debtor.name", "contract.summary"]


@pytest.mark.parametrize("field", MARKUP_FIELDS)
@pytest.mark.parametrize("value", MARKUP_VALUES)
def test_markup_in_case_data_leaves_a_valid_docx_that_shows_it_as_text(
    service: DocumentService, value: str, field: str
) -> None:
    content = service.render("demand_letter", company_case(**{field: value}), "docx").content

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        body = etree.fromstring(archive.read("word/document.xml"), xml_parser())
    assert body.tag == f"{{{W_NS}}}document"
    assert Document(io.BytesIO(content)).paragraphs  # python-docx opens it
    assert normalize(value) in rendered_text(content, "docx")
    assert not [t for t in body.iter(f"{{{W_NS}}}t") if (t.text or "").strip() == "INJECTED"]


@pytest.mark.parametrize("field", MARKUP_FIELDS)
@pytest.mark.parametrize("value", MARKUP_VALUES)
def test_markup_in_case_data_is_printed_as_text_in_the_pdf(
    service: DocumentService, value: str, field: str
) -> None:
    content = service.render("demand_letter", company_case(**{field: value}), "pdf").content

    assert content.startswith(b"%PDF-")
    assert normalize(value) in rendered_text(content, "pdf")


# --- T3: SSRF and local file reads from the PDF renderer ----------------------------


class Canary(http.server.ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that counts every connection made to it."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CanaryHandler)
        self.connections = 0
        self.paths: list[str] = []

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def get_request(self) -> tuple[Any, Any]:
        request = super().get_request()
        self.connections += 1
        return request


class _CanaryHandler(http.server.BaseHTTPRequestHandler):
    server: Canary

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        body = b"h1 { color: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Vector(NamedTuple):
    markup: str  # CANARY: http://host:port, HOST: host:port, OUTSIDE: file URI of a secret
    target: str  # what WeasyPrint asks for when nothing stops it


def _vector(markup: str, target: str, name: str) -> Any:
    return pytest.param(Vector(markup, target), id=name)


SSRF_VECTORS = [
    _vector('<img src="CANARY/x.png">', "HOST", "img-http"),
    _vector('<img src="https://HOST/x.png">', "HOST", "img-https"),
    _vector('<img src="ftp://HOST/x.png">', "HOST", "img-ftp"),
    _vector('<link rel="stylesheet" href="CANARY/a.css">', "HOST", "stylesheet-http"),
    _vector('<style>@import url("CANARY/b.css");</style>', "HOST", "css-import-http"),
    _vector('<base href="CANARY/"><img src="relative.png">', "HOST", "base-href-http"),
    _vector(
        '<svg width="10" height="10"><image href="CANARY/s.png" width="10" height="10"/></svg>',
        "HOST",
        "svg-image-http",
    ),
    _vector(
        '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 '
        "width=%2210%22 height=%2210%22><image href=%22CANARY/d.png%22 width=%2210%22 "
        'height=%2210%22/></svg>">',
        "HOST",
        "data-svg-nesting-http",
    ),
    _vector(
        "<style>@font-face { font-family: Leak; src: url(CANARY/f.ttf) }"
        " h1 { font-family: Leak }</style>",
        "HOST",
        "font-face-http",
    ),
    _vector('<style>h1::after { content: url("CANARY/c.png") }</style>', "HOST", "css-content"),
    _vector(
        '<ul style="list-style-image: url(CANARY/l.png)"><li>项</li></ul>', "HOST", "list-image"
    ),
    _vector('<img src="file:///etc/passwd">', "/etc/passwd", "img-file"),
    _vector('<object data="file:///etc/passwd"></object>', "/etc/passwd", "object-file"),
    _vector('<embed src="file:///etc/passwd">', "/etc/passwd", "embed-file"),
    _vector(
        '<a rel="attachment" href="file:///etc/passwd">附件</a>', "/etc/passwd", "a-attachment"
    ),
    _vector('<link rel="attachment" href="file:///etc/passwd">', "/etc/passwd", "link-attachment"),
    _vector('<style>@import url("file:///etc/passwd");</style>', "/etc/passwd", "css-import"),
    _vector('<img src="/dev/urandom">', "/dev/urandom", "dev-urandom"),
    _vector(
        '<div style="background: url(file:///etc/hostname); height: 5mm"></div>',
        "/etc/hostname",
        "css-background-file",
    ),
    _vector(
        '<div style="background: url(' + "../" * 12 + 'etc/passwd); height: 5mm"></div>',
        "/etc/passwd",
        "css-relative-traversal",
    ),
    _vector(
        '<link rel="stylesheet" href="../../outside/secret.css">',
        "outside/secret.css",
        "stylesheet-relative-traversal",
    ),
    _vector('<link rel="stylesheet" href="OUTSIDE">', "outside/secret.css", "stylesheet-file"),
    _vector(
        '<link rel="stylesheet" href="../_shared/escape.css">',
        "_shared/escape.css",
        "stylesheet-symlink-in-root",
    ),
]


@pytest.fixture
def ssrf_root(tmp_path: Path) -> Path:
    """A template root with a secret just outside it and a symlink inside pointing at it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.css"
    secret.write_bytes(b'h1::before { content: "' + SECRET + b'" }\n')
    templates = copy_templates(tmp_path)
    (templates / "_shared" / "escape.css").symlink_to(secret)
    return templates


def fill(markup: str, canary: Canary, templates: Path) -> str:
    secret_uri = (templates.parent / "outside" / "secret.css").as_uri()
    return (
        markup.replace("CANARY", f"http://{canary.host}")
        .replace("HOST", canary.host)
        .replace("OUTSIDE", secret_uri)
    )


class RecordingFetcher(URLFetcher):  # type: ignore[misc]
    """Notes what WeasyPrint asks for and fetches nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.requested.append(url)
        raise ValueError("recording only")


def test_the_canary_server_counts_a_request(canary: Canary) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", canary.server_address[1], timeout=5)
    connection.request("GET", "/probe")
    assert connection.getresponse().read()
    connection.close()
    assert canary.connections == 1
    assert canary.paths == ["/probe"]


@pytest.mark.parametrize("vector", SSRF_VECTORS)
def test_each_vector_is_live_weasyprint_asks_for_its_target_unless_stopped(
    vector: Vector, canary: Canary, ssrf_root: Path
) -> None:
    """Without docgen's fetcher WeasyPrint would fetch each target, so the 0-hit results
    below mean something. (The recording fetcher fetches nothing itself.)"""
    markup = fill(vector.markup, canary, ssrf_root)
    fetcher = RecordingFetcher()
    page = f"<html><body><h1>标题</h1>{markup}<p>正文</p></body></html>"
    base_url = (ssrf_root / "demand_letter" / "letter.html").as_uri()

    weasyprint.HTML(string=page, base_url=base_url, url_fetcher=fetcher).write_pdf()

    target = fill(vector.target, canary, ssrf_root)
    assert any(target in url for url in fetcher.requested), fetcher.requested
    assert canary.connections == 0


@pytest.mark.parametrize("vector", SSRF_VECTORS)
def test_a_template_vector_reaches_neither_the_network_nor_local_files(
    vector: Vector, canary: Canary, ssrf_root: Path
) -> None:
    plant_in_letter_html(ssrf_root, fill(vector.markup, canary, ssrf_root))
    service = DocumentService(Settings(templates_dir=ssrf_root))

    try:
        content = render_planted(service).content
    except (TemplateRenderError, CaseInvalid):
        content = b""  # a clean refusal is as good as a clean render

    assert canary.connections == 0, canary.paths
    inside = pdf_inside(content)
    for secret in local_secrets():
        assert secret not in inside


@pytest.mark.parametrize("vector", SSRF_VECTORS)
def test_a_vector_in_case_data_is_printed_as_text_and_fetches_nothing(
    vector: Vector, canary: Canary, ssrf_root: Path, service: DocumentService
) -> None:
    summary = fill(vector.markup, canary, ssrf_root)

    content = service.render("demand_letter", company_case(**{"contract.summary": summary}), "pdf")

    assert canary.connections == 0, canary.paths
    inside = pdf_inside(content.content)
    for secret in local_secrets():
        assert secret not in inside
    assert normalize(summary) in rendered_text(content.content, "pdf")


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param('<a rel="attachment" href="secret.txt">附件</a>', id="attachment"),
        pytest.param('<link rel="stylesheet" href="secret.css">', id="stylesheet"),
    ],
)
def test_the_leak_check_finds_a_file_an_unguarded_renderer_embeds(
    markup: str, tmp_path: Path
) -> None:
    """``pdf_inside`` does see file bytes when a renderer lets them in."""
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (tmp_path / "secret.css").write_bytes(b'p::before { content: "' + SECRET + b'" }')
    page = f"<html><body>{markup}<p>正文</p></body></html>"
    base_url = (tmp_path / "page.html").as_uri()

    pdf = weasyprint.HTML(string=page, base_url=base_url).write_pdf()

    assert pdf is not None
    assert SECRET in pdf_inside(pdf)


# --- T3 / T12: the asset fetcher itself ----------------------------------------------


def test_the_asset_fetcher_serves_a_stylesheet_under_its_root() -> None:
    css = TEMPLATES / "_shared" / "print.css"

    response = AssetFetcher(TEMPLATES).fetch(css.as_uri())

    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("file:///etc/passwd", id="absolute"),
        pytest.param("FILE:///etc/passwd", id="upper-case-scheme"),
        pytest.param("file://localhost/etc/passwd", id="localhost-authority"),
        pytest.param("ROOT/_shared/../../outside/secret.css", id="dot-dot"),
        pytest.param("ROOT/%2e%2e/outside/secret.css", id="percent-encoded-dot-dot"),
        pytest.param("ROOT/_shared/..%2f..%2f../outside/secret.css", id="encoded-slash"),
        pytest.param("ROOT/..%5c..%5coutside%5csecret.css", id="backslashes"),
        pytest.param("ROOT/_shared/escape.css", id="symlink-to-file-outside"),
        pytest.param("ROOT/_shared/away/secret.css", id="symlink-to-dir-outside"),
        pytest.param("ROOT/templated_notice/short.html", id="template-source-not-an-asset"),
        pytest.param("ROOT/_shared/", id="directory"),
    ],
)
def test_the_asset_fetcher_refuses_files_outside_its_root(url: str, ssrf_root: Path) -> None:
    (ssrf_root / "_shared" / "away").symlink_to(ssrf_root.parent / "outside")
    fetcher = AssetFetcher(ssrf_root)

    with pytest.raises(BlockedFetch):
        fetcher.fetch(url.replace("ROOT", ssrf_root.as_uri()))


def test_the_asset_fetcher_refuses_a_path_with_a_nul_byte(ssrf_root: Path) -> None:
    with pytest.raises(ValueError, match=r"null byte|refused"):
        AssetFetcher(ssrf_root).fetch(ssrf_root.as_uri() + "/_shared/print.css%00.png")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://HOST/x.css", id="http"),
        pytest.param("https://HOST/x.css", id="https"),
        pytest.param("ftp://HOST/x.css", id="ftp"),
        pytest.param("HTTP://HOST/x.css", id="upper-case-http"),
        pytest.param("gopher://HOST/x", id="gopher"),
    ],
)
def test_the_asset_fetcher_refuses_network_urls(url: str, canary: Canary) -> None:
    with pytest.raises(BlockedFetch):
        AssetFetcher(TEMPLATES).fetch(url.replace("HOST", canary.host))
    assert canary.connections == 0


@pytest.mark.parametrize(
    ("url", "media_type", "body"),
    [
        pytest.param("data:text/css,h1%7Bcolor%3Ared%7D", "text/css", b"h1{color:red}", id="css"),
        pytest.param(
            "data:image/png;base64,iVBORw0KGgo=", "image/png", b"\x89PNG\r\n\x1a\n", id="base64"
        ),
    ],
)
def test_the_asset_fetcher_accepts_data_urls(url: str, media_type: str, body: bytes) -> None:
    response = AssetFetcher(TEMPLATES).fetch(url)

    assert response.read() == body
    assert response.content_type == media_type


# --- the PDF glyph check -------------------------------------------------------------

GLYPHLESS = [
    pytest.param("\ue000", id="private-use-U+E000"),
    pytest.param("\U00020000", id="cjk-ext-b-U+20000"),
]


def glyphless_name(char: str, service: DocumentService) -> str:
    if not missing_glyphs(char, service.settings.pdf_font_families):
        pytest.skip(f"the installed fonts draw U+{ord(char):04X}")
    return f"福州{char}建材有限公司"


@pytest.mark.parametrize("char", GLYPHLESS)
def test_a_debtor_name_the_pdf_fonts_cannot_draw_is_refused_at_that_field(
    char: str, service: DocumentService
) -> None:
    case = company_case(**{"debtor.name": glyphless_name(char, service)})

    with pytest.raises(CaseInvalid) as caught:
        service.render("demand_letter", case, "pdf")

    assert ("debtor", "name") in [p.loc for p in caught.value.problems if p.code == "glyph_missing"]


@pytest.mark.parametrize("char", GLYPHLESS)
def test_a_debtor_name_the_pdf_fonts_cannot_draw_still_renders_as_docx(
    char: str, service: DocumentService
) -> None:
    name = glyphless_name(char, service)

    content = service.render("demand_letter", company_case(**{"debtor.name": name}), "docx")

    assert f"致：{name}" in docx_all_text(content.content)


def test_a_template_printing_a_character_the_fonts_lack_is_refused(tmp_path: Path) -> None:
    templates = copy_templates(tmp_path)
    plant_in_letter_html(templates, "<p>\ue000</p>")

    with pytest.raises(CaseInvalid) as caught:
        render_planted(DocumentService(Settings(templates_dir=templates)))

    assert [p.code for p in caught.value.problems] == ["glyph_missing"]
