"""The compliance scan tries a match only where a term can begin, and finds the same."""

from __future__ import annotations

import re

import pytest

from docgen.documents.compliance import Term, Terms, load_terms
from docgen.documents.term_starts import start_chars


def _terms(*patterns: str) -> Terms:
    return Terms(Term("threat", re.compile(p), "") for p in patterns)


def test_the_packaged_terms_have_known_first_characters():
    starts = start_chars(term.pattern for term in load_terms().terms)
    assert starts is not None
    assert starts.fullmatch("砸") and starts.fullmatch("征")  # (?:砸|烧|炸)…, 征信…
    assert not starts.fullmatch("的") and not starts.fullmatch("元")


@pytest.mark.parametrize(
    "pattern",
    [r"\w+赖", r".老赖", r"[^好]人", r"(?:老)?", r"(?i)abc", r"[一-龥]坏"],
)
def test_a_term_whose_first_characters_are_not_known_searches_every_place(pattern):
    assert start_chars([re.compile("坐牢"), re.compile(pattern)]) is None


@pytest.mark.parametrize(
    ("patterns", "text", "phrases"),
    [
        ((r"(?<=欠)款不还", "坐牢"), "欠款不还就坐牢", ["款不还", "坐牢"]),  # lookbehind
        ((r"(?<=欠)款不还", "坐牢"), "货款不还", []),
        ((r"^滚", "坐牢"), "不滚", []),  # ^ only at the start of the text
        ((r"^滚", "坐牢"), "滚出去", ["滚"]),
        ((r"\b(?:老)?赖\b", "坐牢"), "真是老赖", []),  # no word boundary inside Chinese
        ((r"\b(?:老)?赖\b", "坐牢"), "赖", ["赖"]),
        ((r"(?:到|去)?你家", "蹲"), "去你家", ["去你家"]),
        ((r"(?:到|去)?你家", "蹲"), "来你家", ["你家"]),  # an optional start: its follower
        ((r"a{0,2}b", "x"), "aab", ["aab"]),
    ],
)
def test_a_scan_finds_what_a_search_of_every_place_finds(patterns, text, phrases):
    terms = _terms(*patterns)
    assert terms._starts is not None
    found = [f.phrase for f in terms.scan(text)]
    plain = _terms(*patterns)
    plain._starts = None  # the search of every place, as before
    assert found == [f.phrase for f in plain.scan(text)]
    assert found == phrases
