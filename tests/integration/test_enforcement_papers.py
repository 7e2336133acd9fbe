"""The enforcement and withdrawal applications and the settlement agreement, as printed:
the amounts and calculations a court reads, the errors the API gives on their fields, the
page the parties sign on."""

from __future__ import annotations

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

JUDGMENT = load_fixture("enforcement_application", "valid", "judgment_first_instance")
INTERRUPTED = load_fixture("enforcement_application", "valid", "mediation_interrupted_period")
WITHDRAWAL = load_fixture("withdrawal_application", "valid", "performed_fee_paid_only")
SETTLEMENT = load_fixture("settlement_agreement", "valid", "withdraw_after_the_first_payment")


def _docx(service, type_name, case) -> str:
    return normalize(docx_text(service.render(type_name, case, "docx").content))


def _pdf_pages(service, type_name, case) -> list[str]:
    return [normalize(p) for p in pdf_pages_text(service.render(type_name, case, "pdf").content)]


def test_the_enforcement_application_prints_the_total_and_the_delay_interest_with_its_sum(
    service,
):
    for text in (
        _docx(service, "enforcement_application", JUDGMENT),
        "".join(_pdf_pages(service, "enforcement_application", JUDGMENT)),
    ):
        assert "以上合计人民币106,417.95元（大写：壹拾万陆仟肆佰壹拾柒元玖角伍分）" in text
        assert "加倍部分债务利息暂计至2026年11月20日为人民币10,500.00元" in text
        assert "自2025年3月31日起至2026年11月20日止共600日，按日万分之一点七五计算" in text
        assert "100,000.00元×0.0175%×600日＝10,500.00元" in text
        assert "不列入本次申请执行的金额" in text
        assert "执行依据：北京市东城区人民法院（2025）京0101民初1234号民事判决书" in text
        assert "贵院为第一审人民法院，依法享有执行管辖权" in text


def test_the_papers_filed_with_it_are_listed_on_the_signature_page_before_the_signature(
    service,
):
    pages = _pdf_pages(service, "enforcement_application", JUDGMENT)
    last = pages[-1]
    listed = (
        "附：1．（2025）京0101民初1234号民事判决书副本及生效证明；"
        "2．申请执行人刘芳的居民身份证复印件；3．申请执行人刘芳出具的授权委托书；"
        "4．北京市正信律师事务所函及周明律师执业证复印件；5．申请执行人刘芳的送达地址确认书；"
        "6．被执行人财产线索。"
    )
    assert listed in last
    assert (
        last.index("此致北京市东城区人民法院")
        < last.index("附：")
        < last.index(f"申请执行人：刘芳（签名）{'＿' * 8}")
    )
    docx = _docx(service, "enforcement_application", JUDGMENT)
    assert listed in docx and "委托代理人：周明" in docx and "委托诉讼代理人" not in docx


def test_an_interrupted_period_is_told_to_the_court_with_how_the_demand_reached(service):
    for text in (
        _docx(service, "enforcement_application", INTERRUPTED),
        "".join(_pdf_pages(service, "enforcement_application", INTERRUPTED)),
    ):
        assert (
            "2025年5月10日，申请执行人以邮寄方式（邮件号：1151234567890）向被执行人送交"
            "《履行催告函》，提出履行要求，该履行要求于2025年5月12日到达被执行人，申请执行期间"
            "中断（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》"
            "（2020年修正）第二十条）" in text
        )


def test_a_notarised_instrument_names_its_certificate_and_its_interest_runs_to_payment(
    service,
):
    deed = load_fixture("enforcement_application", "valid", "notarial_deed")
    for text in (
        _docx(service, "enforcement_application", deed),
        "".join(_pdf_pages(service, "enforcement_application", deed)),
    ):
        assert (
            "执行依据：北京市方圆公证处（2025）京方圆内经证字第1234号公证债权文书"
            "（附该处出具的（2026）京方圆执字第12号执行证书）" in text
        )
        assert "北京市方圆公证处于2026年1月10日出具（2026）京方圆执字第12号执行证书。" in text
        assert (
            "利息人民币4,931.51元（大写：肆仟玖佰叁拾壹元伍角壹分）（以200,000元为基数，按年利率"
            "12%自2026年1月1日起计至实际清偿之日止，暂计至2026年3月16日，共75日）" in text
        )
        assert "一般债务利息人民币" not in text


