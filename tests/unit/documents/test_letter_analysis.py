"""The lawyer letter's 二、法律分析 and the letters' demand, as the contract's status allows
(docs/legal-rules.md, Guardians; docgen/documents/letter_analysis.py).

A contract in force binds (民法典 arts. 119, 465(2), 509(1); breach, art. 577); one a minor
of eight or more made awaits ratification (arts. 19, 145) and binds only once ratified,
else what was obtained is returned (art. 157); one made under eight is void (arts. 20,
144, 155, 157); an adult's capacity on the day unknown: binding, unless it was already
lacking (arts. 21, 22, 144, 145), with restitution (art. 157) in the letter's consequences.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

CODE = "《中华人民共和国民法典》"
PERSON = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
MINOR = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
UNDER_EIGHT = load_fixture("lawyer_letter", "valid", "contract_made_under_eight")
WITHOUT_CAPACITY = load_fixture(
    "lawyer_letter", "valid", "debtor_without_capacity_through_guardian"
)
LIMITED = load_fixture("lawyer_letter", "valid", "debtor_with_limited_capacity_through_guardian")

BINDING = (
    "依法成立的合同，对当事人具有法律约束力，当事人应当按照约定全面履行自己的义务"
    f"（{CODE}第一百一十九条、第四百六十五条第二款、第五百零九条第一款）。借款人应当按照约定的"
    "期限返还借款，未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息"
    "（第六百七十五条、第六百七十六条）。当事人一方不履行合同义务的，应当承担继续履行、赔偿损失"
    "等违约责任（第五百七十七条）。"
)

GUARDIAN = (
    "监护人是被监护人的法定代理人（第二十三条）。监护人的职责是代理被监护人实施民事法律行为，"
    "保护被监护人的人身权利、财产权利以及其他合法权益等（第三十四条第一款）；监护人应当按照最有利"
    "于被监护人的原则履行监护职责，除为维护被监护人利益外，不得处分被监护人的财产（第三十五条第一款）。"
)
"""The guardian's part, ending the analysis in a copy addressed to the guardian."""


def _applied(act: str, burden: str = "逾期利息、违约金及诉讼费用等") -> str:
    """Art. 35(1) applied after it is quoted: paying from the ward's property is in the
    ward's interest."""
    return (
        f"以张伟的财产{act}，可以避免{burden}继续增加，符合最有利于被监护人的原则，属于为维护"
        "被监护人利益而处分其财产。"
    )


DEBT_PAID = _applied("清偿其到期债务")


def _analysis(data: Any, index: int = 0) -> str:
    printed = printed_copy("lawyer_letter", data, index).split("\n")
    return printed[printed.index("二、法律分析") + 1]


def _warnings(type_name: str, data: Any) -> dict[str, Any]:
    doc_type = registry.get(type_name)
    assessment = doc_type.evaluate(doc_type.parse(data), RuleOptions(calendar_fallback=True))
    return {p.code: p for p in assessment.warnings}


def test_a_binding_contract_is_analysed_with_the_articles_each_sentence_paraphrases():
    assert _analysis(PERSON) == BINDING
    # the binding force is arts. 119 and 465, not the articles on performance and breach
    assert "根据《中华人民共和国民法典》第五百零九条、第五百七十七条" not in _analysis(PERSON)
    assert "就您拖欠委托人款项一事" in printed_copy("lawyer_letter", PERSON)


@pytest.mark.parametrize(
    ("kind", "duty"),
    [
        ("sale", "买受人应当按照约定的数额和支付方式支付价款（第六百二十六条）。"),
        ("service", ""),
    ],
)
def test_the_duty_the_contracts_kind_adds_is_cited_by_its_own_articles(kind, duty):
    data = copy.deepcopy(PERSON)
    data["contract"]["kind"] = kind
    analysis = _analysis(data)
    assert analysis.startswith("依法成立的合同，对当事人具有法律约束力")
    assert f"第五百零九条第一款）。{duty}当事人一方不履行合同义务的" in analysis
    assert "第六百七十五条" not in analysis


