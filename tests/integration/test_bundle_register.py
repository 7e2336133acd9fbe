"""A filing bundle leaves in the register exactly the documents it holds, for its caller.

The evidence list is laid out more than once (its page ranges depend on its own length);
those layout passes are not documents anyone was given.
"""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from docgen.bundle.service import BundleService
from docgen.documents.problems import CaseInvalid
from docgen.tenants.store import Tenants
from tests.integration.test_bundle import FILES, bundle_case

# on one worker: its module fixtures (the tenant) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle_register")]

CLERK = "clerk-of-the-bundle"


@pytest.fixture(scope="module")
def own_tenant(service):
    """A tenant of this module's own: its register holds only what these tests made."""
    tenant = Tenants(service.register.engine).create(f"bundle-register-{uuid.uuid4().hex[:8]}")
    return service.for_tenant(tenant.id)


def test_a_bundle_records_its_complaint_and_one_evidence_list_for_the_caller(own_tenant):
    case = bundle_case(separators=False)
    exhibit = case["exhibits"][1]  # one page each: a list long enough to be laid out again
    case["exhibits"] = [
        {**exhibit, "name": f"还款确认书第{i}份", "purpose": "证明被告确认欠款事实" * 6}
        for i in range(1, 41)
    ]
    built = BundleService(own_tenant).build(case, FILES, requested_by=CLERK)
    assert len(PdfReader(io.BytesIO(built.evidence_list_pdf)).pages) >= 2

    entries = own_tenant.register.recent(own_tenant.tenant_id)
    assert sorted(e.type_name for e in entries) == ["demand_letter", "evidence_list"]
    assert {e.requested_by for e in entries} == {CLERK}
    (listed,) = [e for e in entries if e.type_name == "evidence_list"]
    assert sorted(o.format for o in listed.outputs) == ["docx", "pdf"]
    # the list in the bundle is the one registered: its id is in the PDF's metadata
    info = PdfReader(io.BytesIO(built.evidence_list_pdf)).metadata or {}
    assert listed.id in " ".join(str(v) for v in info.values())


def test_the_evidence_list_cannot_stand_in_for_the_complaint(own_tenant):
    case = bundle_case(complaint={"type": "evidence_list", "data": {}})
    case["exhibits"] = case["exhibits"][1:2]
    with pytest.raises(CaseInvalid) as caught:
        BundleService(own_tenant).build(case, {"iou.pdf": FILES["iou.pdf"]}, requested_by=CLERK)
    (problem,) = caught.value.problems
    assert problem.loc == ("complaint", "type")
    assert "未知的起诉状文书类型「evidence_list」" in problem.message
    assert "civil_complaint" in problem.message
