"""The form's routes over HTTP: CSRF on every POST, safe headers, same answers as the API."""

from __future__ import annotations

import json
import re

import pytest

from docgen.config import Settings
from docgen.documents import registry
from docgen.web import create_app
from tests.support import authorized_client, fixture_cases, load_fixture, normalize, pdf_pages_text

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture(scope="module")
def shared_app(settings):
    """One app for the module's many small requests (each test still gets its own client)."""
    return create_app({"TESTING": True, "SETTINGS": settings})


@pytest.fixture
def client(shared_app):
    """Sends an API key too: some tests compare the form's answers with the API's."""
    return authorized_client(shared_app)


@pytest.fixture
def app(shared_app):
    return shared_app


def csrf_token(client, type_name: str = "demand_letter") -> str:
    page = client.get(f"/form/{type_name}").get_data(as_text=True)
    match = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert match, "the form page carries its CSRF token"
    return match.group(1)


def test_a_validation_without_the_csrf_token_is_refused(client):
    response = client.post("/form/demand_letter/validate", json=PERSON)
    assert response.status_code == 400
    assert response.json[0]["code"] == "csrf_invalid"
    assert "刷新页面" in response.json[0]["message"]


def test_a_render_without_the_csrf_token_is_refused_and_makes_no_document(client):
    csrf_token(client)  # a session exists, but the token is not sent
    response = client.post(
        "/form/demand_letter/render", data={"case": json.dumps(PERSON), "format": "pdf"}
    )
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "安全令牌" in response.get_data(as_text=True)


def test_a_token_from_another_session_is_refused(app):
    stolen = csrf_token(app.test_client())
    victim = app.test_client()
    victim.get("/form/demand_letter")
    response = victim.post(
        "/form/demand_letter/validate", json=PERSON, headers={"X-CSRFToken": stolen}
    )
    assert response.status_code == 400


def test_the_session_cookie_is_samesite_lax_and_http_only(client):
    response = client.get("/form/demand_letter")
    cookie = response.headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie


def test_form_pages_allow_no_inline_script_or_style(client):
    response = client.get("/form/demand_letter")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    html = response.get_data(as_text=True)
    # the only <script> with content is the form description, which is data, not code
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/json" id="form-spec"']
    assert " style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html  # nothing from a CDN


@pytest.mark.parametrize("doc_type", registry.all_types(), ids=lambda t: t.name)
def test_every_registered_type_has_a_form_page(client, doc_type):
    response = client.get(f"/form/{doc_type.name}")
    assert response.status_code == 200
    assert f"<h1>{doc_type.title}</h1>" in response.get_data(as_text=True)
    assert doc_type.title in client.get("/form/").get_data(as_text=True)


def test_an_unknown_type_has_no_form(client):
    assert client.get("/form/no_such_letter").status_code == 404


def test_the_first_sample_case_is_offered_and_served(client):
    html = client.get("/form/demand_letter").get_data(as_text=True)
    assert '<option value="company_debtor_arbitration">' in html
    # each sample is offered under its Chinese name, from fixtures/<type>/titles.json
    assert '<option value="person_debtor">自然人债务人（民间借贷）</option>' in html
    sample = client.get("/form/demand_letter/samples/person_debtor.json")
    assert sample.json == PERSON
    assert client.get("/form/demand_letter/samples/..%2Fvalid.json").status_code == 404


@pytest.mark.parametrize("case", fixture_cases("invalid"), ids=str)
def test_the_form_reports_the_same_errors_as_the_api_each_with_its_field(client, case):
    token = csrf_token(client, case.type_name)
    form = client.post(
        f"/form/{case.type_name}/validate", json=case.data, headers={"X-CSRFToken": token}
    ).json
    api = client.post(f"/api/v1/documents/{case.type_name}/validate", json=case.data).json
    assert not form["valid"]
    strip = [{k: v for k, v in e.items() if k not in ("field", "path")} for e in form["errors"]]
    assert strip == api["errors"]
    for error in form["errors"]:
        assert error["field"].startswith("f")
    if case.expected_locs is not None:
        assert sorted(tuple(e["loc"]) for e in form["errors"]) == list(case.expected_locs)