def test_a_contract_awaiting_ratification_is_said_to_await_it_never_to_have_it():
    analysis = _analysis(MINOR)
    assert (
        analysis
        == (
            "八周岁以上的未成年人为限制民事行为能力人，其实施的民事法律行为，除纯获利益或者与其年龄、"
            "智力相适应的以外，经法定代理人同意或者追认后有效"
            f"（{CODE}第十九条、第一百四十五条第一款）。上述《借款合同》尚待法定代理人追认，在追认前"
            "效力待定；相对人可以催告法定代理人自收到通知之日起三十日内予以追认，法定代理人未作表示的，"
            "视为拒绝追认（第一百四十五条第二款）。该合同获追认后，对当事人具有法律约束力，当事人应当"
            "按照约定全面履行自己的义务（第一百一十九条、第四百六十五条第二款、第五百零九条第一款）。"
            "借款人应当按照约定的期限返还借款，未按照约定的期限返还借款的，应当按照约定或者国家有关"
            "规定支付逾期利息（第六百七十五条、第六百七十六条）。当事人一方不履行合同义务的，应当承担"
            "继续履行、赔偿损失等违约责任（第五百七十七条）。该合同未获追认而确定不发生效力的，行为人"
            "因该合同取得的财产，应当予以返还；不能返还或者没有必要返还的，应当折价补偿（第一百五十七条）。"
        )
        + GUARDIAN
        + "是否追认上述《借款合同》，由法定代理人按照最有利于被监护人的原则决定。"
    )
    # 二 comes before 三's call: nothing in it reads as a ratification already given
    assert "经追认的" not in analysis and "依法成立的合同" not in analysis
    # no disposal of the ward's property is asked before the guardian's answer (art. 145)
    assert "处分其财产" not in analysis and "符合最有利于被监护人的原则" not in analysis
    # no debt in arrears is asserted before the ratification
    printed = printed_copy("lawyer_letter", MINOR)
    assert "就委托人与张伟之间《借款合同》所涉款项一事，郑重致函如下：" in printed
    assert "拖欠" not in printed
    assert printed.index("效力待定") < printed.index("三、律师意见") < printed.index("催告您自")


def test_the_guarantors_copy_states_the_pending_contract_without_the_debtors_restitution():
    analysis = _analysis(MINOR, 1)
    assert analysis.startswith("八周岁以上的未成年人为限制民事行为能力人")
    assert "上述《借款合同》尚待法定代理人追认，在追认前效力待定" in analysis
    assert "该合同获追认后，对当事人具有法律约束力" in analysis
    assert "经追认的" not in analysis
    assert "第一百五十七条" not in analysis and "折价补偿" not in analysis
    assert "就委托人与张伟之间《借款合同》所涉款项一事" in printed_copy("lawyer_letter", MINOR, 1)


RATIFIED_SELF = load_fixture(
    "lawyer_letter", "valid", "debtor_ratified_after_majority_with_guarantor"
)


@pytest.mark.parametrize(("index", "debtor"), [(0, "您"), (1, "张伟")])
def test_a_contract_the_debtor_ratified_once_of_age_binds(index, debtor):
    analysis = _analysis(RATIFIED_SELF, index)
    assert (
        f"（{CODE}第十九条、第一百四十五条第一款）。成年人为完全民事行为能力人，可以独立实施民事"
        f"法律行为（第十八条第一款）。上述《借款合同》已经{debtor}在成年后自行追认，对当事人具有"
        "法律约束力，当事人应当按照约定全面履行自己的义务"
    ) in analysis
    assert "追认前" not in analysis and "未获追认" not in analysis


def test_a_contract_made_under_eight_is_analysed_as_void():
    assert _analysis(UNDER_EIGHT) == (
        "不满八周岁的未成年人为无民事行为能力人；无民事行为能力人实施的民事法律行为无效；无效的"
        "民事法律行为自始没有法律约束力；民事法律行为无效后，行为人因该行为取得的财产，应当予以"
        "返还，不能返还或者没有必要返还的，应当折价补偿，有过错的一方应当赔偿对方由此所受到的损失"
        f"（{CODE}第二十条、第一百四十四条、第一百五十五条、第一百五十七条）。"
    ) + GUARDIAN + _applied("返还其因该合同取得的财产", "诉讼费用等支出")
    assert "拖欠" not in printed_copy("lawyer_letter", UNDER_EIGHT)


def test_an_adult_found_without_capacity_after_the_contract_is_held_to_it():
    """The finding after the contract: it binds, and the guardian is told why paying from
    the ward's property is in the ward's interest (art. 35(1))."""
    assert _analysis(WITHOUT_CAPACITY) == BINDING + GUARDIAN + DEBT_PAID
    assert _analysis(LIMITED) == BINDING + GUARDIAN + DEBT_PAID


def _same_day(data: Any) -> Any:
    """The finding dated the day of the contract: which came first is unknown."""
    return {**data, "capacity_found_on": data["contract"]["signed_on"]}


