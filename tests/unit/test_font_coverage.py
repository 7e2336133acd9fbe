"""The glyph check's character ranges answer as the set of code points they are made of."""

from __future__ import annotations

from docgen.render.fonts import Coverage

# the class's own syntax characters, a range across the end of the BMP, lone points
POINTS = {
    *range(0x20, 0x7F),  # ASCII, with "-", "]", "\\" and "^"
    *range(0x4E00, 0x4E10),
    0x3000,
    *range(0xFFF0, 0x10010),
    0x20000,
}


def test_every_code_point_is_in_the_ranges_exactly_when_it_is_in_the_set():
    covered = Coverage(POINTS)
    probes = set(range(0x0, 0x500)) | set(range(0x4DF0, 0x4E20)) | set(range(0xFFE0, 0x10020))
    probes |= {0x1FFFF, 0x20000, 0x20001, 0x10FFFF}
    assert [p for p in sorted(probes) if (p in covered) != (p in POINTS)] == []


def test_what_a_text_lacks_comes_in_order_with_repeats():
    covered = Coverage(POINTS)
    text = "一-]\\^丁\n乐𠀀𠀁乐\U0001000f\U00010010"
    assert covered.lacking(text) == ["\n", "乐", "𠀁", "乐", "\U00010010"]


def test_no_code_point_at_all():
    assert Coverage(()).lacking("a一") == ["a", "一"]
