"""The element-based complaints of 买卖合同纠纷 and 金融借款合同纠纷: the form follows the
case's cause (its contract's kind), every item of the Supreme People's Court's form
(法〔2025〕82号) prints as the fixture answers it, an open item as the form prints it, and
the rules of each cause stop a claim the contract or the law does not allow."""

from __future__ import annotations

import copy
import re

import pytest

from docgen.config import Settings
from docgen.documents import registry
from docgen.services import DocumentService
from tests.support import docx_paragraphs, load_fixture, normalize, pdf_pages_text

# on one worker: its module fixtures (the printed complaints) are made once
pytestmark = pytest.mark.xdist_group("test_complaint_elements_causes")

SALE = load_fixture("civil_complaint", "valid", "elements_sale_every_item")
SALE_BARE = load_fixture("civil_complaint", "valid", "elements_sale_bare")
BANK = load_fixture("civil_complaint", "valid", "elements_bank_loan_every_item")
BANK_BARE = load_fixture("civil_complaint", "valid", "elements_bank_loan_bare")


@pytest.fixture(scope="module")
def docgen(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    return DocumentService(
        Settings(data_dir=tmp_path_factory.mktemp("causes"), register_documents=False)
    )


def word(docgen: DocumentService, case: dict) -> str:
    content = docgen.render("civil_complaint", case, "docx").content
    return normalize("".join(p for p in docx_paragraphs(content) if p))


@pytest.fixture(scope="module")
def texts(docgen: DocumentService) -> dict[str, str]:
    cases = {"sale": SALE, "sale_bare": SALE_BARE, "bank": BANK, "bank_bare": BANK_BARE}
    return {name: word(docgen, case) for name, case in cases.items()}


# --- the form follows the cause --------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "layout"),
    [
        ("private_lending", "elements"),
        ("financial_loan", "elements_bank_loan"),
        ("sale", "elements_sale"),
        ("credit_card", "elements_credit_card"),
    ],
)
def test_the_contracts_kind_chooses_the_form(docgen, kind, layout):
    doc_type = registry.get("civil_complaint")
    case = copy.deepcopy(BANK) | {"contract": BANK["contract"] | {"kind": kind}}
    assert docgen.layout_name(doc_type, doc_type.parse(case)) == f"civil_complaint:{layout}"
    narrative = doc_type.parse(case | {"layout": "narrative"})
    assert docgen.layout_name(doc_type, narrative) == "civil_complaint:narrative"


def _errors(docgen, case: dict) -> list:
    return [p for p in docgen.validate("civil_complaint", case).problems if p.severity == "error"]


def test_the_operator_cannot_name_a_form_of_another_cause(docgen):
    case = copy.deepcopy(BANK) | {"layout": "elements_sale"}
    (problem,) = _errors(docgen, case)
    assert problem.loc == ("layout",)


def test_each_form_is_titled_with_its_cause(texts):
    assert "民事起诉状（买卖合同纠纷）" in texts["sale"]
    assert "民事起诉状（金融借款合同纠纷）" in texts["bank"]


# --- 买卖合同纠纷: each item from elements_sale_every_item --------------------------------

