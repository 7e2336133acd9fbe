"""A defendant that is a branch (分公司, 支行 …) may be sued, but the company answers for it
(民诉法解释 art. 52(5), (6); 民法典 art. 74(2); 公司法 art. 13(2); 商业银行法 art. 22(2)):
the complaint that sues the branch alone is warned to name the company beside it."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.complaint_branch_rules import branch_suffix, head_office
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
DOC = registry.get("civil_complaint")
ALONE = load_fixture("civil_complaint", "valid", "narrative_sale_branch_alone")
WITH_COMPANY = load_fixture("civil_complaint", "valid", "narrative_sale_branch_and_company")
NAME = ("defendants", 0, "party", "name")


def _branch_warnings(data: dict) -> list:
    problems = DOC.evaluate(DOC.parse(data), OPTIONS).problems
    return [p for p in problems if p.code == "branch_defendant"]


def test_a_branch_sued_alone_is_warned_to_name_the_company():
    (warning,) = _branch_warnings(ALONE)
    assert warning.loc == NAME and warning.severity == "warning"
    assert warning.message.startswith("被告杭州远景建设工程有限公司上海分公司是法人的分支机构")
    assert "第五十二条第（五）项" in warning.message
    assert "《中华人民共和国民法典》第七十四条第二款" in warning.message
    assert "《中华人民共和国公司法》第十三条第二款：分公司不具有法人资格，其民事责任由公司承担" in (
        warning.message
    )
    assert "第十五条第一款" in warning.message
    assert warning.hint == "请将杭州远景建设工程有限公司列为共同被告，诉讼地位与该分支机构相同"


def test_a_branch_sued_with_its_company_is_not_warned():
    assert _branch_warnings(WITH_COMPANY) == []


def test_a_bank_branch_names_the_banking_law_and_its_representative():
    data = copy.deepcopy(ALONE)
    party = data["defendants"][0]["party"]
    party["name"] = "深圳前海联合商业银行股份有限公司南山支行"
    party["representative_title"] = "法定代表人"
    (warning,) = _branch_warnings(data)
    assert "第五十二条第（五）项、第（六）项" in warning.message
    assert "《中华人民共和国商业银行法》第二十二条第二款" in warning.message
    assert "设立该分支机构的总行列为被告" in warning.message
    assert warning.hint == (
        "请将深圳前海联合商业银行股份有限公司列为共同被告，诉讼地位与该分支机构相同"
        "；分支机构由其负责人进行诉讼，「职务」请填写「负责人」"
    )


def test_a_plaintiff_branch_and_a_company_not_a_branch_are_not_warned():
    bank = load_fixture("civil_complaint", "valid", "elements_bank_loan_every_item")
    assert bank["plaintiffs"][0]["party"]["name"].endswith("支行")
    assert _branch_warnings(bank) == []
    data = copy.deepcopy(ALONE)
    data["defendants"][0]["party"]["name"] = "上海分公司管理咨询有限公司"
    assert _branch_warnings(data) == []


def test_the_branch_and_its_company_are_read_from_the_name():
    assert branch_suffix("杭州远景建设工程有限公司上海分公司") == "分公司"
    assert branch_suffix("某某证券股份有限公司北京建国门外大街营业部") == "营业部"
    assert branch_suffix("杭州远景建设工程有限公司") is None
    assert head_office("中国工商银行股份有限公司北京东城支行", "支行") == "中国工商银行股份有限公司"
    assert head_office("远景建设上海分公司", "分公司") is None


def _text(data: dict) -> str:
    return printed_copy("civil_complaint", data)


def test_the_branch_is_ordered_to_pay_and_the_company_to_answer_for_its_debt():
    text = _text(WITH_COMPANY)
    claims = text[text.index("诉讼请求：") : text.index("以上诉讼请求金额合计")]
    assert "判令被告杭州远景建设工程有限公司上海分公司向原告上海申达机电设备有限公司支付货款" in (
        claims
    )
    assert "上海分公司、杭州远景建设工程有限公司" not in text
    assert (
        "判令被告杭州远景建设工程有限公司对被告杭州远景建设工程有限公司上海分公司的上述第1至3项"
        "债务承担清偿责任；"
    ) in claims


def test_the_facts_name_the_branch_as_the_signatory_once_with_its_company():
    text = _text(WITH_COMPANY)
    assert (
        "原告上海申达机电设备有限公司与被告杭州远景建设工程有限公司上海分公司（被告杭州远景建设工程"
        "有限公司的分支机构）签订《设备买卖合同》"
    ) in text
    assert (
        "被告杭州远景建设工程有限公司上海分公司不具有法人资格，其民事责任由被告杭州远景建设工程有限公司"
        "承担（《中华人民共和国民法典》第七十四条第二款、《中华人民共和国公司法》第十三条第二款）。"
    ) in text


def test_the_legal_basis_names_the_branchs_liability_and_a_banks_law():
    data = copy.deepcopy(WITH_COMPANY)
    del data["legal_basis"]
    text = _text(data)
    assert "第六百二十六条、第七十四条" not in text  # in the code's order
    assert "《中华人民共和国民法典》第七十四条、第五百零九条" in text
    assert "、《中华人民共和国公司法》第十三条、" in text
    data["defendants"][0]["party"]["name"] = "深圳前海联合商业银行股份有限公司南山支行"
    data["defendants"][1]["party"]["name"] = "深圳前海联合商业银行股份有限公司"
    text = _text(data)
    assert "、《中华人民共和国商业银行法》第二十二条、" in text
    assert "《中华人民共和国商业银行法》第二十二条第二款）。" in text


def test_a_branch_sued_alone_is_ordered_to_pay_alone():
    text = _text(ALONE)
    assert "承担清偿责任" not in text and "的分支机构）" not in text


def test_the_element_form_names_the_branch_as_buyer_and_the_company_in_other_claims():
    text = _text(copy.deepcopy(WITH_COMPANY) | {"layout": "elements"})
    assert "买受人（买方）：杭州远景建设工程有限公司上海分公司\n" in text + "\n"
    assert (
        "9. 其他请求\n被告杭州远景建设工程有限公司对被告杭州远景建设工程有限公司上海分公司的"
        "上述债务承担清偿责任\n"
    ) in text
    liable = "其民事责任由被告杭州远景建设工程有限公司承担（《中华人民共和国民法典》第七十四条"
    assert liable in text
