"""docgen against other document generators, on the same letter.

Every tool prints the same words: the templates are made from docgen's own DOCX of
``fixtures/demand_letter/valid/person_debtor.json`` (register off, so no stamp), with the
debtor's name and the total replaced by each tool's placeholders; each tool fills them
with the same two values. Per document, median wall milliseconds:

* docgen: ``DocumentService.render`` of the letter to DOCX and to PDF, in the configuration users
  run (register on, Typst; a fresh SQLite register in a temporary folder, committed to
  disk per document) and with the register off; each render a letter of its own (its own
  debtor, contract and number, ``bench/letters.py``), as in a real batch: Typst reuses
  what it laid out for identical paragraphs, so the same case rendered again would be
  faster than any real letter;
* docxtemplater + PizZip (Node): template read, filled and zipped per document, timed in
  Node (no process start counted);
* Carbone (Node): to DOCX, and to PDF through the LibreOffice on the machine (Carbone
  keeps one LibreOffice running; needs ``python3-uno``);
* docxtpl, naive: ``DocxTemplate(path).render(context)`` and saved, per document;
* LibreOffice: ``soffice --headless --convert-to pdf`` of docgen's DOCX, one process per
  document (as a script calling it per file does; the profile folder made beforehand).

Each output is checked to hold the debtor's name and the total (text of word/document.xml,
or of the PDF's pages). The Node packages are installed with npm into a cache folder
(``--peers-dir``, default ``~/.cache/docgen-peers``; nothing is added to the repository).
Prints one JSON object: each tool's median, its ratio to docgen's median for the same
format, the machine, the load average before and after, and the date.

Run from the repository root (after ``bin/bootstrap --dev``)::

    .venv/bin/python bench/peers.py                 # 20 documents a tool, 3 for soffice
    .venv/bin/python bench/peers.py --n 50 --n-slow 5

This is not a test: it asserts nothing and lives outside ``tests/``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's docgen, even if the venv has no editable install

from letters import Letters  # noqa: E402  (bench/, the script's folder)
from machine import calibration  # noqa: E402

from docgen import runtime  # noqa: E402
from docgen.config import Settings  # noqa: E402
from docgen.services import DocumentService  # noqa: E402

CASE = ROOT / "fixtures" / "demand_letter" / "valid" / "person_debtor.json"
PACKAGES = ("docxtemplater@3", "pizzip@3", "carbone@3")
WARMUP = 2
MARKERS = {  # each tool's placeholders for (name, total)
    "docxtemplater": ("{debtor_name}", "{total}"),
    "carbone": ("{d.debtor_name}", "{d.total}"),
    "docxtpl": ("{{ debtor_name }}", "{{ total }}"),
}
NODE_SCRIPT = r"""
const fs = require('fs');
const args = JSON.parse(process.argv[2]);
const now = () => Number(process.hrtime.bigint()) / 1e6;
async function docxtemplater() {
  const PizZip = require('pizzip');
  const Docxtemplater = require('docxtemplater');
  const zip = new PizZip(fs.readFileSync(args.template, 'binary'));
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render(args.data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
function carbone(convertTo) {
  const carbone = require('carbone');
  const options = convertTo ? { convertTo } : {};
  return new Promise((resolve, reject) => carbone.render(
    args.template, args.data, options, (err, out) => err ? reject(err) : resolve(out)));
}
async function main() {
  const one = args.tool === 'docxtemplater' ? docxtemplater
    : () => carbone(args.tool === 'carbone_pdf' ? 'pdf' : null);
  const times = [];
  let out = null;
  for (let i = 0; i < args.warmup + args.n; i++) {
    const start = now();
    out = await one();
    if (i >= args.warmup) times.push(now() - start);
  }
  fs.writeFileSync(args.out, out);
  process.stdout.write(JSON.stringify({ times }));
  process.exit(0);  // Carbone keeps LibreOffice running otherwise
}
main().catch((err) => { console.error(err); process.exit(1); });
"""


def install(peers_dir: Path) -> Path:
    """The Node packages in ``peers_dir`` (npm install once; kept between runs)."""
    peers_dir.mkdir(parents=True, exist_ok=True)
    if not (peers_dir / "package.json").exists():
        (peers_dir / "package.json").write_text('{"name": "docgen-peers", "private": true}\n')
    wanted = ("docxtemplater", "pizzip", "carbone")
    if not all((peers_dir / "node_modules" / name).is_dir() for name in wanted):
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", *PACKAGES],
            cwd=peers_dir,
            check=True,
            timeout=600,
        )
    script = peers_dir / "peers-run.js"
    script.write_text(NODE_SCRIPT, encoding="utf-8")
    return script


def docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def pdf_text(content: bytes) -> str:
    return re.sub(
        r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages)
    )


def holds(content: bytes, fmt: str, words: tuple[str, ...]) -> bool:
    text = docx_text(content) if fmt == "docx" else pdf_text(content)
    return all(word in text for word in words)


def template(source: bytes, words: tuple[str, str], markers: tuple[str, str]) -> bytes:
    """docgen's DOCX with ``words`` (name, total) replaced by a tool's ``markers``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for word, marker in zip(words, markers, strict=True):
                    if word not in xml:
                        raise RuntimeError(f"{word!r} is not in one run of document.xml")
                    xml = xml.replace(word, marker)
                data = xml.encode("utf-8")
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def timed(fn: Callable[[], bytes], n: int) -> tuple[list[float], bytes]:
    """Wall milliseconds of ``n`` calls after ``WARMUP``, and the last output."""
    out = b""
    for _ in range(WARMUP):
        out = fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, out


def node_tool(
    script: Path, tool: str, path: Path, data: dict[str, str], n: int
) -> tuple[list[float], bytes]:
    """Run ``tool`` in Node; its own timings (no process start) and its last output."""
    out = path.with_name(f"{tool}.out")
    args = {"tool": tool, "template": str(path), "data": data, "n": n, "warmup": WARMUP}
    args["out"] = str(out)
    # Carbone looks for soffice.bin and a python3 with LibreOffice's uno module on PATH
    # (the system's python, not a virtualenv's)
    program = Path(os.path.realpath(shutil.which("soffice") or "/usr/bin/soffice")).parent
    env = {**os.environ, "PATH": f"{program}:/usr/bin:/bin:{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["node", str(script), json.dumps(args, ensure_ascii=False)],
        cwd=script.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    return json.loads(done.stdout)["times"], out.read_bytes()


def soffice_each(soffice: str, source: Path, n: int) -> tuple[list[float], bytes]:
    """One ``soffice --convert-to pdf`` process per document."""
    profile = (source.parent / "lo-profile").as_uri()
    outdir = source.parent / "lo-out"

    def one() -> bytes:
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip
        return (outdir / f"{source.stem}.pdf").read_bytes()

    one()  # the profile folder, made once
    times = []
    out = b""
    for _ in range(n):
        start = time.perf_counter()
        out = one()
        times.append((time.perf_counter() - start) * 1000)
    return times, out


def machine() -> str:
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} CPUs ({model})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="documents per fast tool")
    parser.add_argument("--n-slow", type=int, default=3, help="documents per LibreOffice run")
    parser.add_argument("--peers-dir", type=Path, default=Path.home() / ".cache" / "docgen-peers")
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]
    case = json.loads(CASE.read_text(encoding="utf-8"))
    script = install(args.peers_dir)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    results: dict[str, dict[str, Any]] = {}

    def note(name: str, fmt: str, times: list[float], out: bytes, words: tuple[str, str]) -> None:
        results[name] = {
            "format": fmt,
            "median_ms": round(statistics.median(times), 2),
            "n": len(times),
            "prints_name_and_total": holds(out, fmt, words),
        }

    with tempfile.TemporaryDirectory(prefix="docgen-peers-") as tmp:
        folder = Path(tmp)
        base = Settings(data_dir=folder / "data")
        services = {
            "": DocumentService(base),  # register on, the default engine
            "_register_off": DocumentService(base.model_copy(update={"register_documents": False})),
        }
        source = services["_register_off"].render("demand_letter", case, "docx").content
        total = re.search(r"合计人民币([\d,]+\.\d{2})元", docx_text(source))
        if total is None:
            raise RuntimeError("no total in docgen's letter")
        words = (case["debtor"]["name"], total.group(1))
        data = {"debtor_name": words[0], "total": words[1]}
        letters = Letters(start=1)  # the template's letter is the fixture's own
        for suffix, service in services.items():
            service.warm_up()
            runtime.settle()  # as a web worker does after warm-up
            for fmt in ("docx", "pdf"):
                fresh = iter(letters.take(WARMUP + args.n))  # a letter of its own each time
                seen: list[str] = []

                def one(
                    s: DocumentService = service, f: str = fmt, fresh: Any = fresh, seen: Any = seen
                ) -> bytes:
                    letter = next(fresh)
                    seen.append(letter["debtor"]["name"])
                    return s.render("demand_letter", letter, f).content

                times, out = timed(one, args.n)
                note(f"docgen{suffix}_{fmt}", fmt, times, out, (seen[-1], words[1]))
        runtime.unsettle()  # the peers in this process run with CPython's default collector
        paths = {}
        for tool, markers in MARKERS.items():
            paths[tool] = folder / f"{tool}.docx"
            paths[tool].write_bytes(template(source, words, markers))
        times, out = node_tool(script, "docxtemplater", paths["docxtemplater"], data, args.n)
        note("docxtemplater_docx", "docx", times, out, words)
        times, out = node_tool(script, "carbone_docx", paths["carbone"], data, args.n)
        note("carbone_docx", "docx", times, out, words)

        def naive_docxtpl() -> bytes:
            document = DocxTemplate(str(paths["docxtpl"]))
            document.render(data)
            buffer = io.BytesIO()
            document.save(buffer)
            return buffer.getvalue()

        times, out = timed(naive_docxtpl, args.n)
        note("docxtpl_naive_docx", "docx", times, out, words)
        if soffice is not None:
            times, out = node_tool(script, "carbone_pdf", paths["carbone"], data, args.n_slow)
            note("carbone_pdf", "pdf", times, out, words)
            letter = folder / "letter.docx"
            letter.write_bytes(source)
            times, out = soffice_each(soffice, letter, args.n_slow)
            note("soffice_convert_pdf", "pdf", times, out, words)
    for entry in results.values():
        reference = results[f"docgen_{entry['format']}"]["median_ms"]
        entry["ratio_to_docgen"] = round(entry["median_ms"] / reference, 1)
    print(
        json.dumps(
            {
                "letter": str(CASE.relative_to(ROOT)),
                "tools": results,
                "docgen": "register on, Typst (the default); docgen_register_off_* beside",
                "machine": machine(),
                "load_average_before": load_before,
                "load_average_after": [round(x, 2) for x in os.getloadavg()],
                "machine_calibration": calibration(),
                "date": date.today().isoformat(),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
