"""A complaint filed at the plaintiff's own court states its connecting point, the place of
performance (民事诉讼法 art. 24; 民诉法解释 art. 18(2)); one ground is stated, never two."""

from __future__ import annotations

import copy

from tests.support import load_fixture, printed_copy

SALE = load_fixture("civil_complaint", "valid", "narrative_sale_contract")
PERFORMANCE = (
    "本案争议标的为给付货币，原告上海申达机电设备有限公司作为接收货币一方，其所在地为合同履行地"
    "（《中华人民共和国民事诉讼法》第二十四条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉"
    "的解释》第十八条第二款），贵院对本案依法享有管辖权。"
)


def _facts(data: dict) -> str:
    text = printed_copy("civil_complaint", data)
    return text[text.index("事实与理由：") : text.index("证据和证据来源：")]


def test_a_complaint_at_the_plaintiffs_court_states_the_place_of_performance():
    facts = _facts(SALE)  # the buyer in Hangzhou, the court and the seller in Pudong
    assert facts.count(PERFORMANCE) == 1
    assert facts.count("贵院对本案依法享有管辖权") == 1


def test_a_court_at_the_defendants_domicile_needs_no_ground_stated():
    data = copy.deepcopy(SALE)  # the buyer in Hangzhou, the court at its seat
    data["court"] = "杭州市西湖区人民法院"
    assert "贵院对本案" not in _facts(data)


def test_a_branch_sued_at_its_own_seat_states_its_seat_and_the_place_of_performance():
    both = load_fixture("civil_complaint", "valid", "narrative_sale_branch_and_company")
    assert (
        "被告杭州远景建设工程有限公司上海分公司系依法设立并领取营业执照的法人分支机构，可以作为"
        "民事诉讼的当事人（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五十二条"
        "第五项），其住所地即主要办事机构所在地（同解释第三条第一款）在贵院辖区；本案争议标的为"
        "给付货币，原告上海申达机电设备有限公司作为接收货币一方，其所在地为合同履行地（同解释"
        "第十八条第二款），亦在贵院辖区。根据《中华人民共和国民事诉讼法》第二十二条第三款、"
        "第二十四条，贵院对本案依法享有管辖权。"
    ) in _facts(both)
    alone = load_fixture("civil_complaint", "valid", "narrative_sale_branch_alone")
    assert "根据《中华人民共和国民事诉讼法》第二十四条，贵院对本案依法享有管辖权。" in _facts(alone)
    assert "第二十二条第三款" not in _facts(alone)  # one defendant
    # the company seated at the court too: its domicile needs no word
    data = copy.deepcopy(both)
    data["defendants"][1]["party"]["address"] = "上海市浦东新区世纪大道1600号"
    assert "分支机构，可以作为" not in _facts(data)
    # with a clause, the clause is the one ground
    data = copy.deepcopy(both) | {
        "jurisdiction_clause": "《设备买卖合同》第十条约定由原告住所地人民法院管辖"
    }
    assert "分支机构，可以作为" not in _facts(data)


def test_an_agreed_court_is_the_one_ground_stated():
    guarantor = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    facts = _facts(guarantor)
    assert "合同履行地" not in facts
    assert facts.count("贵院对本案依法享有管辖权") == 1
    # a clause at the plaintiff's court: the clause is stated, not the place of performance
    data = copy.deepcopy(SALE) | {
        "jurisdiction_clause": "《设备买卖合同》第十条约定由原告住所地人民法院管辖"
    }
    facts = _facts(data)
    assert PERFORMANCE not in facts
    assert "《设备买卖合同》第十条约定由原告住所地人民法院管辖，贵院对本案依法享有管辖权。" in facts


GUARANTOR_COURT = load_fixture("civil_complaint", "invalid", "joint_suit_at_the_guarantors_court")


def _errors(data: dict) -> list:
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc = registry.get("civil_complaint")
    problems = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).problems
    return [p for p in problems if p.severity == "error"]


def test_a_joint_suit_at_the_guarantors_court_alone_is_refused():
    # the borrower in 东城区, the lender in 浦东, only the guarantor in 朝阳区
    errors = _errors(GUARANTOR_COURT)
    assert [(e.loc, e.code) for e in errors] == [(("court",), "guarantor_court_only")]
    message = errors[0].message
    assert message.startswith("北京市朝阳区人民法院仅为保证人李秀英的住所地法院")
    assert "有关担保制度的解释》第二十一条第二款" in message
    assert "北京市东城区人民法院（被告张伟住所地）" in message
    assert "上海市浦东新区人民法院（原告刘芳住所地，即合同履行地）" in message


def test_the_borrowers_court_in_a_joint_suit_is_accepted():
    data = copy.deepcopy(GUARANTOR_COURT) | {"court": "北京市东城区人民法院"}
    assert _errors(data) == []
    assert "贵院对本案" not in _facts(data)


def test_the_place_of_performance_is_stated_where_the_guarantor_also_lives():
    data = copy.deepcopy(GUARANTOR_COURT)
    data["plaintiffs"][0]["party"]["address"] = "北京市朝阳区建国路1号"
    assert _errors(data) == []
    facts = _facts(data)
    assert "原告刘芳作为接收货币一方，其所在地为合同履行地" in facts
    assert facts.count("贵院对本案依法享有管辖权") == 1
