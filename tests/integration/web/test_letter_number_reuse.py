"""A letter number (函号) issued again for another document is warned of, in the tenant's
own register only."""

from __future__ import annotations

import json

from tests.support import load_fixture
from tests.tenant_support import two_tenants

URL = "/api/v1/documents/lawyer_letter"
NUMBERED = "（2026）京明正律函字第88号"


def _codes(response) -> list[str]:
    return [w["code"] for w in json.loads(response.headers.get("X-Docgen-Warnings", "[]"))]


def test_a_number_issued_again_is_warned_of_in_the_tenants_register_only(app):
    tenants = two_tenants(app)
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    data["letter_number"] = NUMBERED
    first = tenants.a.member.post(URL + "?format=pdf", json=data)
    assert first.status_code == 200 and "letter_number_reused" not in _codes(first)
    again = tenants.a.member.post(URL + "?format=docx", json=data)
    assert again.status_code == 200
    assert "letter_number_reused" in _codes(again)
    report = tenants.a.member.post(URL + "/validate", json=data).json
    (warning,) = [w for w in report["warnings"] if w["code"] == "letter_number_reused"]
    assert warning["loc"] == ["letter_number"]
    earlier = first.headers["X-Docgen-Document-Id"]
    assert warning["message"].startswith(
        f"函号「{NUMBERED}」已用于登记簿中的另一份文书（文书编号 {earlier}）"
    )
    other = tenants.b.member.post(URL + "?format=pdf", json=data)
    assert other.status_code == 200 and "letter_number_reused" not in _codes(other)


def test_a_draft_is_not_warned_of_and_uses_no_number(app):
    tenants = two_tenants(app)
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    data["letter_number"] = NUMBERED
    for _ in range(2):
        draft = tenants.a.member.post(URL + "?format=pdf&draft=1", json=data)
        assert draft.status_code == 200 and "letter_number_reused" not in _codes(draft)
    issued = tenants.a.member.post(URL + "?format=pdf", json=data)
    assert "letter_number_reused" not in _codes(issued)


def test_each_recipients_copy_number_is_looked_up():
    from docgen.documents import registry
    from docgen.register.numbers import numbers_of

    doc_type = registry.get("lawyer_letter")
    data = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
    data["letter_number"] = NUMBERED
    assert numbers_of(doc_type.parse(data)) == [
        NUMBERED,
        "（2026）京明正律函字第88-1号",
        "（2026）京明正律函字第88-2号",
    ]
