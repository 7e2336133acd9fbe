"""The civil complaint: the claims, amounts and fee it prints, its two layouts, its blocks."""

from __future__ import annotations

import copy

import pytest

from docgen.documents.problems import CaseInvalid
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

# on one worker: its module fixtures (the printed complaints) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_civil_complaint")]

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


def test_a_fee_already_paid_is_claimed_as_a_fixed_sum_not_as_accruing(narrative_pdf):
    # a paid 律师费 does not run on, so it is not "暂计至" a date as interest is
    # the payment and its evidence are facts (事实与理由), not part of the claim
    assert "支付律师费人民币5,000.00元（大写：伍仟元整）；" in narrative_pdf
    assert "为实现本案债权支付律师费人民币5,000.00元（已实际支付，见律师费发票）。" in narrative_pdf
    assert "律师费人民币5,000.00元（大写：伍仟元整）（暂计至" not in narrative_pdf


def test_agreed_and_overdue_interest_periods_meet_after_the_due_date(narrative_pdf):
    # the term starts the day after delivery (民法典 art. 201) and its last day, the due
    # date 2026-01-10, belongs to it: 365 days, 100,000 × 6% = 6,000.00; overdue interest
    # starts the next day, so no day between the two periods earns nothing
    assert "支付借期内利息人民币6,000.00元（大写：陆仟元整）" in narrative_pdf
    assert "自2025年1月11日起按年利率6%计算至2026年1月10日" in narrative_pdf
    assert (
        "自2026年1月11日起按《借款合同》第七条约定的年利率9%计算至2026年10月31日" in narrative_pdf
    )


def test_the_claim_total_and_the_acceptance_fee_estimate_are_printed(narrative_pdf):
    # 100,000 + 6,000 + 7,249.32 + 5,000 = 118,249.32; the fee in bands (art. 13):
    # 50 + 90,000 × 2.5% + 18,249.32 × 2% = 2,664.9864 → 2,664.99
    assert "以上诉讼请求金额合计人民币118,249.32元" in narrative_pdf
    assert "预交案件受理费：人民币2,664.99元（大写：贰仟陆佰陆拾肆元玖角玖分）" in narrative_pdf


def test_court_filings_print_full_identity_numbers_and_address_the_court(narrative_pdf):
    assert "公民身份号码：110101198503151235" in narrative_pdf  # a court needs it unmasked
    assert "此致北京市东城区人民法院" in narrative_pdf
    assert f"具状人：刘芳（签名）{'＿' * 8}" in narrative_pdf
    assert "附：1．本起诉状副本2份；" in narrative_pdf  # one per defendant


def test_element_form_marks_the_chosen_options(elements_pdf):
    assert (
        "是否要求提前还款或解除合同■是■提前还款（加速到期）（依合同第九条于2025年12月10日宣布）"
        "／□解除合同□否" in elements_pdf
    )
    assert "是否考虑先行调解■是□否□暂不确定，想要了解更多内容" in elements_pdf
    assert "保证方式：■连带责任保证□一般保证" in elements_pdf
    assert "是否已经诉前保全□是■否" in elements_pdf
    assert "约定：人民币240,000.00元；实际提供：人民币240,000.00元" in elements_pdf


def test_both_layouts_state_the_same_total_from_the_same_case(service):
    narrative = copy.deepcopy(ELEMENTS)
    narrative["layout"] = "narrative"
    texts = [
        normalize("".join(pdf_pages_text(service.render("civil_complaint", case, "pdf").content)))
        for case in (ELEMENTS, narrative)
    ]
    # 150,000 + 230.14 (in-term, 7 days) + 10,684.93 (overdue, 325 days) + 8,000
    total = "人民币168,915.07元（大写：壹拾陆万捌仟玖佰壹拾伍元零柒分）"
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
    errors = [(p.loc, p.code) for p in exc.value.problems if p.severity == "error"]
    assert errors == [(("contract", "due_date"), "not_yet_due")]


def test_a_time_barred_claim_blocks_the_complaint_but_only_warns_in_a_demand_letter(client):
    complaint = copy.deepcopy(load_fixture("civil_complaint", "invalid", "limitation_expired"))
    response = client.post("/api/v1/documents/civil_complaint", json=complaint)
    assert response.status_code == 422
    (problem,) = [p for p in response.json if p["severity"] == "error"]
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
    assert "此致北京市东城区人民法院" in texts[0] and "此致广东省深圳市福田区人民法院" in texts[1]


def test_element_form_overdue_starts_the_day_after_the_acceleration(elements_pdf):
    # accelerated on 2025-12-10 (contract due 2027-02-28), filed 2026-11-16
    assert "9.是否存在逾期还款■是逾期时间：自2025年12月11日起至今已逾期□否" in elements_pdf
    assert "2027年3月1日起逾期" not in elements_pdf