def test_an_adult_without_capacity_binds_unless_already_without_it_when_contracting():
    assert _analysis(_same_day(WITHOUT_CAPACITY)) == BINDING + (
        "但张伟签订上述合同时已为不能辨认自己行为的成年人（无民事行为能力人）的，该合同无效"
        "（第二十一条、第一百四十四条）；合同无效的，行为人因该合同取得的财产，应当予以返还；"
        "不能返还或者没有必要返还的，应当折价补偿（第一百五十七条）。" + GUARDIAN + DEBT_PAID
    )
    printed = printed_copy("lawyer_letter", _same_day(WITHOUT_CAPACITY))
    # the demand under the contract, and what is asked if the contract is void
    assert (
        "如张伟逾期仍未清偿，本所将建议委托人依法向有管辖权的人民法院提起诉讼，要求张伟清偿，相关"
        "诉讼费用将依法主张由张伟承担；张伟签订上述《借款合同》时已为无民事行为能力人、该合同因此"
        f"无效的，委托人将依法要求张伟返还其因该合同取得的财产（{CODE}第一百四十四条、第一百五十七条）。"
    ) in printed
    assert "就委托人与张伟之间《借款合同》所涉款项一事" in printed


def test_an_adult_of_limited_capacity_binds_unless_unratified_when_contracting_so():
    assert _analysis(_same_day(LIMITED)) == BINDING + (
        "但张伟签订上述合同时已为不能完全辨认自己行为的成年人（限制民事行为能力人）的，该合同经其"
        "法定代理人同意或者追认后有效（第二十二条、第一百四十五条第一款）；未获追认而确定不发生"
        "效力的，行为人因该合同取得的财产，应当予以返还；不能返还或者没有必要返还的，应当折价补偿"
        "（第一百五十七条）。" + GUARDIAN + DEBT_PAID
    )
    assert (
        "张伟签订上述《借款合同》时已为限制民事行为能力人、该合同未获法定代理人追认而不发生效力的，"
        f"委托人将依法要求张伟返还其因该合同取得的财产（{CODE}第一百四十五条、第一百五十七条）。"
    ) in printed_copy("lawyer_letter", _same_day(LIMITED))


def test_the_demand_letter_names_the_same_fallback():
    data = load_fixture("demand_letter", "valid", "debtor_with_limited_capacity")
    assert (
        "如您逾期仍未付款，我方将依法向有管辖权的人民法院提起诉讼，相关诉讼费用将依法主张由您"
        "承担；您签订上述《借款合同》时已为限制民事行为能力人、该合同未获法定代理人追认而不发生"
        f"效力的，我方将依法要求返还您因该合同取得的财产（{CODE}第一百四十五条、第一百五十七条）。"
    ) in printed_copy("demand_letter", data)
    warning = _warnings("demand_letter", data)["capacity_at_contract_unknown"]
    assert (
        "函件按合同有效要求付款，并写明签约时已为限制民事行为能力人、合同未获追认的，将依法要求"
        "返还其因合同取得的财产（第一百五十七条）"
    ) in warning.message
    assert "保证人" not in warning.message  # no guarantor in this case


def test_a_legal_basis_typed_by_the_user_is_printed_instead():
    data = copy.deepcopy(WITHOUT_CAPACITY)
    data["legal_basis"] = (
        "根据《中华人民共和国民法典》第六百七十五条，借款人应当按照约定的期限返还借款"
    )
    assert (
        _analysis(data)
        == "根据《中华人民共和国民法典》第六百七十五条，借款人应当按照约定的期限返还借款。"
    )


CONSENTED = load_fixture("lawyer_letter", "valid", "minor_debtor_consented_by_guardian")
DISPOSAL = "属于为维护被监护人利益而处分其财产"


@pytest.mark.parametrize(
    ("data", "ending"),
    [
        # awaiting the guardian's ratification (效力待定, 民法典 art. 145): the decision
        (MINOR, "是否追认上述《借款合同》，由法定代理人按照最有利于被监护人的原则决定。"),
        # consented to: the contract binds, the guardian is asked to pay from the ward's property
        (CONSENTED, DEBT_PAID),
        # binding (an adult found without capacity only after the contract)
        (WITHOUT_CAPACITY, DEBT_PAID),
        # void: the guardian is asked to return what the ward obtained
        (UNDER_EIGHT, _applied("返还其因该合同取得的财产", "诉讼费用等支出")),
    ],
    ids=["pending", "consented", "binding", "void"],
)
def test_each_branch_says_what_the_guardians_act_is(data, ending):
    """The sentence that a payment is a disposal in the ward's interest (art. 35(1)) only
    where the guardian is asked to dispose: to pay under a contract that binds, or to
    return under a void one; while ratification is awaited, the choice is the guardian's."""
    analysis = _analysis(data)
    assert analysis.endswith(GUARDIAN + ending)
    assert (DISPOSAL in analysis) is (DISPOSAL in ending)
