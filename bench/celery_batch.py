"""A batch run through Celery: letters per second, CPU and peak RSS per worker process.

Starts its own ``redis-server`` (no persistence, a free loopback port) and ``docgen
worker --concurrency 2`` (two prefork children) on a temporary data directory, warms the
children with a small run, then times a run of ``--letters`` demand letters (distinct
debtors, PDF and DOCX, register on, chunks of ``--chunk`` rows) from ``execute`` until
the run is done: rendering, the register, the state commits, the print volumes,
manifests and mailing sheet. Reported: letters per second, the children's CPU
milliseconds per letter, and each child's peak RSS (VmHWM) with its current RSS and
proportional set size (Pss: shared pages divided among the processes sharing them).

    .venv/bin/python bench/celery_batch.py --letters 480 --json

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.batch.executors import CeleryExecutor  # noqa: E402
from docgen.batch.runs import Batches, RunOptions  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.tenants import DEFAULT_TENANT_ID  # noqa: E402
from tests.batch_support import letters_sheet  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def run(batches: Batches, folder: Path, letters: int, chunk: int, broker: str) -> float:
    source = letters_sheet(folder / f"cases-{letters}.csv", letters)
    options = RunOptions("demand_letter", formats=["pdf", "docx"], chunk_size=chunk)
    run_id = batches.create(source, options, folder / "runs", DEFAULT_TENANT_ID)
    began = time.perf_counter()
    summary = batches.execute(run_id, CeleryExecutor(broker, timeout=3600))
    elapsed = time.perf_counter() - began
    if (summary["status"], summary["rendered"]) != ("done", letters):
        raise RuntimeError(f"run did not finish: {summary}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=480)
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="docgen-celery-bench-"))
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    broker = f"redis://127.0.0.1:{port}/0"
    data = folder / "var"
    env = {
        **os.environ,
        "DOCGEN_DATA_DIR": str(data),
        "DOCGEN_DATABASE_URL": f"sqlite:///{data / 'docgen.db'}",
        "DOCGEN_BROKER_URL": broker,
        "DOCGEN_FONT_CACHE_DIR": str(Settings().effective_font_cache_dir),
        "DOCGEN_LOG_LEVEL": "WARNING",
    }
    settings = Settings(data_dir=data, database_url=env["DOCGEN_DATABASE_URL"], broker_url=broker)
    batches = Batches(settings)
    worker = subprocess.Popen(
        [sys.executable, "-m", "docgen.cli", "worker", "--concurrency", "2"],
        env=env,
        cwd=ROOT,
        stdout=(folder / "worker.log").open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        time.sleep(1)
        run(batches, folder, 8, 4, broker)  # both children load fonts and layouts
        pids = children(worker.pid)
        cpu = sum(cpu_seconds(p) for p in pids)
        elapsed = run(batches, folder, args.letters, args.chunk, broker)
        cpu = sum(cpu_seconds(p) for p in pids) - cpu
        result = {
            "letters": args.letters,
            "letters_per_s": round(args.letters / elapsed, 1),
            "cpu_ms_per_letter": round(cpu * 1000 / args.letters, 2),
            "peak_rss_mib": [memory_mib(p)["VmHWM"] for p in pids],
            "memory_mib": [memory_mib(p) for p in [worker.pid, *pids]],
            "load_average": [round(x, 2) for x in os.getloadavg()],
        }
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)
        redis.terminate()
        redis.wait()
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result) if args.json else result)


if __name__ == "__main__":
    main()