def test_without_acceleration_overdue_starts_the_day_after_the_due_date(service):
    data = copy.deepcopy(ELEMENTS)
    data.pop("acceleration")
    data["contract"]["due_date"] = "2026-06-30"
    text = normalize(docx_text(service.render("civil_complaint", data, "docx").content))
    assert "9.是否存在逾期还款■是逾期时间：自2026年7月1日起至今已逾期□否" in text


def _complaint_text(service, name: str) -> str:
    data = load_fixture("civil_complaint", "valid", name)
    return normalize(
        "".join(pdf_pages_text(service.render("civil_complaint", data, "pdf").content))
    )


def test_a_guarantee_whose_type_the_contract_does_not_state_is_claimed_as_general(service):
    text = _complaint_text(service, "guarantee_type_not_stated")
    # 民法典 art. 686(2), and the claim limited as 担保制度解释 art. 26(2) requires
    assert (
        "被告李秀英为上述债务提供保证（2025年1月10日签订的《保证合同》），保证合同未约定保证方式，"
        "依照《中华人民共和国民法典》第六百八十六条第二款按照一般保证承担保证责任，"
        "保证合同约定保证期间至2028年1月10日。"
    ) in text
    assert (
        "判令被告李秀英对上述第1至5项债务在被告张伟的财产依法强制执行后仍不能履行的部分承担保证责任"
    ) in text
    assert "连带" not in text
    assert "第六百八十六条、第六百八十七条" in text  # the legal basis names both


def test_a_maximum_guarantor_is_claimed_against_within_the_maximum(service):
    text = _complaint_text(service, "maximum_guarantee")
    assert (
        "判令被告李秀英对上述第1至5项债务在最高债权额人民币80,000.00元限度内承担连带清偿责任"
        in text
    )
    assert "债权确定期间为2025年1月1日至2025年12月31日，最高债权额为人民币80,000.00元" in text
    assert "第六百九十条" in text


def test_a_joint_guarantor_states_its_period(narrative_pdf):
    assert (
        "保证方式为连带责任保证，保证合同未约定保证期间，依照《中华人民共和国民法典》"
        "第六百九十二条第二款，保证期间为主债务履行期限届满之日（2026年1月10日）起六个月，"
        "即至2026年7月10日；原告已于2026年2月9日要求被告李秀英承担保证责任。"
    ) in narrative_pdf


def test_suing_a_guarantor_whose_period_lapsed_is_refused_naming_the_dates(service):
    data = load_fixture("civil_complaint", "invalid", "guarantee_period_lapsed")
    with pytest.raises(CaseInvalid) as caught:
        service.render("civil_complaint", data, "pdf")
    (error,) = [p for p in caught.value.problems if p.severity == "error"]
    assert error.loc == ("defendants", 1, "guarantee") and error.code == "guarantee_period_lapsed"
    assert "保证期间已于2026年7月10日届满" in error.message
    assert "主债务履行期限届满之日（2026年1月10日）起六个月" in error.message


def test_a_price_is_claimed_as_paid_and_a_loan_as_repaid(service, narrative_pdf):
    # 支付价款 (民法典 art. 626) for a sale, 偿还借款 (art. 675) for a loan
    sale = load_fixture("civil_complaint", "valid", "narrative_sale_contract")
    pdf = service.render("civil_complaint", sale, "pdf").content
    printed = normalize("".join(pdf_pages_text(pdf)))
    assert (
        "判令被告杭州远景建设工程有限公司向原告上海申达机电设备有限公司支付货款人民币"
        "380,000.00元（大写：叁拾捌万元整）；"
    ) in printed
    assert "偿还货款" not in printed
    # the penalty as computed, with its base, start and rate, and until payment
    assert (
        normalize(
            "逾期付款违约金人民币30,590.00元（大写：叁万零伍佰玖拾元整）（以380,000.00元为基数，"
            "自2026年1月1日起按《设备买卖合同》第六条约定的每日0.05%计算至2026年6月10日）"
        )
        in printed
    )
    assert normalize("自2026年6月11日起按每日0.05%计算至实际清偿之日止") in printed
    assert "判令被告张伟向原告刘芳偿还本金人民币100,000.00元" in narrative_pdf


def test_the_debtors_own_mortgage_is_claimed_before_the_guarantor_in_the_pdf(service):
    # 民法典 arts. 394, 410 (the claim on the property), art. 392 (the guarantor after it)
    text = _complaint_text(service, "narrative_mortgage_and_guarantor")
    assert (
        normalize(
            "6.判令原告刘芳有权以被告张伟提供的抵押财产（北京市东城区东四十条街道南新仓小区5号楼2单元"
            "301室房屋（京（2021）东城区不动产权第0004567号））折价或者拍卖、变卖所得的价款在上述"
            "第1至3项、第5项债权（主债权及其利息）范围内优先受偿；"
            "7.判令被告李秀英对上述第1至5项债务在原告就抵押财产优先受偿后不足清偿的部分承担连带清偿责任；"
            "8.判令本案诉讼费用由被告承担。"
        )
        in text
    )
    assert "并办理了抵押登记。" in text
    assert "第三百九十二条、第三百九十四条、第四百一十条、第六百六十七条" in text
