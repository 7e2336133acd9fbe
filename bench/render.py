"""Render-time benchmark for the demand letter (DOCX and PDF), docgen vs a naive render.

What it measures, in one process, in the configuration users run: the register on (every
document recorded in a SQLite register in a temporary data directory, committed with
``synchronous=FULL`` before the render returns) and the default PDF engine (Typst); the
same renders with the register off are reported beside (``*_register_off``):

* cold: the first render of each format in a fresh ``DocumentService`` (for PDF this includes
  loading fonts and parsing the stylesheets); the document type is imported beforehand;
* warm: after ``DocumentService.warm_up()`` and ``docgen.runtime.settle()`` (what a web worker
  does before its first request) and 3 warm-up renders per format, per-document
  milliseconds of ``DocumentService.render("demand_letter", data, fmt)``, each of a letter
  no render of the process saw before (``bench/letters.py``: variants of
  ``fixtures/demand_letter/valid/person_debtor.json``, each its own debtor, contract and
  number; Typst reuses what it laid out for identical paragraphs, so a letter rendered
  again would be faster than a real one), reported as median and p95; every valid
  fixture is printed once as well (``fixtures_rendered``);
* naive baseline for the same inputs: ``DocxTemplate(path).render(context)`` with a plain
  jinja2 ``Environment``, and a fresh WeasyPrint ``HTML(string=...).write_pdf()`` with a
  ``CSS(filename=print.css)`` parsed each time and no shared ``FontConfiguration``; both
  build the context through the document type (parse and rules) each time, as docgen does,
  and run with CPython's default garbage-collector settings (``runtime.unsettle()``);
* register: ``Register.record`` of one rendered letter (durable: one FULL commit, as a
  single render does), wall and CPU milliseconds, and per letter of a batch chunk of
  ``PDF_CHUNK`` (``record_many(resumable=True)``: one NORMAL commit);
* peak RSS of the process, and the peak before the naive runs (docgen alone);
* batch: two worker processes (one per core) each print ``--batch-letters`` letters after
  a warm-up, started together, as batch workers do (``docgen.batch.work.
  render_documents``): per chunk of ``PDF_CHUNK`` letters, each case validated once, the
  PDFs laid out together with the chunk's print part, the DOCX, the register entries of
  both (one commit per chunk, both workers on one SQLite file); at the end each worker
  copies its print parts into one print volume (``pikepdf``, as
  ``docgen.batch.outputs.write_volume`` does). Naive: a fresh WeasyPrint render per
  letter. Reported as letters per second over both processes, with each worker's peak RSS;
* LibreOffice headless ``--convert-to pdf`` of docgen's own DOCX of the letters (one
  ``soffice`` run converting them all, per document), where ``soffice`` is installed
  (``bench/peers.py`` times other tools, one ``soffice`` run per document among them).

``--rss-letters 100,1000,10000`` additionally renders that many letters in one fresh
worker each (chunked, PDF with print parts and DOCX, register on, as a batch worker does)
and reports the worker's peak RSS, to show that memory stays flat with the number of
letters.

Run from the repository root (after ``make test`` or ``bin/bootstrap --dev``)::

    .venv/bin/python bench/render.py                 # readable table
    .venv/bin/python bench/render.py --json          # one JSON object on stdout
    .venv/bin/python bench/render.py --iterations-pdf 10 --iterations-docx 50

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import io
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's docgen, even if the venv has no editable install

from letters import Letters, load_cases  # noqa: E402  (bench/letters.py)
from machine import calibration  # noqa: E402  (bench/, the script's folder)

from docgen import runtime  # noqa: E402
from docgen.batch.work import render_documents  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.documents import registry  # noqa: E402
from docgen.documents.base import RuleOptions  # noqa: E402
from docgen.services import DocumentService  # noqa: E402

TYPE_NAME = "demand_letter"
WARMUP = 3
# letters a batch worker renders before it is timed (one chunk of them)
PDF_CHUNK_WARM = 16
FIXTURES = ROOT / "fixtures" / TYPE_NAME / "valid"
# the register's database, shared with the batch workers (spawned: they inherit it)
DATA = Path(os.environ.setdefault("DOCGEN_BENCH_DATA", tempfile.mkdtemp(prefix="docgen-bench-")))


def settings(register: bool = True, **changes: Any) -> Settings:
    """The default settings (Typst, register on) on the bench's own data directory."""
    font_cache = Settings().effective_font_cache_dir  # prepared fonts: made once per machine
    return Settings(
        data_dir=DATA,
        font_cache_dir=font_cache,
        register_documents=register,
        **changes,
    )


