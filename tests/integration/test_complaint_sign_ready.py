"""A civil complaint ready to sign: what the pleading itself states.

The narrative complaint names its witnesses (民事诉讼法 art. 124(4)), numbers its claims
one way, writes an organisation's representative as 「法定代表人：赵明，执行董事」, and
carries no calculation sheet. The element-based 民间借贷 form prints every item of the
Supreme People's Court's form (法〔2025〕82号), an open item as the form prints it.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from docgen.config import Settings
from docgen.services import DocumentService
from tests.support import docx_paragraphs, load_fixture, normalize, pdf_pages_text

# on one worker: its module fixtures (the printed complaints) are made once
pytestmark = pytest.mark.xdist_group("test_complaint_sign_ready")

EVERY_ITEM = load_fixture("civil_complaint", "valid", "elements_every_item")
BARE = load_fixture("civil_complaint", "valid", "elements_company_lender")
SALE = load_fixture("civil_complaint", "valid", "narrative_sale_contract")
GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")


@pytest.fixture(scope="module")
def docgen(tmp_path_factory: pytest.TempPathFactory) -> DocumentService:
    return DocumentService(
        Settings(data_dir=tmp_path_factory.mktemp("sign"), register_documents=False)
    )


def pdf_text(docgen: DocumentService, case: dict, engine: str = "typst") -> str:
    pdf = docgen.render("civil_complaint", case, "pdf", engine=engine)
    return normalize("".join(pdf_pages_text(pdf.content)))


def word_lines(docgen: DocumentService, case: dict) -> list[str]:
    return [p for p in docx_paragraphs(docgen.render("civil_complaint", case, "docx").content) if p]


@pytest.fixture(scope="module")
def every_item(docgen: DocumentService) -> str:
    return normalize("".join(word_lines(docgen, EVERY_ITEM)))


@pytest.fixture(scope="module")
def bare(docgen: DocumentService) -> str:
    return normalize("".join(word_lines(docgen, BARE)))


# --- the narrative complaint ----------------------------------------------------------


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_witnesses_are_named_with_their_domicile_and_what_they_saw(docgen, engine):
    text = pdf_text(docgen, SALE, engine)
    witness = (
        "证人：钱伟，住浙江省杭州市西湖区文三路92号，"
        "证明2025年10月8日在工地见到被告项目经理签收十台空压机。"
    )
    evidence = text.index("证据和证据来源：")
    assert text.index(witness) > evidence  # in the evidence section
    assert text.index(witness) < text.index("此致")


def test_an_organisations_representative_is_named_then_the_position(docgen):
    lines = word_lines(docgen, SALE)
    # the case typed the position where the role goes: read as the 法定代表人's position
    assert "法定代表人：赵明，执行董事。" in lines
    assert not any(line.startswith("执行董事：") for line in lines)
    case = copy.deepcopy(SALE)
    case["plaintiffs"][0]["party"] |= {"representative_title": "负责人"}
    case["plaintiffs"][0]["party"]["representative_position"] = "总经理"
    assert "负责人：赵明，总经理。" in word_lines(docgen, case)


def test_claims_are_numbered_one_way_and_cross_referenced_the_same_way(docgen):
    lines = word_lines(docgen, GUARANTOR)
    claims = lines[lines.index("诉讼请求：") + 1 : lines.index("事实与理由：")]
    numbered = [line for line in claims if "判令" in line]
    # Word numbers them itself (1. 2. …), as the PDFs print them
    assert [line.split(" ", 1)[0] for line in numbered] == [f"{k}." for k in range(1, 8)]
    assert "6. 判令被告李秀英对上述第1至5项债务承担连带清偿责任；" in numbered
    pdf = "".join(pdf_pages_text(docgen.render("civil_complaint", GUARANTOR, "pdf").content))
    printed = re.findall(r"^\s*(\S+?)\s*判令", pdf, re.MULTILINE)
    assert printed == [f"{k}." for k in range(1, 8)]
    assert not re.search(r"[一二三四五六七]、", pdf)


@pytest.mark.parametrize("case", [GUARANTOR, BARE], ids=["narrative", "elements"])
def test_the_pleading_carries_no_calculation_sheet(docgen, case):
    text = pdf_text(docgen, case)
    assert "计算明细" not in text and "每年按365天计" not in text
    # it ends on its 「附：」 list, the evidence filed last
    assert re.search(r"附：1．本起诉状副本\d份；.*证据目录1份、证据材料\d+份。$", text)


def test_the_fee_is_stated_with_its_basis_in_words(docgen):
    text = pdf_text(docgen, GUARANTOR)
    assert (
        "预交案件受理费：人民币2,664.99元（大写：贰仟陆佰陆拾肆元玖角玖分）"
        "（按《诉讼费用交纳办法》第十三条第（一）项计算）。" in text
    )
    assert "四舍五入" not in text  # the rounding steps belong to a calculation, not here


def test_a_sale_debt_falls_due_as_a_payment_not_a_loan(docgen):
    text = pdf_text(docgen, SALE)
    assert "付款期限届满后，被告杭州远景建设工程有限公司未依约清偿" in text
    assert "借款到期后" not in text


# --- the element-based form: each item printed from elements_every_item ---------------

ITEMS = {
    "special_notice": "★特别提示★诉讼参加人应当遵循诚信原则",
    "acceleration": "是否要求提前还款或解除合同■是■提前还款（加速到期）"
    "（依合同第九条于2025年12月10日宣布）／□解除合同□否",
    # interest apart: in-term up to the acceleration, overdue from the day item 9 states
    "interest": "利息以150,000.00元为基数，自2025年12月4日起按年利率8%计算至2025年12月10日；"
    "逾期利息以150,000.00元为基数，自2025年12月11日起按年利率8%计算至2026年10月31日",
    "overdue": "9.是否存在逾期还款■是逾期时间：自2025年12月11日起至今已逾期□否",
    # declared due early: due (民法典 art. 673), not 「□是■否」 beside claim 3's acceleration
    "term_due": "4.借款期限是否到期：■是（提前到期：依合同第九条于2025年12月10日宣布全部借款到期）"
    "□否；约定期限：2025年3月3日起至2027年2月28日止",
    "interest_paid_until": "已还利息：人民币12,000.00元，还息至2025年12月3日",
    "preservation": "是否已经诉前保全■是保全法院：广东省深圳市福田区人民法院保全时间：2026年11月2日"
    "保全案号：（2026）粤0304财保123号□否",
    # the scope the mortgage contract agreed (民法典 art. 389)
    "collateral": "10.是否签订物的担保（抵押、质押）合同■是签订时间：2025年3月1日；约定的担保范围："
    "主债权本金、利息、违约金、损害赔偿金及实现债权的费用（包括诉讼费、律师费等）"
    "（《抵押合同》第二条）□否",
    "property": "担保人：王磊；担保物：深圳市南山区科技园路1号房产",
    # the agreed time is after filing: the event that fixed the claims (民法典 art. 423)
    "maximum": "12.是否最高额担保（抵押、质押）■是□否；担保债权的确定时间：2027年2月28日（约定）；"
    "担保的债权已于2025年12月10日确定（新的债权不可能发生：原告依《借款合同》第九条宣布全部借款"
    "提前到期，并终止向被告王磊发放借款，此后不再发生新的借款；《中华人民共和国民法典》第四百二十三条"
    "第（三）项）；担保额度：人民币300,000.00元",
    # the agreed order is why the guarantor answers for the whole debt (民法典 art. 392);
    # the 保证方式 is the 是 branch's, before 「□否」
    "agreed_order": "实现担保的顺序：合同约定债权人可直接要求保证人承担保证责任（《最高额保证合同》"
    "第六条：债务人不履行到期债务的，原告可直接要求保证人承担保证责任，无须先行使担保物权）；"
    "保证方式：■连带责任保证□一般保证□否",
    # the form's own labels: 签订时间, 保证人, 主要内容
    "guarantee_maximum": "14.是否签订保证合同■是签订时间：2025年3月1日保证人："
    "福州闽江建材有限公司；主要内容：《最高额保证合同》；福州闽江建材有限公司最高额保证，最高债权额人民币300,000.00元，"
    "债权确定期间2025年3月1日至2027年2月28日，担保的债权已于2025年12月10日确定",
    # the clause, then the fee paid, in the narrative complaint's words
    "costs": "5.是否主张实现债权的费用■是明细：《借款合同》第十一条约定借款人违约的，承担出借人"
    "为实现债权支付的律师费、保全费等费用。原告深圳市恒信商贸有限公司为实现本案债权支付律师费"
    "人民币8,000.00元。□否",
    "registration": "13.是否办理抵押、质押登记■是■正式登记□预告登记□否",
    "other_security": "15.其他担保方式■是形式：保证金质押签订时间：2025年3月2日□否",
    "electronic_service": "是否接受电子送达：■是方式：短信：13912345678微信：hengxin_lijing"
    "传真：＿＿＿＿邮箱：lijing@hengxin.example.cn其他：＿＿＿＿□否",
    "ownership": "所有制性质：■国有（■控股□参股）□民营□其他",
    "private_ownership": "所有制性质：□国有（□控股□参股）■民营□其他",
    "representative": "法定代表人／负责人：陈建国职务：执行董事联系电话：0755-83216688",
    "knows_mediation": "能及时、高效、低成本、不伤和气地解决纠纷■了解□不了解",
    "benefits": "经确认的具有强制执行效力。□了解■不了解",
    "first_mediation": "是否考虑先行调解□是■否□暂不确定，想要了解更多内容",
    "witness": "证人：周强，住广东省深圳市福田区福华三路90号",
}


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_each_item_of_the_form_is_printed_as_answered(item, every_item):
    assert normalize(ITEMS[item]) in every_item


def test_the_five_points_on_mediation_are_each_answered(every_item):
    assert every_item.count("□了解■不了解") == 5


# what the bare case leaves open prints as the form prints it
OPEN = {
    "organisation_phone": "林海职务：＿＿＿＿联系电话：＿＿＿＿",
    "registered_place": "注册地／登记地：＿＿＿＿",
    "habitual_residence": "经常居住地：＿＿＿＿",
    # 还息至 is not open here: the interest claimed from 2025-12-04 tells 2025-12-03
    # (test_complaint_installments.py)
    "collateral": "10.是否签订物的担保（抵押、质押）合同□是■否",
    "maximum": "12.是否最高额担保（抵押、质押）□是□否；担保债权的确定时间：＿＿＿＿年＿＿月＿＿日",
    "registration": "13.是否办理抵押、质押登记□是□否",
    "knows_mediation": "不伤和气地解决纠纷□了解□不了解",
    "ownership": "所有制性质：□国有（□控股□参股）□民营□其他",
}


@pytest.mark.parametrize("item", sorted(OPEN))
def test_an_open_item_prints_blank_as_the_form_prints_it(item, bare):
    assert normalize(OPEN[item]) in bare


def test_no_label_is_left_empty(bare, every_item):
    for text in (bare, every_item):
        assert not re.search(r"：[；，。　]", text), re.search(r".{20}：[；，。　].{5}", text)
        assert "：；" not in text and "联系电话：；" not in text


def test_the_pdf_prints_the_same_form(docgen, every_item, tmp_path: Path):
    assert normalize(ITEMS["registration"]) in pdf_text(docgen, EVERY_ITEM, "weasyprint")
    assert normalize(ITEMS["electronic_service"]) in pdf_text(docgen, EVERY_ITEM, "typst")


def test_a_rescission_is_claimed_in_the_narrative_too(docgen):
    case = copy.deepcopy(EVERY_ITEM) | {"layout": "narrative", "rescind_contract": True}
    # the two are alternatives (both together are refused): a loan due, not accelerated
    del case["acceleration"]
    case["contract"]["due_date"] = "2025-12-10"
    lines = word_lines(docgen, case)
    rescission = "判令解除原告深圳市恒信商贸有限公司与被告王磊签订的《借款合同》；"
    assert any(line.endswith(rescission) for line in lines)


def test_a_preservation_ordered_more_than_30_days_before_filing_is_warned(docgen):
    case = copy.deepcopy(EVERY_ITEM)
    case["preservation"]["ordered_on"] = "2026-10-16"  # 31 days before 2026-11-16
    report = docgen.validate("civil_complaint", case)
    (warning,) = [p for p in report.problems if p.code == "preservation_lapsed"]
    assert warning.loc == ("preservation", "ordered_on") and warning.severity == "warning"
    assert "第一百零四条" in warning.message
    case["preservation"]["ordered_on"] = "2026-10-17"  # the 30th day: still in time
    problems = docgen.validate("civil_complaint", case).problems
    assert not [p for p in problems if p.loc[0] == "preservation"]


def test_a_preservation_after_the_filing_is_refused_on_its_date(docgen):
    case = load_fixture("civil_complaint", "invalid", "preservation_after_filing")
    problems = docgen.validate("civil_complaint", case).problems
    (error,) = [p for p in problems if p.severity == "error"]
    assert (error.loc, error.code) == (("preservation", "ordered_on"), "after_filing")
    assert "不得晚于起诉日期" in error.message
