"""Throwaway PostgreSQL and Redis servers for one test run.

Nothing is assumed to listen anywhere: the first test that needs a server starts one on a
free loopback port, with its files in the run's temporary directory. Under pytest-xdist the
workers share it: each server is started under an exclusive file lock by the first worker
that asks, which writes its URL beside the lock for the others. The process that owns the
run (xdist's controller, or the only process) made that directory before the workers
started and stops whatever was started there when the run ends.

``DOCGEN_TEST_POSTGRES_URL`` / ``DOCGEN_TEST_BROKER_URL`` name existing servers instead.

Why not pytest-postgresql's process fixture: it starts one server per xdist worker and runs
it as the current user, and initdb refuses to run as root; here one server serves every
worker and runs as an unprivileged system user when the tests run as root.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

RUN_DIR = "DOCGEN_TEST_RUN_DIR"
POSTGRES_URL = "DOCGEN_TEST_POSTGRES_URL"
BROKER_URL = "DOCGEN_TEST_BROKER_URL"
# As root, PostgreSQL runs as the first of these that exists (bin/bootstrap --dev makes the
# second when the server package did not make the first).
SERVICE_USERS = ("postgres", "docgen-test")
START_TRIES = 3  # a free port can be taken between choosing it and the server binding it


class ServiceUnavailable(RuntimeError):
    """A server the tests need cannot be started; the message says what to install."""


def begin_run() -> Path:
    """The run's directory, named in the environment the xdist workers will inherit."""
    run_dir = Path(tempfile.mkdtemp(prefix="docgen-test-run-"))
    run_dir.chmod(0o711)  # the PostgreSQL user (as root) must reach its own folder inside
    os.environ[RUN_DIR] = str(run_dir)
    return run_dir


def end_run(run_dir: Path) -> None:
    """Stop every server started during the run and delete its files."""
    failures = []
    for stop in (_stop_postgres, _stop_redis):
        try:
            stop(run_dir)
        except (OSError, ServiceUnavailable) as error:  # still stop the other one
            failures.append(error)
    shutil.rmtree(run_dir, ignore_errors=True)
    os.environ.pop(RUN_DIR, None)
    if failures:
        raise failures[0]


def postgres_url() -> str:
    """An admin URL (database ``postgres``, trust) of the run's PostgreSQL server."""
    return os.environ.get(POSTGRES_URL) or _shared("postgres", _start_postgres)


def redis_url() -> str:
    """This worker's Redis database on the run's server: xdist worker ``gwN`` gets the
    database N + 1 above the URL's (0 without xdist), so no worker flushes another's."""
    url = os.environ.get(BROKER_URL) or _shared("redis", _start_redis)
    base, _, number = url.rpartition("/")
    if not base.startswith("redis") or not number.isdigit():
        base, number = url.rstrip("/"), "0"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    offset = int(worker[2:]) + 1 if worker.startswith("gw") else 0
    return f"{base}/{int(number) + offset}"


def _shared(name: str, start: Callable[[Path], str]) -> str:
    run_dir = Path(os.environ[RUN_DIR])
    with _locked(run_dir / f"{name}.lock"):
        known = run_dir / f"{name}.url"
        if known.exists():
            return known.read_text()
        url = start(run_dir)
        known.write_text(url)
        return url


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- PostgreSQL ---------------------------------------------------------------------------


def _postgres_bin() -> Path:
    """The directory of initdb and pg_ctl: on PATH, or Debian's newest installed version."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not versions:
        raise ServiceUnavailable(
            "the PostgreSQL server is not installed (initdb, pg_ctl): run bin/bootstrap --dev,"
            f" or set {POSTGRES_URL} to an existing server"
        )
    return versions[-1].parent


def _as_service_user() -> dict[str, object]:
    """subprocess arguments that drop root to the PostgreSQL user; none otherwise."""
    if os.geteuid() != 0:
        return {}
    for name in SERVICE_USERS:
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
    raise ServiceUnavailable(
        "as root, PostgreSQL must run as an unprivileged user and none of "
        f"{', '.join(SERVICE_USERS)} exists: run bin/bootstrap --dev"
    )


def _run(args: list[str], drop: dict[str, object], cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, **drop)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise ServiceUnavailable(f"{Path(args[0]).name} failed: {done.stdout}{done.stderr}")


def _start_postgres(run_dir: Path) -> str:
    bin_dir, drop = _postgres_bin(), _as_service_user()
    home = run_dir / "postgres"
    home.mkdir()
    if drop:
        os.chown(home, drop["user"], drop["group"])  # type: ignore[arg-type]
    data = home / "data"
    _run(
        [
            *(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"),
            *("-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
        ],
        drop,
        home,
    )
    # a throwaway server: durability off, for speed
    settings = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    for attempt in range(START_TRIES):
        port = free_port()
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {home} {settings}"
        options += " -c max_connections=300"
        try:
            _run(
                [
                    *(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "server.log")),
                    *("-w", "-t", "60", "-o", options, "start"),
                ],
                drop,
                home,
            )
        except ServiceUnavailable:
            if attempt == START_TRIES - 1:
                log = (home / "server.log").read_text(errors="replace")[-2000:]
                raise ServiceUnavailable(f"PostgreSQL did not start:\n{log}") from None
            continue
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    raise AssertionError("unreachable")


def _stop_postgres(run_dir: Path) -> None:
    data = run_dir / "postgres" / "data"
    if (data / "postmaster.pid").exists():
        _run(
            [str(_postgres_bin() / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            _as_service_user(),
            run_dir / "postgres",
        )


# --- Redis --------------------------------------------------------------------------------


def _start_redis(run_dir: Path) -> str:
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(server).exists():
        raise ServiceUnavailable(
            f"redis-server is not installed: run bin/bootstrap --dev, or set {BROKER_URL}"
        )
    import redis

    home = run_dir / "redis"
    home.mkdir()
    for attempt in range(START_TRIES):
        port = free_port()
        # it daemonizes: no worker process is its parent, whichever worker started it
        subprocess.run(
            [
                *(server, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(home)),
                *("--daemonize", "yes", "--pidfile", str(home / "pid")),
                *("--logfile", str(home / "server.log"), "--save", "", "--appendonly", "no"),
                *("--databases", "256"),
            ],
            check=True,
        )
        client = redis.Redis(port=port, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                client.ping()
            except redis.ConnectionError:
                time.sleep(0.05)
                continue
            client.close()
            return f"redis://127.0.0.1:{port}/0"
        _stop_redis(run_dir)
        if attempt == START_TRIES - 1:
            log_text = (home / "server.log").read_text(errors="replace")[-2000:]
            raise ServiceUnavailable(f"redis-server did not start:\n{log_text}")
    raise AssertionError("unreachable")


def _stop_redis(run_dir: Path) -> None:
    pid_file = run_dir / "redis" / "pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text())
    pid_file.unlink()
    try:
        os.kill(pid, signal.SIGKILL)  # nothing to save: it keeps no data
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"
