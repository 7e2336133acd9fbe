"""The lawyer letter's rules: the firm, its lawyer, the number, the parties, the deadline."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.lawyer_letter import letter_number, resolve
from docgen.documents.problems import CaseInvalid
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound
from tests.support import load_fixture

DOC = registry.get("lawyer_letter")
BASE = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
GUARANTEED = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")


class FakeResources:
    def __init__(self) -> None:
        self.profiles = {7: SenderProfile.model_validate(BASE["sender"])}
        self.counters: dict[tuple[str, int], int] = {}

    def profile(self, profile_id: int) -> SenderProfile:
        if profile_id not in self.profiles:
            raise ProfileNotFound(profile_id)
        return self.profiles[profile_id]

    def next_letter_number(self, series: str, year: int) -> int:
        self.counters[(series, year)] = self.counters.get((series, year), 0) + 1
        return self.counters[(series, year)]


def _assess(data, resources=None):
    case = DOC.parse(data)
    if resources is not None:
        case = resolve(case, resources, False)
    return DOC.assess(case, RuleOptions())


def _by_profile():
    data = copy.deepcopy(BASE)
    del data["sender"]
    data["sender_profile_id"] = 7
    return data


def test_letter_number_has_the_customary_form():
    assert letter_number(2026, "京明正", 12) == "（2026）京明正律函字第12号"


def test_working_day_deadline_is_computed_from_the_letter_date():
    # 2026-11-20 is a Friday: five workdays are Nov 23-27
    assert _assess(BASE).computed["deadline"].due == date(2026, 11, 27)


def test_profile_supplies_the_firm_and_numbers_count_up_per_prefix_and_year():
    resources = FakeResources()
    case = resolve(DOC.parse(_by_profile()), resources, True)
    assert case.sender is not None and case.sender.name == "北京明正律师事务所"
    assert case.letter_number == "（2026）京明正律函字第1号"
    again = resolve(DOC.parse(_by_profile()), resources, True)
    assert again.letter_number == "（2026）京明正律函字第2号"
    assert DOC.assess(case, RuleOptions()).errors == []


def test_validation_does_not_use_up_a_number():
    resources = FakeResources()
    case = resolve(DOC.parse(_by_profile()), resources, False)
    assert case.letter_number is None and resources.counters == {}


def test_a_given_letter_number_is_kept():
    resources = FakeResources()
    case = resolve(DOC.parse(GUARANTEED), resources, True)
    assert case.letter_number == "（2026）京明正律函字第88号"
    assert resources.counters == {}


def test_unknown_profile_is_an_error_on_the_profile_id():
    data = _by_profile()
    data["sender_profile_id"] = 99
    try:
        resolve(DOC.parse(data), FakeResources(), False)
    except CaseInvalid as exc:
        assert [(p.loc, p.code) for p in exc.problems] == [
            (("sender_profile_id",), "profile_not_found")
        ]
        assert "99" in exc.problems[0].message
    else:
        raise AssertionError("an unknown profile must be refused")


def test_profile_without_a_lawyer_is_reported_on_the_profile_id():
    resources = FakeResources()
    details = dict(BASE["sender"])
    del details["lawyer_name"]
    resources.profiles[7] = SenderProfile.model_validate(details)
    problems = _assess(_by_profile(), resources).errors
    assert [(p.loc, p.code) for p in problems] == [(("sender_profile_id",), "missing")]
    assert "承办律师" in problems[0].message


def test_a_creditor_profile_cannot_issue_a_lawyer_letter():
    data = copy.deepcopy(BASE)
    data["sender"]["kind"] = "creditor"
    (problem,) = _assess(data).errors
    assert problem.code == "not_a_law_firm" and "律师事务所" in problem.message


def test_guarantor_must_differ_from_client_and_debtor():
    data = copy.deepcopy(GUARANTEED)
    data["guarantors"].append(copy.deepcopy(data["client"]))
    data["guarantees"].append(copy.deepcopy(data["guarantees"][0]))
    assert [p.loc for p in _assess(data).errors] == [("guarantors", 1)]


def test_copies_are_addressed_to_the_debtor_then_each_guarantor():
    case = DOC.parse(GUARANTEED)
    copies = DOC.split(case)
    assert [c.recipient.name for c in copies] == ["福州闽江建材有限公司", "刘芳"]
    assessment = DOC.assess(case, RuleOptions())
    to_guarantor = DOC.build_context(copies[1], assessment)
    assert to_guarantor["recipient"]["salutation"] == "刘芳女士"
    assert "您为上述债务提供连带责任保证" in to_guarantor["facts"]
    assert to_guarantor["owes"] == "福州闽江建材有限公司"
    to_debtor = DOC.build_context(copies[0], assessment)
    assert "保证人" not in to_debtor["facts"] and to_debtor["owes"] == "贵司"


def test_the_guarantors_article_is_explained_once_where_the_legal_basis_states_it():
    data = copy.deepcopy(GUARANTEED)
    data["legal_basis"] += (
        "；第六百八十八条规定，连带责任保证的债务人不履行到期债务时，债权人可以请求债务人"
        "履行债务，也可以请求保证人在其保证范围内承担保证责任"
    )
    case = DOC.parse(data)
    context = DOC.build_context(DOC.split(case)[1], DOC.assess(case, RuleOptions()))
    # the letter's legal basis states 民法典 art. 688: the facts only state the guarantee
    assert context["facts"].endswith(
        "您为上述债务提供连带责任保证（2025年3月1日签订的《保证合同》）。"
        "委托人已于2026年3月2日在保证期间内请求您承担保证责任（《中华人民共和国民法典》"
        "第六百九十三条第二款）。"
    )
    printed = context["facts"] + context["legal_basis"]
    assert printed.count("第六百八十八条") == 1


def test_the_guarantors_article_is_explained_where_the_legal_basis_is_silent_on_it():
    case = DOC.parse(GUARANTEED)  # its basis states the sale's articles, not art. 688
    debtor, guarantor = (
        DOC.build_context(copy, DOC.assess(case, RuleOptions())) for copy in DOC.split(case)
    )
    assert (
        "您为上述债务提供连带责任保证（2025年3月1日签订的《保证合同》）。"
        "依照《中华人民共和国民法典》第六百八十八条，福州闽江建材有限公司不履行到期债务的，"
        "委托人可以请求您在保证范围内承担保证责任" in guarantor["facts"]
    )
    # the debtor's copy speaks of the debtor's own obligation only
    assert "第六百八十八条" not in debtor["facts"] + debtor["legal_basis"]


def test_the_firm_states_the_facts_with_the_creditor_as_its_client_not_as_we():
    facts = DOC.build_context(DOC.parse(BASE), _assess(BASE))["facts"]
    assert "委托人已于2025年1月10日通过银行转账向您出借人民币100,000元" in facts
    assert "我方" not in facts


def test_default_legal_basis_cites_the_loan_articles_for_a_loan():
    context = DOC.build_context(DOC.parse(BASE), _assess(BASE))
    assert "第六百七十五条" in context["legal_basis"]


def test_each_copy_of_a_given_number_prints_its_own_number():
    # the debtor and the guarantor each receive a letter of their own: one number each
    copies = DOC.split(DOC.parse(GUARANTEED))
    numbers = [DOC.build_context(c, _assess(GUARANTEED))["letter_number"] for c in copies]
    assert numbers == ["（2026）京明正律函字第88-1号", "（2026）京明正律函字第88-2号"]
    assert [c.recipient.name for c in copies] == ["福州闽江建材有限公司", "刘芳"]


def test_copies_numbered_from_the_series_share_one_number_each_with_its_suffix():
    data = _by_profile()
    data["guarantors"] = copy.deepcopy(GUARANTEED["guarantors"])
    data["guarantees"] = copy.deepcopy(GUARANTEED["guarantees"])
    resources = FakeResources()
    case = resolve(DOC.parse(data), resources, False)
    numbers = [resolve(c, resources, True).letter_number for c in DOC.split(case)]
    # one number of the series for the letter, each copy its own -1, -2 of it
    assert numbers == ["（2026）京明正律函字第1-1号", "（2026）京明正律函字第1-2号"]


def test_a_letter_to_the_debtor_alone_keeps_the_number_given():
    data = copy.deepcopy(GUARANTEED)
    data["guarantors"], data["guarantees"] = [], []
    (only,) = DOC.split(DOC.parse(data))
    assert only.letter_number == "（2026）京明正律函字第88号"
