"""docgen apikey / user / delivery from the shell, on the configured database."""

from __future__ import annotations

import hashlib
import re

import pytest

from docgen.cli import main
from docgen.config import Settings
from docgen.register.access import ApiKeys, Users
from docgen.services import DocumentService
from docgen.tenants import DEFAULT_TENANT_ID
from tests.support import load_fixture

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


@pytest.fixture
def shell(runner, tmp_path, monkeypatch):
    """Run ``docgen`` with its data (and SQLite register) in a fresh directory."""
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DOCGEN_DATABASE_URL", raising=False)

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input)

    return run


def test_apikey_create_list_revoke(shell):
    created = shell("apikey", "create", "催收系统A")
    assert created.exit_code == 0, created.output
    key = re.search(r"dgk_[0-9a-f]+_\S+", created.output).group(0)
    key_id = key.split("_")[1]
    keys = ApiKeys(DocumentService(Settings()).register)
    assert keys.authenticate(key).name == "催收系统A"

    listed = shell("apikey", "list")
    assert f"{key_id}\t催收系统A" in listed.output and "有效" in listed.output
    assert key.split("_", 2)[2] not in listed.output

    assert shell("apikey", "revoke", key_id).exit_code == 0
    assert keys.authenticate(key) is None
    assert "已吊销" in shell("apikey", "list").output
    unknown = shell("apikey", "revoke", "nosuch")
    assert unknown.exit_code == 2 and "没有编号为" in unknown.output


def test_user_create_stores_a_checkable_password_hash(shell):
    result = shell("user", "create", "lawyer1", "--password", "correct horse battery")
    assert result.exit_code == 0, result.output
    users = Users(DocumentService(Settings()).register)
    assert users.authenticate("lawyer1", "correct horse battery").name == "lawyer1"
    assert users.authenticate("lawyer1", "wrong password!") is None
    short = shell("user", "create", "lawyer2", "--password", "short")
    assert short.exit_code == 2 and "至少10个字符" in short.output
    again = shell("user", "create", "lawyer1", "--password", "another long one")
    assert again.exit_code == 2 and "已存在" in again.output


def test_delivery_import_records_good_rows_and_reports_bad_ones_by_line(shell, service, tmp_path):
    docgen = DocumentService(Settings(), engines=service.engines)
    issued = docgen.render("demand_letter", PERSON, "pdf")
    csv_file = tmp_path / "ems.csv"
    csv_file.write_text(
        "document_id,tracking_number,sent_on,delivered_on\n"
        f"{issued.document_id},EA123456785CN,2026-11-20,2026-11-22\n"
        f"{issued.document_id},EA123456789CN,2026-11-20,2026-11-22\n"
        "NOSUCHDOC,1234567890123,,2026-11-22\n"
        f"{issued.document_id},1234567890123,2026-11-20,22/11/2026\n",
        encoding="utf-8-sig",
    )
    result = shell("delivery", "import", str(csv_file))
    assert result.exit_code == 1
    assert "已登记 1 条，拒绝 3 条" in result.output
    assert "第3行  tracking_number  [tracking_check_digit]" in result.output
    assert "第4行  document_id  [document_unknown]" in result.output
    assert "第5行  delivered_on  [date_invalid]" in result.output
    (delivery,) = docgen.register.deliveries(issued.document_id, DEFAULT_TENANT_ID)
    assert (delivery.tracking_number, str(delivery.delivered_on)) == ("EA123456785CN", "2026-11-22")
    assert delivery.recorded_by == "cli"
    assert (
        docgen.register.get(issued.document_id, None).outputs[0].sha256
        == hashlib.sha256(issued.content).hexdigest()
    )
