"""The signature page of every agreement holds a term, not the copies sentence alone: the
end of the debt confirmation's last numbered clause and of the agreements' article before
其他 (the last line of their service addresses, each party's line a block of its own); the
text above may run on across pages, so that no page before the signatures is left mostly
blank."""

from __future__ import annotations

import pytest

from tests.support import load_fixture, normalize, pdf_pages_text

CASES = [
    ("debt_confirmation", "person_debtor_with_plan", "甲方（深圳市恒信商贸有限公司）：广东省"),
    ("debt_confirmation", "company_debtor_pays_at_once", "八、双方确认以下地址为本确认书履行"),
    (
        "installment_agreement",
        "monthly_with_guarantor",
        # the consent to electronic service: the last line of the addresses
        "乙方同意人民法院、仲裁机构通过上述电子邮箱以电子方式送达",
    ),
    # the last line of the service addresses (第七条) goes over with 其他
    ("settlement_agreement", "mediation_with_a_guarantor", "丙方（李秀英）：北京市朝阳区"),
    ("settlement_agreement", "withdraw_after_the_first_payment", "丙方（李秀英）：北京市朝阳区"),
]


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
@pytest.mark.parametrize(("type_name", "name", "term"), CASES)
def test_the_last_page_holds_a_term_with_the_signatures(service, engine, type_name, name, term):
    data = load_fixture(type_name, "valid", name)
    pdf = service.render(type_name, data, "pdf", engine=engine).content
    pages = [normalize(p).replace(" ", "").replace("\n", "") for p in pdf_pages_text(pdf)]
    # the signature page: a calculation annex, signed too, may follow it (「附件附后」)
    last = next(page for page in pages if "一式" in page and "（以下无正文" in page)
    assert term in last
    assert "乙方" in last
