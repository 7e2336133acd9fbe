"""A batch worker process prints its chunk without the web application's modules, nor
those of the engines a default (Typst) chunk does not use: each would be resident in every
worker (Flask, WeasyPrint, Jinja, docxtpl, fontTools: tens of MB together)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NOT_LOADED = ("flask", "weasyprint", "jinja2", "docxtpl", "fontTools", "tinycss2", "pydyf")

WORKER = """
import json, sys
from pathlib import Path
from docgen import db
from docgen.batch.work import render_documents, service_for
from docgen.config import Settings

settings = Settings(data_dir=Path(sys.argv[1]))
service = service_for(settings)
db.upgrade(settings.effective_database_url)  # as planning the run did, before the workers
case = json.loads(Path("fixtures/demand_letter/valid/person_debtor.json").read_text("utf-8"))
made = render_documents(service, "demand_letter", [case], ["pdf", "docx"], [], batch_id="b")
kinds = {fmt: [type(r).__name__ for r in results] for fmt, results in made.items()}
loaded = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
print(json.dumps({"kinds": kinds, "loaded": loaded}))
"""


def test_a_batch_worker_prints_a_chunk_without_web_or_template_engines(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(tmp_path), json.dumps(NOT_LOADED)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["kinds"] == {"pdf": ["list"], "docx": ["list"]}
    assert report["loaded"] == []
