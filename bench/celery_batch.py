"""A batch run through Celery: letters per second, CPU and peak RSS per worker process.

Starts its own ``redis-server`` (no persistence, a free loopback port) and ``docgen
worker --concurrency 2`` (two prefork children) on a temporary data directory, and runs
``--letters`` demand letters (distinct debtors, PDF and DOCX, register on, chunks of
``--chunk`` rows): rendering, the register, the state commits, the print volumes,
manifests and mailing sheet. Two figures, each from its own run of ``--letters``:

``end_to_end``
    The clock starts before the worker is started: the worker's start-up (imports, forking
    the children), each child's first chunk (fonts, stylesheets, templates loaded), the
    planning, rendering and finishing of the run, until its summary is written.
``steady``
    The workers have started and both children have rendered a small run before the
    clock (as ``bench/render.py``'s batch figure is measured after each worker's warm-up).
    The clock runs from ``Batches.execute`` (which plans the run, sending each chunk as
    its rows are stored) until the run is done. Also given apart: planning (in this
    process, the workers rendering the chunks already sent), finishing (the last chunk's
    worker writes the outputs: the summary's ``finalize_seconds``) and rendering (the
    rest, the waiting caller's last poll included).

Neither is ``bench/render.py``'s batch figure, which times each worker's rendering and
its print volume only, in memory: no planning, no state commits, no files written, no
manifests. ``render_letters_per_s`` (planning and finishing left out) is the nearest
to it; the end-to-end and steady rates are what a user waits for.

CPU milliseconds per letter are the worker children's (``/proc``, the children that were
replaced counted through the worker's ``cutime``); ``cpu_ms_per_letter_all`` adds the
worker's main process (Celery's consumer: the messages, acknowledgements, the pool) and
this process (planning, polling), given apart in the steady figure. Peak RSS (VmHWM) per
child is sampled every 0.2 s; ``memory_mib`` is the main process's and the children's
memory at the end, with the proportional set size (Pss: shared pages divided among the
processes sharing them; a child's RSS counts the pages it shares with its parent).

    .venv/bin/python bench/celery_batch.py --letters 2000 --json
    .venv/bin/python bench/celery_batch.py --letters 1000 --only steady --profile /tmp/prof

``--profile DIR`` runs each worker child under cProfile (its whole life, Celery's loop
included) and writes ``DIR/child-<pid>.pstats`` when the child ends (slower; for finding
where the time goes, not for the figures). This is not a test: it asserts nothing and
lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.batch.executors import CeleryExecutor  # noqa: E402
from docgen.batch.runs import Batches, RunOptions  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.tenants import DEFAULT_TENANT_ID  # noqa: E402
from tests.batch_support import letters_sheet  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def cpu_seconds(pid: int, waited_children: bool = False) -> float:
    """The process's own CPU, or (``waited_children``) its ended children's."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    first = 13 if waited_children else 11
    return (int(fields[first]) + int(fields[first + 1])) / TICK


def memory_mib(pid: int) -> dict[str, float]:
    """Peak and current RSS, and the current RSS in anonymous and file-backed pages."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    # proportional: the pages a child shares with the parent and the other child (the
    # modules imported before the fork, the libraries) counted in shares
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, value = line.partition(":")
        if key == "Pss":
            found["Pss"] = round(int(value.split()[0]) / 1024, 1)
    return found


class Worker:
    """``docgen worker --concurrency 2``: its children's CPU and peak RSS, sampled."""

    def __init__(self, env: dict[str, str], log: Path, profile: str) -> None:
        command = [sys.executable, "-m", "docgen.cli", "worker", "--concurrency", "2"]
        if profile:
            command = [sys.executable, str(Path(__file__).resolve()), "--worker", profile]
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pid = self.process.pid
        self.peak: dict[int, float] = {}
        self.stopped = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self.stopped.wait(0.2):
            for pid in children(self.pid):
                with contextlib.suppress(OSError, KeyError):  # a child just ended
                    self.peak[pid] = memory_mib(pid)["VmHWM"]

    def children_cpu(self) -> float:
        """The children's CPU so far, the ended ones' included (once the worker waited)."""
        live = sum(cpu_seconds(p) for p in children(self.pid))
        return live + cpu_seconds(self.pid, waited_children=True)

    def stop(self) -> None:
        self.stopped.set()
        os.killpg(self.pid, signal.SIGTERM)
        self.process.wait(timeout=120)


class Bench:
    """A Redis and a data directory of its own; runs of demand letters through Celery."""

    def __init__(self, folder: Path, profile: str) -> None:
        self.folder, self.profile = folder, profile
        port = free_port()
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        self.broker = f"redis://127.0.0.1:{port}/0"
        data = folder / "var"
        self.env = {
            **os.environ,
            "DOCGEN_DATA_DIR": str(data),
            "DOCGEN_DATABASE_URL": f"sqlite:///{data / 'docgen.db'}",
            "DOCGEN_BROKER_URL": self.broker,
            "DOCGEN_FONT_CACHE_DIR": str(Settings().effective_font_cache_dir),
            "DOCGEN_LOG_LEVEL": "WARNING",
        }
        settings = Settings(
            data_dir=data, database_url=self.env["DOCGEN_DATABASE_URL"], broker_url=self.broker
        )
        self.batches = Batches(settings)

    def create(self, letters: int, chunk: int) -> str:
        source = self.folder / f"cases-{letters}.csv"
        if not source.exists():
            letters_sheet(source, letters)
        options = RunOptions("demand_letter", formats=["pdf", "docx"], chunk_size=chunk)
        return self.batches.create(source, options, self.folder / "runs", DEFAULT_TENANT_ID)

    def execute(self, run_id: str, letters: int) -> dict[str, Any]:
        summary = self.batches.execute(run_id, CeleryExecutor(self.broker, timeout=7200))
        if (summary["status"], summary["rendered"]) != ("done", letters):
            raise RuntimeError(f"run did not finish: {summary}")
        written = json.loads((Path(summary["out_dir"]) / "summary.json").read_text("utf-8"))
        return {**written, **summary}

    def close(self) -> None:
        self.redis.terminate()
        self.redis.wait()