def test_a_valid_case_comes_back_with_its_figures(client):
    token = csrf_token(client)
    report = client.post(
        "/form/demand_letter/validate", json=PERSON, headers={"X-CSRFToken": token}
    ).json
    assert report["valid"] and report["errors"] == []
    shown = {f["label"]: f["value"] for f in report["figures"]}
    assert shown["合计金额（大写）"] == "壹拾壹万贰仟贰佰肆拾贰元叁角捌分"


def test_the_preview_is_a_pdf_only_this_site_may_frame(client):
    token = csrf_token(client)
    response = client.post(
        "/form/demand_letter/render",
        data={
            "csrf_token": token,
            "case": json.dumps(PERSON),
            "format": "pdf",
            "disposition": "inline",
        },
    )
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert "张伟" in normalize("".join(pdf_pages_text(response.data)))


def test_a_case_that_cannot_be_rendered_gets_a_readable_page_not_a_500(client):
    token = csrf_token(client)
    data = dict(PERSON, letter_date="2026-02-30")
    response = client.post(
        "/form/demand_letter/render",
        data={"csrf_token": token, "case": json.dumps(data), "format": "docx"},
    )
    assert response.status_code == 422
    assert "letter_date" in response.get_data(as_text=True)
    broken = client.post(
        "/form/demand_letter/render", data={"csrf_token": token, "case": "{not json"}
    )
    assert broken.status_code == 400 and "不是有效的案件数据" in broken.get_data(as_text=True)


def test_without_a_configured_key_all_workers_share_one_generated_key(tmp_path):
    settings = Settings(data_dir=tmp_path)
    first, second = create_app({"SETTINGS": settings}), create_app({"SETTINGS": settings})
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    token = csrf_token(first.test_client())
    client = second.test_client()
    client.get("/form/demand_letter")
    with first.test_client() as one:
        token = csrf_token(one)
        cookie = one.get_cookie("session")
        client.set_cookie("session", cookie.value)
    response = client.post(
        "/form/demand_letter/validate", json=PERSON, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200


def test_the_root_sends_people_to_the_form(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/form/")


def _law_firm() -> dict:
    from tests.support import FIXTURES

    return json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))


def test_profiles_are_saved_listed_used_for_prefill_and_deleted_only_with_the_token(client):
    token = csrf_token(client)
    refused = client.post("/form/profiles/save", json={"profile": _law_firm()})
    assert refused.status_code == 400

    bad = dict(_law_firm(), license_number="123")
    report = client.post(
        "/form/profiles/save", json={"profile": bad}, headers={"X-CSRFToken": token}
    ).json
    assert not report["valid"]
    assert [(e["field"], e["message"]) for e in report["errors"]] == [
        ("f.license_number", "律师执业证号应为17位数字（见律师执业证）")
    ]

    saved = client.post(
        "/form/profiles/save", json={"profile": _law_firm()}, headers={"X-CSRFToken": token}
    ).json
    assert saved["valid"] and saved["next"] == "/form/profiles"
    profile_id = saved["id"]
    listed = client.get("/form/profiles").get_data(as_text=True)
    assert f'href="/form/profiles/{profile_id}">北京明正律师事务所</a>' in listed
    assert "北京明正律师事务所" in client.get("/form/demand_letter").get_data(as_text=True)

    merges = client.get(f"/form/demand_letter/prefill/{profile_id}").json["merges"]
    assert {
        "path": ["contact"],
        "values": {
            "person": "王立新",
            "phone": "010-65881234",
            "address": "北京市朝阳区建国路88号SOHO现代城A座1201室",
            "email": "office@mingzheng-law.example.cn",
        },
    } in merges

    assert client.post(f"/form/profiles/{profile_id}/delete").status_code == 400
    gone = client.post(f"/form/profiles/{profile_id}/delete", data={"csrf_token": token})
    assert gone.status_code == 303
    # other tests of the session may keep a profile of the same name: look for this one
    assert f'href="/form/profiles/{profile_id}"' not in client.get("/form/profiles").get_data(
        as_text=True
    )
    assert client.get(f"/form/profiles/{profile_id}").status_code == 404


