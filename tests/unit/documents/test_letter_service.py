"""A letter says how it is served when the case holds the method and address: each copy
at its own recipient's address, the debtor's at the service address the case gives
(民法典 arts. 137(2), 195(1): a demand works once it reaches the debtor)."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

SERVED = load_fixture("demand_letter", "valid", "served_by_ems")
EMAILED = load_fixture("demand_letter", "invalid", "emailed_to_guarantors")
BY_HAND = load_fixture("lawyer_letter", "valid", "served_by_hand")
TO_COURT = load_fixture("firm_letter", "valid", "sent_by_registered_mail")


def test_each_copy_names_how_and_where_it_is_sent():
    debtor = printed_copy("demand_letter", SERVED, 0)
    guarantor = printed_copy("demand_letter", SERVED, 1)
    assert (
        "本函以EMS（邮政特快专递）寄送至您的地址：北京市东城区东四十条街道南新仓小区5号楼2单元"
        "301室（合同约定的送达地址）。\n邮件单号：＿＿＿＿＿＿＿＿＿＿＿＿\n特此函告。"
    ) in debtor
    own = "广东省深圳市南山区科技园南区深南大道9988号"
    # each posted copy has its own waybill: a blank the clerk fills in
    assert f"本函以EMS（邮政特快专递）寄送至您的地址：{own}。\n邮件单号：＿＿＿＿" in guarantor


def test_a_lawyer_letter_handed_over_and_a_firms_letter_posted_to_the_court():
    home = "北京市东城区东四十条街道南新仓小区5号楼2单元301室"
    by_hand = printed_copy("lawyer_letter", BY_HAND)
    assert f"本函由本所直接送交您（地址：{home}）。" in by_hand
    assert "邮件单号" not in by_hand  # handed over: no waybill
    to_court = printed_copy("firm_letter", TO_COURT)
    assert "本函以挂号信寄送贵院，收件地址：北京市东城区人民法院立案庭。" in to_court
    assert "贵院的地址" not in to_court


def test_a_firms_letter_names_where_the_court_receives_it_however_it_is_sent():
    """A court is written to at the place the firm sends the letter (its filing division,
    its mailbox), not at 「贵院的地址」; a letter to a debtor keeps 「寄送至您的地址」."""
    place = "北京市东城区人民法院立案庭"
    expected = {
        "ems": f"本函以EMS（邮政特快专递）寄送贵院，收件地址：{place}。",
        "by_hand": f"本函由本所直接递交贵院（递交地点：{place}）。",
        "email": "本函以电子邮件发送至贵院电子邮箱：lian@bjdcfy.example.cn。",
    }
    for method, sentence in expected.items():
        data = copy.deepcopy(TO_COURT)
        data["service"]["method"] = method
        if method == "email":
            data["service"]["address"] = "lian@bjdcfy.example.cn"
        assert sentence in printed_copy("firm_letter", data)
    bare = copy.deepcopy(TO_COURT)
    del bare["service"]["address"]
    assert "本函以挂号信寄送贵院。\n" in printed_copy("firm_letter", bare)


def test_a_letter_without_the_service_says_nothing_of_it():
    data = copy.deepcopy(SERVED)
    del data["service"]
    assert "本函以" not in printed_copy("demand_letter", data)


def test_email_needs_an_address_and_is_not_for_letters_to_guarantors():
    doc = registry.get("demand_letter")
    errors = doc.evaluate(doc.parse(EMAILED), RuleOptions()).errors
    assert {(e.loc, e.code) for e in errors} >= {
        (("service", "address"), "missing"),
        (("service", "method"), "email_to_guarantors"),
    }