EXAMPLES = ROOT / "docs" / "examples"


def timed(fn: Callable[[], Any]) -> float:
    """Milliseconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


CPU: dict[int, list[float]] = {}  # id(samples) -> CPU milliseconds of the same renders


def run(render: Callable[[Any], Any], cases: list[Any], iterations: int) -> list[float]:
    """Warm up, then time ``iterations`` renders, each of a case of its own where ``cases``
    holds ``WARMUP + iterations`` of them (else cycling through them).

    Returns wall-clock milliseconds; the process CPU milliseconds of the same renders are
    kept in ``CPU`` (less sensitive to other jobs on a shared machine, not immune).
    """
    for i in range(WARMUP):
        render(cases[i % len(cases)])
    wall, cpu = [], []
    for i in range(WARMUP, WARMUP + iterations):
        start = time.process_time()
        wall.append(timed(functools.partial(render, cases[i % len(cases)])))
        cpu.append((time.process_time() - start) * 1000)
    CPU[id(wall)] = cpu
    return wall


def p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def machine() -> str:
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} CPUs ({model}), {platform.platform()}"


def peak_rss_mib() -> float:
    """Peak RSS of this process. VmHWM where Linux has it: ``ru_maxrss`` of a spawned
    worker starts from its parent's peak (fork copies it and exec keeps it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes vs KiB


def naive_renderers(
    docgen: DocumentService,
) -> tuple[Callable[[Any], bytes], Callable[[Any], bytes]]:
    """Straightforward docxtpl / WeasyPrint renders with nothing shared between calls."""
    # imported here: a docgen batch worker (spawned, importing this module) has neither
    import jinja2
    from docxtpl import DocxTemplate
    from weasyprint import CSS, HTML

    doc_type = registry.get(TYPE_NAME)
    templates = docgen.settings.templates_dir
    # the letter as a firm's docxtpl and HTML templates (docs/examples; the built-in
    # letter prints from docgen/layouts, which has no template file to render naively)
    docx_path = str(EXAMPLES / f"{TYPE_NAME}.docx")
    html_name = str(EXAMPLES / f"{TYPE_NAME}.html")
    base_url = (templates / "_shared" / "print.css").as_uri()
    css_path = templates / "_shared" / "print.css"

    def context(data: Any) -> dict[str, Any]:
        case = doc_type.parse(data)
        return doc_type.context(case, doc_type.evaluate(case, RuleOptions()))

    def docx(data: Any) -> bytes:
        template = DocxTemplate(docx_path)
        template.render(context(data), jinja_env=jinja2.Environment(autoescape=True))
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()

    def pdf(data: Any) -> bytes:
        markup = docgen.pdf.render_html(html_name, context(data))
        return bytes(
            HTML(string=markup, base_url=base_url).write_pdf(
                stylesheets=[CSS(filename=str(css_path))]
            )
        )

    return docx, pdf


def load_fixtures() -> list[Any]:
    """Every valid fixture of the type (not the ``*.expect.json`` beside some of them,
    which hold the warnings a fixture is expected to draw)."""
    return [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(FIXTURES.glob("*.json"))
        if not p.name.endswith(".expect.json")
    ]


def resumable(function: Callable[..., Any]) -> dict[str, bool]:
    """``resumable=True`` where ``function`` takes it (a checkout from before the register
    told a batch chunk apart is benchmarked with the same script)."""
    return {"resumable": True} if "resumable" in inspect.signature(function).parameters else {}


def render_chunk(docgen: DocumentService, cases: list[Any], prints: list[Any]) -> list[Any]:
    """A batch chunk in PDF (with its print part) and DOCX as ``docgen.batch.work`` renders
    it, register on: every result. A checkout from before a chunk was validated once for
    both formats renders each format in turn, as its worker did."""
    options = {"batch_id": "bench", **resumable(render_documents)}
    if "formats" in inspect.signature(render_documents).parameters:
        made = render_documents(docgen, TYPE_NAME, cases, ["pdf", "docx"], prints, **options)
        return [r for results in made.values() for r in results]
    return [
        r
        for fmt in ("pdf", "docx")
        for r in render_documents(
            docgen, TYPE_NAME, cases, fmt, prints=prints if fmt == "pdf" else None, **options
        )
    ]


