"""Planning a run: read every row, map it to a case, validate it, record it.

Each input row becomes exactly one state row — ``pending`` when valid, ``rejected`` with
its problems otherwise — so every row is accounted for before anything is rendered.
Blank rows are counted and skipped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen.batch.cases import (
    PROFILE_FIELD,
    merge_shared,
    recipient_of,
    sex_after_id,
    sex_from_id,
    shared_problems,
)
from docgen.batch.columns import Layout
from docgen.batch.duplicates import Duplicates
from docgen.batch.header_words import (
    listed,
    missing_required,
    only_common,
    read_as,
    unknown_refusal,
    unread_warning,
)
from docgen.batch.headers import close_rows, find_header
from docgen.batch.nested import extra_problems, flat_values
from docgen.batch.no_header import no_header_message
from docgen.batch.postcodes import postcode_problems, recipient_phone_problem
from docgen.batch.readers import BatchInputError, Row, read_rows
from docgen.batch.rejects import describe, typed_values
from docgen.batch.rows import Cell, Resolved
from docgen.batch.state import PENDING, REJECTED, BatchItem, BatchRun, item_key, row_hash
from docgen.documents.problems import Loc, Problem, beside
from docgen.services import DocumentService

log = logging.getLogger(__name__)

INSERT_BATCH = 200
ROW_VALUES = "_row"
"""The extras key holding a rejected row's cells as typed."""


@dataclass
class Record:
    """One non-blank input row, mapped and judged."""

    number: int
    case: dict[str, Any]  # the row's own values (shared values are kept once per run)
    extras: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    cells: dict[Loc, Cell] = field(default_factory=dict)
    values: list[Any] = field(default_factory=list)
    merged: dict[str, Any] = field(default_factory=dict)  # with the shared values
    present: Mapping[Loc, int] | None = None  # the sheet's columns (None: a JSONL record)
    hidden: bool = False  # hidden in the sheet (filtered out): read all the same, warned
    type_name: str = ""  # set when judged: whose recipient ``debtor`` names

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def reference(self) -> str:
        return str(self.extras.get("reference", "") or "")

    @property
    def debtor(self) -> str:
        return str(recipient_of(self.type_name, self.merged or self.case).get("name", "") or "")


