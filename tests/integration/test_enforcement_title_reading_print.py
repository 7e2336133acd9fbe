"""What the application reads from the operative part, as printed in PDF and DOCX: the
respondent's share of the court fee, the interest method the judgment states."""

from __future__ import annotations

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow


def _texts(service, name: str) -> tuple[str, str]:
    case = load_fixture("enforcement_application", "valid", name)
    docx = normalize(docx_text(service.render("enforcement_application", case, "docx").content))
    pages = pdf_pages_text(service.render("enforcement_application", case, "pdf").content)
    return docx, "".join(normalize(p) for p in pages)


def test_a_payment_goes_to_the_respondents_share_of_the_fee(service):
    for text in _texts(service, "judgment_fee_shared_and_paid_in_part"):
        assert "先抵充诉讼费用人民币1,500.00元，再抵充截至当日的利息人民币1,342.19元" in text
        assert "借款本金人民币82,842.19元" in text


def test_the_interest_method_read_from_the_judgment_is_printed(service):
    for text in _texts(service, "judgment_interest_at_the_lpr_read_from_the_judgment"):
        assert "利息人民币5,616.17元" in text
        assert "以100,000.00元为基数，按各计息期间适用的一年期贷款市场报价利率" in text
        assert "自2025年1月11日起计至实际清偿之日止，暂计至2026年11月20日，共679日" in text
