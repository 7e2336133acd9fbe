"""What the tests of the form's issuing share: two tenants' signed-in clients on an app
that warns of a reused letter number, a demand letter under a fresh number, posting it
to the form, and the stamp a printed PDF carries."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from flask.testing import FlaskClient

from docgen.config import Settings
from docgen.services import DocumentService
from tests.support import load_fixture, pdf_pages_text
from tests.tenant_support import LOGIN, TwoTenants, page_csrf, tenant_app, two_tenants


def issuing_web(settings: Settings, service: DocumentService) -> TwoTenants:
    app = tenant_app(settings, service, warn_reused_letter_numbers=True, **LOGIN)
    return two_tenants(app, web=True)


def numbered_letter(prefix: str, **changes: Any) -> dict[str, Any]:
    """The demand letter fixture under a letter number no other test uses."""
    data = load_fixture("demand_letter", "valid", "person_debtor")
    return {**data, "letter_number": f"{prefix}-{uuid.uuid4().hex[:8]}", **changes}


def post_case(client: FlaskClient, case: dict[str, Any], fmt: str, **extra: str) -> Any:
    """The form's download of ``case`` in ``fmt`` (``extra``: document_ids, confirm_reused)."""
    form = {
        "csrf_token": page_csrf(client),
        "case": json.dumps(case, ensure_ascii=False),
        "format": fmt,
        "disposition": "attachment",
        **extra,
    }
    return client.post("/form/demand_letter/render", data=form)


def stamp_in_pdf(content: bytes) -> tuple[str, str]:
    """The 文书编号 and 校验码 printed at the foot of a PDF's pages."""
    text = "\n".join(pdf_pages_text(content))
    found = re.search(r"文书编号\s*(\S+)\s*校验码\s*(\S+)", text)
    assert found, text[-300:]
    return found.group(1), found.group(2)
