"""Where each piece of a filing bundle lands: exhibit pages, outline, page labels, manifest.

Pure functions of the pieces' page counts; :mod:`docgen.bundle.service` renders the pieces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docgen.bundle.model import BundleCase
from docgen.bundle.results import Placement, PreparedExhibit
from docgen.documents.filenames import filename_part
from docgen.render import exhibits as exhibit_files
from docgen.render.bundle import OutlineEntry, concatenate, page_count, page_label, page_labels

EXHIBITS_BOOKMARK = "证据"


def place_exhibits(
    case: BundleCase, exhibits: list[PreparedExhibit], before: int
) -> list[Placement]:
    places = []
    page = before
    for exhibit in exhibits:
        separator = None
        if case.separators:
            page += 1
            separator = page
        places.append(Placement(separator, page + 1, page + exhibit.pages))
        page += exhibit.pages
    return places


def evidence_list_data(
    case: BundleCase, exhibits: list[PreparedExhibit], places: list[Placement]
) -> dict[str, Any]:
    items = []
    for exhibit, place in zip(exhibits, places, strict=True):
        item = exhibit.facts.model_dump(mode="json", exclude={"file", "register_id"})
        item["pages"] = place.text
        items.append(item)
    data: dict[str, Any] = {
        "submitter": case.submitter_name,
        "submit_date": case.filing_date.isoformat(),
        "court": case.court,
        "case_title": case.case_type,
        "items": items,
    }
    if case.submitter_kind is not None:
        data["submitter_kind"] = case.submitter_kind
    parties = [*case.plaintiffs, *case.defendants]
    typed = case.submitter.split("、") if case.submitter else []
    if case.plaintiffs and case.defendants and all(name in parties for name in typed):
        # the plaintiffs submit, or a party typed in: the list names the case and the
        # submitter by role (a submitter typed in who is no party, an agent or a third
        # party, is named as typed, under the cause)
        data |= {"plaintiffs": list(case.plaintiffs), "defendants": list(case.defendants)}
    return data


def same_length(pdfs: Iterable[bytes]) -> int:
    """The page count shared by the cover variants (they must not differ)."""
    lengths = {page_count(pdf) for pdf in pdfs}
    if len(lengths) != 1:
        raise RuntimeError("cover variants differ in length")
    return lengths.pop()


def front_starts(
    fronts: list[tuple[str, bytes]], cover_len: int
) -> tuple[list[tuple[str, int]], int]:
    """The first page (0-based) of the complaint and each paper, and the page after them."""
    starts: list[tuple[str, int]] = []
    front = cover_len
    for title, pdf in fronts:
        starts.append((title, front))
        front += page_count(pdf)
    return starts, front


def exhibit_pieces(exhibits: list[PreparedExhibit], separators: list[bytes]) -> list[bytes]:
    """Each exhibit, after its separator page when there are separators."""
    pieces: list[bytes] = []
    for i, exhibit in enumerate(exhibits):
        if separators:
            pieces.append(separators[i])
        pieces.append(exhibit.pdf)
    return pieces


def exhibit_pages(places: list[Placement]) -> int:
    """The pages the exhibits take, their separators included."""
    return sum(p.last - p.first + 1 + (p.separator is not None) for p in places)


def bundle_labels(total: int, prefix: str | None) -> list[str]:
    """The label of each page, 1 to ``total``: the complaint, the papers and the evidence
    list as well, whose 页码 column cites these numbers (their own 「第 x 页 共 y 页」
    stays at their foot; the label goes at the top, :mod:`docgen.render.bundle`)."""
    return page_labels(total, prefix=prefix)


def copies_of(
    mode: str, base: str, main_pdf: bytes, built: dict[str, bytes]
) -> list[tuple[str, bytes]]:
    """The copies as files: one each, or all with the original in one file to print.
    A label names a defendant as typed, so it is made safe in a file name and a ZIP entry."""
    copies = [(f"{base}-{filename_part(label)}.pdf", pdf) for label, pdf in built.items()]
    if mode == "print":
        copies = [
            (
                f"{base}-打印文件.pdf",
                concatenate([("正本", main_pdf), *[(label, pdf) for label, pdf in built.items()]]),
            )
        ]
    return copies


def outline(
    exhibits: list[PreparedExhibit],
    places: list[Placement],
    front: int,
    starts: list[tuple[str, int]],
) -> list[OutlineEntry]:
    outline = [OutlineEntry("封面", 0)]
    outline += [OutlineEntry(title, page) for title, page in starts]
    outline.append(OutlineEntry("证据目录", front))
    for exhibit, place in zip(exhibits, places, strict=True):
        outline.append(
            OutlineEntry(
                f"证据{exhibit.number} {exhibit.facts.name}（第 {place.text} 页）",
                place.first - 1,
                EXHIBITS_BOOKMARK,
            )
        )
    return outline


def manifest(
    exhibits: list[PreparedExhibit], places: list[Placement], prefix: str | None
) -> list[dict[str, Any]]:
    rows = []
    for exhibit, place in zip(exhibits, places, strict=True):
        reissued = exhibit.reissued
        rows.append(
            {
                "number": f"证据{exhibit.number}",
                "name": exhibit.facts.name,
                "source": exhibit.facts.source,
                "purpose": exhibit.facts.purpose,
                "provided_as": exhibit.facts.provided_as_text,
                "file": exhibit.facts.file,
                "register_id": exhibit.facts.register_id,
                "media_type": exhibit_files.MEDIA_TYPES[exhibit.kind],
                "bytes": exhibit.size,
                "sha256": exhibit.sha256,
                "registered_sha256": reissued.registered_sha256 if reissued else None,
                "identical": reissued.identical if reissued else None,
                "pages": exhibit.pages,
                "first_page": place.first,
                "last_page": place.last,
                "page_labels": _label_range(place, prefix),
            }
        )
    return rows


def _label_range(place: Placement, prefix: str | None) -> str:
    first = page_label(place.first, prefix)
    return first if place.first == place.last else f"{first} 至 {page_label(place.last, prefix)}"
