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
alone; see docs/benchmarks.md).
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect, then freeze what is alive now (call once, after warm-up)."""
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Undo :func:`settle` (benchmarks' naive baselines run without it)."""
    gc.unfreeze()