def end_to_end(bench: Bench, letters: int, chunk: int) -> dict[str, Any]:
    """Cold: from starting the worker until the run is done."""
    run_id = bench.create(letters, chunk)
    own = time.process_time()
    began = time.perf_counter()
    worker = Worker(bench.env, bench.folder / "worker-cold.log", bench.profile)
    try:
        bench.execute(run_id, letters)
        elapsed = time.perf_counter() - began
        cpu = worker.children_cpu()
        parents = cpu_seconds(worker.pid) + time.process_time() - own
    finally:
        worker.stop()
    return {
        "letters_per_s": round(letters / elapsed, 1),
        "seconds": round(elapsed, 2),
        "cpu_ms_per_letter": round(cpu * 1000 / letters, 2),
        "cpu_ms_per_letter_all": round((cpu + parents) * 1000 / letters, 2),
        "peak_rss_mib": sorted(worker.peak.values()),
    }


def steady(bench: Bench, letters: int, chunk: int) -> dict[str, Any]:
    """Warm: both children have rendered before the clock starts."""
    worker = Worker(bench.env, bench.folder / "worker-warm.log", bench.profile)
    try:
        for _ in range(5):  # until each child has had a chunk (fonts, layouts loaded)
            bench.execute(bench.create(8, 2), 8)
            pids = children(worker.pid)
            if len(pids) == 2 and min(cpu_seconds(p) for p in pids) > 1.0:
                break
        run_id = bench.create(letters, chunk)
        cpu, main_cpu, own = worker.children_cpu(), cpu_seconds(worker.pid), time.process_time()
        began = time.perf_counter()
        # chunks are sent while the sheet is planned; the run's own clock (``seconds``)
        # starts when planning ends
        summary = bench.execute(run_id, letters)
        elapsed = time.perf_counter() - began
        planned = began + elapsed - float(summary["seconds"])
        cpu = worker.children_cpu() - cpu
        main_cpu = cpu_seconds(worker.pid) - main_cpu
        caller_cpu = time.process_time() - own
        memory = [memory_mib(p) for p in [worker.pid, *children(worker.pid)]]
    finally:
        worker.stop()
    finish = float(summary.get("finalize_seconds") or 0)
    return {
        "letters_per_s": round(letters / elapsed, 1),
        "seconds": round(elapsed, 2),
        "plan_s": round(planned - began, 2),
        "render_s": round(elapsed - (planned - began) - finish, 2),
        "finish_s": round(finish, 2),
        "render_letters_per_s": round(letters / max(elapsed - (planned - began) - finish, 1e-3), 1),
        "cpu_ms_per_letter": round(cpu * 1000 / letters, 2),
        "cpu_ms_per_letter_all": round((cpu + main_cpu + caller_cpu) * 1000 / letters, 2),
        "worker_main_cpu_ms_per_letter": round(main_cpu * 1000 / letters, 2),
        "caller_cpu_ms_per_letter": round(caller_cpu * 1000 / letters, 2),
        "peak_rss_mib": sorted(worker.peak.values()),
        "memory_mib": memory,
    }


def profiled_worker(folder: str) -> None:
    """A worker whose children each run under cProfile until they end."""
    import cProfile

    from celery.signals import worker_process_init, worker_process_shutdown

    from docgen.batch.worker import start_worker

    profiler = cProfile.Profile()

    def begin(**_kwargs: Any) -> None:
        profiler.enable()

    def end(**_kwargs: Any) -> None:
        profiler.disable()
        profiler.dump_stats(os.path.join(folder, f"child-{os.getpid()}.pstats"))

    worker_process_init.connect(begin, weak=False)
    worker_process_shutdown.connect(end, weak=False)
    start_worker(2, "WARNING")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=480)
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--only", choices=("steady", "end_to_end"), default="")
    parser.add_argument("--profile", default="", help="a folder for the children's profiles")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.worker:
        profiled_worker(args.worker)
        return
    folder = Path(tempfile.mkdtemp(prefix="docgen-celery-bench-"))
    bench = Bench(folder, str(Path(args.profile).resolve()) if args.profile else "")
    result: dict[str, Any] = {"letters": args.letters, "chunk": args.chunk}
    try:
        if args.only != "steady":
            result["end_to_end"] = end_to_end(bench, args.letters, args.chunk)
        if args.only != "end_to_end":
            result["steady"] = steady(bench, args.letters, args.chunk)
    finally:
        bench.close()
        shutil.rmtree(folder, ignore_errors=True)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result) if args.json else result)


if __name__ == "__main__":
    main()
