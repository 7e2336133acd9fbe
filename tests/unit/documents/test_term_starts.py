"""The compliance scan tries a match only where a term can begin, and finds the same."""

from __future__ import annotations

import random
import re

import pytest

from docgen.documents.compliance import Term, Terms, load_terms
from docgen.documents.exempt_names import BLANK
from docgen.documents.term_starts import match_chars, start_chars


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


def test_the_packaged_terms_cannot_match_a_blanked_name():
    held = match_chars(term.pattern for term in load_terms().terms)
    assert held is not None
    assert "赖" in held and BLANK not in held
    assert load_terms()._blank_proof


@pytest.mark.parametrize(
    "pattern",
    [r"(?<!伟)老赖", r"老.赖", r"老[^好]赖", r"^老赖", r"老\w赖", r"(?i)abc", r"(老)\1", r"老\|赖"],
)
def test_a_term_that_may_hold_a_blank_or_look_around_it_is_matched_after_blanking(pattern):
    assert not _terms("坐牢", pattern)._blank_proof


@pytest.mark.parametrize(
    ("pattern", "text", "names", "phrases"),
    [
        (r"(?<!伟)老赖", "张伟老赖", ["张伟"], ["老赖"]),  # the blank is not 伟
        (r"老.赖", "老张伟赖", ["张伟"], ["老|赖"]),  # . matches the blank
        (r"老赖", "张伟老赖", ["张伟"], ["老赖"]),
        (r"垃圾", "深圳垃圾清运有限公司欠款", ["深圳垃圾清运有限公司"], []),
    ],
)
def test_names_are_blanked_out_before_a_term_is_matched(pattern, text, names, phrases):
    assert [f.phrase for f in _terms(pattern).scan(text, names)] == phrases


def test_a_scan_finds_what_blanking_every_text_first_finds():
    rng = random.Random(11)  # noqa: S311 - reproducible test data, not a secret
    terms = load_terms()
    blanking = Terms(terms.terms)
    blanking._blank_proof = False  # every text blanked before it is matched, as before
    alphabet = "老赖垃圾你家到去单位领导张伟三公司坐牢征信上报失信名单|"
    for _ in range(3000):
        names = {"".join(rng.choices(alphabet, k=rng.randint(1, 4))) for _ in range(4)}
        exempt = sorted(names, key=len, reverse=True)
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 16)))
        found = [(f.phrase, f.term.category) for f in terms.scan(text, exempt)]
        assert found == [(f.phrase, f.term.category) for f in blanking.scan(text, exempt)]
