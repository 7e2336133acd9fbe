"""Where each letter starts in a print volume is known before the volume is written (the
manifest is written meanwhile); the written volume is held to that plan."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from docgen.batch import volume

pytestmark = pytest.mark.slow  # child processes


def _pdf(pages: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _letters(folder: Path, pages: list[int]) -> volume.Letters:
    (folder / "letters").mkdir()
    batch = []
    for n, count in enumerate(pages, start=1):
        name = f"letters/{n:06d}.pdf"
        (folder / name).write_bytes(_pdf(count))
        batch.append(({"letter_id": f"{n:06d}", "pdf": {"file": name, "pages": count}}, ""))
    return batch


@pytest.mark.parametrize("with_address", [False, True])
def test_the_planned_starts_are_where_the_written_volume_puts_each_letter(
    tmp_path: Path, with_address: bool
) -> None:
    batch = _letters(tmp_path, [3, 2, 1, 1, 4])
    addresses = _pdf(len(batch)) if with_address else None
    planned: dict[str, tuple[str, int]] = {}
    pages = volume.page_starts("print/v.pdf", batch, with_address, planned)

    written: dict[str, tuple[str, int]] = {}
    (tmp_path / "print").mkdir()
    assert volume.write_volume(tmp_path, "print/v.pdf", batch, addresses, written) == pages
    assert written == planned
    starts = [first for _, first in planned.values()]
    assert all(first % 2 == 1 for first in starts)
    expected = [1, 5, 7, 9, 11] if not with_address else [1, 7, 11, 15, 19]
    assert starts == expected


def test_a_volume_that_cannot_be_written_fails_the_finish_naming_it(tmp_path: Path) -> None:
    batch = _letters(tmp_path, [2, 2])
    (tmp_path / batch[1][0]["pdf"]["file"]).unlink()  # a letter's file has gone
    planned: dict[str, tuple[str, int]] = {}
    pages = volume.page_starts("print/merged-001.pdf", batch, False, planned)
    (tmp_path / "print").mkdir()
    writer = volume.VolumeWriter(tmp_path)
    writer.start([volume.Volume("print/merged-001.pdf", batch, None, pages, planned)])

    with pytest.raises(RuntimeError, match=r"print volume print/merged-001\.pdf failed"):
        writer.wait()
    assert not (tmp_path / "print" / "merged-001.pdf").exists()
