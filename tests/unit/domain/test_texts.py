"""The strings of nested case data, with and without the path of the field holding each."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from decimal import Decimal
from enum import StrEnum

from docgen.domain.texts import plain_strings, strings


class Kind(StrEnum):
    PERSON = "person"


CASE = {
    "debtor": {"name": "张三", "kind": Kind.PERSON, "age": 40, "minor": False, "note": None},
    "amounts": {"principal": Decimal("1000.00"), "items": [{"label": "利息", "value": 1.5}]},
    "letter_date": date(2026, 11, 20),
    "lines": ("第一行", ["第二行", ("第三行",)]),
    "ordered": OrderedDict([("b", "乙"), ("a", "甲")]),
    "title": "催款函",
}


def test_strings_give_each_text_with_its_field():
    assert list(strings(CASE)) == [
        (("debtor", "name"), "张三"),
        (("debtor", "kind"), "person"),
        (("amounts", "items", 0, "label"), "利息"),
        (("lines", 0), "第一行"),
        (("lines", 1, 0), "第二行"),
        (("lines", 1, 1, 0), "第三行"),
        (("ordered", "b"), "乙"),
        (("ordered", "a"), "甲"),
        (("title",), "催款函"),
    ]


def test_strings_with_scalars_print_numbers_and_dates_but_not_none_or_booleans():
    printed = dict(strings(CASE, scalars=True))
    assert printed[("debtor", "age")] == "40"
    assert printed[("amounts", "principal")] == "1000.00"
    assert printed[("amounts", "items", 0, "value")] == "1.5"
    assert printed[("letter_date",)] == "2026-11-20"
    assert ("debtor", "minor") not in printed
    assert ("debtor", "note") not in printed


def test_plain_strings_are_the_strings_without_their_fields():
    assert plain_strings(CASE) == [text for _, text in strings(CASE)]
    assert plain_strings("催款函") == ["催款函"]
    assert plain_strings(None) == []
