"""Run a parser on untrusted bytes in a child process with memory, CPU and wall-clock limits.

pypdf and Pillow have had many denial-of-service bugs (endless loops, huge allocations on
crafted input). A hostile upload must not hang or exhaust the web worker, so the parsing
happens in a short-lived child interpreter (``python -m docgen.isolation``): it caps its
own address space (``RLIMIT_AS``, counted above what it uses at start) and processor time
(``RLIMIT_CPU``) before it touches the input, and the parent kills it when the wall-clock
budget runs out. A fresh interpreter (not a fork) is safe in a threaded server.

The protocol carries no pickles, so even a child taken over by a malicious file cannot run
code in the parent. The parent writes one JSON line (the job as ``"module:function"``, its
options, the limits) followed by the input bytes; the child answers with one JSON line
(``{"status": "ok", "meta": {...}}``, ``"refused"`` with a code and a message, or
``"failed"``) followed, on success, by the output bytes.

A job is a function ``job(data: bytes, **options) -> tuple[dict, bytes]``; it refuses an
input by raising :class:`Refusal`, which the parent re-raises with the same code and
message. Anything else the child does wrong surfaces as :class:`IsolationFailure` with
``kind`` one of ``"timeout"``, ``"memory"``, ``"crashed"`` or ``"error"``.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass
from typing import Any, Literal

FailureKind = Literal["timeout", "memory", "crashed", "error"]
MiB = 1024 * 1024
# the header is the parent's own JSON (a template check's sample contexts, every Chinese
# character escaped as six bytes: a complaint's samples take about 270 KB); the bound
# only keeps a broken pipe from being read without end
_MAX_HEADER = 16 * MiB


@dataclass(frozen=True)
class Limits:
    """What one isolated job may use. ``memory_bytes`` is on top of the child's baseline."""

    memory_bytes: int = 768 * MiB
    cpu_seconds: int = 20
    wall_seconds: float = 30.0


class Refusal(Exception):
    """Raised inside a job to reject the input with a code and a message for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class IsolationFailure(Exception):
    """The job ran out of time or memory, crashed, or raised an unexpected exception."""

    def __init__(self, kind: FailureKind, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}" if self.detail else self.kind


def run(
    job: str, data: bytes, options: dict[str, Any] | None = None, *, limits: Limits | None = None
) -> tuple[dict[str, Any], bytes]:
    """``job(data, **options)`` in a limited child; returns its ``(meta, output)``."""
    limits = limits or Limits()
    header = json.dumps({"job": job, "options": options or {}, "limits": asdict(limits)})
    process = subprocess.Popen(
        [sys.executable, "-m", "docgen.isolation"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    try:
        out, _ = process.communicate(header.encode() + b"\n" + data, timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise IsolationFailure("timeout", f"wall clock {limits.wall_seconds:g} s") from None
    line, _, body = out.partition(b"\n")
    try:
        reply = json.loads(line) if line else None
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        raise IsolationFailure(*_death_cause(process.returncode))
    if reply.get("status") == "ok":
        return dict(reply.get("meta") or {}), body
    if reply.get("status") == "refused":
        raise Refusal(str(reply.get("code")), str(reply.get("message")))
    kind = reply.get("kind")
    raise IsolationFailure(
        kind if kind in ("memory", "error") else "error", str(reply.get("detail", ""))[:300]
    )


def _death_cause(returncode: int | None) -> tuple[FailureKind, str]:
    if returncode is not None and returncode < 0:
        sig = signal.Signals(-returncode)
        if sig in (signal.SIGXCPU, signal.SIGKILL):
            return "timeout", f"signal {sig.name}"
        if sig in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS):
            # Allocation failures under RLIMIT_AS often end in an abort inside C code.
            return "memory", f"signal {sig.name}"
        return "crashed", f"signal {sig.name}"
    return "crashed", f"exit code {returncode}"


# --- the child ------------------------------------------------------------------------


def _address_space_in_use() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):  # pragma: no cover - non-Linux
        return 0


def _apply_limits(limits: Limits) -> None:
    cap = _address_space_in_use() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child_main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    request = json.loads(stdin.readline(_MAX_HEADER))
    data = stdin.read()
    module_name, _, func_name = request["job"].partition(":")
    func = getattr(importlib.import_module(module_name), func_name)
    _apply_limits(Limits(**request["limits"]))
    body = b""
    try:
        meta, body = func(data, **request["options"])
        reply: dict[str, Any] = {"status": "ok", "meta": meta}
    except Refusal as exc:
        reply = {"status": "refused", "code": exc.code, "message": exc.message}
    except MemoryError:
        reply = {"status": "failed", "kind": "memory"}
    except RecursionError:
        reply = {"status": "failed", "kind": "error", "detail": "RecursionError"}
    except Exception as exc:
        reply = {"status": "failed", "kind": "error", "detail": type(exc).__name__}
    stdout.write(json.dumps(reply, ensure_ascii=False).encode() + b"\n")
    stdout.write(body)
    stdout.flush()


if __name__ == "__main__":
    # Run as docgen.isolation, not __main__, so jobs raise the same Refusal class we catch.
    from docgen.isolation import _child_main as child_main

    child_main()
