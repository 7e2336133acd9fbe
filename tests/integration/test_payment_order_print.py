"""The payment order as printed: the debtor's address the order is served at stands beside
the statement that the debtor can be found, in the PDF and the DOCX alike."""

from __future__ import annotations

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

ZONE = load_fixture("payment_order", "valid", "debtor_in_a_development_zone")
NOT_LOCATED = load_fixture("payment_order", "invalid", "debtor_address_not_located")
HONG_KONG = load_fixture("payment_order", "invalid", "debtor_with_a_hong_kong_address")


def test_a_located_debtor_is_printed_with_the_served_statement(service):
    pdf = "".join(
        normalize(page)
        for page in pdf_pages_text(service.render("payment_order", ZONE, "pdf").content)
    )
    docx = normalize(docx_text(service.render("payment_order", ZONE, "docx").content))
    for text in (pdf, docx):
        assert "住江苏省苏州市工业园区星湖街328号" in text
        assert "被申请人在我国境内，下落明确，支付令能够送达。" in text
        assert "约定的逾期年利率6%" in text
        assert "此致江苏省苏州工业园区人民法院" in text


@pytest.mark.parametrize(
    ("case", "code"),
    [(NOT_LOCATED, "respondent_not_located"), (HONG_KONG, "respondent_abroad_address")],
)
def test_an_address_that_does_not_locate_the_debtor_is_refused_by_the_api(client, case, code):
    response = client.post("/api/v1/documents/payment_order", json=case)
    assert response.status_code == 422
    (problem,) = [p for p in response.json if p.get("severity", "error") == "error"]
    assert (problem["loc"], problem["code"]) == (["respondent", "address"], code)
    assert "人民法院不予受理支付令申请" in problem["message"]
