"""Starting, running, resuming and reporting batch runs (the batch service layer).

Entrypoints (CLI, API) call only these functions. A run's folder holds a copy of its
input, so a run can be resumed from its id alone, even if planning was interrupted.
"""

from __future__ import annotations

import collections
import csv
import itertools
import json
import logging
import shutil
import time
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen import db
from docgen.batch.columns import Layout
from docgen.batch.executors import POLL_SECONDS, Executor, SendingExecutor, executor_for
from docgen.batch.outputs import finalize, summarize
from docgen.batch.plan import (
    RowLimitError,
    Sheet,
    Stream,
    check_shared,
    plan_records,
    with_profile,
)
from docgen.batch.readers import SUFFIXES, BatchInputError, count_rows
from docgen.batch.state import (
    PENDING,
    RUN_DONE,
    RUN_FINALIZING,
    RUN_PLANNING,
    RUN_RUNNING,
    BatchItem,
    BatchRun,
    claim_finalize,
    counts,
)
from docgen.batch.work import MAX_ATTEMPTS, service_for
from docgen.config import Settings
from docgen.db.times import utc_text
from docgen.documents import registry
from docgen.services import FORMATS
from docgen.tenants.limits import claim_run_slot

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 20
FINALIZE_TIMEOUT = 600.0
Progress = Callable[[dict[str, int]], None]


class RunNotFound(LookupError):
    """No run has this id."""


PDF_ENGINES = ("", "weasyprint", "typst")
REPORT_FILES = (
    "rejects.csv",
    "rejects.xlsx",
    "warnings.csv",
    "manifest.csv",
    "manifest.xlsx",
    "mailing.xlsx",
)


@dataclass
class RunOptions:
    """What a run renders and how; stored with the run so that resume needs only its id."""

    type_name: str
    formats: Sequence[str] = ("pdf",)
    shared: Mapping[str, Any] = field(default_factory=dict)
    mapping: Mapping[str, str] = field(default_factory=dict)
    address_page: bool = False
    chunk_size: int = DEFAULT_CHUNK
    volume_size: int = 500
    pdf_engine: str = ""  # "weasyprint" or "typst"; empty: the pdf_engine setting
    check_only: bool = False  # validate and report, render nothing
    insured_value: str = ""  # 保价金额 (yuan) on every row of the mailing sheet; "" = none

    def check(self) -> None:
        try:
            registry.get(self.type_name)
        except registry.UnknownDocumentType:
            known = "、".join(t.name for t in registry.all_types())
            raise BatchInputError(
                f"未知的文书类型「{self.type_name}」；可用类型：{known}"
            ) from None
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            raise BatchInputError(
                f"输出格式应为 pdf、docx 之一或两者，实为「{','.join(self.formats)}」"
            )
        if self.pdf_engine not in PDF_ENGINES:
            raise BatchInputError(f"PDF 引擎应为 weasyprint 或 typst，实为「{self.pdf_engine}」")
        if self.insured_value and not _yuan(self.insured_value):
            raise BatchInputError(f"保价金额应为正的金额（元），实为「{self.insured_value}」")
        if not 1 <= self.chunk_size <= 500:
            raise BatchInputError("每个任务的文书数应在 1 到 500 之间")


