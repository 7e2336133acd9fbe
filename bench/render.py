"""Render-time benchmark for the demand letter (DOCX and PDF), docgen vs a naive render.

What it measures, in one process:

* cold: the first render of each format in a fresh ``Docgen`` (for PDF this includes
  loading fonts and parsing the stylesheets); the document type is imported beforehand;
* warm: after 3 warm-up renders per format, per-document milliseconds of
  ``Docgen.render("demand_letter", data, fmt)`` over every fixture in
  ``fixtures/demand_letter/valid/`` in turn, reported as median and p95;
* naive baseline for the same inputs: ``DocxTemplate(path).render(context)`` with a plain
  jinja2 ``Environment``, and a fresh WeasyPrint ``HTML(string=...).write_pdf()`` with a
  ``CSS(filename=print.css)`` parsed each time and no shared ``FontConfiguration``; both
  build the context through the document type (parse and rules) each time, as docgen does;
* peak RSS of the process, and the peak before the naive runs (docgen alone).

Run from the repository root (after ``make test`` or ``bin/bootstrap --dev``)::

    .venv/bin/python bench/render.py                 # readable table
    .venv/bin/python bench/render.py --json          # one JSON object on stdout
    .venv/bin/python bench/render.py --iterations-pdf 10 --iterations-docx 50

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from weasyprint import CSS, HTML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's docgen, even if the venv has no editable install

from docgen.config import Settings  # noqa: E402
from docgen.documents import registry  # noqa: E402
from docgen.documents.base import RuleOptions  # noqa: E402
from docgen.services import Docgen  # noqa: E402

TYPE_NAME = "demand_letter"
WARMUP = 3
FIXTURES = ROOT / "fixtures" / TYPE_NAME / "valid"


def timed(fn: Callable[[], Any]) -> float:
    """Milliseconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def run(render: Callable[[Any], Any], cases: list[Any], iterations: int) -> list[float]:
    """Warm up, then time ``iterations`` renders cycling through ``cases``."""
    for i in range(WARMUP):
        render(cases[i % len(cases)])
    return [timed(functools.partial(render, cases[i % len(cases)])) for i in range(iterations)]


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
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes vs KiB


def naive_renderers(docgen: Docgen) -> tuple[Callable[[Any], bytes], Callable[[Any], bytes]]:
    """Straightforward docxtpl / WeasyPrint renders with nothing shared between calls."""
    doc_type = registry.get(TYPE_NAME)
    templates = docgen.settings.templates_dir
    docx_path = str(templates / doc_type.templates["docx"])
    html_name = doc_type.templates["html"]
    base_url = (templates / html_name).as_uri()
    css_path = templates / "_shared" / "print.css"

    def context(data: Any) -> dict[str, Any]:
        case, assessment = doc_type.check(data, RuleOptions())
        return doc_type.build_context(case, assessment)

    def docx(data: Any) -> bytes:
        template = DocxTemplate(docx_path)
        template.render(context(data), jinja_env=jinja2.Environment(autoescape=True))
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()

    def pdf(data: Any) -> bytes:
        markup = docgen.pdf.render_html(html_name, context(data))
        return bytes(HTML(string=markup, base_url=base_url).write_pdf(
            stylesheets=[CSS(filename=str(css_path))]
        ))

    return docx, pdf


def measure(iterations_pdf: int, iterations_docx: int) -> dict[str, Any]:
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
    registry.get(TYPE_NAME)  # import the document type so cold times are about rendering

    cold = {}
    for fmt in ("pdf", "docx"):
        fresh = Docgen(Settings())
        cold[fmt] = timed(lambda d=fresh, f=fmt: d.render(TYPE_NAME, cases[0], f))

    docgen = Docgen(Settings())
    naive_docx, naive_pdf = naive_renderers(docgen)
    samples = {
        "docx": run(lambda c: docgen.render(TYPE_NAME, c, "docx"), cases, iterations_docx),
        "pdf": run(lambda c: docgen.render(TYPE_NAME, c, "pdf"), cases, iterations_pdf),
    }
    docgen_rss = peak_rss_mib()  # before the naive PDFs, which each load the fonts afresh
    samples["docx_naive"] = run(naive_docx, cases, iterations_docx)
    samples["pdf_naive"] = run(naive_pdf, cases, iterations_pdf)

    result: dict[str, Any] = {}
    for key, values in samples.items():
        result[f"{key}_ms"] = round(statistics.median(values), 2)
        result[f"{key}_p95_ms"] = round(p95(values), 2)
    for fmt in ("docx", "pdf"):
        result[f"{fmt}_naive_ratio"] = round(result[f"{fmt}_naive_ms"] / result[f"{fmt}_ms"], 2)
        result[f"{fmt}_cold_ms"] = round(cold[fmt], 2)
        result[f"{fmt}_iterations"] = len(samples[fmt])
    result.update(
        fixtures=len(cases),
        peak_rss_mib=round(peak_rss_mib(), 1),
        peak_rss_docgen_mib=round(docgen_rss, 1),
        python=platform.python_version(),
        machine=machine(),
        date=date.today().isoformat(),
    )
    return result


def print_table(r: dict[str, Any]) -> None:
    header = ("format", "docgen median", "docgen p95", "naive median", "naive p95",
              "naive/docgen", "cold (1st)")
    rows = [
        (fmt.upper(), f"{r[f'{fmt}_ms']:.1f} ms", f"{r[f'{fmt}_p95_ms']:.1f} ms",
         f"{r[f'{fmt}_naive_ms']:.1f} ms", f"{r[f'{fmt}_naive_p95_ms']:.1f} ms",
         f"{r[f'{fmt}_naive_ratio']:.2f}x", f"{r[f'{fmt}_cold_ms']:.1f} ms")
        for fmt in ("docx", "pdf")
    ]
    footer = (
        f"{r['fixtures']} fixtures round-robin, {r['docx_iterations']} DOCX / "
        f"{r['pdf_iterations']} PDF iterations after {WARMUP} warm-up each\n"
        f"peak RSS {r['peak_rss_mib']:.1f} MiB (docgen runs only: "
        f"{r['peak_rss_docgen_mib']:.1f} MiB); Python {r['python']}; {r['machine']}; {r['date']}"
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
    parser.add_argument("--json", action="store_true", help="print one JSON object only")
    args = parser.parse_args()
    result = measure(max(1, args.iterations_pdf), max(1, args.iterations_docx))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
