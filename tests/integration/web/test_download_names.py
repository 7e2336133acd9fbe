"""T12 in the files handed out: a name typed in a case never becomes a path.

The file names of a download, and the entries of a ZIP, are built from case data (a
party, a case type). A ``/``, ``\\`` or ``..`` typed there used to reach the ZIP's
entries as they were: ``证据目录-../../../../tmp/evil-2026-11-20.pdf`` is a path that an
unzip tool would write four folders above the one it was asked to (zip slip). Each
name is now made safe where it is built; the document still prints what was typed.
"""

from __future__ import annotations

import io
import json
import urllib.parse
import zipfile
from typing import Any

from tests import exhibit_samples as samples
from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

HOSTILE = ("../../../../tmp/evil", "某某/../../公司", "某某\\..\\..\\公司")
FILES = {"合同.pdf": samples.pdf_with_pages("contract", 2)}
EXHIBIT = {"name": "买卖合同", "source": "原告持有", "purpose": "证明买卖关系", "file": "合同.pdf"}


def _download_name(response: Any) -> str:
    disposition = response.headers["Content-Disposition"]
    return urllib.parse.unquote(disposition.split("filename*=UTF-8''", 1)[1])


def _plain(name: str) -> bool:
    """A name with no folder in it: what an unzip tool writes where it was asked to."""
    return "/" not in name and "\\" not in name


def test_an_evidence_lists_submitter_is_no_path_in_its_zip(client):
    case = load_fixture("evidence_list", "valid", "without_parties_or_role")
    for submitter in HOSTILE:
        case["submitter"] = submitter
        response = client.post("/api/v1/documents/evidence_list?formats=pdf,docx", json=case)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        assert _plain(_download_name(response))
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            names = archive.namelist()
            assert all(_plain(name) for name in names), names
            docx = next(n for n in names if n.endswith(".docx"))
            assert submitter in docx_text(archive.read(docx))  # printed as typed


def _bundle_case(case_type: str, defendant: str) -> dict[str, Any]:
    return {
        "court": "上海市浦东新区人民法院",
        "case_type": case_type,
        "plaintiffs": ["上海某某贸易有限公司"],
        "defendants": [defendant, "张三"],
        "filing_date": "2026-11-20",
        "claim_amount": "50000",
        "separators": False,
        "copies": "files",
        "exhibits": [EXHIBIT],
    }


def test_a_bundles_case_type_and_defendants_are_no_paths_in_its_zip(client):
    for typed in HOSTILE:
        form = {
            "case": json.dumps(_bundle_case(typed, typed), ensure_ascii=False),
            "exhibit": [(io.BytesIO(content), name) for name, content in FILES.items()],
        }
        response = client.post(
            "/api/v1/bundles?output=zip", data=form, content_type="multipart/form-data"
        )
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        assert _plain(_download_name(response))
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            names = archive.namelist()
            assert all(_plain(name) for name in names), names
            copies = [n for n in names if "副本" in n]
            assert len(copies) == 2
            cover = pdf_pages_text(archive.read(next(n for n in copies if "张三" not in n)))[0]
            assert f"送达被告：{typed}" in normalize(cover)  # the cover names them as typed
