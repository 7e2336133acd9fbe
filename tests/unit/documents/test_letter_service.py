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
        "301室（合同约定的送达地址）。\n特此函告。"
    ) in debtor
    own = "广东省深圳市南山区科技园南区深南大道9988号"
    assert f"本函以EMS（邮政特快专递）寄送至您的地址：{own}。" in guarantor


def test_a_lawyer_letter_handed_over_and_a_firms_letter_posted_to_the_court():
    home = "北京市东城区东四十条街道南新仓小区5号楼2单元301室"
    assert f"本函由本所直接送交您（地址：{home}）。" in printed_copy("lawyer_letter", BY_HAND)
    assert "本函以挂号信寄送至贵院的地址：北京市东城区人民法院立案庭。" in printed_copy(
        "firm_letter", TO_COURT
    )


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
