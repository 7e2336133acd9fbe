"""The copies served on the defendants: which of the original's pages they hold.

A defendant is served the complaint (民事诉讼法 art. 128: 起诉状副本, sent within five
days of filing) and the evidence (民事证据规定 (法释〔2019〕19号) art. 19: 证据材料副本,
one per opposing party). The papers that show who sues and who acts for it — the
certificate of the legal representative (his ID number and mobile), the power of attorney
(the agents' ID numbers), the law firm's letter, the service address confirmation — are
filed with the court and are not among them: a copy leaves them out, personal information
being processed no further than its purpose needs (个人信息保护法 art. 6). So a copy is
its cover (副本), the complaint, the evidence list and the exhibits.

A copy keeps the original's page numbers: the evidence list is one document, filed and
served alike, and cites the exhibits' pages in the original; the copy's cover says which
of the original's pages it leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docgen.render.bundle import OutlineEntry, page_label


@dataclass(frozen=True)
class Served:
    """What a defendant's copy holds of the original (0-based page indices)."""

    pages: tuple[int, ...]
    titles: tuple[str, ...]
    left_out: range
    left_out_titles: tuple[str, ...]

    @classmethod
    def of(cls, starts: Sequence[tuple[str, int]], served: int, front: int, total: int) -> Served:
        """The copy of a bundle whose complaint and papers start at ``starts`` and end
        before ``front``, of which the first ``served`` (the complaint) are served."""
        kept, rest = starts[:served], starts[served:]
        left_out = range(rest[0][1], front) if rest else range(0)
        return cls(
            tuple(i for i in range(total) if i not in left_out),
            tuple(title for title, _ in kept),
            left_out,
            tuple(title for title, _ in rest),
        )

    def labels(self, labels: Sequence[str]) -> list[str]:
        """The copy's page stamps: the original's, page for page."""
        return [labels[i] for i in self.pages]

    def outline(self, outline: Sequence[OutlineEntry]) -> list[OutlineEntry]:
        """The original's bookmarks on the pages the copy holds, pointing at them there."""
        where = {page: i for i, page in enumerate(self.pages)}
        return [
            OutlineEntry(entry.title, where[entry.page], entry.parent)
            for entry in outline
            if entry.page in where
        ]

    def note(self, prefix: str | None) -> str:
        """The cover's words on the pages left out (none when nothing is)."""
        if not self.left_out:
            return ""
        first, last = self.left_out[0] + 1, self.left_out[-1] + 1
        if first == last:
            pages = page_label(first, prefix)
        elif prefix is None:
            pages = f"第 {first} 至 {last} 页"
        else:
            pages = f"{page_label(first, prefix)} 至 {page_label(last, prefix)}"
        return f"页码与正本一致；正本{pages}（{'、'.join(self.left_out_titles)}）不附于本副本。"
