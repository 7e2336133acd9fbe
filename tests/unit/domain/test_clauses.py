"""Clause numbers and citations: one declaration per way of numbering."""

from __future__ import annotations

import pytest

from docgen.domain.clauses import ARTICLES, CONFIRMATION_ITEMS, numeral


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")],
)
def test_clauses_are_counted_in_chinese_numerals(count, words):
    assert numeral(count) == words


def test_a_count_outside_what_a_document_numbers_is_refused():
    with pytest.raises(ValueError):
        numeral(0)


def test_an_agreements_article_is_cited_as_it_is_headed():
    assert ARTICLES.number(0) == ARTICLES.cite(0) == "第一条"
    assert ARTICLES.number(11) == "第十二条"


def test_a_confirmations_point_is_numbered_as_an_item_and_cited_as_one():
    assert CONFIRMATION_ITEMS.number(0) == "一、"
    assert CONFIRMATION_ITEMS.cite(0) == "本确认书第一项"
