"""The preservation application's exhibits, listed as the payment order lists them: a table
with each source and purpose, and their count in the 附 (one declaration: filed_exhibits);
none listed, no table and 「相关证据材料」 uncounted."""

from __future__ import annotations

import copy

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.web.formspec import form_spec
from tests.support import load_fixture, printed_copy

DOC = registry.get("preservation_application")


def _data(name: str) -> dict:
    return copy.deepcopy(load_fixture("preservation_application", "valid", name))


def _warnings(data: dict) -> list[tuple[tuple, str]]:
    """The warnings on the exhibits: the applicant's service address, which these samples
    leave out, is test_preservation_application.py's."""
    result = DOC.evaluate(DOC.parse(data), RuleOptions())
    assert result.errors == []
    return [(w.loc, w.code) for w in result.warnings if w.code != "service_address_missing"]


def test_listed_exhibits_are_a_table_after_the_reasons_and_counted_in_the_papers_filed():
    text = printed_copy("preservation_application", _data("in_suit_with_exhibits"))
    table = (
        "证据：\n序号\n证据名称\n证据来源\n证明目的\n"
        "1\n借条\n申请人持有\n证明被申请人王磊向申请人借款180,000元及还款期限\n"
        "2\n银行转账凭证\n中国工商银行出具\n证明申请人已向被申请人交付借款\n"
        "3\n欠款确认书\n申请人持有\n证明被申请人于2026年10月8日书面确认欠款数额\n担保："
    )
    assert table in text
    assert text.index("事实与理由：") < text.index("证据：") < text.index("担保：")
    assert "附：\n1．本申请书副本1份；\n2．证据材料3份。\n" in text
    assert "相关证据材料" not in text


def test_the_count_is_the_payment_orders_and_follows_the_list():
    data = _data("in_suit_with_exhibits")
    data["evidence"] = data["evidence"][:1]
    assert "附：\n1．本申请书副本1份；\n2．证据材料1份。\n" in printed_copy(
        "preservation_application", data
    )
    order = load_fixture("payment_order", "valid", "person_principal_and_interest")
    assert "2．证据材料3份；\n" in printed_copy("payment_order", order)


def test_without_exhibits_there_is_no_table_and_the_evidence_goes_uncounted():
    text = printed_copy("preservation_application", _data("in_suit_no_security"))
    assert "证据：" not in text and "序号\n证据名称" not in text
    assert "附：\n1．本申请书副本1份；\n2．相关证据材料。\n" in text


def test_an_exhibit_without_its_source_or_purpose_is_warned_a_blank_column_left_out():
    data = _data("exhibits_without_source_or_purpose")
    assert _warnings(data) == [
        (("evidence", 0, "source"), "source_missing"),
        (("evidence", 0, "purpose"), "purpose_missing"),
        (("evidence", 1, "purpose"), "purpose_missing"),
    ]
    text = printed_copy("preservation_application", data)
    # a source given for one exhibit keeps its column, its blank cell blank; no purpose
    # given for any, the column is left out
    assert "序号\n证据名称\n证据来源\n1\n借条\n\n2\n银行转账凭证\n中国工商银行出具\n担保：" in text
    assert "证明目的" not in text


def test_an_exhibit_typed_as_its_name_alone_is_the_exhibit_of_that_name():
    data = _data("in_suit_no_security")
    data["evidence"] = ["借条"]
    assert _warnings(data) == [
        (("evidence", 0, "source"), "source_missing"),
        (("evidence", 0, "purpose"), "purpose_missing"),
    ]
    assert "2．证据材料1份。" in printed_copy("preservation_application", data)


def test_the_form_asks_for_each_exhibits_name_source_and_purpose():
    spec = form_spec(DOC.model.model_json_schema(), DOC.title)
    evidence = next(f for f in spec["fields"] if f["name"] == "evidence")
    assert (evidence["title"], evidence["required"], evidence["max"]) == ("证据", False, 30)
    item = evidence["item"]
    assert [(f["name"], f["title"]) for f in item["fields"]] == [
        ("name", "证据名称"),
        ("source", "证据来源"),
        ("purpose", "证明目的"),
    ]
    payment = form_spec(registry.get("payment_order").model.model_json_schema(), "支付令申请书")
    ordered = next(f for f in payment["fields"] if f["name"] == "evidence")
    assert ordered["item"]["fields"] == item["fields"]  # one model for both