def test_the_demand_that_interrupted_the_period_is_filed_with_its_delivery_proof(service):
    listed = (
        "2．《履行催告函》及邮寄、妥投凭证（邮件号：1151234567890）；"
        "3．申请执行人刘芳的居民身份证复印件；4．申请执行人刘芳的送达地址确认书；"
    )
    assert listed in _pdf_pages(service, "enforcement_application", INTERRUPTED)[-1]
    assert listed in _docx(service, "enforcement_application", INTERRUPTED)


def test_an_award_is_addressed_to_the_court_by_its_full_name(service):
    award = load_fixture("enforcement_application", "valid", "arbitration_award")
    pages = _pdf_pages(service, "enforcement_application", award)
    assert "此致福建省福州市中级人民法院" in pages[-1]
    text = "".join(pages)
    # the award sets no interest: nothing is said of interest during the delay
    assert "一般债务利息按法律文书确定的方法计算" not in text
    assert "法定代表人：陈建国。" in text


def test_an_application_two_years_and_a_day_late_is_refused_at_its_date(client):
    case = load_fixture("enforcement_application", "invalid", "two_years_and_a_day_late")
    response = client.post("/api/v1/documents/enforcement_application", json=case)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["application_date"]
    assert problem["code"] == "application_period_expired"
    assert "已于2026年11月19日届满" in problem["message"] and "第二百五十条" in problem["message"]


def test_the_withdrawal_states_the_refund_once_with_the_fee_it_halves_to(service):
    settled = load_fixture("withdrawal_application", "valid", "settled_fee_from_the_claim")
    for case in (WITHDRAWAL, settled):
        text = _docx(service, "withdrawal_application", case)
        assert "准许申请人撤回对被告张伟" in text
        assert "的一半" not in text and "四舍五入" not in text and "案件受理费：" not in text
    assert (
        "依法退还申请人已预交案件受理费中的人民币1,150.00元（大写：壹仟壹佰伍拾元整）"
        "（已预交人民币2,300.00元；依《诉讼费用交纳办法》第十五条减半后应交人民币1,150.00元）"
        in _docx(service, "withdrawal_application", WITHDRAWAL)
    )
    pages = _pdf_pages(service, "withdrawal_application", settled)
    assert len(pages) == 1
    assert (
        "依法退还申请人已预交案件受理费中的人民币1,332.49元（大写：壹仟叁佰叁拾贰元肆角玖分）"
        "（已预交人民币2,664.99元；按诉讼请求金额118,249.32元，依《诉讼费用交纳办法》"
        "第十三条第（一）项、第十五条减半后应交人民币1,332.50元）" in pages[0]
    )
    assert "1,332.50" in pages[0] and pages[0].count("1,332.49") == 1


def test_the_appeal_withdrawal_prints_the_appeals_words_in_pdf_and_docx(service):
    case = load_fixture("withdrawal_application", "valid", "appeal_withdrawn_after_settlement")
    pages = _pdf_pages(service, "withdrawal_application", case)
    assert len(pages) == 1
    for text in (pages[0], _docx(service, "withdrawal_application", case)):
        assert text.startswith("撤回上诉申请书") or "撤回上诉申请书上诉人（原审原告）" in text
        assert "上诉人（原审原告）：刘芳" in text and "被上诉人（原审被告）：张伟" in text
        assert "准许上诉人刘芳撤回上诉。" in text
        assert (
            "依法退还上诉人已预交第二审案件受理费中的人民币1,332.49元（大写：壹仟叁佰叁拾贰元肆角玖分）"
            "（已预交人民币2,664.99元；按上诉请求金额118,249.32元，依《诉讼费用交纳办法》"
            "第十三条第（一）项、第十五条、第十七条减半后应交人民币1,332.50元）" in text
        )
        assert "不服北京市东城区人民法院（2026）京0101民初9876号民事判决" in text
        assert "决定撤回上诉。根据《中华人民共和国民事诉讼法》第一百八十条的规定" in text
        assert "送达地址：北京市东城区东直门南大街3号国华投资大厦9层" in text
        assert "此致北京市第二中级人民法院" in text
        assert f"上诉人：刘芳（签名）{'＿' * 8}" in text
        assert "撤回起诉" not in text and "撤诉申请书" not in text.replace("撤回上诉申请书", "")


