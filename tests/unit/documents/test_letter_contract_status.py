"""Every sentence of a letter says what the contract's status allows (docs/legal-rules.md,
Guardians): a contract awaiting the legal representative's consent or ratification
(民法典 arts. 19, 145(1)) is described, not called a debt; a minor's contract with no
guardian to ask is warned of and demanded only if valid; a guarantor's copy names the
fallback its debtor's copy names (art. 157 for the debtor, art. 682 for the guarantee).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.letter_cases import unasked_case
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"
GUARANTEE_FALLS = (
    "如上述《借款合同》被认定无效或者确定不发生效力的，保证合同随之无效或者不发生效力"
    f"（{CODE}第六百八十二条第一款）；您有过错的，应当根据其过错承担相应的民事责任"
    "（第六百八十二条第二款）。"
)

# (type, fixture, copies): letters whose contract does not bind outright
WAITING = [
    ("demand_letter", "minor_debtor_through_guardian", 1),
    ("demand_letter", "minor_debtor_with_guarantor", 2),
    ("demand_letter", "minor_debtor_with_general_guarantor", 2),
    ("demand_letter", "minor_debtor_without_guardian", 1),
    ("demand_letter", "minor_debtor_without_guardian_with_guarantor", 2),
    ("demand_letter", "debtor_minor_when_contracting", 1),
    ("lawyer_letter", "minor_debtor_with_guarantor", 2),
    ("lawyer_letter", "minor_debtor_without_guardian_with_general_guarantor", 2),
]


UNASKED = {
    "minor_debtor_without_guardian",
    "minor_debtor_without_guardian_with_guarantor",
    "minor_debtor_without_guardian_with_general_guarantor",
}


def _case(type_name: str, name: str) -> dict[str, Any]:
    if name in UNASKED:
        return unasked_case(type_name, name)
    return load_fixture(type_name, "valid", name)


def _copies(type_name: str, name: str, count: int) -> list[str]:
    data = _case(type_name, name)
    return [printed_copy(type_name, data, i) for i in range(count)]


def _sentences(printed: str) -> list[str]:
    return [s for s in re.split(r"[。\n]", printed) if s]


def _warnings(type_name: str, data: Any) -> dict[str, Any]:
    doc_type = registry.get(type_name)
    assessment = doc_type.evaluate(doc_type.parse(data), OPTIONS)
    return {p.code: p for p in assessment.warnings}


# --- a contract that waits on the legal representative: no sentence calls it a debt ---


@pytest.mark.parametrize(("type_name", "name", "count"), WAITING)
def test_no_sentence_asserts_a_debt_the_contract_may_not_create(type_name, name, count):
    for printed in _copies(type_name, name, count):
        assert "根据合同约定" not in printed and "依约履行" not in printed
        assert "欠款" not in printed and "上述债务" not in printed
        for sentence in _sentences(printed):
            if "尚欠" in sentence:
                # owed only once ratified, or if valid
                assert "追认" in sentence or "有效的" in sentence, sentence


def test_the_facts_say_what_the_contract_provides_and_the_amounts_are_owed_if_ratified():
    printed = _copies("demand_letter", "minor_debtor_through_guardian", 1)[0]
    # the copy goes to the guardian, 「您」: the ward is named
    assert (
        "上述《借款合同》约定张伟于2026年1月10日（含当日）前清偿相应款项，张伟至今未按约定付款。"
        in (printed)
    )
    assert "上述《借款合同》经追认的，截至2026年10月31日，张伟尚欠我方款项明细如下：" in printed
    assert "如您对上述款项有异议" in printed


def test_the_guarantee_secures_the_debt_under_the_contract_not_a_debt_stated_owed():
    printed = _copies("demand_letter", "minor_debtor_with_guarantor", 2)[1]
    assert (
        "您为张伟在上述《借款合同》项下的债务提供连带责任保证（2025年1月10日签订的《保证合同》）。"
        f"依照{CODE}第六百八十八条，张伟不履行到期债务的，我方可以请求您在保证范围内承担保证责任，"
        "即对该债务承担连带清偿责任。"
    ) in printed
    assert "上述《借款合同》经追认的，截至2026年10月31日，张伟尚欠我方款项明细如下：" in printed


def test_the_firms_facts_state_the_age_and_the_amounts_the_contract_computes():
    """The call to ratify is the firm's, in 三、律师意见: the facts before it presuppose
    none (no 「经追认的」), stating the debtor's age and what the contract computes."""
    printed = _copies("lawyer_letter", "minor_debtor_with_guarantor", 1)[0]
    facts = printed[printed.index("一、基本事实") : printed.index("二、法律分析")]
    assert (
        "上述《借款合同》约定张伟于2026年1月10日（含当日）前清偿相应款项，张伟至今未按约定付款。"
        "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，属于限制民事行为能力人。\n"
        "截至2026年10月31日，按上述《借款合同》约定计算的款项明细如下："
    ) in facts
    assert "追认" not in facts and "尚欠" not in facts
    # the call comes first in 三、律师意见, without restating the age and the rule
    opinion = printed[printed.index("三、律师意见") :]
    assert opinion.index("本所受委托人委托催告您自收到本函") < opinion.index(
        "上述《借款合同》经追认的，请您作为张伟的法定代理人"
    )
    assert printed.count("时为14周岁的未成年人") == 1
    assert printed.count("第一百四十五条第一款") == 1  # the rule, in 二、法律分析 alone


