"""A row with guarantors: one letter per recipient, each on its own in the run's outputs.

Also: the merged print volume takes its pages from the chunks as laid out, so its letters
share their fonts, while every letter PDF stays complete on its own.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from docgen import db
from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem
from docgen.batch.work import process_chunk
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import GUARANTOR_PERSON, person_case, sheet, write_csv

pytestmark = pytest.mark.slow

GUARANTORS = [
    GUARANTOR_PERSON,
    {
        "kind": "organization",
        "name": "上海申达机电设备有限公司",
        "uscc": "91310115600037341Y",
        "address": "上海市浦东新区张江路200号",
        "legal_representative": "赵明",
    },
]


def _text(reader: PdfReader, first: int, count: int) -> str:
    return "".join(reader.pages[i].extract_text() for i in range(first, first + count))


def test_each_recipient_gets_a_letter_a_manifest_row_and_an_odd_first_page(settings, tmp_path):
    guaranteed = person_case(1)
    guaranteed["guarantors"] = GUARANTORS
    guaranteed["guarantees"] = [
        {"type": "joint", "contract": "2025年1月10日签订的《保证合同》", "claimed_on": "2026-02-09"}
    ] * len(GUARANTORS)
    guaranteed["mailing"] = {"postcode": "100010", "guarantor_postcodes": ["518057", "200120"]}
    headers, rows = sheet([person_case(0), guaranteed, person_case(2), person_case(3)])
    source = write_csv(tmp_path / "cases.csv", headers, rows)
    database_url = f"sqlite:///{tmp_path / 'state.db'}"
    batches = Batches(settings, database_url)
    run_id = batches.create(
        source, RunOptions("demand_letter", chunk_size=2), tmp_path, DEFAULT_TENANT_ID
    )
    batches.plan(run_id)
    with db.session_scope(db.engine_for(database_url)) as session:
        keys = list(session.scalars(select(BatchItem.key).order_by(BatchItem.row_number)))
    # the chunk with the guarantors is done, then redelivered, then the run resumes
    assert process_chunk(settings, database_url, run_id, keys[:2]) == 2
    assert process_chunk(settings, database_url, run_id, keys[:2]) == 0
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (4, 0)

    folder = tmp_path / run_id
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as fh:
        manifest = list(csv.DictReader(fh))
    assert [(m["函件编号"], m["收件人"], m["邮政编码"]) for m in manifest] == [
        ("000002", "张伟0", ""),
        ("000003-1", "张伟1", "100010"),
        ("000003-2", "刘芳", "518057"),
        ("000003-3", "上海申达机电设备有限公司", "200120"),
        ("000004", "张伟2", ""),
        ("000005", "张伟3", ""),
    ]
    assert manifest[2]["收件地址"] == GUARANTORS[0]["address"]
    files = sorted(p.name for p in (folder / "letters").glob("*.pdf"))
    assert files == sorted(Path(m["PDF 文件"]).name for m in manifest)  # one file each
    assert files[1:4] == [
        "000003-1_催款函-张伟1-20261120.pdf",
        "000003-2_催款函-刘芳-20261120.pdf",
        "000003-3_催款函-上海申达机电设备有限公司-20261120.pdf",
    ]

    (volume_name,) = {m["打印文件"] for m in manifest}
    volume = PdfReader(folder / volume_name)
    letters_bytes = 0
    for entry in manifest:
        path = folder / entry["PDF 文件"]
        content = path.read_bytes()
        letters_bytes += len(content)
        assert hashlib.sha256(content).hexdigest() == entry["PDF SHA-256"]
        letter = PdfReader(path)  # complete on its own: its text comes out of its own fonts
        assert int(entry["页数"]) == len(letter.pages)
        first = int(entry["打印起始页"])
        assert first % 2 == 1
        assert _text(volume, first - 1, len(letter.pages)) == _text(letter, 0, len(letter.pages))
    # without line breaks: a phrase may wrap at the end of a line
    guarantor_letter = re.sub(r"\s+", "", _text(PdfReader(folder / manifest[2]["PDF 文件"]), 0, 1))
    assert "刘芳" in guarantor_letter and "提供连带责任保证" in guarantor_letter
    # the volume holds the letters' own pages (each with its own font subsets), each once
    assert (folder / volume_name).stat().st_size < letters_bytes
    assert not (folder / "print" / "parts").exists()
    assert not list(folder.rglob("*.part"))
