"""Names are blanked out of a scanned text as one replacement after the other would."""

from __future__ import annotations

import random

from docgen.documents.compliance import load_terms
from docgen.documents.exempt_names import ExemptNames


def one_after_the_other(names: list[str], text: str) -> str:
    for name in names:
        if name:
            text = text.replace(name, "|")
    return text


def test_overlapping_names_are_blanked_longest_first_as_listed():
    names = ["三丰公司", "张三丰", "张三"]
    assert ExemptNames(names).blank("张三丰公司的张三") == "张|的|"


def test_random_names_and_texts_give_the_sequential_result():
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not a secret
    alphabet = "张三丰李四公司北京市6|垃圾清运"
    for _ in range(3000):
        names = ["".join(rng.choices(alphabet, k=rng.randint(0, 4))) for _ in range(6)]
        names.sort(key=len, reverse=True)
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 20)))
        assert ExemptNames(names).blank(text) == one_after_the_other(names, text), (names, text)


def test_a_company_named_for_its_trade_is_not_an_insult():
    terms = load_terms()
    assert terms.scan("深圳垃圾清运有限公司已付款", ["深圳垃圾清运有限公司"]) == []
    found = terms.scan("深圳垃圾清运有限公司说你是垃圾", ["深圳垃圾清运有限公司"])
    assert [f.phrase for f in found] == ["垃圾"]