SALE_ITEMS = {
    "price": "1.给付价款（元）人民币380,000.00元",
    "late_payment": "2.迟延给付价款的利息（违约金）截至2026"
    "年6月10日止，迟延给付价款的利息＿＿＿＿元、"
    "违约金30,590.00元，自2026年6月11日之后的逾期利息、违约金，以380,000.00元为基数按照"
    "每日0.05%标准计算；计算方式：逾期付款违约金以380,000.00元为基数，自2026年1月1日起"
    "按每日0.05%计算至2026年6月10日；是否请求支付至实际清偿之日止：■是□否",
    "buyer_loss": "3.赔偿因卖方违约所受的损失支付赔偿金＿＿＿＿元；违约类型：□迟延履行□不履行□其他",
    "defects": "4.是否对标的物的瑕疵承担责任□是□修理□重作□"
    "更换□退货□减少价款或者报酬□其他：＿＿＿＿□否",
    "performance": "5.要求继续履行或者解除合同■继续履行10日"
    "内履行完毕（■付款□供货）义务□判令解除合同"
    "□确认买卖合同已于＿＿＿＿年＿＿月＿＿日解除",
    # the buyer's own pledge, no order agreed (民法典 arts. 392, 425, 436)
    "guarantee_claim": "6.是否主张担保权利■是内容：原告有权以被告杭州远景建设工程有限公司提供的"
    "质押财产（其所有的挖掘机两台（机身号XG-2201、XG-2202））折价或者拍卖、变卖所得的价款"
    "在主债权及其违约金、律师费范围内优先受偿；被告孙立对原告就质押财产优先受偿后不足清偿的部分"
    "承担连带"
    "保证责任□否",
    # the clause that puts the lawyer's fee on the buyer (法释〔2020〕17号 art. 29; practice)
    # the narrative's words: the clause, then what was paid (complaint_text.costs_paid)
    "costs": "7.是否主张实现债权的费用■是费用明细：《设备买卖合同》第七条约定买受人逾期付款的，"
    "承担出卖人为实现债权支付的律师费。原告上海申达机电设备有限公司为实现本案债权支付律师费"
    "人民币20,000.00元。□否",
    "total": "10.标的总额人民币430,590.00元",
    "clause": "有无仲裁、法院管辖约定■有合同条款及内容：《设备买卖合同》第十条",
    "contract": "《设备买卖合同》；编号：SD-2025-088；签"
    "订时间：2025年9月1日；签订地点：上海市浦东新区",
    "subjects": "2.合同主体出卖人（卖方）：上海申达机电设备有"
    "限公司；买受人（买方）：杭州远景建设工程有限公司",
    "goods": "3.买卖标的物情况（标的物名称、规格、质量、数量等）螺杆式空压机（SA-37型",
    "price_terms": "单价：50,000.00元；总价：500,000.00元；以□现金■转账□票据□其他方式；"
    "□一次性■分期支付；分期方式：合同签订后七日内付120,000元",
    "delivery": "5.合同约定的交货时间、地点、方式、风险承担、安装、调试、验收2025年10月10日前送至",
    "quality": "质量异议期限按国家标准验收，质量异议期为验收后十五日",
    "penalties": "□违约金＿＿＿＿元（合同条款：＿＿＿＿）■定金20,000.00元（合同条款：第五条）"
    "■迟延履行违约金0.05%／日（合同条款：第六条）",
    "performed": "按期支付价款120,000.00元，逾期付款0.00元，逾期未付款380,000.00元；"
    "按期交付标的物10台，逾期交付0台，逾期未交付0台",
    "delay": "9.是否存在迟延履行■是迟延时间：自2026年1月1日起至今■逾期付款□逾期交货□否",
    "urged": "10.是否催促过履行■是催促情况：2026年1月15日通过律师函方式进行了催促□否",
    "dispute": "11.买卖合同标的物有无质量争议□有■无",
    "nonconformity": "不符合约定的情况□是■否",
    "talks": "13.是否曾就标的物质量问题进行协商■是具体情况：2025年10月20日双方确认设备运行正常□否",
    "rescission_notice": "14.是否通知解除合同□是■否",
    "owed": "15.被告应当支付的利息、违约金、赔偿金□利息＿＿＿"
    "＿元■违约金30,590.00元□赔偿金＿＿＿＿元；"
    "共计30,590.00元",
    # the scope the pledge contract agreed (民法典 art. 389)
    "collateral": "16.是否签订物的担保（抵押、质押）合同■是签订时间：2025年9月1日；约定的担保范围："
    "主债权本金、违约金、损害赔偿金、质押财产保管费用及实现债权的费用（包括律师费）"
    "（《质押合同》第三条）□否",
    "pledge": "17.担保人、担保物担保人：杭州远景建设工程有限公司；担保物：其所有的挖掘机两台",
    # a movable's pledge is created by delivery, not registration (民法典 art. 429)
    "registration": "19.是否办理抵押、质押登记动产质押无须登记，质权自出质人交付质押财产时"
    "设立（《中华人民共和国民法典》第四百二十九条）；是否已交付质押财产：■是□否",
    "guarantee": "20.是否签订保证合同■是签订时间：2025年9月1日保证人：孙立；主要内容："
    "《保证合同》：被告孙立为被告杭州远景建设工程有限公司的全部付款义务提供连带责任保证□否",
    "guarantee_type": "21.保证方式■连带责任保证□一般保证",
    "other_security": "22.其他担保方式■是形式：保证金质押签订时间：2025年9月2日□否",
    "basis": "23.请求承担责任的依据合同约定：《设备买卖合"
    "同》的约定；法律规定：《中华人民共和国民法典》"
    "第三百九十二条、第四百二十五条、第四百三十六条、"
    "第五百零九条、第五百七十七条、第五百七十九条、第五百八十五条、第六百二十六条、第六百八十八条",
    "other": "24.其他需要说明的内容原告于2025年10月8日交付空压机十台",
    "mediation": "是否考虑先行调解■是□否□暂不确定",
}


