"""A filing bundle with a complaint and the papers filed with it, made from fixtures that
agree with each other: the complaint of a company lender, its power of attorney and the
law firm's letter for the one lawyer the complaint names (黄丽), the certificate of its
legal representative (陈建国, 执行董事 as in the complaint) and its service address.
Shared by the bundle tests that build it and those that change one thing in it."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from tests import exhibit_samples as samples
from tests.support import load_fixture

COMPLAINT = load_fixture("civil_complaint", "valid", "elements_company_lender")
PLAINTIFF = COMPLAINT["plaintiffs"][0]["party"]
DEFENDANTS = [d["party"]["name"] for d in COMPLAINT["defendants"]]
REPRESENTATIVE_ID = "440301196805120037"  # 陈建国's, in the certificate
REPRESENTATIVE_MOBILE = "13602601234"
AGENT_ID = "440304198709140327"  # 黄丽's, in the power of attorney
AGENT_LICENSE = "14403201510987654"  # 黄丽's, in the complaint, the power and the letter
AGENT_FIRM = "广东华商律师事务所"
# an exhibit for each item of the complaint's evidence list, named as the list names it:
# its source and purpose are the complaint's (docgen/bundle/complaint_evidence.py)
EXHIBITS = [
    ("借款合同", "contract.pdf"),
    ("最高额保证合同", "guarantee.pdf"),
    ("银行转账凭证及还款流水", "transfers.pdf"),
    ("提前到期通知书（致被告王磊、福州闽江建材有限公司）及送达记录", "notice.pdf"),
    ("委托代理合同、律师费发票及付款凭证", "fee.pdf"),
]
FILES = {
    file: samples.pdf_with_pages(file.removesuffix(".pdf"), 2 if i == 0 else 1)
    for i, (*_, file) in enumerate(EXHIBITS)
}

PAPER_FIXTURES = {
    "service_address": "company_paper_only",
    "power_of_attorney": "company_general_one_lawyer",
    "firm_letter": "one_lawyer_for_a_company",
    "representative_certificate": "plaintiff_company_for_the_case",
}


def paper(type_name: str, fixture: str | None = None) -> dict[str, Any]:
    """A paper as a user lists it: the fixture without its case (the bundle fills in the
    court, cause and parties from the complaint)."""
    data = load_fixture(type_name, "valid", fixture or PAPER_FIXTURES[type_name])
    del data["case"]
    return {"type": type_name, "data": data}


def papers(**fixtures: str) -> list[dict[str, Any]]:
    """The four papers in no particular order (as a user lists them); ``fixtures`` names
    another valid fixture for a type."""
    return [paper(name, fixtures.get(name)) for name in PAPER_FIXTURES]


def bundle_case(**changes: Any) -> dict[str, Any]:
    case: dict[str, Any] = {
        "court": COMPLAINT["court"],
        "case_type": "民间借贷纠纷",
        "filing_date": "2026-11-16",
        "complaint": {"type": "civil_complaint", "data": copy.deepcopy(COMPLAINT)},
        "papers": papers(),
        "exhibits": [{"name": name, "file": file} for name, file in EXHIBITS],
    }
    case.update(changes)
    return case


def filed(complaint: dict[str, Any]) -> list[dict[str, Any]]:
    """An exhibit for each item of another complaint's evidence, named as it lists it (its
    source and purpose the complaint's), the files of ``FILES`` in turn."""
    return [
        {"name": item["name"], "file": file}
        for item, file in zip(complaint["evidence"], itertools.cycle(FILES), strict=False)
    ]


def data_of(case: dict[str, Any], type_name: str) -> dict[str, Any]:
    """The data of the case's (first) paper of ``type_name``, to change it."""
    data: dict[str, Any] = next(p["data"] for p in case["papers"] if p["type"] == type_name)
    return data


def index_of(case: dict[str, Any], type_name: str) -> int:
    return next(i for i, p in enumerate(case["papers"]) if p["type"] == type_name)


def namesakes(
    case: dict[str, Any], licenses: tuple[str, str], in_complaint: tuple[str, ...] = ()
) -> None:
    """Two lawyers of the firm both named 王伟 in the complaint, the power and the letter
    in place of 黄丽: the power and the letter give their licence numbers (the letter's
    in ``licenses`` order), the complaint those of ``in_complaint`` (none by default)."""
    phone = "0755-83025555"
    complaint_agent = {"firm": AGENT_FIRM, "phone": phone, "authority": "general"}
    agents: list[dict[str, Any]] = [
        {"name": "王伟", **complaint_agent},
        {"name": "王 伟", **complaint_agent},
    ]
    for agent, number in zip(agents, in_complaint, strict=False):
        agent["license_number"] = number
    case["complaint"]["data"]["plaintiffs"][0]["agents"] = agents
    power = {"name": "王伟", "kind": "lawyer", "firm": AGENT_FIRM, "phone": phone}
    data_of(case, "power_of_attorney")["agents"] = [
        {**power, "license_number": WANG_WEI[0]},
        {**power, "license_number": WANG_WEI[1]},
    ]
    data_of(case, "firm_letter")["lawyers"] = [
        {"name": "王伟", "license_number": number} for number in licenses
    ]


WANG_WEI = ("14403201210135791", "14403201810246802")
"""The licence numbers of two lawyers named 王伟 at the plaintiff's firm."""
