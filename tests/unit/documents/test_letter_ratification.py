"""A letter asking a guardian to ratify the contract a minor made, and a letter naming a
guarantor of a contract made under eight (docs/legal-rules.md, Guardians).

Until the guardian ratifies, the contract binds no one (民法典 art. 145): payment under
it is asked for if it is ratified, by a deadline no earlier than the thirty days the
guardian has to answer (art. 145(2)), and the consequences follow the answer (suit on
the contract, or restitution, art. 157). The guarantee of a void main contract is void
(art. 682(1)); the guarantor's liability for fault (art. 682(2); 法释〔2020〕28号 art.
17(2)) is not a sum a letter demands.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.letter_capacity import SURE_WORKDAYS
from docgen.domain.workdays import calendar_coverage, calendar_day_deadline, working_day_deadline
from tests.letter_cases import unasked_case
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
CODE = "《中华人民共和国民法典》"
THROUGH_GUARDIAN = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
WITH_GUARANTOR = load_fixture("demand_letter", "valid", "minor_debtor_with_guarantor")
FIRM = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
VOID_GUARANTEE = load_fixture("demand_letter", "invalid", "guarantor_of_a_void_contract")
FIRM_VOID_GUARANTEE = load_fixture("lawyer_letter", "invalid", "guarantor_of_a_void_contract")


def _problems(type_name: str, data: Any) -> list[Any]:
    doc_type = registry.get(type_name)
    return doc_type.evaluate(doc_type.parse(data), OPTIONS).problems


def _codes(type_name: str, data: Any) -> dict[str, Any]:
    return {p.code: p for p in _problems(type_name, data)}


def _with_deadline(data: Any, **deadline: Any) -> Any:
    data = copy.deepcopy(data)
    data["deadline"] = deadline
    return data


# --- the deadline -----------------------------------------------------------------


def test_payment_is_asked_for_if_ratified_within_the_thirty_days():
    printed = printed_copy("demand_letter", THROUGH_GUARDIAN)
    assert (
        "现特函告您：上述《借款合同》经追认的，请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，"
        "于收到本函之日起三十日内，将上述款项合计人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾"
        "贰元叁角捌分）支付至我方以下账户："
    ) in printed
    # the user's 7 working days count only for the money owed back should it be refused
    assert printed.count("7个工作日") == 1 and "追认期间届满之日起7个工作日内" in printed


def test_a_shorter_deadline_is_replaced_with_a_warning_citing_article_145():
    warning = _codes("demand_letter", THROUGH_GUARDIAN)["deadline_before_ratification"]
    assert warning.severity == "warning"
    assert warning.loc == ("deadline",)
    assert f"{CODE}第一百四十五条第二款" in warning.message
    assert "付款期限「收到本函之日起7个工作日内」" in warning.message
    assert "「上述《借款合同》经追认的，请于收到本函之日起三十日内」" in warning.message
    assert "不少于30日或24个工作日" in (warning.hint or "")


def test_the_consequence_follows_the_guardians_answer():
    printed = printed_copy("demand_letter", THROUGH_GUARDIAN)
    assert (
        "如您对上述款项有异议，请于上述期限内与我方联系并提供相应依据。上述《借款合同》经追认而"
        "张伟逾期仍未清偿的，我方将依法向有管辖权的人民法院提起诉讼，要求张伟清偿，相关诉讼费用将"
        "依法主张由张伟承担；上述《借款合同》未获追认（包括您逾期未作表示）而确定不发生效力的，"
        f"张伟应当返还我方已交付的借款人民币100,000.00元（{CODE}第一百五十七条），请您作为张伟的"
        "法定代理人，代理张伟以其本人的财产于追认期间届满之日起7个工作日内返还。"
    ) in printed
    # the guardian owes nothing of its own: never late itself (民法典 arts. 34, 35)
    assert "您逾期仍未付款" not in printed
    # the call to ratify says what silence means; what follows it is said once, above
    assert printed.count("返还我方已交付的借款") == 1


@pytest.mark.parametrize(
    ("deadline", "printed_as"),
    [
        ({"days": 30, "kind": "calendar"}, "收到本函之日起30日内"),
        ({"days": SURE_WORKDAYS, "kind": "working"}, f"收到本函之日起{SURE_WORKDAYS}个工作日内"),
        ({"days": 40, "kind": "working"}, "收到本函之日起40个工作日内"),
    ],
)
def test_a_deadline_that_cannot_end_before_the_thirty_days_is_kept(deadline, printed_as):
    data = _with_deadline(THROUGH_GUARDIAN, counted_from="receipt", **deadline)
    assert "deadline_before_ratification" not in _codes("demand_letter", data)
    assert f"代理张伟以其本人的财产清偿，于{printed_as}，将上述款项合计" in (
        printed_copy("demand_letter", data)
    )


@pytest.mark.parametrize(
    "deadline",
    [{"days": 29, "kind": "calendar"}, {"days": SURE_WORKDAYS - 1, "kind": "working"}],
)
def test_a_deadline_that_may_end_before_the_thirty_days_is_replaced(deadline):
    data = _with_deadline(THROUGH_GUARDIAN, counted_from="receipt", **deadline)
    assert "deadline_before_ratification" in _codes("demand_letter", data)
    assert "以其本人的财产清偿，于收到本函之日起三十日内，将上述款项合计" in printed_copy(
        "demand_letter", data
    )


def test_a_deadline_counted_from_the_letter_date_counts_from_the_receipt_instead():
    # the thirty days run from the guardian's receipt, which the letter date does not tell
    data = _with_deadline(THROUGH_GUARDIAN, days=45, kind="calendar", counted_from="letter_date")
    warning = _codes("demand_letter", data)["deadline_before_ratification"]
    assert "付款期限「发函之日起45日内」" in warning.message
    assert "函件已改为自收到本函之日起45日内付款" in warning.message
    printed = printed_copy("demand_letter", data)
    assert "以其本人的财产清偿，于收到本函之日起45日内，将上述款项合计" in printed
    assert "本函出具之日" not in printed


def test_without_a_call_to_ratify_the_deadline_is_the_users():
    data = unasked_case("demand_letter", "minor_debtor_without_guardian")  # no one to ask
    printed = printed_copy("demand_letter", data)
    assert "deadline_before_ratification" not in _codes("demand_letter", data)
    assert "经追认" not in printed
    assert "现特函告您：上述《借款合同》有效的，请于收到本函之日起7个工作日内" in printed


def test_sure_workdays_always_end_no_earlier_than_thirty_days():
    """SURE_WORKDAYS working days from any day end no earlier than the thirty days from
    it (art. 203 moving their end off a rest day), on the official calendar and on the
    fallback after it; one fewer does not."""
    first, last = calendar_coverage()
    day = date(first, 1, 1)
    while day <= date(last + 3, 12, 31):
        working = working_day_deadline(day, SURE_WORKDAYS).due
        assert working >= calendar_day_deadline(day, 30).due, day
        day += timedelta(days=1)
    # a day exists where one working day fewer ends before the thirty days
    assert any(
        working_day_deadline(d, SURE_WORKDAYS - 1).due < calendar_day_deadline(d, 30).due
        for d in (date(2004, 10, 7) + timedelta(days=n) for n in range(3))
    )


# --- the guarantor's copy ---------------------------------------------------------


def test_a_guarantors_copy_says_the_contract_awaits_ratification():
    printed = printed_copy("demand_letter", WITH_GUARANTOR, 1)
    assert (
        "张伟于2025年1月10日签订上述《借款合同》时为14周岁的未成年人，该合同经其法定代理人同意"
        f"或者追认后有效（{CODE}第十九条、第一百四十五条第一款），我方已于2026年11月20日另函（编号：CS-2026-0158-1）"
        "催告其法定代理人自收到催告之日起三十日内予以追认（第一百四十五条第二款）。"
    ) in printed
    # not the call itself, made to the guardian alone
    assert "现依照" not in printed


def test_a_joint_guarantor_pays_if_ratified_by_a_deadline_it_can_know():
    # counted from its own receipt, and from the notice of a ratification that comes
    # after that deadline: not from the debtor's receipt, nor the guardian's, from which
    # the ratification period runs (民法典 art. 145(2)) and which the guarantor cannot know
    printed = printed_copy("demand_letter", WITH_GUARANTOR, 1)
    assert (
        "现特函告您：上述《借款合同》经追认的，请于收到本函之日起三十日内（届时该合同尚未获"
        "追认的，于收到我方关于其已获追认的通知之日起7个工作日内），将上述款项合计"
        "人民币112,242.38元"
    ) in printed
    assert "张伟收到" not in printed and "同日向其发出" not in printed
    assert (
        "上述《借款合同》经追认而您逾期仍未付款的，我方将依法向有管辖权的人民法院提起诉讼，"
        "相关诉讼费用将依法主张由您承担；上述《借款合同》未获追认（包括法定代理人逾期未作表示）"
        "而确定不发生效力的，保证合同作为其从合同随之不发生效力（《中华人民共和国民法典》"
        "第六百八十二条第一款），您有过错的，我方将依法要求您按照过错承担相应的民事责任"
        "（第六百八十二条第二款）。"
    ) in printed
    # restitution is the ward's, not the guarantor's
    assert "返还" not in printed
    # the receipt: the debt confirmed, and the liability, if the contract is ratified
    assert (
        "本人已收到贵方于2026年11月20日出具的《催款函》（编号：CS-2026-0158-2）。张伟签订的"
        "《借款合同》经其法定代理人追认的，本人确认截至2026年10月31日张伟尚欠贵方款项合计"
        "人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分），不含2026年10月31日之后"
        "按本函所述方法继续计算的款项，并对该债务承担连带保证责任。"
    ) in printed
    assert "，确认截至" not in printed


def test_a_general_guarantors_notice_waits_on_ratification_too():
    data = load_fixture("demand_letter", "valid", "minor_debtor_with_general_guarantor")
    printed = printed_copy("demand_letter", data, 1)
    assert (
        "现将上述款项情况通知您。我方已于2026年11月20日另函（编号：CS-2026-0158-1）要求张伟清偿上述款项。上述《借款合同》"
        "经追认而张伟未按该函要求清偿上述款项的，我方将依法向有管辖权的人民法院提起诉讼"
    ) in printed
    assert "张伟收到" not in printed
    # what follows a refusal for the guarantee, before the call to object
    assert (
        "我方将依法要求您承担保证责任。上述《借款合同》未获追认（包括法定代理人逾期未作表示）"
        "而确定不发生效力的，保证合同作为其从合同随之不发生效力"
    ) in printed
    assert "上述债务" not in printed
    # its receipt confirms the debt on the same condition, and no liability
    assert (
        "（编号：CS-2026-0158-2）。张伟签订的《借款合同》经其法定代理人追认的，本人确认截至"
        "2026年10月31日张伟尚欠贵方款项合计人民币112,242.38元"
    ) in printed
    assert "保证责任。保证人" not in printed


# --- the lawyer letter ------------------------------------------------------------


def test_the_firm_asks_for_payment_if_ratified_within_the_thirty_days():
    assert _codes("lawyer_letter", FIRM)["deadline_before_ratification"].loc == ("deadline",)
    printed = printed_copy("lawyer_letter", FIRM)
    assert (
        "本所律师郑重提请您：上述《借款合同》经追认的，请您作为张伟的法定代理人，代理张伟以其本人的"
        "财产清偿，于收到本函之日起三十日内，将上述款项合计"
    ) in printed
    assert (
        "上述《借款合同》经追认而张伟逾期仍未清偿的，本所将建议委托人依法向有管辖权的人民法院"
        "提起诉讼，要求张伟清偿，相关诉讼费用将依法主张由张伟承担；上述《借款合同》未获追认（包括"
        "您逾期未作表示）而确定不发生效力的，张伟应当返还委托人已交付的借款人民币100,000.00元"
        f"（{CODE}第一百五十七条），请您作为张伟的法定代理人，代理张伟以其本人的财产于追认期间届满之日起10日"
        "内返还。"
    ) in printed
    # the deadline typed counted ten days from the letter date: no date is printed
    assert "前（含当日" not in printed


def test_the_firms_copy_to_the_guarantor_waits_on_ratification():
    printed = printed_copy("lawyer_letter", FIRM, 1)
    assert "本所受委托人委托，已于2026年11月20日另函催告其法定代理人" in printed
    assert (
        "本所律师郑重提请您：上述《借款合同》经追认的，请于收到本函之日起三十日内（届时该合同"
        "尚未获追认的，于收到本所关于其已获追认的通知之日起10日内）"
    ) in printed
    assert "张伟收到" not in printed


# --- a guarantor of a void main contract ------------------------------------------


@pytest.mark.parametrize(
    ("type_name", "data"),
    [("demand_letter", VOID_GUARANTEE), ("lawyer_letter", FIRM_VOID_GUARANTEE)],
)
def test_a_letter_to_the_guarantor_of_a_void_contract_is_refused(type_name, data):
    errors = [p for p in _problems(type_name, data) if p.severity == "error"]
    assert [(e.loc, e.code) for e in errors] == [(("guarantors", 0), "guarantee_of_void_contract")]
    message = errors[0].message
    assert "主债权债务合同无效的，保证合同无效（第六百八十二条第一款）" in message
    assert "不得向保证人刘芳发函要求其承担保证责任" in message
    assert "不超过债务人不能清偿部分的三分之一" in message
    assert (
        "《最高人民法院关于适用〈中华人民共和国民法典〉有关担保制度的解释》第十七条第二款"
    ) in message
    assert "请删除该保证人" in (errors[0].hint or "")


def test_without_the_guarantor_the_void_contracts_letter_is_made():
    data = copy.deepcopy(VOID_GUARANTEE)
    data["guarantors"], data["guarantees"] = [], []
    printed = printed_copy("demand_letter", data)
    assert "保证" not in printed
    assert "张伟因该合同取得的财产应当予以返还" in printed
