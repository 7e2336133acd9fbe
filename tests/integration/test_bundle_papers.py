"""A filing bundle with the papers filed with a complaint, made from the same case data:
their order, their pages and page numbers, the evidence list's page ranges after them."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from docgen.bundle.papers import PAPER_ORDER
from docgen.bundle.service import BundleService
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from tests import exhibit_samples as samples
from tests.support import docx_text, load_fixture, normalize

# on one worker: its module fixtures (the bundle) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle_papers")]

COMPLAINT = load_fixture("civil_complaint", "valid", "elements_company_lender")
PLAINTIFF = COMPLAINT["plaintiffs"][0]["party"]
FILES = {"contract.pdf": samples.pdf_with_pages("contract", 2)}
OWN_NUMBER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")
STAMP = re.compile(r"第\s*(\d+)\s*页(?!\s*共)")


def _papers() -> list[dict]:
    """The four papers as a user lists them (in no particular order), each without its
    case: the bundle fills in the court, cause and parties from the complaint."""
    poa = load_fixture("power_of_attorney", "valid", "company_general_lawyer_and_employee")
    letter = load_fixture("firm_letter", "valid", "two_lawyers_for_a_company")
    certificate = load_fixture(
        "representative_certificate", "valid", "plaintiff_company_for_the_case"
    )
    service = load_fixture("service_address", "valid", "company_paper_only")
    for data in (poa, letter, certificate, service):
        del data["case"]
    return [
        {"type": "service_address", "data": service},
        {"type": "power_of_attorney", "data": poa},
        {"type": "firm_letter", "data": letter},
        {"type": "representative_certificate", "data": certificate},
    ]


def bundle_case(**changes):
    case = {
        "court": COMPLAINT["court"],
        "case_type": "民间借贷纠纷",
        "filing_date": "2026-11-16",
        "complaint": {"type": "civil_complaint", "data": COMPLAINT},
        "papers": _papers(),
        "exhibits": [
            {
                "name": "借款合同",
                "source": "原告持有",
                "purpose": "证明借款合同关系",
                "file": "contract.pdf",
            }
        ],
    }
    case.update(changes)
    return case


@pytest.fixture(scope="module")
def built(service):
    return BundleService(service).build(bundle_case(), FILES)


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _outline(pdf: bytes) -> dict[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }


def test_the_papers_follow_the_complaint_in_the_courts_order_before_the_evidence(built):
    marks = _outline(built.pdf)
    titles = [registry.get(name).title for name in PAPER_ORDER]
    order = ["封面", "起诉状", *titles, "证据目录", "证据"]
    assert sorted(marks, key=marks.__getitem__) == order
    texts = [normalize(t) for t in _texts(built.pdf)]
    for title in titles:  # each paper's first page opens with its title (under a letterhead)
        assert normalize(title) in texts[marks[title]][:120], title
        assert normalize(title) not in texts[marks[title] - 1], title


def test_page_numbers_run_on_and_the_evidence_list_cites_the_exhibits_true_pages(built):
    texts = _texts(built.pdf)
    assert len(texts) == built.pages
    marks = _outline(built.pdf)
    own = range(marks["起诉状"], marks["证据目录"] + 1)  # the documents number themselves
    for index, text in enumerate(texts):
        if index in own:
            assert len(OWN_NUMBER.findall(text)) == 1 and not STAMP.findall(text), index
        else:
            assert [int(n) for n in STAMP.findall(text)][-1] == index + 1
    (row,) = built.manifest
    assert (row["first_page"], row["last_page"]) == (built.pages - 1, built.pages)
    assert "contract page 1" in texts[row["first_page"] - 1]
    cited = f"{row['first_page']}-{row['last_page']}"
    assert cited in normalize(_texts(built.evidence_list_pdf)[0])


def test_the_papers_name_the_complaints_case_and_parties(built):
    texts = normalize("".join(_texts(built.pdf)))
    plaintiff, court = PLAINTIFF["name"], COMPLAINT["court"]
    assert (
        f"在原告{plaintiff}诉被告王磊、福州闽江建材有限公司民间借贷纠纷一案中，"
        f"作为原告{plaintiff}的诉讼代理人" in texts
    )
    assert f"本证明书用于{court}审理的原告{plaintiff}诉被告王磊" in texts
    assert f"受送达人{plaintiff}（原告）" in texts
    cover = normalize(_texts(built.pdf)[0])
    assert (
        "起诉状、法定代表人身份证明书、授权委托书、律师事务所函、送达地址确认书、证据目录、证据"
        in cover
    )


def test_the_zip_holds_each_paper_as_pdf_and_docx(built):
    archive = zipfile.ZipFile(io.BytesIO(built.zip()))
    names = set(archive.namelist())
    for stem in (
        "授权委托书-深圳市恒信商贸有限公司-20261116",
        "律师事务所函-深圳市恒信商贸有限公司-20261116",
        "法定代表人身份证明书-深圳市恒信商贸有限公司-20261116",
        "送达地址确认书-深圳市恒信商贸有限公司-20261116",
    ):
        assert {f"{stem}.pdf", f"{stem}.docx"} <= names, stem
    docx = normalize(docx_text(archive.read("授权委托书-深圳市恒信商贸有限公司-20261116.docx")))
    assert "代理权限：一般授权" in docx


def test_a_paper_for_another_court_or_with_bad_data_is_refused_on_its_fields(service):
    papers = _papers()
    papers[1]["data"]["case"] = {
        "court": "北京市东城区人民法院",
        "plaintiffs": [PLAINTIFF["name"]],
        "defendants": ["王磊"],
    }
    papers[1]["data"]["powers"] = ["settle"]  # with a general authority
    # by e-mail, without consent to electronic service and without the address
    papers[0]["data"]["ways"] = ["email"]
    with pytest.raises(CaseInvalid) as caught:
        BundleService(service).build(bundle_case(papers=papers), FILES)
    errors = {(p.loc, p.code) for p in caught.value.problems if p.severity == "error"}
    assert errors == {
        (("papers", 1, "data", "case", "court"), "court_mismatch"),
        (("papers", 1, "data", "powers"), "general_with_special_powers"),
        (("papers", 0, "data", "electronic"), "ways_without_consent"),
        (("papers", 0, "data", "email"), "missing"),
    }
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith("授权委托书：一般授权不包括代为进行和解") for m in messages)
