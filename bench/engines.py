"""Another engine for the batch path, measured: Typst beside docgen's WeasyPrint path.

WeasyPrint lays out and draws in Python; ``bench/pdf_profile.py`` shows that this part
alone, which chunking cannot share, keeps a demand letter above 100 ms of CPU, so
20 letters per second on 2 cores is out of its reach. This script measures docgen's second
PDF engine beside it: Typst (a typesetting engine written in Rust, the ``typst`` package
on PyPI) rendering the same demand letters from the same template context, with
``templates/demand_letter/letter.typ`` (``docgen/render/typst_pdf.py``).

For the demand-letter fixtures it prints, in one run:

* CPU milliseconds per letter (median): ``DocumentService.render`` (one by one),
  ``DocumentService.render_many`` (chunks) and Typst (context built the same way, then compiled);
* letters per second with 2 processes for the chunked WeasyPrint path and for Typst;
* that every Typst letter carries the facts that matter: the debtor, the total in
  figures and in words, the payment deadline and the letter date (text read back with
  pypdf); a missing fact is reported, not hidden.

Run from the repository root (after ``bin/bootstrap --dev``)::

    .venv/bin/python bench/engines.py          # table
    .venv/bin/python bench/engines.py --json   # one JSON object

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import typst
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from letters import load_cases  # noqa: E402 - bench/letters.py, beside this script

from docgen import runtime  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.services import PDF_CHUNK, DocumentService  # noqa: E402

TYPE_NAME = "demand_letter"


class TypstLetters:
    """Demand letters through Typst, from the context docgen builds for its templates."""

    def __init__(self, docgen: DocumentService) -> None:
        self.docgen = docgen

    def render(self, case: Any) -> bytes:
        _case, _assessment, context = self.docgen.context_for(TYPE_NAME, case)
        return self.docgen.typst.render("demand_letter/letter.typ", context)


def cpu_ms(render: Any, cases: list[Any], rounds: int) -> float:
    samples = []
    for i in range(rounds):
        start = time.process_time()
        render(cases[i % len(cases)])
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def facts_missing(docgen: DocumentService, case: Any, pdf: bytes) -> list[str]:
    """The facts of ``case`` that the PDF's text does not carry."""
    _case, _assessment, context = docgen.context_for(TYPE_NAME, case)
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    )
    facts = {
        "debtor": context["debtor"]["name"],
        "total": context["amounts"]["total"],
        "total in words": context["amounts"]["total_upper"],
        "deadline": context["deadline"]["text"],
        "letter date": context["letter_date"],
    }
    return [name for name, value in facts.items() if re.sub(r"\s+", "", value) not in text]


def worker(engine: str, letters: int, barrier: Any, out: Any) -> None:
    cases = load_cases()
    docgen = DocumentService(Settings(register_documents=False))
    batch = load_cases(letters, len(cases))  # each timed letter rendered once
    if engine == "typst":
        typst_letters = TypstLetters(docgen)
        typst_letters.render(cases[0])

        def work() -> None:
            for case in batch:
                typst_letters.render(case)
    else:
        docgen.render_many(TYPE_NAME, cases, "pdf")

        def work() -> None:
            docgen.render_many(TYPE_NAME, batch, "pdf")

    runtime.settle()
    barrier.wait()
    start = time.perf_counter()
    work()
    out.put((start, time.perf_counter()))


def letters_per_second(engine: str, letters: int, processes: int = 2) -> float:
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(processes), ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(engine, letters, barrier, out)) for _ in range(processes)
    ]
    for proc in procs:
        proc.start()
    reports = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    return processes * letters / (max(r[1] for r in reports) - min(r[0] for r in reports))


def measure(rounds: int, weasy_letters: int, typst_letters: int) -> dict[str, Any]:
    cases = load_cases()
    docgen = DocumentService(Settings(register_documents=False))
    docgen.warm_up()
    typst_path = TypstLetters(docgen)
    typst_path.render(cases[0])
    runtime.settle()
    chunk = [cases[i % len(cases)] for i in range(PDF_CHUNK)]
    docgen.render_many(TYPE_NAME, chunk, "pdf")

    start = time.process_time()
    for _ in range(max(1, rounds // PDF_CHUNK)):
        docgen.render_many(TYPE_NAME, chunk, "pdf")
    chunk_ms = (time.process_time() - start) * 1000 / (max(1, rounds // PDF_CHUNK) * PDF_CHUNK)

    missing = {}
    for k, case in enumerate(cases):
        gaps = facts_missing(docgen, case, typst_path.render(case))
        if gaps:
            missing[f"case {k + 1}"] = gaps
    return {
        "weasyprint_single_cpu_ms": round(
            cpu_ms(lambda c: docgen.render(TYPE_NAME, c, "pdf"), cases, rounds), 1
        ),
        "weasyprint_chunk_cpu_ms": round(chunk_ms, 1),
        "typst_cpu_ms": round(
            cpu_ms(typst_path.render, load_cases(rounds * 5, len(cases)), rounds * 5), 2
        ),
        "weasyprint_chunk_per_s_2_processes": round(
            letters_per_second("weasyprint", weasy_letters), 1
        ),
        "typst_per_s_2_processes": round(letters_per_second("typst", typst_letters), 1),
        "typst_facts_missing": missing,
        "fixtures": len(cases),
        "typst": typst.__version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=32)
    parser.add_argument("--weasyprint-letters", type=int, default=48)
    parser.add_argument("--typst-letters", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    r = measure(args.rounds, args.weasyprint_letters, args.typst_letters)
    if args.json:
        print(json.dumps(r, ensure_ascii=False))
        return
    print(f"{'figure':<44}{'WeasyPrint':>12}{'Typst':>10}")
    print(
        f"{'CPU ms per letter, one by one':<44}"
        f"{r['weasyprint_single_cpu_ms']:>12}{r['typst_cpu_ms']:>10}"
    )
    print(f"{'CPU ms per letter, chunked':<44}{r['weasyprint_chunk_cpu_ms']:>12}{'-':>10}")
    print(
        f"{'letters/s, 2 processes':<44}{r['weasyprint_chunk_per_s_2_processes']:>12}"
        f"{r['typst_per_s_2_processes']:>10}"
    )
    print(
        "Typst letters carry every checked fact"
        if not r["typst_facts_missing"]
        else f"facts missing from Typst letters: {r['typst_facts_missing']}"
    )


if __name__ == "__main__":
    main()
