"""What the machine itself gives, measured beside every benchmark run.

Runs on "a 2-core machine" differ from one host to the next by up to twice in CPU speed,
and the register's durable commit cannot be cheaper than the disk's own fdatasync. Each
bench prints these figures with its own, so that runs on different hosts are compared
fairly and the register is measured against its floor:

* ``python_loop_ms``: a fixed pure-Python workload (3 million additions), median of 5;
* ``fdatasync_overwrite_ms``: write 40 KB over existing blocks of a file and fdatasync it
  (what SQLite's WAL does once the WAL has reached its working size), median of 300;
* ``fdatasync_append_ms``: the same at the end of a growing file (a new WAL's first
  pass: the file's size changes, so its metadata goes to the journal too).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

PAGE_WRITE = 40 * 1024  # about what a register entry's commit writes (11 WAL frames)


def python_loop_ms(rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        total = 0
        for i in range(3_000_000):
            total += i
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fdatasync_ms(folder: Path, *, overwrite: bool, count: int = 300) -> float:
    data = os.urandom(PAGE_WRITE)
    path = folder / ("overwrite" if overwrite else "append")
    fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_TRUNC, 0o600)
    try:
        if overwrite:
            os.write(fd, bytes(PAGE_WRITE * count))
            os.fsync(fd)
            os.lseek(fd, 0, os.SEEK_SET)
        times = []
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, data)
            os.fdatasync(fd)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return statistics.median(times)


def calibration(folder: Path | None = None) -> dict[str, float]:
    """The machine's figures (see the module's docstring), on the disk of ``folder``."""
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        return {
            "python_loop_ms": round(python_loop_ms(), 1),
            "fdatasync_overwrite_ms": round(fdatasync_ms(Path(tmp), overwrite=True), 3),
            "fdatasync_append_ms": round(fdatasync_ms(Path(tmp), overwrite=False), 3),
        }


if __name__ == "__main__":
    import json

    print(json.dumps(calibration()))
