"""The copies of one letter to a debtor and its guarantors name each other rightly: each
prints its own number (…第88-2号), a guarantor's names the number of the letter sent to
the debtor, and the 抄送 line is alike in every copy but for its own addressee."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.lawyer_letter import resolve
from docgen.profiles.model import SenderProfile
from tests.support import load_fixture, printed_copy

DEMAND_NOTICE = load_fixture("demand_letter", "valid", "general_guarantor_notice")
DEMAND_MINOR = load_fixture("demand_letter", "valid", "minor_debtor_with_guarantor")
LAWYER = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
LAWYER_MINOR = load_fixture("lawyer_letter", "valid", "minor_debtor_with_guarantor")
UNNUMBERED = load_fixture("demand_letter", "invalid", "copies_without_a_number")


def _lines(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


class _Series:
    def __init__(self) -> None:
        self.drawn = 0

    def profile(self, profile_id: int) -> SenderProfile:
        raise AssertionError("no profile")

    def next_letter_number(self, series: str, year: int) -> int:
        self.drawn += 1
        return self.drawn


def test_a_general_guarantors_notice_names_the_number_of_the_debtors_letter():
    text = printed_copy("demand_letter", DEMAND_NOTICE, 1)
    assert "编号：CS-2026-0158-2" in text
    assert "我方已于2026年11月20日另函（编号：CS-2026-0158-1）要求张伟清偿上述债务。" in text


def test_a_guarantors_copy_names_the_debtors_letter_that_asked_for_ratification():
    text = printed_copy("demand_letter", DEMAND_MINOR, 1)
    assert "另函（编号：CS-2026-0158-1）催告其法定代理人" in text
    doc = registry.get("lawyer_letter")
    guarantor = resolve(doc.split(doc.parse(LAWYER_MINOR))[1], _Series(), True)
    context = doc.build_context(guarantor, doc.evaluate(guarantor, RuleOptions()))
    assert context["letter_number"] == "（2026）京明正律函字第1-2号"
    assert "另以（2026）京明正律函字第1-1号函催告其法定代理人" in context["facts"]


def test_copies_numbered_from_the_series_share_one_number_and_name_each_other():
    doc = registry.get("lawyer_letter")
    data = copy.deepcopy(LAWYER)
    del data["letter_number"]
    series = _Series()
    copies = [resolve(c, series, True) for c in doc.split(doc.parse(data))]
    numbers = [c.letter_number for c in copies]
    assert numbers == ["（2026）京明正律函字第1-1号", "（2026）京明正律函字第1-2号"]
    assert series.drawn == 1  # one number of the series for the letter
    notice = copy.deepcopy(data)
    notice["guarantees"][0].update({"type": "general"})
    notice["deadline"] = {"kind": "working", "days": 5, "counted_from": "receipt"}
    guarantor = resolve(doc.split(doc.parse(notice))[1], _Series(), True)
    context = doc.build_context(guarantor, doc.assess(guarantor, RuleOptions()))
    assert (
        "另以（2026）京明正律函字第1-1号函要求福州闽江建材有限公司清偿"
        in (context["deadline"]["debtor_letter"])
    )


def _under_signature(type_name: str, data: Any, lead: str) -> list[str]:
    count = 1 + len(data["guarantors"])
    return [_lines(printed_copy(type_name, data, i), lead)[0] for i in range(count)]


def test_each_copy_names_the_other_recipients_as_sent_apart_and_the_note_as_copied():
    data = copy.deepcopy(LAWYER)
    second = copy.deepcopy(data["guarantors"][0])
    second.update({"name": "王强", "id_number": "440524188001010014", "sex": "男"})
    data["guarantors"].append(second)
    data["guarantees"].append(copy.deepcopy(data["guarantees"][0]))
    data["cc_note"] = "本函同时抄送：保证人刘芳、委托人深圳市恒信商贸有限公司"
    # each recipient got a letter of its own (a guarantor's leaves out what the debtor's
    # says of capacity), so none is said to be copied to another
    assert _under_signature("lawyer_letter", data, "另函致：") == [
        "另函致：保证人刘芳；保证人王强",
        "另函致：债务人福州闽江建材有限公司；保证人王强",
        "另函致：债务人福州闽江建材有限公司；保证人刘芳",
    ]
    assert (
        _under_signature("lawyer_letter", data, "抄送：")
        == ["抄送：委托人深圳市恒信商贸有限公司"] * 3
    )
    assert _under_signature("demand_letter", DEMAND_NOTICE, "另函致：") == [
        "另函致：保证人刘芳",
        "另函致：债务人张伟",
    ]
    assert not _lines(printed_copy("demand_letter", DEMAND_NOTICE, 0), "抄送")


def test_a_letter_to_the_debtor_alone_is_copied_only_as_its_note_says():
    data = copy.deepcopy(LAWYER)
    data["guarantors"], data["guarantees"] = [], []
    assert not _lines(printed_copy("lawyer_letter", data), "抄送")
    data["cc_note"] = "委托人深圳市恒信商贸有限公司"
    assert _lines(printed_copy("lawyer_letter", data), "抄送") == [
        "抄送：委托人深圳市恒信商贸有限公司"
    ]


def test_a_demand_letter_to_several_recipients_needs_its_number():
    doc = registry.get("demand_letter")
    errors = doc.evaluate(doc.parse(UNNUMBERED), RuleOptions()).errors
    (error,) = [e for e in errors if e.loc == ("letter_number",)]
    assert error.code == "missing"
    assert "致保证人的函件据此写明致债务人的函件编号" in error.message


def test_a_wards_copy_is_named_as_sent_to_the_guardian_it_was_addressed_to():
    data = load_fixture("demand_letter", "valid", "minor_debtor_with_guarantor")
    debtors = printed_copy("demand_letter", data, 0)
    assert "致：张伟（法定代理人：张建国）" in debtors and "张建国先生：" in debtors
    assert _under_signature("demand_letter", data, "另函致：") == [
        "另函致：保证人刘芳",
        "另函致：债务人张伟之法定代理人张建国",
    ]


def test_an_adults_guardian_is_not_named_to_the_guarantor():
    # a guardian of an adult tells of a finding of capacity, which the guarantor's copy
    # leaves out (PIPL art. 28)
    data = load_fixture("lawyer_letter", "valid", "debtor_without_capacity_with_guarantor")
    assert "另函致：债务人张伟\n" in printed_copy("lawyer_letter", data, 1) + "\n"
