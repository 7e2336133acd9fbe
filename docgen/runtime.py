"""Process-level settings for processes that render many documents (web and batch workers).

Laying out a PDF allocates hundreds of thousands of short-lived objects (boxes, computed
styles, text runs), so CPython's cyclic garbage collector runs a few hundred times per 24
letters, and its older-generation collections walk every long-lived object of the process
as well: loaded fonts, parsed stylesheets, compiled templates. Once a worker is warm,
:func:`settle` collects what warm-up left behind and moves the survivors out of the
collector's view (``gc.freeze``: they stay alive for the life of the process anyway), so
collections only walk what rendering allocates.

The collection thresholds are left as they are: raising the young-generation threshold
made collections rarer still but let a rendering worker's memory grow with the number of
letters (184 -> 266 MiB from 100 to 1,000 letters, against a flat 163 MiB with the freeze
alone; see docs/benchmarks-history.md).

:func:`settle` also fixes the C allocator's threshold for blocks of their own
(:func:`separate_large_blocks`).
"""

from __future__ import annotations

import ctypes
import gc
import sys

CHUNKS_PER_CHILD = 200
"""Chunks a batch worker process renders before a new one takes its place (the local
pool is replaced by a new one after this many chunks per process, Celery's
``worker_max_tasks_per_child``): the Typst
binding keeps what it laid out of every letter and never evicts it, so a process
rendering letters of their own grows (173 MiB at 1,000 letters, 242 MiB at 10,000;
docs/benchmarks.md); 200 chunks are some 3,200 letters, a new process costs a warm-up."""

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's starting value


def separate_large_blocks() -> bool:
    """Keep glibc giving every block of 128 KB or more a mapping of its own, returned to
    the system when freed; whether the allocator took the setting.

    glibc starts there but raises the threshold to the size of each such block freed (up
    to 32 MB): after the first print parts, PDFs and font files of a worker were freed,
    their successors came from the heap, between small objects that outlive them, and the
    heap kept what they left (a batch worker's peak about 10 MiB higher; see
    docs/benchmarks-history.md). A fixed threshold stops that raising. No-op off glibc.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))


def settle() -> None:
    """Collect, then freeze what is alive now (call once, after warm-up); fix the C
    allocator's threshold for blocks of their own."""
    separate_large_blocks()
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Undo :func:`settle` (benchmarks' naive baselines run without it)."""
    gc.unfreeze()