def test_the_suits_withdrawal_at_second_instance_prints_its_words_in_pdf_and_docx(service):
    case = load_fixture(
        "withdrawal_application", "valid", "suit_withdrawn_at_second_instance_by_the_appellee"
    )
    pages = _pdf_pages(service, "withdrawal_application", case)
    # the facts may begin on the page of the requests; the acknowledgment goes with 此致
    assert len(pages) == 2 and "已知悉" in pages[1] and "此致" in pages[1]
    for text in ("".join(pages), _docx(service, "withdrawal_application", case)):
        assert text.startswith("撤回起诉申请书") or "撤回起诉申请书被上诉人（原审原告）" in text
        assert "被上诉人（原审原告）：刘芳" in text and "上诉人（原审被告）：张伟" in text
        assert (
            "准许被上诉人刘芳撤回起诉，并撤销北京市东城区人民法院（2026）京0101民初9876号民事判决。"
            in text
        )
        assert "上诉人张伟已于2026年11月24日出具书面同意书，同意被上诉人撤回起诉。" in text
        assert (
            "第三百三十六条第二款）。贵院准许撤回起诉后，被上诉人不能就本案的诉讼请求再次起诉。"
            in text
        )
        assert "附：张伟同意撤回起诉的书面同意书（2026年11月24日）1份" in text
        assert f"被上诉人：刘芳（签名）{'＿' * 8}" in text
        assert "受理费" not in text and "退还" not in text


def test_the_suits_withdrawal_without_consent_is_refused_at_its_fields(client):
    case = load_fixture(
        "withdrawal_application", "invalid", "suit_withdrawal_at_first_instance_without_consent"
    )
    problems = client.post("/api/v1/documents/withdrawal_application", json=case).json
    errors = {(tuple(p["loc"]), p["code"]) for p in problems if p["severity"] == "error"}
    assert errors == {
        (("case_number",), "suit_withdrawal_at_first_instance"),
        (("suit_withdrawal", "judgment_date"), "missing"),
        (("suit_withdrawal", "consents"), "consent_missing"),
    }


def test_an_appeal_number_at_a_basic_court_is_refused_at_the_court(client):
    case = load_fixture("withdrawal_application", "invalid", "appeal_at_a_basic_court")
    (problem,) = client.post("/api/v1/documents/withdrawal_application", json=case).json
    assert problem["loc"] == ["court"]
    assert "基层人民法院，不审理上诉案件" in problem["message"]


def test_the_withdrawal_with_a_reason_of_its_own_needs_the_details(client):
    case = load_fixture("withdrawal_application", "invalid", "other_reason_without_detail")
    (problem,) = client.post("/api/v1/documents/withdrawal_application", json=case).json
    assert problem["loc"] == ["reason_detail"]
    assert "请写明具体情况" in problem["message"]


def test_every_party_signs_the_settlement_after_the_end_of_its_text(service):
    pages = _pdf_pages(service, "settlement_agreement", SETTLEMENT)
    signing = [k for k, page in enumerate(pages) if "甲方：刘芳签字并按手印" in page]
    assert len(signing) == 1
    page = pages[signing[0]]
    # the debtor and the guarantor sign on the creditor's page, the page of the text's
    # end (none on a page without text), each name with its line and date
    rest = page
    assert "乙方：张伟签字并按手印：＿＿＿＿＿＿＿＿指印日期：＿＿＿＿年＿＿月＿＿日" in rest
    assert "丙方：李秀英签字并按手印：＿＿＿＿＿＿＿＿指印日期：＿＿＿＿年＿＿月＿＿日" in rest
    assert "签订日期" not in rest and rest.count("日期：＿＿＿＿年＿＿月＿＿日") == 3
    assert "（以下无正文）" in "".join(pages[: signing[0] + 1])
    # the mark closes the text, its place and date included; the signatures alone follow
    ending = "签订地点：北京市东城区（以下无正文）甲方：刘芳签字并按手印"
    assert ending in page
    assert ending in _docx(service, "settlement_agreement", SETTLEMENT)
    text = "".join(pages)
    assert "甲方在收到乙方支付的首期款项之日起7日内" in text
    assert "17,500.00" in text
