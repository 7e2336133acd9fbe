"""API load benchmark: docgen under gunicorn, concurrent clients on loopback.

Starts ``docgen serve`` (gunicorn) on a free loopback port with a fresh data directory,
warms every worker up, then for DOCX and then PDF keeps ``--clients`` connections busy
posting demand letters (``bench/letters.py``: variants of
``fixtures/demand_letter/valid/person_debtor.json``, each its own debtor, contract and
number, none posted twice) to ``/api/v1/documents/demand_letter?format=...`` for
``--seconds`` seconds. It reports, per format: documents per second, p50 and p99
latency, errors (any status other than 200, or a failed connection), and the CPU time
per request of the server (all gunicorn processes, read from ``/proc``) and of the load
generator.

The load generator (``--load``) is ``wrk`` (``bench/api_wrk.lua``; installed by
``bin/bootstrap --dev``) where it is installed: one native thread that costs the shared
cores little. ``--load python`` (the fallback without wrk) runs ``--clients`` threads in
this process with ``http.client``: about 0.6 ms of CPU per request (wrk 0.2–0.4 ms), taken
from the same cores as the server.

Run from the repository root (after ``make test`` or ``bin/bootstrap --dev``)::

    .venv/bin/python bench/api.py                  # table
    .venv/bin/python bench/api.py --json           # one JSON object
    .venv/bin/python bench/api.py --workers 3 --threads 2 --seconds 30

The API runs as deployed, with API keys required: the script creates a key in the fresh
data directory (``docgen apikey create``) unless ``--api-key`` (or
``DOCGEN_BENCH_API_KEY``) gives one or ``DOCGEN_API_AUTH=off`` is set. The register is
on, as deployed: every document is recorded in SQLite under the fresh data directory and
committed to disk before the answer (``--no-register`` to leave it out). The per-key
rate limit is lifted (``DOCGEN_RATE_LIMIT``, default 600 a minute) so that it does not
cap the figures.
This is not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from letters import load_cases  # bench/letters.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
PATH = "/api/v1/documents/demand_letter?format={fmt}"
WRK_SCRIPT = Path(__file__).resolve().with_name("api_wrk.lua")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# in a letter number, replaced by each request's own number (``--distinct``)
SERIAL = "#N#"
# letters posted, each once (a run of 15 s posts fewer): Typst reuses what it laid out for
# a letter's identical paragraphs, so posting one case again is faster than a real letter
BODIES = 8000
RUNS = itertools.count(1)  # each load run numbers its letters from its own billion


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Client:
    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port = port
        self.headers = {"Content-Type": "application/json", **headers}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def post(self, path: str, body: bytes) -> tuple[int, float]:
        start = time.perf_counter()
        try:
            self.conn.request("POST", path, body=body, headers=self.headers)
            response = self.conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            status = 0
        return status, time.perf_counter() - start


def create_api_key(env: dict[str, str]) -> str:
    """A fresh API key in the benchmark's data directory (the CLI prints it last)."""
    out = subprocess.run(
        [str(Path(sys.executable).with_name("docgen")), "apikey", "create", "bench"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip().splitlines()[-1].strip()


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"docgen serve exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/document-types")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("docgen serve did not answer in time")


def session_cpu_seconds(session: int) -> float:
    """User + system CPU time of the live processes of ``session`` (gunicorn's master,
    started as a session leader, and its workers)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[3]) == session:  # fields from the state on: state, ppid, pgrp, session
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / CLOCK_TICKS


def measured(server_session: int, run: Any, *args: Any) -> dict[str, Any]:
    """``run(*args)``'s figures with the server's CPU time per request added."""
    before = session_cpu_seconds(server_session)
    result: dict[str, Any] = run(*args)
    server = session_cpu_seconds(server_session) - before
    requests = max(1, result["requests"])
    result["server_cpu_ms_per_request"] = round(server * 1000 / requests, 2)
    result["client_cpu_ms_per_request"] = round(result.pop("client_cpu_s") * 1000 / requests, 2)
    return result


def load_wrk(
    port: int, fmt: str, clients: int, seconds: float, bodies: list[bytes], headers: dict[str, str]
) -> dict[str, Any]:
    """The same load from wrk: ``clients`` connections on one thread."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as lines:
        lines.write(b"\n".join(bodies) + b"\n")
        lines.flush()
        env = {
            **os.environ,
            "DOCGEN_BENCH_BODIES": lines.name,
            "DOCGEN_BENCH_API_KEY_HEADER": headers.get("X-API-Key", ""),
            "DOCGEN_BENCH_FIRST_SERIAL": str(next(RUNS) * 10**9),
        }
        command = ["wrk", "-t", "1", "-c", str(clients), "-d", f"{seconds:g}s", "--timeout", "60s"]
        command += ["-s", str(WRK_SCRIPT), f"http://127.0.0.1:{port}{PATH.format(fmt=fmt)}"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = json.loads(out.strip().splitlines()[-1])
    errors = sum(figures[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": figures["requests"],
        "per_s": round(figures["requests"] * 1e6 / figures["duration_us"], 1),
        "p50_ms": round(figures["p50_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1),
        "errors": errors,
        "statuses": {kind: figures[kind] for kind in ("status", "connect", "read", "timeout")},
        "client_cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    }


def load(
    port: int, fmt: str, clients: int, seconds: float, bodies: list[bytes], headers: dict[str, str]
) -> dict[str, Any]:
    """Python client threads in this process, one keep-alive connection each."""
    cpu_before = time.process_time()
    first_serial = next(RUNS) * 10**9
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    path = PATH.format(fmt=fmt)

    def run(offset: int) -> None:
        client = Client(port, headers)
        mine: list[float] = []
        codes: dict[int, int] = {}
        i = offset
        distinct = SERIAL.encode() in bodies[0]
        while time.perf_counter() < stop:
            body = bodies[i % len(bodies)]
            if distinct:  # unique across threads: i advances by one from offset * 10**7
                serial = first_serial + offset * 10**7 + i
                body = body.replace(SERIAL.encode(), str(serial).encode())
            status, elapsed = client.post(path, body)
            i += 1
            mine.append(elapsed)
            codes[status] = codes.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for code, n in codes.items():
                statuses[code] = statuses.get(code, 0) + n

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "per_s": round(len(ordered) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "errors": sum(n for code, n in statuses.items() if code != 200),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "client_cpu_s": time.process_time() - cpu_before,
    }


def letters(count: int, distinct: bool = False, start: int = 0) -> list[bytes]:
    """``count`` request bodies (``bench/letters.py``): person_debtor.json with its own
    debtor, contract and letter number each; ``distinct``: the letter number ends in
    ``SERIAL``, which the clients replace by a number of each request's own."""
    bodies = []
    for case in load_cases(count, start):
        if distinct:
            case["letter_number"] += f"-{SERIAL}"
        bodies.append(json.dumps(case, ensure_ascii=False).encode("utf-8"))
    return bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=None, help="default: docgen serve's")
    parser.add_argument("--threads", type=int, default=None, help="default: docgen serve's")
    parser.add_argument("--api-key", default=os.environ.get("DOCGEN_BENCH_API_KEY", ""))
    parser.add_argument(
        "--no-register",
        dest="register",
        action="store_false",
        help="leave the register out (it is on by default, as deployed)",
    )
    parser.add_argument(
        "--load",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator; auto: wrk where installed, else Python threads",
    )
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="every request a letter of its own number (not 8 letters over and over)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    generator = args.load
    if generator == "auto":
        generator = "wrk" if shutil.which("wrk") else "python"
    run = load_wrk if generator == "wrk" else load

    bodies = letters(BODIES, args.distinct)
    load_before = [round(x, 2) for x in os.getloadavg()]
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("docgen")),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DOCGEN_DATA_DIR": data_dir,
            "DOCGEN_LOG_LEVEL": "WARNING",
            "DOCGEN_REGISTER_DOCUMENTS": "true" if args.register else "false",
            # one key sends thousands of requests a minute here: lift its rate limit
            "DOCGEN_RATE_LIMIT": os.environ.get("DOCGEN_RATE_LIMIT", "1000000/minute"),
            # the limit is lifted, so per-worker counters are an explicit, harmless choice
            "DOCGEN_RATE_LIMIT_STORAGE_URI": os.environ.get(
                "DOCGEN_RATE_LIMIT_STORAGE_URI", "memory://"
            ),
        }
        api_key = args.api_key
        if not api_key and env.get("DOCGEN_API_AUTH", "key") != "off":
            api_key = create_api_key(env)
        headers = {"X-API-Key": api_key} if api_key else {}
        proc = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            wait_ready(port, proc)
            # warm every worker (first renders load fonts) on letters not timed after
            warm = letters(BODIES // 10, args.distinct, start=BODIES)
            for fmt in ("docx", "pdf"):
                run(port, fmt, args.clients, 3, warm, headers)
            result: dict[str, Any] = {
                "load_generator": generator,
                "clients": args.clients,
                "seconds": args.seconds,
                "command": " ".join(command[1:]),
                "register": args.register,
                "distinct": args.distinct,
                "api_key": bool(api_key),
            }
            for fmt in ("docx", "pdf"):
                result[fmt] = measured(
                    proc.pid, run, port, fmt, args.clients, args.seconds, bodies, headers
                )
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
    result["cpus"] = os.cpu_count()
    result["load_avg_before"] = load_before
    result["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['command']} - {generator}, {args.clients} clients, "
        f"{args.seconds:.0f} s per format, register {'on' if args.register else 'off'}, "
        f"API key {'sent' if api_key else 'none'}"
    )
    for fmt in ("docx", "pdf"):
        r = result[fmt]
        print(
            f"{fmt.upper():5} {r['per_s']:7.1f}/s  p50 {r['p50_ms']:7.1f} ms  "
            f"p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}  ({r['requests']} requests)  "
            f"CPU per request: server {r['server_cpu_ms_per_request']:.2f} ms, "
            f"client {r['client_cpu_ms_per_request']:.2f} ms"
        )
    print(f"load average at the end: {result['load_avg']}")


if __name__ == "__main__":
    main()