def batch_worker(naive: bool, letters: int, barrier: Any, out: Any) -> None:
    """One batch worker: warm up, wait for the others, print ``letters`` letters."""
    if not naive:  # what a docgen batch worker does first (its pool's initializer)
        runtime.separate_large_blocks()
    # the warm-up's letters are not the timed ones: each timed letter is rendered once
    cases, batch = load_cases(PDF_CHUNK_WARM), load_cases(letters, PDF_CHUNK_WARM)
    docgen = DocumentService(settings())
    if naive:
        _, naive_pdf = naive_renderers(docgen)
        naive_pdf(cases[0])

        def work() -> None:
            for case in batch:
                naive_pdf(case)
    else:
        from docgen.services import PDF_CHUNK

        def chunk(cases: list[Any], prints: list[Any]) -> None:
            assert all(not isinstance(r, Exception) for r in render_chunk(docgen, cases, prints))

        chunk(cases, [])
        runtime.settle()  # as a batch worker process does

        def work() -> None:
            prints: list[Any] = []
            for start in range(0, len(batch), PDF_CHUNK):
                chunk(batch[start : start + PDF_CHUNK], prints)
            volume(prints)

    barrier.wait()
    start, cpu = time.perf_counter(), time.process_time()
    work()
    out.put((start, time.perf_counter(), peak_rss_mib(), time.process_time() - cpu))


def volume(prints: list[Any]) -> int:
    """The worker's print parts copied into one print volume, as the batch's finalize
    step does with qpdf; its page count."""
    import pikepdf

    merged = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(part.content)) for part in prints]
    for source in sources:
        merged.pages.extend(source.pages)
    out = io.BytesIO()
    merged.save(out)
    for source in sources:
        source.close()
    return len(merged.pages)


def measure_batch(naive: bool, letters: int, workers: int = 2) -> tuple[float, float, float]:
    """Letters per second over ``workers`` processes, the largest worker peak RSS, and the
    workers' CPU milliseconds per letter."""
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(workers), ctx.Queue()
    procs = [
        ctx.Process(target=batch_worker, args=(naive, letters, barrier, out))
        for _ in range(workers)
    ]
    for proc in procs:
        proc.start()
    reports = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    elapsed = max(r[1] for r in reports) - min(r[0] for r in reports)
    cpu_ms = sum(r[3] for r in reports) * 1000 / (workers * letters)
    return workers * letters / elapsed, max(r[2] for r in reports), cpu_ms


def rss_worker(letters: int, out: Any) -> None:
    """A batch worker's chunks (PDF with its print part, then DOCX, register on) for
    ``letters`` letters, each its own (up to 8,000; then in turn); the print
    parts are dropped after each chunk, as a worker writes them out."""
    cases = load_cases(min(letters, 8000))
    docgen = DocumentService(settings())
    runtime.settle()
    from docgen.services import PDF_CHUNK

    done = 0
    while done < letters:
        count = min(PDF_CHUNK, letters - done)
        chunk = [cases[(done + i) % len(cases)] for i in range(count)]
        render_chunk(docgen, chunk, [])
        done += count
    out.put(peak_rss_mib())


def measure_rss(letters: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=rss_worker, args=(letters, out))
    proc.start()
    rss = out.get()
    proc.join()
    return float(rss)