@pytest.mark.parametrize("item", sorted(SALE_ITEMS))
def test_each_item_of_the_sale_form_is_printed_as_answered(item, texts):
    assert normalize(SALE_ITEMS[item]) in texts["sale"]


SALE_OPEN = {
    # the loss bears one name in claim 2 and in item 15
    "late_payment": "迟延给付价款的利息＿＿＿＿元、违约金＿＿＿＿元、"
    "赔偿金（逾期付款损失）7,542.74元，自2026年6月11日之后的逾期付款损失，以380,000.00元为基数",
    "loss": "□利息＿＿＿＿元□违约金＿＿＿＿元■赔偿金（逾期付款损失）7,542.74元；共计7,542.74元",
    "price_terms": "单价：＿＿＿＿元；总价：380,000.00元；以"
    "□现金□转账□票据□其他方式；□一次性□分期支付；"
    "分期方式：＿＿＿＿",
    "performed": "按期支付价款＿＿＿＿元，逾期付款＿＿＿＿元，"
    "逾期未付款＿＿＿＿元；按期交付标的物＿＿＿＿件",
    "urged": "10.是否催促过履行□是□否",
    "dispute": "11.买卖合同标的物有无质量争议□有□无",
    "performance": "■继续履行＿＿＿＿日内履行完毕（■付款□供货）义务",
    "maximum": "18.是否最高额担保（抵押、质押）□是□否；担保债权的确定时间：＿＿＿＿年＿＿月＿＿日",
    "guarantee_type": "21.保证方式□连带责任保证□一般保证",
    "contract": "编号：＿＿＿＿；签订时间：2025年9月1日；签订地点：＿＿＿＿",
}


@pytest.mark.parametrize("item", sorted(SALE_OPEN))
def test_an_open_item_of_the_sale_form_prints_as_the_form_prints_it(item, texts):
    assert normalize(SALE_OPEN[item]) in texts["sale_bare"]


def test_a_sale_without_a_written_contract_says_so(docgen):
    case = copy.deepcopy(SALE_BARE)
    case["sale"]["written"] = False
    assert "请注明“无书面合同”）无书面合同；《设备买卖合同》" in word(docgen, case)


# --- 金融借款合同纠纷: each item from elements_bank_loan_every_item ------------------------