class Batches:
    """Batch runs over one database and one set of settings."""

    def __init__(self, settings: Settings, database_url: str | None = None) -> None:
        self.settings = settings
        self.database_url = database_url or settings.effective_database_url
        self.engine = db.upgrade(self.database_url)

    # --- creating -----------------------------------------------------------------

    def create(
        self,
        source: Path,
        options: RunOptions,
        out_root: Path,
        tenant_id: int,
        source_name: str = "",
    ) -> str:
        """Register a run of ``tenant_id`` and copy its input into the run folder; return
        the run id. Raises TooManyRuns when the tenant has its limit of runs going on.

        A file with more data rows than ``DOCGEN_BATCH_MAX_ROWS`` is refused here, before
        anything is stored (counted without reading the cells).
        """
        options.check()
        service = service_for(self.settings).for_tenant(tenant_id)
        check_shared(service, options.type_name, options.shared)
        suffix = source.suffix.lower()
        if suffix not in SUFFIXES:
            raise BatchInputError(
                f"不支持的文件类型「{suffix or source.name}」，请使用 CSV、XLSX 或 JSONL"
            )
        self.check_size(source)
        run_id = uuid.uuid4().hex
        folder = (out_root / run_id).resolve()
        (folder / "input").mkdir(parents=True)
        shutil.copyfile(source, folder / "input" / f"input{suffix}")
        # the profile is the tenant's own (check_shared found it there)
        shared = with_profile(service, options.type_name, options.shared)
        stored = {
            "formats": list(options.formats),
            "shared": shared,
            "mapping": dict(options.mapping),
            "address_page": options.address_page,
            "chunk_size": options.chunk_size,
            "volume_size": options.volume_size,
            "pdf_engine": options.pdf_engine,
            "check_only": options.check_only,
            "insured_value": options.insured_value,
            "input": f"input/input{suffix}",
        }
        with db.session_scope(self.engine) as session:
            try:
                claim_run_slot(session, tenant_id, self.settings.tenant_max_runs)
            except Exception:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            session.add(
                BatchRun(
                    id=run_id,
                    tenant_id=tenant_id,
                    type_name=options.type_name,
                    status=RUN_PLANNING,
                    source_name=(source_name or source.name)[:255],
                    out_dir=str(folder),
                    options=json.dumps(stored, ensure_ascii=False, default=str),
                )
            )
        log.info("created run=%s type=%s", run_id, options.type_name)
        return run_id

    def check_size(self, source: Path) -> None:
        """Raise RowLimitError for more data rows than ``DOCGEN_BATCH_MAX_ROWS``, counted
        without reading any cell (so before the header check, which reads a workbook's
        whole string table)."""
        limit = self.settings.batch_max_rows
        if count_rows(source, limit + 2) > limit + 1:  # + the header row
            raise RowLimitError(limit)

    def check_header(self, source: Path, options: RunOptions) -> None:
        """Raise BatchInputError now if the file cannot be read or its header is unknown."""
        layout = Layout.of(registry.get(options.type_name).model)
        for _record in Sheet(source, layout, options.mapping, shared=options.shared).records():
            break

    def archive(self, run_id: str, tenant_id: int | None) -> Path | None:
        """A zip of a finished run's outputs (built once), or None while it runs; another
        tenant's run is not found (``tenant_id`` None: any, for the operator)."""
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id, tenant_id)
            if run.status != RUN_DONE:
                return None
            folder = Path(run.out_dir)
        target = folder / "outputs.zip"
        if not target.exists():
            tmp = folder / "outputs.zip.part"
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in sorted(folder.rglob("*")):
                    relative = path.relative_to(folder)
                    if path.is_file() and relative.parts[0] not in ("input", "outputs.zip.part"):
                        archive.write(path, relative.as_posix())
            tmp.replace(target)
        return target

    def output_file(self, run_id: str, name: str, tenant_id: int | None) -> Path | None:
        """One of a finished run's reports (``rejects.xlsx`` …), or None; another tenant's
        run is not found (``tenant_id`` None: any, for the operator)."""
        if name not in REPORT_FILES:
            return None
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id, tenant_id)
            if run.status != RUN_DONE:
                return None
            path = Path(run.out_dir) / name
        return path if path.is_file() else None

    def reject_lines(
        self, run_id: str, tenant_id: int | None, limit: int = 200, name: str = "rejects.csv"
    ) -> list[dict[str, str]]:
        """The first lines of a finished run's rejects report or warnings (for the page)."""
        path = self.output_file(run_id, name, tenant_id)
        if path is None:
            return []
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(itertools.islice(csv.DictReader(fh), limit))

    def plan(self, run_id: str, stream: Stream | None = None) -> dict[str, Any]:
        """Read and judge every row (resumable: rows already stored are kept).

        With ``stream``, the pending rows are handed on as they are stored; the whole
        sheet is read once before, so a sheet that cannot be read to its end is refused
        before any row is sent."""
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            if run.status != RUN_PLANNING:
                return self.status(run_id, None)
            layout = Layout.of(registry.get(run.type_name).model)

            def sheet() -> Sheet:
                return Sheet(
                    Path(run.out_dir) / run.option("input"),
                    layout,
                    run.option("mapping"),
                    self.settings.batch_max_rows,
                    run.option("shared", {}),
                )

            if stream is not None:
                collections.deque(sheet().records(), maxlen=0)  # readable to its end
            read = sheet()
            service = service_for(self.settings).for_tenant(run.tenant_id)
            total, blank = plan_records(session, service, run, read, stream)
            run.total_rows, run.blank_rows = total, blank
            read_as = {"headers": read.headers, "hidden": read.hidden, "sheet": read.warning()}
            run.options = json.dumps(
                {**json.loads(run.options or "{}"), **read_as}, ensure_ascii=False, default=str
            )
            run.status = RUN_RUNNING
            run.started_at = datetime.now(UTC).replace(tzinfo=None)
        return self.status(run_id, None)

    # --- running ------------------------------------------------------------------

    def execute(
        self,
        run_id: str,
        executor: Executor | None = None,
        progress: Progress | None = None,
        wait: bool = True,
    ) -> dict[str, Any]:
        """Plan if needed, render what is pending, write the outputs; return the summary.

        Safe to call again at any time: only pending records are rendered, and a finished
        run is left as it is.
        """
        executor = executor or executor_for(self.settings)
        sent = self._plan_sending(run_id, executor)
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            status, chunk = run.status, int(run.option("chunk_size", DEFAULT_CHUNK))
        if status == RUN_DONE:
            return self.status(run_id, None)
        if status == RUN_RUNNING and self._check_only(run_id):
            self.finish(run_id, retake=True)  # nothing to render: only the reports
            return self.status(run_id, None)
        if status == RUN_FINALIZING:
            self.finish(run_id, retake=True)
            return self.status(run_id, None)
        for _attempt in range(MAX_ATTEMPTS):
            keys = [key for key in self._pending_keys(run_id) if key not in sent]
            if not keys and not sent:
                break
            chunks = [keys[i : i + chunk] for i in range(0, len(keys), chunk)]
            executor.run(
                self.settings, self.database_url, run_id, chunks, self._tick(run_id, progress)
            )
            sent = set()  # a later attempt sends whatever is still pending
            if not wait:
                return self.status(run_id, None)
        if self._pending_keys(run_id):
            log.warning("run=%s still has pending records; resume it", run_id)
            return self.status(run_id, None)
        if not self.finish(run_id):
            return self.wait(run_id, FINALIZE_TIMEOUT)  # a worker is writing the outputs
        return self.status(run_id, None)

    def _plan_sending(self, run_id: str, executor: Executor) -> set[str]:
        """Plan the run; where the executor takes chunks while the caller goes on (Celery),
        send each full chunk as soon as its rows are stored, so the workers render while
        the rest of the sheet is judged. Returns the keys sent."""
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            planning = run.status == RUN_PLANNING and not run.option("check_only", False)
            chunk = int(run.option("chunk_size", DEFAULT_CHUNK))
        if not planning or not isinstance(executor, SendingExecutor):
            self.plan(run_id)
            return set()
        sent: set[str] = set()
        waiting: list[str] = []

        def send(keys: list[str]) -> None:
            waiting.extend(keys)
            whole = len(waiting) - len(waiting) % chunk
            if whole:
                executor.send(run_id, [waiting[i : i + chunk] for i in range(0, whole, chunk)])
                sent.update(waiting[:whole])
                del waiting[:whole]

        self.plan(run_id, Stream(every=2 * chunk, send=send))
        return sent

    def _check_only(self, run_id: str) -> bool:
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            if not run.option("check_only", False):
                return False
            run.status = RUN_FINALIZING
            return True

    def _tick(self, run_id: str, progress: Progress | None) -> Callable[[], None]:
        def tick() -> None:
            if progress is not None:
                progress(self.counts(run_id))

        return tick

    def _pending_keys(self, run_id: str) -> list[str]:
        with db.session_scope(self.engine) as session:
            return list(
                session.scalars(
                    select(BatchItem.key)
                    .where(BatchItem.run_id == run_id, BatchItem.status == PENDING)
                    .order_by(BatchItem.row_number)
                )
            )

    def finish(self, run_id: str, retake: bool = False) -> bool:
        """Write the outputs once nothing is pending (exactly one caller does it).

        ``retake`` redoes a finalisation that was interrupted (only when resuming: no
        worker can be finalising then).
        """
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            claimed = retake if run.status == RUN_FINALIZING else claim_finalize(session, run_id)
        if not claimed:
            return False
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id)
            finalize(session, run, service_for(self.settings).for_tenant(run.tenant_id))
        log.info("finished run=%s", run_id)
        return True

    # --- reporting ----------------------------------------------------------------

    def counts(self, run_id: str) -> dict[str, int]:
        with db.session_scope(self.engine) as session:
            return counts(session, run_id)

    def status(self, run_id: str, tenant_id: int | None) -> dict[str, Any]:
        """The run's state and counts; another tenant's run is not found (``tenant_id``
        None: any, for the operator's command line and the run's own workers)."""
        with db.session_scope(self.engine) as session:
            run = self._get(session, run_id, tenant_id)
            summary = summarize(run, counts(session, run_id))
            summary["out_dir"] = run.out_dir
            summary["check_only"] = bool(run.option("check_only", False))
            done = run.status == RUN_DONE  # letters, warnings: counted when the run finished
            for key in ("letters", "warnings"):
                summary[key] = _summary_count(Path(run.out_dir), key) if done else 0
            summary["created_at"] = utc_text(run.created_at)
            return summary

    def wait(self, run_id: str, timeout: float, progress: Progress | None = None) -> dict[str, Any]:
        """Poll until the run is done (or failed) or ``timeout`` seconds pass."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.status(run_id, None)
            if progress is not None:
                progress(self.counts(run_id))
            if status["status"] in (RUN_DONE, "failed") or time.monotonic() > deadline:
                return status
            time.sleep(POLL_SECONDS)

    @staticmethod
    def _get(session: Session, run_id: str, tenant_id: int | None = None) -> BatchRun:
        run = session.get(BatchRun, run_id) if _valid_id(run_id) else None
        if run is None or run.type_name == "bundle":  # a filing bundle run (bundle/jobs.py)
            raise RunNotFound(run_id)
        if tenant_id is not None and run.tenant_id != tenant_id:
            raise RunNotFound(run_id)  # another tenant's run: as if there were none
        return run


def _yuan(text: str) -> bool:
    """A positive amount in yuan, to the fen."""
    from decimal import Decimal, InvalidOperation

    try:
        amount = Decimal(text)
        return amount.is_finite() and amount > 0 and amount == amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        return False


def _summary_count(folder: Path, key: str) -> int:
    """A finished run's count from its summary: letters (one per recipient), warnings."""
    try:
        return int(json.loads((folder / "summary.json").read_text("utf-8")).get(key, 0))
    except (OSError, ValueError):
        return 0


def _valid_id(run_id: str) -> bool:
    return len(run_id) == 32 and all(c in "0123456789abcdef" for c in run_id)
