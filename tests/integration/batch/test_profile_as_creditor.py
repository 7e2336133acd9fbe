"""A creditor's sender profile holds its USCC, legal representative and signatory, so a
run's sheet needs only the debtors."""

from __future__ import annotations

import json

import pytest
from docx import Document
from pydantic import ValidationError
from sqlalchemy import select

from docgen import db
from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.batch.state import BatchItem
from docgen.config import Settings
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileStore
from docgen.tenants import DEFAULT_TENANT_ID
from tests.operator_sheets import row, write_csv

CREDITOR = {
    "name": "深圳市恒信商贸有限公司",
    "kind": "creditor",
    "address": "广东省深圳市福田区福华三路88号财富大厦12层",
    "phone": "0755-86001234",
    "uscc": "91440300MA5DABCD1K",
    "legal_representative": "陈建国",
    "signatory": "陈建国",
    "signatory_title": "法定代表人",
    "bank_account": {
        "account_name": "深圳市恒信商贸有限公司",
        "bank": "招商银行深圳分行",
        "account_number": "6222 0000 1111 2222",
    },
}


def test_a_creditor_profile_is_the_creditor_and_signer_of_every_letter(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path / "var"))
    settings = Settings()
    store = ProfileStore(db.upgrade(settings.effective_database_url))
    profile_id = store.add(DEFAULT_TENANT_ID, SenderProfile.model_validate(CREDITOR)).id
    source = write_csv(tmp_path / "debtors.csv", [row(i, "gbk") for i in range(2)], "gbk")
    batches = Batches(settings)
    shared = {"sender_profile_id": profile_id, "letter_date": "2026-11-20"}
    run_id = batches.create(
        source, RunOptions("demand_letter", ["docx"], shared), tmp_path / "r", DEFAULT_TENANT_ID
    )
    summary = batches.execute(run_id, LocalExecutor(1))
    assert (summary["rendered"], summary["rejected"]) == (2, 0), summary

    with db.session_scope(db.upgrade(settings.effective_database_url)) as session:
        for item in session.scalars(select(BatchItem).where(BatchItem.run_id == run_id)):
            assert "creditor" not in json.loads(item.data)
    for path in sorted((tmp_path / "r" / run_id / "letters").glob("*.docx")):
        text = "\n".join(p.text for p in Document(path).paragraphs)
        assert "深圳市恒信商贸有限公司" in text
        assert "陈建国" in text
        assert "招商银行深圳分行" in text


def test_a_profile_uscc_is_checked():
    with pytest.raises(ValidationError) as caught:
        SenderProfile.model_validate({**CREDITOR, "uscc": "91440300MA5DABCD1X"})
    (error,) = caught.value.errors()
    assert error["loc"] == ("uscc",)