def test_the_bundle_page_takes_uploads_above_the_json_limit_and_maps_problems_to_exhibits(
    client, settings
):
    import io

    from tests import exhibit_samples as samples

    photo = samples.noise_png(1000, 800)
    assert len(photo) > settings.max_content_length
    case = {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["深圳市恒信商贸有限公司"],
        "defendants": ["张伟"],
        "filing_date": "2026-11-20",
        "exhibits": [
            {"name": "照片", "source": "原告拍摄", "purpose": "证明现场", "file": "photo.png"},
            {"name": "合同", "source": "原告持有", "purpose": "证明借贷"},
        ],
    }
    token = csrf_token(client, "bundle")
    form = {"case": json.dumps(case, ensure_ascii=False), "f": (io.BytesIO(photo), "photo.png")}
    response = client.post("/form/bundle/build", data=form, headers={"X-CSRFToken": token})
    response.request.environ["wsgi.input"].close()  # the large body was spooled to a file
    (error,) = response.json["errors"]
    assert error["field"] == "f.exhibits.1.file" and "缺少证据文件" in error["message"]

    del case["exhibits"][1]
    form = {"case": json.dumps(case, ensure_ascii=False), "f": (io.BytesIO(photo), "photo.png")}
    built = client.post("/form/bundle/build", data=form, headers={"X-CSRFToken": token})
    built.request.environ["wsgi.input"].close()
    assert built.mimetype == "application/pdf" and built.headers["X-Docgen-Pages"] == "4"
    refused = client.post("/form/bundle/build", data={"case": "{}"})
    assert refused.status_code == 400 and "安全令牌" in refused.get_data(as_text=True)


def test_the_bundle_pages_warnings_header_stays_short_and_keeps_fields(client):
    """A list of warnings too long for a proxy's header buffer (a proxy answers 502) is
    shortened as the API's is: every warning keeps its field and code, the first ones
    their messages as far as 2048 bytes go."""
    import io

    from tests.bundle_cases import FILES, bundle_case

    case = bundle_case()
    del case["complaint"]["data"]["cost_clause"]  # a second warning: lawyer_fee_clause_missing
    token = csrf_token(client, "bundle")
    form = {
        "case": json.dumps(case, ensure_ascii=False),
        "f": [(io.BytesIO(content), name) for name, content in FILES.items()],
    }
    built = client.post("/form/bundle/build", data=form, headers={"X-CSRFToken": token})
    assert built.mimetype == "application/pdf"
    header = built.headers["X-Docgen-Warnings"]
    assert len(header.encode()) <= 2048
    assert built.headers["X-Docgen-Warnings-Truncated"] == "true"
    assert built.headers["X-Docgen-Warnings-Count"] == "2"
    warnings = json.loads(header)
    assert {w["code"] for w in warnings} == {
        "enforcement_costs_above_cap",
        "lawyer_fee_clause_missing",
    }
    assert all(w["field"].startswith("f.complaint") for w in warnings)
    assert warnings[0]["message"].startswith("起诉状：")


def test_the_bundle_page_gets_the_complaints_warnings_beside_its_fields(client):
    import io

    from tests.bundle_cases import FILES, bundle_case

    token = csrf_token(client, "bundle")
    form = {
        "case": json.dumps(bundle_case(), ensure_ascii=False),
        "f": [(io.BytesIO(content), name) for name, content in FILES.items()],
    }
    built = client.post("/form/bundle/build", data=form, headers={"X-CSRFToken": token})
    assert built.mimetype == "application/pdf"
    warnings = json.loads(built.headers["X-Docgen-Warnings"])
    assert {w["code"] for w in warnings} == {"enforcement_costs_above_cap"}
    for warning in warnings:  # beside the complaint's data, its path said in words
        assert warning["field"].startswith("f.complaint") and warning["message"].startswith(
            "起诉状："
        )
        assert warning["path"].startswith("complaint.data.")
