"""A firm's own template: uploaded, checked, previewed, activated, used — hostile ones refused."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from docgen.config import Settings
from docgen.render.sandbox import BUDGET_VARIABLE
from docgen.services import DocumentService
from docgen.template_store import TemplateRejected
from tests.support import FIXTURES, ROOT, load_fixture

pytestmark = pytest.mark.slow

BUILTIN = ROOT / "docs" / "examples" / "demand_letter.docx"  # a firm template to start from
CASE = load_fixture("demand_letter", "valid", "person_debtor")


def _docx_with(replacements: dict[str, str], extra: dict[str, bytes] | None = None) -> bytes:
    """The built-in demand-letter template with words of word/document.xml replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(BUILTIN) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                for old, new in replacements.items():
                    assert old in text, old
                    text = text.replace(old, new, 1)
                data = text.encode("utf-8")
            dst.writestr(info, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


SENDER = "发函人：{{ creditor.name }}"
FIRM_TEMPLATE = _docx_with({SENDER: "本所专用格式 " + SENDER})


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.fixture(scope="module")
def few_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One sample case per type uploaded to below (demand_letter's first fixture): the
    upload checks render it alone (in their child) instead of every fixture; the API,
    CLI and page tests keep the full set."""
    root = tmp_path_factory.mktemp("samples")
    for type_name, name in (
        ("demand_letter", "account_of_a_third_party"),
        ("civil_complaint", "elements_company_lender"),
    ):
        folder = root / type_name / "valid"
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / type_name / "valid" / f"{name}.json", folder)
    return root


@pytest.fixture
def service(database_url: str, tmp_path: Path, few_samples: Path) -> DocumentService:
    """Storage and activation run on SQLite and PostgreSQL."""
    settings = Settings(data_dir=tmp_path, database_url=database_url, samples_dir=few_samples)
    return DocumentService(settings)


@pytest.fixture
def checker(tmp_path: Path, few_samples: Path) -> DocumentService:
    """The checks do not depend on the database: SQLite only."""
    return DocumentService(Settings(data_dir=tmp_path, samples_dir=few_samples))


def test_uploaded_template_is_used_only_once_activated(service: DocumentService):
    version, warnings = service.upload_template(
        "demand_letter", FIRM_TEMPLATE, filename="firm.docx", note="本所格式"
    )
    assert (version.version, version.status, version.filename) == (1, "uploaded", "firm.docx")
    assert not [w for w in warnings if w.severity == "error"]
    before = _text(service.render("demand_letter", CASE, "docx").content)
    assert "本所专用格式" not in before

    sample_preview = service.preview_template("demand_letter", 1)
    assert "本所专用格式 发函人：" in _text(sample_preview.content)
    preview = service.preview_template("demand_letter", 1, CASE)
    assert "本所专用格式 发函人：深圳市恒信商贸有限公司" in _text(preview.content)

    service.templates.activate(service.tenant_id, "demand_letter", 1)
    after = _text(service.render("demand_letter", CASE, "docx").content)
    assert "本所专用格式 发函人：深圳市恒信商贸有限公司" in after
    assert "张伟" in after

    service.templates.deactivate(service.tenant_id, "demand_letter")
    assert "本所专用格式" not in _text(service.render("demand_letter", CASE, "docx").content)


def test_versions_are_numbered_stored_by_hash_and_never_overwritten(service: DocumentService):
    import hashlib

    first, _ = service.upload_template("demand_letter", FIRM_TEMPLATE)
    again, _ = service.upload_template("demand_letter", FIRM_TEMPLATE)
    assert again.version == first.version == 1
    second_bytes = _docx_with({"致：{{ debtor.name }}": "致函对象：{{ debtor.name }}"})
    second, _ = service.upload_template("demand_letter", second_bytes)
    assert second.version == 2

    service.templates.activate(service.tenant_id, "demand_letter", 1)
    service.templates.activate(service.tenant_id, "demand_letter", 2)
    statuses = {
        v.version: v.status for v in service.templates.versions(service.tenant_id, "demand_letter")
    }
    assert statuses == {1: "retired", 2: "active"}
    for info, data in ((first, FIRM_TEMPLATE), (second, second_bytes)):
        stored = service.templates.file_path("demand_letter", "docx", info.sha256).read_bytes()
        assert stored == data
        assert info.sha256 == hashlib.sha256(data).hexdigest()


def _rejection(service: DocumentService, data: bytes) -> list:
    with pytest.raises(TemplateRejected) as caught:
        service.upload_template("demand_letter", data)
    assert service.templates.versions(service.tenant_id, "demand_letter") == [], "nothing is stored"
    return caught.value.problems


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "render_failed"),
        ("{{ cycler.__init__.__globals__ }}", "unknown_variable"),
        ("{{ creditor|attr('__class__') }}", "render_failed"),
        ("{% include '/etc/passwd' %}", "render_failed"),
        ("{{ debtor.name.__class__.__base__.__subclasses__() }}", "render_failed"),
        ("{{ config }}", "unknown_variable"),
        ("{{ title ", "template_syntax"),
        (
            "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
            "render_failed",
        ),
    ],
)
def test_template_injection_is_refused_with_a_clear_error(
    checker: DocumentService, payload, code, monkeypatch: pytest.MonkeyPatch
):
    # the loop bomb is cut off by the render budget; 1 s instead of 5 s (the vetting child
    # inherits the environment)
    monkeypatch.setenv(BUDGET_VARIABLE, "1")
    data = _docx_with({"{{ facts }}": "{{ facts }}" + payload.replace("'", "&apos;")})
    problems = _rejection(checker, data)
    assert [p.code for p in problems if p.severity == "error"] == [code]
    assert re.search(r"[\u4e00-\u9fff]", problems[0].message)


def test_unknown_variable_names_the_variable_and_lists_the_known_ones(checker: DocumentService):
    problems = _rejection(checker, _docx_with({"{{ facts }}": "{{ facts }}{{ debtor_bank }}"}))
    assert problems[0].code == "unknown_variable"
    assert "debtor_bank" in problems[0].message
    assert "amounts" in problems[0].hint


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]><lolz>&lol9;</lolz>"
)


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("not a zip", lambda: b"%PDF-1.7 not a docx", "not_docx"),
        ("truncated", lambda: FIRM_TEMPLATE[: len(FIRM_TEMPLATE) // 2], "not_docx"),
        ("external entity", lambda: _docx_with({}, {"word/evil.xml": XXE}), "xml_doctype"),
        ("billion laughs", lambda: _docx_with({}, {"customXml/item9.xml": LAUGHS}), "xml_doctype"),
        ("zip bomb", lambda: _docx_with({}, {"word/media/pad.bin": bytes(60_000_000)}), "zip_bomb"),
        ("path traversal", lambda: _docx_with({}, {"../../etc/cron.d/x": b"x"}), "unsafe_path"),
        ("absolute path", lambda: _docx_with({}, {"/etc/passwd": b"x"}), "unsafe_path"),
        ("no document part", lambda: _zip({"[Content_Types].xml": b"<Types/>"}), "not_docx"),
    ],
)
def test_hostile_archive_is_refused_fast_and_nothing_is_stored(
    checker: DocumentService, name, make, code
):
    data = make()
    started = time.monotonic()
    problems = _rejection(checker, data)
    assert time.monotonic() - started < 5, name
    assert problems[0].code == code, (name, problems)
    assert problems[0].loc == ("file",)


def test_a_valid_template_that_ignores_facts_is_accepted_with_a_warning(checker: DocumentService):
    data = _docx_with({"{{ facts }}": "（事实部分从略）"})
    version, warnings = checker.upload_template("demand_letter", data)
    assert version.version == 1
    assert [w.code for w in warnings] == ["unused_variable"]
    assert "facts" in warnings[0].message


def test_a_template_using_the_letters_status_words_is_accepted_and_prints_them(
    checker: DocumentService,
):
    """The example template reads owed, binds_if, deadline.pay_by, refusal and the
    ratification call (docs/custom-templates.md); a firm's own may read unratified."""
    mark = "{% if unratified %}（{{ unratified }}待追认）{% endif %}"
    data = _docx_with({"{{ facts }}": "{{ facts }}" + mark})
    version, warnings = checker.upload_template("demand_letter", data)
    assert not [w for w in warnings if w.severity == "error"]
    case = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
    text = _text(checker.preview_template("demand_letter", version.version, case).content)
    assert "（上述《借款合同》待追认）" in text
    # the copy speaks to the guardian, so the ward is named (letter_address)
    assert "上述《借款合同》经追认的，截至2026年10月31日，张伟尚欠我方款项明细如下：" in text
    # the guardian pays for the ward from the ward's property (pays_for, 民法典 arts. 34, 35)
    assert (
        "现特函告您：上述《借款合同》经追认的，请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，"
        "于收到本函之日起三十日内，将上述款项合计"
    ) in text
    assert "上述《借款合同》经追认而张伟逾期仍未清偿的" in text
    assert ("而确定不发生效力的，张伟应当返还我方已交付的借款人民币100,000.00元") in text
    assert "（上述《借款合同》待追认）" not in _text(
        checker.preview_template("demand_letter", version.version, CASE).content
    )


def test_template_lifecycle_through_the_api(client):
    upload = client.post(
        "/api/v1/templates/demand_letter",
        data={"file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx"), "note": "本所格式"},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 201, upload.json
    version = upload.json["version"]
    listed = client.get("/api/v1/templates/demand_letter").json["items"]
    docx = [(v["version"], v["status"]) for v in listed if v["kind"] == "docx"]
    assert docx[-1] == (version, "uploaded")

    preview = client.post(f"/api/v1/templates/demand_letter/{version}/preview", json=CASE)
    assert preview.status_code == 200
    assert "本所专用格式 发函人：深圳市恒信商贸有限公司" in _text(preview.data)

    try:
        activated = client.post(f"/api/v1/templates/demand_letter/{version}/activate")
        assert activated.status_code == 200
        active = [v for v in client.get("/api/v1/templates/demand_letter").json["items"]]
        times = [(v["created_at"], v["activated_at"]) for v in active if v["version"] == version]
        assert all(t.endswith("Z") for t in times[0]), times  # UTC, as every answer's times
        rendered = client.post("/api/v1/documents/demand_letter?format=docx", json=CASE)
        assert "本所专用格式" in _text(rendered.data)
    finally:
        client.post("/api/v1/templates/demand_letter/deactivate")
    assert client.post("/api/v1/templates/demand_letter/deactivate").status_code == 200
    rendered = client.post("/api/v1/documents/demand_letter?format=docx", json=CASE)
    assert "本所专用格式" not in _text(rendered.data)


def test_api_refuses_a_hostile_template_with_the_problem_list(client):
    bad = _docx_with({"{{ facts }}": "{{ facts }}{{ ''.__class__ }}".replace("'", "&apos;")})
    response = client.post(
        "/api/v1/templates/demand_letter",
        data={"file": (io.BytesIO(bad), "evil.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert response.json[0]["loc"] == ["file"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/templates/no_such_type",
        "/api/v1/templates/demand_letter/99/activate",
        "/api/v1/templates/..%2F..%2Fetc%2Fpasswd/1/activate",
        "/api/v1/templates/no_such_type/1/activate",
        "/api/v1/templates/demand_letter/9223372036854775808/activate",
    ],
)
def test_unknown_type_or_version_is_404(client, url):
    response = client.post(url) if url.endswith("activate") else client.get(url)
    assert response.status_code == 404


def test_cli_uploads_activates_previews_and_lists(runner, tmp_path: Path, monkeypatch):
    from docgen.cli import main

    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    firm = tmp_path / "firm.docx"
    firm.write_bytes(FIRM_TEMPLATE)
    result = runner.invoke(main, ["template", "upload", "demand_letter", str(firm), "--activate"])
    assert result.exit_code == 0, result.output
    assert "demand_letter/docx@v1（active）" in result.output
    listed = runner.invoke(main, ["template", "list"])
    assert "demand_letter/docx@v1\tactive" in listed.output
    out = tmp_path / "preview.docx"
    preview = runner.invoke(main, ["template", "preview", "demand_letter", "1", "-o", str(out)])
    assert preview.exit_code == 0, preview.output
    assert "本所专用格式" in _text(out.read_bytes())

    evil = tmp_path / "evil.docx"
    evil.write_bytes(b"PK\x03\x04 not really")
    refused = runner.invoke(main, ["template", "upload", "demand_letter", str(evil)])
    assert refused.exit_code == 1
    assert "file" in refused.output


def _page_token(client) -> str:
    page = client.get("/form/templates")
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)


def test_templates_page_uploads_previews_activates_and_shows_refusals(client):
    token = _page_token(client)
    refused = client.post(
        "/form/templates/demand_letter/upload",
        data={"csrf_token": token, "file": (io.BytesIO(b"not a docx"), "x.docx")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 422
    assert "文件不是 .docx" in refused.get_data(as_text=True)

    done = client.post(
        "/form/templates/demand_letter/upload",
        data={"csrf_token": token, "file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx")},
        content_type="multipart/form-data",
    )
    assert done.status_code == 303
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "已保存 demand_letter/docx@v" in page and "firm.docx" in page
    items = client.get("/api/v1/templates/demand_letter").json["items"]
    version = [v for v in items if v["kind"] == "docx"][-1]["version"]
    preview = client.post(
        f"/form/templates/demand_letter/{version}/preview", data={"csrf_token": token}
    )
    assert preview.status_code == 200
    assert "本所专用格式" in _text(preview.data)
    try:
        activated = client.post(
            f"/form/templates/demand_letter/{version}/activate", data={"csrf_token": token}
        )
        assert activated.status_code == 303
        assert f"当前使用：第 {version} 版" in client.get("/form/templates").get_data(as_text=True)
    finally:
        client.post("/form/templates/demand_letter/deactivate", data={"csrf_token": token})


def test_templates_page_answers_404_for_a_version_beyond_any_stored(client):
    token = _page_token(client)
    url = "/form/templates/demand_letter/9223372036854775808/activate"
    assert client.post(url, data={"csrf_token": token}).status_code == 404


def test_templates_page_refuses_a_post_without_csrf_token(client):
    response = client.post("/form/templates/demand_letter/deactivate")
    assert response.status_code == 400


def _elements_complaint_docx() -> bytes:
    """A firm's own .docx for the element-based complaint (the built-in one prints from
    its layout): title, the firm's words, the form's subtitle and the court."""
    document = Document()
    for line in ("{{ title }}", "本所要素式 {{ subtitle }}", "此致", "{{ court }}"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_template_for_one_layout_replaces_only_that_layout(service: DocumentService, client):
    elements = _elements_complaint_docx()
    version, _ = service.upload_template(
        "civil_complaint", elements, filename="elements.docx", variant="elements"
    )
    assert (version.variant, version.label) == ("elements", "civil_complaint/docx/elements@v1")
    service.templates.activate(service.tenant_id, "civil_complaint", version.version)
    elements_case = load_fixture("civil_complaint", "valid", "elements_company_lender")
    narrative_case = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    assert "本所要素式" in _text(service.render("civil_complaint", elements_case, "docx").content)
    assert "本所要素式" not in _text(
        service.render("civil_complaint", narrative_case, "docx").content
    )
    preview = service.preview_template("civil_complaint", version.version)  # an elements case
    assert "本所要素式" in _text(preview.content)

    with pytest.raises(TemplateRejected) as caught:
        service.upload_template("civil_complaint", elements, variant="table")
    assert caught.value.problems[0].loc == ("variant",)
    refused = client.post(
        "/api/v1/templates/demand_letter",
        data={"file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx"), "variant": "elements"},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 422
    assert refused.json[0]["loc"] == ["variant"] and "没有版式" in refused.json[0]["message"]
