"""The element-based complaint of 信用卡纠纷: every item of the Supreme People's Court's
form (法〔2025〕82号) prints as the fixture answers it, an open item as the form prints
it, the card number only by its last four digits, and the card rules stop a claim the
rules on card charges do not allow (or warn where the court may reduce it)."""

from __future__ import annotations

import copy
import re

import pytest

from docgen.config import Settings
from docgen.services import DocumentService
from tests.support import docx_paragraphs, load_fixture, normalize, pdf_pages_text

# on one worker: its module fixtures (the printed complaints) are made once
pytestmark = pytest.mark.xdist_group("test_complaint_elements_credit_card")

CARD = load_fixture("civil_complaint", "valid", "elements_credit_card_every_item")
CARD_BARE = load_fixture("civil_complaint", "valid", "elements_credit_card_bare")


@pytest.fixture(scope="module")
def docgen(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    return DocumentService(
        Settings(data_dir=tmp_path_factory.mktemp("card"), register_documents=False)
    )


def word(docgen: DocumentService, case: dict) -> str:
    content = docgen.render("civil_complaint", case, "docx").content
    return normalize("".join(p for p in docx_paragraphs(content) if p))


@pytest.fixture(scope="module")
def texts(docgen: DocumentService) -> dict[str, str]:
    return {"card": word(docgen, CARD), "bare": word(docgen, CARD_BARE)}


# --- each item from elements_credit_card_every_item ------------------------------------

CARD_ITEMS = {
    "subtitle": "民事起诉状（信用卡纠纷）",
    "principal": "1.透支本金截至2026年10月31日止，尚欠本金45,000.00元（人民币，下同）",
    "charges": "2.利息、罚息、复利、滞纳金、违约金、手续费等截至2026年10月31日止，欠利息、罚息、"
    # what runs on to payment in the narrative claim's words: the 透支利息 the case claims,
    # not every charge 「按照信用卡领用协议」 (complaint_text.running_claim)
    "复利、滞纳金、违约金、手续费等共计8,225.00元；另请求支付透支利息：以45,000.00元"
    "为基数，自2026年11月1日起按日利率0.05%计算至实际清偿之日止；明细：透支利息6,975.00元；"
    "复利380.00元；违约金600.00元；分期手续费270.00元；计算方式：透支利息以45,000.00元为基数，"
    "自2025年12月26日起按日利率0.05%计算至2026年10月31日；复利按领用合约第五条第二款，对账单列明"
    "而未偿还的透支利息按日利率万分之五按月计收，计至2026年10月31日（见信用卡账单及交易明细）；"
    "违约金按领用合约约定，以最低还款额未还部分12,000.00元的5%计收",
    "guarantee_claim": "3.是否主张担保权利□是■否",
    "costs": "4.是否主张实现债权的费用■是费用明细：领用合约第九条约定持卡人承担发卡行为实现债权"
    "支付的律师费等费用。原告沪江银行股份有限公司信用卡中心为实现本案债权支付律师费"
    "人民币3,000.00元。□否",
    "court_costs": "5.是否主张诉讼费用■是（由被告承担）□否",
    "others": "6.其他请求无",
    "total": "7.标的总额人民币56,225.00元（大写：伍万陆仟贰佰贰拾伍元整）（暂计至2026年10月31日）",
    "card": "1.信用卡办理情况（信用卡卡号、信用卡登记权利人、办卡时间、办卡行等）"
    "卡号：************6789；登记权利人：李娜；办卡时间：2022年6月15日；"
    "办卡行：沪江银行股份有限公司信用卡中心；领用合约：《沪江银行信用卡领用合约》"
    "（编号：HJ-XYK-2022-08）；用卡情况：被告自2025年6月起持卡透支消费及取现",
    "terms": "2.信用卡合约的主要约定透支金额：信用额度50,000.00元；利息、罚息、复利、滞纳金、"
    "违约金、手续费等的计算标准：透支利率日利率0.05%（折合年化利率18.25%）（合约条款：领用合约"
    "第五条）■复利（合约条款：领用合约第五条第二款）违约金：按最低还款额未还部分的5%收取违约金"
    "手续费等：分期手续费按每期0.6%收取；违约责任：逾期还款的，按约计收透支利息、复利及违约金",
    "termination": "解除条件：持卡人连续三期未还最低还款额的，原告有权终止合约",
    "notice": "3.是否就信用卡合约主要条款进行提示注意■是提示说明的具体方式以及时间地点："
    "2022年6月15日申领时，领用合约的利率、违约金条款以加粗字体提示，被告签字确认□否",
    "repaid": "4.被告逾期部分已还金额3,000.00元",
    "overdue": "5.被告逾期未还款金额逾期时间：到期还款日2025年12月25日，自2025年12月26日起"
    "至今已逾期；截至2026年10月31日，被告欠付信用卡本金45,000.00元、利息6,975.00元、"
    "罚息0.00元、复利380.00元、滞纳金0.00元、违约金600.00元、手续费270.00元",
    "collection": "6.是否向被告进行通知和催收■是具体情况：2026年1月至8月多次电话、短信催收，"
    "并于2026年8月10日寄送催收函□否",
    "collateral": "7.是否签订物的担保（抵押、质押）合同□是■否",
    "guarantee_type": "12.保证方式□连带责任保证□一般保证",
    "other_security": "13.其他担保方式□是■否",
    "basis": "14.请求承担责任的依据合同约定：《沪江银行信用卡领用合约》的约定；法律规定："
    "《中华人民共和国民法典》第五百零九条、第五百七十七条、第五百七十九条、第五百八十五条；"
    "《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》（法释〔2021〕10号）第二条；",
    "other": "15.其他需要说明的内容被告于2022年6月15日申领信用卡并签署领用合约",
    "jurisdiction": "1.有无仲裁、法院管辖约定■有合同条款及内容：《沪江银行信用卡领用合约》"
    "第二十条约定由原告住所地人民法院管辖□无",
    "mediation": "是否考虑先行调解■是□否□暂不确定，想要了解更多内容",
}


@pytest.mark.parametrize("item", sorted(CARD_ITEMS))
def test_each_item_of_the_card_form_is_printed_as_answered(item, texts):
    assert normalize(CARD_ITEMS[item]) in texts["card"]


CARD_OPEN = {
    "charges": "共计6,975.00元；明细：透支利息6,975.00元；计算方式：",
    "costs": "4.是否主张实现债权的费用□是■否",
    "terms": "透支金额：＿＿＿＿；利息、罚息、复利、滞纳金、违约金、手续费等的计算标准："
    "透支利率＿＿＿＿□复利违约金：＿＿＿＿手续费等：＿＿＿＿；违约责任：＿＿＿＿；"
    "解除条件：＿＿＿＿",
    "notice": "3.是否就信用卡合约主要条款进行提示注意□是□否",
    "repaid": "4.被告逾期部分已还金额＿＿＿＿元",
    "collection": "6.是否向被告进行通知和催收□是□否",
    "card": "卡号：************0421；登记权利人：李娜；办卡时间：2022年6月15日；"
    "办卡行：沪江银行股份有限公司信用卡中心；领用合约：《沪江银行信用卡领用合约》2.",
}


@pytest.mark.parametrize("item", sorted(CARD_OPEN))
def test_an_open_item_of_the_card_form_prints_as_the_form_prints_it(item, texts):
    assert normalize(CARD_OPEN[item]) in texts["bare"]


@pytest.mark.parametrize("name", ["card", "bare"])
def test_no_label_of_the_card_form_is_left_empty(texts, name):
    text = texts[name]
    assert not re.search(r"：[；，。　]", text), re.search(r".{20}：[；，。　].{5}", text)


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_the_pdf_prints_the_card_masked_and_the_same_form(docgen, engine):
    pdf = docgen.render("civil_complaint", CARD, "pdf", engine=engine)
    text = normalize("".join(pdf_pages_text(pdf.content)))
    assert normalize(CARD_ITEMS["terms"]) in text
    assert normalize(CARD_ITEMS["overdue"]) in text
    # the number is printed masked: its last four digits once, behind twelve stars
    assert text.count("6789") == 1 and "************6789" in text


# --- the card rules --------------------------------------------------------------------


def _errors(docgen: DocumentService, case: dict):
    return [p for p in docgen.validate("civil_complaint", case).problems if p.severity == "error"]


def _only_error(docgen: DocumentService, name: str):
    (error,) = _errors(docgen, load_fixture("civil_complaint", "invalid", name))
    return error


def test_a_full_card_number_is_refused_on_its_field(docgen):
    error = _only_error(docgen, "elements_credit_card_full_card_number")
    assert (error.loc, error.code) == (("card", "card_last4"), "card_number_format")
    assert error.message.startswith("请勿填写完整卡号：只填卡号末四位数字")
    case = copy.deepcopy(CARD_BARE)
    case["card"]["card_last4"] = "67a9"
    (error,) = _errors(docgen, case)
    assert error.message == "卡号末四位应为4位数字，填写的是「67a9」"


def test_no_interest_is_charged_on_a_penalty(docgen):
    error = _only_error(docgen, "elements_credit_card_interest_on_penalty")
    assert (error.loc, error.code) == (("amounts", "components", 3, "label"), "interest_on_charges")
    assert error.message.startswith("不能就违约金主张「违约金复利」")
    assert "银发〔2016〕111号" in error.message


def test_no_interest_runs_on_a_base_holding_the_charges(docgen):
    # 复利 on 45,000.00 principal + 6,975.00 interest + the 600.00 违约金
    error = _only_error(docgen, "elements_credit_card_interest_base_with_charges")
    assert error.loc == ("amounts", "components", 3, "calculation", "base")
    assert "计息基数（人民币52,575.00元）超过本金与利息之和" in error.message


def test_an_overdraft_before_2021_is_capped_at_five_in_ten_thousand_a_day(docgen):
    error = _only_error(docgen, "elements_credit_card_rate_above_old_cap")
    assert (error.loc, error.code) == (
        ("amounts", "components", 1, "calculation", "rate"),
        "above_card_rate_cap",
    )
    assert "日利率0.06%（折合年利率21.9%）自2020年6月26日起计" in error.message
    assert "银发〔2020〕327号" in error.message
    # from 2021 the rate is agreed freely: the same rate then is no error
    case = copy.deepcopy(CARD_BARE)
    case["amounts"]["components"][1]["calculation"]["rate"]["value"] = "0.06"
    assert not _errors(docgen, case)


def test_compound_interest_and_penalties_are_flagged_as_reducible(docgen):
    (warning,) = docgen.validate("civil_complaint", CARD).problems
    assert (warning.severity, warning.loc) == ("warning", ("amounts", "components", 2))
    assert warning.message.startswith(
        "主张的利息及复利、违约金、分期手续费共计人民币8,225.00元；持卡人以发卡行主张的"
    )
    assert "法释〔2021〕10号第二条" in warning.message
    # interest alone: nothing the cardholder is pointed to
    assert not docgen.validate("civil_complaint", CARD_BARE).problems


def test_card_facts_are_required_for_the_card_form(docgen):
    error = _only_error(docgen, "elements_credit_card_without_card_facts")
    assert (error.loc, error.code) == (("card",), "missing")
    assert "信用卡事实" in error.message


def test_the_claimed_total_of_a_card_is_the_sum_of_its_parts(docgen):
    case = copy.deepcopy(CARD_BARE)
    case["amounts"]["total"] = "52000.00"  # the parts make 51,975.00
    (error,) = _errors(docgen, case)
    assert (error.loc, error.code) == (("amounts", "total"), "total_mismatch")
    assert "各项合计为人民币51,975.00元" in error.message


def test_compound_interest_may_run_on_principal_and_computed_interest(docgen):
    # 45,000.00 principal + 6,975.00 computed interest: a 复利 base of 51,975.00 holds no charge
    case = copy.deepcopy(CARD_BARE)
    case["amounts"]["components"].append(
        {
            "kind": "interest",
            "label": "复利",
            "calculation": {
                "base": "51975.00",
                "rate": {"kind": "daily", "value": "0.05"},
                "start": "2026-10-01",
            },
        }
    )
    assert not _errors(docgen, case)
    case["amounts"]["components"][-1]["calculation"]["base"] = "51975.01"
    (error,) = _errors(docgen, case)
    assert error.loc == ("amounts", "components", 2, "calculation", "base")


def test_the_form_states_the_costs_and_the_running_interest_as_the_narrative_does(docgen, texts):
    # the form printed 「律师费人民币3,000.00元（领用合约第九条…）」 and claimed every charge
    # 「按照信用卡领用协议」 to payment, where the narrative states the clause, then the fee
    # paid, and claims the 透支利息 alone
    narrative = word(docgen, {**copy.deepcopy(CARD), "layout": "narrative"})
    costs = normalize(
        "领用合约第九条约定持卡人承担发卡行为实现债权支付的律师费等费用。"
        "原告沪江银行股份有限公司信用卡中心为实现本案债权支付律师费人民币3,000.00元。"
    )
    running = normalize(
        "透支利息：以45,000.00元为基数，自2026年11月1日起按日利率0.05%计算至实际清偿之日止"
    )
    for printed in (narrative, texts["card"]):
        assert costs in printed
        assert running in printed
    assert "按照信用卡领用协议计算至实际清偿之日止" not in texts["card"]