BANK_ITEMS = {
    "principal": "1.本金截至2026年10月31日止，尚欠本金人民币400,000.00元",
    # one total and its parts: the parts are not four more sums
    # each part with its basis: 期内利息, 罚息 and 复利 computed (the form asks 计算方式)
    "interest": "2.利息（期内利息、复利、罚息）截至2026年10月31日止，欠利息共计人民币24,248.54元，"
    "其中期内利息人民币953.42元、复利人民币55.39元、罚息（违约金）人民币23,239.73元；"
    "计算方式：期内利息以400,000.00元为基数，自2025年11月21日起按年利率4.35%计算至"
    "2025年12月10日；罚息以400,000.00元为基数，自2025年12月11日起按年利率6.525%计算至"
    "2026年10月31日；复利以953.42元为基数，自2025年12月11日起按年利率6.525%计算至2026年10月31日；"
    "是否请求支付至实际清偿之日止：■是（以400,000.00元为基数，自2026年11月1日起按年利率6.525%",
    "acceleration": "3.是否要求提前还款或解除合同■是■提前还款（加速"
    "到期）（依合同第九条于2025年12月10日宣布）"
    "／□解除合同□否",
    # the borrower's own maximum mortgage, no order agreed (民法典 arts. 392, 394, 410, 420)
    "guarantee_claim": "4.是否主张担保权利■是内容：原告有权以被告王磊提供的抵押财产（深圳市南山区"
    "科技园路1号房产（粤（2020）深圳市不动产权第0012345号））折价或者拍卖、变卖所得的价款在"
    "主债权及其利息、律师费范围内、最高债权额人民币600,000.00元限度内优先受偿；"
    "被告福州闽江建材有限公司对"
    "原告就抵押财产优先受偿后不足清偿的部分在最高债权额人民币600,000.00元限度内承担连带"
    "保证责任□否",
    "costs": "5.是否主张实现债权的费用■是明细：《个人借款合同》第十三条约定借款人违约的，"
    "承担贷款人为实现债权支付的律师费、诉讼费、保全费等费用。原告深圳前海联合商业银行股份有限公司"
    "福田支行为实现本案债权支付律师费人民币10,000.00元。□否",
    "total": "8.标的总额人民币434,248.54元",
    "contract": "《个人借款合同》；编号：QH-GR-2025-0316"
    "；签订时间：2025年3月1日；签订地点：深圳市福田区",
    "subjects": "2.合同主体贷款人：深圳前海联合商业银行股份有限公司福田支行；借款人：王磊",
    "amount": "3.借款金额约定：人民币500,000.00元；实际发放：人民币500,000.00元",
    # accelerated, the loan is due (民法典 art. 673)
    "term": "4.借款期限是否到期：■是（提前到期：依合同第九条于2025年12月10日宣布全部借款到期）"
    "□否；约定期限：2025年3月3日起至2027年2月28日止",
    "rates": "5.借款利率■利率年利率4.35%（合同条款：第四条）■逾期上浮50%（合同条款：第七条第一款）"
    "■复利（合同条款：第七条第二款）■罚息（违约金）年利率6.525%（合同条款：第七条第一款）",
    "provided": "6.借款提供时间2025年3月3日，人民币500,000.00元",
    "repayment": "7.还款方式■等额本息□等额本金□到期一次性还本付息□按月计息、到期一次性还本",
    "repaid": "8.还款情况已还本金：人民币100,000.00元；已还利"
    "息：人民币15,000.00元，还息至2025年11月20日",
    "overdue": "9.是否存在逾期还款■是逾期时间：自2025年12月11日起至今已逾期□否",
    "mortgage": "11.担保人、担保物担保人：王磊；担保物：深圳市南山区科技园路1号房产",
    # fixed before the agreed time, by an event of 民法典 art. 423
    "maximum": "12.是否最高额担保（抵押、质押）■是□否；担保债权的确定时间：2027年2月28日（约定）；"
    "担保的债权已于2025年12月10日确定（新的债权不可能发生：原告依《个人借款合同》第九条宣布贷款"
    "全部提前到期并终止授信，此后不再发生新的贷款；《中华人民共和国民法典》第四百二十三条第（三）项）；"
    "担保额度：人民币600,000.00元",
    "guarantee": "14.是否签订保证合同／保函■是签订时间：2025年3月1日保证人：福州闽江建材有限公司；"
    "主要内容：《最高额保证合同》（编号QH-BZ-2025-0316）；福州闽江建材有限公司最高额保证，"
    "最高债权额人民币600,000.00元，债权确定期间2025年3月1日至2027年2月28日，担保的债权已于"
    "2025年12月10日确定（新的债权不可能发生：原告依《个人借款合同》第九条宣布贷款全部提前到期并"
    "终止授信，此后不再发生新的贷款；《中华人民共和国民法典》第六百九十条第二款、第四百二十三条"
    "第（三）项）□否",
    "guarantee_type": "15.保证方式■连带责任保证□一般保证",
    "other_security": "16.其他担保方式■是形式：保证金质押签订时间：2025年3月2日□否",
    "basis": "17.请求承担责任的依据合同约定：《个人借款合"
    "同》的约定；法律规定：《中华人民共和国民法典》第三百九十二条、第三百九十四条、"
    "第四百一十条、第四百二十条、第四百二十三条、"
    "第六百六十七条、第六百七十四条、第六百七十五条、第六百七十六条、第六百八十八条、第六百九十条",
    "other": "18.其他需要说明的内容借款用于经营周转",
    "mediation": "是否考虑先行调解□是□否■暂不确定，想要了解更多内容",
}


