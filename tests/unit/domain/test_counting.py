"""Copies are counted in words, 2 as 两 before the measure word."""

from __future__ import annotations

import pytest

from docgen.domain.counting import copies


def test_two_copies_are_two_in_the_standard_written_form():
    assert [copies(n) for n in (1, 2, 3, 4)] == ["一份", "两份", "三份", "四份"]


@pytest.mark.parametrize("count", [0, 11])
def test_a_count_out_of_range_is_refused(count):
    with pytest.raises(ValueError):
        copies(count)
