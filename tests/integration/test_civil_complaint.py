"""The civil complaint: the claims, amounts and fee it prints, its two layouts, its blocks."""

from __future__ import annotations

import copy

import pytest

from docgen.documents.problems import CaseInvalid
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
ELEMENTS = load_fixture("civil_complaint", "valid", "elements_company_lender")


@pytest.fixture(scope="module")
def narrative_pdf(service) -> str:
    return normalize(
        "".join(pdf_pages_text(service.render("civil_complaint", GUARANTOR, "pdf").content))
    )


@pytest.fixture(scope="module")
def elements_pdf(service) -> str:
    return normalize(
        "".join(pdf_pages_text(service.render("civil_complaint", ELEMENTS, "pdf").content))
    )


def test_claims_print_computed_interest_and_interest_running_until_payment(narrative_pdf):
    # 100,000 × 9% × 294 / 365 (2026-01-11 to 2026-10-31) = 7,249.32
    assert "支付逾期利息人民币7,249.32元（大写：柒仟贰佰肆拾玖元叁角贰分）" in narrative_pdf
    assert "以100,000.00元为基数，自2026年11月1日起按年利率9%计算至实际清偿之日止" in narrative_pdf
    assert "判令被告李秀英对上述第1至5项债务承担连带清偿责任" in narrative_pdf
    assert "判令本案诉讼费用由被告承担" in narrative_pdf


def test_the_claim_total_and_the_acceptance_fee_estimate_are_printed(narrative_pdf):
    # 100,000 + 6,000 + 7,249.32 + 5,000 = 118,249.32; the fee in bands (art. 13):
    # 50 + 90,000 × 2.5% + 18,249.32 × 2% = 2,664.9864 → 2,664.99
    assert "以上诉讼请求金额合计人民币118,249.32元" in narrative_pdf
    assert "预交案件受理费：人民币2,664.99元（大写：贰仟陆佰陆拾肆元玖角玖分）" in narrative_pdf


def test_court_filings_print_full_identity_numbers_and_address_the_court(narrative_pdf):
    assert "公民身份号码：110101198503151235" in narrative_pdf  # a court needs it unmasked
    assert "此致北京市东城区人民法院" in narrative_pdf
    assert "具状人：刘芳（签字）" in narrative_pdf
    assert "附：本起诉状副本2份" in narrative_pdf  # one per defendant


def test_element_form_marks_the_chosen_options(elements_pdf):
    assert (
        "是否要求提前还款或解除合同■是（提前还款（加速到期），依合同第九条于2025年12月10日宣布）□否"
        in elements_pdf
    )
    assert "是否考虑先行调解■是□否□暂不确定" in elements_pdf
    assert "12.保证方式■连带责任保证□一般保证" in elements_pdf
    assert "是否已申请诉前或诉讼财产保全■是□否" in elements_pdf
    assert "约定：人民币240,000.00元；实际提供：人民币240,000.00元" in elements_pdf


def test_both_layouts_state_the_same_total_from_the_same_case(service):
    narrative = copy.deepcopy(ELEMENTS)
    narrative["layout"] = "narrative"
    texts = [
        normalize("".join(pdf_pages_text(service.render("civil_complaint", case, "pdf").content)))
        for case in (ELEMENTS, narrative)
    ]
    total = (
        "人民币180,694.79元（大写：壹拾捌万零陆佰玖拾肆元柒角玖分）"  # 160,000 + 12,694.79 + 8,000
    )
    assert all(total in text for text in texts)
    assert "要素" not in texts[1] and "■" not in texts[1]
    assert "■" in texts[0]


def test_accelerated_loan_is_claimed_in_full_before_its_contract_due_date(service):
    text = normalize(
        docx_text(
            service.render("civil_complaint", {**ELEMENTS, "layout": "narrative"}, "docx").content
        )
    )
    assert "依《借款合同》第九条约定，借款已于2025年12月10日提前到期" in text


def test_without_the_acceleration_the_loan_is_not_yet_due(service):
    case = copy.deepcopy(ELEMENTS)
    del case["acceleration"]
    with pytest.raises(CaseInvalid) as exc:
        service.render("civil_complaint", case, "pdf")
    assert [(p.loc, p.code) for p in exc.value.problems] == [
        (("contract", "due_date"), "not_yet_due")
    ]


def test_a_time_barred_claim_blocks_the_complaint_but_only_warns_in_a_demand_letter(client):
    complaint = copy.deepcopy(load_fixture("civil_complaint", "invalid", "limitation_expired"))
    response = client.post("/api/v1/documents/civil_complaint", json=complaint)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["contract", "due_date"] and problem["code"] == "limitation_expired"
    assert "2025年6月30日届满" in problem["message"]

    letter = copy.deepcopy(load_fixture("demand_letter", "valid", "person_debtor"))
    letter["contract"].update(signed_on="2022-03-01", due_date="2022-06-30")
    assert client.post("/api/v1/documents/demand_letter", json=letter).status_code == 200


def test_a_recorded_interruption_unblocks_the_time_barred_complaint(client):
    complaint = copy.deepcopy(load_fixture("civil_complaint", "invalid", "limitation_expired"))
    complaint["prior_interruptions"] = [{"kind": "demand_delivered", "day": "2025-05-20"}]
    response = client.post("/api/v1/documents/civil_complaint/validate", json=complaint)
    assert response.json["valid"] is True


def test_the_debtors_acknowledgment_after_expiry_also_unblocks_it(client):
    complaint = copy.deepcopy(load_fixture("civil_complaint", "invalid", "limitation_expired"))
    complaint["prior_interruptions"] = [{"kind": "acknowledgment", "day": "2026-01-05"}]
    assert client.post("/api/v1/documents/civil_complaint/validate", json=complaint).json["valid"]


def test_running_interest_above_the_cap_names_the_lawful_maximum(client):
    case = load_fixture("civil_complaint", "invalid", "running_interest_overlaps_and_above_cap")
    errors = client.post("/api/v1/documents/civil_complaint/validate", json=case).json["errors"]
    (rate,) = [e for e in errors if e["loc"] == ["running_interest", "rate"]]
    assert "年利率15%超过民间借贷利率上限一年期LPR 3.10%的4倍，即年利率12.4%" in rate["message"]


def test_a_batch_of_both_layouts_renders_each_case_in_its_own_layout(service):
    results = service.render_many("civil_complaint", [GUARANTOR, ELEMENTS, GUARANTOR], "pdf")
    texts = [normalize("".join(pdf_pages_text(r.content))) for r in results]
    assert ["■" in text for text in texts] == [False, True, False]
    assert "此致北京市东城区人民法院" in texts[0] and "此致深圳市福田区人民法院" in texts[1]