class Sheet:
    """A tabular input: its resolved header and its data rows."""

    def __init__(
        self,
        path: Path,
        layout: Layout,
        mapping: Mapping[str, str] | None = None,
        max_rows: int | None = None,
        shared: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.shared = shared  # what fills a required column the sheet lacks
        self.unknown: list[str] = []  # headers naming no field: not read, warned of
        self.read_as: list[tuple[str, str]] = []  # common headers: (姓名, 债务人姓名)
        self.layout = layout
        self.mapping = mapping
        self.max_rows = max_rows
        self.blank_rows = 0
        self.headers: list[str] = []
        self.ignored: list[str] = []  # hidden or running-number columns, not read
        self.hidden: list[int] = []  # the columns the sheet hides (hidden in the copy too)
        self.header_row = 1

    def records(self) -> Iterator[Record]:
        if self.path.suffix.lower() == ".jsonl":
            yield from self._json_records(read_rows(self.path))
            return
        found = find_header(self.path, self.layout, self.mapping)
        if found is None:
            raise BatchInputError(no_header_message(self.path, self.layout))
        resolved, rest = found.resolved, found.rows
        if resolved.unknown:
            missing = missing_required(self.layout, resolved.positions(), self.shared)
            if missing:
                close_rows(rest)
                if only_common(self.layout, resolved):  # 身份证号 among the system's own
                    raise BatchInputError(no_header_message(self.path, self.layout))
                raise BatchInputError(
                    unknown_refusal(self.layout, found.number, resolved.unknown, missing)
                )
        self.unknown = list(resolved.unknown)
        self.read_as = read_as(self.layout, resolved.headers)
        self.ignored, self.hidden = found.ignored, sorted(found.hidden)
        self.header_row = found.number
        self.headers = resolved.headers
        present = resolved.positions()
        count = between = 0
        for row in rest:
            if row.blank:  # counted once a row follows: formatted empty rows at the end
                between += 1  # are no gap in the data
                continue
            self.blank_rows, between = self.blank_rows + between, 0
            count += 1
            self._check_limit(count)
            read = resolved.read(row.values or [])
            yield Record(
                row.number,
                read.case,
                read.extras,
                read.problems,
                read.cells,
                row.values or [],
                present=present,
                hidden=row.hidden,
            )

    def warning(self) -> dict[str, Any] | None:
        """The sheet's own warning line: columns not read, common headers read as which."""
        if not self.unknown and not self.read_as:
            return None
        return unread_warning(self.layout, self.unknown, self.read_as)

    def _check_limit(self, count: int) -> None:
        if self.max_rows is not None and count > self.max_rows:
            raise RowLimitError(self.max_rows)

    def _next_nonblank(self, rows: Iterator[Row]) -> Row | None:
        for row in rows:
            if not row.blank:
                return row
        return None

    def _json_records(self, rows: Iterator[Row]) -> Iterator[Record]:
        top = {c.loc[0] for c in self.layout.columns}
        count = 0
        for row in rows:
            record = row.record or {}
            if not record:
                self.blank_rows += 1
                continue
            count += 1
            self._check_limit(count)
            if "__error__" in record:
                yield Record(row.number, {}, {}, [Problem((), "json_invalid", record["__error__"])])
                continue
            extras = record.pop("mailing", {}) if isinstance(record.get("mailing"), dict) else {}
            nested = extra_problems(extras)
            if set(record) <= top:
                yield Record(row.number, record, extras, nested)
                continue
            keys = list(record)
            resolved = self.layout.resolve(keys, self.mapping)
            if resolved.unknown:
                names = listed(resolved.unknown)
                yield Record(
                    row.number, {}, {}, [Problem((), "unknown_column", f"无法识别的字段：{names}")]
                )
                continue
            values, flat = flat_values(resolved, keys, record)
            read = resolved.read(values)
            problems = nested + flat + read.problems
            yield Record(row.number, read.case, {**read.extras, **extras}, problems, read.cells)


def _known(resolved: Resolved) -> int:
    return sum(1 for c in resolved.cells if c is not None)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class RowLimitError(BatchInputError):
    """More data rows than one run may hold (``DOCGEN_BATCH_MAX_ROWS``)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"表格的数据行超过每批上限 {limit} 行，整批未开始；"
            f"请把表格拆分成每个不超过 {limit} 行的文件分批上传"
        )
        self.limit = limit


class SharedProfileError(BatchInputError):
    """The run's shared sender profile cannot apply (unknown id, or a type without one)."""


class SharedValueError(BatchInputError):
    """A shared value (letter date, creditor …) that no row could make right."""


def check_shared(service: DocumentService, type_name: str, shared: Mapping[str, Any]) -> None:
    """Refuse a run whose shared sender profile cannot apply, or whose shared values are
    wrong themselves (:func:`shared_problems`), before any row is read.

    A shared value applies to every row, so an unknown profile would reject every row
    with the same problem; the run is refused once, up front, instead.
    """
    from docgen.documents import registry

    wrong = shared_problems(service, type_name, shared)
    if wrong:
        layout = Layout.of(registry.get(type_name).model)
        said = "；".join(f"{_named(layout, p.loc)}：{p.message}" for p in wrong)
        raise SharedValueError(f"共用信息有误，整批未开始：{said}")
    _check_profile(service, type_name, shared)


def _named(layout: Layout, loc: Loc) -> str:
    found = layout.column_at(loc)
    return layout.header(found[0], found[1], "zh") if found else layout.titles(loc)


def _check_profile(service: DocumentService, type_name: str, shared: Mapping[str, Any]) -> None:
    from docgen.documents import registry
    from docgen.profiles.store import ProfileNotFound

    if shared.get(PROFILE_FIELD) is None:
        return
    doc_type = registry.get(type_name)
    if PROFILE_FIELD not in doc_type.model.model_fields:
        raise SharedProfileError(f"{doc_type.title}不使用发件人资料，请去掉发件人资料编号")
    value = shared[PROFILE_FIELD]
    try:
        profile_id = int(value)
    except (TypeError, ValueError):
        raise SharedProfileError(f"发件人资料编号应为正整数，实为「{value}」") from None
    if profile_id < 1:
        raise SharedProfileError(f"发件人资料编号应为正整数，实为「{value}」")
    try:
        service.profiles.get(service.tenant_id, profile_id)  # the run's tenant's only
    except ProfileNotFound:
        raise SharedProfileError(
            f"发件人资料 {profile_id} 不存在，整批未开始生成；"
            "请用 docgen profile list 查看已保存的发件人资料"
        ) from None


def with_profile(
    service: DocumentService, type_name: str, shared: Mapping[str, Any]
) -> dict[str, Any]:
    """The shared values with what the run's sender profile holds for every row.

    A creditor's profile with its USCC and legal representative is the creditor of every
    letter; a profile's signatory signs every letter. Values given in the shared file win.
    """
    from docgen.documents import registry

    out = dict(shared)
    if out.get(PROFILE_FIELD) is None:
        return out
    fields = registry.get(type_name).model.model_fields
    profile = service.profiles.get(service.tenant_id, int(out[PROFILE_FIELD])).profile
    if (
        "creditor" in fields
        and "creditor" not in out
        and profile.kind == "creditor"
        and profile.uscc
        and profile.legal_representative
    ):
        out["creditor"] = {
            "kind": "organization",
            "name": profile.name,
            "uscc": profile.uscc,
            "address": profile.address,
            "legal_representative": profile.legal_representative,
            "phone": profile.phone,
        }
    if "signatory" in fields and "signatory" not in out and profile.signatory:
        signer = {"name": profile.signatory, "title": profile.signatory_title}
        out["signatory"] = {k: v for k, v in signer.items() if v}
    return out


def judge(
    service: DocumentService,
    type_name: str,
    record: Record,
    shared: Mapping[str, Any],
    duplicates: Duplicates | None = None,
) -> Record:
    """Validate a record (shared values applied) exactly as the API would.

    Every problem is found in one pass: cells that could not be read are reported and the
    rest of the row is still validated; a valid row that repeats an earlier one's debtor
    and contract is refused, naming the earlier row (and one that repeats its letter
    number is warned of: :meth:`Duplicates.of_row`).
    """
    record.type_name = type_name
    if any(p.code in ("json_invalid", "unknown_column") for p in record.problems):
        return record
    sex_from_id(record.case)  # a blank 性别 beside a resident ID number
    record.merged = merge_shared(record.case, shared)
    report = service.validate(type_name, record.merged)
    # the cells that could not be read count as a body's schema errors do
    record.problems = record.problems + _beside_cells(type_name, record, report.problems)
    record.problems = sex_after_id(record.problems, record.present)
    record.problems += postcode_problems(record.extras, record.merged)
    if record.ok:
        record.problems += recipient_phone_problem(type_name, record.merged)
    if duplicates is not None and record.ok:
        record.problems += duplicates.of_row(record.number, record.reference, record.merged)
    if record.hidden:
        record.problems.append(HIDDEN_ROW)
    return record


HIDDEN_ROW = Problem(
    (),
    "row_hidden",
    "这一行在表格中是隐藏的（如被筛选掉）；隐藏或筛选不会排除一行，这一行同样生成函件",
    "如这一行不应发函，请从表格中删除这一行（而不是隐藏或筛选）后重新上传",
    severity="warning",
)


def _beside_cells(type_name: str, record: Record, found: list[Problem]) -> list[Problem]:
    """The problems found beside the cells that could not be read: the rules' problems of
    the parts that lost no value (:func:`beside`), and every field's own problem (a blank
    性别 beside an ID number Excel mangled): those are no consequence of the lost value,
    so the operator sees them in the same round."""
    lost = [p for p in record.problems if p.severity == "error"]  # a warned cell kept its value
    kept = beside(found, lost)
    if not lost:
        return kept
    from docgen.documents import registry
    from docgen.documents.problems import CaseInvalid, touches

    try:
        registry.get(type_name).parse(record.merged)
    except CaseInvalid as exc:
        refused = [p.loc for p in lost]
        own = [p for p in exc.problems if p not in kept and not touches(p.loc, refused)]
        return kept + own
    return kept


def stored_problems(layout: Layout, record: Record) -> list[dict[str, Any]]:
    """The problems of a record as stored: with the sheet's column, typed value and hint."""
    return describe(layout, record.problems, record.cells, record.present)


@dataclass
class Stream:
    """Planned rows handed on while the rest is still being judged: every ``every`` rows
    are committed, then ``send`` gets the keys of the pending ones (a run's workers can
    start on them at once)."""

    every: int
    send: Callable[[list[str]], None]


def plan_records(
    session: Session,
    service: DocumentService,
    run: BatchRun,
    sheet: Sheet,
    stream: Stream | None = None,
) -> tuple[int, int]:
    """Judge every record and store it (existing keys are kept); return (rows, blank).

    A record stores the row's own values; the run's shared values are kept once, with
    the run, and applied when the record is rendered. A rejected record keeps the row as
    it was typed, for the highlighted copy in the rejects report.
    """
    run_id, type_name, shared = run.id, run.type_name, run.option("shared", {})
    existing = set(session.scalars(select(BatchItem.row_number).where(BatchItem.run_id == run_id)))
    total = 0
    pending: list[BatchItem] = []
    every = stream.every if stream is not None else INSERT_BATCH
    duplicates = Duplicates.for_run(service, type_name)
    for record in sheet.records():
        total += 1
        judge(service, type_name, record, shared, duplicates)  # every row: duplicates
        if record.number in existing:
            continue
        pending.append(_item(run_id, sheet.layout, record))
        if len(pending) >= every:
            _store(session, pending, stream)
            pending = []
    _store(session, pending, stream)
    log.info("planned run=%s rows=%d blank=%d", run_id, total, sheet.blank_rows)
    return total, sheet.blank_rows


def _item(run_id: str, layout: Layout, record: Record) -> BatchItem:
    digest = row_hash({"case": record.case, "extras": record.extras})
    extras = dict(record.extras)
    if not record.ok:
        extras[ROW_VALUES] = typed_values(record.values)
    return BatchItem(
        key=item_key(run_id, record.number, digest),
        run_id=run_id,
        row_number=record.number,
        row_hash=digest,
        letter_id=f"{record.number:06d}",
        status=PENDING if record.ok else REJECTED,
        data=json.dumps(record.case, ensure_ascii=False, default=str),
        extras=json.dumps(extras, ensure_ascii=False, default=str),
        problems=json.dumps(stored_problems(layout, record), ensure_ascii=False, default=str),
    )


def _store(session: Session, items: list[BatchItem], stream: Stream | None) -> None:
    keys = [item.key for item in items if item.status == PENDING]
    session.add_all(items)
    session.commit()
    if stream is not None and keys:
        stream.send(keys)
