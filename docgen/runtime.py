"""Process-level settings for processes that render many documents (web and batch workers).

Laying out a PDF allocates hundreds of thousands of short-lived objects (boxes, computed
styles, text runs). With CPython's default thresholds the cyclic garbage collector runs
a few hundred times per 24 letters, and its full collections walk every long-lived
object of the process as well: loaded fonts, parsed stylesheets, compiled templates.
Once a worker is warm, :func:`settle` collects what warm-up left behind, moves the
survivors out of the collector's view (``gc.freeze``: they stay alive for the life of
the process anyway) and raises the young-generation threshold, so collections are rare
and short. Reference counting still frees acyclic garbage at once, so memory stays flat;
the collector still runs, only less often (see docs/benchmarks.md for the figures).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
"""Allocations between young-generation collections (CPython's default is 700)."""

DEFAULT_THRESHOLDS = (700, 10, 10)


def settle(young_threshold: int = YOUNG_THRESHOLD) -> None:
    """Freeze what is alive now and make young collections rarer (call after warm-up)."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(young_threshold, middle, old)


def unsettle() -> None:
    """Undo :func:`settle`: CPython's default collector settings (benchmarks' baselines)."""
    gc.unfreeze()
    gc.set_threshold(*DEFAULT_THRESHOLDS)
