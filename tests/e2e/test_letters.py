"""Letters through the API and CLI: firm profiles, letter numbers, one letter per recipient."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import pytest

from docgen.cli import main
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

LAWYER = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
GUARANTEED = load_fixture("lawyer_letter", "valid", "company_debtor_with_guarantor")
FIRM = LAWYER["sender"]


def _pdf_text(content: bytes) -> str:
    return normalize("".join(pdf_pages_text(content)))


def test_lawyer_letter_from_a_stored_profile_gets_consecutive_numbers(client):
    firm = dict(FIRM, letter_prefix="京档案")
    pid = client.post("/api/v1/sender-profiles", json=firm).json["id"]
    data = copy.deepcopy(LAWYER)
    del data["sender"]
    data["sender_profile_id"] = pid
    first = client.post("/api/v1/documents/lawyer_letter", json=data)
    second = client.post("/api/v1/documents/lawyer_letter?format=docx", json=data)
    assert first.status_code == 200 and second.status_code == 200
    assert "（2026）京档案律函字第1号" in _pdf_text(first.data)
    assert "（2026）京档案律函字第2号" in normalize(docx_text(second.data))
    text = _pdf_text(first.data)
    assert "承办律师：王立新" in text and "11101201510876543" in text


def test_validating_uses_no_number_and_an_unknown_profile_is_reported(client):
    data = copy.deepcopy(LAWYER)
    del data["sender"]
    data["sender_profile_id"] = 424242
    report = client.post("/api/v1/documents/lawyer_letter/validate", json=data).json
    assert report["valid"] is False
    assert [e["loc"] for e in report["errors"]] == [["sender_profile_id"]]
    response = client.post("/api/v1/documents/lawyer_letter", json=data)
    assert response.status_code == 422
    assert response.json[0]["code"] == "profile_not_found"


def test_several_recipients_come_back_as_a_zip_with_one_letter_each(client):
    response = client.post("/api/v1/documents/lawyer_letter", json=GUARANTEED)
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert 'filename="lawyer_letter.zip"' in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = sorted(archive.namelist())
    assert names == [
        "manifest.json",
        "律师函-刘芳-20260915.pdf",
        "律师函-福州闽江建材有限公司-20260915.pdf",
    ]
    to_guarantor = _pdf_text(archive.read("律师函-刘芳-20260915.pdf"))
    assert "致：刘芳" in to_guarantor and "刘芳女士：" in to_guarantor
    assert "您为上述债务提供连带责任保证" in to_guarantor
    assert "人民币16,409.02元" in to_guarantor
    to_debtor = _pdf_text(archive.read("律师函-福州闽江建材有限公司-20260915.pdf"))
    assert "致：福州闽江建材有限公司" in to_debtor and "刘芳女士" not in to_debtor
    # the guarantor is named only as sent a letter of her own, under the signature
    assert to_debtor.count("刘芳") == 1 and "另函致：保证人刘芳" in to_debtor
    # the note on the deadline moved past the holiday (民法典 art. 203) closes the letter
    assert to_debtor.index("另函致：保证人刘芳") < to_debtor.index("注：本函出具之日起第10日")


def test_a_single_recipient_stays_a_plain_pdf(client):
    response = client.post("/api/v1/documents/lawyer_letter", json=LAWYER)
    assert response.status_code == 200 and response.mimetype == "application/pdf"


def test_demand_letter_to_debtor_and_guarantor(client, service):
    data = load_fixture("demand_letter", "valid", "person_debtor")
    data["guarantors"] = [copy.deepcopy(GUARANTEED["guarantors"][0])]
    data["guarantees"] = [
        {"type": "joint", "contract": "2025年1月10日签订的《保证合同》", "claimed_on": "2026-02-09"}
    ]
    letters = service.render_each("demand_letter", data, "pdf")
    assert [r.filename for r in letters] == [
        "催款函-张伟-20261120.pdf",
        "催款函-刘芳-20261120.pdf",
    ]
    to_guarantor = _pdf_text(letters[1].content)
    assert "致：刘芳" in to_guarantor
    assert "截至2026年10月31日，张伟尚欠我方款项明细如下" in to_guarantor
    assert "您为上述债务提供连带责任保证" in to_guarantor
    # the receipt slip is signed by the guarantor, with a fingerprint box
    receipt = normalize(pdf_pages_text(letters[1].content)[-1])
    assert "保证人：刘芳" in receipt and "签字并按手印：" in receipt and "指印" in receipt
    to_debtor = _pdf_text(letters[0].content)
    assert "截至2026年10月31日，您尚欠我方款项明细如下" in to_debtor


def test_demand_letter_guarantor_equal_to_the_debtor_is_refused(client):
    data = load_fixture("demand_letter", "valid", "person_debtor")
    data["guarantors"] = [copy.deepcopy(data["debtor"])]
    data["guarantees"] = [
        {"type": "joint", "contract": "2025年1月10日签订的《保证合同》", "claimed_on": "2026-02-09"}
    ]
    response = client.post("/api/v1/documents/demand_letter", json=data)
    assert response.status_code == 422
    errors = [e["loc"] for e in response.json if e["severity"] == "error"]
    assert errors == [["guarantors", 0]]


def test_cli_writes_one_file_per_recipient(runner, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))
    case = tmp_path / "case.json"
    case.write_text(json.dumps(GUARANTEED, ensure_ascii=False), "utf-8")
    out = tmp_path / "out" / "letter.docx"
    result = runner.invoke(main, ["render", "lawyer_letter", str(case), "-o", str(out)])
    assert result.exit_code == 0, result.output
    first, second = out.with_name("letter-1.docx"), out.with_name("letter-2.docx")
    assert "致：福州闽江建材有限公司" in normalize(docx_text(first.read_bytes()))
    assert "致：刘芳" in normalize(docx_text(second.read_bytes()))
    assert not out.exists()
