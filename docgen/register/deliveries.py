"""The delivery log: EMS tracking numbers and delivery dates recorded against documents.

A delivery is recorded against a document, so against the party its copy was addressed
to (:mod:`docgen.register.recipients`). A demand interrupts the limitation period against
the party it reached (民法典 art. 195): :func:`docgen.register.interruptions.limitation_for`
reads these dates for the limitation status of the case a document was issued for.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from docgen import db
from docgen.documents.problems import CaseInvalid, Problem
from docgen.register.models import Delivery
from docgen.register.store import Register

_S10 = re.compile(r"^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$")
_DOMESTIC = re.compile(r"^\d{13}$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def normalize_tracking_number(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def tracking_number_problem(number: str, loc: tuple[str | int, ...]) -> Problem | None:
    """None for a valid EMS number: 13 digits (domestic) or UPU S10 with its check digit."""
    match = _S10.match(number)
    if match:
        total = sum(int(d) * w for d, w in zip(match.group(2), _S10_WEIGHTS, strict=True))
        check = 11 - total % 11
        check = {10: 0, 11: 5}.get(check, check)
        if check == int(match.group(3)):
            return None
        return Problem(
            loc,
            "tracking_check_digit",
            f"邮件号 {number} 的校验位不正确，请核对面单",
            hint="国际格式为两个字母、九位数字、两个字母，如 EA123456785CN",
        )
    if _DOMESTIC.match(number):
        return None
    return Problem(
        loc,
        "tracking_number_invalid",
        f"邮件号「{number[:40]}」不是有效的 EMS 邮件号（应为13位数字，或如 EA123456785CN 的格式）",
    )


@dataclass(frozen=True)
class DeliveryInput:
    document_id: str
    tracking_number: str
    sent_on: date | None = None
    delivered_on: date | None = None


@dataclass
class ImportReport:
    """What a CSV import did: rows recorded and rows rejected with their problems."""

    recorded: int = 0
    rejected: list[tuple[int, list[Problem]]] = field(default_factory=list)


class DeliveryLog:
    """Deliveries of one tenant's documents on the register's database."""

    def __init__(self, register: Register, tenant_id: int) -> None:
        self.register = register
        self.tenant_id = tenant_id

    def check(self, item: DeliveryInput, loc: tuple[str | int, ...] = ()) -> list[Problem]:
        problems = []
        number_problem = tracking_number_problem(item.tracking_number, (*loc, "tracking_number"))
        if number_problem:
            problems.append(number_problem)
        if item.sent_on and item.delivered_on and item.delivered_on < item.sent_on:
            problems.append(
                Problem((*loc, "delivered_on"), "delivered_before_sent", "妥投日期不得早于寄出日期")
            )
        today = datetime.now(UTC).date()
        for name in ("sent_on", "delivered_on"):
            day = getattr(item, name)
            if day is not None and day > today:
                problems.append(Problem((*loc, name), "date_in_future", "日期不得晚于今天"))
        if self.register.get(item.document_id, self.tenant_id) is None:
            problems.append(
                Problem((*loc, "document_id"), "document_unknown", "文书编号不存在于登记簿中")
            )
        return problems

    def record(self, item: DeliveryInput, recorded_by: str) -> Delivery:
        """Record (or update the dates of) one delivery; raise CaseInvalid on bad input."""
        problems = self.check(item)
        if problems:
            raise CaseInvalid(problems)
        with db.session_scope(self.register.engine) as session:
            row = session.scalars(
                select(Delivery).where(
                    Delivery.document_id == item.document_id,
                    Delivery.tracking_number == item.tracking_number,
                )
            ).first()
            if row is None:
                row = Delivery(
                    document_id=item.document_id,
                    carrier="EMS",
                    tracking_number=item.tracking_number,
                    recorded_by=recorded_by[:64],
                    recorded_at=datetime.now(UTC),
                )
                session.add(row)
            row.sent_on = item.sent_on or row.sent_on
            row.delivered_on = item.delivered_on or row.delivered_on
            try:
                session.flush()
            except IntegrityError:  # a concurrent insert of the same delivery
                raise CaseInvalid(
                    [Problem(("tracking_number",), "delivery_duplicate", "该邮件号已登记")]
                ) from None
        return row

    def import_csv(self, text: str, recorded_by: str) -> ImportReport:
        """Columns ``document_id, tracking_number, sent_on, delivered_on`` (dates ISO).

        The Chinese headers of a batch's mailing sheet and manifest (文书编号, 邮件号 …)
        are read as these columns. Good rows are recorded even when others are
        rejected; each rejected row is reported with its line number and problems.
        """
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
        header = next(reader, [])
        return self.import_rows(header, ((reader.line_num, row) for row in reader), recorded_by)

    def import_rows(
        self, header: list[str], rows: Iterable[tuple[int, list[Any]]], recorded_by: str
    ) -> ImportReport:
        """Import rows of a table (CSV or the XLSX a batch wrote) under ``header``."""
        report = ImportReport()
        names = [HEADER_ALIASES.get(str(h or "").strip(), str(h or "").strip()) for h in header]
        missing = {"document_id", "tracking_number"} - set(names)
        if missing:
            report.rejected.append(
                (1, [Problem((), "csv_columns", f"缺少列：{'、'.join(sorted(missing))}")])
            )
            return report
        for line, values in rows:
            row = {n: _text(v) for n, v in zip(names, values, strict=False) if n}
            if not any(row.values()):
                continue  # a blank line
            item, problems = _parse_row(row)
            if item is not None:
                problems = self.check(item)
            if problems or item is None:
                report.rejected.append((line, problems))
                continue
            self.record(item, recorded_by)
            report.recorded += 1
        return report


HEADER_ALIASES = {
    "文书编号": "document_id",
    "邮件号": "tracking_number",
    "邮件号码": "tracking_number",
    "运单号": "tracking_number",
    "寄出日期": "sent_on",
    "交寄日期": "sent_on",
    "妥投日期": "delivered_on",
}
"""The columns of a batch's mailing sheet (mailing.xlsx) and manifest, and the post
office's names for them."""


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _parse_row(row: dict[str, Any]) -> tuple[DeliveryInput | None, list[Problem]]:
    problems: list[Problem] = []
    dates: dict[str, date | None] = {}
    for name in ("sent_on", "delivered_on"):
        raw = (row.get(name) or "").strip()
        try:
            dates[name] = date.fromisoformat(raw) if raw else None
        except ValueError:
            problems.append(Problem((name,), "date_invalid", f"日期「{raw[:20]}」应为 YYYY-MM-DD"))
    if problems:
        return None, problems
    item = DeliveryInput(
        (row.get("document_id") or "").strip(),
        normalize_tracking_number(row.get("tracking_number") or ""),
        dates["sent_on"],
        dates["delivered_on"],
    )
    return item, []
