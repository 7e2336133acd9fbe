"""T14: one client (tenant B) can neither read nor change another's (tenant A's) data.

Every request here is made with B's key against A's ids on the real app, on SQLite and on
PostgreSQL; each answers 404 (or is refused) and A's data is checked to be unchanged.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

import pytest
from sqlalchemy import select

from docgen import db
from docgen.config import Settings
from docgen.pipeline.reissue import NotReissuable
from docgen.register.models import RegisteredDocument
from tests.batch_support import person_case, sheet, write_csv
from tests.e2e.test_bundle_api import FILES, URL, _case, _form
from tests.integration.templates.test_custom_templates import FIRM_TEMPLATE, _text
from tests.support import docx_text, load_fixture, normalize
from tests.tenant_support import TwoTenants, tenant_app, two_tenants, wait_for

PERSON = load_fixture("demand_letter", "valid", "person_debtor")
LAWYER = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
FIRM = LAWYER["sender"]
A_ACCOUNT = {
    "account_name": "甲律所",
    "bank": "中国工商银行北京国贸支行",
    "account_number": "0200001234567890123",
}
B_ACCOUNT = {
    "account_name": "乙公司",
    "bank": "招商银行深圳分行",
    "account_number": "6222029999888877776",
}


@pytest.fixture(scope="module")
def settings_of_module(module_database_url, tmp_path_factory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"), database_url=module_database_url)


@pytest.fixture(scope="module")
def shared_app(settings_of_module, service):
    """One app per backend for the module: each test makes its own two tenants."""
    return tenant_app(settings_of_module, service)


@pytest.fixture
def world(shared_app) -> TwoTenants:
    return two_tenants(shared_app)


def _refused(response, status: int = 404) -> None:
    assert response.status_code == status, response.get_data(as_text=True)[:300]


def _a_document(world: TwoTenants, fmt: str = "pdf") -> str:
    response = world.a.admin.post(f"/api/v1/documents/demand_letter?format={fmt}", json=PERSON)
    assert response.status_code == 200, response.json
    return response.headers["X-Docgen-Document-Id"]


def test_sender_profiles_of_another_tenant_are_not_found_and_stay_unchanged(world):
    firm = dict(FIRM, bank_account=A_ACCOUNT)
    profile_id = world.a.admin.post("/api/v1/sender-profiles", json=firm).json["id"]
    url = f"/api/v1/sender-profiles/{profile_id}"

    _refused(world.b.admin.get(url))
    _refused(world.b.admin.put(url, json=dict(firm, bank_account=B_ACCOUNT)))
    _refused(world.b.admin.delete(url))
    assert world.b.admin.get(url).json[0]["message"] == f"发件人资料 {profile_id} 不存在"
    assert profile_id not in [
        p["id"] for p in world.b.admin.get("/api/v1/sender-profiles").json["items"]
    ]

    # as A stored it (no holder named: the account is the profile's own)
    assert world.a.member.get(url).json["bank_account"] == {
        **A_ACCOUNT,
        "holder_relation": None,
        "payee_authorization": False,
    }
    # B cannot print a letter from A's profile either
    data = copy.deepcopy(LAWYER)
    del data["sender"]
    data["sender_profile_id"] = profile_id
    refused = world.b.admin.post("/api/v1/documents/lawyer_letter", json=data)
    _refused(refused, 422)
    assert refused.json[0]["loc"] == ["sender_profile_id"]
    assert refused.json[0]["code"] == "profile_not_found"


def test_a_batch_prints_from_its_own_tenants_profile(world, tmp_path):
    """B's run naming B's own profile: the profile was looked for in the default tenant
    (a 500 for every other tenant) before 2026-12-07."""
    creditor = {
        "kind": "creditor",
        "name": "乙方小额贷款有限公司",
        "uscc": "91440300MA5G1XK04B",
        "address": "广东省深圳市南山区科技园科苑路15号",
        "legal_representative": "周明远",
        "phone": "0755-86001234",
        "signatory": "周明远",
        "signatory_title": "总经理",
    }
    profile_id = world.b.admin.post("/api/v1/sender-profiles", json=creditor).json["id"]
    case = person_case(0)
    del case["signatory"]  # the profile's signatory signs every letter of the run
    source = write_csv(tmp_path / "cases.csv", *sheet([case]))
    form = {
        "type": "demand_letter",
        "formats": "docx",
        "sender_profile_id": str(profile_id),
        "file": (io.BytesIO(source.read_bytes()), "cases.csv"),
    }
    accepted = world.b.admin.post("/api/v1/batches", data=form, content_type="multipart/form-data")
    assert accepted.status_code == 202, accepted.get_data(as_text=True)[:300]
    status = wait_for(world.b.admin, accepted.json["status_url"], ("done", "failed"))
    assert (status["status"], status["letters"]) == ("done", 1)
    download = world.b.admin.get(accepted.json["download_url"])
    content = download.data
    download.close()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        letters = [n for n in archive.namelist() if n.endswith(".docx")]
        assert len(letters) == 1
        assert "周明远" in docx_text(archive.read(letters[0]))
    # and A still cannot name it
    form["file"] = (io.BytesIO(source.read_bytes()), "cases.csv")
    refused = world.a.admin.post("/api/v1/batches", data=form, content_type="multipart/form-data")
    _refused(refused, 422)
    assert refused.json[0]["loc"] == ["sender_profile_id"]


def test_templates_are_each_tenants_own_and_only_its_admin_manages_them(world):
    upload = {"file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx")}
    refused = world.b.member.post(
        "/api/v1/templates/demand_letter", data=upload, content_type="multipart/form-data"
    )
    _refused(refused, 403)
    assert refused.json[0]["message"] == "只有本租户的管理员（admin）可以执行此操作"
    upload = {"file": (io.BytesIO(FIRM_TEMPLATE), "firm.docx")}
    uploaded = world.b.admin.post(
        "/api/v1/templates/demand_letter", data=upload, content_type="multipart/form-data"
    )
    assert uploaded.status_code == 201, uploaded.json
    version = uploaded.json["version"]
    _refused(world.b.member.post(f"/api/v1/templates/demand_letter/{version}/activate"), 403)
    assert (
        world.b.admin.post(f"/api/v1/templates/demand_letter/{version}/activate").status_code == 200
    )

    b_letter = world.b.member.post("/api/v1/documents/demand_letter?format=docx", json=PERSON)
    a_letter = world.a.member.post("/api/v1/documents/demand_letter?format=docx", json=PERSON)
    assert "本所专用格式" in _text(b_letter.data)
    assert "本所专用格式" not in _text(a_letter.data), "B's activation changed A's letters"
    assert world.a.admin.get("/api/v1/templates/demand_letter").json["items"] == []
    # A has no version of its own: B's version number means nothing to A
    _refused(world.a.admin.post(f"/api/v1/templates/demand_letter/{version}/activate"))
    _refused(world.a.admin.post(f"/api/v1/templates/demand_letter/{version}/preview", json=PERSON))


def test_the_register_answers_another_tenants_document_as_unknown(world):
    document_id = _a_document(world, "docx")
    url = f"/api/v1/register/{document_id}"
    before = world.a.member.get(url).json

    _refused(world.b.admin.get(url))
    delivery = {"tracking_number": "1234567890123", "delivered_on": "2026-11-25"}
    _refused(world.b.admin.post(f"{url}/deliveries", json=delivery))

    after = world.a.member.get(url).json
    assert after["deliveries"] == [] and after["limitation"] == before["limitation"]
    assert world.a.member.post(f"{url}/deliveries", json=delivery).status_code == 201


def test_a_bundle_citing_another_tenants_register_id_is_an_error_on_that_exhibit(world):
    document_id = _a_document(world)
    exhibits = [
        {**_case()["exhibits"][0], "name": "催款函", "file": None, "register_id": document_id}
    ]
    case = _case(exhibits=exhibits)

    response = world.b.admin.post(URL, data=_form(case, {}), content_type="multipart/form-data")
    _refused(response, 422)
    (problem,) = [p for p in response.json if p["loc"] == ["exhibits", 0, "register_id"]]
    assert problem["code"] == "document_unknown"
    assert f"登记簿中没有文书编号为「{document_id}」的文书" in problem["message"]
    assert "张伟" not in response.get_data(as_text=True)  # A's debtor
    own = world.a.admin.post(URL, data=_form(case, {}), content_type="multipart/form-data")
    assert own.status_code == 200, own.json

    b_service = world.app.extensions["docgen"].for_tenant(world.b.id)
    with pytest.raises(NotReissuable) as refused:
        b_service.reissue_pdf(document_id)
    assert refused.value.code == "document_unknown"


def _a_batch(world: TwoTenants, tmp_path) -> str:
    source = write_csv(tmp_path / "cases.csv", *sheet([person_case(i) for i in range(2)]))
    response = world.a.admin.post(
        "/api/v1/batches",
        data={
            "type": "demand_letter",
            "formats": "docx",
            "file": (io.BytesIO(source.read_bytes()), "cases.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 202, response.json
    run_id = response.json["id"]
    assert (
        wait_for(world.a.admin, f"/api/v1/batches/{run_id}", ("done", "failed"))["status"] == "done"
    )
    return run_id


def test_batches_and_their_printed_codes_lead_nowhere_for_another_tenant(world, tmp_path):
    run_id = _a_batch(world, tmp_path)
    for url in (f"/api/v1/batches/{run_id}", f"/api/v1/batches/{run_id}/download"):
        response = world.b.admin.get(url)
        _refused(response)
        assert response.json[0]["code"] == "batch_not_found"
    download = world.a.member.get(f"/api/v1/batches/{run_id}/download")
    assert download.status_code == 200
    download.close()

    register = world.app.extensions["docgen"].register
    with db.session_scope(register.engine) as session:
        code = session.scalars(
            select(RegisteredDocument.code).where(RegisteredDocument.batch_id == run_id)
        ).first()
    answers = {
        "b": world.b.admin.post("/api/v1/verify", data={"code": code}),
        "anonymous": world.app.test_client().post("/api/v1/verify", data={"code": code}),
        "a": world.a.member.post("/api/v1/verify", data={"code": code}),
    }
    for who in ("b", "anonymous"):
        answer = answers[who]
        assert answer.json["issued"] is True and answer.json["details"] is None, who
        text = answer.get_data(as_text=True)
        assert run_id not in text and "batches" not in text and "张" not in text, who
    assert answers["a"].json["details"]["batch_id"] == run_id  # the data is there, for A


@pytest.mark.slow  # the bundle is built in a spawned process
def test_background_bundles_of_another_tenant_are_not_found(world):
    queued = world.a.admin.post(URL + "?async=1", data=_form(_case(), FILES))
    assert queued.status_code == 202, queued.json
    run_id = queued.json["id"]
    assert wait_for(world.a.admin, f"{URL}/{run_id}", ("done", "failed"))["status"] == "done"
    for url in (f"{URL}/{run_id}", f"{URL}/{run_id}/download"):
        response = world.b.admin.get(url)
        _refused(response)
        assert response.json[0]["code"] == "bundle_run_not_found"
    download = world.a.member.get(f"{URL}/{run_id}/download")
    assert download.status_code == 200
    download.close()


def _letter_number(response) -> int:
    assert response.status_code == 200, response.json
    match = re.search(r"（2026）京明正律函字第(\d+)号", normalize(docx_text(response.data)))
    assert match, normalize(docx_text(response.data))[:200]
    return int(match.group(1))


def test_letter_numbers_are_counted_per_tenant(world):
    url = "/api/v1/documents/lawyer_letter?format=docx"
    assert _letter_number(world.a.admin.post(url, json=LAWYER)) == 1
    assert [_letter_number(world.b.member.post(url, json=LAWYER)) for _ in range(3)] == [1, 2, 3]
    assert _letter_number(world.a.member.post(url, json=LAWYER)) == 2, (
        "B's letters took A's numbers"
    )


def test_a_tenant_at_its_limit_of_runs_is_refused_and_the_other_is_not(
    settings_of_module, tmp_path, service
):
    from docgen.batch.runs import Batches, RunOptions

    # the module's database, new tenants: the run left open below is only this test's A's
    settings = settings_of_module.model_copy(update={"tenant_max_runs": 1})
    world = two_tenants(tenant_app(settings, service))
    source = write_csv(tmp_path / "cases.csv", *sheet([person_case(0)]))
    # A's first run is recorded but not started: it stays open
    Batches(settings).create(
        source, RunOptions("demand_letter", formats=["docx"]), tmp_path, world.a.id
    )

    def submit(client):
        form = {
            "type": "demand_letter",
            "formats": "docx",
            "file": (io.BytesIO(source.read_bytes()), "cases.csv"),
        }
        return client.post("/api/v1/batches", data=form, content_type="multipart/form-data")

    refused = submit(world.a.admin)
    _refused(refused, 429)
    assert refused.json[0]["code"] == "tenant_runs_limit"
    assert "本租户同时进行的批量生成与起诉材料任务已达上限（1 个）" in refused.json[0]["message"]
    assert int(refused.headers["Retry-After"]) > 0
    bundle = world.a.admin.post(URL + "?async=1", data=_form(_case(), FILES))
    _refused(bundle, 429)
    assert bundle.json[0]["code"] == "tenant_runs_limit"
    accepted = submit(world.b.admin)
    assert accepted.status_code == 202, accepted.json
    wait_for(world.b.admin, f"/api/v1/batches/{accepted.json['id']}", ("done", "failed"))


def test_a_batch_may_not_print_from_another_tenants_profile(world, tmp_path):
    profile_id = world.a.admin.post("/api/v1/sender-profiles", json=FIRM).json["id"]
    source = write_csv(tmp_path / "cases.csv", *sheet([person_case(0)]))
    form = {
        "type": "demand_letter",
        "formats": "docx",
        "sender_profile_id": str(profile_id),
        "file": (io.BytesIO(source.read_bytes()), "cases.csv"),
    }
    refused = world.b.admin.post("/api/v1/batches", data=form, content_type="multipart/form-data")
    _refused(refused, 422)
    assert refused.json[0]["loc"] == ["sender_profile_id"]
    assert f"发件人资料 {profile_id} 不存在，整批未开始生成" in refused.json[0]["message"]