@pytest.mark.parametrize("item", sorted(BANK_ITEMS))
def test_each_item_of_the_bank_loan_form_is_printed_as_answered(item, texts):
    assert normalize(BANK_ITEMS[item]) in texts["bank"]


BANK_OPEN = {
    # no 罚息 in the contract and none claimed: the 逾期利息 at the loan rate ticks no 罚息
    "rates": "■利率年利率4.35%（合同条款：＿＿＿＿）□逾期上浮＿＿＿＿%／年（合同条款：＿＿＿＿）"
    "□复利（合同条款：＿＿＿＿）□罚息（违约金）＿＿＿＿%／年（合同条款：＿＿＿＿）",
    "interest": "欠利息共计人民币14,468.21元，其中期内利息人民币8,676.16元、逾期利息人民币"
    "5,792.05元、复利人民币0.00元、罚息（违约金）人民币0.00元；计算方式：期内利息以200,000.00元"
    "为基数，自2025年3月4日起按年利率4.35%计算至2026年3月2日；逾期利息以200,000.00元为基数，"
    "自2026年3月3日起按年利率4.35%计算至2026年10月31日；逾期利息按约定的借款利率（年利率4.35%）"
    "计收，未计罚息（《中华人民共和国民法典》第六百七十六条）；是否请求支付至实际清偿之日止：□是■否",
    "repayment": "7.还款方式□等额本息□等额本金□到期一次性还本付息",
    "repaid": "还息至＿＿＿＿年＿＿月＿＿日",
    "guarantee": "14.是否签订保证合同／保函□是■否",
    "guarantee_type": "15.保证方式□连带责任保证□一般保证",
    "collateral": "10.是否签订物的担保（抵押、质押）合同□是■否",
}


@pytest.mark.parametrize("item", sorted(BANK_OPEN))
def test_an_open_item_of_the_bank_loan_form_prints_as_the_form_prints_it(item, texts):
    assert normalize(BANK_OPEN[item]) in texts["bank_bare"]


@pytest.mark.parametrize("name", ["sale", "sale_bare", "bank", "bank_bare"])
def test_no_label_of_the_new_forms_is_left_empty(texts, name):
    text = texts[name]
    assert not re.search(r"：[；，。　]", text), re.search(r".{20}：[；，。　].{5}", text)
    assert "联系电话：；" not in text


