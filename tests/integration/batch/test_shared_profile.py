"""A sender profile as a shared value of a batch run: every letter carries its details."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader

from docgen.cli import main
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileStore
from docgen.tenants import DEFAULT_TENANT_ID
from tests.batch_support import person_case, sheet, write_csv

pytestmark = pytest.mark.slow

CREDITOR = {
    "name": "深圳市恒信商贸有限公司",
    "kind": "creditor",
    "address": "广东省深圳市福田区福华三路88号财富大厦12层",
    "phone": "0755-86001234",
    "bank_account": {
        "account_name": "深圳市恒信商贸有限公司",
        "bank": "招商银行深圳分行",
        "account_number": "6222 0000 1111 2222",
    },
}


def _sheet_without_sender(path, n: int):
    cases = []
    for i in range(n):
        case = person_case(i)
        del case["contact"], case["payment_account"]
        cases.append(case)
    headers, rows = sheet(cases)
    return write_csv(path, headers, rows)


def test_a_run_with_a_profile_prints_its_phone_and_account_in_every_letter(
    runner, tmp_path, monkeypatch
):
    from docgen import db

    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    from docgen.config import Settings

    store = ProfileStore(db.upgrade(Settings().effective_database_url))
    profile_id = store.add(DEFAULT_TENANT_ID, SenderProfile.model_validate(CREDITOR)).id
    source = _sheet_without_sender(tmp_path / "cases.csv", 3)
    out = tmp_path / "runs"
    args = ["batch", "run", str(source), "--type", "demand_letter", "--out", str(out)]
    result = runner.invoke(main, [*args, "--profile", str(profile_id), "--processes", "1"])
    assert result.exit_code == 0, result.output
    (folder,) = out.iterdir()
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    assert (summary["rendered"], summary["rejected"]) == (3, 0)
    letters = sorted((folder / "letters").glob("*.pdf"))
    assert len(letters) == 3
    for path in letters:
        text = re.sub(r"\s", "", "".join(p.extract_text() for p in PdfReader(path).pages))
        assert "联系电话：0755-86001234" in text
        assert "账号：6222000011112222" in text

    # an unknown profile refuses the whole run before any row is read: one clear message
    refused = runner.invoke(main, [*args, "--profile", "999999", "--processes", "1"])
    assert refused.exit_code == 2
    assert "发件人资料 999999 不存在，整批未开始生成" in refused.output
    assert len(list(out.iterdir())) == 1  # no second run was created