def test_the_firms_copy_to_a_guarantor_keeps_the_condition_after_the_call_it_reports():
    printed = _copies("lawyer_letter", "minor_debtor_with_guarantor", 2)[1]
    assert printed.index("另函催告其法定代理人") < printed.index(
        "上述《借款合同》经追认的，截至2026年10月31日，张伟尚欠委托人款项明细如下："
    )


def test_a_binding_contract_reads_as_before():
    printed = printed_copy("demand_letter", load_fixture("demand_letter", "valid", "person_debtor"))
    facts = (
        "根据合同约定，您应于2026年1月10日（含当日）前清偿相应款项，但您至今未依约履行付款义务。"
    )
    assert facts in printed
    assert "截至2026年10月31日，您尚欠我方款项明细如下：" in printed
    assert "将上述欠款合计" in printed and "经追认" not in printed and "有效的" not in printed


def test_a_void_contracts_letter_asks_back_in_every_sentence():
    for type_name in ("demand_letter", "lawyer_letter"):
        printed = _copies(type_name, "contract_made_under_eight", 1)[0]
        assert "尚欠" not in printed and "欠款" not in printed and "依约" not in printed
        assert "应返还" in printed


# --- a minor's contract with no guardian to ask ------------------------------------


def test_a_letter_to_a_minor_without_a_guardian_is_refused_at_the_guardian():
    data = load_fixture("demand_letter", "invalid", "minor_debtor_without_guardian")
    doc_type = registry.get("demand_letter")
    errors = {p.code: p for p in doc_type.evaluate(doc_type.parse(data), OPTIONS).errors}
    error = errors["guardian_required"]
    assert error.loc == ("debtor", "guardian")
    assert "债务人张伟发函时为16周岁的未成年人" in error.message
    assert "「致：张伟（法定代理人：＿＿）」" in (error.hint or "")
    assert "催告其自收到本函之日起三十日内追认（第一百四十五条第二款）" in (error.hint or "")
    assert "ratification_not_asked" not in _warnings("demand_letter", data)


def test_an_adult_of_limited_capacity_without_a_guardian_is_warned_at_the_guardian():
    warning = _warnings("demand_letter", _case("demand_letter", "minor_debtor_without_guardian"))[
        "ratification_not_asked"
    ]
    assert warning.loc == ("debtor", "guardian")
    assert "签订《借款合同》时为17周岁的未成年人，属于限制民事行为能力人" in warning.message
    assert f"{CODE}第十九条、第一百四十五条第一款" in warning.message
    assert "未填写法定代理人，本函不能催告法定代理人追认（第一百四十五条第二款）" in warning.message
    assert "请在「法定代理人（监护人）」中填写其监护人" in (warning.hint or "")


