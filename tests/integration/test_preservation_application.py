"""The preservation application: the amount, security figure and fee it prints, its rules."""

from __future__ import annotations

import copy

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

IN_SUIT = load_fixture("preservation_application", "valid", "in_suit_insurance")
PRE_SUIT = load_fixture("preservation_application", "valid", "pre_suit_cash")
NO_SECURITY = load_fixture("preservation_application", "valid", "in_suit_no_security")


def _pdf(service, case) -> str:
    content = service.render("preservation_application", case, "pdf").content
    return normalize("".join(pdf_pages_text(content)))


def test_in_suit_application_prints_request_leads_security_and_fee(service):
    text = _pdf(service, IN_SUIT)
    assert (
        "请求贵院依法查封、扣押、冻结被申请人张伟、李秀英名下价值人民币118,249.32元"
        "（大写：壹拾壹万捌仟贰佰肆拾玖元叁角贰分）的财产" in text
    )
    assert "银行存款张伟开户行：中国建设银行北京东四支行；账号：6217000012345678901" in text
    assert "估值：人民币3,200,000.00元" in text
    assert "中国平安财产保险股份有限公司北京分公司出具的诉讼财产保全责任保险保函" in text
    # 1,020 + 0.5% × (118,249.32 − 100,000) = 1,111.2466 → 1,111.25 (诉讼费用交纳办法 art. 14)
    assert "申请保全费人民币1,111.25元（大写：壹仟壹佰壹拾壹元贰角伍分）" in text
    assert "民事诉讼法》第一百零三条" in text


def test_pre_suit_security_is_the_full_amount_and_the_suit_must_follow(service):
    text = _pdf(service, PRE_SUIT)
    assert (
        "请求贵院在申请人起诉前，依法冻结被申请人福州闽江建材有限公司名下价值人民币300,000.00元"
        in text
    )
    assert (
        "申请人以现金提供担保，担保数额为人民币300,000.00元（大写：叁拾万元整），即相当于请求保全数额"
        in text
    )
    assert "申请人将在贵院采取保全措施后三十日内依法提起诉讼" in text
    assert "申请保全费人民币2,020.00元" in text  # 1,020 + 0.5% × 200,000


def test_in_suit_without_security_offers_at_most_thirty_percent(service):
    text = _pdf(service, NO_SECURITY)
    # 30% of 180,000.00
    assert (
        "提供不超过请求保全数额的百分之三十即人民币54,000.00元（大写：伍万肆仟元整）的担保" in text
    )
    assert "案号：（2026）粤0304民初12345号" in text
    # the number carries its own brackets: named before the case, not bracketed again
    assert "贵院受理的（2026）粤0304民初12345号申请人深圳市恒信商贸有限公司与被申请人王磊" in text
    assert "（（" not in text


def test_fee_is_capped_at_five_thousand_yuan(service):
    case = copy.deepcopy(IN_SUIT)
    case.update(claim_amount="2000000.00", amount="2000000.00")
    case["security"]["amount"] = "2000000.00"
    text = normalize(docx_text(service.render("preservation_application", case, "docx").content))
    assert "申请保全费人民币5,000.00元（大写：伍仟元整）" in text  # 1,020 + 9,500 capped


def test_pre_suit_security_below_the_amount_is_an_error_naming_the_required_figure(client):
    case = load_fixture("preservation_application", "invalid", "pre_suit_security_below_the_amount")
    response = client.post("/api/v1/documents/preservation_application", json=case)
    assert response.status_code == 422
    (problem,) = response.json
    assert problem["loc"] == ["security", "amount"]
    assert "即人民币300,000.00元，填写的为人民币90,000.00元" in problem["message"]


def test_amount_above_the_claim_is_an_error_naming_both_figures(client):
    case = load_fixture("preservation_application", "invalid", "amount_above_claim")
    problems = client.post("/api/v1/documents/preservation_application", json=case).json
    (problem,) = [p for p in problems if p["severity"] == "error"]
    assert problem["loc"] == ["amount"]
    assert "150,000.00" in problem["message"] and "118,249.32" in problem["message"]


@pytest.mark.parametrize(
    ("measures", "missing"),
    [
        (["seal"], ["银行存款、股权应采取冻结措施"]),
        (["freeze"], ["不动产应采取查封措施", "机动车应采取查封或扣押措施"]),
        (["seize", "freeze"], ["不动产应采取查封措施"]),
    ],
)
def test_each_kind_of_property_needs_its_measure(client, measures, missing):
    case = {**copy.deepcopy(IN_SUIT), "measures": measures}
    report = client.post("/api/v1/documents/preservation_application/validate", json=case).json
    assert [e["loc"] for e in report["errors"]] == [["measures"]] * len(missing)
    for error, phrase in zip(report["errors"], missing, strict=True):
        assert phrase in error["message"]


def test_over_securing_is_a_warning_not_an_error(client):
    case = copy.deepcopy(IN_SUIT)
    case["security"]["amount"] = "200000.00"
    case["applicants"][0]["service"] = PRE_SUIT["applicants"][0]["service"]
    report = client.post("/api/v1/documents/preservation_application/validate", json=case).json
    assert report["valid"] is True
    assert [w["code"] for w in report["warnings"]] == ["security_above_amount"]


def test_the_schema_offers_the_measures_with_their_chinese_names(client):
    item = client.get("/api/v1/document-types/preservation_application").json
    assert item["title"] == "财产保全申请书"
    items = item["schema"]["properties"]["measures"]["items"]
    assert items["enum"] == ["seal", "seize", "freeze"]
    assert items["enum_titles"] == ["查封", "扣押", "冻结"]