def measure_libreoffice(docgen: DocumentService, cases: list[Any]) -> float | None:
    """Milliseconds per document for ``soffice --convert-to pdf`` of docgen's DOCX."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, case in enumerate(cases):
            path = Path(tmp) / f"letter{i}.docx"
            path.write_bytes(docgen.render(TYPE_NAME, case, "docx").content)
            paths.append(str(path))
        profile = Path(tmp, "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            *paths,
        ]
        subprocess.run(command, capture_output=True, check=True, timeout=600)  # profile set-up
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=600)
        elapsed = time.perf_counter() - start
        if len(list(Path(tmp).glob("letter*.pdf"))) != len(cases):
            return None
    return elapsed * 1000 / len(cases)


def fixtures_rendered(docgen: DocumentService) -> int:
    """Every valid fixture prints (a check that the bench's letter is not a lucky one)."""
    for case in load_fixtures():
        docgen.render(TYPE_NAME, case, "pdf")
    return len(load_fixtures())


def measure_register(
    docgen: DocumentService, cases: list[Any], iterations: int
) -> dict[str, float]:
    """Milliseconds to record one letter (durable, FULL) and per letter of a chunk."""
    from docgen.register import Issue, Stamp
    from docgen.services import PDF_CHUNK

    register = docgen.register
    assert register is not None
    made = [docgen.render(TYPE_NAME, case, "pdf") for case in cases]
    doc_type = registry.get(TYPE_NAME)

    def issue(k: int) -> Issue:
        case = doc_type.model.model_validate(cases[k % len(cases)])
        return Issue(
            Stamp.new(),
            TYPE_NAME,
            "layouts/demand_letter.py@typst",
            "0" * 64,
            case.model_dump(mode="json"),
            "pdf",
            made[k % len(made)].content + os.urandom(8),  # a file of its own
            "bench",
            None,
            "0" * 64,
            docgen.tenant_id,
        )

    fresh = iter([issue(k) for k in range(WARMUP + iterations)])  # each recorded once
    wall = run(lambda _case: register.record(next(fresh)), cases, iterations)
    chunks = [[issue(k) for k in range(PDF_CHUNK)] for _ in range(max(3, iterations // 10))]
    per_letter = [
        timed(lambda c=chunk: register.record_many(c, **resumable(register.record_many)))
        / PDF_CHUNK
        for chunk in chunks
    ]
    return {
        "register_ms": round(statistics.median(wall), 3),
        "register_p95_ms": round(p95(wall), 3),
        "register_cpu_ms": round(statistics.median(CPU[id(wall)]), 3),
        "register_chunk_ms": round(statistics.median(per_letter), 3),
    }


def measure(iterations_pdf: int, iterations_docx: int) -> dict[str, Any]:
    letters = Letters()
    cases = letters.take(8)  # the cold renders, the register's files, LibreOffice's
    registry.get(TYPE_NAME)  # import the document type so cold times are about rendering
    load_before = os.getloadavg()

    cold = {}
    for fmt in ("pdf", "docx"):
        fresh = DocumentService(settings())
        cold[fmt] = timed(lambda d=fresh, f=fmt: d.render(TYPE_NAME, cases[0], f))

    docgen = DocumentService(settings())
    unregistered = DocumentService(settings(register=False))
    naive_docx, naive_pdf = naive_renderers(docgen)
    for service in (docgen, unregistered):
        service.warm_up()
    runtime.settle()  # as a web worker does after warm-up
    samples = {}
    # register on and off in turn, so that both meet the same load on a shared machine
    for fmt, iterations in (("docx", iterations_docx), ("pdf", iterations_pdf)):
        for key, service in ((fmt, docgen), (f"{fmt}_register_off", unregistered)):
            own = letters.take(WARMUP + iterations)
            samples[key] = run(
                lambda c, d=service, f=fmt: d.render(TYPE_NAME, c, f), own, iterations
            )
    registered = measure_register(docgen, cases, iterations_docx)
    docgen_rss = peak_rss_mib()  # before the naive PDFs, which each load the fonts afresh
    runtime.unsettle()  # the naive baselines run with CPython's default collector
    samples["docx_naive"] = run(naive_docx, letters.take(WARMUP + iterations_docx), iterations_docx)
    samples["pdf_naive"] = run(naive_pdf, letters.take(WARMUP + iterations_pdf), iterations_pdf)

    result: dict[str, Any] = {
        "engine": docgen.settings.pdf_engine,
        "register": docgen.settings.register_documents,
    }
    for key, values in samples.items():
        name = key.replace("_register_off", "")
        suffix = "_register_off" if key.endswith("_register_off") else ""
        result[f"{name}_ms{suffix}"] = round(statistics.median(values), 2)
        result[f"{name}_p95_ms{suffix}"] = round(p95(values), 2)
        result[f"{name}_cpu_ms{suffix}"] = round(statistics.median(CPU[id(values)]), 2)
    result.update(registered)
    for fmt in ("docx", "pdf"):
        result[f"{fmt}_naive_ratio"] = round(result[f"{fmt}_naive_ms"] / result[f"{fmt}_ms"], 2)
        result[f"{fmt}_cold_ms"] = round(cold[fmt], 2)
        result[f"{fmt}_iterations"] = len(samples[fmt])
    libreoffice = measure_libreoffice(docgen, cases)
    result["libreoffice_pdf_ms"] = round(libreoffice, 2) if libreoffice is not None else None
    if libreoffice is not None:
        result["libreoffice_ratio"] = round(libreoffice / result["pdf_ms"], 2)
    result.update(
        cases=letters.next,
        fixtures_rendered=fixtures_rendered(docgen),
        peak_rss_mib=round(peak_rss_mib(), 1),
        peak_rss_docgen_mib=round(docgen_rss, 1),
        python=platform.python_version(),
        machine=machine(),
        date=date.today().isoformat(),
        load_average_before=[round(x, 2) for x in load_before],
    )
    return result


def print_table(r: dict[str, Any]) -> None:
    header = (
        "format",
        "docgen median",
        "docgen p95",
        "naive median",
        "naive p95",
        "naive/docgen",
        "cold (1st)",
    )
    rows = [
        (
            fmt.upper(),
            f"{r[f'{fmt}_ms']:.1f} ms",
            f"{r[f'{fmt}_p95_ms']:.1f} ms",
            f"{r[f'{fmt}_naive_ms']:.1f} ms",
            f"{r[f'{fmt}_naive_p95_ms']:.1f} ms",
            f"{r[f'{fmt}_naive_ratio']:.2f}x",
            f"{r[f'{fmt}_cold_ms']:.1f} ms",
        )
        for fmt in ("docx", "pdf")
    ]
    rows += [
        (
            f"{fmt.upper()}, register off",
            f"{r[f'{fmt}_ms_register_off']:.1f} ms",
            f"{r[f'{fmt}_p95_ms_register_off']:.1f} ms",
            "",
            "",
            "",
            "",
        )
        for fmt in ("docx", "pdf")
    ]
    rows.append(
        (
            "register (FULL; chunk)",
            f"{r['register_ms']:.2f} ms",
            f"{r['register_p95_ms']:.2f} ms",
            f"{r['register_chunk_ms']:.2f} ms",
            "",
            "",
            "",
        )
    )
    rows.append(
        (
            "batch (2 processes)",
            f"{r['batch_pdf_per_s']:.1f}/s",
            "",
            f"{r['batch_pdf_naive_per_s']:.1f}/s",
            "",
            f"{r['batch_naive_ratio']:.2f}x",
            "",
        )
    )
    if r.get("libreoffice_pdf_ms"):
        rows.append(
            (
                "LibreOffice",
                f"{r['libreoffice_pdf_ms']:.1f} ms",
                "",
                "",
                "",
                f"{r['libreoffice_ratio']:.2f}x",
                "",
            )
        )
    footer = (
        f"{r['cases']} variants of person_debtor.json round-robin, {r['docx_iterations']} DOCX / "
        f"{r['pdf_iterations']} PDF iterations after {WARMUP} warm-up each\n"
        f"peak RSS {r['peak_rss_mib']:.1f} MiB (docgen runs only: "
        f"{r['peak_rss_docgen_mib']:.1f} MiB; batch worker {r['batch_peak_rss_mib']:.1f} MiB"
        f"{'; by letters ' + str(r['rss_by_letters_mib']) if 'rss_by_letters_mib' in r else ''}"
        f"); Python {r['python']}; {r['machine']}; {r['date']}; engine {r['engine']}, "
        f"register on; load average {r['load_average_before']} -> {r['load_average_after']}\n"
        f"machine: {r['machine_calibration']}"
    )
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
        for row in (header, *rows):
            print("  ".join(str(cell).rjust(w) for cell, w in zip(row, widths, strict=True)))
        print(footer)
        return
    table = Table(title=f"docgen render benchmark: {TYPE_NAME}")
    for i, name in enumerate(header):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console = Console()
    console.print(table)
    console.print(footer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations-pdf", type=int, default=30)
    parser.add_argument("--iterations-docx", type=int, default=200)
    parser.add_argument(
        "--batch-letters",
        type=int,
        default=96,
        help="letters per batch worker for docgen (a quarter of it for naive)",
    )
    parser.add_argument(
        "--rss-letters",
        default="",
        help="comma-separated letter counts for the memory runs, e.g. 100,1000",
    )
    parser.add_argument(
        "--rss-only", action="store_true", help="only the memory runs of --rss-letters"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    args = parser.parse_args()
    if args.rss_only:
        counts = [int(x) for x in (args.rss_letters or "100,1000").split(",")]
        rss = {n: round(measure_rss(n), 1) for n in counts}
        print(json.dumps({"rss_by_letters_mib": rss, "machine": machine()}))
        return
    result = measure(max(1, args.iterations_pdf), max(1, args.iterations_docx))
    letters = max(4, args.batch_letters)
    result["batch_pdf_per_s"], result["batch_peak_rss_mib"], result["batch_pdf_cpu_ms"] = (
        round(v, 2) for v in measure_batch(False, letters)
    )
    (
        result["batch_pdf_naive_per_s"],
        result["batch_naive_peak_rss_mib"],
        result["batch_pdf_naive_cpu_ms"],
    ) = (round(v, 2) for v in measure_batch(True, max(4, letters // 4)))
    result["batch_naive_ratio"] = round(
        result["batch_pdf_per_s"] / result["batch_pdf_naive_per_s"], 2
    )
    result["batch_letters_per_worker"] = letters
    if args.rss_letters:
        result["rss_by_letters_mib"] = {
            n: round(measure_rss(n), 1) for n in (int(x) for x in args.rss_letters.split(","))
        }
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["machine_calibration"] = calibration(DATA)
    shutil.rmtree(DATA, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