@pytest.mark.parametrize(("case", "engine"), [(SALE, "typst"), (BANK, "weasyprint")])
def test_the_pdf_prints_the_same_form(docgen, case, engine):
    pdf = docgen.render("civil_complaint", case, "pdf", engine=engine)
    text = normalize("".join(pdf_pages_text(pdf.content)))
    item = SALE_ITEMS["penalties"] if case is SALE else BANK_ITEMS["rates"]
    assert normalize(item) in text


# --- the rules of each cause -----------------------------------------------------------


def _only_error(docgen: DocumentService, name: str):
    case = load_fixture("civil_complaint", "invalid", name)
    (error,) = [
        p for p in docgen.validate("civil_complaint", case).problems if p.severity == "error"
    ]
    return error


def test_a_bank_loan_claims_no_rate_above_the_contracts_penalty_rate(docgen):
    error = _only_error(docgen, "elements_bank_loan_above_contract_rate")
    assert (error.loc, error.code) == (("running_interest", "rate"), "above_contract_rate")
    assert "年利率6%" in error.message and "（年利率4.35%）" in error.message
    assert "法释〔2020〕17号第一条第二款" in error.message


def test_a_bank_may_charge_its_agreed_penalty_rate_above_the_lending_rate(docgen):
    # 6.525% = 4.35% + 50%: the contract's 罚息, allowed; one point more is not
    assert not _errors(docgen, BANK)
    case = copy.deepcopy(BANK)
    case["bank_terms"].pop("penalty_rate")  # the ceiling is then the uplifted loan rate
    assert not _errors(docgen, case)
    case["bank_terms"]["overdue_uplift"] = "30"
    codes = {p.code for p in _errors(docgen, case)}
    assert codes == {"above_contract_rate"}


def test_compound_interest_needs_a_clause(docgen):
    error = _only_error(docgen, "elements_bank_loan_compound_not_agreed")
    assert error.code == "compound_not_agreed" and "合同未约定计收复利" in error.message


def test_a_person_is_not_a_financial_institution(docgen):
    error = _only_error(docgen, "elements_bank_loan_person_lender")
    assert error.code == "lender_not_a_financial_institution" and "民间借贷" in error.message


def test_a_sale_loss_without_an_agreed_penalty_is_at_most_the_lpr_plus_half(docgen):
    error = _only_error(docgen, "elements_sale_loss_above_lpr_plus_half")
    assert (error.loc, error.code) == (("running_interest", "rate"), "above_sale_loss_rate")
    # the LPR when the breach began (2026-01-01): 3.00%, plus 50% = 4.5%
    assert "一年期LPR（3%）" in error.message or "一年期LPR（3.00%）" in error.message
    assert "第十八条第四款" in error.message
    agreed = copy.deepcopy(
        load_fixture("civil_complaint", "invalid", "elements_sale_loss_above_lpr_plus_half")
    )
    agreed["sale"] |= {"daily_penalty_percent": "0.05", "daily_penalty_clause": "第六条"}
    assert not [
        p for p in docgen.validate("civil_complaint", agreed).problems if p.severity == "error"
    ]


def test_a_sale_claims_no_more_price_than_is_unpaid(docgen):
    error = _only_error(docgen, "elements_sale_price_above_unpaid")
    assert error.code == "price_above_unpaid" and "330,000.00" in error.message


def test_a_penalty_needs_an_agreement(docgen):
    error = _only_error(docgen, "elements_sale_penalty_not_agreed")
    assert error.code == "penalty_not_agreed" and "第五百八十五条" in error.message


def test_the_narrative_complaint_states_the_sale_too(docgen):
    text = word(docgen, copy.deepcopy(SALE) | {"layout": "narrative"})
    assert (
        normalize(
            "双方约定原告上海申达机电设备有限公司向被告杭州远景建设工程有限公司出卖螺杆式空压机"
            "（SA-37型，排气量6.2立方米／分钟）十台，质量符合国家标准，总价款人民币500,000.00元"
        )
        in text
    )
