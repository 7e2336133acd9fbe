"""Filing bundles built off the request: a run row in the database, a child process.

A 500-page bundle takes longer than a web worker may spend on one request, so the API can
hand it over: :meth:`BundleJobs.submit` keeps the case and the uploads in the run's
folder (``DATA_DIR/bundles/<id>/input``) and records the run in the batch feature's
``batch_runs`` table (``type_name = "bundle"``; no second job table), :meth:`start`
builds it in a fresh interpreter (``spawn``) so the worker stays free and the memory of
a large bundle goes back when it ends, and :meth:`status` / :meth:`result` answer from
the database and the folder, in any worker. The uploads are deleted once the run ends
(they hold the parties' documents); the result stays for download.

States: ``queued`` → ``running`` → ``done`` or ``failed`` (with the problem list, the
same one the synchronous request answers with 422) → ``expired``: a finished run's folder
(the bundle, which holds the parties' documents) is deleted once it is older than
``bundle_retention_hours`` (7 days by default), checked whenever a run is submitted.
A run whose process died is marked failed by the thread that watched it; one left
``running`` by a server that stopped is reported failed once it is older than
:data:`STALE_AFTER`.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from docgen import db
from docgen.batch.state import RUN_DONE, RUN_FAILED, RUN_PLANNING, RUN_RUNNING, BatchRun
from docgen.config import Settings
from docgen.db.times import utc_text
from docgen.documents.problems import CaseInvalid, Problem
from docgen.logs import outline
from docgen.tenants.limits import claim_run_slot

log = logging.getLogger(__name__)

BUNDLE_RUN = "bundle"  # the batch_runs.type_name of a bundle run
STALE_AFTER = timedelta(hours=2)
RUN_EXPIRED = "expired"
STATES = {
    RUN_PLANNING: "queued",
    RUN_RUNNING: "running",
    RUN_DONE: "done",
    RUN_FAILED: "failed",
    RUN_EXPIRED: "expired",
}
OUTPUTS = {"pdf": "application/pdf", "zip": "application/zip"}

# bundles built at once by this process's runs; more wait their turn
_SLOTS = threading.BoundedSemaphore(2)


class BundleRunNotFound(LookupError):
    """No bundle run has this id."""


@dataclass(frozen=True)
class BundleFile:
    path: Path
    filename: str
    media_type: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _valid_id(run_id: str) -> bool:
    return len(run_id) == 32 and all(c in "0123456789abcdef" for c in run_id)


class BundleJobs:
    """Bundle runs on the settings' database and data directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = db.upgrade(settings.effective_database_url)
        self.root = settings.data_dir / "bundles"

    # --- submitting ---------------------------------------------------------------

    def submit(
        self,
        data: Any,
        files: Mapping[str, bytes],
        output: str,
        tenant_id: int,
        requested_by: str = "cli",
    ) -> str:
        """Keep the request in a new run of ``tenant_id``'s folder and record the run;
        return its id. Raises TooManyRuns when the tenant has its limit of runs going on."""
        if output not in OUTPUTS:
            raise ValueError(output)
        self.expire()
        with db.session_scope(self.engine) as session:  # refused before any file is kept
            claim_run_slot(session, tenant_id, self.settings.tenant_max_runs)
        run_id = uuid.uuid4().hex
        folder = (self.root / run_id).resolve()
        inputs = folder / "input"
        inputs.mkdir(parents=True)
        names = list(files)
        for k, name in enumerate(names):
            (inputs / f"{k:04d}").write_bytes(files[name])
        request = {"case": data, "files": names, "requested_by": requested_by}
        (inputs / "request.json").write_text(json.dumps(request, ensure_ascii=False), "utf-8")
        exhibits = data.get("exhibits") if isinstance(data, dict) else None
        with db.session_scope(self.engine) as session:
            claim_run_slot(session, tenant_id, self.settings.tenant_max_runs)
            session.add(
                BatchRun(
                    id=run_id,
                    tenant_id=tenant_id,
                    type_name=BUNDLE_RUN,
                    status=RUN_PLANNING,
                    source_name="bundle",
                    out_dir=str(folder),
                    options=json.dumps({"output": output}),
                    total_rows=len(exhibits) if isinstance(exhibits, list) else 0,
                )
            )
        log.info("bundle run queued run=%s files=%d", run_id, len(names))
        return run_id

    def start(self, run_id: str) -> threading.Thread:
        """Build the run in a child process, watched by a thread of this process."""
        thread = threading.Thread(
            target=self._watch, args=(run_id,), name=f"bundle-{run_id[:8]}", daemon=True
        )
        thread.start()
        return thread

    def _watch(self, run_id: str) -> None:
        with _SLOTS:
            process = multiprocessing.get_context("spawn").Process(
                target=run_in_child, args=(self.settings, run_id), name=f"bundle-{run_id[:8]}"
            )
            process.start()
            process.join()
        if process.exitcode != 0:
            log.warning("bundle run process ended run=%s exitcode=%s", run_id, process.exitcode)
            self._fail_if_open(
                run_id,
                [Problem((), "bundle_run_crashed", "生成起诉材料的进程意外中止，请重新提交")],
            )
            shutil.rmtree(Path(self._run(run_id).out_dir) / "input", ignore_errors=True)

    # --- building (in the child) --------------------------------------------------

    def execute(self, run_id: str) -> None:
        """Build the run's bundle and record the outcome (this is what the child runs)."""
        from docgen.bundle.service import BundleService
        from docgen.pipeline.compose import build

        run = self._run(run_id)
        folder = Path(run.out_dir)
        output = json.loads(run.options or "{}").get("output", "pdf")
        with db.session_scope(self.engine) as session:
            row = session.get(BatchRun, run_id)
            if row is None or row.status != RUN_PLANNING:
                return
            row.status, row.started_at = RUN_RUNNING, _now()
        try:
            request = json.loads((folder / "input" / "request.json").read_text("utf-8"))
            files = {
                name: (folder / "input" / f"{k:04d}").read_bytes()
                for k, name in enumerate(request["files"])
            }
            try:
                # the child acts for the run's tenant: its register, profiles, templates
                docgen = build(self.settings).for_tenant(run.tenant_id)
                result = BundleService(docgen).build(
                    request["case"], files, requested_by=request.get("requested_by", "cli")
                )
            except CaseInvalid as exc:
                self._finish(run_id, RUN_FAILED, {}, exc.problems)
                return
            content = result.zip() if output == "zip" else result.pdf
            filename = (
                result.filename.removesuffix(".pdf") + ".zip"
                if output == "zip"
                else result.filename
            )
            target = folder / f"bundle.{output}"
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(content)
            partial.replace(target)
            summary = {
                "output": output,
                "filename": filename,
                "pages": result.pages,
                "exhibits": len(result.manifest),
                "bytes": len(content),
                "warnings": [w.as_dict() for w in result.warnings],
            }
            self._finish(run_id, RUN_DONE, summary, [])
            log.info("bundle run done run=%s pages=%d", run_id, result.pages)
        except Exception as exc:
            log.error("bundle run failed run=%s: %s", run_id, outline(exc))
            self._fail_if_open(
                run_id, [Problem((), "bundle_run_failed", "生成起诉材料时发生内部错误，请重新提交")]
            )
        finally:
            shutil.rmtree(folder / "input", ignore_errors=True)

    def _finish(
        self, run_id: str, status: str, summary: dict[str, Any], problems: list[Problem]
    ) -> None:
        with db.session_scope(self.engine) as session:
            row = session.get(BatchRun, run_id)
            if row is None:
                return
            options = json.loads(row.options or "{}")
            options.update(summary)
            row.options = json.dumps(options, ensure_ascii=False)
            row.status = status
            row.error = json.dumps([p.as_dict() for p in problems], ensure_ascii=False)
            row.finished_at = _now()

    def _fail_if_open(self, run_id: str, problems: list[Problem]) -> None:
        with db.session_scope(self.engine) as session:
            row = session.get(BatchRun, run_id)
            open_run = row is not None and row.status in (RUN_PLANNING, RUN_RUNNING)
        if open_run:
            self._finish(run_id, RUN_FAILED, {}, problems)

    def expire(self, now: datetime | None = None) -> int:
        """Delete the folders of runs that ended more than ``bundle_retention_hours`` ago
        and mark them expired; return how many."""
        cutoff = (now or _now()) - timedelta(hours=self.settings.bundle_retention_hours)
        with db.session_scope(self.engine) as session:
            old = session.scalars(
                select(BatchRun).where(
                    BatchRun.type_name == BUNDLE_RUN,
                    BatchRun.status.in_((RUN_DONE, RUN_FAILED)),
                    BatchRun.finished_at < cutoff,
                )
            ).all()
            for run in old:
                folder = Path(run.out_dir).resolve()
                if folder.parent == self.root.resolve():  # never outside the bundles folder
                    shutil.rmtree(folder, ignore_errors=True)
                run.status = RUN_EXPIRED
            expired = len(old)
        if expired:
            log.info("bundle runs expired count=%d", expired)
        return expired

    # --- reporting ----------------------------------------------------------------

    def _run(self, run_id: str, tenant_id: int | None = None) -> BatchRun:
        """The bundle run; another tenant's is not found (None: any, for the run itself)."""
        with db.session_scope(self.engine) as session:
            run = session.get(BatchRun, run_id) if _valid_id(run_id) else None
            if run is None or run.type_name != BUNDLE_RUN:
                raise BundleRunNotFound(run_id)
            if tenant_id is not None and run.tenant_id != tenant_id:
                raise BundleRunNotFound(run_id)
            session.expunge(run)
            return run

    def status(self, run_id: str, tenant_id: int | None) -> dict[str, Any]:
        """The run's state, counts and, once it ended, its pages or its problems."""
        run = self._run(run_id, tenant_id)
        if run.status == RUN_RUNNING and run.started_at and _now() - run.started_at > STALE_AFTER:
            self._fail_if_open(
                run_id, [Problem((), "bundle_run_stale", "生成起诉材料未能完成，请重新提交")]
            )
            run = self._run(run_id)
        options = json.loads(run.options or "{}")
        problems = json.loads(run.error or "[]")
        answer: dict[str, Any] = {
            "id": run.id,
            "status": STATES.get(run.status, run.status),
            "output": options.get("output", "pdf"),
            "exhibits": options.get("exhibits", run.total_rows),
            "created_at": utc_text(run.created_at),
            "started_at": utc_text(run.started_at) if run.started_at else None,
            "finished_at": utc_text(run.finished_at) if run.finished_at else None,
        }
        if run.status == RUN_DONE:
            answer.update({k: options.get(k) for k in ("pages", "bytes", "filename", "warnings")})
        if run.status == RUN_FAILED:
            answer["problems"] = problems
        return answer

    def result(self, run_id: str, tenant_id: int | None) -> BundleFile | None:
        """The finished bundle (or zip), or None while the run has not succeeded."""
        run = self._run(run_id, tenant_id)
        if run.status != RUN_DONE:
            return None
        options = json.loads(run.options or "{}")
        output = options.get("output", "pdf")
        path = Path(run.out_dir) / f"bundle.{output}"
        if not path.is_file():
            return None
        return BundleFile(path, options.get("filename") or path.name, OUTPUTS[output])


def run_in_child(settings: Settings, run_id: str) -> None:
    """The child process's entry point (a module-level function, so ``spawn`` finds it)."""
    from docgen.logs import configure_logging

    configure_logging(settings.log_level)
    BundleJobs(settings).execute(run_id)


__all__ = ["BUNDLE_RUN", "BundleFile", "BundleJobs", "BundleRunNotFound", "run_in_child"]