def test_a_debtor_who_contracted_as_a_minor_and_is_an_adult_now_is_asked_to_ratify_himself():
    data = load_fixture("demand_letter", "valid", "debtor_minor_when_contracting")
    warning = _warnings("demand_letter", data)["ratification_asked_of_debtor"]
    assert warning.loc == ("debtor", "birth_date")
    assert "其现已年满19周岁，法定代理已经终止（第一百七十五条第一项）" in warning.message
    printed = printed_copy("demand_letter", data)
    assert (
        "您于2025年3月1日年满十八周岁，为完全民事行为能力人，可以独立实施民事法律行为（第十八条"
        "第一款），法定代理随之终止（第一百七十五条第一项），该合同是否追认由您本人决定。现参照"
        f"{CODE}第一百四十五条第二款，我方催告您自收到本函之日起三十日内对上述合同是否追认作出"
        "表示；您未作表示的，视为拒绝追认。"
    ) in printed
    assert "现特函告您：上述《借款合同》经追认的，请于收到本函之日起三十日内" in printed
    assert "上述《借款合同》未获追认（包括您逾期未作表示）而确定不发生效力的" in printed
    # the former representative is no longer spoken of as one who answers
    assert "法定代理人拒绝" not in printed and "法定代理人逾期" not in printed
    # the receipt lets him ratify
    assert (
        "（编号：CS-2026-0158），确认追认本人于2025年1月10日签订的《借款合同》，并确认截至"
        "2026年10月31日尚欠贵方款项合计人民币112,242.38元"
    ) in printed


def test_the_firm_asks_the_adult_debtor_and_its_analysis_says_why():
    data = copy.deepcopy(
        load_fixture("lawyer_letter", "valid", "debtor_ratified_after_majority_with_guarantor")
    )
    del data["adult_ratification"]
    debtor, guarantor = (printed_copy("lawyer_letter", data, i) for i in range(2))
    assert "被代理人取得完全民事行为能力的，法定代理终止（第一百七十五条第一项）" in debtor
    assert "您现已年满十八周岁，上述合同尚待您本人追认，在追认前效力待定" in debtor
    assert (
        f"三、律师意见\n现参照{CODE}第一百四十五条第二款，本所受委托人委托催告您自收到本函之日起"
        "三十日内对上述合同是否追认作出表示"
    ) in debtor
    assert (
        "本所受委托人委托，已于2026年11月20日另以（2026）京明正律函字第102-1号函催告张伟本人"
        "自收到催告之日起三十日内对该合同是否追认作出表示（参照第一百四十五条第二款）"
    ) in guarantor
    assert "法定代理人拒绝" not in debtor + guarantor


def test_a_guardian_named_means_the_call_is_made_and_no_such_warning():
    data = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
    assert "ratification_not_asked" not in _warnings("demand_letter", data)


def test_without_a_guardian_the_letter_demands_payment_only_if_the_contract_is_valid():
    printed = _copies("demand_letter", "minor_debtor_without_guardian", 1)[0]
    assert (
        "您于2025年1月10日签订上述《借款合同》时为17周岁的未成年人，属于限制民事行为能力人；该合同"
        "除属于纯获利益或者与其年龄、智力相适应的民事法律行为外，经法定代理人同意或者追认后有效"
        f"（{CODE}第十九条、第一百四十五条第一款）。"
    ) in printed
    assert "上述《借款合同》有效的，截至2026年10月31日，您尚欠我方款项明细如下：" in printed
    assert (
        "现特函告您：上述《借款合同》有效的，请于收到本函之日起7个工作日内，将上述款项合计"
    ) in printed
    assert (
        "上述《借款合同》有效而您逾期仍未付款的，我方将依法向有管辖权的人民法院提起诉讼，相关诉讼"
        "费用将依法主张由您承担；上述《借款合同》经法定代理人拒绝追认而确定不发生效力的，我方将依法"
        f"要求返还您因该合同取得的财产（{CODE}第一百五十七条）。"
    ) in printed
    # no receipt: the debtor cannot confirm the debt alone (demand_letter._check_receipt)
    assert "回执" not in printed
    assert "催告" not in printed


def test_the_guarantor_of_a_minor_without_a_guardian_pays_if_the_contract_is_valid():
    printed = _copies("demand_letter", "minor_debtor_without_guardian_with_guarantor", 2)[1]
    assert (
        "张伟于2025年1月10日签订上述《借款合同》时为17周岁的未成年人，属于限制民事行为能力人"
        in (printed)
    )
    assert "现特函告您：上述《借款合同》有效的，请于收到本函之日起7个工作日内，将上述款项合计" in (
        printed
    )
    assert (
        "上述《借款合同》经法定代理人拒绝追认而确定不发生效力的，保证合同作为其从合同随之不发生"
        f"效力（{CODE}第六百八十二条第一款），您有过错的，我方将依法要求您按照过错承担相应的民事"
        "责任（第六百八十二条第二款）。"
    ) in printed
    assert "返还" not in printed


