"""Where a PDF's time goes: WeasyPrint's phases per letter, one by one and in chunks.

Run from the repository root (after ``bin/bootstrap --dev``)::

    .venv/bin/python bench/pdf_profile.py            # table
    .venv/bin/python bench/pdf_profile.py --json     # one JSON object

For the demand-letter fixtures, rendered warm with the register off, it times (process
CPU milliseconds per letter, medians over ``--rounds`` rounds):

* ``template``: docgen's own work before WeasyPrint: validation, rules, context, Jinja
  and the glyph check;
* ``parse``: WeasyPrint's HTML parsing;
* ``cascade``: computing the styles of every element (``get_all_computed_styles``);
* ``boxes``: building the box tree (``build_formatting_structure``);
* ``layout``: line breaking and pagination (``layout_document``);
* ``draw``: painting the pages into PDF content streams (``draw_page``);
* ``fonts``: subsetting and embedding the fonts (``build_fonts_dictionary``);
* ``write``: the rest of writing the file (objects, compression, metadata, splitting).

Single letters go through ``DocumentService.render``; chunks through ``DocumentService.render_many``
(``PDF_CHUNK`` letters laid out as one document, then written one PDF per letter). What
chunking cannot share — cascade, boxes, layout and drawing grow with the letters — is
the floor of the per-letter cost with this engine; the script prints it and the letters
per second two processes could reach at best if everything else cost nothing.
This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import weasyprint
import weasyprint.document as wdocument
import weasyprint.pdf as wpdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letters import load_cases  # noqa: E402 - bench/letters.py, beside this script

from docgen import runtime  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.services import PDF_CHUNK, DocumentService  # noqa: E402

TYPE_NAME = "demand_letter"
PHASES = ("template", "parse", "cascade", "boxes", "layout", "draw", "fonts", "write")
SPENT: dict[str, float] = defaultdict(float)
_ACTIVE: list[str] = []


def _timed(phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` with its CPU time added to ``phase`` (and not to an enclosing phase)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        _ACTIVE.append(phase)
        try:
            return fn(*args, **kwargs)
        finally:
            _ACTIVE.pop()
            spent = time.process_time() - start
            SPENT[phase] += spent
            if _ACTIVE:
                SPENT[_ACTIVE[-1]] -= spent

    return wrapper


def _timed_generator(phase: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        iterator = fn(*args, **kwargs)
        step = _timed(phase, lambda: next(iterator, _DONE))
        while (item := step()) is not _DONE:
            yield item

    return wrapper


_DONE = object()


def instrument() -> None:
    """Wrap WeasyPrint's phase functions where ``Document`` and ``generate_pdf`` find them."""
    wdocument.get_all_computed_styles = _timed("cascade", wdocument.get_all_computed_styles)
    wdocument.build_formatting_structure = _timed("boxes", wdocument.build_formatting_structure)
    wdocument.layout_document = _timed_generator("layout", wdocument.layout_document)
    wdocument.draw_page = _timed("draw", wdocument.draw_page)
    wpdf.build_fonts_dictionary = _timed("fonts", wpdf.build_fonts_dictionary)
    html_init = weasyprint.HTML.__init__
    weasyprint.HTML.__init__ = _timed("parse", html_init)  # type: ignore[method-assign]


def profile(render: Callable[[], Any], letters: int) -> dict[str, float]:
    """CPU milliseconds per letter in each phase for one call of ``render``."""
    SPENT.clear()
    start = time.process_time()
    render()
    total = time.process_time() - start
    known = sum(SPENT.values())
    SPENT["template+write"] = total - known
    return {phase: value * 1000 / letters for phase, value in SPENT.items()} | {
        "total": total * 1000 / letters
    }


def split_rest(figures: dict[str, float], template_ms: float) -> dict[str, float]:
    """``template+write`` split with the separately measured template cost."""
    out = {phase: figures.get(phase, 0.0) for phase in PHASES if phase not in ("template", "write")}
    rest = figures["template+write"]
    out["template"] = min(template_ms, rest)
    out["write"] = rest - out["template"]
    out["total"] = figures["total"]
    return out


def measure(rounds: int) -> dict[str, Any]:
    docgen = DocumentService(Settings(register_documents=False))
    cases = load_cases()
    docgen.warm_up()
    runtime.settle()
    chunk = [cases[i % len(cases)] for i in range(PDF_CHUNK)]
    docgen.render_many(TYPE_NAME, chunk, "pdf")

    def template_only() -> None:
        for case in chunk:
            _case, _assessment, context = docgen.context_for(TYPE_NAME, case)
            markup = docgen.pdf.render_html("demand_letter/letter.html", context)
            docgen.pdf.check_glyphs(markup)

    start = time.process_time()
    template_only()
    template_ms = (time.process_time() - start) * 1000 / len(chunk)

    instrument()
    single_rounds, chunk_rounds = [], []
    for _ in range(rounds):
        single_rounds.append(
            profile(lambda: [docgen.render(TYPE_NAME, c, "pdf") for c in chunk], len(chunk))
        )
        chunk_rounds.append(
            profile(lambda: docgen.render_many(TYPE_NAME, chunk, "pdf"), len(chunk))
        )

    def median(rows: list[dict[str, float]]) -> dict[str, float]:
        keys = rows[0].keys()
        return {k: statistics.median(r.get(k, 0.0) for r in rows) for k in keys}

    single = split_rest(median(single_rounds), template_ms)
    chunked = split_rest(median(chunk_rounds), template_ms)
    floor = sum(chunked[p] for p in ("cascade", "boxes", "layout", "draw"))
    return {
        "letters_per_round": len(chunk),
        "rounds": rounds,
        "single_ms": {k: round(v, 1) for k, v in single.items()},
        "chunk_ms": {k: round(v, 1) for k, v in chunked.items()},
        "floor_ms": round(floor, 1),
        "floor_letters_per_s_2_processes": round(2000 / floor, 1),
        "weasyprint": weasyprint.__version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.rounds)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"CPU ms per letter, {result['letters_per_round']} letters x {result['rounds']} rounds")
    print(f"{'phase':<10}{'one by one':>12}{'chunked':>10}")
    for phase in (*PHASES, "total"):
        print(f"{phase:<10}{result['single_ms'][phase]:>12.1f}{result['chunk_ms'][phase]:>10.1f}")
    print(
        f"floor (cascade+boxes+layout+draw, chunked): {result['floor_ms']} ms per letter"
        f" -> at most {result['floor_letters_per_s_2_processes']} letters/s on 2 processes"
    )


if __name__ == "__main__":
    main()
