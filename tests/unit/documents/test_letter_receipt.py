"""The demand letter's receipt confirms the debt, which restarts the limitation period
(民法典 art. 195): a debtor without full capacity on the letter's date signs it only
through the legal representative (arts. 19, 22, 145(1); void without capacity, art. 144),
so without a guardian the receipt is refused at ``include_receipt``, and with one the
guardian signs it for the ward (docs/legal-rules.md, Guardians)."""

from __future__ import annotations

import copy
from typing import Any

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

OPTIONS = RuleOptions(calendar_fallback=True)
REFUSED = load_fixture("demand_letter", "invalid", "receipt_from_a_debtor_with_limited_capacity")
FATHER = {"name": "张建国", "relation": "father", "address": "北京市东城区东四十条街道1号"}


def _errors(data: Any) -> dict[str, Any]:
    doc_type = registry.get("demand_letter")
    return {p.code: p for p in doc_type.evaluate(doc_type.parse(data), OPTIONS).errors}


def test_a_debtor_of_limited_capacity_without_a_guardian_signs_no_receipt():
    error = _errors(REFUSED)["receipt_without_guardian"]
    assert error.loc == ("include_receipt",)
    assert (
        "债务人张伟现为限制民事行为能力人：回执确认欠款，是同意履行债务、使诉讼时效重新计算的"
        in (error.message)
    )
    assert "第一百九十五条" in error.message and "第一百四十五条第一款" in error.message
    assert "回执将由其作为法定代理人代为签署；或取消「附回执」" in (error.hint or "")


def test_the_same_letter_without_the_receipt_goes_out():
    data = copy.deepcopy(REFUSED)
    data["include_receipt"] = False
    assert _errors(data) == {}
    assert "回执" not in printed_copy("demand_letter", data)


def test_a_debtor_without_capacity_is_refused_the_receipt_too():
    data = copy.deepcopy(REFUSED)
    data["debtor"]["capacity"] = "none"
    assert "债务人张伟现为无民事行为能力人" in _errors(data)["receipt_without_guardian"].message


def test_with_a_guardian_named_the_guardian_signs_the_receipt_for_the_ward():
    data = copy.deepcopy(REFUSED)
    data["debtor"]["guardian"] = copy.deepcopy(FATHER)
    # an adult ward's letter to the guardian names the court's finding (民法典 art. 24)
    data["capacity_finding"] = {
        "court": "北京市东城区人民法院",
        "case_number": "（2025）京0101民特88号",
    }
    data["capacity_found_on"] = "2025-09-01"
    assert "receipt_without_guardian" not in _errors(data)
    printed = printed_copy("demand_letter", data)
    assert (
        "本人作为张伟的法定代理人，已收到贵方于2026年11月20日出具的《催款函》（编号：CS-2026-0158），"
        "代理张伟确认截至2026年10月31日张伟尚欠贵方款项合计人民币112,242.38元"
    ) in printed
    assert "法定代理人签字并按手印" in printed


def test_a_capable_debtor_signs_the_own_receipt():
    data = load_fixture("demand_letter", "valid", "person_debtor")
    assert "receipt_without_guardian" not in _errors(data)
    assert "本人已收到贵方于" in printed_copy("demand_letter", data)


def test_the_receipt_says_where_to_send_it_back_after_the_signature():
    from tests.support import load_fixture, printed_copy

    data = load_fixture("demand_letter", "valid", "interest_at_the_cap")
    printed = printed_copy("demand_letter", data)
    back = (
        "请签署后寄回：广东省深圳市福田区福华三路88号财富大厦12层（李静收，联系电话："
        "0755-83216688）。"
    )
    assert printed.endswith("\n" + back)
    assert printed.index("回执") < printed.index("签字并按手印") < printed.index(back)