def test_the_firms_general_guarantor_is_told_on_the_same_condition():
    printed = _copies("lawyer_letter", "minor_debtor_without_guardian_with_general_guarantor", 2)[1]
    assert (
        "本所律师特此将上述款项情况告知您。上述《借款合同》有效而张伟未于2026年11月30日前（含当日）"
        "清偿上述款项的，本所将建议委托人依法向有管辖权的人民法院提起诉讼"
    ) in printed
    assert (
        "委托人将依法要求您按照过错承担相应的民事责任（第六百八十二条第二款）。如您对上述事实"
        in (printed)
    )


# --- an adult whose capacity on the day of contracting is unknown: the guarantor's copy ---


def test_the_guarantors_copy_names_the_fallback_of_an_adult_of_limited_capacity():
    debtor, guarantor = _copies("demand_letter", "debtor_with_limited_capacity_with_guarantor", 2)
    # the debtor's copy: restitution
    assert (
        "您签订上述《借款合同》时已为限制民事行为能力人、该合同未获法定代理人追认而不发生效力的，"
        f"我方将依法要求返还您因该合同取得的财产（{CODE}第一百四十五条、第一百五十七条）。"
    ) in debtor
    # the guarantor's: the guarantee falls with the contract; fault answered for, and the
    # debtor's capacity (health information, 个人信息保护法 art. 28) is not told
    assert (
        "如您逾期仍未付款，我方将依法向有管辖权的人民法院提起诉讼，相关诉讼费用将依法主张由您承担；"
        f"{GUARANTEE_FALLS}"
    ) in guarantor
    assert "返还" not in guarantor
    assert "行为能力" not in guarantor and "法定代理人" not in guarantor


def test_the_firms_guarantor_copy_names_the_fallback_of_an_adult_without_capacity():
    guarantor = _copies("lawyer_letter", "debtor_without_capacity_with_guarantor", 2)[1]
    assert GUARANTEE_FALLS in guarantor
    # its analysis states the contract's force, not the debtor's capacity
    assert "行为能力" not in guarantor and "法定代理人" not in guarantor


def test_a_general_guarantors_notice_names_the_fallback_too():
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "debtor_with_limited_capacity"))
    general = load_fixture("demand_letter", "valid", "minor_debtor_with_general_guarantor")
    data["guarantors"], data["guarantees"] = general["guarantors"], general["guarantees"]
    printed = printed_copy("demand_letter", data, 1)
    assert f"我方将依法要求您承担保证责任。{GUARANTEE_FALLS}" in printed
    assert "行为能力" not in printed


def test_a_binding_contracts_guarantor_copy_names_no_fallback():
    printed = printed_copy(
        "lawyer_letter", load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor"), 1
    )
    assert "第六百八十二条" not in printed and "从合同" not in printed


def test_the_firms_analysis_of_a_minors_contract_with_no_guardian_asked():
    debtor, guarantor = _copies(
        "lawyer_letter", "minor_debtor_without_guardian_with_general_guarantor", 2
    )
    rule = (
        "八周岁以上的未成年人为限制民事行为能力人，其实施的民事法律行为，除纯获利益或者与其年龄、"
        "智力相适应的以外，经法定代理人同意或者追认后有效"
    )
    assert rule in debtor and rule in guarantor
    assert "上述《借款合同》有效的，对当事人具有法律约束力" in debtor
    assert (
        "上述合同经法定代理人拒绝追认而确定不发生效力的，行为人因该合同取得的财产，应当予以返还"
    ) in debtor
    assert (
        "上述合同经法定代理人拒绝追认而确定不发生效力的，保证合同是主债权债务合同的从合同，随之"
        "不发生效力；债务人、保证人、债权人有过错的，应当根据其过错各自承担相应的民事责任"
        "（第六百八十二条）。"
    ) in guarantor
    assert "依法成立的合同" not in debtor
