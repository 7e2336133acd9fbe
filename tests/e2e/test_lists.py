"""Lists are paged by cursor (limit, cursor, next), and ``GET /api/v1/register`` lists a
tenant's issued documents with filters; a debtor only by exact name or ID number."""

from __future__ import annotations

import copy

from docgen.documents import registry
from tests.support import load_fixture
from tests.tenant_support import tenant_app, two_tenants

DEMAND = load_fixture("demand_letter", "valid", "person_debtor")
URL = "/api/v1/documents/demand_letter?format=docx"


def _issue(client, name: str, id_number: str) -> str:
    data = copy.deepcopy(DEMAND)
    data["debtor"]["name"] = name
    data["debtor"]["id_number"] = id_number
    response = client.post(URL, json=data)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.headers["X-Docgen-Document-Id"]


def _flat(pages: list[list[str]]) -> list[str]:
    return [item for page in pages for item in page]


def _all_pages(client, url: str) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        joiner = "&" if "?" in url else "?"
        answer = client.get(url + (f"{joiner}cursor={cursor}" if cursor else ""))
        assert answer.status_code == 200, answer.get_data(as_text=True)
        pages.append([item.get("document_id") or item.get("name") for item in answer.json["items"]])
        cursor = answer.json["next"]
        if cursor is None:
            return pages


def test_the_register_lists_a_tenants_documents_newest_first_page_by_page(settings, service):
    app = tenant_app(settings, service)
    tenants = two_tenants(app)
    a, b = tenants.a.member, tenants.b.member
    ids = [_issue(a, "张伟", "110101198503151235") for _ in range(3)]
    ids.append(_issue(a, "李娜", "110101199001011237"))
    foreign = _issue(b, "张伟", "110101198503151235")
    pages = _all_pages(a, "/api/v1/register?limit=3")
    assert pages == [list(reversed(ids))[:3], list(reversed(ids))[3:]]
    assert foreign not in _flat(pages), "another tenant's documents are not listed"
    first = a.get("/api/v1/register?limit=1").json["items"][0]
    assert first["document_id"] == ids[-1] and first["type"] == "demand_letter"
    assert "input_data" not in first


def test_a_debtor_is_found_by_exact_name_or_id_number_only(settings, service):
    app = tenant_app(settings, service)
    client = two_tenants(app).a.member
    zhang = _issue(client, "张伟", "110101198503151235")
    li = _issue(client, "李娜", "110101199001011237")

    def found(query: str) -> list[str]:
        return [d["document_id"] for d in client.get(f"/api/v1/register?{query}").json["items"]]

    assert found("debtor_id_number=110101198503151235") == [zhang]
    assert found("debtor_id_number=110101199001011237") == [li]
    assert found("debtor_id_number=1101011985") == [], "a part of a number finds nothing"
    assert found("debtor_name=张伟") == [zhang]
    assert found("debtor_name=张") == [], "a part of a name finds nothing"
    assert found("type=lawyer_letter") == []
    assert set(found("type=demand_letter")) == {zhang, li}
    assert found("issued_from=2000-01-01&issued_to=2000-12-31") == []
    assert set(found("issued_from=2000-01-01")) == {zhang, li}
    assert found("batch_id=nope") == []


def test_a_bad_cursor_or_limit_is_a_problem_on_the_query(client):
    bad = client.get("/api/v1/register?cursor=not-a-cursor")
    assert bad.status_code == 422
    assert bad.json[0]["loc"] == ["query", "cursor"] and bad.json[0]["code"] == "cursor_invalid"
    too_many = client.get("/api/v1/register?limit=1000")
    assert too_many.status_code == 422 and too_many.json[0]["loc"][-1] == "limit"


def test_profiles_templates_and_types_are_paged_too(app):
    # a tenant of its own: the session's data directory holds other tests' profiles
    client = two_tenants(app).a.admin
    for n in range(3):
        firm = dict(load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")["sender"])
        firm["name"] = f"分页律师事务所{n}"
        assert client.post("/api/v1/sender-profiles", json=firm).status_code == 201
    pages = _all_pages(client, "/api/v1/sender-profiles?limit=2")
    assert [len(p) for p in pages] == [2, 1]
    assert _flat(pages) == [f"分页律师事务所{n}" for n in range(3)]
    types = _all_pages(client, "/api/v1/document-types?limit=4")
    count = len(registry.all_types())
    assert len(_flat(types)) == count and len(types) == -(-count // 4)
    first = client.get("/api/v1/templates?limit=5").json
    assert first == {"items": [], "next": None}
